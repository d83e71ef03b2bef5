// dossier build --watch: reloads this page when the editions are rebuilt. Only pages built
// with --watch load it; `dossier build` writes pages without any script.
(function () {
  var seen = null;
  window.dossierBuilt = function (id) {
    if (seen === null) {
      seen = id;
      document.documentElement.setAttribute("data-built", id);
    } else if (id !== seen) {
      location.reload();
    }
  };
  function poll() {
    var s = document.createElement("script");
    s.src = "../.dossier-built.js?" + Date.now();
    s.onload = s.onerror = function () {
      s.remove();
    };
    document.head.appendChild(s);
  }
  poll();
  setInterval(poll, 1000);
})();

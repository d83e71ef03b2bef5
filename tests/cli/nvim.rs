//! End to end with a real editor: Neovim (Debian's `neovim`, installed by `cargo xtask
//! ci`) runs headless with its built-in LSP client configured by
//! tests/data/nvim/dossier.lua (the configuration docs/editors.md gives), opens a locale
//! file of a temporary project, waits for the server's diagnostics, applies the "accept"
//! code action and writes the file (tests/data/nvim/accept.lua); `dossier status` then
//! counts the message as translated.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{repo_root, Project};

const SOURCE: &str = "# Title\n\n## Opposition to regime\n\nFirst paragraph about 2001.\n";

#[test]
fn neovim_applies_the_accept_action_and_status_agrees() {
    let p = Project::new(SOURCE);
    p.ok(&["sync"]);
    // The French was made from an older English: one message stale.
    let fr = "# en: Title\ntitle = Titre\n\n# en: Opposition to the regime\nopposition-to-regime = Opposition au régime\n\n# en: First paragraph about 2001.\nopposition-to-regime-p1 = Premier paragraphe sur 2001.\n";
    p.write("locales/fr/doc.ftl", fr);
    let before = p.status_json("fr");
    assert_eq!(
        (before["translated"].as_u64(), before["stale"].as_u64()),
        (Some(2), Some(1))
    );

    let data = repo_root().join("tests/data/nvim");
    let home = p.path(".nvim-home");
    std::fs::create_dir_all(&home).expect("home");
    let (out_path, err_path) = (home.join("stdout"), home.join("stderr"));
    let said = || {
        let read = |p: &std::path::Path| std::fs::read_to_string(p).unwrap_or_default();
        format!("{}\n{}", read(&out_path), read(&err_path))
    };
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-i", "NONE"])
        .arg("--cmd")
        .arg(format!(
            "let g:dossier_cmd = ['{}', 'lsp']",
            env!("CARGO_BIN_EXE_dossier")
        ))
        .arg("--cmd")
        .arg(format!("luafile {}", data.join("dossier.lua").display()))
        .arg("-c")
        .arg(format!("luafile {}", data.join("accept.lua").display()))
        .arg("locales/fr/doc.ftl")
        .current_dir(p.dir.path())
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdin(Stdio::null())
        // Files, not pipes: nothing Neovim says can block it while the test waits.
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .expect("nvim: `apt-get install neovim` (cargo xtask ci installs it)");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait for nvim") {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("nvim did not finish in 90 s:\n{}", said());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "nvim exited with {status}:\n{}", said());
    // The stamp is the current English; nothing else in the file changed.
    assert_eq!(
        p.read("locales/fr/doc.ftl"),
        fr.replace("Opposition to the regime", "Opposition to regime")
    );
    let after = p.status_json("fr");
    assert_eq!(
        (after["translated"].as_u64(), after["stale"].as_u64()),
        (Some(3), Some(0))
    );
}

//! Editions end to end: the derived kk-Latn edition, inert translations, the review page,
//! `build --watch`, `build --pdf`, and every edition opened in headless Chromium.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use scraper::{ElementRef, Html, Selector};

use super::{repo_root, Project, SOURCE};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("selector {s}: {e}"))
}

fn attr<'a>(e: &ElementRef<'a>, name: &str) -> Option<&'a str> {
    e.value().attr(name)
}

/// A project holding the repository's own dossier and translations, made to exercise every
/// kind of passage: a reworded paragraph and heading (stale everywhere), messages missing
/// in kk (falling back to ru, and to en where ru lacks them too) and in fr.
pub fn dossier_project() -> Project {
    let p = Project::new("x\n");
    std::fs::remove_file(p.path("source/doc.md")).expect("rm");
    let src = std::fs::read_to_string(repo_root().join("source/dossier.md")).expect("source");
    for l in ["en", "fr", "ru", "kk"] {
        let rel = format!("locales/{l}/dossier.ftl");
        let text = std::fs::read_to_string(repo_root().join(&rel)).expect("ftl");
        let text = match l {
            "kk" => drop_messages(
                &text,
                &[
                    "opposition-to-regime-p3",
                    "extradition-proceedings-and-political",
                    "extradition-proceedings-and-political-p1",
                ],
            ),
            "ru" => drop_messages(&text, &["extradition-proceedings-and-political-p1"]),
            "fr" => drop_messages(&text, &["opposition-to-regime-p3"]),
            _ => text,
        };
        p.write(&rel, &text);
    }
    p.write(
        "source/dossier.md",
        &src.replace(
            "## Surprising revocation of asylum",
            "## Surprising and sudden revocation of asylum",
        )
        .replace(
            "Mukhtar Ablyazov used to be a leading donor",
            "Mukhtar Ablyazov was for many years a leading donor",
        ),
    );
    p.ok(&["sync"]);
    p
}

/// The FTL text without the given messages (and their comments).
fn drop_messages(ftl: &str, ids: &[&str]) -> String {
    ftl.split("\n\n")
        .filter(|entry| {
            !ids.iter()
                .any(|id| entry.lines().any(|l| l.starts_with(&format!("{id} ="))))
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn kk_latn_is_derived_from_kk_and_listed_in_every_switcher() {
    let p = Project::new(SOURCE);
    p.ok(&["sync"]);
    p.write(
        "locales/kk/doc.ftl",
        "title = Тақырып: ӘБЛЯЗОВ және Иә\n\nopposition-to-regime = Режимге қарсы оппозиция\n\nopposition-to-regime-p1 = 2001 жыл туралы [сілтеме](https://kk.wikipedia.org/wiki/Қазақстан) және `код`.[^1]\n",
    );
    let out = p.ok(&["build"]);
    assert!(
        out.contains("kk-Latn/doc: 3 translated, 0 stale, 3 fallback of 6 (derived from kk)"),
        "{out}"
    );
    assert!(!p.path("locales/kk-Latn").exists());
    let html = p.read("build/kk-Latn/doc.html");
    let dom = Html::parse_document(&html);
    let root = dom.root_element();
    assert_eq!(attr(&root, "lang"), Some("kk-Latn"));
    let title = dom
        .select(&sel("title"))
        .next()
        .map(|t| t.text().collect::<String>());
    assert_eq!(title.as_deref(), Some("Taqyryp: ÄBLİAZOV jäne İä"));
    let h2: String = dom
        .select(&sel("h2#opposition-to-regime"))
        .flat_map(|h| h.text())
        .collect();
    assert_eq!(h2, "Rejimge qarsy oppozisiia");
    // URLs, link targets, code and footnote labels are left alone.
    let para = dom
        .select(&sel("#opposition-to-regime + p"))
        .next()
        .expect("paragraph")
        .html();
    // (percent-encoded "Қазақстан": the Cyrillic target, not "Qazaqstan")
    assert!(
        para.contains(
            "href=\"https://kk.wikipedia.org/wiki/%D2%9A%D0%B0%D0%B7%D0%B0%D2%9B%D1%81%D1%82%D0%B0%D0%BD\""
        ),
        "{para}"
    );
    assert!(para.contains(">sılteme</a>"), "{para}");
    assert!(para.contains("<code>код</code>"), "{para}");
    assert!(para.contains("href=\"#fn-1\""), "{para}");
    // The page says it is derived and links to the original.
    let note = dom
        .select(&sel(".derived-note"))
        .next()
        .expect("derived note");
    assert!(note
        .text()
        .collect::<String>()
        .contains("2021 jylğy latyn älıpbiıne"));
    assert!(note.html().contains("href=\"../kk/doc.html\""));
    // The interface is transliterated too; fallbacks keep their own script and lang.
    assert!(html.contains("Mazmūny"), "{html}");
    assert!(html.contains("<span class=\"fallback\" lang=\"en\">Second paragraph.</span>"));
    // Every edition's switcher lists Qazaqşa.
    for l in ["en", "fr", "ru", "kk"] {
        let page = p.read(&format!("build/{l}/doc.html"));
        assert!(
            page.contains(
                "<a href=\"../kk-Latn/doc.html\" lang=\"kk-Latn\" hreflang=\"kk-Latn\">Qazaqşa</a>"
            ),
            "{l}"
        );
    }
    // Asking for kk builds its derived edition too; kk-Latn alone is accepted.
    let out = p.ok(&["build", "kk"]);
    assert!(out.contains("kk-Latn/doc"), "{out}");
    p.ok(&["build", "kk-Latn"]);
}

/// A locale file full of attacks: every one must come out as inert text.
const HOSTILE_FR: &str = r#"title = Titre <script>document.title='PWNED'</script>

opposition-to-regime = Opposition <img src=x onerror="document.body.setAttribute('data-pwned','1')">

opposition-to-regime-p1 = [clic](javascript:alert(1)) [b64](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [ent](jav&#x61;script:alert(1)) <javascript:alert(2)> ![pixel](https://tracker.example/p.png) <a href="javascript:alert(3)">a</a> <svg onload="alert(4)"></svg> <iframe src="https://evil.example/"></iframe>[^1]

opposition-to-regime-p2 = Texte" onmouseover="alert(5)" x=" et <a title="

grave-risks = Risques"><script>alert(6)</script><b x="

grave-risks-p1 = Ligne
    <script>alert(7)</script>
    <style>body, html * [display: none]</style>
    <div onclick="alert(8)">bloc</div>
"#;

/// Structural checks of a page's DOM: nothing executable, nothing loaded.
fn assert_inert(dom: &Html, what: &str) {
    for tag in [
        "script", "iframe", "svg", "object", "embed", "img", "form", "base",
    ] {
        assert_eq!(
            dom.select(&sel(tag)).count(),
            0,
            "{what}: a <{tag}> element"
        );
    }
    assert_eq!(
        dom.select(&sel("style")).count(),
        1,
        "{what}: extra <style>"
    );
    for e in dom.select(&sel("*")) {
        for (name, value) in e.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "{what}: event handler {name}={value:?}"
            );
            if matches!(
                name,
                "href" | "src" | "srcset" | "action" | "formaction" | "poster"
            ) {
                let v: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                assert!(
                    !v.starts_with("javascript:") && !v.starts_with("data:"),
                    "{what}: {name}={value:?}"
                );
                // Nothing is loaded from elsewhere (a link is not a load).
                if name != "href" {
                    assert!(!v.contains("example"), "{what}: {name}={value:?}");
                }
            }
        }
    }
}

#[test]
fn a_locale_file_cannot_inject_markup() {
    let p = Project::new(SOURCE);
    p.ok(&["sync"]);
    p.write("locales/fr/doc.ftl", HOSTILE_FR);
    p.write(
        "locales/kk/doc.ftl",
        "title = Тақырып <script>alert(9)</script>\n\ngrave-risks = Қатер <img src=x onerror=alert(10)>\n",
    );
    p.ok(&["build"]);
    for l in ["fr", "kk", "kk-Latn"] {
        let html = p.read(&format!("build/{l}/doc.html"));
        let dom = Html::parse_document(&html);
        assert_inert(&dom, l);
    }
    let html = p.read("build/fr/doc.html");
    let dom = Html::parse_document(&html);
    let text: String = dom.root_element().text().collect();
    // The attacks are shown as the text the translator wrote.
    for shown in [
        "<script>document.title='PWNED'</script>",
        "onerror=\"document.body.setAttribute('data-pwned','1')\"",
        "<script>alert(7)</script>",
        "Texte\" onmouseover=\"alert(5)\" x=\"",
        "<iframe src=\"https://evil.example/\"></iframe>",
    ] {
        assert!(text.contains(shown), "not shown as text: {shown}\n{html}");
    }
    // Link texts survive without their links.
    for shown in ["clic", "b64", "ent", "pixel"] {
        assert!(text.contains(shown), "{shown}");
    }
    // The title breaks out of nothing.
    let title: String = dom
        .select(&sel("title"))
        .next()
        .map(|t| t.text().collect())
        .unwrap_or_default();
    assert_eq!(title, "Titre <script>document.title='PWNED'</script>");
    let toc: Vec<String> = dom
        .select(&sel(".toc a"))
        .map(|a| a.text().collect())
        .collect();
    assert!(toc.contains(&"Risques\"><script>alert(6)</script><b x=\"".to_string()));
}

#[test]
fn diff_html_writes_a_side_by_side_review_page() {
    let p = Project::new(SOURCE);
    p.ok(&["sync"]);
    p.write(
        "locales/fr/doc.ftl",
        "grave-risks-p1 = Le troisième <b>.\n\ntitle = Titre\n",
    );
    p.ok(&["sync"]);
    p.write(
        "source/doc.md",
        &SOURCE.replace("Third one.", "Third one, reworded."),
    );
    let out = p.ok(&["diff", "fr", "--html", "review.html"]);
    assert!(
        out.contains("review page written to review.html: 5 message(s) need work"),
        "{out}"
    );
    let html = p.read("review.html");
    let dom = Html::parse_document(&html);
    assert_inert(&dom, "review");
    let items: Vec<ElementRef> = dom.select(&sel("article.item")).collect();
    assert_eq!(items.len(), 5);
    let stale = dom
        .select(&sel("article.item.stale"))
        .next()
        .expect("a stale item");
    assert_eq!(attr(&stale, "id"), Some("doc--grave-risks-p1"));
    let ins: Vec<String> = stale
        .select(&sel("ins"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(ins, [", reworded"]);
    let tr = stale.select(&sel(".col.tr")).next().expect("translation");
    assert_eq!(attr(&tr, "lang"), Some("fr"));
    assert!(tr.text().collect::<String>().contains("Le troisième <b>."));
    assert!(stale.text().collect::<String>().contains("wording"));
    let missing = dom.select(&sel("article.item.missing")).count();
    assert_eq!(missing, 4);
    // Every link of the page's index resolves.
    let ids: HashSet<&str> = dom
        .select(&sel("[id]"))
        .filter_map(|e| attr(&e, "id"))
        .collect();
    for a in dom.select(&sel("a[href^='#']")) {
        let target = attr(&a, "href").unwrap_or("#").trim_start_matches('#');
        assert!(ids.contains(target), "{target}");
    }
}

#[test]
fn build_watch_rebuilds_what_a_saved_change_affects() {
    let p = Project::new(SOURCE);
    p.ok(&["sync"]);
    p.write("locales/ru/doc.ftl", "title = Заголовок\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--watch"])
        .current_dir(p.dir.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn dossier build --watch");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    // Waits for a line (a generous bound so a stuck watcher fails instead of hanging).
    let mut wait_for = |needle: &str| -> String {
        loop {
            match rx.recv_timeout(Duration::from_secs(120)) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => continue,
                Err(e) => {
                    let _ = child.kill();
                    panic!("no line with {needle:?} from build --watch: {e}");
                }
            }
        }
    };
    wait_for("watching");
    assert!(p.read("build/kk/doc.html").contains("Заголовок"));
    // A Russian edit reaches ru, kk (which falls back to ru) and kk-Latn; not fr or en.
    p.write("locales/ru/doc.ftl", "title = Новый заголовок\n");
    let line = wait_for("rebuilt");
    assert_eq!(line, "rebuilt kk/doc, kk-Latn/doc, ru/doc");
    assert!(p.read("build/ru/doc.html").contains("Новый заголовок"));
    assert!(p.read("build/kk/doc.html").contains("Новый заголовок"));
    assert!(p.read("build/kk-Latn/doc.html").contains("Новый заголовок"));
    // A broken save is reported and the watcher carries on.
    p.write_bytes("locales/fr/doc.ftl", b"title = Titre \xff\n");
    wait_for("invalid UTF-8");
    p.write("locales/fr/doc.ftl", "title = Titre\n");
    let line = wait_for("rebuilt");
    assert_eq!(line, "rebuilt fr/doc");
    assert!(p.read("build/fr/doc.html").contains("Titre"));
    // An English change rebuilds every edition.
    p.write("source/doc.md", &SOURCE.replace("Third one.", "Third one!"));
    let line = wait_for("rebuilt");
    assert_eq!(line, "rebuilt en/doc, fr/doc, kk/doc, kk-Latn/doc, ru/doc");
    assert!(p.read("build/en/doc.html").contains("Third one!"));
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn build_pdf_without_chromium_says_how_to_install_it() {
    let p = Project::new(SOURCE);
    p.ok(&["sync"]);
    let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--pdf"])
        .current_dir(p.dir.path())
        .env("PATH", p.path("no-such-dir"))
        .env_remove("DOSSIER_CHROMIUM")
        .output()
        .expect("run dossier");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("PDF editions need headless Chromium")
            && stderr.contains("sudo apt-get install chromium")
            && stderr.contains("package is `chromium`"),
        "{stderr}"
    );
    assert!(!p.path("build").exists(), "nothing is written");
}

/// The Chromium the browser tests drive: .ci/run installs Debian's `chromium`.
fn chromium() -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|d| d.join("chromium"))
            .find(|p| p.is_file())
    });
    found.expect("the browser tests need Debian's `chromium` (apt-get install chromium; .ci/run installs it)")
}

/// Opens `page` from file:// in a fresh headless Chromium; returns the DOM it built and the
/// console messages it logged.
fn open_in_chromium(page: &Path) -> (Html, Vec<String>) {
    let profile = tempfile::tempdir().expect("profile dir");
    let page = page.canonicalize().expect("page path");
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .output()
        .expect("run chromium");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "chromium failed: {stderr}");
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(dom.contains("<html"), "no DOM from chromium: {stderr}");
    let console = stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(String::from)
        .collect();
    (Html::parse_document(&dom), console)
}

#[test]
fn every_edition_works_in_headless_chromium() {
    let p = dossier_project();
    p.ok(&["build"]);
    let editions = ["en", "fr", "ru", "kk", "kk-Latn"];
    for l in editions {
        let page = p.path(&format!("build/{l}/dossier.html"));
        let (dom, console) = open_in_chromium(&page);
        assert!(console.is_empty(), "{l}: console messages: {console:#?}");
        let root = dom.root_element();
        assert_eq!(attr(&root, "lang"), Some(l), "{l}: <html lang>");
        let ids: HashSet<&str> = dom
            .select(&sel("[id]"))
            .filter_map(|e| attr(&e, "id"))
            .collect();
        // Table of contents: every entry resolves to a heading, and every section heading
        // has an entry.
        let toc: Vec<&str> = dom
            .select(&sel("nav.toc a"))
            .filter_map(|a| attr(&a, "href"))
            .collect();
        assert_eq!(toc.len(), 13, "{l}");
        for href in &toc {
            let id = href.strip_prefix('#').unwrap_or(href);
            let target = dom
                .select(&sel(&format!("h2[id='{id}'], h3[id='{id}']")))
                .next();
            assert!(
                target.is_some(),
                "{l}: TOC link {href} resolves to no heading"
            );
        }
        // Heading anchors are the segment ids: the same in every language.
        assert!(ids.contains("opposition-to-regime"), "{l}");
        assert!(ids.contains("grave-risks"), "{l}");
        // Footnote references and back-links resolve both ways.
        let refs: Vec<ElementRef> = dom.select(&sel("sup.fnref a")).collect();
        assert!(refs.len() >= 42, "{l}: {} footnote references", refs.len());
        for a in &refs {
            let href = attr(a, "href").unwrap_or("");
            let id = href.trim_start_matches('#');
            assert!(
                dom.select(&sel(&format!(".footnotes li[id='{id}']")))
                    .next()
                    .is_some(),
                "{l}: footnote link {href} resolves to no note"
            );
        }
        let backs: Vec<ElementRef> = dom.select(&sel(".footnotes a.backref")).collect();
        assert_eq!(backs.len(), refs.len(), "{l}");
        for a in backs {
            let id = attr(&a, "href").unwrap_or("").trim_start_matches('#');
            assert!(ids.contains(id), "{l}: back-link to {id}");
        }
        // Any other in-page link resolves too.
        for a in dom.select(&sel("a[href^='#']")) {
            let id = attr(&a, "href").unwrap_or("").trim_start_matches('#');
            assert!(ids.contains(id), "{l}: link to #{id}");
        }
        // The switcher: this edition named, a link with lang/hreflang to every other one,
        // and the linked file exists.
        let current: Vec<ElementRef> = dom
            .select(&sel("nav.switcher [aria-current='page']"))
            .collect();
        assert_eq!(current.len(), 1, "{l}");
        assert_eq!(attr(&current[0], "lang"), Some(l));
        let links: Vec<ElementRef> = dom.select(&sel("nav.switcher a")).collect();
        let mut linked: Vec<&str> = links.iter().filter_map(|a| attr(a, "lang")).collect();
        linked.sort();
        let mut others: Vec<&str> = editions.iter().copied().filter(|x| *x != l).collect();
        others.sort();
        assert_eq!(linked, others, "{l}: switcher");
        for a in &links {
            let lang = attr(a, "lang").unwrap_or("");
            assert_eq!(attr(a, "hreflang"), Some(lang));
            let href = attr(a, "href").unwrap_or("");
            assert_eq!(href, format!("../{lang}/dossier.html"));
            assert!(page.parent().expect("dir").join(href).is_file(), "{href}");
        }
        // Fallback passages carry the language they are in.
        let fallbacks: Vec<&str> = dom
            .select(&sel("span.fallback"))
            .map(|s| attr(&s, "lang").unwrap_or("?"))
            .collect();
        let expected: &[&str] = match l {
            "en" => &[],
            "fr" => &["en"],
            "ru" => &["en"],
            _ => &["ru", "ru", "en"],
        };
        assert_eq!(fallbacks, expected, "{l}: fallbacks");
        let stale = dom.select(&sel("sup.mark.stale")).count();
        assert_eq!(stale, if l == "en" { 0 } else { 2 }, "{l}: stale markers");
        // No element claims a language that is not an edition's.
        for e in dom.select(&sel("[lang]")) {
            let lang = attr(&e, "lang").unwrap_or("");
            assert!(
                editions.contains(&lang),
                "{l}: lang={lang} on <{}>",
                e.value().name()
            );
        }
        assert_inert(&dom, l);
    }
}

#[test]
fn hostile_translations_stay_inert_in_headless_chromium() {
    let p = Project::new(SOURCE);
    p.ok(&["sync"]);
    p.write("locales/fr/doc.ftl", HOSTILE_FR);
    p.ok(&["build", "fr"]);
    let (dom, console) = open_in_chromium(&p.path("build/fr/doc.html"));
    assert!(console.is_empty(), "console messages: {console:#?}");
    assert_inert(&dom, "fr in chromium");
    let title: String = dom
        .select(&sel("title"))
        .next()
        .map(|t| t.text().collect())
        .unwrap_or_default();
    assert_ne!(title, "PWNED");
    let body = dom.select(&sel("body")).next().expect("body");
    assert_eq!(attr(&body, "data-pwned"), None);
}

#[test]
fn build_pdf_prints_page_numbered_reproducible_pdfs() {
    let p = dossier_project();
    let out = p.ok(&["build", "fr", "--pdf"]);
    assert!(out.contains("fr/dossier.pdf printed"), "{out}");
    assert!(out.contains("en/dossier.pdf printed"), "{out}");
    let first = std::fs::read(p.path("build/fr/dossier.pdf")).expect("pdf");
    assert!(first.starts_with(b"%PDF-"));
    assert!(!String::from_utf8_lossy(&first).contains("/CreationDate (D:"));
    // The footer carries "page / pages" on every page.
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(p.path("build/fr/dossier.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed; .ci/run installs it");
    let text = String::from_utf8_lossy(&text.stdout);
    let numbers: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| {
            l.split_once(" / ")
                .is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok())
        })
        .collect();
    assert!(numbers.len() >= 5, "page numbers: {numbers:?}");
    assert_eq!(numbers[0].split(" / ").next(), Some("1"));
    assert!(text.contains("L’affaire Abliazov") || text.contains("Abliazov"));
    // The first page is not mostly blank: the text follows the contents (it had 18 lines
    // of text against the next page's 41).
    let lines = |page: &str| {
        let o = Command::new("pdftotext")
            .args(["-layout", "-f", page, "-l", page])
            .arg(p.path("build/fr/dossier.pdf"))
            .arg("-")
            .output()
            .expect("pdftotext");
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count()
    };
    let (page1, page2) = (lines("1"), lines("2"));
    assert!(
        page1 * 10 >= page2 * 7,
        "page 1 has {page1} lines of text, page 2 {page2}"
    );
    // The same edition prints to the same bytes.
    p.ok(&["build", "fr", "--pdf"]);
    let second = std::fs::read(p.path("build/fr/dossier.pdf")).expect("pdf");
    assert!(first == second, "PDF output differs between two builds");
}

/// Names that are Latin-script in the original keep their own spelling in kk-Latn
/// (glossary.csv: `latin_name`, or a `kk-Latn` column), their Kazakh endings
/// transliterated; Kazakh names stay transliterated.
#[test]
fn kk_latn_writes_latin_script_names_in_their_own_spelling() {
    let p = Project::new(SOURCE);
    p.ok(&["sync"]);
    p.write(
        "glossary.csv",
        "en,kk,kk-Latn,kk_allowed,latin_name\nTony Blair,Тони Блэр,,Блэр,yes\nIvana Dobesova,Ивана Добешова,Ivana Dobešová,,\nAblyazov,Әблязов,,,\n",
    );
    p.write(
        "locales/kk/doc.ftl",
        "title = Тони Блэрдің хаты\n\nopposition-to-regime = Блэр, Ивана Добешова және Әблязов\n",
    );
    p.ok(&["build", "kk"]);
    let md = p.read("build/kk-Latn/doc.md");
    assert!(md.contains("# Tony Blairdıñ haty"), "{md}");
    assert!(
        md.contains("## Blair, Ivana Dobešová jäne Äbliazov"),
        "{md}"
    );
    // The Kazakh edition itself is the translators' text.
    assert!(p.read("build/kk/doc.md").contains("# Тони Блэрдің хаты"));
    // A broken glossary stops the derived edition with its line, not the others.
    p.write(
        "glossary.csv",
        "en,kk,latin_name\nTony Blair,Тони Блэр,maybe\n",
    );
    let o = p.run(&["build", "kk-Latn"]);
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    assert!(
        o.stderr
            .contains("glossary.csv:2: latin_name is `maybe`: write `yes` or leave it empty"),
        "{}",
        o.stderr
    );
    p.ok(&["build", "fr"]);
}

/// The repository's own Kazakh Latin edition: the names of the dossier's Latin-script
/// people in their own spelling, never transliterated back from Cyrillic.
#[test]
fn kk_latn_names_of_the_repository() {
    let p = super::repository();
    p.ok(&["build", "kk-Latn"]);
    let md = p.read("build/kk-Latn/dossier.md");
    for name in [
        "Tony Blair",
        "William Blair",
        "William Browder",
        "Julie Ward",
        "Mady Delvaux",
        "Marju Lauristin",
        "Ignacio Sánchez Amor",
        "Solange Legras",
        "Macron",
        "Tony Blairdıñ",
    ] {
        assert!(md.contains(name), "{name} is not in the kk-Latn edition");
    }
    for back in [
        "Toni Bler",
        "Bler",
        "Uiliam",
        "Brauder",
        "Djuli",
        "Uord",
        "Madi Delvo",
        "Mariu",
        "Makron",
    ] {
        assert!(
            !md.contains(back),
            "{back}: a name transliterated back from Cyrillic"
        );
    }
    // Kazakh and Russian names stay transliterated from the Kazakh.
    assert!(md.contains("Mūhtar Äbliazov"));
    assert!(md.contains("Nazarbaev"));
}

//! Every example of the CommonMark spec (0.31.2, the version pulldown-cmark 0.13 follows)
//! and every extension example of the GFM spec (0.29-gfm) is a document of one project
//! (tests/data/spec, with their license): one `sync` and one `build` over all of them.
//! The English edition of each is its source byte for byte, and a pseudo-translation (every
//! message prefixed) renders with the HTML elements of the English, links and images
//! included.

use std::collections::BTreeMap;

use scraper::{ElementRef, Html, Selector};

use super::Project;

#[derive(serde::Deserialize)]
struct Example {
    example: u32,
    section: String,
    markdown: String,
}

/// Document name → the example it holds.
fn examples() -> BTreeMap<String, Example> {
    let mut out = BTreeMap::new();
    for (prefix, file) in [
        ("cm", "commonmark-0.31.2.json"),
        ("gfm", "gfm-0.29-extensions.json"),
    ] {
        let path = super::repo_root().join("tests/data/spec").join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
        let list: Vec<Example> = serde_json::from_str(&text).expect("json");
        for e in list {
            out.insert(format!("{prefix}-{:03}", e.example), e);
        }
    }
    out
}

/// What is prefixed to every message of the pseudo-translation.
const PSEUDO: &str = "Ł ";

/// The element structure of an edition's article: each element's name (with its link or
/// image target), its children in brackets; text left out.
fn structure(html: &str) -> String {
    let page = Html::parse_document(html);
    let article = Selector::parse("article").expect("selector");
    let mut out = String::new();
    for a in page.select(&article) {
        walk(a, &mut out);
    }
    out
}

fn walk(e: ElementRef, out: &mut String) {
    let v = e.value();
    out.push_str(v.name());
    for name in ["href", "src"] {
        if let Some(x) = v.attr(name) {
            out.push_str(&format!("[{name}={x}]"));
        }
    }
    out.push('(');
    for c in e.children().filter_map(ElementRef::wrap) {
        walk(c, out);
    }
    out.push(')');
}

#[test]
fn every_spec_example_syncs_and_builds_in_every_language() {
    let all = examples();
    assert_eq!(all.len(), 652 + 28);
    let p = Project::new("x\n");
    p.write(
        "l10n.toml",
        "basepath = \".\"\nlocales = [\"fr\"]\n\n[[paths]]\nreference = \"locales/en/*.ftl\"\nl10n = \"locales/{locale}/*.ftl\"\n",
    );
    std::fs::remove_file(p.path("source/doc.md")).expect("rm");
    for (name, e) in &all {
        p.write(&format!("source/{name}.md"), &e.markdown);
    }
    p.ok(&["sync"]);

    // The pseudo-translation: every message of every reference, prefixed and stamped.
    let mut messages = 0;
    for name in all.keys() {
        let reference = dossier::ftl::FtlFile::parse(p.read(&format!("locales/en/{name}.ftl")));
        let mut fr = String::new();
        for (_, m) in reference.messages() {
            let value = format!("{PSEUDO}{}", m.value);
            fr.push_str(&dossier::ftl::write_message(
                &m.id,
                &value,
                &dossier::ftl::stamp_lines(&m.value),
            ));
            fr.push_str("\n\n");
            messages += 1;
        }
        p.write(&format!("locales/fr/{name}.ftl"), &fr);
    }
    // Documents with nothing to translate are among them, and many with something.
    assert!(messages > 700, "{messages} messages");
    let s = p.status_json("fr");
    assert_eq!(s["translated"].as_u64(), Some(messages), "{s}");
    p.ok(&["build"]);

    let mut failures = Vec::new();
    for (name, e) in &all {
        let what = format!("{name} (example {}, {})", e.example, e.section);
        if p.read(&format!("build/en/{name}.md")) != e.markdown {
            failures.push(format!("{what}: the English edition is not the source"));
        }
        let en = structure(&p.read(&format!("build/en/{name}.html")));
        let fr = structure(&p.read(&format!("build/fr/{name}.html")));
        if en != fr {
            failures.push(format!(
                "{what}: the pseudo-translation's elements differ\n  en: {en}\n  fr: {fr}\n  markdown: {:?}\n  fr markdown: {:?}",
                e.markdown,
                p.read(&format!("build/fr/{name}.md"))
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

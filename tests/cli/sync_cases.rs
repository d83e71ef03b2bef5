//! Alignment fixtures: tests/data/sync/<case>/ holds old.md, a French translation of it
//! (fr.ftl), new.md, and expected.txt: each message's state after the English changed,
//! in document order (`id state [class]`), then `id obsolete` lines.

use std::collections::BTreeSet;

use crate::{repo_root, settle_cache, settle_status_cache, Project};

fn ids_of(ftl: &str) -> Vec<String> {
    ftl.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .map(|l| l.split(" =").next().unwrap_or("").to_string())
        .collect()
}

fn run_case(name: &str) {
    let dir = repo_root().join("tests/data/sync").join(name);
    let read = |f: &str| {
        std::fs::read_to_string(dir.join(f)).unwrap_or_else(|e| panic!("{name}/{f}: {e}"))
    };
    let p = Project::new(&read("old.md"));
    p.ok(&["sync"]);
    let old_ids: BTreeSet<String> = ids_of(&p.read("locales/en/doc.ftl")).into_iter().collect();
    p.write("locales/fr/doc.ftl", &read("fr.ftl"));
    p.ok(&["sync"]);
    let before = p.read("locales/fr/doc.ftl");
    // A check now records the translation clean when it is: the next check must still see
    // what the English change below does to it.
    settle_status_cache(&p);
    let o = p.run(&["check", "--json"]);
    assert!(o.code <= 1, "case {name}: {}", o.stderr);
    if p.path(".dossier-cache/check-clean").exists() {
        settle_cache(&p, "check-clean");
    }
    p.write("source/doc.md", &read("new.md"));
    p.ok(&["sync"]);
    // The statuses sync recorded for the files it wrote are what planning them gives.
    settle_status_cache(&p);
    assert_eq!(
        p.ok(&["status", "--json"]),
        p.ok(&["status", "--json", "--no-cache"]),
        "case {name}: status recorded by sync"
    );
    // And `check`, which then reads the ids and English from the reference instead of
    // planning, finds what it finds with a plan.
    let check = |args: &[&str]| {
        let o = p.run(args);
        assert!(o.code <= 1, "case {name}: {}", o.stderr);
        o.stdout
    };
    let full = check(&["check", "--json", "--no-cache"]);
    assert_eq!(
        check(&["check", "--json"]),
        full,
        "case {name}: check from the reference"
    );
    // Again, with what that check found clean recorded and trusted.
    if p.path(".dossier-cache/check-clean").exists() {
        settle_cache(&p, "check-clean");
    }
    assert_eq!(
        check(&["check", "--json"]),
        full,
        "case {name}: check with clean files recorded"
    );
    let reference = p.read("locales/en/doc.ftl");
    let work = p.diff_states("fr");
    let mut actual = String::new();
    let ref_ids = ids_of(&reference);
    for id in &ref_ids {
        match work.iter().find(|w| &w.0 == id) {
            Some((_, state, class)) if !class.is_empty() => {
                actual.push_str(&format!("{id} {state} {class}\n"))
            }
            Some((_, state, _)) => actual.push_str(&format!("{id} {state}\n")),
            None => actual.push_str(&format!("{id} translated\n")),
        }
    }
    let fr = p.read("locales/fr/doc.ftl");
    for id in ids_of(&fr) {
        if !ref_ids.contains(&id) {
            actual.push_str(&format!("{id} obsolete\n"));
        }
    }
    assert_eq!(actual, read("expected.txt"), "case {name}");
    // New ids were never used before.
    for w in &work {
        if w.1 == "missing" {
            assert!(!old_ids.contains(&w.0), "case {name}: id {} reused", w.0);
        }
    }
    // No translation was lost: every message value of before is still in the file.
    for line in before
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        assert!(fr.contains(line), "case {name}: lost {line:?}");
    }
    // A second sync changes nothing.
    assert_eq!(
        p.run(&["sync", "--check"]).code,
        0,
        "case {name}: sync not idempotent"
    );
}

#[test]
fn sync_fixtures() {
    let mut cases: Vec<String> = std::fs::read_dir(repo_root().join("tests/data/sync"))
        .expect("tests/data/sync")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(cases.len() >= 8);
    for c in cases {
        run_case(&c);
    }
}

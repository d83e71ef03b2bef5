//! The architecture as a test (ARCHITECTURE.md, "Layers"): each top-level module of `src/`
//! uses only modules of its own layer or below, no two modules use each other (nor
//! through others), the core does no input or output, and the front ends reach files,
//! the lock and the caches only through the operations.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, bottom first.
const LAYERS: &[(&str, &[&str])] = &[
    ("base", &["text", "lines", "paths", "escape"]),
    (
        "core",
        &[
            "segment",
            "align",
            "ftl",
            "change",
            "config",
            "plan",
            "glossary",
            "suggest",
            "approval",
            "translit",
            "ui",
            "render",
            "review",
            "interop",
            "checks",
            "merge",
            "highlight",
            "plural",
        ],
    ),
    ("io", &["fsio", "git", "chromium", "project", "cache"]),
    ("ops", &["ops"]),
    ("front ends", &["cli", "serve", "lsp"]),
];

/// What the core may not do: touch files or processes, print, fail with anyhow, parse
/// arguments.
const IO: &[&str] = &[
    "std::fs",
    "std::process",
    "println!",
    "eprintln!",
    "anyhow",
    "clap::",
];

/// The code of a file without its tests (they come last, after `#[cfg(test)]`).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Top-level module → the code of its files (a directory module's files together).
fn modules() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(&src).unwrap_or_else(|e| panic!("{e}")) {
        let path = e.unwrap_or_else(|e| panic!("{e}")).path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if name == "lib" || name == "main" || name == "assets" {
            continue;
        }
        let text = if path.is_dir() {
            let mut all = String::new();
            let mut stack = vec![path.clone()];
            while let Some(dir) = stack.pop() {
                for f in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")) {
                    let f = f.unwrap_or_else(|e| panic!("{e}")).path();
                    if f.is_dir() {
                        stack.push(f);
                    } else if f.extension().is_some_and(|x| x == "rs")
                        && f.file_name().is_some_and(|n| n != "tests.rs")
                    {
                        all.push_str(&code(&f));
                    }
                }
            }
            all
        } else if path.extension().is_some_and(|x| x == "rs") {
            code(&path)
        } else {
            continue;
        };
        out.insert(name, text);
    }
    out
}

/// The other top-level modules a module's code names (`crate::NAME`).
fn uses(text: &str, modules: &BTreeMap<String, String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if modules.contains_key(&name) {
            out.insert(name);
        }
    }
    out
}

fn layer_of(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|(_, ms)| ms.contains(&module))
        .unwrap_or_else(|| {
            panic!("src/{module}: add it to a layer in tests/layers.rs and ARCHITECTURE.md")
        })
}

#[test]
fn every_module_uses_only_its_layer_and_those_below() {
    let modules = modules();
    let mut bad = Vec::new();
    for (m, text) in &modules {
        for d in uses(text, &modules) {
            if d != *m && layer_of(&d) > layer_of(m) {
                bad.push(format!(
                    "{m} ({}) uses {d} ({})",
                    LAYERS[layer_of(m)].0,
                    LAYERS[layer_of(&d)].0
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn no_module_uses_itself_through_others() {
    let modules = modules();
    let graph: BTreeMap<&str, BTreeSet<String>> = modules
        .iter()
        .map(|(m, t)| {
            let mut u = uses(t, &modules);
            u.remove(m);
            (m.as_str(), u)
        })
        .collect();
    for start in graph.keys() {
        // Everything reachable from `start`'s dependencies.
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&str> = graph[start].iter().map(String::as_str).collect();
        while let Some(m) = stack.pop() {
            assert_ne!(m, *start, "{start} uses itself through other modules");
            if seen.insert(m) {
                stack.extend(graph[m].iter().map(String::as_str));
            }
        }
    }
}

#[test]
fn the_core_does_no_input_or_output() {
    let modules = modules();
    let core = ["base", "core"];
    for (m, text) in &modules {
        if !core.contains(&LAYERS[layer_of(m)].0) {
            continue;
        }
        for needle in IO {
            assert!(!text.contains(needle), "{m} (core) uses {needle}");
        }
    }
}

#[test]
fn front_ends_reach_files_locks_and_caches_through_the_operations() {
    let modules = modules();
    for (front, _) in LAYERS
        .iter()
        .filter(|(l, _)| *l == "front ends")
        .flat_map(|(_, ms)| ms.iter().map(|m| (*m, ())))
    {
        let used = uses(&modules[front], &modules);
        for io in ["fsio", "cache", "git", "chromium"] {
            assert!(!used.contains(io), "{front} uses {io}: go through ops");
        }
    }
}

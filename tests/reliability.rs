//! Nothing a translator wrote is ever lost: sync under generated edit sequences, a fault
//! at every step of every write, concurrent runs, hostile sizes and nesting.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dossier::config::Config;
use dossier::fsio::{self, FileError, Step, Writer};
use dossier::ftl::FtlFile;
use dossier::plan::{self, DocInput};
use proptest::prelude::*;

const POOL: &[&str] = &[
    "In 2001 Mukhtar Ablyazov founded the Democratic Choice of Kazakhstan.",
    "He was later imprisoned and tortured after a conflict with the president.",
    "For more than twenty years he has led the democratic opposition.",
    "No state is likely to let him in, as he has no valid documents.",
    "If deported he would face torture, a show trial and death.",
    "The court rejected the extradition request as politically motivated.",
    "Kazakhstan exported 11.5 tonnes of gunpowder to Russia in 2022.",
    "European officials reported a shortage of explosives in March 2023.",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, usize),
    Delete(usize),
    Reword(usize, usize),
    Move(usize, usize),
    Split(usize),
    Merge(usize),
    Heading(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..20usize, 0..POOL.len()).prop_map(|(a, b)| Edit::Insert(a, b)),
        (0..20usize).prop_map(Edit::Delete),
        (0..20usize, 0..POOL.len()).prop_map(|(a, b)| Edit::Reword(a, b)),
        (0..20usize, 0..20usize).prop_map(|(a, b)| Edit::Move(a, b)),
        (0..20usize).prop_map(Edit::Split),
        (0..20usize).prop_map(Edit::Merge),
        (0..20usize).prop_map(Edit::Heading),
    ]
}

fn apply(blocks: &mut Vec<String>, e: &Edit) {
    let n = blocks.len().max(1);
    match *e {
        Edit::Insert(a, b) => blocks.insert(a % (blocks.len() + 1), POOL[b].to_string()),
        Edit::Delete(a) if blocks.len() > 1 => {
            blocks.remove(a % n);
        }
        Edit::Reword(a, b) if !blocks.is_empty() => {
            let i = a % n;
            blocks[i] = format!("{} {}", blocks[i], POOL[b].split(' ').next().unwrap_or(""));
        }
        Edit::Move(a, b) if !blocks.is_empty() => {
            let x = blocks.remove(a % n);
            let len = blocks.len();
            blocks.insert(b % (len + 1), x);
        }
        Edit::Split(a) if !blocks.is_empty() => {
            let i = a % n;
            let words: Vec<String> = blocks[i].split(' ').map(String::from).collect();
            if words.len() > 3 {
                let (x, y) = words.split_at(words.len() / 2);
                blocks[i] = x.join(" ");
                blocks.insert(i + 1, y.join(" "));
            }
        }
        Edit::Merge(a) if blocks.len() > 2 => {
            let i = a % (blocks.len() - 1);
            let next = blocks.remove(i + 1);
            blocks[i] = format!("{} {next}", blocks[i]);
        }
        Edit::Heading(a) if !blocks.is_empty() => {
            let i = a % n;
            if !blocks[i].starts_with("## ") {
                blocks[i] = format!("## Section {i}");
            }
        }
        _ => {}
    }
}

fn values(text: &str) -> Vec<(String, String)> {
    FtlFile::parse(text)
        .messages()
        .map(|(_, m)| (m.id.clone(), m.value.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Promise 1: every translation present before a sync is present after it, byte for byte.
    #[test]
    fn no_translation_is_lost_through_sync(edits in prop::collection::vec(edit(), 1..12)) {
        let config = Config::parse("locales = [\"fr\"]\n", None).map_err(TestCaseError::fail)?;
        let mut blocks: Vec<String> = POOL.iter().map(|s| s.to_string()).collect();
        let mut reference: Option<String> = None;
        let mut fr: Option<String> = None;
        let mut ever: BTreeMap<String, String> = BTreeMap::new();
        for (step, e) in edits.iter().enumerate() {
            let source = format!("# Title\n\n{}\n", blocks.join("\n\n"));
            let input = DocInput {
                name: "doc".into(),
                source,
                reference: reference.clone(),
                locales: [("fr".to_string(), fr.clone())].into_iter().collect(),
                ..Default::default()
            };
            let p = plan::plan(&config, &[input]);
            let d = &p.docs[0];
            reference = Some(d.reference_new().to_string());
            let lp = &d.locales[0];
            let mut text = lp.new_text.clone().or_else(|| lp.file.as_ref().map(|f| f.src.clone())).unwrap_or_default();
            // Translate whatever is missing, as a translator would.
            for (k, m) in d.messages.iter().enumerate() {
                if lp.states[k] == plan::State::Missing {
                    let v = format!("FR{step} {}", m.text);
                    text.push_str(&format!("\n{} = {}\n", m.id, v));
                    ever.insert(m.id.clone(), v);
                }
            }
            for (id, v) in &ever {
                prop_assert!(values(&text).iter().any(|(i, x)| i == id && x == v), "lost {id} = {v} at step {step}");
            }
            fr = Some(text);
            apply(&mut blocks, e);
        }
    }
}

/// A writer that fails at the k-th step of any atomic write (a file that exists is
/// swapped with its spare, a new one goes through a temporary file: both are exercised).
struct Faulty {
    k: usize,
    steps: usize,
    spares: fsio::AtomicWriter,
}

impl Writer for Faulty {
    fn write(&mut self, path: &Path, contents: &str) -> Result<(), FileError> {
        let (k, steps) = (self.k, &mut self.steps);
        let spare = self.spares.spare(path);
        fsio::write_atomic_steps(
            path,
            contents.as_bytes(),
            spare.as_deref(),
            &mut |_s: Step| {
                *steps += 1;
                if *steps == k {
                    Err(std::io::Error::other("injected fault"))
                } else {
                    Ok(())
                }
            },
        )
    }
}

fn snapshot(root: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    for l in ["en", "fr", "ru"] {
        let dir = root.join("locales").join(l);
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            out.insert(
                e.path(),
                std::fs::read_to_string(e.path()).unwrap_or_default(),
            );
        }
    }
    out
}

/// Promise 2: a fault at any step of a sync leaves each file entirely old or entirely new,
/// and no temporary file behind.
#[test]
fn a_fault_at_every_step_leaves_files_old_or_new() {
    let setup = |dir: &Path| {
        std::fs::create_dir_all(dir.join("source")).expect("mkdir");
        std::fs::write(dir.join("l10n.toml"), "locales = [\"fr\", \"ru\"]\n").expect("write");
        std::fs::write(dir.join("source/a.md"), "# A\n\nOne.\n\nTwo.\n").expect("write");
        std::fs::write(dir.join("source/b.md"), "# B\n\nThree.\n").expect("write");
        for (l, t) in [("fr", "a = A fr\n"), ("ru", "a = A ru\n")] {
            std::fs::create_dir_all(dir.join("locales").join(l)).expect("mkdir");
            std::fs::write(dir.join("locales").join(l).join("a.ftl"), t).expect("write");
        }
    };
    // The outcome without faults.
    let clean = tempfile::tempdir().expect("tmp");
    setup(clean.path());
    let before = snapshot(clean.path());
    let run = |dir: &Path, w: &mut dyn Writer| {
        let project = dossier::project::Project::open(dir).expect("open");
        let plan = plan::plan(&project.config, &project.read_all().expect("read"));
        dossier::ops::sync::sync_plan(&project, &plan, false, w)
    };
    let mut counter = Faulty {
        k: 0,
        steps: 0,
        spares: fsio::AtomicWriter::for_project(clean.path()),
    };
    run(clean.path(), &mut counter).expect("sync");
    let total = counter.steps;
    // The files that existed were swapped with their spares, which keep the old text.
    assert_eq!(
        std::fs::read_to_string(
            clean
                .path()
                .join(".dossier-cache/spare/project/locales/fr/a.ftl")
        )
        .ok()
        .as_deref(),
        Some("a = A fr\n")
    );
    assert!(total >= 12, "4 files × 4 steps expected, got {total}");
    let after = snapshot(clean.path());
    let rel = |m: BTreeMap<PathBuf, String>, root: &Path| -> BTreeMap<PathBuf, String> {
        m.into_iter()
            .map(|(p, t)| (p.strip_prefix(root).map(Path::to_path_buf).unwrap_or(p), t))
            .collect()
    };
    let (before, after) = (rel(before, clean.path()), rel(after, clean.path()));
    for k in 1..=total {
        let dir = tempfile::tempdir().expect("tmp");
        setup(dir.path());
        let mut faulty = Faulty {
            k,
            steps: 0,
            spares: fsio::AtomicWriter::for_project(dir.path()),
        };
        let result = run(dir.path(), &mut faulty);
        assert!(result.is_err(), "fault at step {k} must be reported");
        let now = rel(snapshot(dir.path()), dir.path());
        for (path, text) in &now {
            let old = before.get(path);
            let new = after.get(path);
            assert!(
                old == Some(text) || new == Some(text),
                "step {k}: {} is neither old nor new",
                path.display()
            );
            assert!(
                !path.to_string_lossy().contains(".dossier-"),
                "step {k}: temporary file left: {}",
                path.display()
            );
        }
        // Running sync again completes the job.
        run(dir.path(), &mut fsio::AtomicWriter::for_project(dir.path())).expect("sync again");
        assert_eq!(
            rel(snapshot(dir.path()), dir.path()),
            after,
            "step {k}: resumed sync differs"
        );
    }
}

#[test]
fn deep_nesting_and_huge_lines_do_not_crash() {
    let config = Config::parse("locales = [\"fr\"]\n", None).expect("config");
    let deep_quote = format!("{}text\n", ">".repeat(10_000));
    let deep_list = (0..10_000)
        .map(|i| format!("{}- x\n", "  ".repeat(i)))
        .collect::<String>();
    let brackets = format!("{}x{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let emphasis = format!("{}x{}\n", "*".repeat(10_000), "*".repeat(10_000));
    let long_line = format!("{}\n", "word ".repeat(2_000_000));
    for src in [deep_quote, deep_list, brackets, emphasis, long_line] {
        let input = DocInput {
            name: "doc".into(),
            source: src.clone(),
            reference: None,
            locales: Default::default(),
            ..Default::default()
        };
        let p = plan::plan(&config, &[input]);
        let ed = dossier::render::compose(&p.docs[0], "en", &config);
        assert_eq!(ed.markdown, src);
        let _ = dossier::render::page(
            &ed,
            &dossier::render::PageContext {
                doc_name: "doc",
                locales: &[],
            },
        );
    }
}

#[test]
fn a_one_megabyte_translation_round_trips() {
    let value = "Перевод с «кавычками» и {скобками}. ".repeat(30_000);
    let text = format!(
        "{}\n",
        dossier::ftl::write_message("big", &value, &dossier::ftl::stamp_lines("Big."))
    );
    assert!(text.len() > 1_000_000);
    assert_eq!(
        FtlFile::parse(&text)
            .message("big")
            .map(|m| m.value.clone()),
        Some(value)
    );
}

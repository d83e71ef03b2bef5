//! `build`: writes the editions (Markdown, HTML, and with `pdf` PDF), and with `watch`
//! rebuilds the editions each saved change affects until interrupted.
//!
//! Rendering is `render`'s, files go through `fsio`, Chromium is `chromium`'s. What the
//! build does is told as it happens, as [`Event`]s. Which editions a change affects is one
//! pure function, [`affected`].

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use rayon::prelude::*;

use crate::chromium::{self, Browser};
use crate::config::{self, Config, REFERENCE};
use crate::fsio;
use crate::plan::DocPlan;
use crate::project::Project;
use crate::render;
use crate::translit::Names;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Locales asked for on the command line (none: every edition).
    pub locales: Vec<String>,
    pub out: Option<PathBuf>,
    pub strict: bool,
    pub watch: bool,
    pub pdf: bool,
    /// Editions for readers: no workflow markers; passages that are not publishable
    /// follow dossier.toml `[publish]` (see `render`).
    pub publish: bool,
}

/// What a build tells as it goes.
#[derive(Debug)]
pub enum Event<'a> {
    /// The Chromium found for PDFs is too old for page numbers.
    OldChromium {
        program: &'a Path,
        major: u32,
        /// The first version that prints them.
        needed: u32,
    },
    /// An edition was written, with its counts; `derived_from` names the locale a derived
    /// edition is made from.
    Edition {
        locale: &'a str,
        doc: &'a str,
        counts: &'a render::EditionCounts,
        derived_from: Option<&'static str>,
    },
    /// An edition was printed to PDF.
    Pdf { locale: &'a str, doc: &'a str },
    /// Every edition asked for is written, to this directory.
    Written { dir: &'a Path },
    /// Unreadable text in a locale file, kept verbatim and skipped.
    Warning(&'a str),
    /// Watching for changes (`watch`).
    Watching,
    /// The watcher reported an error.
    WatchError(String),
    /// A rebuild after a change failed (a half-saved file): the build waits for the next.
    RebuildFailed(String),
    /// The editions a change affected were written again.
    Rebuilt(Vec<String>),
}

/// What the build found, when it returns (a watching build returns when the watcher
/// stops).
#[derive(Debug, Clone, Copy, Default)]
pub struct Report {
    /// Some edition has stale or fallback text.
    pub incomplete: bool,
}

/// One edition: a document in a locale.
pub type Target = (String, String);

/// How many documents `build` reads, plans and writes at a time: its memory is that many
/// documents' plans and editions, whatever the size of the project. Small enough that the
/// memory freed after a chunk serves the next one (fewer page faults: at N = 100, 16 takes
/// 8,500 against 22,000 for 128 and 8 % less processor time; at N = 1000, 8 peaks at
/// 55–65 MiB against 79–89 for 16, in the same time), large enough that both cores stay
/// busy to the end of each chunk.
const CHUNK: usize = 8;

/// `dossier build`: the documents are read, checked, planned and written a chunk at a
/// time, in order (bad input stops the build at its document: the editions of the
/// documents before it are written and correct).
pub fn build(project: &Project, opts: &Options, out: &mut dyn FnMut(Event)) -> Result<Report> {
    // Find Chromium before writing anything, so a missing browser fails fast and clearly.
    let browser = if opts.pdf {
        let b = chromium::find()?;
        if let Some(major) = b.major.filter(|&m| m < chromium::PAGE_NUMBERS_SINCE) {
            out(Event::OldChromium {
                program: &b.program,
                major,
                needed: chromium::PAGE_NUMBERS_SINCE,
            });
        }
        Some(b)
    } else {
        None
    };
    let mut project = project.clone();
    project.config.publishing = opts.publish;
    let project = &project;
    let root = &project.root;
    let dir = opts
        .out
        .clone()
        .unwrap_or_else(|| project.root.join("build"));
    let selection = select(&project.config, &opts.locales)?;
    let targets: Vec<(String, Vec<String>)> = crate::project::source_names(root)?
        .into_iter()
        .map(|name| (name, selection.clone()))
        .collect();
    let incomplete = write(project, &dir, &targets, browser.as_ref(), opts.watch, out)?;
    out(Event::Written { dir: &dir });
    if opts.watch {
        crate::fsio::write_atomic(&dir.join(render::LIVE_FILES[0]), render::LIVE_SCRIPT)?;
        built(&dir)?;
        watch(root, opts, &dir, browser.as_ref(), out)?;
    }
    Ok(Report { incomplete })
}

/// The editions to build, in switcher order: English, then the requested locales and the
/// editions derived from them (every edition when none is requested).
pub fn select(config: &Config, requested: &[String]) -> Result<Vec<String>> {
    let all = render::edition_locales(config);
    if requested.is_empty() {
        return Ok(all);
    }
    let mut wanted: BTreeSet<&str> = BTreeSet::from([REFERENCE]);
    for l in requested {
        if l == REFERENCE {
            continue;
        }
        if let Some(d) = render::derived(l) {
            if !config.locales.iter().any(|x| x == d.base) {
                bail!(
                    "`{l}` is derived from `{}`, which l10n.toml does not list",
                    d.base
                );
            }
            wanted.insert(d.locale);
            continue;
        }
        config::validate_locale(l).map_err(|e| anyhow!("{e}"))?;
        if !config.locales.contains(l) {
            bail!(
                "unknown locale `{l}`: l10n.toml lists {} (and `en`, the source)",
                config.locales.join(", ")
            );
        }
        wanted.insert(l);
        for d in render::DERIVED.iter().filter(|d| d.base == l) {
            wanted.insert(d.locale);
        }
    }
    Ok(all
        .into_iter()
        .filter(|l| wanted.contains(l.as_str()))
        .collect())
}

/// Reads, plans and writes the editions of each document in `targets` (with the locales
/// asked for it, in switcher order); true when one of them is incomplete (stale or
/// fallback).
///
/// Documents go `CHUNK` at a time: each is read, planned, checked and rendered in parallel
/// (rayon), and its files are written by a few threads of their own while the next chunk
/// is being prepared. A document that cannot be read, or is refused, is skipped: the
/// editions of every other document are written, and the run then fails naming each
/// (see `ops::Errors`). What is printed, and the first error writing an edition, come
/// out as if they had been written one by one; PDFs are printed afterwards, one at a
/// time, each after its edition's line.
fn write(
    project: &Project,
    dir: &Path,
    targets: &[(String, Vec<String>)],
    browser: Option<&Browser>,
    live: bool,
    out: &mut dyn FnMut(Event),
) -> Result<bool> {
    let switcher = render::edition_locales(&project.config);
    let mut dirs: Vec<&str> = targets
        .iter()
        .flat_map(|(_, ls)| ls.iter().map(String::as_str))
        .collect();
    dirs.sort_unstable();
    dirs.dedup();
    for l in dirs {
        let base = dir.join(l);
        std::fs::create_dir_all(&base)
            .with_context(|| format!("{}: cannot create directory", base.display()))?;
    }
    // A directory where an edition goes is refused before anything is written: it is
    // somebody's, not an edition to replace.
    for (name, locales) in targets {
        for l in locales {
            for ext in ["md", "html"] {
                let path = dir.join(l).join(format!("{name}.{ext}"));
                if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
                    bail!(
                        "{}: a directory where the edition is to be written; nothing was written",
                        path.display()
                    );
                }
            }
        }
    }
    // The spares editions are swapped with (see `fsio::write_generated`) live in the
    // project's cache, one set per output directory; builds take the project's lock from
    // before they read until they have written, so that two never fill the same spare.
    let spares = spare_dir(&project.root, dir);
    let lock = super::lock(project)?;
    // Derived editions write the glossary's Latin-script names in their own spelling.
    let names = if targets
        .iter()
        .any(|(_, ls)| ls.iter().any(|l| render::derived(l).is_some()))
    {
        names(project)?
    } else {
        Names::default()
    };
    let slots = 2 * targets.iter().map(|(_, ls)| ls.len()).sum::<usize>();
    // The editions queued, in order: (document, locale, counts).
    let mut queued: Vec<(String, String, render::EditionCounts)> = Vec::new();
    // Documents that could not be read or were refused: each is named at the end.
    let mut failed: Vec<anyhow::Error> = Vec::new();
    let (done, written) = fsio::with_generated_writer(slots, |writer| -> Result<()> {
        for chunk in targets.chunks(CHUNK) {
            let prepared = chunk
                .par_iter()
                .map(|(name, locales)| -> Result<(DocPlan, Vec<Rendered>)> {
                    let (d, events) = crate::project::plan_doc_keeping_events(
                        &project.root,
                        &project.config,
                        name.clone(),
                    )?;
                    super::refuse_bad_doc(project, &d)?;
                    let sh = render::Shared::of(&d);
                    // The English edition is the source: rendered from the events
                    // segmenting it read, not parsed again.
                    let english = std::sync::Mutex::new(Some(events));
                    let eds = locales
                        .par_iter()
                        .map(|l| {
                            let ed = render::compose_shared(&d, l, &project.config, &sh, &names);
                            let ctx = render::PageContext {
                                doc_name: &d.name,
                                locales: &switcher,
                            };
                            let parsed = (l == REFERENCE)
                                .then(|| english.lock().ok().and_then(|mut e| e.take()))
                                .flatten()
                                .and_then(|ev| render::page_parsed(&ed, &ctx, &d.document.src, ev));
                            let html = parsed.unwrap_or_else(|| render::page(&ed, &ctx));
                            let html = if live { render::live(&html) } else { html };
                            // The Markdown is written as the source is (line ends, BOM):
                            // the English edition is the source byte for byte.
                            let md = match d.source_style.apply(&ed.markdown) {
                                std::borrow::Cow::Borrowed(_) => ed.markdown.into_bytes(),
                                std::borrow::Cow::Owned(b) => b,
                            };
                            (ed.counts, md, html.into_bytes())
                        })
                        .collect();
                    Ok((d, eds))
                })
                .collect::<Vec<_>>();
            let mut plans = Vec::with_capacity(prepared.len());
            for ((_, locales), doc) in chunk.iter().zip(prepared) {
                let (d, eds) = match doc {
                    Ok(doc) => doc,
                    Err(e) => {
                        failed.push(e);
                        continue;
                    }
                };
                for w in super::junk_warnings(project, &d) {
                    out(Event::Warning(&w));
                }
                for (l, (counts, md, html)) in locales.iter().zip(eds) {
                    let slot = 2 * queued.len();
                    for (slot, ext, bytes) in [(slot, "md", md), (slot + 1, "html", html)] {
                        let file = format!("{}.{ext}", d.name);
                        let spare = spares.as_ref().map(|s| s.join(l).join(&file));
                        writer.write(slot, dir.join(l).join(file), spare, bytes);
                    }
                    queued.push((d.name.clone(), l.clone(), counts));
                }
                plans.push(d);
            }
            // Freeing a chunk's plans takes a while: on another thread, while the next chunk
            // is read (the process does not wait for it; the system reclaims the last one).
            std::thread::spawn(move || drop(plans));
        }
        Ok(())
    });
    // Released before PDFs are printed: they take long, and write no spare.
    drop(lock);
    let mut written = written.into_iter();
    let mut incomplete = false;
    for (name, l, c) in &queued {
        for outcome in written.by_ref().take(2) {
            outcome?;
        }
        let base = dir.join(l);
        if *l != REFERENCE {
            out(Event::Edition {
                locale: l,
                doc: name,
                counts: c,
                derived_from: render::derived(l).map(|x| x.base),
            });
            // A reader edition shows stale text only as the project's policy allows: only
            // passages in another language make it incomplete.
            if c.fallback > 0 || (c.stale > 0 && !project.config.publishing) {
                incomplete = true;
            }
        }
        if let Some(b) = browser {
            let pdf = chromium::print_pdf(b, &base.join(format!("{name}.html")))?;
            let pdf_path = base.join(format!("{name}.pdf"));
            fsio::write_atomic_bytes(&pdf_path, &pdf)?;
            out(Event::Pdf {
                locale: l,
                doc: name,
            });
        }
    }
    done?;
    super::all_or_errors(failed.into_iter().map(Err::<(), _>).collect())?;
    Ok(incomplete)
}

/// An edition rendered: its counts, its Markdown and its HTML.
type Rendered = (render::EditionCounts, Vec<u8>, Vec<u8>);

/// Where the spares of the editions written to `out` live: under the project's cache,
/// named by a hash of `out`'s absolute path. None when `out` cannot be resolved (the
/// editions are then written through temporary files only).
fn spare_dir(root: &Path, out: &Path) -> Option<PathBuf> {
    let out = std::fs::canonicalize(out).ok()?;
    let hash = xxhash_rust::xxh3::xxh3_64(out.as_os_str().as_encoded_bytes());
    Some(
        root.join(crate::paths::CACHE_DIR)
            .join("spare")
            .join(format!("{hash:016x}")),
    )
}

/// A saved file, as far as editions are concerned.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// l10n.toml or dossier.toml: locales, fallbacks and policies may all have changed.
    Config,
    /// source/NAME.md or the reference locales/en/NAME.ftl.
    Doc(String),
    /// locales/LOCALE/NAME.ftl.
    Locale { locale: String, doc: String },
    /// glossary.csv: the names derived editions write in their own spelling.
    Glossary,
}

/// The names the derived editions write in their own spelling, from glossary.csv (none
/// without one); a glossary that cannot be read is an error with its line.
fn names(project: &Project) -> Result<Names> {
    let root = &project.root;
    let Some(text) = crate::project::read_optional(root, &root.join("glossary.csv"))? else {
        return Ok(Names::default());
    };
    let entries = crate::glossary::parse_entries(&text)
        .map_err(|e| anyhow!("glossary.csv:{}: {}", e.line, e.message))?;
    Ok(Names::from_glossary(&entries))
}

/// What a changed path under `root` means for the editions; `None` for anything else
/// (editor backups, temporary files, the build directory).
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    let stem = |file: &str, ext: &str| -> Option<String> {
        let stem = file.strip_suffix(ext)?;
        (!stem.is_empty() && !stem.starts_with('.')).then(|| stem.to_string())
    };
    match parts.as_slice() {
        ["l10n.toml"] | ["dossier.toml"] => Some(Change::Config),
        ["glossary.csv"] => Some(Change::Glossary),
        // A new or removed directory (a locale added): files may have appeared in it
        // before it was watched, so rebuild everything.
        ["source"] | ["locales"] | ["locales", _] => Some(Change::Config),
        ["source", file] => stem(file, ".md").map(Change::Doc),
        ["locales", locale, file] => {
            let doc = stem(file, ".ftl")?;
            if *locale == REFERENCE {
                Some(Change::Doc(doc))
            } else {
                Some(Change::Locale {
                    locale: locale.to_string(),
                    doc,
                })
            }
        }
        _ => None,
    }
}

/// The editions among `selection` (of documents `docs`) that `changes` affect: a source or
/// configuration change affects every edition of its documents; a translation affects its
/// own edition, the editions derived from it and those that use it as a fallback; the
/// glossary, the derived editions (their names).
pub fn affected(
    config: &Config,
    docs: &[String],
    selection: &[String],
    changes: &[Change],
) -> BTreeSet<Target> {
    let mut out = BTreeSet::new();
    for change in changes {
        for doc in docs {
            for l in selection {
                let hit = match change {
                    Change::Config => true,
                    Change::Glossary => render::derived(l).is_some(),
                    Change::Doc(d) => d == doc,
                    Change::Locale { locale, doc: d } => {
                        let base = render::derived(l).map_or(l.as_str(), |x| x.base);
                        d == doc
                            && (base == locale
                                || config.fallback_chain(base).iter().any(|f| f == locale))
                    }
                };
                if hit {
                    out.insert((doc.clone(), l.clone()));
                }
            }
        }
    }
    out
}

/// Watches the sources, the locale files and the configuration; rebuilds what each change
/// affects. Runs until interrupted (or until the watcher stops).
fn watch(
    root: &Path,
    opts: &Options,
    dir: &Path,
    browser: Option<&Browser>,
    out: &mut dyn FnMut(Event),
) -> Result<()> {
    use notify::{RecursiveMode, Watcher};
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(move |ev| {
        let _ = tx.send(ev);
    })
    .context("cannot watch the project for changes")?;
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .with_context(|| format!("cannot watch {}", root.display()))?;
    for sub in ["source", "locales"] {
        let p = root.join(sub);
        watcher
            .watch(&p, RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch {}", p.display()))?;
    }
    out(Event::Watching);
    while let Ok(first) = rx.recv() {
        let mut events = vec![first];
        // An editor's save is several events (write, rename, chmod): take them together.
        while let Ok(ev) = rx.recv_timeout(Duration::from_millis(200)) {
            events.push(ev);
        }
        let mut changes = BTreeSet::new();
        for ev in events {
            match ev {
                Ok(ev) if !matches!(ev.kind, notify::EventKind::Access(_)) => {
                    changes.extend(ev.paths.iter().filter_map(|p| classify(root, p)));
                }
                Ok(_) => {}
                Err(e) => out(Event::WatchError(e.to_string())),
            }
        }
        if changes.is_empty() {
            continue;
        }
        let changes: Vec<Change> = changes.into_iter().collect();
        if let Err(e) = rebuild(root, opts, dir, browser, &changes, out) {
            // A half-saved or broken file: say so and wait for the next save.
            out(Event::RebuildFailed(format!("{e:#}")));
        }
    }
    Ok(())
}

fn rebuild(
    root: &Path,
    opts: &Options,
    dir: &Path,
    browser: Option<&Browser>,
    changes: &[Change],
    out: &mut dyn FnMut(Event),
) -> Result<()> {
    let mut project = Project::open(root)?;
    project.config.publishing = opts.publish;
    let selection = select(&project.config, &opts.locales)?;
    let docs = crate::project::source_names(root)?;
    let targets: Vec<Target> = affected(&project.config, &docs, &selection, changes)
        .into_iter()
        .collect();
    if targets.is_empty() {
        return Ok(());
    }
    // Each affected document once, with its affected locales in switcher order.
    let per_doc: Vec<(String, Vec<String>)> = docs
        .iter()
        .filter_map(|d| {
            let ls: Vec<String> = selection
                .iter()
                .filter(|l| targets.iter().any(|(td, tl)| td == d && tl == *l))
                .cloned()
                .collect();
            (!ls.is_empty()).then(|| (d.clone(), ls))
        })
        .collect();
    write(&project, dir, &per_doc, browser, true, out)?;
    built(dir)?;
    out(Event::Rebuilt(
        targets.iter().map(|(d, l)| format!("{l}/{d}")).collect(),
    ));
    Ok(())
}

/// Names this rebuild in `<out>/.dossier-built.js`: pages open in a browser see it change
/// and reload (see `render::LIVE_SCRIPT`).
fn built(dir: &Path) -> Result<()> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let text = format!("dossierBuilt(\"{}-{now}\");\n", std::process::id());
    crate::fsio::write_atomic(&dir.join(render::LIVE_FILES[1]), &text)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse(
            "locales = [\"fr\", \"ru\", \"kk\"]\n",
            Some("[fallback]\nkk = [\"ru\"]\n"),
        )
        .expect("config")
    }

    #[test]
    fn selection_adds_english_and_derived_editions() {
        let c = config();
        let all = select(&c, &[]).expect("all");
        assert_eq!(all, ["en", "fr", "ru", "kk", "kk-Latn"]);
        let kk = select(&c, &["kk".to_string()]).expect("kk");
        assert_eq!(kk, ["en", "kk", "kk-Latn"]);
        let latn = select(&c, &["kk-Latn".to_string()]).expect("kk-Latn");
        assert_eq!(latn, ["en", "kk-Latn"]);
        assert!(select(&c, &["de".to_string()]).is_err());
        let no_kk = Config::parse("locales = [\"fr\"]\n", None).expect("config");
        assert!(select(&no_kk, &["kk-Latn".to_string()]).is_err());
    }

    #[test]
    fn paths_are_classified() {
        let root = Path::new("/p");
        let cases = [
            ("/p/l10n.toml", Some(Change::Config)),
            ("/p/dossier.toml", Some(Change::Config)),
            ("/p/glossary.csv", Some(Change::Glossary)),
            ("/p/source/dossier.md", Some(Change::Doc("dossier".into()))),
            (
                "/p/locales/en/dossier.ftl",
                Some(Change::Doc("dossier".into())),
            ),
            (
                "/p/locales/fr/dossier.ftl",
                Some(Change::Locale {
                    locale: "fr".into(),
                    doc: "dossier".into(),
                }),
            ),
            ("/p/locales/fr/.dossier-x1.tmp", None),
            ("/p/locales/fr/dossier.ftl~", None),
            ("/p/locales/fr/.#dossier.ftl", None),
            ("/p/source/notes.txt", None),
            ("/p/locales/uk", Some(Change::Config)),
            ("/p/build/fr/dossier.html", None),
            ("/p/source/sub/x.md", None),
            ("/elsewhere/source/x.md", None),
        ];
        for (path, expected) in cases {
            assert_eq!(classify(root, Path::new(path)), expected, "{path}");
        }
    }

    /// Each kind of change rebuilds exactly the editions that show what changed.
    #[test]
    fn changes_rebuild_what_they_affect() {
        let c = config();
        let docs = vec!["a".to_string(), "b".to_string()];
        let sel = select(&c, &[]).expect("all");
        let check = |changes: &[Change], expected: &[(&str, &str)]| {
            let got = affected(&c, &docs, &sel, changes);
            let want: BTreeSet<Target> = expected
                .iter()
                .map(|(d, l)| (d.to_string(), l.to_string()))
                .collect();
            assert_eq!(got, want, "{changes:?}");
        };
        let fr = |doc: &str| Change::Locale {
            locale: "fr".into(),
            doc: doc.into(),
        };
        let loc = |l: &str| Change::Locale {
            locale: l.into(),
            doc: "a".into(),
        };
        check(&[fr("a")], &[("a", "fr")]);
        // kk falls back to ru, and kk-Latn is derived from kk.
        check(&[loc("ru")], &[("a", "ru"), ("a", "kk"), ("a", "kk-Latn")]);
        check(&[loc("kk")], &[("a", "kk"), ("a", "kk-Latn")]);
        // A locale nobody builds or falls back to.
        check(&[loc("de")], &[]);
        let every = |doc: &'static str| -> Vec<(&'static str, &'static str)> {
            ["en", "fr", "ru", "kk", "kk-Latn"]
                .iter()
                .map(|l| (doc, *l))
                .collect()
        };
        check(&[Change::Doc("b".into())], &every("b"));
        let mut both = every("a");
        both.extend(every("b"));
        check(&[Change::Config], &both);
        check(&[Change::Doc("gone".into())], &[]);
        check(&[Change::Glossary], &[("a", "kk-Latn"), ("b", "kk-Latn")]);
        check(&[fr("a"), fr("b")], &[("a", "fr"), ("b", "fr")]);
        // Only the selected editions are rebuilt.
        let only_fr = select(&c, &["fr".to_string()]).expect("fr");
        let got = affected(&c, &docs, &only_fr, &[loc("kk"), fr("a")]);
        assert_eq!(got, BTreeSet::from([("a".to_string(), "fr".to_string())]));
    }
}

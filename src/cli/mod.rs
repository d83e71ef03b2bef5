//! The command line: clap's definitions, each command turned into a call of an operation
//! (`ops`), its result into text or JSON (`output`), and exit codes (0 ok, 1 findings,
//! 2 failure). No operation's logic lives here.

mod output;

use std::io::Write;
use std::path::PathBuf;

use anyhow::{anyhow, bail, Result};
use clap::{Parser, Subcommand};

use crate::ops;
use crate::project::Project;

#[derive(Parser, Debug)]
#[command(
    name = "dossier",
    version,
    about = "Translation management for Markdown documents published in several languages"
)]
pub struct Cli {
    /// The project directory (default: the nearest ancestor holding l10n.toml).
    #[arg(long, global = true)]
    pub root: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Segment every source, align ids with the reference, write it, stamp translations.
    Sync {
        /// Write nothing; exit 1 if anything would change.
        #[arg(long)]
        check: bool,
        /// Also carry numbers and links changes over, where the old value appears in the
        /// translation exactly once (each replacement is reported).
        #[arg(long)]
        apply_safe: bool,
    },
    /// Per locale: how many messages are translated, stale, missing, obsolete.
    Status {
        locales: Vec<String>,
        #[arg(long)]
        json: bool,
        /// Plan every document again, without reading or writing .dossier-cache/status.
        #[arg(long)]
        no_cache: bool,
    },
    /// Write build/<locale>/<doc>.md and .html for English and every translation.
    Build {
        locales: Vec<String>,
        /// Output directory (default: build/ under the project).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Exit 1 if anything is stale or missing.
        #[arg(long)]
        strict: bool,
        /// After building, rebuild the editions each saved change affects, until interrupted.
        #[arg(long)]
        watch: bool,
        /// Also print each HTML edition to <out>/<locale>/<doc>.pdf with headless Chromium.
        #[arg(long)]
        pdf: bool,
        /// Editions for readers: no workflow markers; passages not publishable follow
        /// dossier.toml [publish] (with --strict: exit 1 when any passage falls back).
        #[arg(long)]
        publish: bool,
    },
    /// Add a language: validate the tag, add it to l10n.toml, create its (empty) files.
    AddLocale { tag: String },
    /// Stale and missing messages of a locale, with a word diff of the English.
    Diff {
        locale: String,
        ids: Vec<String>,
        #[arg(long)]
        json: bool,
        /// Write a standalone side-by-side review page to FILE.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// Instead: every message whose translation changed since this git revision.
        #[arg(long, value_name = "REV", conflicts_with = "html")]
        since: Option<String>,
    },
    /// Fill missing messages from the translation memory (fuzzy matches), marked stale.
    Suggest {
        locale: String,
        /// Write the best suggestion scoring at least MIN % into each missing message.
        #[arg(long, value_name = "MIN", value_parser = clap::value_parser!(u8).range(1..=100))]
        fill: Option<u8>,
    },
    /// Mark stale messages as reviewed against the current English.
    Accept {
        locale: String,
        ids: Vec<String>,
        /// Accept every stale message of the document given with --doc.
        #[arg(long, requires = "doc")]
        all: bool,
        #[arg(long)]
        doc: Option<String>,
    },
    /// Approve or reject translations: a review line next to each message's stamp.
    Review {
        locale: String,
        ids: Vec<String>,
        /// Approve: the translation is right for the current English.
        #[arg(long, required_unless_present = "reject", conflicts_with = "reject")]
        approve: bool,
        /// Reject: the translation needs work (say why with --note).
        #[arg(long)]
        reject: bool,
        /// Why (required with --reject).
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Who reviews (default: git's user.name).
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
        /// The review's date (default: today, UTC).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Approve every up-to-date translation of the document given with --doc.
        #[arg(long, conflicts_with = "reject")]
        all: bool,
        #[arg(long)]
        doc: Option<String>,
    },
    /// The work left per locale in CAT match bands (repetition, 100 %, 95–99 % … no match),
    /// in segments and words, weighted, with a cost when dossier.toml sets a rate.
    Report {
        locales: Vec<String>,
        /// One JSON object: {"locales": [{"locale", "bands", "total", "weighted_words", …}]}.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// One CSV row per locale and band.
        #[arg(long)]
        csv: bool,
    },
    /// The translation workspace in the browser: a local server over this project's files.
    Serve {
        /// The port (0: any free one).
        #[arg(long, default_value_t = 8470)]
        port: u16,
        /// The address to listen on (default 127.0.0.1; another one is reachable from
        /// other computers: a warning is printed, the token still applies).
        #[arg(long, value_name = "ADDR")]
        bind: Option<std::net::IpAddr>,
        /// Do not open the browser.
        #[arg(long)]
        no_open: bool,
        /// Who reviews from this workspace (default: git's user.name).
        #[arg(long, value_name = "NAME")]
        reviewer: Option<String>,
    },
    /// Quality checks: markup, numbers, glossary, typography, scripts, language.
    Check {
        locales: Vec<String>,
        #[arg(long)]
        json: bool,
        /// Apply the fixes that cannot change meaning (no-break spaces, apostrophes, …).
        #[arg(long)]
        fix: bool,
        /// Check every message again, without reading or writing .dossier-cache/.
        #[arg(long)]
        no_cache: bool,
    },
    /// Export a locale's messages for CAT tools and platforms (XLIFF 2.0, PO, TMX).
    Export(ExportArgs),
    /// Apply translations from an XLIFF 2.0 or PO file (the format is read from the content).
    Import(ImportArgs),
    /// git's merge driver for locale files: merge by message id, write the result to OURS;
    /// exit 1 when a message is left with conflict markers.
    MergeDriver {
        /// The common ancestor (git's %O).
        base: PathBuf,
        /// Our version, replaced by the result (git's %A).
        ours: PathBuf,
        /// Their version (git's %B).
        theirs: PathBuf,
        /// The file's path in the repository (git's %P), for the document's order.
        path: Option<PathBuf>,
    },
    /// Set git up to merge locale files with `dossier merge-driver`.
    InitGit,
    /// Speak the Language Server Protocol on standard input and output, for editors
    /// (docs/editors.md): diagnostics, hovers, code actions on unsaved locale files.
    Lsp,
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    pub locale: String,
    /// Only this document (source/DOC.md); default: every document.
    #[arg(long)]
    pub doc: Option<String>,
    #[arg(long, value_parser = ["xliff", "po", "tmx"])]
    pub format: String,
    /// Only messages in these states (comma-separated: missing, stale); default: all.
    #[arg(long, value_delimiter = ',', value_parser = ["missing", "stale"])]
    pub only: Vec<String>,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    pub locale: String,
    pub file: PathBuf,
    /// Print the word diff of what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs the command line; returns the exit code.
pub fn main_with(args: Vec<std::ffi::OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => 2,
            };
        }
    };
    // The language server writes its messages to standard output from a thread of its
    // own: it must not be locked here. Each file finds its own project; `--root` is
    // where to look when it has none.
    let result = match cli.command {
        Command::Lsp => crate::lsp::run(cli.root),
        _ => run(cli, &mut std::io::stdout().lock()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return 0;
            }
            // Several documents' errors: each on its own, with its causes.
            let each = match e.downcast_ref::<ops::Errors>() {
                Some(all) => all.each().iter().collect(),
                None => vec![&e],
            };
            let shown = |t: String| crate::text::for_terminal(&t).into_owned();
            for e in each {
                eprintln!("error: {}", shown(e.to_string()));
                for cause in e.chain().skip(1) {
                    eprintln!("  cause: {}", shown(cause.to_string()));
                }
            }
            2
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn root_of(cli_root: Option<PathBuf>) -> Result<PathBuf> {
    match cli_root {
        Some(r) => {
            if !r.join("l10n.toml").is_file() {
                bail!(
                    "{}: no l10n.toml here; is this a dossier project?",
                    r.display()
                );
            }
            Ok(r)
        }
        None => {
            let cwd = std::env::current_dir()?;
            crate::paths::find_root(&cwd).ok_or_else(|| {
                anyhow!(
                    "{}: no l10n.toml here or in any parent directory; use --root DIR",
                    cwd.display()
                )
            })
        }
    }
}

pub fn run(cli: Cli, out: &mut dyn Write) -> Result<i32> {
    if let Command::MergeDriver {
        base,
        ours,
        theirs,
        path,
    } = &cli.command
    {
        // Run by git from the top of the work tree: a project there gives the order.
        let root = root_of(cli.root).ok();
        let r =
            ops::merge_driver::merge_driver(root.as_deref(), base, ours, theirs, path.as_deref())?;
        return output::merged(&r, out);
    }
    let root = root_of(cli.root)?;
    match cli.command {
        Command::AddLocale { tag } => {
            let r = ops::add_locale::add_locale(&open(&root)?, &tag)?;
            output::add_locale(&root, &r, out)
        }
        Command::InitGit => {
            let r = ops::init_git::init_git(&root)?;
            output::init_git(&r, out)
        }
        Command::Status {
            locales,
            json,
            no_cache,
        } => {
            let project = open(&root)?;
            let all = ops::status::status(&project, &locales, no_cache)?;
            output::status(&all, json, out)
        }
        Command::Sync { check, apply_safe } => {
            let project = open(&root)?;
            let r = ops::sync::sync(&project, ops::sync::Options { check, apply_safe })?;
            output::sync(&project, &r, check, out)
        }
        Command::Check {
            locales,
            json,
            fix,
            no_cache,
        } => {
            let project = open(&root)?;
            let opts = ops::check::Options {
                locales,
                fix,
                no_cache,
            };
            let r = ops::check::check(&project, &opts)?;
            output::check(&r, json, out)
        }
        Command::Serve {
            port,
            bind,
            no_open,
            reviewer,
        } => {
            let project = open(&root)?;
            let opts = crate::serve::Options {
                port,
                bind,
                open: !no_open,
                reviewer,
            };
            crate::serve::run(project, &opts, out)
        }
        Command::Build {
            locales,
            out: dir,
            strict,
            watch,
            pdf,
            publish,
        } => {
            let project = open(&root)?;
            let opts = ops::build::Options {
                locales,
                out: dir,
                strict,
                watch,
                pdf,
                publish,
            };
            let mut failed = None;
            let r = ops::build::build(&project, &opts, &mut |e| {
                if failed.is_none() {
                    failed = output::build_event(&e, out).err();
                }
            })?;
            if let Some(e) = failed {
                return Err(e.into());
            }
            output::build_done(&r, &opts, out)
        }
        command => {
            let project = open(&root)?;
            // Commands that write hold the project lock from before they read until they
            // finish, so two of them at once give the same result as one after the other.
            let lock = match &command {
                Command::Accept { .. }
                | Command::Review { .. }
                | Command::Suggest { fill: Some(_), .. } => Some(ops::lock(&project)?),
                Command::Import(a) if !a.dry_run => Some(ops::lock(&project)?),
                _ => None,
            };
            let loaded = ops::load(&project)?;
            for w in &loaded.warnings {
                eprintln!("{w}");
            }
            let plan = &loaded.plan;
            let mut writer = ops::writer(&project);
            let code = match (command, &lock) {
                (
                    Command::Diff {
                        locale,
                        ids,
                        json,
                        since: Some(rev),
                        ..
                    },
                    _,
                ) => {
                    let items = ops::since::since(&project, plan, &locale, &ids, &rev)?;
                    output::since(&items, &rev, json, out)
                }
                (
                    Command::Diff {
                        locale,
                        ids,
                        json,
                        html,
                        since: None,
                    },
                    _,
                ) => {
                    let items = ops::diff::diff(&project, plan, &locale, &ids)?;
                    if let Some(path) = &html {
                        ops::diff::write_review_page(path, &locale, &items)?;
                    }
                    output::diff(&items, html.as_deref(), json, out)
                }
                (Command::Suggest { locale, fill }, lock) => match (fill, lock) {
                    (Some(min), Some(lock)) => {
                        let filled =
                            ops::suggest::fill(&project, plan, lock, &locale, min, &mut writer)?;
                        output::filled(&locale, &filled, out)
                    }
                    _ => {
                        let found = ops::suggest::suggestions(
                            &project,
                            plan,
                            &locale,
                            project.config.suggest_min,
                        )?;
                        output::suggestions(&locale, &found, out)
                    }
                },
                (
                    Command::Accept {
                        locale,
                        ids,
                        all,
                        doc,
                    },
                    Some(lock),
                ) => {
                    let sel = ops::accept::Selection { ids, all, doc };
                    let done =
                        ops::accept::accept(&project, plan, lock, &locale, &sel, &mut writer)?;
                    output::accepted(&locale, &done, out)
                }
                (
                    Command::Review {
                        locale,
                        ids,
                        approve: _,
                        reject,
                        note,
                        by,
                        date,
                        all,
                        doc,
                    },
                    Some(lock),
                ) => {
                    let opts = ops::review::Options {
                        locale,
                        ids,
                        all,
                        doc,
                        verdict: if reject {
                            crate::approval::Verdict::Rejected
                        } else {
                            crate::approval::Verdict::Approved
                        },
                        note,
                        by: by
                            .or_else(|| ops::review::reviewer(&project))
                            .unwrap_or_default(),
                        date: date.unwrap_or_else(ops::review::today),
                    };
                    let done = ops::review::review(&project, plan, lock, &opts, &mut writer)?;
                    output::reviewed(&opts.locale, &done, out)
                }
                (Command::Report { locales, json, csv }, _) => {
                    let all = ops::report::report(&project, plan, &locales)?;
                    output::report(&all, json, csv, out)
                }
                (Command::Export(a), _) => {
                    let opts = ops::export::Options {
                        locale: a.locale,
                        doc: a.doc,
                        format: a.format,
                        only: a.only,
                    };
                    let (text, format) = ops::export::export(&project, plan, &opts)?;
                    match &a.output {
                        Some(path) => {
                            ops::export::write(path, &text)?;
                            writeln!(out, "wrote {} ({})", path.display(), format.name())?;
                        }
                        None => out.write_all(text.as_bytes())?,
                    }
                    Ok(0)
                }
                (Command::Import(a), lock) => {
                    let r = ops::import::import(
                        &project,
                        plan,
                        lock.as_ref(),
                        &a.locale,
                        &a.file,
                        &mut writer,
                    )?;
                    output::import(&project, &a.locale, &r, a.dry_run, out)
                }
                // Handled above, or given their lock above.
                _ => Ok(0),
            };
            // Never freed: the process ends right after the command, and freeing a large
            // plan piece by piece takes longer than the system reclaiming it at once.
            std::mem::forget(loaded);
            code
        }
    }
}

/// The project at `root`, telling the user when a writer waits for another.
fn open(root: &std::path::Path) -> Result<Project> {
    let mut project = Project::open(root)?;
    project.on_lock_wait = |m| eprintln!("{m}");
    Ok(project)
}

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
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  cause: {cause}");
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
    let root = root_of(cli.root)?;
    match cli.command {
        Command::AddLocale { tag } => {
            let r = ops::add_locale::add_locale(&root, &tag)?;
            output::add_locale(&root, &r, out)
        }
        Command::Status {
            locales,
            json,
            no_cache,
        } => {
            let project = Project::open(&root)?;
            let all = ops::status::status(&project, &locales, no_cache)?;
            output::status(&all, json, out)
        }
        Command::Sync { check, apply_safe } => {
            let project = Project::open(&root)?;
            let r = ops::sync::sync(&project, ops::sync::Options { check, apply_safe })?;
            output::sync(&project, &r, check, out)
        }
        Command::Check {
            locales,
            json,
            fix,
            no_cache,
        } => {
            let project = Project::open(&root)?;
            let opts = ops::check::Options {
                locales,
                fix,
                no_cache,
            };
            let r = ops::check::check(&project, &opts)?;
            output::check(&r, json, out)
        }
        Command::Build {
            locales,
            out: dir,
            strict,
            watch,
            pdf,
        } => {
            let project = Project::open(&root)?;
            let opts = ops::build::Options {
                locales,
                out: dir,
                strict,
                watch,
                pdf,
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
            let project = Project::open(&root)?;
            // Commands that write hold the project lock from before they read until they
            // finish, so two of them at once give the same result as one after the other.
            let lock = match &command {
                Command::Accept { .. } | Command::Suggest { fill: Some(_), .. } => {
                    Some(ops::lock(&project)?)
                }
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
                        let found =
                            ops::suggest::suggestions(&project, plan, &locale, ops::SUGGEST_MIN)?;
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

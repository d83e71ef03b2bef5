//! The command line: clap's definitions (`args`), each command turned into a call of an
//! operation (`exec`), its result into text or JSON (`output`, `style`), and exit codes
//! (0 ok, 1 findings, 2 failure). No operation's logic lives here.

mod args;
mod exec;
mod messages;
mod output;
mod style;

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{anyhow, bail, Result};
use clap::{CommandFactory, FromArgMatches};

pub use args::{Cli, ColorChoice, Command, ExportArgs, ImportArgs, GROUPS};

use crate::ops;

/// How output looks, from the global options: decided once, before the command runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ui {
    /// ANSI colours in standard output's text (`--color`, `NO_COLOR`, a terminal).
    pub color: bool,
    /// The same for standard error (error messages).
    pub err_color: bool,
    /// `--quiet`: results and errors only.
    pub quiet: bool,
    /// `--verbose`: the project used, each file written, the time taken (standard error).
    pub verbose: bool,
}

impl Ui {
    /// `--color WHEN` for standard output: `auto` colours a terminal unless `NO_COLOR` is
    /// set to anything but the empty string (no-color.org); `always` and `never` override
    /// it, as a per-run choice should.
    pub fn new(cli: &Cli) -> Ui {
        let color = |terminal: bool| match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && terminal
            }
        };
        use std::io::IsTerminal;
        Ui {
            color: color(std::io::stdout().is_terminal()),
            err_color: color(std::io::stderr().is_terminal()),
            quiet: cli.quiet,
            verbose: cli.verbose,
        }
    }
}

/// The command line's definition: clap's, with the top-level help listing the commands
/// by who uses them ([`GROUPS`]). Completions and manual pages are generated from it.
pub fn command() -> clap::Command {
    let cmd = Cli::command();
    let mut groups = String::new();
    for (group, names) in GROUPS {
        groups.push_str(&format!("{group}:\n"));
        for name in *names {
            let about = cmd
                .find_subcommand(name)
                .and_then(|c| c.get_about())
                .map(|a| a.to_string())
                .unwrap_or_default();
            groups.push_str(&format!("  {name:<13} {about}\n"));
        }
        groups.push('\n');
    }
    cmd.help_template(format!(
        "{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n{groups}Options:\n{{options}}{{after-help}}"
    ))
}

/// Runs the command line; returns the exit code.
pub fn main_with(args: Vec<std::ffi::OsString>) -> i32 {
    let parsed = command()
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => 2,
            };
        }
    };
    let ui = Ui::new(&cli);
    // The language server writes its messages to standard output from a thread of its
    // own: it must not be locked here. Each file finds its own project; `--root` is where
    // to look when it has none.
    if let Command::Lsp = cli.command {
        return match crate::lsp::run(cli.root) {
            Ok(code) => code,
            Err(e) => {
                print_error(&e, ui);
                2
            }
        };
    }
    let mut out = std::io::stdout().lock();
    let started = Instant::now();
    let code = match run(cli, ui, &mut out) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            print_error(&e, ui);
            2
        }
    };
    if ui.verbose {
        eprintln!(
            "finished in {:.2} s (exit {code})",
            started.elapsed().as_secs_f64()
        );
    }
    code
}

/// An error on standard error, each cause on its own line; several documents' errors
/// each on its own.
fn print_error(e: &anyhow::Error, ui: Ui) {
    let each = match e.downcast_ref::<ops::Errors>() {
        Some(all) => all.each().iter().collect(),
        None => vec![e],
    };
    let shown = |t: String| crate::text::for_terminal(&t).into_owned();
    for e in each {
        eprintln!(
            "{}: {}",
            style::paint(ui.err_color, style::ERROR, "error"),
            shown(e.to_string())
        );
        for cause in e.chain().skip(1) {
            eprintln!("  cause: {}", shown(cause.to_string()));
        }
    }
}

/// A reader that stopped reading (`dossier status --json | head`): not an error. JSON
/// output reaches the pipe through serde_json, which wraps the I/O error in its own.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}

/// Where the project is: `--root DIR` or `DOSSIER_ROOT` (which must hold l10n.toml), else
/// the nearest ancestor of the working directory that holds one.
fn root_of(cli_root: Option<PathBuf>) -> Result<PathBuf> {
    match cli_root {
        Some(r) => {
            if !r.join("l10n.toml").is_file() {
                let from_env = std::env::var_os("DOSSIER_ROOT").is_some_and(|v| v == r.as_os_str());
                bail!(
                    "{}{}: no l10n.toml here; is this a dossier project?",
                    r.display(),
                    if from_env { " (DOSSIER_ROOT)" } else { "" }
                );
            }
            Ok(r)
        }
        None => {
            let cwd = std::env::current_dir()?;
            crate::paths::find_root(&cwd).ok_or_else(|| {
                anyhow!(
                    "{}: no l10n.toml here or in any parent directory; use --root DIR, or `dossier init` to start a project",
                    cwd.display()
                )
            })
        }
    }
}

/// Runs a parsed command line, writing its output to `out`; returns the exit code.
/// With `--quiet`, a command that changes files prints nothing on success (its output is
/// progress and summaries); results asked for (status, diff, check, export, `--check`,
/// `--dry-run`, JSON) are printed whatever the options.
pub fn run(cli: Cli, ui: Ui, out: &mut dyn Write) -> Result<i32> {
    let mut sink = std::io::sink();
    let out: &mut dyn Write = if ui.quiet && only_progress(&cli.command) {
        &mut sink
    } else {
        out
    };
    match cli.command {
        Command::MergeDriver {
            base,
            ours,
            theirs,
            path,
        } => {
            // Run by git from the top of the work tree: a project there gives the order.
            let root = root_of(cli.root).ok();
            let r = ops::merge_driver::merge_driver(
                root.as_deref(),
                &base,
                &ours,
                &theirs,
                path.as_deref(),
            )?;
            output::merged(&r, out)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut command(), "dossier", out);
            Ok(0)
        }
        Command::Init { dir, locales } => {
            let dir = match dir {
                Some(d) => d,
                None => std::env::current_dir()?,
            };
            let r = ops::init::init(&dir, &locales)?;
            output::init(&r, out)
        }
        command => {
            let root = root_of(cli.root)?;
            if ui.verbose {
                eprintln!("project: {}", root.display());
            }
            exec::exec(&root, command, ui, out)
        }
    }
}

/// Commands whose standard output, on success, is only what they did: `--quiet` silences
/// it.
fn only_progress(command: &Command) -> bool {
    match command {
        Command::Sync { check, .. } => !check,
        Command::Import(a) => !a.dry_run,
        Command::Suggest {
            fill, placeholders, ..
        } => fill.is_some() || *placeholders,
        Command::Build { .. }
        | Command::Accept { .. }
        | Command::Review { .. }
        | Command::AddLocale { .. }
        | Command::InitGit
        | Command::Init { .. } => true,
        _ => false,
    }
}

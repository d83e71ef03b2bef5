//! The command line's grammar: clap's definitions of the global options and of each
//! command, with a description of every argument and two or three examples per command
//! (shown at the end of its `--help`). `cli::command` adds the top-level help that groups
//! the commands by who uses them ([`GROUPS`]).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "dossier",
    version,
    about = "Translation management for Markdown documents published in several languages",
    after_help = "Run `dossier COMMAND --help` for a command's options and examples.\nExit codes: 0 ok, 1 findings (check, sync --check, build --strict), 2 the tool failed."
)]
pub struct Cli {
    /// The project directory (default: the nearest ancestor holding l10n.toml).
    #[arg(long, global = true, env = "DOSSIER_ROOT", value_name = "DIR", help_heading = GLOBAL)]
    pub root: Option<PathBuf>,
    /// Print results and errors only: no progress or summary lines.
    #[arg(short, long, global = true, conflicts_with = "verbose", help_heading = GLOBAL)]
    pub quiet: bool,
    /// Also print details on standard error: the project used, the files sync writes, the
    /// time taken.
    #[arg(short, long, global = true, help_heading = GLOBAL)]
    pub verbose: bool,
    /// Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value_t = ColorChoice::Auto,
        help_heading = GLOBAL
    )]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

/// The heading of the options every command takes.
const GLOBAL: &str = "Global options";

/// `--color`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The commands in the top-level help, by who uses them; every command is in one group
/// (a test holds the list to the commands clap knows).
pub const GROUPS: &[(&str, &[&str])] = &[
    (
        "Translator",
        &[
            "sync", "status", "diff", "suggest", "accept", "check", "serve", "lsp",
        ],
    ),
    ("Editor", &["review", "report", "export", "import"]),
    ("Publisher", &["build"]),
    (
        "Project",
        &[
            "init",
            "add-locale",
            "init-git",
            "merge-driver",
            "completions",
        ],
    ),
];

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Update the reference from source/ and stamp translations.
    ///
    /// Segments every source, aligns ids with the reference (locales/en), writes it, and
    /// stamps translations; the summary names, per locale, the messages that became stale
    /// and why.
    #[command(after_help = "Examples:
  dossier sync                 # after the English changed (git pull): update the reference and the stamps
  dossier sync --check         # in CI: exit 1 when the reference is not up to date
  dossier sync --apply-safe    # also carry changed numbers and links over where that is safe")]
    Sync {
        /// Write nothing; exit 1 if anything would change.
        #[arg(long)]
        check: bool,
        /// Also carry numbers and links changes over, where the old value appears in the
        /// translation exactly once and, for numbers, nothing in the sentence agrees with
        /// it (the number's plural category stays the same); each replacement is reported.
        #[arg(long)]
        apply_safe: bool,
    },
    /// Per locale: messages translated, stale, missing, obsolete, and words.
    ///
    /// `words translated` is the share of the English words whose translation is up to
    /// date.
    #[command(after_help = "Examples:
  dossier status               # every locale
  dossier status ru en         # Russian, and the English source's own counts
  dossier status --json        # for dashboards and CI")]
    Status {
        /// Locales to show (default: every translation); `en` shows the source.
        #[arg(value_name = "LOCALE")]
        locales: Vec<String>,
        /// Print JSON: {"locales": [{"locale", "total", "translated", "stale", …}]}.
        #[arg(long)]
        json: bool,
        /// Plan every document again, without reading or writing .dossier-cache/status.
        #[arg(long)]
        no_cache: bool,
    },
    /// Stale and missing messages, with a word diff of the English.
    ///
    /// With --since REV: every translation changed since a git revision instead. --html
    /// writes either as a review page (Markdown shown formatted, each message with its
    /// file:line).
    #[command(after_help = "Examples:
  dossier diff ru                              # what needs work in Russian, with suggestions
  dossier diff ru --doc chapter-2              # only in one document
  dossier diff fr --html build/review-fr.html  # the same as a side-by-side review page
  dossier diff fr --since origin/main --html build/changed-fr.html   # what a translator changed")]
    Diff {
        /// The locale to show.
        locale: String,
        /// Only these messages (default: every one that needs work).
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        /// Print JSON: an array of messages with their diff and suggestions.
        #[arg(long)]
        json: bool,
        /// Write a standalone side-by-side review page to FILE.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// Instead: every message whose translation changed since this git revision.
        #[arg(long, value_name = "REV")]
        since: Option<String>,
        /// Only this document (`dossier`, `dossier.md` or `source/dossier.md`).
        #[arg(long, value_name = "DOC")]
        doc: Option<String>,
    },
    /// List translation-memory matches for missing messages (--fill writes them).
    #[command(after_help = "Examples:
  dossier suggest kk           # matches of at least [suggest] min % (default 70) for each missing message
  dossier suggest kk --fill 90 # write each best match of 90 % or more, marked stale for review
  dossier suggest kk --placeholders  # put every missing message in the files, its English commented out, to translate in place")]
    Suggest {
        /// The locale whose missing messages to match.
        locale: String,
        /// Write the best suggestion scoring at least MIN % into each missing message
        /// (stamped with the English it was made from, so it shows as stale).
        #[arg(long, value_name = "MIN", value_parser = clap::value_parser!(u8).range(1..=100))]
        fill: Option<u8>,
        /// Write each missing message into its locale file as a placeholder, in document
        /// order: its `# en:` stamp and the message with the English as its value,
        /// commented out. Write the translation in its place and remove the `# `; until
        /// then the message stays missing.
        #[arg(long, conflicts_with = "fill")]
        placeholders: bool,
    },
    /// Mark stale messages as updated against the current English.
    #[command(after_help = "Examples:
  dossier accept ru opposition-to-regime-p3    # one message
  dossier accept ru --all                      # every stale message (the project has one document)
  dossier accept ru --all --doc dossier        # every stale message of one document")]
    Accept {
        /// The locale of the messages.
        locale: String,
        /// The messages to accept.
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        /// Accept every stale message (of the document given with --doc, when the project
        /// has several).
        #[arg(long)]
        all: bool,
        /// The document (`dossier`, `dossier.md` or `source/dossier.md`).
        #[arg(long, value_name = "DOC")]
        doc: Option<String>,
    },
    /// The translation workspace in the browser: a local server over this project's files.
    ///
    /// Prints the URL, with its access token, as the first line, then opens the browser.
    /// docs/workspace.md: the app, its JSON API and its security model.
    #[command(after_help = "Examples:
  dossier serve                 # http://127.0.0.1:8470/?token=…
  dossier serve --port 0 --no-open
  dossier serve --reviewer \"Anna Petrova\"")]
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
    /// A language server for your editor, on standard input and output.
    ///
    /// Diagnostics, hovers, code actions on unsaved locale files; it writes nothing.
    /// docs/editors.md: VS Code, Neovim, Helix, Zed, Emacs.
    #[command(after_help = "Examples (the editor starts it; docs/editors.md):
  dossier lsp                          # what an editor's LSP client runs
  dossier lsp --root ~/dossier         # when a file is outside any project")]
    Lsp,
    /// Approve or reject translations (a review line next to each stamp).
    #[command(after_help = "Examples:
  dossier review fr opposition-to-regime --approve
  dossier review fr grave-risks-p1 --reject --note \"« régime » needs its article\"
  dossier review fr --approve --all --doc dossier   # every up-to-date translation")]
    Review {
        /// The locale of the messages.
        locale: String,
        /// The messages to review.
        #[arg(value_name = "ID")]
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
        /// Approve every up-to-date translation (of the document given with --doc, when
        /// the project has several).
        #[arg(long, conflicts_with = "reject")]
        all: bool,
        /// The document (`dossier`, `dossier.md` or `source/dossier.md`).
        #[arg(long, value_name = "DOC")]
        doc: Option<String>,
    },
    /// The work left per locale in CAT match bands, in segments and words.
    ///
    /// Bands: repetition, 100 %, 95–99 %, 85–94 %, 75–84 %, 50–74 %, no match; the words
    /// weighted, with a cost when dossier.toml sets a rate.
    #[command(after_help = "Examples:
  dossier report               # every locale, as a table
  dossier report kk --csv      # one CSV row per band, for a quote")]
    Report {
        /// Locales to report on (default: every translation).
        #[arg(value_name = "LOCALE")]
        locales: Vec<String>,
        /// One JSON object: {"locales": [{"locale", "bands", "total", "weighted_words", …}]}.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// One CSV row per locale and band.
        #[arg(long)]
        csv: bool,
    },
    /// Quality checks: markup, numbers, glossary, typography, scripts, language.
    ///
    /// Findings rustc-style with file:line:column (docs/checks.md lists every check);
    /// exit 1 when there are errors.
    #[command(after_help = "Examples:
  dossier check ru             # rustc-style findings with file:line:column; exit 1 on errors
  dossier check ru --fix       # apply the fixes that cannot change meaning, then check again
  dossier check --json         # every locale, for editors and CI")]
    Check {
        /// Locales to check (default: every translation).
        #[arg(value_name = "LOCALE")]
        locales: Vec<String>,
        /// Print JSON: {"diagnostics": [{"code", "severity", "file", "line", …}]}.
        #[arg(long)]
        json: bool,
        /// Apply the fixes that cannot change meaning (no-break spaces, apostrophes, …).
        #[arg(long)]
        fix: bool,
        /// Check every message again, without reading or writing .dossier-cache/.
        #[arg(long)]
        no_cache: bool,
    },
    /// Write the editions: build/<locale>/<doc>.md and .html (and .pdf).
    #[command(after_help = "Examples:
  dossier build                # every edition into build/
  dossier build ru --watch     # rebuild on every save; an open page reloads by itself
  dossier build --publish --pdf --strict   # reader editions and PDFs; exit 1 if a passage falls back")]
    Build {
        /// Editions to build (default: all); English is always built.
        #[arg(value_name = "LOCALE")]
        locales: Vec<String>,
        /// Output directory (default: build/ under the project).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Exit 1 if anything is stale or missing.
        #[arg(long)]
        strict: bool,
        /// After building, rebuild the editions each saved change affects, until
        /// interrupted; pages open in a browser reload by themselves.
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
    /// Export messages for CAT tools and platforms (XLIFF 2.0, PO, TMX).
    #[command(after_help = "Examples:
  dossier export fr --format xliff --only missing,stale -o fr.xlf
  dossier export ru --format po --doc dossier > ru.po
  dossier export kk --format tmx -o kk.tmx     # the translation memory")]
    Export(ExportArgs),
    /// Apply translations from an XLIFF 2.0 or PO file (read from its content).
    #[command(after_help = "Examples:
  dossier import fr fr.xlf --dry-run   # the word diff of what would change
  dossier import fr fr.xlf")]
    Import(ImportArgs),
    /// Make this directory (or DIR) a dossier project.
    ///
    /// Creates l10n.toml, dossier.toml (every setting at its default, commented), source/,
    /// locales/en/, a directory per locale, .gitattributes and .gitignore lines, and in a
    /// git repository git's merge driver (as init-git). Refuses a directory that has
    /// l10n.toml or dossier.toml already.
    #[command(after_help = "Examples:
  dossier init                         # here, no translation yet (add them with add-locale)
  dossier init my-report --locales fr,de")]
    Init {
        /// The directory (default: the current one); created when missing.
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
        /// The translation locales, comma-separated (BCP 47 tags: fr, pt-BR, sr-Latn).
        #[arg(long, value_name = "TAGS", value_delimiter = ',')]
        locales: Vec<String>,
    },
    /// Add a language: l10n.toml and its (empty) locale files.
    #[command(after_help = "Examples:
  dossier add-locale de
  dossier add-locale pt-BR")]
    AddLocale {
        /// The language's BCP 47 tag (`de`, `pt-BR`, `sr-Latn`).
        tag: String,
    },
    /// Set git up to merge locale files with `dossier merge-driver`.
    #[command(after_help = "Example:
  dossier init-git     # once per clone, with dossier on your PATH")]
    InitGit,
    /// git's merge driver for locale files (set up by init-git).
    ///
    /// Merges by message id and writes the result to OURS; exits 1 when a message is left
    /// with conflict markers.
    #[command(after_help = "Example (what `dossier init-git` configures):
  git config merge.dossier.driver \"dossier merge-driver %O %A %B %P\"")]
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
    /// Print a completion script for a shell (install it where the shell looks).
    #[command(after_help = "Examples:
  dossier completions bash > ~/.local/share/bash-completion/completions/dossier
  dossier completions zsh > ~/.zfunc/_dossier          # with fpath+=(~/.zfunc) in .zshrc
  dossier completions fish > ~/.config/fish/completions/dossier.fish")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// The locale to export.
    pub locale: String,
    /// Only this document (`dossier`, `dossier.md` or `source/dossier.md`); default: every
    /// document.
    #[arg(long, value_name = "DOC")]
    pub doc: Option<String>,
    /// The file format.
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
    /// The locale the file translates into (it must say the same).
    pub locale: String,
    /// The XLIFF 2.0 or PO file.
    pub file: PathBuf,
    /// Print the word diff of what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// In whose name the approvals the file brings are recorded (units a CAT tool marks
    /// reviewed or final; default: git's user.name).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// The date of those approvals (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

//! A command line that fits translators' and Rust users' habits (issue 19, items 9–12):
//! help that teaches, shell completions, global options, `init`.

use std::process::Command;

use crate::Project;

fn dossier() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.env_remove("DOSSIER_ROOT").env_remove("NO_COLOR");
    c
}

/// Item 9: every argument and option says what it is; every command's help ends with
/// examples; the top-level help lists every command once, by who uses it.
#[test]
fn help_describes_everything_and_teaches_by_example() {
    let cmd = dossier::cli::command();
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        assert!(sub.get_about().is_some(), "{name} has no description");
        for arg in sub.get_arguments() {
            let id = arg.get_id().as_str();
            if matches!(id, "help" | "version") {
                continue;
            }
            assert!(
                arg.get_help().is_some() || arg.get_long_help().is_some(),
                "{name} {id} has no description"
            );
        }
        let help = sub.clone().render_long_help().to_string();
        let examples = help
            .rfind("Example")
            .unwrap_or_else(|| panic!("{name}: no examples"));
        assert!(
            help[examples..].contains(&format!("dossier {name}"))
                || help[examples..].contains("dossier merge-driver"),
            "{name}: {help}"
        );
    }
    for arg in cmd.get_arguments() {
        assert!(
            arg.get_help().is_some(),
            "{} has no description",
            arg.get_id()
        );
    }
    let p = Project::new("# T\n");
    let top = p.ok(&["--help"]);
    for group in ["Translator:", "Editor:", "Publisher:", "Project:"] {
        assert!(top.contains(&format!("\n{group}\n")), "{top}");
    }
    let listed: Vec<&str> = dossier::cli::GROUPS
        .iter()
        .flat_map(|(_, names)| names.iter().copied())
        .collect();
    let mut known: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
    let mut sorted = listed.clone();
    sorted.sort_unstable();
    known.sort_unstable();
    assert_eq!(sorted, known, "every command in exactly one group");
    for name in listed {
        assert!(top.contains(&format!("\n  {name} ")), "{name}: {top}");
    }
    // suggest is described as what it does by default.
    assert!(
        top.contains("suggest       List translation-memory matches"),
        "{top}"
    );
    let diff = p.ok(&["diff", "-h"]);
    assert!(diff.contains("<LOCALE>  The locale to show"), "{diff}");
    assert!(diff.contains("--json"), "{diff}");
    assert!(diff.contains("Print JSON"), "{diff}");
    let accept = p.ok(&["accept", "-h"]);
    assert!(
        accept.contains("--doc <DOC>  The document (`dossier`"),
        "{accept}"
    );
}

/// Item 10: completion scripts for the usual shells, naming the commands.
#[test]
fn completions_for_every_shell() {
    let p = Project::new("# T\n");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = p.ok(&["completions", shell]);
        for word in ["dossier", "sync", "add-locale", "apply-safe"] {
            assert!(script.contains(word), "{shell}: {word}");
        }
    }
    // Works outside a project too.
    let dir = tempfile::tempdir().expect("dir");
    let o = dossier()
        .args(["completions", "bash"])
        .current_dir(dir.path())
        .output()
        .expect("run");
    assert!(o.status.success());
    // bash reads it without a syntax error.
    let path = dir.path().join("dossier.bash");
    std::fs::write(&path, &o.stdout).expect("write");
    let ok = Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "bash -n rejects the completion script");
    assert_eq!(p.run(&["completions", "tcsh"]).code, 2);
}

/// Item 11: --quiet, --verbose, --color and DOSSIER_ROOT.
#[test]
fn global_options_quiet_verbose_color_and_root() {
    let p = Project::new("# Title\n\nA paragraph.\n");
    // --quiet: a command that only says what it did prints nothing; results still print.
    assert_eq!(p.ok(&["sync", "--quiet"]), "");
    assert_eq!(p.ok(&["-q", "build"]), "");
    assert!(p.ok(&["status", "-q"]).starts_with("locale"));
    let o = p.run(&["sync", "--check", "-q"]);
    assert_eq!(o.code, 0);
    // --verbose: the project used and the time taken, on standard error.
    p.write("source/doc.md", "# Title\n\nA paragraph, changed.\n");
    let o = p.run(&["sync", "--verbose"]);
    assert_eq!(o.code, 0);
    assert!(o.stderr.contains("project: "), "{}", o.stderr);
    assert!(
        o.stderr.contains("wrote locales/en/doc.ftl"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("finished in "), "{}", o.stderr);
    assert!(!o.stdout.contains("finished in"));
    assert_eq!(p.run(&["sync", "-q", "-v"]).code, 2, "-q and -v conflict");
    // --color: rustc's colours for check on demand; never when piped by default or with
    // NO_COLOR.
    p.write(
        "locales/fr/doc.ftl",
        "title = Titre\n\ntitle-p1 = Un paragraphe , changé...\n",
    );
    p.ok(&["sync"]);
    let run = |args: &[&str], no_color: bool| {
        let mut c = dossier();
        c.args(args).current_dir(p.dir.path());
        if no_color {
            c.env("NO_COLOR", "1");
        }
        String::from_utf8_lossy(&c.output().expect("run").stdout).into_owned()
    };
    let always = run(&["check", "fr", "--color", "always"], true);
    assert!(always.contains("\x1b[1;31merror[typography]"), "{always:?}");
    assert!(always.contains("\x1b[1;34m"), "{always:?}");
    assert!(!run(&["check", "fr"], false).contains('\x1b'));
    assert!(!run(&["check", "fr", "--color", "auto"], true).contains('\x1b'));
    assert!(!run(&["check", "fr", "--color", "never"], false).contains('\x1b'));
    // DOSSIER_ROOT: the project from anywhere; --root wins over it.
    let elsewhere = tempfile::tempdir().expect("dir");
    let o = dossier()
        .args(["status"])
        .env("DOSSIER_ROOT", p.dir.path())
        .current_dir(elsewhere.path())
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\nfr "));
    let o = dossier()
        .args(["status"])
        .env("DOSSIER_ROOT", elsewhere.path())
        .current_dir(elsewhere.path())
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("(DOSSIER_ROOT): no l10n.toml here"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = dossier()
        .args(["status", "--root"])
        .arg(p.dir.path())
        .env("DOSSIER_ROOT", elsewhere.path())
        .output()
        .expect("run");
    assert!(o.status.success());
}

/// Item 12: `init` turns a folder into a project that works at once, sets git up in a
/// repository, and never overwrites.
#[test]
fn init_makes_a_project_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("dir");
    let root = dir.path();
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    assert!(git(&["init", "-q"]));
    std::fs::write(root.join(".gitignore"), "/target\n").expect("write");
    let o = dossier()
        .args(["init", "--locales", "fr,pt-BR"])
        .current_dir(root)
        .output()
        .expect("run");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for f in [
        "created source",
        "created locales/en",
        "created locales/fr",
        "created locales/pt-BR",
        "created dossier.toml",
        "created l10n.toml",
        "created .gitattributes",
        "git config merge.dossier.driver \"dossier merge-driver %O %A %B %P\"",
    ] {
        assert!(out.contains(f), "{f}: {out}");
    }
    let read = |f: &str| std::fs::read_to_string(root.join(f)).expect(f);
    assert!(read("l10n.toml").contains("locales = [\"fr\", \"pt-BR\"]"));
    assert_eq!(read("dossier.toml"), dossier::ops::init::DOSSIER_TOML);
    assert!(read(".gitattributes").contains("locales/*/*.ftl merge=dossier"));
    assert_eq!(
        read(".gitignore"),
        "/target\n/build\n/.dossier-cache\n/.dossier.lock\n"
    );
    let config = Command::new("git")
        .args(["config", "merge.dossier.driver"])
        .current_dir(root)
        .output()
        .expect("git");
    assert_eq!(
        String::from_utf8_lossy(&config.stdout).trim(),
        "dossier merge-driver %O %A %B %P"
    );
    // Every setting commented out is its default: the file parses, and uncommented it
    // parses too.
    let uncommented: String = dossier::ops::init::DOSSIER_TOML
        .lines()
        .map(|l| {
            l.strip_prefix("# ")
                .filter(|x| x.contains(" = "))
                .unwrap_or(l)
        })
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(root.join("dossier.toml"), &uncommented).expect("write");
    // The project works at once.
    std::fs::write(root.join("source/report.md"), "# Report\n\nText.\n").expect("write");
    let run = |args: &[&str]| {
        dossier()
            .args(args)
            .current_dir(root)
            .output()
            .expect("run")
    };
    assert!(run(&["sync"]).status.success());
    assert!(run(&["build"]).status.success());
    assert!(root.join("build/pt-BR/report.html").is_file());
    std::fs::write(root.join("dossier.toml"), dossier::ops::init::DOSSIER_TOML).expect("write");
    // A second init changes nothing.
    let before = read("l10n.toml");
    let o = run(&["init", "--locales", "de"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("already there"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(read("l10n.toml"), before);
    // A new directory, outside git: created, with the attribute for later.
    let outside = tempfile::tempdir().expect("dir");
    let fresh = outside.path().join("new/project");
    let o = run(&["init", fresh.to_str().expect("path")]);
    assert!(o.status.success());
    assert!(fresh.join("l10n.toml").is_file());
    assert!(fresh.join(".gitattributes").is_file());
    assert!(!String::from_utf8_lossy(&o.stdout).contains("git config"));
    // Bad tags are refused before anything is written.
    let bad = outside.path().join("bad");
    let o = run(&["init", bad.to_str().expect("path"), "--locales", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!bad.exists());
}

/// A reader that stops reading (`dossier status --json | head -1`) ends the command
/// quietly with exit 0, in text and in JSON (serde_json wraps the pipe's error in its
/// own), as `cat` or `git log` do.
#[test]
fn a_closed_pipe_is_not_an_error() {
    let p = crate::repository();
    for args in [
        &["status", "--json"][..],
        &["status"],
        &["report", "--json"],
        &["report", "--csv"],
    ] {
        // The reading end is closed before the command starts: its first write fails.
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let out = dossier()
            .args(["--root", p.path("").to_str().expect("utf-8 path")])
            .args(args)
            .stdout(writer)
            .output()
            .expect("run dossier");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

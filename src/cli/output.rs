//! The operations' results as the command line shows them: text (coloured as `--color`
//! says: `cli::Ui`) or JSON, and each command's exit code.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::ops;
use crate::paths::rel;
use crate::project::Project;
use crate::text::for_terminal as shown;

use super::{style, Ui};

pub fn json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<i32> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(0)
}

pub fn add_locale(root: &Path, r: &ops::add_locale::Report, out: &mut dyn Write) -> Result<i32> {
    for path in &r.created {
        writeln!(out, "created {}", rel(root, path))?;
    }
    writeln!(out, "added {} to l10n.toml", r.tag)?;
    Ok(0)
}

pub fn status(
    all: &[ops::status::LocaleStatus],
    as_json: bool,
    out: &mut dyn Write,
) -> Result<i32> {
    if as_json {
        return json(out, &serde_json::json!({ "locales": all }));
    }
    writeln!(
        out,
        "{:<8} {:>6} {:>10} {:>8} {:>8} {:>6} {:>8} {:>9} {:>16}",
        "locale",
        "total",
        "translated",
        "reviewed",
        "rejected",
        "stale",
        "missing",
        "obsolete",
        "words translated"
    )?;
    for s in all {
        let c = &s.counts;
        let pct = if c.words_total == 0 {
            100.0
        } else {
            100.0 * c.words_translated as f64 / c.words_total as f64
        };
        if s.source {
            writeln!(
                out,
                "{:<8} {:>6} {:>10} {:>8} {:>8} {:>6} {:>8} {:>9} {:>16}",
                s.locale, c.total, c.translated, "-", "-", "-", "-", "-", "source"
            )?;
            continue;
        }
        writeln!(
            out,
            "{:<8} {:>6} {:>10} {:>8} {:>8} {:>6} {:>8} {:>9} {:>15.1}%",
            s.locale,
            c.total,
            c.translated,
            c.reviewed,
            c.rejected,
            c.stale,
            c.missing,
            c.obsolete,
            pct
        )?;
        for d in &s.documents {
            if !d.stale_classes.is_empty() {
                let classes: Vec<String> = d
                    .stale_classes
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect();
                writeln!(out, "  {}: stale by change: {}", d.doc, classes.join(", "))?;
            }
        }
    }
    Ok(0)
}

/// One line per document; with `check`, the files that would be written (exit 1 when
/// there are any).
pub fn sync(
    project: &Project,
    r: &ops::sync::Report,
    check: bool,
    ui: Ui,
    out: &mut dyn Write,
) -> Result<i32> {
    for w in &r.warnings {
        eprintln!("{}", shown(w));
    }
    if ui.verbose && !check {
        for p in &r.writes {
            eprintln!("wrote {}", rel(&project.root, p));
        }
    }
    for d in &r.docs {
        writeln!(out, "{}", sync_line(d))?;
        // Per locale, the messages that became stale and why.
        for l in d.locales.iter().filter(|l| !l.stale.is_empty()) {
            let each: Vec<String> = l
                .stale
                .iter()
                .map(|s| match &s.held {
                    Some(why) => format!("{} [{}: left stale: {why}]", s.id, s.class.name()),
                    None => format!("{} [{}]", s.id, s.class.name()),
                })
                .collect();
            writeln!(
                out,
                "  {}: {} became stale: {}",
                l.locale,
                l.stale.len(),
                each.join(", ")
            )?;
        }
    }
    if check {
        for p in &r.writes {
            writeln!(out, "would write {}", rel(&project.root, p))?;
        }
        return Ok(if r.writes.is_empty() { 0 } else { 1 });
    }
    Ok(0)
}

fn sync_line(d: &ops::sync::DocSummary) -> String {
    let mut line = format!(
        "{}: {} messages ({} new, {} changed, {} removed)",
        d.name, d.messages, d.added, d.modified, d.removed
    );
    for l in &d.locales {
        if l.stamped > 0 {
            line.push_str(&format!("; {}: {} stamped", l.locale, l.stamped));
        }
        if l.restored > 0 {
            line.push_str(&format!(
                "; {}: {} stamp(s) restored from git history",
                l.locale, l.restored
            ));
        }
        for (id, old, new) in &l.applied {
            line.push_str(&format!("; {}: {id}: replaced {old} with {new}", l.locale));
        }
        if !l.carried.is_empty() {
            line.push_str(&format!("; {}: {} carried over", l.locale, l.carried.len()));
            for (id, class) in &l.carried {
                line.push_str(&format!(" [{id}: {}]", class.name()));
            }
        }
        if l.spaced > 0 {
            line.push_str(&format!(
                "; {}: blank line put back between {} pair(s) of messages",
                l.locale, l.spaced
            ));
        }
    }
    line
}

/// Findings as rustc-style text or JSON; exit 1 when there are errors.
pub fn check(r: &ops::check::Report, as_json: bool, ui: Ui, out: &mut dyn Write) -> Result<i32> {
    use crate::checks;
    if as_json {
        out.write_all(checks::render_json(&r.diagnostics, &r.fixed).as_bytes())?;
    } else {
        for d in &r.fixed {
            let how = d.fix.as_ref().map_or("", |f| f.message.as_str());
            writeln!(
                out,
                "fixed {}:{}:{} [{}]: {how}",
                d.file, d.line, d.column, d.code
            )?;
        }
        let text = shown(&checks::render_text(&r.diagnostics)).into_owned();
        out.write_all(style::check_report(&text, ui.color).as_bytes())?;
    }
    let (errors, _) = checks::counts(&r.diagnostics);
    Ok(if errors > 0 { 1 } else { 0 })
}

/// A build's progress line (warnings about unreadable text go to standard error).
pub fn build_event(e: &ops::build::Event, out: &mut dyn Write) -> std::io::Result<()> {
    use ops::build::Event;
    match e {
        Event::OldChromium {
            program,
            major,
            needed,
        } => writeln!(
            out,
            "warning: {} is Chromium {major}; page numbers in PDF footers need Chromium {needed} or later",
            program.display(),
        ),
        Event::Edition {
            locale,
            doc,
            counts: c,
            derived_from,
        } => {
            let from = derived_from
                .map(|base| format!(" (derived from {base})"))
                .unwrap_or_default();
            writeln!(
                out,
                "{locale}/{doc}: {} translated, {} stale, {} fallback of {}{from}",
                c.translated, c.stale, c.fallback, c.total
            )
        }
        Event::Pdf { locale, doc } => writeln!(out, "{locale}/{doc}.pdf printed"),
        Event::Written { dir } => writeln!(out, "editions written to {}", dir.display()),
        Event::Warning(w) => {
            eprintln!("{}", shown(w));
            Ok(())
        }
        Event::Watching => {
            writeln!(
                out,
                "watching source/, locales/, l10n.toml and dossier.toml; press Ctrl-C to stop"
            )?;
            out.flush()
        }
        Event::WatchError(e) => writeln!(out, "watch error: {e}"),
        Event::RebuildFailed(e) => {
            writeln!(out, "error: {}", shown(e))?;
            out.flush()
        }
        Event::Rebuilt(names) => {
            writeln!(out, "rebuilt {}", names.join(", "))?;
            out.flush()
        }
    }
}

/// `--strict`: exit 1 when some edition is incomplete (a watching build never is).
pub fn build_done(
    r: &ops::build::Report,
    opts: &ops::build::Options,
    out: &mut dyn Write,
) -> Result<i32> {
    if opts.watch {
        return Ok(0);
    }
    if opts.strict && r.incomplete {
        if opts.publish {
            writeln!(out, "--strict: some passages are shown in another language")?;
        } else {
            writeln!(
                out,
                "--strict: some editions have stale or missing translations"
            )?;
        }
        return Ok(1);
    }
    Ok(0)
}

pub fn report(
    all: &[ops::report::LocaleReport],
    as_json: bool,
    csv: bool,
    out: &mut dyn Write,
) -> Result<i32> {
    use ops::report::BANDS;
    if as_json {
        return json(out, &serde_json::json!({ "locales": all }));
    }
    if csv {
        writeln!(out, "locale,band,segments,words")?;
        for r in all {
            for b in BANDS {
                let x = r.bands.get(b).copied().unwrap_or_default();
                writeln!(out, "{},{b},{},{}", r.locale, x.segments, x.words)?;
            }
            writeln!(
                out,
                "{},total,{},{}",
                r.locale, r.total.segments, r.total.words
            )?;
        }
        return Ok(0);
    }
    for r in all {
        writeln!(
            out,
            "{}: {} segment(s), {} word(s) of work",
            r.locale, r.total.segments, r.total.words
        )?;
        writeln!(out, "  {:<11} {:>8} {:>8}", "band", "segments", "words")?;
        for b in BANDS {
            let x = r.bands.get(b).copied().unwrap_or_default();
            writeln!(out, "  {b:<11} {:>8} {:>8}", x.segments, x.words)?;
        }
        write!(out, "  weighted words: {}", r.weighted_words)?;
        if let Some(c) = r.cost {
            write!(out, "; cost: {c:.2}")?;
        }
        writeln!(out)?;
    }
    Ok(0)
}

/// `merge-driver`: the conflicts left, if any (exit 1), as git shows a driver's output.
pub fn merged(r: &ops::merge_driver::Report, out: &mut dyn Write) -> Result<i32> {
    if r.conflicts.is_empty() {
        return Ok(0);
    }
    writeln!(
        out,
        "dossier merge-driver: {}: conflict in {} message(s): {}",
        r.path,
        r.conflicts.len(),
        r.conflicts.join(", ")
    )?;
    Ok(1)
}

/// `init-git`: what was configured.
pub fn init_git(r: &ops::init_git::Report, out: &mut dyn Write) -> Result<i32> {
    for (key, value) in &r.config {
        writeln!(out, "git config {key} \"{value}\"")?;
    }
    if r.attributes_added {
        writeln!(
            out,
            "added `{}` to .gitattributes",
            ops::init_git::ATTRIBUTE
        )?;
    }
    Ok(0)
}

/// `init`: what was created and what to do next.
pub fn init(r: &ops::init::Report, out: &mut dyn Write) -> Result<i32> {
    for p in &r.created {
        writeln!(out, "created {}", rel(&r.root, p))?;
    }
    for (key, value) in &r.git_config {
        writeln!(out, "git config {key} \"{value}\"")?;
    }
    writeln!(
        out,
        "\n{} is a dossier project. Next: put the English in source/*.md, then `dossier sync`{}.",
        r.root.display(),
        if r.locales.is_empty() {
            " and `dossier add-locale TAG` for each language"
        } else {
            ""
        }
    )?;
    Ok(0)
}

//! The operations' results as the command line shows them: text (coloured on a terminal
//! unless `NO_COLOR`) or JSON, and each command's exit code.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::ops;
use crate::paths::rel;
use crate::project::Project;

/// Colour for a terminal, plain text when piped or when `NO_COLOR` is set.
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout())
}

fn json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<i32> {
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
        "{:<8} {:>6} {:>10} {:>6} {:>8} {:>9} {:>7}",
        "locale", "total", "translated", "stale", "missing", "obsolete", "words"
    )?;
    for s in all {
        let c = &s.counts;
        let pct = if c.words_total == 0 {
            100.0
        } else {
            100.0 * c.words_translated as f64 / c.words_total as f64
        };
        writeln!(
            out,
            "{:<8} {:>6} {:>10} {:>6} {:>8} {:>9} {:>6.1}%",
            s.locale, c.total, c.translated, c.stale, c.missing, c.obsolete, pct
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
    out: &mut dyn Write,
) -> Result<i32> {
    for w in &r.warnings {
        eprintln!("{w}");
    }
    for d in &r.docs {
        writeln!(out, "{}", sync_line(d))?;
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
pub fn check(r: &ops::check::Report, as_json: bool, out: &mut dyn Write) -> Result<i32> {
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
        out.write_all(checks::render_text(&r.diagnostics).as_bytes())?;
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
            eprintln!("{w}");
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
            writeln!(out, "error: {e}")?;
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
        writeln!(
            out,
            "--strict: some editions have stale or missing translations"
        )?;
        return Ok(1);
    }
    Ok(0)
}

pub fn diff(
    items: &[ops::diff::Item],
    html: Option<&Path>,
    as_json: bool,
    out: &mut dyn Write,
) -> Result<i32> {
    if let Some(path) = html {
        if !as_json {
            writeln!(
                out,
                "review page written to {}: {} message(s) need work",
                path.display(),
                items.len()
            )?;
            return Ok(0);
        }
    }
    if as_json {
        return json(out, &items);
    }
    let color = use_color();
    for it in items {
        writeln!(
            out,
            "{}/{} {} [{}{}]",
            it.locale,
            it.doc,
            it.id,
            it.state,
            it.class.map(|c| format!(": {c}")).unwrap_or_default()
        )?;
        if it.source_before.is_some() {
            let line = crate::change::render_pieces(&it.diff, color);
            writeln!(out, "  en: {line}")?;
        } else {
            writeln!(out, "  en: {}", it.source_now)?;
        }
        if let Some(t) = it.translation {
            writeln!(out, "  {}: {t}", it.locale)?;
        }
        for sug in &it.suggestions {
            writeln!(
                out,
                "  suggestion {}% (from {}): {}",
                sug.percent, sug.id, sug.translation
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{} message(s) need work", items.len())?;
    Ok(0)
}

pub fn since(
    items: &[ops::since::Changed],
    rev: &str,
    as_json: bool,
    out: &mut dyn Write,
) -> Result<i32> {
    if as_json {
        return json(out, &items);
    }
    let color = use_color();
    for it in items {
        writeln!(out, "{}/{} {} [{}]", it.locale, it.doc, it.id, it.change)?;
        if let Some(s) = it.source_now {
            writeln!(out, "  en: {s}")?;
        }
        let line = crate::change::render_pieces(&it.diff, color);
        writeln!(out, "  {}: {line}\n", it.locale)?;
    }
    writeln!(out, "{} translation(s) changed since {rev}", items.len())?;
    Ok(0)
}

pub fn suggestions(
    locale: &str,
    found: &[ops::suggest::Missing],
    out: &mut dyn Write,
) -> Result<i32> {
    for m in found {
        writeln!(out, "{locale}/{} {}:", m.doc, m.id)?;
        for s in &m.suggestions {
            writeln!(out, "  {}% (from {}): {}", s.percent, s.id, s.translation)?;
        }
    }
    Ok(0)
}

pub fn filled(locale: &str, filled: &[ops::suggest::Filled], out: &mut dyn Write) -> Result<i32> {
    for f in filled {
        writeln!(
            out,
            "{locale}/{} {}: filled from {} ({}%)",
            f.doc, f.id, f.from, f.percent
        )?;
    }
    writeln!(
        out,
        "{} message(s) filled; review them: dossier diff {locale}",
        filled.len()
    )?;
    Ok(0)
}

pub fn accepted(locale: &str, done: &[ops::accept::Accepted], out: &mut dyn Write) -> Result<i32> {
    for a in done {
        match a.outcome {
            ops::accept::Outcome::Accepted => {
                writeln!(out, "accepted {locale}/{} {}", a.doc, a.id)?;
            }
            ops::accept::Outcome::NotStale(state) => writeln!(
                out,
                "{locale}/{} {}: not stale ({state}), nothing to accept",
                a.doc, a.id
            )?,
        }
    }
    Ok(0)
}

pub fn import(
    project: &Project,
    locale: &str,
    r: &ops::import::Report,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<i32> {
    let color = use_color();
    out.write_all(crate::interop::report(&r.outcome, locale, dry_run, color).as_bytes())?;
    if dry_run {
        for p in &r.writes {
            writeln!(out, "would write {}", rel(&project.root, p))?;
        }
        writeln!(out, "dry run: nothing written")?;
        return Ok(0);
    }
    if r.writes.is_empty() {
        writeln!(out, "nothing to change")?;
        return Ok(0);
    }
    for p in &r.writes {
        writeln!(out, "wrote {}", rel(&project.root, p))?;
    }
    Ok(0)
}

//! The results of the commands about messages as the command line shows them: `diff`
//! (and `--since`), `suggest`, `accept`, `review`, `import` — text (coloured as `--color`
//! says) or JSON.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::output::json;
use super::Ui;
use crate::ops;
use crate::paths::rel;
use crate::project::Project;
use crate::text::for_terminal as shown;

pub fn diff(
    items: &[ops::diff::Item],
    html: Option<&Path>,
    as_json: bool,
    ui: Ui,
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
    let color = ui.color;
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
        if let Some(note) = &it.note {
            writeln!(out, "  rejected: {}", shown(note))?;
        }
        if it.source_before.is_some() {
            let line = crate::change::render_pieces(&it.diff, color);
            writeln!(out, "  en: {line}")?;
        } else {
            writeln!(out, "  en: {}", shown(it.source_now))?;
        }
        if let Some(t) = it.translation {
            writeln!(out, "  {}: {}", it.locale, shown(t))?;
        }
        for sug in &it.suggestions {
            writeln!(
                out,
                "  suggestion {}% (from {}): {}",
                sug.percent,
                sug.id,
                shown(&sug.translation)
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
    html: Option<&Path>,
    as_json: bool,
    ui: Ui,
    out: &mut dyn Write,
) -> Result<i32> {
    if as_json {
        return json(out, &items);
    }
    if let Some(path) = html {
        writeln!(
            out,
            "review page written to {}: {} translation(s) changed since {rev}",
            path.display(),
            items.len()
        )?;
        return Ok(0);
    }
    let color = ui.color;
    for it in items {
        writeln!(out, "{}/{} {} [{}]", it.locale, it.doc, it.id, it.change)?;
        if let Some(s) = it.source_now {
            writeln!(out, "  en: {}", shown(s))?;
        }
        let line = crate::change::render_pieces(&it.diff, color);
        writeln!(out, "  {}: {line}\n", it.locale)?;
    }
    writeln!(out, "{} translation(s) changed since {rev}", items.len())?;
    Ok(0)
}

/// The suggestions for each missing message; when there are none, why.
pub fn suggestions(
    locale: &str,
    found: &ops::suggest::Found,
    min: u8,
    out: &mut dyn Write,
) -> Result<i32> {
    if found.missing == 0 {
        writeln!(out, "{locale}: no message is missing; nothing to suggest")?;
        return Ok(0);
    }
    if found.messages.is_empty() {
        writeln!(
            out,
            "{locale}: no suggestion of {min} % or more for the {} missing message(s) ([suggest] min in dossier.toml sets the threshold)",
            found.missing
        )?;
        return Ok(0);
    }
    let found = &found.messages;
    for m in found {
        writeln!(out, "{locale}/{} {}:", m.doc, m.id)?;
        for s in &m.suggestions {
            writeln!(
                out,
                "  {}% (from {}): {}",
                s.percent,
                s.id,
                shown(&s.translation)
            )?;
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

pub fn placed(locale: &str, placed: &[ops::missing::Placed], out: &mut dyn Write) -> Result<i32> {
    for p in placed {
        let what = if p.refreshed {
            "placeholder refreshed (the English changed)"
        } else {
            "placeholder"
        };
        writeln!(out, "{locale}/{} {}: {what}", p.doc, p.id)?;
    }
    if placed.is_empty() {
        writeln!(out, "{locale}: no missing message without a placeholder")?;
    } else {
        writeln!(
            out,
            "{} placeholder(s) written: write each translation in place of its commented line and remove the `# `",
            placed.len()
        )?;
    }
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

pub fn reviewed(locale: &str, done: &[ops::review::Reviewed], out: &mut dyn Write) -> Result<i32> {
    for r in done {
        writeln!(
            out,
            "{} {locale}/{} {}",
            r.review.verdict.name(),
            r.doc,
            r.id
        )?;
    }
    Ok(0)
}

pub fn import(
    project: &Project,
    locale: &str,
    r: &ops::import::Report,
    dry_run: bool,
    ui: Ui,
    out: &mut dyn Write,
) -> Result<i32> {
    let color = ui.color;
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

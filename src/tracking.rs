//! Change-tracking commands for editors and translators: `diff --since REV` (what a
//! translator changed since a git revision) and `suggest --fill` (translation memory).

use std::io::Write;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::change::word_diff;
use crate::cli::{rel, selected, SUGGEST_MIN};
use crate::fsio::{self, Writer};
use crate::ftl::{self, FtlFile};
use crate::plan::{self, Plan, State};
use crate::project::{self, Project};
use crate::suggest::Memory;

#[derive(serde::Serialize)]
struct Changed<'a> {
    locale: &'a str,
    doc: &'a str,
    id: String,
    /// "changed", "added" or "removed".
    change: &'static str,
    translation_before: Option<String>,
    translation_now: Option<String>,
    diff: Vec<crate::change::Piece>,
    source_now: Option<&'a str>,
    state: Option<&'static str>,
}

/// The text of `path` at git revision `rev`, or None when it did not exist there.
fn git_show(root: &std::path::Path, rev: &str, path: &std::path::Path) -> Result<Option<String>> {
    let inside = Command::new("git")
        .args(["rev-parse", "--is-inside-work-tree"])
        .current_dir(root)
        .output()
        .context("cannot run git; is it installed?")?;
    if !inside.status.success() {
        bail!(
            "{}: not inside a git repository; `diff --since` compares with a git revision",
            root.display()
        );
    }
    let verify = Command::new("git")
        .args([
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ])
        .current_dir(root)
        .output()?;
    if !verify.status.success() {
        bail!("`{rev}` is not a git revision of this repository");
    }
    let relpath = rel(root, path);
    let out = Command::new("git")
        .args(["show", &format!("{rev}:./{relpath}")])
        .current_dir(root)
        .output()?;
    if !out.status.success() {
        return Ok(None);
    }
    let text = fsio::check_text(path, out.stdout)?;
    Ok(Some(text))
}

pub fn diff_since(
    project: &Project,
    plan: &Plan,
    locale: &str,
    ids: &[String],
    rev: &str,
    json: bool,
    out: &mut dyn Write,
) -> Result<i32> {
    selected(project, &[locale.to_string()])?;
    let mut items = Vec::new();
    for d in &plan.docs {
        let Some(lp) = d.locale(locale) else { continue };
        let path = project::locale_file(&project.root, locale, &d.name);
        let old = git_show(&project.root, rev, &path)?.map(|t| FtlFile::parse(&t));
        let value_of = |f: &FtlFile| -> Vec<(String, String)> {
            f.messages()
                .map(|(_, m)| (m.id.clone(), m.value.clone()))
                .collect()
        };
        let before: Vec<(String, String)> = old.as_ref().map(value_of).unwrap_or_default();
        let now: Vec<(String, String)> = lp.file.as_ref().map(value_of).unwrap_or_default();
        let get = |v: &[(String, String)], id: &str| {
            v.iter().find(|(i, _)| i == id).map(|(_, t)| t.clone())
        };
        // Document order: the reference's, then ids only the locale file has.
        let mut order: Vec<String> = d.messages.iter().map(|m| m.id.clone()).collect();
        for (id, _) in now.iter().chain(before.iter()) {
            if !order.contains(id) {
                order.push(id.clone());
            }
        }
        for id in order {
            if !ids.is_empty() && !ids.contains(&id) {
                continue;
            }
            let (b, n) = (get(&before, &id), get(&now, &id));
            let change = match (&b, &n) {
                (Some(x), Some(y)) if x == y => continue,
                (None, None) => continue,
                (Some(_), Some(_)) => "changed",
                (None, Some(_)) => "added",
                (Some(_), None) => "removed",
            };
            let k = d.index.get(&id).copied();
            items.push(Changed {
                locale,
                doc: &d.name,
                diff: word_diff(b.as_deref().unwrap_or(""), n.as_deref().unwrap_or("")),
                source_now: k.map(|k| d.messages[k].text.as_str()),
                state: k.map(|k| lp.states[k].name()),
                id,
                change,
                translation_before: b,
                translation_now: n,
            });
        }
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &items)?;
        writeln!(out)?;
        return Ok(0);
    }
    let color = crate::cli::use_color();
    for it in &items {
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

pub fn suggest(
    project: &Project,
    plan: &Plan,
    locale: &str,
    fill: Option<u8>,
    writer: &mut dyn Writer,
    out: &mut dyn Write,
) -> Result<i32> {
    selected(project, &[locale.to_string()])?;
    let memory = Memory::of(&plan.docs, locale);
    let mut writes = Vec::new();
    let mut filled = 0;
    for d in &plan.docs {
        let Some(lp) = d.locale(locale) else { continue };
        let mut new = Vec::new();
        for (k, m) in d.messages.iter().enumerate() {
            if lp.states[k] != State::Missing {
                continue;
            }
            let best = memory.suggest(&m.text, &m.id, 3, fill.unwrap_or(SUGGEST_MIN));
            let Some(first) = best.first() else { continue };
            match fill {
                Some(_) => {
                    // Stamped with the English the suggestion was made from: it shows as stale
                    // with a diff to the current English until a translator accepts it.
                    let text = ftl::write_message(
                        &m.id,
                        &first.translation,
                        &ftl::stamp_lines(&first.source),
                    );
                    writeln!(
                        out,
                        "{locale}/{} {}: filled from {} ({}%)",
                        d.name, m.id, first.id, first.percent
                    )?;
                    new.push((m.id.clone(), text));
                    filled += 1;
                }
                None => {
                    writeln!(out, "{locale}/{} {}:", d.name, m.id)?;
                    for s in &best {
                        writeln!(out, "  {}% (from {}): {}", s.percent, s.id, s.translation)?;
                    }
                }
            }
        }
        if !new.is_empty() {
            let base = lp
                .new_text
                .clone()
                .or_else(|| lp.file.as_ref().map(|f| f.src.clone()))
                .unwrap_or_else(|| format!("### {locale} translation of source/{}.md.\n", d.name));
            let order: Vec<String> = d.messages.iter().map(|m| m.id.clone()).collect();
            writes.push((
                project::locale_file(&project.root, locale, &d.name),
                plan::insert_messages(&base, &order, &new),
            ));
        }
    }
    if fill.is_some() {
        for (p, t) in writes {
            writer.write(&p, &t)?;
        }
        writeln!(
            out,
            "{filled} message(s) filled; review them: dossier diff {locale}"
        )?;
    }
    Ok(0)
}

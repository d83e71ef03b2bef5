//! Each command of a project: its arguments turned into a call of an operation, the
//! result handed to `output` (cargo's `commands/<name>.rs` `exec`, one function here).

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::{messages, output, Command, Ui};
use crate::ops;
use crate::project::Project;

/// Runs `command` on the project at `root`.
pub fn exec(root: &Path, command: Command, ui: Ui, out: &mut dyn Write) -> Result<i32> {
    if let Command::InitGit = command {
        let r = ops::init_git::init_git(root)?;
        return output::init_git(&r, out);
    }
    let project = open(root)?;
    match command {
        Command::AddLocale { tag } => {
            let r = ops::add_locale::add_locale(&project, &tag)?;
            output::add_locale(root, &r, out)
        }
        Command::Status {
            locales,
            json,
            no_cache,
        } => {
            let all = ops::status::status(&project, &locales, no_cache)?;
            output::status(&all, json, out)
        }
        Command::Sync { check, apply_safe } => {
            let r = ops::sync::sync(&project, ops::sync::Options { check, apply_safe })?;
            output::sync(&project, &r, check, ui, out)
        }
        Command::Check {
            locales,
            json,
            fix,
            no_cache,
        } => {
            let opts = ops::check::Options {
                locales,
                fix,
                no_cache,
            };
            let r = ops::check::check(&project, &opts)?;
            output::check(&r, json, ui, out)
        }
        Command::Build {
            locales,
            out: dir,
            strict,
            watch,
            pdf,
            publish,
        } => {
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
        Command::Serve {
            port,
            bind,
            no_open,
            reviewer,
        } => {
            let opts = crate::serve::Options {
                port,
                bind,
                open: !no_open,
                reviewer,
            };
            crate::serve::run(project, &opts, out)
        }
        command => with_plan(&project, command, ui, out),
    }
}

/// Commands that work on the whole plan, loaded once (under the lock for those that
/// write).
fn with_plan(project: &Project, command: Command, ui: Ui, out: &mut dyn Write) -> Result<i32> {
    // Commands that write hold the project lock from before they read until they
    // finish, so two of them at once give the same result as one after the other.
    let lock = match &command {
        Command::Accept { .. }
        | Command::Review { .. }
        | Command::Suggest { fill: Some(_), .. }
        | Command::Suggest {
            placeholders: true, ..
        } => Some(ops::lock(project)?),
        Command::Import(a) if !a.dry_run => Some(ops::lock(project)?),
        _ => None,
    };
    let loaded = ops::load(project)?;
    for w in &loaded.warnings {
        eprintln!("{w}");
    }
    let plan = &loaded.plan;
    let mut writer = ops::writer(project);
    let code = match (command, &lock) {
        (
            Command::Diff {
                locale,
                ids,
                json,
                html,
                since: Some(rev),
                doc,
            },
            _,
        ) => {
            let docs = ops::documents(plan, doc.as_deref(), false)?;
            let mut items = ops::since::since(project, plan, &locale, &ids, &rev)?;
            items.retain(|i| docs.iter().any(|d| d == i.doc));
            if let Some(path) = &html {
                ops::since::write_review_page(path, &locale, &rev, &items)?;
            }
            messages::since(&items, &rev, html.as_deref(), json, ui, out)
        }
        (
            Command::Diff {
                locale,
                ids,
                json,
                html,
                since: None,
                doc,
            },
            _,
        ) => {
            let docs = ops::documents(plan, doc.as_deref(), false)?;
            let mut items = ops::diff::diff(project, plan, &locale, &ids)?;
            items.retain(|i| docs.iter().any(|d| d == i.doc));
            if let Some(path) = &html {
                ops::diff::write_review_page(path, &locale, &items)?;
            }
            messages::diff(&items, html.as_deref(), json, ui, out)
        }
        (
            Command::Suggest {
                locale,
                fill,
                placeholders,
            },
            lock,
        ) => match (fill, lock) {
            (None, Some(lock)) if placeholders => {
                let placed = ops::missing::write(project, plan, lock, &locale, &mut writer)?;
                messages::placed(&locale, &placed, out)
            }
            (Some(min), Some(lock)) => {
                let filled = ops::suggest::fill(project, plan, lock, &locale, min, &mut writer)?;
                messages::filled(&locale, &filled, out)
            }
            _ => {
                let min = project.config.suggest_min;
                let found = ops::suggest::suggestions(project, plan, &locale, min)?;
                messages::suggestions(&locale, &found, min, out)
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
            let done = ops::accept::accept(project, plan, lock, &locale, &sel, &mut writer)?;
            messages::accepted(&locale, &done, out)
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
                    .or_else(|| ops::review::reviewer(project))
                    .unwrap_or_default(),
                date: date.unwrap_or_else(ops::review::today),
            };
            let done = ops::review::review(project, plan, lock, &opts, &mut writer)?;
            messages::reviewed(&opts.locale, &done, out)
        }
        (Command::Report { locales, json, csv }, _) => {
            let all = ops::report::report(project, plan, &locales)?;
            output::report(&all, json, csv, out)
        }
        (Command::Export(a), _) => {
            let opts = ops::export::Options {
                locale: a.locale,
                doc: a.doc,
                format: a.format,
                only: a.only,
            };
            let (text, format) = ops::export::export(project, plan, &opts)?;
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
            let approver = crate::interop::Approver {
                by: a
                    .by
                    .clone()
                    .or_else(|| ops::review::reviewer(project))
                    .unwrap_or_else(|| "an import".to_string()),
                date: a.date.clone().unwrap_or_else(ops::review::today),
            };
            if !crate::approval::valid_date(&approver.date) {
                anyhow::bail!("`{}` is not a date: write YYYY-MM-DD", approver.date);
            }
            let r = ops::import::import(
                project,
                plan,
                lock.as_ref(),
                &a.locale,
                &a.file,
                Some(&approver),
                &mut writer,
            )?;
            messages::import(project, &a.locale, &r, a.dry_run, ui, out)
        }
        // Handled by `exec` or `cli::run`, or given their lock above.
        _ => Ok(0),
    };
    // Never freed: the process ends right after the command, and freeing a large
    // plan piece by piece takes longer than the system reclaiming it at once.
    std::mem::forget(loaded);
    code
}

/// The project at `root`, telling the user when a writer waits for another.
fn open(root: &Path) -> Result<Project> {
    let mut project = Project::open(root)?;
    project.on_lock_wait = |m| eprintln!("{m}");
    Ok(project)
}

//! `status`: per locale, how many messages are translated, stale, missing and obsolete,
//! with word counts and, per document, the change classes of the stale ones.

use anyhow::Result;

pub use crate::cache::status::DocStatus;
use crate::cache::status::{Cache, Statuses};
use crate::plan;
use crate::project::Project;

/// One locale's line.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LocaleStatus {
    pub locale: String,
    #[serde(flatten)]
    pub counts: plan::Counts,
    pub documents: Vec<DocStatus>,
}

/// The status of `locales` (every locale when empty). It keeps only each document's
/// counts (see `each_doc`): an editor runs it on every save, on projects of any size.
/// Documents whose files did not change since the status cache recorded them are not read
/// (`no_cache`: every document is read, and the cache neither read nor written). Unknown
/// locales are reported after bad input.
pub fn status(project: &Project, locales: &[String], no_cache: bool) -> Result<Vec<LocaleStatus>> {
    let root = &project.root;
    let cache = if no_cache {
        Cache::off()
    } else {
        Cache::load(root)
    };
    // Counted once: taken from what the cache records when it does.
    let each = super::each_doc(project, &cache, Some(Clone::clone), |d, r| {
        r.map_or_else(|| super::statuses(d), |r| r.locales.clone())
    })?;
    let counted: Vec<Statuses> = each.iter().map(|e| e.kept.clone()).collect();
    cache.save(
        each.into_iter()
            .map(|e| (e.name, e.sigs.zip(e.record)))
            .collect(),
    );
    let locales = super::selected(project, locales)?;
    let mut all = Vec::new();
    for l in &locales {
        let mut total = plan::Counts::default();
        let mut docs = Vec::new();
        for d in &counted {
            let Some((_, ds)) = d.iter().find(|(x, _)| x == l) else {
                continue;
            };
            total.add(&ds.counts);
            docs.push(ds.clone());
        }
        all.push(LocaleStatus {
            locale: l.clone(),
            counts: total,
            documents: docs,
        });
    }
    Ok(all)
}

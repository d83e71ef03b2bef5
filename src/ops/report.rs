//! `report`: the work a change to the English leaves for each locale (missing, stale and
//! rejected messages), in segments and words, split into the match bands CAT tools and
//! agencies quote by, with a weighted word count and, when the project has a rate, a cost.
//!
//! Matching is `suggest`'s (the same memory of live and obsolete translations and the
//! same measure); word counts are `status`'s.

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;

use crate::plan::{self, Plan, State};
use crate::project::Project;
use crate::suggest::Memory;

/// The bands, in the order agencies list them (weights: `config::DEFAULT_REPORT_WEIGHTS`).
pub const BANDS: &[&str] = &[
    "repetition",
    "100",
    "95-99",
    "85-94",
    "75-84",
    "50-74",
    "no-match",
];

/// Segments and words in one band.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Band {
    pub segments: usize,
    pub words: usize,
}

/// One locale's analysis.
#[derive(Debug, Clone, Serialize)]
pub struct LocaleReport {
    pub locale: String,
    /// Band name → segments and words, every band present.
    pub bands: BTreeMap<&'static str, Band>,
    /// All the work: the sum of the bands.
    pub total: Band,
    /// Words weighted by their band (`[report.weights]`).
    pub weighted_words: f64,
    /// `weighted_words` × `[report] rate_per_word`, when the project sets a rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
}

/// The band of a match percentage.
pub fn band(percent: u8) -> &'static str {
    match percent {
        100 => "100",
        95..=99 => "95-99",
        85..=94 => "85-94",
        75..=84 => "75-84",
        50..=74 => "50-74",
        _ => "no-match",
    }
}

/// The analysis of `locales` (every locale when empty).
pub fn report(project: &Project, plan: &Plan, locales: &[String]) -> Result<Vec<LocaleReport>> {
    let locales = super::selected(project, locales)?;
    let weights = &project.config.report_weights;
    let weight = |b: &str| {
        weights
            .iter()
            .find(|(n, _)| n == b)
            .map_or(1.0, |(_, w)| *w)
    };
    let mut out = Vec::new();
    for locale in locales {
        let memory = Memory::of(&plan.docs, &locale);
        let mut bands: BTreeMap<&'static str, Band> =
            BANDS.iter().map(|b| (*b, Band::default())).collect();
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for d in &plan.docs {
            let Some(lp) = d.locale(&locale) else {
                continue;
            };
            for (k, m) in d.messages.iter().enumerate() {
                let rejected = lp
                    .review(k)
                    .is_some_and(|r| r.verdict == crate::approval::Verdict::Rejected);
                let work = match lp.states[k] {
                    State::Translated => rejected,
                    State::Stale { .. } | State::Missing => true,
                };
                if !work {
                    continue;
                }
                let name = if !seen.insert(m.text.as_str()) {
                    "repetition"
                } else {
                    // A stale message's previous translation is in the memory, as in a CAT
                    // tool's; a rejected one's is not a match for itself.
                    let exclude = if rejected { m.id.as_str() } else { "" };
                    memory
                        .best(&m.text, exclude)
                        .map_or("no-match", |s| band(s.percent))
                };
                let b = bands.entry(name).or_default();
                b.segments += 1;
                b.words += plan::word_count(&m.text);
            }
        }
        let total = bands.values().fold(Band::default(), |t, b| Band {
            segments: t.segments + b.segments,
            words: t.words + b.words,
        });
        let weighted: f64 = bands.iter().map(|(n, b)| b.words as f64 * weight(n)).sum();
        let weighted_words = (weighted * 100.0).round() / 100.0;
        out.push(LocaleReport {
            locale,
            bands,
            total,
            weighted_words,
            cost: project
                .config
                .report_rate
                .map(|r| (weighted_words * r * 100.0).round() / 100.0),
        });
    }
    Ok(out)
}

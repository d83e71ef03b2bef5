//! Project configuration: Mozilla's `l10n.toml` (locales, paths) and `dossier.toml`
//! (what Mozilla's format has no key for: fallback chains, sync and build policy).

use std::collections::BTreeMap;

use serde::Deserialize;
use unic_langid::LanguageIdentifier;

/// The reference locale: the language of `source/`.
pub const REFERENCE: &str = "en";

#[derive(Debug, Clone)]
pub struct Config {
    /// Translation locales, in the order of l10n.toml.
    pub locales: Vec<String>,
    pub fallback: BTreeMap<String, Vec<String>>,
    /// Carry whitespace-only and punctuation-only English changes over to translations.
    pub carry_over: bool,
    /// With `carry_over`, also carry changes of letter case only (off unless
    /// dossier.toml says `[sync] carry_over_case = true`).
    pub carry_over_case: bool,
    /// How stale translations appear in editions: "mark" (the translation with a marker),
    /// or "fallback" (the fallback text instead).
    pub stale: StalePolicy,
    /// Set by `sync --apply-safe`: carry numbers and links changes over where each changed
    /// value appears in the translation exactly once.
    pub apply_safe: bool,
    /// How long a writing command waits for another to finish (`[lock] wait_seconds`).
    pub lock_wait: std::time::Duration,
    /// The largest file read, in bytes (`[limits] file_size_mib`).
    pub max_file_size: u64,
    /// `[review] required`: up-to-date translations need an approval; `Some(true)` when
    /// `check` reports them as errors, `Some(false)` as warnings.
    pub review_required: Option<bool>,
    /// `[suggest] min`: suggestions below this match (percent) are not offered.
    pub suggest_min: u8,
    /// `[report.weights]`: band → weight of its words (defaults in `ops::report`).
    pub report_weights: Vec<(String, f64)>,
    /// `[report] rate_per_word`: the price of a weighted word.
    pub report_rate: Option<f64>,
    /// `[publish]`: what reader editions (`build --publish`) show.
    pub publish: Publish,
    /// Set by `build --publish`: editions for readers (no workflow markers; passages that
    /// are not publishable follow `publish`).
    pub publishing: bool,
}

/// What a reader edition shows (dossier.toml `[publish]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Publish {
    /// `require = "reviewed"`: only approved translations are publishable (default
    /// "translated": every up-to-date, not rejected translation).
    pub require_reviewed: bool,
    /// `otherwise = "as-is"`: a passage that is not publishable shows its translation as it
    /// is when it has one (default "fallback": the fallback chain's text, in its language).
    pub as_is: bool,
}

/// The largest file read by default, in MiB: far above any document or translation, far
/// below what would exhaust memory.
pub const DEFAULT_FILE_SIZE_MIB: u64 = 64;

/// How long a writing command waits for another one by default: long enough for any
/// build or import of a large project to finish.
pub const DEFAULT_LOCK_WAIT_SECONDS: u64 = 600;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StalePolicy {
    Mark,
    Fallback,
}

#[derive(Deserialize)]
struct L10nToml {
    #[serde(default)]
    locales: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DossierToml {
    #[serde(default)]
    fallback: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    sync: SyncToml,
    #[serde(default)]
    build: BuildToml,
    #[serde(default)]
    lock: LockToml,
    #[serde(default)]
    limits: LimitsToml,
    #[serde(default)]
    review: ReviewToml,
    #[serde(default)]
    publish: PublishToml,
    #[serde(default)]
    suggest: SuggestToml,
    #[serde(default)]
    report: ReportToml,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ReportToml {
    rate_per_word: Option<f64>,
    #[serde(default)]
    weights: BTreeMap<String, f64>,
}

/// The match bands of `report`, and their weights when dossier.toml has none: a common
/// agency grid (there is no standard; this follows the Trados-style discount grids
/// agencies publish): repetitions and exact matches at 30 %, 95–99 % at 60 %, 85–94 % at
/// 70 %, 75–84 % at 80 %, below 75 % the full rate.
pub const DEFAULT_REPORT_WEIGHTS: &[(&str, f64)] = &[
    ("repetition", 0.3),
    ("100", 0.3),
    ("95-99", 0.6),
    ("85-94", 0.7),
    ("75-84", 0.8),
    ("50-74", 1.0),
    ("no-match", 1.0),
];

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SuggestToml {
    min: Option<u8>,
}

/// Suggestions below this match are not offered by default: CAT tools' common lower
/// bound for a fuzzy match worth a translator's time.
pub const DEFAULT_SUGGEST_MIN: u8 = 70;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PublishToml {
    require: Option<String>,
    otherwise: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ReviewToml {
    #[serde(default)]
    required: bool,
    severity: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LockToml {
    wait_seconds: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LimitsToml {
    file_size_mib: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SyncToml {
    #[serde(default = "yes")]
    carry_over: bool,
    #[serde(default)]
    carry_over_case: bool,
}

impl Default for SyncToml {
    fn default() -> Self {
        SyncToml {
            carry_over: true,
            carry_over_case: false,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct BuildToml {
    #[serde(default)]
    stale: Option<String>,
}

fn yes() -> bool {
    true
}

/// Validates a locale tag: it must parse as a BCP 47 language identifier and be written in
/// its canonical form, so a tag can never be a path (`../../etc`, `fr/../..`).
pub fn validate_locale(tag: &str) -> Result<String, String> {
    let id: LanguageIdentifier = tag.parse().map_err(|_| {
        format!("`{tag}` is not a valid locale tag (BCP 47, e.g. fr, pt-BR, sr-Latn)")
    })?;
    let canonical = id.to_string();
    if canonical != tag {
        return Err(format!(
            "locale tag `{tag}` is not canonical: write `{canonical}`"
        ));
    }
    Ok(canonical)
}

impl Config {
    /// Parses the two files' texts. Errors name the file and the problem.
    pub fn parse(l10n: &str, dossier: Option<&str>) -> Result<Config, String> {
        let l: L10nToml =
            toml::from_str(l10n).map_err(|e| format!("l10n.toml: {}", e.message()))?;
        let mut locales = Vec::new();
        for tag in &l.locales {
            let tag = validate_locale(tag).map_err(|e| format!("l10n.toml: {e}"))?;
            if tag == REFERENCE {
                return Err("l10n.toml: `en` is the reference locale, not a translation".into());
            }
            if !locales.contains(&tag) {
                locales.push(tag);
            }
        }
        let d: DossierToml = match dossier {
            Some(text) => {
                toml::from_str(text).map_err(|e| format!("dossier.toml: {}", e.message()))?
            }
            None => DossierToml::default(),
        };
        let mut fallback = BTreeMap::new();
        for (k, chain) in d.fallback {
            let k = validate_locale(&k).map_err(|e| format!("dossier.toml: {e}"))?;
            let mut out = Vec::new();
            for c in chain {
                out.push(validate_locale(&c).map_err(|e| format!("dossier.toml: {e}"))?);
            }
            fallback.insert(k, out);
        }
        let stale = match d.build.stale.as_deref() {
            None | Some("mark") => StalePolicy::Mark,
            Some("fallback") => StalePolicy::Fallback,
            Some(other) => {
                return Err(format!(
                    "dossier.toml: build.stale is `{other}`; use \"mark\" or \"fallback\""
                ))
            }
        };
        let review_required = match (d.review.required, d.review.severity.as_deref()) {
            (false, _) => None,
            (true, None | Some("error")) => Some(true),
            (true, Some("warning")) => Some(false),
            (true, Some(other)) => {
                return Err(format!(
                    "dossier.toml: review.severity is `{other}`; use \"error\" or \"warning\""
                ))
            }
        };
        let publish = Publish {
            require_reviewed: match d.publish.require.as_deref() {
                None | Some("translated") => false,
                Some("reviewed") => true,
                Some(other) => {
                    return Err(format!(
                        "dossier.toml: publish.require is `{other}`; use \"translated\" or \"reviewed\""
                    ))
                }
            },
            as_is: match d.publish.otherwise.as_deref() {
                None | Some("fallback") => false,
                Some("as-is") => true,
                Some(other) => {
                    return Err(format!(
                        "dossier.toml: publish.otherwise is `{other}`; use \"fallback\" or \"as-is\""
                    ))
                }
            },
        };
        Ok(Config {
            locales,
            fallback,
            carry_over: d.sync.carry_over,
            carry_over_case: d.sync.carry_over_case,
            stale,
            apply_safe: false,
            lock_wait: std::time::Duration::from_secs(
                d.lock.wait_seconds.unwrap_or(DEFAULT_LOCK_WAIT_SECONDS),
            ),
            max_file_size: d
                .limits
                .file_size_mib
                .unwrap_or(DEFAULT_FILE_SIZE_MIB)
                .saturating_mul(1 << 20),
            review_required,
            suggest_min: match d.suggest.min {
                None => DEFAULT_SUGGEST_MIN,
                Some(m @ 1..=100) => m,
                Some(m) => {
                    return Err(format!(
                        "dossier.toml: suggest.min is {m}; use a percentage from 1 to 100"
                    ))
                }
            },
            report_weights: {
                let mut w: Vec<(String, f64)> = DEFAULT_REPORT_WEIGHTS
                    .iter()
                    .map(|(b, w)| (b.to_string(), *w))
                    .collect();
                for (band, weight) in &d.report.weights {
                    let Some(slot) = w.iter_mut().find(|(b, _)| b == band) else {
                        return Err(format!(
                            "dossier.toml: report.weights has no band `{band}`; the bands are {}",
                            DEFAULT_REPORT_WEIGHTS
                                .iter()
                                .map(|(b, _)| *b)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ));
                    };
                    if !(0.0..=10.0).contains(weight) {
                        return Err(format!("dossier.toml: report.weights.{band} is {weight}; use a number from 0 to 10"));
                    }
                    slot.1 = *weight;
                }
                w
            },
            report_rate: d.report.rate_per_word,
            publish,
            publishing: false,
        })
    }

    /// The chain of locales whose text fills a message missing in `locale`, ending in en.
    pub fn fallback_chain(&self, locale: &str) -> Vec<String> {
        let mut chain: Vec<String> = self.fallback.get(locale).cloned().unwrap_or_default();
        chain.retain(|l| l != locale);
        if !chain.iter().any(|l| l == REFERENCE) {
            chain.push(REFERENCE.to_string());
        }
        chain
    }
}

/// Adds a locale to the text of l10n.toml, keeping everything else as written.
pub fn add_locale_to_l10n(l10n: &str, tag: &str) -> Result<String, String> {
    let mut doc: toml::Table =
        toml::from_str(l10n).map_err(|e| format!("l10n.toml: {}", e.message()))?;
    let list = doc
        .entry("locales")
        .or_insert_with(|| toml::Value::Array(Vec::new()));
    let Some(arr) = list.as_array_mut() else {
        return Err("l10n.toml: `locales` is not a list".into());
    };
    if arr.iter().any(|v| v.as_str() == Some(tag)) {
        return Err(format!("locale `{tag}` is already in l10n.toml"));
    }
    // Rewrite only the `locales = [...]` line so comments elsewhere survive.
    let mut tags: Vec<String> = arr
        .iter()
        .filter_map(|v| v.as_str().map(String::from))
        .collect();
    tags.push(tag.to_string());
    let line = format!(
        "locales = [{}]",
        tags.iter()
            .map(|t| format!("\"{t}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut out = String::new();
    let mut done = false;
    let mut lines = l10n.lines().peekable();
    while let Some(l) = lines.next() {
        if !done && l.trim_start().starts_with("locales") && l.contains('=') {
            // Skip a multi-line array.
            let mut cur = l.to_string();
            while !cur.contains(']') {
                match lines.next() {
                    Some(n) => cur = n.to_string(),
                    None => break,
                }
            }
            out.push_str(&line);
            out.push('\n');
            done = true;
        } else {
            out.push_str(l);
            out.push('\n');
        }
    }
    if !done {
        out = format!("{line}\n{out}");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_are_never_paths() {
        assert!(validate_locale("fr").is_ok());
        assert!(validate_locale("sr-Latn").is_ok());
        assert!(validate_locale("../../etc").is_err());
        assert!(validate_locale("fr/../..").is_err());
        assert!(validate_locale("FR").is_err());
    }

    #[test]
    fn fallback_ends_in_english() {
        let c = Config::parse(
            "locales = [\"fr\", \"kk\"]\n",
            Some("[fallback]\nkk = [\"ru\"]\n"),
        );
        let c = c.map(|c| c.fallback_chain("kk"));
        assert_eq!(c, Ok(vec!["ru".to_string(), "en".to_string()]));
    }

    #[test]
    fn add_locale_keeps_the_rest() {
        let src =
            "# comment\nbasepath = \".\"\nlocales = [\"fr\"]\n\n[[paths]]\nreference = \"x\"\n";
        let out = add_locale_to_l10n(src, "uk");
        assert_eq!(
            out,
            Ok("# comment\nbasepath = \".\"\nlocales = [\"fr\", \"uk\"]\n\n[[paths]]\nreference = \"x\"\n".to_string())
        );
    }
}

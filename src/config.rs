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
}

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
        Ok(Config {
            locales,
            fallback,
            carry_over: d.sync.carry_over,
            carry_over_case: d.sync.carry_over_case,
            stale,
            apply_safe: false,
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

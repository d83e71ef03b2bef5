//! `unknown-id`: a message whose id the reference does not have.
//!
//! ## What it does
//! Reports a translation whose id is neither a message of the English reference
//! (`locales/en/NAME.ftl`) nor an id the reference keeps as retired (`### retired:`):
//! a misspelt id, or a message copied from another document.
//!
//! ## Why it matters
//! No segment of the document uses the id, so the translation never appears, and the
//! message the translator meant stays missing. Obsolete translations of removed segments
//! are kept on purpose and are not reported.
//!
//! ## Example
//! ```ftl
//! # en: Grave risks
//! grave-risk = Des risques graves
//! ```
//! `error[unknown-id]`: the reference has `grave-risks`, not `grave-risk`.

use super::Reference;

/// A message when `id` is unknown to the reference.
pub fn check(id: &str, reference: &Reference) -> Option<String> {
    if reference.english.contains_key(id) || reference.retired.contains(id) {
        return None;
    }
    let near = reference
        .english
        .keys()
        .filter(|k| similar::TextDiff::from_chars(k.as_str(), id).ratio() > 0.8)
        .min_by(|a, b| {
            a.len()
                .abs_diff(id.len())
                .cmp(&b.len().abs_diff(id.len()))
                .then(a.cmp(b))
        });
    Some(match near {
        Some(n) => format!("the reference has no message `{id}`: did you mean `{n}`?"),
        None => format!("the reference has no message `{id}`, and it is not a retired id"),
    })
}

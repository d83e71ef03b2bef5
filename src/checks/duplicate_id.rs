//! `duplicate-id`: a message id defined twice in one file.
//!
//! ## What it does
//! Reports the second and later definitions of a message id in a translation file, at
//! the id, naming the line of the first one.
//!
//! ## Why it matters
//! Only the first definition is used; the translator who edits the second one never sees
//! the change in the edition. It usually comes from a merge that kept both sides or from
//! a copied block.
//!
//! ## Example
//! ```ftl
//! # en: Grave risks
//! grave-risks = Des risques graves
//!
//! # en: Grave risks
//! grave-risks = Risques graves
//! ```
//! `error[duplicate-id]` on the second `grave-risks`: keep one of the two.

/// The message for a repeated id.
pub fn message(id: &str, first_line: usize) -> String {
    if first_line > 0 {
        format!("`{id}` is already defined on line {first_line}; only the first definition is used")
    } else {
        format!("`{id}` is defined more than once; only the first definition is used")
    }
}

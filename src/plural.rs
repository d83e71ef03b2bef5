//! Whether a number can change in a translation without the words around it: the rule
//! `sync --apply-safe` follows before replacing a number.
//!
//! In many languages a noun after a numeral takes a form chosen by the number's CLDR plural
//! category: Russian «1 год», «2 года», «5 лет» (one, few, many), Ukrainian and Polish
//! alike, French «1 an», «2 ans» (one, other). Replacing 30 by 31 in «почти 30 лет» gives
//! «почти 31 лет», which is wrong («31 год»): 30 is `many`, 31 is `one`. Replacing 25 by
//! 26 (`many` → `many`) is safe. So a number is replaced only when its category in the
//! translation's language stays the same (CLDR's rules, from `intl_pluralrules`).
//! Languages whose nouns stay in one form after any numeral (Kazakh «1 жыл», «31 жыл»;
//! Turkish, Hungarian …: [`NUMERAL_TAKES_SINGULAR`]) have nothing that agrees with the
//! number, whatever CLDR distinguishes for other purposes.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

/// Languages in which a noun after a cardinal numeral keeps one form (the singular or
/// the numeral's own construction), so a changed number never needs another word form:
/// the Turkic languages, Hungarian and Georgian.
pub const NUMERAL_TAKES_SINGULAR: &[&str] = &[
    "az", "ba", "hu", "ka", "kk", "ky", "tk", "tr", "tt", "ug", "uz",
];

/// Why replacing the English number `old` by `new` in a translation into `locale` may
/// break the sentence's grammar; `None` when it is safe (the number's plural category in
/// the language is the same, or nothing in the language agrees with numbers).
pub fn agreement_change(locale: &str, old: &str, new: &str) -> Option<String> {
    let Ok(tag) = locale.parse::<LanguageIdentifier>() else {
        return Some(format!("`{locale}` is not a language tag"));
    };
    let language = tag.language.as_str().to_string();
    if NUMERAL_TAKES_SINGULAR.contains(&language.as_str()) {
        return None;
    }
    let rules = PluralRules::create(tag.clone(), PluralRuleType::CARDINAL).or_else(|_| {
        let base: LanguageIdentifier = language.parse().map_err(|_| "not a language")?;
        PluralRules::create(base, PluralRuleType::CARDINAL)
    });
    let Ok(rules) = rules else {
        return Some(format!(
            "CLDR has no plural rules for `{locale}`: words that agree with the number may need another form"
        ));
    };
    let category = |n: &str| plain(n).and_then(|p| rules.select(p.as_str()).ok());
    match (category(old), category(new)) {
        (Some(a), Some(b)) if a == b => None,
        (Some(a), Some(b)) => Some(format!(
            "{old} → {new} changes the number's plural category in {locale} ({} → {}): words that agree with it may need another form",
            name(&a),
            name(&b)
        )),
        _ => Some(format!(
            "{old} → {new}: not plain numbers, so their plural categories in {locale} are unknown"
        )),
    }
}

/// An English number as CLDR's operands read it: digits, English thousands separators
/// dropped (`437,000`), a decimal point kept (`11.5`); `None` for anything else (`1990s`,
/// `54mm`).
fn plain(n: &str) -> Option<String> {
    let digits: String = n.chars().filter(|&c| c != ',').collect();
    let ok = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.');
    ok.then_some(digits)
}

fn name(c: &PluralCategory) -> &'static str {
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::agreement_change;

    #[track_caller]
    fn safe(locale: &str, old: &str, new: &str) {
        assert_eq!(
            agreement_change(locale, old, new),
            None,
            "{locale}: {old} → {new}"
        );
    }

    #[track_caller]
    fn held(locale: &str, old: &str, new: &str, categories: &str) {
        let why = agreement_change(locale, old, new)
            .unwrap_or_else(|| panic!("{locale}: {old} → {new} should be held"));
        assert!(why.contains(categories), "{why}");
    }

    #[test]
    fn russian_nouns_agree_with_the_number() {
        // «почти 30 лет» → «почти 31 год»: many → one.
        held("ru", "30", "31", "(many → one)");
        // «25 лет» → «26 лет».
        safe("ru", "25", "26");
        held("ru", "4", "5", "(few → many)");
        held("ru", "21", "22", "(one → few)");
        safe("ru", "2001", "2021");
        safe("ru", "11", "12");
        // A fraction is `other` in Russian («1,5 года»).
        held("ru", "1", "1.5", "(one → other)");
        safe("ru", "437,000", "438,000");
    }

    #[test]
    fn ukrainian_and_polish_have_the_same_kind_of_categories() {
        held("uk", "30", "31", "(many → one)");
        safe("uk", "25", "26");
        held("uk", "2", "5", "(few → many)");
        // Polish: 22 is `few`, 21 is `many` (only 1 itself is `one`).
        held("pl", "21", "22", "(many → few)");
        safe("pl", "25", "26");
        held("pl", "1", "2", "(one → few)");
    }

    #[test]
    fn french_changes_only_between_one_and_the_rest() {
        // «30 ans» → «31 ans».
        safe("fr", "30", "31");
        // «1 an» → «2 ans».
        held("fr", "1", "2", "(one → other)");
        safe("fr", "0", "1");
        safe("fr", "11.5", "12.5");
    }

    #[test]
    fn kazakh_nouns_do_not_change_after_numerals() {
        // «1 жыл», «2 жыл», «31 жыл».
        safe("kk", "1", "2");
        safe("kk", "30", "31");
        safe("kk-Latn", "1", "2");
        safe("tr", "1", "2");
    }

    #[test]
    fn regional_tags_use_their_language_and_unknown_numbers_are_held() {
        held("pt-BR", "1", "2", "(one → other)");
        safe("pt-BR", "30", "31");
        held("ru", "1990s", "2000s", "not plain numbers");
        held("ru", "54mm", "55mm", "not plain numbers");
    }
}

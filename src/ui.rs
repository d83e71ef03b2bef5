//! The few interface strings an edition shows, in the project's languages (English for
//! any other locale).

pub fn text(locale: &str, key: &str) -> &'static str {
    let lang = locale.split('-').next().unwrap_or(locale);
    match (lang, key) {
        ("fr", "contents") => "Sommaire",
        ("fr", "notes") => "Notes",
        ("fr", "languages") => "Langues",
        ("fr", "stale-mark") => "à revoir",
        ("fr", "stale-title") => "Le texte anglais a changé depuis cette traduction",
        ("fr", "fallback-title") => "Pas encore traduit\u{a0}: texte d’une autre langue",
        ("ru", "contents") => "Содержание",
        ("ru", "notes") => "Примечания",
        ("ru", "languages") => "Языки",
        ("ru", "stale-mark") => "устарело",
        ("ru", "stale-title") => "Английский текст изменился после этого перевода",
        ("ru", "fallback-title") => "Ещё не переведено: текст на другом языке",
        ("kk", "contents") => "Мазмұны",
        ("kk", "notes") => "Ескертпелер",
        ("kk", "languages") => "Тілдер",
        ("kk", "stale-mark") => "ескірген",
        ("kk", "stale-title") => "Осы аудармадан кейін ағылшын мәтіні өзгерді",
        ("kk", "fallback-title") => "Әлі аударылмаған: басқа тілдегі мәтін",
        (_, "contents") => "Contents",
        (_, "notes") => "Notes",
        (_, "languages") => "Languages",
        (_, "stale-mark") => "outdated",
        (_, "stale-title") => "The English has changed since this was translated",
        (_, "fallback-title") => "Not translated yet: text in another language",
        _ => "",
    }
}

pub fn language_name(locale: &str) -> &'static str {
    match locale {
        "en" => "English",
        "fr" => "Français",
        "ru" => "Русский",
        "kk" => "Қазақша",
        "kk-Latn" => "Qazaqşa",
        "uk" => "Українська",
        "de" => "Deutsch",
        "es" => "Español",
        _ => "",
    }
}

/// The language's own name, or its tag when this table has none.
pub fn display_name(locale: &str) -> &str {
    match language_name(locale) {
        "" => locale,
        name => name,
    }
}

/// The note at the top of a reader edition (`build --publish`) some of whose passages are
/// shown in another language: which languages, and how many passages each.
pub fn other_languages_note(locale: &str, others: &[(String, usize)]) -> String {
    let lang = locale.split('-').next().unwrap_or(locale);
    let list: Vec<String> = others
        .iter()
        .map(|(l, n)| format!("{} ({n})", in_language(lang, l)))
        .collect();
    let list = list.join(", ");
    match lang {
        "fr" => format!(
            "Certains passages de cette édition ne sont pas encore disponibles en français et sont donnés dans une autre langue\u{a0}: {list}."
        ),
        "ru" => format!(
            "Некоторые фрагменты этого издания ещё не переведены на русский язык и даны на другом языке: {list}."
        ),
        "kk" => format!(
            "Бұл басылымның кейбір үзінділері әлі қазақ тіліне аударылмаған, олар басқа тілде берілген: {list}."
        ),
        _ => format!(
            "Some passages of this edition are not yet translated and are shown in another language: {list}."
        ),
    }
}

/// "in Russian", said in the language of the page.
fn in_language(page: &str, other: &str) -> String {
    let other = other.split('-').next().unwrap_or(other);
    let said = match (page, other) {
        ("fr", "en") => "en anglais",
        ("fr", "ru") => "en russe",
        ("fr", "kk") => "en kazakh",
        ("fr", "fr") => "en français",
        ("ru", "en") => "на английском",
        ("ru", "fr") => "на французском",
        ("ru", "kk") => "на казахском",
        ("ru", "ru") => "на русском",
        ("kk", "en") => "ағылшын тілінде",
        ("kk", "ru") => "орыс тілінде",
        ("kk", "fr") => "француз тілінде",
        ("kk", "kk") => "қазақ тілінде",
        ("fr" | "ru" | "kk", _) => return display_name(other).to_string(),
        (_, "en") => "in English",
        (_, "fr") => "in French",
        (_, "ru") => "in Russian",
        (_, "kk") => "in Kazakh",
        _ => return format!("in {}", display_name(other)),
    };
    said.to_string()
}

/// "Translated 120 of 128 passages; 3 outdated; 5 shown in another language."
pub fn status_line(
    locale: &str,
    translated: usize,
    stale: usize,
    fallback: usize,
    total: usize,
) -> String {
    let lang = locale.split('-').next().unwrap_or(locale);
    if lang == "en" {
        return format!("Original text: {total} passages.");
    }
    match lang {
        "fr" => format!(
            "Traduit\u{a0}: {translated} passages sur {total}\u{202f}; à revoir\u{a0}: {stale}\u{202f}; affichés dans une autre langue\u{a0}: {fallback}."
        ),
        "ru" => format!(
            "Переведено {translated} фрагментов из {total}; устарело: {stale}; показано на другом языке: {fallback}."
        ),
        "kk" => format!(
            "{total} үзіндінің {translated} аударылған; ескіргені: {stale}; басқа тілде көрсетілгені: {fallback}."
        ),
        _ => format!(
            "Translated {translated} of {total} passages; {stale} outdated; {fallback} shown in another language."
        ),
    }
}

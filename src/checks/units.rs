//! The words after which a number takes a no-break space, per language: units of
//! measure, currencies, scale words, time units, people counted, and the abbreviation of
//! "year" after a year (`2001 г.`, `2022 ж.`). The lists are curated, not guessed: a
//! number followed by any other word (`en 2016 les autorités`, `статьи 1 Конвенции`) is
//! prose and is left alone. Used by the `typography` check.

/// How a language's words are compared with the list.
struct Units {
    /// Whole words (lowercase), compared after lowercasing; an entry ending in `.` is an
    /// abbreviation and matches only with its period.
    words: &'static [&'static str],
    /// Kazakh: stems that take any case suffix (`жыл` → `жылға`, `жылдан`).
    stems: &'static [&'static str],
    /// Words that name the year after a year (`в 2020 году`, `2020 жылғы`): prose, not a
    /// unit, when the number is a year; a count otherwise (`10 жыл`).
    year_words: &'static [&'static str],
}

const FR: Units = Units {
    words: &[
        // measures
        "t",
        "tonne",
        "tonnes",
        "kg",
        "kilo",
        "kilos",
        "kilogramme",
        "kilogrammes",
        "g",
        "gramme",
        "grammes",
        "km",
        "kilomètre",
        "kilomètres",
        "m",
        "mètre",
        "mètres",
        "cm",
        "centimètre",
        "centimètres",
        "mm",
        "millimètre",
        "millimètres",
        "litre",
        "litres",
        // currencies
        "€",
        "$",
        "£",
        "₸",
        "euro",
        "euros",
        "dollar",
        "dollars",
        "livre",
        "livres",
        "tenge",
        "tenges",
        "rouble",
        "roubles", // scale words
        "millier",
        "milliers",
        "million",
        "millions",
        "milliard",
        "milliards",
        "md",
        "mds",
        // time units
        "an",
        "ans",
        "année",
        "années",
        "mois",
        "semaine",
        "semaines",
        "jour",
        "jours",
        "heure",
        "heures",
        "h",
        "minute",
        "minutes",
        "min",
        "seconde",
        "secondes",
        "siècle",
        "siècles", // people
        "personne",
        "personnes",
        "député",
        "députés",
        "députée",
        "députées",
        "eurodéputé",
        "eurodéputés",
        "eurodéputée",
        "eurodéputées",
    ],
    stems: &[],
    year_words: &[],
};

const RU: Units = Units {
    words: &[
        // measures
        "т",
        "т.",
        "тонна",
        "тонны",
        "тонн",
        "тонну",
        "тоннам",
        "тоннами",
        "кг",
        "кг.",
        "килограмм",
        "килограмма",
        "килограммов",
        "г",
        "г.",
        "грамм",
        "грамма",
        "граммов",
        "км",
        "километр",
        "километра",
        "километров",
        "м",
        "метр",
        "метра",
        "метров",
        "см",
        "мм",
        "л",
        "литр",
        "литра",
        "литров", // currencies
        "€",
        "$",
        "£",
        "₸",
        "евро",
        "доллар",
        "доллара",
        "долларов",
        "долл.",
        "фунт",
        "фунта",
        "фунтов",
        "рубль",
        "рубля",
        "рублей",
        "руб.",
        "тенге", // scale words
        "тыс.",
        "тысяча",
        "тысячи",
        "тысяч",
        "млн",
        "млн.",
        "миллион",
        "миллиона",
        "миллионов",
        "млрд",
        "млрд.",
        "миллиард",
        "миллиарда",
        "миллиардов", // time units and years
        "гг.",
        "год",
        "года",
        "году",
        "годом",
        "годе",
        "лет",
        "месяц",
        "месяца",
        "месяцев",
        "неделя",
        "недели",
        "недель",
        "день",
        "дня",
        "дней",
        "сутки",
        "суток",
        "час",
        "часа",
        "часов",
        "ч",
        "ч.",
        "минута",
        "минуты",
        "минут",
        "мин",
        "мин.",
        "секунда",
        "секунды",
        "секунд",
        "век",
        "века",
        "веков",
        "в.",
        "вв.", // people
        "человек",
        "человека",
        "людей",
        "депутат",
        "депутата",
        "депутатов",
    ],
    stems: &[],
    year_words: &["год", "года", "году", "годом", "годе"],
};

const KK: Units = Units {
    words: &[
        // measures, currencies, scale words and time units written short
        "т", "кг", "г", "км", "м", "см", "мм", "л", "€", "$", "£", "₸", "млн", "млрд", "ж.", "жж.",
        "ғ.", "сағ.", "мин.",
    ],
    stems: &[
        // measures
        "тонна",
        "килограмм",
        "грамм",
        "километр",
        "метр",
        "литр",
        // currencies
        "доллар",
        "еуро",
        "фунт",
        "рубль",
        "теңге",
        // scale words
        "мың",
        "миллион",
        "миллиард",
        // time units
        "жыл",
        "ай",
        "апта",
        "күн",
        "тәулік",
        "сағат",
        "минут",
        "секунд",
        "ғасыр",
        // people
        "адам",
        "кісі",
        "депутат",
    ],
    year_words: &["жыл"],
};

fn units(lang: &str) -> Option<&'static Units> {
    match lang {
        "fr" => Some(&FR),
        "ru" => Some(&RU),
        "kk" => Some(&KK),
        _ => None,
    }
}

/// Whether the language has a list.
pub fn has_list(lang: &str) -> bool {
    units(lang).is_some()
}

/// Kazakh case endings a short stem (`ай`, a month) may take after a number: a short
/// stem with any ending would read too many words (`айтты`) as a unit.
const SHORT_STEM_ENDINGS: &[&str] = &[
    "", "ы", "ға", "да", "дан", "дың", "мен", "ымен", "дық", "дай", "лық", "лап", "ына", "ында",
    "ынан", "ының",
];

/// Whether `word` (as written, with a following period included when the text has one:
/// `г.`) counts what the number before it counts, in `lang`; `year` says whether the
/// number reads as a year (a year's own word after it is prose: `2020 жылғы`).
pub fn is_unit(lang: &str, word: &str, year: bool) -> bool {
    let Some(u) = units(lang) else {
        return false;
    };
    let lower = word.to_lowercase();
    let bare = lower.strip_suffix('.').unwrap_or(&lower);
    if year && u.year_words.contains(&bare) {
        return false;
    }
    // An abbreviation with its period, or a word without one (a period after a whole
    // word ends the sentence).
    if u.words.contains(&lower.as_str()) || u.words.contains(&bare) {
        return true;
    }
    u.stems.iter().any(|stem| {
        bare.strip_prefix(stem).is_some_and(|rest| {
            let short = stem.chars().count() <= 2;
            let ok = if short {
                SHORT_STEM_ENDINGS.contains(&rest)
            } else {
                rest.chars().count() <= 10 && rest.chars().all(is_kazakh_lower)
            };
            // A year's own word after a year is prose (`2020 жылғы`, `2014 жылдан`).
            ok && !(year && u.year_words.contains(stem))
        })
    })
}

fn is_kazakh_lower(c: char) -> bool {
    "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curated_words_only() {
        assert!(is_unit("fr", "tonnes", false));
        assert!(is_unit("fr", "jours", false));
        assert!(is_unit("fr", "milliards", false));
        assert!(!is_unit("fr", "les", true));
        assert!(!is_unit("fr", "et", false));
        assert!(is_unit("ru", "тонны", false));
        assert!(is_unit("ru", "г.", true));
        assert!(is_unit("ru", "дней", false));
        assert!(!is_unit("ru", "Конвенции", false));
        assert!(!is_unit("ru", "году", true), "в 2020 году: prose");
        assert!(is_unit("ru", "лет", false));
        assert!(is_unit("kk", "тонна", false));
        assert!(is_unit("kk", "ж.", true));
        assert!(is_unit("kk", "жылға", false), "6 жылға: a count of years");
        assert!(!is_unit("kk", "жылғы", true), "2020 жылғы: the year itself");
        assert!(is_unit("kk", "айға", false));
        assert!(
            !is_unit("kk", "айтты", false),
            "a short stem takes only case endings"
        );
        assert!(is_unit("kk", "адамнан", false));
        assert!(!is_unit("kk", "наурыз", false), "months are not units");
        assert!(!is_unit("en", "tonnes", false));
    }
}

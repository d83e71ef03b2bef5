//! Review states: a reviewer's approval or rejection of a translation, kept in the locale
//! file as a comment line next to the message's `# en:` stamp:
//!
//! ```ftl
//! # review: approved by Anna Petrova on 2026-12-07 (5d9c6e0f2a1b8c47)
//! # en: Opposition to regime
//! opposition-to-regime = Opposition au régime
//! ```
//!
//! (The stamp stays the last comment line above the id; the review line goes right above
//! it, under the translator's notes.)
//!
//! The digest in brackets is of exactly what was reviewed: the English stamp and the
//! translation. When either changes, the verdict no longer holds (it has *lapsed*): the
//! message is simply translated (or stale) again, whatever the line says. A rejection
//! carries a note after the digest (`…(5d9c…): the legal term is statut de réfugié`) and
//! makes the message need work until its translation changes.
//!
//! Everything here is a pure function of the message's text: the line travels with the
//! translation through sync, git merges and platforms that keep comments.

use std::fmt;

/// The comment prefix of a review line (after `# `).
pub const PREFIX: &str = "review: ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Approved,
    Rejected,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Approved => "approved",
            Verdict::Rejected => "rejected",
        }
    }
}

/// A review line, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub verdict: Verdict,
    pub by: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The digest of the stamp and translation reviewed (16 hexadecimal digits).
    pub digest: String,
    /// Why, for a rejection.
    pub note: Option<String>,
}

/// The digest of what a reviewer saw: the English the translation was made from and the
/// translation.
pub fn digest(english: &str, translation: &str) -> String {
    let mut bytes = Vec::with_capacity(english.len() + translation.len() + 1);
    bytes.extend_from_slice(english.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(translation.as_bytes());
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&bytes))
}

impl Review {
    /// A verdict on `translation`, made from `english`.
    pub fn new(
        verdict: Verdict,
        by: &str,
        date: &str,
        english: &str,
        translation: &str,
        note: Option<&str>,
    ) -> Review {
        Review {
            verdict,
            // One line: a name or note with line breaks would end the comment.
            by: one_line(by),
            date: date.to_string(),
            digest: digest(english, translation),
            note: note.map(one_line).filter(|n| !n.is_empty()),
        }
    }

    /// Reads a comment line's text (without `# `); None when it is not a review line.
    pub fn parse(comment: &str) -> Option<Review> {
        let rest = comment.strip_prefix(PREFIX)?;
        let (verdict, rest) = if let Some(r) = rest.strip_prefix("approved by ") {
            (Verdict::Approved, r)
        } else {
            (Verdict::Rejected, rest.strip_prefix("rejected by ")?)
        };
        // `NAME on YYYY-MM-DD (DIGEST)[: NOTE]`: the name may hold " on ", so the date is
        // found from its shape.
        let at = rest.match_indices(" on ").map(|(i, _)| i).find(|&i| {
            let tail = &rest[i + 4..];
            tail.len() >= 29 && is_date(&tail[..10]) && tail[10..].starts_with(" (") && {
                let d = &tail[12..28];
                d.bytes().all(|b| b.is_ascii_hexdigit()) && tail[28..].starts_with(')')
            }
        })?;
        let tail = &rest[at + 4..];
        let note = tail[29..].strip_prefix(": ").map(str::to_string);
        if note.is_none() && !tail[29..].is_empty() {
            return None;
        }
        Some(Review {
            verdict,
            by: rest[..at].to_string(),
            date: tail[..10].to_string(),
            digest: tail[12..28].to_string(),
            note,
        })
    }

    /// True when it was made on exactly this stamp and translation.
    pub fn holds(&self, english: &str, translation: &str) -> bool {
        self.digest == digest(english, translation)
    }
}

impl fmt::Display for Review {
    /// The comment's text (without `# `).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{PREFIX}{} by {} on {} ({})",
            self.verdict.name(),
            self.by,
            self.date,
            self.digest
        )?;
        if let Some(n) = &self.note {
            write!(f, ": {n}")?;
        }
        Ok(())
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// True when `s` is a date written `YYYY-MM-DD` with a real month and day.
pub fn valid_date(s: &str) -> bool {
    if !is_date(s) {
        return false;
    }
    let (m, d): (u32, u32) = (s[5..7].parse().unwrap_or(0), s[8..10].parse().unwrap_or(0));
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// The review that holds on a message, if any: the last review line among its notes, when
/// its digest is that of the message's stamp and value. (A message without a stamp has
/// never been reviewed against anything.)
pub fn current(m: &crate::ftl::Message) -> Option<Review> {
    let stamp = m.stamp.as_deref()?;
    let r = m.notes.iter().rev().find_map(|n| Review::parse(n))?;
    r.holds(stamp, &m.value).then_some(r)
}

/// The date of a day as `YYYY-MM-DD`, from days since 1970-01-01 (the proleptic Gregorian
/// calendar; Howard Hinnant's `civil_from_days`).
pub fn date_of_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_line_reads_back_as_written() {
        for note in [None, Some("the legal term is statut de réfugié: see (2)")] {
            let r = Review::new(
                Verdict::Rejected,
                "Jean on Time",
                "2026-12-07",
                "Title",
                "Titre",
                note,
            );
            let line = r.to_string();
            assert_eq!(Review::parse(&line), Some(r.clone()), "{line}");
            assert!(r.holds("Title", "Titre"));
            assert!(!r.holds("Title", "Titre!"));
            assert!(!r.holds("The title", "Titre"));
        }
        let a = Review::new(Verdict::Approved, "A  B\nC", "2026-01-31", "x", "y", None);
        assert_eq!(
            a.to_string(),
            format!(
                "review: approved by A B C on 2026-01-31 ({})",
                digest("x", "y")
            )
        );
        assert_eq!(Review::parse("review: approved by A"), None);
        assert_eq!(
            Review::parse("note: approved by A on 2026-01-31 (0000000000000000)"),
            None
        );
    }

    #[test]
    fn days_are_dated() {
        assert_eq!(date_of_days(0), "1970-01-01");
        assert_eq!(date_of_days(20_794), "2026-12-07");
        assert_eq!(date_of_days(11_016), "2000-02-29");
        assert_eq!(date_of_days(-1), "1969-12-31");
        assert!(valid_date("2026-12-07") && !valid_date("2026-13-01") && !valid_date("26-1-1"));
    }
}

//! The FTL writer and reader.
//!
//! The input is split at its first 0xFF byte (never part of UTF-8) into a value and an
//! English text (each decoded lossily, so every input is used):
//! - `write_message` of the value, stamped with `stamp_lines` of the English, parses back
//!   (FtlFile::parse) as one message with that value and that stamp; so does a file of two
//!   messages, the second holding the English as its value;
//! - the whole input, when it is UTF-8, parses without panicking, and its entries' spans are
//!   in order, on char boundaries, and cover every character that is not whitespace.
#![no_main]

use dossier::ftl::{self, EntryKind, FtlFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    round_trip(data);
    if let Ok(text) = std::str::from_utf8(data) {
        spans(text);
    }
});

fn round_trip(data: &[u8]) {
    let (a, b) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let value = String::from_utf8_lossy(a).into_owned();
    // English comes from a source file, which is never read with a CR in it (fsio::read_text).
    let english = String::from_utf8_lossy(b).replace('\r', "");

    let one = ftl::write_message("msg", &value, &ftl::stamp_lines(&english));
    let f = FtlFile::parse(&format!("{one}\n"));
    assert_eq!(f.entries.len(), 1, "{one:?} parsed as {:?}", f.entries);
    let m = f.message("msg");
    assert_eq!(m.map(|m| m.value.as_str()), Some(value.as_str()), "{one:?}");
    assert_eq!(
        m.and_then(|m| m.stamp.as_deref()),
        Some(english.as_str()),
        "{one:?}"
    );

    let two = format!(
        "{one}\n\n{}\n",
        ftl::write_message("en-text", &english, &[String::from("note")])
    );
    let f = FtlFile::parse(&two);
    let ids: Vec<&str> = f.messages().map(|(_, m)| m.id.as_str()).collect();
    assert_eq!(ids, ["msg", "en-text"], "{two:?}");
    assert_eq!(
        f.message("msg").map(|m| m.value.as_str()),
        Some(value.as_str())
    );
    assert_eq!(
        f.message("en-text").map(|m| m.value.as_str()),
        Some(english.as_str())
    );
}

fn spans(text: &str) {
    let f = FtlFile::parse(text);
    let mut end = 0;
    for e in &f.entries {
        assert!(
            end <= e.span.start && e.span.start <= e.span.end && e.span.end <= text.len(),
            "span {:?} after {end} in {} bytes: {:?}",
            e.span,
            text.len(),
            f.entries
        );
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        let gap = &text[end..e.span.start];
        assert!(
            gap.trim().is_empty(),
            "text outside every entry: {gap:?} in {:?}",
            f.entries
        );
        if let EntryKind::Junk { error_at, .. } = &e.kind {
            assert!(*error_at <= text.len());
            ftl::line_col(text, *error_at);
        }
        end = e.span.end;
    }
    let rest = &text[end..];
    assert!(
        rest.trim().is_empty(),
        "text after the last entry: {rest:?}"
    );
}

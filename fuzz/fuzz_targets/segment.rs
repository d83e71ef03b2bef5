//! The segmenter on any text: it never panics; its segments are in order, non-overlapping,
//! non-empty and on char boundaries; each heading link points back to an earlier heading;
//! and the English edition (render::compose for `en`) reproduces the text byte for byte.
#![no_main]

use dossier::config::Config;
use dossier::plan::{self, DocInput};
use dossier::segment::{self, Kind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let doc = segment::segment(src);
    assert_eq!(doc.src, src);
    let mut end = 0;
    for (i, s) in doc.segments.iter().enumerate() {
        assert!(
            end <= s.span.start && s.span.start < s.span.end && s.span.end <= src.len(),
            "segment {i} span {:?} after {end} in {} bytes",
            s.span,
            src.len()
        );
        assert!(src.is_char_boundary(s.span.start) && src.is_char_boundary(s.span.end));
        if let Some(h) = s.heading {
            assert!(h < i && matches!(doc.segments[h].kind, Kind::Heading(_)));
        }
        end = s.span.end;
    }

    // The project's defaults, as an empty dossier.toml leaves them.
    let config = Config::parse("locales = []\n", None).expect("config");
    let input = DocInput {
        name: "doc".into(),
        source: src.to_string(),
        reference: None,
        locales: Default::default(),
        ..Default::default()
    };
    let plan = plan::plan(&config, &[input]);
    let ed = dossier::render::compose(&plan.docs[0], "en", &config);
    assert!(
        ed.markdown == src,
        "English edition differs: {:?}",
        ed.markdown
    );
});

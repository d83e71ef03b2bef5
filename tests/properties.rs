//! Invariants over generated input: any text survives FTL write → parse; segmenting never
//! panics; the English edition reproduces any source byte for byte.

use dossier::config::Config;
use dossier::ftl::{self, EntryKind, FtlFile};
use dossier::plan::{self, DocInput};
use proptest::prelude::*;

fn read_back(src: &str) -> Option<String> {
    let f = FtlFile::parse(src);
    if f.entries.len() != 1 {
        return None;
    }
    match &f.entries[0].kind {
        EntryKind::Message(m) => Some(m.value.clone()),
        _ => None,
    }
}

/// Strings rich in the characters Fluent treats specially.
fn tricky() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("*".to_string()),
        Just(".".to_string()),
        Just(" ".to_string()),
        Just("  ".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r".to_string()),
        Just("#".to_string()),
        Just("-".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("=".to_string()),
        "[a-zA-Z]{1,6}",
        "\\PC{1,4}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_value_round_trips(value in tricky()) {
        let src = format!("{}\n", ftl::write_message("msg", &value, &[]));
        prop_assert_eq!(read_back(&src), Some(value), "written as {:?}", src);
    }

    #[test]
    fn any_value_round_trips_with_a_stamp(value in tricky(), english in "[^\r]{0,30}") {
        let src = format!("{}\n", ftl::write_message("msg", &value, &ftl::stamp_lines(&english)));
        let f = FtlFile::parse(&src);
        let m = f.message("msg").cloned();
        prop_assert_eq!(m.as_ref().map(|m| m.value.clone()), Some(value));
        prop_assert_eq!(m.and_then(|m| m.stamp), Some(english));
    }

    #[test]
    fn english_edition_reproduces_any_source(src in "(\\PC|[\n#*>\\-\\[\\]^:_`])*") {
        let config = Config::parse("locales = []\n", None).map_err(TestCaseError::fail)?;
        let input = DocInput { name: "doc".into(), source: src.clone(), reference: None, locales: Default::default(), ..Default::default() };
        let plan = plan::plan(&config, &[input]);
        let ed = dossier::render::compose(&plan.docs[0], "en", &config);
        prop_assert_eq!(ed.markdown, src);
    }
}

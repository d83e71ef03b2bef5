//! Alignment through `plan::plan`, over three arbitrary versions of a source synced one
//! after the other (the input: a flags byte, then the three sources separated by 0xFF
//! bytes, each decoded lossily, with what `fsio::read_text` never passes on removed: CR, NUL, BOM).
//!
//! The first version gets a fresh reference and a French file with a translation for every
//! message. Each later sync must: never panic; give unique ids; never reuse a retired id
//! (one listed in the reference it read, or removed by this sync); write a reference that
//! reads back as its messages; and lose no translation: after the sync (the plan's new
//! file text, or the old one when it writes none) every translation made so far is still a
//! message of the file, with its value byte for byte (unless `--apply-safe` edited it).
#![no_main]

use std::collections::{BTreeMap, BTreeSet, HashSet};

use dossier::config::Config;
use dossier::ftl::{self, FtlFile};
use dossier::plan::{self, DocInput, DocPlan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let mut parts = rest.split(|&b| b == 0xFF).map(clean);
    let v1 = parts.next().unwrap_or_default();
    let v2 = parts.next().unwrap_or_default();
    let v3 = parts.next().unwrap_or_else(|| v2.clone());
    let mut config = Config::parse("locales = [\"fr\"]\n", None).expect("config");
    config.carry_over = flags & 1 != 0;
    config.carry_over_case = flags & 4 != 0;
    config.apply_safe = flags & 2 != 0;

    let first = run(&config, &v1, None, None);
    let mut translations: BTreeMap<String, String> = BTreeMap::new();
    let mut fr = String::new();
    for m in &first.messages {
        let value = format!("fr[{}]", m.text);
        fr.push_str(&ftl::write_message(
            &m.id,
            &value,
            &ftl::stamp_lines(&m.text),
        ));
        fr.push_str("\n\n");
        translations.insert(m.id.clone(), value);
    }
    check_kept(&fr, &translations, false);

    let mut reference = first.reference_new().to_string();
    for source in [&v2, &v3] {
        let p = run(&config, source, Some(&reference), Some(&fr));
        let retired = retired(&reference);
        let mut ids = HashSet::new();
        for m in &p.messages {
            assert!(ids.insert(m.id.as_str()), "id {} given twice", m.id);
            assert!(!retired.contains(&m.id), "retired id {} reused", m.id);
        }
        for o in &p.removed {
            assert!(
                !ids.contains(o.id.as_str()),
                "removed id {} still used",
                o.id
            );
        }
        let lp = &p.locales[0];
        if let Some(t) = &lp.new_text {
            fr = t.clone();
        }
        check_kept(&fr, &translations, config.apply_safe);
        reference = p.reference_new().to_string();
    }
});

fn clean(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).replace(['\r', '\0', '\u{FEFF}'], "")
}

/// Plans one document and checks that the reference it writes reads back as its messages.
fn run(config: &Config, source: &str, reference: Option<&str>, fr: Option<&str>) -> DocPlan {
    let input = DocInput {
        name: "doc".into(),
        source: source.to_string(),
        reference: reference.map(String::from),
        locales: [("fr".to_string(), fr.map(String::from))].into(),
        ..Default::default()
    };
    let mut p = plan::plan(config, &[input]);
    let p = p.docs.remove(0);
    let back = FtlFile::parse(p.reference_new());
    let read: Vec<(&str, &str)> = back
        .messages()
        .map(|(_, m)| (m.id.as_str(), m.value.as_str()))
        .collect();
    let written: Vec<(&str, &str)> = p
        .messages
        .iter()
        .map(|m| (m.id.as_str(), m.text.as_str()))
        .collect();
    assert_eq!(read, written, "the reference does not read back");
    p
}

/// The ids a reference lists as retired (as plan::read_reference reads them).
fn retired(reference: &str) -> BTreeSet<String> {
    reference
        .lines()
        .filter_map(|l| l.strip_prefix("### retired:"))
        .flat_map(|l| l.split_whitespace().map(String::from))
        .collect()
}

fn check_kept(file: &str, translations: &BTreeMap<String, String>, edited: bool) {
    let f = FtlFile::parse(file);
    for (id, value) in translations {
        let m = f.message(id);
        assert!(m.is_some(), "translation {id} lost: {file:?}");
        if !edited {
            assert_eq!(m.map(|m| m.value.as_str()), Some(value.as_str()), "{id}");
        }
    }
}

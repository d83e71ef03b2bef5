//! Micro-benchmarks of the hot paths, on the repository's own document and translations:
//! segmenting, FTL parsing and writing, alignment, planning one document, composing and
//! rendering editions, kk-Latn transliteration, the quality checks (a whole file without cache, the glossary alone,
//! and a file the cache answers). `cargo bench --bench hot_paths`; the whole cycle on large
//! corpora is `cargo xtask bench`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use dossier::align::{self, New, Old};
use dossier::config::Config;
use dossier::ftl::{self, FtlFile};
use dossier::plan::{self, DocInput, Plan};
use dossier::{change, render, segment};

fn main() {
    divan::main();
}

struct Data {
    config: Config,
    source: String,
    /// The source with 5 % of its paragraphs edited (a sentence appended).
    edited: String,
    reference: String,
    locales: BTreeMap<String, Option<String>>,
    plan: Plan,
}

fn read(rel: &str) -> String {
    let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

static DATA: LazyLock<Data> = LazyLock::new(|| {
    let config = Config::parse(&read("l10n.toml"), Some(&read("dossier.toml"))).expect("config");
    let source = read("source/dossier.md");
    let doc = segment::segment(source.as_str());
    let paragraphs: Vec<usize> = (0..doc.segments.len())
        .filter(|&i| {
            doc.segments[i].translatable && doc.segments[i].kind == segment::Kind::Paragraph
        })
        .collect();
    let step = (paragraphs.len() / 2).max(1);
    let mut edited = source.clone();
    for &i in paragraphs.iter().step_by(step).rev() {
        edited.insert_str(
            doc.segments[i].span.end,
            " The court confirmed this again in 2024.",
        );
    }
    let locales: BTreeMap<String, Option<String>> = config
        .locales
        .iter()
        .map(|l| (l.clone(), Some(read(&format!("locales/{l}/dossier.ftl")))))
        .collect();
    let reference = read("locales/en/dossier.ftl");
    let plan = plan::plan(&config, &[input(&edited, &reference, &locales)]);
    Data {
        config,
        source,
        edited,
        reference,
        locales,
        plan,
    }
});

fn input(source: &str, reference: &str, locales: &BTreeMap<String, Option<String>>) -> DocInput {
    DocInput {
        name: "dossier".into(),
        source: source.to_string(),
        reference: Some(reference.to_string()),
        locales: locales.clone(),
        ..Default::default()
    }
}

#[divan::bench]
fn segment_markdown(b: Bencher) {
    let d = &*DATA;
    b.counter(BytesCount::of_str(&d.source))
        .bench(|| segment::segment(black_box(d.source.as_str())));
}

#[divan::bench(args = ["en", "fr", "ru", "kk"])]
fn ftl_parse(b: Bencher, locale: &str) {
    let d = &*DATA;
    let text = match locale {
        "en" => d.reference.clone(),
        l => d.locales[l].clone().unwrap_or_default(),
    };
    b.counter(BytesCount::of_str(&text))
        .bench(|| FtlFile::parse(black_box(text.as_str())));
}

/// Writing every message of a translation back (value, stamp and notes).
#[divan::bench]
fn ftl_write(b: Bencher) {
    let d = &*DATA;
    let file = FtlFile::parse(d.locales["fr"].clone().unwrap_or_default());
    let messages: Vec<(String, String, Vec<String>)> = file
        .messages()
        .map(|(_, m)| {
            let mut comments = ftl::stamp_lines(m.stamp.as_deref().unwrap_or(""));
            comments.extend(m.notes.iter().cloned());
            (m.id.clone(), m.value.clone(), comments)
        })
        .collect();
    b.counter(BytesCount::of_str(&file.src)).bench(|| {
        let mut out = String::new();
        for (id, value, comments) in black_box(&messages) {
            out.push_str(&ftl::write_message(id, value, comments));
            out.push_str("\n\n");
        }
        out
    });
}

/// Aligning the edited document with the reference (the step that keeps ids).
#[divan::bench]
fn align_edited(b: Bencher) {
    let d = &*DATA;
    let reference = FtlFile::parse(d.reference.as_str());
    let old: Vec<Old> = reference
        .messages()
        .map(|(_, m)| Old {
            id: m.id.clone(),
            text: m.value.clone(),
            class: m.notes.first().cloned().unwrap_or_default(),
        })
        .collect();
    let doc = segment::segment(d.edited.as_str());
    let trans: Vec<usize> = (0..doc.segments.len())
        .filter(|&i| doc.segments[i].translatable)
        .collect();
    let new: Vec<New> = trans
        .iter()
        .map(|&i| New {
            kind: doc.segments[i].kind.clone(),
            text: doc.segments[i].text.clone(),
            heading: doc.segments[i]
                .heading
                .and_then(|h| trans.iter().position(|&t| t == h)),
        })
        .collect();
    let retired = BTreeSet::new();
    b.bench(|| align::align(black_box(&old), black_box(&new), &retired));
}

/// Everything a command computes for one document in three locales.
#[divan::bench]
fn plan_document(b: Bencher) {
    let d = &*DATA;
    let inputs = [input(&d.edited, &d.reference, &d.locales)];
    let bytes = d.edited.len()
        + d.reference.len()
        + d.locales.values().flatten().map(String::len).sum::<usize>();
    b.counter(BytesCount::new(bytes))
        .bench(|| plan::plan(&d.config, black_box(&inputs)));
}

/// One edition: the localized Markdown, then the HTML page.
#[divan::bench(args = ["en", "fr", "kk", "kk-Latn"])]
fn edition(b: Bencher, locale: &str) {
    let d = &*DATA;
    let doc = &d.plan.docs[0];
    let locales = render::edition_locales(&d.config);
    b.bench(|| {
        let ed = render::compose(doc, black_box(locale), &d.config);
        render::page(
            &ed,
            &render::PageContext {
                doc_name: &doc.name,
                locales: &locales,
            },
        )
    });
}

/// The derived kk-Latn edition's transliteration, over the Kazakh translations.
#[divan::bench]
fn transliterate_kk(b: Bencher) {
    let kk = FtlFile::parse(DATA.locales["kk"].clone().unwrap_or_default());
    let values: Vec<&str> = kk.messages().map(|(_, m)| m.value.as_str()).collect();
    b.counter(BytesCount::new(
        values.iter().map(|v| v.len()).sum::<usize>(),
    ))
    .bench(|| {
        values
            .iter()
            .map(|v| dossier::translit::kk_latn_markdown(black_box(v)))
            .collect::<Vec<_>>()
    });
}

#[divan::bench]
fn word_counts(b: Bencher) {
    let doc = &DATA.plan.docs[0];
    b.bench(|| {
        doc.messages
            .iter()
            .map(|m| plan::word_count(black_box(&m.text)))
            .sum::<usize>()
    });
}

/// Classifying an English change (what `status` and `diff` report for stale messages).
#[divan::bench]
fn classify_change(b: Bencher) {
    let doc = &DATA.plan.docs[0];
    let changed: Vec<(&str, &str)> = doc
        .messages
        .iter()
        .filter_map(|m| m.before.as_deref().map(|b| (b, m.text.as_str())))
        .collect();
    assert!(!changed.is_empty());
    b.bench(|| {
        changed
            .iter()
            .map(|(before, now)| change::classify(black_box(before), now))
            .collect::<Vec<_>>()
    });
}

static GLOSSARY: LazyLock<dossier::glossary::Glossary> =
    LazyLock::new(|| dossier::glossary::Glossary::parse(&read("glossary.csv")).expect("glossary"));

/// One translation file as `dossier check` reads it, with its reference.
fn target(locale: &str) -> dossier::checks::Target {
    let doc = DATA.plan.docs[0].clone();
    dossier::checks::doc_targets(doc, &[locale.to_string()])
        .pop()
        .expect("the locale's file")
}

/// Every check on every message of one translation file, nothing cached (a cold run).
#[divan::bench(args = ["fr", "ru", "kk"])]
fn check_file(b: Bencher, locale: &str) {
    let t = target(locale);
    let g = &*GLOSSARY;
    b.counter(BytesCount::new(t.file.src.len()))
        .bench(|| dossier::checks::check_file(black_box(&t), Some(g)));
}

/// The same file when the cache has every message (a warm run: hashing and placing).
#[divan::bench(args = ["fr", "ru", "kk"])]
fn check_file_cached(b: Bencher, locale: &str) {
    let t = target(locale);
    let dir = tempfile::tempdir().expect("tempdir");
    let locales = [locale.to_string()];
    let g = &*GLOSSARY;
    let cold = dossier::cache::findings::Cache::load(dir.path(), &locales, Some("g"), "policy");
    let (_, used) = dossier::checks::check_file_cached(&t, &|| Some(g), &cold);
    cold.save(
        std::collections::HashMap::from([(locale.to_string(), used)]),
        false,
    );
    let warm = dossier::cache::findings::Cache::load(dir.path(), &locales, Some("g"), "policy");
    b.counter(BytesCount::new(t.file.src.len()))
        .bench(|| dossier::checks::check_file_cached(black_box(&t), &|| None, &warm));
}

/// Glossary matching alone: the terms of each English message and their forms in the
/// Russian translation (Aho-Corasick automata, stems).
#[divan::bench]
fn glossary_matching(b: Bencher) {
    let g = &*GLOSSARY;
    let english = ftl::FtlFile::parse(DATA.reference.clone());
    let ru = ftl::FtlFile::parse(DATA.locales["ru"].clone().unwrap_or_default());
    let pairs: Vec<(String, String)> = ru
        .messages()
        .filter_map(|(_, m)| Some((english.message(&m.id)?.value.clone(), m.value.clone())))
        .collect();
    b.bench(|| {
        pairs
            .iter()
            .map(|(en, tr)| {
                g.find_english(black_box(en)).len() + g.find_translation("ru", black_box(tr)).len()
            })
            .sum::<usize>()
    });
}

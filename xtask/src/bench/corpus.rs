//! Generated corpora: N documents derived from source/dossier.md and its fr, ru, kk
//! translations, each segment varied per document so that no two segments are equal.
//!
//! The variation appends ` (D/K)` (document D, message K) to every translatable segment of
//! the English and to its translations, so translations stay complete and stamped. The
//! message ids are the repository's own (the reference locks them), so `dossier sync` on a
//! fresh corpus has nothing to do; `generate` checks that with the tool's own plan.

use std::collections::BTreeMap;
use std::path::Path;

use dossier::config::Config;
use dossier::ftl;
use dossier::plan::{self, DocInput, State};

/// What the edit appends to 5 % of the paragraphs of every document.
pub const EDIT: &str = " The court has since confirmed this again.";

/// The repository's document, as the generator needs it.
pub struct Base {
    pub l10n: String,
    pub dossier_toml: Option<String>,
    /// The repository's glossary: `check` compares every message with it.
    pub glossary: Option<String>,
    pub locales: Vec<String>,
    source: String,
    segments: usize,
    messages: Vec<BaseMessage>,
}

struct BaseMessage {
    /// End of the segment's span in the source: where the variation goes.
    end: usize,
    id: String,
    class: &'static str,
    text: String,
    paragraph: bool,
    /// Per locale (in `Base::locales` order): the translation and its translator notes.
    translations: Vec<(String, Vec<String>)>,
}

/// One generated document: its name and the text of each of its files.
pub struct Doc {
    pub name: String,
    pub source: String,
    /// The source after the edit (5 % of paragraphs changed).
    pub edited: String,
    pub reference: String,
    /// Per locale, in `Base::locales` order.
    pub translations: Vec<String>,
    /// English text (varied) → translation per locale, for the PO files.
    pub by_text: Vec<(String, Vec<String>)>,
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

impl Base {
    pub fn load(root: &Path) -> Result<Base, String> {
        let l10n = read(&root.join("l10n.toml"))?;
        let dossier_toml = read(&root.join("dossier.toml")).ok();
        let glossary = read(&root.join("glossary.csv")).ok();
        let config = Config::parse(&l10n, dossier_toml.as_deref())?;
        let source = read(&root.join("source/dossier.md"))?;
        let mut locales = BTreeMap::new();
        for l in &config.locales {
            let path = root.join(format!("locales/{l}/dossier.ftl"));
            locales.insert(l.clone(), Some(read(&path)?));
        }
        let input = DocInput {
            name: "dossier".into(),
            source: source.clone(),
            reference: Some(read(&root.join("locales/en/dossier.ftl"))?),
            locales,
            ..Default::default()
        };
        let plan = plan::plan(&config, &[input]);
        let doc = &plan.docs[0];
        let mut messages = Vec::new();
        for (k, m) in doc.messages.iter().enumerate() {
            let seg = &doc.document.segments[m.seg];
            let mut translations = Vec::new();
            for l in &config.locales {
                let lp = doc
                    .locale(l)
                    .ok_or_else(|| format!("no {l} plan for source/dossier.md"))?;
                let t = lp
                    .translation(k)
                    .filter(|_| lp.states[k] == State::Translated);
                let t = t.ok_or_else(|| {
                    format!(
                        "locales/{l}/dossier.ftl: `{}` is not translated and up to date; the benchmark needs complete translations",
                        m.id
                    )
                })?;
                translations.push((t.value.clone(), t.notes.clone()));
            }
            messages.push(BaseMessage {
                end: seg.span.end,
                id: m.id.clone(),
                class: m.class,
                text: m.text.clone(),
                paragraph: m.class == "paragraph",
                translations,
            });
        }
        Ok(Base {
            l10n,
            dossier_toml,
            glossary,
            locales: config.locales.clone(),
            segments: doc.document.segments.len(),
            source,
            messages,
        })
    }

    /// Segments of one document (translatable or not), and messages (translatable ones).
    pub fn counts(&self) -> (usize, usize) {
        (self.segments, self.messages.len())
    }

    /// The paragraphs (message indices) the edit changes in document `d`: 5 % of them,
    /// at least one, spread over the document and shifted per document.
    fn edited(&self, d: usize) -> Vec<usize> {
        let paras: Vec<usize> = (0..self.messages.len())
            .filter(|&k| self.messages[k].paragraph)
            .collect();
        let p = paras.len();
        if p == 0 {
            return Vec::new();
        }
        let count = ((p * 5 + 50) / 100).max(1);
        let mut out: Vec<usize> = (0..count).map(|j| paras[(j * p / count + d) % p]).collect();
        out.sort_unstable();
        out
    }

    pub fn edits_per_doc(&self) -> usize {
        self.edited(0).len()
    }

    /// Document `d` (0-based) of a corpus.
    pub fn doc(&self, d: usize) -> Doc {
        let name = format!("doc-{:04}", d + 1);
        let token = |k: usize| format!(" ({}/{})", d + 1, k + 1);
        let edited = self.edited(d);
        let mut source = String::with_capacity(self.source.len() + 16 * self.messages.len());
        let mut changed = String::with_capacity(source.capacity() + 64 * edited.len());
        let mut pos = 0;
        for (k, m) in self.messages.iter().enumerate() {
            let t = token(k);
            for s in [&mut source, &mut changed] {
                s.push_str(&self.source[pos..m.end]);
                s.push_str(&t);
            }
            if edited.binary_search(&k).is_ok() {
                changed.push_str(EDIT);
            }
            pos = m.end;
        }
        source.push_str(&self.source[pos..]);
        changed.push_str(&self.source[pos..]);

        let mut reference = format!(
            "### Reference messages for source/{name}.md, written by `dossier sync`: do not edit.\n\
             ### Each message is one block of the English; the comment above it names the block.\n"
        );
        for (k, m) in self.messages.iter().enumerate() {
            let text = format!("{}{}", m.text, token(k));
            reference.push('\n');
            reference.push_str(&ftl::write_message(&m.id, &text, &[m.class.to_string()]));
            reference.push('\n');
        }
        let mut translations = Vec::new();
        for (i, l) in self.locales.iter().enumerate() {
            let mut out = format!("### {l} translation of source/{name}.md.\n");
            for (k, m) in self.messages.iter().enumerate() {
                let (value, notes) = &m.translations[i];
                // Notes above the stamp, which is the last comment before the id.
                let mut comments = notes.clone();
                comments.extend(ftl::stamp_lines(&format!("{}{}", m.text, token(k))));
                out.push('\n');
                out.push_str(&ftl::write_message(
                    &m.id,
                    &format!("{value}{}", token(k)),
                    &comments,
                ));
                out.push('\n');
            }
            translations.push(out);
        }
        let by_text = self
            .messages
            .iter()
            .enumerate()
            .map(|(k, m)| {
                (
                    format!("{}{}", m.text, token(k)),
                    m.translations
                        .iter()
                        .map(|(v, _)| format!("{v}{}", token(k)))
                        .collect(),
                )
            })
            .collect();
        Doc {
            name,
            source,
            edited: changed,
            reference,
            translations,
            by_text,
        }
    }

    /// Checks with the tool's own plan that a generated document is consistent: its
    /// reference is what `sync` would write, every translation is up to date and stamped,
    /// and the edit makes exactly the intended paragraphs stale.
    pub fn verify(&self, doc: &Doc) -> Result<(), String> {
        let config = Config::parse(&self.l10n, self.dossier_toml.as_deref())?;
        let input = |source: &str| DocInput {
            name: doc.name.clone(),
            source: source.to_string(),
            reference: Some(doc.reference.clone()),
            locales: self
                .locales
                .iter()
                .cloned()
                .zip(doc.translations.iter().map(|t| Some(t.clone())))
                .collect(),
            ..Default::default()
        };
        let plan = plan::plan(&config, &[input(&doc.source)]);
        let d = &plan.docs[0];
        if d.reference_new() != doc.reference {
            return Err(format!(
                "{}: the generated reference is not what sync writes",
                doc.name
            ));
        }
        if d.messages.len() != self.messages.len() || d.document.segments.len() != self.segments {
            return Err(format!(
                "{}: the variation changed the segmentation",
                doc.name
            ));
        }
        for lp in &d.locales {
            if lp.new_text.is_some() || lp.states.iter().any(|s| *s != State::Translated) {
                return Err(format!(
                    "{}: the generated {} translation is not complete and stamped",
                    doc.name, lp.locale
                ));
            }
        }
        let plan = plan::plan(&config, &[input(&doc.edited)]);
        let stale = plan.docs[0].locales[0]
            .states
            .iter()
            .filter(|s| matches!(s, State::Stale { .. }))
            .count();
        if stale != self.edits_per_doc() {
            return Err(format!(
                "{}: the edit makes {stale} messages stale, not {}",
                doc.name,
                self.edits_per_doc()
            ));
        }
        Ok(())
    }
}

//! A locale file as an editor holds it: its unsaved text planned against its document
//! ([`Buffer`]), and what an editor's front end (the language server) keeps between
//! requests for one project ([`Session`]): the glossary as last read, the findings of
//! messages already checked, the git history of files with unstamped messages, the whole
//! project's plan for the translation memory. The operations on a buffer (`lint`,
//! `about`, `locate`, `complete`, `outline`, `missing`, and `accept::edit`,
//! `suggest::for_message`) return values with byte ranges in its text; none writes a
//! file: every change comes back as an [`Edit`] for the editor to apply.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Result};

use crate::checks::{Finding, Key};
use crate::config::REFERENCE;
use crate::ftl::{EntryKind, FtlFile, Message};
use crate::glossary::Glossary;
use crate::plan::{self, DocInput, DocPlan, History, LocalePlan, Plan, State};
use crate::project::Project;

/// A change to a buffer: the bytes `span` of its text replaced by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Range<usize>,
    pub text: String,
}

impl Edit {
    /// The smallest edit that turns `old` (found at `at` in the buffer) into `new`: their
    /// common beginning and end left out, on character boundaries.
    pub fn between(at: usize, old: &str, new: &str) -> Edit {
        let prefix = old
            .char_indices()
            .zip(new.chars())
            .find(|((_, a), b)| a != b)
            .map_or(old.len().min(new.len()), |((i, _), _)| i);
        let (old_rest, new_rest) = (&old[prefix..], &new[prefix..]);
        let suffix = old_rest
            .chars()
            .rev()
            .zip(new_rest.chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum::<usize>();
        Edit {
            span: at + prefix..at + old.len() - suffix,
            text: new_rest[..new_rest.len() - suffix].to_string(),
        }
    }

    /// Applies edits that do not overlap to `text` (tests, and the front end's own
    /// checks).
    pub fn apply(text: &str, edits: &[Edit]) -> String {
        let mut sorted: Vec<&Edit> = edits.iter().collect();
        sorted.sort_by_key(|e| (e.span.start, e.span.end));
        let mut out = String::with_capacity(text.len() + 256);
        let mut pos = 0;
        for e in sorted {
            let start = e.span.start.clamp(pos, text.len());
            out.push_str(&text[pos..start]);
            out.push_str(&e.text);
            pos = e.span.end.clamp(start, text.len());
        }
        out.push_str(&text[pos..]);
        out
    }
}

/// A locale file of a project (`locales/<locale>/<doc>.ftl`, the reference included) with
/// the editor's text, planned: the document's English and ids from its source and
/// reference on disk, the states of this file's messages from the text.
pub struct Buffer {
    pub path: PathBuf,
    pub locale: String,
    pub doc: String,
    /// The text, parsed (for the reference too).
    pub file: FtlFile,
    /// The document planned with this text as the locale's file (or as the reference).
    pub plan: DocPlan,
}

/// A message of a buffer at a position.
#[derive(Debug, Clone)]
pub struct At<'a> {
    /// Its entry in `Buffer::file`.
    pub entry: usize,
    pub message: &'a Message,
    /// Its index in the plan's reference messages, when the reference has it.
    pub k: Option<usize>,
    /// Its id's bytes in the text.
    pub id_span: Range<usize>,
}

impl Buffer {
    pub fn is_reference(&self) -> bool {
        self.locale == REFERENCE
    }

    /// The plan of this locale (none for the reference).
    pub fn locale_plan(&self) -> Option<&LocalePlan> {
        self.plan.locale(&self.locale)
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.file.src
    }

    /// The state of reference message `k` in this file.
    pub fn state(&self, k: usize) -> Option<&State> {
        self.locale_plan().and_then(|lp| lp.states.get(k))
    }

    /// The message whose entry (its comment lines included) holds byte `offset`, or ends
    /// right before it.
    pub fn message_at(&self, offset: usize) -> Option<At<'_>> {
        let e = self
            .file
            .entries
            .iter()
            .position(|e| e.span.start <= offset && offset <= e.span.end)?;
        self.at_entry(e)
    }

    /// The first message with this id.
    pub fn message(&self, id: &str) -> Option<At<'_>> {
        let e = self
            .file
            .entries
            .iter()
            .position(|e| matches!(&e.kind, EntryKind::Message(m) if m.id == id))?;
        self.at_entry(e)
    }

    fn at_entry(&self, e: usize) -> Option<At<'_>> {
        let entry = &self.file.entries[e];
        let EntryKind::Message(m) = &entry.kind else {
            return None;
        };
        Some(At {
            entry: e,
            message: m,
            k: self.plan.index.get(&m.id).copied(),
            id_span: id_span(&self.file.src, entry.span.clone(), &m.id),
        })
    }

    /// The bytes of entry `e`.
    pub fn entry_span(&self, e: usize) -> Range<usize> {
        self.file.entries[e].span.clone()
    }

    /// Where the value of a message starts: just after the `=` of its id line.
    pub fn value_from(&self, at: &At) -> usize {
        let src = &self.file.src;
        src[at.id_span.end..]
            .find('=')
            .map_or(at.id_span.end, |i| at.id_span.end + i + 1)
    }
}

/// The bytes of a message's id on its line inside its entry.
pub fn id_span(src: &str, entry: Range<usize>, id: &str) -> Range<usize> {
    let mut pos = entry.start;
    for line in src[entry.clone()].split_inclusive('\n') {
        if line.starts_with(id) && line[id.len()..].trim_start_matches(' ').starts_with('=') {
            return pos..pos + id.len();
        }
        pos += line.len();
    }
    entry.start..entry.start
}

/// What the language server keeps for one project between requests.
pub struct Session {
    pub project: Project,
    /// glossary.csv as last read: its signature, and the glossary or what is wrong with it.
    glossary: Option<(Option<crate::cache::status::Sig>, GlossaryState)>,
    /// Findings of messages already checked, by key (see `checks::key`).
    findings: rustc_hash::FxHashMap<Key, Vec<Finding>>,
    /// The committed versions' stamps of locale files with unstamped messages.
    history: HashMap<PathBuf, History>,
    /// The whole project planned from disk, for the translation memory; dropped by
    /// [`Session::files_changed`].
    plan: Option<Arc<Plan>>,
}

#[derive(Clone)]
enum GlossaryState {
    Absent,
    Read(Arc<Glossary>),
    Bad(String),
}

/// The glossary of a session, as a lint sees it.
pub enum GlossaryRef {
    Absent,
    Read(Arc<Glossary>),
    /// `glossary.csv:LINE: what is wrong`.
    Bad(String),
}

/// Above this many remembered findings the memory starts again (a long session of
/// typing makes a new key for every keystroke of a message).
const FINDINGS_MAX: usize = 100_000;

impl Session {
    /// The project at `root`, its configuration checked.
    pub fn open(root: &Path) -> Result<Session> {
        Ok(Session {
            project: Project::open(root)?,
            glossary: None,
            findings: Default::default(),
            history: HashMap::new(),
            plan: None,
        })
    }

    /// The editor's `text` of the file at `path` as a buffer of this project; `None`
    /// when the file is not a locale file of one of its documents
    /// (`locales/<locale>/<doc>.ftl` with `source/<doc>.md`).
    pub fn buffer(&mut self, path: &Path, text: &str) -> Result<Option<Buffer>> {
        let Some((locale, doc)) = self.locale_file(path) else {
            return Ok(None);
        };
        // The editor's text read as a file on disk is: NUL refused, saying where; a byte
        // order mark dropped and CR line ends read as LF (lines and columns do not move).
        let text = &crate::fsio::check_text(
            Path::new(&crate::paths::rel(&self.project.root, path)),
            text.as_bytes().to_vec(),
        )?;
        let root = &self.project.root;
        let source = crate::fsio::read_text(&crate::paths::source_file(root, &doc))?;
        let reference_path = crate::paths::locale_file(root, REFERENCE, &doc);
        let is_reference = locale == REFERENCE;
        let reference = if is_reference {
            Some(text.to_string())
        } else {
            crate::project::read_optional(root, &reference_path)?
        };
        let mut input = DocInput {
            name: doc.clone(),
            source,
            reference,
            ..Default::default()
        };
        if !is_reference {
            input.locales.insert(locale.clone(), Some(text.to_string()));
            if crate::project::has_unstamped(text) {
                let file = crate::paths::locale_file(root, &locale, &doc);
                let h = self
                    .history
                    .entry(file.clone())
                    .or_insert_with(|| crate::git::history(root, &file));
                input.history.insert(locale.clone(), h.clone());
            }
        }
        let plan = plan::plan_one(&self.project.config, input);
        if plan.document.src.trim().is_empty() {
            bail!("source/{doc}.md is empty");
        }
        if plan.messages.is_empty() {
            bail!("source/{doc}.md has no text to translate (only code, HTML or links)");
        }
        let file = match plan.locale(&locale).and_then(|lp| lp.file.clone()) {
            Some(f) => f,
            None => FtlFile::parse(text),
        };
        Ok(Some(Buffer {
            path: path.to_path_buf(),
            locale,
            doc,
            file,
            plan,
        }))
    }

    /// `(locale, doc)` when `path` is `locales/<locale>/<doc>.ftl` of this project, the
    /// locale one of its own (or the reference's) and the document one of its sources.
    pub fn locale_file(&self, path: &Path) -> Option<(String, String)> {
        let rel = path.strip_prefix(&self.project.root).ok()?;
        let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
        let [dir, locale, file] = parts.as_slice() else {
            return None;
        };
        let doc = file.strip_suffix(".ftl")?;
        let known = *locale == REFERENCE || self.project.config.locales.iter().any(|l| l == locale);
        let source = crate::paths::source_file(&self.project.root, doc);
        // A document name as `project::source_names` accepts it: never a path.
        let name = !doc.is_empty()
            && !doc.starts_with('.')
            && doc
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        (*dir == "locales" && known && name && source.is_file())
            .then(|| (locale.to_string(), doc.to_string()))
    }

    /// The glossary, read again when glossary.csv changed on disk.
    pub fn glossary(&mut self) -> GlossaryRef {
        let path = self.project.root.join("glossary.csv");
        let sig = crate::cache::sig(&path);
        let fresh = matches!(&self.glossary, Some((s, _)) if s.is_some() && *s == sig);
        if !fresh {
            let state = if !path.exists() {
                GlossaryState::Absent
            } else {
                match crate::fsio::read_text(&path) {
                    Err(e) => GlossaryState::Bad(e.to_string()),
                    Ok(text) => match Glossary::parse(&text) {
                        Ok(g) => GlossaryState::Read(Arc::new(g)),
                        Err(e) => {
                            GlossaryState::Bad(format!("glossary.csv:{}: {}", e.line, e.message))
                        }
                    },
                }
            };
            // Findings depend on the glossary: those remembered were made with the old one.
            if self.glossary.is_some() {
                self.findings.clear();
            }
            self.glossary = Some((sig, state));
        }
        match self.glossary.as_ref().map(|(_, s)| s.clone()) {
            Some(GlossaryState::Read(g)) => GlossaryRef::Read(g),
            Some(GlossaryState::Bad(e)) => GlossaryRef::Bad(e),
            _ => GlossaryRef::Absent,
        }
    }

    /// The findings remembered for messages already checked.
    pub(super) fn findings(&self) -> &rustc_hash::FxHashMap<Key, Vec<Finding>> {
        &self.findings
    }

    /// Remembers the findings of messages just checked.
    pub(super) fn remember(&mut self, used: Vec<(Key, Vec<Finding>)>) {
        if self.findings.len() + used.len() > FINDINGS_MAX {
            self.findings.clear();
        }
        self.findings.extend(used);
    }

    /// The whole project as on disk, planned once and kept until [`Session::files_changed`]
    /// (the translation memory's material). Documents that cannot be read are left out.
    pub fn project_plan(&mut self) -> Arc<Plan> {
        if let Some(p) = &self.plan {
            return p.clone();
        }
        let root = &self.project.root;
        let config = &self.project.config;
        let docs = crate::project::source_names(root)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|name| crate::project::read_input(root, config, name).ok())
            .collect();
        let plan = Arc::new(plan::plan_owned(config, docs));
        self.plan = Some(plan.clone());
        plan
    }

    /// Files of the project changed on disk (the editor saved one, or says others
    /// changed): what was kept of them is read again when next needed.
    pub fn files_changed(&mut self) {
        self.plan = None;
        self.history.clear();
    }
}

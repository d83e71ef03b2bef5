//! The translation files `check` last found clean (`.dossier-cache/check-clean`), so that
//! a run after `sync` does not read them again.
//!
//! A file's findings depend on its own text, on the glossary and this build of dossier
//! (the message cache's stamp), and on its reference through the reference's ids (an
//! unknown id is reported) and the current English of its messages: a message without a
//! stamp is checked against it, a stale one's numbers are compared with it, and a change
//! of it makes a current message stale. So a file is clean again when its signature
//! (size, times, inode: as in `cache::status`) is the one recorded, it was not modified in
//! the clock tick the record was written in, and the reference has the same ids, retired
//! ids and English for the file's messages. Only clean files are recorded: a file with
//! findings is always read and checked again.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3Default;

use crate::checks::Reference;
use crate::ftl::FtlFile;

use super::status::Sig;
use super::{field, Kept};

const FILE: &str = "check-clean";
const FORMAT: &str = "dossier clean files 3";

/// What a clean file was checked against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    sig: Sig,
    /// `digest` of the reference's ids and of the English below.
    digest: String,
    /// The file's messages, whose current English the digest holds.
    english: Vec<String>,
}

/// The record, as loaded.
pub struct Files {
    kept: Kept<Entry>,
}

/// The ids a reference has and keeps retired, hashed once per document.
pub fn ids_digest(reference: &FtlFile, r: &Reference) -> u128 {
    let mut h = Xxh3Default::new();
    for (_, m) in reference.messages() {
        field(&mut h, m.id.as_bytes());
    }
    h.update(b"\xff");
    for id in &r.retired {
        field(&mut h, id.as_bytes());
    }
    h.digest128()
}

/// The digest an entry holds: the reference's ids, then the English of `english`.
fn digest(ids: u128, r: &Reference, english: &[String]) -> String {
    let mut h = Xxh3Default::new();
    h.update(&ids.to_le_bytes());
    for id in english {
        match r.english.get(id) {
            Some(text) => field(&mut h, text.as_bytes()),
            None => h.update(b"\xff"),
        }
    }
    format!("{:032x}", h.digest128())
}

impl Files {
    pub fn off() -> Files {
        Files { kept: Kept::off() }
    }

    /// The record of the project at `root`, for findings stamped `stamp` (the message
    /// cache's: glossary and build); empty when missing, damaged or for another stamp.
    pub fn load(root: &Path, stamp: u128) -> Files {
        Files {
            kept: Kept::load(root, FILE, FORMAT, format!("{stamp:032x}")),
        }
    }

    pub fn is_on(&self) -> bool {
        self.kept.is_on()
    }

    /// True when no file is recorded (off, missing, or for another glossary or build).
    pub fn is_empty(&self) -> bool {
        self.kept.entries.is_empty()
    }

    /// The entry of the file at `rel` (project-relative path) when the file is still clean:
    /// its signature is `sig`, settled before the record was written, and the reference
    /// (`r`, whose ids hash to `ids`) answers as it did.
    pub fn still_clean(
        &self,
        rel: &str,
        sig: Option<&Sig>,
        ids: u128,
        r: &Reference,
    ) -> Option<&Entry> {
        let (sig, written, e) = (sig?, self.kept.written?, self.kept.entries.get(rel)?);
        (e.sig == *sig && sig.mtime() < written && e.digest == digest(ids, r, &e.english))
            .then_some(e)
    }

    /// The entry recording that `file`, whose signature was `sig` before it was read, was
    /// found clean against reference `r`.
    pub fn entry(sig: Sig, ids: u128, r: &Reference, file: &FtlFile) -> Entry {
        let english: Vec<String> = file.messages().map(|(_, m)| m.id.clone()).collect();
        Entry {
            sig,
            digest: digest(ids, r, &english),
            english,
        }
    }

    /// The entries of files in locales other than `locales` (kept when only some locales
    /// are checked).
    pub fn others(&self, locales: &[String]) -> BTreeMap<String, Entry> {
        let checked = |rel: &str| {
            locales.iter().any(|l| {
                rel.strip_prefix("locales/")
                    .is_some_and(|r| r.starts_with(&format!("{l}/")))
            })
        };
        self.kept
            .entries
            .iter()
            .filter(|(rel, _)| !checked(rel))
            .map(|(rel, e)| (rel.clone(), e.clone()))
            .collect()
    }

    /// Writes the record with `files` (path → entry), when it differs from what was
    /// loaded. Failing to write it is not an error: the next run is only slower.
    pub fn save(&self, files: BTreeMap<String, Entry>) {
        if files != self.kept.entries {
            self.kept.write(files);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCE: &str = "### retired: old-id\n\ntitle = Title\n\nbody = Body with 3 cats.\n";
    const FR: &str = "# en: Title\ntitle = Titre\n\nbody = Corps avec 3 chats.\n";

    fn reference(text: &str) -> (FtlFile, Reference) {
        let file = FtlFile::parse(text);
        let r = Reference::of(&file);
        (file, r)
    }

    /// A record holding `fr` clean against `REFERENCE`, written after the file was.
    fn recorded() -> (tempfile::TempDir, Files, Sig) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("fr.ftl");
        std::fs::write(&path, FR).unwrap_or_else(|e| panic!("{e}"));
        let sig = crate::cache::status::sig(&path).unwrap_or_else(|| panic!("no signature"));
        let (rf, r) = reference(REFERENCE);
        let entry = Files::entry(sig.clone(), ids_digest(&rf, &r), &r, &FtlFile::parse(FR));
        assert_eq!(entry.english, ["title", "body"], "every message");
        let mut files = Files::load(dir.path(), 7);
        files.kept.entries = BTreeMap::from([("fr.ftl".to_string(), entry)]);
        files.kept.written = Some((i64::MAX, 0));
        (dir, files, sig)
    }

    fn clean_against(files: &Files, sig: &Sig, reference_text: &str) -> bool {
        let (rf, r) = reference(reference_text);
        files
            .still_clean("fr.ftl", Some(sig), ids_digest(&rf, &r), &r)
            .is_some()
    }

    #[test]
    fn clean_while_the_file_and_what_it_uses_of_the_reference_stay() {
        let (_dir, files, sig) = recorded();
        assert!(clean_against(&files, &sig, REFERENCE));
        // A stamped message that the English changes under becomes stale (and its
        // numbers are compared with the new English): checked again.
        assert!(!clean_against(
            &files,
            &sig,
            &REFERENCE.replace("= Title", "= New title")
        ));
        // The unstamped one is checked against the reference's English.
        assert!(!clean_against(
            &files,
            &sig,
            &REFERENCE.replace("3 cats", "4 cats")
        ));
        // Ids decide what is unknown: one more, one retired more, are checked again.
        assert!(!clean_against(
            &files,
            &sig,
            &format!("{REFERENCE}\nmore = More\n")
        ));
        assert!(!clean_against(
            &files,
            &sig,
            &REFERENCE.replace("old-id", "old-id other")
        ));
        // Another file, or the same one modified in the clock tick of the record: read.
        assert!(files
            .still_clean("ru.ftl", Some(&sig), 0, &reference(REFERENCE).1)
            .is_none());
        let (rf, r) = reference(REFERENCE);
        let mut racy = files;
        racy.kept.written = Some((0, 0));
        assert!(racy
            .still_clean("fr.ftl", Some(&sig), ids_digest(&rf, &r), &r)
            .is_none());
    }

    #[test]
    fn a_changed_file_is_read_again() {
        let (dir, files, sig) = recorded();
        std::fs::write(dir.path().join("fr.ftl"), format!("{FR}\n"))
            .unwrap_or_else(|e| panic!("{e}"));
        let now = crate::cache::status::sig(&dir.path().join("fr.ftl"));
        assert_ne!(now.as_ref(), Some(&sig));
        let (rf, r) = reference(REFERENCE);
        assert!(files
            .still_clean("fr.ftl", now.as_ref(), ids_digest(&rf, &r), &r)
            .is_none());
        assert!(files
            .still_clean("fr.ftl", None, ids_digest(&rf, &r), &r)
            .is_none());
    }

    #[test]
    fn saved_then_loaded_for_the_same_stamp_only() {
        let (dir, files, _) = recorded();
        let entries = files.kept.entries.clone();
        let path = dir.path().join(crate::paths::CACHE_DIR).join(FILE);
        files.save(entries.clone()); // unchanged: nothing written
        assert!(!path.exists());
        let root = dir.path();
        Files::load(root, 7).save(entries.clone());
        assert!(path.exists());
        assert_eq!(Files::load(root, 7).kept.entries, entries);
        assert!(Files::load(root, 8).kept.entries.is_empty());
        // Checking only other locales keeps this one's entries.
        let mut fr = Files::load(root, 7);
        fr.kept.entries =
            BTreeMap::from([("locales/fr/doc.ftl".to_string(), entries["fr.ftl"].clone())]);
        assert_eq!(fr.others(&["ru".to_string()]).len(), 1);
        assert!(fr.others(&["fr".to_string(), "ru".to_string()]).is_empty());
    }
}

//! `locate`: where a message of a buffer comes from and where else it is: its segment in
//! `source/<doc>.md` (an editor's "go to definition"), and the same id in the reference
//! and in every locale's file ("find references"), open files as the editor holds them.

use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::config::REFERENCE;
use crate::ftl::FtlFile;
use crate::paths;

use super::buffer::{id_span, Buffer, Session};

/// A place in a file: its text (to turn bytes into an editor's positions) and the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub path: PathBuf,
    pub text: String,
    pub span: Range<usize>,
}

/// The segment of the English that message `id` translates.
pub fn definition(session: &Session, buf: &Buffer, id: &str) -> Option<Place> {
    let k = *buf.plan.index.get(id)?;
    let seg = buf.plan.document.segments.get(buf.plan.messages[k].seg)?;
    Some(Place {
        path: paths::source_file(&session.project.root, &buf.doc),
        text: buf.plan.document.src.clone(),
        span: seg.span.clone(),
    })
}

/// The id `id` in the reference and in each locale's file of the buffer's document (the
/// buffer's own included), in that order: each file as `open` gives it (the editor's
/// unsaved text), else as on disk.
pub fn references(
    session: &Session,
    buf: &Buffer,
    id: &str,
    open: &dyn Fn(&Path) -> Option<String>,
) -> Result<Vec<Place>> {
    let root = &session.project.root;
    let mut out = Vec::new();
    let locales =
        std::iter::once(REFERENCE).chain(session.project.config.locales.iter().map(String::as_str));
    for l in locales {
        let path = paths::locale_file(root, l, &buf.doc);
        let text = if l == buf.locale {
            Some(buf.text().to_string())
        } else {
            match open(&path) {
                Some(t) => Some(t),
                None => crate::project::read_optional(root, &path)?,
            }
        };
        let Some(text) = text else { continue };
        let file = FtlFile::parse(text);
        let Some(entry) = file
            .messages()
            .find(|(_, m)| m.id == id)
            .map(|(e, _)| e.span.clone())
        else {
            continue;
        };
        let span = id_span(&file.src, entry, id);
        out.push(Place {
            path,
            text: file.src,
            span,
        });
    }
    Ok(out)
}

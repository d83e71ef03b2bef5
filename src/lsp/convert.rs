//! Between the protocol's positions and URIs and the operations' byte ranges and paths.
//!
//! LSP counts a position's character in UTF-16 code units unless client and server agree
//! on another encoding at `initialize` (`positionEncoding`, or clangd's older
//! `offsetEncoding`): this server takes UTF-8 when the client offers it (no conversion),
//! else UTF-16. A position inside a character or past the end of its line is taken as
//! the end of that character or line.

use std::ops::Range;
use std::path::{Path, PathBuf};

use lsp_types::{Position, Uri};

/// How positions count characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
        }
    }

    /// The length of `s` in this encoding's units.
    pub fn len(self, s: &str) -> u32 {
        match self {
            Encoding::Utf8 => s.len() as u32,
            Encoding::Utf16 => s.chars().map(|c| c.len_utf16() as u32).sum(),
        }
    }
}

/// Where each line of a text starts.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The position of byte `offset` of `text` (a character boundary at or before it).
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        Position {
            line: line as u32,
            character: enc.len(&text[start..offset]),
        }
    }

    pub fn range(&self, text: &str, span: &Range<usize>, enc: Encoding) -> lsp_types::Range {
        lsp_types::Range {
            start: self.position(text, span.start, enc),
            end: self.position(text, span.end, enc),
        }
    }

    /// The byte offset of `pos` in `text`.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(pos.line as usize + 1)
            .map_or(text.len(), |&next| next - 1);
        let line = &text[start..end];
        let mut units = 0u32;
        for (i, c) in line.char_indices() {
            if units >= pos.character {
                return start + i;
            }
            units += match enc {
                Encoding::Utf8 => c.len_utf8() as u32,
                Encoding::Utf16 => c.len_utf16() as u32,
            };
        }
        end
    }

    pub fn span(&self, text: &str, range: lsp_types::Range, enc: Encoding) -> Range<usize> {
        let start = self.offset(text, range.start, enc);
        start..self.offset(text, range.end, enc).max(start)
    }
}

/// The path of a `file:` URI.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file:///path` or `file://localhost/path`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|&b| hex(b)),
            bytes.get(i + 2).and_then(|&b| hex(b)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b'?' | b'#', _, _) => break,
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    let path = String::from_utf8(out).ok()?;
    Some(PathBuf::from(path))
}

/// The `file:` URI of an absolute path, every byte but unreserved ones and `/`
/// percent-encoded.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let s = path.to_str()?;
    let mut out = String::from("file://");
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cyrillic (two UTF-8 bytes, one UTF-16 unit) and an astral character (four bytes,
    /// two units) on one line, positions both ways in both encodings.
    #[test]
    fn positions_count_utf16_units_or_bytes() {
        let text = "a = Дело 𝄞 x\nb = y\n";
        let idx = LineIndex::new(text);
        let x = text.find(" x").unwrap_or(0) + 1;
        let clef = text.find('𝄞').unwrap_or(0);
        let p16 = idx.position(text, x, Encoding::Utf16);
        assert_eq!((p16.line, p16.character), (0, 4 + 4 + 1 + 2 + 1));
        let p8 = idx.position(text, x, Encoding::Utf8);
        assert_eq!((p8.line, p8.character), (0, 4 + 8 + 1 + 4 + 1));
        assert_eq!(idx.offset(text, p16, Encoding::Utf16), x);
        assert_eq!(idx.offset(text, p8, Encoding::Utf8), x);
        // Inside the surrogate pair: the end of the character.
        let mid = Position {
            line: 0,
            character: 10,
        };
        assert_eq!(idx.offset(text, mid, Encoding::Utf16), clef + 4);
        // Past the end of a line: its end; past the last line: the text's end.
        let far = Position {
            line: 1,
            character: 99,
        };
        assert_eq!(idx.offset(text, far, Encoding::Utf16), text.len() - 1);
        let gone = Position {
            line: 9,
            character: 0,
        };
        assert_eq!(idx.offset(text, gone, Encoding::Utf16), text.len());
        let b = idx.position(text, text.find('b').unwrap_or(0), Encoding::Utf16);
        assert_eq!((b.line, b.character), (1, 0));
    }

    #[test]
    fn file_uris_and_paths_both_ways() {
        let path = Path::new("/tmp/a dir/Дело #1/fr.ftl");
        let uri = uri_of(path).unwrap_or_else(|| panic!("no uri"));
        assert_eq!(
            uri.as_str(),
            "file:///tmp/a%20dir/%D0%94%D0%B5%D0%BB%D0%BE%20%231/fr.ftl"
        );
        assert_eq!(path_of(&uri).as_deref(), Some(path));
        let vscode: Uri = "file:///c%3A/x/y.ftl"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(path_of(&vscode), Some(PathBuf::from("/c:/x/y.ftl")));
        let other: Uri = "untitled:Untitled-1"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(path_of(&other), None);
    }
}

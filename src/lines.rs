//! Line splitting with the `memchr` crate's vectorised search, for the scans every command
//! makes over whole files (the standard library's `split('\n')` searches a word at a
//! time, which on lines of hundreds of bytes was 9 % of the cycle's processor time).
//! Each function yields exactly what its standard counterpart does (property-tested). Also
//! two-byte searches without building a searcher, and line:column positions of many
//! offsets in one text in linear time (`Positions`).

/// `s.split('\n')`.
pub fn split(s: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', s.as_bytes());
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        match ends.next() {
            Some(i) => {
                let line = &s[start..i];
                start = i + 1;
                Some(line)
            }
            None => {
                done = true;
                Some(&s[start..])
            }
        }
    })
}

/// Where the two bytes `first` `second` occur in `b`, in order (as `memmem::find_iter`
/// with a two-byte needle, for two different bytes, without building a searcher: on a
/// segment's few hundred bytes building one cost more than searching).
pub fn pairs(b: &[u8], first: u8, second: u8) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(first, b).filter(move |&i| b.get(i + 1) == Some(&second))
}

/// `s.split_inclusive('\n')`.
pub fn split_inclusive(s: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', s.as_bytes());
    std::iter::from_fn(move || match ends.next() {
        Some(i) => {
            let line = &s[start..=i];
            start = i + 1;
            Some(line)
        }
        None if start < s.len() => {
            let line = &s[start..];
            start = s.len();
            Some(line)
        }
        None => None,
    })
}

/// 1-based line and column (in characters) of byte offsets in one text. Asked in
/// increasing order of offsets (the order a reader meets units, problems, segments), it
/// counts each byte once, however many positions are asked and however long the lines:
/// computing each position from the start of the text made an import of 8 MB take minutes.
/// An earlier offset is counted again from the start of its line.
pub struct Positions<'a> {
    src: &'a str,
    /// Where each line starts.
    starts: Vec<usize>,
    /// The last offset asked for, its line index and its column.
    last: (usize, usize, usize),
}

impl<'a> Positions<'a> {
    pub fn new(src: &'a str) -> Positions<'a> {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1));
        Positions {
            src,
            starts,
            last: (0, 0, 1),
        }
    }

    /// The line and column of `offset` (clamped to the text, moved back to a character
    /// boundary).
    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let (last, last_line, last_col) = self.last;
        let col = if line == last_line && offset >= last {
            last_col + self.src[last..offset].chars().count()
        } else {
            1 + self.src[self.starts[line]..offset].chars().count()
        };
        self.last = (offset, line, col);
        (line + 1, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn same_lines_as_the_standard_library(s in "[a\n\u{e9}\r ]{0,40}") {
            proptest::prop_assert_eq!(split(&s).collect::<Vec<_>>(), s.split('\n').collect::<Vec<_>>());
            proptest::prop_assert_eq!(
                split_inclusive(&s).collect::<Vec<_>>(),
                s.split_inclusive('\n').collect::<Vec<_>>()
            );
        }

        #[test]
        fn positions_are_counted_as_from_the_start(
            s in "[a\n\u{e9}\u{1F600} ]{0,40}",
            offsets in proptest::collection::vec(0usize..48, 0..12),
        ) {
            let mut p = Positions::new(&s);
            for o in offsets {
                let mut at = o.min(s.len());
                while !s.is_char_boundary(at) {
                    at -= 1;
                }
                let before = &s[..at];
                let line = before.matches('\n').count() + 1;
                let col = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
                proptest::prop_assert_eq!(p.line_col(o), (line, col));
            }
        }

        #[test]
        fn same_pairs_as_memmem(s in "[\\[\\]^(!a ]{0,40}") {
            for [x, y] in [*b"[^", *b"][", *b"](", *b"!["] {
                proptest::prop_assert_eq!(
                    pairs(s.as_bytes(), x, y).collect::<Vec<_>>(),
                    memchr::memmem::find_iter(s.as_bytes(), &[x, y]).collect::<Vec<_>>()
                );
            }
        }
    }
}

//! Line splitting with the `memchr` crate's vectorised search, for the scans every command
//! makes over whole files (the standard library's `split('\n')` searches a word at a
//! time, which on lines of hundreds of bytes was 9 % of the cycle's processor time).
//! Each function yields exactly what its standard counterpart does (property-tested). Also
//! two-byte searches without building a searcher.

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

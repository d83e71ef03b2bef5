//! The one module that touches the file system: strict reading, atomic writing, the lock.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// An error about a file, with a position where there is one.
#[derive(Debug)]
pub struct FileError {
    pub path: PathBuf,
    pub line: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some((l, c)) => write!(f, "{}:{l}:{c}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for FileError {}

fn err(path: &Path, line: Option<(usize, usize)>, message: impl Into<String>) -> FileError {
    FileError {
        path: path.to_path_buf(),
        line,
        message: message.into(),
    }
}

/// Reads a text file, refusing what would otherwise be silently changed or misread:
/// invalid UTF-8, a byte order mark, CR line ends, NUL bytes.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    let bytes = std::fs::read(path).map_err(|e| err(path, None, format!("cannot read: {e}")))?;
    check_text(path, bytes)
}

/// Reads a file as bytes, for formats that carry their own encoding rules (imports).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    std::fs::read(path).map_err(|e| err(path, None, format!("cannot read: {e}")))
}

/// The checks of `read_text` on bytes already read.
pub fn check_text(path: &Path, bytes: Vec<u8>) -> Result<String, FileError> {
    // The SIMD validator answers yes or no several times faster than the standard one on
    // Cyrillic text (reading was a third of `status`); the standard one says where.
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        if let Err(e) = std::str::from_utf8(&bytes) {
            let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let pos = crate::ftl::line_col(&good, good.len());
            return Err(err(
                path,
                Some(pos),
                "invalid UTF-8: save the file as UTF-8",
            ));
        }
    }
    if bytes.starts_with("\u{FEFF}".as_bytes()) {
        return Err(err(
            path,
            Some((1, 1)),
            "the file starts with a byte order mark (BOM): save it as UTF-8 without BOM",
        ));
    }
    // One pass for both bytes (UTF-8 never uses them inside a character).
    if let Some(i) = memchr::memchr2(b'\r', b'\0', &bytes) {
        let before = String::from_utf8_lossy(&bytes[..i]);
        let pos = crate::ftl::line_col(&before, before.len());
        let message = if bytes[i] == b'\r' {
            "carriage return (CRLF or CR line ends): save the file with LF line ends"
        } else {
            "NUL byte in a text file"
        };
        return Err(err(path, Some(pos), message));
    }
    // SAFETY: `bytes` is valid UTF-8: simdutf8 accepted it above, and it accepts exactly
    // what `std::str::from_utf8` accepts (its documented contract, and a property test
    // here); validating a second time would undo the gain.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Where writes go. The real one writes atomically; tests inject failures.
pub trait Writer {
    fn write(&mut self, path: &Path, contents: &str) -> Result<(), FileError>;

    /// Writes several files, each with `write`; stops at the first error.
    fn write_all(&mut self, files: &[(PathBuf, String)]) -> Result<(), FileError> {
        for (path, contents) in files {
            self.write(path, contents)?;
        }
        Ok(())
    }
}

/// Writes a project's files so that a reader or a crash sees the old file or the new one,
/// never half. On Linux a file that exists is written into its spare under
/// `.dossier-cache/spare/project/` (same relative path), flushed, and swapped with it in
/// one step (`renameat2` with `RENAME_EXCHANGE`): no file is allocated and freed per write
/// (see `write_generated`), and the spare keeps the previous version until the next write.
/// Otherwise (a new file, another system) a temporary file in the same directory is
/// flushed, then renamed over the target.
pub struct AtomicWriter {
    /// The project's root and its spares' directory.
    spares: (PathBuf, PathBuf),
}

impl AtomicWriter {
    pub fn for_project(root: &Path) -> AtomicWriter {
        AtomicWriter {
            spares: (
                root.to_path_buf(),
                root.join(crate::paths::CACHE_DIR)
                    .join("spare")
                    .join("project"),
            ),
        }
    }

    /// One file, swapped with its spare when it has one.
    fn write_one(&self, path: &Path, contents: &str) -> Result<(), FileError> {
        let spare = self.spare(path);
        write_atomic_steps(path, contents.as_bytes(), spare.as_deref(), &mut |_| Ok(()))
    }

    /// The spare of `path`, for a file inside the project.
    pub fn spare(&self, path: &Path) -> Option<PathBuf> {
        let (root, dir) = &self.spares;
        let rel = path.strip_prefix(root).ok()?;
        let plain = rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        plain.then(|| dir.join(rel))
    }
}

/// How many files `AtomicWriter::write_all` writes at once: flushing a file waits for the
/// disk, not the processor, and the file system commits concurrent flushes together.
const WRITERS: usize = 16;

impl Writer for AtomicWriter {
    fn write(&mut self, path: &Path, contents: &str) -> Result<(), FileError> {
        self.write_one(path, contents)
    }

    /// Writes the files concurrently, each atomically; reports the first error in the
    /// order given (files after it may have been written, each old or new, never half).
    fn write_all(&mut self, files: &[(PathBuf, String)]) -> Result<(), FileError> {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let results: Vec<std::sync::Mutex<Option<Result<(), FileError>>>> =
            files.iter().map(|_| std::sync::Mutex::new(None)).collect();
        std::thread::scope(|s| {
            for _ in 0..WRITERS.min(files.len()) {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((path, contents)) = files.get(i) else {
                        break;
                    };
                    let r = self.write_one(path, contents);
                    if let Ok(mut slot) = results[i].lock() {
                        *slot = Some(r);
                    }
                });
            }
        });
        for r in results {
            if let Ok(Some(Err(e))) = r.into_inner() {
                return Err(e);
            }
        }
        Ok(())
    }
}

pub fn write_atomic(path: &Path, contents: &str) -> Result<(), FileError> {
    write_atomic_bytes(path, contents.as_bytes())
}

/// `write_atomic` for binary files (PDF editions).
pub fn write_atomic_bytes(path: &Path, contents: &[u8]) -> Result<(), FileError> {
    write_atomic_steps(path, contents, None, &mut |_| Ok(()))
}

/// Writes a generated file (an edition) as `write_atomic` does, a temporary file renamed
/// over the target so that a reader sees the old file or the new one, but without waiting
/// for the disk: the next build writes it again, and flushing every edition of a large
/// project to disk costs more than building them. A file whose bytes would not change is
/// left alone (its time stamp too, for rsync and make).
///
/// With a `spare` path (Linux), a file that exists is replaced without creating a file:
/// the new text goes into the spare (rewritten in place), then the two are swapped in one
/// step (`renameat2` with `RENAME_EXCHANGE`), so the spare keeps the previous edition for
/// next time. Readers still see old or new, never half; and no inode is allocated and
/// freed per edition per build, which on some file systems (ext4 without a journal skips
/// every inode freed in the last minute) cost more than rendering. Where the exchange is
/// not supported (another file system, another system) the temporary file is used.
pub fn write_generated(
    path: &Path,
    contents: &[u8],
    spare: Option<&Path>,
) -> Result<(), FileError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    if let Some(meta) = existing(path)? {
        if meta.len() == contents.len() as u64
            && std::fs::read(path).is_ok_and(|old| old == contents)
        {
            return Ok(());
        }
        if let Some(spare) = spare {
            if exchange_with_spare(path, spare, contents) {
                return Ok(());
            }
        }
    }
    let temp = || temp_file(dir, path);
    let mut tmp = match temp() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir)
                .map_err(|e| err(dir, None, format!("cannot create directory: {e}")))?;
            temp()
        }
        other => other,
    }
    .map_err(|e| err(path, None, format!("cannot create a temporary file: {e}")))?;
    tmp.write_all(contents)
        .map_err(|e| err(path, None, format!("cannot write: {e}")))?;
    tmp.persist(path)
        .map_err(|e| err(path, None, format!("cannot replace the file: {}", e.error)))?;
    Ok(())
}

/// The metadata of the file a write would replace, if there is one; an error when it is
/// read-only (a write would replace it all the same, by rename).
fn existing(path: &Path) -> Result<Option<std::fs::Metadata>, FileError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.permissions().readonly() => Err(err(
            path,
            None,
            "the file is read-only: nothing was written",
        )),
        Ok(meta) => Ok(Some(meta)),
        Err(_) => Ok(None),
    }
}

/// A temporary file in `dir` that will replace `path`, with `path`'s permissions (a new
/// file gets the usual 0644 less the umask, not a temporary file's 0600: a translator's
/// files stay readable by the team, editions by the web server).
fn temp_file(dir: &Path, path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".dossier-").suffix(".tmp");
    #[cfg(unix)]
    b.permissions(match std::fs::metadata(path) {
        Ok(m) => m.permissions(),
        Err(_) => std::os::unix::fs::PermissionsExt::from_mode(0o644),
    });
    b.tempfile_in(dir)
}

/// Writes `contents` to `spare` and swaps it with the existing `path`; false (and no
/// spare left) when that could not be done, for the caller to write another way.
fn exchange_with_spare(path: &Path, spare: &Path, contents: &[u8]) -> bool {
    matches!(
        swap_in(path, spare, contents, None, &mut |_| Ok(())),
        Ok(true)
    )
}

/// Writes `contents` into `spare` (over what it held, then cut to length: the file system
/// keeps its pages and blocks instead of freeing and allocating them again) and swaps it
/// with the existing `path` in one step (`renameat2` with `RENAME_EXCHANGE`). `durable`:
/// the spare first gets these permissions (the replaced file's) and is flushed to disk.
/// `fault` is called before each step, as in `write_atomic_steps`; its error is returned.
/// `Ok(false)` (and no spare left): the system could not do it, write another way.
#[cfg(target_os = "linux")]
fn swap_in(
    path: &Path,
    spare: &Path,
    contents: &[u8],
    durable: Option<&std::fs::Permissions>,
    fault: &mut dyn FnMut(Step) -> std::io::Result<()>,
) -> std::io::Result<bool> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    let open = || {
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(spare)
    };
    fault(Step::CreateTemp)?;
    // The spare's directory is made the first time only, not checked for every file.
    let file = match open() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => spare
            .parent()
            .map_or(Err(e), std::fs::create_dir_all)
            .and_then(|()| open()),
        other => other,
    };
    let Ok(mut file) = file else {
        return Ok(false);
    };
    fault(Step::Write)?;
    let mut done = file
        .write_all(contents)
        .and_then(|()| file.set_len(contents.len() as u64))
        .is_ok();
    if let Some(perms) = durable {
        fault(Step::Flush)?;
        done = done
            && file
                .set_permissions(perms.clone())
                .and_then(|()| file.sync_all())
                .is_ok();
    }
    if done {
        fault(Step::Rename)?;
        if renameat_with(CWD, spare, CWD, path, RenameFlags::EXCHANGE).is_ok() {
            return Ok(true);
        }
    }
    let _ = std::fs::remove_file(spare);
    Ok(false)
}

#[cfg(not(target_os = "linux"))]
fn swap_in(
    _: &Path,
    _: &Path,
    _: &[u8],
    _: Option<&std::fs::Permissions>,
    _: &mut dyn FnMut(Step) -> std::io::Result<()>,
) -> std::io::Result<bool> {
    Ok(false)
}

/// How many threads write generated files: replacing a file waits for the file system
/// (allocating, flushing, freeing the old one) more than for the processor, so a few
/// writers at once keep the cores busy producing.
const GENERATED_WRITERS: usize = 8;

/// Hands files to `write_generated` on threads of their own (see `with_generated_writer`).
pub struct GeneratedWriter {
    tx: std::sync::mpsc::SyncSender<Queued>,
}

/// A file to write: its slot, path, spare (see `write_generated`) and contents.
type Queued = (usize, PathBuf, Option<PathBuf>, Vec<u8>);

impl GeneratedWriter {
    /// Queues a file; `slot` is where its outcome goes (a number below `slots`).
    pub fn write(&self, slot: usize, path: PathBuf, spare: Option<PathBuf>, contents: Vec<u8>) {
        // The writers only stop once every sender is gone: a send cannot fail before.
        let _ = self.tx.send((slot, path, spare, contents));
    }
}

/// Runs `produce` with a writer whose files are written by `GENERATED_WRITERS` threads
/// while it goes on; returns its result and, per slot, the outcome of the file written
/// there (`Ok` for a slot no file was queued to).
pub fn with_generated_writer<T>(
    slots: usize,
    produce: impl FnOnce(&GeneratedWriter) -> T,
) -> (T, Vec<Result<(), FileError>>) {
    let (tx, rx) = std::sync::mpsc::sync_channel::<Queued>(64);
    let rx = std::sync::Mutex::new(rx);
    let outcomes: Vec<std::sync::Mutex<Result<(), FileError>>> =
        (0..slots).map(|_| std::sync::Mutex::new(Ok(()))).collect();
    let result = std::thread::scope(|s| {
        for _ in 0..GENERATED_WRITERS {
            s.spawn(|| loop {
                let next = rx.lock().ok().and_then(|r| r.recv().ok());
                let Some((slot, path, spare, contents)) = next else {
                    break;
                };
                let outcome = write_generated(&path, &contents, spare.as_deref());
                if let Some(Ok(mut o)) = outcomes.get(slot).map(|m| m.lock()) {
                    *o = outcome;
                }
            });
        }
        let writer = GeneratedWriter { tx };
        produce(&writer)
        // `writer` is dropped here: the writers finish the queue and stop.
    });
    let outcomes = outcomes
        .into_iter()
        .map(|m| m.into_inner().unwrap_or(Ok(())))
        .collect();
    (result, outcomes)
}

/// The steps of an atomic write, for fault injection in tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    CreateTemp,
    Write,
    Flush,
    Rename,
}

/// `write_atomic`, calling `fault` before each step; an error from it aborts the write
/// there, as a failing disk would (the temporary file is removed, the target untouched).
pub fn write_atomic_steps(
    path: &Path,
    contents: &[u8],
    spare: Option<&Path>,
    fault: &mut dyn FnMut(Step) -> std::io::Result<()>,
) -> Result<(), FileError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| err(dir, None, format!("cannot create directory: {e}")))?;
    if let (Some(meta), Some(spare)) = (existing(path)?, spare) {
        let swapped = swap_in(path, spare, contents, Some(&meta.permissions()), fault)
            .map_err(|e| err(path, None, format!("cannot write: {e}")))?;
        if swapped {
            return Ok(());
        }
    }
    let mut tmp = fault(Step::CreateTemp)
        .and_then(|_| temp_file(dir, path))
        .map_err(|e| err(path, None, format!("cannot create a temporary file: {e}")))?;
    fault(Step::Write)
        .and_then(|_| tmp.write_all(contents))
        .and_then(|_| fault(Step::Flush))
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| err(path, None, format!("cannot write: {e}")))?;
    fault(Step::Rename).map_err(|e| err(path, None, format!("cannot replace the file: {e}")))?;
    tmp.persist(path)
        .map_err(|e| err(path, None, format!("cannot replace the file: {}", e.error)))?;
    Ok(())
}

/// Refuses before anything is written when one of `paths` cannot be written, so a
/// command never leaves some files new and others old for a predictable reason.
pub fn check_writable(paths: &[&Path]) -> Result<(), FileError> {
    for p in paths {
        if let Ok(meta) = std::fs::metadata(p) {
            if meta.permissions().readonly() {
                return Err(err(p, None, "the file is read-only: nothing was written"));
            }
        }
    }
    Ok(())
}

/// A lock held while a command writes: a file holding the holder's pid, created
/// exclusively. A second writer waits up to `wait` for it, then refuses.
pub struct Lock {
    path: PathBuf,
}

impl Lock {
    pub fn acquire(root: &Path, wait: std::time::Duration) -> Result<Lock, FileError> {
        let path = root.join(".dossier.lock");
        let start = std::time::Instant::now();
        loop {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut f) => {
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(Lock { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let holder = std::fs::read_to_string(&path).unwrap_or_default();
                    let holder = holder.trim();
                    if !holder.is_empty() && !pid_alive(holder) {
                        // The holder died: the lock is stale.
                        let _ = std::fs::remove_file(&path);
                        continue;
                    }
                    if start.elapsed() >= wait {
                        return Err(err(
                            &path,
                            None,
                            format!("another dossier process (pid {holder}) is writing this project; try again when it has finished"),
                        ));
                    }
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(e) => {
                    return Err(err(
                        &path,
                        None,
                        format!("cannot create the lock file: {e}"),
                    ))
                }
            }
        }
    }
}

fn pid_alive(pid: &str) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid).exists()
    } else {
        true
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// `check_text` accepts exactly the bytes the standard library reads as UTF-8 (less
        /// a BOM, CR and NUL), and returns the same text: the SIMD validator changes speed,
        /// not answers.
        #[test]
        fn check_text_agrees_with_std(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::string::string_regex("[a-zа-яәғқңөұүһі \n.,«»’]{0,12}")
                        .unwrap_or_else(|e| panic!("{e}"))
                        .prop_map(String::into_bytes),
                    proptest::collection::vec(proptest::num::u8::ANY, 0..3),
                ],
                0..8,
            )
        ) {
            let bytes: Vec<u8> = parts.concat();
            let std = std::str::from_utf8(&bytes)
                .ok()
                .filter(|t| !t.starts_with('\u{FEFF}') && !t.contains(['\r', '\0']));
            let ours = check_text(Path::new("x"), bytes.clone()).ok();
            proptest::prop_assert_eq!(ours.as_deref(), std);
        }
    }

    #[test]
    fn the_first_bad_byte_is_placed() {
        let e = check_text(Path::new("f"), b"ab\ncd\xffe".to_vec()).err();
        assert_eq!(
            e.map(|e| e.to_string()),
            Some("f:2:3: invalid UTF-8: save the file as UTF-8".into())
        );
        let e = check_text(Path::new("f"), "й\nжx\0\r".as_bytes().to_vec()).err();
        assert_eq!(
            e.map(|e| e.to_string()),
            Some("f:2:3: NUL byte in a text file".into())
        );
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{e}"))
            .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{e}"));
        names.sort();
        names
    }

    #[test]
    fn generated_files_are_swapped_with_their_spare_and_left_alone_when_unchanged() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let out = dir.path().join("build/en/doc.html");
        let spare = dir.path().join("cache/spare/en/doc.html");
        let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{e}"));
        let write = |text: &str| {
            write_generated(&out, text.as_bytes(), Some(&spare)).unwrap_or_else(|e| panic!("{e}"))
        };
        write("one");
        assert_eq!(read(&out), "one");
        write("two");
        assert_eq!(read(&out), "two");
        if cfg!(target_os = "linux") {
            // The previous edition waits in the spare; the next build writes over it.
            assert_eq!(read(&spare), "one");
            let spare_inode = std::fs::metadata(&spare).map(|m| m.ino()).ok();
            write("three");
            assert_eq!(read(&out), "three");
            assert_eq!(read(&spare), "two");
            assert_eq!(std::fs::metadata(&out).map(|m| m.ino()).ok(), spare_inode);
            // The spare is written over in place and cut to the new length.
            write("4");
            assert_eq!(read(&out), "4");
            assert_eq!(read(&spare), "three");
        }
        // Same bytes: not written at all.
        let before = std::fs::metadata(&out)
            .map(|m| (m.ino(), m.mtime_nsec()))
            .ok();
        std::thread::sleep(std::time::Duration::from_millis(20));
        write(&read(&out));
        assert_eq!(
            std::fs::metadata(&out)
                .map(|m| (m.ino(), m.mtime_nsec()))
                .ok(),
            before
        );
        // Only the edition in its directory: no temporary file left.
        assert_eq!(listing(&dir.path().join("build/en")), ["doc.html"]);
        // A spare that cannot be made: written through a temporary file, nothing left.
        let blocked = dir.path().join("blocked");
        std::fs::write(&blocked, "a file where the spare's directory would be")
            .unwrap_or_else(|e| panic!("{e}"));
        write_generated(&out, b"four", Some(&blocked.join("doc.html")))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read(&out), "four");
        assert_eq!(listing(&dir.path().join("build/en")), ["doc.html"]);
    }

    #[test]
    fn replaced_files_keep_their_permissions_and_new_ones_are_readable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mode = |p: &Path| {
            std::fs::metadata(p)
                .map(|m| m.permissions().mode() & 0o777)
                .ok()
        };
        let kept = dir.path().join("fr.ftl");
        std::fs::write(&kept, "a = b\n").unwrap_or_else(|e| panic!("{e}"));
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640))
            .unwrap_or_else(|e| panic!("{e}"));
        write_atomic(&kept, "a = c\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mode(&kept), Some(0o640));
        // Swapped with a spare (a project's writes), twice: the spare takes the mode too.
        let mut project = AtomicWriter::for_project(dir.path());
        for text in ["a = e\n", "a = f\n"] {
            project.write(&kept, text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(std::fs::read_to_string(&kept).ok().as_deref(), Some(text));
            assert_eq!(mode(&kept), Some(0o640));
        }
        if cfg!(target_os = "linux") {
            let spare = project.spare(&kept).unwrap_or_default();
            assert_eq!(
                std::fs::read_to_string(spare).ok().as_deref(),
                Some("a = e\n")
            );
        }
        let new = dir.path().join("kk.ftl");
        write_atomic(&new, "a = d\n").unwrap_or_else(|e| panic!("{e}"));
        // As any program makes a file (0666 less the umask), without write for others.
        let plain = dir.path().join("plain");
        std::fs::write(&plain, "").unwrap_or_else(|e| panic!("{e}"));
        let usual = mode(&plain).map(|m| m & 0o644);
        assert_eq!(mode(&new), usual);
        let edition = dir.path().join("doc.html");
        write_generated(&edition, b"x", None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mode(&edition), usual);
    }
}

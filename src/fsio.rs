//! The one module that touches the file system: strict reading, atomic writing, the lock.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

pub use crate::text::{Eol, Style, BOM};

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

/// The largest file this process reads (`[limits] file_size_mib` in dossier.toml).
static MAX_READ: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(crate::config::DEFAULT_FILE_SIZE_MIB << 20);

/// Sets the largest file this process reads, in bytes (from the project's configuration).
pub fn set_max_read(bytes: u64) {
    MAX_READ.store(bytes, std::sync::atomic::Ordering::Relaxed);
}

/// Reads a text file: valid UTF-8 without NUL bytes, else an error with line:column. A
/// byte order mark is dropped and CRLF or lone CR line ends are read as LF (what Fluent's
/// runtimes, compare-locales and Windows editors do); [`Style`] says how the file wrote
/// them, for a rewrite to keep.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    check_text(path, read_bytes(path)?)
}

/// `read_text`, with the file's style.
pub fn read_text_styled(path: &Path) -> Result<(String, Style), FileError> {
    let bytes = read_bytes(path)?;
    let style = Style::of(&bytes);
    Ok((check_text(path, bytes)?, style))
}

/// Reads a file as bytes, for formats that carry their own encoding rules (imports). Only
/// regular files are read (a FIFO would block, a device never end), up to the size limit.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    use std::io::Read;
    let cannot = |e: std::io::Error| err(path, None, format!("cannot read: {e}"));
    let meta = std::fs::metadata(path).map_err(cannot)?;
    regular(path, &meta)?;
    let limit = MAX_READ.load(std::sync::atomic::Ordering::Relaxed);
    let too_large = || {
        err(
            path,
            None,
            format!(
                "the file is larger than the limit of {} MiB; raise `[limits] file_size_mib` in dossier.toml if it is meant to be read",
                limit >> 20
            ),
        )
    };
    if meta.len() > limit {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).map_err(cannot)?;
    // The file may have changed between the two looks: one more byte than the limit at most.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// An error unless `meta` is a regular file's.
fn regular(path: &Path, meta: &std::fs::Metadata) -> Result<(), FileError> {
    let t = meta.file_type();
    if t.is_file() {
        return Ok(());
    }
    let what = if t.is_dir() {
        "a directory"
    } else {
        special_kind(&t)
    };
    Err(err(
        path,
        None,
        format!("{what}, not a regular file: dossier reads regular files only"),
    ))
}

#[cfg(unix)]
fn special_kind(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

/// The style of the file at `path` as it is now (LF without BOM when it does not exist
/// or cannot be read): its first 64 KiB decide.
pub fn style_of(path: &Path) -> Style {
    use std::io::Read;
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(64 << 10).read_to_end(&mut head));
    match read {
        Ok(_) => Style::of(&head),
        Err(_) => Style::default(),
    }
}

/// The checks of `read_text` on bytes already read: UTF-8, no NUL; a BOM dropped and line
/// ends made LF.
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
    let bytes = normalize(bytes);
    if let Some(i) = memchr::memchr(b'\0', &bytes) {
        let before = String::from_utf8_lossy(&bytes[..i]);
        let pos = crate::ftl::line_col(&before, before.len());
        return Err(err(path, Some(pos), "NUL byte in a text file"));
    }
    // SAFETY: `bytes` is valid UTF-8: simdutf8 accepted it above, and it accepts exactly
    // what `std::str::from_utf8` accepts (its documented contract, and a property test
    // here); `normalize` removed only a whole BOM and whole CR characters (ASCII).
    // Validating a second time would undo the gain.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// `bytes` without a leading BOM, with CRLF and lone CR made LF (nearly always as they
/// are: one scan).
fn normalize(mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    let Some(first) = memchr::memchr(b'\r', &bytes) else {
        return bytes;
    };
    let mut w = first;
    let mut r = first;
    while r < bytes.len() {
        let b = bytes[r];
        if b == b'\r' {
            bytes[w] = b'\n';
            if bytes.get(r + 1) == Some(&b'\n') {
                r += 1;
            }
        } else {
            bytes[w] = b;
        }
        w += 1;
        r += 1;
    }
    bytes.truncate(w);
    bytes
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
///
/// A file keeps its style (BOM, line ends: see [`Style`]). A file that is a symbolic link
/// is written through: the file it points to (inside the project) is replaced atomically
/// in its own directory and the link stays a link.
pub struct AtomicWriter {
    /// The project's root, resolved, and its spares' directory.
    spares: (PathBuf, PathBuf),
}

impl AtomicWriter {
    pub fn for_project(root: &Path) -> AtomicWriter {
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let dir = root
            .join(crate::paths::CACHE_DIR)
            .join("spare")
            .join("project");
        AtomicWriter {
            spares: (root, dir),
        }
    }

    /// One file, swapped with its spare when it has one.
    fn write_one(&self, path: &Path, contents: &str) -> Result<(), FileError> {
        let target = self.target(path)?;
        let spare = self.spare(&target);
        let bytes = style_of(&target).apply(contents);
        write_atomic_steps(&target, &bytes, spare.as_deref(), &mut |_| Ok(()))
    }

    /// The file a write of `path` replaces: `path` itself, or the file a symbolic link
    /// there points to (which must be inside the project).
    pub fn target(&self, path: &Path) -> Result<PathBuf, FileError> {
        let linked = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if !linked {
            return Ok(resolve_dir(path));
        }
        let real = std::fs::canonicalize(path).map_err(|e| {
            err(
                path,
                None,
                format!("a symbolic link to a file that cannot be reached: {e}"),
            )
        })?;
        if !real.starts_with(&self.spares.0) {
            return Err(err(
                path,
                None,
                format!(
                    "a symbolic link to {}, outside the project; refusing to write it",
                    real.display()
                ),
            ));
        }
        Ok(real)
    }

    /// The spare of `path` (resolved, see `target`), for a file inside the project.
    pub fn spare(&self, path: &Path) -> Option<PathBuf> {
        let (root, dir) = &self.spares;
        let rel = path.strip_prefix(root).ok()?;
        let plain = rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        plain.then(|| dir.join(rel))
    }
}

/// `path` with its directory resolved (so that it compares with a resolved root), as it
/// is when the directory cannot be.
fn resolve_dir(path: &Path) -> PathBuf {
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or_else(|_| path.to_path_buf()),
        _ => path.to_path_buf(),
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

/// Writes a text file atomically (a temporary file in its directory, flushed, renamed
/// over it), in the style of the file it replaces (see [`Style`]).
pub fn write_atomic(path: &Path, contents: &str) -> Result<(), FileError> {
    write_atomic_bytes(path, &style_of(path).apply(contents))
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
        if meta.is_dir() {
            return Err(err(
                path,
                None,
                "a directory where a file is to be written: nothing was moved",
            ));
        }
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

/// Refuses before anything is written when one of `paths` cannot be written (a
/// read-only file, a read-only directory to write it in, a directory in its place), so a
/// command never leaves some files new and others old for a predictable reason.
pub fn check_writable(paths: &[&Path]) -> Result<(), FileError> {
    let mut dirs: Vec<&Path> = Vec::new();
    for p in paths {
        if let Ok(meta) = std::fs::metadata(p) {
            if meta.is_dir() {
                return Err(err(
                    p,
                    None,
                    "a directory where a file is to be written: nothing was written",
                ));
            }
            if meta.permissions().readonly() {
                return Err(err(p, None, "the file is read-only: nothing was written"));
            }
        }
        if let Some(dir) = p.parent().filter(|d| !dirs.contains(d)) {
            dirs.push(dir);
            // Replacing a file creates and renames entries in its directory.
            if std::fs::metadata(dir).is_ok_and(|m| m.permissions().readonly()) {
                return Err(err(
                    dir,
                    None,
                    "the directory is read-only: nothing was written",
                ));
            }
        }
    }
    Ok(())
}

/// Removes the temporary files this tool left in the directories it writes a project's
/// files in (the root, `locales/en` and each locale's directory): a process killed between
/// creating one and renaming it over its file. Called under the lock, when no writer is
/// at work; failing to remove one is not an error.
pub fn remove_orphans(root: &Path, locales: &[String]) {
    let locale_dirs = std::iter::once(crate::config::REFERENCE)
        .chain(locales.iter().map(String::as_str))
        .map(|l| root.join("locales").join(l));
    for dir in std::iter::once(root.to_path_buf()).chain(locale_dirs) {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(".dossier-")
                && name.ends_with(".tmp")
                && e.file_type().is_ok_and(|t| t.is_file())
            {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// The project's lock, held by a command that writes from before it reads until its last
/// write: an advisory lock (`flock`) on `.dossier.lock`, which the system releases when
/// the process ends however it ends, so no lock is ever left behind and the file is never
/// deleted. The file holds the holder's pid, for the message of whoever waits.
pub struct Lock {
    _file: std::fs::File,
}

impl Lock {
    /// Takes the lock of the project at `root`; when another process holds it, calls
    /// `waiting` once with who holds it, then waits up to `wait` before refusing.
    pub fn acquire(
        root: &Path,
        wait: std::time::Duration,
        waiting: &dyn Fn(&str),
    ) -> Result<Lock, FileError> {
        let mut path = root.join(".dossier.lock");
        // A directory of that name (made by hand) must not block anyone: the lock is then
        // a file inside it, the same for every writer.
        if path.is_dir() {
            path = path.join("lock");
        }
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| err(&path, None, format!("cannot open the lock file: {e}")))?;
        let start = std::time::Instant::now();
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) => {
                    let holder = std::fs::read_to_string(&path).unwrap_or_default();
                    let holder = match holder.trim() {
                        "" => "another dossier process".to_string(),
                        pid => format!("another dossier process (pid {pid})"),
                    };
                    if start.elapsed() >= wait {
                        return Err(err(
                            &path,
                            None,
                            format!(
                                "{holder} has been writing this project for {} s; try again when it has finished (or raise `[lock] wait_seconds` in dossier.toml)",
                                wait.as_secs()
                            ),
                        ));
                    }
                    if !told {
                        waiting(&format!(
                            "waiting for {holder} to finish writing this project…"
                        ));
                        told = true;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(err(&path, None, format!("cannot lock: {e}")));
                }
            }
        }
        // Who holds it, for a waiting writer's message (a best effort: the lock is the
        // system's, not this text).
        let mut f = &file;
        let _ = f.set_len(0);
        let _ = writeln!(f, "{}", std::process::id());
        Ok(Lock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// `check_text` accepts exactly the bytes the standard library reads as UTF-8 (less
        /// NUL), and returns the same text with a leading BOM dropped and CRLF and CR made
        /// LF: the SIMD validator and the in-place rewrite change speed, not answers.
        #[test]
        fn check_text_agrees_with_std(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::string::string_regex("[a-zа-яәғқңөұүһі \n\r.,«»’\u{FEFF}]{0,12}")
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
                .filter(|t| !t.contains('\0'))
                .map(|t| {
                    t.strip_prefix('\u{FEFF}')
                        .unwrap_or(t)
                        .replace("\r\n", "\n")
                        .replace('\r', "\n")
                });
            let ours = check_text(Path::new("x"), bytes.clone()).ok();
            proptest::prop_assert_eq!(ours.as_deref(), std.as_deref());
        }

        /// Any LF text written in a style reads back as itself, and the style of what was
        /// written is the style it was written in (when it has a line end to tell).
        #[test]
        fn styles_round_trip(
            text in proptest::string::string_regex("[a-zя \n]{0,40}").unwrap_or_else(|e| panic!("{e}")),
            bom in proptest::bool::ANY,
            eol in 0..3usize,
        ) {
            let style = Style { bom, eol: [Eol::Lf, Eol::CrLf, Eol::Cr][eol] };
            let bytes = style.apply(&text).into_owned();
            let back = check_text(Path::new("x"), bytes.clone());
            let back = back.ok();
            proptest::prop_assert_eq!(back.as_deref(), Some(text.as_str()));
            let seen = Style::of(&bytes);
            proptest::prop_assert_eq!(seen.bom, bom);
            if text.contains('\n') {
                proptest::prop_assert_eq!(seen.eol, style.eol);
            }
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

//! Reading and writing files so that a hostile tree or path cannot hang, exhaust or overwrite anything.
//!
//! Reading takes regular files only (a named pipe blocks forever, `/dev/zero` never ends), opened
//! without blocking and read up to a size cap. Writing refuses links, special files and folders, and
//! goes through a randomly named temporary file created exclusively beside the target, then a rename:
//! readers never see half a file, a planted link at a guessable name cannot redirect the write, and a
//! failed run leaves the old file in place.

use std::fs::{self, File, FileType};
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

/// The largest data or template file read. The bundled records are under 200 KB; a file past this is a
/// mistake or an attack, and reading it whole would cost memory for nothing.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("it is {0}, not a regular file")]
    NotRegular(&'static str),
    #[error("it is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl ReadError {
    /// Stable diagnostic code.
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::NotRegular(_) => "not-a-regular-file",
            ReadError::TooLarge { .. } => "file-too-large",
            ReadError::Io(_) => "unreadable",
        }
    }
}

/// What a file system entry is, in words, for messages.
pub fn kind_of(t: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a folder"
    } else if t.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

fn open_for_reading(path: &Path) -> std::io::Result<File> {
    let mut o = fs::OpenOptions::new();
    o.read(true);
    // Without O_NONBLOCK, opening a named pipe that replaced the file after the check would block.
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK);
    }
    o.open(path)
}

/// Reads a regular file (following links) of at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let f = open_for_reading(path)?;
    // Checked again on the open handle: the path may have been swapped since the first look.
    let meta = f.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    f.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Why an output path was refused or could not be written. Refusals are the caller's mistake (exit 2);
/// `Io` is a failure of the system (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "`{path}` is a symbolic link; lexgap does not write through links (give the real path)"
    )]
    Link { path: String },
    #[error("`{path}` is {kind}; only a regular file can be replaced")]
    Special { path: String, kind: &'static str },
    #[error("`{path}` is a folder; give a file name")]
    Folder { path: String },
    #[error("`{path}` is not a folder")]
    NotFolder { path: String },
    #[error("`{path}` lies inside the data tree being read (`{root}`); write it elsewhere")]
    InDataTree { path: String, root: String },
    #[error("cannot write `{path}`: {message}")]
    Io { path: String, message: String },
}

impl WriteError {
    /// Stable diagnostic code.
    pub fn code(&self) -> &'static str {
        match self {
            WriteError::Link { .. } => "out-is-link",
            WriteError::Special { .. } => "out-is-special-file",
            WriteError::Folder { .. } => "out-is-folder",
            WriteError::NotFolder { .. } => "out-not-a-folder",
            WriteError::InDataTree { .. } => "out-in-data-tree",
            WriteError::Io { .. } => "cannot-write",
        }
    }

    /// Whether the path given was at fault (a usage error) rather than the system.
    pub fn is_refusal(&self) -> bool {
        !matches!(self, WriteError::Io { .. })
    }
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

/// The absolute form of a path that need not exist yet: its deepest existing ancestor resolved (with
/// its links), the rest appended with `.` and `..` applied.
pub fn resolve(path: &Path) -> Option<PathBuf> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let comps: Vec<Component<'_>> = abs.components().collect();
    for i in (1..=comps.len()).rev() {
        let head: PathBuf = comps[..i].iter().collect();
        if let Ok(mut out) = fs::canonicalize(&head) {
            for c in &comps[i..] {
                match c {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(n) => out.push(n),
                    _ => {}
                }
            }
            return Some(out);
        }
    }
    None
}

/// The folders of a data tree that hold what it reads.
const DATA_DIRS: [&str; 2] = ["instruments", "countries"];

/// Refuses a path inside `instruments/` or `countries/` of the data tree at `root` (or, when
/// `root_too`, the root itself).
fn outside_data(path: &Path, root: Option<&Path>, root_too: bool) -> Result<(), WriteError> {
    let Some(root) = root else { return Ok(()) };
    let (Some(p), Ok(r)) = (resolve(path), fs::canonicalize(root)) else {
        return Ok(());
    };
    let inside = (root_too && p == r) || DATA_DIRS.iter().any(|d| p.starts_with(r.join(d)));
    if inside {
        return Err(WriteError::InDataTree {
            path: shown(path),
            root: shown(root),
        });
    }
    Ok(())
}

/// Checks that `path` may receive a file: not a link, folder or special file, and not inside the data
/// tree at `data_root`. A missing path is fine.
pub fn check_out_file(path: &Path, data_root: Option<&Path>) -> Result<(), WriteError> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => return Err(WriteError::Link { path: shown(path) }),
        Ok(m) if m.is_dir() => return Err(WriteError::Folder { path: shown(path) }),
        Ok(m) if !m.is_file() => {
            return Err(WriteError::Special {
                path: shown(path),
                kind: kind_of(m.file_type()),
            })
        }
        _ => {}
    }
    let trailing_slash = path.as_os_str().to_string_lossy().ends_with(['/', '\\']);
    if path.file_name().is_none() || trailing_slash {
        return Err(WriteError::Folder { path: shown(path) });
    }
    outside_data(path, data_root, false)
}

/// Checks that `path` may receive a folder of files: a folder or nothing yet, not a link, and neither
/// the data root nor inside its data folders.
pub fn check_out_folder(path: &Path, data_root: Option<&Path>) -> Result<(), WriteError> {
    // Without a trailing slash, which would make the lookup follow a link.
    let bare: PathBuf = path.components().collect();
    match fs::symlink_metadata(&bare) {
        Ok(m) if m.file_type().is_symlink() => return Err(WriteError::Link { path: shown(path) }),
        Ok(m) if !m.is_dir() => return Err(WriteError::NotFolder { path: shown(path) }),
        _ => {}
    }
    outside_data(path, data_root, true)
}

/// Writes `contents` to `path` atomically, after [`check_out_file`] without a data root: a temporary
/// file with a random name, created exclusively beside the target, then renamed over it. A rename
/// replaces the name, never writes through it, so a link planted after the check is replaced, not
/// followed.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    check_out_file(path, None)?;
    let io = |e: std::io::Error| WriteError::Io {
        path: shown(path),
        message: e.to_string(),
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".lexgap-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(contents).map_err(io)?;
    tmp.as_file().flush().map_err(io)?;
    // The temporary file is private (0600); the result gets the mode a new file would have, or keeps
    // the mode of the file it replaces.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o7777)
            .unwrap_or(0o644);
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(mode))
            .map_err(io)?;
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn resolves_missing_paths_lexically_below_the_deepest_real_folder() {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir(d.path().join("a")).unwrap();
        let r = resolve(&d.path().join("a/x/../b/./c.md")).unwrap();
        assert_eq!(r, fs::canonicalize(d.path()).unwrap().join("a/b/c.md"));
    }

    #[test]
    fn refuses_links_folders_and_the_data_folders() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        fs::create_dir_all(root.join("countries")).unwrap();
        fs::write(root.join("t.md"), "x").unwrap();
        std::os::unix::fs::symlink(root.join("t.md"), root.join("l.md")).unwrap();
        let code = |p: &Path| check_out_file(p, Some(root)).err().map(|e| e.code());
        assert_eq!(code(&root.join("l.md")), Some("out-is-link"));
        assert_eq!(code(&root.join("countries")), Some("out-is-folder"));
        assert_eq!(
            code(&root.join("countries/new.json")),
            Some("out-in-data-tree")
        );
        assert_eq!(
            code(&root.join("x/../countries/AAA.json")),
            Some("out-in-data-tree")
        );
        assert_eq!(code(&root.join("report.md")), None);
        assert_eq!(code(Path::new("/dev/null")), Some("out-is-special-file"));
        assert_eq!(
            check_out_folder(root, Some(root)).err().map(|e| e.code()),
            Some("out-in-data-tree")
        );
        assert!(check_out_folder(&root.join("site"), Some(root)).is_ok());
    }

    #[test]
    fn writes_through_a_temporary_file_and_keeps_the_mode() {
        use std::os::unix::fs::PermissionsExt;
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("sub/out.md");
        write_atomic(&p, b"one").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"one");
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o644
        );
        fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
        // Nothing else is left beside it.
        assert_eq!(fs::read_dir(d.path().join("sub")).unwrap().count(), 1);
    }

    #[test]
    fn reads_only_regular_files_up_to_the_cap() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f.json");
        fs::write(&p, b"12345").unwrap();
        assert_eq!(read_regular(&p, 5).unwrap(), b"12345");
        assert_eq!(read_regular(&p, 4).unwrap_err().code(), "file-too-large");
        assert_eq!(
            read_regular(Path::new("/dev/zero"), 10).unwrap_err().code(),
            "not-a-regular-file"
        );
        assert_eq!(
            read_regular(d.path(), 10).unwrap_err().code(),
            "not-a-regular-file"
        );
    }
}

//! Writing data files: the canonical text of a record, atomic replacement and creation, and the line
//! diff shown before anything is written.
//!
//! Data files are kept in one layout (two-space indentation, keys in the order written, a final
//! newline), so a command that changes one entry changes only that entry's lines.

use serde_json::Value;
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A failure to write a data file.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot write `{path}`: {source}")]
    Io { path: String, source: io::Error },
    #[error("`{path}` already exists")]
    Exists { path: String },
    #[error("`{path}` is a symbolic link; not replacing it")]
    Symlink { path: String },
}

/// The text a record is written as.
pub fn canonical(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

fn io_err(path: &Path) -> impl Fn(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Writes `contents` to an exclusively created temporary file beside `path` and returns its name.
fn temp_beside(path: &Path, contents: &[u8]) -> Result<PathBuf, WriteError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "data".into());
    let mut attempt = 0u32;
    loop {
        let tmp = dir.join(format!(".{name}.{}-{attempt}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(mut f) => {
                let written = f.write_all(contents).and_then(|_| f.sync_all());
                return match written {
                    Ok(()) => Ok(tmp),
                    Err(e) => {
                        let _ = std::fs::remove_file(&tmp);
                        Err(io_err(path)(e))
                    }
                };
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(io_err(path)(e)),
        }
    }
}

/// Replaces `path` atomically: readers see the old file or the new one, never half of either, and a
/// failed write leaves the old file in place. A symbolic link is refused rather than replaced by a
/// file.
pub fn replace(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(WriteError::Symlink {
            path: path.display().to_string(),
        });
    }
    let tmp = temp_beside(path, contents)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io_err(path)(e)
    })
}

/// Creates `path` with `contents`, atomically, and never over an existing file (the new file is
/// linked into place, which fails if the name is taken).
pub fn create(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(WriteError::Exists {
            path: path.display().to_string(),
        });
    }
    let tmp = temp_beside(path, contents)?;
    let linked = std::fs::hard_link(&tmp, path);
    let _ = std::fs::remove_file(&tmp);
    linked.map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            WriteError::Exists {
                path: path.display().to_string(),
            }
        } else {
            io_err(path)(e)
        }
    })
}

/// Text from a table or the command line made safe for a terminal: control characters are shown as
/// `\u{..}` escapes.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A unified diff of `old` and `new` with `context` lines around each change, headed by `name`;
/// empty when they are the same.
pub fn diff(name: &str, old: &str, new: &str, context: usize) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let ops = line_ops(&a, &b);
    let mut out = format!("--- {name}\n+++ {name}\n");
    // Group changes that lie within 2 × context lines of each other into one hunk.
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, op)| !matches!(op, Op::Same(..)))
        .map(|(i, _)| i)
        .collect();
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for &i in &changed {
        match groups.last_mut() {
            Some((_, end)) if i <= *end + 2 * context + 1 => *end = i,
            _ => groups.push((i, i)),
        }
    }
    for (first, last) in groups {
        let start = first.saturating_sub(context);
        let end = (last + context + 1).min(ops.len());
        let (a0, b0) = ops[..start].iter().fold((0, 0), |(x, y), op| match op {
            Op::Same(..) => (x + 1, y + 1),
            Op::Del(_) => (x + 1, y),
            Op::Add(_) => (x, y + 1),
        });
        let (na, nb) = ops[start..end].iter().fold((0, 0), |(x, y), op| match op {
            Op::Same(..) => (x + 1, y + 1),
            Op::Del(_) => (x + 1, y),
            Op::Add(_) => (x, y + 1),
        });
        // As in unified diffs, an empty side is numbered by the line before it.
        let from = |at: usize, n: usize| if n == 0 { at } else { at + 1 };
        out.push_str(&format!(
            "@@ -{},{na} +{},{nb} @@\n",
            from(a0, na),
            from(b0, nb)
        ));
        for op in &ops[start..end] {
            match op {
                Op::Same(l) => out.push_str(&format!(" {l}\n")),
                Op::Del(l) => out.push_str(&format!("-{l}\n")),
                Op::Add(l) => out.push_str(&format!("+{l}\n")),
            }
        }
    }
    out
}

enum Op<'a> {
    Same(&'a str),
    Del(&'a str),
    Add(&'a str),
}

/// The edit script from `a` to `b`: the common head and tail as they are, the middle by longest
/// common subsequence (or as a whole replacement when it is too large to compare line by line).
fn line_ops<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<Op<'a>> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut ops: Vec<Op<'a>> = a[..head].iter().map(|l| Op::Same(l)).collect();
    if ma.len().saturating_mul(mb.len()) > 4_000_000 {
        ops.extend(ma.iter().map(|l| Op::Del(l)));
        ops.extend(mb.iter().map(|l| Op::Add(l)));
    } else {
        // lcs[i][j]: length of the longest common subsequence of ma[i..] and mb[j..].
        let (n, m) = (ma.len(), mb.len());
        let mut lcs = vec![vec![0u32; m + 1]; n + 1];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i][j] = if ma[i] == mb[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && ma[i] == mb[j] {
                ops.push(Op::Same(ma[i]));
                i += 1;
                j += 1;
            } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.push(Op::Del(ma[i]));
                i += 1;
            } else {
                ops.push(Op::Add(mb[j]));
                j += 1;
            }
        }
    }
    ops.extend(a[a.len() - tail..].iter().map(|l| Op::Same(l)));
    ops
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_diff_shows_only_the_changed_lines_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\n";
        let new = "a\nb\nc\nD\ne\nf\ng\n";
        assert_eq!(
            diff("x.json", old, new, 1),
            "--- x.json\n+++ x.json\n@@ -3,3 +3,3 @@\n c\n-d\n+D\n e\n"
        );
        assert_eq!(diff("x.json", old, old, 3), "");
    }

    #[test]
    fn an_insertion_is_an_addition_and_far_changes_are_separate_hunks() {
        let old: String = (1..=20).map(|i| format!("l{i}\n")).collect();
        let new = old
            .replace("l3\n", "l3\nnew\n")
            .replace("l18\n", "eighteen\n");
        let d = diff("f", &old, &new, 1);
        assert_eq!(
            d,
            "--- f\n+++ f\n@@ -3,2 +3,3 @@\n l3\n+new\n l4\n@@ -17,3 +18,3 @@\n l17\n-l18\n+eighteen\n l19\n"
        );
    }

    #[test]
    fn a_new_file_is_all_additions() {
        assert_eq!(
            diff("n", "", "x\ny\n", 3),
            "--- n\n+++ n\n@@ -0,0 +1,2 @@\n+x\n+y\n"
        );
    }

    #[test]
    fn replace_and_create_write_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        create(&p, b"one").unwrap();
        assert!(matches!(create(&p, b"two"), Err(WriteError::Exists { .. })));
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        replace(&p, b"three").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"three");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.json");
        std::fs::write(&target, b"x").unwrap();
        let link = dir.path().join("l.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(matches!(
            replace(&link, b"y"),
            Err(WriteError::Symlink { .. })
        ));
        assert_eq!(std::fs::read(&target).unwrap(), b"x");
    }

    #[test]
    fn control_characters_do_not_reach_the_terminal() {
        assert_eq!(printable("Kenya\u{1b}[31m"), "Kenya\\u{1b}[31m");
    }
}

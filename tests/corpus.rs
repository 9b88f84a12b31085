//! Broken and hostile inputs (tests/corpus/<case>/): each is an overlay on the fixture tree, with
//! optional special files, a command line and environment, and what it must produce: the exit code,
//! the diagnostic code, the file and the JSON pointer. None may panic, hang, write into the tree or
//! print a control character from the data.
//!
//! `case.json`:
//! - `args`: the command (default `validate --format json --data {data}`); `{data}` is the tree
//! - `env`: environment variables to set (`{data}` substituted)
//! - `remove`, `dirs`: paths of the tree to delete, folders to create
//! - `setup`: special files: `{"fifo": P}`, `{"symlink": P, "to": T}`, `{"sized": P, "bytes": N}`,
//!   `{"write": P, "text": S}`
//! - `generate`: a named generator for inputs too big to keep as files
//! - `expect`: `exit` (default 1), `code`, `file`, `pointer`; `stdout_has` / `stdout_lacks` /
//!   `stderr_lacks`: strings that must (not) appear; `changes`: paths the command may write

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

mod common;

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Spec {
    description: String,
    expect: Expect,
    #[serde(default)]
    args: Option<Vec<String>>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    dirs: Vec<String>,
    #[serde(default)]
    setup: Vec<Setup>,
    #[serde(default)]
    generate: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Setup {
    Fifo {
        fifo: String,
    },
    Symlink {
        symlink: String,
        to: String,
    },
    Sized {
        sized: String,
        bytes: u64,
    },
    Write {
        write: String,
        text: String,
    },
    Set {
        set: String,
        at: String,
        value: serde_json::Value,
    },
    Unset {
        unset: String,
        at: String,
    },
}

/// Sets (or with `None` removes) the value at a JSON pointer of a file of the tree; `-` appends.
fn patch(file: &Path, at: &str, value: Option<serde_json::Value>) {
    let mut doc = read_json(file);
    let (parent, last) = at.rsplit_once('/').unwrap();
    let last = last.replace("~1", "/").replace("~0", "~");
    let target = doc
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent} in {file:?}"));
    match (target, value) {
        (serde_json::Value::Object(m), Some(v)) => {
            m.insert(last, v);
        }
        (serde_json::Value::Object(m), None) => {
            m.shift_remove(&last);
        }
        (serde_json::Value::Array(a), Some(v)) if last == "-" => a.push(v),
        (serde_json::Value::Array(a), Some(v)) => a[last.parse::<usize>().unwrap()] = v,
        (serde_json::Value::Array(a), None) => {
            a.remove(last.parse::<usize>().unwrap());
        }
        (other, _) => panic!("cannot patch {at} in {other}"),
    }
    std::fs::write(file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default = "one")]
    exit: i32,
    /// The diagnostic that must be reported; absent for a run that must succeed.
    code: Option<String>,
    #[serde(default)]
    file: String,
    pointer: Option<String>,
    #[serde(default)]
    stdout_has: Vec<String>,
    #[serde(default)]
    stderr_has: Vec<String>,
    #[serde(default)]
    stdout_lacks: Vec<String>,
    #[serde(default)]
    stderr_lacks: Vec<String>,
    /// Paths under the tree the command is allowed to create or change.
    #[serde(default)]
    changes: Vec<String>,
}

fn one() -> i32 {
    1
}

/// A run that takes longer than this has hung (the slowest case takes well under a second).
const HANG: Duration = Duration::from_secs(60);

fn build_tree(case: &Path, spec: &Spec) -> tempfile::TempDir {
    let tmp = common::copy_tree(&common::root().join("tests/fixtures/mini"));
    for r in &spec.remove {
        let p = tmp.path().join(r);
        if p.is_dir() {
            std::fs::remove_dir_all(&p).unwrap();
        } else {
            std::fs::remove_file(&p).unwrap();
        }
    }
    for d in &spec.dirs {
        std::fs::create_dir_all(tmp.path().join(d)).unwrap();
    }
    if case.join("tree").is_dir() {
        common::copy_dir(&case.join("tree"), tmp.path());
    }
    let sub = |s: &str| s.replace("{data}", &tmp.path().display().to_string());
    for s in &spec.setup {
        let at = |p: &str| {
            let p = tmp.path().join(p);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            let _ = std::fs::remove_file(&p);
            p
        };
        match s {
            Setup::Fifo { fifo } => {
                let p = at(fifo);
                let c = std::ffi::CString::new(p.display().to_string()).unwrap();
                assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
            }
            Setup::Symlink { symlink, to } => {
                std::os::unix::fs::symlink(sub(to), at(symlink)).unwrap();
            }
            Setup::Sized { sized, bytes } => {
                std::fs::File::create(at(sized))
                    .unwrap()
                    .set_len(*bytes)
                    .unwrap();
            }
            Setup::Write { write, text } => std::fs::write(at(write), text).unwrap(),
            Setup::Set {
                set,
                at: ptr,
                value,
            } => patch(&tmp.path().join(set), ptr, Some(value.clone())),
            Setup::Unset { unset, at: ptr } => patch(&tmp.path().join(unset), ptr, None),
        }
    }
    if let Some(g) = &spec.generate {
        generate(g, tmp.path());
    }
    tmp
}

fn read_json(p: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// Inputs too large to keep in the repository.
fn generate(name: &str, root: &Path) {
    let aaa = root.join("countries/AAA.json");
    let plan = root.join("instruments/plans/mini-2010.json");
    match name {
        "huge-string" => {
            let mut v = read_json(&aaa);
            v["measures"][0]["summary"] = serde_json::Value::String("x".repeat(10 * 1024 * 1024));
            std::fs::write(&aaa, serde_json::to_string(&v).unwrap()).unwrap();
        }
        "deep-nesting" => {
            std::fs::write(
                &aaa,
                format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            )
            .unwrap();
        }
        // Nine actions, each any-of six uses of the one before: 6^9 paths without memory.
        "chained-actions" => {
            let mut v = read_json(&plan);
            let actions = v["areas"][0]["actions"].as_array_mut().unwrap();
            let template = actions[0].clone();
            let base = template["id"].as_str().unwrap().to_string();
            let mut prev = base.clone();
            for i in 1..=9 {
                let mut a = template.clone();
                let id = format!("{base}-chain{i}");
                a["id"] = id.clone().into();
                a["criterion"] =
                    serde_json::json!({ "any": vec![serde_json::json!({"action": prev}); 6] });
                actions.push(a);
                prev = id;
            }
            std::fs::write(&plan, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        }
        // One action reusing the next, forty deep: past the evaluator's depth limit.
        "deep-action-chain" => {
            let mut v = read_json(&plan);
            let actions = v["areas"][0]["actions"].as_array_mut().unwrap();
            let template = actions[0].clone();
            let base = template["id"].as_str().unwrap().to_string();
            let mut prev = base.clone();
            for i in 1..=40 {
                let mut a = template.clone();
                let id = format!("{base}-deep{i}");
                a["id"] = id.clone().into();
                a["criterion"] = serde_json::json!({ "all": [{"action": prev}] });
                actions.push(a);
                prev = id;
            }
            std::fs::write(&plan, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        }
        // Sixty thousand conditions in one criterion: past the evaluator's work limit.
        "huge-criterion" => {
            let mut v = read_json(&plan);
            v["areas"][0]["actions"][1]["criterion"] =
                serde_json::json!({ "any": vec![serde_json::json!({"party": "csr1951"}); 60_000] });
            std::fs::write(&plan, serde_json::to_string(&v).unwrap()).unwrap();
        }
        "deep-objects" => {
            std::fs::write(
                &plan,
                format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000)),
            )
            .unwrap();
        }
        // Eight thousand references to instruments that do not exist, one file.
        "many-dangling" => {
            let mut v = read_json(&aaa);
            let first = v["participation"][0].clone();
            let list = v["participation"].as_array_mut().unwrap();
            for i in 0..8000 {
                let mut p = first.clone();
                p["instrument"] = format!("missing{i}").into();
                list.push(p);
            }
            std::fs::write(&aaa, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        }
        // A hundred thousand keys in one object, the last one repeating the first.
        "many-keys" => {
            let mut s = String::from("{\"notes\": {");
            for i in 0..100_000 {
                s.push_str(&format!("\"k{i}\": {i},\n"));
            }
            s.push_str("\"k0\": 0}}");
            let text = std::fs::read_to_string(&aaa).unwrap();
            let text = text.replacen('{', &format!("{{\"x\": {s},"), 1);
            std::fs::write(&aaa, text).unwrap();
        }
        other => panic!("unknown generator {other}"),
    }
}

/// Every entry's path and what it is (bytes of regular files, the target of links), without
/// following links or opening special files.
fn snapshot(dir: &Path) -> Vec<(String, String)> {
    fn walk(base: &Path, d: &Path, out: &mut Vec<(String, String)>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(base).unwrap().display().to_string();
            let m = std::fs::symlink_metadata(&p).unwrap();
            if m.file_type().is_symlink() {
                out.push((
                    rel,
                    format!("link {}", std::fs::read_link(&p).unwrap().display()),
                ));
            } else if m.is_dir() {
                out.push((rel, "dir".into()));
                walk(base, &p, out);
            } else if m.is_file() {
                let bytes = if m.len() > 1 << 20 {
                    format!("{} bytes", m.len())
                } else {
                    String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned()
                };
                out.push((rel, bytes));
            } else {
                out.push((rel, "special".into()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Bytes a terminal would act on: controls other than a line break (CSV lines end in CR LF), DEL,
/// C1 controls and the bidirectional overrides.
fn terminal_controls(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let ok_break = c == '\n' || (c == '\r' && chars.peek() == Some(&'\n'));
        if !ok_break && lexgap::diag::is_unsafe_char(c) {
            return Some(format!("U+{:04X}", c as u32));
        }
    }
    None
}

/// Runs one case; `Err` says what went wrong.
fn run_case(case: &Path) -> Result<(), String> {
    let spec: Spec =
        serde_json::from_str(&std::fs::read_to_string(case.join("case.json")).unwrap())
            .map_err(|e| format!("bad case.json: {e}"))?;
    check_case(case, &spec).map_err(|e| format!("({}) {e}", spec.description))
}

fn check_case(case: &Path, spec: &Spec) -> Result<(), String> {
    let tree = build_tree(case, spec);
    let data = tree.path().display().to_string();
    let sub = |s: &str| s.replace("{data}", &data);
    let before = snapshot(tree.path());
    let args: Vec<String> = spec
        .args
        .clone()
        .unwrap_or_else(|| {
            ["validate", "--format", "json", "--data", "{data}"]
                .map(String::from)
                .to_vec()
        })
        .iter()
        .map(|a| sub(a))
        .collect();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lexgap"));
    cmd.args(&args)
        .env("LEXGAP_TODAY", "2026-11-24")
        .env_remove("LEXGAP_DATA")
        .current_dir(tree.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in &spec.env {
        cmd.env(k, sub(v));
    }
    let child = cmd.spawn().unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let start = Instant::now();
    let out = match rx.recv_timeout(HANG) {
        Ok(o) => o.unwrap(),
        Err(_) => {
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
            return Err(format!("hung: still running after {:?}", start.elapsed()));
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let show = || {
        format!(
            "\n  stdout: {}\n  stderr: {}",
            stdout.chars().take(1500).collect::<String>(),
            stderr.chars().take(1500).collect::<String>()
        )
    };
    if out.status.code() != Some(spec.expect.exit) {
        return Err(format!(
            "exit {:?}, expected {}{}",
            out.status.code(),
            spec.expect.exit,
            show()
        ));
    }
    if stderr.contains("panicked") || stderr.contains("overflow") {
        return Err(format!("panicked{}", show()));
    }
    for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        if let Some(c) = terminal_controls(bytes) {
            return Err(format!(
                "{name} carries the control character {c}{}",
                show()
            ));
        }
    }
    let e = &spec.expect;
    let code = e.code.as_deref().unwrap_or("");
    let found = e.code.is_none()
        || match serde_json::from_str::<serde_json::Value>(&stdout)
            .ok()
            .and_then(|v| v.get("diagnostics").cloned())
        {
            Some(diags) => {
                let diags = diags.as_array().unwrap();
                // Every problem in a file that was read names its line.
                for d in diags {
                    let f = d["file"].as_str().unwrap_or("");
                    let p = tree.path().join(f);
                    let read = lexgap::load::tree::place_of(f).is_some()
                        && std::fs::symlink_metadata(&p)
                            .is_ok_and(|m| m.is_file() && m.len() <= lexgap::files::MAX_FILE_BYTES);
                    if read && d.get("line").is_none() {
                        return Err(format!("no line in {d}"));
                    }
                }
                diags.iter().any(|d| {
                    d["code"] == code
                        && d["file"] == e.file.as_str()
                        && e.pointer
                            .as_ref()
                            .is_none_or(|p| d["pointer"] == p.as_str())
                        && !d["message"].as_str().unwrap_or("").is_empty()
                })
            }
            // Text: a line `error[code]: …file… at `pointer`` on either stream.
            None => stdout.lines().chain(stderr.lines()).any(|l| {
                (l.starts_with(&format!("error[{code}]"))
                    || l.starts_with(&format!("warning[{code}]")))
                    && l.contains(&e.file)
                    && e.pointer
                        .as_ref()
                        .is_none_or(|p| p.is_empty() || l.contains(&format!("at `{p}`")))
            }),
        };
    if !found {
        return Err(format!(
            "no `{code}` at {} {:?}{}",
            e.file,
            e.pointer,
            show()
        ));
    }
    for s in &e.stdout_has {
        if !stdout.contains(&sub(s)) {
            return Err(format!("stdout lacks {s:?}{}", show()));
        }
    }
    for s in &e.stdout_lacks {
        if stdout.contains(&sub(s)) {
            return Err(format!("stdout has {s:?}{}", show()));
        }
    }
    for s in &e.stderr_has {
        if !stderr.contains(&sub(s)) {
            return Err(format!("stderr lacks {s:?}{}", show()));
        }
    }
    for s in &e.stderr_lacks {
        if stderr.contains(&sub(s)) {
            return Err(format!("stderr has {s:?}{}", show()));
        }
    }
    let mut after = snapshot(tree.path());
    let mut before = before;
    let allowed = |(p, _): &(String, String)| !e.changes.iter().any(|c| p.starts_with(c.as_str()));
    before.retain(allowed);
    after.retain(allowed);
    if before != after {
        let changed: Vec<&String> = after
            .iter()
            .filter(|x| !before.contains(x))
            .map(|(p, _)| p)
            .chain(before.iter().filter(|x| !after.contains(x)).map(|(p, _)| p))
            .collect();
        return Err(format!("the command changed the tree: {changed:?}"));
    }
    Ok(())
}

#[test]
fn every_hostile_input_is_reported_precisely() {
    let dir = common::root().join("tests/corpus");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(
        names.len() >= 100,
        "the corpus should hold at least 100 cases, not {}",
        names.len()
    );
    // Two workers: the cases are independent processes.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(case) = names.get(i) else { break };
                if let Err(e) = run_case(case) {
                    let name = case.file_name().unwrap().to_string_lossy().into_owned();
                    failures.lock().unwrap().push(format!("{name} {e}"));
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Loads one corpus case's tree through the library.
fn load_case(name: &str) -> lexgap::load::Loaded {
    let case = common::root().join("tests/corpus").join(name);
    let spec: Spec =
        serde_json::from_str(&std::fs::read_to_string(case.join("case.json")).unwrap()).unwrap();
    let tree = build_tree(&case, &spec);
    common::load(tree.path())
}

#[test]
fn malformed_json_names_line_and_column() {
    let l = load_case("malformed-json-deep");
    let d = l
        .diagnostics
        .items
        .iter()
        .find(|d| d.code == "malformed-json")
        .unwrap();
    assert!(d.line.unwrap() > 10 && d.column.is_some(), "{d:?}");
    let text = d.to_string();
    assert!(text.contains("instruments/plans/mini-2010.json:"), "{text}");
}

#[test]
fn all_problems_are_reported_in_one_run() {
    let tmp = common::copy_tree(&common::root().join("tests/fixtures/mini"));
    std::fs::write(tmp.path().join("countries/CCC.json"), "").unwrap();
    std::fs::write(tmp.path().join("countries/DDD.json"), "{").unwrap();
    let l = common::load(tmp.path());
    let files: std::collections::BTreeSet<&str> = l
        .diagnostics
        .items
        .iter()
        .filter(|d| d.severity == lexgap::diag::Severity::Error)
        .map(|d| d.file.as_str())
        .collect();
    assert!(
        files.contains("countries/CCC.json") && files.contains("countries/DDD.json"),
        "{files:?}"
    );
}

#[test]
fn schema_errors_carry_a_line_number() {
    let l = load_case("wrong-type");
    let d = l
        .diagnostics
        .items
        .iter()
        .find(|d| d.code == "wrong-type")
        .unwrap();
    assert_eq!(d.line, Some(4), "{d:?}");
    assert_eq!(d.found.as_deref(), Some("12"));
}

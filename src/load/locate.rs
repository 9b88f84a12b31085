//! Finds where a JSON pointer lands in the source text, so diagnostics can give a line, and finds
//! duplicate object keys, which `serde_json` silently collapses to the last one.
//!
//! Only run on text `serde_json` has already parsed, so the input is well formed and nesting is bounded
//! by its recursion limit.

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Scanner<'a> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    /// At a `"`: skips the string and returns its decoded content.
    fn string(&mut self) -> Option<String> {
        let start = self.i;
        self.i += 1;
        let mut escaped = false;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\\' => {
                    escaped = true;
                    self.i += 2;
                    continue;
                }
                b'"' => break,
                _ => self.i += 1,
            }
        }
        let end = self.i.min(self.b.len());
        self.i += 1;
        let raw = std::str::from_utf8(self.b.get(start + 1..end)?).ok()?;
        if escaped {
            serde_json::from_str::<String>(std::str::from_utf8(self.b.get(start..end + 1)?).ok()?)
                .ok()
        } else {
            Some(raw.to_string())
        }
    }

    fn value(
        &mut self,
        visit: &mut dyn FnMut(&str, usize, Event),
        path: &mut String,
    ) -> Option<()> {
        self.ws();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut seen: Vec<String> = Vec::new();
                loop {
                    self.ws();
                    match *self.b.get(self.i)? {
                        b'}' => {
                            self.i += 1;
                            return Some(());
                        }
                        b',' => {
                            self.i += 1;
                            continue;
                        }
                        _ => {}
                    }
                    let key_at = self.i;
                    let key = self.string()?;
                    let len = path.len();
                    path.push('/');
                    path.push_str(&escape_token(&key));
                    if seen.contains(&key) {
                        visit(path, key_at, Event::DuplicateKey);
                    } else {
                        seen.push(key);
                    }
                    self.ws();
                    self.i += 1; // ':'
                    self.ws();
                    visit(path, self.i, Event::Value);
                    self.value(visit, path)?;
                    path.truncate(len);
                }
            }
            b'[' => {
                self.i += 1;
                let mut n = 0usize;
                loop {
                    self.ws();
                    match *self.b.get(self.i)? {
                        b']' => {
                            self.i += 1;
                            return Some(());
                        }
                        b',' => {
                            self.i += 1;
                            continue;
                        }
                        _ => {}
                    }
                    let len = path.len();
                    path.push('/');
                    path.push_str(&n.to_string());
                    visit(path, self.i, Event::Value);
                    self.value(visit, path)?;
                    path.truncate(len);
                    n += 1;
                }
            }
            b'"' => self.string().map(|_| ()),
            _ => {
                while self.i < self.b.len()
                    && !matches!(
                        self.b[self.i],
                        b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
                    )
                {
                    self.i += 1;
                }
                Some(())
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Event {
    Value,
    DuplicateKey,
}

/// RFC 6901 escaping of one reference token.
pub fn escape_token(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// 1-based line and column of byte offset `at`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let upto = &text.as_bytes()[..at.min(text.len())];
    let line = upto.iter().filter(|&&c| c == b'\n').count() + 1;
    let col = upto.iter().rev().take_while(|&&c| c != b'\n').count() + 1;
    (line, col)
}

fn walk(text: &str, visit: &mut dyn FnMut(&str, usize, Event)) {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    let mut path = String::new();
    s.ws();
    visit("", s.i, Event::Value);
    let _ = s.value(visit, &mut path);
}

/// Line and column where the value at `pointer` starts.
pub fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let mut found = None;
    walk(text, &mut |path, at, ev| {
        if found.is_none() && ev == Event::Value && path == pointer {
            found = Some(at);
        }
    });
    found.map(|at| line_col(text, at))
}

/// Every key that repeats within one object: (pointer, line, column) of the repeat.
pub fn duplicate_keys(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    walk(text, &mut |path, at, ev| {
        if ev == Event::DuplicateKey {
            let (l, c) = line_col(text, at);
            out.push((path.to_string(), l, c));
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_nested_values() {
        let t = "{\n  \"a\": [1,\n  {\"b/c\": \"x\"}]\n}";
        assert_eq!(locate(t, "/a/1/b~1c").map(|p| p.0), Some(3));
        assert_eq!(locate(t, "/a/0"), Some((2, 9)));
        assert_eq!(locate(t, "/zz"), None);
    }

    #[test]
    fn finds_duplicate_keys() {
        let t = "{\"a\": 1,\n \"b\": {\"c\": 1, \"c\": 2}, \"a\": 3}";
        let d = duplicate_keys(t);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].0, "/b/c");
        assert_eq!(d[1].0, "/a");
    }
}

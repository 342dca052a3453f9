//! Finds where a value sits in JSON text, so problems found after parsing
//! (a dangling reference, a duplicate id) can be reported with a line and a
//! column, like syntax errors are.

use crate::model::{DocPath, PathSeg};

/// A 1-based line and column (in characters) in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of a byte offset in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let before = &text.as_bytes()[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = text
            .get(line_start..offset)
            .map_or(offset - line_start, |s| s.chars().count())
            + 1;
        Self { line, column }
    }
}

/// The position of the value at `path` in the JSON `text`, or of the deepest
/// enclosing value that exists. `None` if the text is not JSON at all.
pub fn locate(text: &str, path: &DocPath) -> Option<Position> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    s.ws();
    let offset = s.find(&path.0)?;
    Some(Position::of_offset(text, offset))
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Descends along `path` from the value at the cursor; returns the offset
    /// of the deepest value reached.
    fn find(&mut self, path: &[PathSeg]) -> Option<usize> {
        let start = self.i;
        let Some((seg, rest)) = path.split_first() else {
            return Some(start);
        };
        match (seg, self.peek()?) {
            (PathSeg::Key(key), b'{') => {
                self.i += 1;
                loop {
                    self.ws();
                    match self.peek()? {
                        b'}' => return Some(start),
                        b',' => {
                            self.i += 1;
                            continue;
                        }
                        b'"' => {}
                        _ => return Some(start),
                    }
                    let (k0, k1) = self.string()?;
                    self.ws();
                    if self.peek()? != b':' {
                        return Some(start);
                    }
                    self.i += 1;
                    self.ws();
                    if &self.b[k0..k1] == key.as_bytes() {
                        return self.find(rest).or(Some(start));
                    }
                    self.skip()?;
                }
            }
            (PathSeg::Index(n), b'[') => {
                self.i += 1;
                let mut index = 0;
                loop {
                    self.ws();
                    match self.peek()? {
                        b']' => return Some(start),
                        b',' => {
                            self.i += 1;
                            index += 1;
                            continue;
                        }
                        _ => {}
                    }
                    if index == *n {
                        return self.find(rest).or(Some(start));
                    }
                    self.skip()?;
                }
            }
            _ => Some(start),
        }
    }

    /// Reads a string at the cursor; returns the byte range of its contents.
    fn string(&mut self) -> Option<(usize, usize)> {
        self.i += 1;
        let start = self.i;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    return Some((start, self.i - 1));
                }
                _ => self.i += 1,
            }
        }
        None
    }

    /// Skips the value at the cursor, without recursion.
    fn skip(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.ws();
            match self.peek()? {
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.i += 1;
                    continue;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.i += 1;
                }
                b',' | b':' if depth > 0 => {
                    self.i += 1;
                    continue;
                }
                _ => {
                    while self.i < self.b.len()
                        && !matches!(self.b[self.i], b',' | b'}' | b']')
                        && !self.b[self.i].is_ascii_whitespace()
                    {
                        self.i += 1;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_falls_back_to_the_parent() {
        let text = "{\n  \"a\": [1, {\"s\": \"x\\\"}\"}, {\"b\": {\"c\": 7}}],\n  \"d\": 2\n}";
        let path = DocPath::root().key("a").index(2).key("b").key("c");
        assert_eq!(
            locate(text, &path),
            Some(Position {
                line: 2,
                column: 39
            })
        );
        let d = DocPath::root().key("d");
        assert_eq!(locate(text, &d), Some(Position { line: 3, column: 8 }));
        let missing = DocPath::root().key("a").index(1).key("zzz");
        assert_eq!(
            locate(text, &missing),
            Some(Position {
                line: 2,
                column: 12
            })
        );
    }
}

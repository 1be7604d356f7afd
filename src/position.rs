//! Byte offsets to line/column and back, in UTF-8, UTF-16 or Unicode scalar
//! columns. The CLI and the server both convert through here and nowhere else.

/// Which unit a column counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    Utf16,
    /// Unicode scalar values (what the JSON output's `column` counts).
    Chars,
}

/// Line starts of a text, for offset ↔ (line, column) conversion.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text).map(|i| i + 1));
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where `line` (0-based) starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// 0-based line and column of a byte offset (clamped into the text and
    /// back onto a character boundary).
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> (u32, u32) {
        let mut offset = offset.min(self.len);
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let segment = &text[self.starts[line]..offset];
        let col = match enc {
            Encoding::Utf8 => segment.len(),
            Encoding::Utf16 => segment.chars().map(char::len_utf16).sum(),
            Encoding::Chars => segment.chars().count(),
        };
        (line as u32, col as u32)
    }

    /// Byte offset of a 0-based (line, column). Lines past the end clamp to the
    /// end of the text; columns past the end of a line clamp to its end; a
    /// column inside a character (e.g. between UTF-16 surrogates) snaps to
    /// that character's start.
    pub fn offset(&self, text: &str, line: u32, col: u32, enc: Encoding) -> usize {
        let line = line as usize;
        let Some(&start) = self.starts.get(line) else {
            return self.len;
        };
        let end = self.starts.get(line + 1).map_or(self.len, |&next| next - 1);
        let line_text = text.get(start..end.max(start)).unwrap_or("");
        start + column_offset(line_text, col, enc)
    }
}

/// Byte offset within one line's text of a column counted in `enc`: past the
/// end clamps to the end; inside a character snaps to its start. Used by
/// [`LineIndex::offset`] and by the server to apply edits to a rope line.
pub fn column_offset(line_text: &str, col: u32, enc: Encoding) -> usize {
    let col = col as usize;
    match enc {
        Encoding::Utf8 => {
            let mut c = col.min(line_text.len());
            while c > 0 && !line_text.is_char_boundary(c) {
                c -= 1;
            }
            c
        }
        Encoding::Utf16 | Encoding::Chars => {
            let mut units = 0usize;
            for (i, ch) in line_text.char_indices() {
                let w = if enc == Encoding::Utf16 {
                    ch.len_utf16()
                } else {
                    1
                };
                if units + w > col {
                    return i;
                }
                units += w;
            }
            line_text.len()
        }
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_in_every_encoding() {
        let text = "a😀b\nçd\n\nlast";
        let idx = LineIndex::new(text);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
            for (off, _) in text.char_indices() {
                let (l, c) = idx.position(text, off, enc);
                assert_eq!(idx.offset(text, l, c, enc), off, "{enc:?} {off}");
            }
        }
        assert_eq!(idx.position(text, 5, Encoding::Utf16), (0, 3));
        assert_eq!(idx.position(text, 5, Encoding::Chars), (0, 2));
    }

    #[test]
    fn clamps_out_of_range_and_mid_surrogate() {
        let text = "a😀b";
        let idx = LineIndex::new(text);
        assert_eq!(idx.offset(text, 0, 2, Encoding::Utf16), 1);
        assert_eq!(idx.offset(text, 7, 0, Encoding::Utf16), text.len());
        assert_eq!(idx.offset(text, 0, 99, Encoding::Utf8), text.len());
        assert_eq!(idx.position(text, 3, Encoding::Utf8), (0, 1));
    }
}

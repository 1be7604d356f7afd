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
///
/// Besides line starts it records where the multi-byte characters are, with
/// running totals of the bytes they add beyond one UTF-16 unit and beyond one
/// character, so an offset's column takes two binary searches whatever the
/// length of its line (a finding on a 200 KB line costs no more than one on a
/// short line).
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// The multi-byte characters, by ascending byte offset, each with the
    /// running totals of the UTF-8 bytes beyond UTF-16 units and beyond one
    /// per character of the wide characters up to and including it.
    wide: Vec<Wide>,
}

#[derive(Clone, Copy, Debug)]
struct Wide {
    at: usize,
    extra16: usize,
    extra_chars: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 64 + 1);
        starts.push(0);
        let mut wide = Vec::new();
        let (mut e16, mut ec) = (0, 0);
        let mut mark = |at: usize, b: u8, starts: &mut Vec<usize>, wide: &mut Vec<Wide>| {
            if b == b'\n' {
                starts.push(at + 1);
            } else if b >= 0xC0 {
                // A lead byte: 110xxxxx, 1110xxxx or 11110xxx.
                let len8 = if b >= 0xF0 {
                    4
                } else if b >= 0xE0 {
                    3
                } else {
                    2
                };
                let len16 = if len8 == 4 { 2 } else { 1 };
                e16 += len8 - len16;
                ec += len8 - 1;
                wide.push(Wide {
                    at,
                    extra16: e16,
                    extra_chars: ec,
                });
            }
        };
        // Eight bytes at a time: a mask of the newlines and lead bytes in
        // the chunk (exact per byte), then only those bytes looked at.
        const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const NL: u64 = 0x0A0A_0A0A_0A0A_0A0A;
        let mut chunks = bytes.chunks_exact(8);
        let mut i = 0;
        for chunk in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            let w = u64::from_le_bytes(w);
            // The high bit of each byte of `w` equal to a newline.
            let x = w ^ NL;
            let newline = !(((x & LOW7) + LOW7) | x) & HIGH;
            // The high bit of each byte with its two top bits set.
            let lead = w & (w << 1) & HIGH;
            let mut m = newline | lead;
            while m != 0 {
                let k = (m.trailing_zeros() / 8) as usize;
                mark(i + k, chunk[k], &mut starts, &mut wide);
                m &= m - 1;
            }
            i += 8;
        }
        for (k, &b) in chunks.remainder().iter().enumerate() {
            mark(i + k, b, &mut starts, &mut wide);
        }
        LineIndex {
            starts,
            len: text.len(),
            wide,
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
        let mut offset = offset.min(self.len).min(text.len());
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let bytes = offset - start;
        let col = match enc {
            Encoding::Utf8 => bytes,
            Encoding::Utf16 | Encoding::Chars => {
                // The extra bytes of the wide characters before `i`.
                let extra = |i: usize| match i.checked_sub(1).map(|i| self.wide[i]) {
                    None => 0,
                    Some(w) if enc == Encoding::Utf16 => w.extra16,
                    Some(w) => w.extra_chars,
                };
                let a = self.wide.partition_point(|w| w.at < start);
                let b = self.wide.partition_point(|w| w.at < offset);
                bytes - (extra(b) - extra(a))
            }
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
    fn columns_match_counting_characters() {
        let text = "“Ça” — 😀 x\né😀😀ab\n\n𝄞 end “";
        let idx = LineIndex::new(text);
        for (off, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let start = text[..off].rfind('\n').map_or(0, |i| i + 1);
            let seg = &text[start..off];
            let line = text[..off].matches('\n').count() as u32;
            let utf16: usize = seg.chars().map(char::len_utf16).sum();
            let chars = seg.chars().count();
            assert_eq!(
                idx.position(text, off, Encoding::Utf8),
                (line, seg.len() as u32)
            );
            assert_eq!(
                idx.position(text, off, Encoding::Utf16),
                (line, utf16 as u32)
            );
            assert_eq!(
                idx.position(text, off, Encoding::Chars),
                (line, chars as u32)
            );
        }
    }

    /// The eight-byte skip in `new` misses no newline or wide character,
    /// wherever it falls in a chunk.
    #[test]
    fn finds_lines_and_wide_characters_at_every_chunk_offset() {
        for special in ["\n", "é", "😀", "\n\n", "—"] {
            for at in 0..24 {
                let text = format!("{}{special}{}", "a".repeat(at), "b".repeat(19));
                let idx = LineIndex::new(&text);
                for (off, _) in text.char_indices().chain([(text.len(), ' ')]) {
                    let start = text[..off].rfind('\n').map_or(0, |i| i + 1);
                    let line = text[..off].matches('\n').count() as u32;
                    let utf16: usize = text[start..off].chars().map(char::len_utf16).sum();
                    assert_eq!(
                        idx.position(&text, off, Encoding::Utf16),
                        (line, utf16 as u32),
                        "{text:?} {off}"
                    );
                }
                assert_eq!(idx.line_count(), text.matches('\n').count() + 1);
            }
        }
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

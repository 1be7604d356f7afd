//! The one place where the server converts between LSP positions and byte
//! offsets. Columns are counted by `copydesk::position` (the negotiated
//! encoding); this module only finds lines.
//!
//! Lines are split on `\n` only, both here (ropey is built without CR/Unicode
//! line breaks) and in [`LineIndex`], so the two always agree.

use copydesk::position::{column_offset, Encoding, LineIndex};
use copydesk::Span;
use ropey::Rope;
use std::borrow::Cow;
use tower_lsp::lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// One analysed version of a document: its text and line index.
#[derive(Clone, Copy)]
pub struct Lines<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub enc: Encoding,
}

impl Lines<'_> {
    pub fn position(&self, offset: usize) -> Position {
        let (line, character) = self.index.position(self.text, offset, self.enc);
        Position { line, character }
    }

    pub fn range(&self, span: Span) -> Range {
        Range {
            start: self.position(span.start),
            end: self.position(span.end.max(span.start)),
        }
    }

    /// Byte offset of a position, clamped into the text.
    pub fn offset(&self, pos: Position) -> usize {
        self.index
            .offset(self.text, pos.line, pos.character, self.enc)
    }

    /// 1-based line number of an offset, for messages and hover cards.
    pub fn line_number(&self, offset: usize) -> u32 {
        self.position(offset).line + 1
    }
}

/// Byte offset in `rope` of an LSP position, clamped like [`LineIndex::offset`]:
/// a line past the end gives the end of the text, a column past the end of
/// its line gives the end of the line.
pub fn rope_offset(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_bytes();
    }
    let start = rope.line_to_byte(line);
    let text: Cow<str> = rope.line(line).into();
    let text = text.strip_suffix('\n').unwrap_or(&text);
    start + column_offset(text, pos.character, enc)
}

/// Applies one `didChange` content change to the rope. Never panics:
/// out-of-range positions clamp, reversed ranges are put in order.
pub fn apply_change(rope: &mut Rope, change: &TextDocumentContentChangeEvent, enc: Encoding) {
    let Some(range) = change.range else {
        *rope = Rope::from_str(&change.text);
        return;
    };
    let a = rope_offset(rope, range.start, enc);
    let b = rope_offset(rope, range.end, enc);
    let (start, end) = (a.min(b), a.max(b));
    let start = rope.byte_to_char(start);
    let end = rope.byte_to_char(end);
    if end > start {
        rope.remove(start..end);
    }
    if !change.text.is_empty() {
        rope.insert(start, &change.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn change(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range {
                start: Position {
                    line: l0,
                    character: c0,
                },
                end: Position {
                    line: l1,
                    character: c1,
                },
            }),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn edits_in_each_encoding() {
        // (text, change, encoding, expected)
        let cases: &[(&str, TextDocumentContentChangeEvent, Encoding, &str)] = &[
            (
                "ab\ncd",
                change(1, 1, 1, 1, "X"),
                Encoding::Utf16,
                "ab\ncXd",
            ),
            ("a😀b", change(0, 3, 0, 3, "X"), Encoding::Utf16, "a😀Xb"),
            ("a😀b", change(0, 5, 0, 5, "X"), Encoding::Utf8, "a😀Xb"),
            // A column between surrogates snaps back to the emoji's start.
            ("a😀b", change(0, 2, 0, 2, "X"), Encoding::Utf16, "aX😀b"),
            ("é\nx", change(0, 1, 1, 0, ""), Encoding::Utf16, "éx"),
            // Out of range: clamps to the end of the line / text.
            (
                "ab\ncd",
                change(0, 99, 0, 99, "!"),
                Encoding::Utf16,
                "ab!\ncd",
            ),
            (
                "ab\ncd",
                change(9, 0, 12, 4, "!"),
                Encoding::Utf16,
                "ab\ncd!",
            ),
            // Reversed range.
            ("abcd", change(0, 3, 0, 1, ""), Encoding::Utf16, "ad"),
            ("a\r\nb", change(0, 1, 1, 0, ""), Encoding::Utf16, "ab"),
        ];
        for (text, ch, enc, want) in cases {
            let mut rope = Rope::from_str(text);
            apply_change(&mut rope, ch, *enc);
            assert_eq!(rope.to_string(), *want, "{text:?} {ch:?}");
        }
    }

    #[test]
    fn full_replacement() {
        let mut rope = Rope::from_str("old");
        let ch = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new\ntext".into(),
        };
        apply_change(&mut rope, &ch, Encoding::Utf16);
        assert_eq!(rope.to_string(), "new\ntext");
    }

    fn model_offset(text: &str, pos: Position, enc: Encoding) -> usize {
        let idx = LineIndex::new(text);
        idx.offset(text, pos.line, pos.character, enc)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Rope edits agree with the same edits applied to a String through LineIndex.
        #[test]
        fn rope_matches_string_model(
            start in "[a-c😀é\n ]{0,12}",
            edits in prop::collection::vec((0u32..4, 0u32..8, 0u32..4, 0u32..8, "[x😀\n]{0,3}"), 1..8),
            utf8 in any::<bool>(),
        ) {
            let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            let mut rope = Rope::from_str(&start);
            let mut model = start.clone();
            for (l0, c0, l1, c1, t) in edits {
                let ch = change(l0, c0, l1, c1, &t);
                let r = ch.range.unwrap();
                let a = model_offset(&model, r.start, enc);
                let b = model_offset(&model, r.end, enc);
                model.replace_range(a.min(b)..a.max(b), &t);
                apply_change(&mut rope, &ch, enc);
                prop_assert_eq!(rope.to_string(), model.clone());
            }
        }
    }
}

//! Random edit sequences through the server's document layer
//! (`src/server/convert.rs`: LSP positions → rope edits), checked against the
//! same edits applied to a `String` through `LineIndex`, and the final text's
//! incremental analysis checked against the same text analysed fresh.
#![no_main]

#[allow(dead_code)]
#[path = "../../src/server/convert.rs"]
mod convert;

use copydesk::position::{Encoding, LineIndex};
use copydesk::{analyze, Analyzer, Format, Options};
use libfuzzer_sys::fuzz_target;
use ropey::Rope;
use tower_lsp::lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// Reads the fuzzer's bytes as a little program of edits.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }
    fn num(&mut self) -> Option<u32> {
        // Mostly small, sometimes huge (out of range).
        let b = self.byte()?;
        Some(match b {
            0xF0..=0xFF => u32::MAX - (b as u32 & 0x0F),
            0xC0..=0xEF => (b as u32 - 0xC0) * 37,
            _ => b as u32 & 0x3F,
        })
    }
    fn text(&mut self) -> Option<String> {
        let n = (self.byte()? & 0x1F) as usize;
        let n = n.min(self.0.len());
        let (t, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(String::from_utf8_lossy(t).into_owned())
    }
}

fn model_offset(text: &str, pos: Position, enc: Encoding) -> usize {
    LineIndex::new(text).offset(text, pos.line, pos.character, enc)
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes(data);
    let Some(head) = b.byte() else { return };
    let enc = [Encoding::Utf8, Encoding::Utf16, Encoding::Chars][head as usize % 3];
    let format = if head & 4 == 0 {
        Format::Markdown
    } else {
        Format::PlainText
    };
    let Some(start) = b.text() else { return };
    let mut rope = Rope::from_str(&start);
    let mut model = start;
    let mut opts = Options::new(format);
    opts.today = chrono::NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
    let mut analyzer = Analyzer::new();
    let mut edits = 0;
    while edits < 64 {
        let Some(kind) = b.byte() else { break };
        let (Some(l0), Some(c0), Some(l1), Some(c1), Some(t)) =
            (b.num(), b.num(), b.num(), b.num(), b.text())
        else {
            break;
        };
        let change = if kind == 0xFF {
            // A full-text replacement.
            TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: t.clone(),
            }
        } else {
            let range = Range {
                start: Position { line: l0, character: c0 },
                end: Position { line: l1, character: c1 },
            };
            TextDocumentContentChangeEvent {
                range: Some(range),
                range_length: None,
                text: t.clone(),
            }
        };
        match change.range {
            None => model = t,
            Some(r) => {
                let x = model_offset(&model, r.start, enc);
                let y = model_offset(&model, r.end, enc);
                model.replace_range(x.min(y)..x.max(y), &t);
            }
        }
        convert::apply_change(&mut rope, &change, enc);
        edits += 1;
        if kind & 0x80 != 0 {
            // Analyse intermediate versions too, like the server does.
            let text = String::from(&rope);
            assert_eq!(text, model);
            let _ = analyzer.analyze(&text, &opts);
        }
    }
    let text = String::from(&rope);
    assert_eq!(text, model, "rope and string model diverged");
    let incremental = analyzer.analyze(&text, &opts);
    let fresh = analyze(&text, &opts);
    assert_eq!(incremental.findings, fresh.findings);
    // The server converts every finding to an LSP range and back.
    let idx = LineIndex::new(&text);
    let lines = convert::Lines { text: &text, index: &idx, enc };
    for f in &fresh.findings {
        let r = lines.range(f.span);
        assert_eq!(lines.offset(r.start), f.span.start);
        assert_eq!(lines.offset(r.end), f.span.end);
        assert_eq!(convert::rope_offset(&rope, r.start, enc), f.span.start);
    }
});

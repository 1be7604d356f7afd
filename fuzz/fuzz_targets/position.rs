//! `LineIndex` on arbitrary text, in all three encodings, against a naive
//! model that counts characters: positions agree, offset → position → offset
//! round-trips on every character boundary, and out-of-range or
//! mid-character inputs clamp onto a boundary inside the text.
#![no_main]

use copydesk::position::{Encoding, LineIndex};
use libfuzzer_sys::fuzz_target;

const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Chars];

fn width(c: char, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => c.len_utf8(),
        Encoding::Utf16 => c.len_utf16(),
        Encoding::Chars => 1,
    }
}

fuzz_target!(|data: &[u8]| {
    // The last 8 bytes (if any) are probe numbers; the rest is the text.
    let split = data.len().saturating_sub(8);
    let text = String::from_utf8_lossy(&data[..split]);
    let text: &str = &text;
    let probes = &data[split..];
    let idx = LineIndex::new(text);
    assert_eq!(idx.line_count(), text.matches('\n').count() + 1);

    for enc in ENCODINGS {
        // Walk the text once, keeping the model's line and column.
        let (mut line, mut col) = (0u32, 0usize);
        let mut chars = text.char_indices().peekable();
        loop {
            let (off, c) = match chars.next() {
                Some((o, c)) => (o, Some(c)),
                None => (text.len(), None),
            };
            assert_eq!(
                idx.position(text, off, enc),
                (line, col as u32),
                "{enc:?} offset {off}"
            );
            assert_eq!(idx.offset(text, line, col as u32, enc), off, "{enc:?} round trip {off}");
            // Inside a wide character, a position snaps to its start; an
            // offset column inside it snaps back too.
            if let Some(c) = c {
                for inner in 1..c.len_utf8() {
                    assert_eq!(idx.position(text, off + inner, enc), (line, col as u32));
                }
                for inner in 1..width(c, enc) {
                    assert_eq!(idx.offset(text, line, (col + inner) as u32, enc), off);
                }
                if c == '\n' {
                    // Past the end of the line clamps to the line's end.
                    assert_eq!(idx.offset(text, line, col as u32 + 1000, enc), off);
                    line += 1;
                    col = 0;
                } else {
                    col += width(c, enc);
                }
            } else {
                assert_eq!(idx.offset(text, line, col as u32 + 1000, enc), text.len());
                break;
            }
        }
        // Lines past the end clamp to the end of the text.
        assert_eq!(idx.offset(text, line + 1, 0, enc), text.len());
        assert_eq!(idx.offset(text, u32::MAX, u32::MAX, enc), text.len());
        // Arbitrary probes: never panic, always a boundary inside the text.
        for w in probes.windows(2) {
            let (l, c) = (w[0] as u32, (w[1] as u32) * 3);
            let o = idx.offset(text, l, c, enc);
            assert!(o <= text.len() && text.is_char_boundary(o));
            let o = (w[0] as usize) << 4 | w[1] as usize;
            let (l, _) = idx.position(text, o, enc);
            assert!(l <= line);
        }
        assert_eq!(idx.position(text, usize::MAX, enc).0, line);
    }
});

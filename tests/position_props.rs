//! Property tests for `LineIndex` (the same invariants as the `position`
//! fuzz target, short runs): positions agree with counting characters,
//! offset → position → offset round-trips, mid-character offsets and columns
//! snap to the character's start, and out-of-range input clamps.

use copydesk::position::{Encoding, LineIndex};
use proptest::prelude::*;

const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Chars];

fn width(c: char, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => c.len_utf8(),
        Encoding::Utf16 => c.len_utf16(),
        Encoding::Chars => 1,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn line_index_matches_a_naive_model(text in "[a\\n\\r é“😀𝄞\\u{0}]{0,40}") {
        let idx = LineIndex::new(&text);
        prop_assert_eq!(idx.line_count(), text.matches('\n').count() + 1);
        for enc in ENCODINGS {
            let (mut line, mut col) = (0u32, 0usize);
            let ends = text.char_indices().map(|(o, c)| (o, Some(c))).chain([(text.len(), None)]);
            for (off, c) in ends {
                prop_assert_eq!(idx.position(&text, off, enc), (line, col as u32));
                prop_assert_eq!(idx.offset(&text, line, col as u32, enc), off);
                let Some(c) = c else {
                    prop_assert_eq!(idx.offset(&text, line, col as u32 + 99, enc), text.len());
                    prop_assert_eq!(idx.offset(&text, line + 1, 0, enc), text.len());
                    break;
                };
                for inner in 1..c.len_utf8() {
                    prop_assert_eq!(idx.position(&text, off + inner, enc), (line, col as u32));
                }
                for inner in 1..width(c, enc) {
                    prop_assert_eq!(idx.offset(&text, line, (col + inner) as u32, enc), off);
                }
                if c == '\n' {
                    prop_assert_eq!(idx.offset(&text, line, col as u32 + 99, enc), off);
                    line += 1;
                    col = 0;
                } else {
                    col += width(c, enc);
                }
            }
            prop_assert_eq!(idx.position(&text, usize::MAX, enc).0, line);
        }
    }

    #[test]
    fn arbitrary_positions_land_on_boundaries(
        text in "[ab\\n😀é]{0,30}",
        probes in prop::collection::vec((0u32..12, 0u32..40), 0..20),
    ) {
        let idx = LineIndex::new(&text);
        for enc in ENCODINGS {
            for &(l, c) in &probes {
                let o = idx.offset(&text, l, c, enc);
                prop_assert!(o <= text.len() && text.is_char_boundary(o));
                let (pl, pc) = idx.position(&text, o, enc);
                prop_assert_eq!(idx.offset(&text, pl, pc, enc), o);
            }
        }
    }
}

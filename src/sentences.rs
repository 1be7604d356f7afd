//! Sentence splitting (AP abbreviations aware) and quotation spans.

use crate::document::{BlockKind, Document};
use crate::span::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into `Document::blocks`.
    pub block: usize,
    /// Position within its block (0 = first sentence of the paragraph).
    pub index_in_block: usize,
}

/// A stretch of text inside quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Including the quotation marks.
    pub span: Span,
    /// Between the marks.
    pub inner: Span,
    pub block: usize,
    /// Four or more words, or a whole utterance: a direct quotation rather than
    /// a scare quote, term or title.
    pub direct: bool,
    /// Opened in this block and still open at its end (AP multi-paragraph quote).
    pub unclosed: bool,
    /// Continues a quotation left open by the previous paragraph.
    pub continued: bool,
}

/// Abbreviations after which a period does not end a sentence (AP style, plus
/// common titles and corporate suffixes).
fn is_listed_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Reps"
            | "Sens"
            | "Sgt"
            | "Det"
            | "Capt"
            | "Lt"
            | "Col"
            | "Gen"
            | "Cmdr"
            | "Adm"
            | "Maj"
            | "Cpl"
            | "Pvt"
            | "Prof"
            | "Rev"
            | "Hon"
            | "Pres"
            | "Supt"
            | "Insp"
            | "Atty"
            | "St"
            | "Ste"
            | "Ave"
            | "Blvd"
            | "Rd"
            | "Mt"
            | "Ft"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Co"
            | "Corp"
            | "Ltd"
            | "Bros"
            | "No"
            | "Nos"
            | "vs"
            | "v"
            | "etc"
            | "approx"
            | "Ala"
            | "Ariz"
            | "Ark"
            | "Calif"
            | "Colo"
            | "Conn"
            | "Del"
            | "Fla"
            | "Ga"
            | "Ill"
            | "Ind"
            | "Kan"
            | "Ky"
            | "La"
            | "Md"
            | "Mass"
            | "Mich"
            | "Minn"
            | "Miss"
            | "Mo"
            | "Mont"
            | "Neb"
            | "Nev"
            | "Okla"
            | "Ore"
            | "Pa"
            | "Tenn"
            | "Vt"
            | "Va"
            | "Wash"
            | "Wis"
            | "Wyo"
            | "U.S"
            | "U.N"
            | "U.K"
            | "D.C"
            | "a.m"
            | "p.m"
            | "S"
            | "N"
            | "E"
            | "W"
            | "Ph.D"
            | "Univ"
            | "Dept"
            | "Gov't"
            | "Msgr"
            | "Fr"
            | "Mme"
            | "Messrs"
            | "est"
            | "ca"
    )
}

fn is_abbreviation(word: &str) -> bool {
    if is_listed_abbreviation(word) {
        return true;
    }
    // Initials and dotted abbreviations: "J.", "U.S.", "N.Y."
    word.split('.').all(|p| {
        let mut cs = p.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
    })
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '*' | '_')
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '`' | '[')
}

/// Splits the checked and exempt blocks of `doc` into sentences.
pub fn split(doc: &Document) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        if !has_sentences(block.kind) {
            continue;
        }
        split_span(&doc.prose, block.span, &mut |span| {
            out.push(Sentence {
                span,
                block: bi,
                index_in_block: 0,
            })
        });
        number_in_block(&mut out);
    }
    out
}

/// Tables and images are read as a whole, not as sentences.
pub fn has_sentences(kind: BlockKind) -> bool {
    kind != BlockKind::Table && kind != BlockKind::Image
}

/// Numbers the trailing run of sentences that share the last one's block.
pub fn number_in_block(sentences: &mut [Sentence]) {
    let Some(last) = sentences.last() else { return };
    let block = last.block;
    let run = sentences
        .iter()
        .rev()
        .take_while(|s| s.block == block)
        .count();
    let n = sentences.len();
    for (i, s) in sentences[n - run..].iter_mut().enumerate() {
        s.index_in_block = i;
    }
}

/// Index of the first byte of `hay` equal to one of `set`: sixteen bytes
/// at a time with SSE2 (part of every x86-64), then eight at a time.
#[inline(always)]
pub(crate) fn find_any_of4(hay: &[u8], set: [u8; 4]) -> Option<usize> {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        use std::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
            _mm_set1_epi8,
        };
        let mut chunks = hay.chunks_exact(16);
        let mut at = 0;
        // SAFETY: the build enables SSE2 (cfg above), and each load reads
        // the sixteen bytes of its `chunk`, unaligned.
        unsafe {
            let [a, b, c, d] = set.map(|x| _mm_set1_epi8(x as i8));
            for chunk in &mut chunks {
                let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
                let hit = _mm_or_si128(
                    _mm_or_si128(_mm_cmpeq_epi8(v, a), _mm_cmpeq_epi8(v, b)),
                    _mm_or_si128(_mm_cmpeq_epi8(v, c), _mm_cmpeq_epi8(v, d)),
                );
                let bits = _mm_movemask_epi8(hit) as u32;
                if bits != 0 {
                    return Some(at + bits.trailing_zeros() as usize);
                }
                at += 16;
            }
        }
        find_any_of4_swar(chunks.remainder(), set).map(|k| at + k)
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    find_any_of4_swar(hay, set)
}

/// [`find_any_of4`] eight bytes at a time (a zero-byte test on the word
/// XORed with each wanted byte).
#[inline(always)]
fn find_any_of4_swar(hay: &[u8], set: [u8; 4]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Nonzero iff `v` has a zero byte; the lowest set bit marks the first.
    let zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
    let [a, b, c, d] = set.map(|x| LO * u64::from(x));
    let mut chunks = hay.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let w = u64::from_le_bytes(w);
        let hit = zero(w ^ a) | zero(w ^ b) | zero(w ^ c) | zero(w ^ d);
        if hit != 0 {
            return Some(at + (hit.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|x| set.contains(x))
        .map(|k| at + k)
}

/// Calls `emit` with each sentence of `span` in `text`, trimmed.
pub fn split_span(text: &str, span: Span, emit: &mut dyn FnMut(Span)) {
    let bytes = text.as_bytes();
    let mut start = span.start;
    let mut emit_trimmed = |s: usize, e: usize| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if e - trail > s + lead {
            emit(Span::new(s + lead, e - trail));
        }
    };
    // Only ASCII bytes end a sentence (a line break or `.?!`), and no byte
    // of a multi-byte character is ASCII: scan bytes, decode only after a
    // terminator.
    let mut at = span.start;
    while at < span.end {
        match find_any_of4(&bytes[at..span.end], [b'\n', b'.', b'?', b'!']) {
            Some(k) => at += k,
            None => break,
        }
        let b = bytes[at];
        // A blank line inside a block (plain text) always ends a sentence.
        if b == b'\n' {
            let rest = &text[at + 1..span.end];
            if rest.starts_with('\n') || rest.trim_start_matches([' ', '\t']).starts_with('\n') {
                emit_trimmed(start, at);
                start = at + 1;
            }
            at += 1;
            continue;
        }
        // Swallow repeated terminators and closing quotes/brackets.
        let mut end = at + 1;
        for d in text[end..span.end].chars() {
            if matches!(d, '.' | '?' | '!') || is_closing(d) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        let term = at;
        at = end;
        // Must be followed by whitespace, then a capital, digit or opening quote.
        let rest = &text[end..span.end];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() && !rest.is_empty() {
            continue;
        }
        let next = trimmed.chars().next();
        let starts_ok = match next {
            None => true,
            Some(n) => n.is_uppercase() || n.is_ascii_digit() || is_opening_quote(n) || n == '—',
        };
        if !starts_ok {
            continue;
        }
        if b == b'.' && next.is_some() {
            let word_start = text[start..term]
                .char_indices()
                .rev()
                .find(|&(_, ch)| ch.is_whitespace() || ch == '(' || ch == '"' || ch == '“')
                .map_or(start, |(k, ch)| start + k + ch.len_utf8());
            let word = &text[word_start..term];
            if is_abbreviation(word) {
                // "U.S." and state abbreviations can end a sentence; only
                // continue when the next word is not a likely sentence opener.
                let next_word = &trimmed[..trimmed
                    .find(|ch: char| !ch.is_alphanumeric())
                    .unwrap_or(trimmed.len())];
                if !(matches!(
                    word,
                    "U.S" | "D.C" | "a.m" | "p.m" | "Co" | "Inc" | "Corp" | "Ltd" | "Jr" | "Sr"
                ) && is_sentence_opener(next_word))
                {
                    continue;
                }
            }
        }
        emit_trimmed(start, end);
        start = end;
    }
    emit_trimmed(start, span.end);
}

/// Words that usually open a sentence, used to decide whether "U.S." ends one.
fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "But"
            | "And"
            | "In"
            | "On"
            | "At"
            | "That"
            | "This"
            | "There"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "Officials"
            | "When"
            | "After"
            | "As"
            | "If"
            | "Some"
            | "Many"
    )
}

/// Finds quotations in each block; tracks AP multi-paragraph quotes.
pub fn quotes(doc: &Document) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut carried_open = false;
    for (bi, block) in doc.blocks.iter().enumerate() {
        carried_open = block_quotes(&doc.prose, block, bi, carried_open, &mut out);
    }
    out
}

/// The quotations of block `bi` of `text` (the prose), given whether the
/// previous block left one open; returns whether this one leaves one open.
/// Reads nothing outside the block (`Analyzer` caches the result per block).
pub fn block_quotes(
    text: &str,
    block: &crate::document::Block,
    bi: usize,
    carried_open: bool,
    out: &mut Vec<Quote>,
) -> bool {
    if matches!(block.kind, BlockKind::Table | BlockKind::Image) {
        return false;
    }
    let mut open: Option<(usize, usize, bool)> = None; // (mark start, inner start, opens the block)
    let mut first = true;
    let body = &text[block.span.start..block.span.end];
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !first {
            // Past the first character only quotation marks matter: skip to
            // the next byte that can start one (`"`, `` ` ``, `'`, or the
            // lead byte of `“` and `”`, never inside another character).
            match find_any_of4(&bytes[i..], [b'"', b'`', b'\'', 0xE2]) {
                Some(k) => i += k,
                None => break,
            }
            // Most hits are apostrophes and other characters from U+2000 to
            // U+2FFF (dashes, curly apostrophes), which past the first
            // character matter no more than any other: stepped over here
            // without decoding. `“` is E2 80 9C, `”` E2 80 9D.
            match bytes[i] {
                b'\'' if bytes.get(i + 1) != Some(&b'\'') => {
                    i += 1;
                    continue;
                }
                0xE2 if !matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9D])) => {
                    i += 3;
                    continue;
                }
                _ => {}
            }
        }
        let Some(c) = body[i..].chars().next() else {
            break;
        };
        let cl = c.len_utf8();
        let next = body[i + cl..].chars().next();
        let at = block.span.start + i;
        let (is_open_mark, is_close_mark, len) = match c {
            '“' => (true, false, cl),
            '”' => (false, true, cl),
            '"' => (open.is_none(), open.is_some(), 1),
            '`' if next == Some('`') => (true, false, 2),
            '\'' if next == Some('\'') => {
                // `''` closes an open quotation; at a word start it opens one
                // (some wires use '' for both marks).
                let at_start = i == 0
                    || body[..i].ends_with(|p: char| p.is_whitespace() || p == '(' || p == '—');
                if open.is_some() {
                    (false, true, 2)
                } else if at_start {
                    (true, false, 2)
                } else {
                    first = false;
                    i += 2;
                    continue;
                }
            }
            _ => {
                if !c.is_whitespace() {
                    first = false;
                }
                i += cl;
                continue;
            }
        };
        if is_open_mark && open.is_none() {
            open = Some((at, at + len, first));
        } else if is_close_mark {
            if let Some((s, inner, opens_block)) = open.take() {
                let continued = carried_open && opens_block;
                out.push(make_quote(
                    text,
                    s,
                    inner,
                    at,
                    at + len,
                    bi,
                    continued,
                    false,
                ));
            } else if first && carried_open {
                // Closing mark with no opening: continuation without reopening.
                out.push(make_quote(
                    text,
                    block.span.start,
                    block.span.start,
                    at,
                    at + len,
                    bi,
                    true,
                    false,
                ));
            }
        } else if is_open_mark {
            // A second opening mark while one is open: treat the first as closed
            // at the end of the previous word (malformed input) and restart.
            open = Some((at, at + len, false));
        }
        first = false;
        i += len;
    }
    if let Some((s, inner, opens_block)) = open {
        let continued = carried_open && opens_block;
        let mut q = make_quote(
            text,
            s,
            inner,
            block.span.end,
            block.span.end,
            bi,
            continued,
            true,
        );
        q.direct = true;
        out.push(q);
        true
    } else {
        false
    }
}

#[allow(clippy::too_many_arguments)]
fn make_quote(
    text: &str,
    start: usize,
    inner_start: usize,
    inner_end: usize,
    end: usize,
    block: usize,
    continued: bool,
    unclosed: bool,
) -> Quote {
    let inner = Span::new(inner_start, inner_end.max(inner_start));
    // Only "at least two" and "at least four" matter: counted up to four.
    let words = inner.slice(text).split_whitespace().take(4).count();
    let t = inner.slice(text).trim_end();
    let utterance = t.ends_with([',', '.', '?', '!', '—']) && words >= 2;
    Quote {
        span: Span::new(start, end),
        inner,
        block,
        direct: words >= 4 || utterance || continued,
        unclosed,
        continued,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn sentences(text: &str) -> Vec<String> {
        let doc = Document::parse(text, Format::Markdown);
        split(&doc)
            .iter()
            .map(|s| s.span.slice(text).to_string())
            .collect()
    }

    #[test]
    fn splitting_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "Sen. Ada Park spoke. She left.",
                &["Sen. Ada Park spoke.", "She left."],
            ),
            (
                "It met Dec. 1 at noon. Then it ended.",
                &["It met Dec. 1 at noon.", "Then it ended."],
            ),
            (
                "The U.S. Senate voted. It passed.",
                &["The U.S. Senate voted.", "It passed."],
            ),
            (
                "He moved to the U.S. The job ended.",
                &["He moved to the U.S.", "The job ended."],
            ),
            (
                "\"It works.\" She said so.",
                &["\"It works.\"", "She said so."],
            ),
            (
                "J. R. Smith came at 9 a.m. to Salem, Ore. on Monday.",
                &["J. R. Smith came at 9 a.m. to Salem, Ore. on Monday."],
            ),
            ("Why? Because.", &["Why?", "Because."]),
            (
                "He said “U.S. troops left. Then",
                &["He said “U.S. troops left.", "Then"],
            ),
            (
                "Prices rose 2.5 percent. Wages fell.",
                &["Prices rose 2.5 percent.", "Wages fell."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&sentences(text), want, "{text}");
        }
    }

    #[test]
    fn quotes_direct_and_scare() {
        let text = "He called it a \"witch hunt\" and said, \"We will fight this in court.\"\n";
        let doc = Document::parse(text, Format::Markdown);
        let q = quotes(&doc);
        assert_eq!(q.len(), 2);
        assert!(!q[0].direct);
        assert!(q[1].direct);
    }

    /// Apostrophes, dashes and curly apostrophes between the marks are
    /// stepped over; curly marks and doubled apostrophes still count.
    #[test]
    fn quotes_among_apostrophes_and_dashes() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The mayor’s aide — who wasn't there — said “we’ll see what the council does” on Friday.\n",
                &["“we’ll see what the council does”"],
            ),
            (
                "It's the firm's ''best offer yet, by far,'' its owner's lawyer said.\n",
                &["''best offer yet, by far,''"],
            ),
            (
                "Rain’s due – then “sun” – the forecaster’s note read.\n",
                &["“sun”"],
            ),
        ];
        for (text, want) in cases {
            let doc = Document::parse(text, Format::Markdown);
            let got: Vec<&str> = quotes(&doc).iter().map(|q| q.span.slice(text)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn multi_paragraph_quote() {
        let text = "\"We tried everything,\" Reyes said. \"Nothing worked.\n\n\"So we left.\"\n";
        let doc = Document::parse(text, Format::Markdown);
        let q = quotes(&doc);
        assert_eq!(q.len(), 3);
        assert!(q[1].unclosed);
        assert!(q[2].continued);
    }

    #[test]
    fn find_any_of4_agrees_with_a_plain_scan() {
        let set = [b'\n', b'.', b'?', 0xE2];
        let mut seed = 0x9e37_79b9_u32;
        for len in 0..70 {
            for _ in 0..20 {
                let hay: Vec<u8> = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 17;
                        seed ^= seed << 5;
                        b"ab.\n?\xe2\x80 \x01\xff"[(seed % 10) as usize]
                    })
                    .collect();
                let want = hay.iter().position(|x| set.contains(x));
                assert_eq!(find_any_of4(&hay, set), want, "{hay:?}");
                assert_eq!(find_any_of4_swar(&hay, set), want, "{hay:?}");
            }
        }
    }
}

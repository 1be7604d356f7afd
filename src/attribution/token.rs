//! A small tokenizer: words and single punctuation marks with byte offsets,
//! each word looked up in the word table as it is cut.

use super::words::{self, tag, WordInfo};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// Opening quotation mark (`“`, or `"` judged opening, or ``` `` ```).
    OpenQuote,
    /// Closing quotation mark.
    CloseQuote,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// First character is upper case.
    pub cap: bool,
    /// What the word table says of the word (nothing for punctuation): the
    /// later passes test its bits and never look a word up again.
    pub info: WordInfo,
}

impl Tok {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

fn is_word_char(c: char) -> bool {
    // General Punctuation (curly quotes, dashes, spaces) holds no letter or
    // digit: answered without the Unicode tables.
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// Titles kept with their period ("Mr.", "Sen.").
fn keeps_period(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Det"
            | "Capt"
            | "St"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Co"
            | "Corp"
            | "Ltd"
            | "Prof"
            | "Rev"
            | "Sens"
            | "Reps"
            | "Atty"
            | "Supt"
            | "No"
    ) || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
}

/// Byte classes of ASCII, for the fast path ([`BYTE_CLASS`]).
const ALNUM: u8 = 1;
/// `char::is_whitespace` of an ASCII byte.
const SPACE: u8 = 2;
/// Kept inside a word when a word character follows: `'`, `-`, `.`, `&`.
const JOINER: u8 = 4;

/// The class bits of every byte; bytes of 0x80 and above have none (they
/// start or continue a multi-byte character, decoded on the slow path).
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = ALNUM;
        }
        if (c as char).is_whitespace() {
            t[b] = SPACE;
        }
        if matches!(c, b'\'' | b'-' | b'.' | b'&') {
            t[b] = JOINER;
        }
        b += 1;
    }
    t
};

#[inline]
fn class(b: u8) -> u8 {
    BYTE_CLASS[usize::from(b)]
}

/// How many of the eight bytes of `x` (little-endian), from the first, are
/// ASCII letters or digits.
#[inline(always)]
fn alnum_run(x: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = x & !HIGH;
    // Per byte (below 0x80, so no carry into the next): high bit set when
    // the byte is at least `c`.
    let at_least = |v: u64, c: u8| (v + u64::from(0x80 - c) * ONES) & HIGH;
    let folded = low7 | (0x20 * ONES);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let digit = at_least(low7, b'0') & !at_least(low7, b'9' + 1);
    let other = !((letter | digit) & !x) & HIGH;
    (other.trailing_zeros() / 8) as usize
}

/// How many of the sixteen bytes of `chunk`, from the first, are ASCII
/// letters or digits: one SSE2 pass (part of every x86-64), else two
/// [`alnum_run`]s.
#[inline(always)]
fn alnum_run16(chunk: &[u8; 16]) -> usize {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        use std::arch::x86_64::{
            __m128i, _mm_add_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
            _mm_or_si128, _mm_set1_epi8,
        };
        // SAFETY: the build enables SSE2 (cfg above), and the load reads
        // the sixteen bytes of `chunk`, unaligned.
        let alnum = unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
            // Shifted so that the wanted range starts at -128: a signed
            // compare then tests the whole range (other bytes wrap past it).
            let shift =
                |v: __m128i, lo: u8| _mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8));
            let below = |v: __m128i, n: u8| _mm_cmplt_epi8(v, _mm_set1_epi8((0x80 + n) as i8));
            let letter = below(shift(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a'), 26);
            let digit = below(shift(v, b'0'), 10);
            _mm_movemask_epi8(_mm_or_si128(letter, digit)) as u32
        };
        (!alnum).trailing_zeros() as usize
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        let half = |k: usize| {
            let mut b = [0u8; 8];
            b.copy_from_slice(&chunk[k..k + 8]);
            alnum_run(u64::from_le_bytes(b))
        };
        match half(0) {
            8 => 8 + half(8),
            run => run,
        }
    }
}

/// Length of the word character at byte `i` of `s`, if it is one.
#[inline]
fn word_char_at(s: &str, i: usize) -> Option<usize> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return (class(b) & ALNUM != 0).then_some(1);
    }
    let c = s.get(i..)?.chars().next()?;
    is_word_char(c).then_some(c.len_utf8())
}

/// End of the word whose first character ends at `end` in `s`: letters and
/// digits, and an internal apostrophe, hyphen, dot or ampersand when a word
/// character follows.
#[inline(always)]
fn word_end(s: &str, mut end: usize) -> usize {
    let bytes = s.as_bytes();
    // Most of a word is ASCII letters: eight bytes tested at a time.
    while let Some(chunk) = bytes.get(end..end + 8) {
        let run = alnum_run(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        end += run;
        if run < 8 {
            break;
        }
    }
    while let Some(&d) = bytes.get(end) {
        let cl = class(d);
        if cl & ALNUM != 0 {
            end += 1;
        } else if d < 0x80 {
            if cl & JOINER != 0 && word_char_at(s, end + 1).is_some() {
                end += 1;
            } else {
                break;
            }
        } else if let Some(l) = word_char_at(s, end) {
            end += l;
        } else if s[end..].starts_with('’') && word_char_at(s, end + 3).is_some() {
            end += 3;
        } else {
            break;
        }
    }
    end
}

/// The token of the punctuation character `c` (`len` bytes) at byte `i` of
/// `s`: its kind and length. Straight double quotes open or close by their
/// neighbours; two backticks open and two straight single quotes open or
/// close a quotation (TeX style).
fn punctuation(s: &str, i: usize, c: char, len: usize) -> (Kind, usize) {
    match c {
        '“' | '‘' => (Kind::OpenQuote, len),
        '”' | '’' => (Kind::CloseQuote, len),
        '"' => {
            let prev_space =
                i == 0 || s[..i].ends_with(|x: char| x.is_whitespace() || x == '(' || x == '—');
            let next_space = s[i + 1..].chars().next().is_none_or(|x| x.is_whitespace());
            if prev_space && !next_space {
                (Kind::OpenQuote, len)
            } else {
                (Kind::CloseQuote, len)
            }
        }
        '`' if s[i + 1..].starts_with('`') => (Kind::OpenQuote, 2),
        '\'' if s[i + 1..].starts_with('\'') => {
            let prev_space = i == 0 || s[..i].ends_with(char::is_whitespace);
            let kind = if prev_space {
                Kind::OpenQuote
            } else {
                Kind::CloseQuote
            };
            (kind, 2)
        }
        _ => (Kind::Punct, len),
    }
}

/// What [`tokenize`] notes of the words besides the tokens.
#[derive(Debug, Default)]
pub struct Marks {
    /// The tags of all words together.
    pub tags: u8,
    /// Indices of the words with a cue entry.
    pub cues: Vec<usize>,
    /// Indices of the hedge key words ([`tag::HEDGE`]).
    pub hedges: Vec<usize>,
    /// Indices of the words tagged [`tag::ACCORDING`].
    pub according: Vec<usize>,
}

impl Marks {
    fn clear(&mut self) {
        self.tags = 0;
        self.cues.clear();
        self.hedges.clear();
        self.according.clear();
    }

    /// Notes the word of `info`, token `k` (but not its tags).
    #[inline(always)]
    fn note(&mut self, info: &WordInfo, k: usize) {
        if info.tags() & (tag::CUE | tag::HEDGE | tag::ACCORDING) != 0 {
            if info.has(tag::CUE) {
                self.cues.push(k);
            }
            if info.has(tag::HEDGE) {
                self.hedges.push(k);
            }
            if info.has(tag::ACCORDING) {
                self.according.push(k);
            }
        }
    }
}

/// Tokenizes `span` of `text` (`lower` is `text` in ASCII lower case, the
/// same length) into `out`, noting the words' tags, cue words and hedge
/// key words in `marks`. Straight double quotes are judged opening or
/// closing by their neighbours. ASCII bytes take a fast path through a
/// class table; other characters are decoded one at a time.
pub fn tokenize(text: &str, lower: &str, span: Span, out: &mut Vec<Tok>, marks: &mut Marks) {
    out.clear();
    marks.clear();
    let s = match text.get(span.start..span.end) {
        Some(s) => s,
        None => return,
    };
    let words = Words {
        s,
        text: text.as_bytes(),
        lower: lower.as_bytes(),
        base: span.start,
        table: words::table(),
    };
    let mut tags = 0;
    let bytes = s.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let b0 = bytes[i];
        let at = span.start + i;
        let (c, len) = if b0 < 0x80 {
            let cl = class(b0);
            if cl & SPACE != 0 {
                i += 1;
                continue;
            }
            if cl & ALNUM != 0 {
                // Most words are followed by one space and another word:
                // cut at once.
                loop {
                    match words.push_ascii(i, out, marks, &mut tags) {
                        Some((end, true)) => i = end + 1,
                        Some((end, false)) => {
                            i = end;
                            break;
                        }
                        None => {
                            let cap = bytes[i].is_ascii_uppercase();
                            i = words.push(i, 1, cap, out, marks, &mut tags);
                            break;
                        }
                    }
                }
                continue;
            }
            (b0 as char, 1)
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if is_word_char(c) {
                i = words.push(i, len, c.is_uppercase(), out, marks, &mut tags);
                continue;
            }
            (c, len)
        };
        let (kind, len) = punctuation(s, i, c, len);
        out.push(Tok {
            start: at,
            end: at + len,
            kind,
            cap: false,
            info: WordInfo::default(),
        });
        i += len;
    }
    marks.tags = tags;
}

/// The text being cut into words: `s` starts at byte `base` of the text
/// whose lower-case copy is `lower`.
struct Words<'a> {
    s: &'a str,
    /// The whole text.
    text: &'a [u8],
    lower: &'a [u8],
    base: usize,
    table: &'static words::Table,
}

impl Words<'_> {
    /// The fast path of [`Words::push`] for a word of ASCII letters and
    /// digits only, shorter than 16 bytes, starting at byte `i` of `s` and
    /// followed by the end of `s`, by an ASCII byte that cannot continue it
    /// or by a period it does not keep: pushes it and returns its end in
    /// `s` and whether one space and an ASCII letter or digit follow it in
    /// `s` (another word to cut at once); returns `None` (nothing pushed)
    /// for any other word, or when fewer than sixteen bytes of the text
    /// follow its start. The word's table key is its own bytes with bit
    /// 0x20 set (the lower case of an ASCII letter or digit), so `lower` is
    /// not read.
    #[inline(always)]
    fn push_ascii(
        &self,
        i: usize,
        out: &mut Vec<Tok>,
        marks: &mut Marks,
        tags: &mut u8,
    ) -> Option<(usize, bool)> {
        const LOWER: u64 = 0x2020_2020_2020_2020;
        let bytes = self.s.as_bytes();
        let at = self.base + i;
        // Sixteen bytes from the whole text: the word may end with the
        // span, whatever follows it.
        let chunk: &[u8; 16] = self.text.get(at..at.checked_add(16)?)?.try_into().ok()?;
        let run = alnum_run16(chunk);
        let rest = bytes.len() - i;
        let len = if run >= rest {
            // The span ends inside the run (or just after it).
            rest
        } else {
            // Sixteen letters or digits and more of the span: too long.
            let &d = chunk.get(run)?;
            if d >= 0x80 {
                return None;
            }
            if class(d) & JOINER != 0 {
                // Only a period that joins nothing and is not kept ("Mr.").
                if d != b'.' {
                    return None;
                }
                if let Some(&e) = bytes.get(i + run + 1) {
                    if e >= 0x80 || class(e) & ALNUM != 0 {
                        return None;
                    }
                }
                if keeps_period(&self.s[i..i + run]) {
                    return None;
                }
            }
            run
        };
        if len >= 16 {
            return None;
        }
        let half = |k: usize| {
            let mut b = [0u8; 8];
            b.copy_from_slice(&chunk[k..k + 8]);
            u64::from_le_bytes(b) | LOWER
        };
        // 1 <= len < 16: the shifts stay below 64.
        let key = if len <= 8 {
            (half(0) & (u64::MAX >> (64 - 8 * len)), 0)
        } else {
            (half(0), half(8) & (u64::MAX >> (128 - 8 * len)))
        };
        let info = if len < self.table.min_len() {
            self.table.get_short(key.0)
        } else {
            self.table.get(key)
        };
        *tags |= info.tags();
        marks.note(&info, out.len());
        out.push(Tok {
            start: at,
            end: at + len,
            kind: Kind::Word,
            cap: chunk[0].is_ascii_uppercase(),
            info,
        });
        // Bytes `len` and `len + 1` of the chunk, both inside the span.
        let more = len + 1 < rest
            && chunk[len] == b' '
            && chunk.get(len + 1).is_some_and(|&b| class(b) & ALNUM != 0);
        Some((i + len, more))
    }

    /// Pushes the word whose first character (`len` bytes) is at byte `i`
    /// of `s`, with its table entry, noting it in `marks`; returns its end
    /// in `s`.
    #[inline(always)]
    fn push(
        &self,
        i: usize,
        len: usize,
        cap: bool,
        out: &mut Vec<Tok>,
        marks: &mut Marks,
        tags: &mut u8,
    ) -> usize {
        let s = self.s;
        let mut end = word_end(s, i + len);
        // "Mr." / "U.S." keep the period.
        if s.as_bytes().get(end) == Some(&b'.') {
            let w = &s[i..end];
            if keeps_period(w) || w.contains('.') {
                end += 1;
            }
        }
        let (start, end_at) = (self.base + i, self.base + end);
        let info = self.table.info_at(self.lower, start, end_at);
        *tags |= info.tags();
        marks.note(&info, out.len());
        out.push(Tok {
            start,
            end: end_at,
            kind: Kind::Word,
            cap,
            info,
        });
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_quotes() {
        let text = "\"We won,\" said Mr. Ruiz's aide.";
        let mut v = Vec::new();
        let lower = text.to_ascii_lowercase();
        tokenize(
            text,
            &lower,
            Span::new(0, text.len()),
            &mut v,
            &mut Marks::default(),
        );
        let words: Vec<&str> = v.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            ["\"", "We", "won", ",", "\"", "said", "Mr.", "Ruiz's", "aide", "."]
        );
        assert_eq!(v[0].kind, Kind::OpenQuote);
        assert_eq!(v[4].kind, Kind::CloseQuote);
    }

    #[test]
    fn general_punctuation_has_no_word_chars() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The tokenizer before its byte-class fast path, kept to check that the
    /// fast path changed nothing.
    fn reference_tokenize(text: &str, span: Span, out: &mut Vec<Tok>) {
        out.clear();
        let s = match text.get(span.start..span.end) {
            Some(s) => s,
            None => return,
        };
        let bytes = s.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            let b0 = bytes[i];
            let (c, len) = if b0 < 0x80 {
                (b0 as char, 1)
            } else {
                match s[i..].chars().next() {
                    Some(c) => (c, c.len_utf8()),
                    None => break,
                }
            };
            let at = span.start + i;
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if b0 < 0x80 && b0.is_ascii_alphanumeric() || b0 >= 0x80 && is_word_char(c) {
                let mut end = i + len;
                while end < n {
                    let d = bytes[end];
                    if d < 0x80 {
                        if d.is_ascii_alphanumeric() {
                            end += 1;
                        } else if matches!(d, b'\'' | b'-' | b'.' | b'&')
                            && reference_word_char_at(s, end + 1).is_some()
                        {
                            // Internal apostrophe, hyphen or dot: kept if a word char follows.
                            end += 1;
                        } else {
                            break;
                        }
                    } else if let Some(l) = reference_word_char_at(s, end) {
                        end += l;
                    } else if s[end..].starts_with('’')
                        && reference_word_char_at(s, end + 3).is_some()
                    {
                        end += 3;
                    } else {
                        break;
                    }
                }
                // "Mr." / "U.S." keep the period.
                if bytes.get(end) == Some(&b'.') {
                    let w = &s[i..end];
                    if keeps_period(w) || w.contains('.') {
                        end += 1;
                    }
                }
                out.push(Tok {
                    start: at,
                    end: span.start + end,
                    kind: Kind::Word,
                    cap: if b0 < 0x80 {
                        b0.is_ascii_uppercase()
                    } else {
                        c.is_uppercase()
                    },
                    info: WordInfo::default(),
                });
                i = end;
                continue;
            }
            let (kind, len) = punctuation(s, i, c, len);
            out.push(Tok {
                start: at,
                end: at + len,
                kind,
                cap: false,
                info: WordInfo::default(),
            });
            i += len;
        }
    }

    fn reference_word_char_at(s: &str, i: usize) -> Option<usize> {
        let b = *s.as_bytes().get(i)?;
        if b < 0x80 {
            return b.is_ascii_alphanumeric().then_some(1);
        }
        let c = s.get(i..)?.chars().next()?;
        is_word_char(c).then_some(c.len_utf8())
    }

    #[test]
    fn same_tokens_as_the_reference() {
        let texts = [
            "\"We won,\" said Mr. Ruiz's aide.",
            "Aides made it clear, according to Reyes, that she Claimed and SAID so.",
            "U.S. officials — who spoke on background — said it's “over.”",
            "R&D spend rose 4.5% in Q3; the co-chair's view: ‘fine’.",
            "Café owners, naïve or not, said ``yes'' and ''no'' and 'maybe'.",
            "Tabs\tand\nnew\u{0B}lines\u{0C}and\r\u{00A0}nbsp\u{2009}thin\u{3000}wide.",
            "O’Neill’s aides’ claims (D-Ore.) — \"quoted\"\"twice\" — end.",
            "Jr. Sr. St. No. A. b. x.y.z. 3.14. e.g. Gen. Capt. Lt.",
            "SAID Said said ACKNOWLEDGEMENT Acknowledgement acknowledgements 12345678 \
             123456789012345 1234567890123456 Reportedly, eight8ch nine9char\ttenletters\n",
            "Purportedly-said Eagerly_said ALLEGEDLY’s twelvelettrs’ sixteenletters.x said2",
            "Ελληνικά καί русский текст, 中文字符, emoji 🙂 here, ﬁ ligature.",
            "trailing apostrophe' and hyphen- and dot. and amp& end",
            "\u{2019}s and ’t and x’ and ’",
            "",
            "   ",
            "\"",
            "a",
        ];
        for text in texts {
            let lower = text.to_ascii_lowercase();
            for start in 0..=text.len() {
                if !text.is_char_boundary(start) {
                    continue;
                }
                let span = Span::new(start, text.len());
                let (mut fast, mut slow) = (Vec::new(), Vec::new());
                let mut marks = Marks::default();
                tokenize(text, &lower, span, &mut fast, &mut marks);
                reference_tokenize(text, span, &mut slow);
                let key = |v: &[Tok]| -> Vec<(usize, usize, Kind, bool)> {
                    v.iter().map(|t| (t.start, t.end, t.kind, t.cap)).collect()
                };
                assert_eq!(key(&fast), key(&slow), "{text:?} from {start}");
                // Each word carries its table entry; the summary agrees.
                let mut want_tags = 0;
                let mut want_cues = Vec::new();
                let mut want_hedges = Vec::new();
                let mut want_according = Vec::new();
                for (k, t) in fast.iter().enumerate() {
                    let want = match t.kind {
                        Kind::Word => words::info_at(lower.as_bytes(), t.start, t.end),
                        _ => WordInfo::default(),
                    };
                    assert_eq!(t.info, want, "{text:?} token {k}");
                    want_tags |= want.tags();
                    if want.cue().is_some() {
                        want_cues.push(k);
                    }
                    if want.has(tag::HEDGE) {
                        want_hedges.push(k);
                    }
                    if want.has(tag::ACCORDING) {
                        want_according.push(k);
                    }
                }
                assert_eq!(
                    (marks.tags, marks.cues, marks.hedges, marks.according),
                    (want_tags, want_cues, want_hedges, want_according),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn alnum_runs_stop_at_the_first_other_byte() {
        for b in 0u8..=255 {
            for pos in 0..8 {
                let mut bytes = *b"aZ09zA9a";
                bytes[pos] = b;
                let want = if b.is_ascii_alphanumeric() { 8 } else { pos };
                assert_eq!(alnum_run(u64::from_le_bytes(bytes)), want, "{b} at {pos}");
            }
        }
    }

    #[test]
    fn alnum_runs16_stop_at_the_first_other_byte() {
        for b in 0u8..=255 {
            for pos in 0..16 {
                let mut bytes = *b"aZ09zA9amMzZ0a9Q";
                bytes[pos] = b;
                let want = if b.is_ascii_alphanumeric() { 16 } else { pos };
                assert_eq!(alnum_run16(&bytes), want, "{b} at {pos}");
            }
        }
        // Every pair of bytes around each range's ends.
        for a in 0u8..=255 {
            for b in [
                0u8, b'/', b'0', b'9', b':', b'@', b'A', b'Z', b'[', b'`', b'a', b'z', b'{', 0x7F,
                0x80, 0xFF,
            ] {
                let mut bytes = [b'x'; 16];
                bytes[3] = a;
                bytes[4] = b;
                let want = bytes
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .unwrap_or(16);
                assert_eq!(alnum_run16(&bytes), want, "{a} {b}");
            }
        }
    }

    #[test]
    fn byte_classes_match_char_predicates() {
        for b in 0u8..128 {
            let c = b as char;
            assert_eq!(class(b) & ALNUM != 0, c.is_ascii_alphanumeric(), "{b}");
            assert_eq!(class(b) & SPACE != 0, c.is_whitespace(), "{b}");
        }
        for b in 128u8..=255 {
            assert_eq!(class(b), 0, "{b}");
        }
    }
}

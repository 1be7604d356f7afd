//! A small tokenizer for temporal matching: words, numbers and punctuation
//! with byte offsets into the draft.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Debug)]
pub struct Tok<'a> {
    /// Absolute byte offsets.
    pub s: usize,
    pub e: usize,
    /// ASCII lower-cased form (`a.m.` and `p.m.` become `am` and `pm`).
    pub low: &'a str,
    pub kind: Kind,
    /// Whitespace (or the start of the text) before the token.
    pub gap: bool,
    /// A core temporal word ([`super::lexicon::is_core`]), looked up as the
    /// word is read; numbers are judged in context.
    pub core: bool,
}

impl Tok<'_> {
    /// The token as written; `src` is the text its absolute offsets are
    /// into (the whole draft). Kept out of the token, which stays small:
    /// few tokens are ever asked for it.
    pub fn raw<'s>(&self, src: &'s str) -> &'s str {
        src.get(self.s..self.e).unwrap_or("")
    }

    pub fn capitalized(&self, src: &str) -> bool {
        self.raw(src)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
    }

    /// Value of an all-digit number token (its lower-cased form has the
    /// same digits as the raw one).
    pub fn int(&self) -> Option<u32> {
        if self.kind != Kind::Num || self.low.is_empty() || self.low.len() > 9 {
            return None;
        }
        // Nine digits at most: no overflow.
        self.low.bytes().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    }
}

/// Length of the run of ASCII letters at the start of `b`, eight bytes
/// at a time.
#[inline]
pub fn alpha_run(b: &[u8]) -> usize {
    const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HI: u64 = 0x8080_8080_8080_8080;
    const CASE: u64 = 0x2020_2020_2020_2020;
    let mut n = 0;
    while let Some(chunk) = b.get(n..n + 8) {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(bytes);
        // Lower-cased, high bit cleared: no byte carries into the next.
        let y = (x | CASE) & LO7;
        let from_a = y + 0x1F1F_1F1F_1F1F_1F1F; // high bit: y >= b'a'
        let past_z = y + 0x0505_0505_0505_0505; // high bit: y > b'z'
        let letter = from_a & !past_z & !x & HI;
        let other = !letter & HI;
        if other != 0 {
            return n + (other.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    while n < b.len() && b[n].is_ascii_alphabetic() {
        n += 1;
    }
    n
}

/// Byte classes of [`tokenize_into`]: ASCII punctuation (every ASCII byte
/// but letters, digits, the apostrophe and whitespace as
/// `char::is_whitespace` has it) takes a fast path; the rest is read the
/// slow way, but for the fast paths of spaces and words.
const PUNCT: u8 = 1;
const OTHER: u8 = 0;

const CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let space = matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
        if !(space || c.is_ascii_alphanumeric() || c == b'\'') {
            t[b] = PUNCT;
        }
        b += 1;
    }
    t
};

/// `text.to_ascii_lowercase()` into `out` (its buffer reused), eight
/// bytes at a time.
pub fn ascii_lower_into(text: &str, out: &mut String) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    out.clear();
    out.push_str(text);
    // SAFETY: only bytes `A`..=`Z` change, each to its lower-case letter:
    // ASCII for ASCII, so the text stays UTF-8.
    let b = unsafe { out.as_bytes_mut() };
    let mut chunks = b.chunks_exact_mut(8);
    for chunk in &mut chunks {
        let Ok(bytes) = <[u8; 8]>::try_from(&*chunk) else {
            continue;
        };
        let x = u64::from_le_bytes(bytes);
        // High bit of each byte: at least `A`, past `Z`, not ASCII; no
        // byte carries into the next (each is at most 0x7F before adding).
        let low7 = x & !HI;
        let from_a = low7 + (0x80 - u64::from(b'A')) * ONES;
        let past_z = low7 + (0x80 - u64::from(b'Z') - 1) * ONES;
        let upper = from_a & !past_z & !x & HI;
        chunk.copy_from_slice(&(x | upper >> 2).to_le_bytes());
    }
    chunks.into_remainder().make_ascii_lowercase();
}

/// Tokenizes `text`, which starts at byte `base` of the draft; `lower` is
/// `text.to_ascii_lowercase()` (same byte offsets).
#[cfg(test)]
pub fn tokenize<'a>(text: &'a str, lower: &'a str, base: usize) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    let mut marks = Marks::default();
    tokenize_into(text, lower, base, &mut out, &mut marks, |_, _, w| {
        super::lexicon::is_core(w)
    });
    out
}

/// What the tokenizer notes of the tokens as it reads them (indices into
/// its output, in order), so that later passes need not visit every token.
#[derive(Default)]
pub struct Marks {
    /// The tokens that may change a line's gates (see
    /// [`super::recognise`]'s `line_gates`): numbers, core words and words
    /// starting with `fy` or `yr`. Every other token is a plain word or
    /// punctuation.
    pub special: Vec<u32>,
    /// The tokens after the first with a line break before them.
    pub lines: Vec<u32>,
}

impl Marks {
    pub fn clear(&mut self) {
        self.special.clear();
        self.lines.clear();
    }
}

/// Does a word token (lower-cased) start with `fy` or `yr`?
#[inline]
pub fn fy_or_yr(low: &str) -> bool {
    let b = low.as_bytes();
    b.len() >= 2 && matches!([b[0], b[1]], [b'f', b'y'] | [b'y', b'r'])
}

/// [`tokenize`], appending to `out` (empty) and noting [`Marks`] in
/// `marks` (empty). `is_core(start, end, low)` tells whether a word token
/// (absolute offsets, lower-cased form) is a core temporal word
/// ([`super::lexicon::is_core`] of `low`, or the caller's knowledge of
/// where the core words are).
pub fn tokenize_into<'a>(
    text: &'a str,
    lower: &'a str,
    base: usize,
    out: &mut Vec<Tok<'a>>,
    marks: &mut Marks,
    mut is_core: impl FnMut(usize, usize, &str) -> bool,
) {
    let b = text.as_bytes();
    out.reserve(text.len() / 4 + 1);
    // Notes the marks of the token about to be pushed.
    let mut mark = |out: &Vec<Tok<'a>>, special: bool, nl: bool| {
        let k = out.len() as u32;
        if special {
            marks.special.push(k);
        }
        if nl && k > 0 {
            marks.lines.push(k);
        }
    };
    let mut i = 0;
    let mut gap = true;
    let mut nl = false;
    while i < b.len() {
        // ASCII fast paths
        let byte = b[i];
        if byte == b' ' || byte == b'\t' || byte == b'\r' || byte == b'\n' {
            gap = true;
            nl |= byte == b'\n';
            i += 1;
            continue;
        }
        if byte.is_ascii_alphabetic()
            && !(matches!(byte, b'a' | b'p' | b'A' | b'P') && b.get(i + 1) == Some(&b'.'))
        {
            let j = i + 1 + alpha_run(&b[i + 1..]);
            if j >= b.len() || b[j].is_ascii() {
                let low = &lower[i..j];
                let core = is_core(base + i, base + j, low);
                // (`fy…` and `yr…` words only start with those letters.)
                mark(
                    out,
                    core || matches!(byte | 0x20, b'f' | b'y') && fy_or_yr(low),
                    nl,
                );
                out.push(Tok {
                    s: base + i,
                    e: base + j,
                    low,
                    kind: Kind::Word,
                    gap,
                    core,
                });
                gap = false;
                nl = false;
                i = j;
                continue;
            }
        }
        if CLASS[byte as usize] == PUNCT {
            // One ASCII punctuation mark: never a word, never special.
            mark(out, false, nl);
            out.push(Tok {
                s: base + i,
                e: base + i + 1,
                low: lower.get(i..i + 1).unwrap_or(""),
                kind: Kind::Punct,
                gap,
                core: false,
            });
            gap = false;
            nl = false;
            i += 1;
            continue;
        }
        let (c, cl) = if byte < 0x80 {
            (char::from(byte), 1)
        } else {
            match text[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if c.is_whitespace() {
            gap = true;
            nl |= c == '\n';
            i += cl;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < b.len() {
                if b[j].is_ascii_digit() {
                    j += 1;
                } else if matches!(b[j], b',' | b'.' | b':')
                    && j + 1 < b.len()
                    && b[j + 1].is_ascii_digit()
                {
                    j += 2;
                } else {
                    break;
                }
            }
            // Glued letters: 1st, 2nd, 1990s.
            let mut k = j;
            while k < b.len() && b[k].is_ascii_alphabetic() {
                k += 1;
            }
            let suffix = &lower[j..k];
            if matches!(suffix, "st" | "nd" | "rd" | "th" | "s") {
                i = k;
                kind = if suffix == "s" { Kind::Num } else { Kind::Word };
            } else {
                i = j;
                kind = Kind::Num;
            }
        } else if c.is_alphabetic() {
            // a.m. / p.m.
            if matches!(c, 'a' | 'p' | 'A' | 'P')
                && b.len() > i + 2
                && b[i + 1] == b'.'
                && matches!(b[i + 2], b'm' | b'M')
            {
                let mut j = i + 3;
                if j < b.len() && b[j] == b'.' {
                    j += 1;
                }
                if j >= b.len() || !b[j].is_ascii_alphanumeric() {
                    let low = if matches!(c, 'a' | 'A') { "am" } else { "pm" };
                    mark(out, false, nl);
                    out.push(Tok {
                        s: base + i,
                        e: base + j,
                        low,
                        kind: Kind::Word,
                        gap,
                        core: false,
                    });
                    gap = false;
                    nl = false;
                    i = j;
                    continue;
                }
            }
            let mut j = i + cl;
            while let Some(d) = text[j..].chars().next() {
                if d.is_alphabetic() {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            i = j;
            kind = Kind::Word;
        } else if (c == '\'' || c == '’') && {
            let r = &text[i + cl..];
            (r.starts_with('s') || r.starts_with('S'))
                && !r[1..].chars().next().is_some_and(|d| d.is_alphanumeric())
        } {
            i += cl + 1;
            mark(out, false, nl);
            out.push(Tok {
                s: base + start,
                e: base + i,
                low: "'s",
                kind: Kind::Word,
                gap,
                core: false,
            });
            gap = false;
            nl = false;
            continue;
        } else {
            i += cl;
            kind = Kind::Punct;
        }
        let low = &lower[start..i];
        let core = kind == Kind::Word && is_core(base + start, base + i, low);
        let special = match kind {
            Kind::Num => true,
            Kind::Word => core || fy_or_yr(low),
            Kind::Punct => false,
        };
        mark(out, special, nl);
        out.push(Tok {
            s: base + start,
            e: base + i,
            low,
            kind,
            gap,
            core,
        });
        gap = false;
        nl = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_clock_markers() {
        let text = "At 9:30 a.m. on Jan. 3rd, the 1990s' end";
        let low = text.to_ascii_lowercase();
        let t = tokenize(text, &low, 10);
        let lows: Vec<&str> = t.iter().map(|t| t.low).collect();
        assert_eq!(
            lows,
            ["at", "9:30", "am", "on", "jan", ".", "3rd", ",", "the", "1990s", "'", "end"]
        );
        assert_eq!(t[1].s, 13);
        assert_eq!(t[1].int(), None);
    }

    #[test]
    fn alpha_run_stops_at_the_first_non_letter() {
        let cases: [(&str, usize); 9] = [
            ("", 0),
            ("abc", 3),
            ("abcdefghij klm", 10),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 26),
            ("abcdefg@", 7),
            ("abcdefgh[", 8),
            ("Zz`{a", 2),
            ("abcdéfgh", 4),
            ("x1yyyyyyyy", 1),
        ];
        for (text, want) in cases {
            assert_eq!(alpha_run(text.as_bytes()), want, "{text:?}");
        }
        for b in 0..=255u8 {
            let mut v = vec![b'q'; 3];
            v.push(b);
            v.extend_from_slice(b"qqqqqq");
            let want = if b.is_ascii_alphabetic() { 10 } else { 3 };
            assert_eq!(alpha_run(&v), want, "byte {b}");
        }
    }

    /// The tokenizer as it was before its byte-class fast paths.
    fn reference<'a>(
        text: &'a str,
        lower: &'a str,
        base: usize,
        out: &mut Vec<Tok<'a>>,
        nls: &mut Vec<bool>,
    ) {
        let b = text.as_bytes();
        out.reserve(text.len() / 4 + 1);
        let mut i = 0;
        let mut gap = true;
        let mut nl = false;
        while i < b.len() {
            // ASCII fast paths
            let byte = b[i];
            if byte == b' ' || byte == b'\t' || byte == b'\r' || byte == b'\n' {
                gap = true;
                nl |= byte == b'\n';
                i += 1;
                continue;
            }
            if byte.is_ascii_alphabetic()
                && !(matches!(byte, b'a' | b'p' | b'A' | b'P') && b.get(i + 1) == Some(&b'.'))
            {
                let j = i + 1 + alpha_run(&b[i + 1..]);
                if j >= b.len() || b[j].is_ascii() {
                    let low = &lower[i..j];
                    nls.push(nl);
                    out.push(Tok {
                        s: base + i,
                        e: base + j,
                        low,
                        kind: Kind::Word,
                        gap,
                        core: crate::time::lexicon::is_core(low),
                    });
                    gap = false;
                    nl = false;
                    i = j;
                    continue;
                }
            }
            let (c, cl) = if byte < 0x80 {
                (char::from(byte), 1)
            } else {
                match text[i..].chars().next() {
                    Some(c) => (c, c.len_utf8()),
                    None => break,
                }
            };
            if c.is_whitespace() {
                gap = true;
                nl |= c == '\n';
                i += cl;
                continue;
            }
            let start = i;
            let kind;
            if c.is_ascii_digit() {
                let mut j = i + 1;
                while j < b.len() {
                    if b[j].is_ascii_digit() {
                        j += 1;
                    } else if matches!(b[j], b',' | b'.' | b':')
                        && j + 1 < b.len()
                        && b[j + 1].is_ascii_digit()
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                // Glued letters: 1st, 2nd, 1990s.
                let mut k = j;
                while k < b.len() && b[k].is_ascii_alphabetic() {
                    k += 1;
                }
                let suffix = &lower[j..k];
                if matches!(suffix, "st" | "nd" | "rd" | "th" | "s") {
                    i = k;
                    kind = if suffix == "s" { Kind::Num } else { Kind::Word };
                } else {
                    i = j;
                    kind = Kind::Num;
                }
            } else if c.is_alphabetic() {
                // a.m. / p.m.
                if matches!(c, 'a' | 'p' | 'A' | 'P')
                    && b.len() > i + 2
                    && b[i + 1] == b'.'
                    && matches!(b[i + 2], b'm' | b'M')
                {
                    let mut j = i + 3;
                    if j < b.len() && b[j] == b'.' {
                        j += 1;
                    }
                    if j >= b.len() || !b[j].is_ascii_alphanumeric() {
                        let low = if matches!(c, 'a' | 'A') { "am" } else { "pm" };
                        nls.push(nl);
                        out.push(Tok {
                            s: base + i,
                            e: base + j,
                            low,
                            kind: Kind::Word,
                            gap,
                            core: false,
                        });
                        gap = false;
                        nl = false;
                        i = j;
                        continue;
                    }
                }
                let mut j = i + cl;
                while let Some(d) = text[j..].chars().next() {
                    if d.is_alphabetic() {
                        j += d.len_utf8();
                    } else {
                        break;
                    }
                }
                i = j;
                kind = Kind::Word;
            } else if (c == '\'' || c == '’') && {
                let r = &text[i + cl..];
                (r.starts_with('s') || r.starts_with('S'))
                    && !r[1..].chars().next().is_some_and(|d| d.is_alphanumeric())
            } {
                i += cl + 1;
                nls.push(nl);
                out.push(Tok {
                    s: base + start,
                    e: base + i,
                    low: "'s",
                    kind: Kind::Word,
                    gap,
                    core: false,
                });
                gap = false;
                nl = false;
                continue;
            } else {
                i += cl;
                kind = Kind::Punct;
            }
            let low = &lower[start..i];
            nls.push(nl);
            out.push(Tok {
                s: base + start,
                e: base + i,
                low,
                kind,
                gap,
                core: kind == Kind::Word && crate::time::lexicon::is_core(low),
            });
            gap = false;
            nl = false;
        }
    }

    /// The byte-class tokenizer reads texts as the plain one did, and its
    /// marks are the tokens that could change a line's gates.
    #[test]
    fn fast_paths_tokenize_as_the_reference_does() {
        let parts = [
            "The", " ", "board", "met", "on", "Tuesday", "'s", "’s", "'", "’", "a.m.", "p.m",
            "A.M.", "a.", "p", "9:30", "1,000", "2.5", "1990s", "3rd", "21st", "fy2006", "FY06",
            "yr", "yrs", "years", "Mayé", "éMay", "naïve", "—", "–", "\u{a0}", "\n", "\r\n", "\t",
            "\u{b}", "\u{c}", "\u{1c}", "\u{85}", "\u{2028}", ",", ".", "\"", "“", "”", "(", ")",
            "%", "$", "-", "/", ":", "'90s", "’90s", "noon", "March", "3", "2024", "last", "week",
            "x", "10days", "May2019", "ß", "İ", "日本", "🙂", "at", "AM", "pm", "s", "S",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut texts: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
        for _ in 0..3000 {
            let n = 1 + next() % 12;
            let mut t = String::new();
            for _ in 0..n {
                t.push_str(parts[(next() % parts.len() as u64) as usize]);
                if next() % 3 == 0 {
                    t.push(' ');
                }
            }
            texts.push(t);
        }
        for text in &texts {
            let low = text.to_ascii_lowercase();
            let mut want = Vec::new();
            let mut nls = Vec::new();
            reference(text, &low, 7, &mut want, &mut nls);
            let mut got = Vec::new();
            let mut marks = Marks::default();
            tokenize_into(text, &low, 7, &mut got, &mut marks, |_, _, w| {
                crate::time::lexicon::is_core(w)
            });
            let key = |t: &Tok| (t.s, t.e, t.low.to_string(), t.kind, t.gap, t.core);
            let want_keys: Vec<_> = want.iter().map(key).collect();
            let got_keys: Vec<_> = got.iter().map(key).collect();
            assert_eq!(got_keys, want_keys, "{text:?}");
            let special: Vec<u32> = (0..want.len() as u32)
                .filter(|&k| {
                    let t = &want[k as usize];
                    t.kind == Kind::Num || t.kind == Kind::Word && (t.core || fy_or_yr(t.low))
                })
                .collect();
            assert_eq!(marks.special, special, "{text:?}");
            let lines: Vec<u32> = (1..want.len() as u32)
                .filter(|&k| nls[k as usize])
                .collect();
            assert_eq!(marks.lines, lines, "{text:?}");
        }
    }

    #[test]
    fn ascii_lower_into_matches_to_ascii_lowercase() {
        let mut texts: Vec<String> = vec![
            String::new(),
            "A".into(),
            "The Board Met On TUESDAY, @[`{ Zz".into(),
            "ÉCOLE Mayé İSTANBUL ß 日本 🙂 ABCDEFGHIJKLMNOPQRSTUVWXYZ".into(),
        ];
        // Every byte value in every position of a chunk.
        for c in 0..128u8 {
            for at in 0..9 {
                let mut t = "qQ@[`{zZa".to_string();
                t.insert(at, char::from(c));
                texts.push(t);
            }
        }
        let mut out = String::from("left over");
        for text in &texts {
            ascii_lower_into(text, &mut out);
            assert_eq!(out, text.to_ascii_lowercase(), "{text:?}");
        }
    }

    #[test]
    fn possessive_is_one_token() {
        let t = tokenize("Friday's game", "friday's game", 0);
        assert_eq!(t[1].low, "'s");
        assert_eq!(t[2].low, "game");
    }
}

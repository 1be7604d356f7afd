//! The actor index: tokens, capitalised names, mentions, descriptors and
//! affiliations (SPEC §6, §5.4).

use super::lex::*;
use super::reply::{scan_sentence, SentScan};
use super::{Actor, ActorKind, Descriptor, Key};
use crate::document::Document;
use crate::sentences::{Quote, Sentence};
use crate::span::Span;
use compact_str::CompactString;
use smallvec::SmallVec;
use std::borrow::Cow;
use std::sync::Arc;
type HashMap<K, V> = FastMap<K, V>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    /// `'s`, `’s` or a bare trailing apostrophe.
    Poss,
    Punct,
}

/// A token: 12 bytes, since drafts have hundreds of thousands of them.
#[derive(Clone, Copy, Debug)]
pub struct Tok {
    start: u32,
    end: u32,
    pub kind: TokKind,
    pub cap: bool,
    pub quoted: bool,
    /// A word that may be "according", a reporting verb or a frame word
    /// ([`may_report_or_frame`], 3 to 13 bytes): the tokenizer has its
    /// length and end bytes at hand, so the sentence scan need not fetch
    /// them for every token.
    pub verbish: bool,
}

impl Tok {
    #[inline]
    fn new(span: Span, kind: TokKind, cap: bool, quoted: bool) -> Tok {
        Tok {
            start: span.start as u32,
            end: span.end as u32,
            kind,
            cap,
            quoted,
            verbish: false,
        }
    }

    /// The token's byte range.
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Its bytes in `text`: cut without the character boundary tests of
    /// a `&str`, for the tests that read bytes alone.
    #[inline]
    pub fn bytes<'a>(&self, text: &'a str) -> &'a [u8] {
        text.as_bytes()
            .get(self.start as usize..self.end as usize)
            .unwrap_or(&[])
    }

    /// Its length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// Abbreviations whose period belongs to the word.
pub(super) const DOTTED: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Lt", "Sgt", "Det", "Capt",
    "Gen", "Col", "Maj", "Cpl", "Pvt", "Cmdr", "Adm", "Prof", "Rev", "Msgr", "Fr", "Supt", "Insp",
    "Atty", "St", "Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "Dept", "Ald", "Mt", "Ft", "No", "Ave",
    "Blvd", "Rd", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Ore", "Wis", "Pa", "Ind",
    "Mich", "Calif", "Colo", "Conn", "Fla", "Ga", "Ill", "Kan", "Ky", "La", "Md", "Mass", "Minn",
    "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Tenn", "Vt", "Va", "Wash", "Wyo", "Ala", "Ariz",
    "Ark", "Del",
];

/// Is `word` one of [`DOTTED`]? (All are short and capitalised, which
/// turns most sentence-final words away before the list is searched.)
#[inline]
fn is_dotted_abbreviation(word: &str) -> bool {
    word.len() <= DOTTED_MAX_LEN
        && word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && DOTTED.contains(&word)
}

const DOTTED_MAX_LEN: usize = 5;

/// The character at byte `i` (before `end`) and its length.
#[inline]
fn char_at(text: &str, i: usize, end: usize) -> Option<(char, usize)> {
    if i >= end {
        return None;
    }
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    text.get(i..end)?.chars().next().map(|c| (c, c.len_utf8()))
}

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        // Curly quotes and dashes (General Punctuation, which holds no
        // letter or digit) skip the Unicode tables.
        !GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric()
    }
}

const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// Is the character at byte `i` (before `end`) a letter or digit?
#[inline]
fn alnum_at(text: &str, i: usize, end: usize) -> bool {
    char_at(text, i, end).is_some_and(|(c, _)| is_alnum(c))
}

/// Per byte: is it an ASCII letter or digit? (One look-up in the tokenizer's
/// innermost loop.)
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Where the word starting at `start` (its first character ends at `j`)
/// ends: letters and digits, joined by inner hyphens and apostrophes
/// ("co-op", "don't"), with the period of an abbreviation ("Dr.", "U.S.",
/// "a.m."). A possessive `'s` is left out. (Out of line: the tokenizer's
/// plain words need no call.)
#[inline(never)]
fn word_end(text: &str, start: usize, mut j: usize, end: usize) -> usize {
    let bytes = &text.as_bytes()[..end];
    loop {
        while bytes.get(j).is_some_and(|&b| ASCII_ALNUM[usize::from(b)]) {
            j += 1;
        }
        if j >= end {
            return j;
        }
        let (d, dlen) = match bytes[j] {
            b'-' | b'\'' | b'.' => (bytes[j] as char, 1),
            b if b < 0x80 => return j,
            _ => match char_at(text, j, end) {
                Some((d, dlen)) if is_alnum(d) => {
                    j += dlen;
                    continue;
                }
                Some((d @ '’', dlen)) => (d, dlen),
                _ => return j,
            },
        };
        let after = j + dlen;
        match d {
            '-' => {
                if !alnum_at(text, after, end) {
                    return j;
                }
                j += 1;
            }
            '.' => {
                let word = &text[start..j];
                let mut chars = word.chars();
                let single =
                    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
                let dotted = word.as_bytes().contains(&b'.');
                if single || dotted || is_dotted_abbreviation(word) {
                    j += 1;
                    if (single || dotted)
                        && char_at(text, j, end).is_some_and(|(n, _)| n.is_alphabetic())
                    {
                        continue;
                    }
                    return j;
                }
                if (word == "a" || word == "p") && text[j + 1..end].starts_with("m.") {
                    // a.m. / p.m.
                    j += 3;
                }
                return j;
            }
            _ => {
                // an apostrophe: a possessive 's ends the word
                let next = char_at(text, after, end);
                let n1 = next.map(|(n, _)| n);
                if n1 == Some('s') && !alnum_at(text, after + 1, end) {
                    return j;
                }
                if !n1.is_some_and(is_alnum) {
                    return j;
                }
                j += dlen;
            }
        }
    }
}

/// The length of the possessive that follows a word ending at `j`
/// (`word_last` its last byte): `'s` or `’s` not followed by a letter, or a
/// bare apostrophe after an `s` ("the Joneses' dog"); 0 if none.
#[inline]
fn possessive_len(text: &str, j: usize, end: usize, word_last: u8) -> usize {
    let rest = &text.as_bytes()[j..end];
    let apostrophe = match rest {
        [b'\'', ..] => 1,
        [0xE2, 0x80, 0x99, ..] => 3,
        _ => return 0,
    };
    if rest.get(apostrophe) == Some(&b's') && !alnum_at(text, j + apostrophe + 1, end) {
        return apostrophe + 1;
    }
    if word_last == b's' && !alnum_at(text, j + apostrophe, end) {
        return apostrophe;
    }
    0
}

/// Splits `span` of `text` into tokens.
pub fn tokenize(text: &str, span: Span, quotes: &[Span], out: &mut Vec<Tok>) {
    tokenize_with::<false>(
        text,
        span,
        quotes,
        out,
        &mut CueScan::new(&[]),
        &mut Notes::default(),
    );
}

/// Token indices the tokenizer notes on its way, so that later passes
/// visit those tokens alone instead of walking all of them.
#[derive(Debug, Default)]
pub struct Notes {
    /// The he/she words ([`pronoun_gender`]).
    pronouns: Vec<u32>,
    /// The [`Tok::verbish`] words.
    verbs: Vec<u32>,
    /// The words "the" and "The" (definite descriptions).
    thes: Vec<u32>,
    /// The capitalised words (where [`runs`] start).
    caps: Vec<u32>,
}

impl Notes {
    /// Room for the notes of `bytes` bytes of running text (about a
    /// reporting or frame word in 50 bytes, a capitalised word in 35, a
    /// "the" in 100, a he or she in 150).
    fn reserve(&mut self, bytes: usize) {
        self.verbs.reserve(bytes / 48 + 4);
        self.caps.reserve(bytes / 32 + 4);
        self.thes.reserve(bytes / 96 + 4);
        self.pronouns.reserve(bytes / 128 + 4);
    }

    fn clear(&mut self) {
        self.pronouns.clear();
        self.verbs.clear();
        self.thes.clear();
        self.caps.clear();
    }

    /// Notes the word `a..b` of `bytes`, about to be pushed as token `k`.
    #[inline(always)]
    fn word(&mut self, bytes: &[u8], a: usize, b: usize, t: &Tok, k: usize) {
        if t.verbish {
            self.verbs.push(k as u32);
        }
        if t.cap {
            self.caps.push(k as u32);
        }
        // (the length and first byte turn most words away)
        let n = b - a;
        if (2..=4).contains(&n) {
            match bytes[a] {
                b'h' | b'H' | b's' | b'S' if gender_of(&bytes[a..b]) != 0 => {
                    self.pronouns.push(k as u32);
                }
                b't' | b'T' if n == 3 && bytes[a + 1] == b'h' && bytes[a + 2] == b'e' => {
                    self.thes.push(k as u32);
                }
                _ => {}
            }
        }
    }
}

/// [`tokenize`] (no quotations), noting tokens in `notes`.
fn tokenize_noting(text: &str, span: Span, out: &mut Vec<Tok>, notes: &mut Notes) {
    tokenize_with::<false>(text, span, &[], out, &mut CueScan::new(&[]), notes);
}

/// [`tokenize_noting`] working out the sentence's cue bits on the way into
/// `cues` (made on `span`'s bytes): one walk over the bytes for all.
pub fn tokenize_cued(
    text: &str,
    span: Span,
    out: &mut Vec<Tok>,
    cues: &mut CueScan,
    notes: &mut Notes,
) {
    tokenize_with::<true>(text, span, &[], out, cues, notes);
}

#[inline(always)]
fn tokenize_with<const CUES: bool>(
    text: &str,
    span: Span,
    quotes: &[Span],
    out: &mut Vec<Tok>,
    cues: &mut CueScan,
    notes: &mut Notes,
) {
    let end = span.end.min(text.len());
    let mut i = span.start;
    if end > u32::MAX as usize {
        // token offsets are u32
        return;
    }
    if !text.is_char_boundary(i) || !text.is_char_boundary(end) {
        return;
    }
    let bytes = text.as_bytes();
    let class = cues.class();
    let filter = ReportOrFrame::get();
    // (cue positions are relative to the sentence)
    let base = span.start;
    let mut qi = quotes.partition_point(|q| q.end <= i);
    while i < end {
        let first = bytes[i];
        if ASCII_ALNUM[usize::from(first)] && qi == quotes.len() {
            // the common case: a word starting with an ASCII letter or
            // digit, no quotation left
            // (the class bits of the bytes after the first, for the cues)
            let mut inner = 0u8;
            let mut n = 0;
            for &b in &bytes[i + 1..end] {
                let c = class[usize::from(b)];
                if c & ALNUM == 0 {
                    break;
                }
                inner |= c;
                n += 1;
            }
            let mut j = i + 1 + n;
            if j < end && bytes[j] == b' ' {
                // the commonest case: a plain word, then a space (no
                // possessive, no abbreviation)
                if CUES {
                    cues.word(i - base, j - base, inner);
                }
                let t = word_tok(bytes, i, j, first.is_ascii_uppercase(), filter);
                notes.word(bytes, i, j, &t, out.len());
                out.push(t);
                i = j + 1;
                continue;
            }
            let run_end = j;
            if j < end && (matches!(bytes[j], b'-' | b'\'' | b'.') || bytes[j] >= 0x80) {
                // (a period after two or more bytes that start with no
                // capital, most often a sentence's end, is no abbreviation's,
                // initial's or "a.m."'s: `word_end` would stop there)
                let plain_stop = bytes[j] == b'.' && j - i >= 2 && !first.is_ascii_uppercase();
                if !plain_stop {
                    j = word_end(text, i, j, end);
                }
            }
            if CUES {
                if j == run_end {
                    cues.word(i - base, j - base, inner);
                } else {
                    cues.token(i - base, j - base);
                }
            }
            i = push_word(
                text,
                Span::new(i, j),
                end,
                first.is_ascii_uppercase(),
                false,
                filter,
                out,
                notes,
            );
            if CUES && i > j {
                cues.token(j - base, i - base);
            }
            // (most words end at a space, which starts no token)
            if i < end && bytes[i] == b' ' {
                i += 1;
            }
            continue;
        }
        if first < 0x80 && qi == quotes.len() {
            // an ASCII mark or space, no quotation left (no letter or
            // digit: no cue)
            if !matches!(first, b'\t'..=b'\r' | b' ') {
                out.push(Tok::new(Span::new(i, i + 1), TokKind::Punct, false, false));
            }
            i += 1;
            continue;
        }
        // ASCII first: most of a draft's characters
        let (c, clen) = match first {
            b' ' => {
                i += 1;
                continue;
            }
            b if b < 0x80 => (b as char, 1),
            _ => match char_at(text, i, end) {
                Some(x) => x,
                None => break,
            },
        };
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        while qi < quotes.len() && quotes[qi].end <= i {
            qi += 1;
        }
        let quoted = qi < quotes.len() && quotes[qi].start <= i && i < quotes[qi].end;
        if !is_alnum(c) {
            // (no letter or digit: no cue)
            out.push(Tok::new(
                Span::new(i, i + clen),
                TokKind::Punct,
                false,
                quoted,
            ));
            i += clen;
            continue;
        }
        let j = word_end(text, i, i + clen, end);
        let next = push_word(
            text,
            Span::new(i, j),
            end,
            c.is_uppercase(),
            quoted,
            filter,
            out,
            notes,
        );
        if CUES {
            cues.token(i - base, next - base);
        }
        i = next;
    }
}

/// Pushes the word at `word`, then its possessive (`'s`) if one follows;
/// returns where the next token starts.
/// (Many arguments: it is a piece of the tokenizer's loop, inlined there.)
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn push_word(
    text: &str,
    word: Span,
    end: usize,
    capitalised: bool,
    quoted: bool,
    filter: ReportOrFrame,
    out: &mut Vec<Tok>,
    notes: &mut Notes,
) -> usize {
    let bytes = text.as_bytes();
    let t = Tok {
        quoted,
        ..word_tok(bytes, word.start, word.end, capitalised, filter)
    };
    notes.word(bytes, word.start, word.end, &t, out.len());
    out.push(t);
    // a possessive starts with an apostrophe, straight or curly (0xE2)
    let may_own = word.end < end && matches!(bytes[word.end], b'\'' | 0xE2);
    let poss = if may_own {
        possessive_len(text, word.end, end, text.as_bytes()[word.end - 1])
    } else {
        0
    };
    if poss > 0 {
        out.push(Tok::new(
            Span::new(word.end, word.end + poss),
            TokKind::Poss,
            false,
            quoted,
        ));
    }
    word.end + poss
}

/// The unquoted word token `a..b` of `bytes`.
#[inline(always)]
fn word_tok(bytes: &[u8], a: usize, b: usize, capitalised: bool, filter: ReportOrFrame) -> Tok {
    let w = &bytes[a..b];
    Tok {
        verbish: (3..=13).contains(&w.len()) && filter.may_be(w),
        ..Tok::new(Span::new(a, b), TokKind::Word, capitalised, false)
    }
}

/// One sentence's tokens.
#[derive(Clone, Debug)]
pub struct SentToks {
    pub span: Span,
    pub block: usize,
    pub checked: bool,
    pub title_case: bool,
    /// [`sentence_cues`] bits: which cue regexes may match in the sentence.
    pub cues: u8,
    /// Range into `Index::toks`.
    pub a: usize,
    pub b: usize,
    /// Where its [`SentScan`] is: block work in `Index::works` and
    /// sentence, or [`OWN_SCANS`] and index in `Index::own_scans`.
    scan: (u32, u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    Named,
    /// "the company"
    Definite,
}

#[derive(Clone, Copy, Debug)]
pub struct Mention {
    pub actor: usize,
    pub span: Span,
    pub sent: usize,
    /// Token range of the name itself.
    pub a: usize,
    pub b: usize,
    /// Token range including a title prefix.
    pub run_a: usize,
    pub poss: bool,
    pub quoted: bool,
    pub kind: MentionKind,
}

/// Everything the reply analysis needs about names in the draft.
pub struct Index {
    pub toks: Vec<Tok>,
    pub sents: Vec<SentToks>,
    pub mentions: Vec<Mention>,
    /// The mention ending at each token.
    mention_end: Marks,
    /// The mention starting at each token.
    mention_start: Marks,
    pub actors: Vec<Actor>,
    /// Generic affiliation keys ("city", "police") per actor.
    pub gender: Vec<i32>,
    /// The he/she/his/him/her/hers tokens, in order.
    pub pronouns: Vec<usize>,
    /// The blocks' work handed in that the sentences came from.
    works: Vec<Arc<BlockToks>>,
    /// The scans of the sentences of the other blocks.
    own_scans: Vec<SentScan>,
}

/// For each token, the last of some mentions that marks it (starts or ends
/// there): a bit per token and, per 64 tokens, how many bits come before,
/// so that a marked token's rank among the marked ones is its mention when
/// the mentions mark tokens in order, as they do. (A number per token cost
/// more to clear on a short draft than all the look-ups into it.)
#[derive(Debug, Default)]
struct Marks {
    /// A bit per token, and the bits set in the words before.
    words: Vec<(u64, u32)>,
    /// The mention of each rank when the mentions are out of order (else
    /// empty: the rank is the mention).
    of_rank: Vec<u32>,
}

impl Marks {
    /// The marks of `n` tokens, the `i`th item of `at` the token (< `n`)
    /// mention `i` marks.
    fn new(n: usize, at: impl Iterator<Item = usize> + Clone) -> Marks {
        let mut words = vec![(0u64, 0u32); n.div_ceil(64)];
        let mut of_rank = Vec::new();
        let mut last = None;
        for k in at.clone() {
            if last.is_some_and(|l| l >= k) {
                // out of order: the last mention marking a token wins
                words.iter_mut().for_each(|w| w.0 = 0);
                let mut marks: Vec<(usize, u32)> =
                    at.enumerate().map(|(i, k)| (k, i as u32)).collect();
                marks.sort_by_key(|&(k, _)| k);
                marks.dedup_by(|later, kept| {
                    let same = later.0 == kept.0;
                    if same {
                        kept.1 = later.1;
                    }
                    same
                });
                for &(k, i) in &marks {
                    words[k / 64].0 |= 1 << (k % 64);
                    of_rank.push(i);
                }
                break;
            }
            words[k / 64].0 |= 1 << (k % 64);
            last = Some(k);
        }
        let mut count = 0;
        for w in &mut words {
            w.1 = count;
            count += w.0.count_ones();
        }
        Marks { words, of_rank }
    }

    /// The mention marking token `k`.
    #[inline]
    fn get(&self, k: usize) -> Option<usize> {
        let &(w, before) = self.words.get(k / 64)?;
        let bit = 1u64 << (k % 64);
        if w & bit == 0 {
            return None;
        }
        let rank = before as usize + (w & (bit - 1)).count_ones() as usize;
        Some(self.of_rank.get(rank).map_or(rank, |&i| i as usize))
    }
}

/// [`SentToks::scan`]'s block for a scan in [`Index::own_scans`].
const OWN_SCANS: u32 = u32::MAX;

impl Index {
    /// The mention starting at token `k`.
    pub fn start_at(&self, k: usize) -> Option<usize> {
        self.mention_start.get(k)
    }

    /// The mention ending at token `k` (inclusive).
    pub fn end_at(&self, k: usize) -> Option<usize> {
        self.mention_end.get(k)
    }

    pub fn word<'a>(&self, text: &'a str, i: usize) -> &'a str {
        self.toks[i].span().slice(text)
    }

    /// What the reply analysis reads off sentence `si` alone.
    pub fn scan(&self, si: usize) -> &SentScan {
        let (w, k) = self.sents[si].scan;
        if w == OWN_SCANS {
            &self.own_scans[k as usize]
        } else {
            &self.works[w as usize].scans[k as usize]
        }
    }
}

/// Is token `t` of `text` a word that may be part of a name?
#[inline]
fn is_name_word(t: &Tok, text: &str) -> bool {
    if t.kind != TokKind::Word || !t.cap {
        return false;
    }
    // (the common case: a capital, then a lower-case letter)
    if t.bytes(text).get(1).is_some_and(u8::is_ascii_lowercase) {
        return true;
    }
    is_odd_name_word(t.span().slice(text))
}

/// [`is_name_word`] of a capitalised word whose second byte is no ASCII
/// lower-case letter.
#[inline(never)]
fn is_odd_name_word(w: &str) -> bool {
    // All-caps shouting words (longer than an acronym) are not names.
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters > 5 && w.chars().all(|c| !c.is_lowercase()) {
        return false;
    }
    !w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

const CONNECTORS: &[&str] = &[
    "of", "for", "de", "van", "von", "der", "la", "du", "del", "&",
];

/// The longest of [`CONNECTORS`], in bytes.
const CONNECTOR_MAX_LEN: usize = 3;

// (`runs` relies on it: no connector is longer, or starts with a capital)
const _: () = {
    let mut i = 0;
    while i < CONNECTORS.len() {
        let b = CONNECTORS[i].as_bytes();
        assert!(b.len() <= CONNECTOR_MAX_LEN && b[0] < 0x80 && !b[0].is_ascii_uppercase());
        i += 1;
    }
};

/// A capitalised run inside a sentence.
#[derive(Clone, Copy, Debug)]
struct Run {
    /// Whole run including a title prefix.
    a: usize,
    /// Start of the name after titles.
    n: usize,
    b: usize,
    /// Title prefix present.
    titled: bool,
}

/// The capitalised runs of the sentence of tokens `sa..sb`, whose
/// capitalised tokens are `caps` (in order; only they may start a run).
fn runs(text: &str, toks: &[Tok], sa: usize, sb: usize, caps: &[u32], out: &mut Vec<Run>) {
    // (the sentence's end is the slice's: no bounds checks below)
    let toks = &toks[..sb];
    let mut i = sa;
    for &c in caps {
        let c = c as usize;
        if c < i || c >= sb {
            continue;
        }
        i = c;
        if !is_name_word(&toks[i], text) {
            continue;
        }
        let a = i;
        let mut b = i + 1;
        while b < sb && b - a < 12 {
            let t = &toks[b];
            // (a connector is lower case or "&", and at most three bytes:
            // most words after a name are neither it nor a name word)
            if t.cap {
                if is_name_word(t, text) {
                    b += 1;
                    continue;
                }
                break;
            }
            if t.len() > CONNECTOR_MAX_LEN {
                break;
            }
            let w = t.span().slice(text);
            if CONNECTORS.contains(&w)
                && b + 1 < sb
                && is_name_word(&toks[b + 1], text)
                && !COMMON_CAPS.has_tok(text, &toks[b + 1])
                && (w != "of" && w != "for" || b - a >= 1)
            {
                b += 2;
                continue;
            }
            break;
        }
        // Sentence-initial common words are not part of a name.
        let mut s = a;
        while s < b {
            if COMMON_CAPS.has_tok(text, &toks[s]) && !TITLE_HEADS.has_tok(text, &toks[s]) {
                s += 1;
            } else {
                break;
            }
        }
        // Leading connectors left over.
        // (no connector is capitalised, as most of a run's words are)
        while s < b && !toks[s].cap && CONNECTORS.contains(&toks[s].span().slice(text)) {
            s += 1;
        }
        if s < b {
            // Title split: the last title head followed by a plain name.
            let mut n = s;
            let mut titled = false;
            for k in s..b {
                if TITLE_HEADS.has_tok(text, &toks[k])
                    || toks[k].bytes(text).starts_with(b"President-")
                {
                    let rest_ok = k + 1 < b
                        && (k + 1..b).all(|m| {
                            !ORG_WORDS.has_tok(text, &toks[m])
                                && !TITLE_HEADS.has_tok(text, &toks[m])
                        });
                    if rest_ok {
                        n = k + 1;
                        titled = true;
                    }
                }
            }
            // Party label at the start ("Republican Helen Park").
            while n < b && PARTY.has_tok(text, &toks[n]) && n + 1 < b {
                n += 1;
                titled = true;
            }
            out.push(Run { a: s, n, b, titled });
        }
        i = b.max(i + 1);
    }
}

fn lower_first(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_lowercase())
}

fn prev_word<'a>(text: &'a str, toks: &[Tok], sa: usize, i: usize) -> Option<&'a str> {
    (i > sa).then(|| toks[i - 1].span().slice(text))
}

/// The kind of a new actor named by `run`, or None when it is a place or too
/// weak to stand as an actor on its own.
fn classify(
    text: &str,
    toks: &[Tok],
    sa: usize,
    sb: usize,
    r: &Run,
    dateline_place: &str,
) -> Option<ActorKind> {
    // (runs are short: the words on the stack)
    let mut buf = [""; 16];
    let many: Vec<&str>;
    let names: &[&str] = if r.b - r.n <= buf.len() {
        for (slot, k) in buf.iter_mut().zip(r.n..r.b) {
            *slot = toks[k].span().slice(text);
        }
        &buf[..r.b - r.n]
    } else {
        many = (r.n..r.b).map(|k| toks[k].span().slice(text)).collect();
        &many
    };
    let first = names[0];
    let last = *names.last()?;
    let full = toks[r.n].span().start..toks[r.b - 1].span().end;
    let full = &text[full];
    let at_start = (sa..r.a).all(|k| toks[k].kind == TokKind::Punct);
    let prev = prev_word(text, toks, sa, r.a);
    let next = (r.b < sb).then(|| toks[r.b].span().slice(text));
    let next_lower_noun = r.b < sb
        && toks[r.b].kind == TokKind::Word
        && lower_first(next.unwrap_or(""))
        && !STOP.contains(next.unwrap_or(""));
    let prev_the = matches!(prev, Some("the" | "The"));
    if !dateline_place.is_empty() && full.eq_ignore_ascii_case(dateline_place) {
        return None;
    }
    if names
        .iter()
        .all(|w| PLACES.contains(w) || COMMON_CAPS.contains(w))
    {
        return None;
    }
    if PLACE_FIRST.contains(first) && !ORG_WORDS.contains(last) {
        return None;
    }
    let has_org = names.iter().any(|w| ORG_WORDS.contains(w) || *w == "&")
        || names.iter().any(|w| *w == "of" || *w == "for");
    if has_org && !PLACE_WORDS.contains(last) {
        return Some(ActorKind::Org);
    }
    // "White House advisor": a name used as a modifier of a role noun.
    if names.len() > 1 && next_lower_noun && ROLE_NOUNS.contains(next.unwrap_or("")) && !r.titled {
        return Some(ActorKind::Org);
    }
    if PLACE_WORDS.contains(last) {
        return None;
    }
    let locative = matches!(
        prev,
        Some("in" | "at" | "near" | "from" | "outside" | "to" | "across" | "toward" | "into")
    );
    if names.len() == 1 {
        let w = first;
        if COMMON_CAPS.contains(w) || PLACES.contains(w) || w.ends_with("-based") {
            return None;
        }
        let pw0 = prev.unwrap_or("");
        let hyphen_title = pw0.contains('-') && pw0.split('-').any(|p| TITLE_HEADS.contains(p));
        if r.titled || hyphen_title {
            return Some(ActorKind::Person);
        }
        if at_start {
            return None;
        }
        let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
        // "the fitness app Stridely", "according to PitchLedger", "the FBI"
        let pw = prev.unwrap_or("");
        let pre_role = ROLE_NOUNS.contains(pw) && lower_first(pw);
        let according = r.a >= sa + 2 && toks[r.a - 2].span().slice(text) == "according";
        if pre_role {
            return match class_of_head(pw) {
                Some(_) => Some(ActorKind::Org),
                None => Some(ActorKind::Person),
            };
        }
        if next_lower_noun || locative {
            return None;
        }
        if according || (prev_the && !locative) || acronym {
            return Some(ActorKind::Org);
        }
        return None;
    }
    if locative && !r.titled && !prev_the {
        return None;
    }
    if prev_the || matches!(prev, Some("a" | "an")) {
        if next_lower_noun {
            return None;
        }
        return Some(ActorKind::Org);
    }
    if names.len() > 4 {
        return None;
    }
    if names
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_alphabetic))
    {
        return Some(ActorKind::Person);
    }
    None
}

/// Per byte, for [`name_key`]: 1 for a space, 2 for a byte that keeps a
/// name from being its own key (other white space, non-ASCII), else 0.
static NAME_KEY_BYTES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c == b' ' {
            1
        } else if c >= 0x80 || c.is_ascii_whitespace() || c == 0x0B {
            2
        } else {
            0
        };
        b += 1;
    }
    t
};

fn name_key(s: &str) -> Cow<'_, str> {
    // Fast path: plain ASCII with single spaces is its own key.
    // (one look-up a byte: spaces and odd bytes alone take a closer look)
    let bytes = s.as_bytes();
    let mut plain = true;
    for (i, &c) in bytes.iter().enumerate() {
        let class = NAME_KEY_BYTES[usize::from(c)];
        if class != 0 && (class == 2 || i > 0 && bytes[i - 1] == b' ') {
            plain = false;
            break;
        }
    }
    if plain {
        return Cow::Borrowed(s);
    }
    if s.contains(|c: char| c.is_whitespace() && c != ' ') || s.contains("  ") {
        Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(s)
    }
}

struct Builder<'a> {
    text: &'a str,
    actors: Vec<Actor>,
    /// What a normalised name ([`name_key`]) stands for (one map, so a
    /// lookup hashes the name once). Names and aliases are mostly slices
    /// of the text: no allocation for them.
    names: HashMap<Cow<'a, str>, Known>,
    /// [`Builder::add`]'s word bounds, reused.
    bounds: Vec<(usize, usize)>,
    /// [`Builder::add`]'s aliases, reused.
    aliases: Vec<Cow<'a, str>>,
}

/// A name [`Builder`] knows: an actor's full name, an alias of some, or both.
#[derive(Default)]
struct Known {
    /// The actor of that full name.
    actor: Option<usize>,
    alias_of: AliasOf,
}

/// Whose alias a name is.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum AliasOf {
    #[default]
    Nobody,
    One(usize),
    /// Several actors': ambiguous, it links none.
    Many,
}

/// `key[r]`, borrowed from the text when `key` is.
fn sub<'a>(key: &Cow<'a, str>, r: std::ops::Range<usize>) -> Cow<'a, str> {
    match key {
        Cow::Borrowed(s) => {
            let s: &'a str = s;
            Cow::Borrowed(&s[r])
        }
        Cow::Owned(s) => Cow::Owned(s[r].to_string()),
    }
}

impl<'a> Builder<'a> {
    /// The actor whose full name `key` (normalised) is.
    fn by_name(&self, key: &str) -> Option<usize> {
        self.names.get(key).and_then(|k| k.actor)
    }

    /// The actor whose full name `key` (normalised) is, and whether `key`
    /// is an alias.
    fn known(&self, key: &str) -> (Option<usize>, bool) {
        match self.names.get(key) {
            Some(k) => (k.actor, k.alias_of != AliasOf::Nobody),
            None => (None, false),
        }
    }

    /// Records `key` as an alias of `id`.
    fn add_alias(&mut self, key: Cow<'a, str>, id: usize) {
        let a = &mut self.names.entry(key).or_default().alias_of;
        *a = match *a {
            AliasOf::Nobody => AliasOf::One(id),
            AliasOf::One(old) if old == id => AliasOf::One(id),
            _ => AliasOf::Many,
        };
    }

    /// Adds the actor of the normalised name `key` ([`name_key`]), or
    /// upgrades an organisation known by a shorter form of it.
    /// (Its one caller has looked `key` up: no actor has that name yet.)
    fn add(&mut self, key: Cow<'a, str>, kind: ActorKind) -> usize {
        // The words: `key` has single spaces between them.
        let mut bounds = std::mem::take(&mut self.bounds);
        bounds.clear();
        let mut from = 0;
        for (i, b) in key.bytes().enumerate() {
            if b == b' ' {
                bounds.push((from, i));
                from = i + 1;
            }
        }
        bounds.push((from, key.len()));
        let nw = bounds.len();
        let word = |k: usize| &key[bounds[k].0..bounds[k].1];
        // A shorter form seen first ("Larkspur Management" in a heading,
        // then "Larkspur Management Co.") is the same organisation.
        let mut upgraded = None;
        if kind == ActorKind::Org {
            for k in (2..nw).rev() {
                // the first k words
                let prefix = &key[..bounds[k - 1].1];
                if let Some(old) = self.by_name(prefix) {
                    self.actors[old].name = CompactString::new(&key);
                    self.actors[old].kind = ActorKind::Org;
                    self.actors[old].aliases.clear();
                    upgraded = Some(old);
                    break;
                }
            }
        }
        let id = match upgraded {
            Some(old) => old,
            None => {
                let id = self.actors.len();
                self.actors.push(Actor {
                    id,
                    name: CompactString::new(&key),
                    kind,
                    mentions: SmallVec::new(),
                    descriptors: SmallVec::new(),
                    affiliation: None,
                    speaks_for_affiliation: false,
                    aliases: SmallVec::new(),
                    affiliation_key: None,
                    inside_affiliation: false,
                    role: None,
                    classes: Vec::new(),
                    dead: false,
                });
                id
            }
        };
        self.names.entry(key.clone()).or_default().actor = Some(id);
        let mut aliases = std::mem::take(&mut self.aliases);
        aliases.clear();
        match kind {
            ActorKind::Person => {
                let mut n = nw;
                while n > 1 && matches!(word(n - 1), "Jr." | "Sr." | "II" | "III" | "IV") {
                    n -= 1;
                }
                if n > 1 {
                    aliases.push(sub(&key, bounds[n - 1].0..bounds[n - 1].1));
                    // drop middle initials
                    if n > 2 {
                        aliases.push(Cow::Owned(format!("{} {}", word(0), word(n - 1))));
                    }
                }
            }
            ActorKind::Org => {
                for k in 1..nw {
                    let last = word(k - 1);
                    if CONNECTORS.contains(&last)
                        || PLACE_WORDS.contains(last)
                        || COMMON_CAPS.contains(last)
                    {
                        continue;
                    }
                    if k == 1 && (PLACES.contains(last) || ORG_WORDS.contains(last)) {
                        continue;
                    }
                    if k == 1 && (k..nw).any(|j| matches!(word(j), "of" | "for")) {
                        // "Board of X": "Board" alone is no alias
                        continue;
                    }
                    // the first k words
                    aliases.push(sub(&key, 0..bounds[k - 1].1));
                }
                let last = word(nw - 1);
                let paper = matches!(
                    last,
                    "Post"
                        | "Times"
                        | "Tribune"
                        | "Journal"
                        | "Herald"
                        | "Gazette"
                        | "Ledger"
                        | "Globe"
                        | "Chronicle"
                        | "Sun"
                        | "Star"
                        | "Bee"
                        | "Inquirer"
                );
                if nw > 1
                    && (paper || !ORG_WORDS.contains(last))
                    && !PLACE_WORDS.contains(last)
                    && !COMMON_CAPS.contains(last)
                    && !PLACES.contains(last)
                {
                    aliases.push(sub(&key, bounds[nw - 1].0..bounds[nw - 1].1));
                }
                let caps = || {
                    (0..nw)
                        .map(word)
                        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                };
                if nw > 1 && caps().nth(1).is_some() {
                    let acr: String = caps().filter_map(|w| w.chars().next()).collect();
                    aliases.push(Cow::Owned(acr));
                }
                if let Some(c) = class_of_head(last) {
                    self.actors[id].classes.push(c);
                }
                if (0..nw).any(|k| word(k) == "Police")
                    && !self.actors[id].classes.contains(&"police")
                {
                    self.actors[id].classes.push("police");
                }
            }
        }
        let own = &mut self.actors[id].aliases;
        if own.is_empty() {
            // (a new vector of the right size: cheaper than growing one)
            *own = SmallVec::with_capacity(aliases.len());
        } else {
            own.reserve(aliases.len());
        }
        for al in aliases.drain(..) {
            self.actors[id].aliases.push(CompactString::new(&al));
            self.add_alias(al, id);
        }
        self.aliases = aliases;
        self.bounds = bounds;
        id
    }

    fn lookup(&self, name: &str) -> Option<usize> {
        self.lookup_key(&name_key(name))
    }

    /// [`Builder::lookup`] of a name normalised already ([`name_key`]).
    fn lookup_key(&self, key: &str) -> Option<usize> {
        // A single word that is an unambiguous alias of a longer name refers
        // to that name ("the Post", "the PAC").
        let known = self.names.get(key)?;
        let alias = match known.alias_of {
            AliasOf::One(id) => Some(id),
            _ => None,
        };
        if key.contains(' ') {
            known.actor.or(alias)
        } else {
            alias.or(known.actor)
        }
    }
}

/// Most blocks are sentence case; a title-case heading would turn every word
/// into a name, so such blocks only link names already known.
fn is_title_case(text: &str, toks: &[Tok]) -> bool {
    let mut long = 0;
    for t in toks {
        if t.kind == TokKind::Word && t.span().len() > 3 && !t.quoted {
            let ok = t.cap
                || matches!(
                    t.bytes(text),
                    b"with" | b"from" | b"into" | b"over" | b"than" | b"that" | b"upon" | b"onto"
                );
            if !ok {
                return false;
            }
            long += 1;
        }
    }
    long >= 4
}

/// The actor pass's work on one block's sentences that reads nothing but
/// their text: tokens, cue bits, capitalised runs and he/she pronouns, with
/// offsets relative to the block's start and token indices relative to the
/// block's first token. [`crate::Analyzer`] keeps it per block text and
/// hands it back to [`build_with`] while the block is unchanged, wherever
/// the block now stands.
///
/// Which tokens are inside quotations depends on quotations that may run
/// over from other blocks, so the tokens are kept unquoted and marked
/// afresh on every build (see [`mark_quoted`]).
#[derive(Debug, Default)]
pub struct BlockToks {
    toks: Vec<Tok>,
    sents: Vec<LocalSent>,
    runs: Vec<Run>,
    notes: Notes,
    scans: Vec<SentScan>,
}

/// One sentence of a [`BlockToks`].
#[derive(Clone, Copy, Debug)]
struct LocalSent {
    /// Token range in the block's tokens.
    a: u32,
    b: u32,
    /// Range in the block's runs.
    ra: u32,
    rb: u32,
    /// Range in the block's [`Notes::verbs`].
    va: u32,
    vb: u32,
    cues: u8,
    /// [`is_title_case`] as if no token were quoted (false when the
    /// sentence has no runs, which are all that reads it).
    title_case: bool,
}

impl BlockToks {
    /// The work on the sentences `spans` (absolute, sorted) of the block
    /// starting at `at` in `text`.
    pub fn compute(text: &str, at: usize, spans: &[Span]) -> BlockToks {
        let mut work = BlockToks::default();
        let mut scans = Vec::new();
        work.compute_into(text, spans, &mut scans);
        work.scans = scans;
        // (tokens end before u32::MAX: `tokenize` makes none past it)
        let back = at as u32;
        for t in work.toks.iter_mut() {
            t.start -= back;
            t.end -= back;
        }
        work
    }

    /// [`BlockToks::compute`] into `self`, reusing its buffers, but with
    /// the tokens at their offsets in `text` (a block worked out for one
    /// build only needs no shifting back and forth), and the sentences'
    /// scans pushed onto `scans` (`self.scans` is left alone: a block
    /// worked out for one build puts them straight where the index keeps
    /// them).
    fn compute_into(&mut self, text: &str, spans: &[Span], scans: &mut Vec<SentScan>) {
        let BlockToks {
            toks,
            sents,
            runs: runs_out,
            notes,
            scans: _,
        } = self;
        toks.clear();
        runs_out.clear();
        notes.clear();
        sents.clear();
        // (about five bytes a token in running text)
        let bytes = spans.last().map_or(0, |s| s.end) - spans.first().map_or(0, |s| s.start);
        toks.reserve(bytes / 4 + 4);
        sents.reserve(spans.len());
        scans.reserve(spans.len());
        // The cue bits come with the tokens (one walk over the bytes) when
        // the spans are in order on character boundaries, as the sentence
        // splitter makes them; else from `sentence_cues` on its own.
        let apart = if spans_fit(text, spans) {
            None
        } else {
            Some(sentence_cues(text, spans))
        };
        let mut exotic = apart.is_none() && gaps_have_exotics(text, spans);
        for (n, s) in spans.iter().enumerate() {
            let a = toks.len();
            let va = notes.verbs.len();
            let cues = match &apart {
                Some(cues) => {
                    tokenize_noting(text, *s, toks, notes);
                    cues[n]
                }
                None => {
                    let mut scan = CueScan::new(&text.as_bytes()[s.start..s.end]);
                    tokenize_cued(text, *s, toks, &mut scan, notes);
                    exotic |= scan.exotic;
                    scan.bits
                }
            };
            sents.push(LocalSent {
                a: a as u32,
                b: toks.len() as u32,
                ra: 0,
                rb: 0,
                va: va as u32,
                vb: notes.verbs.len() as u32,
                cues,
                title_case: false,
            });
        }
        // (where the sentence's capitalised tokens start in `notes.caps`)
        let mut cp = 0;
        for (l, s) in sents.iter_mut().zip(spans) {
            if exotic {
                // (as `sentence_cues`: case folding may hide a cue)
                l.cues = u8::MAX;
            }
            let (a, b) = (l.a as usize, l.b as usize);
            let verbs = &notes.verbs[l.va as usize..l.vb as usize];
            scan_sentence(text, &toks[a..b], a, verbs, *s, l.cues, scans);
            let ra = runs_out.len();
            while cp < notes.caps.len() && (notes.caps[cp] as usize) < a {
                cp += 1;
            }
            let mut ce = cp;
            while ce < notes.caps.len() && (notes.caps[ce] as usize) < b {
                ce += 1;
            }
            runs(text, toks, a, b, &notes.caps[cp..ce], runs_out);
            cp = ce;
            l.ra = ra as u32;
            l.rb = runs_out.len() as u32;
            // (only read for a sentence with runs)
            l.title_case = l.ra < l.rb && is_title_case(text, &toks[a..b]);
        }
    }

    /// The sentences' cue bits.
    #[cfg(test)]
    pub fn cues(&self) -> Vec<u8> {
        self.sents.iter().map(|l| l.cues).collect()
    }

    /// How many sentences it covers.
    pub fn sentences(&self) -> usize {
        self.sents.len()
    }
}

/// Are `spans` in order, inside `text` and on its character boundaries,
/// with offsets that fit a token's `u32`? (Then [`tokenize_cued`] gives
/// [`sentence_cues`]'s bits.)
fn spans_fit(text: &str, spans: &[Span]) -> bool {
    text.len() <= u32::MAX as usize
        && spans.iter().all(|s| {
            s.start <= s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        })
        && spans.windows(2).all(|w| w[0].end <= w[1].start)
}

/// Marks the tokens inside a quotation (`quotes`: inner spans, sorted), as
/// [`tokenize`] does: a word or mark by where it starts, a possessive like
/// its word. `toks` are one sentence's, starting at `from`.
fn mark_quoted(toks: &mut [Tok], from: usize, quotes: &[Span]) {
    let mut qi = quotes.partition_point(|q| q.end <= from);
    let mut prev = false;
    for t in toks {
        if t.kind == TokKind::Poss {
            t.quoted = prev;
            continue;
        }
        let i = t.start as usize;
        while qi < quotes.len() && quotes[qi].end <= i {
            qi += 1;
        }
        t.quoted = qi < quotes.len() && quotes[qi].start <= i && i < quotes[qi].end;
        prev = t.quoted;
    }
}

/// Builds the actor index for the draft.
pub fn build(doc: &Document, sentences: &[Sentence], quotes: &[Quote]) -> Index {
    build_with(doc, sentences, quotes, &[])
}

/// [`build`], taking each block's [`BlockToks`] from `blocks` (indexed like
/// `doc.blocks`) where given, else working it out.
pub fn build_with(
    doc: &Document,
    sentences: &[Sentence],
    quotes: &[Quote],
    blocks: &[Option<Arc<BlockToks>>],
) -> Index {
    let text = doc.prose.as_str();
    let qspans: Vec<Span> = {
        let mut v: Vec<Span> = quotes.iter().map(|q| q.inner).collect();
        v.sort();
        v
    };
    let mut toks = Vec::with_capacity(text.len() / 4 + 16);
    // he/she tokens, for the gender guess
    let mut pronouns: Vec<usize> = Vec::with_capacity(text.len() / 128 + 16);
    // "the" and "The" tokens, for definite descriptions
    let mut thes: Vec<usize> = Vec::with_capacity(text.len() / 96 + 16);
    let mut sents = Vec::with_capacity(sentences.len());
    // (a few runs a sentence; sized up front, as growing copies them)
    let mut run_store: Vec<Run> = Vec::with_capacity(sentences.len() * 3);
    let mut run_ranges: Vec<(usize, usize)> = Vec::with_capacity(sentences.len());
    let mut works: Vec<Arc<BlockToks>> = Vec::new();
    // Blocks nobody handed in are worked out in one reused buffer, their
    // scans kept in the index (saves allocating each block's vectors).
    let mut scratch = BlockToks::default();
    // (room for the notes of a long block at once: growing copies them)
    scratch.notes.reserve(text.len().min(1 << 16));
    let mut spans: Vec<Span> = Vec::new();
    // (one a sentence when no block is handed in, as from the CLI)
    // (the first quotation not ending before the last sentence's start)
    let (mut qi, mut last_start) = (0, 0);
    let mut own_scans: Vec<SentScan> = Vec::with_capacity(if blocks.is_empty() {
        sentences.len()
    } else {
        0
    });
    for group in sentences.chunk_by(|a, b| a.block == b.block) {
        let (bi, n) = (group[0].block, group.len());
        let block_start = doc.blocks.get(bi).map_or(0, |b| b.span.start);
        let at = block_start.min(group[0].span.start);
        let end = group.last().map_or(at, |s| s.span.end);
        let given = blocks
            .get(bi)
            .and_then(Option::as_ref)
            .filter(|w| w.sents.len() == n && at == block_start && end <= u32::MAX as usize);
        // (where the block's scans are: `works[wi]`, or `own_scans` from
        // `first_scan` on)
        let (work, wi, first_scan): (&BlockToks, u32, usize) = match given {
            Some(w) => {
                works.push(Arc::clone(w));
                (w, (works.len() - 1) as u32, 0)
            }
            None => {
                spans.clear();
                spans.extend(group.iter().map(|s| s.span));
                let first = own_scans.len();
                scratch.compute_into(text, &spans, &mut own_scans);
                (&scratch, OWN_SCANS, first)
            }
        };
        let t0 = toks.len();
        if given.is_some() {
            // a handed-in block's tokens are relative to its start
            let shift = at as u32;
            toks.extend(work.toks.iter().map(|t| Tok {
                start: t.start + shift,
                end: t.end + shift,
                ..*t
            }));
        } else {
            toks.extend_from_slice(&work.toks);
        }
        pronouns.extend(work.notes.pronouns.iter().map(|&k| t0 + k as usize));
        thes.extend(work.notes.thes.iter().map(|&k| t0 + k as usize));
        let r0 = run_store.len();
        run_store.extend(work.runs.iter().map(|r| Run {
            a: r.a + t0,
            n: r.n + t0,
            b: r.b + t0,
            titled: r.titled,
        }));
        let kind = doc.blocks.get(bi).map(|b| b.kind);
        for (k, (s, l)) in group.iter().zip(&work.sents).enumerate() {
            let (a, b) = (t0 + l.a as usize, t0 + l.b as usize);
            // (the block's tokens come unquoted: only a sentence a quotation
            // reaches into needs marking)
            // (sentences come in order: the first quotation that may reach
            // into this one is found by moving on from the last one's)
            if s.span.start < last_start {
                qi = 0;
            }
            last_start = s.span.start;
            while qi < qspans.len() && qspans[qi].end <= s.span.start {
                qi += 1;
            }
            let quoted = qspans.get(qi).is_some_and(|q| q.start < s.span.end) && {
                mark_quoted(&mut toks[a..b], s.span.start, &qspans);
                toks[a..b].iter().any(|t| t.quoted)
            };
            sents.push(SentToks {
                span: s.span,
                block: s.block,
                checked: kind.is_some_and(|k| k.is_checked()),
                // (only read for a sentence with runs)
                title_case: if quoted && l.ra < l.rb {
                    is_title_case(text, &toks[a..b])
                } else {
                    l.title_case
                },
                cues: l.cues,
                a,
                b,
                scan: (wi, (first_scan + k) as u32),
            });
            run_ranges.push((r0 + l.ra as usize, r0 + l.rb as usize));
        }
    }
    let dateline_place = doc
        .dateline
        .as_ref()
        .map(|d| d.place.split(',').next().unwrap_or("").trim().to_string())
        .unwrap_or_default();
    // (sized up front: growing the map rehashes it; a few names a run)
    let mut bld = Builder {
        text,
        actors: Vec::with_capacity(run_store.len().min(1024) / 2 + 8),
        names: HashMap::with_capacity_and_hasher(run_store.len() + 16, Default::default()),
        bounds: Vec::new(),
        aliases: Vec::new(),
    };
    // Pass 1: create actors from full names.
    // (each run's whole-name key, kept for its look-up in pass 2)
    let mut run_keys: Vec<Option<Cow<str>>> = vec![None; run_store.len()];
    for (st, &(r0, r1)) in sents.iter().zip(&run_ranges) {
        let rs = &run_store[r0..r1];
        if !st.title_case {
            for (r, slot) in rs.iter().zip(&mut run_keys[r0..r1]) {
                let name = &text[toks[r.n].span().start..toks[r.b - 1].span().end];
                let key = name_key(name);
                *slot = Some(key.clone());
                // (one look-up: whose name it is, whose alias)
                let (known, alias) = bld.known(&key);
                if let Some(id) = known {
                    // "the X" later shows a name first read as a person is
                    // an organisation.
                    let prev = (r.a > st.a).then(|| toks[r.a - 1].span().slice(text));
                    let next_lower = r.b < st.b
                        && toks[r.b].kind == TokKind::Word
                        && lower_first(toks[r.b].span().slice(text));
                    if bld.actors[id].kind == ActorKind::Person
                        && !r.titled
                        && !next_lower
                        && matches!(prev, Some("the" | "The"))
                    {
                        bld.actors[id].kind = ActorKind::Org;
                    }
                    continue;
                }
                // A single word already known as an alias links instead.
                if alias {
                    continue;
                }
                if let Some(kind) = classify(text, &toks, st.a, st.b, r, &dateline_place) {
                    bld.add(key, kind);
                }
            }
        }
    }
    // Pass 2: link mentions in order; definite descriptions; descriptors.
    // (about a mention a run, and at most one a "the")
    let mut mentions: Vec<Mention> = Vec::with_capacity(run_store.len() + thes.len() + 8);
    let mut last_of_class: HashMap<&'static str, usize> = HashMap::default();
    // (the next "the" token: the walk visits the runs' starts and those
    // alone, as a walk over every token would find nothing elsewhere)
    let mut ti = 0;
    for (si, st) in sents.iter().enumerate() {
        let rs = &run_store[run_ranges[si].0..run_ranges[si].1];
        let start = mentions.len();
        let mut ri = 0;
        let mut k = st.a;
        loop {
            while ti < thes.len() && thes[ti] < k {
                ti += 1;
            }
            let tp = match thes.get(ti) {
                Some(&t) if t < st.b => t,
                _ => usize::MAX,
            };
            if ri < rs.len() && rs[ri].a < k {
                // (a run start passed over: a walk token by token would
                // take neither it nor any later run)
                ri = rs.len();
            }
            let rp = rs.get(ri).map_or(usize::MAX, |r| r.a);
            if rp == usize::MAX && tp == usize::MAX {
                break;
            }
            k = rp.min(tp);
            if ri < rs.len() && rs[ri].a == k {
                let r = rs[ri];
                let whole = &run_keys[run_ranges[si].0 + ri];
                let whole_key = whole.as_deref();
                // (a name that is its own key has parts that are theirs)
                let lookup = |name: &str| match whole {
                    Some(Cow::Borrowed(_)) => bld.lookup_key(name),
                    _ => bld.lookup(name),
                };
                ri += 1;
                let mut found: Option<(usize, usize, usize)> = None; // actor, n, b
                                                                     // Whole name, then shrinking from the right (modifier use:
                                                                     // "Quillan State spokesperson"), then from the left.
                                                                     // whole run, then shrinking from the right, then from the left
                for b in (r.n + 1..=r.b).rev() {
                    let id = match whole_key.filter(|_| b == r.b) {
                        Some(key) => bld.lookup_key(key),
                        None => lookup(&text[toks[r.n].span().start..toks[b - 1].span().end]),
                    };
                    if let Some(id) = id {
                        found = Some((id, r.n, b));
                        break;
                    }
                }
                if found.is_none() {
                    for n in r.n + 1..r.b {
                        let name = &text[toks[n].span().start..toks[r.b - 1].span().end];
                        if let Some(id) = lookup(name) {
                            found = Some((id, n, r.b));
                            break;
                        }
                    }
                }
                if let Some((id, n, b)) = found {
                    let poss = b < st.b && toks[b].kind == TokKind::Poss;
                    mentions.push(Mention {
                        actor: id,
                        span: Span::new(toks[n].span().start, toks[b - 1].span().end),
                        sent: si,
                        a: n,
                        b,
                        run_a: if n == r.n { r.a } else { n },
                        poss,
                        quoted: toks[n].quoted,
                        kind: MentionKind::Named,
                    });
                    for &c in &bld.actors[id].classes {
                        last_of_class.insert(c, id);
                    }
                    // Anything left after the match in the run ("Quillan State
                    // Athletic Director Sheryl Amundsen" when the title split
                    // failed) is tried as its own name.
                    if b < r.b {
                        let name = &text[toks[b].span().start..toks[r.b - 1].span().end];
                        if let Some(id2) = lookup(name) {
                            if id2 != id {
                                let poss = r.b < st.b && toks[r.b].kind == TokKind::Poss;
                                mentions.push(Mention {
                                    actor: id2,
                                    span: Span::new(toks[b].span().start, toks[r.b - 1].span().end),
                                    sent: si,
                                    a: b,
                                    b: r.b,
                                    run_a: r.a,
                                    poss,
                                    quoted: toks[b].quoted,
                                    kind: MentionKind::Named,
                                });
                            }
                        }
                    }
                }
                k = r.b;
                continue;
            }
            // Definite descriptions: "the company", "the university".
            // (token `k` is "the" or "The")
            if k + 1 < st.b {
                let nw = toks[k + 1].span().slice(text);
                let mut head = k + 1;
                // allow one modifier: "the Arden plant" is a name; "the
                // sprawling company" is rare, so only bare nouns.
                if lower_first(nw) {
                    if let Some(c) = class_of_head(nw) {
                        let followed_by_name = head + 1 < st.b
                            && toks[head + 1].cap
                            && toks[head + 1].kind == TokKind::Word;
                        if !followed_by_name {
                            if let Some(&id) = last_of_class.get(c) {
                                let poss = head + 1 < st.b && toks[head + 1].kind == TokKind::Poss;
                                mentions.push(Mention {
                                    actor: id,
                                    span: Span::new(toks[k].span().start, toks[head].span().end),
                                    sent: si,
                                    a: k,
                                    b: head + 1,
                                    run_a: k,
                                    poss,
                                    quoted: toks[k].quoted,
                                    kind: MentionKind::Definite,
                                });
                                head += 1;
                                k = head;
                                continue;
                            }
                        }
                    }
                }
            }
            k += 1;
        }
        // Descriptors for the named mentions of this sentence (the
        // mentions pushed since `start`).
        for mi in start..mentions.len() {
            let m = mentions[mi];
            if m.kind != MentionKind::Named || m.quoted {
                continue;
            }
            let found = descriptors_for(text, &toks, st, &m, &mentions[start..]);
            for d in found {
                let actor = &mut bld.actors[m.actor];
                if !actor.descriptors.iter().any(|x| x.text == *d.text) {
                    if actor.kind == ActorKind::Org {
                        if let Some(h) = d.text.split_whitespace().rev().find_map(class_of_head) {
                            if !actor.classes.contains(&h) {
                                actor.classes.push(h);
                            }
                            last_of_class.insert(h, m.actor);
                        }
                        // "a political action committee" → "PAC"
                        let words: Vec<&str> = d.text.split_whitespace().collect();
                        if words.len() >= 2
                            && words.len() <= 4
                            && words.iter().all(|w| w.chars().all(char::is_alphabetic))
                        {
                            let acr: String = words
                                .iter()
                                .filter_map(|w| w.chars().next())
                                .collect::<String>()
                                .to_uppercase();
                            bld.add_alias(Cow::Owned(acr.clone()), m.actor);
                            let actor = &mut bld.actors[m.actor];
                            if let Some(c) = class_of_head(&acr) {
                                if !actor.classes.contains(&c) {
                                    actor.classes.push(c);
                                }
                                last_of_class.insert(c, m.actor);
                            }
                        }
                    }
                    bld.actors[m.actor].descriptors.push(Descriptor {
                        text: CompactString::new(&d.text),
                        span: d.span,
                    });
                }
            }
        }
    }
    let _ = bld.text;
    // Drop actors nobody refers to (a single word that turned out to be an
    // alias of a longer name) and renumber.
    let mut used = vec![false; bld.actors.len()];
    for m in &mentions {
        used[m.actor] = true;
    }
    let mut remap = vec![usize::MAX; bld.actors.len()];
    let mut actors = Vec::with_capacity(bld.actors.len());
    for (old, mut a) in bld.actors.into_iter().enumerate() {
        if used[old] {
            remap[old] = actors.len();
            a.id = actors.len();
            actors.push(a);
        }
    }
    for m in &mut mentions {
        m.actor = remap[m.actor];
    }
    // (each actor's mentions sized up front)
    let mut counts = vec![0usize; actors.len()];
    for m in &mentions {
        counts[m.actor] += 1;
    }
    for (a, n) in actors.iter_mut().zip(counts) {
        // (a new vector of the right size: cheaper than growing one)
        a.mentions = SmallVec::with_capacity(n);
    }
    for m in &mentions {
        actors[m.actor].mentions.push(m.span);
    }
    let mention_end = Marks::new(toks.len(), mentions.iter().map(|m| m.b - 1));
    let mention_start = Marks::new(toks.len(), mentions.iter().map(|m| m.a));
    let mut idx = Index {
        toks,
        sents,
        mentions,
        mention_end,
        mention_start,
        gender: vec![0; actors.len()],
        pronouns: Vec::new(),
        actors,
        works,
        own_scans,
    };
    affiliations(text, &mut idx);
    genders(text, &mut idx, &pronouns);
    idx.pronouns = pronouns;
    idx
}

fn is_modifier(w: &str, t: &Tok) -> bool {
    if t.kind == TokKind::Poss {
        return true;
    }
    if t.kind != TokKind::Word {
        return false;
    }
    if STOP.contains(w) || REPORT_VERBS.contains(w) {
        return false;
    }
    if lower_first(w) && !w.contains('-') && w.ends_with("ed") {
        return matches!(
            w,
            "retired" | "acting" | "elected" | "appointed" | "longtime"
        );
    }
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) && !w.contains('-') {
        return false;
    }
    true
}

/// Walks back from token `end` (exclusive) over descriptor words; returns the
/// start token when the phrase ends in a role noun or title.
pub fn phrase_back(text: &str, toks: &[Tok], sa: usize, end: usize) -> Option<usize> {
    if end <= sa {
        return None;
    }
    let last = toks[end - 1].span().slice(text);
    if toks[end - 1].kind != TokKind::Word
        || !(ROLE_NOUNS.contains_lower(last) || TITLE_HEADS.contains(last))
    {
        return None;
    }
    let mut s = end - 1;
    while s > sa && end - s < 8 {
        let t = &toks[s - 1];
        let w = t.span().slice(text);
        if !is_modifier(w, t) || t.quoted != toks[end - 1].quoted {
            break;
        }
        s -= 1;
    }
    // A phrase never starts with a possessive marker.
    while s < end && toks[s].kind == TokKind::Poss {
        s += 1;
    }
    (s < end).then_some(s)
}

fn strip_det(s: &str) -> &str {
    for d in [
        "a ", "an ", "the ", "A ", "An ", "The ", "its ", "their ", "his ", "her ",
    ] {
        if let Some(r) = s.strip_prefix(d) {
            return r.trim_start();
        }
    }
    s
}

/// A descriptor found for a mention: its text borrowed from the draft when
/// single-spaced already, so that one the actor has is never copied.
struct Desc<'a> {
    text: Cow<'a, str>,
    span: Span,
}

fn push_desc<'a>(out: &mut Vec<Desc<'a>>, text: &'a str, toks: &[Tok], a: usize, b: usize) {
    if a >= b {
        return;
    }
    let span = Span::new(toks[a].span().start, toks[b - 1].span().end);
    let raw = span.slice(text);
    let mut t = strip_det(raw).trim_end_matches([',', ';', ':']).trim();
    if t.ends_with('.') {
        let last = t.rsplit(' ').next().unwrap_or("");
        let stem = last.trim_end_matches('.');
        if !(DOTTED.contains(&stem) || TITLE_HEADS.contains(last) || stem.contains('.')) {
            t = &t[..t.len() - 1];
        }
    }
    if t.is_empty() {
        return;
    }
    let off = first_at(raw, t);
    out.push(Desc {
        text: single_spaced(t),
        span: Span::new(span.start + off, span.start + off + t.len()),
    });
}

/// `raw.find(t).unwrap_or(0)` for a non-empty `t` that is a slice of `raw`
/// (an earlier copy of it can only start before the slice does, mostly a
/// few bytes of a determiner).
fn first_at(raw: &str, t: &str) -> usize {
    let at = (t.as_ptr() as usize).wrapping_sub(raw.as_ptr() as usize);
    if at > raw.len() || at + t.len() > raw.len() || t.is_empty() {
        return raw.find(t).unwrap_or(0);
    }
    if at > 16 {
        return raw[..at + t.len()].find(t).unwrap_or(at);
    }
    (0..at)
        .find(|&q| raw.as_bytes()[q..].starts_with(t.as_bytes()))
        .unwrap_or(at)
}

/// `t`'s words joined by single spaces (`t` itself, mostly).
fn single_spaced(t: &str) -> Cow<'_, str> {
    let b = t.as_bytes();
    let plain = b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && b.iter().all(|&c| c < 0x80 && !(b'\t'..=b'\r').contains(&c))
        && !b.windows(2).any(|w| w == b"  ");
    if plain {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(t.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

fn descriptors_for<'a>(
    text: &'a str,
    toks: &[Tok],
    st: &SentToks,
    m: &Mention,
    sent_mentions: &[Mention],
) -> Vec<Desc<'a>> {
    let mut out = Vec::new();
    let (sa, sb) = (st.a, st.b);
    // (a) title prefix inside the run, with lower-case modifiers before it.
    let mut pre_end = m.run_a;
    if m.run_a < m.a {
        let mut s = m.run_a;
        // "Republican" as its own descriptor.
        let mut k = m.run_a;
        while k < m.a && PARTY.has_tok(text, &toks[k]) {
            push_desc(&mut out, text, toks, k, k + 1);
            k += 1;
        }
        let mut back = k;
        if k == m.run_a {
            while back > sa && m.run_a - back < 3 && {
                let x = toks[back - 1].span().slice(text);
                end_ok(text, toks, back - 1)
                    && (TITLE_MODIFIERS.contains(x)
                        || ["then-", "now-", "ex-", "former-"]
                            .iter()
                            .any(|p| x.starts_with(p)))
            } {
                back -= 1;
            }
            // party before lower-case modifiers: "Republican state Sen."
            if back > sa && PARTY.has_tok(text, &toks[back - 1]) {
                push_desc(&mut out, text, toks, back - 1, back);
            }
        }
        s = s.min(back).min(k);
        let s = if k > m.run_a { k } else { s };
        if s < m.a {
            push_desc(&mut out, text, toks, s, m.a);
        }
        pre_end = s.min(m.run_a);
    }
    // (b) pre-modifier phrase ending in a role noun: "Corvane spokesperson X".
    if out.is_empty() || m.run_a == m.a {
        if let Some(s) = phrase_back(text, toks, sa, pre_end) {
            // party label at the front is its own descriptor
            let mut s2 = s;
            if PARTY.has_tok(text, &toks[s]) && s + 1 < pre_end {
                push_desc(&mut out, text, toks, s, s + 1);
                s2 = s + 1;
            }
            push_desc(&mut out, text, toks, s2, pre_end);
        }
    }
    let after = m.b + usize::from(m.poss);
    if m.poss {
        return out;
    }
    // (c) "DESC, NAME," apposition.
    if pre_end >= sa + 2 && toks[pre_end - 1].span().slice(text) == "," {
        let closes = after >= sb
            || matches!(
                toks[after].span().slice(text),
                "," | "." | "of" | "who" | ";" | "—"
            );
        if closes {
            if let Some(s) = phrase_back(text, toks, sa, pre_end - 1) {
                // Not when the phrase is itself a name ("Ortiz, Pike").
                let has_other = sent_mentions
                    .iter()
                    .any(|o| o.a >= s && o.b == pre_end - 1 && !o.poss);
                if !has_other {
                    push_desc(&mut out, text, toks, s, pre_end - 1);
                }
            }
        }
    }
    // (d) "NAME, DESC," apposition.
    if after + 1 < sb && toks[after].bytes(text) == b"," {
        let s = after + 1;
        let mut e = s;
        while e < sb {
            // (the marks' bytes: no need to cut each word's text)
            let w = toks[e].bytes(text);
            if matches!(
                w,
                b"," | b";"
                    | b"("
                    | b")"
                    | b"\""
                    // (—, –, “ and ” in UTF-8)
                    | b"\xE2\x80\x94"
                    | b"\xE2\x80\x93"
                    | b"\xE2\x80\x9C"
                    | b"\xE2\x80\x9D"
            ) {
                // ", Oregon." continues a place
                if w == b","
                    && e + 1 < sb
                    && PLACES.has_tok(text, &toks[e + 1])
                    && (e + 2 >= sb || matches!(toks[e + 2].bytes(text), b"," | b"."))
                {
                    e += 2;
                    continue;
                }
                break;
            }
            if w == b"." && e + 1 >= sb {
                break;
            }
            e += 1;
        }
        if e > s && e - s <= 16 {
            let first = toks[s].span().slice(text);
            let fl = first.to_ascii_lowercase();
            let det = matches!(
                fl.as_str(),
                "a" | "an" | "the" | "its" | "his" | "her" | "their" | "one"
            );
            let words: Vec<&str> = (s..e).map(|k| toks[k].span().slice(text)).collect();
            let role_early = words.iter().take(5).any(|w| is_role(w));
            let bad = matches!(
                fl.as_str(),
                "who" | "which" | "whose" | "that" | "where" | "when"
            ) || (!det && STOP.contains(fl.as_str()))
                || first.chars().next().is_some_and(|c| c.is_ascii_digit())
                || words.iter().any(|w| REPORT_VERBS.contains(w))
                || (toks[s].cap && !det && !role_early)
                || (toks[s].quoted && !m.quoted);
            let ok = !bad
                && if det {
                    role_early || fl == "one"
                } else {
                    role_early && lower_first(first)
                };
            if ok {
                push_desc(&mut out, text, toks, s, e);
            }
        }
    }
    out
}

/// Lower-case words that may stand before a title ("state Sen.").
static TITLE_MODIFIERS: std::sync::LazyLock<FastSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        [
            "state",
            "former",
            "acting",
            "interim",
            "deputy",
            "assistant",
            "county",
            "city",
            "district",
            "senior",
            "longtime",
            "veteran",
            "embattled",
            "retired",
            "incumbent",
            "freshman",
            "veteran",
            "outgoing",
            "incoming",
            "federal",
            "appeals",
            "circuit",
            "superior",
            "municipal",
            "tribal",
            "school",
            "police",
            "fire",
            "township",
            "village",
            "borough",
            "town",
            "then",
            "late",
            "chief",
            "associate",
            "executive",
            "vice",
        ]
        .into_iter()
        .collect()
    });

/// A role noun, by list or by a typical suffix ("hydrologist", "historian").
pub fn is_role(w: &str) -> bool {
    // (most words fail both tests before any lowering: the suffixes are
    // tested on `w` lowered, whose first letter is lower case already)
    ROLE_NOUNS.contains_lower(w)
        || (w.len() > 5
            && w.chars().next().is_some_and(char::is_lowercase)
            && with_lower(w, |l| {
                ["ist", "ian", "eer", "ator", "ager", "ster"]
                    .iter()
                    .any(|s| l.ends_with(s))
            }))
}

fn end_ok(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let w = t.span().slice(text);
    t.kind == TokKind::Word && is_modifier(w, t) && !PARTY.contains(w)
}

/// Generic organisation words that stand for a body in descriptors.
pub fn generic_org(w: &str) -> Option<&'static str> {
    if w.len() < 3 || w.len() > 14 {
        return None;
    }
    with_lower(w, generic_org_lower)
}

fn generic_org_lower(l: &str) -> Option<&'static str> {
    Some(match l {
        "city" => "city",
        "county" => "county",
        "state" => "state",
        "township" => "township",
        "town" => "town",
        "village" => "village",
        "police" => "police",
        "fire" => "fire",
        "sheriff's" | "sheriff" => "sheriff",
        "campaign" => "campaign",
        "district" => "district",
        "board" => "board",
        "council" => "council",
        "hospital" => "hospital",
        "university" => "university",
        "college" => "college",
        "school" => "school",
        "company" | "firm" => "company",
        "department" => "department",
        "union" | "guild" => "union",
        "team" => "team",
        "agency" => "agency",
        "office" => "office",
        "administration" => "administration",
        "church" => "church",
        "army" => "army",
        _ => return None,
    })
}

/// Sets affiliation, speaks-for and inside flags from descriptors.
fn affiliations(text: &str, idx: &mut Index) {
    let police = police_org(idx);
    let mut results = Vec::with_capacity(idx.actors.len());
    for actor in &idx.actors {
        let mut best: Option<Aff> = None;
        for d in &actor.descriptors {
            if let Some(r) = affiliation_of(text, idx, actor.id, actor.kind, d) {
                let better = match &best {
                    None => true,
                    Some(b) => r.2 && !b.2,
                };
                if better {
                    best = Some(r);
                }
            }
        }
        results.push(best);
    }
    for (id, r) in results.into_iter().enumerate() {
        // Police ranks place a person in the police even without an
        // organisation in the descriptor.
        let r = r.or_else(|| {
            let a = &idx.actors[id];
            let rank = a.descriptors.iter().find(|d| {
                matches!(
                    d.text.as_str(),
                    "Officer"
                        | "Sgt."
                        | "Det."
                        | "Detective"
                        | "Sergeant"
                        | "Trooper"
                        | "Cpl."
                        | "Lt."
                        | "Lieutenant"
                        | "Patrol Officer"
                        | "Police Officer"
                )
            })?;
            let key = "police".to_string();
            let aff = police;
            Some((
                aff,
                Some(key),
                false,
                true,
                rank.text.as_str().to_ascii_lowercase(),
            ))
        });
        if let Some((aff, key, speaks, inside, role)) = r {
            let a = &mut idx.actors[id];
            a.affiliation = aff;
            a.affiliation_key = key;
            a.speaks_for_affiliation = speaks;
            a.inside_affiliation = inside;
            a.role = Some(role);
        }
    }
}

fn police_org(idx: &Index) -> Option<usize> {
    let c: Vec<usize> = idx
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Org && a.classes.contains(&"police"))
        .map(|a| a.id)
        .collect();
    (c.len() == 1).then(|| c[0])
}

type Aff = (Option<usize>, Option<String>, bool, bool, String);

#[allow(clippy::needless_range_loop)]
fn affiliation_of(
    text: &str,
    idx: &Index,
    me: usize,
    kind: ActorKind,
    d: &Descriptor,
) -> Option<Aff> {
    let toks = &idx.toks;
    let a = toks.partition_point(|t| t.span().start < d.span.start);
    let b = toks.partition_point(|t| t.span().start < d.span.end);
    if a >= b {
        return None;
    }
    // head role noun: last role noun before a clause/preposition break
    let mut head = None;
    let mut stop = b;
    for k in a..b {
        let w = toks[k].span().slice(text);
        let (is_stop, is_head) = with_lower(w, |l| {
            let stop = matches!(
                l,
                "for"
                    | "of"
                    | "at"
                    | "with"
                    | "to"
                    | "who"
                    | "that"
                    | "which"
                    | "since"
                    | "based"
                    | "in"
            );
            (
                stop,
                !stop && (ROLE_NOUNS.contains(l) || TITLE_HEADS.contains(w)),
            )
        });
        if is_stop {
            stop = k;
            break;
        }
        if is_head {
            head = Some(k);
        }
    }
    let head = head?;
    let role = with_lower(toks[head].span().slice(text), |l| {
        l.trim_end_matches('.').to_string()
    });
    if OUTSIDE_ROLES.contains(role.as_str()) || KIN.contains(role.as_str()) {
        return None;
    }
    // (`d.text` lower-cased contains `p`, a lower-case phrase)
    let phrase = |p: &str| {
        d.text
            .as_bytes()
            .windows(p.len())
            .any(|w| w.eq_ignore_ascii_case(p.as_bytes()))
    };
    let speaks = match role.as_str() {
        "director" => phrase("executive director") || phrase("communications director"),
        "secretary" => phrase("press secretary"),
        "chief" => !phrase("chief of staff"),
        r => SPEAKS_FOR.contains(r) || phrase("chief executive"),
    };
    let unit = matches!(
        role.as_str(),
        "office" | "department" | "division" | "unit" | "subsidiary" | "bureau" | "branch"
    );
    if kind == ActorKind::Org && !unit {
        return None;
    }
    // linked actor before the head
    let mention_in = |from: usize, to: usize, allow_poss: bool| -> Option<usize> {
        let mut found = None;
        for k in from..to {
            if let Some(mi) = idx.start_at(k) {
                let m = &idx.mentions[mi];
                if m.actor != me && m.b <= to.max(m.b) && (allow_poss || !m.poss) {
                    found = Some(m.actor);
                }
            }
        }
        found
    };
    let mut aff = mention_in(a, head, true);
    let mut key = None;
    if aff.is_none() {
        for k in (a..head).rev() {
            if let Some(g) = generic_org(toks[k].span().slice(text)) {
                key = Some(g.to_string());
                break;
            }
        }
    }
    // "spokesperson for X", "economist at X", "manager for X"
    if aff.is_none() && key.is_none() && stop == head + 1 && stop < b {
        let prep = toks[stop].span().slice(text);
        if matches!(prep, "for" | "of" | "at" | "with") {
            let mut k = stop + 1;
            if k < b && matches!(toks[k].span().slice(text), "the" | "The") {
                k += 1;
            }
            if let Some(mi) = idx.start_at(k) {
                let m = &idx.mentions[mi];
                if !m.poss && m.actor != me {
                    aff = Some(m.actor);
                }
            } else if k < b {
                if let Some(g) = generic_org(toks[k].span().slice(text)) {
                    let poss = k + 1 < toks.len() && toks[k + 1].kind == TokKind::Poss;
                    if !poss {
                        key = Some(g.to_string());
                    }
                }
            }
        }
    }
    if aff.is_none() && key.is_none() {
        // a title standing alone: "Police Chief" gives "police"
        return None;
    }
    // A generic word may name an actor of that class ("the hospital's").
    if aff.is_none() {
        if let Some(k) = &key {
            let cls = if k == "police" {
                Some("police")
            } else {
                class_of_head(k)
            };
            if let Some(cls) = cls {
                // the organisation of that class mentioned most recently
                let end = idx.mentions.partition_point(|m| m.a < a);
                aff = idx.mentions[end.saturating_sub(200)..end]
                    .iter()
                    .rev()
                    .find(|m| {
                        m.actor != me
                            && idx.actors[m.actor].kind == ActorKind::Org
                            && idx.actors[m.actor].classes.contains(&cls)
                    })
                    .map(|m| m.actor);
                if aff.is_none() {
                    let mut cands = idx
                        .actors
                        .iter()
                        .filter(|x| x.kind == ActorKind::Org && x.classes.contains(&cls))
                        .take(2)
                        .map(|x| x.id);
                    if let (Some(c), None) = (cands.next(), cands.next()) {
                        aff = Some(c);
                    }
                }
            }
        }
    }
    Some((aff, key, speaks, true, role))
}

/// +1 for he/his/him, -1 for she/her/hers, else 0.
fn pronoun_gender(text: &str, t: &Tok) -> i32 {
    // (most tokens are turned away by their first byte)
    let first = text.as_bytes().get(t.start as usize).copied();
    if !matches!(first, Some(b'h' | b'H' | b's' | b'S')) || t.len() < 2 || t.len() > 4 {
        return 0;
    }
    text.as_bytes()
        .get(t.start as usize..t.end as usize)
        .map_or(0, gender_of)
}

/// 1 for he, his, him; -1 for she, her, hers (and their capitalised forms
/// but "Him", "Hers"); else 0.
fn gender_of(w: &[u8]) -> i32 {
    match w {
        b"he" | b"He" | b"his" | b"His" | b"him" => 1,
        b"she" | b"She" | b"her" | b"Her" | b"hers" => -1,
        _ => 0,
    }
}

/// Guesses he/she for people from pronouns that follow a lone mention.
/// `pronouns`: the tokens [`pronoun_gender`] counts, in order.
fn genders(text: &str, idx: &mut Index, pronouns: &[usize]) {
    let mut votes = vec![0i32; idx.actors.len()];
    let mut mi = 0;
    let mut pi = 0;
    let mut cur_block = usize::MAX;
    let mut people_in_block: Vec<usize> = Vec::new();
    // Mentions join the block's people as the scan reaches their first
    // token; a pronoun votes when one person is in view.
    let reach = |mi: &mut usize, people: &mut Vec<usize>, k: usize| {
        while *mi < idx.mentions.len() && idx.mentions[*mi].a <= k {
            let m = idx.mentions[*mi];
            if idx.actors[m.actor].kind == ActorKind::Person && !people.contains(&m.actor) {
                people.push(m.actor);
            }
            *mi += 1;
        }
    };
    for st in &idx.sents {
        if st.block != cur_block {
            cur_block = st.block;
            people_in_block.clear();
        }
        while pi < pronouns.len() && pronouns[pi] < st.a {
            pi += 1;
        }
        while pi < pronouns.len() && pronouns[pi] < st.b {
            let k = pronouns[pi];
            pi += 1;
            reach(&mut mi, &mut people_in_block, k);
            let g = pronoun_gender(text, &idx.toks[k]);
            if g != 0 && people_in_block.len() == 1 && !idx.toks[k].quoted {
                votes[people_in_block[0]] += g;
            }
        }
        if st.b > st.a {
            reach(&mut mi, &mut people_in_block, st.b - 1);
        }
    }
    for a in &idx.actors {
        for d in &a.descriptors {
            let l = d.text.as_bytes();
            let starts = |p: &[u8]| l.len() >= p.len() && l[..p.len()].eq_ignore_ascii_case(p);
            if starts(b"mr.") {
                votes[a.id] += 3;
            }
            if starts(b"mrs.") || starts(b"ms.") {
                votes[a.id] -= 3;
            }
        }
    }
    idx.gender = votes;
}

/// Actor the token is part of, as a named or definite mention ending at `k`.
pub fn mention_ending(idx: &Index, k: usize) -> Option<&Mention> {
    idx.end_at(k).map(|i| &idx.mentions[i])
}

#[allow(dead_code)]
pub fn key_of(a: &Actor) -> Option<Key> {
    match (a.affiliation, &a.affiliation_key) {
        (Some(id), _) => Some(Key::Actor(id)),
        (None, Some(k)) => Some(Key::Generic(k.clone())),
        _ => None,
    }
}

#[cfg(test)]
mod name_key_tests {
    use super::name_key;
    use std::borrow::Cow;

    #[test]
    fn plain_names_are_borrowed_and_others_normalised() {
        let cases: &[(&str, &str, bool)] = &[
            ("Orla Venn", "Orla Venn", true),
            ("Brightwater Feed Co.", "Brightwater Feed Co.", true),
            ("", "", true),
            ("Orla  Venn", "Orla Venn", false),
            ("Orla\nVenn", "Orla Venn", false),
            ("Orla\tVenn", "Orla Venn", false),
            ("Orla\u{b}Venn", "Orla Venn", false),
            ("Zoë Marchetti", "Zoë Marchetti", true),
            ("Zoë\u{a0}Marchetti", "Zoë Marchetti", false),
            ("Orla Venn\r", "Orla Venn", false),
        ];
        for &(name, key, borrowed) in cases {
            let k = name_key(name);
            assert_eq!(k, key, "{name:?}");
            assert_eq!(matches!(k, Cow::Borrowed(_)), borrowed, "{name:?}");
        }
    }
}

#[cfg(test)]
mod marks_tests {
    use super::Marks;

    /// The marks answer as a table of the last mention marking each token
    /// does, for mentions in token order and out of it.
    #[test]
    fn marks_match_a_table() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m) as usize
        };
        for round in 0..3000 {
            let n = 1 + next(300);
            let count = next(40);
            let mut at: Vec<usize> = (0..count).map(|_| next(n as u64)).collect();
            if round % 2 == 0 {
                at.sort_unstable();
                at.dedup();
            }
            let mut table = vec![None; n];
            for (i, &k) in at.iter().enumerate() {
                table[k] = Some(i);
            }
            let marks = Marks::new(n, at.iter().copied());
            for k in 0..n + 70 {
                assert_eq!(marks.get(k), table.get(k).copied().flatten(), "{at:?} {k}");
            }
        }
    }
}

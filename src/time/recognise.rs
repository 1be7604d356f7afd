//! Recognises temporal expressions in one sentence and normalises them to
//! TIMEX3 values against the publication anchor.

use super::lexicon::{self as lx, Unit};
use super::tokens::{alpha_run, ascii_lower_into, tokenize_into, Kind, Marks, Tok};
use super::{Relativity, Temporal, TimexType, Value};
use crate::span::Span;
use chrono::{Datelike, Duration, NaiveDate};
use compact_str::format_compact;

/// Which way an underspecified date points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Past,
    Future,
    Unknown,
}

struct Hit {
    b: usize,
    ty: TimexType,
    val: Option<Value>,
    rel: Relativity,
}

fn hit(b: usize, ty: TimexType, val: Option<Value>, rel: Relativity) -> Option<Hit> {
    Some(Hit { b, ty, val, rel })
}

use Relativity::*;
use TimexType::*;

struct P<'a> {
    t: &'a [Tok<'a>],
    /// The draft the tokens' absolute offsets point into.
    src: &'a str,
    anchor: Option<NaiveDate>,
    /// (token index, future?) tense markers, found when a matcher first
    /// asks for a direction (most segments match nothing): `tense_ready`
    /// then. The buffer is the thread's, reused from line to line.
    tense: &'a TenseBuf,
    tense_ready: std::cell::Cell<bool>,
    /// Per token: [`gate`] bits saying which matchers could start there.
    gates: &'a [u8],
    /// Skip the matchers the gates rule out (off in tests only).
    gated: bool,
}

/// Bits of [`P::gates`]: the words some matchers need at or after their start.
mod gate {
    /// A starter word with a core temporal word or a number within 5 tokens.
    pub const STARTER: u8 = 1;
    /// A month name at or after the token (every date [`super::P::m_date`] finds names one).
    pub const MONTH_AFTER: u8 = 2;
    /// A weekday (or its plural) within the token and the 3 after it
    /// ([`super::P::m_weekday`] skips at most 3 words before it).
    pub const WEEKDAY_NEAR: u8 = 4;
    /// A unit word at or after the token (every [`super::P::m_duration`] ends on one).
    pub const UNIT_AFTER: u8 = 8;
    /// `quarter`, `half`, `period` or `months` at or after the token (what
    /// every [`super::P::m_quarter`] hit ends on).
    pub const QUARTER_AFTER: u8 = 16;
    /// A number, a `fy` word, `century` or a decade word (`nineties`) at or
    /// after the token: every [`super::P::m_year`] hit holds one.
    pub const YEAR_AFTER: u8 = 32;
}

/// Bits of [`led_by`]: the matchers whose first token is one of a few
/// words (or a number).
mod lead {
    pub const DEICTIC: u8 = 1;
    pub const RELATIVE: u8 = 2;
    pub const YEAR: u8 = 4;
    pub const SET: u8 = 8;
    pub const REF: u8 = 16;
    pub const HOLIDAY: u8 = 32;
    pub const ANAPHOR: u8 = 64;
}

/// Which word-led matchers could start on a token (`w` lower-cased, `num`
/// a number, `core` a core word as the tokenizer found): the words each matcher can start with, read off the
/// matcher (with the modifiers [`P::pre_mod`] skips); elsewhere it finds
/// nothing, and most starters are numbers or other words.
fn led_by(w: &str, num: bool, core: bool) -> u8 {
    use lead::*;
    if num {
        // None of the words below is a number.
        return YEAR;
    }
    // First byte first: each inner match has a few arms.
    let mut led = match w.as_bytes().first() {
        Some(b'\'') => match w {
            "'" => YEAR,
            _ => 0,
        },
        Some(b'a') => match w {
            "annually" => SET,
            "at" => REF,
            "afterward" | "afterwards" => ANAPHOR,
            _ => 0,
        },
        Some(b'b') => match w {
            "beginning" => RELATIVE | YEAR,
            "biweekly" => SET,
            _ => 0,
        },
        Some(b'c') => match w {
            "current" | "calendar" => RELATIVE,
            "coming" => RELATIVE | REF,
            "currently" | "centuries" => REF,
            "christmas" => HOLIDAY,
            _ => 0,
        },
        Some(b'd') => match w {
            "daily" => SET,
            "decades" | "days" => REF,
            _ => 0,
        },
        Some(b'e') => match w {
            "early" => DEICTIC | RELATIVE | YEAR,
            "earlier" => DEICTIC | RELATIVE | YEAR | ANAPHOR,
            "end" => RELATIVE | YEAR,
            "every" | "each" => SET,
            "election" => HOLIDAY,
            _ => 0,
        },
        Some(b'f') => match w {
            "fiscal" => RELATIVE | YEAR,
            "following" | "full" => RELATIVE,
            _ => 0,
        },
        Some(b'h') => match w {
            "hourly" => SET,
            "hours" => REF,
            "halloween" => HOLIDAY,
            _ => 0,
        },
        Some(b'i') => match w {
            "independence" => HOLIDAY,
            "in" => ANAPHOR,
            _ => 0,
        },
        Some(b'j') => match w {
            "just" => REF,
            _ => 0,
        },
        Some(b'l') => match w {
            "late" => DEICTIC | RELATIVE | YEAR,
            "later" => DEICTIC | RELATIVE | YEAR | ANAPHOR,
            "last" => DEICTIC | RELATIVE,
            "lately" => REF,
            "labor" => HOLIDAY,
            _ => 0,
        },
        Some(b'm') => match w {
            "mid" | "middle" => RELATIVE | YEAR,
            "monthly" => SET,
            "more" | "most" | "months" | "minutes" => REF,
            "memorial" => HOLIDAY,
            _ => 0,
        },
        Some(b'n') => match w {
            "next" => RELATIVE,
            "nightly" => SET,
            "now" | "nowadays" => REF,
            "new" => HOLIDAY,
            _ => 0,
        },
        Some(b'p') => match w {
            "past" | "previous" => RELATIVE,
            "per" => SET,
            "presently" => REF,
            _ => 0,
        },
        Some(b'r') => match w {
            "right" | "recently" | "recent" => REF,
            _ => 0,
        },
        Some(b's') => match w {
            "soon" => REF,
            "since" => ANAPHOR,
            _ => 0,
        },
        Some(b't') => match w {
            "the" => RELATIVE | YEAR | REF | ANAPHOR,
            "this" => DEICTIC | RELATIVE,
            "today" | "tomorrow" | "tonight" => DEICTIC,
            "that" => RELATIVE,
            "these" => REF,
            "thanksgiving" => HOLIDAY,
            "thereafter" => ANAPHOR,
            _ => 0,
        },
        Some(b'v') => match w {
            "valentine" | "veterans" => HOLIDAY,
            _ => 0,
        },
        Some(b'w') => match w {
            "weekly" => SET,
            "weeks" => REF,
            _ => 0,
        },
        Some(b'y') => match w {
            "yesterday" => DEICTIC,
            "yearly" => SET,
            "year" | "years" => REF,
            _ => 0,
        },
        Some(0xE2) => match w {
            "’" => YEAR,
            _ => 0,
        },
        _ => 0,
    };
    if w.starts_with("fy") || ordinal_suffix(w) && lx::ordinal(w).is_some() {
        led |= YEAR;
    }
    // Seasons and units are core words, but for `yr`.
    if (core || w == "yr") && (lx::season(w).is_some() || lx::unit(w).is_some()) {
        led |= RELATIVE;
    }
    led
}

pub fn tag(prose: &str, sentence: Span, anchor: Option<NaiveDate>) -> Vec<Temporal> {
    tag_gated(prose, sentence, anchor, true)
}

/// [`tag`] when the sentence's words have been scanned for already
/// (`words`: see [`super::tag_sentence_scanned`]); only its numbers are
/// left for [`worth_a_look`]'s test. `cores`, when known, are the spans of
/// the core words that fill a whole run of ASCII letters (in order); the
/// tags are appended to `out`.
pub fn tag_scanned(
    prose: &str,
    sentence: Span,
    anchor: Option<NaiveDate>,
    words: bool,
    cores: Option<&[Span]>,
    out: &mut Vec<Temporal>,
) {
    let Some(text) = prose.get(sentence.start..sentence.end) else {
        return;
    };
    if !words && !numbers_worth_a_look(text.as_bytes()) {
        return;
    }
    tag_text_of(prose, text, sentence, anchor, true, cores, out)
}

/// [`tag`]; without `gated`, every matcher is tried at every starter (the
/// gates only skip matchers that would find nothing: the tests compare).
fn tag_gated(prose: &str, sentence: Span, anchor: Option<NaiveDate>, gated: bool) -> Vec<Temporal> {
    let text = match prose.get(sentence.start..sentence.end) {
        Some(t) => t,
        None => return Vec::new(),
    };
    if !worth_a_look(text) {
        return Vec::new();
    }
    let mut out = Vec::new();
    tag_text_of(prose, text, sentence, anchor, gated, None, &mut out);
    out
}

/// [`tag_gated`] past the quick test, appending to `out`; `text` is
/// `sentence` of `prose`. `cores`: see [`tag_scanned`] (without them, each
/// word is looked up).
fn tag_text_of(
    prose: &str,
    text: &str,
    sentence: Span,
    anchor: Option<NaiveDate>,
    gated: bool,
    cores: Option<&[Span]>,
    out: &mut Vec<Temporal>,
) {
    // The buffers are the thread's, reused from sentence to sentence (a
    // nested call, were there one, gets its own).
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => tag_text_with(
            &mut scratch,
            prose,
            text,
            sentence,
            anchor,
            gated,
            cores,
            out,
        ),
        Err(_) => tag_text_with(
            &mut Scratch::default(),
            prose,
            text,
            sentence,
            anchor,
            gated,
            cores,
            out,
        ),
    })
}

/// [`tag_text_of`] with the working space `scratch`.
#[allow(clippy::too_many_arguments)]
fn tag_text_with(
    scratch: &mut Scratch,
    prose: &str,
    text: &str,
    sentence: Span,
    anchor: Option<NaiveDate>,
    gated: bool,
    cores: Option<&[Span]>,
    out: &mut Vec<Temporal>,
) {
    ascii_lower_into(text, &mut scratch.lower);
    let mut all = recycle(std::mem::take(&mut scratch.toks));
    let marks = &mut scratch.marks;
    marks.clear();
    let (lower, base) = (scratch.lower.as_str(), sentence.start);
    match cores {
        Some(cores) => {
            // Word tokens come in order: the next core span is the only one
            // that can match.
            let mut c = 0;
            tokenize_into(text, lower, base, &mut all, marks, |s, e, _| {
                while c < cores.len() && cores[c].start < s {
                    c += 1;
                }
                c < cores.len() && cores[c].start == s && cores[c].end == e
            })
        }
        None => tokenize_into(text, lower, base, &mut all, marks, |_, _, w| lx::is_core(w)),
    }
    // Lines are matched separately: a headline never runs into a date line.
    let (mut start, mut si) = (0, 0);
    for end in marks.lines.iter().map(|&k| k as usize).chain([all.len()]) {
        let sj = si + marks.special[si..].partition_point(|&k| (k as usize) < end);
        tag_line(
            &all[start..end],
            &marks.special[si..sj],
            start,
            prose,
            anchor,
            gated,
            (&mut scratch.gates, &mut scratch.starters, &scratch.tense),
            out,
        );
        (start, si) = (end, sj);
    }
    scratch.toks = recycle(all);
}

/// (token index, future?) tense markers of a line, in a buffer reused from
/// line to line.
type TenseBuf = std::cell::RefCell<Vec<(usize, bool)>>;

/// Working space of [`tag_gated`]: the lower-cased sentence, its tokens
/// (kept empty between sentences) and their marks, and the gates and tense
/// markers of a line.
#[derive(Default)]
struct Scratch {
    lower: String,
    toks: Vec<Tok<'static>>,
    marks: Marks,
    gates: Vec<u8>,
    /// The starters of a line ([`line_gates`]), last first.
    starters: Vec<u32>,
    tense: TenseBuf,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = const {
        std::cell::RefCell::new(Scratch {
            lower: String::new(),
            toks: Vec::new(),
            marks: Marks {
                special: Vec::new(),
                lines: Vec::new(),
            },
            gates: Vec::new(),
            starters: Vec::new(),
            tense: std::cell::RefCell::new(Vec::new()),
        })
    };
}

/// `v` emptied, as a vector of tokens of another lifetime. Collecting an
/// emptied vector's iterator reuses its buffer (same element layout).
fn recycle<'b>(mut v: Vec<Tok<'_>>) -> Vec<Tok<'b>> {
    v.clear();
    v.into_iter().map(|t| Tok { low: "", ..t }).collect()
}

/// Tags one line's tokens `t`, appending to `out`; `special` are the
/// line's [`Marks::special`] tokens, counted from `off` (the line's first
/// token); `gates` and `starters` are working space.
#[allow(clippy::too_many_arguments)]
fn tag_line<'a>(
    t: &[Tok<'a>],
    special: &[u32],
    off: usize,
    prose: &'a str,
    anchor: Option<NaiveDate>,
    gated: bool,
    (gates, starters, tense): (&mut Vec<u8>, &mut Vec<u32>, &TenseBuf),
    out: &mut Vec<Temporal>,
) {
    if !line_gates(t, special, off, prose, gates, starters) {
        return;
    }
    let p = P {
        t,
        src: prose,
        anchor,
        tense,
        tense_ready: std::cell::Cell::new(false),
        gates: gates.as_slice(),
        gated,
    };
    // Only starters near a core word are marked (most tokens are not):
    // each is tried in order, but for those inside an expression found.
    let mut next = 0;
    for &k in starters.iter().rev() {
        let i = k as usize;
        if i < next {
            continue;
        }
        if let Some(h) = p.best(i).filter(|h| h.b > i) {
            out.push(Temporal {
                span: Span::new(p.t[i].s, p.t[h.b - 1].e),
                timex_type: h.ty,
                value: h.val,
                relativity: h.rel,
            });
            next = h.b;
        }
    }
}

/// Does `w` end as an ordinal does (`-th`, `-st`, `-nd`, `-rd`)?
#[inline]
fn ordinal_suffix(w: &str) -> bool {
    matches!(
        w.as_bytes(),
        [.., b't', b'h'] | [.., b's', b't'] | [.., b'n', b'd'] | [.., b'r', b'd']
    )
}

/// Fills `gates` for a line's tokens: `gates[i]`, a starter with a core
/// word or number within tokens i..i+5, and which matchers could find
/// something there. False when the line has no core token. `special` are
/// the tokens that may change the state ([`Marks::special`], counted from
/// `off`): the others are plain words or punctuation, looked at only
/// within 4 tokens before a core token. The starters (the tokens with
/// gates) are listed in `starters`, last first.
fn line_gates(
    t: &[Tok],
    special: &[u32],
    off: usize,
    prose: &str,
    gates: &mut Vec<u8>,
    starters: &mut Vec<u32>,
) -> bool {
    let n = t.len();
    gates.clear();
    gates.resize(n, 0);
    starters.clear();
    let mut last_core = usize::MAX;
    let (mut month_after, mut unit_after) = (false, false);
    let (mut quarter_after, mut year_after) = (false, false);
    let mut last_weekday = usize::MAX;
    // The plain tokens of `lo..hi`, from the last: a starter word, or a
    // quote mark, within 5 tokens of the core token after it.
    let plain = |lo: usize,
                 hi: usize,
                 last_core: usize,
                 bits: u8,
                 last_weekday: usize,
                 gates: &mut Vec<u8>,
                 starters: &mut Vec<u32>| {
        if last_core == usize::MAX {
            return;
        }
        for k in (lo.max(last_core.saturating_sub(4))..hi).rev() {
            let tok = &t[k];
            let starter = match tok.kind {
                Kind::Word => ordinal_suffix(tok.low) || lx::is_starter(tok.low),
                Kind::Punct => matches!(tok.low, "'" | "’"),
                Kind::Num => false,
            };
            if starter {
                let wd = last_weekday != usize::MAX && last_weekday - k <= 3;
                gates[k] = bits | if wd { gate::WEEKDAY_NEAR } else { 0 };
                starters.push(k as u32);
            }
        }
    };
    let mut hi = n;
    for &k in special.iter().rev() {
        let k = k as usize - off;
        let bits = gate_bits(month_after, unit_after, quarter_after, year_after, false);
        plain(k + 1, hi, last_core, bits, last_weekday, gates, starters);
        hi = k;
        let tok = &t[k];
        let core = match tok.kind {
            Kind::Num => {
                tok.e - tok.s == 4
                    || tok.low.contains(':')
                    || tok.raw(prose).ends_with('s')
                    || t.get(k + 1).is_some_and(|x| matches!(x.low, "am" | "pm"))
            }
            Kind::Word => tok.core || tok.low.starts_with("fy"),
            Kind::Punct => false,
        };
        if core {
            last_core = k;
        }
        // Months, weekdays and units are all core words, but for `yr`
        // (too short for the core table).
        year_after |= tok.kind == Kind::Num || tok.kind == Kind::Word && tok.low.starts_with("fy");
        if tok.kind == Kind::Word && (core || tok.low == "yr") {
            let w = tok.low;
            quarter_after |= matches!(w, "quarter" | "half" | "period" | "months");
            year_after |= matches!(
                w,
                "century"
                    | "centuries"
                    | "twenties"
                    | "thirties"
                    | "forties"
                    | "fifties"
                    | "sixties"
                    | "seventies"
                    | "eighties"
                    | "nineties"
            );
            month_after |= lx::month(w).is_some();
            unit_after |= lx::unit(w).is_some();
            if lx::weekday(w).or_else(|| lx::weekday_plural(w)).is_some() {
                last_weekday = k;
            }
        }
        let near = last_core != usize::MAX && last_core - k < 5;
        let starter = near
            && match tok.kind {
                Kind::Num => true,
                Kind::Word => {
                    core || ordinal_suffix(tok.low)
                        || tok.low.starts_with("fy")
                        || lx::is_starter(tok.low)
                }
                Kind::Punct => matches!(tok.low, "'" | "’"),
            };
        if starter {
            gates[k] = gate_bits(
                month_after,
                unit_after,
                quarter_after,
                year_after,
                last_weekday != usize::MAX && last_weekday - k <= 3,
            );
            starters.push(k as u32);
        }
    }
    let bits = gate_bits(month_after, unit_after, quarter_after, year_after, false);
    plain(0, hi, last_core, bits, last_weekday, gates, starters);
    last_core != usize::MAX
}

/// The gates of a starter, from what follows it.
#[inline]
fn gate_bits(month: bool, unit: bool, quarter: bool, year: bool, weekday: bool) -> u8 {
    let bit = |on: bool, b: u8| if on { b } else { 0 };
    gate::STARTER
        | bit(month, gate::MONTH_AFTER)
        | bit(unit, gate::UNIT_AFTER)
        | bit(quarter, gate::QUARTER_AFTER)
        | bit(year, gate::YEAR_AFTER)
        | bit(weekday, gate::WEEKDAY_NEAR)
}

/// Fast byte scan: could the text hold a core token (what [`tag`] needs
/// before it tries anything)? A core temporal word, a word starting with
/// `fy`, or a number that [`tag`] counts as core: four characters long,
/// with a colon, with a glued `s` (`1990s`), or before `am`/`pm` (here: before
/// any `a` or `p`). Numbers are read as the tokenizer reads them.
#[inline(never)]
fn worth_a_look(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            let (core, next) = number_at(b, i);
            if core {
                return true;
            }
            i = next;
            continue;
        }
        if c.is_ascii_alphabetic() {
            if matches!(c, b'f' | b'F') && matches!(b.get(i + 1), Some(b'y' | b'Y')) {
                return true;
            }
            let start = i;
            i += 1 + alpha_run(&b[i + 1..]);
            let n = i - start;
            let first = b[start].to_ascii_lowercase();
            if lx::core_shape(first, b[i - 1].to_ascii_lowercase(), n) {
                // 3 to 12 letters: read as one integer, lower-cased by
                // setting each letter's 0x20 bit.
                let mut word = [0u8; 16];
                match b.get(start..start + 16) {
                    Some(chunk) => word.copy_from_slice(chunk),
                    None => word[..n].copy_from_slice(&b[start..i]),
                }
                let keep = (1u128 << (8 * n)) - 1;
                let packed =
                    (u128::from_le_bytes(word) | 0x2020_2020_2020_2020_2020_2020_2020_2020) & keep;
                if lx::is_core_shaped(first, n, packed) {
                    return true;
                }
            }
            continue;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
pub(super) fn quick_tests(text: &str) -> (bool, bool) {
    (worth_a_look(text), numbers_worth_a_look(text.as_bytes()))
}

/// Offset of the first ASCII digit in `b` at or after `i` (or `b.len()`),
/// sixteen or eight bytes at a time.
#[inline]
fn next_digit(b: &[u8], mut i: usize) -> usize {
    // Sixteen bytes at a time with SSE2 (part of every x86-64): a byte x
    // is a digit when x - b'0' (wrapping) is at most 9.
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        use std::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8,
            _mm_set1_epi8, _mm_sub_epi8,
        };
        // SAFETY: the build enables SSE2 (cfg above), and each load reads
        // the sixteen bytes of its `chunk`, unaligned.
        unsafe {
            let (zero, nine) = (_mm_set1_epi8(b'0' as i8), _mm_set1_epi8(9));
            while let Some(chunk) = b.get(i..i + 16) {
                let v = _mm_sub_epi8(_mm_loadu_si128(chunk.as_ptr().cast::<__m128i>()), zero);
                let bits = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, nine), v)) as u32;
                if bits != 0 {
                    return i + bits.trailing_zeros() as usize;
                }
                i += 16;
            }
        }
    }
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        // A byte x is a digit when x ^ 0x30 < 10; the lowest byte found so
        // is exact (borrows only run upward).
        let y = u64::from_le_bytes(bytes) ^ (0x30 * ONES);
        let found = y.wrapping_sub(10 * ONES) & !y & HI;
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// [`worth_a_look`] for the numbers alone: true when a number counts as
/// core (words left out). The numbers are those [`worth_a_look`] reads:
/// a word never holds a digit, so every number starts at a digit after a
/// non-digit, and [`worth_a_look`] resumes after each as this does.
#[inline(never)]
fn numbers_worth_a_look(b: &[u8]) -> bool {
    let mut i = next_digit(b, 0);
    while i < b.len() {
        let (core, next) = number_at(b, i);
        if core {
            return true;
        }
        i = next_digit(b, next);
    }
    false
}

/// The number starting at `b[i]` (a digit): is it core for [`worth_a_look`],
/// and where does the scan go on?
#[inline]
fn number_at(b: &[u8], i: usize) -> (bool, usize) {
    let mut j = i + 1;
    let mut colon = false;
    while j < b.len() {
        if b[j].is_ascii_digit() {
            j += 1;
        } else if matches!(b[j], b',' | b'.' | b':') && b.get(j + 1).is_some_and(u8::is_ascii_digit)
        {
            colon |= b[j] == b':';
            j += 2;
        } else {
            break;
        }
    }
    let k = j + alpha_run(&b[j..]);
    match b[j..k] {
        [x] if x.eq_ignore_ascii_case(&b's') => return (true, k),
        [x, y]
            if matches!(
                [x.to_ascii_lowercase(), y.to_ascii_lowercase()],
                [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
            ) =>
        {
            // An ordinal word (`3rd`): not core.
            return (false, k);
        }
        _ => {}
    }
    if j - i == 4 || colon {
        return (true, j);
    }
    // The next token: `am` or `pm` (or `a.m.`)? Anything not ASCII
    // counts too.
    let mut n = j;
    while n < b.len() && (b[n].is_ascii_whitespace() || b[n] == 0x0B) {
        n += 1;
    }
    let at = |k: usize| b.get(k).copied().unwrap_or(b' ');
    let core = at(n) >= 0x80
        || matches!(at(n), b'a' | b'p' | b'A' | b'P')
            && (at(n + 1) == b'.'
                || matches!(at(n + 1), b'm' | b'M') && !at(n + 2).is_ascii_alphabetic());
    (core, j)
}

/// The words [`tense_markers`] names (those ending in `-d` aside: every
/// word ending so is looked at).
const MARKER_WORDS: [&str; 22] = [
    "will",
    "shall",
    "ll",
    "upcoming",
    "tomorrow",
    "won",
    "going",
    "due",
    "plans",
    "plan",
    "planning",
    "expects",
    "hopes",
    "intends",
    "set",
    "is",
    "are",
    "says",
    "was",
    "were",
    "ago",
    "yesterday",
];

/// Bit `last - b'a'` of entry `first - b'a'`: a word of [`MARKER_WORDS`]
/// starts and ends with these letters.
const MARKER_SHAPES: [u32; 26] = {
    let mut t = [0u32; 26];
    let mut i = 0;
    while i < MARKER_WORDS.len() {
        let b = MARKER_WORDS[i].as_bytes();
        t[(b[0] - b'a') as usize] |= 1 << (b[b.len() - 1] - b'a');
        i += 1;
    }
    t
};

/// Could [`tense_markers`] take this word (lower-cased) as a marker? A
/// cheap test on its first and last letters.
#[inline]
fn may_mark_tense(w: &str) -> bool {
    let b = w.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    last == b'd'
        || first.is_ascii_lowercase()
            && last.is_ascii_lowercase()
            && MARKER_SHAPES[(first - b'a') as usize] >> (last - b'a') & 1 != 0
}

#[cfg(test)]
fn tense_markers(t: &[Tok]) -> Vec<(usize, bool)> {
    let mut v = Vec::new();
    tense_markers_into(t, &mut v);
    v
}

/// The tense markers of the tokens `t`, into `v` (emptied first).
fn tense_markers_into(t: &[Tok], v: &mut Vec<(usize, bool)>) {
    v.clear();
    for (i, tok) in t.iter().enumerate() {
        // Every marker is a word, and most words are turned away by shape.
        if tok.kind != Kind::Word || !may_mark_tense(tok.low) {
            continue;
        }
        let w = tok.low;
        let next = t.get(i + 1).map_or("", |x| x.low);
        let fut = match w {
            "will" | "shall" | "ll" | "would" | "upcoming" | "tomorrow" | "won" => Some(true),
            "going" | "due" | "plans" | "plan" | "planned" | "planning" | "expects"
            | "expected" | "hopes" | "hoped" | "intends" | "intended" | "set" | "scheduled"
            | "slated" | "agreed" | "promised" | "vowed" | "threatened"
                if next == "to" =>
            {
                Some(true)
            }
            "is" | "are" if next == "to" => Some(true),
            "scheduled" | "slated" | "should" => Some(true),
            // passives take their tense from the auxiliary: "is heard"
            _ if w.ends_with("ed")
                && i > 0
                && matches!(t[i - 1].low, "be" | "is" | "are" | "been" | "being") =>
            {
                None
            }
            "said" | "says" | "was" | "were" | "had" | "did" | "ago" | "yesterday" => Some(false),
            _ if w.len() >= 5 && w.ends_with("ed") => Some(false),
            _ => None,
        };
        if let Some(f) = fut {
            v.push((i, f));
        }
    }
}

// ------------------------------------------------------------- value helpers

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `d.format("%Y-%m-%d")`, written directly: most hits carry a date and
/// chrono's format string is parsed anew on every call.
pub(super) fn fmt_date(d: NaiveDate) -> Value {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        // Signed years (`+10000`): chrono's own rules.
        return format_compact!("{}", d.format("%Y-%m-%d"));
    }
    let (y, m, d) = (y as u32, d.month(), d.day());
    let two = |n: u32| [b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8];
    let (y1, y2, m, d) = (two(y / 100), two(y), two(m), two(d));
    let buf = [
        y1[0], y1[1], y2[0], y2[1], b'-', m[0], m[1], b'-', d[0], d[1],
    ];
    // (ASCII digits and dashes: always UTF-8.)
    Value::from(std::str::from_utf8(&buf).unwrap_or_default())
}

/// Text that values and dates are written into: a `String` or a [`Value`].
pub(super) trait Out {
    fn put(&mut self, text: &str);
}

impl Out for String {
    fn put(&mut self, text: &str) {
        self.push_str(text);
    }
}

impl Out for Value {
    fn put(&mut self, text: &str) {
        self.push_str(text);
    }
}

/// A short value written on the stack and made a [`Value`] at once
/// (`CompactString`'s own pushes cost more than the writing). Only for
/// values of known bounded length: a longer one panics.
struct ShortValue {
    bytes: [u8; 32],
    len: usize,
}

impl ShortValue {
    fn new(text: &str) -> Self {
        let mut v = ShortValue {
            bytes: [0; 32],
            len: 0,
        };
        v.put(text);
        v
    }

    fn value(&self) -> Value {
        // Whole `&str`s were put: UTF-8.
        Value::from(std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default())
    }
}

impl Out for ShortValue {
    fn put(&mut self, text: &str) {
        let end = self.len + text.len();
        self.bytes[self.len..end].copy_from_slice(text.as_bytes());
        self.len = end;
    }
}

/// `format!("{:0width$}", n)` appended to `s`: the digits written into a
/// buffer and appended at once.
pub(super) fn push_padded(s: &mut impl Out, n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut k = digits.len();
    let mut n = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let k = k.min(digits.len().saturating_sub(width));
    // (ASCII digits: always UTF-8.)
    s.put(std::str::from_utf8(&digits[k..]).unwrap_or_default());
}

/// `format!("XXXX-{:02}-{:02}", m, d)`, without the formatter.
fn undated_month_day(m: u32, d: u32) -> Value {
    // At most 5 + 10 + 1 + 10 bytes.
    let mut s = ShortValue::new("XXXX-");
    push_padded(&mut s, m, 2);
    s.put("-");
    push_padded(&mut s, d, 2);
    s.value()
}

/// `format!("XXXX-{:02}", m)`, without the formatter.
fn year_month_unknown(m: u32) -> Value {
    // At most 5 + 10 bytes.
    let mut s = ShortValue::new("XXXX-");
    push_padded(&mut s, m, 2);
    s.value()
}

/// `n.to_string()` (years in values), without the formatter.
fn int_string(n: i32) -> Value {
    if (1000..=9999).contains(&n) {
        // Most values are four-digit years: the digits written at once.
        let n = n as u32;
        let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10].map(|d| b'0' + d as u8);
        return Value::from(std::str::from_utf8(&digits).unwrap_or_default());
    }
    // At most 11 bytes.
    let mut s = ShortValue::new("");
    push_int(&mut s, n);
    s.value()
}

/// `n.to_string()` appended to `s`.
pub(super) fn push_int(s: &mut impl Out, n: i32) {
    if n < 0 {
        s.put("-");
    }
    push_padded(s, n.unsigned_abs(), 1);
}

/// `format!("{}-{}", y, rest)`.
fn year_and(y: i32, rest: &str) -> Value {
    let mut s = int_string(y);
    s.push('-');
    s.push_str(rest);
    s
}

/// `format!("{}-{:02}", y, m)`.
fn year_month(y: i32, m: u32) -> Value {
    // At most 11 + 1 + 10 bytes.
    let mut s = ShortValue::new("");
    push_int(&mut s, y);
    s.put("-");
    push_padded(&mut s, m, 2);
    s.value()
}

/// `fmt_date(d)` followed by `part` (a part-of-day suffix, or empty).
fn date_part(d: NaiveDate, part: &str) -> Value {
    let mut s = fmt_date(d);
    s.push_str(part);
    s
}

fn fmt_week(d: NaiveDate) -> Value {
    let w = d.iso_week();
    format_compact!("{}-W{:02}", w.year(), w.week())
}

fn month_shift(y: i32, m: u32, n: i32) -> (i32, u32) {
    let k = y * 12 + m as i32 - 1 + n;
    (k.div_euclid(12), (k.rem_euclid(12) + 1) as u32)
}

fn quarter_of(d: NaiveDate) -> (i32, u32) {
    (d.year(), (d.month() - 1) / 3 + 1)
}

fn quarter_shift(y: i32, q: u32, n: i32) -> (i32, u32) {
    let k = y * 4 + q as i32 - 1 + n;
    (k.div_euclid(4), (k.rem_euclid(4) + 1) as u32)
}

fn season_of(d: NaiveDate) -> (i32, &'static str) {
    match d.month() {
        3..=5 => (d.year(), "SP"),
        6..=8 => (d.year(), "SU"),
        9..=11 => (d.year(), "FA"),
        12 => (d.year(), "WI"),
        _ => (d.year() - 1, "WI"),
    }
}

fn season_index(s: &str) -> i32 {
    match s {
        "SP" => 0,
        "SU" => 1,
        "FA" => 2,
        _ => 3,
    }
}

/// Weekday `wd` (Mon = 1) relative to `a`: `off` -1 strictly before, +1
/// strictly after, 0 by direction.
pub fn weekday_date(a: NaiveDate, wd: u32, dir: Dir, strict: bool) -> NaiveDate {
    let cur = a.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    match dir {
        Dir::Future => {
            let mut d = (wd - cur).rem_euclid(7);
            if d == 0 && strict {
                d = 7;
            }
            a + Duration::days(d)
        }
        _ => {
            let mut d = (cur - wd).rem_euclid(7);
            if d == 0 && strict {
                d = 7;
            }
            a - Duration::days(d)
        }
    }
}

/// Picks the year for a month (and day) without one.
fn pick_year(a: NaiveDate, m: u32, d: Option<u32>, dir: Dir) -> i32 {
    let mut best = (i64::MAX, a.year());
    for y in [a.year() - 1, a.year(), a.year() + 1] {
        let Some(c) = ymd(y, m, d.unwrap_or(15).min(28)) else {
            continue;
        };
        let diff = (c - a).num_days();
        let slack = if d.is_some() { 0 } else { 15 };
        let p = if d.is_some() { 120 } else { 400 };
        let penalty = match dir {
            Dir::Past if diff > slack => p,
            Dir::Future if diff < -slack => p,
            _ => 0,
        };
        let cost = diff.abs() + penalty;
        if cost < best.0 {
            best = (cost, y);
        }
    }
    best.1
}

fn is_year(n: u32) -> bool {
    (1000..=2099).contains(&n)
}

// ------------------------------------------------------------------- matcher

impl<'a> P<'a> {
    fn w(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.low)
    }

    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.capitalized(self.src))
    }

    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.gap)
    }

    fn int(&self, i: usize) -> Option<u32> {
        self.t.get(i).and_then(|t| t.int())
    }

    /// Skips a `.` glued to an abbreviation.
    fn dot(&self, i: usize) -> usize {
        if self.w(i) == "." && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    fn dir_at(&self, i: usize) -> Dir {
        // A preposition right before decides: "by August", "since May".
        let mut k = i;
        while k > 0
            && matches!(
                self.w(k - 1),
                "on" | "early" | "late" | "mid" | "-" | "the" | "as" | "of"
            )
        {
            k -= 1;
        }
        if k > 0 {
            match self.w(k - 1) {
                "by" | "soon" => return Dir::Future,
                "since" => return Dir::Past,
                _ => {}
            }
        }
        let mut best: Option<(usize, bool)> = None;
        // Only markers within a window count (also keeps this O(log n)).
        if !self.tense_ready.get() {
            tense_markers_into(self.t, &mut self.tense.borrow_mut());
            self.tense_ready.set(true);
        }
        let tense = self.tense.borrow();
        let lo = tense.partition_point(|&(k, _)| k + 24 < i);
        let hi = tense.partition_point(|&(k, _)| k <= i + 12);
        for &(k, f) in &tense[lo..hi] {
            // markers after the expression count at double distance
            let d = if k > i { 2 * (k - i) } else { i - k };
            if d == 0 {
                continue;
            }
            match best {
                Some((bd, _)) if bd <= d => {}
                _ => best = Some((d, f)),
            }
        }
        match best {
            Some((_, true)) => Dir::Future,
            Some((_, false)) => Dir::Past,
            None => Dir::Unknown,
        }
    }

    /// The longest expression starting at token `i`, a starter.
    fn best(&self, i: usize) -> Option<Hit> {
        let gates = self.gates[i];
        // The longest hit wins, the first tried among equals. The matchers
        // that cannot match here are skipped (they would find nothing).
        let tok = &self.t[i];
        let clock = tok.kind == Kind::Num || matches!(tok.low, "noon" | "midnight");
        let led = led_by(tok.low, tok.kind == Kind::Num, tok.core);
        let may = |gate: bool| gate || !self.gated;
        let mut best: Option<Hit> = None;
        let mut take = |h: Option<Hit>| {
            if let Some(h) = h {
                if h.b > i && best.as_ref().is_none_or(|b| h.b > b.b) {
                    best = Some(h);
                }
            }
        };
        if may(clock) {
            take(self.m_clock(i));
        }
        if may(gates & gate::MONTH_AFTER != 0) {
            take(self.m_date(i));
        }
        if may(gates & gate::WEEKDAY_NEAR != 0) {
            take(self.m_weekday(i));
        }
        if may(led & lead::DEICTIC != 0) {
            take(self.m_deictic(i));
        }
        if may(gates & gate::QUARTER_AFTER != 0) {
            take(self.m_quarter(i));
        }
        if may(led & lead::RELATIVE != 0) {
            take(self.m_relative(i));
        }
        if may(gates & gate::YEAR_AFTER != 0 && led & lead::YEAR != 0) {
            take(self.m_year(i));
        }
        if may(gates & gate::UNIT_AFTER != 0) {
            take(self.m_duration(i));
        }
        if may(led & lead::SET != 0) {
            take(self.m_set(i));
        }
        if may(led & lead::REF != 0) {
            take(self.m_ref(i));
        }
        if may(led & lead::HOLIDAY != 0) {
            take(self.m_holiday(i));
        }
        if may(led & lead::ANAPHOR != 0) {
            take(self.m_anaphor(i));
        }
        best
    }

    // ---------------------------------------------------------- modifiers

    /// `early`, `late`, `mid-`, `the end of`...: returns the index after.
    fn pre_mod(&self, i: usize) -> usize {
        match self.w(i) {
            "early" | "late" | "earlier" | "later" => i + 1,
            "mid" if self.w(i + 1) == "-" => i + 2,
            "the" | ""
                if matches!(self.w(i + 1), "end" | "beginning" | "start" | "middle")
                    && self.w(i + 2) == "of" =>
            {
                i + 3
            }
            "end" | "beginning" | "middle" if self.w(i + 1) == "of" => i + 2,
            _ => i,
        }
    }

    // --------------------------------------------------------------- clock

    fn m_clock(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let (mut h, m, mut j);
        if (w == "noon" || w == "midnight") && self.w(i.wrapping_sub(1)) != "high" {
            h = if w == "noon" { 12 } else { 24 };
            m = 0;
            j = i + 1;
        } else {
            let tok = self.t.get(i)?;
            if tok.kind != Kind::Num {
                return None;
            }
            // `9` or `9:30` (no allocation: most numbers are not times)
            let raw = tok.raw(self.src);
            // `raw.split_once(':')`, without a searcher for one byte.
            let colon = raw.bytes().position(|b| b == b':');
            match colon.map(|k| (&raw[..k], &raw[k + 1..])) {
                None if raw.len() <= 2 => {
                    h = raw.parse().ok()?;
                    m = 0;
                    if !matches!(self.w(i + 1), "am" | "pm") && !self.in_the_part(i + 1) {
                        return None;
                    }
                }
                Some((hh, mm)) if hh.len() <= 2 && mm.len() == 2 && !mm.contains(':') => {
                    h = hh.parse().ok()?;
                    m = mm.parse().ok()?;
                }
                _ => return None,
            }
            if h > 23 || m > 59 {
                return None;
            }
            j = i + 1;
            match self.w(j) {
                "am" => {
                    if h == 12 {
                        h = 0;
                    }
                    j += 1;
                }
                "pm" => {
                    if h < 12 {
                        h += 12;
                    }
                    j += 1;
                }
                _ => {
                    if self.in_the_part(j) {
                        if matches!(self.w(j + 2), "afternoon" | "evening" | "night") && h < 12 {
                            h += 12;
                        }
                        j += 3;
                    } else if !lx::time_zone(self.w(j))
                        && !matches!(self.w(j), "hours" | "hrs" | "h")
                    {
                        // A bare 10:35 needs something telling it is a time.
                        if self.w(i.wrapping_sub(1)) != "at" {
                            return None;
                        }
                    }
                }
            }
        }
        let mut utc = false;
        if lx::time_zone(self.w(j)) {
            utc = self.w(j) == "utc";
            j += 1;
        } else if self.w(j) == "local" && self.w(j + 1) == "time" {
            j += 2;
        }
        // A following day: 9 a.m. Tuesday, 5 p.m. EST Nov. 9, noon today.
        let mut k = j;
        if self.w(k) == "," && (self.m_date(k + 1).is_some()) {
            k += 1;
        }
        let mut day: Option<Option<NaiveDate>> = None;
        let mut rel = Absolute;
        if let Some(d) = self.m_date(k) {
            j = d.b;
            day = Some(
                d.val
                    .as_deref()
                    .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()),
            );
        } else if let Some(d) = self.m_weekday(k).or_else(|| self.m_deictic(k)) {
            if d.ty == Date {
                j = d.b;
                rel = d.rel;
                day = Some(
                    d.val
                        .as_deref()
                        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()),
                );
            }
        }
        let hm = if h == 24 {
            Value::const_new("T24:00")
        } else {
            format_compact!("T{:02}:{:02}", h, m)
        };
        let z = if utc { "Z" } else { "" };
        let val = match day {
            Some(Some(d)) => Some(format_compact!("{}{}{}", fmt_date(d), hm, z)),
            Some(None) => None,
            None => self
                .anchor
                .map(|a| format_compact!("{}{}{}", fmt_date(a), hm, z)),
        };
        hit(j, Time, val, rel)
    }

    fn in_the_part(&self, j: usize) -> bool {
        self.w(j) == "in"
            && self.w(j + 1) == "the"
            && matches!(self.w(j + 2), "morning" | "afternoon" | "evening")
    }

    // ---------------------------------------------------------------- dates

    fn day_num(&self, i: usize) -> Option<u32> {
        let d = self.int(i).or_else(|| lx::ordinal(self.w(i)))?;
        (1..=31).contains(&d).then_some(d)
    }

    /// Explicit calendar dates and months, with an optional weekday before.
    fn m_date(&self, i: usize) -> Option<Hit> {
        let j0 = self.pre_mod(i);
        let mut j = j0;
        let mut wd = None;
        if let Some(d) = lx::weekday(self.w(j)).filter(|_| self.cap(j)) {
            let mut k = j + 1;
            if self.w(k) == "," {
                k += 1;
            }
            if lx::month(self.w(k)).is_some() {
                wd = Some(d);
                j = k;
            }
        }
        if wd.is_none() && self.w(j) == "the" && self.w(j + 1) == "week" && self.w(j + 2) == "of" {
            let d = self.m_date(j + 3)?;
            let val = d
                .val
                .as_deref()
                .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
                .map(fmt_week);
            return hit(d.b, Date, val, Absolute);
        }
        if wd.is_none()
            && self.w(j) == "the"
            && self.day_num(j + 1).is_some()
            && self.w(j + 2) == "of"
        {
            // the 15th of March
            if let Some((m, _)) = lx::month(self.w(j + 3)) {
                let d = self.day_num(j + 1)?;
                return self.finish_md(i, j + 4, m, d, j);
            }
        }
        // Day before month: 11 December (2009).
        if let (Some(d), Some((m, ab))) = (self.day_num(j), lx::month(self.w(j + 1))) {
            if self.cap(j + 1) && (!ab || self.w(j + 2) == "." || self.int(j + 2).is_some()) {
                let k = self.dot(j + 2);
                return self.finish_md(i, k, m, d, j);
            }
        }
        let (m, abbrev) = lx::month(self.w(j))?;
        if !self.cap(j) {
            return None;
        }
        let mut k = self.dot(j + 1);
        let had_dot = k > j + 1;
        // Month day
        if let Some(d) = self.day_num(k) {
            let ok_day = self.int(k).is_some() || lx::ordinal(self.w(k)).is_some();
            if ok_day && !(self.w(k + 1) == "," && self.int(k + 2).is_some_and(|n| !is_year(n))) {
                return self.finish_md(i, k + 1, m, d, j);
            }
        }
        // Month (of|,) year
        let mut y_at = k;
        if matches!(self.w(k), "," | "of") {
            y_at = k + 1;
        }
        if let Some(y) = self.int(y_at).filter(|&y| is_year(y)) {
            return hit(y_at + 1, Date, Some(year_month(y as i32, m)), Absolute);
        }
        // Month (of) this/last/next year
        if self.w(k) == "of"
            && matches!(self.w(k + 1), "this" | "last" | "next")
            && self.w(k + 2) == "year"
        {
            k += 1;
        }
        if matches!(self.w(k), "this" | "last" | "next") && self.w(k + 1) == "year" {
            let a = self.anchor;
            let off = match self.w(k) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            return hit(k + 2, Date, a.map(|a| year_month(a.year() + off, m)), TierB);
        }
        if abbrev && !had_dot {
            return None;
        }
        if abbrev {
            return None;
        }
        // A month alone; May and March need context.
        if matches!(m, 3 | 5) {
            let prev = self.w(j.wrapping_sub(1));
            if j == j0
                && !matches!(
                    prev,
                    "in" | "since"
                        | "until"
                        | "by"
                        | "of"
                        | "during"
                        | "through"
                        | "from"
                        | "to"
                        | "last"
                        | "next"
                        | "this"
                        | "early"
                        | "late"
                        | "mid"
                        | "-"
                        | "and"
                        | "before"
                        | "after"
                )
            {
                return None;
            }
        }
        k = j + 1;
        let val = self.anchor.map(|a| {
            let y = pick_year(a, m, None, self.dir_at(j));
            year_month(y, m)
        });
        let val = val.or_else(|| Some(year_month_unknown(m)));
        hit(k, Date, val, Absolute)
    }

    fn finish_md(&self, _i: usize, mut k: usize, m: u32, d: u32, at: usize) -> Option<Hit> {
        if !(1..=31).contains(&d) {
            return None;
        }
        // Optional year: `, 2009` or ` 2009`.
        let mut year = None;
        if self.w(k) == "," && self.int(k + 1).is_some_and(is_year) {
            year = self.int(k + 1);
            k += 2;
        } else if self.int(k).is_some_and(is_year) {
            year = self.int(k);
            k += 1;
        }
        let val = match year {
            Some(y) => ymd(y as i32, m, d).map(fmt_date),
            None => match self.anchor {
                Some(a) => {
                    let y = pick_year(a, m, Some(d), self.dir_at(at));
                    ymd(y, m, d).map(fmt_date)
                }
                None => Some(undated_month_day(m, d)),
            },
        };
        hit(k, Date, val, Absolute)
    }

    // -------------------------------------------------------------- weekday

    fn m_weekday(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if matches!(self.w(j), "early" | "late" | "earlier" | "later") {
            j += 1;
        }
        let mut det = "";
        if matches!(self.w(j), "last" | "next" | "this" | "coming" | "past") {
            det = self.w(j);
            j += 1;
            if det == "this" && matches!(self.w(j), "past" | "coming") {
                det = if self.w(j) == "past" { "last" } else { "next" };
                j += 1;
            }
        }
        if !self.cap(j) {
            return None;
        }
        if let Some(wd) = lx::weekday_plural(self.w(j)) {
            if !det.is_empty() {
                return None;
            }
            let mut b = j + 1;
            let mut part = "";
            if let Some(p) = lx::part_of_day(self.w(b).trim_end_matches('s')) {
                part = p;
                b += 1;
            }
            return hit(
                b,
                Set,
                Some(format_compact!("XXXX-WXX-{}{}", wd, part)),
                Generic,
            );
        }
        let wd = lx::weekday(self.w(j))?;
        if j > 0
            && matches!(
                self.w(j - 1),
                "black" | "good" | "cyber" | "super" | "ash" | "holy" | "easter"
            )
            && self.cap(j - 1)
        {
            return None;
        }
        let mut b = j + 1;
        let mut part = "";
        if let Some(p) = lx::part_of_day(self.w(b)) {
            part = p;
            b += 1;
        }
        let ty = Date;
        let (dir, strict, rel) = match det {
            "last" | "past" => (Dir::Past, true, TierA),
            "next" | "coming" => (Dir::Future, true, TierA),
            "this" => (self.dir_or(j, Dir::Future), false, TierA),
            _ => (self.dir_or(j, Dir::Past), false, TierB),
        };
        let val = self
            .anchor
            .map(|a| date_part(weekday_date(a, wd, dir, strict), part));
        hit(b, ty, val, rel)
    }

    fn dir_or(&self, i: usize, d: Dir) -> Dir {
        match self.dir_at(i) {
            Dir::Unknown => d,
            x => x,
        }
    }

    // ---------------------------------------------------- yesterday, today

    fn m_deictic(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if matches!(self.w(j), "early" | "late" | "earlier" | "later") {
            j += 1;
        }
        let a = self.anchor;
        let w = self.w(j);
        let (off, mut part, mut ty) = match w {
            "yesterday" => (-1, "", Date),
            "today" => (0, "", Date),
            "tomorrow" => (1, "", Date),
            "tonight" => (0, "TNI", Time),
            "last" if self.w(j + 1) == "night" => {
                j += 1;
                (-1, "TNI", Time)
            }
            "this" => {
                let p = lx::part_of_day(self.w(j + 1))?;
                if p == "TNI" {
                    return None;
                }
                j += 1;
                (0, p, Time)
            }
            _ => return None,
        };
        let mut b = j + 1;
        if part.is_empty() {
            if let Some(p) = lx::part_of_day(self.w(b)) {
                part = p;
                ty = Time;
                b += 1;
            }
        }
        let mut rel = TierA;
        if w == "today"
            && self.w(b) == "'s"
            && (b + 1..b + 4).any(|k| lx::generic_today_noun(self.w(k)))
        {
            return hit(b, Date, Some("PRESENT_REF".into()), Generic);
        }
        if w == "today" && j == i && self.w(i.wrapping_sub(1)) == "of" {
            // "the children of today"
            rel = Generic;
        }
        let val = a.map(|a| date_part(a + Duration::days(off), part));
        hit(b, ty, val, rel)
    }

    // -------------------------------------------------------------- quarter

    fn m_quarter(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if matches!(self.w(j), "the" | "its" | "a" | "their" | "his" | "her") {
            j += 1;
        }
        let a = self.anchor;
        let mut year_off: Option<i32> = None; // relative year
        let mut year_abs: Option<i32> = None;
        let mut latest = false;
        let mut current = false;
        let mut ago = false;
        // year qualifiers
        loop {
            let w = self.w(j);
            if let Some(y) = self.int(j).filter(|&y| is_year(y)) {
                year_abs = Some(y as i32);
                j += 1;
            } else if matches!(w, "this" | "last" | "next")
                && self.w(j + 1) == "year"
                && self.w(j + 2) == "'s"
            {
                year_off = Some(match w {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                });
                j += 3;
            } else if w == "year"
                && self.w(j + 1) == "-"
                && matches!(self.w(j + 2), "ago" | "earlier")
            {
                ago = true;
                j += 3;
            } else if matches!(
                w,
                "latest" | "recent" | "most" | "past" | "previous" | "prior" | "last"
            ) && self.w(j + 1) != "-"
            {
                latest = true;
                j += 1;
            } else if matches!(w, "current" | "this") {
                current = true;
                j += 1;
            } else if matches!(
                w,
                "fiscal" | "comparable" | "same" | "flat" | "calendar" | "corresponding" | "full"
            ) || (w == "-" && self.w(j.wrapping_sub(1)) == "fiscal")
            {
                j += 1;
            } else {
                break;
            }
        }
        let mut ord = lx::ordinal(self.w(j));
        if ord.is_some() {
            j += 1;
            if self.w(j) == "-" {
                j += 1;
            }
        }
        let w = self.w(j);
        let is_q = w == "quarter";
        let is_half = w == "half";
        let is_period = w == "period" && (ago || latest);
        if !(is_q || is_half || is_period) {
            // the first nine months
            if self.w(i) == "the" {
                let (n, k) = match (ord, self.number(j)) {
                    (Some(1), Some((n, k))) | (None, Some((n, k))) => (n, k),
                    _ => return None,
                };
                let n = n.map_or(0, |x| x as u32);
                if self.w(k) == "months" && matches!(n, 3 | 6 | 9) {
                    return hit(k + 1, Duration, Some(format_compact!("P{}M", n)), Generic);
                }
            }
            return None;
        }
        if ord.is_none() && !(latest || current || ago || year_abs.is_some() || year_off.is_some())
        {
            // "the quarter" / "quarter"
            if self.w(i) != "the" || is_half {
                return None;
            }
            latest = true;
        }
        if is_half && !matches!(ord, Some(1 | 2)) {
            return None;
        }
        if ord.is_some_and(|o| o > 4) {
            ord = None;
            if !latest && !current {
                return None;
            }
        }
        let mut b = j + 1;
        // of 1990 / of this year / of next year / ended Sept. 30 (not included)
        if self.w(b) == "of" {
            if let Some(y) = self.int(b + 1).filter(|&y| is_year(y)) {
                year_abs = Some(y as i32);
                b += 2;
            } else if matches!(self.w(b + 1), "this" | "last" | "next") && self.w(b + 2) == "year" {
                year_off = Some(match self.w(b + 1) {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                });
                b += 3;
            }
        } else if matches!(self.w(b), "a")
            && self.w(b + 1) == "year"
            && matches!(self.w(b + 2), "ago" | "earlier")
        {
            ago = true;
            b += 3;
        } else if self.int(b).is_some_and(is_year) && ord.is_some() {
            year_abs = self.int(b).map(|y| y as i32);
            b += 1;
        }
        let rel = if year_abs.is_some() { Absolute } else { TierB };
        if is_half {
            let o = ord?;
            let y = year_abs.or_else(|| a.map(|a| a.year() + year_off.unwrap_or(0)));
            return hit(b, Date, y.map(|y| format_compact!("{}-H{}", y, o)), rel);
        }
        let val = match (year_abs, a) {
            (Some(y), _) => Some(match ord {
                Some(o) => format_compact!("{}-Q{}", y, o),
                None => format_compact!("{}-QX", y),
            }),
            (None, Some(a)) => {
                let (ay, aq) = quarter_of(a);
                let (mut y, q) = if let Some(o) = ord {
                    let mut y = ay + year_off.unwrap_or(0);
                    if year_off.is_none() && o > aq && aq == 1 && self.dir_at(j) != Dir::Future {
                        y -= 1;
                    }
                    (y, o)
                } else if current {
                    (ay, aq)
                } else {
                    quarter_shift(ay, aq, -1)
                };
                if ago {
                    y -= 1;
                }
                Some(format_compact!("{}-Q{}", y, q))
            }
            (None, None) => None,
        };
        hit(b, Date, val, rel)
    }

    // ---------------------------------------------------- relative periods

    fn m_relative(&self, i: usize) -> Option<Hit> {
        let j0 = self.pre_mod(i);
        let has_mod = j0 > i;
        let mut j = j0;
        let a = self.anchor;
        let mut det = self.w(j);
        let mut the = false;
        match det {
            "this" => {
                j += 1;
                if matches!(self.w(j), "past" | "coming") {
                    det = if self.w(j) == "past" { "last" } else { "next" };
                    j += 1;
                }
            }
            "last" | "next" | "past" | "previous" | "coming" | "current" | "that" | "following" => {
                j += 1
            }
            "the" => {
                the = true;
                j += 1;
                det = self.w(j);
                if matches!(
                    det,
                    "past"
                        | "last"
                        | "next"
                        | "coming"
                        | "previous"
                        | "current"
                        | "following"
                        | "same"
                        | "latest"
                        | "prior"
                        | "preceding"
                        | "first"
                ) {
                    j += 1;
                } else {
                    det = "the";
                }
            }
            _ => det = "",
        }
        // the past three years / the next few months
        if the || matches!(det, "past" | "last" | "next" | "coming") {
            if let Some((n, k)) = self.number(j) {
                if let Some((u, _)) = lx::unit(self.w(k)) {
                    if matches!(
                        det,
                        "past"
                            | "last"
                            | "next"
                            | "coming"
                            | "first"
                            | "previous"
                            | "following"
                            | "the"
                    ) {
                        return hit(k + 1, Duration, Some(dur(n, u)), Generic);
                    }
                }
                return None;
            }
            if matches!(det, "past" | "last" | "next" | "coming") {
                if let Some(q) = ["few", "several", "many"]
                    .iter()
                    .position(|x| *x == self.w(j))
                {
                    let _ = q;
                    if let Some((u, true)) = lx::unit(self.w(j + 1)) {
                        return hit(j + 2, Duration, Some(dur(None, u)), Generic);
                    }
                }
            }
        }
        let w = self.w(j);
        // Seasons
        if let Some(s) = lx::season(w) {
            if w == "fall"
                && det.is_empty()
                && !has_mod
                && !self.w(i.wrapping_sub(1)).is_empty()
                && !matches!(
                    self.w(i.wrapping_sub(1)),
                    "in" | "this"
                        | "the"
                        | "last"
                        | "next"
                        | "since"
                        | "until"
                        | "by"
                        | "during"
                        | "early"
                        | "late"
                )
            {
                return None;
            }
            if det.is_empty()
                && !self.cap(j)
                && !matches!(
                    self.w(j.wrapping_sub(1)),
                    "in" | "since"
                        | "until"
                        | "by"
                        | "during"
                        | "through"
                        | "early"
                        | "late"
                        | "mid"
                        | "-"
                )
            {
                return None;
            }
            let mut b = j + 1;
            let mut year: Option<i32> = None;
            if self.w(b) == "of" && self.int(b + 1).is_some_and(is_year) {
                year = self.int(b + 1).map(|y| y as i32);
                b += 2;
            } else if self.int(b).is_some_and(is_year) {
                year = self.int(b).map(|y| y as i32);
                b += 1;
            }
            if year.is_some() {
                return hit(b, Date, year.map(|y| year_and(y, s)), Absolute);
            }
            let val = a.map(|a| {
                let (ay, cur) = season_of(a);
                let ci = ay * 4 + season_index(cur);
                let target = season_index(s);
                let y = match det {
                    "last" | "past" | "previous" => {
                        let mut k = ci - 1;
                        while k.rem_euclid(4) != target {
                            k -= 1;
                        }
                        k.div_euclid(4)
                    }
                    "next" | "coming" => {
                        let mut k = ci + 1;
                        while k.rem_euclid(4) != target {
                            k += 1;
                        }
                        k.div_euclid(4)
                    }
                    _ => {
                        // this/the/bare: nearest, by tense
                        let dir = self.dir_at(j);
                        let mut k = ci;
                        match dir {
                            Dir::Past => {
                                while k.rem_euclid(4) != target {
                                    k -= 1;
                                }
                            }
                            _ => {
                                while k.rem_euclid(4) != target {
                                    k += 1;
                                }
                            }
                        }
                        k.div_euclid(4)
                    }
                };
                year_and(y, s)
            });
            return hit(b, Date, val, TierB);
        }
        // last April / next March / this September
        if let Some((m, false)) = lx::month(w) {
            if self.cap(j)
                && matches!(det, "last" | "next" | "this" | "past" | "coming")
                && self.day_num(j + 1).is_none()
            {
                let val = a.map(|a| {
                    let y = match det {
                        "last" | "past" => {
                            // "last February" in March is a year back
                            if m + 1 < a.month() {
                                a.year()
                            } else {
                                a.year() - 1
                            }
                        }
                        "next" | "coming" => {
                            if m > a.month() {
                                a.year()
                            } else {
                                a.year() + 1
                            }
                        }
                        _ => a.year(),
                    };
                    year_month(y, m)
                });
                return hit(j + 1, Date, val, TierB);
            }
            return None;
        }
        // last season, this season (sports): Tier B
        if w == "season"
            && matches!(
                det,
                "last" | "this" | "next" | "past" | "coming" | "previous"
            )
        {
            let off = match det {
                "last" | "past" | "previous" => -1,
                "next" | "coming" => 1,
                _ => 0,
            };
            return hit(j + 1, Date, a.map(|a| int_string(a.year() + off)), TierB);
        }
        // fiscal year
        let (u, plural) = if matches!(w, "fiscal" | "full" | "calendar") && self.w(j + 1) == "year"
        {
            j += 1;
            (Unit::Year, false)
        } else {
            lx::unit(w)?
        };
        let b = j + 1;
        if plural {
            // coming months / recent weeks handled elsewhere
            if matches!(det, "coming" | "next" | "past" | "last") && !the {
                return hit(b, Duration, Some(dur(None, u)), Generic);
            }
            return None;
        }
        let off: i32 = match det {
            "this" | "current" => 0,
            "last" | "past" | "previous" | "prior" | "preceding" => -1,
            "next" | "coming" | "following" => 1,
            "same" | "that" => 0,
            "latest" => -1,
            "the" | "" => 0,
            _ => return None,
        };
        // the past week, the last year: durations in TimeML
        if the && matches!(det, "past" | "last" | "next" | "coming") && !has_mod && u != Unit::Day {
            return hit(b, Duration, Some(dur(Some(1.0), u)), Generic);
        }
        let anaph =
            the && matches!(
                det,
                "following" | "previous" | "prior" | "preceding" | "same" | "next"
            ) || det == "that";
        if det.is_empty() && has_mod && u == Unit::Year {
            // "the end of year"
            return hit(b, Date, a.map(|a| int_string(a.year())), TierB);
        }
        if det.is_empty() {
            // bare "year"/"week" are not expressions, except `year-end`.
            if u == Unit::Year && self.w(b) == "-" && self.w(b + 1) == "end" {
                return hit(
                    b + 2,
                    Date,
                    a.map(|a| format_compact!("{}-12-31", a.year())),
                    TierB,
                );
            }
            return None;
        }
        if matches!(self.w(b), "ended" | "ending" | "ends" | "through")
            && matches!(u, Unit::Year | Unit::Quarter)
        {
            let v = if u == Unit::Year { "P1Y" } else { "P3M" };
            return hit(b, Duration, Some(v.into()), Generic);
        }
        if det == "the"
            && u == Unit::Day
            && matches!(
                self.w(j0.wrapping_sub(1)),
                "end" | "ended" | "ending" | "ends" | "in" | "during" | "for"
            )
        {
            // "ended the day up 12 points", "later in the day"
            return hit(b, Date, a.map(fmt_date), Anaphoric);
        }
        if det == "the" {
            // the year, the weekend; the week/month/day are too vague.
            match u {
                Unit::Year if !has_mod => {
                    if self.w(b) == "-"
                        || matches!(self.w(b), "before" | "after" | "earlier" | "ago")
                    {
                        return None;
                    }
                    return hit(b, Date, a.map(|a| int_string(a.year())), TierB);
                }
                Unit::Year | Unit::Month | Unit::Week if has_mod => {}
                Unit::Weekend => {}
                _ => return None,
            }
        }
        if det == "that" {
            return match u {
                Unit::Day
                | Unit::Week
                | Unit::Month
                | Unit::Year
                | Unit::Weekend
                | Unit::Quarter => hit(b, Date, None, Anaphoric),
                _ => None,
            };
        }
        let rel_tier = match u {
            Unit::Week | Unit::Weekend | Unit::Day => TierA,
            _ => TierB,
        };
        let rel = if anaph { Anaphoric } else { rel_tier };
        let Some(a) = a else {
            if u == Unit::Day && !anaph {
                return None;
            }
            return hit(b, Date, None, rel);
        };
        let val = match u {
            Unit::Day => {
                if !anaph {
                    return None;
                }
                fmt_date(a + Duration::days(off as i64))
            }
            Unit::Week => fmt_week(a + Duration::days(7 * off as i64)),
            Unit::Weekend => {
                let base = if det == "the" || det.is_empty() {
                    let cur = a.weekday().number_from_monday();
                    if cur >= 6 || self.dir_at(j) == Dir::Future {
                        a
                    } else {
                        a - Duration::days(7)
                    }
                } else {
                    a + Duration::days(7 * off as i64)
                };
                format_compact!("{}-WE", fmt_week(base))
            }
            Unit::Month => {
                let (y, m) = month_shift(a.year(), a.month(), off);
                year_month(y, m)
            }
            Unit::Quarter => {
                let (ay, aq) = quarter_of(a);
                let (y, q) = quarter_shift(ay, aq, off);
                format_compact!("{}-Q{}", y, q)
            }
            Unit::Year => int_string(a.year() + off),
            Unit::Decade => format_compact!("{}", (a.year() / 10 + off)),
            Unit::Century => format_compact!("{}", (a.year() / 100 + off)),
            _ => return None,
        };
        // earlier this week etc: `the end of the year` keeps the value.
        hit(b, Date, Some(val), rel)
    }

    /// A cardinal number (digits, words, `a couple of`, vague `few`):
    /// (value or None for vague, index after).
    fn number(&self, i: usize) -> Option<(Option<f64>, usize)> {
        let w = self.w(i);
        if let Some(t) = self.t.get(i) {
            if t.kind == Kind::Num {
                // Plain integers without the float parser or a copy.
                let v: f64 = match t.int() {
                    Some(n) => n.into(),
                    None => t.raw(self.src).replace(',', "").parse().ok()?,
                };
                // 2 1/2
                if self.int(i + 1) == Some(1) && self.w(i + 2) == "/" && self.int(i + 3) == Some(2)
                {
                    return Some((Some(v + 0.5), i + 4));
                }
                return Some((Some(v), i + 1));
            }
        }
        if w == "a" && self.w(i + 1) == "couple" && self.w(i + 2) == "of" {
            return Some((Some(2.0), i + 3));
        }
        if w == "a" && self.w(i + 1) == "few" {
            return Some((None, i + 2));
        }
        if matches!(w, "a" | "one") && self.w(i + 1) == "hundred" {
            return Some((Some(100.0), i + 2));
        }
        if w == "a" && self.w(i + 1) == "dozen" {
            return Some((Some(12.0), i + 2));
        }
        if lx::vague_quantity(w) && w != "some" {
            return Some((None, i + 1));
        }
        let n = lx::number_word(w)?;
        let mut v = n as f64;
        let mut k = i + 1;
        if n >= 20 && n % 10 == 0 && n < 100 {
            let (m, kk) = if self.w(k) == "-" {
                (lx::number_word(self.w(k + 1)), k + 2)
            } else {
                (lx::number_word(self.w(k)), k + 1)
            };
            if let Some(m) = m.filter(|m| *m < 10) {
                v += m as f64;
                k = kk;
            }
        }
        if self.w(k) == "hundred" {
            v *= 100.0;
            k += 1;
        }
        if self.w(k) == "and" && self.w(k + 1) == "a" && self.w(k + 2) == "half" {
            v += 0.5;
            k += 3;
        }
        Some((Some(v), k))
    }

    // ----------------------------------------------------------------- years

    fn m_year(&self, i: usize) -> Option<Hit> {
        let j0 = self.pre_mod(i);
        let mut j = j0;
        let mut the = false;
        if self.w(j) == "the" {
            the = true;
            j += 1;
            if matches!(self.w(j), "early" | "late" | "mid") {
                j += 1;
                if self.w(j) == "-" {
                    j += 1;
                }
            }
        }
        // the 20th century
        if let Some(n) = lx::ordinal(self.w(j)).filter(|_| !the) {
            if self.w(j + 1) == "century" && n >= 1 {
                return hit(j + 2, Date, Some(format_compact!("{:02}", n - 1)), Absolute);
            }
            if self.w(j + 1) == "-" && self.w(j + 2) == "century" && n >= 1 {
                return hit(j + 3, Date, Some(format_compact!("{:02}", n - 1)), Absolute);
            }
        }
        // the nineties
        if the {
            let dec = match self.w(j) {
                "twenties" => "192",
                "thirties" => "193",
                "forties" => "194",
                "fifties" => "195",
                "sixties" => "196",
                "seventies" => "197",
                "eighties" => "198",
                "nineties" => "199",
                _ => "",
            };
            if !dec.is_empty() {
                return hit(j + 1, Date, Some(dec.into()), Absolute);
            }
        }
        // fiscal 1990, fiscal year 1990, FY2006
        if self.w(j) == "fiscal" {
            let mut k = j + 1;
            if self.w(k) == "year" {
                k += 1;
            }
            if self.w(k) == "-" {
                k += 1;
            }
            let y = self.int(k).filter(|&y| is_year(y))?;
            return hit(k + 1, Date, Some(format_compact!("FY{}", y)), Absolute);
        }
        let tok = self.t.get(j)?;
        if tok.low.starts_with("fy") && tok.kind == Kind::Word {
            let rest = &tok.low[2..];
            if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) {
                return hit(j + 1, Date, Some(format_compact!("FY{}", rest)), Absolute);
            }
            return None;
        }
        // Decades: 1990s, '90s
        let mut k = j;
        if matches!(self.w(k), "'" | "’") && self.glued(k + 1) {
            k += 1;
        }
        let low = self.w(k);
        if let Some(d) = low.strip_suffix('s') {
            if d.len() == 4 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()) {
                return hit(k + 1, Date, Some(Value::from(&d[..3])), Absolute);
            }
            if d.len() == 2 && k > j && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()) {
                let c = if d.as_bytes()[0] >= b'2' { "19" } else { "20" };
                return hit(
                    k + 1,
                    Date,
                    Some(format_compact!("{}{}", c, &d[..1])),
                    Absolute,
                );
            }
        }
        if the && j0 == i && !matches!(self.w(i + 1), "early" | "late" | "mid") {
            // "the 1990 budget" is not a date expression of its own
            return None;
        }
        let y = self.int(j).filter(|&y| is_year(y))?;
        if tok.raw(self.src).len() != 4 {
            return None;
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if matches!(
            prev,
            "$" | "#"
                | "£"
                | "€"
                | "no"
                | "number"
                | "flight"
                | "route"
                | "room"
                | "model"
                | "version"
                | "-"
                | "/"
        ) {
            return None;
        }
        if j == i
            && i > 1
            && self.t[i - 1].kind == Kind::Word
            && self.cap(i - 1)
            && !self.t[i - 1]
                .raw(self.src)
                .chars()
                .all(|c| c.is_uppercase())
            && lx::month(self.w(i - 1)).is_none()
            && lx::season(self.w(i - 1)).is_none()
            && !matches!(
                self.w(i - 1),
                "in" | "since"
                    | "by"
                    | "until"
                    | "of"
                    | "from"
                    | "through"
                    | "during"
                    | "before"
                    | "after"
            )
        {
            // a name: Russell 2000, Windows 2000
            return None;
        }
        let next = self.w(j + 1);
        if matches!(
            next,
            "%" | "percent"
                | "points"
                | "people"
                | "feet"
                | "meters"
                | "miles"
                | "pounds"
                | "tons"
                | "yen"
                | "dollars"
                | "shares"
                | "acres"
                | "employees"
                | "workers"
                | "troops"
                | "/"
        ) {
            return None;
        }
        if !(1800..=2099).contains(&y)
            && !matches!(prev, "in" | "since" | "of" | "from" | "until" | "by")
        {
            return None;
        }
        // 1998-99 season: keep the first year only.
        let mut b = j + 1;
        if self.w(b) == "-"
            && self.glued(b)
            && self.int(b + 1).is_some_and(|n| n < 100)
            && self.glued(b + 1)
        {
            b += 2;
        }
        hit(b, Date, Some(int_string(y as i32)), Absolute)
    }

    // ------------------------------------------------------------- durations

    fn m_duration(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        // hedges kept in the span
        let w = self.w(j);
        if (matches!(w, "more" | "less" | "fewer") && self.w(j + 1) == "than")
            || (w == "at" && matches!(self.w(j + 1), "least" | "most"))
            || (w == "up" && self.w(j + 1) == "to")
        {
            j += 2;
        } else if w == "no" && matches!(self.w(j + 1), "more" | "less") && self.w(j + 2) == "than" {
            j += 3;
        } else if lx::approximator(w) && w != "some" {
            j += 1;
        }
        let mut the = false;
        if j == i && self.w(j) == "the" {
            the = true;
            j += 1;
        }
        // a minute and a half, half an hour
        if self.w(j) == "half" && matches!(self.w(j + 1), "an" | "a") {
            if let Some((u, false)) = lx::unit(self.w(j + 2)) {
                return hit(j + 3, Duration, Some(dur(Some(0.5), u)), Generic);
            }
        }
        let (n, mut k) = if matches!(self.w(j), "a" | "an" | "one")
            && lx::unit(self.w(j + 1)).is_some_and(|(_, p)| !p)
        {
            (Some(1.0), j + 1)
        } else {
            self.number(j)?
        };
        if self.w(k) == "more"
            || self.w(k) == "additional"
            || self.w(k) == "consecutive"
            || self.w(k) == "straight"
            || self.w(k) == "trading"
            || self.w(k) == "business"
            || self.w(k) == "full"
        {
            k += 1;
        }
        let hyph = self.w(k) == "-" && self.glued(k);
        if hyph {
            k += 1;
        }
        // two to three weeks
        if self.w(k) == "to" || self.w(k) == "or" {
            if let Some((_, k2)) = self.number(k + 1) {
                if lx::unit(self.w(k2)).is_some() {
                    k = k2;
                }
            }
        }
        let (u, plural) = lx::unit(self.w(k))?;
        if the && n.is_none() {
            return None;
        }
        // "a second attempt", "about a quarter of", "three-quarters"
        if matches!(u, Unit::Second) && n == Some(1.0) && !plural {
            return None;
        }
        if u == Unit::Quarter && (hyph || !plural) && self.w(k + 1) != "-" {
            return None;
        }
        if u == Unit::Quarter && hyph {
            return None;
        }
        if n.is_none() && !plural && !hyph {
            return None;
        }
        if self.t.get(j).is_some_and(|t| t.kind == Kind::Num)
            && self.t[j].raw(self.src).contains(':')
        {
            return None;
        }
        let mut b = k + 1;
        // ages: 45-year-old
        if self.w(b) == "-" && self.w(b + 1) == "old" {
            return None;
        }
        if self.w(b) == "old" {
            return None;
        }
        let a = self.anchor;
        // N units ago / from now / earlier / later
        let after = self.w(b);
        if after == "ago"
            || (after == "from" && self.w(b + 1) == "now")
            || matches!(after, "earlier" | "later" | "before" | "after") && !hyph
        {
            let fwd = matches!(after, "from" | "later" | "after");
            let end = if after == "from" { b + 2 } else { b + 1 };
            let rel = match after {
                "ago" | "from" => match u {
                    Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Week => TierA,
                    _ => TierB,
                },
                _ => Anaphoric,
            };
            if matches!(after, "before" | "after") {
                // "two days before the vote": TimeML tags the duration only.
                return hit(b, Duration, Some(dur(n, u)), Anaphoric);
            }
            let Some(n) = n else {
                let v = if fwd { "FUTURE_REF" } else { "PAST_REF" };
                return hit(end, Date, Some(v.into()), rel);
            };
            let val = a.and_then(|a| shift_value(a, n, u, fwd));
            return hit(end, Date, val, rel);
        }
        // money rate: 5% a year
        if matches!(self.w(j), "a" | "an") && !plural && j == i {
            let prev = self.w(i.wrapping_sub(1));
            let num_before = (i.saturating_sub(3)..i)
                .any(|k| self.t[k].kind == Kind::Num || lx::number_word(self.w(k)).is_some());
            if i > 0
                && (num_before
                    || self.t[i - 1].kind == Kind::Num
                    || matches!(
                        prev,
                        "%" | "percent"
                            | "million"
                            | "billion"
                            | "times"
                            | "twice"
                            | "once"
                            | "thousand"
                            | "dollars"
                            | "cents"
                    ))
            {
                return None;
            }
        }
        if u == Unit::Weekend {
            return None;
        }
        if hyph && self.w(b) == "-" && matches!(self.w(b + 1), "long") {
            b += 2;
        }
        hit(b, Duration, Some(dur(n, u)), Generic)
    }

    // ------------------------------------------------------------------ sets

    fn m_set(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let v = match w {
            "daily" => "P1D",
            "weekly" => "P1W",
            "monthly" => "P1M",
            "annually" | "yearly" => "P1Y",
            "hourly" => "PT1H",

            "nightly" => "P1D",
            "biweekly" => "P2W",
            _ => "",
        };
        if !v.is_empty() {
            // "the party daily" (a newspaper)
            if w == "daily" && (self.cap(i + 1) || self.w(i.wrapping_sub(1)) == "the") {
                return None;
            }
            return hit(i + 1, Set, Some(v.into()), Generic);
        }
        if !matches!(w, "every" | "each" | "per") {
            return None;
        }
        let mut j = i + 1;
        let mut n = 1.0;
        if self.w(j) == "other" {
            n = 2.0;
            j += 1;
        } else if let Some((Some(k), jj)) = self.number(j) {
            n = k;
            j = jj;
        }
        let x = self.w(j);
        if let Some((u, _)) = lx::unit(x) {
            if u == Unit::Weekend {
                return hit(j + 1, Set, Some("XXXX-WXX-WE".into()), Generic);
            }
            return hit(j + 1, Set, Some(dur(Some(n), u)), Generic);
        }
        if let Some(wd) = lx::weekday(x) {
            let mut b = j + 1;
            let mut part = "";
            if let Some(p) = lx::part_of_day(self.w(b)) {
                part = p;
                b += 1;
            }
            return hit(
                b,
                Set,
                Some(format_compact!("XXXX-WXX-{}{}", wd, part)),
                Generic,
            );
        }
        if let Some((m, false)) = lx::month(x) {
            return hit(j + 1, Set, Some(format_compact!("XXXX-{:02}", m)), Generic);
        }
        if let Some(s) = lx::season(x) {
            return hit(j + 1, Set, Some(format_compact!("XXXX-{}", s)), Generic);
        }
        if let Some(p) = lx::part_of_day(x) {
            return hit(
                j + 1,
                Set,
                Some(format_compact!("XXXX-XX-XX{}", p)),
                Generic,
            );
        }
        None
    }

    // ----------------------------------------------------- PRESENT_REF etc.

    fn m_ref(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let n1 = self.w(i + 1);
        let n2 = self.w(i + 2);
        let r = |b: usize, v: &str, rel: Relativity| hit(b, Date, Some(Value::from(v)), rel);
        match w {
            "now" => r(i + 1, "PRESENT_REF", Generic),
            "right" | "just" if n1 == "now" => r(i + 2, "PRESENT_REF", Generic),
            "currently" | "nowadays" | "presently" => r(i + 1, "PRESENT_REF", Generic),
            "these" if n1 == "days" => r(i + 2, "PRESENT_REF", Generic),
            "year" if n1 == "'s" && n2 == "end" => hit(
                i + 3,
                Date,
                self.anchor.map(|a| int_string(a.year())),
                TierB,
            ),
            "at" if n1 == "present" => r(i + 2, "PRESENT_REF", Generic),
            "the" if n1 == "time" && n2 == "being" => r(i + 3, "PRESENT_REF", Generic),
            "recently" | "lately" => r(i + 1, "PAST_REF", TierA),
            "more" | "most" if n1 == "recently" => r(i + 2, "PAST_REF", TierA),
            "the"
                if n1 == "time"
                    && self.w(i.wrapping_sub(1)) == "at"
                    && !matches!(n2, "of" | "when" | "that" | "being") =>
            {
                r(i + 2, "PAST_REF", Anaphoric)
            }
            "year" if n1 == "-" && matches!(n2, "ago" | "earlier") => hit(
                i + 3,
                Date,
                self.anchor.map(|a| int_string(a.year() - 1)),
                Anaphoric,
            ),
            "recent" => {
                if let Some((u, true)) = lx::unit(n1) {
                    return hit(i + 2, Duration, Some(dur(None, u)), TierA);
                }
                if matches!(n1, "history" | "times" | "memory") || self.w(i.wrapping_sub(1)) == "in"
                {
                    return r(i + 1, "PAST_REF", TierA);
                }
                if matches!(
                    n1,
                    "poll"
                        | "polls"
                        | "survey"
                        | "surveys"
                        | "study"
                        | "studies"
                        | "report"
                        | "reports"
                        | "years"
                        | "interview"
                        | "weeks"
                        | "months"
                        | "days"
                ) || self.t.get(i + 1).is_some_and(|t| t.kind == Kind::Word)
                {
                    return r(i + 1, "PAST_REF", TierA);
                }
                None
            }
            "the" if n1 == "past" => {
                if self.number(i + 2).is_some()
                    || lx::unit(n2).is_some()
                    || n2 == "few"
                    || n2 == "several"
                {
                    return None;
                }
                r(i + 2, "PAST_REF", Generic)
            }
            "the"
                if matches!(n1, "near" | "foreseeable" | "distant" | "immediate")
                    && n2 == "future" =>
            {
                r(i + 3, "FUTURE_REF", Generic)
            }
            "the" if n1 == "future" => r(i + 2, "FUTURE_REF", Generic),
            "the"
                if matches!(n1, "near" | "short" | "long" | "medium")
                    && matches!(n2, "term" | "run") =>
            {
                r(i + 3, "FUTURE_REF", Generic)
            }
            "soon" => {
                if n1 == "after" || n1 == "as" || self.w(i.wrapping_sub(1)) == "as" {
                    return None;
                }
                r(i + 1, "FUTURE_REF", TierA)
            }
            "the" if n1 == "other" && n2 == "day" => r(i + 3, "PAST_REF", TierA),
            "the" if n1 == "coming" => match lx::unit(n2) {
                Some((u, true)) => hit(i + 3, Duration, Some(dur(None, u)), TierA),
                _ => None,
            },
            "coming" if matches!(self.w(i.wrapping_sub(1)), "in" | "over" | "for") => {
                match lx::unit(n1) {
                    Some((u, true)) => hit(i + 2, Duration, Some(dur(None, u)), TierA),
                    _ => None,
                }
            }
            "years" | "decades" | "months" | "weeks" | "days" | "hours" | "minutes"
            | "centuries" => {
                let prev = self.w(i.wrapping_sub(1));
                if i == 0
                    || !matches!(
                        prev,
                        "for" | "over" | "within" | "in" | "took" | "take" | "takes" | "lasted"
                    )
                {
                    return None;
                }
                if matches!(n1, "of" | "-" | "'" | "'s") {
                    return None;
                }
                let (u, _) = lx::unit(w)?;
                if n1 == "ago" {
                    return r(i + 2, "PAST_REF", Generic);
                }
                hit(i + 1, Duration, Some(dur(None, u)), Generic)
            }
            _ => None,
        }
    }

    // --------------------------------------------------------------- holidays

    fn m_holiday(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let n1 = self.w(i + 1);
        let (m, d, b): (u32, Option<u32>, usize) = match w {
            "christmas" => {
                if n1 == "eve" {
                    (12, Some(24), i + 2)
                } else if n1 == "day" {
                    (12, Some(25), i + 2)
                } else {
                    (12, Some(25), i + 1)
                }
            }
            "new" if n1 == "year" && self.w(i + 2) == "'s" => match self.w(i + 3) {
                "day" => (1, Some(1), i + 4),
                "eve" => (12, Some(31), i + 4),
                _ => return None,
            },
            "halloween" => (10, Some(31), i + 1),
            "valentine" if n1 == "'s" && self.w(i + 2) == "day" => (2, Some(14), i + 3),
            "independence" if n1 == "day" => (7, Some(4), i + 2),
            "veterans" if n1 == "day" => (11, Some(11), i + 2),
            "thanksgiving" => (11, None, if n1 == "day" { i + 2 } else { i + 1 }),
            "labor" if n1 == "day" => (9, None, i + 2),
            "memorial" if n1 == "day" => (5, None, i + 2),
            "election" if n1 == "day" && self.cap(i + 1) => (11, None, i + 2),
            _ => return None,
        };
        // Tested after the word (cheaper): a holiday is capitalised.
        if !self.cap(i) {
            return None;
        }
        let mut b = b;
        let mut year = None;
        if self.int(b).is_some_and(is_year) {
            year = self.int(b).map(|y| y as i32);
            b += 1;
        }
        let y = match (year, self.anchor) {
            (Some(y), _) => y,
            (None, Some(a)) => pick_year(a, m, Some(d.unwrap_or(20)), self.dir_at(i)),
            (None, None) => return hit(b, Date, None, Absolute),
        };
        let date = match (w, d) {
            (_, Some(d)) => ymd(y, m, d),
            ("thanksgiving", _) => nth_weekday(y, 11, 4, 4),
            ("labor", _) => nth_weekday(y, 9, 1, 1),
            ("memorial", _) => last_weekday(y, 5, 1),
            ("election", _) => nth_weekday(y, 11, 1, 1).map(|d| d + Duration::days(1)),
            _ => None,
        };
        let rel = Absolute;
        hit(b, Date, date.map(fmt_date), rel)
    }

    // -------------------------------------------------------------- anaphora

    fn m_anaphor(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let n1 = self.w(i + 1);
        let n2 = self.w(i + 2);
        match w {
            "afterward" | "afterwards" | "thereafter" => hit(i + 1, Date, None, Anaphoric),
            "since" if n1 == "then" => hit(i + 2, Date, None, Anaphoric),
            "in" if n1 == "the" && n2 == "meantime" => hit(i + 3, Date, None, Anaphoric),
            "later" | "earlier" if n1 == "that" => match n2 {
                "day" | "week" | "month" | "year" | "morning" | "afternoon" | "evening"
                | "night" => hit(i + 3, Date, None, Anaphoric),
                _ => None,
            },
            "the" if matches!(n1, "day" | "night") && matches!(n2, "before" | "after") => {
                hit(i + 2, Date, None, Anaphoric)
            }
            "the" if matches!(n1, "next" | "following") && lx::part_of_day(n2).is_some() => {
                hit(i + 3, Date, None, Anaphoric)
            }
            _ => None,
        }
    }
}

fn nth_weekday(y: i32, m: u32, wd: u32, n: u32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    let cur = first.weekday().number_from_monday();
    let off = (wd + 7 - cur) % 7 + 7 * (n - 1);
    Some(first + Duration::days(off as i64))
}

fn last_weekday(y: i32, m: u32, wd: u32) -> Option<NaiveDate> {
    let (ny, nm) = month_shift(y, m, 1);
    let last = ymd(ny, nm, 1)? - Duration::days(1);
    let cur = last.weekday().number_from_monday();
    let back = (cur + 7 - wd) % 7;
    Some(last - Duration::days(back as i64))
}

fn num_str(n: f64) -> Value {
    if n.fract() == 0.0 {
        format_compact!("{}", n as i64)
    } else {
        format_compact!("{}", n)
    }
}

/// TIMEX3 duration value.
pub fn dur(n: Option<f64>, u: Unit) -> Value {
    let (mut n, mut u) = (n, u);
    if let Some(k) = n {
        match u {
            Unit::Decade => {
                n = Some(k * 10.0);
                u = Unit::Year;
            }
            Unit::Century => {
                n = Some(k * 100.0);
                u = Unit::Year;
            }
            _ => {}
        }
    }
    let (l, time) = u.letter();
    let prefix = if time { "PT" } else { "P" };
    match n {
        // Whole counts without the formatter; `num_str` for the rest.
        Some(k) if !(k.fract() == 0.0 && (0.0..1e9).contains(&k)) => {
            let mut s = Value::const_new(prefix);
            s.push_str(&num_str(k));
            s.push_str(l);
            s
        }
        n => {
            // At most 2 + 10 + 2 bytes.
            let mut s = ShortValue::new(prefix);
            match n {
                Some(k) => push_padded(&mut s, k as u32, 1),
                None => s.put("X"),
            }
            s.put(l);
            s.value()
        }
    }
}

/// Date `n` units before (or after) the anchor, at the unit's granularity.
fn shift_value(a: NaiveDate, n: f64, u: Unit, fwd: bool) -> Option<Value> {
    if n.fract() != 0.0 {
        return None;
    }
    let s: i64 = if fwd { n as i64 } else { -(n as i64) };
    Some(match u {
        Unit::Second | Unit::Minute | Unit::Hour => fmt_date(a),
        Unit::Day => fmt_date(a + Duration::days(s)),
        Unit::Week | Unit::Weekend => fmt_week(a + Duration::days(7 * s)),
        Unit::Month => {
            let (y, m) = month_shift(a.year(), a.month(), s as i32);
            year_month(y, m)
        }
        Unit::Quarter => {
            let (y, q) = quarter_of(a);
            let (y, q) = quarter_shift(y, q, s as i32);
            format_compact!("{}-Q{}", y, q)
        }
        Unit::Year => format_compact!("{}", a.year() as i64 + s),
        Unit::Decade => format_compact!("{}", (a.year() as i64 + 10 * s) / 10),
        Unit::Century => format_compact!("{}", (a.year() as i64 + 100 * s) / 100),
    })
}

#[cfg(test)]
mod gate_tests {
    use super::*;

    /// The shape test lets every marker through, and turns away others.
    #[test]
    fn tense_marker_shapes() {
        let markers = [
            "will",
            "shall",
            "ll",
            "would",
            "upcoming",
            "tomorrow",
            "won",
            "going",
            "due",
            "plans",
            "plan",
            "planned",
            "planning",
            "expects",
            "expected",
            "hopes",
            "hoped",
            "intends",
            "intended",
            "set",
            "scheduled",
            "slated",
            "agreed",
            "promised",
            "vowed",
            "threatened",
            "is",
            "are",
            "should",
            "said",
            "says",
            "was",
            "were",
            "had",
            "did",
            "ago",
            "yesterday",
            "heard",
            "crossed",
            "ébahied",
        ];
        for w in markers {
            assert!(may_mark_tense(w), "{w}");
        }
        for w in [
            "the", "council", "met", "in", "march", "city", "", "'s", "réunion",
        ] {
            assert!(!may_mark_tense(w), "{w}");
        }
        // Tagging agrees with the markers the full test finds.
        let text = "The board said it will meet Tuesday, and was to vote on Friday.";
        let low = text.to_ascii_lowercase();
        let t = super::super::tokens::tokenize(text, &low, 0);
        assert_eq!(tense_markers(&t), vec![(2, false), (4, true), (9, false)]);
    }

    /// Texts `worth_a_look` turns away are those [`tag`] finds nothing in
    /// (and it turns away numbers that cannot be core).
    #[test]
    fn texts_without_core_tokens_are_skipped() {
        let cases = [
            ("The board met.", false),
            ("It cost $5 million, 25 percent more, for 3 people.", false),
            ("Room 2.5 and line 3rd and No. 22nd held.", false),
            ("Room 12.5 held.", true),
            ("They met in 1998.", true),
            ("Doors open at 9:30.", true),
            ("Doors open at 9 pm.", true),
            ("Doors open at 9pm.", true),
            ("Doors open at 9 a.m.", true),
            ("Doors open at 9 AM, 8 p.m. and 7 amish.", true),
            ("At 9 amish farms and 7 pmx and 5 apples.", false),
            ("The 1990s.", true),
            ("The 90s.", true),
            ("FY2006 results.", true),
            ("Fyodor paid 3 dollars.", true),
            ("It rained today.", true),
            ("4.5 and 1,000 and 12", false),
            ("1,000", false),
            ("2,000 and 1,00", true),
        ];
        for (text, want) in cases {
            assert_eq!(worth_a_look(text), want, "{text}");
            if !want {
                assert!(tag_gated(text, Span::new(0, text.len()), None, false).is_empty());
            }
        }
    }

    /// The gates skip only matchers that would find nothing: tagging with
    /// and without them gives the same expressions.
    #[test]
    fn gated_matching_finds_what_every_matcher_finds() {
        let texts = [
            "The council met on Tuesday and again on Thursdays at 9:30 a.m.",
            "By March 3, 2021 the firm had posted third-quarter losses for two years.",
            "She said the plan would take three to four weeks, maybe a couple of months.",
            "In the first half of fiscal 2019 the mill ran 24 hours a day.",
            "Sales in the nineties and the 1980s dwarfed the '70s and FY2006 alike.",
            "The 20th century ended; the 21st - century began at midnight.",
            "Last Christmas Eve and Thanksgiving Day 2015 were quiet in the valley.",
            "He left this past Friday, returned next Monday morning and stayed a yr.",
            "The first nine months of the year beat the same period a year ago.",
            "Early on Sunday, the 15th of May, officials met at noon.",
            "Two days later, the previous quarter's results were restated for 2 1/2 years.",
            "The meeting, set for Jan. 12, moved to the week of Feb. 3.",
            "Every spring since 2009 the festival has run for half an hour longer.",
            "the last few decades saw forty-five-year-old farmers work 60-hour weeks",
            "At least 10 minutes, no more than 3 hours, up to a fortnight.",
            "Memorial Day and Labor Day 2020 fell on a Monday in May and September.",
            "It is Wednesday, Sept. 9; on Wednesday, September 9, 1998 it rained.",
            "The fourth quarter of last year and the latest period were weaker.",
            "A 5% a year rise, three times a week, each Sunday afternoon.",
            "Back in the sixties, during the mid-1990s and the late '80s, in 1999.",
        ];
        let anchor = NaiveDate::from_ymd_opt(2024, 6, 12);
        for text in texts {
            let span = Span::new(0, text.len());
            for a in [anchor, None] {
                assert_eq!(
                    tag_gated(text, span, a, true),
                    tag_gated(text, span, a, false),
                    "{text}"
                );
            }
            // And from every word start (sentences cut mid-way).
            for (k, _) in text.match_indices(' ') {
                let span = Span::new(k + 1, text.len());
                assert_eq!(
                    tag_gated(text, span, anchor, true),
                    tag_gated(text, span, anchor, false),
                    "{text} from {k}"
                );
            }
        }
    }
}

#[cfg(test)]
mod scan_tests {
    use super::next_digit;

    #[test]
    fn short_values_are_written_as_format_writes_them() {
        use super::super::lexicon::Unit;
        for y in [0, 7, 999, 2024, 10_000, -44, i32::MIN, i32::MAX] {
            assert_eq!(super::int_string(y), y.to_string());
            for m in [0, 1, 12, 99, u32::MAX] {
                assert_eq!(super::year_month(y, m), format!("{}-{:02}", y, m));
            }
        }
        let units = [
            Unit::Second,
            Unit::Minute,
            Unit::Hour,
            Unit::Day,
            Unit::Week,
            Unit::Weekend,
            Unit::Month,
            Unit::Quarter,
            Unit::Year,
            Unit::Decade,
            Unit::Century,
        ];
        // `dur` as it was written, with `to_string` for the whole counts.
        let plain = |n: Option<f64>, u: Unit| {
            let (n, u) = match (n, u) {
                (Some(k), Unit::Decade) => (Some(k * 10.0), Unit::Year),
                (Some(k), Unit::Century) => (Some(k * 100.0), Unit::Year),
                _ => (n, u),
            };
            let (l, time) = u.letter();
            let mut s = String::from(if time { "PT" } else { "P" });
            match n {
                None => s.push('X'),
                Some(k) if k.fract() == 0.0 && (0.0..1e9).contains(&k) => {
                    s.push_str(&(k as u32).to_string())
                }
                Some(k) => s.push_str(&super::num_str(k)),
            }
            s.push_str(l);
            s
        };
        let counts = [
            0.0,
            1.0,
            3.0,
            0.5,
            2.5,
            999_999_999.0,
            1e9,
            1e12,
            -1.0,
            f64::NAN,
        ];
        for u in units {
            assert_eq!(super::dur(None, u), plain(None, u), "{u:?}");
            for k in counts {
                assert_eq!(super::dur(Some(k), u), plain(Some(k), u), "{k} {u:?}");
            }
        }
    }

    #[test]
    fn undated_values_are_written_as_format_writes_them() {
        for m in 0..=13 {
            assert_eq!(super::year_month_unknown(m), format!("XXXX-{:02}", m));
            for d in [0, 1, 9, 10, 31, 99, 100] {
                assert_eq!(
                    super::undated_month_day(m, d),
                    format!("XXXX-{:02}-{:02}", m, d)
                );
            }
        }
    }

    #[test]
    fn next_digit_finds_the_first_digit_from_any_start() {
        let texts: [&[u8]; 6] = [
            b"",
            b"no digits in this rather long line of words at all",
            b"the 9 came early, then 42 and 2031",
            b"sixteen bytes!!9",
            b"a line with its only digit far out past the chunks: 7",
            b"\x2f\x3a/:0\xff\x80 caf\xc3\xa9 5",
        ];
        for t in texts {
            for i in 0..=t.len() {
                let want = (i..t.len())
                    .find(|&k| t[k].is_ascii_digit())
                    .unwrap_or(t.len());
                assert_eq!(next_digit(t, i), want, "{t:?} from {i}");
            }
        }
    }
}

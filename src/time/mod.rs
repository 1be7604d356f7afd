//! Temporal expressions: recognition and TimeML normalisation against the
//! publication anchor.

mod ap_style;
mod lexicon;
mod recognise;
#[cfg(test)]
mod tests;
mod tokens;

pub use ap_style::{ap_date, ap_replacement, describe, describe_with_anchor};
pub use recognise::{weekday_date, Dir};

use crate::span::Span;
use chrono::NaiveDate;
use serde::Serialize;

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// How an expression relates to the publication date (SPEC §4.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relativity {
    /// `March 3`, `2019`, `9:30 a.m. EDT`.
    Absolute,
    /// yesterday, today, this week, last Tuesday, recently, soon...
    TierA,
    /// bare weekday, this/last/next month or year, last fall...
    TierB,
    /// the next day, two hours later, afterward: relative to another event.
    Anaphoric,
    /// durations, sets and generic uses: for three years, every spring, now.
    Generic,
}

/// A TIMEX3 value: short (`2016-12-01`, `P3D`), so kept inline rather
/// than allocated for each expression.
pub type Value = compact_str::CompactString;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Temporal {
    pub span: Span,
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// TIMEX3 value (`2016-12-01`, `2016-W48`, `P3D`, `PRESENT_REF`), or None
    /// when it cannot be resolved.
    pub value: Option<Value>,
    pub relativity: Relativity,
}

/// Finds the temporal expressions of one sentence of `prose`.
///
/// `prose` is the document's prose view, `sentence` a byte span into it and
/// `anchor` the publication date. Relative expressions get a value only with
/// an anchor. Never panics; spans are on character boundaries.
pub fn tag_sentence(prose: &str, sentence: Span, anchor: Option<NaiveDate>) -> Vec<Temporal> {
    recognise::tag(prose, sentence, anchor)
}

/// The words a scanner of the sentence looks for on behalf of
/// [`tag_sentence_scanned`], all lower case: the core temporal words, then
/// `fy` (the start of `FY2006`).
pub fn scan_words() -> &'static [&'static str] {
    static WORDS: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| lexicon::core_words().chain(["fy"]).collect());
    &WORDS
}

/// [`tag_sentence`] when the caller has already looked for the words of
/// [`scan_words`] in the sentence (ASCII case ignored): `words` must be true
/// when a core word fills a whole run of ASCII letters, or `fy` starts one
/// (the sentence's ends count as ends of runs). A sentence with neither,
/// and no number that could be temporal, is passed over without a look at
/// its letters.
pub fn tag_sentence_scanned(
    prose: &str,
    sentence: Span,
    anchor: Option<NaiveDate>,
    words: bool,
) -> Vec<Temporal> {
    let mut out = Vec::new();
    recognise::tag_scanned(prose, sentence, anchor, words, None, &mut out);
    out
}

/// [`tag_sentence_scanned`], appending to `out`, when the scan also noted
/// where the core words are: `cores` holds, in order, the span of every
/// core word (of [`scan_words`], `fy` aside) that fills a whole run of
/// ASCII letters of the sentence, as `words` counts them (and no other).
pub fn tag_sentence_scanned_into(
    prose: &str,
    sentence: Span,
    anchor: Option<NaiveDate>,
    words: bool,
    cores: &[Span],
    out: &mut Vec<Temporal>,
) {
    recognise::tag_scanned(prose, sentence, anchor, words, Some(cores), out)
}

/// The quick tests of a sentence text: the whole one, and the one of its
/// numbers alone (what [`tag_sentence_scanned`] adds to the caller's scan).
#[cfg(test)]
pub(crate) fn quick_tests(text: &str) -> (bool, bool) {
    recognise::quick_tests(text)
}

/// Tags the sentences of one document in order. Like [`tag_sentence`] on
/// each, plus document context (see [`in_context`]).
pub fn tag_document(
    prose: &str,
    sentences: impl IntoIterator<Item = Span>,
    anchor: Option<NaiveDate>,
) -> Vec<Temporal> {
    let per_sentence = sentences
        .into_iter()
        .map(|s| tag_sentence(prose, s, anchor));
    in_context(prose, per_sentence, anchor)
}

/// Joins the tags of each sentence (from [`tag_sentence`], in document
/// order) and applies document context: in earnings copy, "a year ago" after
/// a quarter has been named means that quarter a year earlier (`1988-Q3`).
/// Kept apart from the per-sentence work so that work can be reused.
pub fn in_context(
    prose: &str,
    per_sentence: impl IntoIterator<Item = Vec<Temporal>>,
    anchor: Option<NaiveDate>,
) -> Vec<Temporal> {
    let mut out: Vec<Temporal> = Vec::new();
    let mut last_quarter: Option<(i32, u32)> = None;
    for mut tags in per_sentence {
        // Each list is worked on in place, then moved (or appended) whole.
        for t in &mut tags {
            let v = t.value.as_deref().unwrap_or("");
            // `split_once("-Q")` without building a searcher per value (and
            // no search at all without a `Q`).
            let quarter = if v.as_bytes().contains(&b'Q') {
                v.as_bytes().windows(2).position(|w| w == b"-Q")
            } else {
                None
            };
            if let Some((y, q)) = quarter.map(|k| (&v[..k], &v[k + 2..])) {
                if let (Ok(y), Ok(q)) = (y.parse::<i32>(), q.parse::<u32>()) {
                    last_quarter = Some((y, q));
                }
            } else if let Some((qy, q)) = last_quarter {
                // (Compared without a lower-cased or formatted copy.)
                let text = t.span.slice(prose);
                let year_back = ["a year ago", "a year earlier", "year-ago", "year-earlier"]
                    .iter()
                    .any(|p| text.eq_ignore_ascii_case(p));
                if year_back && anchor.is_some_and(|a| is_int(v, chrono::Datelike::year(&a) - 1)) {
                    t.value = Some(compact_str::format_compact!("{}-Q{}", qy - 1, q));
                }
            }
        }
        if out.is_empty() {
            out = tags;
        } else {
            out.append(&mut tags);
        }
    }
    out
}

/// Is `v` written as `n.to_string()` writes it?
fn is_int(v: &str, n: i32) -> bool {
    let mut buf = [0u8; 12];
    let mut k = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        k -= 1;
        buf[k] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        k -= 1;
        buf[k] = b'-';
    }
    v.as_bytes() == &buf[k..]
}

/// `d.format("%Y-%m-%d")`, written without chrono's formatter.
pub fn iso_date(d: NaiveDate) -> Value {
    recognise::fmt_date(d)
}

/// Tags every sentence of a text split naively (for tools and tests).
pub fn tag_text(text: &str, anchor: Option<NaiveDate>) -> Vec<Temporal> {
    tag_sentence(text, Span::new(0, text.len()), anchor)
}

impl Relativity {
    /// Needs the publication date to be understood (Tier A or B).
    pub fn is_deictic(self) -> bool {
        matches!(self, Relativity::TierA | Relativity::TierB)
    }
}

/// The date written in a dateline (`KESTREL BAY, Maine, Feb. 9 (Ledger) —`),
/// tagged in the original `text`: absolute calendar dates only.
pub fn tag_dateline(text: &str, dateline: Span, anchor: Option<NaiveDate>) -> Vec<Temporal> {
    let mut v = recognise::tag(text, dateline, anchor);
    v.retain(|t| t.timex_type == TimexType::Date && t.relativity == Relativity::Absolute);
    v
}

//! Sentence-level extraction: hedges, `according to`, colon lead-ins and
//! reporting verbs with their sources and contents.

use super::house::HouseLexicon;
use super::lexicon::{self, Class, Cue, Form, Strength, HEDGES};
use super::source;
use super::token::{tokenize, Kind, Marks, Tok};
use super::words::{self, list, tag};
use super::{Attribution, AttributionKind, SmallList, SourceClass, Spans, SpeakerRule};
use crate::document::Document;
use crate::sentences::{Quote, Sentence};
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::cell::OnceCell;
use std::sync::LazyLock;

// A noncontiguous NFA: built in four fifths of the time of a contiguous
// one, and searched as fast here (only sentences holding a hedge's words
// are searched).
static HEDGE_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(HEDGES)
        .expect("hedge automaton")
});

#[cfg(test)]
thread_local! {
    /// Tests turn the gates off to check that they change no result.
    pub(super) static UNGATED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Are the shortcuts that skip work no result needs turned off (tests only)?
fn ungated() -> bool {
    #[cfg(test)]
    return UNGATED.get();
    #[cfg(not(test))]
    false
}

struct Ctx<'a> {
    prose: &'a str,
    lower: &'a str,
    toks: &'a [Tok],
    /// Token sits inside a direct quotation.
    quoted: &'a [bool],
    /// Indices of the tokens with a cue entry, in order.
    cues: &'a [usize],
    /// Indices of the tokens tagged [`tag::ACCORDING`], in order.
    according: &'a [usize],
    /// The tags of all its tokens together: passes whose words are absent skip the sentence.
    tags: u8,
    sentence: Span,
    /// A direct quotation ending just before the sentence (whitespace between).
    prev_quote: Option<Span>,
    /// Does the sentence give a reason for anonymity (computed on first use)?
    reason: OnceCell<bool>,
    /// [`Ctx::last_content`] (computed on first use).
    last_content: OnceCell<Option<usize>>,
    /// House attribution verbs (copydesk.toml).
    house: &'a HouseLexicon,
}

impl Ctx<'_> {
    fn classify(&self, src: &[Span]) -> (SourceClass, bool) {
        let reason = *self.reason.get_or_init(|| {
            let lower = self.lower.as_bytes();
            // Most sentences have no word a reason needs: no search then.
            (ungated()
                || self.toks.iter().any(|t| {
                    // The words looked for have four letters or more and
                    // start with an ASCII letter (no other token of four
                    // bytes does: that is one character, of four bytes).
                    t.end - t.start >= 4
                        && source::may_start_reason(lower[t.start])
                        && source::may_hold_reason(&lower[t.start..t.end])
                }))
                && source::has_anonymity_reason(self.sentence.slice(self.lower))
        });
        source::classify_given(self.prose, self.lower, src, self.sentence, reason)
    }
    /// Does some token of the sentence carry one of `tags`?
    fn any(&self, tags: u8) -> bool {
        self.tags & tags != 0
    }
    fn cue(&self, i: usize) -> Option<Cue> {
        self.toks.get(i).and_then(|t| t.info.cue())
    }
    /// The [`words::list`] bits of token `i`'s text (0 past the end): the
    /// tokenizer's table entry holds them (punctuation is on no list).
    #[inline]
    fn lists(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(0, |t| t.info.lists())
    }
    /// The lower-case bytes of a token.
    #[inline]
    fn word_bytes(&self, t: &Tok) -> &[u8] {
        self.lower.as_bytes().get(t.start..t.end).unwrap_or(b"")
    }
    #[inline]
    fn w(&self, i: usize) -> &str {
        // Sliced on demand: most tokens' text is never asked for.
        self.toks
            .get(i)
            .and_then(|t| self.lower.get(t.start..t.end))
            .unwrap_or("")
    }
    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }
    /// Is token `i` the punctuation `p`? (Compared as bytes: the token's
    /// ends are character boundaries, so the text test is the same.)
    #[inline]
    fn punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind != Kind::Word && self.prose.as_bytes().get(t.start..t.end) == Some(p.as_bytes())
        })
    }
    /// [`Ctx::punct`] of a comma.
    #[inline]
    fn is_comma(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind != Kind::Word
                && t.end == t.start + 1
                && self.prose.as_bytes().get(t.start) == Some(&b',')
        })
    }
    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].start, self.toks[b].end)
    }
    /// Index of the last token that is not final punctuation (found once
    /// per sentence: many cues ask).
    fn last_content(&self) -> Option<usize> {
        *self.last_content.get_or_init(|| self.find_last_content())
    }
    /// [`Ctx::last_content`], found.
    fn find_last_content(&self) -> Option<usize> {
        let mut e = self.toks.len();
        while e > 0 {
            let t = &self.toks[e - 1];
            if t.kind == Kind::Word || t.kind == Kind::CloseQuote || t.kind == Kind::OpenQuote {
                return Some(e - 1);
            }
            let p = &self.prose[t.start..t.end];
            if !matches!(p, "." | "!" | "?" | "," | ";" | ":" | "—" | "-" | ")") {
                return Some(e - 1);
            }
            e -= 1;
        }
        None
    }
}

/// Runs the sentence-level extractors over every sentence. Called on one
/// block's sentences at a time, whose results `Analyzer` caches: read
/// nothing outside them but what `attribution::extract_block` lists.
pub fn sentences(
    doc: &Document,
    lower: &str,
    sentences: &[Sentence],
    quotes: &[Quote],
    house: &HouseLexicon,
) -> Vec<Attribution> {
    // Per-sentence buffers, kept per thread: this runs block by block.
    thread_local! {
        static SCRATCH: std::cell::RefCell<Scratch> = const {
            std::cell::RefCell::new(Scratch {
                toks: Vec::new(),
                quoted: Vec::new(),
                marks: Marks {
                    tags: 0,
                    cues: Vec::new(),
                    hedges: Vec::new(),
                    according: Vec::new(),
                },
                used: Vec::new(),
                here: Vec::new(),
                hedge_hits: Vec::new(),
            })
        };
    }
    SCRATCH.with_borrow_mut(|scratch| sentences_with(scratch, doc, lower, sentences, quotes, house))
}

/// [`sentences`] with its buffers.
fn sentences_with(
    scratch: &mut Scratch,
    doc: &Document,
    lower: &str,
    sentences: &[Sentence],
    quotes: &[Quote],
    house: &HouseLexicon,
) -> Vec<Attribution> {
    let mut out = Vec::new();
    let Scratch {
        toks,
        quoted,
        marks,
        used,
        here,
        hedge_hits: hits,
    } = scratch;
    let mut qi = 0;
    for (si, s) in sentences.iter().enumerate() {
        tokenize(&doc.prose, lower, s.span, toks, marks);
        let tags = marks.tags;
        if toks.is_empty() {
            continue;
        }
        // Without a tagged word (or house verbs) only a colon lead-in
        // opening a paragraph or before a quotation, or a framing `In
        // a statement, ...`, can come of a sentence: the others skip the
        // set-up below.
        if tags == 0 && s.index_in_block != 0 && !house.has_verbs() && !ungated() {
            let first = &toks[0];
            let last = &toks[toks.len() - 1];
            if lower.get(first.start..first.end) != Some("in")
                && !(last.kind != Kind::Word && doc.prose.get(last.start..last.end) == Some(":"))
            {
                continue;
            }
        }
        // [`hedges`] keeps a match only where tokens start and end with
        // it, so the match's words are then tokens in a row (see
        // [`may_hold_hedge`]): without them, nothing here can come of a match.
        // The automaton's matches in the sentence are those it finds in
        // the whole block (as [`hedge_hits`] once ran): no match runs across
        // the end of a sentence, which is a terminator or a blank line.
        hits.clear();
        if tags & tag::HEDGE != 0 && may_hold_hedge(toks, &marks.hedges, lower.as_bytes())
            || ungated()
        {
            hedge_hits(lower, s.span, hits);
        }
        let hedges_here: &[(usize, usize)] = hits;
        while qi < quotes.len() && quotes[qi].span.end <= s.span.start {
            qi += 1;
        }
        here.clear();
        let mut k = qi;
        while k < quotes.len() && quotes[k].span.start < s.span.end {
            if quotes[k].direct && quotes[k].span.overlaps(s.span) {
                here.push(k);
            }
            k += 1;
        }
        quoted.clear();
        quoted.resize(toks.len(), false);
        // Tokens inside a quotation's inner span (tokens are in order).
        for &q in here.iter() {
            let inner = quotes[q].inner;
            let from = toks.partition_point(|t| t.start < inner.start);
            for (k, t) in toks.iter().enumerate().skip(from) {
                if t.start >= inner.end {
                    break;
                }
                if t.end <= inner.end {
                    quoted[k] = true;
                }
            }
        }
        let prev_quote = qi
            .checked_sub(1)
            .map(|x| &quotes[x])
            .filter(|q| {
                q.direct
                    && q.span.end <= s.span.start
                    && is_blank(&doc.prose, q.span.end, s.span.start)
            })
            .map(|q| q.inner);
        let prev_quote_idx = prev_quote.and(qi.checked_sub(1));
        let ctx = Ctx {
            prose: &doc.prose,
            lower,
            toks,
            quoted,
            cues: &marks.cues,
            according: &marks.according,
            tags,
            sentence: s.span,
            prev_quote,
            reason: OnceCell::new(),
            last_content: OnceCell::new(),
            house,
        };
        let before = out.len();
        used.clear();
        used.resize(toks.len(), false);
        hedges(&ctx, si, hedges_here, used, &mut out);
        according_to(&ctx, si, used, &mut out);
        if s.index_in_block == 0 {
            name_colon(&ctx, si, used, &mut out);
        }
        let before_verbs = out.len();
        verbs(&ctx, si, used, &mut out);
        phrases(&ctx, si, used, &mut out);
        stances(&ctx, si, used, &mut out);
        if out.len() == before_verbs {
            in_document(&ctx, si, &mut out);
            colon_quote(&ctx, si, &mut out);
        }
        let fresh = &mut out[before..];
        trim_overlaps(fresh, &doc.prose);
        for a in fresh.iter_mut() {
            if let Some(pq) = prev_quote_idx {
                if a.content.iter().any(|f| f.overlaps(quotes[pq].inner)) {
                    here.push(pq);
                }
            }
            link_quotes(a, here, quotes, &doc.prose);
            if a.content.is_empty() && a.kind == AttributionKind::ColonLeadIn {
                continue;
            }
        }
        colon_blocks(doc, si, sentences, &mut out[before..]);
        drop_nested(
            &mut out[before..],
            doc.prose.get(..s.span.end).unwrap_or(""),
            s.span.start,
        );
    }
    out.retain(|a| !a.cue.is_empty());
    out
}

/// Is `text[a..b]` whitespace only (false if not on character boundaries)?
fn is_blank(text: &str, a: usize, b: usize) -> bool {
    // Most gaps start with a word: an ASCII first byte that is not
    // whitespace answers at once.
    if let Some(&c) = text.as_bytes().get(a) {
        if a < b && c < 0x80 && !(c as char).is_whitespace() {
            return false;
        }
    }
    text.get(a..b)
        .is_some_and(|g| g.chars().all(char::is_whitespace))
}

/// The buffers [`sentences`] reuses from sentence to sentence.
#[derive(Default)]
struct Scratch {
    toks: Vec<Tok>,
    quoted: Vec<bool>,
    marks: Marks,
    used: Vec<bool>,
    here: Vec<usize>,
    /// The hedge automaton's matches in the sentence.
    hedge_hits: Vec<(usize, usize)>,
}

/// Are the words of some hedge tokens in a row of `toks` (`lower` the
/// lower-case text)? A match [`hedges`] keeps starts where a token starts
/// and ends where one ends; its words are letters between single spaces,
/// so they are those tokens, its key word among them.
/// `keys` are the indices of the hedge key words among `toks`.
fn may_hold_hedge(toks: &[Tok], keys: &[usize], lower: &[u8]) -> bool {
    keys.iter().any(|&k| {
        toks.get(k).is_some_and(|t| {
            words::hedges_keyed_by(t.info).iter().any(|h| {
                k.checked_sub(h.key)
                    .and_then(|a| toks.get(a..a + h.words.len()))
                    .is_some_and(|run| {
                        run.iter().zip(&h.words).all(|(u, w)| {
                            u.kind == Kind::Word && lower.get(u.start..u.end) == Some(w.as_bytes())
                        })
                    })
            })
        })
    })
}

/// The hedges of `lower[span]`: the automaton's matches that start and end
/// on word boundaries, as byte ranges of `lower` (none if `span` does not
/// fall on character boundaries), pushed to `out`.
fn hedge_hits(lower: &str, span: Span, out: &mut Vec<(usize, usize)>) {
    let b = lower.as_bytes();
    out.extend(
        HEDGE_AC
            .find_iter(lower.get(span.start..span.end).unwrap_or(""))
            .map(|m| (span.start + m.start(), span.start + m.end()))
            .filter(|&(s, e)| {
                (s == 0 || !b[s - 1].is_ascii_alphanumeric())
                    && (e >= b.len() || !b[e].is_ascii_alphanumeric())
            }),
    );
}

/// An attribution of `kind` in sentence `si` with nothing found yet.
pub(super) fn new_attr(kind: AttributionKind, si: usize) -> Attribution {
    Attribution {
        kind,
        source: Spans::new(),
        cue: Spans::new(),
        content: Spans::new(),
        source_class: SourceClass::None,
        loaded: false,
        sentence: si,
        quotes: SmallList::new(),
        speaker_rule: None,
        carried: false,
        antecedent: None,
        anonymity_reason: false,
    }
}

/// Content fragments: the sentence minus `[a, b]` (token indices).
fn around(c: &Ctx, a: usize, b: usize) -> Spans {
    let mut v = Spans::new();
    if let Some(pre_end) = trim_back(c, a, 0) {
        v.push(c.span(0, pre_end));
    }
    if let Some(last) = c.last_content() {
        let mut s = b + 1;
        while s <= last && (c.is_comma(s) || c.punct(s, "—")) {
            s += 1;
        }
        if s <= last {
            v.push(c.span(s, last));
        }
    }
    v
}

/// Last token before `a` that is not a comma or dash, if at or after `lo`.
fn trim_back(c: &Ctx, a: usize, lo: usize) -> Option<usize> {
    let mut e = a;
    while e > lo {
        let t = &c.toks[e - 1];
        let p = &c.prose[t.start..t.end];
        if t.kind == Kind::Punct && matches!(p, "," | "—" | "-" | ";" | ":" | "(") {
            e -= 1;
        } else {
            return Some(e - 1);
        }
    }
    None
}

fn hedges(
    c: &Ctx,
    si: usize,
    hits: &[(usize, usize)],
    used: &mut [bool],
    out: &mut Vec<Attribution>,
) {
    for &(s, e) in hits {
        let (Some(a), Some(b)) = (
            c.toks.iter().position(|t| t.start == s),
            c.toks.iter().position(|t| t.end == e),
        ) else {
            continue;
        };
        if c.quoted[a] || used[a..=b].iter().any(|&u| u) {
            continue;
        }
        used[a..=b].iter_mut().for_each(|u| *u = true);
        let mut at = new_attr(AttributionKind::Hedge, si);
        at.cue.push(Span::new(s, e));
        let phrase = c.lower.get(s..e).unwrap_or("");
        if phrase.starts_with("some ") || phrase.starts_with("many ") {
            at.source.push(c.toks[a].span());
            at.source_class = SourceClass::Vague;
            at.cue = Spans::one(c.span(a + 1, b));
        }
        at.content = around(c, a, b);
        out.push(at);
    }
}

/// A noun phrase ending at token `end` (inclusive), walking left no further than `lo`.
fn np_left(c: &Ctx, end: usize, lo: usize) -> Option<(usize, usize)> {
    // "Rep. Ada Park (D-Ore.) said": step over the parenthesis.
    if c.punct(end, ")") {
        let open = (lo..end).rev().take(8).find(|&x| c.punct(x, "("))?;
        if open == 0 {
            return None;
        }
        let (a, _) = np_left(c, open - 1, lo)?;
        return Some((a, end));
    }
    if !c.is_word(end) {
        return None;
    }
    let w = c.w(end);
    let end_cue = c.cue(end);
    let end_lists = c.lists(end);
    if end_lists & list::PERSON_PRONOUN != 0 || w == "it" {
        return Some((end, end));
    }
    if matches!(
        w,
        "some" | "many" | "several" | "others" | "most" | "few" | "both" | "all"
    ) {
        return Some((end, end));
    }
    if end_lists & (list::NP_STOP | list::NP_INNER_ONLY | list::DETERMINER) != 0 {
        return None;
    }
    if let Some(cue) = end_cue {
        if matches!(cue.form, Form::Past | Form::Ing) && !c.toks[end].cap {
            return None;
        }
    }
    let mut a = end;
    // The list bits of the phrase's tokens (`end - x` for token `x`: the
    // walk takes ten at most), for the trim below.
    let mut bits = [0u8; 10];
    bits[0] = end_lists;
    while a > lo {
        let p = a - 1;
        let t = &c.toks[p];
        if t.kind != Kind::Word || c.quoted[p] {
            break;
        }
        let pl = c.lists(p);
        if pl & list::NP_STOP != 0 && !(t.cap && p > 0 && pl & list::DETERMINER == 0) {
            break;
        }
        if pl & list::PERSON_PRONOUN != 0 {
            break;
        }
        if !t.cap {
            if let Some(cue) = c.cue(p) {
                if matches!(cue.form, Form::Past | Form::Ing | Form::Third) {
                    break;
                }
            }
            let pw = c.w(p);
            if pw.ends_with("ly") && pw.len() > 4 && !matches!(pw, "family" | "ally" | "supply") {
                break;
            }
        }
        if end - p > 9 {
            break;
        }
        bits[end - p] = pl;
        a = p;
    }
    while a < end && bits[end - a] & (list::NP_INNER_ONLY | list::WEEKDAY_OR_MONTH) != 0 {
        a += 1;
    }
    // A number alone at the left edge ("In 2016 Trump") is not part of it.
    Some((a, end))
}

/// A noun phrase starting at `start`, with an appositive after a comma.
fn np_right(c: &Ctx, start: usize) -> Option<(usize, usize)> {
    if !c.is_word(start) || c.quoted[start] {
        return None;
    }
    let lists = c.lists(start);
    if lists & list::PERSON_PRONOUN != 0 {
        return Some((start, start));
    }
    if lists & (list::NP_STOP | list::NP_INNER_ONLY) != 0 {
        return None;
    }
    let mut b = start;
    while b + 1 < c.toks.len() && c.is_word(b + 1) && !c.quoted[b + 1] {
        let nw = c.w(b + 1);
        if c.lists(b + 1) & list::NP_STOP != 0 && !c.toks[b + 1].cap {
            break;
        }
        if !c.toks[b + 1].cap {
            if let Some(cue) = c.cue(b + 1) {
                if matches!(cue.form, Form::Past | Form::Third | Form::Ing) {
                    break;
                }
            }
            if nw.ends_with("ed") && !c.toks.get(b + 2).is_some_and(|t| t.cap) {
                break;
            }
            if matches!(nw, "himself" | "herself" | "themselves" | "itself") {
                break;
            }
        }
        if b + 1 - start > 9 {
            break;
        }
        b += 1;
    }
    while b > start && c.lists(b) & list::NP_INNER_ONLY != 0 {
        b -= 1;
    }
    // Appositive: ", a spokesman for the campaign" up to the next comma or the end.
    if c.is_comma(b + 1)
        && c.is_word(b + 2)
        && (c.lists(b + 2) & list::DETERMINER != 0 || c.toks[b + 2].cap)
    {
        let mut e = b + 2;
        while e + 1 < c.toks.len() && c.is_word(e + 1) && e - b < 14 {
            e += 1;
        }
        if e + 1 >= c.toks.len() || !c.is_word(e + 1) {
            return Some((start, e));
        }
    }
    Some((start, b))
}

fn according_to(c: &Ctx, si: usize, used: &mut [bool], out: &mut Vec<Attribution>) {
    if !c.any(tag::ACCORDING) {
        return;
    }
    let n = c.toks.len();
    // The tagged tokens in order, as a walk over every token would meet them.
    for &i in c.according {
        if i + 1 >= n {
            break;
        }
        if used[i] || c.quoted[i] || c.w(i + 1) != "to" {
            continue;
        }
        let mut e = i + 2;
        while e < n && e - i < 22 {
            if c.is_word(e) {
                e += 1;
            } else if c.kind(e) == Some(Kind::CloseQuote)
                && c.toks[e].start == c.toks[e - 1].end
                && c.w(e - 1).ends_with('s')
                && c.is_word(e + 1)
            {
                // Plural possessive: "the commissioners' budget".
                e += 1;
            } else {
                break;
            }
        }
        if e == i + 2 {
            continue;
        }
        let src_end = e - 1;
        used[i..=src_end].iter_mut().for_each(|u| *u = true);
        let mut at = new_attr(AttributionKind::AccordingTo, si);
        at.cue.push(c.span(i, i + 1));
        at.source.push(c.span(i + 2, src_end));
        let (class, reason) = c.classify(&at.source);
        at.source_class = class;
        at.anonymity_reason = reason;
        let head = c.w(src_end);
        if matches!(
            head,
            "reports" | "reporting" | "accounts" | "rumors" | "speculation"
        ) {
            at.kind = AttributionKind::Hedge;
            at.source_class = SourceClass::Vague;
        }
        at.content = around(c, i, src_end);
        out.push(at);
    }
}

/// `Name: text` opening a paragraph (interview transcripts, headlines).
fn name_colon(c: &Ctx, si: usize, used: &mut [bool], out: &mut Vec<Attribution>) {
    let n = c.toks.len();
    let mut k = 0;
    while k < n && k < 4 && c.is_word(k) && c.toks[k].cap {
        k += 1;
    }
    if k == 0 || k >= n.saturating_sub(1) || !c.punct(k, ":") {
        return;
    }
    let first = c.w(0);
    if k == 1 && first.len() == 1 {
        return;
    }
    if matches!(
        first,
        "update"
            | "note"
            | "correction"
            | "caption"
            | "photo"
            | "source"
            | "sources"
            | "related"
            | "watch"
            | "read"
            | "see"
            | "editor's"
            | "warning"
            | "breaking"
            | "exclusive"
            | "video"
            | "image"
            | "credit"
            | "the"
            | "a"
            | "an"
            | "this"
            | "here"
            | "but"
            | "and"
            | "so"
            | "what"
            | "why"
            | "how"
            | "who"
            | "when"
            | "where"
            | "question"
            | "answer"
            | "bottom"
            | "example"
            | "contributing"
            | "twitter"
            | "facebook"
            | "instagram"
            | "email"
            | "follow"
            | "reporting"
            | "additional"
            | "editing"
            | "graphic"
            | "graphics"
            | "subscribe"
            | "tags"
            | "topics"
            | "updated"
            | "posted"
            | "published"
    ) || (0..k).any(|i| {
        lexicon::is_weekday_or_month(c.w(i)) || c.w(i).chars().any(|ch| ch.is_ascii_digit())
    }) {
        return;
    }
    used[..=k].iter_mut().for_each(|u| *u = true);
    let mut at = new_attr(AttributionKind::ColonLeadIn, si);
    at.cue.push(c.toks[k].span());
    at.source.push(c.span(0, k - 1));
    let (class, reason) = c.classify(&at.source);
    at.source_class = class;
    at.anonymity_reason = reason;
    if let Some(last) = c.last_content() {
        if last > k {
            at.content.push(c.span(k + 1, last));
        }
    }
    out.push(at);
}

/// `Reyes laid out her case:` followed by a quotation: the colon is the cue.
fn colon_quote(c: &Ctx, si: usize, out: &mut Vec<Attribution>) {
    let n = c.toks.len();
    if n < 3 || !c.punct(n - 1, ":") {
        return;
    }
    let rest = c.prose.get(c.sentence.end..).unwrap_or("").trim_start();
    if !rest.starts_with(['"', '“']) && !rest.starts_with("''") {
        return;
    }
    let Some((a, b)) = subject(c) else { return };
    if b >= n - 1 || !believable_head(c, a, b) {
        return;
    }
    let mut at = new_attr(AttributionKind::ColonLeadIn, si);
    at.cue.push(c.toks[n - 1].span());
    at.source.push(c.span(a, b));
    let (class, reason) = c.classify(&at.source);
    at.source_class = class;
    at.anonymity_reason = reason;
    out.push(at);
}

fn believable_head(c: &Ctx, a: usize, b: usize) -> bool {
    (a..=b).any(|i| {
        let w = c.w(i);
        lexicon::is_person_pronoun(w)
            || lexicon::is_speaker_noun(w)
            || c.toks[i].cap && !lexicon::is_determiner(w) && !lexicon::is_np_stop(w)
    })
}

/// `In a poll released Monday, 31% of voters…`: a document or statement as the frame.
fn in_document(c: &Ctx, si: usize, out: &mut Vec<Attribution>) {
    if c.w(0) != "in" || !c.is_word(1) {
        return;
    }
    let n = c.toks.len();
    let Some(comma) = (1..n.min(16)).find(|&x| c.is_comma(x)) else {
        return;
    };
    if comma < 3 || !lexicon::is_determiner(c.w(1)) && !c.toks[1].cap {
        return;
    }
    let framed = (1..comma).any(|x| {
        matches!(
            c.w(x),
            "poll"
                | "survey"
                | "interview"
                | "statement"
                | "op-ed"
                | "memo"
                | "letter"
                | "report"
                | "book"
                | "speech"
                | "email"
                | "tweet"
                | "post"
                | "article"
                | "column"
                | "essay"
                | "study"
                | "filing"
                | "complaint"
                | "editorial"
                | "testimony"
                | "video"
                | "ad"
                | "message"
                | "lawsuit"
                | "analysis"
                | "memoir"
                | "podcast"
                | "remarks"
                | "comments"
                | "announcement"
        )
    });
    let Some(last) = c.last_content() else { return };
    if !framed || last <= comma {
        return;
    }
    let mut at = new_attr(AttributionKind::Document, si);
    at.cue.push(c.toks[0].span());
    at.source.push(c.span(1, comma - 1));
    let (class, reason) = c.classify(&at.source);
    at.source_class = class;
    at.anonymity_reason = reason;
    at.content.push(c.span(comma + 1, last));
    out.push(at);
}

fn is_be(w: &str) -> bool {
    matches!(
        w,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s" | "’s"
    )
}

/// `w.trim_end_matches(suffix)` without the substring searcher it sets up
/// (which costs more than these short words).
fn strip_all<'w>(mut w: &'w str, suffix: &str) -> &'w str {
    while let Some(rest) = w.strip_suffix(suffix) {
        w = rest;
    }
    w
}

/// Would a weak cue be believable with this source phrase?
fn believable(c: &Ctx, a: usize, b: usize, cue: Cue) -> bool {
    for i in a..=b {
        let t = &c.toks[i];
        if t.kind != Kind::Word {
            continue;
        }
        let w = c.w(i);
        let w = strip_all(strip_all(strip_all(w, "'s"), "’s"), "'");
        // The lists of the word as stripped (the token's own when nothing was).
        let lists = if w.len() == t.end - t.start {
            c.lists(i)
        } else {
            words::list_bits(w.as_bytes(), 0, w.len())
        };
        if lists & list::PERSON_PRONOUN != 0 {
            return true;
        }
        if w == "it" {
            return true;
        }
        let not_a_name =
            list::DETERMINER | list::NP_STOP | list::NP_INNER_ONLY | list::WEEKDAY_OR_MONTH;
        if t.cap && lists & not_a_name == 0 {
            return true;
        }
        if lexicon::is_speaker_noun(w) {
            return true;
        }
        if cue.class == Class::Finding && lists & list::DOCUMENT_NOUN != 0 {
            return true;
        }
    }
    false
}

/// Can token `k` open the content of a weak present-tense cue?
fn opens_content(c: &Ctx, k: usize) -> bool {
    match c.kind(k) {
        None => false,
        Some(Kind::OpenQuote) => true,
        Some(Kind::CloseQuote) => false,
        Some(Kind::Punct) => {
            c.punct(k, ":")
                || c.is_comma(k)
                || c.punct(k, ".")
                || c.punct(k, ";")
                || c.punct(k, "—")
        }
        Some(Kind::Word) => {
            let w = c.w(k);
            c.lists(k) & (list::DETERMINER | list::PERSON_PRONOUN) != 0
                || matches!(
                    w,
                    "that"
                        | "to"
                        | "it"
                        | "there"
                        | "him"
                        | "them"
                        | "us"
                        | "me"
                        | "how"
                        | "why"
                        | "whether"
                        | "if"
                        | "out"
                        | "for"
                        | "on"
                        | "up"
                        | "in"
                        | "as"
                        | "we"
                        | "more"
                        | "most"
                        | "all"
                        | "both"
                        | "several"
                        | "many"
                        | "one"
                        | "two"
                        | "not"
                        | "no"
                        | "nothing"
                        | "everything"
                        | "something"
                        | "anything"
                        | "also"
                        | "again"
                        | "repeatedly"
                        | "publicly"
                        | "privately"
                        | "openly"
                )
                || c.toks[k].cap
        }
    }
}

/// Is the noun phrase starting at `a` in subject position (not the object of
/// a verb or preposition)?
fn subject_position(c: &Ctx, a: usize) -> bool {
    if a == 0 {
        return true;
    }
    let p = a - 1;
    match c.kind(p) {
        Some(Kind::Word) => {
            let w = c.w(p);
            matches!(
                w,
                "that"
                    | "and"
                    | "but"
                    | "or"
                    | "so"
                    | "because"
                    | "while"
                    | "when"
                    | "as"
                    | "if"
                    | "although"
                    | "though"
                    | "since"
                    | "after"
                    | "before"
                    | "then"
                    | "also"
                    | "now"
                    | "yet"
                    | "where"
                    | "meanwhile"
                    | "however"
                    | "instead"
                    | "still"
                    | "even"
                    | "indeed"
                    | "later"
                    | "today"
                    | "yesterday"
                    | "tonight"
                    | "once"
                    | "until"
                    | "whether"
                    | "why"
                    | "how"
                    | "what"
                    | "who"
                    | "which"
                    | "whom"
                    | "nor"
                    | "thus"
                    | "here"
                    | "there"
                    | "first"
                    | "finally"
            ) || w.ends_with("ly")
                || c.lists(p) & list::WEEKDAY_OR_MONTH != 0
                || c.toks[p].cap && p == 0
        }
        _ => true,
    }
}

/// Words that make the next verb-looking word a noun (`lists`: the
/// [`words::list`] bits of `w`).
fn noun_before(w: &str, lists: u8) -> bool {
    lists & list::DETERMINER != 0
        || matches!(
            w,
            "to" | "of" | "for" | "in" | "on" | "with" | "without" | "by" | "new" | "first" | "so"
        )
}

fn verbs(c: &Ctx, si: usize, used: &mut [bool], out: &mut Vec<Attribution>) {
    // Only cue words (built-in or house) start anything here.
    let house_verbs = c.house.has_verbs();
    if !house_verbs && !c.any(tag::CUE) {
        return;
    }
    let mut first_here = out.len();
    while first_here > 0 && out[first_here - 1].sentence == si {
        first_here -= 1;
    }
    let n = c.toks.len();
    let mut i = 0;
    // Without house verbs only cue words start anything: go from one to
    // the next (`next` indexes `c.cues`).
    let mut next = 0;
    loop {
        let this = if house_verbs {
            if i >= n {
                break;
            }
            i
        } else {
            while c.cues.get(next).is_some_and(|&k| k < i) {
                next += 1;
            }
            match c.cues.get(next) {
                Some(&k) => k,
                None => break,
            }
        };
        i = this + 1;
        if !house_verbs && !c.toks[this].info.has(tag::CUE)
            || used[this]
            || c.quoted[this]
            || !c.is_word(this)
        {
            continue;
        }
        let w = c.w(this);
        let Some(cue) = c.cue(this).or_else(|| c.house.cue(w)) else {
            continue;
        };
        let prev = if this > 0 { c.w(this - 1) } else { "" };
        // A capitalised cue word inside a sentence is a name or a headline word.
        if c.toks[this].cap && this > 0 && c.kind(this - 1) != Some(Kind::OpenQuote) {
            // Title Case headlines: "Rubio Says He Will Stay".
            let words = c.toks.iter().filter(|t| t.kind == Kind::Word).count();
            let caps = c
                .toks
                .iter()
                .filter(|t| t.kind == Kind::Word && t.cap)
                .count();
            if !((cue.strength == Strength::Strong || !lexicon::is_noun_like(w))
                && caps * 10 >= words * 7)
            {
                continue;
            }
        }
        // Participles introducing an agent: "a report released by" is a
        // document, not a cue; "was criticized by", "first reported by" are
        // passive cues whose source follows "by".
        if cue.form == Form::Past && c.w(this + 1) == "by" {
            // Without a copula an act is a modifier ("a bill backed by
            // unions"); documents released or found by someone are events.
            if cue.class == Class::Speech
                || prev == "first"
                || this > 0 && is_be(prev) && prev != "be" && cue.class == Class::Act
            {
                passive_by(c, si, this, used, out);
            }
            continue;
        }
        // Other verbs and modifiers that share a cue's form: "pledged
        // delegates", "a poll released Friday", "reported from Des Moines",
        // "showed up", "adding to the confusion", "found himself", "aimed at",
        // "thought of", "named for", "what she sees as".
        let nx = c.w(this + 1);
        let other_sense = match w {
            "pledged" => matches!(nx, "delegates" | "delegate"),
            "released" | "published" | "reported" | "issued" => {
                matches!(
                    nx,
                    "on" | "in" | "from" | "last" | "this" | "earlier" | "yesterday" | "today"
                ) || c.lists(this + 1) & list::WEEKDAY_OR_MONTH != 0
            }
            // "showed up"; "the talk show host" (a noun).
            "show" | "shows" | "showed" | "showing" => {
                nx == "up"
                    || w == "show"
                        && matches!(
                            prev,
                            "tv" | "radio"
                                | "talk"
                                | "game"
                                | "reality"
                                | "cooking"
                                | "variety"
                                | "comedy"
                                | "road"
                                | "trade"
                                | "fashion"
                                | "chat"
                                | "morning"
                                | "daily"
                                | "late-night"
                                | "sunday"
                        )
            }
            "add" | "adds" | "added" | "adding" => nx == "to",
            // "found himself"; "helped found the group" (the other verb "found").
            "find" | "finds" | "found" | "finding" => {
                matches!(
                    nx,
                    "himself" | "herself" | "itself" | "themselves" | "ways" | "way"
                ) || w == "found"
                    && matches!(
                        prev,
                        "to" | "help" | "helped" | "helps" | "can" | "could" | "will" | "would"
                    )
            }
            "aimed" | "aim" | "aims" | "aiming" => nx == "at",
            "thought" | "think" | "thinks" | "thinking" => nx == "of",
            "named" => matches!(nx, "for" | "after"),
            "see" | "sees" | "saw" | "seeing" => nx == "as",
            "opposed" => nx == "to" || prev == "as",
            "called" | "call" | "calls" | "calling" => matches!(nx, "off" | "back" | "up" | "in"),
            "feel" | "feels" | "felt" | "feeling" => nx == "like",
            _ => false,
        };
        // A bare base form right after "he", "she" or "it" is not a finite
        // verb ("would he support", "that she consider").
        let other_sense = other_sense
            || cue.form == Form::Base
                && matches!(prev, "he" | "she" | "it")
                && !matches!(w, "read" | "forecast");
        if other_sense {
            continue;
        }
        // A participle modifying a singular noun: "a gesture intended to",
        // "a rally planned for Thursday".
        if cue.form == Form::Past
            && matches!(w, "intended" | "planned" | "designed" | "aimed" | "meant")
            && this > 0
            && c.is_word(this - 1)
            && !c.toks[this - 1].cap
            && !prev.ends_with('s')
            && c.lists(this - 1) & (list::PERSON_PRONOUN | list::AUX_OR_ADVERB | list::NP_STOP) == 0
        {
            continue;
        }
        // Questions put to the reader: "Do you support the plan?"
        if this >= 2
            && prev == "you"
            && matches!(
                c.w(this - 2),
                "do" | "did" | "does" | "would" | "will" | "can" | "could"
            )
        {
            continue;
        }
        // Noun and adjective uses: "thanks to", "the nominating contest",
        // "(Reporting by ...)", "you can find more".
        if w == "thanks" && (matches!(c.w(this + 1), "to" | "in") || c.is_comma(this + 1))
            || w == "reporting" && (c.w(this + 1) == "by" || prev == "precincts")
            || w == "nominating"
                && c.is_word(this + 1)
                && !c.toks[this + 1].cap
                && c.lists(this + 1) & (list::DETERMINER | list::PERSON_PRONOUN) == 0
            || w == "find" && !matches!(c.w(this + 1), "that" | "it")
        {
            continue;
        }
        // "compared with last year": a preposition, not the verb (which
        // takes an object first: "compared the fee to a toll").
        if w == "compared" && matches!(c.w(this + 1), "with" | "to") {
            continue;
        }
        // Nouns and infinitives: "a report", "to say", "Reyes's remarks";
        // but gerunds after "by"/"in" ("by saying"), "first reported",
        // relative "which said", and pronoun-like "some said", "another says".
        // "he's predicting", "she'd said": a pronoun with a contracted auxiliary.
        let contracted = is_pronoun_contraction(prev);
        let verb_after = contracted
            || match cue.form {
                Form::Ing => matches!(prev, "by" | "in"),
                Form::Past => matches!(
                    prev,
                    "first" | "which" | "that" | "some" | "another" | "each"
                ),
                Form::Third => matches!(prev, "which" | "some" | "another" | "each"),
                Form::Base => matches!(prev, "some"),
            };
        if this > 0
            && c.is_word(this - 1)
            && !verb_after
            && (noun_before(prev, c.lists(this - 1))
                || prev.ends_with("'s")
                || prev.ends_with("’s"))
        {
            continue;
        }
        // "self-described", "so-called"; a spaced dash ("Ruiz - said") is a break.
        if this > 1 && c.punct(this - 1, "-") && c.toks[this - 2].end == c.toks[this - 1].start {
            continue;
        }
        // "Asked about the plan, Reyes said...": a question with no source.
        let when_asked = this > 0 && matches!(prev, "when" | "after" | "if" | "once" | "as");
        if w == "asked" && (this == 0 || when_asked) {
            let mut e = this + 1;
            while e < n && !c.is_comma(e) && e < this + 30 {
                e += 1;
            }
            if let Some(last) = c.last_content() {
                let e = e.min(last + 1);
                if e > this + 1 {
                    let mut at = new_attr(AttributionKind::Paraphrase, si);
                    at.cue.push(c.toks[this].span());
                    at.content.push(c.span(this + 1, e - 1));
                    used[this] = true;
                    out.push(at);
                }
            }
            continue;
        }
        // "to be released", "could be found": a passive infinitive of a
        // document or naming verb reports an event, not a statement.
        if prev == "be"
            && cue.form == Form::Past
            && matches!(cue.class, Class::Writing | Class::Finding)
            || prev == "be" && matches!(w, "named" | "called" | "attributed")
        {
            continue;
        }
        // Hypotheticals: "would support", "will see" (acts, beliefs and
        // intentions under a modal) are not reported stances.
        if cue.form == Form::Base
            && !matches!(cue.class, Class::Speech | Class::Writing)
            && this > 0
            && matches!(prev, "would" | "will" | "could" | "might" | "may")
        {
            continue;
        }
        // Passive: "was asked", "is expected to".
        if this > 0 && is_be(prev) && cue.form == Form::Past {
            if cue.class == Class::Belief && c.w(this + 1) == "to" {
                let mut at = new_attr(AttributionKind::Belief, si);
                at.cue.push(c.span(this - 1, this));
                if this >= 2 {
                    if let Some((a, b)) = np_left(c, this - 2, 0) {
                        at.content.push(c.span(a, b));
                    }
                }
                if let Some(last) = c.last_content() {
                    if last > this {
                        at.content.push(c.span(this + 1, last));
                    }
                }
                used[this] = true;
                out.push(at);
            } else {
                let mut at = new_attr(AttributionKind::Action, si);
                at.cue.push(c.span(this - 1, this));
                if let Some(last) = c.last_content() {
                    if last > this {
                        at.content.push(c.span(this + 1, last));
                    }
                }
                if !at.content.is_empty() {
                    used[this] = true;
                    out.push(at);
                }
            }
            continue;
        }
        // Particles: "point out", "called for".
        let mut cue_end = this;
        match (w, c.w(this + 1)) {
            ("point" | "points" | "pointed" | "pointing", "out" | "to") => cue_end += 1,
            ("call" | "calls" | "called" | "calling", "for" | "on") => cue_end += 1,
            ("respond" | "responds" | "responded" | "responding", "to") => cue_end += 1,
            ("point" | "points" | "pointed" | "pointing", _) => continue,
            ("refer" | "refers" | "referred" | "referring", "to") => cue_end += 1,
            ("refer" | "refers" | "referred" | "referring", _) => continue,
            (
                "talk" | "talks" | "talked" | "talking" | "speak" | "speaks" | "spoke" | "speaking",
                "about" | "of",
            ) => cue_end += 1,
            (
                "talk" | "talks" | "talked" | "talking" | "speak" | "speaks" | "spoke" | "speaking",
                _,
            ) => continue,
            ("back" | "backs", _) => continue,
            // "seems unlikely", "appears closer": the writer's or the
            // subject's apparent stance; but "appeared on television" and the
            // bare forms ("would appear", "seem") are other verbs.
            ("seems" | "seemed" | "appears", nx)
                if nx != "to"
                    && !matches!(
                        nx,
                        "on" | "in" | "at" | "before" | "with" | "alongside" | "onstage" | ""
                    ) => {}
            (
                "seem" | "seems" | "seemed" | "seeming" | "appear" | "appears" | "appeared"
                | "appearing",
                nx,
            ) if nx != "to" => continue,
            // "maintains a lead" is not "maintains that...".
            ("maintain" | "maintains" | "maintained" | "maintaining", nx)
                if nx != "that" && c.is_word(this + 1) =>
            {
                continue
            }
            ("continue" | "continues" | "continued" | "continuing", _) if c.is_word(this + 1) => {
                continue
            }
            _ => {}
        }
        // Skip auxiliaries and adverbs to the left.
        let mut j = this;
        let mut aux_start = this;
        while j > 0
            && c.is_word(j - 1)
            && {
                let pw = c.w(j - 1);
                c.lists(j - 1) & list::AUX_OR_ADVERB != 0
                    || pw.len() > 4 && pw.ends_with("ly") && !c.toks[j - 1].cap
            }
            && this - j < 4
        {
            j -= 1;
            if !c.w(j).ends_with("ly") || matches!(c.w(j), "reportedly" | "allegedly") {
                aux_start = j;
            }
        }
        // Leading "not": "did not say" still attributes.
        let mut src: Option<(usize, usize)> = None;
        let mut inverted = false;
        let mut copied: Option<(Spans, SourceClass, bool)> = None;
        if j > 0 {
            let k = j - 1;
            if cue.form == Form::Ing
                && (c.is_comma(k)
                    || matches!(
                        c.w(k),
                        "and" | "while" | "by" | "before" | "after" | "in" | "when"
                    ))
            {
                // Participle: the subject is the main clause's.
                if let Some(prev_at) = out[first_here..]
                    .iter()
                    .rev()
                    .find(|a| a.sentence == si && !a.source.is_empty())
                {
                    copied = Some((
                        prev_at.source.clone(),
                        prev_at.source_class,
                        prev_at.anonymity_reason,
                    ));
                } else if let Some((a, b)) = subject(c) {
                    if b < k {
                        src = Some((a, b));
                    }
                }
            } else if c.is_word(k)
                && matches!(c.w(k), "and" | "but")
                && matches!(cue.form, Form::Past | Form::Third)
            {
                // "Reyes paused and added": the sentence's subject.
                if let Some(prev_at) = out[first_here..]
                    .iter()
                    .rev()
                    .find(|a| a.sentence == si && !a.source.is_empty())
                {
                    copied = Some((
                        prev_at.source.clone(),
                        prev_at.source_class,
                        prev_at.anonymity_reason,
                    ));
                } else if let Some((a, b)) = subject(c) {
                    if b + 1 < k && (b + 1..k).all(|x| c.is_word(x)) {
                        src = Some((a, b));
                    }
                }
            } else if c.is_word(k) || c.punct(k, ")") {
                if c.w(k) == "who" && k >= 2 && c.is_comma(k - 1) {
                    src = np_left(c, k - 2, 0);
                } else if c.w(k) == "who" && k >= 1 {
                    src = np_left(c, k - 1, 0).map(|(a, _)| (a, k));
                } else {
                    src = np_left(c, k, 0);
                }
            } else if c.is_comma(k) && k > 0 {
                // "Ana Ruiz, a spokesperson for the county, said"
                if let Some((a2, _b2)) = np_left(c, k - 1, 0) {
                    if a2 >= 2 && c.is_comma(a2 - 1) {
                        if let Some((a1, _)) = np_left(c, a2 - 2, 0) {
                            src = Some((a1, k - 1));
                        }
                    }
                }
                if src.is_none() {
                    // A longer appositive: "Ana Ruiz, then working for the county, said".
                    let lo = k.saturating_sub(20);
                    let mut q = k - 1;
                    while q > lo
                        && (c.is_word(q) || c.punct(q, "(") || c.punct(q, ")"))
                        && !c.quoted[q]
                    {
                        q -= 1;
                    }
                    if q >= 1 && c.is_comma(q) && q + 1 < k {
                        let opener = c.w(q + 1);
                        let apposish = c.lists(q + 1) & list::DETERMINER != 0
                            || c.toks[q + 1].cap
                            || matches!(
                                opener,
                                "now"
                                    | "then"
                                    | "who"
                                    | "once"
                                    | "also"
                                    | "himself"
                                    | "herself"
                                    | "both"
                            );
                        if apposish {
                            if let Some((a1, _)) = np_left(c, q - 1, 0) {
                                src = Some((a1, k - 1));
                            }
                        }
                    }
                }
            } else if (c.punct(k, "—") || c.punct(k, "-") && k > 0 && c.punct(k - 1, "-")) && k > 1
            {
                // "Most insiders — and two-thirds of voters — said"
                let dash = if c.punct(k, "—") { "—" } else { "-" };
                let lo = k.saturating_sub(30);
                let inner_end = if dash == "-" { k - 1 } else { k };
                if let Some(open) = (lo..inner_end).rev().find(|&x| c.punct(x, dash)) {
                    let open = if dash == "-" && open > 0 && c.punct(open - 1, "-") {
                        open - 1
                    } else {
                        open
                    };
                    if open > 0 {
                        if let Some((a1, _)) = np_left(c, open - 1, 0) {
                            src = Some((a1, k));
                        }
                    }
                }
            }
        }
        if src.is_none() && copied.is_none() {
            // Inverted: `"…," said Ortiz.` / `…, said Ortiz.` / `Said Ortiz:`
            let k = j;
            let after_break = k == 0
                || matches!(c.kind(k - 1), Some(Kind::CloseQuote))
                || c.is_comma(k - 1)
                || c.punct(k - 1, "—")
                || c.punct(k - 1, ":");
            let base_ok = cue.form != Form::Base || k > 0 && c.is_comma(k - 1);
            if after_break && cue.form != Form::Ing && base_ok {
                if let Some((a, b)) = np_right(c, cue_end + 1) {
                    let nl = c.lists(a);
                    if nl & list::PERSON_PRONOUN != 0
                        && cue.form != Form::Past
                        && cue.form != Form::Third
                    {
                        // "says he" only in past/third person.
                    } else if c.toks[a].cap
                        || nl & (list::DETERMINER | list::PERSON_PRONOUN) != 0
                        || (a..=b).any(|x| c.toks[x].cap || lexicon::is_speaker_noun(c.w(x)))
                        || k > 0 && c.kind(k - 1) == Some(Kind::CloseQuote)
                    {
                        src = Some((a, b));
                        inverted = true;
                    }
                }
            }
        }
        let source_spans: Spans;
        let mut class;
        let mut reason;
        // A source of its own is classified once the attribution is known
        // to stand (it may have no content).
        let mut classify_later = false;
        match (&src, copied) {
            (Some((a, b)), _) => {
                // "…, the airline added." / "…, the airline added, and": the
                // frame alone makes it a source.
                let framed = !inverted
                    && matches!(cue.class, Class::Speech | Class::Writing)
                    && *a > 0
                    && (c.is_comma(*a - 1) || c.kind(*a - 1) == Some(Kind::CloseQuote))
                    && (c.is_comma(cue_end + 1)
                        || c.punct(cue_end + 1, ".")
                        || c.punct(cue_end + 1, ":"));
                let rejected = weak_reject(c, *a, *b, cue, w, cue_end, inverted, framed);
                if let Some(why) = rejected {
                    if !loose_reason(why, cue) || !loose_ok(c, this, cue, why) {
                        continue;
                    }
                    source_spans = Spans::new();
                    class = SourceClass::None;
                    reason = false;
                } else {
                    source_spans = Spans::one(c.span(*a, *b));
                    class = SourceClass::None;
                    reason = false;
                    classify_later = true;
                }
            }
            (None, Some((s, cl, r))) => {
                source_spans = s;
                class = cl;
                reason = r;
            }
            (None, None) => {
                if !loose_ok(c, this, cue, 0) {
                    continue;
                }
                source_spans = Spans::new();
                class = SourceClass::None;
                reason = false;
            }
        }
        let (src_a, src_b) = src.unwrap_or((this, this));
        // Content.
        let last = c.last_content();
        let mut content = Spans::new();
        let mut colon = false;
        let after_from = if inverted { src_b + 1 } else { cue_end + 1 };
        let mut k = after_from;
        if !inverted {
            if cue.addressee {
                k = skip_addressee(c, k);
            }
            k = skip_pp(c, k);
        }
        if c.punct(k, ":") {
            colon = true;
            k += 1;
        }
        let starts_with_comma = c.is_comma(k);
        if starts_with_comma && c.kind(k + 1) == Some(Kind::OpenQuote) {
            k += 1;
        } else if starts_with_comma && !inverted {
            // A parenthetical after the cue: "He added, though, that...",
            // "She said, however, the plan...".
            if let Some(close) = (k + 2..c.toks.len().min(k + 6)).find(|&x| c.is_comma(x)) {
                if (k + 1..close).all(|x| c.is_word(x))
                    && (c.is_word(close + 1) || c.kind(close + 1) == Some(Kind::OpenQuote))
                {
                    k = close + 1;
                }
            }
        }
        let has_after = last.is_some_and(|l| l >= k)
            && !c.is_comma(k)
            && (!inverted || colon || c.kind(k) == Some(Kind::OpenQuote));
        let before_from = if inverted { this.min(aux_start) } else { src_a };
        let pre = trim_back(c, before_from, 0);
        let pre_is_quote = pre.is_some_and(|p| c.kind(p) == Some(Kind::CloseQuote));
        let after_opens = c.kind(k) == Some(Kind::OpenQuote) || colon || c.w(k) == "that";
        let after_is_pp = c.is_word(k)
            && (matches!(
                c.w(k),
                "in" | "on"
                    | "at"
                    | "during"
                    | "while"
                    | "after"
                    | "before"
                    | "last"
                    | "this"
                    | "earlier"
                    | "of"
                    | "about"
                    | "to"
                    | "when"
                    | "as"
                    | "from"
                    | "outside"
                    | "inside"
                    | "via"
                    | "through"
                    | "with"
                    | "afterward"
                    | "later"
                    | "recently"
                    | "shortly"
                    | "sunday"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
            ) || !inverted && cue.addressee && c.toks[k].cap);
        let has_after = has_after
            && !(pre.is_some() && !after_opens && (pre_is_quote || after_is_pp && !inverted));
        if has_after {
            if let Some(l) = last {
                content.push(c.span(k, l));
            }
            // `"A," Ortiz said, "B."`: both halves.
            if let Some(p) = pre {
                if matches!(c.kind(p), Some(Kind::CloseQuote))
                    && before_from > 0
                    && c.kind(k) == Some(Kind::OpenQuote)
                {
                    content.insert(0, c.span(0, p));
                }
            }
        } else if let Some(p) = pre {
            content.push(c.span(0, p));
        } else if let Some(q) = c.prev_quote {
            // `“…?” Zorn asked.`: the splitter ended the sentence at the quote.
            content.push(q);
        }
        if content.is_empty() && !colon {
            continue;
        }
        if classify_later {
            let (cl, r) = c.classify(&source_spans);
            // Sworn testimony is on the record (SPEC §3.3, legal markers).
            class = if w.starts_with("testif") && cl == SourceClass::Vague {
                SourceClass::Institutional
            } else {
                cl
            };
            reason = r;
        }
        let kind = match cue.class {
            Class::Belief => AttributionKind::Belief,
            Class::Intention => AttributionKind::Intention,
            Class::Finding => {
                if src.is_some_and(|(a, b)| (a..=b).any(|x| c.lists(x) & list::DOCUMENT_NOUN != 0))
                {
                    AttributionKind::Document
                } else {
                    AttributionKind::Paraphrase
                }
            }
            _ if colon => AttributionKind::ColonLeadIn,
            Class::Act
                if !["accus", "blam", "fault", "critici", "call"]
                    .iter()
                    .any(|p| w.starts_with(p)) =>
            {
                AttributionKind::Action
            }
            _ => {
                if matches!(cue.class, Class::Writing)
                    && src.is_some_and(|(a, b)| {
                        (a..=b).any(|x| c.lists(x) & list::DOCUMENT_NOUN != 0)
                            && !(a..=b).any(|x| c.toks[x].cap && x > 0)
                    })
                {
                    AttributionKind::Document
                } else {
                    AttributionKind::Paraphrase
                }
            }
        };
        let mut at = new_attr(kind, si);
        at.cue = Spans::one(c.span(aux_start.min(this), cue_end));
        at.source = source_spans;
        at.source_class = class;
        at.anonymity_reason = reason;
        at.loaded = cue.loaded;
        at.content = content;
        used[aux_start.min(this)..=cue_end]
            .iter_mut()
            .for_each(|u| *u = true);
        if let Some((a, b)) = src {
            used[a..=b].iter_mut().for_each(|u| *u = true);
        }
        out.push(at);
        i = cue_end + 1;
    }
}

/// `he's`, `she’d`, `they've`: a person pronoun with a contracted auxiliary.
fn is_pronoun_contraction(w: &str) -> bool {
    // At most nine bytes ("they’ve"), starting with a pronoun's first
    // letter and holding an apostrophe (`’` starts with 0xE2): most words
    // are turned away without a search.
    if w.len() > 9
        || !matches!(
            w.as_bytes().first(),
            Some(b'h' | b's' | b't' | b'w' | b'i' | b'y')
        )
        || !w.bytes().any(|b| b == b'\'' || b == 0xE2)
    {
        return false;
    }
    let Some((p, aux)) = w.split_once(['\'', '’']) else {
        return false;
    };
    matches!(p, "he" | "she" | "they" | "we" | "i" | "you")
        && matches!(aux, "s" | "d" | "ve" | "re" | "m")
}

/// Stance adjectives after a copula (`Ferrand was skeptical of the plan`) and
/// stance nouns with a `that` clause (`the claim that the toll is illegal`).
fn stances(c: &Ctx, si: usize, used: &mut [bool], out: &mut Vec<Attribution>) {
    if !c.any(tag::STANCE_ADJECTIVE | tag::STANCE_NOUN) {
        return;
    }
    let n = c.toks.len();
    let Some(last) = c.last_content() else { return };
    for i in 1..n {
        // Most words are neither: the cheapest test first.
        if !c.toks[i].info.has(tag::STANCE_ADJECTIVE | tag::STANCE_NOUN)
            || used[i]
            || c.quoted[i]
            || !c.is_word(i)
            || i >= last
        {
            continue;
        }
        if c.toks[i].info.has(tag::STANCE_ADJECTIVE) {
            // The copula, possibly with "not" or an adverb between.
            let mut b = i - 1;
            while b > 0
                && i - b < 3
                && c.is_word(b)
                && (matches!(
                    c.w(b),
                    "not" | "very" | "so" | "also" | "still" | "more" | "less"
                ) || c.w(b).ends_with("ly"))
            {
                b -= 1;
            }
            if !c.is_word(b)
                || used[b]
                || !(is_be(c.w(b))
                    || matches!(
                        c.w(b),
                        "seemed" | "seems" | "remains" | "remained" | "appeared" | "appears"
                    ))
            {
                continue;
            }
            let mut at = new_attr(AttributionKind::Belief, si);
            at.cue.push(c.span(b, i));
            if b > 0 {
                if let Some((sa, sb)) = np_left(c, b - 1, 0) {
                    if believable(c, sa, sb, Cue::ANY) && !(sa..=sb).any(|x| used[x]) {
                        at.source.push(c.span(sa, sb));
                        let (class, reason) = c.classify(&at.source);
                        at.source_class = class;
                        at.anonymity_reason = reason;
                        used[sa..=sb].iter_mut().for_each(|u| *u = true);
                    }
                }
            }
            at.content.push(c.span(i + 1, last));
            used[b..=i].iter_mut().for_each(|u| *u = true);
            out.push(at);
        } else if c.toks[i].info.has(tag::STANCE_NOUN) && c.w(i + 1) == "that" {
            // A complement clause, not a relative one ("the claim that he made").
            let k = i + 2;
            if k > last || !c.is_word(k) {
                continue;
            }
            let kw = c.w(k);
            if !(lexicon::is_determiner(kw)
                || lexicon::is_person_pronoun(kw)
                || matches!(kw, "it" | "there")
                || c.toks[k].cap)
            {
                continue;
            }
            let mut at = new_attr(AttributionKind::Action, si);
            at.cue.push(c.toks[i].span());
            let pw = c.w(i - 1);
            if c.is_word(i - 1)
                && !used[i - 1]
                && (matches!(pw, "his" | "her" | "their" | "its")
                    || pw.ends_with("'s")
                    || pw.ends_with("’s"))
            {
                at.source.push(c.toks[i - 1].span());
                let (class, reason) = c.classify(&at.source);
                at.source_class = class;
                at.anonymity_reason = reason;
                used[i - 1] = true;
            }
            at.content.push(c.span(k, last));
            used[i] = true;
            out.push(at);
        }
    }
}

/// `was criticized by X`, `first reported by X`: the source follows "by",
/// the rest of the sentence is the content.
fn passive_by(c: &Ctx, si: usize, this: usize, used: &mut [bool], out: &mut Vec<Attribution>) {
    let mut a = this;
    while a > 0
        && this - a < 3
        && c.is_word(a - 1)
        && !used[a - 1]
        && (is_be(c.w(a - 1)) || matches!(c.w(a - 1), "first" | "also" | "been"))
    {
        a -= 1;
    }
    let Some((sa, sb)) = np_right(c, this + 2) else {
        return;
    };
    if (a..=sb).any(|x| used[x]) {
        return;
    }
    let content = around(c, a, sb);
    if content.is_empty() {
        return;
    }
    let mut at = new_attr(AttributionKind::Action, si);
    at.cue.push(c.span(a, this + 1));
    at.source.push(c.span(sa, sb));
    let (class, reason) = c.classify(&at.source);
    at.source_class = class;
    at.anonymity_reason = reason;
    at.content = content;
    used[a..=sb].iter_mut().for_each(|u| *u = true);
    out.push(at);
}

fn phrases(c: &Ctx, si: usize, used: &mut [bool], out: &mut Vec<Attribution>) {
    if !c.any(tag::PHRASE_START) {
        return;
    }
    let n = c.toks.len();
    let mut i = 0;
    while i < n {
        // Only the first word of some idiom can start one.
        if !c.toks[i].info.has(tag::PHRASE_START) || !c.is_word(i) {
            i += 1;
            continue;
        }
        let hit = words::phrases_opened_by(c.toks[i].info).iter().find(|p| {
            i + p.len() <= n
                && p.iter().enumerate().all(|(k, w)| {
                    c.is_word(i + k) && !used[i + k] && !c.quoted[i + k] && c.w(i + k) == *w
                })
        });
        let Some(p) = hit else {
            i += 1;
            continue;
        };
        let end = i + p.len() - 1;
        let mut at = new_attr(AttributionKind::Action, si);
        at.cue.push(c.span(i, end));
        if let Some(last) = c.last_content() {
            if last > end {
                at.content.push(c.span(end + 1, last));
            }
        }
        if i > 0 && c.is_word(i - 1) && !lexicon::is_np_stop(c.w(i - 1)) {
            if let Some((a, b)) = np_left(c, i - 1, 0) {
                if believable(c, a, b, Cue::ANY) {
                    at.source.push(c.span(a, b));
                    let (class, reason) = c.classify(&at.source);
                    at.source_class = class;
                    at.anonymity_reason = reason;
                }
            }
        }
        if !at.content.is_empty() {
            used[i..=end].iter_mut().for_each(|u| *u = true);
            out.push(at);
        }
        i = end + 1;
    }
}

/// Why a weak cue's source phrase is not believable (None: it is).
#[allow(clippy::too_many_arguments)]
fn weak_reject(
    c: &Ctx,
    a: usize,
    b: usize,
    cue: Cue,
    w: &str,
    cue_end: usize,
    inverted: bool,
    framed: bool,
) -> Option<u8> {
    if cue.strength == Strength::Weak && !framed && !believable(c, a, b, cue) {
        return Some(1);
    }
    // Weak present forms are often nouns ("state representative"):
    // the next word must open a clause or an object, unless the
    // subject is clearly a speaker or a document.
    let hw = c.w(b);
    let head_is_pronoun = c.lists(b) & list::PERSON_PRONOUN != 0;
    let clear_subject =
        head_is_pronoun || cue.class == Class::Finding && c.lists(b) & list::DOCUMENT_NOUN != 0;
    if cue.strength == Strength::Weak && !inverted && !subject_position(c, a) {
        return Some(2);
    }
    if matches!(cue.class, Class::Intention) && matches!(hw, "i" | "we" | "you") {
        return Some(3);
    }
    if cue.strength == Strength::Weak
        && matches!(cue.form, Form::Base | Form::Third)
        && lexicon::is_noun_like(w)
        && !(c.w(cue_end + 1) == "that"
            || cue.class == Class::Intention && c.w(cue_end + 1) == "to"
            || c.punct(cue_end + 1, ":")
            || c.kind(cue_end + 1) == Some(Kind::OpenQuote)
            || head_is_pronoun
            || cue.class == Class::Finding && c.lists(b) & list::DOCUMENT_NOUN != 0)
    {
        return Some(4);
    }
    if cue.strength == Strength::Weak && cue.form == Form::Past {
        let nx = c.w(cue_end + 1);
        let prepish = matches!(
            nx,
            "last"
                | "this"
                | "on"
                | "in"
                | "at"
                | "for"
                | "during"
                | "earlier"
                | "yesterday"
                | "from"
                | "into"
                | "since"
                | "until"
                | "under"
        ) || c.lists(cue_end + 1) & list::WEEKDAY_OR_MONTH != 0;
        let that_soon = c
            .toks
            .get(cue_end + 1..c.toks.len().min(cue_end + 9))
            .unwrap_or(&[])
            .iter()
            .any(|t| match t.kind {
                Kind::Word => c.word_bytes(t) == b"that",
                Kind::OpenQuote => true,
                _ => c.prose.as_bytes().get(t.start..t.end) == Some(b":"),
            });
        let person = head_is_pronoun
            || (a..=b).any(|x| c.toks[x].cap && x > 0)
            || c.toks[a].cap && c.lists(a) & list::DETERMINER == 0;
        if prepish && !that_soon && !person {
            return Some(5);
        }
    }
    if cue.strength == Strength::Weak
        && matches!(cue.form, Form::Base | Form::Third)
        && !clear_subject
        && !opens_content(c, cue_end + 1)
    {
        return Some(6);
    }
    if hw == "it"
        && cue.strength == Strength::Weak
        && c.w(cue_end + 1) != "that"
        && c.is_word(cue_end + 1)
        && !matches!(cue.class, Class::Finding)
    {
        return Some(7);
    }
    if matches!(cue.class, Class::Belief | Class::Intention) {
        // Needs a clause or "to": "wants to", "believes that", "hopes he".
        let nx = c.w(cue_end + 1);
        if nx.is_empty() {
            return Some(8);
        }
        if c.toks[b].kind == Kind::Word
            && !head_is_pronoun
            && cue.form == Form::Base
            && !c.w(b).ends_with('s')
        {
            return Some(9);
        }
    }
    None
}

fn loose_reason(why: u8, cue: Cue) -> bool {
    match why {
        // A noun-like present form or a weak clause opener: still a verb here.
        4 | 6 => true,
        // A past-tense cue after a non-speaker subject ("the memo argued"),
        // or a speech participle ("the ad, asking voters...").
        1 => cue.form == Form::Past || cue.form == Form::Ing && cue.class == Class::Speech,
        // Not in subject position: relative and object-raised clauses
        // ("a senator who criticized", "led her to declare") still report.
        2 => match cue.form {
            Form::Past => matches!(cue.class, Class::Speech | Class::Act | Class::Finding),
            Form::Ing => matches!(cue.class, Class::Speech | Class::Act | Class::Writing),
            _ => false,
        },
        // Stances and intentions whose subject did not pass the checks
        // ("Strategists hope the ads...", "it appears...") are still stances.
        3 | 5 | 7 | 9 => true,
        _ => false,
    }
}

/// A cue verb with no findable (or believable) source still marks an
/// attribution when it stands in verb position: PolNeAR counts sourceless,
/// passive and relative-clause cues.
fn loose_ok(c: &Ctx, this: usize, cue: Cue, why: u8) -> bool {
    let w = c.w(this);
    // A noun-like present form right after its subject ("Sanders calls",
    // "Democrats hope") is a verb when it reports speech or a stance.
    let verbal = why == 4
        && match cue.form {
            // "remarks" and "comments" are nearly always plural nouns.
            Form::Third => {
                !matches!(cue.class, Class::Writing | Class::Finding)
                    && !matches!(
                        w,
                        "remarks" | "comments" | "attacks" | "challenges" | "advocates" | "names"
                    )
            }
            // A base form needs a plural or non-third-person subject or an
            // auxiliary ("Democrats hope", "they claim", "did not comment"),
            // not a singular noun ("the night charge nurse").
            _ => {
                let prev = if this > 0 { c.w(this - 1) } else { "" };
                let plural = matches!(prev, "i" | "we" | "you" | "they")
                    || prev.len() > 3 && prev.ends_with('s') && !prev.ends_with("ss");
                matches!(cue.class, Class::Speech | Class::Belief | Class::Intention)
                    && (plural
                        || this > 0 && c.lists(this - 1) & list::AUX_OR_ADVERB != 0
                        || matches!(prev, "would" | "should" | "can" | "must" | "to"))
                    // "Most voters support the ban": an act of stance needs a
                    // plural subject right before it.
                    || cue.class == Class::Act && plural
            }
        };
    match cue.form {
        Form::Third => verbal || !lexicon::is_noun_like(w),
        Form::Ing | Form::Past => true,
        Form::Base => {
            // "those who favor", "voters see": not after a determiner or "to".
            let prev = if this > 0 { c.w(this - 1) } else { "" };
            (verbal || !lexicon::is_noun_like(w))
                && this > 0
                && c.is_word(this - 1)
                && c.lists(this - 1) & list::DETERMINER == 0
                && prev != "to"
        }
    }
}

/// The sentence's first noun phrase (for participles: "Reyes left, saying...").
fn subject(c: &Ctx) -> Option<(usize, usize)> {
    let mut s = 0;
    while s < c.toks.len()
        && (!c.is_word(s) || matches!(c.w(s), "but" | "and" | "so" | "yet" | "still"))
    {
        s += 1;
    }
    // Step over an opening adverbial: "In the past, Reyes..."
    if matches!(
        c.w(s),
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "since"
            | "for"
            | "with"
            | "as"
            | "when"
            | "while"
            | "last"
            | "earlier"
            | "later"
            | "despite"
            | "although"
    ) {
        if let Some(comma) = (s..c.toks.len().min(s + 14)).find(|&x| c.is_comma(x)) {
            s = comma + 1;
        }
    }
    let (a, b) = np_right(c, s)?;
    // Keep only the plain noun phrase (no appositive) for participles.
    let mut e = a;
    while e < b && c.is_word(e + 1) {
        e += 1;
    }
    Some((a, e))
}

/// Skips the addressee of tell/ask/assure: "told reporters", "told The Post that".
fn skip_addressee(c: &Ctx, k: usize) -> usize {
    let n = c.toks.len();
    for j in k..n.min(k + 7) {
        if !c.is_word(j) {
            break;
        }
        if c.w(j) == "that" {
            return j;
        }
    }
    let mut j = k;
    while j < n && j < k + 5 && c.is_word(j) {
        let w = c.w(j);
        let t = &c.toks[j];
        if matches!(
            w,
            "him"
                | "her"
                | "them"
                | "me"
                | "us"
                | "you"
                | "reporters"
                | "supporters"
                | "voters"
                | "lawmakers"
        ) || t.cap
            || lexicon::is_determiner(w) && w != "that"
            || matches!(
                w,
                "crowd" | "audience" | "newspaper" | "station" | "network" | "magazine"
            )
        {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// Skips "in a statement", "on Tuesday", "Friday" after a cue when a comma or
/// "that" closes it soon.
fn skip_pp(c: &Ctx, k: usize) -> usize {
    let w = c.w(k);
    let starts = matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "via"
            | "through"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "late"
            | "early"
            | "again"
            | "repeatedly"
            | "publicly"
            | "privately"
            | "recently"
            | "also"
    ) || c.lists(k) & list::WEEKDAY_OR_MONTH != 0;
    if !starts {
        return k;
    }
    let n = c.toks.len();
    for j in k..n.min(k + 12) {
        if c.is_word(j) && c.w(j) == "that" {
            return j;
        }
        if c.is_comma(j) || c.punct(j, ":") {
            return if c.punct(j, ":") { j } else { j + 1 };
        }
        if !c.is_word(j) {
            break;
        }
    }
    if c.lists(k) & list::WEEKDAY_OR_MONTH != 0 {
        return k + 1;
    }
    k
}

/// Gives content cut by another attribution's source or cue back to it.
fn trim_overlaps(attrs: &mut [Attribution], prose: &str) {
    // It takes two.
    if attrs.len() < 2 {
        return;
    }
    let marks: Vec<(usize, usize)> = attrs
        .iter()
        .map(|a| {
            let s = a
                .source
                .iter()
                .chain(a.cue.iter())
                .map(|s| s.start)
                .min()
                .unwrap_or(usize::MAX);
            let e = a
                .source
                .iter()
                .chain(a.cue.iter())
                .map(|s| s.end)
                .max()
                .unwrap_or(0);
            (s, e)
        })
        .collect();
    for (i, a) in attrs.iter_mut().enumerate() {
        for (j, &(ms, me)) in marks.iter().enumerate() {
            if i == j || ms >= me {
                continue;
            }
            // Only a separate clause cuts: ", saying", ", according to", ", Reyes said".
            let before = prose.get(..ms).unwrap_or("").trim_end();
            if !before.ends_with([',', '—', ';', '(']) {
                continue;
            }
            let mut v = Vec::new();
            for frag in &a.content {
                if frag.end <= ms || frag.start >= me {
                    v.push(*frag);
                    continue;
                }
                // Keep the part nearer the cue of `a`.
                let cue = a.cue.first().map_or(frag.start, |s| s.start);
                if cue <= ms && frag.start < ms {
                    v.push(Span::new(frag.start, ms));
                } else if me < frag.end {
                    v.push(Span::new(me, frag.end));
                }
            }
            a.content = v.into_iter().filter(|s| !s.is_empty()).collect();
        }
    }
}

/// Drops attributions nested inside the content of another one in the same
/// sentence: a reported belief, intention, act or hedge inside what someone
/// said, wrote or did (`Ortiz said the mayor wants a recount`) belongs to the
/// outer report, and so does anything inside the content of an `according to`
/// or of a document (`records show the firm backed`), and a belief or intention
/// inside reported speech wherever the speech cue stands (`the mayor wants a
/// recount, Ortiz said`), and a report opening the complement of another
/// (`Ortiz said that Reyes told her`, `said what the captain told`). The outer attribution
/// carries the content; the inner cue is cleared and removed later.
fn drop_nested(attrs: &mut [Attribution], prose: &str, floor: usize) {
    use AttributionKind as K;
    let n = attrs.len();
    if n < 2 {
        return;
    }
    for i in 0..n {
        let Some(cue) = attrs[i].cue.first().copied() else {
            continue;
        };
        // A possessive noun cue has a source of its own (`repeated its claim
        // that`): keep it.
        if after_possessive(prose, floor, cue.start) {
            continue;
        }
        let cue_end = attrs[i].cue.last().map_or(cue.end, |s| s.end);
        let kind = attrs[i].kind;
        let start = attrs[i]
            .source
            .iter()
            .map(|s| s.start)
            .fold(cue.start, usize::min);
        let inner_stance = matches!(kind, K::Belief | K::Intention | K::Action | K::Hedge);
        let nested = attrs.iter().enumerate().any(|(j, o)| {
            if i == j || o.cue.is_empty() {
                return false;
            }
            if !o
                .content
                .iter()
                .any(|f| f.start <= cue.start && cue_end <= f.end)
            {
                return false;
            }
            matches!(o.kind, K::AccordingTo | K::Document)
                || (inner_stance && o.kind != kind && o.cue[0].start < cue.start)
                || (matches!(kind, K::Belief | K::Intention)
                    && matches!(o.kind, K::Paraphrase | K::DirectQuote))
                || (kind == K::Paraphrase
                    && o.kind == K::Paraphrase
                    && (in_complement(prose, o.cue.last().map_or(0, |s| s.end), start)
                        || after_complementizer(prose, floor, start)))
        });
        if nested {
            attrs[i].cue.clear();
        }
    }
}

/// Does a clause starting at `start` open the complement of a cue ending at
/// `cue_end` (one to five words after it: `said that Reyes told`)?
fn in_complement(prose: &str, cue_end: usize, start: usize) -> bool {
    cue_end < start
        && prose
            .get(cue_end..start)
            .is_some_and(|g| (1..=5).contains(&g.split_whitespace().take(6).count()))
}

/// Is the word before `at` a complementizer or wh-word opening a clause
/// (`that`, `what`, `who`, `if`, `whether`)?
fn after_complementizer(prose: &str, floor: usize, at: usize) -> bool {
    let before = prose.get(floor..at).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    ["that", "what", "who", "if", "whether"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// Is the word before `at` a possessive (`its claim`, `the union's claim`)?
/// Such a cue is a noun the outer verb governs, not a clause of its own.
fn after_possessive(prose: &str, floor: usize, at: usize) -> bool {
    let before = prose.get(floor..at).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    ["his", "her", "its", "their", "our", "my", "your"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
        || word.ends_with("'s")
        || word.ends_with("\u{2019}s")
}

/// Links direct quotations inside the content; stretches content over
/// quotations that run past the sentence; DirectQuote when mostly quoted.
fn link_quotes(a: &mut Attribution, here: &[usize], quotes: &[Quote], prose: &str) {
    let mut quoted_bytes = 0usize;
    let mut total = 0usize;
    for frag in a.content.iter_mut() {
        total += frag.len();
        for &q in here {
            let inner = quotes[q].inner;
            if inner.overlaps(*frag) {
                if !a.quotes.contains(&q) {
                    a.quotes.push(q);
                }
                let cover = frag.cover(inner);
                let ov = frag
                    .end
                    .min(inner.end)
                    .saturating_sub(frag.start.max(inner.start));
                quoted_bytes += ov;
                // Stretch across sentence breaks inside the quotation.
                if inner.start < frag.start && prose.get(inner.start..frag.start).is_some() {
                    frag.start = cover.start;
                }
                if inner.end > frag.end {
                    frag.end = cover.end;
                }
            }
        }
    }
    if !a.quotes.is_empty() {
        a.speaker_rule = Some(SpeakerRule::SameSentence);
        if matches!(a.kind, AttributionKind::Paraphrase) && quoted_bytes * 10 >= total * 6 {
            a.kind = AttributionKind::DirectQuote;
        }
    }
}

/// A lead-in ending with a colon and nothing after it: the content is the next block.
fn colon_blocks(doc: &Document, si: usize, sentences: &[Sentence], attrs: &mut [Attribution]) {
    for a in attrs.iter_mut() {
        if a.kind != AttributionKind::ColonLeadIn || !a.content.is_empty() {
            continue;
        }
        let Some(s) = sentences.get(si) else { continue };
        let next_block = s.block + 1;
        if sentences.get(si + 1).is_some_and(|n| n.block == s.block) {
            // More text in the same paragraph: it is the content.
            let n = &sentences[si + 1];
            a.content.push(n.span);
            continue;
        }
        if let Some(b) = doc.blocks.get(next_block) {
            a.content.push(b.span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{is_blank, strip_all};

    #[test]
    fn is_blank_is_the_plain_test() {
        let text = "“Yes,” he said. \n\u{a0} \u{2009}x\u{b}\t  .é  \r\n\u{3000}";
        for a in 0..=text.len() + 1 {
            for b in 0..=text.len() + 1 {
                let want = text
                    .get(a..b)
                    .is_some_and(|g| g.chars().all(char::is_whitespace));
                assert_eq!(is_blank(text, a, b), want, "{a} {b}");
            }
        }
    }

    #[test]
    fn strip_all_is_trim_end_matches() {
        for w in [
            "reyes's",
            "reyes",
            "aides'",
            "aides''",
            "'s's",
            "’s",
            "s",
            "",
            "it's’s'",
        ] {
            for suffix in ["'s", "’s", "'"] {
                assert_eq!(
                    strip_all(w, suffix),
                    w.trim_end_matches(suffix),
                    "{w} {suffix}"
                );
            }
        }
    }
}

//! Attributions: who says what, with which cue (PolNeAR's broad sense).
//!
//! [`find`] reads each sentence of the draft once: hedges (`reportedly`, `it is
//! understood`), `according to X`, reporting verbs with their source noun phrase
//! (left of the verb, or after it in `"…," said Ortiz`), participles (`, saying`),
//! colon lead-ins, and then gives every direct quotation a speaker (SPEC §3.7).
//! No part-of-speech tagger: lexicons, capitalisation, punctuation and
//! determiners decide.

mod extract;
mod house;
mod lexicon;
mod list;
mod source;
mod speakers;
mod token;
mod words;

#[cfg(test)]
mod tests;

use crate::document::Document;
use crate::sentences::{Quote, Sentence};
use crate::span::Span;
use serde::Serialize;

pub use house::HouseLexicon;
pub use list::SmallList;

/// An attribution's list of spans (one or two, nearly always: kept inline).
pub type Spans = SmallList<Span, 2>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributionKind {
    /// `"...," Ortiz said.`
    DirectQuote,
    /// `Ortiz said the cuts were painful.`
    Paraphrase,
    /// `according to X`
    AccordingTo,
    /// `Reyes wrote in the letter:`
    ColonLeadIn,
    /// records show, the audit found
    Document,
    /// believes, thinks, feels: a stated belief, not sourcing.
    Belief,
    /// wants, plans, intends: a stated intention, not sourcing.
    Intention,
    /// reportedly, is said to, it is understood.
    Hedge,
    /// urged, praised, endorsed, opposed: a reported act or stance (PolNeAR
    /// counts it), not a sourcing marker (SPEC §3.3).
    Action,
}

impl AttributionKind {
    /// Does this kind source a claim (SPEC §3.3: belief verbs and reported acts do not)?
    pub fn sources_claim(self) -> bool {
        !matches!(
            self,
            AttributionKind::Belief | AttributionKind::Intention | AttributionKind::Action
        )
    }
}

/// How identifiable the source is (SPEC §3.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceClass {
    Named,
    Institutional,
    AnonymousDescribed,
    Pronoun,
    Vague,
    None,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attribution {
    pub kind: AttributionKind,
    /// The source noun phrase (with titles and appositives); empty for hedges
    /// and passives (`it was reported that`).
    pub source: Spans,
    /// The cue: the verb group (`said`, `told`, `according to`, `:`); empty for
    /// a quotation whose speaker was found elsewhere in the paragraph
    /// (`carried`).
    pub cue: Spans,
    /// What is attributed: the reported clause or the quotation(s).
    pub content: Spans,
    pub source_class: SourceClass,
    /// The cue verb is loaded (claimed, admitted, insisted...).
    pub loaded: bool,
    /// Index of the sentence holding the cue (for carried quotations, the
    /// sentence holding the quotation).
    pub sentence: usize,
    /// Direct quotations (indices into the `quotes` slice given to [`find`])
    /// whose speaker this attribution names. A direct quotation listed by no
    /// attribution has no findable speaker (SPEC §3.7: `unattributed-quote`).
    pub quotes: SmallList<usize, 2>,
    /// How the speaker of a quotation was found (None for non-quote attributions
    /// found in their own sentence).
    pub speaker_rule: Option<SpeakerRule>,
    /// The quotation's speaker was found outside its sentence (same paragraph,
    /// colon lead-in, continued quotation): `source` copies that speaker's span.
    pub carried: bool,
    /// For a pronoun source: the nearest preceding named source it refers to.
    pub antecedent: Option<Span>,
    /// The source has a position and a reason for anonymity somewhere in its
    /// sentence (SPEC §3.4.3); also set on vague sources missing only one of them.
    pub anonymity_reason: bool,
}

/// How a direct quotation's speaker was found (SPEC §3.7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerRule {
    /// A cue in the quotation's own sentence.
    SameSentence,
    /// Another quotation in the paragraph has a speaker and no other speaker appears.
    SameParagraph,
    /// A lead-in ending with a colon names the speaker.
    ColonLeadIn,
    /// Continues an unclosed quotation from the previous paragraph.
    Continued,
}

/// Finds every attribution in the draft, in text order of their cue or content.
pub fn find(doc: &Document, sentences: &[Sentence], quotes: &[Quote]) -> Vec<Attribution> {
    find_with(doc, sentences, quotes, HouseLexicon::empty())
}

/// [`find`] with the house lists of `copydesk.toml` (`[sources]`): extra
/// attribution verbs, trusted names (never vague; `NAME shows ...` sources a
/// claim) and extra vague terms.
pub fn find_with(
    doc: &Document,
    sentences: &[Sentence],
    quotes: &[Quote],
    extra: &HouseLexicon,
) -> Vec<Attribution> {
    let lower = doc.prose.to_ascii_lowercase();
    let mut out = Vec::new();
    let blocks = block_ranges(sentences, quotes);
    for (_, s, q) in &blocks {
        out.extend(extract_block(
            doc,
            &lower,
            &sentences[s.clone()],
            &quotes[q.clone()],
            extra,
            s.start,
            q.start,
        ));
    }
    link(doc, &lower, sentences, quotes, extra, out)
}

/// For each block that has sentences: its index, its sentences (a range of
/// `sentences`) and the quotations [`extract_block`] needs (a range of
/// `quotes`: those that start before the block's end and end after its
/// start, and the one before them, which may open the block's first
/// sentence as `"…," said Ortiz.`).
pub fn block_ranges(
    sentences: &[Sentence],
    quotes: &[Quote],
) -> Vec<(usize, std::ops::Range<usize>, std::ops::Range<usize>)> {
    // One entry per block with sentences, all in one allocation.
    let blocks = sentences
        .windows(2)
        .filter(|w| w[0].block != w[1].block)
        .count()
        + usize::from(!sentences.is_empty());
    let mut out = Vec::with_capacity(blocks);
    let mut s0 = 0;
    while s0 < sentences.len() {
        let block = sentences[s0].block;
        let mut s1 = s0 + 1;
        while s1 < sentences.len() && sentences[s1].block == block {
            s1 += 1;
        }
        let (lo, hi) = (sentences[s0].span.start, sentences[s1 - 1].span.end);
        let q0 = quotes
            .partition_point(|q| q.span.end <= lo)
            .saturating_sub(1);
        let q1 = quotes.partition_point(|q| q.span.start < hi).max(q0);
        out.push((block, s0..s1, q0..q1));
        s0 = s1;
    }
    out
}

/// The sentence-level attributions of one block's sentences (`sentences`
/// and `quotes` as given by [`block_ranges`]), before the passes that read
/// across blocks ([`link`]). Sentence and quotation indices in the result
/// count from `first_sentence` and `first_quote`, the ranges' starts.
///
/// What it reads outside the block's own text: `quotes`, the last
/// non-blank character before the block, the first two after it, and the
/// span of the next block (a colon lead-in's content). The server's cache
/// of this work (`Analyzer` in lib.rs) keys on exactly these.
pub fn extract_block(
    doc: &Document,
    lower: &str,
    sentences: &[Sentence],
    quotes: &[Quote],
    extra: &HouseLexicon,
    first_sentence: usize,
    first_quote: usize,
) -> Vec<Attribution> {
    let mut out = extract::sentences(doc, lower, sentences, quotes, extra);
    for a in &mut out {
        a.sentence += first_sentence;
        a.quotes.iter_mut().for_each(|q| *q += first_quote);
    }
    out
}

/// The passes over the whole draft that follow [`extract_block`] (whose
/// results, in block order, are `out`): quotation speakers from elsewhere in
/// the paragraph, pronoun antecedents, house names, and text order.
pub fn link(
    doc: &Document,
    lower: &str,
    sentences: &[Sentence],
    quotes: &[Quote],
    extra: &HouseLexicon,
    mut out: Vec<Attribution>,
) -> Vec<Attribution> {
    speakers::match_quotes(doc, lower, sentences, quotes, &mut out);
    source::resolve_pronouns(&mut out);
    house::apply(lower, sentences, quotes, extra, &mut out);
    out.sort_by_key(first_offset);
    out
}

fn first_offset(a: &Attribution) -> usize {
    a.cue
        .first()
        .or(a.source.first())
        .or(a.content.first())
        .map_or(0, |s| s.start)
}

/// For each direct quotation (indexed like `quotes`), the attribution naming its
/// speaker, if any.
pub fn quote_speakers(attributions: &[Attribution], n_quotes: usize) -> Vec<Option<usize>> {
    let mut v = vec![None; n_quotes];
    for (i, a) in attributions.iter().enumerate() {
        for &q in &a.quotes {
            if q < n_quotes && v[q].is_none() {
                v[q] = Some(i);
            }
        }
    }
    v
}

/// SPEC §3.6 carry-over: for each sentence, the attribution that covers it,
/// its own (the first that sources a claim) or one carried forward within the
/// paragraph until another source appears. Belief and intention attributions
/// do not source and are not carried.
pub fn sentence_cover(attributions: &[Attribution], sentences: &[Sentence]) -> Vec<Option<usize>> {
    let mut own: Vec<Option<usize>> = vec![None; sentences.len()];
    for (i, a) in attributions.iter().enumerate() {
        if !a.kind.sources_claim() || a.carried {
            continue;
        }
        if let Some(slot) = own.get_mut(a.sentence) {
            if slot.is_none() {
                *slot = Some(i);
            }
        }
    }
    let mut out = vec![None; sentences.len()];
    let mut carry: Option<usize> = None;
    let mut block = usize::MAX;
    for (si, s) in sentences.iter().enumerate() {
        if s.block != block {
            carry = None;
            block = s.block;
        }
        if let Some(a) = own[si] {
            carry = Some(a);
        }
        out[si] = carry;
    }
    out
}

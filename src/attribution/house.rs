//! The house lists from `copydesk.toml` (`[sources]`): trusted source names,
//! extra vague-source terms and extra attribution verbs.
//!
//! [`HouseLexicon`] is compiled once per configuration (it is cached inside
//! `house::HouseRules`) and read in two places: the sentence extractor asks
//! [`HouseLexicon::cue`] for verbs the built-in lexicon does not know, and
//! [`apply`] runs once after extraction to (1) lift sources naming a trusted
//! name out of the vague classes and mark sources holding a house vague term
//! as vague, and (2) add the attribution `NAME [aux] VERB ...` when a trusted
//! name or vague term is followed by a reporting verb the extractor did not
//! take (`The harbor log shows ...`).

use super::lexicon::{self, Class, Cue, FastMap, Form, Strength};
use super::{Attribution, AttributionKind, SourceClass};
use crate::sentences::{Quote, Sentence};
use crate::span::Span;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// The compiled house lists. The default value is empty and changes nothing.
#[derive(Debug, Default)]
pub struct HouseLexicon {
    trusted: Option<AhoCorasick>,
    vague: Option<AhoCorasick>,
    verbs: FastMap<String, Cue>,
}

static EMPTY: LazyLock<HouseLexicon> = LazyLock::new(HouseLexicon::default);

/// Lower case, single spaces, no surrounding punctuation.
fn normalise(term: &str) -> String {
    term.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

fn automaton(terms: &[String]) -> Option<AhoCorasick> {
    let mut pats: Vec<String> = Vec::new();
    for t in terms {
        let t = normalise(t);
        if t.is_empty() {
            continue;
        }
        // "the Post" also matches "Post" where the draft drops the article.
        if let Some(rest) = t.strip_prefix("the ") {
            pats.push(rest.to_string());
        }
        pats.push(t);
    }
    if pats.is_empty() {
        return None;
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&pats)
        .ok()
}

impl HouseLexicon {
    /// Compiles the lists. Verbs are single words: a base form (`recount`)
    /// brings its regular inflections; an inflected form (`recounted`,
    /// `recounting`) is recognised as written. Multi-word entries are skipped
    /// (the config parser warns about them).
    pub fn new(trusted: &[String], vague: &[String], verbs: &[String]) -> HouseLexicon {
        let mut map: FastMap<String, Cue> = FastMap::default();
        let cue = |form| Cue {
            class: Class::Speech,
            strength: Strength::Strong,
            loaded: false,
            form,
            addressee: false,
        };
        for v in verbs {
            let v = normalise(v);
            if v.is_empty() || v.contains(' ') || !v.as_bytes()[0].is_ascii_lowercase() {
                continue;
            }
            let mut add = |w: String, form| {
                if lexicon::cue(&w).is_none() {
                    map.entry(w).or_insert(cue(form));
                }
            };
            if v.ends_with("ed") {
                add(v, Form::Past);
            } else if v.ends_with("ing") {
                add(v, Form::Ing);
            } else {
                if v.ends_with('s') && !v.ends_with("ss") {
                    add(v.clone(), Form::Third);
                }
                let [third, past, ing] = super::lexicon::regular(&v);
                add(v, Form::Base);
                add(third, Form::Third);
                add(past, Form::Past);
                add(ing, Form::Ing);
            }
        }
        HouseLexicon {
            trusted: automaton(trusted),
            vague: automaton(vague),
            verbs: map,
        }
    }

    /// The empty lexicon (no house lists).
    pub fn empty() -> &'static HouseLexicon {
        &EMPTY
    }

    pub fn is_empty(&self) -> bool {
        self.trusted.is_none() && self.vague.is_none() && self.verbs.is_empty()
    }

    /// Are there house attribution verbs?
    pub fn has_verbs(&self) -> bool {
        !self.verbs.is_empty()
    }

    /// A house attribution verb the built-in lexicon does not know (`word`
    /// in lower case).
    pub fn cue(&self, word: &str) -> Option<Cue> {
        if self.verbs.is_empty() {
            return None;
        }
        self.verbs.get(word).copied()
    }

    /// Does `phrase` hold a trusted name (as whole words)?
    pub fn is_trusted(&self, phrase: &str) -> bool {
        // No list, no need to normalise the phrase.
        self.trusted.is_some() && contains(self.trusted.as_ref(), &normalise(phrase))
    }

    /// Does `phrase` hold a house vague term (as whole words)?
    pub fn is_vague(&self, phrase: &str) -> bool {
        self.vague.is_some() && contains(self.vague.as_ref(), &normalise(phrase))
    }
}

fn word_bounded(lower: &str, s: usize, e: usize) -> bool {
    let b = lower.as_bytes();
    (s == 0 || !b[s - 1].is_ascii_alphanumeric()) && (e >= b.len() || !b[e].is_ascii_alphanumeric())
}

fn occurrences<'a>(ac: Option<&'a AhoCorasick>, lower: &'a str) -> impl Iterator<Item = Span> + 'a {
    ac.into_iter().flat_map(move |ac| {
        ac.find_iter(lower)
            .filter(move |m| word_bounded(lower, m.start(), m.end()))
            .map(|m| Span::new(m.start(), m.end()))
    })
}

fn contains(ac: Option<&AhoCorasick>, lower: &str) -> bool {
    occurrences(ac, lower).next().is_some()
}

/// The words (byte spans) of `lower` from `from` to `end`.
fn words_from(lower: &str, from: usize, end: usize) -> impl Iterator<Item = Span> + '_ {
    let end = end.min(lower.len());
    let mut i = from.min(end);
    std::iter::from_fn(move || {
        let b = lower.as_bytes();
        while i < end && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= end {
            return None;
        }
        let s = i;
        if b[s].is_ascii_alphanumeric() {
            while i < end && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b'\'') {
                i += 1;
            }
        } else {
            // One punctuation mark or one (possibly multi-byte) character.
            i += lower[s..].chars().next().map_or(1, char::len_utf8);
        }
        Some(Span::new(s, i))
    })
}

fn trim_edges(lower: &str, span: Span) -> Option<Span> {
    let text = span.slice(lower);
    let keep = |c: char| c.is_alphanumeric() || matches!(c, '%' | '$' | '"' | '”' | '’' | ')');
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let body = &text[lead..];
    let tail = body.len() - body.trim_end_matches(|c: char| !keep(c)).len();
    let s = Span::new(span.start + lead, span.end - tail);
    (s.end > s.start).then_some(s)
}

/// Applies the house lists to the extractor's attributions (see the module
/// documentation). `lower` is the ASCII-lowercased prose.
pub fn apply(
    lower: &str,
    sentences: &[Sentence],
    quotes: &[Quote],
    lex: &HouseLexicon,
    out: &mut Vec<Attribution>,
) {
    if lex.trusted.is_none() && lex.vague.is_none() {
        return;
    }
    let trusted: Vec<Span> = occurrences(lex.trusted.as_ref(), lower).collect();
    let vague: Vec<Span> = occurrences(lex.vague.as_ref(), lower).collect();
    let overlaps = |list: &[Span], src: Span| {
        let i = list.partition_point(|o| o.end <= src.start);
        list.get(i).is_some_and(|o| o.start < src.end)
    };
    // (1) Reclassify the sources the extractor found.
    for a in out.iter_mut() {
        let (Some(first), Some(last)) = (a.source.first(), a.source.last()) else {
            continue;
        };
        let src = Span::new(first.start, last.end);
        if overlaps(&trusted, src) {
            if matches!(
                a.source_class,
                SourceClass::Vague | SourceClass::None | SourceClass::AnonymousDescribed
            ) {
                a.source_class = SourceClass::Institutional;
            }
            if a.kind == AttributionKind::Hedge {
                a.kind = AttributionKind::AccordingTo;
            }
        } else if overlaps(&vague, src) && a.source_class != SourceClass::Pronoun {
            a.source_class = SourceClass::Vague;
        }
    }
    // (2) `NAME [aux/adverbs] VERB ...` that the extractor left alone.
    let in_quote = |at: usize| {
        let i = quotes.partition_point(|q| q.span.end <= at);
        quotes[i..]
            .iter()
            .take_while(|q| q.span.start <= at)
            .any(|q| q.direct && q.inner.contains(at))
    };
    // Occurrences some source already covers, and the attributions of each
    // sentence: built once, so the pass stays linear in the draft.
    let covered = |list: &[Span]| -> Vec<bool> {
        let mut v = vec![false; list.len()];
        for s in out.iter().flat_map(|a| &a.source) {
            let mut i = list.partition_point(|o| o.end <= s.start);
            while i < list.len() && list[i].start < s.end {
                v[i] = true;
                i += 1;
            }
        }
        v
    };
    let (trusted_covered, vague_covered) = (covered(&trusted), covered(&vague));
    let mut by_sentence: FastMap<usize, Vec<usize>> = FastMap::default();
    for (i, a) in out.iter().enumerate() {
        by_sentence.entry(a.sentence).or_default().push(i);
    }
    let found: Vec<(Span, SourceClass)> = trusted
        .iter()
        .zip(trusted_covered)
        .map(|(s, c)| (*s, SourceClass::Institutional, c))
        .chain(
            vague
                .iter()
                .zip(vague_covered)
                .map(|(s, c)| (*s, SourceClass::Vague, c)),
        )
        .filter(|(_, _, c)| !c)
        .map(|(s, class, _)| (s, class))
        .collect();
    for (occ, class) in found {
        if in_quote(occ.start) {
            continue;
        }
        let si = sentences.partition_point(|s| s.span.end <= occ.start);
        let Some(sentence) = sentences.get(si).filter(|s| s.span.contains(occ.start)) else {
            continue;
        };
        let mut verb: Option<(Span, Cue)> = None;
        for (n, w) in words_from(lower, occ.end, sentence.span.end).enumerate() {
            let word = w.slice(lower);
            if let Some(c) = lexicon::cue(word).or_else(|| lex.cue(word)) {
                if matches!(c.class, Class::Speech | Class::Writing | Class::Finding)
                    && c.form != Form::Ing
                {
                    verb = Some((w, c));
                }
                break;
            }
            if n >= 3 || !lexicon::is_aux_or_adverb(word) && !word.ends_with("ly") {
                break;
            }
        }
        let Some((vspan, cue)) = verb else { continue };
        // After the verb: "that" and commas are not content.
        let mut after = vspan.end;
        for w in words_from(lower, vspan.end, sentence.span.end) {
            let word = w.slice(lower);
            if matches!(word, "that" | "," | ":") {
                after = w.end;
            } else {
                break;
            }
        }
        let content = trim_edges(lower, Span::new(after, sentence.span.end))
            .or_else(|| trim_edges(lower, Span::new(sentence.span.start, occ.start)));
        // The extractor may have taken the verb with another (wrong) source.
        let taken = by_sentence.get(&si).and_then(|ids| {
            ids.iter()
                .copied()
                .find(|&i| out[i].cue.iter().any(|c| c.overlaps(vspan)))
        });
        if let Some(i) = taken {
            out[i].source = super::Spans::one(occ);
            out[i].source_class = class;
            continue;
        }
        let kind = if cue.class == Class::Finding {
            AttributionKind::Document
        } else {
            AttributionKind::Paraphrase
        };
        out.push(Attribution {
            source: super::Spans::one(occ),
            cue: super::Spans::one(vspan),
            content: content.into_iter().collect(),
            source_class: class,
            loaded: cue.loaded,
            ..super::extract::new_attr(kind, si)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::find_with;
    use crate::document::{Document, Format};

    fn lex() -> HouseLexicon {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        HouseLexicon::new(
            &s(&["the tide ledger", "Marsh Registry"]),
            &s(&["dock gossips", "regulars at the chandlery"]),
            &s(&["intimate", "let slip", "murmured"]),
        )
    }

    /// (source text, class, cue text) of each attribution.
    fn attrs(text: &str, lex: &HouseLexicon) -> Vec<(String, SourceClass, String)> {
        let doc = Document::parse(text, Format::PlainText);
        let sentences = crate::sentences::split(&doc);
        let quotes = crate::sentences::quotes(&doc);
        find_with(&doc, &sentences, &quotes, lex)
            .into_iter()
            .map(|a| {
                let join = |v: &[Span]| {
                    v.iter()
                        .map(|s| s.slice(&doc.prose))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                (join(&a.source), a.source_class, join(&a.cue))
            })
            .collect()
    }

    /// (sentence, with the house lists: (source, class, cue), without them: (source, class))
    type Case<'a> = (
        &'a str,
        Option<(&'a str, SourceClass, &'a str)>,
        Option<(&'a str, SourceClass)>,
    );

    #[test]
    fn house_lists_change_attributions() {
        use SourceClass::{Institutional, Named, Vague};
        let lex = lex();
        // (sentence, with the house lists, without them)
        let cases: &[Case] = &[
            (
                "Okafor intimated that the bridge tolls were skimmed.",
                Some(("Okafor", Named, "intimated")),
                None,
            ),
            (
                "Okafor intimates that the bridge tolls were skimmed.",
                Some(("Okafor", Named, "intimates")),
                None,
            ),
            (
                "Ines Varga murmured that the bridge tolls were skimmed.",
                Some(("Ines Varga", Named, "murmured")),
                None,
            ),
            (
                "The tide ledger shows the bridge tolls were skimmed.",
                Some(("The tide ledger", Institutional, "shows")),
                None,
            ),
            (
                "The bridge tolls were skimmed, the tide ledger shows.",
                Some(("the tide ledger", Institutional, "shows")),
                None,
            ),
            (
                "Dock gossips said the bridge tolls were skimmed.",
                Some(("Dock gossips", Vague, "said")),
                Some(("Dock gossips", Named)),
            ),
            (
                "Regulars at the chandlery have long said the tolls were skimmed.",
                Some(("Regulars at the chandlery", Vague, "said")),
                Some(("Regulars at the chandlery", Named)),
            ),
        ];
        for (text, with, without) in cases {
            let got = attrs(text, &lex);
            match with {
                Some((src, class, cue)) => assert!(
                    got.iter()
                        .any(|(s, c, q)| s == src && c == class && q.contains(cue)),
                    "{text}: {got:?}"
                ),
                None => assert!(got.is_empty(), "{text}: {got:?}"),
            }
            let plain = attrs(text, HouseLexicon::empty());
            match without {
                Some((src, class)) => assert!(
                    plain.iter().any(|(s, c, _)| s == src && c == class),
                    "{text} (no house lists): {plain:?}"
                ),
                None => assert!(
                    !plain.iter().any(|(s, _, _)| with.is_some_and(|w| w.0 == s)),
                    "{text} (no house lists): {plain:?}"
                ),
            }
        }
    }

    #[test]
    fn trusted_names_inside_quotes_or_without_a_verb_change_nothing() {
        let lex = lex();
        for text in [
            "Figures from the tide ledger put the loss at $40,000.",
            "\"The tide ledger shows nothing of the sort,\" Okafor said.",
        ] {
            let got = attrs(text, &lex);
            assert!(
                !got.iter()
                    .any(|(s, _, _)| s.eq_ignore_ascii_case("the tide ledger")),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn lexicon_lookups() {
        let lex = lex();
        let cases = [
            ("intimate", true),
            ("intimates", true),
            ("intimated", true),
            ("intimating", true),
            ("murmured", true),
            ("murmur", false),
            ("let", false),
            ("said", false), // built in: never shadowed
        ];
        for (w, want) in cases {
            assert_eq!(lex.cue(w).is_some(), want, "{w}");
        }
        assert!(lex.is_trusted("the Tide  Ledger"));
        assert!(lex.is_trusted("tide ledger"));
        assert!(!lex.is_trusted("the tide ledgers"));
        assert!(lex.is_vague("two dock gossips"));
        assert!(!lex.is_vague("dock gossip"));
        assert!(HouseLexicon::empty().is_empty());
        assert!(!lex.is_empty());
    }
}

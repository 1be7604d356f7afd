//! Word lists matched on word boundaries, case-insensitively (ASCII), in one
//! pass. Every rule's vocabulary is a `Lexicon`.
//!
//! The automata are daachorse's double-array Aho-Corasick: the `aho-corasick`
//! crate's full DFA took milliseconds to build per list (most of a short
//! draft's run) and its NFAs match several times slower; a double array builds
//! in a fraction of a millisecond and matches about as fast as the DFA.
//! Patterns are folded to lower case once, each haystack before the scan.

use crate::span::Span;
use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};

/// Folds patterns to ASCII lower case and merges equal ones: returns the
/// distinct folded patterns with, for each, the caller's indices in order.
fn fold<S: AsRef<[u8]>>(patterns: &[S]) -> (Vec<Vec<u8>>, Vec<Vec<u32>>) {
    let mut index = std::collections::HashMap::new();
    let mut unique: Vec<Vec<u8>> = Vec::new();
    let mut ids: Vec<Vec<u32>> = Vec::new();
    for (id, p) in patterns.iter().enumerate() {
        let folded = p.as_ref().to_ascii_lowercase();
        if folded.is_empty() {
            continue;
        }
        let slot = *index.entry(folded.clone()).or_insert_with(|| {
            unique.push(folded);
            ids.push(Vec::new());
            unique.len() - 1
        });
        ids[slot].push(id as u32);
    }
    (unique, ids)
}

fn build(unique: &[Vec<u8>]) -> Option<DoubleArrayAhoCorasick<u32>> {
    if unique.is_empty() {
        return None;
    }
    // Word lists share most of English's letter pairs, so the 2-gram
    // prefilter would skip little text and costs a 64 KiB table to build.
    let automaton = DoubleArrayAhoCorasickBuilder::new()
        .use_prefilter(false)
        .match_kind(MatchKind::Standard)
        .build_with_values(unique.iter().zip(0u32..))
        .expect("distinct non-empty patterns build");
    Some(automaton)
}

/// Every occurrence of every pattern, overlapping, ASCII case-insensitive.
pub struct Automaton {
    automaton: Option<DoubleArrayAhoCorasick<u32>>,
    /// Automaton value → the caller's pattern indices.
    ids: Vec<Vec<u32>>,
}

impl Automaton {
    pub fn new<S: AsRef<[u8]>>(patterns: &[S]) -> Automaton {
        let (unique, ids) = fold(patterns);
        Automaton {
            automaton: build(&unique),
            ids,
        }
    }

    /// Calls `f(pattern, start, end)` for every occurrence of every pattern
    /// in `hay`, in order of end.
    pub fn for_each_overlapping(&self, hay: &[u8], mut f: impl FnMut(usize, usize, usize)) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        // The folded copy goes in a buffer kept per thread (taken, so a
        // nested call just gets a fresh one): the slice scan is faster than
        // folding byte by byte as the automaton steps.
        thread_local! {
            static FOLDED: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
        }
        let mut folded = FOLDED.take();
        folded.clear();
        folded.extend(hay.iter().map(u8::to_ascii_lowercase));
        for m in automaton.find_overlapping_iter(&folded) {
            for &id in &self.ids[m.value() as usize] {
                f(id as usize, m.start(), m.end());
            }
        }
        FOLDED.set(folded);
    }
}

pub struct Lexicon {
    /// Every occurrence of every word; [`Lexicon::leftmost_longest`] picks
    /// among them (faster than daachorse's leftmost iterator on these lists).
    automaton: Automaton,
    len: usize,
}

/// A word-boundary match: which pattern, where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub pattern: usize,
    pub span: Span,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || b == b'\''
}

impl Lexicon {
    pub fn new<S: AsRef<str>>(words: &[S]) -> Lexicon {
        let bytes: Vec<&[u8]> = words.iter().map(|w| w.as_ref().as_bytes()).collect();
        Lexicon {
            automaton: Automaton::new(&bytes),
            len: words.len(),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Leftmost-longest matches in `hay` as (pattern, start, end): from
    /// where the last match ended, the earliest start, the longest pattern
    /// there, the first-listed pattern among equals.
    fn leftmost_longest(&self, hay: &[u8]) -> impl Iterator<Item = (usize, usize, usize)> {
        // Most sentences match nothing: `all` then never allocates.
        let mut all = Vec::new();
        self.automaton
            .for_each_overlapping(hay, |p, s, e| all.push((s, std::cmp::Reverse(e), p)));
        all.sort_unstable();
        let mut at = 0;
        all.into_iter()
            .filter(move |&(s, std::cmp::Reverse(e), _)| {
                let keep = s >= at;
                if keep {
                    at = e;
                }
                keep
            })
            .map(|(s, std::cmp::Reverse(e), p)| (p, s, e))
    }

    /// Whole-word matches inside `span` of `text`: the leftmost-longest
    /// matches that stand on word boundaries.
    pub fn find_in<'a>(&'a self, text: &'a str, span: Span) -> impl Iterator<Item = Hit> + 'a {
        let bytes = text.as_bytes();
        let start = span.start.min(bytes.len());
        let hay = &bytes[start..span.end.clamp(start, bytes.len())];
        self.leftmost_longest(hay)
            .map(move |(p, s, e)| (p, start + s, start + e))
            .filter(move |&(_, s, e)| {
                let before_ok = s == 0 || !is_word_byte(bytes[s - 1]) || bytes[s - 1] == b'\'';
                let after_ok = e >= bytes.len() || !is_word_byte(bytes[e]) || bytes[e] == b'\'';
                // Patterns that themselves end in a non-word char (e.g. "U.S.") are fine.
                before_ok && after_ok
            })
            .map(|(pattern, s, e)| Hit {
                pattern,
                span: Span::new(s, e),
            })
    }

    pub fn first_in(&self, text: &str, span: Span) -> Option<Hit> {
        self.find_in(text, span).next()
    }

    pub fn any_in(&self, text: &str, span: Span) -> bool {
        self.first_in(text, span).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let lex = Lexicon::new(&["rose", "fell", "failed to"]);
        let text = "Prices Rose; the prose fell. He failed to act.";
        let hits: Vec<&str> = lex
            .find_in(text, Span::new(0, text.len()))
            .map(|h| h.span.slice(text))
            .collect();
        assert_eq!(hits, vec!["Rose", "fell", "failed to"]);
    }

    /// Every (pattern, start, end) occurrence, by brute force.
    fn naive_all(pats: &[&str], hay: &[u8]) -> Vec<(usize, usize, usize)> {
        let mut v = Vec::new();
        for s in 0..hay.len() {
            for (p, pat) in pats.iter().enumerate() {
                let pat = pat.as_bytes();
                if !pat.is_empty()
                    && hay.len() - s >= pat.len()
                    && hay[s..s + pat.len()].eq_ignore_ascii_case(pat)
                {
                    v.push((p, s, s + pat.len()));
                }
            }
        }
        v.sort();
        v
    }

    /// Leftmost-longest by brute force: earliest start, longest, first listed.
    fn naive_leftmost_longest(pats: &[&str], hay: &[u8]) -> Vec<(usize, usize, usize)> {
        let all = naive_all(pats, hay);
        let mut out = Vec::new();
        let mut at = 0;
        loop {
            let best = all
                .iter()
                .filter(|m| m.1 >= at)
                .min_by_key(|m| (m.1, std::cmp::Reverse(m.2), m.0));
            match best {
                Some(&m) => {
                    out.push(m);
                    at = m.2;
                }
                None => return out,
            }
        }
    }

    #[test]
    fn automaton_agrees_with_brute_force() {
        let cases: &[(&[&str], &str)] = &[
            (
                &["he", "she", "his", "hers"],
                "ushers and SHE said his hers",
            ),
            (
                &["will vote", "will", "ill v", "vote"],
                "Swill vote; will VOTE; illvote",
            ),
            (&["a", "ab", "abc", "b", "bc", "c"], "abcabcab cba"),
            (
                &["fell", "fell short", "short"],
                "it fell shortly, then fell short",
            ),
            (&["dup", "DUP", "du"], "Dup dup du d"),
            (&["café", "é", "caf"], "Café CAFÉ cafe"),
            (&["u.s.", "u.s", "s. army"], "the U.S. Army and u.s.a"),
            (&["x"], ""),
            (&[], "nothing at all"),
        ];
        for (pats, text) in cases {
            let ac = Automaton::new(pats);
            let mut got = Vec::new();
            ac.for_each_overlapping(text.as_bytes(), |p, s, e| got.push((p, s, e)));
            got.sort();
            assert_eq!(
                got,
                naive_all(pats, text.as_bytes()),
                "{pats:?} in {text:?}"
            );
            assert_eq!(
                Lexicon::new(pats)
                    .leftmost_longest(text.as_bytes())
                    .collect::<Vec<_>>(),
                naive_leftmost_longest(pats, text.as_bytes()),
                "{pats:?} in {text:?}"
            );
        }
    }

    #[test]
    fn automaton_agrees_with_brute_force_on_generated_text() {
        // a small alphabet makes overlaps and shared prefixes common
        let pats = ["ab", "aba", "b a", "bab", "a", "baa b", "Ab a", "aa"];
        let mut seed = 0x2545_f491_u32;
        for _ in 0..300 {
            let mut hay = Vec::new();
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                hay.push(b"abAB  "[(seed % 6) as usize]);
            }
            let ac = Automaton::new(&pats);
            let mut got = Vec::new();
            ac.for_each_overlapping(&hay, |p, s, e| got.push((p, s, e)));
            got.sort();
            assert_eq!(got, naive_all(&pats, &hay));
            assert_eq!(
                Lexicon::new(&pats)
                    .leftmost_longest(&hay)
                    .collect::<Vec<_>>(),
                naive_leftmost_longest(&pats, &hay)
            );
        }
    }
}

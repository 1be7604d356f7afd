//! Word lists matched on word boundaries, case-insensitively, in one pass
//! (aho-corasick). Every rule's vocabulary is a `Lexicon`.
//!
//! The automaton is built here rather than with the `aho-corasick` crate:
//! its full DFA took milliseconds to build per list (most of a short draft's
//! run), its NFAs match several times slower, and a classic automaton with a
//! dense, byte-class transition table builds in a fraction of a millisecond
//! and matches as fast.

use crate::span::Span;

/// A classic Aho-Corasick automaton over ASCII case-folded patterns with a
/// full transition table: one table look-up per haystack byte. Reports every
/// occurrence of every pattern, overlapping.
pub struct Automaton {
    /// Byte → column (0: a byte no pattern holds). Upper-case ASCII letters
    /// share their lower-case column.
    class: Box<[u8; 256]>,
    stride: usize,
    /// (state × stride + column) → next state, pre-multiplied by `stride`,
    /// with [`HIT`] set when the next state ends a pattern (itself or along
    /// its suffix chain).
    trans: Vec<u32>,
    /// State → first pattern ending there (`NONE` if none).
    out: Vec<u32>,
    /// State → nearest proper suffix state that ends a pattern (0: none).
    link: Vec<u32>,
    /// Pattern → next pattern ending at the same state (`NONE` if none).
    more: Vec<u32>,
    /// Pattern → length in bytes.
    plen: Vec<u32>,
}

const HIT: u32 = 1 << 31;
const NONE: u32 = u32::MAX;

impl Automaton {
    pub fn new<S: AsRef<[u8]>>(patterns: &[S]) -> Automaton {
        let mut class = Box::new([0u8; 256]);
        let mut n = 0usize;
        for p in patterns {
            for &b in p.as_ref() {
                let l = usize::from(b.to_ascii_lowercase());
                if class[l] == 0 {
                    n += 1;
                    // at most 256 - 26 distinct folded bytes: fits in u8
                    class[l] = n as u8;
                }
            }
        }
        for b in b'A'..=b'Z' {
            class[usize::from(b)] = class[usize::from(b.to_ascii_lowercase())];
        }
        let stride = n + 1;
        // the trie (states are indices; 0 is the root)
        let mut trans = vec![0u32; stride];
        let mut out = vec![NONE];
        let mut last = vec![NONE];
        let mut more = vec![NONE; patterns.len()];
        let mut plen = vec![0u32; patterns.len()];
        for (id, p) in patterns.iter().enumerate() {
            let p = p.as_ref();
            plen[id] = p.len() as u32;
            if p.is_empty() {
                continue;
            }
            let mut state = 0usize;
            for &b in p {
                let slot = state * stride + usize::from(class[usize::from(b)]);
                if trans[slot] == 0 {
                    trans[slot] = out.len() as u32;
                    out.push(NONE);
                    last.push(NONE);
                    trans.resize(trans.len() + stride, 0);
                }
                state = trans[slot] as usize;
            }
            if out[state] == NONE {
                out[state] = id as u32;
            } else {
                more[last[state] as usize] = id as u32;
            }
            last[state] = id as u32;
        }
        // failure and output links, breadth first; missing transitions
        // borrow the failure state's
        let states = out.len();
        let mut fail = vec![0u32; states];
        let mut link = vec![0u32; states];
        let mut hit = vec![false; states];
        let mut queue: Vec<u32> = (1..stride).map(|c| trans[c]).filter(|&v| v != 0).collect();
        let mut qi = 0;
        while let Some(&u) = queue.get(qi) {
            qi += 1;
            let u = u as usize;
            let f = fail[u] as usize;
            link[u] = if out[f] != NONE { f as u32 } else { link[f] };
            hit[u] = out[u] != NONE || link[u] != 0;
            for c in 1..stride {
                let v = trans[u * stride + c];
                if v != 0 {
                    fail[v as usize] = trans[f * stride + c];
                    queue.push(v);
                } else {
                    trans[u * stride + c] = trans[f * stride + c];
                }
            }
        }
        for t in trans.iter_mut() {
            let v = *t as usize;
            *t = (v * stride) as u32 | if hit[v] { HIT } else { 0 };
        }
        Automaton {
            class,
            stride,
            trans,
            out,
            link,
            more,
            plen,
        }
    }

    /// Calls `f(pattern, start, end)` for every occurrence of every pattern
    /// in `hay`, in order of end.
    #[inline]
    pub fn for_each_overlapping(&self, hay: &[u8], mut f: impl FnMut(usize, usize, usize)) {
        let mut s = 0usize;
        for (i, &b) in hay.iter().enumerate() {
            let t = self.trans[s + usize::from(self.class[usize::from(b)])];
            s = (t & !HIT) as usize;
            if t & HIT != 0 {
                let mut state = s / self.stride;
                while state != 0 {
                    let mut p = self.out[state];
                    while p != NONE {
                        f(p as usize, i + 1 - self.plen[p as usize] as usize, i + 1);
                        p = self.more[p as usize];
                    }
                    state = self.link[state] as usize;
                }
            }
        }
    }

    /// Leftmost-longest, non-overlapping matches as (pattern, start, end):
    /// from where the last match ended, the earliest start, the longest
    /// pattern there, the first-listed pattern among equals.
    pub fn leftmost_longest(&self, hay: &[u8]) -> Vec<(usize, usize, usize)> {
        let mut all = Vec::new();
        self.for_each_overlapping(hay, |p, s, e| all.push((s, std::cmp::Reverse(e), p)));
        if all.is_empty() {
            return Vec::new();
        }
        all.sort_unstable();
        let mut out = Vec::with_capacity(all.len());
        let mut at = 0;
        for (s, std::cmp::Reverse(e), p) in all {
            if s >= at {
                out.push((p, s, e));
                at = e;
            }
        }
        out
    }
}

pub struct Lexicon {
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
        let words: Vec<&[u8]> = words.iter().map(|w| w.as_ref().as_bytes()).collect();
        Lexicon {
            automaton: Automaton::new(&words),
            len: words.len(),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whole-word matches inside `span` of `text`: the leftmost-longest
    /// matches that stand on word boundaries.
    pub fn find_in<'a>(&'a self, text: &'a str, span: Span) -> impl Iterator<Item = Hit> + 'a {
        let bytes = text.as_bytes();
        let start = span.start.min(bytes.len());
        let hay = &bytes[start..span.end.clamp(start, bytes.len())];
        self.automaton
            .leftmost_longest(hay)
            .into_iter()
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
                ac.leftmost_longest(text.as_bytes()),
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
                ac.leftmost_longest(&hay),
                naive_leftmost_longest(&pats, &hay)
            );
        }
    }
}

//! Word lists matched on word boundaries, case-insensitively (ASCII), in one
//! pass. Every rule's vocabulary is a `Lexicon`.
//!
//! The automata are Aho-Corasick DFAs with a full transition table over
//! byte classes: one table load per byte of text, with ASCII case folded by
//! the byte-to-class map, so the text is never copied. The lists are small
//! (a few thousand states), so the table builds in well under a millisecond.
//!
//! Why not a crate, measured on `check` of a 50,000-word draft (callgrind):
//! daachorse's double array, used before, cost about four times as many
//! instructions per byte and needed a folded copy of every haystack (216M
//! instructions in all against 202M); the `aho-corasick` crate's full DFA
//! matches at the same speed but takes milliseconds to build each list (237M
//! in all, and a one-sentence draft 42M instead of 6.5M). The automaton is
//! checked against brute force in the tests below.

use crate::span::Span;

/// Every occurrence of every pattern, overlapping, ASCII case-insensitive.
pub struct Automaton {
    /// Byte → column of the table: each byte of the folded patterns has its
    /// own (an ASCII capital shares its small letter's); every other byte
    /// shares column 0, which leads back to the start from every state.
    column: [u8; 256],
    /// Columns per state: a state's row starts at `state * width`.
    width: usize,
    /// `table[row + column]`: the row of the state after the byte. The start
    /// state is row 0; the states that end a pattern come last, from row
    /// `first_ending_row` on, so one comparison per byte finds them.
    table: Vec<u32>,
    first_ending_row: u32,
    /// Per state from `first_ending_row` on: the range of `ends` it reports.
    ends_at: Vec<(u32, u32)>,
    /// Distinct folded patterns that end in a state, longest first.
    ends: Vec<u32>,
    /// Distinct folded pattern → its length.
    lens: Vec<u32>,
    /// Distinct folded pattern → the caller's pattern indices.
    ids: Vec<Vec<u32>>,
    /// The longest pattern's length in bytes.
    max_len: usize,
}

impl Automaton {
    pub fn new<S: AsRef<[u8]>>(patterns: &[S]) -> Automaton {
        let mut column = [0u8; 256];
        let mut width = 1;
        for &b in patterns.iter().flat_map(|p| p.as_ref()) {
            let b = b.to_ascii_lowercase();
            if column[b as usize] == 0 {
                assert!(width < 256, "at most 255 distinct pattern bytes");
                column[b as usize] = width as u8;
                width += 1;
            }
        }
        for b in b'A'..=b'Z' {
            column[b as usize] = column[b.to_ascii_lowercase() as usize];
        }
        // The trie of the folded patterns; equal ones end in one state and
        // become one distinct pattern. A state's children are a list:
        // `first_child`, then `sibling`s; `label`: the column leading in.
        const NONE: u32 = u32::MAX;
        let mut first_child: Vec<u32> = vec![NONE];
        let mut sibling: Vec<u32> = vec![NONE];
        let mut label: Vec<u8> = vec![0];
        let child = |first_child: &[u32], sibling: &[u32], label: &[u8], s: usize, c: u8| {
            let mut t = first_child[s];
            while t != NONE && label[t as usize] != c {
                t = sibling[t as usize];
            }
            t
        };
        let mut own: Vec<u32> = vec![NONE];
        let mut lens: Vec<u32> = Vec::new();
        let mut ids: Vec<Vec<u32>> = Vec::new();
        for (id, pattern) in patterns.iter().enumerate() {
            let pattern = pattern.as_ref();
            if pattern.is_empty() {
                continue;
            }
            let mut state = 0usize;
            for &b in pattern {
                let c = column[b as usize];
                let mut t = child(&first_child, &sibling, &label, state, c);
                if t == NONE {
                    t = own.len() as u32;
                    sibling.push(first_child[state]);
                    first_child[state] = t;
                    first_child.push(NONE);
                    label.push(c);
                    own.push(NONE);
                }
                state = t as usize;
            }
            if own[state] == NONE {
                own[state] = lens.len() as u32;
                lens.push(pattern.len() as u32);
                ids.push(Vec::new());
            }
            ids[own[state] as usize].push(id as u32);
        }
        let states = own.len();
        assert!(states * width <= u32::MAX as usize, "rows fit in 32 bits");
        // Failure links breadth first; `also[s]`: the nearest state down
        // the failure chain that ends a pattern.
        let mut fail = vec![0u32; states];
        let mut also = vec![NONE; states];
        let mut order = vec![0usize];
        let mut k = 0;
        while k < order.len() {
            let s = order[k];
            k += 1;
            let mut t = first_child[s];
            while t != NONE {
                let tu = t as usize;
                if s != 0 {
                    let c = label[tu];
                    let mut f = fail[s] as usize;
                    fail[tu] = loop {
                        let g = child(&first_child, &sibling, &label, f, c);
                        if g != NONE {
                            break g;
                        }
                        if f == 0 {
                            break 0;
                        }
                        f = fail[f] as usize;
                    };
                    let f = fail[tu] as usize;
                    also[tu] = if own[f] != NONE { f as u32 } else { also[f] };
                }
                order.push(tu);
                t = sibling[tu];
            }
        }
        // Renumber: the states that end no pattern first, then the rest,
        // each in breadth-first order.
        let ending = |s: usize| own[s] != NONE || also[s] != NONE;
        let mut renamed = vec![0u32; states];
        let mut by_new: Vec<usize> = order.iter().copied().filter(|&s| !ending(s)).collect();
        let first_ending = by_new.len();
        by_new.extend(order.iter().copied().filter(|&s| ending(s)));
        for (new, &old) in by_new.iter().enumerate() {
            renamed[old] = new as u32;
        }
        // A state's row is its failure state's with its own children put
        // in; breadth first, the failure state's row is already there.
        // Padded to a power of two, so that a scan can index it masked,
        // without a bounds check per byte.
        let mut table = vec![0u32; (states * width).next_power_of_two()];
        for &s in &order {
            let row = renamed[s] as usize * width;
            if s != 0 {
                let fail_row = renamed[fail[s] as usize] as usize * width;
                table.copy_within(fail_row..fail_row + width, row);
            }
            let mut t = first_child[s];
            while t != NONE {
                table[row + label[t as usize] as usize] = renamed[t as usize] * width as u32;
                t = sibling[t as usize];
            }
        }
        let mut ends = Vec::new();
        let mut ends_at = Vec::new();
        for &old in &by_new[first_ending..] {
            let from = ends.len() as u32;
            let mut s = if own[old] != NONE {
                old as u32
            } else {
                also[old]
            };
            while s != NONE {
                ends.push(own[s as usize]);
                s = also[s as usize];
            }
            ends_at.push((from, ends.len() as u32));
        }
        Automaton {
            column,
            width,
            table,
            first_ending_row: (first_ending * width) as u32,
            ends_at,
            ends,
            max_len: lens.iter().max().map_or(0, |&l| l as usize),
            lens,
            ids,
        }
    }

    /// Calls `f(pattern, start, end)` for every occurrence of every pattern
    /// in `hay`, in order of end (the longest first among equal ends).
    pub fn for_each_overlapping(&self, hay: &[u8], mut f: impl FnMut(usize, usize, usize)) {
        if self.ids.is_empty() {
            return;
        }
        if hay.len() >= 2 * self.max_len + 32 {
            self.two_walks(hay, &mut f);
        } else {
            self.walk_from(hay, 0, 0, &mut f);
        }
    }

    /// One walk of the table from state `row` at `hay[i]` to the end.
    fn walk_from(&self, hay: &[u8], i: usize, row: u32, f: &mut impl FnMut(usize, usize, usize)) {
        // The table walk runs in a function of its own up to each ending
        // state (rare), so nothing of the reporting competes with it for
        // registers.
        let (mut i, mut row) = (i, row);
        while let Some((end, ending)) = self.next_ending(hay, i, row) {
            self.report(ending, end, f);
            (i, row) = (end, ending);
        }
    }

    /// What [`Automaton::walk_from`] reports from the start, from two walks
    /// taken in step: the first half of `hay` from the start, and the rest
    /// from `max_len` bytes before the middle. A state is the longest
    /// pattern prefix ending at the byte, no longer than `max_len`, so by
    /// the middle the second walk is in the state the first would be in.
    /// Each step of a walk waits for the table load before it; two walks
    /// that do not depend on each other wait at the same time.
    #[inline(never)]
    fn two_walks(&self, hay: &[u8], f: &mut impl FnMut(usize, usize, usize)) {
        let mask = self.table.len() - 1;
        let table = &self.table[..=mask];
        let column = &self.column;
        let first_ending_row = self.first_ending_row as usize;
        let mid = hay.len() / 2;
        let second = mid - self.max_len;
        // The second walk's endings past the middle wait for the first's.
        let mut later: smallvec::SmallVec<[(usize, u32); 8]> = smallvec::SmallVec::new();
        let (mut a, mut b) = (0usize, 0usize);
        // The first half is the shorter: it ends with the loop.
        for (k, (&x, &y)) in hay[..mid].iter().zip(&hay[second..]).enumerate() {
            a = table[(a + column[x as usize] as usize) & mask] as usize;
            b = table[(b + column[y as usize] as usize) & mask] as usize;
            if a >= first_ending_row {
                self.report(a as u32, k + 1, f);
            }
            if b >= first_ending_row && second + k + 1 > mid {
                later.push((second + k + 1, b as u32));
            }
        }
        for (end, row) in later {
            self.report(row, end, f);
        }
        self.walk_from(hay, second + mid, b as u32, f);
    }

    /// From state `row` at `hay[i]`: the end of the first byte after which
    /// the state ends a pattern, and that state.
    #[inline(never)]
    fn next_ending(&self, hay: &[u8], mut i: usize, row: u32) -> Option<(usize, u32)> {
        let mask = self.table.len() - 1;
        let table = &self.table[..=mask];
        let column = &self.column;
        let first_ending_row = self.first_ending_row as usize;
        let mut row = row as usize;
        // Four bytes a round: one bounds check for the four.
        while let Some(chunk) = hay.get(i..i + 4) {
            for (k, &b) in chunk.iter().enumerate() {
                row = table[(row + column[b as usize] as usize) & mask] as usize;
                if row >= first_ending_row {
                    return Some((i + k + 1, row as u32));
                }
            }
            i += 4;
        }
        while i < hay.len() {
            row = table[(row + column[hay[i] as usize] as usize) & mask] as usize;
            i += 1;
            if row >= first_ending_row {
                return Some((i, row as u32));
            }
        }
        None
    }

    /// Calls `f` for the patterns that end at `end` in state `row`.
    fn report(&self, row: u32, end: usize, f: &mut impl FnMut(usize, usize, usize)) {
        let ending = (row - self.first_ending_row) as usize / self.width;
        let (from, to) = self.ends_at[ending];
        for &p in &self.ends[from as usize..to as usize] {
            let start = end - self.lens[p as usize] as usize;
            for &id in &self.ids[p as usize] {
                f(id as usize, start, end);
            }
        }
    }
}

/// Word lists matched on word boundaries. A lexicon may hold several lists,
/// matched in one scan: each list's hits are the ones a lexicon of that list
/// alone would find.
pub struct Lexicon {
    /// Every occurrence of every word of every list; the lists' hits are
    /// picked among them.
    automaton: Automaton,
    /// Where each list starts among the automaton's patterns, then the end.
    list_starts: Vec<usize>,
    /// Pattern → its list.
    list_of: Vec<u32>,
}

/// An occurrence of a pattern as [`Lexicon::leftmost_longest`] sorts them:
/// (list, start, end, pattern), by list, start, longest, first listed.
type Occurrence = (u32, usize, std::cmp::Reverse<usize>, usize);

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
        Lexicon::with_lists(&[words])
    }

    /// One lexicon of several lists (see [`Lexicon::find_in_lists`]).
    pub fn with_lists<S: AsRef<str>>(lists: &[&[S]]) -> Lexicon {
        let bytes: Vec<&[u8]> = lists
            .iter()
            .flat_map(|list| list.iter().map(|w| w.as_ref().as_bytes()))
            .collect();
        let mut list_starts = vec![0];
        let mut list_of = Vec::new();
        for (l, list) in lists.iter().enumerate() {
            list_starts.push(list_starts[l] + list.len());
            list_of.extend(std::iter::repeat_n(l as u32, list.len()));
        }
        Lexicon {
            automaton: Automaton::new(&bytes),
            list_starts,
            list_of,
        }
    }

    pub fn len(&self) -> usize {
        self.list_starts[self.list_starts.len() - 1]
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each list's leftmost-longest matches in `hay`, as (list, pattern,
    /// start, end) in order of list then start: from where the list's last
    /// match ended, the earliest start, the longest pattern there, the
    /// first-listed pattern among equals. `pattern` counts over all lists.
    fn leftmost_longest(&self, hay: &[u8], mut f: impl FnMut(usize, usize, usize, usize)) {
        // The occurrences go in a buffer kept per thread (taken, so a nested
        // call just gets a fresh one): most sentences have a few.
        thread_local! {
            static ALL: std::cell::Cell<Vec<Occurrence>> = const { std::cell::Cell::new(Vec::new()) };
        }
        let mut all = ALL.take();
        all.clear();
        self.automaton.for_each_overlapping(hay, |p, s, e| {
            all.push((self.list_of[p], s, std::cmp::Reverse(e), p));
        });
        all.sort_unstable();
        let mut at = (u32::MAX, 0);
        for &(list, s, std::cmp::Reverse(e), p) in &all {
            if list != at.0 || s >= at.1 {
                at = (list, e);
                f(list as usize, p, s, e);
            }
        }
        ALL.set(all);
    }

    /// Each list's whole-word matches inside `span` of `text` (`N`: the
    /// number of lists): the leftmost-longest matches that stand on word
    /// boundaries, with `pattern` counted within the list.
    pub fn find_in_lists<const N: usize>(&self, text: &str, span: Span) -> [Vec<Hit>; N] {
        assert_eq!(N + 1, self.list_starts.len(), "one result per list");
        let mut out = std::array::from_fn(|_| Vec::new());
        self.for_each_in_lists(text, span, |list, hit| out[list].push(hit));
        out
    }

    /// [`Lexicon::find_in_lists`] without the vectors: `f(list, hit)` for
    /// each list's hits in turn, in order of start.
    pub fn for_each_in_lists(&self, text: &str, span: Span, mut f: impl FnMut(usize, Hit)) {
        self.for_each_in_lists_raw(text, span, |list, hit, whole_word| {
            if whole_word {
                f(list, hit);
            }
        });
    }

    /// Each list's leftmost-longest matches inside `span` of `text`, whole
    /// words or not: `f(list, hit, whole_word)`, each list in turn, in order
    /// of start. [`Lexicon::for_each_in_lists`] keeps the whole words.
    pub fn for_each_in_lists_raw(
        &self,
        text: &str,
        span: Span,
        mut f: impl FnMut(usize, Hit, bool),
    ) {
        let bytes = text.as_bytes();
        let start = span.start.min(bytes.len());
        let hay = &bytes[start..span.end.clamp(start, bytes.len())];
        self.leftmost_longest(hay, |list, p, s, e| {
            let (s, e) = (start + s, start + e);
            let before_ok = s == 0 || !is_word_byte(bytes[s - 1]) || bytes[s - 1] == b'\'';
            let after_ok = e >= bytes.len() || !is_word_byte(bytes[e]) || bytes[e] == b'\'';
            // Patterns that themselves end in a non-word char (e.g. "U.S.") are fine.
            f(
                list,
                Hit {
                    pattern: p - self.list_starts[list],
                    span: Span::new(s, e),
                },
                before_ok && after_ok,
            );
        });
    }

    /// Whole-word matches inside `span` of `text`: the leftmost-longest
    /// matches that stand on word boundaries (a lexicon of one list).
    pub fn find_in(&self, text: &str, span: Span) -> impl Iterator<Item = Hit> {
        let [hits] = self.find_in_lists(text, span);
        hits.into_iter()
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

    /// A one-list lexicon's leftmost-longest matches as (pattern, start, end).
    fn one_list(lex: &Lexicon, hay: &[u8]) -> Vec<(usize, usize, usize)> {
        let mut all = Vec::new();
        lex.leftmost_longest(hay, |list, p, s, e| {
            assert_eq!(list, 0);
            all.push((p, s, e));
        });
        all
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
                one_list(&Lexicon::new(pats), text.as_bytes()),
                naive_leftmost_longest(pats, text.as_bytes()),
                "{pats:?} in {text:?}"
            );
        }
    }

    #[test]
    fn occurrences_come_in_order_of_end_longest_first() {
        let ac = Automaton::new(&["b", "abc", "bc", "c", "BC"]);
        let mut got = Vec::new();
        ac.for_each_overlapping(b"xABCbc", |p, s, e| got.push((p, s, e)));
        let want = [
            (0, 2, 3),
            (1, 1, 4),
            (2, 2, 4),
            (4, 2, 4),
            (3, 3, 4),
            (0, 4, 5),
            (2, 4, 6),
            (4, 4, 6),
            (3, 5, 6),
        ];
        assert_eq!(got, want);
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
                one_list(&Lexicon::new(&pats), &hay),
                naive_leftmost_longest(&pats, &hay)
            );
        }
    }

    /// The two walks report what one walk from the start reports, in the
    /// same order, on texts of every length around the split's threshold.
    #[test]
    fn two_walks_report_what_one_walk_does() {
        let sets: &[&[&str]] = &[
            &["ab", "aba", "b a", "bab", "a", "baa b", "Ab a", "aa"],
            &["abab abab", "b", "ba ab ba", "aaaa", "ab"],
            &["a"],
            &["bbbbbbbbbbbbbbbbbbbba", "ab a", "b"],
        ];
        let mut seed = 0x9e37_79b9_u32;
        for pats in sets {
            let ac = Automaton::new(pats);
            for len in 0..260 {
                let mut hay = Vec::with_capacity(len);
                for _ in 0..len {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    hay.push(b"abAB  b"[(seed % 7) as usize]);
                }
                let mut one = Vec::new();
                ac.walk_from(&hay, 0, 0, &mut |p, s, e| one.push((p, s, e)));
                let mut got = Vec::new();
                ac.for_each_overlapping(&hay, |p, s, e| got.push((p, s, e)));
                assert_eq!(got, one, "{pats:?} in {:?}", String::from_utf8_lossy(&hay));
                let mut all = one.clone();
                all.sort();
                assert_eq!(all, naive_all(pats, &hay));
            }
        }
    }

    #[test]
    fn lists_scanned_together_match_as_if_alone() {
        let first: &[&str] = &["will vote", "vote", "ill v", "the"];
        let second: &[&str] = &["will", "vote", "voted", "e v"];
        let both = Lexicon::with_lists(&[first, second]);
        assert_eq!(both.len(), 8);
        for text in [
            "Swill vote; will VOTE; illvote",
            "They voted. The vote will vote the vote.",
            "the v",
            "",
        ] {
            let span = Span::new(0, text.len());
            let [a, b] = both.find_in_lists(text, span);
            assert_eq!(
                a,
                Lexicon::new(first).find_in(text, span).collect::<Vec<_>>()
            );
            assert_eq!(
                b,
                Lexicon::new(second).find_in(text, span).collect::<Vec<_>>()
            );
        }
        let text = "They will vote.";
        let [a, b] = both.find_in_lists(text, Span::new(0, text.len()));
        assert_eq!((a.len(), a[0].pattern), (1, 0));
        assert_eq!((b.len(), b[0].pattern, b[1].pattern), (2, 0, 1));
    }
}

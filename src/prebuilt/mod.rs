//! Regexes compiled to DFAs when the crate is built. `build.rs` compiles
//! the patterns of [`patterns`] (the actor patterns in their ASCII form) to
//! anchored, leftmost-first DFAs, dense (fast) for the most searched and
//! sparse (a tenth of the size) for the rest; a run reads one in place on
//! first use instead of parsing and compiling its regex, which took most of
//! a short draft's run time (tens of millions of instructions).
//!
//! A search tries each start in turn, from the left: the first start where
//! the anchored DFA matches gives the leftmost-first match, ended where the
//! patterns' priority says. A table built on load gives the state after the
//! first byte and so skips the starts where the DFA dies at once. Every
//! pattern matches only non-empty text (build.rs checks), so a search goes
//! on from the end of a match.

pub mod patterns;

use regex_automata::dfa::{dense, sparse, Automaton};
use regex_automata::util::{primitives::StateID, start};
use regex_automata::{meta, Anchored};
use std::ops::Range;
use std::sync::OnceLock;

/// Bytes aligned for a dense DFA (its transitions are `u32`s, read in
/// place), as the regex-automata docs show.
#[repr(C)]
pub struct Aligned<B: ?Sized> {
    pub _align: [u32; 0],
    pub bytes: B,
}

/// The prebuilt DFA of the [`patterns::specs`] entry `$name`.
macro_rules! dfa {
    ($name:literal) => {
        $crate::prebuilt::Dfa::new($name, {
            static BYTES: &$crate::prebuilt::Aligned<[u8]> = &$crate::prebuilt::Aligned {
                _align: [],
                bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".dfa")),
            };
            &BYTES.bytes
        })
    };
}
pub(crate) use dfa;

/// A prebuilt DFA, read on first use.
pub struct Dfa {
    name: &'static str,
    bytes: &'static [u8],
    loaded: OnceLock<Option<Loaded>>,
}

/// A DFA in either format build.rs writes.
enum Loaded {
    Dense(Search<dense::DFA<&'static [u32]>>),
    /// With its number for [`Steps`] (0: it keeps none).
    Sparse(Search<sparse::DFA<&'static [u8]>>, u64),
}

/// A sparse DFA finds a state's transition by decoding the state and
/// searching its ranges, several times the cost of a dense look-up; most
/// searches take the same few transitions again and again. So each thread
/// keeps the transitions its sparse DFAs took, by DFA, state and byte, in
/// a table where a newer one takes an older one's slot.
struct Steps {
    /// (key, next state); key 0 is an empty slot.
    slots: Vec<(u64, StateID)>,
}

impl Steps {
    /// A power of two: 64 KiB a thread.
    const SLOTS: usize = 4096;

    /// The state after `b` in `sid` of the sparse DFA numbered `n`.
    #[inline]
    fn next(&mut self, dfa: &sparse::DFA<&'static [u8]>, n: u64, sid: StateID, b: u8) -> StateID {
        // (DFA numbers start at 1: no key is 0)
        let key = n << 40 | (sid.as_u64() << 8) | u64::from(b);
        let slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize;
        let e = &mut self.slots[slot & (Self::SLOTS - 1)];
        if e.0 != key {
            *e = (key, dfa.next_state(sid, b));
        }
        e.1
    }
}

thread_local! {
    static STEPS: std::cell::RefCell<Steps> = const {
        std::cell::RefCell::new(Steps { slots: Vec::new() })
    };
}

/// The number of the next sparse DFA read (see [`Steps`]).
static SPARSE_READ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

struct Search<A> {
    dfa: A,
    /// For each byte before a start (index 256: none, the haystack's start),
    /// its anchored start state, an index of `first`.
    row: [u8; 257],
    /// For each anchored start state, the state after each first byte
    /// (the start states' transitions are the costliest to look up).
    first: Vec<[StateID; 256]>,
    /// For each byte, whether no match starts right after it (every first
    /// byte leads to the dead state): inside a word, for the patterns that
    /// start at a `\b`, which lets the search run over words quickly.
    starts_none_after: [bool; 256],
}

/// A match: the index of the pattern that matched, and its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

/// The DFA could not serve a search: the caller compiles its regex instead.
/// (It does not happen: the bytes come from build.rs, with no quit bytes or
/// other ways to give up configured; a test reads every DFA.)
#[derive(Debug)]
pub struct Unavailable;

impl Dfa {
    pub const fn new(name: &'static str, bytes: &'static [u8]) -> Dfa {
        Dfa {
            name,
            bytes,
            loaded: OnceLock::new(),
        }
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    fn loaded(&self) -> Result<&Loaded, Unavailable> {
        self.loaded
            .get_or_init(|| Loaded::new(self.bytes))
            .as_ref()
            .ok_or(Unavailable)
    }

    /// The leftmost-first match that starts at or after `from`.
    pub fn find_at(&self, hay: &str, from: usize) -> Result<Option<Hit>, Unavailable> {
        self.loaded()?.find_at(hay.as_bytes(), from, false)
    }

    pub fn is_match(&self, hay: &str) -> Result<bool, Unavailable> {
        Ok(self.loaded()?.find_at(hay.as_bytes(), 0, true)?.is_some())
    }

    /// The successive non-overlapping leftmost-first matches.
    pub fn find_all(&self, hay: &str) -> Result<Vec<Hit>, Unavailable> {
        let l = self.loaded()?;
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(h) = l.find_at(hay.as_bytes(), at, false)? {
            at = h.end;
            out.push(h);
        }
        Ok(out)
    }
}

impl Loaded {
    /// Reads the DFA in `bytes` (a dense one if its header says so, else a
    /// sparse one) without validating its transitions.
    fn new(bytes: &'static [u8]) -> Option<Loaded> {
        // SAFETY: `bytes` is exactly what build.rs wrote with
        // `to_bytes_{little,big}_endian` (in the target's byte order) for a
        // DFA that regex-automata built, and the build script and this crate
        // use the one regex-automata of Cargo.lock. The reads still check
        // the header (format, byte order, version) and the alignment (see
        // `dfa!`); they skip the validation of every transition, which took
        // more time than the searches of a long draft. The test
        // `every_dfa_reads` runs that validation on every DFA.
        if let Ok((dfa, _)) = unsafe { dense::DFA::from_bytes_unchecked(bytes) } {
            return Search::new(dfa).map(Loaded::Dense);
        }
        let (dfa, _) = unsafe { sparse::DFA::from_bytes_unchecked(bytes) }.ok()?;
        // (state ids are below 2^32, so keys collide only if numbers reach
        // 2^24: a run reads a dozen DFAs, but should one read more, those
        // get number 0, no table)
        let n = SPARSE_READ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let n = if n < 1 << 24 { n } else { 0 };
        Search::new(dfa).map(|s| Loaded::Sparse(s, n))
    }

    fn find_at(&self, hay: &[u8], from: usize, earliest: bool) -> Result<Option<Hit>, Unavailable> {
        match self {
            Loaded::Dense(s) => {
                s.find_at(hay, from, earliest, &mut |sid, b| s.dfa.next_state(sid, b))
            }
            Loaded::Sparse(s, n) => STEPS.with(|steps| {
                let (Ok(mut steps), 1..) = (steps.try_borrow_mut(), *n) else {
                    // (no table for a DFA numbered 0, nor while the table is
                    // in use, were searches ever reentrant)
                    return s.find_at(hay, from, earliest, &mut |sid, b| s.dfa.next_state(sid, b));
                };
                if steps.slots.is_empty() {
                    steps.slots = vec![(0, StateID::ZERO); Steps::SLOTS];
                }
                s.find_at(hay, from, earliest, &mut |sid, b| {
                    steps.next(&s.dfa, *n, sid, b)
                })
            }),
        }
    }
}

impl<A: Automaton> Search<A> {
    fn new(dfa: A) -> Option<Search<A>> {
        let mut starts = Vec::new();
        let mut row = [0u8; 257];
        for (i, r) in row.iter_mut().enumerate() {
            let before = u8::try_from(i).ok();
            let config = start::Config::new()
                .anchored(Anchored::Yes)
                .look_behind(before);
            let sid = dfa.start_state(&config).ok()?;
            let k = match starts.iter().position(|&s| s == sid) {
                Some(k) => k,
                None => {
                    starts.push(sid);
                    starts.len() - 1
                }
            };
            *r = u8::try_from(k).ok()?;
        }
        let first: Vec<[StateID; 256]> = starts
            .iter()
            .map(|&sid| {
                let mut next = [sid; 256];
                for (b, n) in (0..=255u8).zip(next.iter_mut()) {
                    *n = dfa.next_state(sid, b);
                }
                next
            })
            .collect();
        let dead_row: Vec<bool> = first
            .iter()
            .map(|next| next.iter().all(|&sid| dfa.is_dead_state(sid)))
            .collect();
        let mut starts_none_after = [false; 256];
        for (b, none) in starts_none_after.iter_mut().enumerate() {
            *none = dead_row[usize::from(row[b])];
        }
        Some(Search {
            dfa,
            row,
            first,
            starts_none_after,
        })
    }

    /// The first start at or after `from` where the anchored DFA matches.
    /// (A match is never empty, so a start at the end cannot match.)
    fn find_at(
        &self,
        hay: &[u8],
        from: usize,
        earliest: bool,
        next: &mut impl FnMut(StateID, u8) -> StateID,
    ) -> Result<Option<Hit>, Unavailable> {
        let mut p = from;
        while p < hay.len() {
            if p > 0 && self.starts_none_after[usize::from(hay[p - 1])] {
                p += 1;
                continue;
            }
            let before = if p == 0 { 256 } else { usize::from(hay[p - 1]) };
            let sid = self.first[usize::from(self.row[before])][usize::from(hay[p])];
            if !self.dfa.is_dead_state(sid) {
                if let Some((pattern, end)) = self.match_from(hay, p, sid, earliest, next)? {
                    return Ok(Some(Hit {
                        pattern,
                        start: p,
                        end,
                    }));
                }
            }
            p += 1;
        }
        Ok(None)
    }

    /// The rest of the anchored search from `p`, in state `sid` after the
    /// byte at `p` (the loop of `try_search_fwd`, without its set-up): the
    /// pattern and end of the match, if any. Matches are delayed by a byte:
    /// the state after the byte at `at` tells of a match that ends at `at`.
    fn match_from(
        &self,
        hay: &[u8],
        p: usize,
        mut sid: StateID,
        earliest: bool,
        next: &mut impl FnMut(StateID, u8) -> StateID,
    ) -> Result<Option<(usize, usize)>, Unavailable> {
        let dfa = &self.dfa;
        let mut found = None;
        let mut at = p;
        loop {
            if dfa.is_special_state(sid) {
                if dfa.is_match_state(sid) {
                    found = Some((dfa.match_pattern(sid, 0).as_usize(), at));
                    if earliest {
                        return Ok(found);
                    }
                } else if dfa.is_dead_state(sid) {
                    return Ok(found);
                } else if dfa.is_quit_state(sid) {
                    return Err(Unavailable);
                }
                // (start and accelerated states go on as any other)
            }
            at += 1;
            let Some(&b) = hay.get(at) else {
                break;
            };
            sid = next(sid, b);
        }
        sid = dfa.next_eoi_state(sid);
        if dfa.is_match_state(sid) {
            found = Some((dfa.match_pattern(sid, 0).as_usize(), hay.len()));
        }
        Ok(found)
    }
}

/// Is `text` plain: ASCII, white space and [`patterns::NEUTRAL`] only? On
/// it, Unicode and ASCII word boundaries, classes and case folding agree.
pub fn plain(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| c.is_ascii() || c.is_whitespace() || patterns::NEUTRAL.contains(&c))
}

/// Any text.
pub fn any(_: &str) -> bool {
    true
}

/// Death words ([`patterns::DEATH_HINT`]).
pub static DEATH_HINT: Regex = Regex::new(dfa!("death_hint"), patterns::DEATH_HINT, any);

/// The rest of a "calls to X ..." sentence says the attempt failed
/// ([`patterns::FAILED`]; its last `\b` is Unicode: the DFA serves plain
/// text).
pub static FAILED: Regex = Regex::new(dfa!("failed"), patterns::FAILED, plain);

/// A percentage or a change in percentage points ([`patterns::PERCENT`]).
pub static PERCENT: Regex = Regex::new(dfa!("percent"), patterns::PERCENT, any);

/// A verb of feeling before a group-sentiment word
/// ([`patterns::GROUP_FEELS`]).
pub static GROUP_FEELS: Regex = Regex::new(dfa!("group_feels"), patterns::GROUP_FEELS, any);

/// Nouns that refer back to an event: "the vote", "the recall", "the
/// closure" ([`patterns::EVENT_NOUN`]; the noun: [`event_noun`]).
pub static EVENT_NOUN: Regex = Regex::new(dfa!("event_noun"), patterns::EVENT_NOUN, any);

/// The noun of an [`EVENT_NOUN`] match: the pattern's last group,
/// `(?i)[a-z]+` (ASCII letters, KELVIN SIGN, LONG S) after white space,
/// which ends the match.
pub fn event_noun(m: &str) -> &str {
    let start = m
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_alphabetic() || c == '\u{212A}' || c == '\u{17F}')
        .last()
        .map_or(m.len(), |(i, _)| i);
    &m[start..]
}

/// A regex served by a prebuilt DFA on the text `serves` accepts, and
/// compiled from `pattern` on first use for other text.
pub struct Regex {
    dfa: Dfa,
    pattern: &'static str,
    serves: fn(&str) -> bool,
    compiled: OnceLock<meta::Regex>,
}

impl Regex {
    pub const fn new(dfa: Dfa, pattern: &'static str, serves: fn(&str) -> bool) -> Regex {
        Regex {
            dfa,
            pattern,
            serves,
            compiled: OnceLock::new(),
        }
    }

    fn compiled(&self) -> &meta::Regex {
        self.compiled
            .get_or_init(|| meta::Regex::new(self.pattern).expect("prebuilt pattern compiles"))
    }

    pub fn is_match(&self, hay: &str) -> bool {
        if (self.serves)(hay) {
            if let Ok(m) = self.dfa.is_match(hay) {
                return m;
            }
        }
        self.compiled().is_match(hay)
    }

    /// The byte ranges of the successive non-overlapping matches.
    pub fn find_iter(&self, hay: &str) -> Vec<Range<usize>> {
        if (self.serves)(hay) {
            if let Ok(hits) = self.dfa.find_all(hay) {
                return hits.into_iter().map(|h| h.start..h.end).collect();
            }
        }
        self.compiled().find_iter(hay).map(|m| m.range()).collect()
    }

    /// The compiled form's matches, whatever `serves` says (for tests).
    #[cfg(test)]
    pub(crate) fn compiled_find_iter(&self, hay: &str) -> Vec<Range<usize>> {
        self.compiled().find_iter(hay).map(|m| m.range()).collect()
    }

    /// The DFA's matches, whatever `serves` says (for tests).
    #[cfg(test)]
    pub(crate) fn dfa_find_iter(&self, hay: &str) -> Vec<Range<usize>> {
        let hits = self.dfa.find_all(hay).expect("prebuilt DFA reads");
        hits.into_iter().map(|h| h.start..h.end).collect()
    }

    #[cfg(test)]
    pub(crate) fn serves(&self, hay: &str) -> bool {
        (self.serves)(hay)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every DFA build.rs writes, by name.
    fn all_dfas() -> Vec<Dfa> {
        vec![
            dfa!("conduct"),
            dfa!("passive_action"),
            dfa!("passive_hint"),
            dfa!("defence"),
            dfa!("no_response"),
            dfa!("death"),
            dfa!("death_hint"),
            dfa!("failed"),
            dfa!("percent"),
            dfa!("group_feels"),
            dfa!("event_noun"),
        ]
    }

    #[test]
    fn every_dfa_reads() {
        let dfas = all_dfas();
        let names: Vec<&str> = dfas.iter().map(Dfa::name).collect();
        let specs: Vec<&str> = patterns::specs().iter().map(|s| s.name).collect();
        assert_eq!(names, specs);
        for (d, spec) in dfas.iter().zip(patterns::specs()) {
            // the validation the run skips
            let patterns = if spec.dense {
                let (dfa, _) = dense::DFA::from_bytes(d.bytes).expect("valid DFA");
                dfa.pattern_len()
            } else {
                let (dfa, _) = sparse::DFA::from_bytes(d.bytes).expect("valid DFA");
                dfa.pattern_len()
            };
            assert_eq!(patterns, spec.patterns.len(), "{}", d.name);
            let dense = matches!(d.loaded(), Ok(Loaded::Dense(_)));
            assert_eq!(dense, spec.dense, "{}", d.name);
        }
    }

    #[test]
    fn remembered_steps_change_no_match() {
        // Every sparse DFA on invented sentences, twice over, through the
        // thread's table of steps and without it: the table is cold, then
        // filled by all the DFAs, then warm.
        let texts = [
            "The council was accused of hiding the audit and declined to comment.",
            "Calls to the mayor's office were not returned; she later died.",
            "He is under investigation, faces three charges and admitted to fraud.",
            "Attempts to reach the firm failed, and it did not respond by Friday.",
            "Turnout rose 12 percent after the vote; nobody was killed.",
        ];
        for round in 0..2 {
            for d in all_dfas() {
                let Ok(Loaded::Sparse(search, _)) = d.loaded() else {
                    continue;
                };
                for t in texts {
                    let mut direct = Vec::new();
                    let mut at = 0;
                    while let Some(h) = search
                        .find_at(t.as_bytes(), at, false, &mut |sid, b| {
                            search.dfa.next_state(sid, b)
                        })
                        .unwrap()
                    {
                        at = h.end;
                        direct.push(h);
                    }
                    let through = d.find_all(t).unwrap();
                    assert_eq!(through, direct, "{} on {t:?}, round {round}", d.name);
                }
            }
        }
    }

    /// The five small regexes, with the regex crate's reading of their
    /// patterns.
    fn small() -> [(&'static str, &'static Regex, regex::Regex); 5] {
        let re = |p: &str| regex::Regex::new(p).unwrap();
        [
            ("death hint", &DEATH_HINT, re(patterns::DEATH_HINT)),
            ("failed", &FAILED, re(patterns::FAILED)),
            ("percent", &PERCENT, re(patterns::PERCENT)),
            ("group feels", &GROUP_FEELS, re(patterns::GROUP_FEELS)),
            ("event noun", &EVENT_NOUN, re(patterns::EVENT_NOUN)),
        ]
    }

    const PIECES: &[&str] = &[
        "kill",
        "killed",
        "Murder",
        "death",
        "fatal",
        "mourn",
        "funeral",
        "died",
        "\u{212A}ill",
        "unsuccessful",
        "failed",
        "not returned",
        "went unanswered",
        "went unreturned",
        "not answered",
        "were not",
        "was not",
        "did not",
        "bounced",
        "wa\u{17F}",
        "5",
        "42.5",
        "%",
        "percent",
        "per cent",
        "percentage points",
        "percentage point",
        "are",
        "were",
        "remain",
        "remained",
        "grew",
        "have grown",
        "feel",
        "felt",
        "is",
        "increasingly",
        "deeply",
        "very",
        "growing",
        "the",
        "that",
        "this",
        "its",
        "their",
        "vote",
        "recall",
        "closure",
        "fire",
        "\u{17F}ale",
        "\u{212A}ey",
        "Zo\u{eb}",
        "\u{e9}",
        "x",
        "_",
        "ly",
        "ed",
        "\u{130}t\u{131}",
        "\u{3a3}\u{3c9}",
        "5%",
        "12 percent",
        "3.5 per cent",
        "7 percentage points",
        "1percent",
    ];

    const GLUE: &[&str] = &[
        " ",
        " ",
        " ",
        " ",
        "  ",
        "",
        "\u{a0}",
        "\u{2003}",
        "\n",
        ", ",
        ". ",
        " \u{2014} ",
        "\u{2019}",
        "'",
        "-",
        "\u{201C}",
    ];

    /// `n` invented snippets (a fixed pseudo-random sequence).
    fn generated(n: usize) -> Vec<String> {
        let recipe = crate::testgen::Recipe {
            pieces: PIECES,
            glue: GLUE,
            min_pieces: 1,
            extra_pieces: 8,
            trailing_glue: true,
            seed: 0x9e37_79b9_7f4a_7c15,
        };
        crate::testgen::invented(&recipe, n)
    }

    #[test]
    fn small_regexes_agree_with_the_regex_crate() {
        let texts = generated(6000);
        for (name, rx, expect) in small() {
            let mut dfa_matches = 0;
            let mut fallbacks = 0;
            for text in &texts {
                let starts = (0..text.len())
                    .filter(|&i| i == 0 || text.as_bytes()[i - 1] == b' ')
                    .filter(|&i| text.is_char_boundary(i));
                for start in starts {
                    let hay = &text[start..];
                    let want: Vec<Range<usize>> =
                        expect.find_iter(hay).map(|m| m.range()).collect();
                    assert_eq!(rx.compiled_find_iter(hay), want, "{name} on {hay:?}");
                    if rx.serves(hay) {
                        let got = rx.dfa_find_iter(hay);
                        assert_eq!(got, want, "{name} (DFA) on {hay:?}");
                        dfa_matches += got.len();
                    } else {
                        fallbacks += 1;
                    }
                    assert_eq!(rx.find_iter(hay), want, "{name} on {hay:?}");
                    assert_eq!(rx.is_match(hay), !want.is_empty(), "{name} on {hay:?}");
                }
            }
            assert!(dfa_matches >= 100, "{name}: {dfa_matches} matches");
            if std::ptr::eq(rx, &FAILED) {
                assert!(fallbacks >= 100, "{name}: {fallbacks} fallbacks");
            }
        }
    }

    #[test]
    fn event_noun_is_the_last_group() {
        let expect = regex::Regex::new(patterns::EVENT_NOUN).unwrap();
        let mut seen = 0;
        for text in generated(3000) {
            let want: Vec<&str> = expect
                .captures_iter(&text)
                .map(|c| c.get(1).unwrap().as_str())
                .collect();
            let got: Vec<&str> = EVENT_NOUN
                .find_iter(&text)
                .into_iter()
                .map(|m| event_noun(&text[m]))
                .collect();
            assert_eq!(got, want, "{text:?}");
            seen += got.len();
        }
        assert!(seen >= 100, "{seen}");
        // the group's class, `(?i)[a-z]`, in full
        let class = regex::Regex::new(r"^(?i)[a-z]$").unwrap();
        for c in '\0'..=char::MAX {
            let letter = c.is_ascii_alphabetic() || c == '\u{212A}' || c == '\u{17F}';
            assert_eq!(class.is_match(&c.to_string()), letter, "{c:?}");
        }
        for (m, noun) in [
            ("the vote", "vote"),
            ("their \u{17F}ale", "\u{17F}ale"),
            ("this \u{212A}ey", "\u{212A}ey"),
            ("the\u{a0}city council", "council"),
        ] {
            assert_eq!(event_noun(m), noun);
        }
    }

    #[test]
    fn plain_text() {
        for (text, plain_) in [
            ("Calls were not returned.", true),
            (
                "Calls to the board\u{2019}s office \u{2014} twice \u{2014} failed.",
                true,
            ),
            ("no\u{a0}reply\u{2003}at all", true),
            ("Calls to Zo\u{eb} failed", false),
            ("wa\u{17F} not", false),
            ("\u{212A}", false),
            ("", true),
        ] {
            assert_eq!(plain(text), plain_, "{text:?}");
        }
    }

    #[test]
    fn small_regex_tables() {
        for (text, want) in [
            ("Attempts were unsuccessful.", true),
            ("The emails bounced", true),
            ("it failed\u{e9}", false),
            ("it failed\u{2019}s", true),
            ("it was\u{a0}not", true),
            ("it wa\u{17F} not", true),
            ("it wasnot", false),
            ("unfailed", false),
        ] {
            assert_eq!(FAILED.is_match(text), want, "{text:?}");
        }
        for (text, want) in [
            ("rose 5% and 3.5 percent", vec![(5, 7), (12, 23)]),
            ("10 percentage points, 2 per cent", vec![(0, 20), (22, 32)]),
            ("a5% 7 percentages", vec![]),
            ("12 PERCENT", vec![(0, 10)]),
        ] {
            let got: Vec<(usize, usize)> = PERCENT
                .find_iter(text)
                .into_iter()
                .map(|r| (r.start, r.end))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
        for (text, want) in [
            ("residents are increasingly ", true),
            ("residents felt ", true),
            ("residents felt angry ", false),
            ("residents grew", false),
        ] {
            assert_eq!(GROUP_FEELS.is_match(text), want, "{text:?}");
        }
        for (text, want) in [
            ("after the fatal shooting", true),
            ("the \u{212A}illing", true),
            ("a skilled", true),
            ("a sailed ship", false),
            ("Mourners", true),
        ] {
            assert_eq!(DEATH_HINT.is_match(text), want, "{text:?}");
        }
    }
}

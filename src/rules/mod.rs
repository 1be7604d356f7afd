//! The editorial rules. Each rule reads the shared [`Context`] and reports
//! findings; `run` applies every enabled rule, then the per-check settings and
//! the "never both vague and unattributed on one sentence" policy.

mod leftover_tk;
mod relative_date;
mod unattributed_claim;
mod unattributed_quote;
pub(crate) mod undated_event;
mod vague_attribution;

use crate::actors::Actor;
use crate::attribution::{Attribution, SourceClass};
use crate::document::Document;
use crate::sentences::{Quote, Sentence};
use crate::span::Span;
use crate::time::Temporal;
use crate::voice::Voice;
use crate::{Anchor, Code, Finding, Options};

/// Claim-signal words, event verbs and the time tagger's words
/// ([`crate::time::scan_words`]) in one lexicon, so that each sentence is
/// scanned once for all.
static SENTENCE_WORDS: std::sync::LazyLock<crate::lexicon::Lexicon> =
    std::sync::LazyLock::new(|| {
        let events: Vec<&str> = undated_event::event_words()
            .iter()
            .map(String::as_str)
            .collect();
        crate::lexicon::Lexicon::with_lists(&[
            crate::claims::signal_words(),
            &events,
            &PERCENT_MARKS,
            crate::time::scan_words(),
        ])
    });

/// What makes a sentence's figures worth a look for percentages
/// ([`crate::claims::signals_from_hits_into`]): any of these, anywhere,
/// case and all (matched in the same scan as the words, whole words or not).
const PERCENT_MARKS: [&str; 3] = ["%", "percent", "per cent"];

/// What the rules read off one sentence's own words (`span` of `prose`),
/// worked out once per block by the analyser: its claim signals, appended
/// to `signals`, and its event-verb hits, appended to `events`. `scratch`
/// is working space (left empty). Returns what
/// [`crate::time::tag_sentence_scanned`] asks as `words`: a time word
/// fills a run of ASCII letters (`fy` starts one). The spans of the core
/// time words that fill a run are appended to `time_cores` (what
/// [`crate::time::tag_sentence_scanned_into`] asks as `cores`).
pub fn sentence_words(
    prose: &str,
    span: Span,
    scratch: &mut Vec<crate::lexicon::Hit>,
    signals: &mut Vec<crate::claims::ClaimSignal>,
    events: &mut Vec<crate::lexicon::Hit>,
    time_cores: &mut Vec<Span>,
) -> bool {
    scratch.clear();
    // The automaton folds ASCII case; the marks count only as written. Every
    // occurrence of a mark is reported: none can start inside another.
    let mut percent = false;
    let mut time_words = false;
    let bytes = prose.as_bytes();
    // No ASCII letter next to the hit, inside the sentence.
    let letter = |k: usize| span.contains(k) && bytes[k].is_ascii_alphabetic();
    let fy = crate::time::scan_words().len() - 1;
    SENTENCE_WORDS.for_each_in_lists_raw(prose, span, |list, hit, whole_word| match list {
        0 if whole_word => scratch.push(hit),
        1 if whole_word => events.push(hit),
        2 => {
            percent |= bytes.get(hit.span.start..hit.span.end)
                == Some(PERCENT_MARKS[hit.pattern].as_bytes());
        }
        3 if !hit.span.start.checked_sub(1).is_some_and(letter) => {
            if hit.pattern == fy {
                time_words = true;
            } else if !letter(hit.span.end) {
                time_words = true;
                time_cores.push(hit.span);
            }
        }
        _ => {}
    });
    crate::claims::signals_from_hits_into(prose, span, percent, scratch.drain(..), signals);
    time_words
}

/// Phrases of a response line, as [`response_phrases`] reports them.
const RESPONSE_PHRASES: [&str; 6] = [
    "did not respond",
    "didn't respond",
    "declined to comment",
    "could not be reached",
    "did not return",
    "not immediately available",
];

/// Which of [`RESPONSE_PHRASES`] occur in `text` (bit `i` for phrase `i`),
/// ignoring ASCII case: `text.to_ascii_lowercase().contains(phrase)` for
/// each, in one pass and without the copy.
pub(crate) fn response_phrases(text: &str) -> u32 {
    static PHRASES: std::sync::LazyLock<crate::lexicon::Automaton> =
        std::sync::LazyLock::new(|| crate::lexicon::Automaton::new(&RESPONSE_PHRASES));
    let mut found = 0;
    PHRASES.for_each_overlapping(text.as_bytes(), |p, _, _| found |= 1 << p);
    found
}

/// Items of each sentence in one vector: sentence `i`'s are
/// `items[ends[i - 1]..ends[i]]` (one allocation for the draft rather than
/// one per sentence).
#[derive(Clone, Debug)]
pub struct PerSentence<T> {
    items: Vec<T>,
    ends: Vec<u32>,
}

impl<T> Default for PerSentence<T> {
    fn default() -> Self {
        PerSentence {
            items: Vec::new(),
            ends: Vec::new(),
        }
    }
}

impl<T> PerSentence<T> {
    pub fn with_capacity(sentences: usize, items: usize) -> Self {
        PerSentence {
            items: Vec::with_capacity(items),
            ends: Vec::with_capacity(sentences),
        }
    }

    /// Adds the next sentence, with `items`.
    pub fn push_sentence(&mut self, items: impl IntoIterator<Item = T>) {
        self.items.extend(items);
        self.ends.push(self.items.len() as u32);
    }

    /// How many sentences.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each sentence's items, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[T]> {
        (0..self.len()).map(|i| &self[i])
    }
}

impl<T> std::ops::Index<usize> for PerSentence<T> {
    type Output = [T];

    fn index(&self, i: usize) -> &[T] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.items[start as usize..self.ends[i] as usize]
    }
}

/// Everything a rule may read about the draft.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub sentences: &'a [Sentence],
    pub quotes: &'a [Quote],
    pub temporals: &'a [Temporal],
    pub attributions: &'a [Attribution],
    pub actors: &'a [Actor],
    pub voices: &'a [Voice],
    /// Claim signals per sentence, indexed like `sentences`.
    pub signals: &'a PerSentence<crate::claims::ClaimSignal>,
    /// Event-verb hits per sentence (from [`sentence_words`]), indexed like
    /// `sentences`.
    pub events: &'a PerSentence<crate::lexicon::Hit>,
    pub anchor: Option<Anchor>,
    pub opts: &'a Options,
    /// Named sources by position, built on first use.
    pub source_names: std::cell::OnceCell<Vec<(usize, std::borrow::Cow<'a, str>)>>,
    /// Every actor mention with its actor's index, sorted by start (stably:
    /// actors, then mentions, in order among equal starts), built on first
    /// use.
    pub mention_spans: std::cell::OnceCell<Vec<(Span, usize)>>,
}

impl Context<'_> {
    pub fn prose(&self, span: Span) -> &str {
        span.slice(&self.doc.prose)
    }

    pub fn is_checked(&self, sentence: &Sentence) -> bool {
        self.doc.blocks[sentence.block].kind.is_checked()
    }

    /// Direct quotations overlapping `span`.
    pub fn direct_quotes_in(&self, span: Span) -> impl Iterator<Item = &Quote> {
        let i = self.quotes.partition_point(|q| q.span.end <= span.start);
        self.quotes[i..]
            .iter()
            .take_while(move |q| q.span.start < span.end)
            .filter(|q| q.direct)
    }

    /// Is `offset` inside a direct quotation?
    pub fn in_direct_quote(&self, offset: usize) -> bool {
        self.direct_quotes_in(Span::new(offset, offset + 1))
            .any(|q| q.span.start < offset && offset < q.span.end.max(q.inner.end))
    }

    /// Does `span` contain a mention of any actor? A binary search over the
    /// sorted mentions, so rules can ask it of every sentence.
    pub fn names_someone(&self, span: Span) -> bool {
        let all = self.mentions();
        let i = all.partition_point(|(m, _)| m.start < span.start);
        all[i..]
            .iter()
            .take_while(|(m, _)| m.start < span.end)
            .any(|(m, _)| span.contains_span(*m))
    }

    /// [`Context::mention_spans`], built on first use.
    fn mentions(&self) -> &[(Span, usize)] {
        self.mention_spans.get_or_init(|| {
            let mut v: Vec<(Span, usize)> =
                Vec::with_capacity(self.actors.iter().map(|a| a.mentions.len()).sum());
            for (i, a) in self.actors.iter().enumerate() {
                v.extend(a.mentions.iter().map(|m| (*m, i)));
            }
            // Stable: each actor's mentions are runs in order already.
            v.sort_by_key(|(m, _)| m.start);
            v
        })
    }

    /// Sources already named in the draft, nearest to `at` first, as the
    /// text a reporter would write after "according to".
    pub fn nearby_sources(&self, at: usize, limit: usize) -> smallvec::SmallVec<[&str; 2]> {
        let all = self.source_names.get_or_init(|| source_names(self));
        // Walk outward from `at` in both directions, collecting distinct names.
        let i = all.partition_point(|(pos, _)| *pos < at);
        let (mut lo, mut hi) = (i, i);
        let mut out: smallvec::SmallVec<[&str; 2]> = smallvec::SmallVec::new();
        while out.len() < limit && (lo > 0 || hi < all.len()) {
            let take_lo = match (lo > 0, hi < all.len()) {
                (true, true) => at - all[lo - 1].0 <= all[hi].0 - at,
                (l, _) => l,
            };
            let name: &str = if take_lo {
                lo -= 1;
                &all[lo].1
            } else {
                hi += 1;
                &all[hi - 1].1
            };
            if !out.contains(&name) {
                out.push(name);
            }
            // Bounded work per call, whatever the draft's size.
            if (hi - lo) > 64 {
                break;
            }
        }
        out
    }
}

/// Every named or institutional source with its position, sorted by position.
fn source_names<'a>(cx: &Context<'a>) -> Vec<(usize, std::borrow::Cow<'a, str>)> {
    let mentions = cx.mentions();
    let mut out = Vec::with_capacity(cx.attributions.len());
    for a in cx.attributions {
        if !matches!(
            a.source_class,
            SourceClass::Named | SourceClass::Institutional
        ) {
            continue;
        }
        let Some(first) = a.source.first() else {
            continue;
        };
        let k = mentions.partition_point(|(m, _)| m.end <= first.start);
        let actor = mentions[k..]
            .iter()
            .take_while(|(m, _)| m.start < first.end)
            .map(|(_, i)| &cx.actors[*i])
            .next();
        let name: std::borrow::Cow<'a, str> = match actor {
            Some(actor) => short_name_of(actor).into(),
            // A named source the actor index does not know is too uncertain to offer.
            None if a.source_class == SourceClass::Named => continue,
            None => {
                let t = first.slice(&cx.doc.prose).trim();
                match t.strip_prefix("The ") {
                    Some(r) => format!("the {r}").into(),
                    None => t.into(),
                }
            }
        };
        if !name.is_empty() && words_at_most(&name, 6) {
            out.push((first.start, name));
        }
    }
    out.sort();
    out
}

/// `text.split_whitespace().count() <= n`, without the count when an ASCII
/// text has fewer than `n` bytes that could be whitespace (and so at most
/// `n` words).
fn words_at_most(text: &str, n: usize) -> bool {
    if text.is_ascii() && control_or_space_bytes(text.as_bytes()) < n {
        return true;
    }
    text.split_whitespace().count() <= n
}

/// How many bytes of ASCII `b` are at most `b' '` (every ASCII whitespace
/// byte is), eight at a time.
fn control_or_space_bytes(b: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            continue;
        };
        // With each byte's high bit set, subtracting 0x21 clears it exactly
        // for the bytes below 0x21, and borrows from no neighbour.
        let x = u64::from_le_bytes(bytes) | HI;
        count += (!(x - 0x21 * ONES) & HI).count_ones() as usize;
    }
    count + chunks.remainder().iter().filter(|&&c| c <= b' ').count()
}

/// The last of `text.split_whitespace()`, found from the end in ASCII text.
fn last_word(text: &str) -> Option<&str> {
    if !text.is_ascii() {
        return text.split_whitespace().last();
    }
    let space = |b: &u8| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ');
    let b = text.as_bytes();
    let end = b.iter().rposition(|c| !space(c))? + 1;
    let start = b[..end].iter().rposition(space).map_or(0, |k| k + 1);
    text.get(start..end)
}

/// "Lena Ortiz" → "Ortiz"; organisations keep their full name.
pub fn short_name(actor: &Actor) -> String {
    short_name_of(actor).to_string()
}

/// [`short_name`], borrowed.
fn short_name_of(actor: &Actor) -> &str {
    match actor.kind {
        crate::actors::ActorKind::Person => last_word(&actor.name).unwrap_or(&actor.name),
        crate::actors::ActorKind::Org => &actor.name,
    }
}

/// A rule of the rulebook: reads the context, reports findings.
pub trait Rule {
    fn code(&self) -> Code;
    fn check(&self, cx: &Context, out: &mut Vec<Finding>);
}

fn all_rules() -> [&'static dyn Rule; 6] {
    [
        &leftover_tk::LeftoverTk,
        &unattributed_claim::UnattributedClaim,
        &vague_attribution::VagueAttribution,
        &unattributed_quote::UnattributedQuote,
        &relative_date::RelativeDate,
        &undated_event::UndatedEvent,
    ]
}

/// Runs every rule enabled in `cx.opts`.
pub fn run(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in all_rules() {
        if cx.opts.checks.enabled(rule.code()) {
            rule.check(cx, &mut out);
        }
    }
    // Never both vague-attribution and unattributed-claim on one sentence.
    let mut vague: Vec<Span> = out
        .iter()
        .filter(|f| f.code == Code::VagueAttribution)
        .map(|f| f.span)
        .collect();
    vague.sort_by_key(|v| v.start);
    // Vague spans are short and disjoint; any overlapping one starts before
    // the end of the claim and ends after its start.
    let max_len = vague.iter().map(|v| v.len()).max().unwrap_or(0);
    out.retain(|f| {
        if f.code != Code::UnattributedClaim {
            return true;
        }
        let lo = vague.partition_point(|v| v.start + max_len < f.span.start);
        !vague[lo..]
            .iter()
            .take_while(|v| v.start < f.span.end)
            .any(|v| v.overlaps(f.span))
    });
    out
}

/// Applies the per-check settings and sorts by position.
pub fn finish(mut findings: Vec<Finding>, opts: &Options) -> Vec<Finding> {
    findings.retain(|f| opts.checks.enabled(f.code));
    for f in &mut findings {
        if let Some(s) = opts.checks.severity_for(f.code) {
            f.severity = s;
        }
    }
    findings.sort_by_key(|f| (f.span.start, f.code));
    findings.dedup_by(|a, b| a.code == b.code && a.span == b.span);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_phrases_match_a_lower_case_search() {
        let cases = [
            "The bakery Did Not Respond to two emails.",
            "Its owner didn't respond, and the landlord DECLINED TO COMMENT.",
            "A clerk could not be reached; the mayor did not return calls.",
            "The ferry line was not immediately available for comment.",
            "Nothing of the kind in this sentence about a didn't-respond sign.",
            "Édouard did not  respond (two spaces), and did not responded.",
            "",
        ];
        for text in cases {
            let lower = text.to_ascii_lowercase();
            let want = RESPONSE_PHRASES
                .iter()
                .enumerate()
                .filter(|(_, p)| lower.contains(*p))
                .fold(0, |m, (i, _)| m | 1 << i);
            assert_eq!(response_phrases(text), want, "{text}");
        }
    }

    /// One scan for the words and the percent marks finds the signals a
    /// sentence's own search finds.
    #[test]
    fn sentence_words_signals_match_the_claims_search() {
        let cases = [
            "Fares rose 5% in March, the board said.",
            "Ridership fell 12 Percent after the fare rise.",
            "Turnout climbed to 41 per cent, up from 38 percent.",
            "The PERCENT sign was missing from the 30 charts.",
            "Turnout soared in 2024 without a single percentage point of change.",
            "A per centum figure of 9 was reported; 7 % more is expected.",
            "Nothing here rose.",
        ];
        for text in cases {
            let span = Span::new(0, text.len());
            let (mut scratch, mut signals, mut events) = (Vec::new(), Vec::new(), Vec::new());
            sentence_words(
                text,
                span,
                &mut scratch,
                &mut signals,
                &mut events,
                &mut Vec::new(),
            );
            assert_eq!(signals, crate::claims::signals(text, span), "{text}");
        }
    }

    /// The scan for the time words, with the tagger's test of the numbers,
    /// passes the sentences the tagger's own quick test passes, and the
    /// tags come out the same.
    #[test]
    fn sentence_words_find_the_time_words() {
        let cases = [
            ("The board met on Tuesday.", true),
            ("The board met on TUESDAY.", true),
            ("The mayor spoke.", false),
            ("Its market share fell, the minister said.", false),
            ("Shares rose in May2019 trading.", true),
            ("Shares rose over 10days.", true),
            ("The Mayé ferry left.", true),
            ("Clients satisfy the rules.", false),
            ("FY2006 results were filed.", true),
            ("Results for fy06 were filed.", true),
            ("Nothing happened to the 3rd crew.", false),
            ("The crew of 12 waited 1,000 hours.", true),
            ("The crew of 12 left at 9 pm.", true),
            ("The crew left at 9:30.", true),
            ("In 1998 they sold 40 boats.", true),
            ("They sold 40 boats.", false),
            ("It happened yesterday", true),
            ("today", true),
            ("holidays and weekdays", false),
        ];
        let anchor = chrono::NaiveDate::from_ymd_opt(2024, 6, 12);
        for (text, want) in cases {
            let span = Span::new(0, text.len());
            let (mut scratch, mut signals, mut events) = (Vec::new(), Vec::new(), Vec::new());
            let mut cores = Vec::new();
            let words = sentence_words(
                text,
                span,
                &mut scratch,
                &mut signals,
                &mut events,
                &mut cores,
            );
            let (whole, numbers) = crate::time::quick_tests(text);
            assert_eq!(whole, want, "{text}");
            assert_eq!(words || numbers, whole, "{text}");
            let tags = crate::time::tag_sentence(text, span, anchor);
            assert_eq!(
                crate::time::tag_sentence_scanned(text, span, anchor, words),
                tags,
                "{text}"
            );
            let mut into = Vec::new();
            crate::time::tag_sentence_scanned_into(text, span, anchor, words, &cores, &mut into);
            assert_eq!(into, tags, "{text}");
        }
        // Inside a longer text, the sentence's ends count as ends of runs.
        let text = "xTuesdayx";
        let span = Span::new(1, 8);
        let (mut scratch, mut signals, mut events) = (Vec::new(), Vec::new(), Vec::new());
        let mut cores = Vec::new();
        assert!(sentence_words(
            text,
            span,
            &mut scratch,
            &mut signals,
            &mut events,
            &mut cores
        ));
        assert_eq!(cores, [span]);
    }

    /// The core words the scan notes stand for the tagger's own look-ups:
    /// the tags come out the same on many invented sentences.
    #[test]
    fn scanned_core_words_tag_as_the_tagger_does() {
        let parts = [
            "The",
            "council",
            "met",
            "on",
            "Tuesday",
            "TUESDAY",
            "tuesday's",
            "Tuesday’s",
            "last",
            "week",
            "weeks",
            "next",
            "month",
            "March",
            "3",
            "3rd",
            "2024",
            "1990s",
            "'90s",
            "9:30",
            "a.m.",
            "p.m.",
            "noon",
            "yesterday",
            "today",
            "spring",
            "fall",
            "May",
            "Mayé",
            "éMay",
            "fy2006",
            "FY06",
            "yr",
            "years",
            "ago",
            "earlier",
            "later",
            "the",
            "end",
            "of",
            "said",
            "will",
            "is",
            "to",
            "vote",
            "since",
            "by",
            "quarter",
            "second",
            "half",
            ",",
            ".",
            "-",
            "—",
            "“",
            "”",
            "\"",
            "(",
            ")",
            "\n",
            "mid",
            "decade",
            "recently",
            "soon",
            "every",
            "daily",
            "hours",
            "two",
            "12",
            "percent",
            "%",
            "Christmas",
            "Eve",
            "night",
            "morning",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let anchor = chrono::NaiveDate::from_ymd_opt(2025, 11, 5);
        for _ in 0..3000 {
            let mut text = String::from("x");
            for _ in 0..1 + next() % 16 {
                let p = parts[(next() % parts.len() as u64) as usize];
                if next() % 4 != 0 {
                    text.push(' ');
                }
                text.push_str(p);
            }
            text.push('y');
            // The sentence inside a longer text: letters on either side.
            let span = Span::new(1, text.len() - 1);
            let mut cores = Vec::new();
            let (mut scratch, mut signals, mut events) = (Vec::new(), Vec::new(), Vec::new());
            let words = sentence_words(
                &text,
                span,
                &mut scratch,
                &mut signals,
                &mut events,
                &mut cores,
            );
            let mut got = Vec::new();
            crate::time::tag_sentence_scanned_into(&text, span, anchor, words, &cores, &mut got);
            let want = crate::time::tag_sentence(&text, span, anchor);
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn word_helpers_match_split_whitespace() {
        let texts = [
            "",
            " ",
            "Ortiz",
            "Lena Ortiz",
            "  Lena   Ortiz  ",
            "the city\tcouncil\n",
            "a\x0Bb\x0Cc\rd e f g",
            "one two three four five six",
            "one two three four five six seven",
            "Zoë Ortiz",
            "Lena\u{a0}Ortiz",
            "x\u{2003}y z",
            "The Kestrel Bay Municipal Water and Sewer Authority",
            "A\x00B\x1fC D!E\"F\x7fG~H I J K L M N",
            "        ",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
        ];
        for text in texts {
            let spaceish = text.bytes().filter(|&b| b <= b' ').count();
            if text.is_ascii() {
                assert_eq!(
                    control_or_space_bytes(text.as_bytes()),
                    spaceish,
                    "{text:?}"
                );
            }
            for n in 0..8 {
                assert_eq!(
                    words_at_most(text, n),
                    text.split_whitespace().count() <= n,
                    "{text:?} {n}"
                );
            }
            assert_eq!(last_word(text), text.split_whitespace().last(), "{text:?}");
        }
    }

    #[test]
    fn per_sentence_items_index_by_sentence() {
        let mut ps = PerSentence::with_capacity(3, 4);
        ps.push_sentence([1, 2]);
        ps.push_sentence([]);
        ps.push_sentence([3]);
        assert_eq!(ps.len(), 3);
        assert_eq!(&ps[0], &[1, 2]);
        assert!(ps[1].is_empty());
        assert_eq!(&ps[2], &[3]);
        let all: Vec<&[i32]> = ps.iter().collect();
        assert_eq!(all, vec![&[1, 2][..], &[][..], &[3][..]]);
    }
}

//! Classifying a source noun phrase (SPEC §3.4) and resolving pronoun speakers.

use super::lexicon::{self, word_list, ANONYMITY_REASONS, INSTITUTION_HEADS, VAGUE_HEADS};
use super::words::PackedLists;
use super::{Attribution, SourceClass};
use crate::span::Span;
use smallvec::SmallVec;
use std::sync::LazyLock;

/// Every anonymity reason holds one of these: a sentence holding none of
/// them is answered without trying the reasons one by one.
const REASON_ANCHORS: &[&str] = &[
    "anonym",
    "condition",
    "authori",
    "be named",
    "be identified",
    "background",
    "fear",
];

/// Does `sentence` (lower case) give a reason for anonymity (hold one of
/// [`ANONYMITY_REASONS`])?
pub fn has_anonymity_reason(lower_sentence: &str) -> bool {
    REASON_ANCHORS.iter().any(|a| lower_sentence.contains(a))
        && ANONYMITY_REASONS.iter().any(|r| lower_sentence.contains(r))
}

/// Could the word `w` (lower case) be the one of [`REASON_WORD_STARTS`] a
/// reason needs? A sentence none of whose words could holds no reason.
///
/// Why that holds: every reason has a word after one of its spaces that
/// starts with one of [`REASON_WORD_STARTS`] (`named` of `asked not to be
/// named`, `anonymity` of `requested anonymity`). Where the reason occurs,
/// that space splits tokens, so a token starts with the same letters.
#[inline]
pub fn may_hold_reason(w: &[u8]) -> bool {
    // The first letter picks the one or two prefixes to try.
    match w.first() {
        Some(b'a') => w.starts_with(b"anonym") || w.starts_with(b"authori"),
        Some(b'b') => w.starts_with(b"background"),
        Some(b'c') => w.starts_with(b"condition"),
        Some(b'f') => w.starts_with(b"fear"),
        Some(b'i') => w.starts_with(b"identified"),
        Some(b'n') => w.starts_with(b"named"),
        _ => false,
    }
}

/// Can a word starting with byte `b` pass [`may_hold_reason`]? One bit
/// test turns most words away before the prefixes are tried.
#[inline]
pub fn may_start_reason(b: u8) -> bool {
    const FIRST: u32 = {
        let mut m = 0u32;
        let firsts = b"abcfin";
        let mut k = 0;
        while k < firsts.len() {
            m |= 1 << (firsts[k] - b'a');
            k += 1;
        }
        m
    };
    let k = b.wrapping_sub(b'a');
    k < 26 && FIRST >> k & 1 != 0
}

/// The word starts [`may_hold_reason`] looks for.
#[cfg(test)]
const REASON_WORD_STARTS: &[&str] = &[
    "anonym",
    "authori",
    "background",
    "condition",
    "fear",
    "identified",
    "named",
];

word_list! {
    fn is_party_label, const PARTY_LABELS = [
        "republican", "republicans", "democrat", "democrats", "democratic", "gop",
        "conservative", "conservatives", "liberal", "liberals", "progressive", "progressives",
        "independent", "independents", "libertarian", "evangelical", "evangelicals",
    ]
}

word_list! {
    /// Heads naming someone who speaks for a body: lifted out of the vague list by
    /// an institutional qualifier (`city officials`, `a spokesperson for the county`).
    fn is_officialish, const OFFICIALISH = [
        "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
        "spokesmen", "spokeswomen", "lawyer", "lawyers", "attorney", "attorneys",
        "representative", "representatives", "aide", "aides", "staff", "leaders", "leadership",
        "investigators", "inspectors", "regulators", "auditors", "commissioners", "trustees",
        "supervisors", "administrators", "executives", "counsel",
    ]
}

fn is_number(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit())
}

word_list! {
    fn is_indefinite_word, const INDEFINITE_WORDS = [
        "a", "an", "one", "two", "three", "four", "five", "six", "several", "some", "many",
        "few", "numerous", "various", "other", "another", "most", "more",
    ]
}

/// The word lists [`classify_given`] consults, one bit each.
mod list {
    pub const DETERMINER: u16 = 1 << 0;
    pub const NP_STOP: u16 = 1 << 1;
    pub const NP_INNER_ONLY: u16 = 1 << 2;
    pub const PARTY_LABEL: u16 = 1 << 3;
    pub const TITLE: u16 = 1 << 4;
    pub const VAGUE_HEAD: u16 = 1 << 5;
    pub const INSTITUTION_HEAD: u16 = 1 << 6;
    /// `lexicon::is_speaker_noun` (which holds the vague and institution heads).
    pub const SPEAKER_NOUN: u16 = 1 << 7;
    /// The listed indefinites (numbers are told apart by their digits).
    pub const INDEFINITE_WORD: u16 = 1 << 8;
    pub const DOCUMENT_NOUN: u16 = 1 << 9;
    pub const OFFICIALISH: u16 = 1 << 10;
}

/// The lists [`classify_given`] consults, each with its [`list`] bit.
fn lists() -> Vec<(Vec<&'static str>, u16)> {
    let set = |s: &lexicon::FastSet<&'static str>| s.iter().copied().collect::<Vec<_>>();
    let mut speaker = set(&lexicon::SPEAKER_NOUNS);
    speaker.extend(set(&VAGUE_HEADS));
    speaker.extend(set(&INSTITUTION_HEADS));
    vec![
        (lexicon::DETERMINERS.to_vec(), list::DETERMINER),
        (lexicon::NP_STOPS.to_vec(), list::NP_STOP),
        (lexicon::NP_INNER_ONLY.to_vec(), list::NP_INNER_ONLY),
        (PARTY_LABELS.to_vec(), list::PARTY_LABEL),
        (TITLES.to_vec(), list::TITLE),
        (set(&VAGUE_HEADS), list::VAGUE_HEAD),
        (set(&INSTITUTION_HEADS), list::INSTITUTION_HEAD),
        (speaker, list::SPEAKER_NOUN),
        (INDEFINITE_WORDS.to_vec(), list::INDEFINITE_WORD),
        (lexicon::DOCUMENT_NOUNS.to_vec(), list::DOCUMENT_NOUN),
        (OFFICIALISH.to_vec(), list::OFFICIALISH),
    ]
}

/// Each listed word with the bits of the lists holding it: one probe per
/// word of a source instead of a test per list.
static LISTED: LazyLock<PackedLists<u16>> = LazyLock::new(|| {
    let lists = lists();
    let slices: Vec<(&[&str], u16)> = lists.iter().map(|(l, b)| (l.as_slice(), *b)).collect();
    PackedLists::new(&slices)
});

/// The [`list`] bits of the word `lower[start..end]`.
#[inline]
fn listed_at(lower: &[u8], start: usize, end: usize) -> u16 {
    LISTED.get(lower, start, end)
}

#[derive(Clone, Copy)]
struct Word<'a> {
    low: &'a str,
    cap: bool,
    /// Index of the comma-separated segment it sits in.
    seg: usize,
    /// Judged a name (set once all words are known).
    named: bool,
    /// The [`list`] bits of `low`.
    lists: u16,
}

/// The words of a source phrase: the first [`INLINE_WORDS`] on the stack
/// (and not written until used), all of them on the heap once there are
/// more (rare).
type Words<'a> = SmallVec<[Word<'a>; INLINE_WORDS]>;

/// How many words of a source phrase [`Words`] holds without allocating.
const INLINE_WORDS: usize = 12;

impl Word<'_> {
    fn is(&self, lists: u16) -> bool {
        self.lists & lists != 0
    }
    fn is_indefinite(&self) -> bool {
        self.is(list::INDEFINITE_WORD) || is_number(self.low)
    }
}

/// [`SOURCE_BYTE`] bit of the ASCII bytes of a source word: letters,
/// digits, `'`, `-` and `.`.
const WORDY: u8 = 1;
/// [`SOURCE_BYTE`] bit of the ASCII bytes that end a segment: `,` and `(`.
const SEPARATOR: u8 = 2;

/// The [`WORDY`] and [`SEPARATOR`] bits of every byte (none for bytes of
/// 0x80 and above, which [`classify_given`] decodes).
static SOURCE_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || matches!(c, b'\'' | b'-' | b'.') {
            t[b] = WORDY;
        }
        if matches!(c, b',' | b'(') {
            t[b] = SEPARATOR;
        }
        b += 1;
    }
    t
};

/// Pushes the word `text[s..e]` (`low` its lower case; both start at byte
/// `base` of the text whose lower case is `lower`) of segment `seg`, without
/// a possessive ending or an apostrophe (as `strip_suffix` of "'s", "’s",
/// "'" and "’" in turn) and then without final periods, if anything is left.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn push_word<'a>(
    words: &mut Words<'a>,
    text: &'a str,
    low: &'a str,
    lower: &[u8],
    base: usize,
    s: usize,
    e: usize,
    seg: usize,
) {
    let b = &low.as_bytes()[s..e];
    let cut = match b.last() {
        Some(b's') if b.ends_with(b"'s") => 2,
        Some(b's') if b.ends_with("’s".as_bytes()) => 4,
        Some(b'\'') => 1,
        Some(0x99) if b.ends_with("’".as_bytes()) => 3,
        _ => 0,
    };
    let mut w = &b[..b.len() - cut];
    while let [rest @ .., b'.'] = w {
        w = rest;
    }
    if w.is_empty() {
        return;
    }
    let end = s + w.len();
    let cap = match text.as_bytes()[s] {
        c if c < 0x80 => c.is_ascii_uppercase(),
        _ => text[s..].chars().next().is_some_and(|c| c.is_uppercase()),
    };
    words.push(Word {
        low: &low[s..end],
        cap,
        seg,
        named: false,
        lists: listed_at(lower, base + s, base + end),
    });
}

/// Classifies the source phrase `src` found in `sentence`, given whether the
/// sentence gives a reason for anonymity (computed once per sentence).
/// Returns the class and that reason flag.
pub fn classify_given<'a>(
    prose: &'a str,
    lower: &'a str,
    src: &[Span],
    sentence: Span,
    reason: bool,
) -> (SourceClass, bool) {
    let Some(first) = src.first() else {
        return (SourceClass::None, reason);
    };
    let whole = Span::new(first.start, src.last().map_or(first.end, |s| s.end));
    let text = whole.slice(prose);
    let low = whole.slice(lower);
    // Source phrases run to a few words: the stack holds them.
    let mut words = Words::new();
    let mut seg = 0;
    let mut start: Option<usize> = None;
    let bytes = text.as_bytes();
    let flush = |s: usize, e: usize, seg: usize, words: &mut Words<'a>| {
        push_word(words, text, low, lower.as_bytes(), whole.start, s, e, seg)
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII bytes are judged by a class table without decoding a
        // character, and a run of word bytes is crossed at once.
        if b < 0x80 {
            let cl = SOURCE_BYTE[usize::from(b)];
            if cl & WORDY != 0 {
                if start.is_none() {
                    start = Some(i);
                }
                i += 1;
                while bytes
                    .get(i)
                    .is_some_and(|&d| SOURCE_BYTE[usize::from(d)] & WORDY != 0)
                {
                    i += 1;
                }
                continue;
            }
            if let Some(s) = start.take() {
                flush(s, i, seg, &mut words);
            }
            if cl & SEPARATOR != 0 {
                seg += 1;
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        match (c.is_alphanumeric() || c == '’', start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                flush(s, i, seg, &mut words);
                start = None;
            }
            _ => {}
        }
        if c == '—' {
            seg += 1;
        }
        i += c.len_utf8();
    }
    if let Some(s) = start {
        flush(s, bytes.len(), seg, &mut words);
    }
    let words = words.as_mut_slice();
    if words.is_empty() {
        return (SourceClass::None, reason);
    }
    if words.len() == 1 && lexicon::is_pronoun(words[0].low) {
        return (SourceClass::Pronoun, reason);
    }
    let at_sentence_start = first.start == sentence.start;
    let is_name = |i: usize, w: &Word| {
        use list::*;
        w.cap
            && !w.is(DETERMINER | NP_STOP | NP_INNER_ONLY | PARTY_LABEL | TITLE)
            && !(i == 0
                && at_sentence_start
                && (w.is(VAGUE_HEAD | INSTITUTION_HEAD | SPEAKER_NOUN) || w.is_indefinite()))
    };
    // Main noun phrase: the first segment, cut before "of/for/at/who...".
    // Segments only grow along the phrase, so the first one is a prefix.
    let main = words.iter().take_while(|w| w.seg == 0).count();
    let mut head_idx = main.saturating_sub(1);
    for (i, w) in words[..main].iter().enumerate() {
        if i > 0
            && matches!(
                w.low,
                "of" | "for"
                    | "at"
                    | "with"
                    | "from"
                    | "in"
                    | "on"
                    | "who"
                    | "close"
                    | "familiar"
                    | "inside"
                    | "that"
                    | "which"
                    | "by"
            )
            || i > 1 && !w.cap && w.low.len() > 4 && w.low.ends_with("ed")
        {
            head_idx = i - 1;
            break;
        }
    }
    // Each word judged a name or not once (the tests below ask repeatedly).
    for (i, w) in words.iter_mut().enumerate() {
        w.named = is_name(i, w);
    }
    let head = &words[head_idx];
    let first = &words[0];
    let first_low = first.low;
    let head_named = head.named;
    let appositive_name = words.iter().any(|w| w.seg > 0 && w.named);
    let any_name = words.iter().any(|w| w.named);
    let inst_qualifier = words
        .iter()
        .enumerate()
        .any(|(i, w)| i != head_idx && (w.named || w.is(list::INSTITUTION_HEAD)));
    let vague_head = head.is(list::VAGUE_HEAD)
        || matches!(head.low, "familiar" | "close")
        || first_low == "people"
            && matches!(words.get(1).map(|w| w.low), Some("familiar" | "close"));
    let positioned = words.len() > 2 || inst_qualifier;
    let doc_head = head.is(list::INSTITUTION_HEAD | list::DOCUMENT_NOUN);
    // Unnamed documents ("a report", "documents", "studies") are vague; a
    // described one ("a shareholder lawsuit filed in federal court", "a memo
    // the chief executive sent") is identifiable.
    let bare_document = matches!(
        head.low,
        "report" | "reports" | "documents" | "document" | "studies" | "study" | "records"
    ) && !any_name
        && words.len() <= 3;
    let indefinite = first.is_indefinite();
    let class = if head_named && !vague_head || appositive_name {
        SourceClass::Named
    } else if head.is(list::OFFICIALISH) && inst_qualifier
        || doc_head && !vague_head && indefinite && !bare_document && positioned
    {
        SourceClass::Institutional
    } else if doc_head && bare_document && indefinite {
        SourceClass::Vague
    } else if vague_head || indefinite && !any_name {
        if reason && positioned {
            SourceClass::AnonymousDescribed
        } else {
            SourceClass::Vague
        }
    } else if indefinite {
        // "a former Brightwell engineer": position without a name.
        if reason {
            SourceClass::AnonymousDescribed
        } else {
            SourceClass::Vague
        }
    } else if head.is(list::INSTITUTION_HEAD | list::DOCUMENT_NOUN)
        || head.is(list::SPEAKER_NOUN) && (any_name || inst_qualifier)
    {
        SourceClass::Institutional
    } else if any_name {
        SourceClass::Named
    } else if reason && positioned {
        SourceClass::AnonymousDescribed
    } else {
        SourceClass::Vague
    };
    (class, reason)
}

word_list! {
    fn is_title, const TITLES = [
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "senator",
        "governor", "mayor", "secretary", "former", "judge", "chief", "sheriff", "attorney",
        "general",
    ]
}

/// Points pronoun sources at the nearest preceding named source.
pub fn resolve_pronouns(attrs: &mut [Attribution]) {
    let mut last_named: Option<Span> = None;
    for a in attrs.iter_mut() {
        match a.source_class {
            SourceClass::Named if !a.carried => {
                last_named = a.source.first().copied();
            }
            SourceClass::Pronoun if a.antecedent.is_none() => {
                a.antecedent = last_named;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Source phrases longer than the words held on the stack classify as
    /// their head and appositives say, whichever side of the limit they sit.
    #[test]
    fn long_sources_keep_every_word() {
        let cases = [
            // Head named, many words after it.
            (
                "Orla Pennick, a retired ferry pilot who still rows across the bay on most mornings in summer",
                SourceClass::Named,
            ),
            // Vague head, a named appositive only past the stack's words.
            (
                "people close to the long and very slow talks over the old harbour lease, Tamsin Oduya",
                SourceClass::Named,
            ),
            // No name anywhere: vague, however long.
            (
                "some people who had worked for many years at the old harbour office near the fish market",
                SourceClass::Vague,
            ),
        ];
        for (text, want) in cases {
            assert!(text.split_whitespace().count() > INLINE_WORDS, "{text}");
            let lower = text.to_lowercase();
            let span = Span::new(0, text.len());
            let (got, _) = classify_given(text, &lower, &[span], Span::new(0, text.len()), false);
            assert_eq!(got, want, "{text}");
        }
    }

    /// Each list bit answers as the list's own test does.
    #[test]
    fn list_bits_match_the_lists() {
        type Test = fn(&str) -> bool;
        let tests: [(u16, Test); 11] = [
            (list::DETERMINER, lexicon::is_determiner),
            (list::NP_STOP, lexicon::is_np_stop),
            (list::NP_INNER_ONLY, lexicon::is_np_inner_only),
            (list::PARTY_LABEL, is_party_label),
            (list::TITLE, is_title),
            (list::VAGUE_HEAD, |w| VAGUE_HEADS.contains(w)),
            (list::INSTITUTION_HEAD, |w| INSTITUTION_HEADS.contains(w)),
            (list::SPEAKER_NOUN, lexicon::is_speaker_noun),
            (list::INDEFINITE_WORD, is_indefinite_word),
            (list::DOCUMENT_NOUN, lexicon::is_document_noun),
            (list::OFFICIALISH, is_officialish),
        ];
        let mut words: Vec<&str> = lists().into_iter().flat_map(|(l, _)| l).collect();
        // The packed table holds words of up to its longest key only.
        for w in &words {
            assert!(w.len() <= crate::attribution::words::MAX_LEN, "{w}");
        }
        words.extend([
            "",
            "x",
            "said",
            "officialx",
            "the2",
            "12",
            "Officials",
            "mayors",
        ]);
        for w in words {
            for (bit, test) in tests {
                assert_eq!(
                    listed_at(w.as_bytes(), 0, w.len()) & bit != 0,
                    test(w),
                    "{w} {bit}"
                );
            }
        }
    }

    #[test]
    fn source_byte_classes_match_the_predicates() {
        for b in 0u8..=255 {
            let wordy = b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'-' | b'.');
            assert_eq!(SOURCE_BYTE[usize::from(b)] & WORDY != 0, wordy, "{b}");
            let sep = matches!(b, b',' | b'(');
            assert_eq!(SOURCE_BYTE[usize::from(b)] & SEPARATOR != 0, sep, "{b}");
        }
    }

    #[test]
    fn every_reason_holds_an_anchor() {
        for r in ANONYMITY_REASONS {
            assert!(REASON_ANCHORS.iter().any(|a| r.contains(a)), "{r}");
        }
    }

    #[test]
    fn every_reason_has_a_word_the_gate_looks_for() {
        for r in ANONYMITY_REASONS {
            // A word after a space: the tokenizer starts a token there.
            let later = r.split(' ').skip(1).collect::<Vec<_>>();
            assert!(later.iter().any(|w| may_hold_reason(w.as_bytes())), "{r}");
        }
        // The first-letter gate turns away every letter no start begins with.
        for b in 0..=255u8 {
            let want = REASON_WORD_STARTS.iter().any(|p| p.as_bytes()[0] == b);
            assert_eq!(may_start_reason(b), want, "{b}");
        }
        for p in REASON_WORD_STARTS {
            // `Ctx::classify` asks only of words this long.
            assert!(p.len() >= 4, "{p}");
            let p = p.as_bytes();
            assert!(may_hold_reason(p));
            // The first-letter gate `Ctx::classify` asks first lets it through.
            assert!(may_start_reason(p[0]));
            assert!(!may_hold_reason(&p[1..]));
            assert!(!may_hold_reason(&p[..p.len() - 1]));
        }
        for w in [
            "", "a", "anon", "fea", "fearless", "namedx", "unnamed", "said",
        ] {
            let want = REASON_WORD_STARTS.iter().any(|p| w.starts_with(p));
            assert_eq!(may_hold_reason(w.as_bytes()), want, "{w}");
        }
    }

    /// Gated as `Ctx::classify` gates it, the answer is the search's on
    /// every reason in varied surroundings.
    #[test]
    fn gate_agrees_with_the_search_on_tokenized_sentences() {
        use crate::attribution::token::{tokenize, Kind};
        let mut cases: Vec<String> = Vec::new();
        for r in ANONYMITY_REASONS {
            cases.push(format!("A clerk, who {r}, said so."));
            cases.push(format!("“{r}”"));
            cases.push(format!("x{r}x's"));
            cases.push(format!("({})", r.to_uppercase()));
            cases.push(format!("-{r}-"));
            cases.push(r.replace(' ', "\u{a0}"));
        }
        cases.push("Upon background checks, she spoke.".into());
        cases.push("He feared nothing and said so.".into());
        let (mut toks, mut marks) = (Vec::new(), Default::default());
        for s in &cases {
            let lower = s.to_ascii_lowercase();
            tokenize(s, &lower, Span::new(0, s.len()), &mut toks, &mut marks);
            let gate = toks.iter().any(|t| {
                t.kind == Kind::Word && may_hold_reason(&lower.as_bytes()[t.start..t.end])
            });
            let want = has_anonymity_reason(&lower);
            assert_eq!(gate && want, want, "{s}");
        }
    }

    #[test]
    fn reasons_found_anywhere_in_the_sentence() {
        let cases = [
            ("an aide, who spoke on condition of anonymity, said", true),
            ("she was not authorized to discuss it", true),
            ("a source who asked not to be identified", true),
            ("they spoke on background.", true),
            ("because he feared reprisals", true),
            ("he feared nothing", false),
            ("the condition of the road", false),
            ("a nameless official said", false),
            ("", false),
        ];
        for (s, want) in cases {
            assert_eq!(has_anonymity_reason(s), want, "{s}");
        }
    }
}

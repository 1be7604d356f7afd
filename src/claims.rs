//! Claim signals (SPEC §3.1): what makes a sentence a disputable factual
//! claim that needs a source, and the exemptions of §3.2 that lift it.

use crate::lexicon::{Hit, Lexicon};
use crate::prebuilt::{GROUP_FEELS, PERCENT};
use crate::span::Span;
use std::sync::LazyLock;

/// The kinds of claim signal, C1–C7 in the rulebook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Signal {
    /// Figures of change or money.
    Change,
    /// Cause and effect.
    Cause,
    /// Evaluation, superlatives, loaded comparisons.
    Evaluation,
    /// Inner states and hidden facts.
    InnerState,
    /// Negative conduct: wrongdoing by someone.
    Misconduct,
    /// Prediction or unproven certainty.
    Prediction,
    /// What a whole group feels.
    GroupSentiment,
}

impl Signal {
    /// Short phrase for messages: "states a figure of change".
    pub fn describe(self) -> &'static str {
        match self {
            Signal::Change => "states a change in figures",
            Signal::Cause => "asserts a cause",
            Signal::Evaluation => "makes a judgment",
            Signal::InnerState => "says what someone knew, wanted or planned",
            Signal::Misconduct => "alleges wrongdoing",
            Signal::Prediction => "makes a prediction",
            Signal::GroupSentiment => "says how a whole group feels",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClaimSignal {
    pub signal: Signal,
    pub span: Span,
}

const CHANGE: &[&str] = &[
    "rose",
    "risen",
    "rises",
    "soared",
    "soars",
    "surged",
    "surges",
    "jumped",
    "jumps",
    "climbed",
    "climbs",
    "increased",
    "increases",
    "grew",
    "grown",
    "fell",
    "fallen",
    "falls",
    "dropped",
    "drops",
    "decreased",
    "decreases",
    "declined by",
    "declined sharply",
    "plunged",
    "plummeted",
    "tumbled",
    "slumped",
    "shrank",
    "shrunk",
    "doubled",
    "tripled",
    "quadrupled",
    "halved",
    "spiked",
    "dipped",
    "lost money",
    "owes",
    "owed",
    "overpaid",
    "underpaid",
    "saved",
    "profits",
    "profit",
    "revenue",
    "revenues",
    "deficit",
    "shortfall",
    "losses",
    "ranked",
    "ranks",
    "per capita",
    "more than doubled",
    "nearly doubled",
    "rate of",
    "cost taxpayers",
    "costing",
    "wasted",
    "fewer than",
    "more than twice",
];

const CAUSE: &[&str] = &[
    "because",
    "because of",
    "due to",
    "led to",
    "leads to",
    "caused",
    "causes",
    "causing",
    "resulted in",
    "results in",
    "driven by",
    "blamed on",
    "linked to",
    "came from",
    "amid fears",
    "as a result",
    "thanks to",
    "fueled by",
    "triggered",
    "contributed to",
    "stemmed from",
    "stems from",
    "attributable to",
    "owing to",
];

const EVALUATION: &[&str] = &[
    "unsafe",
    "illegal",
    "illegally",
    "reckless",
    "recklessly",
    "crumbling",
    "unpopular",
    "controversial",
    "dangerous",
    "dangerously",
    "disastrous",
    "chaotic",
    "corrupt",
    "negligent",
    "incompetent",
    "unfit",
    "inadequate",
    "shoddy",
    "dilapidated",
    "failing",
    "botched",
    "egregious",
    "outrageous",
    "scandal",
    "scandal-plagued",
    "disgraced",
    "notorious",
    "largest",
    "worst",
    "biggest",
    "highest",
    "lowest",
    "deadliest",
    "fastest",
    "best",
    "a record",
    "record high",
    "record low",
    "record number",
    "record-breaking",
    "far higher than",
    "far more than",
    "far worse than",
    "far fewer than",
    "much higher than",
    "dramatically",
    "drastically",
    "severely",
    "badly",
    "woefully",
    "alarmingly",
    "bombshell",
    "explosive",
    "damning",
    "shocking",
    "short-staffed",
    "understaffed",
    "overcrowded",
    "unprecedented",
    "vastly",
    "sharply",
];

const INNER_STATE: &[&str] = &[
    "knew",
    "known about",
    "was aware",
    "were aware",
    "wanted",
    "wants to",
    "feared",
    "fears",
    "plans to",
    "planned to",
    "planning to",
    "intends",
    "intended to",
    "intending to",
    "privately",
    "secretly",
    "quietly",
    "behind closed doors",
    "believes",
    "believed",
    "thinks",
    "hoped to",
    "hopes to",
    "sought to",
    "tried to hide",
    "attempted to",
    "suspected",
    "secret",
];

const MISCONDUCT: &[&str] = &[
    "ignored",
    "ignoring",
    "failed to",
    "fails to",
    "misled",
    "misleading",
    "concealed",
    "concealing",
    "covered up",
    "cover-up",
    "falsified",
    "overbilled",
    "overbilling",
    "violated",
    "violating",
    "retaliated",
    "retaliating",
    "harassed",
    "harassing",
    "berated",
    "mocked",
    "threatened",
    "pressured",
    "steered",
    "lied",
    "lying",
    "mismanaged",
    "neglected",
    "hid",
    "hiding",
    "embezzled",
    "stole",
    "stolen",
    "diverted",
    "defrauded",
    "abused",
    "bullied",
    "cheated",
    "fabricated",
    "forged",
    "refused to",
    "billed",
    "bribed",
    "kickbacks",
    "looted",
    "siphoned",
    "exploited",
    "discriminated",
    "intimidated",
    "punished",
    "ousted",
    "left exposed",
    "exposed",
    "disregarded",
    "botched",
];

const PREDICTION: &[&str] = &[
    "likely",
    "unlikely",
    "expected to",
    "poised to",
    "will probably",
    "almost certainly",
    "is set to",
    "are set to",
    "bound to",
    "on track to",
    "will likely",
    "probably",
    "certain to",
    "is sure to",
    "inevitably",
];

const SENTIMENT: &[&str] = &[
    "frustrated",
    "angry",
    "worried",
    "concerned",
    "upset",
    "furious",
    "outraged",
    "anxious",
    "fearful",
    "alarmed",
    "skeptical",
    "divided",
    "unhappy",
    "relieved",
    "fed up",
    "uneasy",
    "nervous",
    "livid",
    "dismayed",
    "disappointed",
];

/// All signal words, each once, with its kind.
struct SignalWords {
    words: Vec<&'static str>,
    kinds: Vec<Signal>,
}

static WORDS: LazyLock<SignalWords> = LazyLock::new(|| {
    let lists: [(&[&str], Signal); 7] = [
        (CHANGE, Signal::Change),
        (CAUSE, Signal::Cause),
        (EVALUATION, Signal::Evaluation),
        (INNER_STATE, Signal::InnerState),
        (MISCONDUCT, Signal::Misconduct),
        (PREDICTION, Signal::Prediction),
        (SENTIMENT, Signal::GroupSentiment),
    ];
    let mut words = Vec::new();
    let mut kinds = Vec::new();
    for (list, kind) in lists {
        for w in list {
            if !words.contains(w) {
                words.push(*w);
                kinds.push(kind);
            }
        }
    }
    SignalWords { words, kinds }
});

/// The signal words, for a lexicon that scans for them with other lists
/// (`crate::rules::sentence_words`); its hits go to [`signals_from_hits`].
pub(crate) fn signal_words() -> &'static [&'static str] {
    &WORDS.words
}

/// The claim signals of one sentence (`span` of `prose`).
pub fn signals(prose: &str, span: Span) -> Vec<ClaimSignal> {
    static LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(signal_words()));
    signals_from_hits(prose, span, LEX.find_in(prose, span))
}

/// The claim signals of one sentence (`span` of `prose`) whose
/// [`signal_words`] are `hits`.
pub(crate) fn signals_from_hits(
    prose: &str,
    span: Span,
    hits: impl IntoIterator<Item = Hit>,
) -> Vec<ClaimSignal> {
    let mut out = Vec::new();
    let percent = mentions_percent(span.slice(prose));
    signals_from_hits_into(prose, span, percent, hits, &mut out);
    out
}

/// [`signals_from_hits`], appended to `out`, given whether the sentence has
/// a `%`, "percent" or "per cent" ([`mentions_percent`]).
pub(crate) fn signals_from_hits_into(
    prose: &str,
    span: Span,
    percent_mark: bool,
    hits: impl IntoIterator<Item = Hit>,
    out: &mut Vec<ClaimSignal>,
) {
    let base = out.len();
    let text = span.slice(prose);
    // (the cheap searches first)
    let first_digit = || text.bytes().position(|b| b.is_ascii_digit());
    if let Some(d) = percent_mark.then(first_digit).flatten() {
        // Every match starts at a digit: the search starts at the character
        // before the first one (which decides its `\b`).
        let from = text[..d].char_indices().next_back().map_or(0, |(k, _)| k);
        for m in PERCENT.find_iter(&text[from..]) {
            out.push(ClaimSignal {
                signal: Signal::Change,
                span: Span::new(span.start + from + m.start, span.start + from + m.end),
            });
        }
    }
    // A figure: a percentage, or a dollar sign (looked for only when a
    // money word asks).
    let percent_figures = out.len() > base;
    let mut has_figure = None;
    for h in hits {
        let signal = WORDS.kinds[h.pattern];
        let keep = match signal {
            // Money words are claims only next to a figure.
            Signal::Change => {
                let word = h.span.slice(prose);
                ![
                    "profit",
                    "profits",
                    "revenue",
                    "revenues",
                    "saved",
                    "owes",
                    "owed",
                    "losses",
                    "deficit",
                    "shortfall",
                ]
                .iter()
                .any(|m| word.eq_ignore_ascii_case(m))
                    || *has_figure.get_or_insert_with(|| percent_figures || text.contains('$'))
            }
            Signal::GroupSentiment => {
                GROUP_FEELS.is_match(feel_tail(&prose[span.start..h.span.start]))
            }
            _ => true,
        };
        if keep {
            out.push(ClaimSignal {
                signal,
                span: h.span,
            });
        }
    }
    out[base..].sort_by_key(|s| s.span.start);
}

/// The end of `text` that can hold a [`GROUP_FEELS`] match (anchored at the
/// end): its last three runs of non-spaces (`have grown increasingly`) with
/// the space before them, so the search need not read the whole sentence.
fn feel_tail(text: &str) -> &str {
    // The pattern's `\s` (ASCII, vertical tab included).
    let space = |b: u8| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ');
    let b = text.as_bytes();
    let mut i = b.len();
    for _ in 0..3 {
        while i > 0 && space(b[i - 1]) {
            i -= 1;
        }
        while i > 0 && !space(b[i - 1]) {
            i -= 1;
        }
    }
    // At a space or the start: a char boundary.
    text.get(i.saturating_sub(1)..).unwrap_or(text)
}

/// Does `text` have a `%`, "percent" or "per cent"? (`str::contains` with
/// a string builds a searcher on every call.)
fn mentions_percent(text: &str) -> bool {
    let b = text.as_bytes();
    let mut at = 0;
    while let Some(k) = crate::sentences::find_any_of4(&b[at..], [b'%', b'p', b'p', b'p']) {
        let i = at + k;
        let rest = &b[i..];
        if rest[0] == b'%' || rest.starts_with(b"percent") || rest.starts_with(b"per cent") {
            return true;
        }
        at = i + 1;
    }
    false
}

/// §3.2 exemptions that hold whatever the signals: questions (E7) and
/// conditionals (E4) assert nothing.
pub fn asserts_nothing(sentence: &str) -> bool {
    let t = sentence.trim();
    let t = t.trim_end_matches(['"', '”', '\'', '’', ')']);
    if t.ends_with('?') {
        return true;
    }
    let t = t.trim_start_matches(['"', '“', '(']).as_bytes();
    // Case-blind prefixes, without a lower-case copy of the sentence.
    let starts = |p: &str| {
        t.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    };
    starts("if ")
        || starts("unless ")
        || starts("whether ")
        // E6: the contents of an identified document ("Under the proposal, ...").
        || starts("under the ")
        || starts("under its ")
        || starts("under their ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tail [`feel_tail`] keeps matches exactly where the whole text does.
    #[test]
    fn group_feels_on_the_tail_is_group_feels_on_the_text() {
        let texts = [
            "",
            "are ",
            "Parents here are ",
            "Parents here are increasingly ",
            "The growers have grown deeply  ",
            "The growers have  grown very ",
            "Riders.were ",
            "Riders were\x0Bvery\t",
            "Bakers remain growing \n",
            "Bakers remained é ",
            "Most fans felt",
            "Most fans feel very much ",
            "is is is is ",
            "xwas ",
        ];
        for text in texts {
            assert_eq!(
                GROUP_FEELS.is_match(feel_tail(text)),
                GROUP_FEELS.is_match(text),
                "{text:?}"
            );
        }
        assert!(GROUP_FEELS.is_match(feel_tail("Parents here are increasingly ")));
    }

    fn kinds(s: &str) -> Vec<Signal> {
        let mut v: Vec<Signal> = signals(s, Span::new(0, s.len()))
            .into_iter()
            .map(|c| c.signal)
            .collect();
        v.dedup();
        v
    }

    #[test]
    fn signal_table() {
        let cases: &[(&str, &[Signal])] = &[
            ("Ridership fell 12% last spring.", &[Signal::Change]),
            (
                "The plant closed because demand collapsed.",
                &[Signal::Cause],
            ),
            ("The bridge is unsafe.", &[Signal::Evaluation]),
            ("The director knew the pipes leaked.", &[Signal::InnerState]),
            ("The contractor falsified the logs.", &[Signal::Misconduct]),
            ("The levy is likely to pass.", &[Signal::Prediction]),
            (
                "Tenants are frustrated with the repairs.",
                &[Signal::GroupSentiment],
            ),
            ("The board meets on Tuesday.", &[]),
            ("The district serves about 4,100 students.", &[]),
            ("The firm reported revenue.", &[]),
            ("The firm's revenue reached $4 million.", &[Signal::Change]),
        ];
        for (s, want) in cases {
            assert_eq!(&kinds(s), want, "{s}");
        }
    }

    #[test]
    fn questions_and_conditionals_assert_nothing() {
        assert!(asserts_nothing("Was the audit ignored?"));
        assert!(asserts_nothing("If convicted, he faces ten years."));
        assert!(!asserts_nothing("The audit was ignored."));
    }
}

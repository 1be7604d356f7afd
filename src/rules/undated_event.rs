//! `undated-event`: a one-off past or future event told in the reporter's
//! voice with no time anchor, own or inherited (SPEC §4.5).

use super::{Context, Rule};
use crate::prebuilt::{event_noun, EVENT_NOUN};
use crate::time::Relativity;
use crate::{Code, Edit, Finding, Fix, Severity, Span};
use std::sync::LazyLock;

pub struct UndatedEvent;

/// One-off events: base form, past forms. Future forms are built as "will" + base.
const EVENTS: &[(&str, &[&str])] = &[
    ("announce", &["announced"]),
    ("approve", &["approved"]),
    ("vote", &["voted"]),
    ("pass", &["passed"]),
    ("reject", &["rejected"]),
    ("veto", &["vetoed"]),
    ("sign", &["signed"]),
    ("file", &["filed"]),
    ("sue", &["sued"]),
    ("settle", &["settled"]),
    ("arrest", &["arrested"]),
    ("charge", &["charged"]),
    ("indict", &["indicted"]),
    ("convict", &["convicted"]),
    ("sentence", &["sentenced"]),
    ("resign", &["resigned"]),
    ("fire", &["fired"]),
    ("hire", &["hired"]),
    ("appoint", &["appointed"]),
    ("elect", &["elected"]),
    ("open", &["opened"]),
    ("close", &["closed"]),
    ("shut down", &["shut down"]),
    ("launch", &["launched"]),
    ("release", &["released"]),
    ("recall", &["recalled"]),
    ("buy", &["bought"]),
    ("sell", &["sold"]),
    ("acquire", &["acquired"]),
    ("lay off", &["laid off"]),
    ("crash", &["crashed"]),
    ("burn", &["burned"]),
    ("die", &["died"]),
    ("kill", &["killed"]),
    ("win", &["won"]),
    ("protest", &["protested"]),
    ("strike", &["struck"]),
    ("evacuate", &["evacuated"]),
    ("inspect", &["inspected"]),
    ("tour", &["toured"]),
    ("examine", &["examined"]),
    ("interview", &["interviewed"]),
    ("search", &["searched"]),
    ("condemn", &["condemned"]),
    ("meet", &["met"]),
    ("suspend", &["suspended"]),
    ("terminate", &["terminated"]),
    ("dismiss", &["dismissed"]),
    ("raid", &["raided"]),
    ("seize", &["seized"]),
    ("demolish", &["demolished"]),
    ("award", &["awarded"]),
    ("issue", &["issued"]),
    ("cite", &["cited"]),
    ("fine", &["fined"]),
    ("break ground", &["broke ground"]),
    ("place", &["placed"]),
    ("unveil", &["unveiled"]),
    ("introduce", &["introduced"]),
    ("postpone", &["postponed"]),
    ("cancel", &["canceled", "cancelled"]),
    ("hold", &["held"]),
    ("testify", &["testified"]),
    ("plead", &["pleaded", "pled"]),
    ("rule", &["ruled"]),
    ("order", &["ordered"]),
    ("shoot", &["shot"]),
    ("injure", &["injured"]),
    ("flood", &["flooded"]),
    ("collapse", &["collapsed"]),
    ("explode", &["exploded"]),
    ("erupt", &["erupted"]),
    ("discover", &["discovered"]),
    ("found", &["founded"]),
    ("merge", &["merged"]),
    ("cut", &[]),
    ("begin", &["began"]),
    ("end", &["ended"]),
    ("send", &["sent"]),
    ("submit", &["submitted"]),
    ("publish", &["published"]),
    ("post", &["posted"]),
    ("lose", &[]),
    ("revoke", &["revoked"]),
    ("stop", &["stopped"]),
    ("halt", &["halted"]),
    ("resume", &["resumed"]),
    ("reopen", &["reopened"]),
    ("quit", &[]),
    ("leave", &[]),
    ("withdraw", &["withdrew"]),
    ("drop", &["dropped"]),
];

/// The event verbs, and each one's event stem.
struct EventWords {
    words: Vec<String>,
    /// Pattern index → event stem (first four letters of the base form).
    stems: Vec<String>,
}

static WORDS: LazyLock<EventWords> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut stems = Vec::new();
    for (base, past) in EVENTS {
        let stem: String = base.chars().take(4).collect();
        for w in past.iter().map(|p| p.to_string()).chain([
            format!("will {base}"),
            format!("will not {base}"),
            format!("plans to {base}"),
        ]) {
            words.push(w);
            stems.push(stem.clone());
        }
    }
    EventWords { words, stems }
});

/// The event verbs, for the lexicon that finds them in each sentence
/// ([`super::sentence_words`]); `Context::events` holds its hits.
pub(crate) fn event_words() -> &'static [String] {
    &WORDS.words
}

impl Rule for UndatedEvent {
    fn code(&self) -> Code {
        Code::UndatedEvent
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let prose = &cx.doc.prose;
        // Pass 1: which sentences carry their own time anchor.
        let mut own_anchor = vec![false; cx.sentences.len()];
        let mut ti = 0;
        for (si, s) in cx.sentences.iter().enumerate() {
            while ti < cx.temporals.len() && cx.temporals[ti].span.end <= s.span.start {
                ti += 1;
            }
            own_anchor[si] = cx.temporals[ti..]
                .iter()
                .take_while(|t| t.span.start < s.span.end)
                .any(|t| t.relativity != Relativity::Generic);
        }
        // Events anchored anywhere in the draft, by stem, for definite references.
        // (A few stems: a list, searched in place.)
        let mut anchored_stems: Vec<&str> = Vec::new();
        for (_, hits) in own_anchor.iter().zip(cx.events.iter()).filter(|(a, _)| **a) {
            for h in hits {
                let stem = WORDS.stems[h.pattern].as_str();
                if !anchored_stems.contains(&stem) {
                    anchored_stems.push(stem);
                }
            }
        }
        let mut paragraph_anchored = false;
        let mut prev_block = usize::MAX;
        for (si, s) in cx.sentences.iter().enumerate() {
            if s.block != prev_block {
                paragraph_anchored = false;
                prev_block = s.block;
            }
            if own_anchor[si] {
                paragraph_anchored = true;
                continue;
            }
            // No event verb, no event: skip the text checks below.
            if paragraph_anchored
                || !cx.is_checked(s)
                || !cx.voices[si].is_reporter()
                || cx.events[si].is_empty()
            {
                continue;
            }
            // A TK placeholder is the reporter's promise of a time element.
            if super::leftover_tk::tk_positions(prose, s.span)
                .next()
                .is_some()
            {
                continue;
            }
            let Some(verb) = main_clause_event(cx, s.span, &cx.events[si]) else {
                continue;
            };
            if refers_to_anchored_event(prose, s.span, &anchored_stems) {
                continue;
            }
            let verb_text = cx.prose(verb);
            let text = cx.prose(s.span).trim_end();
            let mut fixes = Vec::new();
            if let Some(last) = text.chars().last().filter(|c| matches!(c, '.' | '!')) {
                let at = s.span.start + text.len() - last.len_utf8();
                fixes.push(Fix {
                    title: "Add time element (\" on TK\")".into(),
                    edits: smallvec::smallvec![Edit {
                        span: Span::new(at, at),
                        text: " on TK".into(),
                    }],
                    bulk_safe: true,
                });
            }
            out.push(Finding {
                code: Code::UndatedEvent,
                severity: Severity::Warning,
                span: s.span,
                message: [
                    "\"",
                    verb_text,
                    "\" tells of a one-off event with no time element in this paragraph; say when it happened or will happen.",
                ]
                .concat()
                .into(),
                related: vec![],
                fixes,
            });
        }
    }
}

/// The first event verb in a main clause: outside quotations, relative
/// clauses and appositives, and not an infinitive.
fn main_clause_event(cx: &Context, span: Span, hits: &[crate::lexicon::Hit]) -> Option<Span> {
    let prose = &cx.doc.prose;
    let text = span.slice(prose);
    // "did not respond", "declined to comment", "could not be reached"
    if super::response_phrases(text) & 0b1101 != 0 || crate::claims::asserts_nothing(text) {
        return None;
    }
    // Lower-casing keeps every byte offset: the text before and after each
    // hit is a slice of this one copy.
    let lower = text.to_ascii_lowercase();
    for h in hits {
        if cx.in_direct_quote(h.span.start) {
            continue;
        }
        let before_lower = &lower[..h.span.start - span.start];
        // Infinitives and perfects with "to": "voted to approve".
        if before_lower.ends_with(" to ") {
            continue;
        }
        // Inside a relative clause or appositive: after ", who/which/where/when"
        // with no closing comma yet.
        let segment = before_lower.rsplit(',').next().unwrap_or("");
        let seg_trim = segment.trim_start();
        if before_lower.contains(',')
            && [
                "who ", "which ", "where ", "when ", "whose ", "after ", "before ", "as ",
                "since ", "until ",
            ]
            .iter()
            .any(|w| seg_trim.starts_with(w))
        {
            continue;
        }
        if ["who ", "which ", "that "]
            .iter()
            .any(|w| before_lower.ends_with(w))
            && before_lower.contains(',')
        {
            continue;
        }
        // Subordinate clauses at the start: "After the plant closed, ..."
        let first = before_lower.trim_start();
        if [
            "after ", "before ", "when ", "since ", "until ", "once ", "while ", "because ",
        ]
        .iter()
        .any(|w| first.starts_with(w))
            && !before_lower.contains(',')
        {
            continue;
        }
        // Present passives are states ("is charged with"); participles in a
        // reduced relative ("residents appointed by the mayor") are background.
        let after = &lower[h.span.end - span.start..];
        if before_lower.ends_with(" is ") || before_lower.ends_with(" are ") {
            continue;
        }
        if after.starts_with(" by ")
            && !["was ", "were ", "been ", "be "]
                .iter()
                .any(|w| before_lower.ends_with(w))
        {
            continue;
        }
        // "has not paid", negated events are states.
        if before_lower.ends_with("not ") || before_lower.ends_with("never ") {
            continue;
        }
        // Participles used as adjectives: "the closed plant", "a signed letter".
        if before_lower.ends_with("the ")
            || before_lower.ends_with(" a ")
            || before_lower.ends_with(" an ")
        {
            continue;
        }
        return Some(h.span);
    }
    None
}

fn refers_to_anchored_event(prose: &str, span: Span, anchored: &[&str]) -> bool {
    if anchored.is_empty() {
        return false;
    }
    let text = span.slice(prose);
    EVENT_NOUN.find_iter(text).into_iter().any(|m| {
        let noun = text.get(m).map_or("", event_noun);
        if noun.len() < 4 {
            return false;
        }
        // The noun's first four characters, ASCII lower-cased, without a
        // copy of the noun (four characters fill at most sixteen bytes).
        let end = noun.char_indices().nth(4).map_or(noun.len(), |(k, _)| k);
        let mut buf = [0u8; 16];
        let stem = &mut buf[..end];
        stem.copy_from_slice(&noun.as_bytes()[..end]);
        stem.make_ascii_lowercase();
        let stem = std::str::from_utf8(stem).unwrap_or_default();
        anchored.contains(&stem) && !is_entity_noun(noun)
    })
}

/// Nouns that share a stem with an event but name a thing ("the fire
/// truck"), ASCII case ignored.
fn is_entity_noun(noun: &str) -> bool {
    [
        "firefighters",
        "firm",
        "files",
        "post",
        "office",
        "officer",
        "order",
        "orders",
        "rules",
        "issues",
    ]
    .iter()
    .any(|e| noun.eq_ignore_ascii_case(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search as it was: a lower-cased copy of each noun and its stem.
    fn refers_plain(prose: &str, span: Span, anchored: &HashSet<&str>) -> bool {
        if anchored.is_empty() {
            return false;
        }
        let text = span.slice(prose);
        EVENT_NOUN.find_iter(text).into_iter().any(|m| {
            let noun = text.get(m).map_or("", event_noun).to_ascii_lowercase();
            let stem: String = noun.chars().take(4).collect();
            noun.len() >= 4
                && anchored.contains(stem.as_str())
                && !matches!(
                    noun.as_str(),
                    "firefighters"
                        | "firm"
                        | "files"
                        | "post"
                        | "office"
                        | "officer"
                        | "order"
                        | "orders"
                        | "rules"
                        | "issues"
                )
        })
    }

    use std::collections::HashSet;

    #[test]
    fn anchored_event_nouns_match_the_plain_search() {
        let parts = [
            "the",
            "The",
            "THAT",
            "this",
            "its",
            "their",
            "new",
            "city",
            "vote",
            "Votes",
            "firm",
            "FIRM",
            "Firefighters",
            "fire",
            "fires",
            "closure",
            "sale",
            "sales",
            "post",
            "Posting",
            "order",
            "ORDERS",
            "rules",
            "ruling",
            "issues",
            "office",
            "ſuit",
            "\u{212A}ill",
            "Ⅻ",
            "hiring",
            "signing",
            "arrest",
            "met",
            "meeting",
            "a",
            "on",
            ",",
            ".",
            "\n",
            "é",
        ];
        let stems: Vec<&str> = WORDS.stems.iter().map(String::as_str).collect();
        let sets: [HashSet<&str>; 3] = [
            stems.iter().copied().collect(),
            ["fire", "vote", "clos", "sell", "orde", "rule"]
                .into_iter()
                .collect(),
            HashSet::new(),
        ];
        let mut seed = 0x51a3_9e07_c0de_f00du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..1 + next() % 10 {
                text.push_str(parts[(next() % parts.len() as u64) as usize]);
                text.push(' ');
            }
            let span = Span::new(0, text.len());
            for set in &sets {
                let list: Vec<&str> = set.iter().copied().collect();
                assert_eq!(
                    refers_to_anchored_event(&text, span, &list),
                    refers_plain(&text, span, set),
                    "{text:?}"
                );
            }
        }
    }
}

//! `vague-attribution`: a source marker whose source a reader cannot identify,
//! and hedges (SPEC §3.4–3.5, §3.7 vague speakers).

use super::{Context, Rule};
use crate::attribution::{AttributionKind, SourceClass};
use crate::claims::Signal;
use crate::{Code, Edit, Finding, Fix, Severity, Span};

pub struct VagueAttribution;

impl Rule for VagueAttribution {
    fn code(&self) -> Code {
        Code::VagueAttribution
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        // Only an "alleged" hedge asks (rarely): worked out on first use.
        let legal_sourced = std::cell::OnceCell::new();
        let legal_sourced = || {
            *legal_sourced.get_or_init(|| {
                cx.attributions.iter().any(|a| {
                    matches!(
                        a.source_class,
                        SourceClass::Named | SourceClass::Institutional
                    ) && a.cue.iter().chain(&a.source).any(|c| {
                        let t = cx.prose(*c).to_ascii_lowercase();
                        [
                            "alleg",
                            "charg",
                            "accus",
                            "complaint",
                            "lawsuit",
                            "prosecutor",
                            "indict",
                            "suit",
                        ]
                        .iter()
                        .any(|k| t.contains(k))
                    })
                })
            })
        };
        for a in cx.attributions {
            let hedge = a.kind == AttributionKind::Hedge;
            if !(hedge || (a.source_class == SourceClass::Vague && a.kind.sources_claim())) {
                continue;
            }
            let Some(s) = cx.sentences.get(a.sentence) else {
                continue;
            };
            if !cx.is_checked(s) {
                continue;
            }
            let span = if hedge {
                a.cue.first().copied()
            } else {
                a.source.first().copied().or(a.cue.first().copied())
            };
            let Some(span) = span else {
                continue;
            };
            // Hedges and vague sources inside someone's quotation are theirs.
            if cx.in_direct_quote(span.start) {
                continue;
            }
            let phrase = cx.prose(span).trim();
            let alleged = phrase
                .as_bytes()
                .get(..7)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"alleged"));
            if hedge && alleged && legal_sourced() {
                continue;
            }
            // House lists (copydesk.toml): a trusted name is never vague; a
            // house vague term stays vague even where the phrase looks identifiable.
            let house = cx.opts.house.lexicon();
            if house.is_trusted(phrase) {
                continue;
            }
            // Lower-cased only for a vague source (hedges need no copy).
            let lower = if hedge {
                String::new()
            } else {
                phrase.to_ascii_lowercase()
            };
            if !hedge && identifiable_lower(&lower) && !house.is_vague(phrase) {
                continue;
            }
            let negative = cx.signals[a.sentence]
                .iter()
                .any(|x| matches!(x.signal, Signal::Misconduct | Signal::Evaluation));
            let names_someone = cx.names_someone(s.span);
            let severity = if negative && names_someone {
                Severity::Warning
            } else {
                Severity::Info
            };
            let message = if hedge {
                [
                    "\"",
                    phrase,
                    "\" hedges without saying who says so; name the source or drop the claim.",
                ]
                .concat()
            } else {
                ["\"", phrase, "\" does not tell readers who the source is; name them, or say how they know and why they are not named."].concat()
            };
            let mut fixes = Vec::new();
            if !hedge {
                // Two fixes at most, and the ignore fix the analyser appends.
                fixes.reserve_exact(3);
                fixes.push(Fix {
                    title: "Describe the anonymous source".into(),
                    edits: smallvec::smallvec![Edit {
                        span: Span::new(span.end, span.end),
                        text: ", who spoke on condition of anonymity because TK,".into(),
                    }],
                    bulk_safe: false,
                });
                for (needle, text) in [
                    ("a report", "a TK report by TK"),
                    ("a study", "a TK study by TK"),
                    ("a survey", "a TK survey by TK"),
                    ("a analysis", "a TK analysis by TK"),
                    ("a memo", "a TK memo by TK"),
                ] {
                    if let Some(i) = find_a_phrase(&lower, needle) {
                        let s0 = span.start
                            + (cx.prose(span).len() - cx.prose(span).trim_start().len())
                            + i;
                        fixes.push(Fix {
                            title: "Name the document".into(),
                            edits: smallvec::smallvec![Edit {
                                span: Span::new(s0, s0 + needle.len()),
                                text: text.into(),
                            }],
                            bulk_safe: false,
                        });
                        break;
                    }
                }
            }
            out.push(Finding {
                code: Code::VagueAttribution,
                severity,
                span,
                message: message.into(),
                related: vec![],
                fixes,
            });
        }
    }
}

/// `hay.find(needle)` for a needle starting with `a`: checked only where
/// an `a` is (a `str` searcher is built on every `find`), the `a`s found
/// eight bytes at a time.
fn find_a_phrase(hay: &str, needle: &str) -> Option<usize> {
    debug_assert!(needle.starts_with('a'));
    let b = hay.as_bytes();
    let mut at = 0;
    while let Some(k) = crate::sentences::find_any_of4(&b[at..], [b'a'; 4]) {
        let i = at + k;
        if b[i..].starts_with(needle.as_bytes()) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// Source phrases the rulebook counts as identifiable even without a name:
/// a definite document or body ("the lawsuit", "the Post report"), someone
/// placed by a possessive ("her brother", "the mayor's aide"), or a document
/// with its author ("an estimate by the township engineer").
#[cfg(test)]
fn identifiable(phrase: &str) -> bool {
    identifiable_lower(&phrase.to_ascii_lowercase())
}

/// [`identifiable`] of a phrase already lower-cased (ASCII).
fn identifiable_lower(lower: &str) -> bool {
    let words: smallvec::SmallVec<[&str; 8]> = lower.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    const DOCUMENTS: &[&str] = &[
        "report",
        "lawsuit",
        "audit",
        "complaint",
        "contract",
        "filing",
        "filings",
        "records",
        "memo",
        "letter",
        "statement",
        "indictment",
        "ruling",
        "order",
        "study",
        "analysis",
        "survey",
        "estimate",
        "review",
        "investigation",
        "proposal",
        "budget",
        "documents",
        "release",
        "data",
        "minutes",
        "transcript",
        "affidavit",
        "petition",
        "motion",
    ];
    const GENERIC_PEOPLE: &[&str] = &[
        "sources",
        "source",
        "officials",
        "insiders",
        "observers",
        "experts",
        "analysts",
        "critics",
        "opponents",
        "supporters",
        "allies",
        "people",
        "some",
        "many",
        "several",
        "others",
    ];
    let head = words
        .iter()
        .take_while(|w| {
            !matches!(
                **w,
                "by" | "from" | "of" | "for" | "at" | "who" | "that" | "with"
            )
        })
        .last()
        .copied()
        .unwrap_or(first)
        .trim_matches(|c: char| !c.is_alphanumeric());
    let definite = matches!(*first, "the" | "this" | "that" | "its" | "their");
    if definite && DOCUMENTS.contains(&head) {
        return true;
    }
    let possessive = matches!(*first, "his" | "her" | "their" | "its" | "my" | "our")
        || first.ends_with("'s")
        || first.ends_with("’s");
    if possessive && !GENERIC_PEOPLE.contains(&head) {
        return true;
    }
    if DOCUMENTS.contains(&head) && words.contains(&"by") {
        return true;
    }
    // An institutional qualifier lifts a head out of the vague list ("state
    // auditors", "city officials"), but not the anonymous heads ("a source
    // at the hospital").
    const INSTITUTIONAL: &[&str] = &[
        "state",
        "city",
        "county",
        "federal",
        "municipal",
        "township",
        "district",
        "police",
        "school",
        "hospital",
        "company",
        "court",
        "university",
        "government",
        "administration",
        "agency",
        "department",
        "state's",
        "city's",
        "county's",
        "company's",
    ];
    const ANONYMOUS: &[&str] = &[
        "source", "sources", "people", "person", "insider", "insiders", "someone", "official",
        "others",
    ];
    let before_head = words
        .iter()
        .take_while(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) != head);
    let qualified = before_head
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .any(|w| INSTITUTIONAL.contains(&w));
    qualified && !ANONYMOUS.contains(&head) && !GENERIC_PEOPLE[..1].contains(&head)
}

#[cfg(test)]
mod tests {
    use super::{find_a_phrase, identifiable};

    #[test]
    fn a_phrases_are_found_where_find_finds_them() {
        let hays = [
            "",
            "a",
            "a report",
            "aaa a reporter said",
            "according to a study and a survey",
            "the mayor's aide cited an analysis, a memo and a report",
            "no such phrase at all in this long-winded line of text aaaa",
        ];
        for hay in hays {
            for needle in ["a report", "a study", "a survey", "a memo", "a"] {
                assert_eq!(
                    find_a_phrase(hay, needle),
                    hay.find(needle),
                    "{hay:?} {needle:?}"
                );
            }
        }
    }

    #[test]
    fn identifiable_sources_table() {
        let cases = [
            ("the lawsuit", true),
            ("The Ledger report", true),
            ("her brother", true),
            ("Reyes's aide", true),
            ("an estimate by the county assessor", true),
            ("a report", false),
            ("critics", false),
            ("their critics", false),
            ("people familiar with the talks", false),
            ("one parent", false),
            ("state auditors", true),
            ("city officials", true),
            ("a source at the hospital", false),
            ("county sources", false),
        ];
        for (phrase, want) in cases {
            assert_eq!(identifiable(phrase), want, "{phrase}");
        }
    }
}

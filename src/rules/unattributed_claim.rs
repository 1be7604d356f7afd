//! `unattributed-claim`: a disputable claim in the reporter's voice with no
//! source, own or carried over (SPEC §3.1–3.2, §3.6); and unsourced tables.

use super::{Context, Rule};
use crate::claims::{self, Signal};
use crate::document::BlockKind;
use crate::finding::Text;
use crate::{Code, Edit, Finding, Fix, Severity, Span};

pub struct UnattributedClaim;

impl Rule for UnattributedClaim {
    fn code(&self) -> Code {
        Code::UnattributedClaim
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (si, s) in cx.sentences.iter().enumerate() {
            // No claim signal, no claim: skip the text checks below.
            if !cx.is_checked(s) || !cx.voices[si].is_reporter() || cx.signals[si].is_empty() {
                continue;
            }
            let text = cx.prose(s.span);
            if claims::asserts_nothing(text) || is_response_line(text) {
                continue;
            }
            // Signals inside a quotation belong to the quoted speaker.
            let mut unquoted = cx.signals[si]
                .iter()
                .filter(|sig| !cx.in_direct_quote(sig.span.start));
            let Some(first) = unquoted.next() else {
                continue;
            };
            let misconduct = first.signal == Signal::Misconduct
                || unquoted.any(|x| x.signal == Signal::Misconduct);
            let (severity, why) = if misconduct && cx.names_someone(s.span) {
                (Severity::Error, Signal::Misconduct)
            } else {
                (Severity::Warning, first.signal)
            };
            out.push(Finding {
                code: Code::UnattributedClaim,
                severity,
                span: s.span,
                message: message(why).into(),
                related: Vec::new(),
                fixes: attribution_fixes(cx, s.span),
            });
        }
        unsourced_tables(cx, out);
    }
}

/// "X did not respond to a request for comment" is a response line, not a claim.
fn is_response_line(text: &str) -> bool {
    super::response_phrases(text) != 0
}

/// The finding's message for the claim signal `why`: a fixed text per
/// signal, so none is built per finding.
fn message(why: Signal) -> &'static str {
    macro_rules! say {
        ($($signal:ident => $describe:literal,)*) => {
            match why {
                $(Signal::$signal => concat!(
                    "This sentence ",
                    $describe,
                    " in the reporter's voice but gives no source; attribute it to whoever established it."
                ),)*
            }
        };
    }
    say! {
        Change => "states a change in figures",
        Cause => "asserts a cause",
        Evaluation => "makes a judgment",
        InnerState => "says what someone knew, wanted or planned",
        Misconduct => "alleges wrongdoing",
        Prediction => "makes a prediction",
        GroupSentiment => "says how a whole group feels",
    }
}

/// SPEC §7: "Add end attribution" and "Add 'according to'", for each nearby
/// source and for a TK placeholder.
fn attribution_fixes(cx: &Context, span: Span) -> Vec<Fix> {
    let text = cx.prose(span);
    let nearby = cx.nearby_sources(span.start, 2);
    let trimmed = text.trim_end();
    let end_dot = trimmed.ends_with('.');
    let first_word = &text[..text
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(text.len())];
    let lower_first = matches!(
        first_word,
        "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "Its"
            | "Their"
            | "His"
            | "Her"
            | "It"
            | "They"
            | "He"
            | "She"
            | "Some"
            | "Many"
            | "More"
            | "Most"
            | "About"
            | "Nearly"
            | "Almost"
            | "Visits"
            | "Revenue"
    ) || first_word.chars().all(|c| !c.is_uppercase());
    // "According to" replaces the first character with its lower case
    // when the sentence's first word allows: one edit, applied atomically.
    let lowered = text
        .chars()
        .next()
        .filter(|_| lower_first)
        .map(|c| (c.len_utf8(), c.to_lowercase()));
    let according_span = match lowered {
        Some((len, _)) => Span::new(span.start, span.start + len),
        None => Span::new(span.start, span.start),
    };
    // Room for the ignore fix the analyser appends to every finding.
    let per_source = 1 + usize::from(end_dot);
    let mut fixes = Vec::with_capacity((nearby.len() + 1) * per_source + 1);
    for src in nearby.iter().copied().map(Some).chain([None]) {
        // `None`: the TK placeholder, whose texts are fixed.
        let name = src.unwrap_or("TK");
        if end_dot {
            let dot = span.start + trimmed.len() - 1;
            let (title, edit): (Text, Text) = match src {
                Some(src) => (
                    ["Add end attribution: \", ", src, " said.\""]
                        .concat()
                        .into(),
                    [", ", src, " said."].concat().into(),
                ),
                None => (
                    "Add end attribution: \", TK said.\"".into(),
                    ", TK said.".into(),
                ),
            };
            fixes.push(Fix {
                title,
                edits: smallvec::smallvec![Edit {
                    span: Span::new(dot, dot + 1),
                    text: edit,
                }],
                bulk_safe: false,
            });
        }
        let text: Text = match (&lowered, src) {
            (Some((_, lower)), _) => {
                let mut t = String::with_capacity(16 + name.len());
                t.push_str("According to ");
                t.push_str(name);
                t.push_str(", ");
                t.extend(lower.clone());
                t.into()
            }
            (None, Some(src)) => ["According to ", src, ", "].concat().into(),
            (None, None) => "According to TK, ".into(),
        };
        let title: Text = match src {
            Some(src) => ["Add \"According to ", src, ", \""].concat().into(),
            None => "Add \"According to TK, \"".into(),
        };
        fixes.push(Fix {
            title,
            edits: smallvec::smallvec![Edit {
                span: according_span,
                text,
            }],
            bulk_safe: false,
        });
    }
    fixes
}

/// SPEC §1.3: a table is sourced when the nearest non-blank line above or
/// below starts `Source:`.
fn unsourced_tables(cx: &Context, out: &mut Vec<Finding>) {
    let blocks = &cx.doc.blocks;
    for (i, b) in blocks.iter().enumerate() {
        if b.kind != BlockKind::Table {
            continue;
        }
        let near = |j: usize| blocks.get(j).is_some_and(|n| n.kind == BlockKind::Credit);
        let sourced = (i > 0 && near(i - 1)) || near(i + 1) || credit_line_touching(cx, b.span);
        if sourced {
            continue;
        }
        let span = b.header.unwrap_or(b.span);
        out.push(Finding {
            code: Code::UnattributedClaim,
            severity: Severity::Warning,
            span,
            message: "This table gives figures with no source; add a `Source:` line directly above or below it.".into(),
            related: Vec::new(),
            fixes: vec![Fix {
                title: "Add a \"Source: TK\" line below the table".into(),
                edits: smallvec::smallvec![Edit {
                    span: Span::new(b.span.end, b.span.end),
                    text: "\n\nSource: TK".into(),
                }],
                bulk_safe: true,
            }],
        });
    }
}

/// Looks at the raw lines next to a table, which may not form blocks of their own.
fn credit_line_touching(cx: &Context, span: Span) -> bool {
    let text = &cx.doc.text;
    let above = text[..span.start]
        .trim_end()
        .rsplit('\n')
        .next()
        .unwrap_or("");
    let below = text[span.end..]
        .trim_start()
        .split('\n')
        .next()
        .unwrap_or("");
    [above, below].iter().any(|l| {
        let l = l.trim().trim_start_matches(['*', '_']).to_ascii_lowercase();
        l.starts_with("source:") || l.starts_with("sources:")
    })
}

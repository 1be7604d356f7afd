//! `unattributed-claim`: a disputable claim in the reporter's voice with no
//! source, own or carried over (SPEC §3.1–3.2, §3.6); and unsourced tables.

use super::{Context, Rule};
use crate::claims::{self, Signal};
use crate::document::BlockKind;
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
            let signals: Vec<_> = cx.signals[si]
                .iter()
                .copied()
                .filter(|sig| !cx.in_direct_quote(sig.span.start))
                .collect();
            let Some(first) = signals.first() else {
                continue;
            };
            let misconduct = signals.iter().find(|x| x.signal == Signal::Misconduct);
            let names_someone = cx.names_someone(s.span);
            let (severity, why) = match misconduct {
                Some(_) if names_someone => (Severity::Error, Signal::Misconduct),
                _ => (Severity::Warning, first.signal),
            };
            let message = [
                "This sentence ",
                why.describe(),
                " in the reporter's voice but gives no source; attribute it to whoever established it.",
            ]
            .concat();
            out.push(Finding {
                code: Code::UnattributedClaim,
                severity,
                span: s.span,
                message: message.into(),
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

/// SPEC §7: "Add end attribution" and "Add 'according to'", for each nearby
/// source and for a TK placeholder.
fn attribution_fixes(cx: &Context, span: Span) -> Vec<Fix> {
    let text = cx.prose(span);
    let mut sources = cx.nearby_sources(span.start, 2);
    sources.push("TK".to_string());
    let mut fixes = Vec::new();
    let trimmed = text.trim_end();
    let last = trimmed.chars().last();
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
    for src in &sources {
        if last == Some('.') {
            let dot = span.start + trimmed.len() - 1;
            fixes.push(Fix {
                title: ["Add end attribution: \", ", src, " said.\""]
                    .concat()
                    .into(),
                edits: vec![Edit {
                    span: Span::new(dot, dot + 1),
                    text: [", ", src, " said."].concat().into(),
                }],
                bulk_safe: false,
            });
        }
        let mut edits = vec![Edit {
            span: Span::new(span.start, span.start),
            text: ["According to ", src, ", "].concat().into(),
        }];
        if lower_first {
            if let Some(c) = text.chars().next() {
                edits.push(Edit {
                    span: Span::new(span.start, span.start + c.len_utf8()),
                    text: c.to_lowercase().collect(),
                });
                edits[0].span = Span::new(span.start, span.start);
            }
        }
        // Merge into one edit so clients apply it atomically.
        let merged = if edits.len() == 2 {
            vec![Edit {
                span: edits[1].span,
                text: [&*edits[0].text, &edits[1].text].concat().into(),
            }]
        } else {
            edits
        };
        fixes.push(Fix {
            title: ["Add \"According to ", src, ", \""].concat().into(),
            edits: merged,
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
                edits: vec![Edit {
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

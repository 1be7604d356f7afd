//! `relative-date`: deictic time expressions that need the publication date
//! (SPEC §4.4).

use super::{Context, Rule};
use crate::time::Relativity;
use crate::{Code, Edit, Finding, Fix, Severity, Span};

pub struct RelativeDate;

impl Rule for RelativeDate {
    fn code(&self) -> Code {
        Code::RelativeDate
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        // The same fix for every finding of an undated draft: built once.
        let mut date_fix: Option<Fix> = None;
        let mut si = 0;
        for t in cx.temporals {
            let flagged = matches!(
                (cx.anchor, t.relativity),
                (Some(_), Relativity::TierA) | (None, Relativity::TierA | Relativity::TierB)
            );
            if !flagged {
                continue;
            }
            while si < cx.sentences.len() && cx.sentences[si].span.end <= t.span.start {
                si += 1;
            }
            let Some(s) = cx.sentences.get(si) else {
                continue;
            };
            if !cx.is_checked(s) || cx.in_direct_quote(t.span.start) {
                continue;
            }
            let phrase = cx.prose(t.span);
            let (severity, message, fixes) = match cx.anchor {
                Some(anchor) => {
                    let resolved = crate::time::describe(t);
                    // Room for the ignore fix the analyser appends.
                    let mut fixes = Vec::with_capacity(2);
                    if let Some(rep) = crate::time::ap_replacement(t, phrase, anchor.date) {
                        fixes.push(Fix {
                            title: ["Replace \"", phrase, "\" with \"", &rep, "\""].concat().into(),
                            edits: smallvec::smallvec![Edit { span: t.span, text: rep.into() }],
                            bulk_safe: true,
                        });
                    }
                    (
                        Severity::Info,
                        ["\"", phrase, "\" is ", &resolved, " relative to the publication date; AP style names the day or date."].concat(),
                        fixes,
                    )
                }
                None => (
                    Severity::Warning,
                    ["\"", phrase, "\" cannot be resolved: the draft has no `date:` in front matter or dated dateline."].concat(),
                    {
                        let mut fixes = Vec::with_capacity(2);
                        fixes.push(date_fix.get_or_insert_with(|| add_date_fix(cx)).clone());
                        fixes
                    },
                ),
            };
            out.push(Finding {
                code: Code::RelativeDate,
                severity,
                span: t.span,
                message: message.into(),
                related: vec![],
                fixes,
            });
        }
    }
}

/// Inserts `date:` into existing front matter, or a new front matter block.
fn add_date_fix(cx: &Context) -> Fix {
    let today = crate::time::iso_date(cx.opts.today);
    let today = today.as_str();
    let edit = match &cx.doc.front_matter {
        Some(fm) => {
            let after_open = cx.doc.text[fm.span.start..]
                .find('\n')
                .map_or(fm.span.start, |i| fm.span.start + i + 1);
            Edit {
                span: Span::new(after_open, after_open),
                text: ["date: ", today, "\n"].concat().into(),
            }
        }
        None => {
            let at = if cx.doc.text.starts_with('\u{feff}') {
                3
            } else {
                0
            };
            Edit {
                span: Span::new(at, at),
                text: ["---\ndate: ", today, "\n---\n\n"].concat().into(),
            }
        }
    };
    Fix {
        title: ["Add publication date (", today, ")"].concat().into(),
        edits: smallvec::smallvec![edit],
        bulk_safe: false,
    }
}

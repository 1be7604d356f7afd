//! `unattributed-quote`: a direct quotation whose speaker cannot be found in
//! its sentence, its paragraph, a colon lead-in or a continued quotation
//! (SPEC §3.7).

use super::{Context, Rule};
use crate::voice::Voice;
use crate::{Code, Edit, Finding, Fix, Severity, Span};

pub struct UnattributedQuote;

impl Rule for UnattributedQuote {
    fn code(&self) -> Code {
        Code::UnattributedQuote
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let mut previous_attributed = false;
        // Content spans of sourcing attributions, sorted by start, with the
        // running maximum of their ends: one binary search per quote instead
        // of a scan of every attribution (quadratic on long drafts).
        let mut contents: Vec<(usize, usize)> = cx
            .attributions
            .iter()
            .filter(|a| a.kind.sources_claim() && !a.source.is_empty())
            .flat_map(|a| a.content.iter().map(|c| (c.start, c.end)))
            .collect();
        contents.sort_unstable();
        let max_end: Vec<usize> = contents
            .iter()
            .scan(0, |m, &(_, e)| {
                *m = e.max(*m);
                Some(*m)
            })
            .collect();
        for q in cx.quotes {
            let block = &cx.doc.blocks[q.block];
            if !q.direct || !block.kind.is_checked() {
                continue;
            }
            // Some attribution takes this quote as (part of) its content.
            // (`Span::overlaps`: starts before the inner end, ends after its start.)
            let by_content = {
                let k = contents.partition_point(|&(start, _)| start < q.inner.end);
                k > 0 && max_end[k - 1] > q.inner.start
            };
            // Or the sentence it starts in is attributed (own marker or the
            // paragraph's speaker carried over).
            let si = cx.sentences.partition_point(|s| s.span.end <= q.span.start);
            let by_voice = cx.sentences.get(si).is_some_and(|s| {
                s.block == q.block && matches!(cx.voices[si], Voice::Attributed { .. })
            }) || cx.sentences[si..]
                .iter()
                .zip(&cx.voices[si..])
                .take_while(|(s, _)| s.span.start < q.span.end.max(q.inner.end))
                .any(|(_, v)| matches!(v, Voice::Attributed { carried: false, .. }));
            let attributed = by_content || by_voice || (q.continued && previous_attributed);
            if q.unclosed || q.continued {
                previous_attributed = attributed;
            }
            if attributed {
                continue;
            }
            let inner = cx.prose(q.inner).trim_end();
            let mut fixes = Vec::new();
            // Replace the closing `."` with `," {Source} said.`
            if inner.ends_with('.') && !q.unclosed {
                let dot = q.inner.start + inner.len() - 1;
                let close_mark = cx.prose(Span::new(q.inner.end, q.span.end)).to_string();
                let mut sources = cx.nearby_sources(q.span.start, 2);
                sources.push("TK".to_string());
                for src in sources {
                    fixes.push(Fix {
                        title: format!("Attribute quote to {src}"),
                        edits: vec![Edit {
                            span: Span::new(dot, q.span.end),
                            text: format!(",{close_mark} {src} said."),
                        }],
                        bulk_safe: false,
                    });
                }
            }
            out.push(Finding {
                code: Code::UnattributedQuote,
                severity: Severity::Error,
                span: q.span,
                message: "This quotation has no speaker in its sentence, its paragraph or a lead-in; say who said it."
                    .to_string(),
                related: vec![],
                fixes,
            });
        }
    }
}

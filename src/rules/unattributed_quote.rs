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
        let speakers = crate::attribution::quote_speakers(cx.attributions, cx.quotes.len());
        let mut si = 0;
        let mut contents: Vec<Span> = cx
            .attributions
            .iter()
            .filter(|a| a.kind.sources_claim() && !a.source.is_empty())
            .flat_map(|a| a.content.iter().copied())
            .collect();
        contents.sort_by_key(|c| c.start);
        for (qi, q) in cx.quotes.iter().enumerate() {
            let block = &cx.doc.blocks[q.block];
            if !q.direct || !block.kind.is_checked() {
                continue;
            }
            // The attribution module matched a speaker to this quote, or some
            // attribution with a source takes it as (part of) its content.
            let k = contents.partition_point(|c| c.start < q.inner.end);
            let by_content = speakers[qi].is_some()
                || contents[..k]
                    .iter()
                    .rev()
                    .take(4)
                    .any(|c| c.overlaps(q.inner));
            // Or the sentence it starts in is attributed (own marker or the
            // paragraph's speaker carried over).
            while si < cx.sentences.len() && cx.sentences[si].span.end <= q.span.start {
                si += 1;
            }
            let by_voice = cx.sentences.get(si).is_some_and(|s| {
                s.block == q.block && matches!(cx.voices[si], Voice::Attributed { .. })
            }) || cx.sentences[si..]
                .iter()
                .zip(&cx.voices[si..])
                .take_while(|(s, _)| s.span.start < q.span.end.max(q.inner.end))
                .take(8)
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
                let close_mark = cx.prose(Span::new(q.inner.end, q.span.end));
                let sources = cx.nearby_sources(q.span.start, 2);
                fixes.reserve_exact(sources.len() + 2);
                for src in sources.iter().copied().chain(["TK"]) {
                    fixes.push(Fix {
                        title: ["Attribute quote to ", src].concat().into(),
                        edits: smallvec::smallvec![Edit {
                            span: Span::new(dot, q.span.end),
                            text: [",", close_mark, " ", src, " said."].concat().into(),
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
                    .into(),
                related: vec![],
                fixes,
            });
        }
    }
}

//! Voice (SPEC §1.6, §3.6): is each sentence quoted, attributed (by its own
//! marker or carried over within the paragraph) or in the reporter's voice?

use crate::attribution::{Attribution, SourceClass};
use crate::document::{BlockKind, Document};
use crate::sentences::{Quote, Sentence};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// Wholly inside a direct quotation.
    Quoted,
    /// Governed by an attribution (index into the attributions), in the sentence
    /// itself or carried over from earlier in the paragraph.
    Attributed { attribution: usize, carried: bool },
    /// The reporter's own voice.
    Reporter,
}

impl Voice {
    pub fn is_reporter(self) -> bool {
        self == Voice::Reporter
    }
}

/// The voice of every sentence, indexed like `sentences`.
pub fn voices(
    doc: &Document,
    sentences: &[Sentence],
    quotes: &[Quote],
    attributions: &[Attribution],
) -> Vec<Voice> {
    // Best sourcing attribution per sentence: named/institutional beat vague.
    let mut own: Vec<Option<usize>> = vec![None; sentences.len()];
    for (i, a) in attributions.iter().enumerate() {
        if !a.kind.sources_claim() || a.sentence >= sentences.len() {
            continue;
        }
        let slot = &mut own[a.sentence];
        let better = match *slot {
            None => true,
            Some(j) => rank(attributions[j].source_class) > rank(a.source_class),
        };
        if better {
            *slot = Some(i);
        }
    }
    // Per block: does a quotation continue into it, is one left open at its end?
    let mut continues = vec![false; doc.blocks.len()];
    let mut unclosed_at_end = vec![false; doc.blocks.len()];
    for q in quotes {
        continues[q.block] |= q.continued;
        unclosed_at_end[q.block] |= q.unclosed;
    }
    let mut out = Vec::with_capacity(sentences.len());
    let mut qi = 0;
    let mut carried: Option<usize> = None;
    let mut prev_block = usize::MAX;
    // Attribution that may cross into the next block (colon lead-ins, continued quotes).
    let mut crossing: Option<usize> = None;
    for (si, s) in sentences.iter().enumerate() {
        if s.block != prev_block {
            let continues_quote = continues[s.block];
            let list_after_lead_in = matches!(doc.blocks[s.block].kind, BlockKind::ListItem)
                || doc.blocks[s.block].in_blockquote;
            carried = if (continues_quote || list_after_lead_in) && crossing.is_some() {
                crossing
            } else {
                None
            };
            if !list_after_lead_in && !continues_quote {
                crossing = None;
            }
            prev_block = s.block;
        }
        while qi < quotes.len() && quotes[qi].span.end <= s.span.start {
            qi += 1;
        }
        let inside_quote = quotes[qi.saturating_sub(1)..].iter().take(3).any(|q| {
            q.direct && q.span.start <= s.span.start && s.span.end <= q.span.end.max(q.inner.end)
        });
        let voice = if let Some(a) = own[si] {
            carried = Some(a);
            Voice::Attributed {
                attribution: a,
                carried: false,
            }
        } else if inside_quote {
            Voice::Quoted
        } else if let Some(a) = carried {
            Voice::Attributed {
                attribution: a,
                carried: true,
            }
        } else {
            Voice::Reporter
        };
        // A sentence ending in a colon with an attribution carries into the
        // list or block quote that follows; so does an unclosed quotation.
        let text = s.span.slice(&doc.prose).trim_end();
        if let Voice::Attributed { attribution, .. } = voice {
            let unclosed = unclosed_at_end[s.block];
            if text.ends_with(':') || unclosed {
                crossing = Some(attribution);
            }
        }
        out.push(voice);
    }
    out
}

fn rank(c: SourceClass) -> u8 {
    match c {
        SourceClass::Named => 5,
        SourceClass::Institutional => 4,
        SourceClass::AnonymousDescribed => 3,
        SourceClass::Pronoun => 3,
        SourceClass::Vague => 1,
        SourceClass::None => 0,
    }
}

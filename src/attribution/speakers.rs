//! Speakers for direct quotations found outside their own sentence (SPEC §3.7):
//! same paragraph, colon lead-in, continued multi-paragraph quotation.

use super::{quote_speakers, Attribution, AttributionKind, SourceClass, SpeakerRule};
use crate::document::Document;
use crate::sentences::{Quote, Sentence};

fn sentence_of(sentences: &[Sentence], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.start <= offset);
    if i == 0 {
        return None;
    }
    Some(i - 1)
}

/// Normalised speaker text for "no other speaker appears".
fn speaker_key<'p>(prose: &'p str, a: &Attribution) -> Option<&'p str> {
    if a.source_class == SourceClass::Pronoun {
        return None;
    }
    let s = a.source.first()?.slice(prose);
    let key = s
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .unwrap_or(s);
    Some(key)
}

/// Items grouped by a small key, each group in the items' order: two
/// allocations in place of one vector per key.
struct Groups {
    /// Group `k` is `items[starts[k]..starts[k + 1]]`.
    starts: Vec<usize>,
    items: Vec<usize>,
}

impl Groups {
    /// Groups the items of `pairs` (key, item), given in item order.
    fn new(pairs: impl Iterator<Item = (usize, usize)> + Clone) -> Groups {
        let keys = pairs.clone().map(|(k, _)| k + 1).max().unwrap_or(0);
        let mut starts = vec![0usize; keys + 1];
        for (k, _) in pairs.clone() {
            starts[k + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut fill = starts.clone();
        let mut items = vec![0usize; starts[keys]];
        for (k, item) in pairs {
            items[fill[k]] = item;
            fill[k] += 1;
        }
        Groups { starts, items }
    }

    fn get(&self, key: usize) -> &[usize] {
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&a), Some(&b)) => &self.items[a..b],
            _ => &[],
        }
    }
}

fn carried(
    from: &Attribution,
    qi: usize,
    q: &Quote,
    sentence: usize,
    rule: SpeakerRule,
) -> Attribution {
    Attribution {
        kind: AttributionKind::DirectQuote,
        source: from.source.clone(),
        cue: super::Spans::new(),
        content: super::Spans::one(q.inner),
        source_class: from.source_class,
        loaded: false,
        sentence,
        quotes: super::SmallList::one(qi),
        speaker_rule: Some(rule),
        carried: true,
        antecedent: from.antecedent,
        anonymity_reason: from.anonymity_reason,
    }
}

pub fn match_quotes(
    doc: &Document,
    _lower: &str,
    sentences: &[Sentence],
    quotes: &[Quote],
    out: &mut Vec<Attribution>,
) {
    let prose = &doc.prose;
    let mut speaker = quote_speakers(out, quotes.len());
    // Attributions by block and by sentence (before any carried ones are added).
    let by_block = Groups::new(
        out.iter()
            .enumerate()
            .filter_map(|(i, a)| sentences.get(a.sentence).map(|s| (s.block, i))),
    );
    // (A sentence out of range is never looked up.)
    let by_sentence = Groups::new(
        out.iter()
            .enumerate()
            .filter(|(_, a)| a.sentence < sentences.len())
            .map(|(i, a)| (a.sentence, i)),
    );
    for (qi, q) in quotes.iter().enumerate() {
        if !q.direct || speaker[qi].is_some() || q.inner.is_empty() {
            continue;
        }
        let Some(si) = sentence_of(sentences, q.inner.start) else {
            continue;
        };
        // 4. Continued from an unclosed quotation in the previous paragraph.
        if q.continued && qi > 0 && quotes[qi - 1].unclosed {
            if let Some(a) = speaker[qi - 1] {
                let at = carried(&out[a], qi, q, si, SpeakerRule::Continued);
                out.push(at);
                speaker[qi] = Some(out.len() - 1);
                continue;
            }
        }
        // 3. A colon lead-in just before: the previous sentence (same or
        // previous block) ends with ':'.
        let prev_text_end = doc.prose[..q.span.start].trim_end();
        if prev_text_end.ends_with(':') {
            let colon_at = prev_text_end.len() - 1;
            let cands = sentence_of(sentences, colon_at).map_or(&[][..], |cs| by_sentence.get(cs));
            if let Some(a) = cands.iter().copied().find(|&ai| {
                let a = &out[ai];
                !a.carried
                    && !a.source.is_empty()
                    && a.cue.iter().any(|c| c.end <= colon_at + 1)
                    && sentences
                        .get(a.sentence)
                        .is_some_and(|s| s.span.start <= colon_at && colon_at < s.span.end + 1)
            }) {
                if !out[a].content.iter().any(|c| c.overlaps(q.inner)) {
                    let at = carried(&out[a], qi, q, si, SpeakerRule::ColonLeadIn);
                    out.push(at);
                    speaker[qi] = Some(out.len() - 1);
                } else {
                    out[a].quotes.push(qi);
                    out[a].speaker_rule.get_or_insert(SpeakerRule::ColonLeadIn);
                    speaker[qi] = Some(a);
                }
                continue;
            }
        }
        // 2. Same paragraph: some quotation there has a speaker, and no other
        // speaker appears.
        let mut found: Option<usize> = None;
        let mut keys: Vec<&str> = Vec::new();
        let mut any_quote_speaker = false;
        for &ai in by_block.get(q.block) {
            let a = &out[ai];
            if a.carried || a.source.is_empty() {
                continue;
            }
            if !matches!(
                a.kind,
                AttributionKind::DirectQuote
                    | AttributionKind::Paraphrase
                    | AttributionKind::ColonLeadIn
            ) {
                continue;
            }
            if !a.quotes.is_empty() {
                any_quote_speaker = true;
            }
            if let Some(k) = speaker_key(prose, a) {
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
            // Prefer the nearest speaker before the quotation, else the first after.
            match found {
                Some(f)
                    if out[f].source[0].start < q.span.start
                        && a.source[0].start > q.span.start => {}
                _ => found = Some(ai),
            }
        }
        if let (Some(a), true, true) = (found, any_quote_speaker, keys.len() <= 1) {
            let at = carried(&out[a], qi, q, si, SpeakerRule::SameParagraph);
            out.push(at);
            speaker[qi] = Some(out.len() - 1);
        }
    }
}

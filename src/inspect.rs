//! The `copydesk inspect --format json` object (see CONTRACT.md in shared/).

use crate::Analysis;
use serde::Serialize;
use serde_json::{json, Value};

fn pair(s: crate::Span) -> [usize; 2] {
    [s.start, s.end]
}

fn pairs(spans: &[crate::Span]) -> Vec<[usize; 2]> {
    spans.iter().copied().map(pair).collect()
}

/// What the analyser understood about one file, as one JSON object.
pub fn to_json(path: &str, a: &Analysis) -> Value {
    #[derive(Serialize)]
    struct Sentence {
        span: [usize; 2],
    }
    let actor_of = |spans: &[crate::Span]| -> Option<usize> {
        let first = spans.first()?;
        a.actors
            .iter()
            .find(|act| act.mentions.iter().any(|m| m.overlaps(*first)))
            .map(|act| act.id)
    };
    json!({
        "path": path,
        "date": a.anchor.map(|x| x.date.format("%Y-%m-%d").to_string()),
        "anchor_source": a.anchor.map(|x| x.source),
        "sentences": a.sentences.iter().map(|s| Sentence { span: pair(s.span) }).collect::<Vec<_>>(),
        "claims": a.claims.iter().map(|c| json!({"span": pair(*c)})).collect::<Vec<_>>(),
        "actors": a.actors.iter().map(|act| json!({
            "id": act.id,
            "name": act.name,
            "kind": act.kind,
            "mentions": pairs(&act.mentions),
            "descriptors": act.descriptors.iter().map(|d| d.text.clone()).collect::<Vec<_>>(),
            "affiliation": act.affiliation,
            "affiliation_key": act.affiliation_key,
            "speaks_for_affiliation": act.speaks_for_affiliation,
            "aliases": act.aliases,
            "reply": a.reply.get(act.id),
        })).collect::<Vec<_>>(),
        "attributions": a.attributions.iter().map(|at| json!({
            "kind": at.kind,
            "actor": actor_of(&at.source),
            "source_class": at.source_class,
            "loaded": at.loaded,
            "source": pairs(&at.source),
            "cue": pairs(&at.cue),
            "content": pairs(&at.content),
        })).collect::<Vec<_>>(),
        "temporals": a.temporals.iter().map(|t| json!({
            "span": pair(t.span),
            "type": t.timex_type,
            "value": t.value,
            "relativity": t.relativity,
        })).collect::<Vec<_>>(),
        "responses": a.responses.iter().map(|r| json!({
            "actor": r.actor,
            "span": pair(r.span),
            "outcome": r.outcome,
            "via": r.via,
        })).collect::<Vec<_>>(),
    })
}

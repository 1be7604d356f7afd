//! Document symbols (headings and actors) and inlay hints (resolved dates).

use super::convert::Lines;
use super::hover::inlay_label;
use copydesk::actors::ActorKind;
use copydesk::document::BlockKind;
use copydesk::Analysis;
use tower_lsp::lsp_types::{
    DocumentSymbol, InlayHint, InlayHintLabel, InlayHintTooltip, Range, SymbolKind,
};

/// Headings, then actors, in document order.
pub fn symbols(a: &Analysis, lines: Lines) -> Vec<DocumentSymbol> {
    let mut out: Vec<(usize, DocumentSymbol)> = Vec::new();
    for b in a
        .document
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
    {
        let name = b
            .span
            .slice(lines.text)
            .trim()
            .trim_start_matches('#')
            .trim_end_matches('#')
            .trim();
        if name.is_empty() {
            continue;
        }
        let range = lines.range(b.span);
        out.push((
            b.span.start,
            symbol(name.to_string(), None, SymbolKind::STRING, range),
        ));
    }
    for actor in &a.actors {
        let Some(first) = actor.mentions.iter().min_by_key(|m| m.start) else {
            continue;
        };
        if actor.name.trim().is_empty() {
            continue;
        }
        let (kind, what) = match actor.kind {
            ActorKind::Person => (SymbolKind::OBJECT, "person"),
            ActorKind::Org => (SymbolKind::NAMESPACE, "organisation"),
        };
        let detail = match actor.descriptors.first() {
            Some(d) => format!("{what}, {}", d.text),
            None => what.to_string(),
        };
        let range = lines.range(*first);
        out.push((
            first.start,
            symbol(actor.name.to_string(), Some(detail), kind, range),
        ));
    }
    out.sort_by_key(|(start, _)| *start);
    out.into_iter().map(|(_, s)| s).collect()
}

#[allow(deprecated)] // `deprecated` is a required field of the struct.
fn symbol(name: String, detail: Option<String>, kind: SymbolKind, range: Range) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: range,
        children: None,
    }
}

/// The resolved date after each relative date in `range`.
pub fn inlay_hints(a: &Analysis, lines: Lines, range: Range) -> Vec<InlayHint> {
    let (lo, hi) = (lines.offset(range.start), lines.offset(range.end));
    a.temporals
        .iter()
        .filter(|t| t.span.end >= lo && t.span.start <= hi)
        .filter_map(|t| {
            let label = inlay_label(t)?;
            Some(InlayHint {
                position: lines.position(t.span.end),
                label: InlayHintLabel::String(label),
                kind: None,
                text_edits: None,
                tooltip: Some(InlayHintTooltip::String(format!(
                    "“{}” resolved against the publication date",
                    t.span.slice(lines.text)
                ))),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
        })
        .collect()
}

//! Attributions: who says what, with which cue (PolNeAR's broad sense).

use crate::document::Document;
use crate::sentences::{Quote, Sentence};
use crate::span::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributionKind {
    /// `"...," Ortiz said.`
    DirectQuote,
    /// `Ortiz said the cuts were painful.`
    Paraphrase,
    /// `according to X`
    AccordingTo,
    /// `Reyes wrote in the letter:`
    ColonLeadIn,
    /// records show, the audit found
    Document,
    /// believes, thinks, feels: a stated belief, not sourcing.
    Belief,
    /// wants, plans, intends: a stated intention, not sourcing.
    Intention,
    /// reportedly, is said to, it is understood.
    Hedge,
}

impl AttributionKind {
    /// Does this kind source a claim (SPEC §3.3: belief verbs do not)?
    pub fn sources_claim(self) -> bool {
        !matches!(self, AttributionKind::Belief | AttributionKind::Intention)
    }
}

/// How identifiable the source is (SPEC §3.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceClass {
    Named,
    Institutional,
    AnonymousDescribed,
    Pronoun,
    Vague,
    None,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attribution {
    pub kind: AttributionKind,
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
    pub source_class: SourceClass,
    /// The cue verb is loaded (claimed, admitted, insisted...).
    pub loaded: bool,
    /// Index of the sentence holding the cue.
    pub sentence: usize,
}

/// Finds every attribution in the draft.
pub fn find(_doc: &Document, _sentences: &[Sentence], _quotes: &[Quote]) -> Vec<Attribution> {
    Vec::new()
}

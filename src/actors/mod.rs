//! Actors: the people and organisations a draft names, with descriptors,
//! later references and affiliations (SPEC §6), and the right-of-reply
//! analysis built on them (SPEC §5).

pub mod index;
pub mod lex;
pub mod reply;

use crate::document::Document;
use crate::sentences::{Quote, Sentence};
use crate::span::Span;
use compact_str::CompactString;
use serde::Serialize;
use smallvec::SmallVec;

pub use reply::{missing_response_findings, reply};

/// An organisation a descriptor ties someone to: a named actor or a generic
/// body ("city", "police").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Key {
    Actor(usize),
    Generic(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Org,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Descriptor {
    /// (inline when short: no allocation)
    pub text: CompactString,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub id: usize,
    /// (inline when short, as are the aliases: no allocation)
    pub name: CompactString,
    pub kind: ActorKind,
    /// (inline up to two, and one descriptor and one alias: most actors
    /// need no allocation for them)
    pub mentions: SmallVec<[Span; 2]>,
    pub descriptors: SmallVec<[Descriptor; 1]>,
    /// The organisation this actor belongs to or speaks for.
    pub affiliation: Option<usize>,
    /// Speaks for its affiliation (spokesperson, lawyer, chief...).
    pub speaks_for_affiliation: bool,
    /// Surname-only and short names that refer to this actor.
    pub aliases: SmallVec<[CompactString; 1]>,
    /// A generic body the actor belongs to when no actor names it ("city").
    pub affiliation_key: Option<String>,
    /// Placed inside the affiliation (an employee, officer or unit), so that
    /// the body's spokesperson or head can answer for them (SPEC §5.4.3).
    pub inside_affiliation: bool,
    /// The role noun of the descriptor that gave the affiliation.
    pub role: Option<String>,
    /// Class nouns that refer back to an organisation ("company").
    pub classes: Vec<&'static str>,
    /// Reported dead: never a target (SPEC §5.2).
    pub dead: bool,
}

impl Actor {
    /// The short name used in fixes: the surname for people, the shortest
    /// unambiguous alias for organisations.
    pub fn short_name(&self) -> &str {
        match self.kind {
            ActorKind::Person => self
                .aliases
                .first()
                .map(CompactString::as_str)
                .unwrap_or(&self.name),
            ActorKind::Org => &self.name,
        }
    }
}

/// Finds the people and organisations named in the draft.
pub fn find(doc: &Document, sentences: &[Sentence], quotes: &[Quote]) -> Vec<Actor> {
    index::build(doc, sentences, quotes).actors
}

/// What a request for comment came to (CONTRACT `responses[].outcome`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Responded,
    Declined,
    NoResponse,
    Unreachable,
    Requested,
}

/// A line recording a response (or a failed attempt) for an actor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Response {
    /// The actor the line speaks for.
    pub actor: usize,
    pub span: Span,
    pub outcome: Outcome,
    /// Who actually spoke, when it was someone speaking for the actor.
    pub via: Option<usize>,
}

/// Right-of-reply status shown in hover.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReplyStatus {
    /// Not accused or criticised: no reply needed.
    NotNeeded,
    /// Accused, and a response line covers them (index into `Analysis::responses`).
    Covered(usize),
    /// Accused, and nothing records a response, refusal or attempt.
    Missing,
}

/// An accusation or criticism aimed at an actor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Accusation {
    pub target: usize,
    /// The accusing sentence.
    pub span: Span,
    /// The accuser, when the draft names one.
    pub accuser: Option<usize>,
}

#[cfg(test)]
mod tests;

//! Actors: the people and organisations a draft names, with descriptors,
//! later references and affiliations.

use crate::span::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Org,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Descriptor {
    pub text: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub id: usize,
    pub name: String,
    pub kind: ActorKind,
    pub mentions: Vec<Span>,
    pub descriptors: Vec<Descriptor>,
    /// The organisation this actor belongs to or speaks for.
    pub affiliation: Option<usize>,
    /// Speaks for its affiliation (spokesperson, lawyer, chief...).
    pub speaks_for_affiliation: bool,
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

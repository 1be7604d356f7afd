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

//! The actors file: who is who in a story, and the outreach log.
//!
//! ```toml
//! [[actor]]
//! name = "Harbor Authority"
//! aliases = ["the authority"]
//! kind = "organization"
//! title = "port operator"
//! affiliation = "City of Wexcombe"
//! spokesperson = "Ines Marlow"
//!
//! [[actor.outreach]]
//! asked_on = 2026-03-10
//! how = "email"
//! outcome = "no-reply"   # or "responded", "declined"
//! words = ""
//! ```

use super::{
    as_date, as_str, as_string_list, as_table, parse_table, type_name, ConfigError, Sink, Warning,
};
use chrono::NaiveDate;
use std::path::Path;
use toml::de::DeValue;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutreachOutcome {
    NoReply,
    Responded,
    Declined,
}

impl OutreachOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            OutreachOutcome::NoReply => "no-reply",
            OutreachOutcome::Responded => "responded",
            OutreachOutcome::Declined => "declined",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "no-reply" | "no-response" | "none" | "pending" => Some(OutreachOutcome::NoReply),
            "responded" | "response" | "replied" => Some(OutreachOutcome::Responded),
            "declined" | "declined-to-comment" => Some(OutreachOutcome::Declined),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Outreach {
    pub asked_on: Option<NaiveDate>,
    pub how: Option<String>,
    pub outcome: OutreachOutcome,
    pub words: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Actor {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: Option<String>,
    pub title: Option<String>,
    pub affiliation: Option<String>,
    pub spokesperson: Option<String>,
    pub outreach: Vec<Outreach>,
}

impl Actor {
    /// The name and the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Whether `text` names this actor (case-insensitive, whole string).
    pub fn is_named(&self, text: &str) -> bool {
        let t = text.trim();
        self.names().any(|n| n.eq_ignore_ascii_case(t))
    }

    /// The actor answered or declined (per the outreach log).
    pub fn replied(&self) -> bool {
        self.outreach
            .iter()
            .any(|o| o.outcome != OutreachOutcome::NoReply)
    }

    /// The latest recorded request without a reply, if the actor never replied.
    pub fn unanswered_since(&self) -> Option<Option<NaiveDate>> {
        if self.replied() {
            return None;
        }
        let mut it = self
            .outreach
            .iter()
            .filter(|o| o.outcome == OutreachOutcome::NoReply);
        let first = it.next()?;
        Some(it.fold(first.asked_on, |acc, o| acc.max(o.asked_on)))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ActorsFile {
    pub actors: Vec<Actor>,
}

impl ActorsFile {
    pub fn find(&self, text: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.is_named(text))
    }
}

/// Parse the actors file's text.
pub fn parse_actors(
    text: &str,
    file: Option<&Path>,
) -> Result<(ActorsFile, Vec<Warning>), ConfigError> {
    let mut sink = Sink::new(text, file);
    let root = parse_table(text, &sink)?;
    let mut out = ActorsFile::default();
    for (key, value) in root.get_ref().iter() {
        if key.get_ref().as_ref() != "actor" {
            sink.warn(
                key.span(),
                format!(
                    "unknown key `{}` (expected [[actor]] entries); ignored",
                    key.get_ref()
                ),
            );
            continue;
        }
        let DeValue::Array(items) = value.get_ref() else {
            sink.warn(
                value.span(),
                format!(
                    "`actor` should be an array of tables ([[actor]]), found {}; ignored",
                    type_name(value.get_ref())
                ),
            );
            continue;
        };
        for item in items {
            let Some(t) = as_table(item, "actor", &mut sink) else {
                continue;
            };
            let mut actor = Actor::default();
            for (k, v) in t.iter() {
                match k.get_ref().as_ref() {
                    "name" => {
                        if let Some(s) = as_str(v, "actor.name", &mut sink) {
                            actor.name = s.trim().to_string();
                        }
                    }
                    "aliases" => {
                        if let Some(l) = as_string_list(v, "actor.aliases", &mut sink) {
                            actor.aliases = l;
                        }
                    }
                    "kind" => actor.kind = as_str(v, "actor.kind", &mut sink).map(str::to_string),
                    "title" => actor.title = as_str(v, "actor.title", &mut sink).map(str::to_string),
                    "affiliation" => {
                        actor.affiliation = as_str(v, "actor.affiliation", &mut sink).map(str::to_string)
                    }
                    "spokesperson" => {
                        actor.spokesperson = as_str(v, "actor.spokesperson", &mut sink).map(str::to_string)
                    }
                    "outreach" => {
                        let DeValue::Array(entries) = v.get_ref() else {
                            sink.warn(v.span(), format!("`actor.outreach` should be an array of tables ([[actor.outreach]]), found {}; ignored", type_name(v.get_ref())));
                            continue;
                        };
                        for e in entries {
                            let Some(et) = as_table(e, "actor.outreach", &mut sink) else { continue };
                            let mut o = Outreach {
                                asked_on: None,
                                how: None,
                                outcome: OutreachOutcome::NoReply,
                                words: None,
                            };
                            for (ek, ev) in et.iter() {
                                match ek.get_ref().as_ref() {
                                    "asked_on" => o.asked_on = as_date(ev, "actor.outreach.asked_on", &mut sink),
                                    "how" => o.how = as_str(ev, "actor.outreach.how", &mut sink).map(str::to_string),
                                    "words" => o.words = as_str(ev, "actor.outreach.words", &mut sink).map(str::to_string).filter(|w| !w.trim().is_empty()),
                                    "outcome" => {
                                        if let Some(s) = as_str(ev, "actor.outreach.outcome", &mut sink) {
                                            match OutreachOutcome::parse(s) {
                                                Some(oc) => o.outcome = oc,
                                                None => sink.warn(ev.span(), format!("`actor.outreach.outcome` should be \"no-reply\", \"responded\" or \"declined\", found `{s}`; ignored")),
                                            }
                                        }
                                    }
                                    _ => sink.warn(ek.span(), format!("unknown key `actor.outreach.{}` (expected asked_on, how, outcome or words); ignored", ek.get_ref())),
                                }
                            }
                            if o.words.is_some() && o.outcome == OutreachOutcome::NoReply {
                                o.outcome = OutreachOutcome::Responded;
                            }
                            actor.outreach.push(o);
                        }
                    }
                    _ => sink.warn(k.span(), format!("unknown key `actor.{}` (expected name, aliases, kind, title, affiliation, spokesperson or outreach); ignored", k.get_ref())),
                }
            }
            if actor.name.is_empty() {
                sink.warn(item.span(), "an [[actor]] without a `name`; ignored");
                continue;
            }
            out.actors.push(actor);
        }
    }
    Ok((out, sink.warnings))
}

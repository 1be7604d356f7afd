//! Hover cards: actors (who they are, what they said, right of reply) and
//! temporal expressions (what date they resolve to).

use super::convert::Lines;
use copydesk::actors::{ActorKind, Outcome, ReplyStatus};
use copydesk::house::{HouseRules, OutreachOutcome};
use copydesk::time::{Relativity, Temporal};
use copydesk::{Analysis, AnchorSource, Span};
use std::fmt::Write;

/// How many descriptors and statements a card lists before "and N more".
const LIST_MAX: usize = 3;
/// Longest excerpt of a statement shown in a card, in characters.
const EXCERPT_CHARS: usize = 90;

/// The Markdown card and the span it covers for the thing at `offset`.
pub fn hover(
    a: &Analysis,
    house: &HouseRules,
    lines: Lines,
    offset: usize,
) -> Option<(String, Span)> {
    if let Some(r) = actor_card(a, house, lines, offset) {
        return Some(r);
    }
    let t = a.temporals.iter().find(|t| covers(t.span, offset))?;
    Some((temporal_card(a, t), t.span))
}

/// A span covers the offset under the cursor, including the position just
/// after its last character (where editors put the cursor after a word).
fn covers(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end && !span.is_empty()
}

/// A statement shortened for the card, without its own quotation marks (the
/// card puts it in quotation marks).
fn excerpt(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text
        .trim_start_matches(['"', '“', '‘', '`'])
        .trim_end_matches(['"', '”'])
        .trim()
        .to_string();
    if text.chars().count() <= EXCERPT_CHARS {
        return text;
    }
    let cut: String = text.chars().take(EXCERPT_CHARS).collect();
    format!("{}…", cut.trim_end())
}

/// Escapes the characters Markdown would read as markup.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

fn outcome_text(o: Outcome) -> &'static str {
    match o {
        Outcome::Responded => "responded",
        Outcome::Declined => "declined to comment",
        Outcome::NoResponse => "no response to a request for comment",
        Outcome::Unreachable => "could not be reached",
        Outcome::Requested => "comment requested",
    }
}

fn actor_card(
    a: &Analysis,
    house: &HouseRules,
    lines: Lines,
    offset: usize,
) -> Option<(String, Span)> {
    let text = lines.text;
    let (idx, actor, mention) = a.actors.iter().enumerate().find_map(|(i, act)| {
        act.mentions
            .iter()
            .find(|m| covers(**m, offset))
            .map(|m| (i, act, *m))
    })?;
    let name_of = |i: usize| a.actors.get(i).map_or("?", |x| x.name.as_str());
    let mut s = String::new();
    let kind = match actor.kind {
        ActorKind::Person => "person",
        ActorKind::Org => "organisation",
    };
    let _ = writeln!(s, "**{}** · {kind}", md(&actor.name));
    let recorded = house
        .actors
        .find(&actor.name)
        .or_else(|| house.actors.find(actor.short_name()));
    if let Some(r) = recorded {
        actors_file_section(&mut s, r);
    }

    if !actor.descriptors.is_empty() {
        let list: Vec<String> = actor
            .descriptors
            .iter()
            .take(LIST_MAX)
            .map(|d| format!("{} (line {})", md(&d.text), lines.line_number(d.span.start)))
            .collect();
        let more = actor.descriptors.len().saturating_sub(LIST_MAX);
        let _ = write!(s, "\n{}", list.join("; "));
        if more > 0 {
            let _ = write!(s, "; and {more} more");
        }
        s.push('\n');
    }
    if let Some(aff) = actor.affiliation {
        let role = if actor.speaks_for_affiliation {
            "speaks for"
        } else {
            "affiliated with"
        };
        let _ = writeln!(s, "\n{role} **{}**", md(name_of(aff)));
    }
    let first = actor
        .mentions
        .iter()
        .map(|m| m.start)
        .min()
        .unwrap_or(mention.start);
    let n = actor.mentions.len();
    let _ = writeln!(
        s,
        "\n{n} mention{}, first on line {}",
        if n == 1 { "" } else { "s" },
        lines.line_number(first)
    );

    // What the draft attributes to them.
    let statements: Vec<_> = a
        .attributions
        .iter()
        .filter(|at| {
            at.kind.sources_claim()
                && at
                    .source
                    .iter()
                    .any(|src| actor.mentions.iter().any(|m| m.overlaps(*src)))
        })
        .collect();
    if !statements.is_empty() {
        let _ = writeln!(s, "\n**Attributed to them** ({}):", statements.len());
        for at in statements.iter().take(LIST_MAX) {
            let content: Vec<&str> = at.content.iter().map(|c| c.slice(text)).collect();
            let cue = at.cue.first().map(|c| c.slice(text)).unwrap_or("");
            let line = at
                .content
                .first()
                .or(at.cue.first())
                .map_or(0, |c| lines.line_number(c.start));
            let loaded = if at.loaded { " (loaded verb)" } else { "" };
            let _ = writeln!(
                s,
                "- “{}” — *{}*{loaded}, line {line}",
                md(&excerpt(&content.join(" … "))),
                md(cue)
            );
        }
        if statements.len() > LIST_MAX {
            let _ = writeln!(s, "- and {} more", statements.len() - LIST_MAX);
        }
    }

    // Right of reply.
    let accusations: Vec<_> = a.accusations.iter().filter(|x| x.target == idx).collect();
    let responses: Vec<_> = a.responses.iter().filter(|r| r.actor == idx).collect();
    let status = match a.reply.get(idx) {
        Some(ReplyStatus::Covered(i)) => a.responses.get(*i).map(|r| {
            let via = r
                .via
                .filter(|v| *v != idx)
                .map(|v| format!(" via {}", md(name_of(v))))
                .unwrap_or_default();
            format!(
                "{}{via} (line {})",
                outcome_text(r.outcome),
                lines.line_number(r.span.start)
            )
        }),
        Some(ReplyStatus::Missing) => {
            Some("**not recorded**: no response, refusal or attempt to reach them".into())
        }
        _ => responses.first().map(|r| {
            format!(
                "{} (line {})",
                outcome_text(r.outcome),
                lines.line_number(r.span.start)
            )
        }),
    }
    .unwrap_or_else(|| "not recorded".into());
    let _ = writeln!(s, "\n**Comment:** {status}");
    if accusations.is_empty() {
        let _ = writeln!(s, "\nThe story does not accuse or criticise them.");
    } else {
        let mut accusers: Vec<&str> = accusations
            .iter()
            .filter_map(|x| x.accuser.map(name_of))
            .collect();
        accusers.dedup();
        let by = if accusers.is_empty() {
            String::new()
        } else {
            format!(" by {}", md(&accusers.join(", ")))
        };
        let lines_list: Vec<String> = accusations
            .iter()
            .take(LIST_MAX)
            .map(|x| lines.line_number(x.span.start).to_string())
            .collect();
        let _ = writeln!(
            s,
            "\n**Accused or criticised**{by} in {} sentence{} (line {})",
            accusations.len(),
            if accusations.len() == 1 { "" } else { "s" },
            lines_list.join(", ")
        );
    }
    Some((s, mention))
}

/// What the reporter's actors file says about the actor.
fn actors_file_section(s: &mut String, r: &copydesk::house::Actor) {
    let _ = writeln!(s, "\n**Actors file**");
    let mut facts: Vec<String> = Vec::new();
    if let Some(t) = &r.title {
        facts.push(md(t));
    }
    if let Some(aff) = &r.affiliation {
        facts.push(format!("affiliation: {}", md(aff)));
    }
    if let Some(k) = &r.kind {
        facts.push(format!("kind: {}", md(k)));
    }
    if let Some(sp) = &r.spokesperson {
        facts.push(format!("spokesperson: {}", md(sp)));
    }
    if !r.aliases.is_empty() {
        let aliases: Vec<String> = r.aliases.iter().map(|x| md(x)).collect();
        facts.push(format!("also: {}", aliases.join(", ")));
    }
    if !facts.is_empty() {
        let _ = writeln!(s, "\n{}", facts.join(" · "));
    }
    if !r.outreach.is_empty() {
        let _ = writeln!(s, "\nOutreach:");
        for o in &r.outreach {
            let when = o
                .asked_on
                .map(|d| d.format("%B %-d, %Y").to_string())
                .unwrap_or_else(|| "date not recorded".into());
            let how = o
                .how
                .as_deref()
                .map(|h| format!(" by {}", md(h)))
                .unwrap_or_default();
            let outcome = match o.outcome {
                OutreachOutcome::NoReply => "no reply",
                OutreachOutcome::Responded => "responded",
                OutreachOutcome::Declined => "declined",
            };
            let _ = write!(s, "- asked {when}{how}: {outcome}");
            if let Some(w) = o.words.as_deref().filter(|w| !w.trim().is_empty()) {
                let _ = write!(s, " — “{}”", md(&excerpt(w)));
            }
            s.push('\n');
        }
    }
}

fn temporal_card(a: &Analysis, t: &Temporal) -> String {
    let kind = match t.relativity {
        Relativity::Absolute => "absolute date",
        Relativity::TierA | Relativity::TierB => "relative date",
        Relativity::Anaphoric => "relative to another event",
        Relativity::Generic => "duration or generic time",
    };
    let mut s = format!("**{kind}**\n\n{}\n", md(&copydesk::time::describe(t)));
    if let Some(anchor) = a.anchor {
        if !matches!(t.relativity, Relativity::Absolute) {
            let source = match anchor.source {
                AnchorSource::Option => "the `referenceDate` setting",
                AnchorSource::FrontMatter => "front matter `date:`",
                AnchorSource::Dateline => "the dateline",
                AnchorSource::DatelineYearAssumed => "the dateline (year assumed)",
            };
            let _ = writeln!(
                s,
                "\nPublication date: {} (from {source})",
                anchor.date.format("%A, %B %-d, %Y")
            );
        }
    }
    s
}

/// The label an inlay hint shows after a relative date, if it resolves.
pub fn inlay_label(t: &Temporal) -> Option<String> {
    if !matches!(t.relativity, Relativity::TierA | Relativity::TierB) {
        return None;
    }
    t.value.as_ref()?;
    Some(copydesk::time::describe(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_and_escapes() {
        assert_eq!(excerpt("a  b\nc"), "a b c");
        // A direct quote's own marks are not doubled by the card's.
        assert_eq!(excerpt("“We knew it,”"), "We knew it,");
        assert_eq!(excerpt("\"Fine.\""), "Fine.");
        let long = "word ".repeat(40);
        assert!(excerpt(&long).ends_with('…'));
        assert_eq!(md("a*b_[c]"), "a\\*b\\_\\[c\\]");
    }
}

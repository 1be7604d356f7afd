//! Ignores inside the draft (SPEC §8): directives in HTML comments
//! (`<!-- copydesk-disable-next-line unattributed-claim -->`) or, in plain
//! text, on a line of their own (`copydesk-disable-next-line CODE`).
//! Directives are tied to the text, not to line numbers, so they survive edits.

use crate::document::Document;
use crate::finding::{Code, Edit, Finding, Fix, Severity, Text};
use crate::span::Span;

/// Which codes a directive names: all of them when it names none.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Codes {
    All,
    Some(Vec<Code>),
}

impl Codes {
    fn covers(&self, code: Code) -> bool {
        match self {
            Codes::All => true,
            Codes::Some(list) => list.contains(&code),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Suppressions {
    /// Spans of text where the codes are silenced.
    regions: Vec<(Span, Codes)>,
    /// Paragraphs the reporter marked as their own observation (E3).
    observed: Vec<Span>,
}

impl Suppressions {
    pub fn silences(&self, f: &Finding) -> bool {
        if f.code == Code::InvalidDirective {
            return false;
        }
        let observed =
            f.code == Code::UnattributedClaim && self.observed.iter().any(|o| o.overlaps(f.span));
        observed
            || self
                .regions
                .iter()
                .any(|(span, codes)| codes.covers(f.code) && span.contains(f.span.start))
    }
}

const PREFIX: &str = "copydesk-";

/// Reads the directives of a draft; malformed ones become findings.
pub fn collect(doc: &Document) -> (Suppressions, Vec<Finding>) {
    let mut out = Suppressions::default();
    let mut problems = Vec::new();
    let mut open: Vec<(usize, Codes)> = Vec::new();
    for c in &doc.comments {
        let body = c.body.trim();
        let Some(rest) = body.strip_prefix(PREFIX) else {
            continue;
        };
        let mut words = rest.split_whitespace();
        let verb = words.next().unwrap_or("");
        let mut codes = Vec::new();
        let mut named_any = false;
        for w in words {
            named_any = true;
            let w = w.trim_matches(',');
            match Code::parse(w) {
                Some(code) if code != Code::InvalidDirective => codes.push(code),
                _ => problems.push(invalid(
                    c.span,
                    format!(
                        "\"{w}\" is not a copydesk check; use one of {}.",
                        known_codes()
                    ),
                )),
            }
        }
        // A directive naming only unknown codes silences nothing.
        let codes = if !named_any {
            Codes::All
        } else {
            Codes::Some(codes)
        };
        match verb {
            "disable-next-line" => {
                let next = doc
                    .blocks
                    .iter()
                    .find(|b| b.span.start >= c.span.end)
                    .map(|b| b.span);
                if let Some(span) = next {
                    out.regions.push((span, codes));
                }
            }
            "disable" => open.push((c.span.end, codes)),
            "enable" => {
                // Close the most recent region that covers these codes.
                if let Some(i) = open.iter().rposition(|(_, o)| match (&codes, o) {
                    (Codes::All, _) | (_, Codes::All) => true,
                    (Codes::Some(a), Codes::Some(b)) => a.iter().any(|x| b.contains(x)),
                }) {
                    let (start, o) = open.remove(i);
                    out.regions.push((Span::new(start, c.span.start), o));
                }
            }
            "disable-file" => out.regions.push((Span::new(0, doc.text.len()), codes)),
            "observed" => {
                if let Some(b) = doc.blocks.iter().find(|b| b.span.start >= c.span.end) {
                    out.observed.push(b.span);
                }
            }
            _ => problems.push(invalid(
                c.span,
                format!(
                    "\"{PREFIX}{verb}\" is not a copydesk directive; use disable-next-line, disable, enable, disable-file or observed."
                ),
            )),
        }
    }
    for (start, codes) in open {
        out.regions.push((Span::new(start, doc.text.len()), codes));
    }
    (out, problems)
}

fn known_codes() -> String {
    Code::ALL
        .iter()
        .filter(|c| **c != Code::InvalidDirective)
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn invalid(span: Span, message: String) -> Finding {
    Finding {
        code: Code::InvalidDirective,
        severity: Severity::Warning,
        span,
        message: message.into(),
        related: vec![],
        fixes: vec![],
    }
}

/// The ignore fix's title and directive line for `code`.
fn ignore_texts(code: Code) -> (&'static str, &'static str) {
    macro_rules! texts {
        ($code:literal) => {
            (
                concat!("Ignore ", $code, " for this paragraph"),
                concat!("<!-- copydesk-disable-next-line ", $code, " -->\n"),
            )
        };
    }
    match code {
        Code::UnattributedClaim => texts!("unattributed-claim"),
        Code::VagueAttribution => texts!("vague-attribution"),
        Code::UnattributedQuote => texts!("unattributed-quote"),
        Code::UndatedEvent => texts!("undated-event"),
        Code::RelativeDate => texts!("relative-date"),
        Code::MissingCommentResponse => texts!("missing-comment-response"),
        Code::InvalidDirective => texts!("invalid-directive"),
        Code::LeftoverTk => texts!("leftover-tk"),
    }
}

/// The "ignore this here" fix: a directive line before the finding's block.
pub fn ignore_fix(doc: &Document, f: &Finding) -> Option<Fix> {
    if f.code == Code::InvalidDirective {
        return None;
    }
    let block = doc.block_at(f.span.start).map(|i| &doc.blocks[i])?;
    // Insert at the start of the block's first line, keeping its indentation.
    let line_start = doc.text[..block.span.start]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let indent_len = doc.text[line_start..block.span.start]
        .find(|c: char| !c.is_whitespace())
        .unwrap_or(block.span.start - line_start);
    let indent = &doc.text[line_start..line_start + indent_len];
    // Both formats take the HTML comment. This runs for every finding, so
    // the usual case, an unindented block, borrows fixed texts.
    let (title, line) = ignore_texts(f.code);
    let text: Text = if indent.is_empty() {
        line.into()
    } else {
        [indent, line].concat().into()
    };
    Some(Fix {
        title: title.into(),
        edits: smallvec::smallvec![Edit {
            span: Span::new(line_start, line_start),
            text,
        }],
        bulk_safe: false,
    })
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Code, Format, Options};

    fn codes(text: &str) -> Vec<Code> {
        analyze(text, &Options::new(Format::Markdown))
            .findings
            .iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn directives_table() {
        let quote = "\"We will not back down from this fight.\"\n";
        let cases: Vec<(String, Vec<Code>)> = vec![
            (quote.to_string(), vec![Code::UnattributedQuote]),
            (
                format!("<!-- copydesk-disable-next-line unattributed-quote -->\n{quote}"),
                vec![],
            ),
            (format!("<!-- copydesk-disable-next-line -->\n{quote}"), vec![]),
            (
                format!("<!-- copydesk-disable-next-line relative-date -->\n{quote}"),
                vec![Code::UnattributedQuote],
            ),
            (
                format!("<!-- copydesk-disable unattributed-quote -->\n\n{quote}\n{quote}\n<!-- copydesk-enable unattributed-quote -->\n\n{quote}"),
                vec![Code::UnattributedQuote],
            ),
            (format!("<!-- copydesk-disable-file -->\n\n{quote}"), vec![]),
            (
                format!("<!-- copydesk-disable-next-line unattributed-qoute -->\n{quote}"),
                vec![Code::InvalidDirective, Code::UnattributedQuote],
            ),
            (
                format!("<!-- copydesk-shush -->\n{quote}"),
                vec![Code::InvalidDirective, Code::UnattributedQuote],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(codes(&text), want, "{text}");
        }
    }

    #[test]
    fn plain_text_directive_lines() {
        let text = "<!-- copydesk-disable-next-line unattributed-quote -->\n\"We will not back down from this fight.\"\n";
        let a = analyze(text, &Options::new(Format::PlainText));
        assert!(a.findings.is_empty(), "{:?}", a.findings);
    }

    #[test]
    fn ignore_texts_name_each_code() {
        for code in Code::ALL {
            let (title, line) = super::ignore_texts(code);
            assert_eq!(title, format!("Ignore {code} for this paragraph"));
            assert_eq!(
                line,
                format!("<!-- copydesk-disable-next-line {code} -->\n")
            );
        }
    }

    #[test]
    fn every_finding_offers_an_ignore_fix() {
        let text = "\"We will not back down from this fight.\"\n";
        let a = analyze(text, &Options::new(Format::Markdown));
        let f = &a.findings[0];
        let fix = f
            .fixes
            .iter()
            .find(|x| x.title.starts_with("Ignore"))
            .unwrap();
        let mut fixed = text.to_string();
        fixed.insert_str(fix.edits[0].span.start, &fix.edits[0].text);
        assert!(codes(&fixed).is_empty(), "{fixed}");
    }
}

//! SARIF 2.1.0 output (`--format sarif`), built on `serde-sarif`'s types.
//!
//! One run; `tool.driver.rules` lists every code with its summary as help and
//! a `helpUri` into the README. Columns count Unicode code points (as the
//! JSON output does) and the run says so in `columnKind`; every region also
//! carries `byteOffset`/`byteLength`, the offsets the engine works in.
//! Inputs that could not be read become `toolExecutionNotifications`.

use copydesk::position::{Encoding, LineIndex};
use copydesk::{Code, Finding, Severity};
use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix, Invocation, Location, Message,
    MultiformatMessageString, Notification, PhysicalLocation, PropertyBag, Region,
    ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
    SCHEMA_URL,
};

/// Where the README's section for each code lives (`#<code>`).
pub const DOCS_URL: &str = "https://github.com/copydesk/copydesk";
/// The base that relative artifact URIs are resolved against.
const SRCROOT: &str = "%SRCROOT%";

/// The results of one draft, ready to be put in the log (built on a worker thread).
pub struct FileResults {
    pub results: Vec<SarifResult>,
}

/// Converts one draft's findings.
pub fn file_results(name: &str, text: &str, findings: &[Finding]) -> FileResults {
    let idx = LineIndex::new(text);
    let results = findings
        .iter()
        .map(|f| {
            let mut related = Vec::new();
            for (i, r) in f.related.iter().enumerate() {
                related.push(
                    Location::builder()
                        .id(i as i64)
                        .physical_location(physical(name, text, &idx, r.span.start, r.span.end))
                        .message(Message::builder().text(r.message.clone()).build())
                        .build(),
                );
            }
            let fixes: Vec<Fix> = f
                .fixes
                .iter()
                .map(|x| {
                    let replacements = x
                        .edits
                        .iter()
                        .map(|e| {
                            serde_sarif::sarif::Replacement::builder()
                                .deleted_region(byte_region(e.span.start, e.span.end))
                                .inserted_content(
                                    ArtifactContent::builder().text(e.text.clone()).build(),
                                )
                                .build()
                        })
                        .collect::<Vec<_>>();
                    Fix::builder()
                        .description(Message::builder().text(sentence(&x.title)).build())
                        .artifact_changes(vec![ArtifactChange::builder()
                            .artifact_location(artifact(name))
                            .replacements(replacements)
                            .build()])
                        .build()
                })
                .collect();
            let mut result = SarifResult::builder()
                .rule_id(f.code.as_str())
                .rule_index(rule_index(f.code))
                .level(level(f.severity))
                .message(Message::builder().text(sentence(&f.message)).build())
                .locations(vec![Location::builder()
                    .physical_location(physical(name, text, &idx, f.span.start, f.span.end))
                    .build()])
                .properties(
                    PropertyBag::builder()
                        .additional_properties(
                            [(
                                "severity".to_string(),
                                serde_json::Value::from(f.severity.as_str()),
                            )]
                            .into_iter()
                            .collect::<std::collections::BTreeMap<_, _>>(),
                        )
                        .build(),
                )
                .build();
            if !related.is_empty() {
                result.related_locations = Some(related);
            }
            if !fixes.is_empty() {
                result.fixes = Some(fixes);
            }
            result
        })
        .collect();
    FileResults { results }
}

/// An input that could not be checked (unreadable, not UTF-8).
pub struct Problem {
    pub name: String,
    pub message: String,
}

/// The whole log: one run over every draft, in the order given.
pub fn log(files: Vec<FileResults>, problems: &[Problem], exit_code: u8) -> Sarif {
    let results: Vec<SarifResult> = files.into_iter().flat_map(|f| f.results).collect();
    let notifications: Vec<Notification> = problems
        .iter()
        .map(|p| {
            Notification::builder()
                .level(serde_json::Value::from("error"))
                .message(Message::builder().text(sentence(&p.message)).build())
                .locations(vec![Location::builder()
                    .physical_location(
                        PhysicalLocation::builder()
                            .artifact_location(artifact(&p.name))
                            .build(),
                    )
                    .build()])
                .build()
        })
        .collect();
    let mut invocation = Invocation::builder()
        .execution_successful(problems.is_empty())
        .exit_code(i64::from(exit_code))
        .build();
    if !notifications.is_empty() {
        invocation.tool_execution_notifications = Some(notifications);
    }
    let run = Run::builder()
        .tool(Tool::builder().driver(driver()).build())
        .column_kind(serde_json::Value::from("unicodeCodePoints"))
        .original_uri_base_ids(
            [(SRCROOT.to_string(), srcroot())]
                .into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        )
        .invocations(vec![invocation])
        .results(results)
        .build();
    Sarif::builder()
        .schema(SCHEMA_URL)
        .version(serde_json::Value::from("2.1.0"))
        .runs(vec![run])
        .build()
}

fn driver() -> ToolComponent {
    let rules: Vec<ReportingDescriptor> = Code::ALL
        .iter()
        .map(|&code| {
            let summary = code.summary();
            let help_uri = format!("{DOCS_URL}#{}", code.doc_anchor());
            ReportingDescriptor::builder()
                .id(code.as_str())
                .name(pascal(code.as_str()))
                .short_description(text_only(summary))
                .full_description(text_only(summary))
                .help(
                    MultiformatMessageString::builder()
                        .text(format!("{summary} See {help_uri}"))
                        .markdown(format!(
                            "{summary} See [`{code}` in the README]({help_uri})."
                        ))
                        .build(),
                )
                .help_uri(help_uri)
                .build()
        })
        .collect();
    ToolComponent::builder()
        .name("copydesk")
        .full_name(format!("copydesk {}", env!("CARGO_PKG_VERSION")))
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri(DOCS_URL)
        .rules(rules)
        .build()
}

fn text_only(s: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s).build()
}

fn rule_index(code: Code) -> i64 {
    Code::ALL.iter().position(|&c| c == code).unwrap_or(0) as i64
}

fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info | Severity::Hint => ResultLevel::Note,
    }
}

/// `unattributed-claim` → `UnattributedClaim` (SARIF rule names are PascalCase).
fn pascal(code: &str) -> String {
    code.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// SARIF viewers show the first sentence of a message: make it end like one.
fn sentence(s: &str) -> String {
    let t = s.trim_end();
    let core = t.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')']);
    if core.ends_with(['.', '!', '?', ':']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

fn physical(name: &str, text: &str, idx: &LineIndex, start: usize, end: usize) -> PhysicalLocation {
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let (l, c) = idx.position(text, start, Encoding::Chars);
    let (el, ec) = idx.position(text, end, Encoding::Chars);
    let mut region = Region::builder()
        .start_line(i64::from(l) + 1)
        .start_column(i64::from(c) + 1)
        .end_line(i64::from(el) + 1)
        .end_column(i64::from(ec) + 1)
        .byte_offset(start as i64)
        .byte_length((end - start) as i64)
        .build();
    if let Some(snippet) = text.get(start..end) {
        region.snippet = Some(ArtifactContent::builder().text(snippet).build());
    }
    let mut location = PhysicalLocation::builder()
        .artifact_location(artifact(name))
        .region(region)
        .build();
    location.context_region = context_region(text, idx, (start, end), l, el, ec);
    location
}

/// The whole lines around a region (without the final line break), for
/// viewers that show context; none when that is no larger than the region
/// (SARIF requires a proper superset).
fn context_region(
    text: &str,
    idx: &LineIndex,
    region: (usize, usize),
    line: u32,
    end_line: u32,
    end_col: u32,
) -> Option<Region> {
    // A region ending at the start of a line does not take that line in.
    let last = if end_line > line && end_col == 0 {
        end_line - 1
    } else {
        end_line
    };
    let start = idx.line_start(line as usize).unwrap_or(0);
    let mut end = idx
        .line_start(last as usize + 1)
        .map_or(text.len(), |next| next.saturating_sub(1));
    if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
        end -= 1;
    }
    let end = end.max(start);
    if !(start <= region.0 && region.1 <= end) || (start, end) == region {
        return None;
    }
    let mut context = Region::builder()
        .start_line(i64::from(line) + 1)
        .end_line(i64::from(last) + 1)
        .byte_offset(start as i64)
        .byte_length((end - start) as i64)
        .build();
    if let Some(snippet) = text.get(start..end) {
        context.snippet = Some(ArtifactContent::builder().text(snippet).build());
    }
    Some(context)
}

fn byte_region(start: usize, end: usize) -> Region {
    Region::builder()
        .byte_offset(start as i64)
        .byte_length(end.saturating_sub(start) as i64)
        .build()
}

/// The artifact location of a path as given on the command line: a relative
/// path becomes a relative URI against `%SRCROOT%` (the working directory),
/// an absolute one a `file:` URI.
pub fn artifact(name: &str) -> ArtifactLocation {
    let path = name.replace('\\', "/");
    if path.starts_with('/') {
        ArtifactLocation::builder()
            .uri(format!("file://{}", encode_path(&path)))
            .build()
    } else {
        let rel = path.trim_start_matches("./");
        ArtifactLocation::builder()
            .uri(encode_path(rel))
            .uri_base_id(SRCROOT)
            .build()
    }
}

fn srcroot() -> ArtifactLocation {
    let cwd = std::env::current_dir()
        .ok()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_else(|| "/".into());
    let mut uri = String::from("file://");
    if !cwd.starts_with('/') {
        uri.push('/');
    }
    uri.push_str(&encode_path(&cwd));
    if !uri.ends_with('/') {
        uri.push('/');
    }
    ArtifactLocation::builder().uri(uri).build()
}

/// Percent-encodes a path for a URI, keeping `/` and RFC 3986 unreserved
/// characters.
pub fn encode_path(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for &b in p.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_uris() {
        assert_eq!(pascal("missing-comment-response"), "MissingCommentResponse");
        let cases = [
            ("drafts/a b.md", "drafts/a%20b.md", Some(SRCROOT)),
            ("./x.md", "x.md", Some(SRCROOT)),
            ("/tmp/é.md", "file:///tmp/%C3%A9.md", None),
            ("<stdin>", "%3Cstdin%3E", Some(SRCROOT)),
            ("50%.md", "50%25.md", Some(SRCROOT)),
        ];
        for (name, uri, base) in cases {
            let a = artifact(name);
            assert_eq!(a.uri.as_deref(), Some(uri), "{name}");
            assert_eq!(a.uri_base_id.as_deref(), base, "{name}");
        }
        assert_eq!(sentence("No source"), "No source.");
        assert_eq!(sentence("Who said it?"), "Who said it?");
        assert_eq!(sentence("Add \", Ana said.\""), "Add \", Ana said.\"");
    }

    #[test]
    fn regions_count_code_points_and_bytes() {
        let text = "Intro.\n“Ça va,” a man said.\n";
        let start = text.find('“').unwrap();
        let end = text.find(" a man").unwrap();
        let f = Finding {
            code: Code::UnattributedQuote,
            severity: Severity::Warning,
            span: copydesk::Span::new(start, end),
            message: "No speaker".into(),
            related: vec![],
            fixes: vec![],
        };
        let r = &file_results("x.md", text, &[f]).results[0];
        let v = serde_json::to_value(r).unwrap();
        let region = &v["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], 2);
        assert_eq!(region["startColumn"], 1);
        assert_eq!(region["endColumn"], 9);
        assert_eq!(region["byteOffset"], start);
        assert_eq!(region["byteLength"], end - start);
        assert_eq!(region["snippet"]["text"], "“Ça va,”");
        assert_eq!(v["ruleId"], "unattributed-quote");
        assert_eq!(v["ruleIndex"], 2);
        assert_eq!(v["level"], "warning");
        assert_eq!(v["message"]["text"], "No speaker.");
        let context = &v["locations"][0]["physicalLocation"]["contextRegion"];
        assert_eq!(context["startLine"], 2);
        assert_eq!(context["endLine"], 2);
        assert_eq!(context["snippet"]["text"], "“Ça va,” a man said.");
    }

    #[test]
    fn context_region_only_when_larger_than_the_region() {
        let text = "One line.\r\nTwo lines here.\n";
        let idx = LineIndex::new(text);
        let whole = physical("x.md", text, &idx, 0, 9);
        assert!(whole.context_region.is_none(), "line 1 without CRLF");
        let part = physical("x.md", text, &idx, 11, 14);
        let ctx = part.context_region.unwrap();
        assert_eq!((ctx.byte_offset, ctx.byte_length), (Some(11), Some(15)));
        // Ending just past a line break does not pull in the next line.
        let across = physical("x.md", text, &idx, 4, 11);
        assert_eq!(across.region.as_ref().unwrap().end_line, Some(2));
        assert!(across.context_region.is_none());
    }
}

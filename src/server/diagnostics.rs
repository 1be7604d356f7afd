//! Findings as LSP diagnostics. Each diagnostic carries its finding's fixes
//! in `data`, with the edits already as LSP ranges and the document version
//! they apply to, so code actions need no server state. (The rest of the
//! finding, code, message, severity, span and related spans, is the
//! diagnostic itself.) `data` is kept compact, since clients parse it for
//! every diagnostic on every keystroke:
//!
//! ```json
//! {"version": 4, "fixes": [{"title": "…", "bulkSafe": true,
//!   "edits": [[startLine, startChar, endLine, endChar, "new text"]]}]}
//! ```

use super::convert::Lines;
use copydesk::{CheckSettings, Code, Finding, Severity};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::LazyLock;
#[cfg(test)]
use tower_lsp::lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
};
use tower_lsp::lsp_types::{Diagnostic, NumberOrString, Position, Range, Url};

/// Where each check is documented; a check's section is `#<code>`.
pub const DOCS_URL: &str = "https://github.com/copydesk/copydesk";
pub const SOURCE: &str = "copydesk";

static CODE_URLS: LazyLock<HashMap<Code, Url>> = LazyLock::new(|| {
    Code::ALL
        .iter()
        .filter_map(|c| Some((*c, code_url(*c)?)))
        .collect()
});

fn code_url(code: Code) -> Option<Url> {
    Url::parse(&format!("{DOCS_URL}#{}", code.doc_anchor())).ok()
}

/// A fix's edit as it travels in `data`: on the wire, the array
/// `[startLine, startChar, endLine, endChar, newText]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "EditWire", into = "EditWire")]
pub struct DataEdit {
    pub range: Range,
    /// Replacement text; `TK` marks where the reporter fills in.
    pub new_text: String,
}

#[derive(Clone, Serialize, Deserialize)]
struct EditWire(u32, u32, u32, u32, String);

impl From<EditWire> for DataEdit {
    fn from(w: EditWire) -> DataEdit {
        DataEdit {
            range: Range::new(Position::new(w.0, w.1), Position::new(w.2, w.3)),
            new_text: w.4,
        }
    }
}

impl From<DataEdit> for EditWire {
    fn from(e: DataEdit) -> EditWire {
        let (s, t) = (e.range.start, e.range.end);
        EditWire(s.line, s.character, t.line, t.character, e.new_text)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataFix {
    pub title: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bulk_safe: bool,
    pub edits: Vec<DataEdit>,
}

/// The `data` of a copydesk diagnostic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Data {
    /// Document version the fixes' ranges belong to.
    pub version: i32,
    pub fixes: Vec<DataFix>,
}

impl Data {
    pub fn from_diagnostic(d: &Diagnostic) -> Option<Data> {
        if d.source.as_deref() != Some(SOURCE) {
            return None;
        }
        serde_json::from_value(d.data.clone()?).ok()
    }
}

/// The check a copydesk diagnostic reports.
pub fn code_of(d: &Diagnostic) -> Option<Code> {
    if d.source.as_deref() != Some(SOURCE) {
        return None;
    }
    match d.code.as_ref()? {
        NumberOrString::String(s) => Code::parse(s),
        NumberOrString::Number(_) => None,
    }
}

pub fn fixes_of(finding: &Finding, lines: Lines) -> Vec<DataFix> {
    finding
        .fixes
        .iter()
        .map(|f| DataFix {
            title: f.title.to_string(),
            bulk_safe: f.bulk_safe,
            edits: f
                .edits
                .iter()
                .map(|e| DataEdit {
                    range: lines.range(e.span),
                    new_text: e.text.to_string(),
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The diagnostics of one analysed version, as `lsp_types` values (what
/// [`publish_body`] writes; the tests compare the two), at most `limit` of them (only
/// those are built: converting every finding of a huge draft first cost
/// more memory than the draft). The engine applies `checks` already;
/// applying them again here keeps the server right if it did not.
#[cfg(test)]
pub fn build(
    findings: &[Finding],
    checks: &CheckSettings,
    lines: Lines,
    uri: &Url,
    version: i32,
    limit: usize,
) -> Vec<Diagnostic> {
    findings
        .iter()
        .filter(|f| checks.enabled(f.code))
        .take(limit)
        .map(|f| {
            let sev = checks.severity_for(f.code).unwrap_or(f.severity);
            let related = f
                .related
                .iter()
                .map(|r| DiagnosticRelatedInformation {
                    location: Location {
                        uri: uri.clone(),
                        range: lines.range(r.span),
                    },
                    message: r.message.to_string(),
                })
                .collect::<Vec<_>>();
            let data = Data {
                version,
                fixes: fixes_of(f, lines),
            };
            Diagnostic {
                range: lines.range(f.span),
                severity: Some(severity(sev)),
                code: Some(NumberOrString::String(f.code.as_str().to_string())),
                code_description: CODE_URLS
                    .get(&f.code)
                    .cloned()
                    .or_else(|| code_url(f.code))
                    .map(|href| CodeDescription { href }),
                source: Some(SOURCE.to_string()),
                message: f.message.to_string(),
                related_information: (!related.is_empty()).then_some(related),
                tags: None,
                data: serde_json::to_value(&data).ok(),
            }
        })
        .collect()
}

/// The JSON writing below, in the key order tower-lsp gives the same
/// diagnostics (its `serde_json::Value` maps sort their keys).
struct Json(Vec<u8>);

impl Json {
    fn raw(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
    }

    fn str(&mut self, s: &str) {
        // serde_json's own escaping, as for a `Value::String`.
        let _ = serde_json::to_writer(&mut self.0, s);
    }

    fn num(&mut self, n: impl Serialize) {
        // (serde_json's integer writing: no `fmt` machinery)
        let _ = serde_json::to_writer(&mut self.0, &n);
    }

    fn position(&mut self, p: Position) {
        self.raw("{\"character\":");
        self.num(p.character);
        self.raw(",\"line\":");
        self.num(p.line);
        self.raw("}");
    }

    fn range(&mut self, r: Range) {
        self.raw("{\"end\":");
        self.position(r.end);
        self.raw(",\"start\":");
        self.position(r.start);
        self.raw("}");
    }
}

/// Method of the notification [`publish_body`] writes.
pub const PUBLISH_METHOD: &str = "textDocument/publishDiagnostics";

/// The whole `textDocument/publishDiagnostics` notification for the
/// diagnostics [`build`] makes from the same arguments, as the JSON body
/// tower-lsp would write for them, byte for byte (see the tests), but
/// written straight from the findings: no `Diagnostic`s, no
/// `serde_json::Value` tree to build, serialise and free on each keystroke.
pub fn publish_body(
    findings: &[Finding],
    checks: &CheckSettings,
    lines: Lines,
    uri: &Url,
    version: i32,
    limit: usize,
) -> Vec<u8> {
    // Room for what the last body took per diagnostic, so that a long
    // draft's half megabyte is not copied over while it grows.
    use std::sync::atomic::{AtomicUsize, Ordering};
    static PER_DIAGNOSTIC: AtomicUsize = AtomicUsize::new(700);
    let n = findings.len().min(limit);
    let mut j = Json(Vec::with_capacity(
        256 + n * PER_DIAGNOSTIC.load(Ordering::Relaxed),
    ));
    j.raw("{\"jsonrpc\":\"2.0\",\"method\":\"");
    j.raw(PUBLISH_METHOD);
    j.raw("\",\"params\":{\"diagnostics\":[");
    for (i, f) in findings
        .iter()
        .filter(|f| checks.enabled(f.code))
        .take(limit)
        .enumerate()
    {
        if i > 0 {
            j.raw(",");
        }
        j.raw("{\"code\":");
        j.str(f.code.as_str());
        if let Some(href) = CODE_URLS.get(&f.code).cloned().or_else(|| code_url(f.code)) {
            j.raw(",\"codeDescription\":{\"href\":");
            j.str(href.as_str());
            j.raw("}");
        }
        j.raw(",\"data\":{\"fixes\":[");
        for (k, fix) in f.fixes.iter().enumerate() {
            if k > 0 {
                j.raw(",");
            }
            j.raw("{");
            if fix.bulk_safe {
                j.raw("\"bulkSafe\":true,");
            }
            j.raw("\"edits\":[");
            for (m, e) in fix.edits.iter().enumerate() {
                if m > 0 {
                    j.raw(",");
                }
                let r = lines.range(e.span);
                j.raw("[");
                for n in [r.start.line, r.start.character, r.end.line, r.end.character] {
                    j.num(n);
                    j.raw(",");
                }
                j.str(&e.text);
                j.raw("]");
            }
            j.raw("],\"title\":");
            j.str(&fix.title);
            j.raw("}");
        }
        j.raw("],\"version\":");
        j.num(version);
        j.raw("},\"message\":");
        j.str(&f.message);
        j.raw(",\"range\":");
        j.range(lines.range(f.span));
        if !f.related.is_empty() {
            j.raw(",\"relatedInformation\":[");
            for (k, r) in f.related.iter().enumerate() {
                if k > 0 {
                    j.raw(",");
                }
                j.raw("{\"location\":{\"range\":");
                j.range(lines.range(r.span));
                j.raw(",\"uri\":");
                j.str(uri.as_str());
                j.raw("},\"message\":");
                j.str(&r.message);
                j.raw("}");
            }
            j.raw("]");
        }
        let sev = checks.severity_for(f.code).unwrap_or(f.severity);
        j.raw(",\"severity\":");
        j.num(severity_number(sev));
        j.raw(",\"source\":");
        j.str(SOURCE);
        j.raw("}");
    }
    j.raw("],\"uri\":");
    j.str(uri.as_str());
    j.raw(",\"version\":");
    j.num(version);
    j.raw("}}");
    if let Some(per) = j.0.len().checked_div(n) {
        PER_DIAGNOSTIC.store(per + 32, Ordering::Relaxed);
    }
    j.0
}

/// A severity's number on the wire.
fn severity_number(s: Severity) -> i32 {
    match s {
        Severity::Error => 1,
        Severity::Warning => 2,
        Severity::Info => 3,
        Severity::Hint => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk::position::{Encoding, LineIndex};
    use copydesk::{Edit, Fix, Related, Span};

    #[test]
    fn finding_to_diagnostic_round_trips_data() {
        let text = "Line one.\n“Quoted words here,” é said yesterday.\n";
        let index = LineIndex::new(text);
        let lines = Lines {
            text,
            index: &index,
            enc: Encoding::Utf16,
        };
        let start = text.find("yesterday").unwrap();
        let finding = Finding {
            code: Code::RelativeDate,
            severity: Severity::Warning,
            span: Span::new(start, start + 9),
            message: "m".into(),
            related: vec![Related {
                span: Span::new(0, 4),
                message: "r".into(),
            }],
            fixes: vec![Fix {
                title: "Use weekday".into(),
                edits: smallvec::smallvec![Edit {
                    span: Span::new(start, start + 9),
                    text: "TK".into(),
                }],
                bulk_safe: true,
            }],
        };
        let uri = Url::parse("file:///d.md").unwrap();
        let mut checks = CheckSettings::default();
        let d = &build(std::slice::from_ref(&finding), &checks, lines, &uri, 7, 10)[0];
        assert_eq!(d.range.start, tower_lsp::lsp_types::Position::new(1, 28));
        assert_eq!(d.range.end.character, 37);
        assert_eq!(d.severity, Some(DiagnosticSeverity::WARNING));
        assert_eq!(
            d.code_description.as_ref().unwrap().href.as_str(),
            "https://github.com/copydesk/copydesk#relative-date"
        );
        assert_eq!(d.related_information.as_ref().unwrap().len(), 1);
        let data = Data::from_diagnostic(d).unwrap();
        assert_eq!(data.version, 7);
        assert_eq!(code_of(d), Some(Code::RelativeDate));
        // Compact on the wire: edits are arrays, bulkSafe only when true.
        let wire = d.data.as_ref().unwrap();
        assert_eq!(
            wire["fixes"][0]["edits"][0],
            serde_json::json!([1, 28, 1, 37, "TK"])
        );
        assert_eq!(wire["fixes"][0]["bulkSafe"], true);
        assert!(wire.get("finding").is_none());
        assert_eq!(data.fixes[0].title, "Use weekday");
        assert!(data.fixes[0].bulk_safe);
        assert_eq!(data.fixes[0].edits[0].range, d.range);

        checks.severity.push((Code::RelativeDate, Severity::Hint));
        let d = &build(std::slice::from_ref(&finding), &checks, lines, &uri, 7, 10)[0];
        assert_eq!(d.severity, Some(DiagnosticSeverity::HINT));
        checks.disabled.push(Code::RelativeDate);
        assert!(build(std::slice::from_ref(&finding), &checks, lines, &uri, 7, 10).is_empty());
        checks.disabled.clear();
        assert_eq!(
            build(&[finding.clone(), finding], &checks, lines, &uri, 7, 1).len(),
            1
        );
    }

    /// The body tower-lsp writes for `build`'s diagnostics.
    fn tower_body(
        findings: &[Finding],
        checks: &CheckSettings,
        lines: Lines,
        uri: &Url,
        version: i32,
        limit: usize,
    ) -> String {
        let params = tower_lsp::lsp_types::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics: build(findings, checks, lines, uri, version, limit),
            version: Some(version),
        };
        let req = tower_lsp::jsonrpc::Request::build(PUBLISH_METHOD)
            .params(serde_json::to_value(params).unwrap())
            .finish();
        serde_json::to_string(&req).unwrap()
    }

    fn finding(code: Code, span: Span, text: &str, fixes: usize, related: usize) -> Finding {
        Finding {
            code,
            severity: Severity::Info,
            span,
            message: format!("{text} \"quoted\" \\ back\nline\t\u{1}").into(),
            related: (0..related)
                .map(|k| Related {
                    span: Span::new(k, span.end + k),
                    message: format!("related {k} {text}").into(),
                })
                .collect(),
            fixes: (0..fixes)
                .map(|k| Fix {
                    title: format!("Fix {k}: “{text}”").into(),
                    edits: (0..=k)
                        .map(|m| Edit {
                            span: Span::new(span.start + m, span.end),
                            text: format!("\n\n{text} {m}").into(),
                        })
                        .collect(),
                    bulk_safe: k % 2 == 0,
                })
                .collect(),
        }
    }

    #[test]
    fn publish_body_is_what_tower_lsp_writes() {
        let text = "First line é.\n“Quoted 😀 words,” she said\r\nyesterday.\n\nLast";
        let index = LineIndex::new(text);
        let uri = Url::parse("file:///d%20ir/draft%C3%A9.md").unwrap();
        let findings: Vec<Finding> = Code::ALL
            .iter()
            .enumerate()
            .map(|(i, &code)| {
                let start = (i * 7) % text.len();
                let span = Span::new(start, (start + 3 * i + 1).min(text.len() + 5));
                finding(code, span, &text[..i.min(3)], i % 4, i % 3)
            })
            .chain([finding(
                Code::RelativeDate,
                Span::new(40, 12),
                "reversed",
                1,
                0,
            )])
            .collect();
        let mut checks = CheckSettings::default();
        for enc in [Encoding::Utf16, Encoding::Utf8] {
            let lines = Lines {
                text,
                index: &index,
                enc,
            };
            for limit in [0, 1, 3, 100] {
                for version in [0, 7, -2] {
                    let got = publish_body(&findings, &checks, lines, &uri, version, limit);
                    let want = tower_body(&findings, &checks, lines, &uri, version, limit);
                    assert_eq!(String::from_utf8(got).unwrap(), want);
                }
            }
            checks.disabled.push(Code::ALL[1]);
            checks.severity.push((Code::ALL[2], Severity::Error));
            let got = publish_body(&findings, &checks, lines, &uri, 3, 100);
            let want = tower_body(&findings, &checks, lines, &uri, 3, 100);
            assert_eq!(String::from_utf8(got).unwrap(), want);
        }
        let none = publish_body(
            &[],
            &checks,
            Lines {
                text,
                index: &index,
                enc: Encoding::Utf16,
            },
            &uri,
            1,
            10,
        );
        assert_eq!(
            String::from_utf8(none).unwrap(),
            r#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"diagnostics":[],"uri":"file:///d%20ir/draft%C3%A9.md","version":1}}"#
        );
    }
}

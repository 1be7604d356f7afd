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
use tower_lsp::lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, Url,
};

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
            title: f.title.clone(),
            bulk_safe: f.bulk_safe,
            edits: f
                .edits
                .iter()
                .map(|e| DataEdit {
                    range: lines.range(e.span),
                    new_text: e.text.clone(),
                })
                .collect(),
        })
        .collect()
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The diagnostics of one analysed version, at most `limit` of them (only
/// those are built: converting every finding of a huge draft first cost
/// more memory than the draft). The engine applies `checks` already;
/// applying them again here keeps the server right if it did not.
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
                    message: r.message.clone(),
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
                message: f.message.clone(),
                related_information: (!related.is_empty()).then_some(related),
                tags: None,
                data: serde_json::to_value(&data).ok(),
            }
        })
        .collect()
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
                edits: vec![Edit {
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
}

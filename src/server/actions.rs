//! Code actions: one quick fix per fix of each finding (read from the
//! diagnostic's `data`), "Fix all <code> in file" for bulk-safe fixes, and
//! `source.fixAll`.
//!
//! `TK` in a fix marks where the reporter must fill in. When the client
//! supports snippet edits in workspace edits (LSP 3.18
//! `workspace.workspaceEdit.snippetEditSupport`), each `TK` becomes a
//! placeholder; otherwise `TK` is inserted as is. tower-lsp 0.20's types
//! predate `SnippetTextEdit`, so the edit is built here as an
//! [`AnnotatedTextEdit`] tagged [`SNIPPET_ANNOTATION`] and rewritten on the
//! wire by [`super::wire`].

use super::diagnostics::{Data, DataEdit, DataFix};
use copydesk::Code;
use std::collections::HashMap;
use tower_lsp::lsp_types::{
    AnnotatedTextEdit, CodeAction, CodeActionKind, Diagnostic, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit, Url, WorkspaceEdit,
};

/// Annotation id marking an edit whose `newText` is a snippet.
pub const SNIPPET_ANNOTATION: &str = "copydesk.snippet";
/// The newsroom "to come" marker.
const TK: &str = "TK";

/// What the client can take in a workspace edit.
#[derive(Clone, Copy, Debug, Default)]
pub struct EditCaps {
    pub document_changes: bool,
    pub snippets: bool,
}

pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.copydesk")
}

/// Quick fixes for the copydesk diagnostics in `diags` that belong to
/// `version` (diagnostics of an older version would edit the wrong text).
pub fn quick_fixes(
    uri: &Url,
    version: i32,
    diags: &[Diagnostic],
    caps: EditCaps,
) -> Vec<CodeAction> {
    let mut out = Vec::new();
    for d in diags {
        let Some(data) = Data::from_diagnostic(d) else {
            continue;
        };
        if data.version != version {
            continue;
        }
        for (i, fix) in data.fixes.iter().enumerate() {
            out.push(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(workspace_edit(uri, version, fix.edits.clone(), caps)),
                is_preferred: Some(i == 0),
                ..CodeAction::default()
            });
        }
    }
    out
}

/// One action applying the first bulk-safe fix of every finding of `code`
/// (`None`: of every code). `fixes` are the document's findings' fixes by code.
pub fn fix_all(
    uri: &Url,
    version: i32,
    code: Option<Code>,
    fixes: &[(Code, Vec<DataFix>)],
    caps: EditCaps,
) -> Option<CodeAction> {
    let mut edits = Vec::new();
    let mut count = 0;
    for (c, fs) in fixes {
        if code.is_some_and(|want| want != *c) {
            continue;
        }
        if let Some(f) = fs.iter().find(|f| f.bulk_safe) {
            edits.extend(f.edits.iter().cloned());
            count += 1;
        }
    }
    if edits.is_empty() {
        return None;
    }
    let (title, kind) = match code {
        Some(c) => (
            format!("Fix all {c} in file ({count})"),
            CodeActionKind::QUICKFIX,
        ),
        None => (
            "Fix all copydesk findings in file".to_string(),
            fix_all_kind(),
        ),
    };
    Some(CodeAction {
        title,
        kind: Some(kind),
        edit: Some(workspace_edit(uri, version, edits, caps)),
        ..CodeAction::default()
    })
}

/// Edits sorted by position, dropping any that overlaps one before it (a
/// workspace edit's edits must not overlap).
fn disjoint(mut edits: Vec<DataEdit>) -> Vec<DataEdit> {
    let key = |e: &DataEdit| (e.range.start.line, e.range.start.character);
    let end = |e: &DataEdit| (e.range.end.line, e.range.end.character);
    edits.sort_by_key(key);
    let mut out: Vec<DataEdit> = Vec::with_capacity(edits.len());
    for e in edits {
        if let Some(prev) = out.last() {
            if key(&e) < end(prev) || (key(&e) == key(prev) && e == *prev) {
                continue;
            }
        }
        out.push(e);
    }
    out
}

fn workspace_edit(uri: &Url, version: i32, edits: Vec<DataEdit>, caps: EditCaps) -> WorkspaceEdit {
    let edits = disjoint(edits);
    if !caps.document_changes {
        let plain = edits
            .into_iter()
            .map(|e| TextEdit::new(e.range, e.new_text))
            .collect();
        return WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), plain)])),
            ..WorkspaceEdit::default()
        };
    }
    let mut tabstop = 1;
    let edits = edits
        .into_iter()
        .map(|e| {
            if caps.snippets && has_tk(&e.new_text) {
                OneOf::Right(AnnotatedTextEdit {
                    text_edit: TextEdit::new(e.range, snippet(&e.new_text, &mut tabstop)),
                    annotation_id: SNIPPET_ANNOTATION.to_string(),
                })
            } else {
                OneOf::Left(TextEdit::new(e.range, e.new_text))
            }
        })
        .collect();
    WorkspaceEdit {
        document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri: uri.clone(),
                version: Some(version),
            },
            edits,
        }])),
        ..WorkspaceEdit::default()
    }
}

/// Start offsets of each stand-alone `TK` (not part of a longer word).
fn tk_positions(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices(TK).map(|(i, _)| i).filter(move |&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + TK.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn has_tk(text: &str) -> bool {
    tk_positions(text).next().is_some()
}

/// `text` as a snippet: `$`, `}` and `\` escaped, each `TK` a placeholder
/// `${n:TK}` numbered from `*tabstop`.
pub fn snippet(text: &str, tabstop: &mut u32) -> String {
    let escape = |s: &str, out: &mut String| {
        for ch in s.chars() {
            if matches!(ch, '$' | '}' | '\\') {
                out.push('\\');
            }
            out.push(ch);
        }
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut last = 0;
    for i in tk_positions(text) {
        escape(&text[last..i], &mut out);
        out.push_str(&format!("${{{tabstop}:{TK}}}"));
        *tabstop += 1;
        last = i + TK.len();
    }
    escape(&text[last..], &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp::lsp_types::{Position, Range};

    fn edit(l: u32, c0: u32, c1: u32, t: &str) -> DataEdit {
        DataEdit {
            range: Range::new(Position::new(l, c0), Position::new(l, c1)),
            new_text: t.into(),
        }
    }

    #[test]
    fn snippets() {
        let cases = [
            ("TK", "${1:TK}"),
            (", TK said.", ", ${1:TK} said."),
            ("on TK by TK", "on ${1:TK} by ${2:TK}"),
            ("TKO $5 {x}", "TKO \\$5 {x\\}"),
            ("a\\b", "a\\\\b"),
            ("éTK", "éTK"),
        ];
        for (text, want) in cases {
            let mut n = 1;
            assert_eq!(snippet(text, &mut n), want, "{text}");
        }
    }

    #[test]
    fn disjoint_drops_overlaps_and_duplicates() {
        let got = disjoint(vec![
            edit(0, 5, 9, "b"),
            edit(0, 0, 3, "a"),
            edit(0, 2, 4, "overlap"),
            edit(0, 5, 9, "b"),
            edit(0, 9, 9, "insert at end"),
        ]);
        let texts: Vec<&str> = got.iter().map(|e| e.new_text.as_str()).collect();
        assert_eq!(texts, ["a", "b", "insert at end"]);
    }

    #[test]
    fn plain_or_versioned_edits() {
        let uri = Url::parse("file:///a.md").unwrap();
        let e = vec![edit(1, 0, 2, "TK said")];
        let plain = workspace_edit(&uri, 3, e.clone(), EditCaps::default());
        assert_eq!(plain.changes.unwrap()[&uri][0].new_text, "TK said");
        let caps = EditCaps {
            document_changes: true,
            snippets: true,
        };
        let snip = workspace_edit(&uri, 3, e, caps);
        let Some(DocumentChanges::Edits(docs)) = snip.document_changes else {
            panic!("expected document changes");
        };
        assert_eq!(docs[0].text_document.version, Some(3));
        match &docs[0].edits[0] {
            OneOf::Right(a) => {
                assert_eq!(a.annotation_id, SNIPPET_ANNOTATION);
                assert_eq!(a.text_edit.new_text, "${1:TK} said");
            }
            OneOf::Left(_) => panic!("expected a snippet edit"),
        }
    }
}

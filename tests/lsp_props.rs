//! Property: after any sequence of incremental edits, the server publishes
//! the same diagnostics as for the resulting text opened fresh.

mod common;

use common::{position, Lsp};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Value};

/// Invented fragments that between them trigger several checks.
const FRAGMENTS: &[&str] = &[
    "Mara Venn said yesterday that the fund ran dry. ",
    "“Nobody checked the pumps before the storm came through.”",
    "\n\n",
    "The council approved the harbor budget. ",
    "Officials said the contract was rigged. ",
    "é😀 ",
    "# Pumps\n\n",
    "\"short\" ",
    "last week ",
    "\r\n",
];
const ANCHOR: &str = "---\ndate: 2024-03-14\n---\n\n";

fn snap(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn normalised(diags: Vec<Value>) -> Vec<Value> {
    diags
        .into_iter()
        .map(|mut d| {
            d["data"]["version"] = Value::Null;
            d
        })
        .collect()
}

#[test]
fn edits_match_a_fresh_open() {
    let (lsp, _) = Lsp::start(
        common::capabilities(&["utf-16"], false),
        json!({"debounceMs": 0}),
    );
    let start = (
        any::<bool>(),
        prop::collection::vec(0..FRAGMENTS.len(), 0..8),
    );
    // (where, how much to delete, what to insert, edits per notification)
    let edit = (
        0.0..=1.0f64,
        0usize..40,
        prop::collection::vec(0..FRAGMENTS.len(), 0..3),
    );
    let strategy = (start, prop::collection::vec((edit, 1usize..3), 1..10));
    let mut runner = TestRunner::new(Config {
        cases: 12,
        failure_persistence: None,
        ..Config::default()
    });
    // The runner takes a `Fn`: one server for every case, behind a RefCell.
    let lsp = std::cell::RefCell::new(lsp);
    let case = std::cell::Cell::new(0);
    let result = runner.run(&strategy, |((anchored, parts), edits)| {
        let mut lsp = lsp.borrow_mut();
        case.set(case.get() + 1);
        let case = case.get();
        let mut text: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
        if anchored {
            text.insert_str(0, ANCHOR);
        }
        let uri = format!("file:///tmp/copydesk-prop/edited-{case}.md");
        lsp.open(&uri, "markdown", 1, &text);
        lsp.diagnostics(&uri, 1);
        let mut version = 1;
        for chunk in edits.chunks(2) {
            // One notification may carry several changes, applied in order.
            let mut changes = Vec::new();
            for ((at, del, ins), _) in chunk {
                let a = snap(&text, (at * text.len() as f64) as usize);
                let b = snap(&text, a + del);
                let b = b.max(a);
                let insert: String = ins.iter().map(|&i| FRAGMENTS[i]).collect();
                changes.push(json!({
                    "range": {"start": position(&text, a, false), "end": position(&text, b, false)},
                    "text": insert,
                }));
                text.replace_range(a..b, &insert);
            }
            version += 1;
            lsp.change(&uri, version, Value::Array(changes));
        }
        let edited = normalised(lsp.diagnostics(&uri, version));
        let fresh_uri = format!("file:///tmp/copydesk-prop/fresh-{case}.md");
        lsp.open(&fresh_uri, "markdown", 1, &text);
        let fresh = normalised(lsp.diagnostics(&fresh_uri, 1));
        // Related information names its document; compare without the URI.
        let strip = |v: Vec<Value>| -> String {
            v.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
                .replace(&fresh_uri, "URI")
                .replace(&uri, "URI")
        };
        for u in [&uri, &fresh_uri] {
            lsp.notify("textDocument/didClose", json!({"textDocument": {"uri": u}}));
        }
        if strip(edited) != strip(fresh) {
            return Err(TestCaseError::fail(format!(
                "diagnostics differ for {text:?}"
            )));
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    lsp.into_inner().shutdown();
}

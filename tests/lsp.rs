//! The language server end to end: the real binary over JSON-RPC.

mod common;

use common::{apply_edits, capabilities, codes, offset, position, Lsp};
use serde_json::{json, Value};

/// An invented draft: anchored (front matter date, a Thursday), a relative
/// date outside quotes, a stand-alone quotation with no speaker, an actor.
const DRAFT: &str = "---\ndate: 2024-03-14\n---\n\n# Harbor pumps\n\nCouncillor Mara Venn said yesterday that the harbor fund would run dry by June.\n\n“Nobody checked the pumps before the storm came through.”\n";
const URI: &str = "file:///tmp/copydesk-test/harbor.md";

fn start(init: Value) -> Lsp {
    start_with(&["utf-16"], false, init)
}

fn start_with(encodings: &[&str], snippets: bool, init: Value) -> Lsp {
    Lsp::start(capabilities(encodings, snippets), init).0
}

fn find<'a>(diags: &'a [Value], code: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} diagnostic in {diags:#?}"))
}

/// Diagnostics without the document version inside `data`, for comparing
/// diagnostics of different versions of the same text.
fn normalised(diags: &[Value]) -> Vec<Value> {
    diags
        .iter()
        .map(|d| {
            let mut d = d.clone();
            d["data"]["version"] = Value::Null;
            d
        })
        .collect()
}

fn range_text<'a>(text: &'a str, range: &Value, utf8: bool) -> &'a str {
    &text[offset(text, &range["start"], utf8)..offset(text, &range["end"], utf8)]
}

#[test]
fn negotiates_position_encoding() {
    // A quotation after multi-byte characters: its range differs per encoding.
    let text = "---\ndate: 2024-03-14\n---\n\n“Ça ne va pas — nobody checked the pumps 🌊 before the storm.”\n";
    for (offered, utf8) in [
        (&["utf-8", "utf-16"][..], true),
        (&["utf-16"][..], false),
        (&[][..], false),
    ] {
        let (mut lsp, init) = Lsp::start(capabilities(offered, false), json!({"debounceMs": 0}));
        let want = if utf8 { "utf-8" } else { "utf-16" };
        assert_eq!(
            init["capabilities"]["positionEncoding"], want,
            "{offered:?}"
        );
        assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);
        lsp.open(URI, "markdown", 1, text);
        let diags = lsp.diagnostics(URI, 1);
        let quote = find(&diags, "unattributed-quote");
        let covered = range_text(text, &quote["range"], utf8);
        assert!(
            covered.starts_with('“') && covered.ends_with('”'),
            "{offered:?}: {covered:?}"
        );
        assert_eq!(lsp.shutdown(), Some(0));
    }
}

#[test]
fn diagnostics_carry_everything_a_client_needs() {
    let mut lsp = start(json!({"debounceMs": 0}));
    lsp.open(URI, "markdown", 1, DRAFT);
    let diags = lsp.diagnostics(URI, 1);
    let d = find(&diags, "unattributed-quote");
    assert_eq!(d["source"], "copydesk");
    assert_eq!(d["severity"], 1);
    assert_eq!(
        d["codeDescription"]["href"],
        "https://github.com/copydesk/copydesk#unattributed-quote"
    );
    assert!(!d["message"].as_str().unwrap().is_empty());
    assert_eq!(d["data"]["version"], 1);
    assert!(
        d["data"].get("finding").is_none(),
        "the diagnostic itself is the finding"
    );
    assert!(d["data"]["fixes"].is_array());
    lsp.shutdown();
}

#[test]
fn incremental_edits_publish_per_version() {
    let mut lsp = start(json!({"debounceMs": 0}));
    lsp.open(URI, "markdown", 1, DRAFT);
    let v1 = lsp.diagnostics(URI, 1);
    let quotes = |d: &[Value]| {
        d.iter()
            .filter(|x| x["code"] == "unattributed-quote")
            .count()
    };
    assert_eq!(quotes(&v1), 1);

    // Version 2: append a second stand-alone quotation.
    let end = position(DRAFT, DRAFT.len(), false);
    let added = "\n“A second quotation with more than enough words in it.”\n";
    lsp.change(
        URI,
        2,
        json!([{"range": {"start": end, "end": end}, "text": added}]),
    );
    let v2 = lsp.diagnostics(URI, 2);
    assert_eq!(quotes(&v2), 2, "{v2:#?}");

    // Version 3: delete it again, in two edits of one notification.
    let text2 = format!("{DRAFT}{added}");
    let mid = position(&text2, DRAFT.len() + 10, false);
    let end2 = position(&text2, text2.len(), false);
    lsp.change(
        URI,
        3,
        json!([
            {"range": {"start": mid, "end": end2}, "text": ""},
            {"range": {"start": end, "end": mid}, "text": ""}
        ]),
    );
    let v3 = lsp.diagnostics(URI, 3);
    assert_eq!(normalised(&v3), normalised(&v1));
    assert!(v3.iter().all(|d| d["data"]["version"] == 3));
    lsp.shutdown();
}

#[test]
fn rapid_edits_never_publish_stale_versions() {
    // With the default debounce, a burst of edits is analysed once or a few
    // times; whatever is published comes in version order and ends with the
    // last version.
    let mut lsp = start(json!({}));
    lsp.open(URI, "markdown", 1, DRAFT);
    let v1 = lsp.diagnostics(URI, 1);
    let at = position(DRAFT, DRAFT.find("harbor fund").unwrap(), false);
    let mut version = 1;
    for i in 0..20 {
        version += 1;
        let change = if i % 2 == 0 {
            json!([{"range": {"start": at, "end": at}, "text": "x"}])
        } else {
            let mut end = at.clone();
            end["character"] = json!(at["character"].as_u64().unwrap() + 1);
            json!([{"range": {"start": at, "end": end}, "text": ""}])
        };
        lsp.change(URI, version, change);
    }
    let last = lsp.diagnostics(URI, version);
    assert_eq!(normalised(&last), normalised(&v1));
    let versions: Vec<i64> = lsp
        .published
        .iter()
        .filter(|(u, _, _)| u == URI)
        .filter_map(|(_, v, _)| *v)
        .collect();
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    assert_eq!(versions.last(), Some(&version));
    lsp.shutdown();
}

#[test]
fn hover_on_an_actor_and_a_date() {
    let mut lsp = start(json!({"debounceMs": 0}));
    lsp.open(URI, "markdown", 1, DRAFT);
    lsp.diagnostics(URI, 1);
    let at = position(DRAFT, DRAFT.find("Venn").unwrap() + 1, false);
    let h = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": at}),
    );
    assert_eq!(h["contents"]["kind"], "markdown");
    let card = h["contents"]["value"].as_str().unwrap();
    assert!(card.contains("Mara Venn"), "{card}");
    assert!(card.contains("mention"), "{card}");
    assert!(card.contains("Comment"), "{card}");

    let at = position(DRAFT, DRAFT.find("yesterday").unwrap() + 2, false);
    let h = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": at}),
    );
    let card = h["contents"]["value"].as_str().unwrap();
    assert!(card.contains("Wednesday, March 13, 2024"), "{card}");

    // Nothing to say about an ordinary word; a position past the end is fine.
    let at = position(DRAFT, DRAFT.find("pumps before").unwrap() + 1, false);
    let h = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": at}),
    );
    assert!(h.is_null(), "{h}");
    let h = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 9999, "character": 9999}}),
    );
    assert!(h.is_null() || h["contents"].is_object());
    lsp.shutdown();
}

fn code_actions(lsp: &mut Lsp, diag: &Value) -> Vec<Value> {
    lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": diag["range"],
               "context": {"diagnostics": [diag], "triggerKind": 1}}),
    )
    .as_array()
    .cloned()
    .unwrap()
}

/// The text edits of an action's workspace edit for `URI`.
fn edits_of(action: &Value) -> Vec<Value> {
    let edit = &action["edit"];
    if let Some(dc) = edit["documentChanges"].as_array() {
        assert_eq!(dc[0]["textDocument"]["uri"], URI);
        return dc[0]["edits"].as_array().unwrap().clone();
    }
    edit["changes"][URI].as_array().unwrap().clone()
}

#[test]
fn quick_fix_removes_its_diagnostic() {
    let mut lsp = start(json!({"debounceMs": 0}));
    lsp.open(URI, "markdown", 1, DRAFT);
    let diags = lsp.diagnostics(URI, 1);
    let rel = find(&diags, "relative-date");
    let actions = code_actions(&mut lsp, rel);
    let fix = actions
        .iter()
        .find(|a| a["kind"] == "quickfix" && a["title"].as_str().unwrap().contains("Wednesday"))
        .unwrap_or_else(|| panic!("no weekday fix in {actions:#?}"));
    assert_eq!(
        fix["edit"]["documentChanges"][0]["textDocument"]["version"],
        1
    );
    let edits = edits_of(fix);
    let fixed = apply_edits(DRAFT, &edits, false);
    assert!(fixed.contains("said Wednesday that"), "{fixed}");
    // Send the edits as the client would, last first so ranges stay valid.
    let mut changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    changes.reverse();
    lsp.change(URI, 2, Value::Array(changes));
    let after = lsp.diagnostics(URI, 2);
    assert!(
        after.iter().all(|d| d["code"] != "relative-date"),
        "{after:#?}"
    );
    // Diagnostics of version 1 no longer yield fixes.
    assert!(code_actions(&mut lsp, rel)
        .iter()
        .all(|a| a["kind"] != "quickfix" || a["diagnostics"].is_null()));
    lsp.shutdown();
}

#[test]
fn tk_becomes_a_placeholder_only_for_snippet_clients() {
    for snippets in [true, false] {
        let mut lsp = start_with(&["utf-16"], snippets, json!({"debounceMs": 0}));
        lsp.open(URI, "markdown", 1, DRAFT);
        let diags = lsp.diagnostics(URI, 1);
        let quote = find(&diags, "unattributed-quote");
        let actions = code_actions(&mut lsp, quote);
        let edit = actions
            .iter()
            .flat_map(edits_of)
            .find(|e| {
                e["newText"].as_str().is_some_and(|t| t.contains("TK"))
                    || e["snippet"]["value"].is_string()
            })
            .unwrap_or_else(|| panic!("no TK edit in {actions:#?}"));
        if snippets {
            assert_eq!(edit["snippet"]["kind"], "snippet");
            assert!(edit["snippet"]["value"]
                .as_str()
                .unwrap()
                .contains("${1:TK}"));
            assert!(edit.get("newText").is_none());
        } else {
            assert!(edit["newText"].as_str().unwrap().contains("TK"));
            assert!(!edit["newText"].as_str().unwrap().contains("${"));
        }
        lsp.shutdown();
    }
}

#[test]
fn fix_all_applies_every_bulk_safe_fix() {
    let text = "---\ndate: 2024-03-14\n---\n\nThe pier closed yesterday, and the ferry stopped running yesterday as well.\n\nThe harbor master resigned yesterday.\n";
    let mut lsp = start(json!({"debounceMs": 0}));
    lsp.open(URI, "markdown", 1, text);
    let diags = lsp.diagnostics(URI, 1);
    let rel: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"] == "relative-date")
        .collect();
    assert_eq!(rel.len(), 3, "{diags:#?}");
    let actions = code_actions(&mut lsp, rel[0]);
    let all = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Fix all relative-date")
        })
        .unwrap_or_else(|| panic!("no fix-all in {actions:#?}"));
    let fixed = apply_edits(text, &edits_of(all), false);
    assert!(!fixed.contains("yesterday"), "{fixed}");

    let source = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let source = source.as_array().unwrap();
    assert_eq!(source.len(), 1, "{source:#?}");
    assert_eq!(source[0]["kind"], "source.fixAll.copydesk");
    lsp.shutdown();
}

#[test]
fn inlay_hints_and_symbols() {
    let mut lsp = start(json!({"debounceMs": 0}));
    lsp.open(URI, "markdown", 1, DRAFT);
    lsp.diagnostics(URI, 1);
    let hints = lsp.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": URI},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 100, "character": 0}}}),
    );
    let hints = hints.as_array().unwrap();
    let after = position(
        DRAFT,
        DRAFT.find("yesterday").unwrap() + "yesterday".len(),
        false,
    );
    let hint = hints
        .iter()
        .find(|h| h["position"] == after)
        .unwrap_or_else(|| panic!("no hint after `yesterday` in {hints:#?}"));
    assert!(hint["label"]
        .as_str()
        .unwrap()
        .contains("Wednesday, March 13, 2024"));

    let symbols = lsp.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Harbor pumps"), "{names:?}");
    assert!(names.iter().any(|n| n.contains("Mara Venn")), "{names:?}");
    lsp.shutdown();
}

#[test]
fn configuration_changes_reanalyse_open_documents() {
    let mut lsp = start(json!({"debounceMs": 0}));
    lsp.open(URI, "markdown", 1, DRAFT);
    let before = lsp.diagnostics(URI, 1);
    assert!(codes(&before).contains(&"unattributed-quote".to_string()));

    // Pushed settings.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"disabled": ["unattributed-quote"]}}}),
    );
    let after = lsp.diagnostics(URI, 1);
    assert!(
        !codes(&after).contains(&"unattributed-quote".to_string()),
        "{after:#?}"
    );

    // Pulled settings: the client only says something changed.
    lsp.settings =
        json!({"checks": {"unattributed-quote": true}, "severity": {"unattributed-quote": "hint"}});
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    let pulled = lsp.diagnostics(URI, 1);
    assert_eq!(find(&pulled, "unattributed-quote")["severity"], 4);
    lsp.shutdown();
}

#[test]
fn reference_date_from_initialization_options() {
    let text = "Crews reopened the pier yesterday.\n";
    let mut lsp = start(json!({"debounceMs": 0, "referenceDate": "2024-03-14"}));
    lsp.open("file:///tmp/copydesk-test/pier.txt", "plaintext", 1, text);
    let diags = lsp.diagnostics("file:///tmp/copydesk-test/pier.txt", 1);
    let rel = find(&diags, "relative-date");
    // Anchored: information, not a warning.
    assert_eq!(rel["severity"], 3, "{rel:#?}");
    lsp.shutdown();
}

#[test]
fn closing_clears_diagnostics() {
    let mut lsp = start(json!({"debounceMs": 0}));
    lsp.open(URI, "markdown", 1, DRAFT);
    assert!(!lsp.diagnostics(URI, 1).is_empty());
    lsp.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    let msg = lsp.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == URI
    });
    assert_eq!(msg["params"]["diagnostics"], json!([]));
    lsp.shutdown();
}

#[test]
fn survives_bad_input() {
    let mut lsp = start(json!({"debounceMs": 0}));
    // Edits to a document that is not open; unknown requests and notifications.
    lsp.change("file:///nowhere.md", 7, json!([{"text": "x"}]));
    let resp = lsp.request_raw("copydesk/unknown", json!({}));
    assert_eq!(resp["error"]["code"], -32601);
    lsp.notify("copydesk/unknownNotification", json!({}));
    let resp = lsp.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.md"}, "position": {"line": 0, "character": 0}}),
    );
    assert!(resp["result"].is_null(), "{resp}");

    // Out-of-range positions, a version gap, an emoji split in half.
    lsp.open(URI, "markdown", 1, "Short 😀 text.\n");
    lsp.diagnostics(URI, 1);
    lsp.change(
        URI,
        5,
        json!([
            {"range": {"start": {"line": 40, "character": 3}, "end": {"line": 2, "character": 0}}, "text": "tail"},
            {"range": {"start": {"line": 0, "character": 7}, "end": {"line": 0, "character": 500}}, "text": "!"}
        ]),
    );
    lsp.diagnostics(URI, 5);

    // A large document (several hundred kilobytes, one very long line too).
    let para = "The committee met again and nobody could say who had approved the contract. ";
    let big = format!(
        "{}\n\n{}\n",
        para.repeat(3000),
        [para; 40].join("\n\n").repeat(50)
    );
    lsp.open("file:///tmp/copydesk-test/big.md", "markdown", 1, &big);
    lsp.diagnostics("file:///tmp/copydesk-test/big.md", 1);
    assert_eq!(lsp.shutdown(), Some(0));
}

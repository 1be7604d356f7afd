//! House rules over LSP (the real binary): the actors file's effect on
//! findings and hover, re-analysis when copydesk.toml changes
//! (`workspace/didChangeWatchedFiles`), and a broken config reported on the
//! file itself while the last good configuration stays in force.

mod common;

use common::{capabilities, position, Lsp};
use serde_json::{json, Value};
use std::path::Path;

/// An invented draft: an accusation with no response on line 5 (0-based 4),
/// a claim sourced to "the sluice book" on line 7 (0-based 6).
const DRAFT: &str = "---\ndate: 2026-03-12\n---\n\nTeodor Valk, the ferry inspector, falsified the safety logs for the night crossings, according to records released Tuesday by the transit board.\n\nThe sluice book shows the toll keeper embezzled fares from the ferry fund.\n";

fn uri(p: &Path) -> String {
    format!("file://{}", p.display())
}

fn write(p: &Path, text: &str) {
    std::fs::write(p, text).unwrap();
}

/// A client that lets the server register file watchers.
fn start() -> Lsp {
    let mut caps = capabilities(&["utf-16"], false);
    caps["workspace"]["didChangeWatchedFiles"] = json!({"dynamicRegistration": true});
    Lsp::start(caps, json!({"debounceMs": 0})).0
}

/// Tells the server that `files` changed on disk.
fn files_changed(lsp: &mut Lsp, files: &[&Path]) {
    let changes: Vec<Value> = files
        .iter()
        .map(|f| json!({"uri": uri(f), "type": 2}))
        .collect();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": changes }),
    );
}

/// The next diagnostics published for `uri` (any version).
fn next_diagnostics(lsp: &mut Lsp, uri: &str) -> Vec<Value> {
    let msg = lsp.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
    });
    msg["params"]["diagnostics"].as_array().cloned().unwrap()
}

/// (code, 0-based line) of each diagnostic.
fn lines(diags: &[Value]) -> Vec<(String, u64)> {
    diags
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn fix_texts(d: &Value) -> Vec<String> {
    d["data"]["fixes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["edits"].as_array().unwrap().clone())
        // An edit travels as [startLine, startChar, endLine, endChar, newText].
        .map(|e| e[4].as_str().unwrap().trim().to_string())
        .collect()
}

#[test]
fn actors_file_shapes_findings_and_hover() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    write(
        &root.join("copydesk.toml"),
        "[files]\nactors = \"people.toml\"\n",
    );
    write(
        &root.join("people.toml"),
        "[[actor]]\nname = \"Teodor Valk\"\ntitle = \"chief ferry inspector\"\naffiliation = \"Transit Board\"\n\n[[actor.outreach]]\nasked_on = 2026-03-10\nhow = \"email\"\noutcome = \"no-reply\"\n",
    );
    let draft = root.join("valk.md");
    let draft_uri = uri(&draft);
    let mut lsp = start();
    lsp.open(&draft_uri, "markdown", 1, DRAFT);
    let diags = lsp.diagnostics(&draft_uri, 1);
    let missing = diags
        .iter()
        .find(|d| d["code"] == "missing-comment-response")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    let texts = fix_texts(missing);
    assert!(
        texts.contains(&"Valk did not respond to a request for comment sent Tuesday.".into()),
        "{texts:?}"
    );

    let at = position(DRAFT, DRAFT.find("Valk").unwrap() + 1, false);
    let h = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": draft_uri}, "position": at}),
    );
    let card = h["contents"]["value"].as_str().unwrap();
    for want in [
        "Actors file",
        "chief ferry inspector",
        "Transit Board",
        "March 10, 2026",
        "email",
        "no reply",
    ] {
        assert!(card.contains(want), "{want} missing from {card}");
    }

    // The reply is recorded: the finding goes, after the watcher reports it.
    write(
        &root.join("people.toml"),
        "[[actor]]\nname = \"Teodor Valk\"\n\n[[actor.outreach]]\nasked_on = 2026-03-10\noutcome = \"declined\"\n",
    );
    files_changed(&mut lsp, &[&root.join("people.toml")]);
    let after = lsp.diagnostics(&draft_uri, 1);
    assert!(
        !lines(&after)
            .iter()
            .any(|(c, _)| c == "missing-comment-response"),
        "{after:#?}"
    );
    let h = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": draft_uri}, "position": at}),
    );
    let card = h["contents"]["value"].as_str().unwrap();
    assert!(card.contains("declined"), "{card}");
    lsp.shutdown();
}

#[test]
fn watched_config_changes_reanalyse_open_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let config = root.join("copydesk.toml");
    write(&config, "[sources]\nvague = [\"quay loafers\"]\n");
    // The draft is never saved: analysis reads the editor's text.
    let draft_uri = uri(&root.join("unsaved.md"));
    let mut lsp = start();
    let reg = lsp.wait_for(|m| m["method"] == "client/registerCapability");
    let watchers = &reg["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/copydesk.toml", "{reg}");
    lsp.open(&draft_uri, "markdown", 1, DRAFT);
    let before = lines(&lsp.diagnostics(&draft_uri, 1));
    assert!(
        before.iter().any(|(_, line)| *line == 6),
        "line 7 is flagged before the sluice book is trusted: {before:?}"
    );

    write(&config, "[sources]\ntrusted = [\"the sluice book\"]\n");
    files_changed(&mut lsp, &[&config]);
    let after = lines(&lsp.diagnostics(&draft_uri, 1));
    assert!(!after.iter().any(|(_, line)| *line == 6), "{after:?}");

    // An edit after the change still uses the new configuration.
    lsp.change(
        &draft_uri,
        2,
        json!([{"range": {"start": {"line": 6, "character": 0}, "end": {"line": 6, "character": 0}}, "text": "Late on Friday, "}]),
    );
    let edited = lines(&lsp.diagnostics(&draft_uri, 2));
    assert!(!edited.iter().any(|(_, line)| *line == 6), "{edited:?}");
    lsp.shutdown();
}

#[test]
fn bad_config_is_reported_on_the_file_and_the_last_good_one_kept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let config = root.join("copydesk.toml");
    let config_uri = uri(&config);
    write(
        &config,
        "[sources]\ntrusted = [\"the sluice book\"]\n[files]\nactors = \"people.toml\"\n",
    );
    write(
        &root.join("people.toml"),
        "[[actor]]\nname = \"Teodor Valk\"\n[[actor.outreach]]\noutcome = \"responded\"\n",
    );
    let draft_uri = uri(&root.join("d.md"));
    let mut lsp = start();
    // The config open in the editor is not analysed as a draft.
    lsp.open(&config_uri, "toml", 1, "[sources]\n");
    lsp.open(&draft_uri, "markdown", 1, DRAFT);
    let good = lines(&lsp.diagnostics(&draft_uri, 1));
    assert!(!good.iter().any(|(_, l)| *l == 6 || *l == 4), "{good:?}");

    // Broken: an unclosed array on line 2.
    write(
        &config,
        "[sources]\ntrusted = [\"the sluice book\"\n[files]\nactors = \"people.toml\"\n",
    );
    files_changed(&mut lsp, &[&config]);
    let problems = loop {
        let d = next_diagnostics(&mut lsp, &config_uri);
        if !d.is_empty() {
            break d;
        }
    };
    let p = &problems[0];
    assert_eq!(p["severity"], 1, "{p:#?}");
    assert_eq!(p["code"], "house-config");
    assert!(p["range"]["start"]["line"].as_u64().unwrap() >= 1, "{p:#?}");
    let msg = p["message"].as_str().unwrap();
    assert!(msg.contains("not valid TOML"), "{msg}");
    assert!(msg.contains("last good configuration"), "{msg}");
    // The drafts keep the last good rules (trusted name, actors file).
    let kept = lines(&lsp.diagnostics(&draft_uri, 1));
    assert_eq!(kept, good);

    // A wrong type is a warning with its position; the rest applies.
    write(
        &config,
        "[sources]\ntrusted = \"the sluice book\"\n[files]\nactors = \"people.toml\"\n",
    );
    files_changed(&mut lsp, &[&config]);
    let warned = next_diagnostics(&mut lsp, &config_uri);
    assert_eq!(warned.len(), 1, "{warned:#?}");
    assert_eq!(warned[0]["severity"], 2);
    assert_eq!(warned[0]["range"]["start"]["line"], 1);
    assert!(
        warned[0]["message"]
            .as_str()
            .unwrap()
            .contains("should be an array of strings"),
        "{warned:#?}"
    );
    let now = lines(&lsp.diagnostics(&draft_uri, 1));
    assert!(now.iter().any(|(_, l)| *l == 6), "{now:?}");

    // Fixed: the file's diagnostics are cleared.
    write(&config, "[sources]\ntrusted = [\"the sluice book\"]\n");
    files_changed(&mut lsp, &[&config]);
    assert!(next_diagnostics(&mut lsp, &config_uri).is_empty());
    assert!(
        !lsp.published
            .iter()
            .any(|(u, version, _)| *u == config_uri && version.is_some()),
        "the config file was analysed as a draft"
    );
    lsp.shutdown();
}

//! Protocol torture: the real `copydesk lsp` binary fed malformed framing,
//! invalid JSON, unknown methods, requests before `initialize`, edits to
//! unopened documents, version regressions, out-of-range and mid-surrogate
//! positions, a burst of 1,000 edits, a 10 MB one-line document, 100,000
//! paragraphs, deep nesting and NUL bytes. Every request must get a result or
//! a proper JSON-RPC error, the server must keep serving (a final request gets
//! the right answer) and its peak memory (VmHWM) must stay bounded.

mod common;

use common::spawn_server;
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Guards against a hung server; not a performance assertion.
const TIMEOUT: Duration = Duration::from_secs(120);
/// Generous bound on the server's peak resident memory.
const MAX_HWM_KB: u64 = 1024 * 1024;

struct Server {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
}

impl Server {
    fn spawn() -> Server {
        let (child, stdin, rx) = spawn_server(Stdio::null());
        Server {
            child,
            stdin,
            rx,
            next_id: 0,
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, msg: &Value) {
        let body = serde_json::to_vec(msg).unwrap();
        let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        out.extend_from_slice(&body);
        self.raw(&out);
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// The next message matching `pred`, answering server requests on the way.
    fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = match self.rx.recv_timeout(left) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => panic!("no {what} from the server"),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the server closed its output waiting for {what}")
                }
            };
            if let (Some(id), Some(method)) = (msg.get("id"), msg["method"].as_str()) {
                // A server-to-client request (configuration, registration…).
                let result = if method == "workspace/configuration" {
                    let n = msg["params"]["items"].as_array().map_or(0, Vec::len);
                    Value::Array(vec![json!({"debounceMs": 0}); n])
                } else {
                    Value::Null
                };
                let id = id.clone();
                self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
                continue;
            }
            if pred(&msg) {
                return msg;
            }
        }
    }

    /// Sends a request and returns its response, which must be a result or a
    /// JSON-RPC error object with an integer code and a message.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        let resp = self.wait_for(&format!("answer to {method}"), |m| {
            m.get("id") == Some(&json!(id)) && m.get("method").is_none()
        });
        assert_eq!(resp["jsonrpc"], "2.0");
        if let Some(err) = resp.get("error") {
            assert!(err["code"].is_i64(), "{method}: bad error {resp}");
            assert!(err["message"].is_string(), "{method}: bad error {resp}");
        } else {
            assert!(resp.get("result").is_some(), "{method}: no result {resp}");
        }
        resp
    }

    fn ok(&mut self, method: &str, params: Value) -> Value {
        let resp = self.request(method, params);
        assert!(resp.get("error").is_none(), "{method} failed: {resp}");
        resp["result"].clone()
    }

    /// Waits for the diagnostics of `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let msg = self.wait_for(&format!("diagnostics for {uri} v{version}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        msg["params"]["diagnostics"].as_array().cloned().unwrap()
    }

    fn open(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}}),
        );
    }

    fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    fn vm_hwm_kb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn range(l0: u32, c0: u32, l1: u32, c1: u32) -> Value {
    json!({"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}})
}

fn pos(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

/// A short invented draft whose diagnostics are known: an unattributed
/// accusation-style claim and a relative date without an anchor.
const SMALL: &str =
    "The harbor fund was quietly drained, insiders said.\n\nThe pumps failed last week.\n";

fn codes(diags: &[Value]) -> Vec<String> {
    let mut c: Vec<String> = diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect();
    c.sort();
    c.dedup();
    c
}

/// The server still works: a fresh small document gets the same diagnostics
/// as at the start, and a hover request on it is answered.
fn still_serving(s: &mut Server, uri: &str, want: &[String]) {
    s.open(uri, 1, SMALL);
    let diags = s.diagnostics(uri, 1);
    assert_eq!(
        &codes(&diags),
        want,
        "diagnostics changed after the torture"
    );
    let r = s.ok(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": pos(2, 20)}),
    );
    assert!(r.is_null() || r.get("contents").is_some(), "{r}");
}

#[test]
fn server_survives_hostile_clients() {
    let mut s = Server::spawn();

    // Before initialize: requests get an error, notifications are dropped.
    let r = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///early.md"}, "position": pos(0, 0)}),
    );
    assert!(r.get("error").is_some(), "{r}");
    s.open("file:///early.md", 1, "Too early.");

    s.ok(
        "initialize",
        json!({"processId": null, "rootUri": null,
               "capabilities": {"general": {"positionEncodings": ["utf-16"]},
                                "workspace": {"configuration": true}},
               "initializationOptions": {"debounceMs": 0}}),
    );
    s.notify("initialized", json!({}));

    // Baseline: the diagnostics of the small draft on a healthy server.
    s.open("file:///baseline.md", 1, SMALL);
    let want = codes(&s.diagnostics("file:///baseline.md", 1));
    assert!(!want.is_empty(), "the small draft should have findings");

    // Malformed framing, each followed by a request that must be answered.
    let garbage: &[&[u8]] = &[
        b"Content-Length: abc\r\n\r\n{\"jsonrpc\":\"2.0\"}",
        b"Content-Length: -5\r\n\r\n",
        b"Content-Length: 99999999999999999999999\r\n\r\n",
        b"Content-Type: application/vscode-jsonrpc; charset=latin1\r\nContent-Length: 2\r\n\r\n{}",
        b"Content-Length: 12\r\n\r\n{not json!!}",
        b"Content-Length: 4\r\n\r\n\xff\xfe\x00\x01",
        b"Content-Length: 2\r\n\r\n[]",
        b"Content-Length: 24\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":{}}",
        b"Content-Length: 0\r\n\r\n",
        b"\r\n\r\nrandom noise between messages\r\n\r\n",
    ];
    for g in garbage {
        s.raw(g);
        let r = s.ok(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": "file:///baseline.md"}}),
        );
        assert!(r.is_array() || r.is_null(), "{r}");
    }

    // Unknown methods and notifications.
    let r = s.request("copydesk/noSuchMethod", json!({"x": 1}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    s.notify("copydesk/noSuchNotification", json!([1, 2, 3]));
    s.notify("$/cancelRequest", json!({"id": 99999}));
    // Wrong parameter shapes.
    let r = s.request("textDocument/hover", json!({"textDocument": 7}));
    assert!(r.get("error").is_some(), "{r}");
    let r = s.request("textDocument/hover", json!(null));
    assert!(r.get("error").is_some(), "{r}");

    // Edits to unopened documents; requests about unopened documents.
    s.change(
        "file:///never-opened.md",
        2,
        json!([{"range": range(0, 0, 0, 0), "text": "x"}]),
    );
    s.ok(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///never-opened.md"}, "position": pos(0, 0)}),
    );
    s.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": "file:///never-opened.md"}}),
    );

    // Version regressions, out-of-range and mid-surrogate positions.
    let uri = "file:///edits.md";
    s.open(uri, 10, "a😀b\nsecond line\n");
    s.diagnostics(uri, 10);
    s.change(uri, 5, json!([{"range": range(0, 2, 0, 2), "text": "X"}])); // mid-surrogate
    s.change(
        uri,
        5,
        json!([{"range": range(99, 0, 120, 7), "text": "tail"}]),
    );
    s.change(uri, 3, json!([{"range": range(1, 500, 0, 1), "text": ""}])); // reversed
    s.change(
        uri,
        11,
        json!([{"range": range(u32::MAX, u32::MAX, u32::MAX, u32::MAX), "text": "\u{0}"}]),
    );
    s.change(
        uri,
        12,
        json!([{"text": "Officials said it was rigged, sources say.\n"}]),
    );
    s.diagnostics(uri, 12);
    let r = s.ok(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": pos(4_000_000_000, 4_000_000_000)}),
    );
    assert!(r.is_null() || r.is_object());
    s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(0, 1, 9, 9),
               "context": {"diagnostics": []}}),
    );
    s.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri}, "range": range(7, 0, 0, 0)}),
    );

    // 1,000 edits in a burst, then check the result against a fresh open.
    let uri = "file:///burst.md";
    let mut text = String::from("Start.\n");
    s.open(uri, 1, &text);
    for i in 0..1000u32 {
        let piece = match i % 4 {
            0 => "The council said “no” on Monday. ",
            1 => "é😀\n",
            2 => "Critics accused the mayor of lying. ",
            _ => "\n\n",
        };
        // Insert at the start of line (i % lines) — columns 0 are the same in
        // every encoding.
        let lines = text.matches('\n').count() as u32 + 1;
        let line = i % lines;
        let at = match line {
            0 => 0,
            l => text.match_indices('\n').nth(l as usize - 1).unwrap().0 + 1,
        };
        text.insert_str(at, piece);
        s.change(
            uri,
            2 + i as i64,
            json!([{"range": range(line, 0, line, 0), "text": piece}]),
        );
    }
    let burst = s.diagnostics(uri, 1001);
    s.open("file:///burst-fresh.md", 1, &text);
    let fresh = s.diagnostics("file:///burst-fresh.md", 1);
    let strip = |d: &[Value]| -> Vec<Value> {
        d.iter()
            .map(|d| {
                let mut d = d.clone();
                d["data"] = Value::Null;
                d
            })
            .collect()
    };
    assert_eq!(
        strip(&burst),
        strip(&fresh),
        "burst edits diverged from a fresh open"
    );

    // A 10 MB one-line document.
    let sentence =
        "Officials said the fund, which critics called “a slush account,” was drained on Tuesday. ";
    // 10 MB against an optimised binary; an unoptimised (debug) build is an
    // order of magnitude slower, so it gets 300 KB (and 10,000 paragraphs).
    let size = if cfg!(debug_assertions) {
        300_000
    } else {
        10_000_000
    };
    eprintln!("one-line document: {size} bytes");
    let big: String = sentence.repeat(size / sentence.len() + 1);
    s.open("file:///one-line.md", 1, &big);
    s.diagnostics("file:///one-line.md", 1);
    s.ok(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///one-line.md"}, "position": pos(0, 5_000_000)}),
    );
    s.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": "file:///one-line.md"}}),
    );
    drop(big);

    // 100,000 paragraphs.
    let mut paras = String::new();
    let paragraphs = if cfg!(debug_assertions) {
        10_000
    } else {
        100_000
    };
    eprintln!("paragraphs: {paragraphs}");
    for i in 0..paragraphs {
        paras.push_str(match i % 5 {
            0 => "The mayor denied it.\n\n",
            1 => "Sources said the vote was fixed last week.\n\n",
            2 => "> “We knew,” one aide said.\n\n",
            3 => "- Budget: $4 million\n\n",
            _ => "# Section\n\n",
        });
    }
    s.open("file:///paragraphs.md", 1, &paras);
    s.diagnostics("file:///paragraphs.md", 1);
    s.ok(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": "file:///paragraphs.md"}}),
    );
    s.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": "file:///paragraphs.md"}}),
    );
    drop(paras);

    // Deeply nested lists and quotes; NUL bytes.
    let mut nested = String::new();
    for depth in 0..2000 {
        nested.push_str(&"  ".repeat(depth % 400));
        nested.push_str("- ");
        nested.push_str(&"> ".repeat(depth % 300));
        nested.push_str("Critics said it was “rigged.”\n");
    }
    nested.push_str(&">".repeat(50_000));
    nested.push_str(" deep\n");
    nested.push_str(&"[".repeat(20_000));
    nested.push_str(&"*_".repeat(20_000));
    nested.push('\n');
    s.open("file:///nested.md", 1, &nested);
    s.diagnostics("file:///nested.md", 1);
    let nul = "The\0 mayor\0 said\0 \0“\0no\0”\0.\n\0\0\0\n".repeat(1000);
    s.open("file:///nul.md", 1, &nul);
    s.diagnostics("file:///nul.md", 1);

    // Still serving, with the right answer.
    still_serving(&mut s, "file:///final.md", &want);
    let hwm = s.vm_hwm_kb();
    eprintln!("copydesk lsp peak memory (VmHWM): {hwm:?} kB");
    if let Some(kb) = hwm {
        assert!(kb < MAX_HWM_KB, "peak memory {kb} kB");
    }
    s.ok("shutdown", Value::Null);
    s.notify("exit", Value::Null);
    let status = s.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

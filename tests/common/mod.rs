//! A minimal LSP client for the integration tests: spawns the real binary
//! (`copydesk lsp --stdio`) and speaks JSON-RPC with Content-Length framing.
#![allow(dead_code)] // each test file uses a different part of it

use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Guards against a hung server; not a performance assertion.
const TIMEOUT: Duration = Duration::from_secs(30);

pub struct Lsp {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    /// Messages read while waiting for something else.
    backlog: VecDeque<Value>,
    next_id: i64,
    /// What `workspace/configuration` requests are answered with.
    pub settings: Value,
    /// Every publishDiagnostics seen, in order: (uri, version, diagnostics).
    pub published: Vec<(String, Option<i64>, Vec<Value>)>,
}

/// Reads one Content-Length framed JSON-RPC message; None at end of stream.
pub fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            if length.is_some() {
                break;
            }
            continue;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            length = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// Starts `copydesk lsp --stdio` with a thread that decodes its stdout into
/// messages on the returned channel.
pub fn spawn_server(stderr: Stdio) -> (Child, ChildStdin, Receiver<Value>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["lsp", "--stdio"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .expect("copydesk lsp starts");
    let stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        while let Some(msg) = read_message(&mut stdout) {
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
    (child, stdin, rx)
}

impl Lsp {
    pub fn spawn() -> Lsp {
        let (child, stdin, rx) = spawn_server(Stdio::inherit());
        Lsp {
            child,
            stdin,
            rx,
            backlog: VecDeque::new(),
            next_id: 0,
            settings: Value::Null,
            published: Vec::new(),
        }
    }

    /// Spawns and initializes with the given client capabilities and options.
    pub fn start(capabilities: Value, init_options: Value) -> (Lsp, Value) {
        let mut lsp = Lsp::spawn();
        let result = lsp.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": capabilities,
                   "initializationOptions": init_options}),
        );
        lsp.notify("initialized", json!({}));
        (lsp, result)
    }

    pub fn send(&mut self, msg: Value) {
        let body = serde_json::to_vec(&msg).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its whole response message.
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// Sends a request and returns its result (panics on an error response).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let resp = self.request_raw(method, params);
        assert!(resp.get("error").is_none(), "{method} failed: {resp}");
        resp["result"].clone()
    }

    fn recv(&mut self, deadline: Instant) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(left) {
            Ok(msg) => {
                self.answer_server_request(&msg);
                if msg["method"] == "textDocument/publishDiagnostics" {
                    let p = &msg["params"];
                    self.published.push((
                        p["uri"].as_str().unwrap_or("").to_string(),
                        p["version"].as_i64(),
                        p["diagnostics"].as_array().cloned().unwrap_or_default(),
                    ));
                }
                msg
            }
            Err(RecvTimeoutError::Timeout) => panic!("no answer from the server in {TIMEOUT:?}"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    fn answer_server_request(&mut self, msg: &Value) {
        let (Some(id), Some(method)) = (msg.get("id"), msg["method"].as_str()) else {
            return;
        };
        let result = if method == "workspace/configuration" {
            let n = msg["params"]["items"].as_array().map_or(0, Vec::len);
            Value::Array(vec![self.settings.clone(); n])
        } else {
            Value::Null
        };
        let id = id.clone();
        self.send(json!({"jsonrpc": "2.0", "id": id, "result": result}));
    }

    /// The first message (backlog first) matching `pred`; others are kept.
    pub fn wait_for(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i).unwrap();
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let msg = self.recv(deadline);
            if pred(&msg) {
                return msg;
            }
            self.backlog.push_back(msg);
        }
    }

    /// The diagnostics published for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let msg = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        msg["params"]["diagnostics"].as_array().cloned().unwrap()
    }

    pub fn open(&mut self, uri: &str, language: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        );
    }

    pub fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// shutdown + exit; returns the exit status code.
    pub fn shutdown(mut self) -> Option<i32> {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Lsp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Byte offset of an LSP position in `text` (columns in UTF-8 bytes or
/// UTF-16 units), computed independently of the server.
pub fn offset(text: &str, pos: &Value, utf8: bool) -> usize {
    let line = pos["line"].as_u64().unwrap() as usize;
    let col = pos["character"].as_u64().unwrap() as usize;
    let mut start = 0;
    for _ in 0..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_text = &text[start..text[start..].find('\n').map_or(text.len(), |i| start + i)];
    let mut units = 0;
    for (i, ch) in line_text.char_indices() {
        if units >= col {
            return start + i;
        }
        units += if utf8 { ch.len_utf8() } else { ch.len_utf16() };
    }
    start + line_text.len()
}

/// An LSP position of a byte offset.
pub fn position(text: &str, offset: usize, utf8: bool) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let seg = &text[line_start..offset];
    let col: usize = if utf8 {
        seg.len()
    } else {
        seg.chars().map(char::len_utf16).sum()
    };
    json!({"line": line, "character": col})
}

/// Applies LSP text edits (ranges in the original text) to `text`.
pub fn apply_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let a = offset(text, &e["range"]["start"], utf8);
            let b = offset(text, &e["range"]["end"], utf8);
            let new = e["newText"]
                .as_str()
                .or(e["snippet"]["value"].as_str())
                .unwrap()
                .to_string();
            (a, b, new)
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, new) in spans {
        out.replace_range(a..b, &new);
    }
    out
}

/// Client capabilities offering the given position encodings.
pub fn capabilities(encodings: &[&str], snippets: bool) -> Value {
    json!({
        "general": {"positionEncodings": encodings},
        "workspace": {
            "configuration": true,
            "workspaceEdit": {"documentChanges": true, "snippetEditSupport": snippets}
        },
        "textDocument": {
            "publishDiagnostics": {"relatedInformation": true, "versionSupport": true,
                                   "codeDescriptionSupport": true, "dataSupport": true},
            "hover": {"contentFormat": ["markdown", "plaintext"]},
            "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}}},
            "inlayHint": {},
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": true}
        }
    })
}

/// The codes of a list of diagnostics, sorted.
pub fn codes(diags: &[Value]) -> Vec<String> {
    let mut c: Vec<String> = diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect();
    c.sort();
    c
}

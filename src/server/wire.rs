//! A thin layer over tower-lsp's service for what its 0.20 types cannot
//! express: it reads LSP 3.18 `snippetEditSupport` from the raw `initialize`
//! request, turns the edits [`super::actions`] tags as snippets into
//! `SnippetTextEdit`s in `codeAction` responses, and accepts `"params": null`
//! on parameterless methods. [`frames`] sits between stdin and tower-lsp and
//! keeps malformed input from ending the session.

use super::actions::SNIPPET_ANNOTATION;
use serde_json::Value;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use tower_lsp::jsonrpc::{Request, Response};
use tower_service::Service;

pub struct Wire<S> {
    pub inner: S,
    /// Set when the client accepts snippet edits in workspace edits.
    pub snippets: Arc<AtomicBool>,
    /// Receives the exit status once `exit` has been handled (0 after a
    /// `shutdown` request, else 1): tower-lsp itself would only stop at the
    /// next message or the end of input.
    pub exit: Option<tokio::sync::oneshot::Sender<u8>>,
    pub shut_down: bool,
}

/// Method of the request [`frames`] sends in place of a message that
/// tower-lsp could not decode; [`Wire`] answers it with the JSON-RPC error in
/// its params.
pub const INVALID_MESSAGE: &str = "$/copydesk/invalidMessage";

const CONTENT_LENGTH: &[u8] = b"Content-Length";
/// A header block longer than this is garbage.
const MAX_HEADER: usize = 8 * 1024;

/// Copies LSP frames from `input` to `output`, passing on only well-formed
/// JSON-RPC messages. tower-lsp's reader stops for good at the first frame it
/// cannot decode (a bad `Content-Length`, invalid JSON, a JSON value that is
/// not a message), which would end the session; here such a frame becomes an
/// [`INVALID_MESSAGE`] request, answered with a parse error (-32700) or an
/// invalid-request error (-32600), and reading resumes at the next
/// `Content-Length` header. Returns at the end of input.
pub async fn frames<R, W>(mut input: R, mut output: W)
where
    R: tokio::io::AsyncRead + Unpin,
    W: tokio::io::AsyncWrite + Unpin,
{
    use tokio::io::AsyncWriteExt;
    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    // Everything before `pos` has been handled.
    let mut pos = 0;
    loop {
        // Find the start of a header block; skip what comes before it.
        let start = loop {
            if let Some(i) = find(&buf[pos..], CONTENT_LENGTH) {
                break pos + i;
            }
            pos = pos.max(buf.len().saturating_sub(CONTENT_LENGTH.len() - 1));
            if !read_more(&mut input, &mut buf, &mut pos, 0).await {
                return;
            }
        };
        pos = start;
        // The end of the header block.
        let header_end = loop {
            if let Some(i) = find(&buf[pos..], b"\r\n\r\n") {
                break Some(pos + i + 4);
            }
            if buf.len() - pos > MAX_HEADER {
                break None;
            }
            if !read_more(&mut input, &mut buf, &mut pos, 0).await {
                return;
            }
        };
        let length = header_end.and_then(|end| {
            let line = buf[pos..end].split(|&b| b == b'\n').next()?;
            let value = line.get(CONTENT_LENGTH.len()..)?.strip_prefix(b":")?;
            let n = std::str::from_utf8(value)
                .ok()?
                .trim()
                .parse::<usize>()
                .ok()?;
            (n <= MAX_BODY).then_some(n)
        });
        let (Some(end), Some(length)) = (header_end, length) else {
            // Report the bad header and look for the next one.
            pos += CONTENT_LENGTH.len();
            let msg = error_request(Value::Null, -32700, "invalid Content-Length header");
            if write_frame(&mut output, &msg).await.is_err() {
                return;
            }
            continue;
        };
        pos = end;
        while buf.len() - pos < length {
            if !read_more(&mut input, &mut buf, &mut pos, length).await {
                return;
            }
        }
        let body = &buf[pos..pos + length];
        pos += length;
        let sent = if body.is_empty() {
            Ok(())
        } else if serde_json::from_slice::<Request>(body).is_ok()
            || serde_json::from_slice::<Response>(body).is_ok()
        {
            let head = format!("Content-Length: {length}\r\n\r\n");
            match output.write_all(head.as_bytes()).await {
                Ok(()) => output.write_all(body).await,
                Err(e) => Err(e),
            }
        } else {
            let msg = match serde_json::from_slice::<Value>(body) {
                Ok(v) => {
                    let id = match v.get("id") {
                        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
                        _ => Value::Null,
                    };
                    let what = "not a JSON-RPC 2.0 request, notification or response";
                    error_request(id, -32600, what)
                }
                Err(e) => error_request(Value::Null, -32700, &format!("invalid JSON: {e}")),
            };
            write_frame(&mut output, &msg).await
        };
        if sent.is_err() || output.flush().await.is_err() {
            return;
        }
    }
}

/// A body longer than this is refused (its header treated as garbage).
const MAX_BODY: usize = 512 * 1024 * 1024;

/// Reads more input into `buf`, first dropping the handled part before `pos`;
/// `want` is the size of the body being read, to reserve room in steps.
/// False at the end of input.
async fn read_more<R: tokio::io::AsyncRead + Unpin>(
    input: &mut R,
    buf: &mut Vec<u8>,
    pos: &mut usize,
    want: usize,
) -> bool {
    use tokio::io::AsyncReadExt;
    if *pos > 0 {
        buf.drain(..*pos);
        *pos = 0;
    }
    let need = want
        .saturating_sub(buf.len())
        .clamp(64 * 1024, 8 * 1024 * 1024);
    buf.reserve(need);
    matches!(input.read_buf(buf).await, Ok(n) if n > 0)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn error_request(id: Value, code: i64, message: &str) -> Value {
    serde_json::json!({"jsonrpc": "2.0", "id": id, "method": INVALID_MESSAGE,
                       "params": {"code": code, "message": message}})
}

async fn write_frame<W: tokio::io::AsyncWrite + Unpin>(
    out: &mut W,
    msg: &Value,
) -> std::io::Result<()> {
    use tokio::io::AsyncWriteExt;
    let body = serde_json::to_vec(msg).unwrap_or_default();
    out.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
        .await?;
    out.write_all(&body).await
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S> Service<Request> for Wire<S>
where
    S: Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
    S::Error: 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Option<Response>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        if req.method() == INVALID_MESSAGE {
            let (_, id, params) = req.into_parts();
            let params = params.unwrap_or_default();
            let error = tower_lsp::jsonrpc::Error {
                code: params["code"].as_i64().unwrap_or(-32700).into(),
                message: params["message"]
                    .as_str()
                    .unwrap_or("invalid message")
                    .to_string()
                    .into(),
                data: None,
            };
            let resp = Response::from_error(id.unwrap_or_default(), error);
            return Box::pin(async move { Ok(Some(resp)) });
        }
        let req = without_null_params(req);
        let is_code_action = req.method() == "textDocument/codeAction";
        match req.method() {
            "shutdown" => self.shut_down = true,
            "exit" => {
                let code = if self.shut_down { 0 } else { 1 };
                let exit = self.exit.take();
                let fut = self.inner.call(req);
                return Box::pin(async move {
                    let resp = fut.await;
                    if let Some(tx) = exit {
                        let _ = tx.send(code);
                    }
                    resp
                });
            }
            _ => {}
        }
        if req.method() == "initialize" {
            let support = req
                .params()
                .and_then(|p| p.pointer("/capabilities/workspace/workspaceEdit/snippetEditSupport"))
                .and_then(Value::as_bool)
                .unwrap_or(false);
            self.snippets.store(support, Ordering::Relaxed);
        }
        let fut = self.inner.call(req);
        Box::pin(async move {
            let resp = fut.await?;
            Ok(match resp {
                Some(r) if is_code_action => {
                    let (id, body) = r.into_parts();
                    Some(Response::from_parts(
                        id,
                        body.map(|mut v| {
                            rewrite_snippets(&mut v);
                            v
                        }),
                    ))
                }
                other => other,
            })
        })
    }
}

/// `"params": null` as if absent: tower-lsp rejects it for parameterless
/// methods (`shutdown`, `exit`), which some clients send it with.
fn without_null_params(req: Request) -> Request {
    if req.params() != Some(&Value::Null) {
        return req;
    }
    let (method, id, _) = req.into_parts();
    let b = Request::build(method);
    match id {
        Some(id) => b.id(id).finish(),
        None => b.finish(),
    }
}

/// Turns every tagged `AnnotatedTextEdit` in a `codeAction` result into a
/// `SnippetTextEdit` (`{range, snippet: {kind: "snippet", value}}`).
pub fn rewrite_snippets(result: &mut Value) {
    let Some(actions) = result.as_array_mut() else {
        return;
    };
    for action in actions {
        let Some(changes) = action
            .pointer_mut("/edit/documentChanges")
            .and_then(Value::as_array_mut)
        else {
            continue;
        };
        for change in changes {
            let Some(edits) = change.get_mut("edits").and_then(Value::as_array_mut) else {
                continue;
            };
            for edit in edits {
                if edit.get("annotationId").and_then(Value::as_str) != Some(SNIPPET_ANNOTATION) {
                    continue;
                }
                let Some(obj) = edit.as_object_mut() else {
                    continue;
                };
                obj.remove("annotationId");
                let text = obj
                    .remove("newText")
                    .unwrap_or(Value::String(String::new()));
                obj.insert(
                    "snippet".into(),
                    serde_json::json!({"kind": "snippet", "value": text}),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Runs [`frames`] over `input` and returns the bodies it passed on.
    fn filtered(input: &[u8]) -> Vec<Value> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(async {
            let mut out = Vec::new();
            frames(input, &mut out).await;
            let text = String::from_utf8(out).unwrap();
            text.split("Content-Length: ")
                .filter(|s| !s.is_empty())
                .map(|s| serde_json::from_str(s.split_once("\r\n\r\n").unwrap().1).unwrap())
                .collect()
        })
    }

    #[test]
    fn malformed_frames_become_errors_and_reading_goes_on() {
        let ok = br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let mut input = Vec::new();
        for bad in [
            &b"Content-Length: abc\r\n\r\n{}"[..],
            b"Content-Length: 12\r\n\r\n{not json!!}",
            b"Content-Length: 2\r\n\r\n[]",
            b"Content-Length: 99999999999999999999\r\n\r\n",
            b"noise\r\n",
        ] {
            input.extend_from_slice(bad);
        }
        input.extend_from_slice(format!("Content-Length: {}\r\n\r\n", ok.len()).as_bytes());
        input.extend_from_slice(ok);
        let got = filtered(&input);
        let codes: Vec<i64> = got
            .iter()
            .filter(|m| m["method"] == INVALID_MESSAGE)
            .map(|m| m["params"]["code"].as_i64().unwrap())
            .collect();
        assert_eq!(codes, vec![-32700, -32700, -32600, -32700]);
        assert_eq!(got.last().unwrap()["method"], "shutdown");
    }

    #[test]
    fn rewrites_only_tagged_edits() {
        let range =
            json!({"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 1}});
        let mut v = json!([{
            "title": "t",
            "edit": {"documentChanges": [{
                "textDocument": {"uri": "file:///a.md", "version": 2},
                "edits": [
                    {"range": range, "newText": "${1:TK} said", "annotationId": SNIPPET_ANNOTATION},
                    {"range": range, "newText": "plain"}
                ]
            }]}
        }, {"title": "no edit"}]);
        rewrite_snippets(&mut v);
        let edits = &v[0]["edit"]["documentChanges"][0]["edits"];
        assert_eq!(
            edits[0],
            json!({"range": range, "snippet": {"kind": "snippet", "value": "${1:TK} said"}})
        );
        assert_eq!(edits[1], json!({"range": range, "newText": "plain"}));
        let mut null = Value::Null;
        rewrite_snippets(&mut null);
        assert_eq!(null, Value::Null);
    }
}

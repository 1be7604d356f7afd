//! A thin layer over tower-lsp's service for what its 0.20 types cannot
//! express: it reads LSP 3.18 `snippetEditSupport` from the raw `initialize`
//! request, turns the edits [`super::actions`] tags as snippets into
//! `SnippetTextEdit`s in `codeAction` responses, and accepts `"params": null`
//! on parameterless methods.

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

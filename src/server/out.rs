//! The server's stdout. tower-lsp writes its messages into [`Out`], which
//! hands whole frames to a writer thread; and it lets the server send a
//! message tower-lsp did not build: the message is staged here as JSON
//! bytes ([`Out::stage`]), tower-lsp sends a tiny [`Staged`] notification
//! in its place, and [`Out`] writes the staged bytes where that
//! notification comes through. The published diagnostics go this way: a
//! long draft's are half a megabyte of JSON, which tower-lsp would turn into
//! a `serde_json::Value` tree, then into a string, then free, on every
//! keystroke. Going through tower-lsp's queue keeps every message in the
//! order it was sent.

use std::collections::HashMap;
use std::io::Write;
use std::pin::Pin;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;
use tower_lsp::lsp_types::notification::Notification;

/// The notification tower-lsp sends in place of a staged message; its
/// params are the stage ticket. Never reaches the client.
pub enum Staged {}

impl Notification for Staged {
    type Params = u64;
    const METHOD: &'static str = "$/copydesk/staged";
}

/// How tower-lsp writes a [`Staged`] notification, up to its ticket.
const STAGED_PREFIX: &[u8] = b"{\"jsonrpc\":\"2.0\",\"method\":\"$/copydesk/staged\",\"params\":";

/// Staged messages waiting for their notification, by ticket.
#[derive(Default)]
pub struct Stage {
    next: u64,
    bodies: HashMap<u64, Vec<u8>>,
}

/// Shared between the server (which stages) and [`Out`] (which writes).
pub type StageRef = Arc<Mutex<Stage>>;

/// Stages a message body; send a [`Staged`] notification with the ticket
/// to have it written in that notification's place.
pub fn stage(stage: &StageRef, body: Vec<u8>) -> u64 {
    let mut s = stage.lock().unwrap_or_else(PoisonError::into_inner);
    s.next += 1;
    let ticket = s.next;
    // A notification tower-lsp suppressed (before `initialized`) leaves its
    // body behind: keep only the latest few.
    if s.bodies.len() >= 64 {
        let keep = ticket.saturating_sub(32);
        s.bodies.retain(|&t, _| t >= keep);
    }
    s.bodies.insert(ticket, body);
    ticket
}

/// The `AsyncWrite` tower-lsp writes to.
pub struct Out {
    buf: Vec<u8>,
    stage: StageRef,
    tx: Sender<Vec<u8>>,
}

/// Waits for the writer thread to write what it was given (at most a while:
/// a client that stopped reading must not keep the server alive).
pub struct Done(Receiver<()>);

impl Done {
    pub fn wait(self) {
        let _ = self.0.recv_timeout(Duration::from_secs(2));
    }
}

impl Out {
    /// An `Out` writing to `sink` on its own thread.
    pub fn new(stage: StageRef, mut sink: impl Write + Send + 'static) -> (Out, Done) {
        let (tx, rx) = channel::<Vec<u8>>();
        let (done_tx, done_rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("copydesk-stdout".into())
            .spawn(move || {
                while let Ok(frame) = rx.recv() {
                    if sink.write_all(&frame).is_err() {
                        break;
                    }
                    // Flush once nothing more is waiting.
                    let mut ok = true;
                    while let Ok(more) = rx.try_recv() {
                        ok = sink.write_all(&more).is_ok();
                        if !ok {
                            break;
                        }
                    }
                    if !ok || sink.flush().is_err() {
                        break;
                    }
                }
                let _ = done_tx.send(());
            });
        if let Err(e) = spawned {
            eprintln!("copydesk lsp: cannot start the output thread: {e}");
        }
        (
            Out {
                buf: Vec::new(),
                stage,
                tx,
            },
            Done(done_rx),
        )
    }

    /// Passes on every whole frame in `buf`, staged bodies in place of
    /// their notifications.
    fn drain(&mut self) {
        let mut pos = 0;
        while let Some((body_at, len)) = frame_at(&self.buf[pos..]) {
            let (start, end) = (pos + body_at, pos + body_at + len);
            let body = &self.buf[start..end];
            let staged = body
                .strip_prefix(STAGED_PREFIX)
                .and_then(|rest| rest.strip_suffix(b"}"))
                .and_then(|n| std::str::from_utf8(n).ok()?.parse::<u64>().ok())
                .and_then(|ticket| {
                    self.stage
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .bodies
                        .remove(&ticket)
                });
            match staged {
                Some(body) => {
                    let head = format!("Content-Length: {}\r\n\r\n", body.len());
                    let _ = self.tx.send(head.into_bytes());
                    let _ = self.tx.send(body);
                }
                None => {
                    let _ = self.tx.send(self.buf[pos..end].to_vec());
                }
            }
            pos = end;
        }
        self.buf.drain(..pos);
    }
}

/// Where the body of the frame at the start of `buf` begins and its length,
/// once the whole frame is there. tower-lsp writes `Content-Length: N\r\n\r\n`
/// and the body.
fn frame_at(buf: &[u8]) -> Option<(usize, usize)> {
    let head_end = buf.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let head = std::str::from_utf8(&buf[..head_end]).ok()?;
    let len: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length:"))?
        .trim()
        .parse()
        .ok()?;
    (buf.len() - head_end >= len).then_some((head_end, len))
}

impl tokio::io::AsyncWrite for Out {
    fn poll_write(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        self.buf.extend_from_slice(data);
        self.drain();
        Poll::Ready(Ok(data.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;

    /// A `Write` the test can read back.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[tokio::test]
    async fn staged_bodies_replace_their_notifications_in_order() {
        let stage = StageRef::default();
        let sink = Shared::default();
        let (mut out, done) = Out::new(stage.clone(), sink.clone());
        let big = format!("{{\"big\":\"{}é\"}}", "x".repeat(100_000));
        let t1 = super::stage(&stage, big.clone().into_bytes());
        let t2 = super::stage(&stage, b"{\"second\":2}".to_vec());
        // What tower-lsp would write, cut at awkward places.
        let placeholder = |t: u64| {
            let req = tower_lsp::jsonrpc::Request::build(Staged::METHOD)
                .params(serde_json::json!(t))
                .finish();
            frame(&serde_json::to_string(&req).unwrap())
        };
        let stream = [
            frame("{\"a\":1}"),
            placeholder(t1),
            frame("{\"b\":\"\\r\\n\\r\\n\"}"),
            placeholder(t2),
            // An unknown ticket passes through as it is.
            placeholder(99),
        ]
        .concat();
        for chunk in stream.as_bytes().chunks(7) {
            out.write_all(chunk).await.unwrap();
        }
        drop(out);
        done.wait();
        let got = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        let want = [
            frame("{\"a\":1}"),
            frame(&big),
            frame("{\"b\":\"\\r\\n\\r\\n\"}"),
            frame("{\"second\":2}"),
            placeholder(99),
        ]
        .concat();
        assert_eq!(got, want);
        assert!(stage.lock().unwrap().bodies.is_empty());
    }
}

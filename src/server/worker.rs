//! The thread analyses run on, off the async reactor.
//!
//! One long-lived thread rather than tokio's blocking pool: the pool moves
//! work between threads (its stdin and stdout tasks run there too), and with
//! glibc every thread that allocates gets its own malloc arena that keeps the
//! memory it once held, which doubled peak memory on a 50,000-word draft.
//! Analyses of one document are serialised by its `Analyzer` anyway, and
//! superseded jobs return at once, so a single thread loses nothing.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, Sender};
use std::sync::{LazyLock, Mutex};
use tokio::sync::oneshot;

type Job = Box<dyn FnOnce() + Send>;

static QUEUE: LazyLock<Mutex<Option<Sender<Job>>>> = LazyLock::new(|| {
    let (tx, rx) = channel::<Job>();
    let spawned = std::thread::Builder::new()
        .name("copydesk-analysis".into())
        .spawn(move || {
            while let Ok(job) = rx.recv() {
                job();
            }
        });
    Mutex::new(spawned.ok().map(|_| tx))
});

/// Why a job produced no result.
#[derive(Debug)]
pub struct Failed(pub String);

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Queues `f` on the analysis thread without waiting for it (a panic in it
/// is caught and dropped).
pub fn detach(f: impl FnOnce() + Send + 'static) {
    let job: Job = Box::new(move || {
        let _ = catch_unwind(AssertUnwindSafe(f));
    });
    if let Some(q) = QUEUE.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
        let _ = q.send(job);
    }
}

/// Runs `f` on the analysis thread; a panic comes back as [`Failed`].
pub async fn run<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, Failed> {
    let (tx, rx) = oneshot::channel();
    let job: Job = Box::new(move || {
        let result = catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Failed(format!("the engine panicked: {msg}"))
        });
        let _ = tx.send(result);
    });
    let sent = QUEUE
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
        .map(|q| q.send(job).is_ok());
    if sent != Some(true) {
        return Err(Failed("the analysis thread is not running".into()));
    }
    rx.await
        .unwrap_or_else(|_| Err(Failed("the analysis thread stopped".into())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn runs_jobs_and_survives_panics() {
        assert_eq!(run(|| 2 + 2).await.unwrap(), 4);
        let failed = run(|| -> u8 { panic!("boom") }).await.unwrap_err();
        assert!(failed.0.contains("boom"), "{failed}");
        assert_eq!(run(|| "still here").await.unwrap(), "still here");
    }
}

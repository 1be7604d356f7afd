//! `copydesk lsp`: the language server, over stdio.
//!
//! Open documents live in ropes updated by incremental sync. Each edit bumps
//! the document's generation and schedules an analysis (after `debounceMs`)
//! on the analysis thread ([`worker`]); an analysis whose generation is no longer the
//! document's is dropped, so stale results are never published. The analysed
//! text, its [`LineIndex`] and the [`Analysis`] form a [`Snapshot`] that
//! hover, code actions, symbols and inlay hints read.
//!
//! Positions are converted in [`convert`] only.

mod actions;
mod convert;
mod diagnostics;
mod house;
mod hover;
mod out;
mod outline;
mod settings;
mod wire;
mod worker;

use actions::EditCaps;
use convert::Lines;
use copydesk::position::{Encoding, LineIndex};
use copydesk::{Analysis, Analyzer, CheckSettings, Code, Format};
use ropey::Rope;
use serde_json::Value;
use settings::Settings;
use std::collections::HashMap;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::watch;
use tower_lsp::jsonrpc::Result as RpcResult;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService, Server};

/// How long a request waits for the analysis of the document's latest
/// version before answering from the previous one.
const FRESH_WAIT: Duration = Duration::from_secs(2);

/// `COPYDESK_LSP_TIMING=1` logs each analysis's stages to stderr.
static TIMING: LazyLock<bool> =
    LazyLock::new(|| std::env::var_os("COPYDESK_LSP_TIMING").is_some_and(|v| v != "0"));

/// An invented draft that takes each stage of the engine through its lazily
/// compiled regexes and automata (dates, hedges, reporting verbs, quotations,
/// actors, accusations, response lines, claims).
const WARM_DRAFT: &str = "---\ndate: 2026-03-12\n---\n\
# Mill town weighs water deal\n\n\
ASHFORD, March 10 (Wire) - The Ashford Water Board overspent its budget by $3 million last year, \
according to an audit released Tuesday. Officials reportedly knew in January.\n\n\
\"We will not raise rates again,\" said Mayor Ada Brenner, who took office in 2024. \
Brenner said the board had misled residents about the repairs.\n\n\
Critics accused the Ashford Water Board of hiding the overruns, two people familiar with the talks said. \
The vote is set for next week; the deal was signed yesterday.\n\n\
- The rate rose 12 percent on May 3.\n- Revenue fell by a third.\n\n\
A spokesperson for the board declined to comment. Brenner's office did not respond to a request for comment.\n";

/// Runs [`WARM_DRAFT`] through the engine and the diagnostics conversion, so
/// that the first real analysis (the client's `didOpen`) finds the lazily
/// built statics ready. Started on its own thread before the handshake.
fn warm_up() {
    // The later stages first: the first analysis, started meanwhile on the
    // analysis thread, begins with sentences, dates and claims, and the two
    // threads should not wait on the same statics.
    let doc = copydesk::Document::parse(WARM_DRAFT, Format::Markdown);
    let sentences = copydesk::sentences::split(&doc);
    let quotes = copydesk::sentences::quotes(&doc);
    drop(copydesk::actors::reply::analyze(&doc, &sentences, &quotes));
    drop(copydesk::attribution::find(&doc, &sentences, &quotes));
    let opts = copydesk::Options::new(Format::Markdown);
    let analysis = copydesk::analyze(WARM_DRAFT, &opts);
    let index = LineIndex::new(&analysis.document.text);
    let lines = Lines {
        text: &analysis.document.text,
        index: &index,
        enc: Encoding::Utf16,
    };
    if let Ok(uri) = Url::parse("file:///warm-up.md") {
        let body = diagnostics::publish_body(&analysis.findings, &opts.checks, lines, &uri, 0, 10);
        drop(body);
    }
}

/// Serves LSP on stdin/stdout until `exit` or end of input.
pub fn run() -> ExitCode {
    // Meanwhile the client starts and shakes hands (on the other core).
    // `COPYDESK_LSP_NO_WARMUP=1` skips it, to measure what it saves.
    if std::env::var_os("COPYDESK_LSP_NO_WARMUP").is_none_or(|v| v == "0") {
        let _ = std::thread::Builder::new()
            .name("copydesk-warm-up".into())
            .spawn(warm_up);
    }
    // Analyses run on their own thread (see `worker`) and output is written
    // on another (see `out`); the protocol needs no more than the main
    // thread, and every hop between threads is a wake-up on each keystroke.
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("copydesk lsp: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let stage = out::StageRef::default();
    let (stdout, written) = out::Out::new(stage.clone(), std::io::stdout());
    let code = rt.block_on(async {
        let snippets = Arc::new(AtomicBool::new(false));
        let flag = snippets.clone();
        let (exit_tx, exit_rx) = tokio::sync::oneshot::channel();
        let staged = stage.clone();
        let (service, socket) = LspService::new(move |client| Backend::new(client, flag, staged));
        let service = wire::Wire {
            inner: service,
            snippets,
            exit: Some(exit_tx),
            shut_down: false,
        };
        // Malformed frames are answered with errors, not passed to tower-lsp
        // (whose reader would stop at the first one).
        let (to_server, from_client) = tokio::io::duplex(1 << 16);
        tokio::spawn(wire::frames(tokio::io::stdin(), to_server));
        let serve = Server::new(from_client, stdout, socket).serve(service);
        tokio::select! {
            // End of input.
            _ = serve => 0,
            code = exit_rx => code.unwrap_or(0),
        }
    });
    // Do not wait for the blocking read of stdin that tokio may have pending.
    rt.shutdown_timeout(Duration::from_millis(100));
    // Everything tower-lsp wrote has reached the output thread.
    written.wait();
    ExitCode::from(code)
}

/// One analysed version of a document.
pub struct Snapshot {
    version: i32,
    /// Line index of `analysis.document.text`, the analysed text.
    index: LineIndex,
    enc: Encoding,
    analysis: Analysis,
    checks: CheckSettings,
    /// The house rules the analysis used (actors file data for hover).
    house: Arc<copydesk::house::HouseRules>,
}

impl Snapshot {
    fn lines(&self) -> Lines<'_> {
        Lines {
            text: &self.analysis.document.text,
            index: &self.index,
            enc: self.enc,
        }
    }
}

struct Doc {
    rope: Rope,
    version: i32,
    format: Format,
    /// Bumped on every change to the text or the settings.
    generation: u64,
    analyzer: Arc<Mutex<Analyzer>>,
    snapshot: Option<Arc<Snapshot>>,
    /// Generation of the latest snapshot, for requests waiting on it.
    ready: watch::Sender<u64>,
}

#[derive(Default)]
struct Config {
    init: Value,
    client: Value,
    settings: Settings,
}

struct Shared {
    docs: Mutex<HashMap<Url, Doc>>,
    config: Mutex<Config>,
    generation: AtomicU64,
    utf8: AtomicBool,
    document_changes: AtomicBool,
    config_pull: AtomicBool,
    snippets: Arc<AtomicBool>,
    /// Held while publishing, so a newer version's diagnostics can never be
    /// overtaken by an older one's.
    publish: tokio::sync::Mutex<()>,
    /// Settings problems found before the client could be told.
    pending_warnings: Mutex<Vec<String>>,
    /// copydesk.toml and actors files, per config file.
    house: Mutex<house::HouseCache>,
    /// The client registers file watchers for us (dynamic registration).
    watch_dynamic: AtomicBool,
    /// Actors file names in the current watcher registration (None: not registered).
    watched: Mutex<Option<std::collections::BTreeSet<String>>>,
    /// Messages the server serialises itself (see [`out`]).
    stage: out::StageRef,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    fn next_generation(&self) -> u64 {
        self.generation.fetch_add(1, Ordering::Relaxed) + 1
    }

    fn encoding(&self) -> Encoding {
        if self.utf8.load(Ordering::Relaxed) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    fn settings(&self) -> Settings {
        lock(&self.config).settings.clone()
    }

    fn is_current(&self, uri: &Url, generation: u64) -> bool {
        lock(&self.docs)
            .get(uri)
            .is_some_and(|d| d.generation == generation)
    }

    fn edit_caps(&self) -> EditCaps {
        let document_changes = self.document_changes.load(Ordering::Relaxed);
        EditCaps {
            document_changes,
            snippets: document_changes && self.snippets.load(Ordering::Relaxed),
        }
    }
}

struct Backend {
    client: Client,
    shared: Arc<Shared>,
}

/// The engine's format for a document: by language id, else by extension.
fn format_for(language_id: &str, uri: &Url) -> Format {
    match language_id.to_ascii_lowercase().as_str() {
        "markdown" | "md" | "mdx" | "quarto" | "rmd" | "rmarkdown" | "pandoc" => Format::Markdown,
        "plaintext" | "text" | "txt" | "plain" => Format::PlainText,
        _ => Format::from_path(uri.path()),
    }
}

/// TOML documents (copydesk.toml, actors files) are not analysed as drafts.
fn is_config_document(language_id: &str, uri: &Url) -> bool {
    language_id.eq_ignore_ascii_case("toml") || uri.path().to_ascii_lowercase().ends_with(".toml")
}

impl Backend {
    fn new(client: Client, snippets: Arc<AtomicBool>, stage: out::StageRef) -> Backend {
        Backend {
            client,
            shared: Arc::new(Shared {
                docs: Mutex::new(HashMap::new()),
                config: Mutex::new(Config::default()),
                generation: AtomicU64::new(0),
                utf8: AtomicBool::new(false),
                document_changes: AtomicBool::new(false),
                config_pull: AtomicBool::new(false),
                snippets,
                publish: tokio::sync::Mutex::new(()),
                pending_warnings: Mutex::new(Vec::new()),
                house: Mutex::new(house::HouseCache::default()),
                watch_dynamic: AtomicBool::new(false),
                watched: Mutex::new(None),
                stage,
            }),
        }
    }

    /// Logs to the client's output (never stdout), without waiting.
    fn log(&self, typ: MessageType, msg: String) {
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(typ, msg).await });
    }

    /// Analyses `uri` at `generation` after `delay_ms`, unless superseded.
    fn schedule(&self, uri: Url, generation: u64, delay_ms: u64) {
        let shared = self.shared.clone();
        let client = self.client.clone();
        tokio::spawn(analyse(shared, client, uri, generation, delay_ms));
    }

    /// Applies new client settings; re-analyses open documents if they changed.
    fn set_client_settings(&self, layer: Value) {
        let mut warnings = Vec::new();
        let changed = {
            let mut config = lock(&self.shared.config);
            config.client = layer;
            let s = Settings::from_layers(&[&config.init, &config.client], &mut warnings);
            let changed = s != config.settings;
            config.settings = s;
            changed
        };
        for w in warnings {
            self.log(MessageType::WARNING, w);
        }
        if changed {
            self.reanalyse_all();
        }
    }

    fn reanalyse_all(&self) {
        let uris: Vec<(Url, u64)> = {
            let mut docs = lock(&self.shared.docs);
            docs.iter_mut()
                .map(|(uri, d)| {
                    d.generation = self.shared.next_generation();
                    (uri.clone(), d.generation)
                })
                .collect()
        };
        for (uri, generation) in uris {
            self.schedule(uri, generation, 0);
        }
    }

    /// Asks the client for the `copydesk` section (`workspace/configuration`).
    fn pull_settings(&self) {
        if !self.shared.config_pull.load(Ordering::Relaxed) {
            return;
        }
        let client = self.client.clone();
        let this = Backend {
            client: self.client.clone(),
            shared: self.shared.clone(),
        };
        tokio::spawn(async move {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some("copydesk".into()),
            };
            if let Ok(mut values) = client.configuration(vec![item]).await {
                if let Some(v) = values.pop().filter(|v| !v.is_null()) {
                    this.set_client_settings(v);
                }
            }
        });
    }

    /// The snapshot of the document's latest version (waiting for its
    /// analysis up to [`FRESH_WAIT`], then settling for the previous one).
    async fn snapshot(&self, uri: &Url) -> Option<Arc<Snapshot>> {
        let (mut ready, generation) = {
            let docs = lock(&self.shared.docs);
            let d = docs.get(uri)?;
            (d.ready.subscribe(), d.generation)
        };
        let _ = tokio::time::timeout(FRESH_WAIT, ready.wait_for(|g| *g >= generation)).await;
        lock(&self.shared.docs).get(uri)?.snapshot.clone()
    }

    fn current_version(&self, uri: &Url) -> Option<i32> {
        lock(&self.shared.docs).get(uri).map(|d| d.version)
    }
}

/// Runs one analysis and publishes its diagnostics if it is still current.
/// The largest document analysed live (about 330,000 words of prose).
const MAX_LIVE_BYTES: usize = 4_000_000;

/// The most diagnostics published for one document.
const MAX_DIAGNOSTICS: usize = 3_000;

async fn analyse(shared: Arc<Shared>, client: Client, uri: Url, generation: u64, delay_ms: u64) {
    if delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(delay_ms)).await;
    }
    let (rope, version, format, analyzer) = {
        let docs = lock(&shared.docs);
        match docs.get(&uri) {
            Some(d) if d.generation == generation => {
                (d.rope.clone(), d.version, d.format, d.analyzer.clone())
            }
            _ => return,
        }
    };
    // Past this size live analysis would hold the editor up for seconds and
    // take too much memory; `copydesk check` still reads such files.
    if rope.len_bytes() > MAX_LIVE_BYTES {
        drop(rope);
        {
            let mut docs = lock(&shared.docs);
            if let Some(d) = docs.get_mut(&uri).filter(|d| d.generation == generation) {
                d.snapshot = None;
                d.ready.send_replace(generation);
            } else {
                return;
            }
        }
        client
            .log_message(
                MessageType::WARNING,
                format!(
                    "copydesk: {uri} is over {} MB, too large to check as you type; run `copydesk check` on it instead",
                    MAX_LIVE_BYTES / 1_000_000
                ),
            )
            .await;
        let _order = shared.publish.lock().await;
        if shared.is_current(&uri, generation) {
            client
                .publish_diagnostics(uri, Vec::new(), Some(version))
                .await;
        }
        return;
    }
    let settings = shared.settings();
    let enc = shared.encoding();
    let job = {
        let shared = shared.clone();
        let uri = uri.clone();
        worker::run(move || {
            let mut analyzer = lock(&analyzer);
            // A newer edit arrived while this job waited for the analyzer.
            if !shared.is_current(&uri, generation) {
                return None;
            }
            // The document's copydesk.toml (cached; read from disk only the
            // first time and when the client reports a change).
            let mut opts = settings.options(format);
            let loaded = uri
                .to_file_path()
                .ok()
                .and_then(|p| lock(&shared.house).for_document(&p));
            if let Some(h) = &loaded {
                crate::cli::config_cmd::apply_config(&h.cfg, h.rules.clone(), &mut opts);
            }
            let t0 = Instant::now();
            let text = String::from(&rope);
            drop(rope);
            let t1 = Instant::now();
            let analysis = analyzer.analyze(&text, &opts);
            drop(analyzer);
            let t2 = Instant::now();
            drop(text); // the analysis keeps its own copy in `document.text`
            let index = LineIndex::new(&analysis.document.text);
            let t3 = Instant::now();
            let snap = Snapshot {
                version,
                index,
                enc,
                analysis,
                checks: opts.checks,
                house: opts.house,
            };
            // Like other linters' "max problems": past this a list is unreadable
            // and its JSON would cost more memory than the document.
            let body = diagnostics::publish_body(
                &snap.analysis.findings,
                &snap.checks,
                snap.lines(),
                &uri,
                version,
                MAX_DIAGNOSTICS,
            );
            if *TIMING {
                let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1e3;
                eprintln!(
                    "copydesk lsp: v{version} {} bytes: text {:.2} ms, engine {:.2} ms, lines {:.2} ms, diagnostics {:.2} ms ({} findings, {} bytes of JSON)",
                    snap.analysis.document.text.len(),
                    ms(t0, t1),
                    ms(t1, t2),
                    ms(t2, t3),
                    ms(t3, Instant::now()),
                    snap.analysis.findings.len(),
                    body.len()
                );
            }
            Some((Arc::new(snap), body))
        })
    };
    let job = job.await;
    publish_house(&shared, &client).await;
    match job {
        Ok(Some((snap, body))) => {
            let _order = shared.publish.lock().await;
            let previous = {
                let mut docs = lock(&shared.docs);
                let Some(d) = docs.get_mut(&uri).filter(|d| d.generation == generation) else {
                    return;
                };
                let previous = d.snapshot.replace(snap);
                d.ready.send_replace(generation);
                previous
            };
            let ticket = out::stage(&shared.stage, body);
            client.send_notification::<out::Staged>(ticket).await;
            // Freeing the previous version's analysis (a few ms on a long
            // draft) is left to the analysis thread, which made it, so that
            // the protocol goes on meanwhile.
            if let Some(p) = previous {
                worker::detach(move || drop(p));
            }
        }
        Ok(None) => {}
        Err(e) => {
            // The engine panicked: start the document afresh rather than
            // reuse a half-updated cache, unblock waiting requests, and answer
            // the version with no diagnostics so clients do not wait forever.
            let current = {
                let mut docs = lock(&shared.docs);
                match docs.get_mut(&uri) {
                    Some(d) => {
                        d.analyzer = Arc::new(Mutex::new(Analyzer::new()));
                        d.ready.send_replace(generation);
                        d.generation == generation
                    }
                    None => false,
                }
            };
            client
                .log_message(
                    MessageType::ERROR,
                    format!("copydesk: analysis of {uri} (version {version}) failed: {e}"),
                )
                .await;
            if current {
                let _order = shared.publish.lock().await;
                if shared.is_current(&uri, generation) {
                    client
                        .publish_diagnostics(uri, Vec::new(), Some(version))
                        .await;
                }
            }
        }
    }
}

/// Publishes the problems of config and actors files read since the last call,
/// and keeps the file watchers in step with the actors files in use.
async fn publish_house(shared: &Shared, client: &Client) {
    let enc = shared.encoding();
    let Some(diags) = lock(&shared.house).take_diagnostics(enc) else {
        return;
    };
    {
        let _order = shared.publish.lock().await;
        for (uri, d) in diags {
            client.publish_diagnostics(uri, d, None).await;
        }
    }
    register_watchers(shared, client).await;
}

const WATCH_ID: &str = "copydesk-house-files";

/// Asks the client to watch `**/copydesk.toml` and the actors files in use
/// (dynamic registration, when the client supports it).
async fn register_watchers(shared: &Shared, client: &Client) {
    if !shared.watch_dynamic.load(Ordering::Relaxed) {
        return;
    }
    let names = lock(&shared.house).actors_names();
    let was = {
        let mut watched = lock(&shared.watched);
        if watched.as_ref() == Some(&names) {
            return;
        }
        watched.replace(names.clone())
    };
    if was.is_some() {
        let _ = client
            .unregister_capability(vec![Unregistration {
                id: WATCH_ID.into(),
                method: "workspace/didChangeWatchedFiles".into(),
            }])
            .await;
    }
    let watchers: Vec<FileSystemWatcher> = std::iter::once(copydesk::house::FILE_NAME.to_string())
        .chain(names)
        .map(|name| FileSystemWatcher {
            glob_pattern: GlobPattern::String(format!("**/{name}")),
            kind: None,
        })
        .collect();
    let options = DidChangeWatchedFilesRegistrationOptions { watchers };
    let _ = client
        .register_capability(vec![Registration {
            id: WATCH_ID.into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        }])
        .await;
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let caps = &params.capabilities;
        let utf8 = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|encs| encs.contains(&PositionEncodingKind::UTF8));
        self.shared.utf8.store(utf8, Ordering::Relaxed);
        let ws = caps.workspace.as_ref();
        self.shared.document_changes.store(
            ws.and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false),
            Ordering::Relaxed,
        );
        self.shared.config_pull.store(
            ws.and_then(|w| w.configuration).unwrap_or(false),
            Ordering::Relaxed,
        );
        self.shared.watch_dynamic.store(
            ws.and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            Ordering::Relaxed,
        );
        {
            let mut config = lock(&self.shared.config);
            config.init = params.initialization_options.unwrap_or(Value::Null);
            let mut warnings = Vec::new();
            config.settings = Settings::from_layers(&[&config.init], &mut warnings);
            lock(&self.shared.pending_warnings).extend(warnings);
        }
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(if utf8 {
                    PositionEncodingKind::UTF8
                } else {
                    PositionEncodingKind::UTF16
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::SOURCE_FIX_ALL,
                            actions::fix_all_kind(),
                        ]),
                        resolve_provider: Some(false),
                        ..CodeActionOptions::default()
                    },
                )),
                document_symbol_provider: Some(OneOf::Left(true)),
                inlay_hint_provider: Some(OneOf::Left(true)),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let warnings = std::mem::take(&mut *lock(&self.shared.pending_warnings));
        for w in warnings {
            self.client.log_message(MessageType::WARNING, w).await;
        }
        self.pull_settings();
        let shared = self.shared.clone();
        let client = self.client.clone();
        tokio::spawn(async move { register_watchers(&shared, &client).await });
    }

    async fn shutdown(&self) -> RpcResult<()> {
        Ok(())
    }

    // The notification handlers below never await before their edit is
    // applied, so edits are applied in the order they arrive.

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let td = params.text_document;
        // copydesk.toml and actors files are configuration, not drafts: their
        // diagnostics come from the house rules (see `publish_house`).
        if is_config_document(&td.language_id, &td.uri) {
            return;
        }
        let generation = self.shared.next_generation();
        let doc = Doc {
            rope: Rope::from_str(&td.text),
            version: td.version,
            format: format_for(&td.language_id, &td.uri),
            generation,
            analyzer: Arc::new(Mutex::new(Analyzer::new())),
            snapshot: None,
            ready: watch::Sender::new(0),
        };
        lock(&self.shared.docs).insert(td.uri.clone(), doc);
        self.schedule(td.uri, generation, 0);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let enc = self.shared.encoding();
        let generation = {
            let mut docs = lock(&self.shared.docs);
            let Some(d) = docs.get_mut(&uri) else {
                drop(docs);
                if is_config_document("", &uri) {
                    return;
                }
                self.log(
                    MessageType::WARNING,
                    format!("copydesk: ignoring changes to {uri}, which is not open"),
                );
                return;
            };
            for change in &params.content_changes {
                convert::apply_change(&mut d.rope, change, enc);
            }
            d.version = params.text_document.version;
            d.generation = self.shared.next_generation();
            d.generation
        };
        let delay = self.shared.settings().debounce_ms;
        self.schedule(uri, generation, delay);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let was_open = lock(&self.shared.docs).remove(&uri).is_some();
        if was_open {
            let _order = self.shared.publish.lock().await;
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if settings::has_section(&params.settings) {
            self.set_client_settings(params.settings);
        } else {
            self.pull_settings();
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let changed = {
            let mut house = lock(&self.shared.house);
            let mut any = false;
            for c in &params.changes {
                if let Ok(path) = c.uri.to_file_path() {
                    any |= house.changed(&path);
                }
            }
            any
        };
        if changed {
            // Re-analyse open drafts from their in-memory text; the config
            // diagnostics go out with the first analysis (or now, if none is open).
            self.reanalyse_all();
            let shared = self.shared.clone();
            let client = self.client.clone();
            tokio::spawn(async move { publish_house(&shared, &client).await });
        }
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let pos = params.text_document_position_params;
        let Some(snap) = self.snapshot(&pos.text_document.uri).await else {
            return Ok(None);
        };
        let lines = snap.lines();
        let offset = lines.offset(pos.position);
        Ok(
            hover::hover(&snap.analysis, &snap.house, lines, offset).map(|(text, span)| Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: text,
                }),
                range: Some(lines.range(span)),
            }),
        )
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let uri = &params.text_document.uri;
        let Some(version) = self.current_version(uri) else {
            return Ok(None);
        };
        let only = params.context.only.as_deref();
        let wants = |kind: &CodeActionKind| {
            only.is_none_or(|ks| {
                ks.iter().any(|k| {
                    let (k, kind) = (k.as_str(), kind.as_str());
                    kind == k || kind.starts_with(&format!("{k}."))
                })
            })
        };
        let caps = self.shared.edit_caps();
        let mut out: Vec<CodeActionOrCommand> = Vec::new();
        if wants(&CodeActionKind::QUICKFIX) {
            let fixes = actions::quick_fixes(uri, version, &params.context.diagnostics, caps);
            out.extend(fixes.into_iter().map(CodeActionOrCommand::CodeAction));
        }
        // "Fix all" needs every finding of the file: read the snapshot.
        let codes: Vec<Code> = {
            let mut cs: Vec<Code> = params
                .context
                .diagnostics
                .iter()
                .filter_map(diagnostics::code_of)
                .collect();
            cs.sort();
            cs.dedup();
            cs
        };
        let source_fix_all = only.is_some() && wants(&actions::fix_all_kind());
        if (wants(&CodeActionKind::QUICKFIX) && !codes.is_empty()) || source_fix_all {
            if let Some(snap) = self.snapshot(uri).await.filter(|s| s.version == version) {
                let lines = snap.lines();
                let bulk: Vec<(Code, Vec<diagnostics::DataFix>)> = snap
                    .analysis
                    .findings
                    .iter()
                    .filter(|f| snap.checks.enabled(f.code) && f.fixes.iter().any(|x| x.bulk_safe))
                    .map(|f| (f.code, diagnostics::fixes_of(f, lines)))
                    .collect();
                if wants(&CodeActionKind::QUICKFIX) {
                    for code in codes {
                        if bulk.iter().filter(|(c, _)| *c == code).count() < 2 {
                            continue;
                        }
                        if let Some(a) = actions::fix_all(uri, version, Some(code), &bulk, caps) {
                            out.push(CodeActionOrCommand::CodeAction(a));
                        }
                    }
                }
                if source_fix_all {
                    if let Some(a) = actions::fix_all(uri, version, None, &bulk, caps) {
                        out.push(CodeActionOrCommand::CodeAction(a));
                    }
                }
            }
        }
        Ok(Some(out))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> RpcResult<Option<DocumentSymbolResponse>> {
        let Some(snap) = self.snapshot(&params.text_document.uri).await else {
            return Ok(None);
        };
        let symbols = outline::symbols(&snap.analysis, snap.lines());
        Ok(Some(DocumentSymbolResponse::Nested(symbols)))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> RpcResult<Option<Vec<InlayHint>>> {
        let Some(snap) = self.snapshot(&params.text_document.uri).await else {
            return Ok(None);
        };
        Ok(Some(outline::inlay_hints(
            &snap.analysis,
            snap.lines(),
            params.range,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_language_then_extension() {
        let md = Url::parse("file:///d/a.md").unwrap();
        let txt = Url::parse("file:///d/a.txt").unwrap();
        let cases = [
            ("markdown", &txt, Format::Markdown),
            ("plaintext", &md, Format::PlainText),
            ("mdx", &txt, Format::Markdown),
            ("something-else", &md, Format::Markdown),
            ("something-else", &txt, Format::PlainText),
        ];
        for (lang, uri, want) in cases {
            assert_eq!(format_for(lang, uri), want, "{lang} {uri}");
        }
    }
}

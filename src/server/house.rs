//! House rules in the server: the copydesk.toml that governs each document
//! (discovered from its path, the nearest wins), cached per config file and
//! re-read only when the client reports that it or its actors file changed
//! (`workspace/didChangeWatchedFiles`). A broken file never replaces the last
//! good configuration; its problems are published as diagnostics on the file
//! itself.

use super::convert::Lines;
use super::diagnostics::SOURCE;
use copydesk::house::{self, Config, HouseRules};
use copydesk::position::{Encoding, LineIndex};
use copydesk::Span;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_lsp::lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Url};

/// A configuration that loaded: the config and the rules built from it.
pub struct Loaded {
    pub cfg: Config,
    pub rules: Arc<HouseRules>,
}

/// One problem in a config or actors file.
struct Problem {
    file: PathBuf,
    span: std::ops::Range<usize>,
    message: String,
    error: bool,
}

struct Entry {
    /// The last configuration that loaded (None: none has yet; the built-in
    /// defaults apply).
    good: Option<Arc<Loaded>>,
    problems: Vec<Problem>,
    /// The actors file named by the config (as of the last read that parsed).
    actors: Option<PathBuf>,
}

#[derive(Default)]
pub struct HouseCache {
    /// Folder of a document → its config file.
    dirs: HashMap<PathBuf, Option<PathBuf>>,
    configs: HashMap<PathBuf, Entry>,
    /// Files we published diagnostics for (to clear them when fixed).
    published: HashSet<PathBuf>,
    /// A config was (re)read since the diagnostics were last taken.
    dirty: bool,
}

pub const CONFIG_CODE: &str = "house-config";

fn load(config: &Path, last: Option<&Entry>) -> Entry {
    let good = last.and_then(|e| e.good.clone());
    let mut actors = last.and_then(|e| e.actors.clone());
    if let Ok((cfg, _)) = house::load_file(config) {
        actors = cfg.actors_path();
    }
    match house::load_rules_from(config) {
        Ok((cfg, rules, warnings)) => Entry {
            actors: cfg.actors_path(),
            good: Some(Arc::new(Loaded {
                cfg,
                rules: Arc::new(rules),
            })),
            problems: warnings
                .into_iter()
                .map(|w| Problem {
                    file: w.file.unwrap_or_else(|| config.to_path_buf()),
                    span: w.span,
                    message: w.message,
                    error: false,
                })
                .collect(),
        },
        Err(e) => {
            let keeping = if good.is_some() {
                "copydesk keeps using the last good configuration until this is fixed"
            } else {
                "copydesk uses its built-in defaults until this is fixed"
            };
            let mut file = e.file.clone().unwrap_or_else(|| config.to_path_buf());
            let mut span = e.span.clone();
            let mut message = e.message.clone();
            // A missing actors file: say so on the config file.
            if !file.is_file() {
                message = format!("{}: {message}", file.display());
                file = config.to_path_buf();
                span = 0..0;
            }
            Entry {
                good,
                actors,
                problems: vec![Problem {
                    file,
                    span,
                    message: format!("{message} ({keeping})"),
                    error: true,
                }],
            }
        }
    }
}

impl HouseCache {
    /// The configuration for the document at `path`: `None` when no
    /// copydesk.toml applies or none has loaded yet.
    pub fn for_document(&mut self, path: &Path) -> Option<Arc<Loaded>> {
        let dir = path.parent()?;
        let config = self
            .dirs
            .entry(dir.to_path_buf())
            .or_insert_with(|| house::discover(dir))
            .clone()?;
        if !self.configs.contains_key(&config) {
            let e = load(&config, None);
            self.configs.insert(config.clone(), e);
            self.dirty = true;
        }
        self.configs[&config].good.clone()
    }

    /// A watched file changed (created, changed or deleted): re-reads the
    /// configurations it belongs to. True when open drafts need a new analysis.
    pub fn changed(&mut self, path: &Path) -> bool {
        let mut any = false;
        if path.file_name().is_some_and(|n| n == house::FILE_NAME) {
            // A new or deleted file changes which config is nearest.
            self.dirs.clear();
            if let Some(old) = self.configs.remove(path) {
                if path.is_file() {
                    let e = load(path, Some(&old));
                    self.configs.insert(path.to_path_buf(), e);
                }
            }
            self.dirty = true;
            any = true;
        }
        let using: Vec<PathBuf> = self
            .configs
            .iter()
            .filter(|(_, e)| e.actors.as_deref() == Some(path))
            .map(|(c, _)| c.clone())
            .collect();
        for config in using {
            let old = self.configs.remove(&config);
            let e = load(&config, old.as_ref());
            self.configs.insert(config, e);
            self.dirty = true;
            any = true;
        }
        any
    }

    /// File names worth watching besides copydesk.toml: the actors files.
    pub fn actors_names(&self) -> BTreeSet<String> {
        self.configs
            .values()
            .filter_map(|e| e.actors.as_deref()?.file_name()?.to_str().map(String::from))
            .collect()
    }

    /// Diagnostics for every config and actors file whose problems changed
    /// since the last call (an empty list clears a file), or `None` when
    /// nothing was re-read.
    pub fn take_diagnostics(&mut self, enc: Encoding) -> Option<Vec<(Url, Vec<Diagnostic>)>> {
        if !std::mem::take(&mut self.dirty) {
            return None;
        }
        let mut by_file: HashMap<&Path, Vec<&Problem>> = HashMap::new();
        for e in self.configs.values() {
            for p in &e.problems {
                by_file.entry(&p.file).or_default().push(p);
            }
        }
        let mut out = Vec::new();
        let mut now = HashSet::new();
        for (file, problems) in by_file {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            let index = LineIndex::new(&text);
            let lines = Lines {
                text: &text,
                index: &index,
                enc,
            };
            let diags = problems
                .iter()
                .map(|p| {
                    let start = p.span.start.min(text.len());
                    let end = p.span.end.clamp(start, text.len());
                    Diagnostic {
                        range: lines.range(Span::new(start, end)),
                        severity: Some(if p.error {
                            DiagnosticSeverity::ERROR
                        } else {
                            DiagnosticSeverity::WARNING
                        }),
                        code: Some(NumberOrString::String(CONFIG_CODE.into())),
                        source: Some(SOURCE.into()),
                        message: p.message.clone(),
                        ..Diagnostic::default()
                    }
                })
                .collect();
            if let Ok(uri) = Url::from_file_path(file) {
                out.push((uri, diags));
                now.insert(file.to_path_buf());
            }
        }
        for gone in self.published.difference(&now) {
            if let Ok(uri) = Url::from_file_path(gone) {
                out.push((uri, Vec::new()));
            }
        }
        self.published = now;
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(p: &Path, text: &str) {
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn caches_reloads_and_keeps_the_last_good_config() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let config = root.join("copydesk.toml");
        let actors = root.join("people.toml");
        let draft = root.join("d.md");
        write(
            &config,
            "[sources]\ntrusted = [\"the tide ledger\"]\n[files]\nactors = \"people.toml\"\n",
        );
        write(
            &actors,
            "[[actor]]\nname = \"Ines Varga\"\ntitle = \"harbor clerk\"\n",
        );
        let mut cache = HouseCache::default();
        let first = cache.for_document(&draft).expect("loads");
        assert_eq!(first.cfg.trusted, ["the tide ledger"]);
        assert_eq!(first.rules.actors.actors.len(), 1);
        // Cached: the same Arc without re-reading.
        assert!(Arc::ptr_eq(&first, &cache.for_document(&draft).unwrap()));
        let diags = cache.take_diagnostics(Encoding::Utf16).unwrap();
        assert!(diags.iter().all(|(_, d)| d.is_empty()), "{diags:?}");
        assert!(cache.take_diagnostics(Encoding::Utf16).is_none());
        assert_eq!(cache.actors_names(), BTreeSet::from(["people.toml".into()]));

        // Broken config: the last good one stays, with an error on the file.
        write(&config, "[sources]\ntrusted = [\"x\"\n");
        assert!(cache.changed(&config));
        let kept = cache.for_document(&draft).unwrap();
        assert!(Arc::ptr_eq(&first, &kept));
        let diags = cache.take_diagnostics(Encoding::Utf16).unwrap();
        let (uri, d) = diags.iter().find(|(_, d)| !d.is_empty()).unwrap();
        assert_eq!(uri.to_file_path().unwrap(), config);
        assert_eq!(d[0].severity, Some(DiagnosticSeverity::ERROR));
        assert!(d[0].message.contains("last good"), "{}", d[0].message);
        assert_eq!(d[0].range.start.line, 1);

        // Fixed, with an unknown key: a warning, and the new values.
        write(&config, "[sources]\ntrusted = [\"y\"]\nloud = 1\n");
        assert!(cache.changed(&config));
        assert_eq!(cache.for_document(&draft).unwrap().cfg.trusted, ["y"]);
        let diags = cache.take_diagnostics(Encoding::Utf16).unwrap();
        let (_, d) = &diags[0];
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(DiagnosticSeverity::WARNING));
        assert_eq!(d[0].range.start.line, 2);

        // The actors file is watched through its config.
        write(&config, "[files]\nactors = \"people.toml\"\n");
        cache.changed(&config);
        write(
            &actors,
            "[[actor]]\nname = \"Ines Varga\"\n[[actor]]\nname = \"Tomas Reyl\"\n",
        );
        assert!(cache.changed(&actors));
        assert_eq!(
            cache
                .for_document(&draft)
                .unwrap()
                .rules
                .actors
                .actors
                .len(),
            2
        );
        // Unrelated files change nothing.
        assert!(!cache.changed(&root.join("notes.toml")));
    }
}

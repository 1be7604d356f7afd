//! House rules: `copydesk.toml` (schema, parsing, discovery) and the actors file.
//!
//! Parsing functions take text; discovery helpers take a path. Unknown keys and
//! values of the wrong type are warnings (with line and column); only a file that
//! is not TOML at all is an error.

mod actors;

pub use actors::{parse_actors, Actor, ActorsFile, Outreach, OutreachOutcome};

use crate::attribution::HouseLexicon;
use crate::finding::{Code, Severity};
use crate::position::{Encoding, LineIndex};
use crate::CheckSettings;
use chrono::NaiveDate;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The configuration file name looked for next to the draft and in its parents.
pub const FILE_NAME: &str = "copydesk.toml";

/// One check's settings from `[checks]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckConfig {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
}

/// The house wording of the comment line (`[comment]`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CommentWording {
    /// `{Name}` is replaced with the actor's name.
    pub no_response: String,
    /// Used when the actors file records when the request was sent; `{Name}` and `{Date}`.
    pub no_response_dated: String,
    /// Used when the outlet asked a spokesperson: `{Name}`.
    pub spokesperson_no_response: String,
}

impl Default for CommentWording {
    fn default() -> Self {
        CommentWording {
            no_response: "{Name} did not respond to a request for comment.".into(),
            no_response_dated: "{Name} did not respond to a request for comment sent {Date}."
                .into(),
            spokesperson_no_response:
                "A spokesperson for {Name} did not respond to a request for comment.".into(),
        }
    }
}

/// The effective configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The file the values came from (`None`: built-in defaults only).
    pub path: Option<PathBuf>,
    /// Dotted keys that the file set (e.g. `sources.trusted`), for `copydesk config`.
    pub set_keys: Vec<String>,
    pub checks: Vec<(Code, CheckConfig)>,
    pub reference_date: Option<NaiveDate>,
    pub timezone: Option<String>,
    pub trusted: Vec<String>,
    pub vague: Vec<String>,
    pub attribution_verbs: Vec<String>,
    pub comment: CommentWording,
    pub include: Vec<String>,
    pub skip: Vec<String>,
    /// The actors file as written (relative to the config file's folder).
    pub actors: Option<String>,
}

impl Config {
    /// `[checks]` mapped onto the engine's settings.
    pub fn check_settings(&self) -> CheckSettings {
        let mut s = CheckSettings::default();
        for (code, c) in &self.checks {
            if c.enabled == Some(false) {
                s.disabled.push(*code);
            }
            if let Some(sev) = c.severity {
                s.severity.push((*code, sev));
            }
        }
        s
    }

    /// The actors file path, resolved against the config file's folder.
    pub fn actors_path(&self) -> Option<PathBuf> {
        let rel = self.actors.as_deref()?;
        let p = Path::new(rel);
        if p.is_absolute() {
            return Some(p.to_path_buf());
        }
        let base = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new("."));
        Some(base.join(p))
    }

    /// Where the value of `key` came from: the file, or "default".
    pub fn origin(&self, key: &str) -> String {
        match &self.path {
            Some(p) if self.set_keys.iter().any(|k| k == key) => p.display().to_string(),
            _ => "default".into(),
        }
    }
}

/// A problem in a config or actors file that does not stop copydesk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub file: Option<PathBuf>,
    /// Byte range in the file.
    pub span: std::ops::Range<usize>,
    /// 1-based line and column (characters).
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// `file:line:column: message`, the form editors and terminals link.
fn write_located(
    f: &mut fmt::Formatter<'_>,
    file: Option<&Path>,
    line: usize,
    column: usize,
    message: &str,
) -> fmt::Result {
    let file = file.map_or_else(|| FILE_NAME.into(), |p| p.display().to_string());
    write!(f, "{file}:{line}:{column}: {message}")
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(
            f,
            self.file.as_deref(),
            self.line,
            self.column,
            &self.message,
        )
    }
}

/// A file that could not be read or is not TOML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub file: Option<PathBuf>,
    pub span: std::ops::Range<usize>,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(
            f,
            self.file.as_deref(),
            self.line,
            self.column,
            &self.message,
        )
    }
}

impl std::error::Error for ConfigError {}

/// Collects warnings with positions.
pub(crate) struct Sink<'a> {
    text: &'a str,
    index: LineIndex,
    file: Option<PathBuf>,
    pub warnings: Vec<Warning>,
}

impl<'a> Sink<'a> {
    pub(crate) fn new(text: &'a str, file: Option<&Path>) -> Self {
        Sink {
            text,
            index: LineIndex::new(text),
            file: file.map(Path::to_path_buf),
            warnings: Vec::new(),
        }
    }

    fn line_col(&self, offset: usize) -> (usize, usize) {
        let (line, col) =
            self.index
                .position(self.text, offset.min(self.text.len()), Encoding::Chars);
        (line as usize + 1, col as usize + 1)
    }

    pub(crate) fn warn(&mut self, span: std::ops::Range<usize>, message: impl Into<String>) {
        let (line, column) = self.line_col(span.start);
        self.warnings.push(Warning {
            file: self.file.clone(),
            span,
            line,
            column,
            message: message.into(),
        });
    }

    pub(crate) fn error(
        &self,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> ConfigError {
        let (line, column) = self.line_col(span.start);
        ConfigError {
            file: self.file.clone(),
            span,
            line,
            column,
            message: message.into(),
        }
    }
}

pub(crate) fn parse_table<'i>(
    text: &'i str,
    sink: &Sink<'_>,
) -> Result<Spanned<DeTable<'i>>, ConfigError> {
    DeTable::parse(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let msg = e.message().trim().to_string();
        sink.error(span, format!("not valid TOML: {msg}"))
    })
}

pub(crate) fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

pub(crate) fn as_str<'a>(
    v: &'a Spanned<DeValue<'_>>,
    key: &str,
    sink: &mut Sink<'_>,
) -> Option<&'a str> {
    match v.get_ref() {
        DeValue::String(s) => Some(s.as_ref()),
        other => {
            sink.warn(
                v.span(),
                format!(
                    "`{key}` should be a string, found {}; ignored",
                    type_name(other)
                ),
            );
            None
        }
    }
}

pub(crate) fn as_string_list(
    v: &Spanned<DeValue<'_>>,
    key: &str,
    sink: &mut Sink<'_>,
) -> Option<Vec<String>> {
    match v.get_ref() {
        DeValue::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                match item.get_ref() {
                    DeValue::String(s) => {
                        let s = s.trim();
                        if !s.is_empty() {
                            out.push(s.to_string());
                        }
                    }
                    other => sink.warn(
                        item.span(),
                        format!(
                            "`{key}` should hold strings, found {}; that item is ignored",
                            type_name(other)
                        ),
                    ),
                }
            }
            Some(out)
        }
        other => {
            sink.warn(
                v.span(),
                format!(
                    "`{key}` should be an array of strings, found {}; ignored",
                    type_name(other)
                ),
            );
            None
        }
    }
}

pub(crate) fn as_table<'a, 'i>(
    v: &'a Spanned<DeValue<'i>>,
    key: &str,
    sink: &mut Sink<'_>,
) -> Option<&'a DeTable<'i>> {
    match v.get_ref() {
        DeValue::Table(t) => Some(t),
        other => {
            sink.warn(
                v.span(),
                format!(
                    "`{key}` should be a table, found {}; ignored",
                    type_name(other)
                ),
            );
            None
        }
    }
}

pub(crate) fn as_date(
    v: &Spanned<DeValue<'_>>,
    key: &str,
    sink: &mut Sink<'_>,
) -> Option<NaiveDate> {
    let raw = match v.get_ref() {
        DeValue::String(s) => s.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        other => {
            sink.warn(
                v.span(),
                format!(
                    "`{key}` should be a date (YYYY-MM-DD), found {}; ignored",
                    type_name(other)
                ),
            );
            return None;
        }
    };
    match NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            sink.warn(
                v.span(),
                format!("`{key}` should be a date written YYYY-MM-DD, found `{raw}`; ignored"),
            );
            None
        }
    }
}

fn unknown(
    sink: &mut Sink<'_>,
    key: &Spanned<std::borrow::Cow<'_, str>>,
    section: &str,
    expected: &str,
) {
    let name = key.get_ref();
    let full = if section.is_empty() {
        name.to_string()
    } else {
        format!("{section}.{name}")
    };
    sink.warn(
        key.span(),
        format!("unknown key `{full}` (expected {expected}); ignored"),
    );
}

/// Parse `copydesk.toml` text. `file` is only used in messages and to resolve
/// relative paths.
pub fn parse_config(
    text: &str,
    file: Option<&Path>,
) -> Result<(Config, Vec<Warning>), ConfigError> {
    let mut sink = Sink::new(text, file);
    let root = parse_table(text, &sink)?;
    let mut cfg = Config {
        path: file.map(Path::to_path_buf),
        ..Config::default()
    };
    for (key, value) in root.get_ref().iter() {
        match key.get_ref().as_ref() {
            "checks" => {
                let Some(t) = as_table(value, "checks", &mut sink) else {
                    continue;
                };
                for (k, v) in t.iter() {
                    let Some(code) = Code::parse(k.get_ref()) else {
                        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
                        unknown(
                            &mut sink,
                            k,
                            "checks",
                            &format!("a check: {}", names.join(", ")),
                        );
                        continue;
                    };
                    let dotted = format!("checks.{}", code.as_str());
                    let mut cc = CheckConfig::default();
                    match v.get_ref() {
                        DeValue::Boolean(b) => cc.enabled = Some(*b),
                        DeValue::String(s) => match s.as_ref() {
                            "off" => cc.enabled = Some(false),
                            "on" => cc.enabled = Some(true),
                            other => match Severity::parse(other) {
                                Some(sev) => cc.severity = Some(sev),
                                None => sink.warn(
                                    v.span(),
                                    format!("`{dotted}` should be true, false, \"off\" or a severity (error, warning, info, hint), found `{other}`; ignored"),
                                ),
                            },
                        },
                        DeValue::Table(t2) => {
                            for (k2, v2) in t2.iter() {
                                match k2.get_ref().as_ref() {
                                    "enabled" => match v2.get_ref() {
                                        DeValue::Boolean(b) => cc.enabled = Some(*b),
                                        other => sink.warn(v2.span(), format!("`{dotted}.enabled` should be a boolean, found {}; ignored", type_name(other))),
                                    },
                                    "severity" => {
                                        if let Some(s) = as_str(v2, &format!("{dotted}.severity"), &mut sink) {
                                            match Severity::parse(s) {
                                                Some(sev) => cc.severity = Some(sev),
                                                None => sink.warn(v2.span(), format!("`{dotted}.severity` should be error, warning, info or hint, found `{s}`; ignored")),
                                            }
                                        }
                                    }
                                    _ => unknown(&mut sink, k2, &dotted, "`enabled` or `severity`"),
                                }
                            }
                        }
                        other => sink.warn(
                            v.span(),
                            format!("`{dotted}` should be a boolean, a severity or a table, found {}; ignored", type_name(other)),
                        ),
                    }
                    if cc != CheckConfig::default() {
                        cfg.set_keys.push(dotted);
                        cfg.checks.retain(|(c, _)| *c != code);
                        cfg.checks.push((code, cc));
                    }
                }
            }
            "dates" => {
                let Some(t) = as_table(value, "dates", &mut sink) else {
                    continue;
                };
                for (k, v) in t.iter() {
                    match k.get_ref().as_ref() {
                        "reference_date" => {
                            if let Some(d) = as_date(v, "dates.reference_date", &mut sink) {
                                cfg.reference_date = Some(d);
                                cfg.set_keys.push("dates.reference_date".into());
                            }
                        }
                        "timezone" => {
                            if let Some(s) = as_str(v, "dates.timezone", &mut sink) {
                                if valid_timezone(s) {
                                    cfg.timezone = Some(s.to_string());
                                    cfg.set_keys.push("dates.timezone".into());
                                } else {
                                    sink.warn(v.span(), format!("`dates.timezone` should be \"local\", \"UTC\" or an offset like \"+02:00\", found `{s}`; ignored"));
                                }
                            }
                        }
                        _ => unknown(&mut sink, k, "dates", "`reference_date` or `timezone`"),
                    }
                }
            }
            "sources" => {
                let Some(t) = as_table(value, "sources", &mut sink) else {
                    continue;
                };
                for (k, v) in t.iter() {
                    let name = k.get_ref().as_ref();
                    let slot = match name {
                        "trusted" => &mut cfg.trusted,
                        "vague" => &mut cfg.vague,
                        "attribution_verbs" => &mut cfg.attribution_verbs,
                        _ => {
                            unknown(
                                &mut sink,
                                k,
                                "sources",
                                "`trusted`, `vague` or `attribution_verbs`",
                            );
                            continue;
                        }
                    };
                    let dotted = format!("sources.{name}");
                    if let Some(list) = as_string_list(v, &dotted, &mut sink) {
                        if name == "attribution_verbs" {
                            if let Some(bad) =
                                list.iter().find(|w| w.split_whitespace().count() != 1)
                            {
                                sink.warn(v.span(), format!("`sources.attribution_verbs` holds single words (e.g. \"recount\"), found `{bad}`; that entry is ignored"));
                            }
                        }
                        *slot = list;
                        cfg.set_keys.push(dotted);
                    }
                }
            }
            "comment" => {
                let Some(t) = as_table(value, "comment", &mut sink) else {
                    continue;
                };
                for (k, v) in t.iter() {
                    let name = k.get_ref().as_ref();
                    let slot = match name {
                        "no_response" => &mut cfg.comment.no_response,
                        "no_response_dated" => &mut cfg.comment.no_response_dated,
                        "spokesperson_no_response" => &mut cfg.comment.spokesperson_no_response,
                        _ => {
                            unknown(
                                &mut sink,
                                k,
                                "comment",
                                "`no_response`, `no_response_dated` or `spokesperson_no_response`",
                            );
                            continue;
                        }
                    };
                    let dotted = format!("comment.{name}");
                    if let Some(s) = as_str(v, &dotted, &mut sink) {
                        if !s.contains("{Name}") {
                            sink.warn(v.span(), format!("`{dotted}` has no `{{Name}}` placeholder: the actor's name will not appear"));
                        }
                        *slot = s.to_string();
                        cfg.set_keys.push(dotted);
                    }
                }
            }
            "files" => {
                let Some(t) = as_table(value, "files", &mut sink) else {
                    continue;
                };
                for (k, v) in t.iter() {
                    let name = k.get_ref().as_ref();
                    match name {
                        "include" | "skip" => {
                            let dotted = format!("files.{name}");
                            if let Some(list) = as_string_list(v, &dotted, &mut sink) {
                                if name == "include" {
                                    cfg.include = list;
                                } else {
                                    cfg.skip = list;
                                }
                                cfg.set_keys.push(dotted);
                            }
                        }
                        "actors" => {
                            if let Some(s) = as_str(v, "files.actors", &mut sink) {
                                cfg.actors = Some(s.to_string());
                                cfg.set_keys.push("files.actors".into());
                            }
                        }
                        _ => unknown(&mut sink, k, "files", "`include`, `skip` or `actors`"),
                    }
                }
            }
            _ => unknown(
                &mut sink,
                key,
                "",
                "a section: [checks], [dates], [sources], [comment] or [files]",
            ),
        }
    }
    Ok((cfg, sink.warnings))
}

fn valid_timezone(s: &str) -> bool {
    let s = s.trim();
    if s.eq_ignore_ascii_case("local") || s.eq_ignore_ascii_case("utc") || s == "Z" {
        return true;
    }
    let b = s.as_bytes();
    b.len() == 6
        && (b[0] == b'+' || b[0] == b'-')
        && b[1..3].iter().all(u8::is_ascii_digit)
        && b[3] == b':'
        && b[4..6].iter().all(u8::is_ascii_digit)
}

/// The user-level config file: `$XDG_CONFIG_HOME/copydesk/copydesk.toml`, else
/// `~/.config/copydesk/copydesk.toml`.
pub fn user_config_path() -> Option<PathBuf> {
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|x| !x.is_empty()) {
        return Some(PathBuf::from(x).join("copydesk").join(FILE_NAME));
    }
    let home = std::env::var_os("HOME").filter(|x| !x.is_empty())?;
    Some(
        PathBuf::from(home)
            .join(".config")
            .join("copydesk")
            .join(FILE_NAME),
    )
}

/// The config file that applies to `draft` (a file or a folder): the nearest
/// `copydesk.toml` in its folder or a parent, else the user-level file.
pub fn discover(draft: &Path) -> Option<PathBuf> {
    let abs = if draft.is_absolute() {
        draft.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(draft)
    };
    let start = if abs.is_dir() {
        Some(abs.as_path())
    } else {
        abs.parent()
    };
    let mut dir = start;
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    user_config_path().filter(|p| p.is_file())
}

/// Read and parse one config file.
pub fn load_file(path: &Path) -> Result<(Config, Vec<Warning>), ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        file: Some(path.to_path_buf()),
        span: 0..0,
        line: 1,
        column: 1,
        message: format!("cannot read: {e}"),
    })?;
    parse_config(&text, Some(path))
}

/// The configuration for a draft at `path`: discovery + parsing (defaults when
/// there is no file).
pub fn load_for(path: &Path) -> Result<(Config, Vec<Warning>), ConfigError> {
    match discover(path) {
        Some(p) => load_file(&p),
        None => Ok((Config::default(), Vec::new())),
    }
}

/// The compiled `[sources]` lists, built on first use and then shared by every
/// analysis that uses these rules. It is derived data: it takes no part in
/// comparisons or hashing of [`HouseRules`].
#[derive(Clone, Default)]
pub struct LexiconCache(std::sync::OnceLock<std::sync::Arc<HouseLexicon>>);

impl PartialEq for LexiconCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for LexiconCache {}

impl std::hash::Hash for LexiconCache {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl fmt::Debug for LexiconCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "LexiconCache(built)"
        } else {
            "LexiconCache(empty)"
        })
    }
}

/// What the engine needs from the house rules (shared by `Options` through an `Arc`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct HouseRules {
    pub trusted: Vec<String>,
    pub vague: Vec<String>,
    pub attribution_verbs: Vec<String>,
    pub comment: CommentWording,
    pub actors: ActorsFile,
    /// The three lists above, compiled ([`HouseRules::lexicon`]). Leave it at
    /// its default when building the rules by hand; do not change the lists
    /// once it is built.
    pub compiled: LexiconCache,
}

impl HouseRules {
    pub fn from_config(cfg: &Config, actors: ActorsFile) -> HouseRules {
        let rules = HouseRules {
            trusted: cfg.trusted.clone(),
            vague: cfg.vague.clone(),
            attribution_verbs: cfg.attribution_verbs.clone(),
            comment: cfg.comment.clone(),
            actors,
            compiled: LexiconCache::default(),
        };
        // Compile now, once per configuration, not on the first keystroke.
        rules.lexicon();
        rules
    }

    /// The compiled trusted names, vague terms and attribution verbs.
    pub fn lexicon(&self) -> &HouseLexicon {
        if self.trusted.is_empty() && self.vague.is_empty() && self.attribution_verbs.is_empty() {
            return HouseLexicon::empty();
        }
        self.compiled.0.get_or_init(|| {
            std::sync::Arc::new(HouseLexicon::new(
                &self.trusted,
                &self.vague,
                &self.attribution_verbs,
            ))
        })
    }

    /// `{Name}` (and `{Date}`) filled in.
    pub fn fill(template: &str, name: &str, date: Option<&str>) -> String {
        let s = template.replace("{Name}", name);
        match date {
            Some(d) => s.replace("{Date}", d),
            None => s,
        }
    }
}

/// Everything `copydesk check` and the server need for one draft: the config,
/// the actors file (read relative to the config file) and all warnings.
pub fn load_rules_for(path: &Path) -> Result<(Config, HouseRules, Vec<Warning>), ConfigError> {
    let (cfg, warnings) = load_for(path)?;
    with_actors(cfg, warnings)
}

/// [`load_rules_for`] given the config file itself (no discovery).
pub fn load_rules_from(config: &Path) -> Result<(Config, HouseRules, Vec<Warning>), ConfigError> {
    let (cfg, warnings) = load_file(config)?;
    with_actors(cfg, warnings)
}

fn with_actors(
    cfg: Config,
    mut warnings: Vec<Warning>,
) -> Result<(Config, HouseRules, Vec<Warning>), ConfigError> {
    let mut actors = ActorsFile::default();
    if let Some(ap) = cfg.actors_path() {
        let text = std::fs::read_to_string(&ap).map_err(|e| ConfigError {
            file: Some(ap.clone()),
            span: 0..0,
            line: 1,
            column: 1,
            message: format!("cannot read the actors file: {e}"),
        })?;
        let (a, w) = parse_actors(&text, Some(&ap))?;
        actors = a;
        warnings.extend(w);
    }
    let rules = HouseRules::from_config(&cfg, actors);
    Ok((cfg, rules, warnings))
}

#[cfg(test)]
mod tests;

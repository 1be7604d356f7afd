//! `copydesk config [PATH]` and the house-rules hook used by `check`/`inspect`.

use copydesk::house::{self, Config};
use copydesk::Options;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

type Loaded = Result<(Config, Arc<house::HouseRules>), String>;

/// Loaded configurations by config file (warnings are printed once per file).
static CACHE: Mutex<Option<HashMap<Option<PathBuf>, Loaded>>> = Mutex::new(None);

/// The config file found for the drafts in each folder (as named on the
/// command line or by the walk): discovery looks in a file's folder and its
/// parents only, so every file in one folder gets the same answer, and a
/// directory run need not ask the filesystem again for each draft.
static FOUND: Mutex<Option<HashMap<PathBuf, Option<PathBuf>>>> = Mutex::new(None);

/// [`house::discover`] for `draft`; `is_file` says it is known to be a file (not
/// a folder, nor a name given to standard input), so the answer of its folder
/// can be reused.
fn discover(draft: &Path, is_file: bool) -> Option<PathBuf> {
    let Some(dir) = draft.parent().filter(|_| is_file) else {
        return house::discover(draft);
    };
    let mut guard = FOUND.lock().unwrap_or_else(|e| e.into_inner());
    let found = guard.get_or_insert_with(HashMap::new);
    if let Some(hit) = found.get(dir) {
        return hit.clone();
    }
    let key = house::discover(draft);
    found.insert(dir.to_path_buf(), key.clone());
    key
}

/// Apply the house rules that govern `draft` to `opts`. The `--date` flag (already
/// in `opts.reference_date`) wins over `[dates] reference_date`. `Err` means the
/// config or actors file is broken (already reported on standard error, once);
/// it names the broken file. `is_file`: `draft` is known to be a file (see
/// [`discover`]).
pub fn apply(draft: &str, is_file: bool, opts: &mut Options) -> Result<(), String> {
    let key = discover(Path::new(draft), is_file);
    let mut guard = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    let cache = guard.get_or_insert_with(HashMap::new);
    let loaded =
        cache
            .entry(key)
            .or_insert_with(|| match house::load_rules_for(Path::new(draft)) {
                Ok((cfg, rules, warnings)) => {
                    for w in warnings {
                        eprintln!("copydesk: warning: {w}");
                    }
                    Ok((cfg, Arc::new(rules)))
                }
                Err(e) => {
                    eprintln!("copydesk: error: {e}");
                    Err(e
                        .file
                        .as_deref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| house::FILE_NAME.into()))
                }
            });
    match loaded {
        Ok((cfg, rules)) => {
            apply_config(cfg, rules.clone(), opts);
            Ok(())
        }
        Err(file) => Err(file.clone()),
    }
}

/// Lays a loaded configuration under `opts`: what `opts` already says (command
/// line flags, editor settings) wins; `[checks]`, `[dates]` and the house
/// rules fill in the rest. Shared by the CLI and the server.
pub fn apply_config(cfg: &Config, rules: Arc<house::HouseRules>, opts: &mut Options) {
    let flags = std::mem::take(&mut opts.checks);
    opts.checks = cfg.check_settings();
    opts.checks.disabled.extend(flags.disabled);
    // `severity_for` takes the first entry: the caller's overrides go first.
    let house_severity = std::mem::take(&mut opts.checks.severity);
    opts.checks.severity = flags.severity;
    opts.checks.severity.extend(house_severity);
    if opts.reference_date.is_none() {
        opts.reference_date = cfg.reference_date;
    }
    if cfg
        .timezone
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("utc") || t == "Z")
    {
        opts.today = chrono::Utc::now().date_naive();
    } else if let Some(off) = cfg.timezone.as_deref().and_then(parse_offset) {
        opts.today = (chrono::Utc::now() + chrono::Duration::seconds(off)).date_naive();
    }
    opts.house = rules;
}

fn parse_offset(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 6 || b[3] != b':' {
        return None;
    }
    let sign = match b[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let h: i64 = s.get(1..3)?.parse().ok()?;
    let m: i64 = s.get(4..6)?.parse().ok()?;
    Some(sign * (h * 3600 + m * 60))
}

fn list(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|s| format!("{s:?}")).collect();
    format!("[{}]", items.join(", "))
}

/// `copydesk config [PATH]`: the effective configuration and where each value came from.
pub fn run(path: Option<String>) -> ExitCode {
    let path = path.unwrap_or_else(|| ".".into());
    let (cfg, rules, warnings) = match house::load_rules_for(Path::new(&path)) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("copydesk: error: {e}");
            return ExitCode::from(2);
        }
    };
    for w in &warnings {
        eprintln!("copydesk: warning: {w}");
    }
    let mut lines: Vec<(String, String)> = Vec::new();
    let mut push = |k: &str, v: String| lines.push((format!("{k} = {v}"), cfg.origin(k)));
    match &cfg.path {
        Some(p) => println!("# config file: {}", p.display()),
        None => println!("# config file: none (built-in defaults)"),
    }
    println!("[checks]");
    for code in copydesk::Code::ALL {
        let c = cfg
            .checks
            .iter()
            .find(|(c2, _)| *c2 == code)
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        let val = match (c.enabled, c.severity) {
            (Some(false), _) => "false".to_string(),
            (_, Some(s)) => format!("{:?}", s.as_str()),
            _ => "true".to_string(),
        };
        push(&format!("checks.{}", code.as_str()), val);
    }
    push(
        "dates.reference_date",
        cfg.reference_date
            .map(|d| format!("\"{d}\""))
            .unwrap_or_else(|| "(from the draft)".into()),
    );
    push(
        "dates.timezone",
        cfg.timezone
            .as_deref()
            .map(|t| format!("{t:?}"))
            .unwrap_or_else(|| "\"local\"".into()),
    );
    push("sources.trusted", list(&cfg.trusted));
    push("sources.vague", list(&cfg.vague));
    push("sources.attribution_verbs", list(&cfg.attribution_verbs));
    push(
        "comment.no_response",
        format!("{:?}", cfg.comment.no_response),
    );
    push(
        "comment.no_response_dated",
        format!("{:?}", cfg.comment.no_response_dated),
    );
    push(
        "comment.spokesperson_no_response",
        format!("{:?}", cfg.comment.spokesperson_no_response),
    );
    push("files.include", list(&cfg.include));
    push("files.skip", list(&cfg.skip));
    push(
        "files.actors",
        cfg.actors_path()
            .map(|p| format!("{:?}", p.display().to_string()))
            .unwrap_or_else(|| "(none)".into()),
    );
    for (line, origin) in lines {
        println!("{line}  # {origin}");
    }
    if !rules.actors.actors.is_empty() {
        println!("# actors: {}", rules.actors.actors.len());
        for a in &rules.actors.actors {
            println!("#   {}", a.name);
        }
    }
    ExitCode::SUCCESS
}

//! Turning command-line paths into drafts to read, with clear errors.

use std::io::Read;
use std::path::Path;

pub struct Draft {
    /// The path exactly as given (or found under a given directory).
    pub name: String,
    /// The text, or a message saying what went wrong and what to do.
    pub text: Result<String, String>,
}

const DRAFT_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "txt", "text"];

/// Expands paths into drafts. Returns the drafts and whether any path was unusable.
pub fn collect(paths: &[String], stdin: bool, stdin_name: Option<&str>) -> (Vec<Draft>, bool) {
    let mut drafts = Vec::new();
    let mut had_error = false;
    let wants_stdin = stdin || paths.iter().any(|p| p == "-");
    for p in paths {
        if p == "-" {
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Err(e) => {
                had_error = true;
                eprintln!(
                    "copydesk: cannot read `{p}`: {}; check the path and permissions",
                    describe_io(&e)
                );
            }
            Ok(meta) if meta.is_dir() => {
                let before = drafts.len();
                let mut seen = std::collections::HashSet::new();
                walk(path, &mut drafts, &mut had_error, &mut seen);
                if drafts.len() == before {
                    had_error = true;
                    eprintln!(
                        "copydesk: `{p}` holds no drafts (files ending in .md, .markdown or .txt); name the files to check"
                    );
                }
            }
            Ok(_) => drafts.push(Draft {
                name: p.clone(),
                text: read_file(path, p),
            }),
        }
    }
    if wants_stdin {
        let mut buf = Vec::new();
        let name = stdin_name.unwrap_or("<stdin>").to_string();
        let text = match std::io::stdin().read_to_end(&mut buf) {
            Ok(_) => decode(buf, &name),
            Err(e) => Err(format!("cannot read standard input: {e}")),
        };
        drafts.push(Draft { name, text });
    }
    (drafts, had_error)
}

fn walk(
    dir: &Path,
    out: &mut Vec<Draft>,
    had_error: &mut bool,
    seen: &mut std::collections::HashSet<std::path::PathBuf>,
) {
    // Symlink loops: visit each real directory once.
    if let Ok(real) = std::fs::canonicalize(dir) {
        if !seen.insert(real) {
            return;
        }
    }
    let mut entries: Vec<_> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(e) => {
            *had_error = true;
            eprintln!(
                "copydesk: cannot read directory `{}`: {}",
                dir.display(),
                describe_io(&e)
            );
            return;
        }
    };
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name == "node_modules" || name == "target" {
            continue;
        }
        if path.is_dir() {
            walk(&path, out, had_error, seen);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| DRAFT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            let shown = path.display().to_string();
            out.push(Draft {
                text: read_file(&path, &shown),
                name: shown,
            });
        }
    }
}

fn read_file(path: &Path, shown: &str) -> Result<String, String> {
    match std::fs::read(path) {
        Ok(bytes) => decode(bytes, shown),
        Err(e) => Err(format!(
            "cannot read `{shown}`: {}; check the path and permissions",
            describe_io(&e)
        )),
    }
}

fn decode(bytes: Vec<u8>, shown: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "`{shown}` is not valid UTF-8 (first bad byte at offset {at}, line {line}); save it as UTF-8 and try again"
        )
    })
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

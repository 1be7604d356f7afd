//! `--changed-since REV`: the drafts a branch or a working tree changed.
//!
//! The union of what changed on this branch since it left REV
//! (`git diff --name-only REV...`), what is changed but not committed
//! (`git diff --name-only HEAD`, staged or not) and new untracked files
//! (`git ls-files --others --exclude-standard`). Deleted files drop out.

use super::input::Matcher;
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| {
            format!("--changed-since needs git, which could not be run ({e}); install git or name the drafts to check")
        })?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

fn nul_separated(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    bytes
        .split(|&b| b == 0)
        .filter(|s| !s.is_empty())
        .map(|s| String::from_utf8_lossy(s).into_owned())
}

/// The drafts changed since `rev`, restricted to `paths` (files or
/// directories; none means the whole repository), as (name to report, path
/// to read), sorted by name. Errors (not a repository, unknown revision)
/// stop the run with exit status 2.
pub fn changed_drafts(
    rev: &str,
    paths: &[String],
    matcher: &Matcher,
) -> Result<Vec<(String, PathBuf)>, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let top = git(&cwd, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        format!(
            "--changed-since needs a git repository, and `{}` is not inside one (git: {e})",
            cwd.display()
        )
    })?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches(['\n', '\r']));
    let spec = format!("{rev}^{{commit}}");
    if rev.starts_with('-') || git(&top, &["rev-parse", "--verify", "--quiet", &spec]).is_err() {
        return Err(format!(
            "--changed-since: `{rev}` is not a known revision in `{}`; give a branch, tag or commit (for a pull request, fetch the base branch first, e.g. `git fetch origin main` and `--changed-since origin/main`)",
            top.display()
        ));
    }
    let range = format!("{rev}...");
    let mut changed = BTreeSet::new();
    for args in [
        &[
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            "--diff-filter=d",
            &range,
            "--",
        ][..],
        &[
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            "--diff-filter=d",
            "HEAD",
            "--",
        ][..],
        &["ls-files", "-z", "--others", "--exclude-standard"][..],
    ] {
        let out = git(&top, args).map_err(|e| format!("--changed-since: git failed: {e}"))?;
        changed.extend(nul_separated(&out));
    }
    let top_real = std::fs::canonicalize(&top).unwrap_or(top.clone());
    let cwd_real = std::fs::canonicalize(&cwd).unwrap_or(cwd.clone());
    // The given paths, as absolute real paths (a file or a directory prefix).
    let mut scopes = Vec::new();
    for p in paths.iter().filter(|p| *p != "-") {
        match std::fs::canonicalize(p) {
            Ok(real) => scopes.push(real),
            Err(_) => {
                return Err(format!(
                    "cannot read `{p}`: no such file or directory; check the path"
                ))
            }
        }
    }
    let mut out = Vec::new();
    for rel in changed {
        let rel_path = Path::new(&rel);
        let abs = top_real.join(rel_path);
        if !abs.is_file() {
            continue;
        }
        if !scopes.is_empty() && !scopes.iter().any(|s| abs.starts_with(s)) {
            continue;
        }
        if !matcher.wants_file(rel_path) {
            continue;
        }
        let name = relative_to(&abs, &cwd_real).display().to_string();
        out.push((name, abs));
    }
    out.sort_by(|a, b| Path::new(&a.0).cmp(Path::new(&b.0)));
    Ok(out)
}

/// `path` relative to `base` (both absolute), with `..` where needed.
fn relative_to(path: &Path, base: &Path) -> PathBuf {
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return path.to_path_buf();
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c.as_os_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        let cases = [
            ("/r/a/b.md", "/r", "a/b.md"),
            ("/r/a/b.md", "/r/a", "b.md"),
            ("/r/a/b.md", "/r/c", "../a/b.md"),
            ("/r/a/b.md", "/r/c/d", "../../a/b.md"),
        ];
        for (p, b, want) in cases {
            assert_eq!(relative_to(Path::new(p), Path::new(b)), Path::new(want));
        }
    }

    #[test]
    fn nul_lists() {
        let got: Vec<String> = nul_separated(b"a.md\0dir/b c.md\0").collect();
        assert_eq!(got, ["a.md", "dir/b c.md"]);
    }
}

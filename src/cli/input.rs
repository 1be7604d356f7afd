//! Turning command-line paths into drafts to read, with clear errors.
//!
//! Directories are walked recursively with the `ignore` crate: `.gitignore`,
//! `.ignore` and git's exclude files are honoured (inside a git repository or
//! not), hidden files and `node_modules` are skipped, and by default only
//! Markdown and text files are read. [`Selection`] carries the include and
//! exclude globs from `--include`/`--exclude`; the `[files]` `include` and
//! `skip` globs of the copydesk.toml that governs each walked file apply too
//! ([`HouseFiles`]). The list of drafts comes back sorted by path within each
//! directory, so output order never depends on thread timing.

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// A draft to check: its name for reports and where its text comes from.
pub struct Draft {
    /// The path exactly as given (or found under a given directory).
    pub name: String,
    source: Source,
}

enum Source {
    File(PathBuf),
    /// Standard input, already read (or the message saying why it could not be).
    Text(Result<String, String>),
}

impl Draft {
    /// The draft's text, or a message saying what went wrong and what to do.
    /// Reading happens here, so it can run on worker threads.
    #[cfg(test)]
    pub fn load(&self) -> Result<String, String> {
        let mut text = String::new();
        self.load_into(&mut text).map(|()| text)
    }

    /// The draft's text in `buf` (its old contents replaced, its memory
    /// reused: a directory run reads thousands of drafts), or what
    /// [`Draft::load`] would say went wrong.
    pub fn load_into(&self, buf: &mut String) -> Result<(), String> {
        match &self.source {
            Source::File(path) => read_file_into(path, &self.name, buf),
            Source::Text(t) => {
                buf.clear();
                buf.push_str(t.as_ref().map_err(Clone::clone)?);
                Ok(())
            }
        }
    }

    /// Read from a file (not standard input).
    pub fn is_file(&self) -> bool {
        matches!(self.source, Source::File(_))
    }

    #[cfg(test)]
    fn path(&self) -> Option<&Path> {
        match &self.source {
            Source::File(p) => Some(p),
            Source::Text(_) => None,
        }
    }
}

/// Extensions read by default when walking a directory.
pub const DRAFT_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "txt", "text"];

/// Which files a directory walk (or a `--changed-since` list) keeps.
///
/// Globs use gitignore-like conventions: a glob without `/` is matched
/// against the file name (`*.draft.md`, `CHANGELOG.md`); a glob with `/` is
/// matched against the path relative to the directory being walked (or to
/// the repository root for `--changed-since`), where `*` stops at `/` and
/// `**` crosses directories (`desk/**/*.md`). A leading `./` or `/` is
/// ignored.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// When not empty, replaces the default extensions.
    pub include: Vec<String>,
    /// Files and directories to leave out; also applies to files named on
    /// the command line.
    pub exclude: Vec<String>,
}

/// Compiled [`Selection`].
pub struct Matcher {
    include: Option<Globs>,
    /// Shared with the walker's directory filter, which must be `'static`.
    exclude: Arc<Globs>,
}

struct Globs {
    by_name: GlobSet,
    by_path: GlobSet,
}

impl Globs {
    fn new(globs: &[String]) -> Result<Globs, String> {
        let mut by_name = GlobSetBuilder::new();
        let mut by_path = GlobSetBuilder::new();
        for g in globs {
            let trimmed = g.trim_start_matches("./").trim_start_matches('/');
            let compiled: Glob = GlobBuilder::new(trimmed)
                .literal_separator(true)
                .backslash_escape(true)
                .build()
                .map_err(|e| {
                    format!("`{g}` is not a valid glob ({e}); write e.g. `*.md` or `desk/**/*.txt`")
                })?;
            if trimmed.contains('/') {
                by_path.add(compiled);
            } else {
                by_name.add(compiled);
            }
        }
        let build = |b: GlobSetBuilder| b.build().map_err(|e| format!("invalid glob: {e}"));
        Ok(Globs {
            by_name: build(by_name)?,
            by_path: build(by_path)?,
        })
    }

    fn is_match(&self, rel: &Path) -> bool {
        let name_hit = rel
            .file_name()
            .is_some_and(|n| self.by_name.is_match(Path::new(n)));
        name_hit || self.by_path.is_match(rel)
    }
}

impl Matcher {
    pub fn new(sel: &Selection) -> Result<Matcher, String> {
        Ok(Matcher {
            include: if sel.include.is_empty() {
                None
            } else {
                Some(Globs::new(&sel.include)?)
            },
            exclude: Arc::new(Globs::new(&sel.exclude)?),
        })
    }

    /// Whether a file at `rel` (relative to the walk's root) is a draft to read.
    pub fn wants_file(&self, rel: &Path) -> bool {
        if self.exclude.is_match(rel) {
            return false;
        }
        match &self.include {
            Some(inc) => inc.is_match(rel),
            None => has_draft_extension(rel),
        }
    }

    /// Whether a file found walking a directory is a draft to read: the
    /// command-line globs first (`--include` replaces the house `include`),
    /// then the `[files]` globs of the copydesk.toml that governs it.
    fn wants_walked_file(&self, rel: &Path, path: &Path, house: &mut HouseFiles) -> bool {
        if self.exclude.is_match(rel) {
            return false;
        }
        let (abs, sel) = house.for_file(path);
        if sel.as_ref().is_some_and(|h| h.skips(&abs)) {
            return false;
        }
        match (&self.include, sel.as_ref()) {
            (Some(inc), _) => inc.is_match(rel),
            (None, Some(h)) if h.include.is_some() => match (&h.include, h.rel(&abs)) {
                (Some(inc), Some(hrel)) => inc.is_match(hrel),
                _ => has_draft_extension(rel),
            },
            _ => has_draft_extension(rel),
        }
    }

    /// Whether a file named explicitly on the command line is excluded.
    pub fn excludes(&self, given: &Path) -> bool {
        self.exclude.is_match(&normalise(given))
    }
}

/// The `[files]` globs of one copydesk.toml, matched against paths relative
/// to the folder holding it.
struct HouseSelection {
    root: PathBuf,
    walk_root: PathBuf,
    include: Option<Globs>,
    skip: Globs,
}

impl HouseSelection {
    /// `None`: no usable `[files]` globs (no file, or a broken one, which the
    /// check itself reports).
    fn load(config: &Path, walk_root: &Path) -> Option<HouseSelection> {
        let (cfg, _) = copydesk::house::load_file(config).ok()?;
        if cfg.include.is_empty() && cfg.skip.is_empty() {
            return None;
        }
        let compile = |key: &str, globs: &[String]| match Globs::new(globs) {
            Ok(g) => Some(g),
            Err(e) => {
                eprintln!(
                    "copydesk: warning: {}: files.{key}: {e}; ignored",
                    config.display()
                );
                None
            }
        };
        let include = if cfg.include.is_empty() {
            None
        } else {
            Some(compile("include", &cfg.include)?)
        };
        let skip = compile("skip", &cfg.skip)?;
        Some(HouseSelection {
            root: config.parent().unwrap_or(walk_root).to_path_buf(),
            walk_root: walk_root.to_path_buf(),
            include,
            skip,
        })
    }

    /// `abs` relative to the config's folder; for a user-level file (not
    /// above the draft), relative to the walked folder.
    fn rel<'p>(&self, abs: &'p Path) -> Option<&'p Path> {
        abs.strip_prefix(&self.root)
            .or_else(|_| abs.strip_prefix(&self.walk_root))
            .ok()
    }

    /// Is the file, or a folder it sits in, skipped?
    fn skips(&self, abs: &Path) -> bool {
        self.rel(abs).is_some_and(|rel| {
            rel.ancestors()
                .filter(|a| !a.as_os_str().is_empty())
                .any(|a| self.skip.is_match(a))
        })
    }
}

/// The copydesk.toml `[files]` selection for each walked folder, looked up
/// once per folder and parsed once per config file.
pub struct HouseFiles {
    walk_root: PathBuf,
    by_dir: HashMap<PathBuf, (PathBuf, Option<Arc<HouseSelection>>)>,
    by_config: HashMap<PathBuf, Option<Arc<HouseSelection>>>,
}

impl HouseFiles {
    fn new(walk_root: &Path) -> HouseFiles {
        HouseFiles {
            walk_root: std::fs::canonicalize(walk_root).unwrap_or_else(|_| walk_root.into()),
            by_dir: HashMap::new(),
            by_config: HashMap::new(),
        }
    }

    /// The file's absolute path and the selection that governs it.
    fn for_file(&mut self, path: &Path) -> (PathBuf, Option<Arc<HouseSelection>>) {
        let dir = path.parent().unwrap_or(Path::new("."));
        let name = path.file_name().unwrap_or_default();
        if !self.by_dir.contains_key(dir) {
            let abs_dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
            let sel = copydesk::house::discover(&abs_dir).and_then(|config| {
                let walk_root = &self.walk_root;
                self.by_config
                    .entry(config.clone())
                    .or_insert_with(|| HouseSelection::load(&config, walk_root).map(Arc::new))
                    .clone()
            });
            self.by_dir.insert(dir.to_path_buf(), (abs_dir, sel));
        }
        let (abs_dir, sel) = &self.by_dir[dir];
        (abs_dir.join(name), sel.clone())
    }
}

fn has_draft_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DRAFT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// `./a/../b/c.md` → `b/c.md`, lexically (for glob matching only).
fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
        }
    }
    out
}

/// What to read, from the command line.
pub struct Request<'a> {
    pub paths: &'a [String],
    pub stdin: bool,
    pub stdin_name: Option<&'a str>,
    pub selection: &'a Selection,
    /// Only drafts changed since this git revision.
    pub changed_since: Option<&'a str>,
}

/// Expands paths into drafts. Problems with single paths are reported on
/// stderr and flagged in the returned bool (the run goes on and exits 2);
/// `Err` is a usage error that stops the run.
pub fn collect(req: &Request) -> Result<(Vec<Draft>, bool), String> {
    let matcher = Matcher::new(req.selection)?;
    let mut drafts = Vec::new();
    let mut had_error = false;
    let wants_stdin = req.stdin || req.paths.iter().any(|p| p == "-");
    if let Some(rev) = req.changed_since {
        let files = super::git::changed_drafts(rev, req.paths, &matcher)?;
        if files.is_empty() {
            eprintln!("copydesk: no drafts changed since `{rev}`");
        }
        drafts.extend(files.into_iter().map(|(name, path)| Draft {
            name,
            source: Source::File(path),
        }));
    } else {
        let mut names = HashSet::new();
        for p in req.paths {
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
                    let found = walk(path, &matcher, &mut had_error);
                    if found.is_empty() {
                        had_error = true;
                        eprintln!(
                            "copydesk: `{p}` holds no drafts (files ending in .md, .markdown or .txt, not ignored); name the files to check"
                        );
                    }
                    for f in found {
                        let name = f.display().to_string();
                        if names.insert(name.clone()) {
                            drafts.push(Draft {
                                name,
                                source: Source::File(f),
                            });
                        }
                    }
                }
                Ok(_) => {
                    if !matcher.excludes(path) && names.insert(p.clone()) {
                        drafts.push(Draft {
                            name: p.clone(),
                            source: Source::File(path.to_path_buf()),
                        });
                    }
                }
            }
        }
    }
    if wants_stdin {
        let mut buf = Vec::new();
        let name = req.stdin_name.unwrap_or("<stdin>").to_string();
        let text = match std::io::stdin().read_to_end(&mut buf) {
            Ok(_) => decode(buf, &name),
            Err(e) => Err(format!("cannot read standard input: {e}")),
        };
        drafts.push(Draft {
            name,
            source: Source::Text(text),
        });
    }
    Ok((drafts, had_error))
}

/// The drafts under `dir`, sorted by path (component by component).
pub fn walk(dir: &Path, matcher: &Matcher, had_error: &mut bool) -> Vec<PathBuf> {
    let root = dir.to_path_buf();
    let filter_root = root.clone();
    let excluded = Arc::clone(&matcher.exclude);
    let mut builder = ignore::WalkBuilder::new(dir);
    builder
        .hidden(true)
        .git_ignore(true)
        .git_global(true)
        .git_exclude(true)
        .ignore(true)
        .parents(true)
        .require_git(false)
        .follow_links(true)
        .filter_entry(move |e| {
            if e.depth() == 0 || !e.file_type().is_some_and(|t| t.is_dir()) {
                return true;
            }
            if e.file_name() == "node_modules" {
                return false;
            }
            let rel = e.path().strip_prefix(&filter_root).unwrap_or(e.path());
            !excluded.is_match(rel)
        });
    let mut out = Vec::new();
    let mut house = HouseFiles::new(dir);
    for entry in builder.build() {
        match entry {
            Ok(e) => {
                if !e.file_type().is_some_and(|t| t.is_file() || t.is_symlink()) {
                    continue;
                }
                if e.file_type().is_some_and(|t| t.is_symlink()) && !e.path().is_file() {
                    continue;
                }
                let rel = e.path().strip_prefix(&root).unwrap_or(e.path());
                if matcher.wants_walked_file(rel, e.path(), &mut house) {
                    out.push(e.into_path());
                }
            }
            Err(err) => {
                if is_loop(&err) {
                    // A symlink back up the tree: every directory is visited once anyway.
                    continue;
                }
                *had_error = true;
                eprintln!("copydesk: while reading `{}`: {err}", dir.display());
            }
        }
    }
    out.sort();
    out
}

fn is_loop(err: &ignore::Error) -> bool {
    match err {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

/// Reads a draft into `buf`, reusing its memory.
fn read_file_into(path: &Path, shown: &str, buf: &mut String) -> Result<(), String> {
    let mut bytes = std::mem::take(buf).into_bytes();
    bytes.clear();
    // Room for a long story in one read.
    bytes.reserve(64 << 10);
    // Through `take`, read_to_end skips the file's size query (a statx and
    // an lseek per draft): the reused buffer already has room for most.
    let read = std::fs::File::open(path).and_then(|f| f.take(u64::MAX).read_to_end(&mut bytes));
    let result = match read {
        Ok(_) => match String::from_utf8(bytes) {
            Ok(text) => {
                *buf = text;
                return Ok(());
            }
            Err(e) => {
                let msg = decode(e.as_bytes().to_vec(), shown).err();
                bytes = e.into_bytes();
                Err(msg.unwrap_or_default())
            }
        },
        Err(e) => Err(format!(
            "cannot read `{shown}`: {}; check the path and permissions",
            describe_io(&e)
        )),
    };
    bytes.clear();
    // Keep the memory for the next draft (empty is valid UTF-8).
    *buf = String::from_utf8(bytes).unwrap_or_default();
    result
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

pub fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(include: &[&str], exclude: &[&str]) -> Matcher {
        Matcher::new(&Selection {
            include: include.iter().map(|s| s.to_string()).collect(),
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
        })
        .unwrap()
    }

    #[test]
    fn globs_match_names_and_relative_paths() {
        let cases: &[(&[&str], &[&str], &str, bool)] = &[
            (&[], &[], "a.md", true),
            (&[], &[], "deep/b.TXT", true),
            (&[], &[], "c.json", false),
            (&[], &["*.draft.md"], "desk/x.draft.md", false),
            (&[], &["*.draft.md"], "desk/x.md", true),
            (&[], &["archive/**"], "archive/2019/x.md", false),
            (&[], &["archive/**"], "desk/archive.md", true),
            (&[], &["./notes/*.md"], "notes/a.md", false),
            (&[], &["notes/*.md"], "notes/deeper/a.md", true),
            (&["*.rst"], &[], "a.rst", true),
            (&["*.rst"], &[], "a.md", false),
            (&["desk/**/*.md"], &[], "desk/a/b/c.md", true),
            (&["desk/**/*.md"], &[], "other/c.md", false),
            (&["*.md"], &["README.md"], "sub/README.md", false),
        ];
        for (inc, exc, path, want) in cases {
            assert_eq!(
                sel(inc, exc).wants_file(Path::new(path)),
                *want,
                "{inc:?} {exc:?} {path}"
            );
        }
    }

    #[test]
    fn bad_glob_is_a_usage_error() {
        let err = Matcher::new(&Selection {
            include: vec!["desk/[".into()],
            exclude: vec![],
        })
        .err()
        .unwrap();
        assert!(err.contains("desk/["), "{err}");
    }

    #[test]
    fn explicit_files_honour_excludes_after_normalising() {
        let m = sel(&[], &["drafts/old/*.md"]);
        assert!(m.excludes(Path::new("./drafts/old/a.md")));
        assert!(!m.excludes(Path::new("drafts/new/a.md")));
    }

    #[test]
    fn walk_sorts_prunes_and_honours_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in [
            "b/z.md",
            "b/a.md",
            "a.txt",
            "skip/x.md",
            "ignored.md",
            "node_modules/m.md",
            ".hidden/h.md",
            "keep.json",
        ] {
            let p = d.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "Text.\n").unwrap();
        }
        std::fs::write(d.join(".gitignore"), "ignored.md\n").unwrap();
        let mut err = false;
        let found = walk(d, &sel(&[], &["skip"]), &mut err);
        let rel: Vec<String> = found
            .iter()
            .map(|p| p.strip_prefix(d).unwrap().display().to_string())
            .collect();
        assert!(!err);
        assert_eq!(rel, ["a.txt", "b/a.md", "b/z.md"]);
    }

    #[test]
    fn stdin_and_files_load_lazily() {
        let d = Draft {
            name: "x".into(),
            source: Source::Text(Ok("hi".into())),
        };
        assert_eq!(d.load().unwrap(), "hi");
        assert!(d.path().is_none());
        let d = Draft {
            name: "missing.md".into(),
            source: Source::File(PathBuf::from("/no/such/dir/missing.md")),
        };
        assert!(d.load().unwrap_err().contains("no such file"));
    }
}

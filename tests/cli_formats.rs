//! Output formats (`github`, `sarif`, `--summary`) and directory runs
//! (order, ignores, globs, bad files, `--changed-since`), through the real
//! binary on invented drafts written to temporary directories.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn copydesk_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        // Keep a developer's own git configuration out of the runs.
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("binary runs")
}

fn write(dir: &Path, rel: &str, text: impl AsRef<[u8]>) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is JSON"))
        .collect()
}

/// Paths of the JSON findings, each once, in output order.
fn paths_in_order(out: &Output) -> Vec<String> {
    let mut paths: Vec<String> = Vec::new();
    for r in json_lines(out) {
        let p = r["path"].as_str().unwrap().to_string();
        if paths.last() != Some(&p) {
            assert!(!paths.contains(&p), "{p} appears in two runs of lines");
            paths.push(p);
        }
    }
    paths
}

/// A short invented draft that always draws a finding (a bare quotation).
fn flagged(i: usize) -> String {
    format!("# Item {i}\n\n\"Number {i} was the loudest of the lot.\"\n")
}

/// Invented drafts: a bare quote, a vague source, an unresolvable relative
/// date, and a dated draft whose relative date resolves.
fn formats_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "drafts/desk/ferry.md",
        "# Ferry notes\n\n\"The last boat leaves too early for shift workers.\"\n\nCritics say the new toll is too high.\n",
    );
    write(
        d,
        "drafts/odd, name: 50%.txt",
        "Lanz said the mill closed yesterday.\n",
    );
    write(
        d,
        "drafts/dated.md",
        "---\ndate: 2026-03-12\n---\n\nThe harbor master, Ida Lanz, said yesterday that the pier would reopen on May 4.\n",
    );
    dir
}

#[test]
fn github_annotations() {
    let dir = formats_tree();
    write(dir.path(), "drafts/latin1.txt", b"Caf\xe9 au lait.\n");
    let out = copydesk_in(dir.path(), &["check", "--format", "github", "drafts"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    insta::assert_snapshot!(stdout(&out));
    assert!(stderr(&out).contains("latin1.txt"), "{}", stderr(&out));
}

#[test]
fn github_positions_match_the_json_output() {
    let dir = formats_tree();
    let gh = copydesk_in(dir.path(), &["check", "--format", "github", "drafts"]);
    let js = copydesk_in(dir.path(), &["check", "--format", "json", "drafts"]);
    let rows = json_lines(&js);
    let lines: Vec<&str> = std::str::from_utf8(&gh.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), rows.len());
    for (line, r) in lines.iter().zip(&rows) {
        let props = format!(
            "line={},col={},endLine={},endColumn={},title={}::",
            r["line"],
            r["column"],
            r["end_line"],
            r["end_column"],
            r["code"].as_str().unwrap()
        );
        assert!(line.contains(&props), "{line} vs {r}");
        let command = match r["severity"].as_str().unwrap() {
            "error" => "::error ",
            "warning" => "::warning ",
            _ => "::notice ",
        };
        assert!(line.starts_with(command), "{line} vs {r}");
    }
}

/// The SARIF log with what depends on the machine or the version replaced.
fn stable_sarif(out: &Output) -> Value {
    let mut v: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let driver = &mut v["runs"][0]["tool"]["driver"];
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    driver["version"] = "[version]".into();
    driver["semanticVersion"] = "[version]".into();
    driver["fullName"] = "copydesk [version]".into();
    let root = &mut v["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
    assert!(root.as_str().unwrap().starts_with("file:///"), "{root}");
    assert!(root.as_str().unwrap().ends_with('/'), "{root}");
    *root = "file:///[cwd]/".into();
    v
}

#[test]
fn sarif_log() {
    let dir = formats_tree();
    // Undated drafts get a fix naming today's date: keep to the dated one here.
    let out = copydesk_in(
        dir.path(),
        &[
            "check",
            "--format",
            "sarif",
            "drafts/dated.md",
            "drafts/desk/ferry.md",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    insta::assert_json_snapshot!(stable_sarif(&out));
}

#[test]
fn sarif_rules_results_and_regions_agree_with_the_json_output() {
    let dir = formats_tree();
    let sarif = copydesk_in(dir.path(), &["check", "--format", "sarif", "drafts"]);
    let js = copydesk_in(dir.path(), &["check", "--format", "json", "drafts"]);
    let v: Value = serde_json::from_slice(&sarif.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let codes = [
        "unattributed-claim",
        "vague-attribution",
        "unattributed-quote",
        "undated-event",
        "relative-date",
        "missing-comment-response",
    ];
    // Every contract code has a rule (more codes may follow).
    for code in codes {
        assert!(rules.iter().any(|r| r["id"] == code), "no rule for {code}");
    }
    for rule in rules {
        let code = rule["id"].as_str().unwrap();
        assert_eq!(
            rule["helpUri"],
            format!("https://github.com/copydesk/copydesk#{code}")
        );
        assert!(!rule["help"]["text"].as_str().unwrap().is_empty());
    }
    let results = run["results"].as_array().unwrap();
    let rows = json_lines(&js);
    assert_eq!(results.len(), rows.len());
    for (res, row) in results.iter().zip(&rows) {
        let idx = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], res["ruleId"]);
        assert_eq!(res["ruleId"], row["code"]);
        let loc = &res["locations"][0]["physicalLocation"];
        let path = row["path"].as_str().unwrap();
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert_eq!(
            uri,
            path.replace(',', "%2C")
                .replace(':', "%3A")
                .replace(' ', "%20")
                .replace("%.", "%25.")
        );
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let region = &loc["region"];
        assert_eq!(region["startLine"], row["line"]);
        assert_eq!(region["startColumn"], row["column"]);
        assert_eq!(region["endLine"], row["end_line"]);
        assert_eq!(region["endColumn"], row["end_column"]);
        assert_eq!(region["byteOffset"], row["span"]["start"]);
        let len = row["span"]["end"].as_u64().unwrap() - row["span"]["start"].as_u64().unwrap();
        assert_eq!(region["byteLength"], len);
        let level = match row["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "note",
        };
        assert_eq!(res["level"], level);
    }
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    assert_eq!(invocation["exitCode"], 1);
}

#[test]
fn sarif_reports_unreadable_files_as_notifications() {
    let dir = formats_tree();
    write(dir.path(), "drafts/latin1.txt", b"Caf\xe9 au lait.\n");
    let out = copydesk_in(dir.path(), &["check", "--format", "sarif", "drafts"]);
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let invocation = &v["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(invocation["exitCode"], 2);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["level"], "error");
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "drafts/latin1.txt"
    );
    assert!(notes[0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("not valid UTF-8"));
    assert!(!v["runs"][0]["results"].as_array().unwrap().is_empty());
}

#[test]
fn sarif_with_nothing_found_is_still_a_log() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "calm.md", "The pier is 40 feet long.\n");
    let out = copydesk_in(dir.path(), &["check", "--format", "sarif", "calm.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn summary_table_follows_human_output_and_goes_to_stderr_otherwise() {
    let dir = formats_tree();
    let out = copydesk_in(dir.path(), &["check", "--summary", "drafts"]);
    let s = stdout(&out);
    let table_at = s.find("\ncode ").expect("table after the findings");
    assert!(s[..table_at].contains("Found "), "{s}");
    let table = &s[table_at + 1..];
    let row = |name: &str| -> Vec<String> {
        table
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("no {name} row in\n{table}"))
            .split_whitespace()
            .skip(1)
            .map(String::from)
            .collect()
    };
    let rows = json_lines(&copydesk_in(
        dir.path(),
        &["check", "--format", "json", "drafts"],
    ));
    let count = |code: &str, sev: &str| {
        rows.iter()
            .filter(|r| r["code"] == code && (sev.is_empty() || r["severity"] == sev))
            .count()
            .to_string()
    };
    assert_eq!(
        row("unattributed-quote"),
        [
            count("unattributed-quote", "error"),
            count("unattributed-quote", "warning"),
            count("unattributed-quote", "info"),
            count("unattributed-quote", "hint"),
            count("unattributed-quote", ""),
        ]
    );
    assert_eq!(row("total").last().unwrap(), &rows.len().to_string());
    assert!(table.contains("3 drafts checked"), "{table}");

    let out = copydesk_in(
        dir.path(),
        &["check", "--format", "json", "--summary", "drafts"],
    );
    assert_eq!(
        json_lines(&out).len(),
        rows.len(),
        "stdout stays JSON Lines"
    );
    assert!(stderr(&out).contains("total"), "{}", stderr(&out));
}

#[test]
fn directory_runs_are_sorted_and_repeatable() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let names = [
        "zeta.md",
        "a-b/one.md",
        "a/b.md",
        "a/c/d.txt",
        "B.md",
        "m/n/o/p.markdown",
        "m/n.md",
    ];
    let mut extra: Vec<String> = (0..40).map(|i| format!("many/{:02}.md", 39 - i)).collect();
    extra.extend(names.iter().map(|s| s.to_string()));
    for (i, n) in extra.iter().enumerate() {
        write(d, &format!("arch/{n}"), flagged(i));
    }
    // Sorted component by component (`a/b.md` before `a-b/one.md`).
    let mut expected: Vec<std::path::PathBuf> =
        extra.iter().map(|n| Path::new("arch").join(n)).collect();
    expected.sort();
    let expected: Vec<String> = expected.iter().map(|p| p.display().to_string()).collect();
    assert!(
        expected.iter().position(|p| p == "arch/a/b.md")
            < expected.iter().position(|p| p == "arch/a-b/one.md")
    );
    let first = copydesk_in(d, &["check", "--format", "json", "-j", "2", "arch"]);
    assert_eq!(paths_in_order(&first), expected);
    assert_eq!(
        stderr(&first),
        "",
        "no progress bar when stderr is not a terminal"
    );
    for _ in 0..3 {
        let again = copydesk_in(d, &["check", "--format", "json", "arch"]);
        assert_eq!(again.stdout, first.stdout);
    }
    // Explicit paths keep the order given; a file given twice is checked once.
    let out = copydesk_in(
        d,
        &[
            "check",
            "--format",
            "json",
            "arch/zeta.md",
            "arch/B.md",
            "arch/zeta.md",
        ],
    );
    assert_eq!(paths_in_order(&out), ["arch/zeta.md", "arch/B.md"]);
}

#[test]
fn directory_runs_honour_gitignore_outside_a_repository() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for n in [
        "desk/kept.md",
        "desk/private/secret.md",
        "desk/old.bak.md",
        "desk/sub/kept2.txt",
        "desk/sub/local-only.md",
        "desk/.obsidian/cache.md",
        "desk/node_modules/pkg/readme.md",
        "desk/notes.json",
    ] {
        write(d, n, flagged(1));
    }
    write(d, "desk/.gitignore", "private/\n*.bak.md\n");
    write(d, "desk/sub/.gitignore", "local-only.md\n");
    let out = copydesk_in(d, &["check", "--format", "json", "desk"]);
    assert_eq!(
        paths_in_order(&out),
        ["desk/kept.md", "desk/sub/kept2.txt"],
        "{}",
        stderr(&out)
    );
    // A file named on the command line is read even when ignored.
    let out = copydesk_in(d, &["check", "--format", "json", "desk/private/secret.md"]);
    assert_eq!(paths_in_order(&out), ["desk/private/secret.md"]);
}

#[test]
fn one_bad_file_does_not_stop_a_directory_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "in/a.md", flagged(1));
    write(d, "in/b.md", b"\"Bad bytes \xff\xfe here.\"\n");
    write(d, "in/c.md", flagged(3));
    for fail_on in ["error", "never"] {
        let out = copydesk_in(
            d,
            &["check", "--format", "json", "--fail-on", fail_on, "in"],
        );
        assert_eq!(out.status.code(), Some(2), "--fail-on {fail_on}");
        assert_eq!(paths_in_order(&out), ["in/a.md", "in/c.md"]);
        let err = stderr(&out);
        assert!(
            err.contains("in/b.md") && err.contains("not valid UTF-8"),
            "{err}"
        );
    }
    let out = copydesk_in(d, &["check", "in"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("in/c.md"), "{}", stdout(&out));
}

#[test]
fn include_and_exclude_globs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for n in [
        "desk/a.md",
        "desk/b.draft.md",
        "desk/archive/2019/old.md",
        "desk/c.rst",
        "desk/deep/d.rst",
    ] {
        write(d, n, flagged(2));
    }
    let run = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        paths_in_order(&copydesk_in(d, &all))
    };
    assert_eq!(
        run(&["--exclude", "*.draft.md", "--exclude", "archive/**", "desk"]),
        ["desk/a.md"]
    );
    assert_eq!(
        run(&["--exclude", "archive", "desk"]),
        ["desk/a.md", "desk/b.draft.md"]
    );
    assert_eq!(
        run(&["--include", "*.rst", "desk"]),
        ["desk/c.rst", "desk/deep/d.rst"]
    );
    assert_eq!(
        run(&["--include", "deep/*.rst", "desk"]),
        ["desk/deep/d.rst"]
    );
    // Excludes apply to files named on the command line too.
    assert_eq!(
        run(&["--exclude", "*.draft.md", "desk/a.md", "desk/b.draft.md"]),
        ["desk/a.md"]
    );
    let bad = copydesk_in(d, &["check", "--include", "desk/[", "desk"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("not a valid glob"),
        "{}",
        stderr(&bad)
    );
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=Test Desk",
            "-c",
            "user.email=desk@example.invalid",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn changed_since_checks_only_changed_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "desk/a.md", flagged(1));
    write(d, "desk/b.md", flagged(2));
    write(d, "desk/gone.md", flagged(3));
    write(d, "other/e.md", flagged(4));
    write(d, ".gitignore", "scratch.md\n");
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    git(d, &["checkout", "-q", "-b", "feature"]);
    write(d, "desk/b.md", flagged(20));
    write(d, "other/e.md", flagged(40));
    git(d, &["commit", "-q", "-am", "edit b and e"]);
    write(d, "desk/new.md", flagged(5)); // untracked, not ignored
    write(d, "desk/scratch.md", flagged(6)); // ignored
    write(d, "desk/data.json", "{}"); // not a draft
    std::fs::remove_file(d.join("desk/gone.md")).unwrap(); // deleted
    let out = copydesk_in(d, &["check", "--format", "json", "--changed-since", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        paths_in_order(&out),
        ["desk/b.md", "desk/new.md", "other/e.md"]
    );
    // Restricted to a path, and run from a subdirectory.
    let out = copydesk_in(
        &d.join("desk"),
        &["check", "--format", "json", "--changed-since", "main", "."],
    );
    assert_eq!(paths_in_order(&out), ["b.md", "new.md"], "{}", stderr(&out));
    let out = copydesk_in(
        &d.join("desk"),
        &[
            "check",
            "--format",
            "json",
            "--changed-since",
            "main",
            "../other",
        ],
    );
    assert_eq!(paths_in_order(&out), ["../other/e.md"], "{}", stderr(&out));
    // Nothing changed: not an error.
    let out = copydesk_in(d, &["check", "--changed-since", "HEAD", "other"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no drafts changed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn changed_since_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.md", flagged(1));
    let not_repo = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--changed-since", "main", "."])
        .current_dir(d)
        .env("GIT_CEILING_DIRECTORIES", d.parent().unwrap())
        .output()
        .unwrap();
    assert_eq!(not_repo.status.code(), Some(2));
    assert!(
        stderr(&not_repo).contains("needs a git repository"),
        "{}",
        stderr(&not_repo)
    );
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    for rev in ["no-such-branch", "--output=x"] {
        let arg = format!("--changed-since={rev}");
        let out = copydesk_in(d, &["check", &arg]);
        assert_eq!(out.status.code(), Some(2), "{rev}");
        assert!(
            stderr(&out).contains("not a known revision"),
            "{rev}: {}",
            stderr(&out)
        );
    }
    assert!(!d.join("x").exists());
}

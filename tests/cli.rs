//! Runs the real `copydesk` binary: check, inspect, exit codes, bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn copydesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("binary runs")
}

fn copydesk_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is JSON"))
        .collect()
}

#[test]
fn check_json_follows_the_contract() {
    let out = copydesk(&["check", "--format", "json", "tests/fixtures/quotes.md"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "an error-level finding fails the run"
    );
    let rows = json_lines(&out);
    assert!(!rows.is_empty());
    let text = std::fs::read_to_string("tests/fixtures/quotes.md").unwrap();
    for r in &rows {
        assert_eq!(r["path"], "tests/fixtures/quotes.md");
        for key in [
            "code",
            "severity",
            "message",
            "span",
            "line",
            "column",
            "end_line",
            "end_column",
        ] {
            assert!(r.get(key).is_some(), "missing {key} in {r}");
        }
        let (s, e) = (
            r["span"]["start"].as_u64().unwrap() as usize,
            r["span"]["end"].as_u64().unwrap() as usize,
        );
        assert!(s < e && e <= text.len());
        let line = text[..s].matches('\n').count() + 1;
        assert_eq!(r["line"].as_u64().unwrap() as usize, line);
    }
    let quote = rows
        .iter()
        .find(|r| r["code"] == "unattributed-quote")
        .expect("bare quote flagged");
    let s = quote["span"]["start"].as_u64().unwrap() as usize;
    assert!(text[s..].starts_with("\"We cannot keep patching"));
    // The attributed quote is left alone.
    let attributed = text.find("\"It took a decade").unwrap();
    assert!(!rows.iter().any(|r| r["code"] == "unattributed-quote"
        && r["span"]["start"].as_u64().unwrap() as usize == attributed));
}

#[test]
fn fail_on_controls_the_exit_status() {
    let never = copydesk(&["check", "--fail-on", "never", "tests/fixtures/quotes.md"]);
    assert_eq!(never.status.code(), Some(0));
    let clean = copydesk_stdin(
        &["check", "--stdin", "--stdin-filename", "x.md"],
        b"The board meets on April 2.\n",
    );
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stdout)
    );
}

#[test]
fn human_output_points_at_the_line() {
    let out = copydesk(&["check", "tests/fixtures/quotes.md"]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("tests/fixtures/quotes.md:7:1"), "{s}");
    assert!(s.contains("error[unattributed-quote]"), "{s}");
}

#[test]
fn invalid_utf8_is_a_clear_error_and_other_files_still_run() {
    let out = copydesk(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/latin1.txt",
        "tests/fixtures/quotes.md",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("latin1.txt")
            && err.contains("not valid UTF-8")
            && err.contains("save it as UTF-8"),
        "{err}"
    );
    assert!(json_lines(&out)
        .iter()
        .any(|r| r["path"] == "tests/fixtures/quotes.md"));
}

#[test]
fn missing_file_and_empty_directory_exit_2() {
    let out = copydesk(&["check", "no/such/draft.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/draft.md"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.json"), "{}").unwrap();
    let out = copydesk(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds no drafts"));
}

#[test]
fn bad_arguments_exit_2_with_a_hint() {
    let out = copydesk(&["check", "--date", "March 3", "tests/fixtures/quotes.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
    let out = copydesk(&["check", "--format", "xml", "x.md"]);
    assert_eq!(out.status.code(), Some(2));
    let out = copydesk(&["check"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn directories_are_walked_in_a_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("b")).unwrap();
    std::fs::write(
        dir.path().join("b/two.md"),
        "\"A quote standing alone here.\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "\"Another quote with no speaker.\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("skip.json"), "{}").unwrap();
    let out = copydesk(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let paths: Vec<String> = json_lines(&out)
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(
        paths[0].ends_with("a.txt") && paths[1].ends_with("two.md"),
        "{paths:?}"
    );
}

#[test]
fn inspect_reports_the_model() {
    let out = copydesk(&["inspect", "--format", "json", "tests/fixtures/quotes.md"]);
    assert_eq!(out.status.code(), Some(0));
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(r["date"], "2026-02-10");
    for key in [
        "sentences",
        "claims",
        "actors",
        "attributions",
        "temporals",
        "responses",
    ] {
        assert!(r[key].is_array(), "{key} in {r}");
    }
    assert!(!r["sentences"].as_array().unwrap().is_empty());
}

#[test]
fn date_option_sets_the_reference_date() {
    let out = copydesk_stdin(
        &[
            "inspect",
            "-",
            "--stdin-filename",
            "d.md",
            "--date",
            "2025-01-31",
        ],
        b"It rained.\n",
    );
    let rows = json_lines(&out);
    assert_eq!(rows[0]["date"], "2025-01-31");
    assert_eq!(rows[0]["path"], "d.md");
}

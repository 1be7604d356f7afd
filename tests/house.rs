//! House rules through the CLI: discovery order, `copydesk config`, malformed
//! files, and the actors file's effect on findings.

use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    c.env("XDG_CONFIG_HOME", "/nonexistent-copydesk-xdg");
    c
}

fn write(p: &Path, text: &str) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const DRAFT: &str = "---\ndate: 2026-03-12\n---\n\nOrla Pennick, the harbor master, misled the council about the dredging bids, according to minutes released Tuesday by the port trust.\n";

#[test]
fn nearest_config_wins_then_user_level() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("copydesk.toml"),
        "[sources]\ntrusted = [\"outer\"]\n",
    );
    write(
        &root.join("a/copydesk.toml"),
        "[sources]\ntrusted = [\"inner\"]\n",
    );
    write(&root.join("a/b/d.md"), DRAFT);
    write(&root.join("c/d.md"), DRAFT);
    write(
        &root.join("xdg/copydesk/copydesk.toml"),
        "[sources]\ntrusted = [\"user\"]\n",
    );
    let cfg = |p: &Path, xdg: bool| {
        let mut c = bin();
        if xdg {
            c.env("XDG_CONFIG_HOME", root.join("xdg"));
        }
        String::from_utf8(c.arg("config").arg(p).output().unwrap().stdout).unwrap()
    };
    assert!(cfg(&root.join("a/b/d.md"), false).contains("[\"inner\"]"));
    assert!(cfg(&root.join("c/d.md"), false).contains("[\"outer\"]"));
    // No project file: the user-level file applies.
    let lone = tempfile::tempdir().unwrap();
    write(&lone.path().join("d.md"), DRAFT);
    assert!(cfg(&lone.path().join("d.md"), true).contains("[\"user\"]"));
    let none = cfg(&lone.path().join("d.md"), false);
    assert!(none.contains("none (built-in defaults)"), "{none}");
    assert!(none.contains("sources.trusted = []  # default"), "{none}");
}

#[test]
fn config_names_origins() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("copydesk.toml");
    write(&file, "[checks]\nrelative-date = \"info\"\n");
    let out = bin().arg("config").arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains(&format!(
            "checks.relative-date = \"info\"  # {}",
            file.display()
        )),
        "{s}"
    );
    assert!(s.contains("checks.undated-event = true  # default"), "{s}");
}

#[test]
fn bad_toml_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("copydesk.toml"), "[checks\n");
    write(&dir.path().join("d.md"), DRAFT);
    for args in [vec!["config"], vec!["check"]] {
        let out = bin()
            .args(&args)
            .arg(dir.path().join("d.md"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("copydesk.toml:1:"), "{err}");
    }
}

#[test]
fn unknown_keys_warn_but_check_runs() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("copydesk.toml"),
        "[checks]\nloudness = 3\n",
    );
    write(&dir.path().join("d.md"), DRAFT);
    let out = bin()
        .arg("check")
        .arg("--fail-on")
        .arg("never")
        .arg(dir.path().join("d.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("copydesk.toml:2:1: unknown key `checks.loudness`"),
        "{err}"
    );
}

fn comment_fixes(dir: &Path) -> (usize, Vec<String>) {
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(dir.join("d.md"))
        .output()
        .unwrap();
    let mut n = 0;
    let mut texts = Vec::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["code"] == "missing-comment-response" {
            n += 1;
            for f in v["fixes"].as_array().unwrap() {
                for e in f["edits"].as_array().unwrap() {
                    texts.push(e["text"].as_str().unwrap().trim().to_string());
                }
            }
        }
    }
    (n, texts)
}

#[test]
fn actors_file_changes_findings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("d.md"), DRAFT);
    let (n, texts) = comment_fixes(d);
    assert_eq!(n, 1);
    assert!(texts.contains(&"Pennick did not respond to a request for comment.".to_string()));

    write(
        &d.join("copydesk.toml"),
        "[files]\nactors = \"people.toml\"\n[comment]\nno_response = \"{Name} did not answer.\"\n",
    );
    write(
        &d.join("people.toml"),
        "[[actor]]\nname = \"Orla Pennick\"\n",
    );
    let (_, texts) = comment_fixes(d);
    assert!(
        texts.contains(&"Pennick did not answer.".to_string()),
        "{texts:?}"
    );

    write(
        &d.join("people.toml"),
        "[[actor]]\nname = \"Orla Pennick\"\n[[actor.outreach]]\nasked_on = 2026-03-10\noutcome = \"no-reply\"\n",
    );
    let (_, texts) = comment_fixes(d);
    assert!(
        texts.contains(
            &"Pennick did not respond to a request for comment sent Tuesday.".to_string()
        ),
        "{texts:?}"
    );

    write(
        &d.join("people.toml"),
        "[[actor]]\nname = \"Orla Pennick\"\n[[actor.outreach]]\nasked_on = 2026-03-10\noutcome = \"declined\"\n",
    );
    assert_eq!(comment_fixes(d).0, 0);
}

/// (code, line) of each finding `copydesk check --format json` reports for `draft`.
fn codes(draft: &Path) -> Vec<(String, u64)> {
    let out = bin()
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(draft)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["code"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn source_lists_change_findings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let draft = d.join("tolls.md");
    write(
        &draft,
        "---\ndate: 2026-03-12\n---\n\n\
         Brannock intimated that the toll keeper embezzled fares from the ferry fund.\n\n\
         The sluice book shows the toll keeper embezzled fares from the ferry fund.\n\n\
         Quay loafers said the toll keeper embezzled fares from the ferry fund.\n",
    );
    let before = codes(&draft);
    assert!(
        before.contains(&("unattributed-claim".into(), 5)),
        "{before:?}"
    );
    // Unsourced, or sourced vaguely: either way flagged before the house lists.
    assert!(before.iter().any(|(_, line)| *line == 7), "{before:?}");
    assert!(!before.iter().any(|(_, line)| *line == 9), "{before:?}");
    write(
        &d.join("copydesk.toml"),
        "[sources]\ntrusted = [\"the sluice book\"]\nvague = [\"quay loafers\"]\nattribution_verbs = [\"intimate\"]\n",
    );
    let after = codes(&draft);
    assert_eq!(after, vec![("vague-attribution".into(), 9)]);
}

/// The drafts `copydesk inspect` reads under `root` (relative, sorted).
fn inspected(root: &Path, extra: &[&str]) -> Vec<String> {
    let out = bin().arg("inspect").args(extra).arg(root).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut v: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let p = v["path"].as_str().unwrap().to_string();
            Path::new(&p)
                .strip_prefix(root)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    v.sort();
    v
}

#[test]
fn files_globs_select_walked_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("copydesk.toml"),
        "[files]\ninclude = [\"stories/**/*.md\", \"*.txt\"]\nskip = [\"notes\", \"stories/old/**\"]\n",
    );
    for f in [
        "stories/a.md",
        "stories/deep/b.md",
        "stories/old/c.md",
        "notes/d.md",
        "stories/notes/e.md",
        "f.txt",
        "g.md",
        "sub/h.md",
    ] {
        write(&root.join(f), "The ferry left at noon.\n");
    }
    // A nearer copydesk.toml without [files]: the default extensions apply there.
    write(
        &root.join("sub/copydesk.toml"),
        "[checks]\nrelative-date = false\n",
    );
    assert_eq!(
        inspected(root, &[]),
        ["f.txt", "stories/a.md", "stories/deep/b.md", "sub/h.md"]
    );
    // --include replaces the house include; the house skips still apply.
    assert_eq!(
        inspected(root, &["--include", "*.md"]),
        ["g.md", "stories/a.md", "stories/deep/b.md", "sub/h.md"]
    );
    // Walking a subfolder: globs stay relative to the config file's folder.
    assert_eq!(inspected(&root.join("stories"), &[]), ["a.md", "deep/b.md"]);
    // A file named on the command line is always read.
    let out = bin()
        .arg("inspect")
        .arg(root.join("notes/d.md"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn broken_config_skips_its_drafts_but_keeps_the_others_output() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("good/d.md"), DRAFT);
    write(&root.join("bad/d.md"), DRAFT);
    write(&root.join("bad/copydesk.toml"), "[sources\n");
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(root.join("good/d.md"))
        .arg(root.join("bad/d.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let good = root.join("good/d.md").display().to_string();
    assert!(
        stdout.lines().count() > 0 && stdout.lines().all(|l| l.contains(&good)),
        "{stdout}"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad/copydesk.toml:1:"), "{err}");
    assert!(err.contains("skipped"), "{err}");
    // Human output ends with its summary line too.
    let out = bin()
        .arg("check")
        .arg(root.join("good/d.md"))
        .arg(root.join("bad/d.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stdout).unwrap().contains("Found "));
}

/// The actors file decides who can answer for whom: the organisation an
/// accused person belongs to, their spokesperson, or the same person under an
/// alias.
#[test]
fn actors_file_affiliation_decides_who_answers() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let draft = "---\ndate: 2026-03-12\n---\n\nAdele Marrow, the depot manager, falsified the inspection logs, according to records released Tuesday.\n\nThe Fenwick Rail Board declined to comment.\n";
    write(&d.join("d.md"), draft);
    write(
        &d.join("copydesk.toml"),
        "[files]\nactors = \"people.toml\"\n",
    );
    let missing = |d: &Path| {
        codes(&d.join("d.md"))
            .iter()
            .filter(|(c, _)| c == "missing-comment-response")
            .count()
    };
    // Known to the file, but not affiliated: the board does not answer for her.
    write(
        &d.join("people.toml"),
        "[[actor]]\nname = \"Adele Marrow\"\n\n[[actor]]\nname = \"Fenwick Rail Board\"\nkind = \"organization\"\n",
    );
    assert_eq!(missing(d), 1);
    // Affiliated: the board's refusal covers her.
    write(
        &d.join("people.toml"),
        "[[actor]]\nname = \"Adele Marrow\"\naffiliation = \"Fenwick Rail Board\"\n\n[[actor]]\nname = \"Fenwick Rail Board\"\nkind = \"organization\"\n",
    );
    assert_eq!(missing(d), 0);
    // Her spokesperson answering covers her too.
    write(
        &d.join("d.md"),
        &draft.replace(
            "The Fenwick Rail Board declined to comment.",
            "Jonas Pell declined to comment.",
        ),
    );
    write(
        &d.join("people.toml"),
        "[[actor]]\nname = \"Adele Marrow\"\nspokesperson = \"Jonas Pell\"\n\n[[actor]]\nname = \"Jonas Pell\"\n",
    );
    assert_eq!(missing(d), 0);
}

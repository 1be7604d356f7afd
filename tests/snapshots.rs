//! Whole-draft snapshots: every finding copydesk reports on the example
//! drafts, one line each. Review changes with `cargo insta review`.

use copydesk::position::{Encoding, LineIndex};
use copydesk::{analyze, Format, Options};

fn render(path: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let mut opts = Options::new(Format::from_path(path));
    // A fixed "today" keeps fixes that insert today's date stable.
    opts.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let a = analyze(&text, &opts);
    let idx = LineIndex::new(&text);
    let mut out = String::new();
    for f in &a.findings {
        let (l, c) = idx.position(&text, f.span.start, Encoding::Chars);
        let excerpt: String = f.span.slice(&text).chars().take(60).collect();
        out.push_str(&format!(
            "{}:{} {} {} | {} | {}\n",
            l + 1,
            c + 1,
            f.severity.as_str(),
            f.code,
            excerpt.replace('\n', " "),
            f.message
        ));
        for fix in &f.fixes {
            out.push_str(&format!("    fix: {}\n", fix.title));
        }
    }
    out
}

#[test]
fn harbor_levy() {
    insta::assert_snapshot!(render("examples/harbor-levy.md"));
}

#[test]
fn unanchored_note() {
    insta::assert_snapshot!(render("examples/unanchored-note.txt"));
}

#[test]
fn clinic_records() {
    insta::assert_snapshot!(render("examples/clinic-records.md"));
}

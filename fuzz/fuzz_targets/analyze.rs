//! Arbitrary bytes, lossily decoded, analysed as Markdown and as plain text:
//! no panic, and every reported span lies on character boundaries inside the
//! text.
#![no_main]

use copydesk::{analyze, Format, Options};
use libfuzzer_sys::fuzz_target;

fn check_span(text: &str, s: copydesk::Span, what: &str) {
    assert!(s.start <= s.end, "{what}: reversed span {s:?}");
    assert!(s.end <= text.len(), "{what}: span {s:?} past end {}", text.len());
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what}: span {s:?} not on char boundaries"
    );
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut opts = Options::new(Format::Markdown);
    // A fixed "today" keeps runs reproducible.
    opts.today = chrono_today();
    for format in [Format::Markdown, Format::PlainText] {
        opts.format = format;
        let a = analyze(&text, &opts);
        assert_eq!(a.document.prose.len(), text.len());
        for s in &a.sentences {
            check_span(&text, s.span, "sentence");
        }
        for f in &a.findings {
            check_span(&text, f.span, "finding");
            for fix in &f.fixes {
                for e in &fix.edits {
                    check_span(&text, e.span, "fix edit");
                }
            }
            for r in &f.related {
                check_span(&text, r.span, "related");
            }
        }
        // The inspect view and the JSON output must serialise too.
        let _ = copydesk::inspect::to_json("fuzz.md", &a).to_string();
    }
});

fn chrono_today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 3, 14).unwrap()
}

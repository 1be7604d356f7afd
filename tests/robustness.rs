//! Any text, any bytes: analysis never panics and every span it reports lies
//! on character boundaries inside the text.

use copydesk::{analyze, Format, Options};
use proptest::prelude::*;

fn check_all(text: &str) {
    for format in [Format::Markdown, Format::PlainText] {
        let a = analyze(text, &Options::new(format));
        assert_eq!(a.document.prose.len(), text.len());
        for f in &a.findings {
            assert!(f.span.start <= f.span.end && f.span.end <= text.len());
            assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
            for fix in &f.fixes {
                for e in &fix.edits {
                    assert!(
                        text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end)
                    );
                }
            }
        }
    }
}

/// Pieces of news prose and markup that stress the parsers when shuffled.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’".to_string()),
        Just("— ".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("- ".to_string()),
        Just("> ".to_string()),
        Just("# ".to_string()),
        Just("| a | b |\n|---|---|\n".to_string()),
        Just("---\ndate: 2026-03-12\n---\n".to_string()),
        Just("Sen. ".to_string()),
        Just("U.S. ".to_string()),
        Just("said ".to_string()),
        Just("yesterday ".to_string()),
        Just("Dec. 1 ".to_string()),
        Just("according to ".to_string()),
        Just("accused ".to_string()),
        Just("Ana Ruiz ".to_string()),
        Just("😀".to_string()),
        Just("<!-- x -->".to_string()),
        Just("\r\n".to_string()),
        Just("\u{feff}".to_string()),
        "[a-zA-Z .,:;!?'\"]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_news_like_text(parts in proptest::collection::vec(fragment(), 0..40)) {
        check_all(&parts.concat());
    }

    #[test]
    fn never_panics_on_arbitrary_strings(text in any::<String>()) {
        check_all(&text);
    }
}

#[test]
fn every_prefix_of_a_tricky_draft() {
    let draft = "---\ndate: 2026-03-12\n---\n\nKESTREL, Maine — “Quote 😀 opens,” said Sen. Ana Ruiz.\n\n“Still going.\n\n“Ends.”\n\n- item “x\n> q\n";
    for (i, _) in draft.char_indices() {
        check_all(&draft[..i]);
    }
}

#[test]
fn degenerate_comment_lines() {
    for t in ["<!-->", "<!--->", "<!---->\n", "x\n<!-->\n"] {
        check_all(t);
    }
}

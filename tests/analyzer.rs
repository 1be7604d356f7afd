//! The reusing `Analyzer` (one per open document in the server) must give
//! exactly what a fresh `analyze` gives, whatever was edited, while reading
//! again only the blocks that changed.

use copydesk::{analyze, Analysis, Analyzer, Format, Options};
use proptest::prelude::*;

const DRAFT: &str = "---\ndate: 2026-03-12\n---\n\
# Council weighs harbor levy\n\n\
The harbor authority overspent its dredging budget by $2 million last year.\n\n\
\"We will not raise the levy again,\" said Mayor Ines Corwell on Tuesday.\n\n\
Critics say the authority hid the overruns from the council. The vote is set for next week.\n\n\
Yesterday the board met behind closed doors, according to two people familiar with the talks.\n\n\
- The levy rose 12 percent in 2024.\n- Revenue fell by a third.\n\n\
Corwell's office did not respond to a request for comment.\n";

fn opts(format: Format) -> Options {
    let mut o = Options::new(format);
    o.today = chrono::NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
    o
}

/// Everything a client sees, in a comparable form.
fn view(a: &Analysis) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        a.sentences, a.temporals, a.claims, a.attributions, a.findings
    )
}

#[test]
fn unchanged_blocks_are_reused_and_results_match_a_fresh_read() {
    let o = opts(Format::Markdown);
    let mut analyzer = Analyzer::new();
    let first = analyzer.analyze(DRAFT, &o);
    assert_eq!(view(&first), view(&analyze(DRAFT, &o)));
    assert_eq!(
        analyzer.reused_blocks(),
        0,
        "nothing to reuse on the first read"
    );
    let blocks = analyzer.cached_blocks();
    assert!(blocks >= 6, "one entry per prose block, got {blocks}");

    // Edit one paragraph: every other block is reused, even though the
    // blocks after the edit moved.
    let edited = DRAFT.replace("last year", "in the fiscal year that ended in June");
    let second = analyzer.analyze(&edited, &o);
    assert_eq!(view(&second), view(&analyze(&edited, &o)));
    assert_eq!(analyzer.reused_blocks(), blocks - 1);
    assert_eq!(analyzer.cached_blocks(), blocks);

    // A new anchor date changes what relative dates mean: nothing is reused.
    let mut later = o.clone();
    later.reference_date = chrono::NaiveDate::from_ymd_opt(2026, 4, 1);
    let third = analyzer.analyze(&edited, &later);
    assert_eq!(view(&third), view(&analyze(&edited, &later)));
    assert_eq!(analyzer.reused_blocks(), 0);
}

#[test]
fn repeated_paragraphs_share_entries() {
    let o = opts(Format::PlainText);
    let para = "The agency lost $4 million, officials said yesterday.\n\n";
    let text = para.repeat(5);
    let mut analyzer = Analyzer::new();
    let a = analyzer.analyze(&text, &o);
    assert_eq!(view(&a), view(&analyze(&text, &o)));
    // The first paragraph has no character before it, so its key differs.
    assert_eq!(analyzer.cached_blocks(), 2);
    assert_eq!(analyzer.reused_blocks(), 3);
}

#[derive(Clone, Debug)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (
            any::<usize>(),
            "[a-z .,\"“”\\n$0-9]{0,12}|yesterday|\n\n|Critics say|said Corwell"
        )
            .prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<usize>(), 0usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
    ]
}

fn apply(text: &mut String, e: &Edit) {
    let clamp = |t: &str, mut i: usize| {
        i %= t.len() + 1;
        while !t.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    match e {
        Edit::Insert(at, s) => {
            let at = clamp(text, *at);
            text.insert_str(at, s);
        }
        Edit::Delete(at, n) => {
            let start = clamp(text, *at);
            let end = clamp(text, start.saturating_add(*n).min(text.len()));
            text.replace_range(start..end.max(start), "");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_edit_sequence_matches_a_fresh_read(edits in prop::collection::vec(edit(), 1..12), md in any::<bool>()) {
        let o = opts(if md { Format::Markdown } else { Format::PlainText });
        let mut analyzer = Analyzer::new();
        let mut text = DRAFT.to_string();
        analyzer.analyze(&text, &o);
        for e in &edits {
            apply(&mut text, e);
            let reused = analyzer.analyze(&text, &o);
            prop_assert_eq!(view(&reused), view(&analyze(&text, &o)));
        }
    }
}

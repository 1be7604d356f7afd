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
Corwell's office did not respond to a request for comment.\n\n\
The treasurer laid out her case:\n\n\
\"The reserve is gone and the dredging bills keep coming in every month.\"\n\n\
said treasurer Dana Pell, who has warned the board for years.\n\n\
\"We knew the levy was too small,\" Pell said. \"We said so in March.\n\n\
\"Nobody on the board wanted to hear it,\" she added.\n";

fn opts(format: Format) -> Options {
    let mut o = Options::new(format);
    o.today = chrono::NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
    o
}

#[path = "common/view.rs"]
mod view;
use view::view;

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
    // Attributions too: only the edited block is read again.
    assert_eq!(analyzer.reused_attributions(), blocks - 1);

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

/// Attribution extraction reads a little past its block (the quotation
/// just before it, the next block's span, the characters either side), and
/// quotations depend on whether the previous block left one open. A change
/// there makes the block be read again.
#[test]
fn blocks_are_read_again_when_their_context_changes() {
    let o = opts(Format::Markdown);
    let cases: &[(&str, &str, &str)] = &[
        // The quotation ending the previous paragraph grows.
        (
            "\"We will fix the pipes before winter comes,\"\n\nsaid Omar Reyes, the utility director.\n\nThe pipes burst.\n",
            "before winter comes",
            "before the first frost of winter comes",
        ),
        // A colon lead-in's content is the next block.
        (
            "The director put it plainly:\n\nThe utility cannot pay for new pipes.\n\nThe pipes burst.\n",
            "cannot pay for new pipes",
            "cannot pay",
        ),
        // What follows a lead-in ending with a colon turns into a quotation.
        (
            "Reyes laid out the plan to the council:\n\nWe replace the mains first.\n",
            "We replace",
            "\"We replace",
        ),
        // Closing the quotation the previous paragraph left open: the next
        // one no longer continues it.
        (
            "\"We will fix the pipes,\" Reyes said. \"The work starts in May.\n\n\"It ends in June and costs less than we feared,\" he said.\n",
            "in May.",
            "in May.\"",
        ),
        // The character before a paragraph ends a clause.
        (
            "The council met on Monday.\n\nsaid Reyes, who chairs it.\n",
            "Monday.",
            "Monday,",
        ),
    ];
    for (text, from, to) in cases {
        let mut analyzer = Analyzer::new();
        analyzer.analyze(text, &o);
        let edited = text.replacen(from, to, 1);
        let a = analyzer.analyze(&edited, &o);
        assert_eq!(view(&a), view(&analyze(&edited, &o)), "{edited:?}");
        // And unchanged text reuses everything.
        let again = analyzer.analyze(&edited, &o);
        assert_eq!(view(&again), view(&a), "{edited:?}");
        assert_eq!(
            analyzer.reused_attributions(),
            analyzer.cached_blocks(),
            "{edited:?}"
        );
    }
}

/// The actor pass keeps each block's tokens, but names are linked, and
/// quotations marked, across the whole draft on every call: an edit in one
/// paragraph changes what unchanged paragraphs say about who is accused and
/// who answered.
#[test]
fn actors_are_linked_afresh_across_unchanged_blocks() {
    let text = "Mayor Ines Corwell hid the overruns from the council, critics said.\n\n\
                The treasurer, Dana Pell, said the audit was sloppy.\n\n\
                \"Corwell said nothing to us,\" a clerk wrote.\n\n\
                \"We will pay,\" Pell said.\n";
    let cases: &[(&str, &str)] = &[
        // The accused is renamed: the quoted words in an unchanged
        // paragraph are no longer about her.
        ("Mayor Ines Corwell hid", "Mayor Ines Corwin hid"),
        // The name disappears from the first paragraph altogether.
        ("Mayor Ines Corwell hid", "The mayor hid"),
        // Another paragraph changes; the quoted "said" in an unchanged one
        // must still not count as her response.
        ("was sloppy", "was sloppy and late"),
        // The speaker of the last paragraph is introduced in an edited one.
        ("Dana Pell", "Dana Pellham"),
    ];
    assert_edits_follow(text, cases, |_| ());
}

/// For each `(from, to)` edit of `text`, made after analysing `text` (which
/// `check_before` may inspect): the reusing analysis equals a fresh one,
/// reuses at least two blocks, and differs from the analysis before.
fn assert_edits_follow(text: &str, cases: &[(&str, &str)], check_before: impl Fn(&Analysis)) {
    let o = opts(Format::Markdown);
    for (from, to) in cases {
        let mut analyzer = Analyzer::new();
        let before = analyzer.analyze(text, &o);
        check_before(&before);
        let edited = text.replacen(from, to, 1);
        let after = analyzer.analyze(&edited, &o);
        assert_eq!(view(&after), view(&analyze(&edited, &o)), "{edited:?}");
        assert!(analyzer.reused_blocks() >= 2, "{edited:?}");
        assert_ne!(view(&after), view(&before), "{edited:?}");
    }
}

/// The undated-event rule reads each sentence's event verbs from the block
/// memo: they must move with their block and follow what other blocks say.
#[test]
fn undated_events_follow_edits_around_unchanged_blocks() {
    let text = "The ferry board closed the north slip last spring.\n\n\
                Pilots protested the closure outside the terminal.\n\n\
                The operator hired four deckhands.\n";
    let cases: &[(&str, &str)] = &[
        // Earlier text grows: the unchanged paragraphs' verbs move with them.
        ("The ferry board", "The regional ferry board"),
        // The anchoring sentence loses its date: the closure it told of is
        // no longer anchored for the unchanged paragraph that mentions it.
        (" last spring", ""),
        // The first paragraph no longer tells of a closure at all.
        ("closed the north slip", "runs the north slip"),
    ];
    assert_edits_follow(text, cases, |before| {
        assert!(
            before
                .findings
                .iter()
                .any(|f| f.code == copydesk::Code::UndatedEvent),
            "{before:?}"
        );
    });
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
            "[a-z .,:\"“”\\n$0-9]{0,12}|yesterday|\n\n|Critics say|said Corwell|\n\n\"|:\n\n|\n\nsaid Pell"
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
    #![proptest_config(ProptestConfig::with_cases(128))]

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

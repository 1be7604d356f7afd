//! Table-driven tests with invented sentences.

use super::*;
use chrono::NaiveDate;

/// Thursday, March 12, 2026.
fn anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 12).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn tags(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, Temporal)> {
    tag_text(text, anchor)
        .into_iter()
        .map(|t| (t.span.slice(text).to_string(), t))
        .collect()
}

use Relativity::*;
use TimexType::*;

#[test]
fn recognition_values_and_tiers() {
    // (sentence, expression, type, value, relativity)
    let cases: &[(&str, &str, TimexType, Option<&str>, Relativity)] = &[
        (
            "The council met yesterday to vote.",
            "yesterday",
            Date,
            Some("2026-03-11"),
            TierA,
        ),
        (
            "The plant will reopen Tuesday.",
            "Tuesday",
            Date,
            Some("2026-03-17"),
            TierB,
        ),
        (
            "The plant closed Tuesday after a fire.",
            "Tuesday",
            Date,
            Some("2026-03-10"),
            TierB,
        ),
        (
            "She resigned last Friday.",
            "last Friday",
            Date,
            Some("2026-03-06"),
            TierA,
        ),
        (
            "The board meets next Monday.",
            "next Monday",
            Date,
            Some("2026-03-16"),
            TierA,
        ),
        (
            "Prices rose this week.",
            "this week",
            Date,
            Some("2026-W11"),
            TierA,
        ),
        (
            "Prices rose earlier this week.",
            "earlier this week",
            Date,
            Some("2026-W11"),
            TierA,
        ),
        (
            "Sales fell 4% last month.",
            "last month",
            Date,
            Some("2026-02"),
            TierB,
        ),
        (
            "The levy passed last year.",
            "last year",
            Date,
            Some("2025"),
            TierB,
        ),
        (
            "The mill opened on Jan. 14, 2019.",
            "Jan. 14, 2019",
            Date,
            Some("2019-01-14"),
            Absolute,
        ),
        (
            "The vote will be held April 2.",
            "April 2",
            Date,
            Some("2026-04-02"),
            Absolute,
        ),
        (
            "The audit was released Feb. 27.",
            "Feb. 27",
            Date,
            Some("2026-02-27"),
            Absolute,
        ),
        (
            "He arrived three days ago.",
            "three days ago",
            Date,
            Some("2026-03-09"),
            TierA,
        ),
        (
            "The firm has operated for three years.",
            "three years",
            Duration,
            Some("P3Y"),
            Generic,
        ),
        (
            "Profit climbed in the third quarter.",
            "the third quarter",
            Date,
            Some("2025-Q3"),
            TierB,
        ),
        (
            "The market is calm now.",
            "now",
            Date,
            Some("PRESENT_REF"),
            Generic,
        ),
        (
            "The mayor recently resigned.",
            "recently",
            Date,
            Some("PAST_REF"),
            TierA,
        ),
        (
            "Trash is collected weekly.",
            "weekly",
            Set,
            Some("P1W"),
            Generic,
        ),
        (
            "The ferry leaves every Sunday.",
            "every Sunday",
            Set,
            Some("XXXX-WXX-7"),
            Generic,
        ),
        (
            "The storm hit at 9:30 a.m. Tuesday.",
            "9:30 a.m. Tuesday",
            Time,
            Some("2026-03-10T09:30"),
            TierB,
        ),
        (
            "Enrollment has fallen since 2019.",
            "2019",
            Date,
            Some("2019"),
            Absolute,
        ),
        (
            "The park opened last fall.",
            "last fall",
            Date,
            Some("2025-FA"),
            TierB,
        ),
        (
            "The next day, crews returned.",
            "The next day",
            Date,
            Some("2026-03-13"),
            Anaphoric,
        ),
        (
            "Two hours later, the fire was out.",
            "Two hours later",
            Date,
            Some("2026-03-12"),
            Anaphoric,
        ),
        (
            "Afterward, the crowd left.",
            "Afterward",
            Date,
            None,
            Anaphoric,
        ),
        (
            "Rents doubled in the 1990s.",
            "the 1990s",
            Date,
            Some("199"),
            Absolute,
        ),
        (
            "In today's economy, few people save.",
            "today",
            Date,
            Some("PRESENT_REF"),
            Generic,
        ),
        (
            "The hearing is set for the week of March 23.",
            "the week of March 23",
            Date,
            Some("2026-W13"),
            Absolute,
        ),
        (
            "The shed burned last night.",
            "last night",
            Time,
            Some("2026-03-11TNI"),
            TierA,
        ),
        (
            "She spoke this morning.",
            "this morning",
            Time,
            Some("2026-03-12TMO"),
            TierA,
        ),
        (
            "Fiscal 2025 revenue rose.",
            "Fiscal 2025",
            Date,
            Some("FY2025"),
            Absolute,
        ),
        (
            "The bridge reopened in September.",
            "September",
            Date,
            Some("2025-09"),
            Absolute,
        ),
        (
            "The bridge will reopen in September.",
            "September",
            Date,
            Some("2026-09"),
            Absolute,
        ),
        (
            "Crews worked through the weekend.",
            "the weekend",
            Date,
            Some("2026-W10-WE"),
            TierA,
        ),
        (
            "The fair returns this summer.",
            "this summer",
            Date,
            Some("2026-SU"),
            TierB,
        ),
        (
            "Talks resumed two weeks after the strike.",
            "two weeks",
            Duration,
            Some("P2W"),
            Anaphoric,
        ),
        (
            "Rates have climbed over the past two years.",
            "the past two years",
            Duration,
            Some("P2Y"),
            Generic,
        ),
        (
            "The firm expects a decision soon.",
            "soon",
            Date,
            Some("FUTURE_REF"),
            TierA,
        ),
        (
            "The clinic opened on Thanksgiving Day 2019.",
            "Thanksgiving Day 2019",
            Date,
            Some("2019-11-28"),
            Absolute,
        ),
        (
            "Votes were counted until midnight.",
            "midnight",
            Time,
            Some("2026-03-12T24:00"),
            Absolute,
        ),
        (
            "The mill dates to the 19th century.",
            "19th century",
            Date,
            Some("18"),
            Absolute,
        ),
    ];
    for (text, expr, ty, value, rel) in cases {
        let got = tags(text, Some(anchor()));
        let Some((_, t)) = got.iter().find(|(s, _)| s == expr) else {
            panic!(
                "{text:?}: expected {expr:?}, got {:?}",
                got.iter().map(|g| &g.0).collect::<Vec<_>>()
            );
        };
        assert_eq!(t.timex_type, *ty, "{text:?} type");
        assert_eq!(t.value.as_deref(), *value, "{text:?} value");
        assert_eq!(t.relativity, *rel, "{text:?} relativity");
    }
}

#[test]
fn no_false_alarms() {
    let cases = [
        "The firm sold 2,000 units to 1,500 buyers.",
        "She drives a 45-year-old truck.",
        "The marchers may walk to the square.",
        "He scored a second goal.",
        "About a quarter of the budget went to roads.",
        "The union chose a new leader.",
        "The club plays at Russell 2000 Park.",
    ];
    for text in cases {
        let got = tags(text, Some(anchor()));
        assert!(
            got.is_empty(),
            "{text:?}: {:?}",
            got.iter().map(|g| &g.0).collect::<Vec<_>>()
        );
    }
}

#[test]
fn unanchored_relative_expressions_have_no_value() {
    let cases = [
        ("The board met Monday.", "Monday", TierB),
        ("The bill passed yesterday.", "yesterday", TierA),
        ("Sales fell last month.", "last month", TierB),
    ];
    for (text, expr, rel) in cases {
        let got = tags(text, None);
        let (_, t) = got.iter().find(|(s, _)| s == expr).expect(text);
        assert_eq!(t.value, None, "{text}");
        assert_eq!(t.relativity, rel, "{text}");
        assert!(describe(t).contains("cannot be resolved"), "{text}");
    }
    // An absolute date without a year keeps month and day.
    let got = tags("The fair opened Aug. 3.", None);
    assert_eq!(got[0].1.value.as_deref(), Some("XXXX-08-03"));
}

#[test]
fn headline_does_not_run_into_date_line() {
    let text = "Markets stay shut until Friday\nSeptember 18, 2026\nTrading resumed.";
    let got = tags(text, Some(d(2026, 9, 18)));
    let spans: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(spans, ["Friday", "September 18, 2026"]);
}

#[test]
fn ap_dates() {
    let a = anchor();
    let cases = [
        (d(2026, 3, 11), "Wednesday"),
        (d(2026, 3, 17), "Tuesday"),
        (d(2026, 3, 3), "March 3"),
        (d(2026, 9, 30), "Sept. 30"),
        (d(2026, 2, 20), "Feb. 20"),
        (d(2025, 12, 1), "Dec. 1, 2025"),
        (d(2026, 6, 9), "June 9"),
    ];
    for (date, want) in cases {
        assert_eq!(ap_date(date, a), want, "{date}");
    }
}

#[test]
fn ap_replacements() {
    let a = anchor();
    let cases = [
        ("The council met yesterday.", "yesterday", Some("Wednesday")),
        (
            "The council met last Tuesday.",
            "last Tuesday",
            Some("Tuesday"),
        ),
        (
            "Prices rose this week.",
            "this week",
            Some("the week of March 9"),
        ),
        (
            "He arrived three days ago.",
            "three days ago",
            Some("Monday"),
        ),
        ("He arrived 12 days ago.", "12 days ago", Some("Feb. 28")),
        (
            "The shed burned last night.",
            "last night",
            Some("Wednesday night"),
        ),
        ("Yesterday the vote failed.", "Yesterday", Some("Wednesday")),
        (
            "The firm has operated for three years.",
            "three years",
            None,
        ),
        ("The mayor recently resigned.", "recently", None),
        // Modifiers are kept, in any case; the first letter follows the text's.
        (
            "Early yesterday the pier shut.",
            "Early yesterday",
            Some("Early Wednesday"),
        ),
        (
            "The kiln cracked late last night.",
            "late last night",
            Some("late Wednesday night"),
        ),
        (
            "EARLIER THIS WEEK the kiln cracked.",
            "EARLIER THIS WEEK",
            Some("Earlier the week of March 9"),
        ),
    ];
    for (text, expr, want) in cases {
        let got = tags(text, Some(a));
        let (s, t) = got.iter().find(|(s, _)| s == expr).expect(text);
        assert_eq!(ap_replacement(t, s, a).as_deref(), want, "{text}");
    }
}

#[test]
fn hover_descriptions() {
    let t = |v: &str, ty: TimexType, rel: Relativity| Temporal {
        span: crate::Span::new(0, 1),
        timex_type: ty,
        value: Some(v.into()),
        relativity: rel,
    };
    let cases = [
        (t("2017-05-25", Date, TierA), "Thursday, May 25, 2017"),
        (t("2026-W11", Date, TierA), "the week of March 9, 2026"),
        (t("2026-02", Date, TierB), "February 2026"),
        (t("2025-Q3", Date, TierB), "the third quarter of 2025"),
        (t("P3Y", Duration, Generic), "a duration of 3 years"),
        (
            t("2026-03-10T09:30", Time, TierB),
            "Tuesday, March 10, 2026, 9:30 a.m.",
        ),
        (t("2025-FA", Date, TierB), "fall 2025"),
        (
            t("2026-02-08TNI", Time, TierA),
            "Sunday night, February 8, 2026",
        ),
    ];
    for (tx, want) in cases {
        assert_eq!(describe(&tx), want);
    }
}

#[test]
fn weekdays_resolve_by_direction() {
    let a = anchor(); // a Thursday
    assert_eq!(weekday_date(a, 2, Dir::Past, false), d(2026, 3, 10));
    assert_eq!(weekday_date(a, 2, Dir::Future, false), d(2026, 3, 17));
    assert_eq!(weekday_date(a, 4, Dir::Past, false), a);
    assert_eq!(weekday_date(a, 4, Dir::Past, true), d(2026, 3, 5));
    assert_eq!(weekday_date(a, 4, Dir::Future, true), d(2026, 3, 19));
}

#[test]
fn never_panics_on_odd_text() {
    let odd = [
        "",
        "’s",
        "Jan.",
        "at 99:99",
        "the",
        "10:",
        "—“Friday”—",
        "mid-",
        "a.m",
        "1990s'",
        "the 31st of February",
        "Feb. 30, 2026",
        "in the past ",
        "ünïcödé Tuesday ☃ 2026",
    ];
    for text in odd {
        let _ = tag_text(text, Some(anchor()));
        let _ = tag_text(text, None);
    }
}

#[test]
fn document_context_year_ago_after_a_quarter() {
    let text = "Profit rose in the fourth quarter. Sales were $3 million a year ago. Rain fell a year ago.";
    let spans = [
        crate::Span::new(0, 34),
        crate::Span::new(35, 68),
        crate::Span::new(69, text.len()),
    ];
    let got = tag_document(text, spans, Some(d(2026, 11, 20)));
    let vals: Vec<(&str, Option<&str>)> = got
        .iter()
        .map(|t| (t.span.slice(text), t.value.as_deref()))
        .collect();
    assert_eq!(
        vals,
        [
            ("the fourth quarter", Some("2026-Q4")),
            ("a year ago", Some("2025-Q4")),
            ("a year ago", Some("2025-Q4")),
        ]
    );
    // Without a quarter in view, "a year ago" is the year.
    let plain = tag_document(
        "Rain fell a year ago.",
        [crate::Span::new(0, 21)],
        Some(d(2026, 11, 20)),
    );
    assert_eq!(plain[0].value.as_deref(), Some("2025"));
}

#[test]
fn last_month_name_skips_the_month_just_past() {
    let a = d(2026, 3, 12);
    let cases = [
        ("It opened last February.", "2025-02"),
        ("It opened last April.", "2025-04"),
        ("It opened last January.", "2026-01"),
    ];
    for (text, want) in cases {
        let got = tags(text, Some(a));
        assert_eq!(got[0].1.value.as_deref(), Some(want), "{text}");
    }
}

#[test]
fn is_int_matches_to_string() {
    let values = [0, 7, -7, 10, 99, 2025, -2025, 10_000, i32::MAX, i32::MIN];
    let texts = [
        "",
        "0",
        "7",
        "-7",
        "07",
        "2025",
        "2025 ",
        "-2025",
        "2147483647",
    ];
    for n in values {
        assert!(super::is_int(&n.to_string(), n), "{n}");
        for t in texts {
            assert_eq!(super::is_int(t, n), t == n.to_string(), "{t:?} {n}");
        }
    }
}

#[test]
fn iso_date_matches_chrono() {
    for (y, m, day) in [
        (2026, 3, 12),
        (1999, 12, 31),
        (5, 1, 1),
        (999, 10, 9),
        (9999, 12, 31),
        (10_000, 1, 1),
        (-44, 3, 15),
    ] {
        let date = d(y, m, day);
        assert_eq!(
            iso_date(date),
            date.format("%Y-%m-%d").to_string(),
            "{date:?}"
        );
    }
}

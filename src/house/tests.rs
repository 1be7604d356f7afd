use super::*;

fn parse(text: &str) -> (Config, Vec<Warning>) {
    parse_config(text, None).expect("valid TOML")
}

#[test]
fn every_key_is_read() {
    let (c, w) = parse(
        r#"
[checks]
relative-date = "info"
undated-event = false
unattributed-claim = { enabled = true, severity = "warning" }
[dates]
reference_date = "2026-03-12"
timezone = "+02:00"
[sources]
trusted = ["the harbor log"]
vague = ["people in the know"]
attribution_verbs = ["recounted"]
[comment]
no_response = "{Name} did not answer."
no_response_dated = "{Name} did not answer questions sent {Date}."
spokesperson_no_response = "Nobody at {Name} answered."
[files]
include = ["*.md"]
skip = ["notes/**"]
actors = "people.toml"
"#,
    );
    assert!(w.is_empty(), "{w:?}");
    let s = c.check_settings();
    assert_eq!(s.severity_for(Code::RelativeDate), Some(Severity::Info));
    assert_eq!(
        s.severity_for(Code::UnattributedClaim),
        Some(Severity::Warning)
    );
    assert!(!s.enabled(Code::UndatedEvent));
    assert!(s.enabled(Code::RelativeDate));
    assert_eq!(c.reference_date, NaiveDate::from_ymd_opt(2026, 3, 12));
    assert_eq!(c.timezone.as_deref(), Some("+02:00"));
    assert_eq!(c.trusted, ["the harbor log"]);
    assert_eq!(c.vague, ["people in the know"]);
    assert_eq!(c.attribution_verbs, ["recounted"]);
    assert_eq!(c.comment.no_response, "{Name} did not answer.");
    assert_eq!(
        c.comment.no_response_dated,
        "{Name} did not answer questions sent {Date}."
    );
    assert_eq!(
        c.comment.spokesperson_no_response,
        "Nobody at {Name} answered."
    );
    assert_eq!(c.include, ["*.md"]);
    assert_eq!(c.skip, ["notes/**"]);
    assert_eq!(c.actors.as_deref(), Some("people.toml"));
}

#[test]
fn toml_dates_are_accepted() {
    let (c, w) = parse("[dates]\nreference_date = 2026-01-05\n");
    assert!(w.is_empty());
    assert_eq!(c.reference_date, NaiveDate::from_ymd_opt(2026, 1, 5));
}

#[test]
fn problems_are_warnings_with_positions() {
    let cases: &[(&str, usize, usize, &str)] = &[
        ("[sources]\ntrusted = \"x\"\n", 2, 11, "array of strings"),
        ("[sourcez]\n", 1, 2, "unknown key `sourcez`"),
        (
            "[checks]\nno-such-check = false\n",
            2,
            1,
            "unknown key `checks.no-such-check`",
        ),
        ("[checks]\nrelative-date = \"loud\"\n", 2, 17, "severity"),
        (
            "[dates]\nreference_date = \"12/03/2026\"\n",
            2,
            18,
            "YYYY-MM-DD",
        ),
        ("[dates]\ntimezone = \"Mars\"\n", 2, 12, "offset"),
        ("[files]\nactors = 3\n", 2, 10, "should be a string"),
        ("[comment]\nno_response = \"No reply.\"\n", 2, 15, "{Name}"),
        ("[sources]\nvague = [\"a\", 2]\n", 2, 15, "hold strings"),
        ("checks = 1\n", 1, 10, "should be a table"),
    ];
    for (text, line, col, needle) in cases {
        let (_, w) = parse(text);
        assert_eq!(w.len(), 1, "{text}: {w:?}");
        assert_eq!((w[0].line, w[0].column), (*line, *col), "{text}: {w:?}");
        assert!(w[0].message.contains(needle), "{text}: {}", w[0].message);
    }
}

#[test]
fn wrong_values_keep_the_rest() {
    let (c, w) = parse("[sources]\ntrusted = 5\nvague = [\"folks\"]\n");
    assert_eq!(w.len(), 1);
    assert!(c.trusted.is_empty());
    assert_eq!(c.vague, ["folks"]);
}

#[test]
fn bad_toml_is_an_error_with_position() {
    let e = parse_config(
        "[sources]\ntrusted = [\"a\"\n",
        Some(Path::new("x/copydesk.toml")),
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("x/copydesk.toml:"), "{e}");
    assert!(e.line >= 2, "{e}");
}

#[test]
fn actors_file_is_read() {
    let (a, w) = parse_actors(
        r#"
[[actor]]
name = "Orla Pennick"
aliases = ["Pennick"]
kind = "person"
title = "harbor master"
affiliation = "Port Trust"
spokesperson = "Tamsin Vell"
[[actor.outreach]]
asked_on = 2026-03-10
how = "email"
outcome = "no-reply"
[[actor]]
name = "Brannock Dredging"
[[actor.outreach]]
asked_on = "2026-03-11"
words = "We do not comment."
"#,
        None,
    )
    .unwrap();
    assert!(w.is_empty(), "{w:?}");
    let p = a.find("pennick").unwrap();
    assert_eq!(p.title.as_deref(), Some("harbor master"));
    assert_eq!(p.affiliation.as_deref(), Some("Port Trust"));
    assert_eq!(p.spokesperson.as_deref(), Some("Tamsin Vell"));
    assert_eq!(
        p.unanswered_since(),
        Some(NaiveDate::from_ymd_opt(2026, 3, 10))
    );
    let b = a.find("Brannock Dredging").unwrap();
    assert!(b.replied());
    assert_eq!(b.unanswered_since(), None);
}

#[test]
fn actors_file_problems_are_warnings() {
    let (a, w) = parse_actors(
        "[[actor]]\nname = \"A\"\nmood = \"x\"\n[[actor]]\ntitle = \"no name\"\n",
        None,
    )
    .unwrap();
    assert_eq!(a.actors.len(), 1);
    assert_eq!(w.len(), 2, "{w:?}");
    assert_eq!(w[0].line, 3);
}

/// Findings (code, flagged text) for `text` under `rules`.
fn findings_with(text: &str, rules: HouseRules) -> Vec<(Code, String)> {
    let mut opts = crate::Options::new(crate::Format::PlainText);
    opts.reference_date = NaiveDate::from_ymd_opt(2026, 3, 12);
    opts.house = std::sync::Arc::new(rules);
    crate::analyze(text, &opts)
        .findings
        .into_iter()
        .map(|f| (f.code, f.span.slice(text).to_string()))
        .collect()
}

#[test]
fn source_lists_feed_the_rules() {
    let (cfg, w) = parse(
        r#"
[sources]
trusted = ["the tide ledger", "the sluice book"]
vague = ["dock gossips"]
attribution_verbs = ["intimate"]
"#,
    );
    assert!(w.is_empty(), "{w:?}");
    let rules = HouseRules::from_config(&cfg, ActorsFile::default());
    let u = Code::UnattributedClaim;
    let v = Code::VagueAttribution;
    // (draft, code expected without the house lists, code expected with them)
    let cases: &[(&str, Option<Code>, Option<Code>)] = &[
        (
            "Okafor intimated that the treasurer embezzled money from the pension fund.",
            Some(u),
            None,
        ),
        (
            "The tide ledger shows the treasurer embezzled money from the pension fund.",
            Some(u),
            None,
        ),
        (
            // Trusted names are never vague.
            "The treasurer embezzled money from the pension fund, the sluice book shows.",
            Some(v),
            None,
        ),
        (
            "Dock gossips said the treasurer embezzled money from the pension fund.",
            None,
            Some(v),
        ),
        (
            "The treasurer embezzled money from the pension fund.",
            Some(u),
            Some(u),
        ),
    ];
    for (text, without, with) in cases {
        let codes = |rules: HouseRules| -> Vec<Code> {
            findings_with(text, rules)
                .into_iter()
                .map(|(c, _)| c)
                .filter(|c| *c == u || *c == v)
                .collect()
        };
        assert_eq!(
            codes(HouseRules::default()),
            without.iter().copied().collect::<Vec<_>>(),
            "without: {text}"
        );
        assert_eq!(
            codes(rules.clone()),
            with.iter().copied().collect::<Vec<_>>(),
            "with: {text}"
        );
    }
    // The flagged phrase is the house term.
    let got = findings_with(cases[3].0, rules.clone());
    assert!(got.contains(&(v, "Dock gossips".into())), "{got:?}");
}

#[test]
fn multi_word_attribution_verbs_are_warned() {
    let (cfg, w) = parse("[sources]\nattribution_verbs = [\"let slip\", \"intone\"]\n");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].message.contains("single words"), "{}", w[0].message);
    assert_eq!(cfg.attribution_verbs.len(), 2);
    let rules = HouseRules::from_config(&cfg, ActorsFile::default());
    assert!(rules.lexicon().cue("intoned").is_some());
    assert!(rules.lexicon().cue("let").is_none());
    // The compiled lists take no part in equality.
    assert_eq!(rules, HouseRules::from_config(&cfg, ActorsFile::default()));
}

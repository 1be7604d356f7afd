//! Table-driven tests with invented sentences.

use super::*;
use crate::document::Format;

fn run(text: &str) -> (Vec<Attribution>, Vec<Quote>) {
    let doc = crate::Document::parse(text, Format::Markdown);
    let sents = crate::sentences::split(&doc);
    let quotes = crate::sentences::quotes(&doc);
    (find(&doc, &sents, &quotes), quotes)
}

fn text_of(text: &str, spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| s.slice(text))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The first attribution whose cue reads `cue`.
fn with_cue<'a>(text: &str, attrs: &'a [Attribution], cue: &str) -> &'a Attribution {
    attrs
        .iter()
        .find(|a| text_of(text, &a.cue).eq_ignore_ascii_case(cue))
        .unwrap_or_else(|| panic!("no attribution with cue {cue:?} in {text:?}: {attrs:#?}"))
}

#[test]
fn kinds() {
    use AttributionKind::*;
    let cases: &[(&str, &str, AttributionKind)] = &[
        (
            "\"We will rebuild the bridge by spring,\" Mayor Lena Ortiz said.",
            "said",
            DirectQuote,
        ),
        (
            "Ortiz said the repairs would take months.",
            "said",
            Paraphrase,
        ),
        (
            "The bridge will reopen in May, according to the county transportation department.",
            "according to",
            AccordingTo,
        ),
        (
            "Reyes wrote in the letter: the district cannot pay.",
            "wrote",
            ColonLeadIn,
        ),
        (
            "Inspection records show the valve failed twice.",
            "show",
            Document,
        ),
        (
            "The audit found that the fund was short.",
            "found",
            Document,
        ),
        ("Vance believes the levy will pass.", "believes", Belief),
        (
            "The district wants to close two schools.",
            "wants",
            Intention,
        ),
        ("Harlow plans to run for the open seat.", "plans", Intention),
        ("The mayor reportedly intervened.", "reportedly", Hedge),
        (
            "It is understood that the talks collapsed.",
            "it is understood",
            Hedge,
        ),
        ("The plant is said to be losing money.", "is said to", Hedge),
        (
            "The factory will close, according to reports.",
            "according to reports",
            Hedge,
        ),
        ("Some say the chief ignored the warnings.", "say", Hedge),
        (
            "Dunmore told reporters the vote was rigged.",
            "told",
            Paraphrase,
        ),
        (
            "Dunmore urged the board to delay the vote.",
            "urged",
            Action,
        ),
        (
            "Dunmore criticized the board for the delay.",
            "criticized",
            Paraphrase,
        ),
    ];
    for (text, cue, kind) in cases {
        let (attrs, _) = run(text);
        let a = with_cue(text, &attrs, cue);
        assert_eq!(a.kind, *kind, "{text}");
    }
}

#[test]
fn sources_and_contents() {
    let cases: &[(&str, &str, &str, &str)] = &[
        // text, cue, source, content
        (
            "Ortiz said the repairs would take months.",
            "said",
            "Ortiz",
            "the repairs would take months",
        ),
        (
            "The repairs would take months, Ortiz said.",
            "said",
            "Ortiz",
            "The repairs would take months",
        ),
        (
            "\"The numbers do not add up,\" said Priya Castell, the board treasurer.",
            "said",
            "Priya Castell, the board treasurer",
            "\"The numbers do not add up,\"",
        ),
        (
            "Ana Ruiz, a spokesperson for the county, said the road was closed.",
            "said",
            "Ana Ruiz, a spokesperson for the county",
            "the road was closed",
        ),
        (
            "Dunmore told reporters that the vote was rigged.",
            "told",
            "Dunmore",
            "that the vote was rigged",
        ),
        (
            "The bridge will reopen in May, according to the county transportation department.",
            "according to",
            "the county transportation department",
            "The bridge will reopen in May",
        ),
        (
            "Sen. Ada Park (D-Ore.) said the bill was dead.",
            "said",
            "Sen. Ada Park (D-Ore.)",
            "the bill was dead",
        ),
    ];
    for (text, cue, source, content) in cases {
        let (attrs, _) = run(text);
        let a = with_cue(text, &attrs, cue);
        assert_eq!(text_of(text, &a.source), *source, "{text}");
        assert_eq!(text_of(text, &a.content), *content, "{text}");
    }
}

#[test]
fn source_classes() {
    use SourceClass::*;
    let cases: &[(&str, &str, SourceClass)] = &[
        ("Mayor Lena Ortiz said the plan failed.", "said", Named),
        ("Officials said the plant would close.", "said", Vague),
        ("City officials said the plant would close.", "said", Institutional),
        ("Police said the driver was not injured.", "said", Institutional),
        (
            "Two nurses on the unit, who spoke on condition of anonymity because they feared retaliation, said shifts ran short.",
            "said",
            AnonymousDescribed,
        ),
        (
            "A former Brightwell engineer said the tests were skipped.",
            "said",
            Vague,
        ),
        ("Critics say the chief ignored the warnings.", "say", Vague),
        (
            "People familiar with the talks said the deal was close.",
            "said",
            Vague,
        ),
        ("She said the board would revisit the plan.", "said", Pronoun),
        (
            "A spokesperson for the county said the road was closed.",
            "said",
            Institutional,
        ),
        ("A report found the agency overspent.", "found", Vague),
        ("The lawsuit alleges the landlord ignored repairs.", "alleges", Institutional),
        ("Sources said the merger was off.", "said", Vague),
        ("The mayor reportedly intervened.", "reportedly", None),
    ];
    for (text, cue, class) in cases {
        let (attrs, _) = run(text);
        let a = with_cue(text, &attrs, cue);
        assert_eq!(a.source_class, *class, "{text}: {a:?}");
    }
}

#[test]
fn loaded_verbs() {
    let cases: &[(&str, &str, bool)] = &[
        ("Dunmore claimed the vote was rigged.", "claimed", true),
        ("Dunmore admitted the figures were wrong.", "admitted", true),
        ("Dunmore insisted the count was fair.", "insisted", true),
        ("The company denied that it cut corners.", "denied", true),
        ("Dunmore said the vote was fair.", "said", false),
        ("Dunmore noted that the vote was close.", "noted", false),
    ];
    for (text, cue, loaded) in cases {
        let (attrs, _) = run(text);
        assert_eq!(with_cue(text, &attrs, cue).loaded, *loaded, "{text}");
    }
}

#[test]
fn quote_speakers_by_rule() {
    use SpeakerRule::*;
    // text, index of the quotation, expected rule (None: no speaker)
    let cases: &[(&str, usize, Option<SpeakerRule>)] = &[
        (
            "\"We will rebuild the bridge by spring,\" Ortiz said.",
            0,
            Some(SameSentence),
        ),
        (
            "Ortiz said, \"We will rebuild the bridge by spring.\"",
            0,
            Some(SameSentence),
        ),
        (
            "\"We tried,\" she said, \"but nothing we did worked.\"",
            1,
            Some(SameSentence),
        ),
        (
            "\"We tried everything we could,\" Castell said. \"Nothing worked at all.\"",
            1,
            Some(SameParagraph),
        ),
        (
            "\"We tried everything we could,\" Castell said. \"Nothing worked.\n\n\"So we left town in the spring.\"",
            2,
            Some(Continued),
        ),
        (
            "Castell wrote in the memo:\n\n\"The budget cannot absorb another cut this year.\"",
            0,
            Some(ColonLeadIn),
        ),
        ("\"This was a cover-up from day one.\"", 0, None),
        (
            "\"We tried everything we could,\" Castell said.\n\n\"This was a cover-up from day one.\"",
            1,
            None,
        ),
        (
            "\"We won the count fair and square,\" Castell said. Ortiz said the count was wrong. \"This is not over yet for us.\"",
            1,
            None,
        ),
    ];
    for (text, qi, rule) in cases {
        let (attrs, quotes) = run(text);
        let speakers = quote_speakers(&attrs, quotes.len());
        let got = speakers[*qi].map(|a| attrs[a].speaker_rule.expect("rule"));
        assert_eq!(got, *rule, "{text}: {attrs:#?}");
        if let Some(a) = speakers[*qi] {
            assert!(!attrs[a].source.is_empty(), "{text}");
        }
    }
}

#[test]
fn pronoun_speaker_resolves_to_named() {
    let text = "Castell said the plan failed. \"We will try again next year,\" she said.";
    let (attrs, _) = run(text);
    let a = attrs
        .iter()
        .find(|a| a.source_class == SourceClass::Pronoun)
        .expect("pronoun attribution");
    assert_eq!(a.antecedent.map(|s| s.slice(text)), Some("Castell"));
}

#[test]
fn no_attribution() {
    let cases = [
        "The council voted 6-1 to approve the levy.",
        "The state representative voted against the bill.",
        "The post office closed at noon.",
        "His remarks drew a crowd.",
        "Voters in the United States head to the polls.",
        "A so-called expert appeared on the show.",
    ];
    for text in cases {
        let (attrs, _) = run(text);
        assert!(attrs.is_empty(), "{text}: {attrs:#?}");
    }
}

#[test]
fn carry_over_within_paragraph() {
    let text = "She said the board would revisit the plan. The revision would take months.\n\nThe road closed.";
    let doc = crate::Document::parse(text, Format::Markdown);
    let sents = crate::sentences::split(&doc);
    let quotes = crate::sentences::quotes(&doc);
    let attrs = find(&doc, &sents, &quotes);
    let cover = sentence_cover(&attrs, &sents);
    assert_eq!(cover.len(), 3);
    assert!(cover[0].is_some());
    assert_eq!(cover[1], cover[0]);
    assert_eq!(cover[2], None);
}

#[test]
fn never_panics_on_odd_input() {
    let cases = [
        "",
        "\"",
        "“”",
        "said",
        "according to",
        ", said .",
        "Ünïcödé said “ö” — ‘x’ ',' ''quoted'' said Zoë.",
        "He said:",
        "(said) ) ( \" said \" according",
    ];
    for text in cases {
        let _ = run(text);
    }
}

/// Cue classes PolNeAR counts that need no believable speaker: passives,
/// sourceless verbs in verb position, stance verbs, Title Case headlines.
#[test]
fn broad_cues() {
    let cases: &[(&str, &str, AttributionKind)] = &[
        // Passive reporting verb, no agent.
        (
            "The harbor master was asked about the dredging schedule.",
            "was asked",
            AttributionKind::Action,
        ),
        // Stance verbs added to the lexicon.
        (
            "Councilwoman Ferrand railed against the new parking fees.",
            "railed",
            AttributionKind::Action,
        ),
        (
            "Ferrand likened the fee schedule to a toll on every errand.",
            "likened",
            AttributionKind::Action,
        ),
        (
            "Several shop owners voiced concern that the fees would drive customers away.",
            "voiced",
            AttributionKind::Paraphrase,
        ),
        (
            "The ferry operator bemoaned the cost of fuel.",
            "bemoaned",
            AttributionKind::Paraphrase,
        ),
        // A past-tense cue after a subject that is not a known speaker.
        (
            "The leaflet argued that the ferry fares were too high.",
            "argued",
            AttributionKind::Paraphrase,
        ),
        // Stance and naming idioms.
        (
            "The ferry captain made it clear that the timetable would not change.",
            "made it clear",
            AttributionKind::Action,
        ),
        (
            "The shoal, known as the Elbow, has grounded three boats.",
            "known as",
            AttributionKind::Action,
        ),
        (
            "Councilwoman Ferrand took issue with the toll increase.",
            "took issue with",
            AttributionKind::Action,
        ),
        (
            "Critics dubbed the levy a toll on errands.",
            "dubbed",
            AttributionKind::Action,
        ),
        // Title Case headline with a weak verb.
        (
            "Harbor Town Residents Endorse Ferry Subsidy",
            "endorse",
            AttributionKind::Action,
        ),
    ];
    for &(text, cue, kind) in cases {
        let (attrs, _) = run(text);
        let a = with_cue(text, &attrs, cue);
        assert_eq!(a.kind, kind, "{text}: {a:#?}");
        assert!(!a.content.is_empty(), "{text}: no content");
    }
}

/// Asserts that in each (sentence, word) case `word` is not reported as a cue.
fn assert_no_cue(cases: &[(&str, &str)]) {
    for &(text, word) in cases {
        let (attrs, _) = run(text);
        assert!(
            !attrs
                .iter()
                .any(|a| text_of(text, &a.cue).eq_ignore_ascii_case(word)),
            "{text}: {attrs:#?}"
        );
    }
}

/// Words that look like cue verbs but are nouns or modifiers here.
#[test]
fn broad_cues_not_nouns() {
    let cases: &[(&str, &str)] = &[
        ("The remarks drew a small crowd at the pier.", "remarks"),
        ("Both states require a ferry license.", "states"),
        ("The votes were counted by noon.", "votes"),
        ("Sales rose sharply compared with last year.", "compared"),
        ("The brand names on the shelf were all local.", "names"),
    ];
    assert_no_cue(cases);
}

/// Constructions added for recall: each cue is found (the cue text given
/// is the one the extractor reports).
#[test]
fn more_cue_constructions() {
    let cases: &[(&str, &str)] = &[
        // Gerund after "by" and "in".
        (
            "The harbor master answered the council by saying the dredging would wait.",
            "saying",
        ),
        (
            "Ferrand opened the meeting in calling for a vote on the tolls.",
            "calling for",
        ),
        // "first reported", and a passive with its agent after "by".
        (
            "The Gazette first reported the closure of the ferry dock.",
            "first reported",
        ),
        (
            "The toll plan was criticized by shop owners on the pier.",
            "was criticized by",
        ),
        (
            "The closure was first reported by the Gazette.",
            "was first reported by",
        ),
        // Relative "which"/"that" and pronoun-like subjects.
        (
            "The flyer, which claimed the fares would double, was withdrawn.",
            "claimed",
        ),
        ("Another argued that the tolls were unfair.", "argued"),
        // A spaced dash before the cue.
        (
            "Ana Ruiz, the ferry operator - said the boats were full.",
            "said",
        ),
        // Noun-like present forms right after their subject.
        ("Ferrand calls the toll a tax on errands.", "calls"),
        ("Most boat owners hope the fees will fall.", "hope"),
        // Acts of advocacy and persuasion.
        (
            "Councilwoman Ferrand pressed the harbor board for a lower toll.",
            "pressed",
        ),
        (
            "The ferry union issued a warning about the new timetable.",
            "issued",
        ),
        // Apparent stance without "to".
        (
            "The harbor board seems unlikely to lower the toll.",
            "seems",
        ),
        // "maintains that" reports a claim.
        ("Ferrand maintains that the toll is illegal.", "maintains"),
        // Reporting and stance idioms.
        (
            "The fees, as Ferrand put it, are a toll on every errand.",
            "put it",
        ),
        (
            "The harbor master shot back that the boats were never late.",
            "shot back",
        ),
        (
            "Ferrand went on to say the ferry would need a subsidy.",
            "went on to say",
        ),
        (
            "The union made the case for a second ferry at the hearing.",
            "made the case",
        ),
        // Stance adjectives after a copula, stance nouns with a that-clause.
        (
            "The harbor board was skeptical of the toll plan.",
            "was skeptical",
        ),
        (
            "Ferrand was eager to cut the fees before summer.",
            "was eager",
        ),
        (
            "The union repeated its claim that the boats were unsafe.",
            "claim",
        ),
        // Praise, blame and disclosure verbs; an act of stance after a
        // plural subject.
        (
            "The columnist bashed the toll plan in a weekend column.",
            "bashed",
        ),
        (
            "Ferrand contradicted the harbor master on the ferry schedule.",
            "contradicted",
        ),
        ("Most boat owners support the new toll.", "support"),
        // A parenthetical between the cue and its clause; a contracted
        // auxiliary after a pronoun.
        ("Ferrand added, though, that the toll would stay.", "added"),
        ("He’s predicting a close vote on the toll.", "predicting"),
        (
            "Ferrand, who is best known for the ferry levy, spoke first.",
            "known for",
        ),
        // A relative clause cue (not in subject position).
        (
            "The levy angered a councilwoman who criticized the fees at length.",
            "criticized",
        ),
    ];
    for &(text, cue) in cases {
        let (attrs, _) = run(text);
        with_cue(text, &attrs, cue);
    }
}

/// Cue-looking words in noun, adjective or question use are not cues.
#[test]
fn more_non_cues() {
    let cases: &[(&str, &str)] = &[
        ("Thanks to the new ferry, the island is busier.", "thanks"),
        (
            "The early nominating contests drew few voters to the island.",
            "nominating",
        ),
        ("(Reporting by Ana Ruiz; editing by Lee Park.)", "reporting"),
        ("Do you support the new ferry toll?", "support"),
        ("You can find the timetable at the pier.", "find"),
        ("The night charge nurses work twelve-hour shifts.", "charge"),
        ("The council heard his closing remarks at noon.", "remarks"),
        ("The press gathered outside the ferry office.", "press"),
        ("The debate over the toll ran past midnight.", "debate"),
        (
            "The survey released Friday puts the toll at $4.",
            "released",
        ),
        ("The ferry captain showed up late to the hearing.", "showed"),
        (
            "The delay is adding to the islanders' frustration.",
            "adding",
        ),
        ("The harbor master found himself outvoted.", "found"),
        ("The new rules are aimed at weekend traffic.", "aimed"),
        ("The island has eight pledged delegates.", "pledged"),
        ("Ferrand helped found the ferry cooperative.", "found"),
        ("The talk show host booked the harbor master.", "show"),
        ("The council called off the vote on the toll.", "called off"),
        ("Contributing: Ana Ruiz in Kestrel Bay", ":"),
        ("Ferrand would support a smaller toll.", "would support"),
        ("A rally planned for Thursday drew a crowd.", "planned"),
        ("A levy backed by the union passed.", "backed"),
        (
            "The timetable will be released by the board.",
            "be released by",
        ),
        ("The claim that was filed last spring was denied.", "claim"),
        ("The mayor maintains a wide lead in the race.", "maintains"),
        (
            "The captain appeared on television after the storm.",
            "appeared",
        ),
        ("Regarding the toll, the council has not met.", "regarding"),
        ("Ferrand keeps attacks on the toll to a minimum.", "attacks"),
        ("The issues on the ballot include a ferry levy.", "issues"),
    ];
    assert_no_cue(cases);
}

#[test]
fn nested_reports_belong_to_outer() {
    // (text, outer cue kept, inner cue dropped)
    let cases: &[(&str, &str, &str)] = &[
        (
            "The captain told reporters that the council believes the toll is too high.",
            "told",
            "believes",
        ),
        (
            "Records show the firm backed the levy last spring.",
            "show",
            "backed",
        ),
        (
            "Ortiz praised the crew, and Reyes said the council opposed the levy.",
            "said",
            "opposed",
        ),
        (
            "Ortiz said that Reyes told her the ferry would be late.",
            "said",
            "told",
        ),
        (
            "Ortiz said what the captain told her was false.",
            "said",
            "told",
        ),
    ];
    for &(text, outer, inner) in cases {
        let (attrs, _) = run(text);
        with_cue(text, &attrs, outer);
        assert!(
            !attrs
                .iter()
                .any(|a| text_of(text, &a.cue).eq_ignore_ascii_case(inner)),
            "{text}: {attrs:#?}"
        );
    }
}

/// The shortcuts of the extractor (sentences without a hedge's key word or
/// an anonymity reason's word skip those searches) change no result.
#[test]
fn gates_change_nothing() {
    use crate::attribution::extract::UNGATED;
    let texts = [
        "Officials reportedly met. It is said to be over. Some say the plan failed.",
        "The deal, it was understood, collapsed. He allegedly-paid nothing.",
        "The mayor said it. Is said to matter. It is\nsaid to matter.",
        "A clerk who spoke on condition of anonymity said the audit was late.",
        "An aide, not authorized to speak publicly, said so. Upon background checks, it ended.",
        "Two officials, who asked not to be named because they feared reprisals, said no.",
        "Many believe the fix works. Questions have been raised about the budget.",
        "“It is widely believed,” she said. The pipes are widely seen as a risk",
        "Résumé reportedly. Naïve say-so, some say. It’s said to be fine",
        "the board voted 5-2 on March 3. The contract runs through 2028.",
        "According to reports, the plant closed. According to media reports it reopened.",
        "He had thought so. They were thought to be safe; Others were believed to be lost.",
    ];
    for text in texts {
        for joined in [false, true] {
            // Also as one paragraph of several lines, and as separate ones.
            let text = if joined {
                text.replace(". ", ".\n")
            } else {
                text.to_string()
            };
            let gated = run(&text).0;
            UNGATED.set(true);
            let ungated = run(&text).0;
            UNGATED.set(false);
            assert_eq!(gated, ungated, "{text:?}");
        }
    }
}

#[test]
fn every_hedge_has_a_key_word() {
    for h in super::lexicon::HEDGES {
        assert!(
            h.bytes().all(|b| b == b' ' || b.is_ascii_lowercase()),
            "{h}"
        );
        assert!(
            h.split(' ')
                .any(|w| super::lexicon::HEDGE_KEYS.contains(&w)),
            "{h}"
        );
    }
}

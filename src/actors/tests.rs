//! Table-driven tests with invented sentences.

use super::reply::analyze;
use super::*;
use crate::document::{Document, Format};
use crate::sentences;

fn run(text: &str) -> reply::ReplyAnalysis {
    let doc = Document::parse(text, Format::Markdown);
    let sents = sentences::split(&doc);
    let quotes = sentences::quotes(&doc);
    analyze(&doc, &sents, &quotes)
}

fn actor<'a>(r: &'a reply::ReplyAnalysis, name: &str) -> &'a Actor {
    r.actors.iter().find(|a| a.name == name).unwrap_or_else(|| {
        panic!(
            "no actor {name}: {:?}",
            r.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
        )
    })
}

fn status(r: &reply::ReplyAnalysis, name: &str) -> &'static str {
    match r.status[actor(r, name).id] {
        ReplyStatus::NotNeeded => "not-needed",
        ReplyStatus::Covered(_) => "covered",
        ReplyStatus::Missing => "missing",
    }
}

#[test]
fn descriptors_table() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "Mayor Ada Quill said the plan would pass.",
            "Ada Quill",
            &["Mayor"],
        ),
        (
            "Trask Mills spokesperson Leo Barda said the plant was safe.",
            "Leo Barda",
            &["Trask Mills spokesperson"],
        ),
        (
            "The budget was drafted by Ivo Penn, the county's chief budget officer, in May.",
            "Ivo Penn",
            &["county's chief budget officer"],
        ),
        (
            "The agency's director, Mara Lute, resigned.",
            "Mara Lute",
            &["agency's director"],
        ),
        (
            "Orsolya Venn, a hydrologist at Pell River University, said the aquifer was low.",
            "Orsolya Venn",
            &["hydrologist at Pell River University"],
        ),
        (
            "The deal was backed by Republican state Rep. Cal Dorn.",
            "Cal Dorn",
            &["Republican", "state Rep."],
        ),
        (
            "Quorra Freight, a regional trucking company, won the bid.",
            "Quorra Freight",
            &["regional trucking company"],
        ),
        (
            "Veteran assistant coach Bo Lind will take over.",
            "Bo Lind",
            &["Veteran assistant coach"],
        ),
        ("Hale Ostby, 54, was elected in 2019.", "Hale Ostby", &[]),
    ];
    for (text, name, want) in cases {
        let r = run(text);
        let a = actor(&r, name);
        let got: Vec<&str> = a.descriptors.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(&got, want, "{text}");
        for d in &a.descriptors {
            assert_eq!(d.span.slice(text), d.text, "{text}");
        }
    }
}

#[test]
fn alias_linking_table() {
    let cases: &[(&str, &str, usize)] = &[
        ("Nadia Pruett spoke first. Pruett then left.", "Nadia Pruett", 2),
        (
            "Tovar Shipping Co. lost the bid. Tovar said it would appeal. The company declined further comment.",
            "Tovar Shipping Co.",
            3,
        ),
        (
            "The Fenwick Daily Post reported the leak. The Post said it stood by the story.",
            "Fenwick Daily Post",
            2,
        ),
        (
            "# Renters sue Quillby Rentals\n\nRenters sued Quillby Rentals Co. in May. Quillby said the suit had no merit.",
            "Quillby Rentals Co.",
            3,
        ),
        (
            "Sela Orrin and Dov Orrin run the shop. Orrin said sales fell.",
            "Sela Orrin",
            1,
        ),
    ];
    for (text, name, n) in cases {
        let r = run(text);
        let a = actor(&r, name);
        assert_eq!(a.mentions.len(), *n, "{text}: {:?}", a.mentions);
    }
}

#[test]
fn kinds_table() {
    let cases: &[(&str, &str, ActorKind)] = &[
        (
            "Wendel Crane said the vote was close.",
            "Wendel Crane",
            ActorKind::Person,
        ),
        (
            "Brask Analytics Inc. filed the report.",
            "Brask Analytics Inc.",
            ActorKind::Org,
        ),
        (
            "Staff at the Lindell Clinic said the wait was long.",
            "Lindell Clinic",
            ActorKind::Org,
        ),
        (
            "The report was paid for by the Orchard Growers Alliance.",
            "Orchard Growers Alliance",
            ActorKind::Org,
        ),
    ];
    for (text, name, kind) in cases {
        let r = run(text);
        assert_eq!(actor(&r, name).kind, *kind, "{text}");
    }
    // Places are not actors.
    let r = run("The crash happened on Wexley Avenue near Port Calder.");
    assert!(r.actors.is_empty(), "{:?}", r.actors);
}

#[test]
fn targets_table() {
    // (text, name, expected status)
    let cases: &[(&str, &str, &str)] = &[
        (
            "Ivy Rook accused Delmar Paving of skipping inspections.",
            "Delmar Paving",
            "missing",
        ),
        (
            "Ivy Rook accused Delmar Paving of skipping inspections.",
            "Ivy Rook",
            "not-needed",
        ),
        (
            "Prosecutors charged Obed Fisk with arson.",
            "Obed Fisk",
            "missing",
        ),
        (
            "Obed Fisk is charged with two counts of arson.",
            "Obed Fisk",
            "missing",
        ),
        (
            "The county is investigating Lomax Ferry Co. over spills.",
            "Lomax Ferry Co.",
            "missing",
        ),
        (
            "State regulators fined Corbel Energy $40,000 last year.",
            "Corbel Energy",
            "missing",
        ),
        (
            "Tess Morrow said Garrick Haulers falsified its mileage logs.",
            "Garrick Haulers",
            "missing",
        ),
        (
            "Tess Morrow said Garrick Haulers falsified its mileage logs.",
            "Tess Morrow",
            "not-needed",
        ),
        (
            "Councilwoman Pim Adair blasted Mayor Rolf Igwe for hiding the shortfall.",
            "Rolf Igwe",
            "missing",
        ),
        (
            "Councilwoman Pim Adair blasted Mayor Rolf Igwe for hiding the shortfall.",
            "Pim Adair",
            "not-needed",
        ),
        // victims, the dead and policy opponents are not targets
        (
            "A driver shot and killed Ennis Vale on Route 9.",
            "Ennis Vale",
            "not-needed",
        ),
        (
            "Hollin Pratt opposes a plan backed by the Dunmere Growers Council.",
            "Dunmere Growers Council",
            "not-needed",
        ),
        (
            "Hollin Pratt opposes a plan backed by the Dunmere Growers Council.",
            "Hollin Pratt",
            "not-needed",
        ),
        // a rebuttal does not make the accuser a target
        (
            "Juno Sark said Pell Arden's accusation was false.",
            "Pell Arden",
            "not-needed",
        ),
        // a relative clause names the culprit
        (
            "The suit names Kettle Labs, which it accuses of hiding test data.",
            "Kettle Labs",
            "missing",
        ),
        // a defence implies an accusation; a sister is not a spokesperson
        (
            "Ames Tolk's sister said her brother had done nothing wrong.",
            "Ames Tolk",
            "missing",
        ),
        // a plain mention is not a target
        (
            "Rhea Sutter toured the plant with Omar Bly.",
            "Omar Bly",
            "not-needed",
        ),
    ];
    for (text, name, want) in cases {
        let r = run(text);
        assert_eq!(status(&r, name), *want, "{text}");
    }
}

#[test]
fn response_lines_table() {
    let acc = "Auditors accused Brenna Voss of padding invoices.";
    let cases: &[(&str, Outcome)] = &[
        (
            "Voss did not respond to a request for comment.",
            Outcome::NoResponse,
        ),
        (
            "Voss did not immediately respond to emails seeking comment.",
            Outcome::NoResponse,
        ),
        ("Voss declined to comment.", Outcome::Declined),
        (
            "Voss could not be reached for comment.",
            Outcome::Unreachable,
        ),
        (
            "Voss was not immediately available for comment.",
            Outcome::Unreachable,
        ),
        ("Voss said the invoices were accurate.", Outcome::Responded),
        (
            "Voss has denied the claims in court filings.",
            Outcome::Responded,
        ),
        (
            "A message left for Voss was not returned.",
            Outcome::NoResponse,
        ),
        (
            "Attempts to reach Voss were unsuccessful.",
            Outcome::Unreachable,
        ),
        ("\"We billed what we did,\" Voss said.", Outcome::Responded),
        ("\"We billed what we did,\" said Voss.", Outcome::Responded),
    ];
    for (line, outcome) in cases {
        let text = format!("{acc}\n\n{line}\n");
        let r = run(&text);
        let a = actor(&r, "Brenna Voss");
        assert_eq!(status(&r, "Brenna Voss"), "covered", "{line}");
        assert!(
            r.responses
                .iter()
                .any(|x| x.actor == a.id && x.outcome == *outcome),
            "{line}: {:?}",
            r.responses
        );
    }
}

#[test]
fn affiliation_coverage_table() {
    // (text, target, expected status)
    let cases: &[(&str, &str, &str)] = &[
        // the body's spokesperson covers its staff
        (
            "Critics accused Pax Hollow University athletic director Gil Marr of ignoring complaints.\n\nPax Hollow spokesperson Rita Song said the school acted promptly.",
            "Gil Marr",
            "covered",
        ),
        (
            "A lawsuit accuses Dena Wolk, the city's finance director, of hiding losses.\n\nCity spokesperson Abe Ruhl said the claims were baseless.",
            "Dena Wolk",
            "covered",
        ),
        // an adviser covered by the office that employs him
        (
            "senior Lantern House adviser Colm Tiernay misled investigators about the meeting, according to the Tarrow Gazette.\n\nThe Lantern House did not respond to a request for comment.",
            "Colm Tiernay",
            "covered",
        ),
        // a lawyer covers the client
        (
            "Prosecutors charged Vera Stohl with fraud.\n\nStohl's attorney, Ned Imre, said she would be cleared.",
            "Vera Stohl",
            "covered",
        ),
        // a campaign covers its candidate
        (
            "An ad accuses state Sen. Lou Harker of trading votes for donations.\n\nHarker campaign spokesperson Ida Frey called the ad false and said voters would see through it.",
            "Lou Harker",
            "covered",
        ),
        // another company never covers
        (
            "Tenants said Birch Row Properties ignored leaks for months.\n\nOakum Plumbing, the building's contractor, said it was never called.",
            "Birch Row Properties",
            "missing",
        ),
        // a fellow board member's head does not speak for a member
        (
            "Parents accused board member Ken Asher of leaking the report.\n\nBoard President Tia Moon said the board would review its rules.",
            "Ken Asher",
            "missing",
        ),
        // referring questions is not the referee's reply
        (
            "Inspectors said Hulme Realty disabled the alarms.\n\nA spokesperson for Farrow Freight, the tenant, referred questions to Hulme Realty.",
            "Hulme Realty",
            "missing",
        ),
    ];
    for (text, name, want) in cases {
        let r = run(text);
        assert_eq!(status(&r, name), *want, "{text}");
    }
}

#[test]
fn findings_placement_and_fixes() {
    let text = "Ivy Rook accused Delmar Paving of skipping inspections.\n\nDelmar Paving has paved county roads since 1990.\n";
    let doc = Document::parse(text, Format::Markdown);
    let sents = sentences::split(&doc);
    let quotes = sentences::quotes(&doc);
    let r = analyze(&doc, &sents, &quotes);
    let f = missing_response_findings(&doc, &r.actors, &r.accusations, &r.status);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].span.slice(text), "Delmar Paving");
    assert_eq!(f[0].span.start, 17);
    assert_eq!(
        f[0].message,
        "Delmar Paving is accused or criticised, but the draft records no response, refusal or attempt to reach them."
    );
    assert_eq!(f[0].related.len(), 1);
    let texts: Vec<&str> = f[0].fixes.iter().map(|x| &*x.edits[0].text).collect();
    assert!(texts.contains(&"\n\nDelmar Paving did not respond to a request for comment."));
    assert!(texts.contains(
        &"\n\nA spokesperson for Delmar Paving did not respond to a request for comment."
    ));
    // inserted after the last paragraph mentioning the target
    assert_eq!(f[0].fixes[0].edits[0].span.start, text.trim_end().len());
}

#[test]
fn headings_feed_the_index_but_are_not_flagged() {
    let text = "# Regulators fault Garnet Mills\n\nRegulators said Garnet Mills dumped dye into the creek.\n";
    let doc = Document::parse(text, Format::Markdown);
    let sents = sentences::split(&doc);
    let quotes = sentences::quotes(&doc);
    let r = analyze(&doc, &sents, &quotes);
    let f = missing_response_findings(&doc, &r.actors, &r.accusations, &r.status);
    assert_eq!(f.len(), 1);
    assert!(f[0].span.start > text.find('\n').unwrap());
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "“",
        "’s",
        "A — –– “Ünïcödé” Ms. Ça’s X, , ,",
        "Ávila Ñúñez said “he lied.” ––",
        "Sgt. \n\n\"",
        "X's' 's'",
    ] {
        let _ = run(t);
    }
}

/// The cue prefilter must keep every sentence a cue regex matches in: each
/// regex is run over invented sentences, with and without a match, and the
/// cue bit must be set wherever it matches.
#[test]
fn cue_prefilter_keeps_regex_matches() {
    use crate::span::Span;
    use lex::*;
    let sentences = [
        "The contractor overbilled the district for two years.",
        "Officials said the firm had COVERED UP the spill.",
        "Dray could not be reached for comment on Tuesday.",
        "The agency did not immediately respond to questions.",
        "A spokesperson declined to comment.",
        "Calls to the landlord were not returned.",
        "Her lawyer said she had done nothing wrong.",
        "The clerk was suspended without pay last week.",
        "The vendor faces three counts of fraud.",
        "He admitted to taking the money.",
        "The pilot was killed when the plane went down.",
        "Mourners gathered for the funeral of the late mayor.",
        "The council voted 5-2 to approve the budget.",
        "Turnout was higher than expected in the north ward.",
        "Rain is expected through the weekend.",
        "The board met at the library_annex on Monday.",
        "Pelt said the audit was sloppy and the figures inflated.",
        "Requests for comment to the firm went unanswered.",
    ];
    let text = sentences.join(" ");
    let mut spans = Vec::new();
    let mut at = 0;
    for s in &sentences {
        spans.push(Span::new(at, at + s.len()));
        at += s.len() + 1;
    }
    let bits = sentence_cues(&text, &spans);
    let mut seen_set = 0u8;
    let mut seen_clear = 0u8;
    for (s, b) in sentences.iter().zip(&bits) {
        let checks: [(u8, bool); 5] = [
            (CUE_CONDUCT, CONDUCT_RE.is_match(s)),
            (CUE_NO_RESPONSE, NO_RESPONSE_RE.is_match(s)),
            (CUE_DEFENCE, DEFENCE_RE.is_match(s)),
            (
                CUE_DEATH,
                [
                    "kill", "murder", "death", "fatal", "mourn", "funeral", "died",
                ]
                .iter()
                .any(|w| s.to_ascii_lowercase().contains(w)),
            ),
            (CUE_PASSIVE, {
                // PASSIVE_ACTION_RE is anchored: try it at every word.
                s.char_indices()
                    .filter(|&(i, _)| i == 0 || s.as_bytes()[i - 1] == b' ')
                    .any(|(i, _)| PASSIVE_ACTION_RE.is_match(&s[i..]))
            }),
        ];
        for (bit, matched) in checks {
            if matched {
                assert!(b & bit != 0, "cue {bit} missing for {s:?}");
                seen_set |= bit;
            } else if b & bit == 0 {
                seen_clear |= bit;
            }
        }
    }
    // every cue is exercised both ways
    let all = CUE_CONDUCT | CUE_NO_RESPONSE | CUE_DEFENCE | CUE_DEATH | CUE_PASSIVE;
    assert_eq!(seen_set, all);
    assert_eq!(seen_clear, all);
    // Text a case-insensitive regex could match through Unicode case
    // folding (KELVIN SIGN) turns the prefilter off.
    let odd = "The \u{212A}ILLING was reported.";
    assert_eq!(
        sentence_cues(odd, &[Span::new(0, odd.len())]),
        vec![u8::MAX]
    );
}

#[test]
fn lowered_probes_match_lowering_first() {
    use lex::*;
    for set in [&*KIN, &*SPEAKS_FOR, &*ROLE_NOUNS] {
        let mut found = 0;
        for w in set.words() {
            let mut cap = w.to_string();
            cap[..1].make_ascii_uppercase();
            let forms = [
                w.to_string(),
                w.to_ascii_uppercase(),
                cap,
                format!("{w}s"),
                format!("Q{w}"),
                format!("{w}\u{e9}"),
                w[1..].to_string(),
            ];
            for v in &forms {
                let want = with_lower(v, |l| set.contains(l));
                assert_eq!(set.contains_lower(v), want, "{v}");
                found += usize::from(want);
            }
        }
        // (each list's own words, in three casings, at least)
        assert!(found >= 3 * set.words().count(), "{found}");
    }
    for (w, role) in [
        ("lawyer", true),
        ("LAWYER", true),
        ("Lawyer", true),
        ("pianist", true),
        ("Pianist", false),
        ("teenager", true),
        ("cabbage", false),
        ("ist", false),
    ] {
        assert_eq!(index::is_role(w), role, "{w}");
    }
}

#[test]
fn word_sets_and_lowering_table() {
    use lex::*;
    let cases: &[(&str, bool, bool)] = &[
        // word, in REPORT_VERBS, lower-cased is a role noun
        ("said", true, false),
        ("Said", false, false),
        ("Spokesperson", false, true),
        ("spokesperson", false, true),
        ("", false, false),
        ("éditeur", false, false),
    ];
    for &(w, report, role) in cases {
        assert_eq!(REPORT_VERBS.contains(w), report, "{w}");
        assert_eq!(with_lower(w, |l| ROLE_NOUNS.contains(l)), role, "{w}");
    }
    assert_eq!(frame_verb("ACCUSED"), Some(Frame::Accuse));
    assert_eq!(frame_verb("Blamed"), Some(Frame::Blame));
    assert_eq!(frame_verb("aCCUSED"), None);
    assert_eq!(class_of_head("Administration"), Some("agency"));
    assert_eq!(class_of_head("Inc."), Some("company"));
}

#[test]
fn tokens_table() {
    use crate::span::Span;
    let cases: &[(&str, &[&str])] = &[
        ("Dr. Oba's clinic", &["Dr.", "Oba", "'s", "clinic"]),
        ("the co-op’s  board", &["the", "co-op", "’s", "board"]),
        ("at 9 a.m. sharp", &["at", "9", "a.m.", "sharp"]),
        ("J.R. Vell, née Orme", &["J.R.", "Vell", ",", "née", "Orme"]),
        ("the Joneses' dog", &["the", "Joneses", "'", "dog"]),
    ];
    for &(text, want) in cases {
        let mut out = Vec::new();
        index::tokenize(text, Span::new(0, text.len()), &[], &mut out);
        let got: Vec<&str> = out.iter().map(|t| t.span().slice(text)).collect();
        assert_eq!(got, want, "{text}");
    }
}

type RefTok = (Span, index::TokKind, bool, bool);
use crate::span::Span;
use index::TokKind;

fn char_at(text: &str, i: usize, end: usize) -> Option<(char, usize)> {
    if i >= end {
        return None;
    }
    text.get(i..end)?.chars().next().map(|c| (c, c.len_utf8()))
}

fn is_alnum(c: char) -> bool {
    c.is_alphanumeric()
}

/// The tokenizer as first written, char by char: the reference for
/// [`index::tokenize`].
fn reference_tokenize(text: &str, span: Span, quotes: &[Span], out: &mut Vec<RefTok>) {
    let end = span.end.min(text.len());
    let mut i = span.start;
    if end > u32::MAX as usize {
        // token offsets are u32
        return;
    }
    if !text.is_char_boundary(i) || !text.is_char_boundary(end) {
        return;
    }
    let bytes = text.as_bytes();
    let mut qi = quotes.partition_point(|q| q.end <= i);
    while let Some((c, clen)) = char_at(text, i, end) {
        if c == ' ' {
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        while qi < quotes.len() && quotes[qi].end <= i {
            qi += 1;
        }
        let quoted = qi < quotes.len() && quotes[qi].start <= i && i < quotes[qi].end;
        if is_alnum(c) {
            let start = i;
            let mut j = i + clen;
            loop {
                while j < end && bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                }
                let Some((d, dlen)) = char_at(text, j, end) else {
                    break;
                };
                if is_alnum(d) {
                    j += dlen;
                    continue;
                }
                let after = j + dlen;
                let next = char_at(text, after, end);
                if d == '-' && next.is_some_and(|(n, _)| is_alnum(n)) {
                    j += 1;
                    continue;
                }
                if d == '\'' || d == '’' {
                    // possessive 's ends the word
                    let n1 = next.map(|(n, _)| n);
                    let n2 = next.and_then(|(_, l)| char_at(text, after + l, end));
                    if matches!(n1, Some('s')) && !n2.is_some_and(|(n, _)| is_alnum(n)) {
                        break;
                    }
                    if n1.is_some_and(is_alnum) {
                        j += dlen;
                        continue;
                    }
                    break;
                }
                if d == '.' {
                    let word = &text[start..j];
                    let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                    let dotted = word.contains('.');
                    if single || dotted || index::DOTTED.contains(&word) {
                        j += 1;
                        if char_at(text, j, end).is_some_and(|(n, _)| n.is_alphabetic())
                            && (single || dotted)
                        {
                            continue;
                        }
                        break;
                    }
                    if word == "a" || word == "p" {
                        // a.m. / p.m.
                        if text[j + 1..end].starts_with("m.") {
                            j += 3;
                        }
                    }
                    break;
                }
                break;
            }
            out.push((Span::new(start, j), TokKind::Word, c.is_uppercase(), quoted));
            i = j;
            // possessive
            let rest = &text[i..end];
            for ap in ["'s", "’s"] {
                if rest.starts_with(ap) && !rest[ap.len()..].chars().next().is_some_and(is_alnum) {
                    out.push((Span::new(i, i + ap.len()), TokKind::Poss, false, quoted));
                    i += ap.len();
                    break;
                }
            }
            if i == j && (rest.starts_with('\'') || rest.starts_with('’')) {
                let w = &text[start..j];
                let after = &rest[if rest.starts_with('\'') { 1 } else { 3 }..];
                if w.ends_with('s') && !after.chars().next().is_some_and(is_alnum) {
                    let l = if rest.starts_with('\'') { 1 } else { 3 };
                    out.push((Span::new(i, i + l), TokKind::Poss, false, quoted));
                    i += l;
                }
            }
            continue;
        }
        out.push((Span::new(i, i + clen), TokKind::Punct, false, quoted));
        i += clen;
    }
}

/// The byte-wise tokenizer agrees with the char-by-char one on invented
/// text full of abbreviations, apostrophes, hyphens and non-ASCII.
#[test]
fn tokenize_matches_reference() {
    let pieces: &[&str] = &[
        "Dr.",
        "dr.",
        "U.S.",
        "a.m.",
        "p.m.",
        "A.m.",
        "J.R.",
        "x.y",
        "No.",
        "Calif.",
        "co-op",
        "-x",
        "don't",
        "Oba's",
        "Oba’s",
        "Joneses'",
        "Joneses’",
        "it’s",
        "’s",
        "'s",
        "s'",
        "'",
        "’",
        "’s’",
        "née",
        "Ñúñez",
        "İzmir",
        "straße",
        "ǅemal",
        "日本",
        "e\u{301}",
        "9",
        "1,200",
        "3.5",
        "A.",
        "I.",
        "É.",
        "x",
        "Zed",
        "the",
        "cafe\u{301}'s",
        "\u{2160}",
        "²",
        "Mr",
        "St.Louis",
        "O'Neil",
        "O’Neil",
        "rock'n'roll",
        "—",
        "–",
        "“",
        "”",
        "…",
        "&",
        "_",
        "a-",
        "-",
        "said",
        "SAID",
        "according",
        "accused's",
    ];
    let glue: &[&str] = &[
        " ", " ", "", "\u{a0}", "\u{2003}", "\n", "\t", ", ", ". ", "-", "'", "’", ".",
    ];
    let recipe = crate::testgen::Recipe {
        pieces,
        glue,
        min_pieces: 1,
        extra_pieces: 10,
        trailing_glue: true,
        seed: 0x9e37_79b9_7f4a_7c15,
    };
    let mut verbish = 0;
    for (n, text) in crate::testgen::invented(&recipe, 4000).iter().enumerate() {
        // the whole text, and a stretch inside it; quotations over a part
        let cut = text.char_indices().map(|(i, _)| i).nth(2).unwrap_or(0);
        let q = text.char_indices().map(|(i, _)| i).nth(n % 7).unwrap_or(0);
        let quotes = [Span::new(q, text.len().min(q + 9 + n % 5))];
        let quotes: &[Span] = if n % 2 == 0 { &quotes } else { &[] };
        for span in [Span::new(0, text.len()), Span::new(cut, text.len())] {
            let mut got = Vec::new();
            index::tokenize(text, span, quotes, &mut got);
            let got: Vec<RefTok> = got
                .iter()
                .map(|t| (t.span(), t.kind, t.cap, t.quoted))
                .collect();
            let mut want = Vec::new();
            reference_tokenize(text, span, quotes, &mut want);
            assert_eq!(got, want, "{text:?} {span:?}");
            // the reporting/frame filter's mark, as the scan would test it
            let mut toks = Vec::new();
            index::tokenize(text, span, quotes, &mut toks);
            for t in &toks {
                let w = t.span().slice(text).as_bytes();
                let want = t.kind == index::TokKind::Word
                    && (3..=13).contains(&w.len())
                    && super::lex::may_report_or_frame(w);
                assert_eq!(t.verbish, want, "{text:?} {:?}", t.span());
                verbish += usize::from(want);
            }
        }
    }
    // the marked words came up often: the comparison meant something
    assert!(verbish > 1000, "{verbish}");
}

/// `is_alnum` skips the Unicode tables for General Punctuation, which
/// must hold no letter or digit.
#[test]
fn general_punctuation_has_no_alphanumerics() {
    assert!(('\u{2000}'..='\u{206F}').all(|c| !c.is_alphanumeric()));
}

/// `is_dotted_abbreviation` looks at short capitalised words only.
#[test]
fn dotted_abbreviations_are_short_and_capitalised() {
    for w in index::DOTTED {
        assert!(w.len() <= 5 && w.as_bytes()[0].is_ascii_uppercase(), "{w}");
    }
}

#[test]
fn subject_candidates_merge_in_order_once_each() {
    use super::index::{Mention, MentionKind};
    let at = |a: usize| Mention {
        actor: 0,
        span: Span::new(a, a + 1),
        sent: 0,
        a,
        b: a + 1,
        run_a: a,
        poss: false,
        quoted: false,
        kind: MentionKind::Named,
    };
    let table: &[(&[usize], &[usize], &[usize])] = &[
        (&[], &[], &[]),
        (&[2, 7], &[], &[2, 7]),
        (&[], &[1, 4], &[1, 4]),
        (&[2, 7], &[1, 4, 9], &[1, 2, 4, 7, 9]),
        // a token that starts two mentions, or is both, comes once
        (&[3, 3, 5], &[3, 6], &[3, 5, 6]),
    ];
    for &(ms, pros, want) in table {
        let ms: Vec<Mention> = ms.iter().map(|&a| at(a)).collect();
        let got: Vec<usize> = super::reply::subject_candidates(&ms, pros).collect();
        assert_eq!(got, want, "{ms:?} {pros:?}");
    }
}

#[test]
fn class_heads_pass_the_filter_in_any_case() {
    for &(w, class) in lex::CLASS_HEADS {
        let mut cap = w.to_string();
        cap[..1].make_ascii_uppercase();
        let upper = w.to_ascii_uppercase();
        let dotted = format!("{w}.");
        for form in [w, cap.as_str(), upper.as_str(), dotted.as_str()] {
            assert_eq!(lex::class_of_head(form), Some(class), "{form}");
        }
    }
    for w in [
        "",
        "x",
        "the",
        "Companies",
        "boardroom",
        "policeman",
        "Ventura",
        "a.",
        "funds",
    ] {
        assert_eq!(lex::class_of_head(w), None, "{w}");
    }
}

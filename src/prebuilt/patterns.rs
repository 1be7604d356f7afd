// Regex patterns that build.rs compiles to DFAs ahead of time, shared by the
// build script (`#[path]` module) and the library (`crate::prebuilt::patterns`).
// Plain `std` Rust only: the build script has no other crates in scope.

/// What build.rs compiles: one anchored DFA (file `NAME.dfa`) per entry, of
/// one pattern or of several (leftmost-first, as their alternation, the
/// pattern's index standing for the branch).
pub struct Spec {
    pub name: &'static str,
    pub patterns: Vec<String>,
    /// In the dense format: larger (a `u32` per state and byte class) but
    /// faster than the sparse one; for the DFAs that search the most text.
    pub dense: bool,
}

/// Negative conduct and damaging facts in a clause whose subject is the target.
pub const CONDUCT: &str = r"(?xi)\b(
          li(ed|es|e|ar|ars|ying)\b | misled | mislead(ing|s)? | conceal(ed|ing|s)? | covered\s+up | cover(ing|s)?\s+up |
          hid\b | hidden\b | hid(ing|es)\b | falsif(ied|y|ying) | fabricat(ed|ing) | forg(ed|ing)\b |
          overbill(ed|ing|s)? | overcharg(ed|ing|es) | overstat(ed|ing|es) | inflat(ed|ing)\b |
          violat(ed|ing|es) | retaliat(ed|ing) | harass(ed|ing) | berat(ed|ing) | mock(ed|ing) |
          threaten(ed|ing) | pressur(ed|ing)\b | intimidat(ed|ing) | bull(ied|ying) | abus(ed|ing)\b |
          ignor(ed|ing)\b | neglect(ed|ing) | negligen(t|ce) | fail(ed|ing)\s+to | mismanag(ed|ing|ement) |
          embezzl(ed|ing) | stole\b | steal(ing|s)? | defraud(ed|ing) | fraud(ulent|ulently)? | brib(ed|es|ery|ing) |
          kickbacks? | skipp(ed|ing) | sat\s+on\b | never\s+told | withh(e|o)ld(ing)? | leak(ed|ing)\b |
          turn(ed|ing)\s+off | shut\s+off | switch(ed|ing)\s+off | disabl(ed|ing) | dump(ed|ing) |
          pollut(ed|ing) | contaminat(ed|ing) | discriminat(ed|ing) | underpa(id|ying) | unpaid |
          wrong\b | botch(ed|ing) | misus(ed|ing) | misappropriat(ed|ing) | reckless(ly)? | unfit |
          incompeten(t|ce) | illegal(ly)? | unlawful(ly)? | improper(ly)? | falsely | corrupt(ion)? |
          hostage | sold\s+out | sell(ing|s)?\s+out | cheat(ed|ing)? | scam(med)? | plagiari[sz](ed|ing) |
          cover-?up | whitewash | stonewall(ed|ing)? | never\s+(drove|worked|arrived|delivered|paid|showed|happened|performed|existed) |
          allegedly | trad(ed|ing)\s+(her|his|their|its)\s+vote | sexual(ly)?\s+(harass|assault|abus) | assault(ed|ing) |
          keep\s+(the\s+|their\s+|her\s+|his\s+)?(complaints?|allegations?|concerns?)\b | keep\s+quiet | stay\s+quiet |
          would\s+ruin | lax\b | sloppy | shoddy | unsafe
        )";

/// Passive legal or official action against the subject.
pub const PASSIVE_ACTION: &str = r"(?xi)^\s*(?:\w+ly\s+)?(?:(?:is|was|were|are|has\s+been|have\s+been|had\s+been|been|being|be|will\s+be|could\s+be|stands|remains)\s+(?:\w+ly\s+)?(?:also\s+)?
          (accused|charged|indicted|sued|cited|fined|suspended|arrested|convicted|faulted|blamed|investigated|disciplined|censured|reprimanded|sanctioned|criticized|criticised|placed\s+on|put\s+on|under\s+investigation|subject\s+of|named\s+in|found\s+liable|found\s+guilty|ordered\s+to\s+pay|barred|banned|fired|ousted|terminated)
          | (pleaded|pleads|has\s+pleaded)\s+(not\s+)?guilty | faces?\s+(\w+\s+){0,3}(charges?|counts?|lawsuits?|allegations?|complaints?|investigation)
          | (admitted|admits)\s+to )";

/// Cheap pre-check for [`PASSIVE_ACTION`].
pub const PASSIVE_HINT: &str =
    r"(?i)\b(is|was|were|are|been|being|be|stands|remains|pleaded|pleads|faces?|admit\w*)\s";

/// A defence of someone implies an accusation against them.
pub const DEFENCE: &str = r"(?i)\b(done|did|do|does)\s+nothing\s+wrong\b|\bno\s+wrongdoing\b|\b(is|was|are|were)\s+innocent\b|\bacted\s+in\s+good\s+faith\b|\bacted\s+within\s+the\s+law\b|\bnever\s+crossed\s+the\s+line\b";

/// "shot and killed X", "X died": the dead are not targets.
pub const DEATH: &str = r"(?i)\b(killed|killing|murdered|death\s+of|fatal\s+shooting\s+of|fatally\s+shot|funeral\s+for|mourn(ed|ing)?)\s*$";

/// The kinds of [`NO_RESPONSE`], one a pattern.
pub const NO_RESPONSE_NAMES: [&str; 5] = ["unreach", "nores", "decl", "reach", "req"];

/// Failed attempts and refusals (SPEC §5.3), one pattern per kind of
/// [`NO_RESPONSE_NAMES`], in priority order: leftmost-first, they match as
/// their alternation with a named group each ([`no_response`]) does.
pub const NO_RESPONSE: [&str; 5] = [
    r"(?xi)\bcould\s*(n't|not)\s+be\s+reached | \bcannot\s+be\s+reached | \bwas\s+not\s+(immediately\s+)?available | \bwere\s+not\s+(immediately\s+)?available | \bwas\s+unavailable | \bwere\s+unavailable | \bunable\s+to\s+be\s+reached",
    r"(?xi)\b(did|does|do|has|have|had)\s*(n't|not)\s+(immediately\s+)?(respond|return|reply|answer|comment) | \bdidn[’']t\s+(immediately\s+)?(respond|return|reply|answer) | \bhas\s+not\s+responded | \bhave\s+not\s+responded | \bwere\s+not\s+returned | \bwas\s+not\s+returned | \bwent\s+unanswered | \bwent\s+unreturned | \bno\s+response ",
    r"(?xi)\bdeclined\s+to\s+(comment|discuss|answer|elaborate|say|respond|speak|address|be\s+interviewed) | \bdeclines\s+to | \brefused\s+to\s+(comment|discuss|answer|say|respond|speak) | \bwould\s*(n't|not)\s+(comment|discuss|say|answer|elaborate) | \bwill\s*not\s+comment | \bdoes\s*(n't|not)\s+comment | \bdo\s*(n't|not)\s+comment | \bno\s+comment | \breferred\s+(questions|inquiries|requests|reporters) | \brefers\s+(questions|inquiries)",
    r"(?xi)\b(attempts|efforts|calls|emails|messages|requests)\s+(\w+\s+){0,3}(to\s+reach|to|for)\s+ ",
    r"(?xi)\bsought\s+comment\s+from | \breached\s+out\s+to | \brequests?\s+for\s+comment\s+(to|from) | \basked\s+for\s+comment",
];

/// [`NO_RESPONSE`] as one pattern with a named group per kind.
pub fn no_response() -> String {
    let branches: Vec<String> = NO_RESPONSE_NAMES
        .iter()
        .zip(NO_RESPONSE)
        .map(|(name, p)| format!("(?P<{name}>{})", p.trim_start_matches("(?xi)")))
        .collect();
    format!("(?xi){}", branches.join("\n| "))
}

/// Non-ASCII characters that neither Unicode `\w` nor a case-insensitive
/// ASCII letter matches (`rx_neutral_chars_are_neutral` checks it): text
/// whose other characters are ASCII gets the same matches from both forms.
pub const NEUTRAL: &[char] = &[
    '\u{2018}', '\u{2019}', '\u{201A}', '\u{201C}', '\u{201D}', '\u{201E}', '\u{2013}', '\u{2014}',
    '\u{2015}', '\u{2026}', '\u{2022}', '\u{00B7}', '\u{2032}', '\u{2033}', '\u{00AB}', '\u{00BB}',
    '\u{2039}', '\u{203A}', '\u{20AC}', '\u{00A3}', '\u{00A5}', '\u{00A2}', '\u{00B0}', '\u{00A7}',
    '\u{00A9}', '\u{00AE}', '\u{2122}', '\u{2020}', '\u{2021}', '\u{2010}', '\u{2011}', '\u{2012}',
    '\u{00AD}', '\u{00BD}', '\u{00BC}', '\u{00BE}', '\u{00B1}', '\u{00D7}', '\u{2030}', '\u{2044}',
];

/// The ASCII form of an actor pattern: ASCII-only `\w` and case folding
/// (`(?-u)`), `\s` and the apostrophes still Unicode. `\w` is any ASCII
/// word byte or any two-byte UTF-8 character (U+0080 to U+07FF) but white
/// space and [`NEUTRAL`]: the form serves text whose other non-ASCII
/// characters are white space, [`NEUTRAL`] or letters below U+0530 (see
/// `Rx::ascii_ok` in `src/actors/lex.rs`), on which that is Unicode `\w`.
pub fn ascii_form(pattern: &str) -> String {
    let p = if let Some(rest) = pattern.strip_prefix("(?xi)") {
        format!("(?xi-u){rest}")
    } else if let Some(rest) = pattern.strip_prefix("(?i)") {
        format!("(?i-u){rest}")
    } else {
        format!("(?-u){pattern}")
    };
    let mut word = String::from(r"(?:[0-9A-Za-z_]|(?u-i:[\x{80}-\x{7FF}--[");
    for c in NEUTRAL
        .iter()
        .copied()
        .chain(('\u{80}'..='\u{7FF}').filter(|c| c.is_whitespace()))
        .filter(|&c| c <= '\u{7FF}')
    {
        word.push_str(&format!(r"\x{{{:X}}}", u32::from(c)));
    }
    word.push_str("]]))");
    p.replace("[\u{2019}']", "(?u:[\u{2019}'])")
        .replace(r"\s", r"(?u:\s)")
        .replace(r"\w", &word)
}

/// Word boundaries ASCII (`(?-u:\b)`), as the actor patterns mean them.
pub fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Death words, a pre-check for the death cues (case-insensitive).
pub const DEATH_HINT: &str = r"(?i)kill|murder|death|fatal|mourn|funeral|died";

/// The rest of a "calls to X ..." sentence says the attempt failed. Its
/// last `\b` is Unicode: the prebuilt DFA (ASCII form) serves text without
/// non-ASCII word characters only.
pub const FAILED: &str = r"(?i)(?-u:\b)(unsuccessful|failed|not\s+returned|went\s+unanswered|went\s+unreturned|not\s+answered|were\s+not|was\s+not|did\s+not|bounced)\b";

/// A percentage or a change in percentage points.
pub const PERCENT: &str =
    r"(?i-u)\b\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b|percentage points?\b)";

/// "... are increasingly" before a group-sentiment word.
pub const GROUP_FEELS: &str = r"(?i-u)\b(?:are|were|remain|remained|grew|have grown|feel|felt|is|was)\s+(?:increasingly\s+|deeply\s+|very\s+|growing\s+)?$";

/// Nouns that refer back to an event: "the vote", "the recall", "the
/// closure" (the noun is the last run of letters of a match).
pub const EVENT_NOUN: &str = r"(?i)(?-u:\b)(?:the|that|this|its|their)\s+(?:[a-z]+\s+)?([a-z]+)";

/// Every DFA build.rs writes.
pub fn specs() -> Vec<Spec> {
    let actor = |p: &str| ascii_boundaries(&ascii_form(p));
    let one = |name, p: String, dense| Spec {
        name,
        patterns: vec![p],
        dense,
    };
    vec![
        // dense: 288 KB instead of 15 KB, the most searched
        one("conduct", actor(CONDUCT), true),
        one("passive_action", actor(PASSIVE_ACTION), false),
        one("passive_hint", actor(PASSIVE_HINT), true),
        one("defence", actor(DEFENCE), false),
        Spec {
            name: "no_response",
            patterns: NO_RESPONSE.iter().map(|p| actor(p)).collect(),
            // (dense: 417 KB instead of 26 KB, for little)
            dense: false,
        },
        one("death", actor(DEATH), false),
        one("death_hint", DEATH_HINT.to_string(), false),
        one("failed", ascii_form(FAILED), false),
        one("percent", PERCENT.to_string(), true),
        one("group_feels", GROUP_FEELS.to_string(), false),
        one("event_noun", EVENT_NOUN.to_string(), true),
    ]
}

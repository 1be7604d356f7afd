//! Right of reply (SPEC §5): who is accused or criticised, which lines record
//! a response, refusal or attempt, and who is left without one.

use super::index::{self, phrase_back, Index, Mention, MentionKind, TokKind};
use super::lex::*;
use super::{Accusation, Actor, ActorKind, Key, Outcome, ReplyStatus, Response};
use crate::document::Document;
use crate::finding::{Code, Edit, Finding, Fix, Related, Severity};
use crate::sentences::{Quote, Sentence};
use crate::span::Span;
use std::sync::OnceLock;

/// Whom a statement speaks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    /// The named actor who spoke, if any.
    pub speaker: Option<usize>,
    /// The actor itself and whoever it speaks for.
    pub keys: Keys,
}

/// A principal's keys: the actor itself, then at most one body it speaks
/// for (kept in place: a `Vec` cost an allocation per reporting line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    first: Key,
    second: Option<Key>,
}

impl Keys {
    fn one(k: Key) -> Keys {
        Keys {
            first: k,
            second: None,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Key> {
        std::iter::once(&self.first).chain(self.second.as_ref())
    }
}

/// A line that records a reply, refusal or attempt.
#[derive(Clone, Debug)]
pub struct Line {
    pub sent: usize,
    pub span: Span,
    pub outcome: Outcome,
    pub principal: Principal,
}

/// Everything the reply analysis found.
pub struct ReplyAnalysis {
    pub actors: Vec<Actor>,
    pub responses: Vec<Response>,
    pub accusations: Vec<Accusation>,
    pub status: Vec<ReplyStatus>,
    pub lines: Vec<Line>,
}

fn principal_of(idx: &Index, actor: usize) -> Principal {
    let a = &idx.actors[actor];
    let mut keys = Keys::one(Key::Actor(actor));
    if a.speaks_for_affiliation {
        if let Some(k) = index::key_of(a) {
            keys.second = Some(k);
        }
        // a spokesperson keyed to a generic body that names an actor
    }
    Principal {
        speaker: Some(actor),
        keys,
    }
}

const PRONOUNS_M: &[&str] = &["he", "He", "him", "his", "His"];
const PRONOUNS_F: &[&str] = &["she", "She", "her", "Her"];

/// Nearest preceding named person (or organisation for "it") compatible with
/// the pronoun at token `k`.
fn resolve_pronoun(text: &str, idx: &Index, k: usize) -> Option<usize> {
    let w = idx.toks[k].span().slice(text);
    let (want_person, g) = if PRONOUNS_M.contains(&w) {
        (true, 1)
    } else if PRONOUNS_F.contains(&w) {
        (true, -1)
    } else if matches!(w, "it" | "It" | "its" | "Its") {
        (false, 0)
    } else {
        return None;
    };
    let end = idx.mentions.partition_point(|m| m.a < k);
    let start = end.saturating_sub(60);
    for m in idx.mentions[start..end].iter().rev() {
        if m.kind != MentionKind::Named && want_person {
            continue;
        }
        let a = &idx.actors[m.actor];
        if want_person {
            if a.kind != ActorKind::Person {
                continue;
            }
            let ag = idx.gender[m.actor];
            if ag * g < 0 {
                continue;
            }
            return Some(m.actor);
        } else if a.kind == ActorKind::Org {
            return Some(m.actor);
        }
    }
    None
}

/// Might token `t` be a [`REPORT_VERBS`] word? The tokenizer's flag says
/// so cheaply: every such word (3 to 13 bytes) is [`index::Tok::verbish`],
/// and no mark or possessive is one.
#[inline]
fn may_report(t: &index::Tok) -> bool {
    t.verbish || !(3..=13).contains(&t.len())
}

fn w<'a>(text: &'a str, idx: &Index, k: usize) -> &'a str {
    idx.toks[k].span().slice(text)
}

/// The bytes of token `k`.
fn wb<'a>(text: &'a str, idx: &Index, k: usize) -> &'a [u8] {
    idx.toks[k].bytes(text)
}

/// (On a word's bytes: an adverb is ASCII lower case.)
fn is_adverbish(s: &[u8]) -> bool {
    matches!(
        s,
        b"also"
            | b"later"
            | b"then"
            | b"has"
            | b"have"
            | b"had"
            | b"would"
            | b"will"
            | b"previously"
            | b"again"
            | b"since"
            | b"last"
            | b"earlier"
            | b"initially"
            | b"first"
            | b"repeatedly"
            | b"immediately"
            | b"still"
            | b"separately"
            | b"subsequently"
    ) || (s.len() > 4 && s.ends_with(b"ly") && s.iter().all(u8::is_ascii_lowercase))
}

/// Resolves a generic body word ("hospital") to the organisation of that
/// class mentioned most recently before token `k`, else a generic key.
fn generic_key(text: &str, idx: &Index, word: &str, k: usize) -> Option<Key> {
    let g = index::generic_org(word)?;
    if let Some(cls) = class_of_head(word) {
        let end = idx.mentions.partition_point(|m| m.a < k);
        let lo = end.saturating_sub(200);
        for m in idx.mentions[lo..end].iter().rev() {
            if idx.actors[m.actor].classes.contains(&cls) {
                return Some(Key::Actor(m.actor));
            }
        }
    }
    let _ = text;
    Some(Key::Generic(g.to_string()))
}

/// Analyses the noun phrase ending at token `k` as the subject of a
/// statement.
fn np_principal(text: &str, idx: &Index, sa: usize, k: usize) -> Option<Principal> {
    let t = &idx.toks[k];
    let word = t.span().slice(text);
    if t.kind == TokKind::Word
        && (PRONOUNS_M.contains(&word)
            || PRONOUNS_F.contains(&word)
            || word == "it"
            || word == "It")
    {
        return resolve_pronoun(text, idx, k).map(|a| principal_of(idx, a));
    }
    if let Some(m) = index::mention_ending(idx, k) {
        if !m.poss {
            return Some(principal_of(idx, m.actor));
        }
    }
    if t.kind != TokKind::Word {
        return None;
    }
    // Walk back over the phrase.
    let mut j = k;
    while j > sa && k - j < 10 {
        let p = &idx.toks[j - 1];
        if p.kind == TokKind::Punct {
            break;
        }
        if p.kind == TokKind::Word
            && ((may_report(p) && REPORT_VERBS.has_tok(text, p))
                || (STOP.has_tok(text, p)
                    && !matches!(
                        p.bytes(text),
                        b"the" | b"a" | b"an" | b"for" | b"of" | b"at" | b"with"
                    )))
        {
            break;
        }
        j -= 1;
    }
    // A phrase with a kin word names no principal. (Tested last: most
    // phrases have no speaking word either, and that settles them.)
    let kin = || (j..=k).any(|x| KIN.has_tok_lower(text, &idx.toks[x]));
    let speaking = (j..=k).any(|x| {
        let t = &idx.toks[x];
        SPEAKS_FOR.has_tok_lower(text, t) && t.bytes(text) != b"director"
    });
    if !speaking {
        // a bare body: "police said"
        if j == k && matches!(word, "police" | "Police") && !kin() {
            if let Some(key) = generic_key(text, idx, word, k) {
                return Some(Principal {
                    speaker: None,
                    keys: Keys::one(key),
                });
            }
        }
        return None;
    }
    if kin() {
        return None;
    }
    // a mention inside the phrase (possessor, modifier or object of "for")
    let mut key = None;
    for x in (j..=k).rev() {
        if let Some(mi) = idx.start_at(x) {
            key = Some(Key::Actor(idx.mentions[mi].actor));
            break;
        }
    }
    if key.is_none() {
        for x in (j..=k).rev() {
            if let Some(kk) = generic_key(text, idx, w(text, idx, x), x) {
                key = Some(kk);
                break;
            }
        }
    }
    key.map(|k| Principal {
        speaker: None,
        keys: Keys::one(k),
    })
}

/// The subject of the verb at token `c`, looking left.
fn subject_before(text: &str, idx: &Index, sa: usize, c: usize) -> Option<Principal> {
    let mut k = c;
    while k > sa && is_adverbish(wb(text, idx, k - 1)) {
        k -= 1;
    }
    if k <= sa {
        return None;
    }
    k -= 1;
    if matches!(wb(text, idx, k), b"and" | b"but") {
        // "X called the ad false and said ...": the clause's subject.
        let lo = idx.mentions.partition_point(|m| m.a < sa);
        let end = idx.mentions.partition_point(|m| m.a < k);
        for m in &idx.mentions[lo..end] {
            if !m.poss && subject_position(text, idx, sa, m.run_a) {
                return Some(principal_of(idx, m.actor));
            }
        }
        return None;
    }
    if wb(text, idx, k) == b"," {
        // "DESC, X, said" or "X, DESC, said"
        if k > sa {
            if let Some(m) = index::mention_ending(idx, k - 1) {
                if !m.poss && subject_position(text, idx, sa, m.run_a) {
                    return Some(principal_of(idx, m.actor));
                }
            }
        }
        let mut p = k;
        let lim = k.saturating_sub(30).max(sa);
        while p > lim {
            p -= 1;
            if wb(text, idx, p) == b"," {
                break;
            }
        }
        if p > sa && wb(text, idx, p) == b"," {
            if let Some(m) = index::mention_ending(idx, p - 1) {
                if !m.poss && !subject_position(text, idx, sa, m.run_a) {
                    return None;
                }
            }
            return np_principal(text, idx, sa, p - 1);
        }
        return None;
    }
    np_principal(text, idx, sa, k)
}

/// "said X", "according to X": the first mention shortly after token `c`.
fn object_after(text: &str, idx: &Index, sb: usize, c: usize, span: usize) -> Option<Principal> {
    let mut k = c + 1;
    let lim = (c + 1 + span).min(sb);
    while k < lim {
        if let Some(mi) = idx.start_at(k) {
            let m = &idx.mentions[mi];
            if m.poss {
                // "according to Hollis's attorney"
                let rest_end = (m.b + 4).min(sb);
                let speaking = (m.b..rest_end).any(|x| SPEAKS_FOR.contains_lower(w(text, idx, x)));
                if speaking {
                    return Some(Principal {
                        speaker: None,
                        keys: Keys::one(Key::Actor(m.actor)),
                    });
                }
                return None;
            }
            return Some(principal_of(idx, m.actor));
        }
        let t = &idx.toks[k];
        let s = t.bytes(text);
        if t.kind == TokKind::Punct || matches!(s, b"that" | b"which" | b"who") {
            return None;
        }
        if t.kind == TokKind::Word
            && STOP.has_tok(text, t)
            && !matches!(s, b"the" | b"a" | b"an" | b"to" | b"for" | b"of")
        {
            return None;
        }
        k += 1;
    }
    None
}

fn tok_at(idx: &Index, sa: usize, sb: usize, offset: usize) -> usize {
    let toks = &idx.toks[sa..sb];
    sa + toks.partition_point(|t| t.span().start < offset)
}

use crate::prebuilt::DEATH_HINT;

struct Regex;

impl Regex {
    /// Does the rest of a "calls to X ..." sentence say the attempt failed?
    fn new_failed(rest: &str) -> bool {
        crate::prebuilt::FAILED.is_match(rest)
    }
}

/// Which kind of line a [`NO_RESPONSE_RE`] match records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NoResKind {
    /// "Attempts to reach X": a line only if the sentence says they failed.
    Reach {
        failed: bool,
    },
    Unreachable,
    NoResponse,
    Declined,
    Requested,
}

/// A short list kept in place: most sentences hold a word or two of each
/// kind [`SentScan`] lists, and a `Vec` would cost an allocation for them.
/// Past `N` items all of them move to `more`.
#[derive(Clone, Debug)]
struct Few<T, const N: usize> {
    len: usize,
    inline: [T; N],
    more: Vec<T>,
}

impl<T: Copy + Default, const N: usize> Default for Few<T, N> {
    fn default() -> Self {
        Few {
            len: 0,
            inline: [T::default(); N],
            more: Vec::new(),
        }
    }
}

impl<T: Copy + Default, const N: usize> Few<T, N> {
    #[inline]
    fn push(&mut self, x: T) {
        if self.len < N {
            self.inline[self.len] = x;
        } else {
            if self.len == N {
                self.more.extend_from_slice(&self.inline);
            }
            self.more.push(x);
        }
        self.len += 1;
    }

    #[inline]
    fn as_slice(&self) -> &[T] {
        if self.len <= N {
            &self.inline[..self.len]
        } else {
            &self.more
        }
    }
}

/// One [`NO_RESPONSE_RE`] match, offsets relative to the sentence's start.
#[derive(Clone, Copy, Debug)]
struct NoRes {
    start: usize,
    end: usize,
    kind: NoResKind,
}

/// What [`find_lines`] and [`find_accusations`] read off one sentence's own
/// text and tokens, kept with its block's tokens (see
/// [`index::BlockToks`]) so that an unchanged block is not scanned again.
/// Token indices are relative to the sentence's first token, offsets to
/// its start. The regexes that only matter next to a mention (conduct,
/// the passive hint, death words) run on first use, once.
#[derive(Debug, Default)]
pub struct SentScan {
    /// Words that may report a response: (token, it is "according to").
    reporting: Few<(u32, bool), 4>,
    no_response: Vec<NoRes>,
    /// Words framing an accusation.
    frames: Few<(u32, Frame), 4>,
    /// The sentence's [`sentence_cues`] bits.
    cues: u8,
    /// [`CONDUCT_RE`] matches.
    conduct: OnceLock<Vec<(usize, usize)>>,
    /// [`PASSIVE_HINT`] matches.
    passive_hint: OnceLock<bool>,
    /// The sentence speaks of a death.
    deathly: OnceLock<bool>,
    /// Start of the first [`DEFENCE_RE`] match.
    defence: Option<usize>,
}

impl SentScan {
    /// [`CONDUCT_RE`] matches in the sentence `stext` scanned.
    fn conduct(&self, stext: &str) -> &[(usize, usize)] {
        if self.cues & CUE_CONDUCT == 0 {
            return &[];
        }
        self.conduct.get_or_init(|| {
            CONDUCT_RE
                .find_iter_in(&Hay::new(stext))
                .map(|m| (m.start(), m.end()))
                .collect()
        })
    }

    /// Might [`PASSIVE_ACTION_RE`] match in the sentence `stext` scanned?
    fn passive_hint(&self, stext: &str) -> bool {
        // PASSIVE_ACTION_RE cannot match inside this sentence without a
        // cue word, so the hint is moot then. (The cue is tested first:
        // setting a cell costs more than the test.)
        self.cues & CUE_PASSIVE != 0
            && *self
                .passive_hint
                .get_or_init(|| PASSIVE_HINT.is_match(stext))
    }

    /// Does the sentence `stext` scanned speak of a death?
    fn deathly(&self, stext: &str) -> bool {
        // (exact, unless the draft has case-folding oddities)
        self.cues & CUE_DEATH != 0 && *self.deathly.get_or_init(|| DEATH_HINT.is_match(stext))
    }

    /// Can [`SentScan::conduct`] or [`SentScan::passive_hint`] hold
    /// anything? (False for most sentences, without running a regex.)
    fn may_accuse(&self) -> bool {
        self.cues & (CUE_CONDUCT | CUE_PASSIVE) != 0
    }
}

/// Pushes onto `scans` the [`SentScan`] of the sentence `span` of `text`,
/// whose tokens are `toks` (starting at index `from`), with `verbs` the
/// indices of its [`index::Tok::verbish`] words and `cue` its cue bits.
/// (Made in place: a scan is large, and most sentences' is nearly empty.)
pub fn scan_sentence(
    text: &str,
    toks: &[index::Tok],
    from: usize,
    verbs: &[u32],
    span: Span,
    cue: u8,
    scans: &mut Vec<SentScan>,
) {
    let stext = span.slice(text);
    let word = |k: usize| toks[k].span().slice(text);
    scans.push(SentScan {
        cues: cue,
        ..SentScan::default()
    });
    let Some(out) = scans.last_mut() else {
        return;
    };
    // (the tokenizer's filter turns most words away)
    for &v in verbs {
        let k = v as usize - from;
        let w = word(k);
        // (the reporting verbs are lower-case)
        if w.as_bytes()
            .first()
            .is_some_and(|b| !b.is_ascii_uppercase())
        {
            if w == "according" && k + 1 < toks.len() && word(k + 1) == "to" {
                out.reporting.push((k as u32, true));
            } else if REPORT_VERBS.contains(w) {
                out.reporting.push((k as u32, false));
            }
        }
        if let Some(frame) = frame_verb(w) {
            out.frames.push((k as u32, frame));
        }
    }
    if cue & (CUE_NO_RESPONSE | CUE_DEFENCE) == 0 {
        return;
    }
    let hay = Hay::new(stext);
    if cue & CUE_NO_RESPONSE != 0 {
        for cap in NO_RESPONSE_RE.captures_iter_in(&hay) {
            let m = cap.whole();
            let kind = if cap.name("reach").is_some() {
                NoResKind::Reach {
                    failed: Regex::new_failed(&stext[m.end()..]),
                }
            } else if cap.name("unreach").is_some() {
                NoResKind::Unreachable
            } else if cap.name("nores").is_some() {
                NoResKind::NoResponse
            } else if cap.name("decl").is_some() {
                NoResKind::Declined
            } else {
                NoResKind::Requested
            };
            out.no_response.push(NoRes {
                start: m.start(),
                end: m.end(),
                kind,
            });
        }
    }
    if cue & CUE_DEFENCE != 0 {
        out.defence = DEFENCE_RE.find_in(&hay).map(|m| m.start());
    }
}

/// Response lines (SPEC §5.3).
fn find_lines(text: &str, idx: &Index) -> Vec<Line> {
    // (sized up front, at most a line a match or reporting word: growing
    // copies the lines, which are large)
    let most: usize = (0..idx.sents.len())
        .map(|si| {
            let scan = idx.scan(si);
            scan.no_response.len() + scan.reporting.len
        })
        .sum();
    let mut lines = Vec::with_capacity(most);
    let mut consumed: Vec<(usize, usize)> = Vec::new();
    for (si, st) in idx.sents.iter().enumerate() {
        consumed.clear();
        let scan = idx.scan(si);
        for nr in &scan.no_response {
            let (s, e) = (st.span.start + nr.start, st.span.start + nr.end);
            let c = tok_at(idx, st.a, st.b, s);
            let ce = tok_at(idx, st.a, st.b, e);
            consumed.push((c, ce));
            if c < st.b && idx.toks[c].quoted {
                continue;
            }
            let outcome = match nr.kind {
                NoResKind::Reach { failed } => {
                    // "Attempts to reach X were unsuccessful", "Calls to X were
                    // not returned": the object, if the sentence records failure.
                    if let (true, Some(p)) = (
                        failed,
                        object_after(text, idx, st.b, ce.saturating_sub(1), 4),
                    ) {
                        lines.push(Line {
                            sent: si,
                            span: st.span,
                            outcome: Outcome::Unreachable,
                            principal: p,
                        });
                    }
                    continue;
                }
                NoResKind::Unreachable => Outcome::Unreachable,
                NoResKind::NoResponse => Outcome::NoResponse,
                NoResKind::Declined => Outcome::Declined,
                NoResKind::Requested => Outcome::Requested,
            };
            let p = if outcome == Outcome::Requested {
                object_after(text, idx, st.b, ce.saturating_sub(1), 4)
            } else {
                subject_before(text, idx, st.a, c)
            };
            if let Some(p) = p {
                lines.push(Line {
                    sent: si,
                    span: st.span,
                    outcome,
                    principal: p,
                });
            }
        }
        for &(rk, according) in scan.reporting.as_slice() {
            let k = st.a + rk as usize;
            if consumed.iter().any(|&(a, b)| a <= k && k < b) || idx.toks[k].quoted {
                continue;
            }
            let p = if according {
                object_after(text, idx, st.b, k + 1, 5)
            } else {
                subject_before(text, idx, st.a, k).or_else(|| {
                    let prev_ok = k == st.a
                        || idx.toks[k - 1].kind == TokKind::Punct
                        || is_adverbish(wb(text, idx, k - 1));
                    if prev_ok {
                        object_after(text, idx, st.b, k, 4)
                    } else {
                        None
                    }
                })
            };
            if let Some(p) = p {
                lines.push(Line {
                    sent: si,
                    span: st.span,
                    outcome: Outcome::Responded,
                    principal: p,
                });
            }
        }
    }
    lines
}

const SUBJ_PREV: &[&str] = &[
    "that",
    "because",
    "and",
    "but",
    "after",
    "when",
    "while",
    "since",
    "as",
    "although",
    "though",
    "until",
    "before",
    "so",
    "said",
    "says",
    "say",
    "where",
    "whether",
    "if",
    "saying",
    "testified",
    "alleged",
    "alleges",
    "claimed",
    "claims",
    "wrote",
    "added",
    "then",
];

/// Is the mention (or pronoun) starting at token `start` in subject position?
fn subject_position(text: &str, idx: &Index, sa: usize, start: usize) -> bool {
    let mut s = start;
    if let Some(p) = phrase_back(text, &idx.toks, sa, s) {
        s = p;
        if s > sa
            && matches!(
                wb(text, idx, s - 1),
                b"the" | b"The" | b"a" | b"A" | b"an" | b"An"
            )
        {
            s -= 1;
        }
    }
    if s == sa {
        return true;
    }
    let p = &idx.toks[s - 1];
    let pw = p.span().slice(text);
    if p.kind == TokKind::Punct {
        return matches!(pw, "," | "“" | "\"" | "(" | "—" | ":" | ";" | "‘" | "–");
    }
    SUBJ_PREV.contains(&pw)
}

/// The predicate after a subject ending at token `end` (exclusive): the token
/// range of the verb phrase up to the clause end.
fn predicate(
    text: &str,
    idx: &Index,
    sb: usize,
    end: usize,
    quoted: bool,
) -> Option<(usize, usize)> {
    let mut k = end;
    if k < sb && idx.toks[k].kind == TokKind::Poss {
        return None;
    }
    if k < sb {
        let nw = w(text, idx, k);
        if idx.toks[k].kind == TokKind::Word
            && nw.chars().next().is_some_and(char::is_lowercase)
            && ROLE_NOUNS.contains(nw)
        {
            return None;
        }
        if class_of_head(nw).is_some() && nw.chars().next().is_some_and(char::is_lowercase) {
            k += 1;
        }
    }
    if k < sb && w(text, idx, k) == "," {
        let lim = (k + 30).min(sb);
        let mut j = k + 1;
        while j < lim && w(text, idx, j) != "," {
            j += 1;
        }
        if j >= lim {
            return None;
        }
        k = j + 1;
    }
    let v0 = k;
    while k < sb
        && is_adverbish(wb(text, idx, k))
        && !matches!(w(text, idx, k), "has" | "have" | "had" | "would" | "will")
    {
        k += 1;
    }
    if k >= sb {
        return None;
    }
    let t = &idx.toks[k];
    let vw = t.span().slice(text);
    if t.kind != TokKind::Word || !vw.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    if matches!(
        vw,
        "of" | "for"
            | "to"
            | "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "by"
            | "with"
            | "from"
            | "as"
            | "the"
            | "a"
            | "an"
            | "who"
            | "which"
            | "that"
            | "than"
            | "into"
            | "about"
    ) {
        return None;
    }
    let mut e = k + 1;
    let sb = sb.min(k + 60);
    while e < sb {
        let t = &idx.toks[e];
        let x = t.span().slice(text);
        if t.quoted != quoted && t.kind == TokKind::Word {
            break;
        }
        if matches!(x, ";" | "—" | "–") {
            break;
        }
        if t.kind == TokKind::Word
            && !t.quoted
            && may_report(t)
            && REPORT_VERBS.contains(x)
            && e > k + 1
        {
            break;
        }
        if let Some(mi) = idx.start_at(e) {
            let m = &idx.mentions[mi];
            if !m.poss
                && matches!(
                    w(text, idx, e - 1),
                    "and" | "but" | "that" | "because" | ","
                )
            {
                break;
            }
        }
        e += 1;
    }
    Some((v0, e))
}

fn first_object(
    text: &str,
    idx: &Index,
    sa: usize,
    sb: usize,
    from: usize,
    span: usize,
) -> Option<usize> {
    let lim = (from + span).min(sb);
    let mut poss_only = None;
    for k in from..lim {
        let x = w(text, idx, k);
        if matches!(x, "." | ";" | "—")
            || (may_report(&idx.toks[k]) && REPORT_VERBS.contains(x) && k > from)
        {
            break;
        }
        if let Some(mi) = idx.start_at(k) {
            let m = &idx.mentions[mi];
            // "Pax University athletic director X": the university is a
            // modifier of the real object.
            let modifier = m.b < sb && {
                let t = &idx.toks[m.b];
                let nw = t.span().slice(text);
                t.kind == TokKind::Word
                    && nw.chars().next().is_some_and(char::is_lowercase)
                    && !STOP.contains(nw)
                    && !REPORT_VERBS.contains(nw)
                    && !CONDUCT_RE.is_match(nw)
                    && frame_verb(nw).is_none()
            };
            if !m.poss && !modifier {
                return Some(m.actor);
            }
            poss_only.get_or_insert(m.actor);
        }
        if (k == from || k == from + 1) && matches!(x, "him" | "her" | "them" | "it") {
            return resolve_pronoun(text, idx, k);
        }
        if matches!(x, "of" | "with") && k > from {
            break;
        }
    }
    let _ = sa;
    poss_only
}

/// Accusations and criticism (SPEC §5.1), in every block and voice.
fn find_accusations(text: &str, idx_mut: &mut Index) -> Vec<Accusation> {
    let mut out: Vec<Accusation> = Vec::new();
    let mut seen: FastSet<(usize, Span)> = FastSet::default();
    let mut dead = vec![false; idx_mut.actors.len()];
    let idx: &Index = idx_mut;
    let (mut lo, mut hi) = (0, 0);
    for (si, st) in idx.sents.iter().enumerate() {
        let scan = idx.scan(si);
        let mut push = |out: &mut Vec<Accusation>, target: usize, accuser: Option<usize>| {
            if accuser == Some(target) {
                return;
            }
            if seen.insert((target, st.span)) {
                out.push(Accusation {
                    target,
                    span: st.span,
                    accuser,
                });
            }
        };
        // The dead.
        // mentions are sorted by token
        while lo < idx.mentions.len() && idx.mentions[lo].a < st.a {
            lo += 1;
        }
        hi = hi.max(lo);
        while hi < idx.mentions.len() && idx.mentions[hi].a < st.b {
            hi += 1;
        }
        let ms: &[Mention] = &idx.mentions[lo..hi];
        let stext = st.span.slice(text);
        for m in ms.iter().filter(|_| scan.deathly(stext)) {
            let before = &text[st.span.start..idx.toks[m.run_a].span().start];
            let mut cut = before.len().saturating_sub(40);
            while !before.is_char_boundary(cut) {
                cut += 1;
            }
            let tail = &before[cut..];
            if DEATH_RE.is_match(tail.trim_end()) {
                dead[m.actor] = true;
            }
            let after = &text[m.span.end..st.span.end];
            let a = after.trim_start();
            if a.starts_with("died") || a.starts_with("was killed") || a.starts_with("was fatally")
            {
                dead[m.actor] = true;
            }
        }
        // Frames with an object target.
        for &(rk, frame) in scan.frames.as_slice() {
            let k = st.a + rk as usize;
            let word = w(text, idx, k);
            let target = match frame {
                Frame::Accuse | Frame::Blame => {
                    let mut tgt = None;
                    if frame == Frame::Blame {
                        // "blamed the exposure on X"
                        let lim = (k + 12).min(st.b);
                        if let Some(on) = (k + 1..lim).find(|&x| w(text, idx, x) == "on") {
                            tgt = first_object(text, idx, st.a, st.b, on + 1, 4);
                        }
                    }
                    let bare =
                        k + 1 < st.b && matches!(w(text, idx, k + 1), "of" | "for" | "on" | "in");
                    if tgt.is_none() && !bare {
                        tgt = first_object(text, idx, st.a, st.b, k + 1, 14);
                    }
                    if tgt.is_none() {
                        // "X, which she accused of ..."
                        let lo = k.saturating_sub(4).max(st.a);
                        if let Some(r) = (lo..k)
                            .rev()
                            .find(|&x| matches!(w(text, idx, x), "which" | "whom" | "who"))
                        {
                            let mut e = r;
                            if e > st.a && w(text, idx, e - 1) == "," {
                                e -= 1;
                            }
                            if e > st.a {
                                tgt = index::mention_ending(idx, e - 1)
                                    .filter(|m| !m.poss)
                                    .map(|m| m.actor);
                            }
                        }
                    }
                    // "filed complaints accusing him" etc. need an object
                    // right after passive participles: skip "was accused".
                    let passive = k > st.a
                        && !word.ends_with("ing")
                        && matches!(
                            w(text, idx, k - 1),
                            "is" | "was" | "were" | "been" | "being" | "are" | "be"
                        );
                    if passive {
                        None
                    } else {
                        tgt
                    }
                }
                Frame::Cite | Frame::Warn => {
                    let passive = k > st.a
                        && matches!(
                            w(text, idx, k - 1),
                            "is" | "was" | "were" | "been" | "being" | "are" | "be"
                        );
                    if passive {
                        None
                    } else {
                        first_object(text, idx, st.a, st.b, k + 1, 4)
                    }
                }
                Frame::Charge => {
                    let o = first_object(text, idx, st.a, st.b, k + 1, 4);
                    let with = (k + 1..(k + 8).min(st.b)).any(|x| w(text, idx, x) == "with");
                    if with {
                        o
                    } else {
                        None
                    }
                }
                Frame::Place => {
                    let o = first_object(text, idx, st.a, st.b, k + 1, 5);
                    let leave = (k + 1..(k + 12).min(st.b))
                        .any(|x| matches!(w(text, idx, x), "leave" | "probation" | "notice"));
                    if leave {
                        o
                    } else {
                        None
                    }
                }
                Frame::Against => {
                    let noun = if k > st.a { w(text, idx, k - 1) } else { "" };
                    let legal = matches!(
                        noun,
                        "complaint"
                            | "complaints"
                            | "lawsuit"
                            | "lawsuits"
                            | "suit"
                            | "charges"
                            | "allegations"
                            | "case"
                            | "grievance"
                            | "grievances"
                            | "claims"
                            | "action"
                            | "accusations"
                            | "judgment"
                            | "verdict"
                            | "ruling"
                    );
                    if legal {
                        first_object(text, idx, st.a, st.b, k + 1, 4)
                    } else {
                        None
                    }
                }
                Frame::Names => {
                    let lo = k.saturating_sub(3).max(st.a);
                    let legal = (lo..k).any(|x| {
                        matches!(
                            w(text, idx, x),
                            "lawsuit" | "suit" | "complaint" | "indictment" | "audit" | "report"
                        )
                    });
                    if legal && word == "names" {
                        first_object(text, idx, st.a, st.b, k + 1, 4)
                    } else {
                        None
                    }
                }
                Frame::Into => {
                    let noun = if k > st.a { w(text, idx, k - 1) } else { "" };
                    if matches!(
                        noun,
                        "investigation" | "inquiry" | "probe" | "investigations"
                    ) {
                        first_object(text, idx, st.a, st.b, k + 1, 4)
                    } else {
                        None
                    }
                }
            };
            if let Some(tgt) = target {
                let accuser = subject_before(text, idx, st.a, k).and_then(|p| p.speaker);
                push(&mut out, tgt, accuser);
            }
        }
        // Subjects of negative conduct or official action. (The conduct
        // matches and the passive hint are worked out when a subject needs
        // them; without a cue there are none.)
        let at = st.span.start;
        let conduct = || scan.conduct(stext).iter().map(|&(a, b)| (at + a, at + b));
        let passive_hint = || scan.passive_hint(stext);
        let any_cue = scan.may_accuse();
        // (a subject is a mention or a he/she: only their tokens are tried)
        let (subjects, pros): (&[Mention], &[usize]) = if any_cue {
            let p = &idx.pronouns;
            (
                ms,
                &p[p.partition_point(|&k| k < st.a)..p.partition_point(|&k| k < st.b)],
            )
        } else {
            (&[], &[])
        };
        for k in subject_candidates(subjects, pros) {
            let (actor, start, end, quoted) = if let Some(mi) = idx.start_at(k) {
                let m = idx.mentions[mi];
                if m.poss {
                    continue;
                }
                (m.actor, m.run_a, m.b, m.quoted)
            } else {
                let len = idx.toks[k].len();
                let x = if len == 2 || len == 3 {
                    w(text, idx, k)
                } else {
                    ""
                };
                if matches!(x, "he" | "He" | "she" | "She") {
                    match resolve_pronoun(text, idx, k) {
                        Some(a) => (a, k, k + 1, idx.toks[k].quoted),
                        None => continue,
                    }
                } else {
                    continue;
                }
            };
            if !subject_position(text, idx, st.a, start) {
                continue;
            }
            // "DESC, X, verb": the comma after X closes the apposition.
            let mut end = end;
            if start > st.a
                && w(text, idx, start - 1) == ","
                && end < st.b
                && w(text, idx, end) == ","
            {
                end += 1;
            }
            let Some((v0, e)) = predicate(text, idx, st.b, end, quoted) else {
                continue;
            };
            if v0 >= e {
                continue;
            }
            let mut vk = v0;
            while vk < e
                && is_adverbish(wb(text, idx, vk))
                && !matches!(w(text, idx, vk), "has" | "have" | "had")
            {
                vk += 1;
            }
            let verb = if vk < e { w(text, idx, vk) } else { "" };
            let (ps, pe) = (idx.toks[v0].span().start, idx.toks[e - 1].span().end);
            let ptext = &text[ps..pe];
            if passive_hint() && PASSIVE_ACTION_RE.is_match(ptext) {
                push(&mut out, actor, None);
                continue;
            }
            if REPORT_VERBS.contains(verb) || frame_verb(verb).is_some() || verb == "denied" {
                continue;
            }
            if let Some((cs, _)) = conduct().find(|&(cs, ce)| cs >= ps && ce <= pe) {
                // "X blasted Y for hiding ...": the conduct is Y's.
                let cue_at = cs;
                let mut obj = None;
                for x in v0..e {
                    if idx.toks[x].span().start >= cue_at {
                        break;
                    }
                    if let Some(mi) = idx.start_at(x) {
                        let m = idx.mentions[mi];
                        if !m.poss && m.b < e && matches!(w(text, idx, m.b), "for" | "of" | "over")
                        {
                            obj = Some(m.actor);
                        }
                    }
                }
                match obj {
                    Some(o) => push(&mut out, o, Some(actor)),
                    None => push(&mut out, actor, None),
                }
            }
        }
        // "X and Y, who allegedly ignored ...": the antecedents.
        let sent_toks = if any_cue { &idx.toks[st.a..st.b] } else { &[] };
        for (k, t) in (st.a..).zip(sent_toks) {
            let sp = t.span();
            if t.len() != 3
                || k == st.a
                || !matches!(text.as_bytes().get(sp.start..sp.end), Some(b"who"))
            {
                continue;
            }
            let Some((v0, e)) = predicate(text, idx, st.b, k + 1, idx.toks[k].quoted) else {
                continue;
            };
            let (ps, pe) = (idx.toks[v0].span().start, idx.toks[e - 1].span().end);
            let ptext = &text[ps..pe];
            let bad = conduct().any(|(cs, ce)| cs >= ps && ce <= pe)
                || (passive_hint() && PASSIVE_ACTION_RE.is_match(ptext));
            if !bad {
                continue;
            }
            let mut j = k;
            if j > st.a && w(text, idx, j - 1) == "," {
                j -= 1;
            }
            // walk back over "X and Y"
            while j > st.a {
                match index::mention_ending(idx, j - 1) {
                    Some(m) if !m.poss => {
                        let (actor, ra) = (m.actor, m.run_a);
                        push(&mut out, actor, None);
                        if ra > st.a && matches!(w(text, idx, ra - 1), "and" | ",") {
                            j = ra - 1;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
        }
        // A defence implies an accusation: "her brother had done nothing wrong".
        if let Some(defence) = scan.defence {
            let mut tgt = None;
            for m in ms {
                if m.poss && m.b + 1 < st.b && KIN.contains_lower(w(text, idx, m.b + 1)) {
                    tgt = Some(m.actor);
                    break;
                }
            }
            if tgt.is_none() {
                let dk = tok_at(idx, st.a, st.b, at + defence);
                // subject of the defended clause
                for m in ms.iter().rev() {
                    if m.b <= dk && !m.poss {
                        let speaking = (m.b..dk).any(|x| REPORT_VERBS.contains(w(text, idx, x)));
                        if !speaking {
                            tgt = Some(m.actor);
                        }
                        break;
                    }
                }
            }
            if let Some(t) = tgt {
                push(&mut out, t, None);
            }
        }
    }
    for (a, d) in idx_mut.actors.iter_mut().zip(dead) {
        a.dead = d;
    }
    let actors = &idx_mut.actors;
    out.retain(|a| !actors[a.target].dead);
    out
}

/// The tokens a subject may start at, in order, once each: the starts of a
/// sentence's mentions `ms` and its pronoun tokens `pros` (both sorted).
pub(super) fn subject_candidates<'a>(
    ms: &'a [Mention],
    pros: &'a [usize],
) -> impl Iterator<Item = usize> + 'a {
    let mut a = ms.iter().map(|m| m.a).peekable();
    let mut b = pros.iter().copied().peekable();
    let mut last = None;
    std::iter::from_fn(move || loop {
        let k = match (a.peek(), b.peek()) {
            (None, None) => return None,
            (Some(&x), Some(&y)) if y < x => b.next(),
            (Some(_), _) => a.next(),
            (None, Some(_)) => b.next(),
        }?;
        if last != Some(k) {
            last = Some(k);
            return Some(k);
        }
    })
}

fn collegial(idx: &Index, key: &Key) -> bool {
    match key {
        Key::Generic(g) => COLLEGIAL.contains(g.as_str()),
        Key::Actor(id) => {
            let a = &idx.actors[*id];
            a.classes.iter().any(|c| COLLEGIAL.contains(c))
                || a.name
                    .split_whitespace()
                    .last()
                    .is_some_and(|l| COLLEGIAL.contains(l.to_ascii_lowercase().as_str()))
        }
    }
}

/// The first line whose speaker answers for target `t` through its
/// affiliation (SPEC §5.4, rules 3 and 5).
fn coverage_line(idx: &Index, line_for: &FastMap<&Key, usize>, t: usize) -> Option<usize> {
    let a = &idx.actors[t];
    if !a.inside_affiliation {
        return None;
    }
    let k = index::key_of(a)?;
    if collegial(idx, &k) {
        return None;
    }
    if a.kind == ActorKind::Org && a.role.is_none() {
        return None;
    }
    let mut best = line_for.get(&k).copied();
    // the actor was resolved, but a line may use the generic word
    if let (Key::Actor(_), Some(g)) = (&k, a.affiliation_key.as_ref()) {
        if let Some(&i) = line_for.get(&Key::Generic(g.clone())) {
            best = Some(best.map_or(i, |b| b.min(i)));
        }
    }
    best
}

/// Runs the whole actor and right-of-reply analysis.
pub fn analyze(doc: &Document, sentences: &[Sentence], quotes: &[Quote]) -> ReplyAnalysis {
    analyze_with(doc, sentences, quotes, &[])
}

/// [`analyze`], with the blocks' [`index::BlockToks`] where given (see
/// [`index::build_with`]).
pub fn analyze_with(
    doc: &Document,
    sentences: &[Sentence],
    quotes: &[Quote],
    blocks: &[Option<std::sync::Arc<index::BlockToks>>],
) -> ReplyAnalysis {
    let mut idx = index::build_with(doc, sentences, quotes, blocks);
    let text = doc.prose.as_str();
    let lines = find_lines(text, &idx);
    let accusations = find_accusations(text, &mut idx);
    // (at most a response a line's key, and a coverage one an actor)
    let most = lines.len() * 2 + idx.actors.len();
    let mut responses: Vec<Response> = Vec::with_capacity(most);
    let mut seen = FastSet::with_capacity_and_hasher(lines.len() * 2, Default::default());
    for l in &lines {
        for k in l.principal.keys.iter() {
            if let Key::Actor(id) = k {
                let via = l.principal.speaker.filter(|s| s != id);
                if seen.insert((*id, l.span, l.outcome)) {
                    responses.push(Response {
                        actor: *id,
                        span: l.span,
                        outcome: l.outcome,
                        via,
                    });
                }
            }
        }
    }
    let n = idx.actors.len();
    let mut accused = vec![false; n];
    for a in &accusations {
        accused[a.target] = true;
    }
    let mut first_response = vec![None; n];
    for (i, r) in responses.iter().enumerate() {
        first_response[r.actor].get_or_insert(i);
    }
    // first line speaking for each key
    let mut line_for: FastMap<&Key, usize> = FastMap::default();
    for (i, l) in lines.iter().enumerate() {
        for k in l.principal.keys.iter() {
            line_for.entry(k).or_insert(i);
        }
    }
    let mut status = vec![ReplyStatus::NotNeeded; n];
    for t in 0..n {
        if !accused[t] {
            continue;
        }
        status[t] = ReplyStatus::Missing;
        if let Some(i) = first_response[t] {
            status[t] = ReplyStatus::Covered(i);
            continue;
        }
        if let Some(li) = coverage_line(&idx, &line_for, t) {
            let l = &lines[li];
            responses.push(Response {
                actor: t,
                span: l.span,
                outcome: l.outcome,
                via: l.principal.speaker,
            });
            status[t] = ReplyStatus::Covered(responses.len() - 1);
        }
    }
    ReplyAnalysis {
        actors: idx.actors,
        responses,
        accusations,
        status,
        lines,
    }
}

/// SPEC API: responses, accusations and reply status for `actors` (as
/// returned by [`super::find`] for the same draft).
pub fn reply(
    doc: &Document,
    sentences: &[Sentence],
    quotes: &[Quote],
    _actors: &[Actor],
) -> (Vec<Response>, Vec<Accusation>, Vec<ReplyStatus>) {
    let r = analyze(doc, sentences, quotes);
    (r.responses, r.accusations, r.status)
}

/// One `missing-comment-response` per uncovered target, on its first
/// mention in checked text (SPEC §5.5, fixes per §7).
pub fn missing_response_findings(
    doc: &Document,
    actors: &[Actor],
    accusations: &[Accusation],
    reply: &[ReplyStatus],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (id, st) in reply.iter().enumerate() {
        if *st != ReplyStatus::Missing {
            continue;
        }
        let Some(actor) = actors.get(id) else {
            continue;
        };
        let first = actor.mentions.iter().find(|m| {
            let t = doc.prose_of(**m);
            doc.block_at(m.start)
                .is_some_and(|b| doc.blocks[b].kind.is_checked())
                && !t.starts_with("the ")
                && !t.starts_with("The ")
        });
        let Some(&first) = first else {
            continue;
        };
        let last_block = actor
            .mentions
            .iter()
            .filter_map(|m| doc.block_at(m.start))
            .filter(|&b| doc.blocks[b].kind.is_checked())
            .max();
        let related = accusations
            .iter()
            .filter(|a| a.target == id)
            .map(|a| Related {
                span: a.span,
                message: format!("{} is accused or criticised here.", actor.name).into(),
            })
            .collect();
        let mut fixes = Vec::new();
        if let Some(b) = last_block {
            let at = doc.blocks[b].span.end;
            let name = actor.short_name();
            let mut lines = vec![
                (
                    "Add \"did not respond\"",
                    format!("{name} did not respond to a request for comment."),
                ),
                ("Add \"declined\"", format!("{name} declined to comment.")),
                (
                    "Add \"could not be reached\"",
                    format!("{name} could not be reached for comment."),
                ),
            ];
            if actor.kind == ActorKind::Org {
                lines.push((
                    "Add spokesperson line",
                    format!(
                        "A spokesperson for {} did not respond to a request for comment.",
                        actor.name
                    ),
                ));
            }
            lines.push(("Add reply placeholder", format!("{name} said TK.")));
            for (title, line) in lines {
                fixes.push(Fix {
                    title: title.into(),
                    edits: smallvec::smallvec![Edit {
                        span: Span::new(at, at),
                        text: format!("\n\n{line}").into(),
                    }],
                    bulk_safe: false,
                });
            }
        }
        out.push(Finding {
            code: Code::MissingCommentResponse,
            severity: Severity::Error,
            span: first,
            message: format!(
                "{} is accused or criticised, but the draft records no response, refusal or attempt to reach them.",
                actor.name
            ).into(),
            related,
            fixes,
        });
    }
    out
}

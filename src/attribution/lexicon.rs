//! Word lists: attribution cues (verbs in every form), pronouns, source heads.

use std::sync::LazyLock;

/// A word list both as a slice (for tables built from it) and as a
/// `matches!` test over the same words (fast for a single word); a caller
/// may need only one of the two.
macro_rules! word_list {
    ($(#[$m:meta])* $vis:vis fn $f:ident, const $c:ident = [$($w:literal),* $(,)?]) => {
        $(#[$m])*
        #[allow(dead_code)]
        $vis fn $f(w: &str) -> bool {
            matches!(w, $($w)|*)
        }
        #[allow(dead_code)]
        $vis const $c: &[&str] = &[$($w),*];
    };
}
pub(crate) use word_list;

/// The Fx hash: the word lists are fixed and the keys short, so SipHash's
/// DoS resistance buys nothing here, and Fx reads eight bytes at a time.
/// Only looked up (or iterated where the order cannot matter).
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub type FastSet<K> = rustc_hash::FxHashSet<K>;

/// What a cue verb reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// say, tell, add: speech in general.
    Speech,
    /// write, tweet, post, publish.
    Writing,
    /// show, find, conclude (records show, the audit found).
    Finding,
    /// believe, think, fear, know.
    Belief,
    /// want, plan, intend, hope to.
    Intention,
    /// criticize, praise, accuse, call for: speech acts with an object.
    Act,
}

/// How sure we are that the word is a cue wherever it occurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Strength {
    /// Needs a person-like subject and no determiner before it.
    Weak,
    /// Almost always a reporting verb (said, told, according to).
    Strong,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    Base,
    Third,
    Past,
    Ing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cue {
    pub class: Class,
    pub strength: Strength,
    pub loaded: bool,
    pub form: Form,
    /// Takes an addressee before its content (told reporters that...).
    pub addressee: bool,
}

impl Cue {
    /// A plain speech act (for phrase cues that have no lexicon entry).
    pub const ANY: Cue = Cue {
        class: Class::Act,
        strength: Strength::Weak,
        loaded: false,
        form: Form::Past,
        addressee: false,
    };
}

struct Lemma {
    base: &'static str,
    /// Explicit forms (third, past, ing) when irregular or doubling.
    forms: Option<[&'static str; 3]>,
    class: Class,
    strength: Strength,
    loaded: bool,
    addressee: bool,
}

const fn l(base: &'static str, class: Class, strength: Strength) -> Lemma {
    Lemma {
        base,
        forms: None,
        class,
        strength,
        loaded: false,
        addressee: false,
    }
}

const fn f(
    base: &'static str,
    forms: [&'static str; 3],
    class: Class,
    strength: Strength,
) -> Lemma {
    Lemma {
        base,
        forms: Some(forms),
        class,
        strength,
        loaded: false,
        addressee: false,
    }
}

const fn loaded(mut x: Lemma) -> Lemma {
    x.loaded = true;
    x
}

const fn addr(mut x: Lemma) -> Lemma {
    x.addressee = true;
    x
}

use Class::*;
use Strength::*;

const LEMMAS: &[Lemma] = &[
    // Neutral speech (SPEC §3.3).
    f("say", ["says", "said", "saying"], Speech, Strong),
    addr(f("tell", ["tells", "told", "telling"], Speech, Strong)),
    f("add", ["adds", "added", "adding"], Speech, Weak),
    l("note", Speech, Weak),
    l("explain", Speech, Strong),
    f("reply", ["replies", "replied", "replying"], Speech, Strong),
    l("respond", Speech, Weak),
    l("recall", Speech, Weak),
    l("describe", Speech, Weak),
    l("estimate", Speech, Weak),
    l("project", Speech, Weak),
    f(
        "forecast",
        ["forecasts", "forecast", "forecasting"],
        Speech,
        Weak,
    ),
    l("predict", Speech, Weak),
    l("confirm", Speech, Strong),
    l("answer", Speech, Weak),
    addr(l("ask", Speech, Weak)),
    l("remark", Speech, Weak),
    l("comment", Speech, Weak),
    l("observe", Speech, Weak),
    l("stress", Speech, Weak),
    l("emphasize", Speech, Weak),
    l("emphasise", Speech, Weak),
    l("reiterate", Speech, Strong),
    l("repeat", Speech, Weak),
    l("mention", Speech, Weak),
    l("declare", Speech, Strong),
    l("announce", Speech, Strong),
    l("suggest", Speech, Weak),
    l("propose", Speech, Weak),
    l("recount", Speech, Strong),
    l("joke", Speech, Strong),
    l("quip", Speech, Strong),
    l("explain", Speech, Strong),
    l("continue", Speech, Weak),
    l("indicate", Speech, Weak),
    l("signal", Speech, Weak),
    l("hint", Speech, Weak),
    l("agree", Speech, Weak),
    l("disagree", Speech, Weak),
    l("reveal", Speech, Weak),
    l("disclose", Speech, Weak),
    l("acknowledge", Speech, Strong),
    addr(l("assure", Speech, Weak)),
    addr(l("inform", Speech, Weak)),
    addr(l("remind", Speech, Weak)),
    l("caution", Speech, Weak),
    f(
        "testify",
        ["testifies", "testified", "testifying"],
        Speech,
        Strong,
    ),
    l("speculate", Speech, Weak),
    l("wonder", Speech, Weak),
    l("muse", Speech, Weak),
    l("vow", Speech, Weak),
    l("pledge", Speech, Weak),
    l("promise", Speech, Weak),
    l("predict", Speech, Weak),
    l("urge", Act, Weak),
    l("point", Speech, Weak), // point out
    l("counter", Speech, Weak),
    l("retort", Speech, Strong),
    l("boast", Speech, Weak),
    f("brag", ["brags", "bragged", "bragging"], Speech, Weak),
    l("lament", Speech, Weak),
    l("exclaim", Speech, Strong),
    l("shout", Speech, Weak),
    l("yell", Speech, Weak),
    l("whisper", Speech, Weak),
    f("plead", ["pleads", "pleaded", "pleading"], Speech, Weak),
    // Loaded (SPEC §3.3).
    loaded(l("claim", Speech, Weak)),
    loaded(l("allege", Speech, Strong)),
    loaded(f(
        "admit",
        ["admits", "admitted", "admitting"],
        Speech,
        Weak,
    )),
    loaded(l("concede", Speech, Strong)),
    loaded(l("insist", Speech, Strong)),
    loaded(l("argue", Speech, Strong)),
    loaded(l("maintain", Speech, Weak)),
    loaded(l("contend", Speech, Strong)),
    loaded(l("assert", Speech, Strong)),
    loaded(l("warn", Speech, Weak)),
    loaded(l("complain", Speech, Weak)),
    loaded(f("deny", ["denies", "denied", "denying"], Speech, Weak)),
    loaded(l("dispute", Speech, Weak)),
    loaded(l("reject", Speech, Weak)),
    loaded(l("accuse", Act, Weak)),
    loaded(l("blame", Act, Weak)),
    loaded(l("fault", Act, Weak)),
    loaded(l("criticize", Act, Weak)),
    loaded(l("criticise", Act, Weak)),
    loaded(l("call", Act, Weak)),
    loaded(l("charge", Speech, Weak)),
    loaded(l("dismiss", Act, Weak)),
    loaded(l("scoff", Speech, Weak)),
    loaded(l("concede", Speech, Strong)),
    loaded(l("boast", Speech, Weak)),
    loaded(f("slam", ["slams", "slammed", "slamming"], Act, Weak)),
    loaded(l("blast", Act, Weak)),
    // Written or recorded.
    f("write", ["writes", "wrote", "writing"], Writing, Weak),
    l("email", Writing, Weak),
    f("text", ["texts", "texted", "texting"], Writing, Weak),
    l("post", Writing, Weak),
    f("tweet", ["tweets", "tweeted", "tweeting"], Writing, Weak),
    l("state", Writing, Weak),
    l("report", Writing, Weak),
    l("publish", Writing, Weak),
    l("release", Writing, Weak),
    f("read", ["reads", "read", "reading"], Writing, Weak),
    f("show", ["shows", "showed", "showing"], Finding, Weak),
    f("find", ["finds", "found", "finding"], Finding, Weak),
    l("conclude", Finding, Weak),
    l("rule", Finding, Weak),
    l("learn", Finding, Weak),
    // Speech acts with an object.
    l("praise", Act, Weak),
    l("endorse", Act, Weak),
    l("condemn", Act, Weak),
    l("denounce", Act, Weak),
    l("decry", Act, Weak),
    l("question", Act, Weak),
    l("demand", Act, Weak),
    l("thank", Act, Weak),
    l("applaud", Act, Weak),
    l("defend", Act, Weak),
    l("attack", Act, Weak),
    l("mock", Act, Weak),
    l("cite", Act, Weak),
    l("echo", Act, Weak),
    // Beliefs (not markers, C4 claims).
    l("believe", Belief, Weak),
    f("think", ["thinks", "thought", "thinking"], Belief, Weak),
    f("feel", ["feels", "felt", "feeling"], Belief, Weak),
    f("know", ["knows", "knew", "knowing"], Belief, Weak),
    l("fear", Belief, Weak),
    f("worry", ["worries", "worried", "worrying"], Belief, Weak),
    l("doubt", Belief, Weak),
    l("suspect", Belief, Weak),
    l("expect", Belief, Weak),
    l("assume", Belief, Weak),
    l("realize", Belief, Weak),
    l("realise", Belief, Weak),
    l("recognize", Belief, Weak),
    l("understand", Belief, Weak),
    l("consider", Belief, Weak),
    l("view", Belief, Weak),
    l("regard", Belief, Weak),
    l("reckon", Belief, Weak),
    l("imagine", Belief, Weak),
    l("insist", Speech, Strong),
    // Intentions (not markers, C4 claims).
    l("want", Intention, Weak),
    f("plan", ["plans", "planned", "planning"], Intention, Weak),
    l("intend", Intention, Weak),
    f("seek", ["seeks", "sought", "seeking"], Intention, Weak),
    l("hope", Intention, Weak),
    l("wish", Intention, Weak),
    f(
        "prefer",
        ["prefers", "preferred", "preferring"],
        Intention,
        Weak,
    ),
    l("aim", Intention, Weak),
    l("decide", Intention, Weak),
    l("refuse", Intention, Weak),
    l("decline", Intention, Weak),
    l("seem", Belief, Weak),
    l("appear", Belief, Weak),
    f("refer", ["refers", "referred", "referring"], Speech, Weak),
    l("offer", Act, Weak),
    l("back", Act, Weak),
    l("discuss", Act, Weak),
    l("express", Act, Weak),
    f("talk", ["talks", "talked", "talking"], Speech, Weak),
    f("speak", ["speaks", "spoke", "speaking"], Speech, Weak),
    l("order", Act, Weak),
    f(
        "identify",
        ["identifies", "identified", "identifying"],
        Act,
        Weak,
    ),
    l("highlight", Act, Weak),
    l("list", Act, Weak),
    l("chant", Speech, Weak),
    l("encourage", Act, Weak),
    l("compare", Act, Weak),
    l("portray", Act, Weak),
    l("request", Act, Weak),
    l("quote", Act, Weak),
    l("welcome", Act, Weak),
    l("challenge", Act, Weak),
    l("invoke", Act, Weak),
    l("tout", Act, Weak),
    l("share", Act, Weak),
    l("imply", Speech, Weak),
    l("threaten", Act, Weak),
    l("assail", Act, Weak),
    l("recommend", Act, Weak),
    l("retweet", Writing, Weak),
    l("downplay", Act, Weak),
    l("acknowledge", Speech, Strong),
    f("see", ["sees", "saw", "seeing"], Belief, Weak),
    l("favor", Intention, Weak),
    l("favour", Intention, Weak),
    l("support", Act, Weak),
    l("oppose", Act, Weak),
    // More speech, stance and judgment verbs (PolNeAR counts reported acts
    // and attitudes as attributions).
    l("voice", Speech, Weak),
    l("proclaim", Speech, Strong),
    l("reaffirm", Speech, Strong),
    l("clarify", Speech, Weak),
    l("articulate", Speech, Weak),
    l("outline", Speech, Weak),
    f("rebut", ["rebuts", "rebutted", "rebutting"], Speech, Strong),
    l("interject", Speech, Strong),
    l("chide", Act, Weak),
    l("scold", Act, Weak),
    l("rebuke", Act, Weak),
    l("lambaste", Act, Weak),
    l("deride", Act, Weak),
    l("chastise", Act, Weak),
    l("berate", Act, Weak),
    l("castigate", Act, Weak),
    l("bemoan", Speech, Weak),
    l("hail", Act, Weak),
    l("laud", Act, Weak),
    l("extol", Act, Weak),
    l("champion", Act, Weak),
    l("congratulate", Act, Weak),
    l("liken", Act, Weak),
    f("dub", ["dubs", "dubbed", "dubbing"], Act, Weak),
    l("characterize", Act, Weak),
    l("characterise", Act, Weak),
    l("depict", Act, Weak),
    l("allude", Speech, Weak),
    l("underscore", Speech, Weak),
    l("apologize", Speech, Weak),
    l("apologise", Speech, Weak),
    l("protest", Act, Weak),
    l("grumble", Speech, Weak),
    l("gripe", Speech, Weak),
    f("snipe", ["snipes", "sniped", "sniping"], Speech, Weak),
    l("taunt", Act, Weak),
    l("ridicule", Act, Weak),
    l("rail", Act, Weak),
    l("lash", Act, Weak),
    l("confess", Speech, Weak),
    l("affirm", Speech, Weak),
    l("advocate", Act, Weak),
    l("implore", Act, Weak),
    l("inquire", Speech, Weak),
    l("ponder", Belief, Weak),
    l("contemplate", Intention, Weak),
    l("recollect", Speech, Weak),
    l("notify", Speech, Weak),
    l("disavow", Act, Weak),
    l("repudiate", Act, Weak),
    l("embrace", Act, Weak),
    l("justify", Act, Weak),
    f("swear", ["swears", "swore", "swearing"], Speech, Weak),
    l("reassure", Speech, Weak),
    l("insinuate", Speech, Weak),
    l("calculate", Finding, Weak),
    l("deem", Belief, Weak),
    l("perceive", Belief, Weak),
    l("desire", Intention, Weak),
    l("resent", Belief, Weak),
    l("regret", Belief, Weak),
    l("admire", Belief, Weak),
    l("distrust", Belief, Weak),
    l("anticipate", Belief, Weak),
    f(
        "foresee",
        ["foresees", "foresaw", "foreseeing"],
        Belief,
        Weak,
    ),
    l("envision", Belief, Weak),
    l("opt", Intention, Weak),
    l("nominate", Act, Weak),
    l("urge", Act, Weak),
    l("pitch", Act, Weak),
    l("vouch", Speech, Weak),
    l("remember", Belief, Weak),
    l("sound", Speech, Weak),
    l("weigh", Speech, Weak),
    l("reiterate", Speech, Strong),
    l("label", Act, Weak),
    l("brand", Act, Weak),
    l("title", Act, Weak),
    l("name", Act, Weak),
    // Acts of advocacy, persuasion and public stance-taking.
    l("reference", Speech, Weak),
    l("press", Act, Weak),
    l("push", Act, Weak),
    l("issue", Writing, Weak),
    l("convince", Act, Weak),
    l("persuade", Act, Weak),
    l("anger", Act, Weak),
    l("unveil", Speech, Weak),
    l("attribute", Act, Weak),
    f("spar", ["spars", "sparred", "sparring"], Act, Weak),
    l("rebuff", Act, Weak),
    // Praise, blame, persuasion and disclosure.
    l("trash", Act, Weak),
    l("bash", Act, Weak),
    l("savage", Act, Weak),
    l("lampoon", Act, Weak),
    l("excoriate", Act, Weak),
    l("commend", Act, Weak),
    l("compliment", Act, Weak),
    l("salute", Act, Weak),
    l("smear", Act, Weak),
    l("nickname", Act, Weak),
    l("lecture", Act, Weak),
    l("admonish", Act, Weak),
    l("exhort", Act, Weak),
    l("beseech", Act, Weak),
    l("contradict", Act, Weak),
    l("sneer", Act, Weak),
    l("gloat", Act, Weak),
    f("quiz", ["quizzes", "quizzed", "quizzing"], Act, Weak),
    l("grill", Act, Weak),
    l("profile", Act, Weak),
    l("debate", Act, Weak),
    l("bicker", Act, Weak),
    l("deliberate", Act, Weak),
    l("narrate", Speech, Weak),
    l("chronicle", Speech, Weak),
    l("summarize", Speech, Weak),
    l("telegraph", Speech, Weak),
    l("underline", Speech, Weak),
    l("attest", Speech, Weak),
    l("decree", Speech, Weak),
    l("pronounce", Speech, Weak),
    l("concur", Speech, Weak),
    l("document", Speech, Weak),
    l("knock", Act, Weak),
    f("rip", ["rips", "ripped", "ripping"], Act, Weak),
    l("float", Act, Weak),
    l("credit", Act, Weak),
];

/// Forms of cue lemmas that are nearly always nouns or other verbs in news
/// copy ("the press", "the issues", "a push"): only their other forms
/// ("pressed", "issued", "pushed") report a stance or a statement.
pub(super) const NOT_CUES: &[&str] = &[
    "press",
    "presses",
    "push",
    "issue",
    "issues",
    "issuing",
    "anger",
    "angering",
    "unveil",
    "unveils",
    "unveiling",
    "knock",
    "knocks",
    "knocking",
    "float",
    "floats",
    "floating",
    "reference",
    "references",
    // Nouns far more often than verbs in news copy.
    "trash",
    "insult",
    "insults",
    "salute",
    "salutes",
    "lobby",
    "lobbies",
    "profile",
    "profiles",
    "document",
    "documents",
    "leak",
    "leaks",
    "debate",
    "debates",
    "lecture",
    "lectures",
    "smear",
    "smears",
    "guarantee",
    "guarantees",
    "quiz",
    "grill",
    "grills",
    "spotlight",
    "spotlights",
    "compliment",
    "compliments",
    "nickname",
    "nicknames",
    "decree",
    "decrees",
    "chronicle",
    "chronicles",
    "lobbying",
    "debating",
    "profiling",
    "documenting",
    // Prepositions, conjunctions and gerund nouns: "regarding the plan",
    // "assuming he wins", "seeing a surge", "sharing the stage", "the finding".
    "regarding",
    "assuming",
    "seeing",
    "sharing",
    "reading",
    "finding",
    "releasing",
];

/// Regular inflections of a base form: third person, past, -ing.
pub(crate) fn regular(b: &str) -> [String; 3] {
    let mut forms = [String::new(), String::new(), String::new()];
    regular_into(b, &mut forms);
    forms
}

/// [`regular`] written into `forms` (cleared first): the word table is
/// built from these at every start, and the strings are reused.
fn regular_into(b: &str, forms: &mut [String; 3]) {
    let [third, past, ing] = forms;
    let set = |w: &mut String, stem: &str, suffix: &str| {
        w.clear();
        w.push_str(stem);
        w.push_str(suffix);
    };
    let drop_last = || &b[..b.len() - 1];
    if b.ends_with('s')
        || b.ends_with("sh")
        || b.ends_with("ch")
        || b.ends_with('x')
        || b.ends_with('z')
        || b.ends_with('o')
    {
        set(third, b, "es");
    } else if b.ends_with('y') && !b.ends_with("ay") && !b.ends_with("ey") && !b.ends_with("oy") {
        set(third, drop_last(), "ies");
    } else {
        set(third, b, "s");
    }
    if b.ends_with('e') {
        set(past, b, "d");
    } else if b.ends_with('y') && !b.ends_with("ay") && !b.ends_with("ey") && !b.ends_with("oy") {
        set(past, drop_last(), "ied");
    } else {
        set(past, b, "ed");
    }
    if b.ends_with('e') && !b.ends_with("ee") {
        set(ing, drop_last(), "ing");
    } else {
        set(ing, b, "ing");
    }
}

/// Every (form, cue) of every lemma, in lexicon order; a form may come
/// twice (the first cue counts).
fn each_form(mut f: impl FnMut(&str, Cue)) {
    let mut regular_forms = [String::new(), String::new(), String::new()];
    for lem in LEMMAS {
        let mk = |form| Cue {
            class: lem.class,
            strength: lem.strength,
            loaded: lem.loaded,
            form,
            addressee: lem.addressee,
        };
        let [third, past, ing]: [&str; 3] = match lem.forms {
            Some(forms) => forms,
            None => {
                regular_into(lem.base, &mut regular_forms);
                let [a, b, c] = &regular_forms;
                [a.as_str(), b.as_str(), c.as_str()]
            }
        };
        f(lem.base, mk(Form::Base));
        f(third, mk(Form::Third));
        f(past, mk(Form::Past));
        f(ing, mk(Form::Ing));
    }
}

/// Every inflected form of every cue verb, lower case.
pub static CUES: LazyLock<FastMap<String, Cue>> = LazyLock::new(|| {
    let mut m = FastMap::default();
    each_form(|w, cue| {
        m.entry(w.to_string()).or_insert(cue);
    });
    for w in NOT_CUES {
        m.remove(*w);
    }
    m
});

/// The forms where [`cue`] answers, with its answer, without building
/// [`CUES`]: a form may come twice (the first cue counts).
pub(super) fn each_cue(mut f: impl FnMut(&str, Cue)) {
    let not_cues: FastSet<&str> = NOT_CUES.iter().copied().collect();
    each_form(|w, cue| {
        // What `cue` turns away before looking.
        let answers = (3..=16).contains(&w.len()) && triple(w.as_bytes()).is_some();
        if answers && !not_cues.contains(w) {
            f(w, cue);
        }
    });
}

/// Bit `(first, second, last)` letter triple of every cue form: most words
/// are turned away before hashing.
static CUE_TRIPLES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 26 * 26 * 26 / 64 + 1];
    for w in CUES.keys() {
        if let Some(k) = triple(w.as_bytes()) {
            bits[k / 64] |= 1 << (k % 64);
        }
    }
    bits
});

#[inline]
fn triple(b: &[u8]) -> Option<usize> {
    let (&f, &s, &l) = (b.first()?, b.get(1)?, b.last()?);
    if !(f.is_ascii_lowercase() && s.is_ascii_lowercase() && l.is_ascii_lowercase()) {
        return None;
    }
    Some((usize::from(f - b'a') * 26 + usize::from(s - b'a')) * 26 + usize::from(l - b'a'))
}

pub fn cue(word: &str) -> Option<Cue> {
    if word.len() < 3 || word.len() > 16 {
        return None;
    }
    let k = triple(word.as_bytes())?;
    if CUE_TRIPLES[k / 64] & (1 << (k % 64)) == 0 {
        return None;
    }
    CUES.get(word).copied()
}

word_list! {
    pub fn is_pronoun, const PRONOUNS = [
        "he", "she", "they", "i", "we", "you", "it", "who", "one",
    ]
}

/// Personal pronouns that can be a speaker.
pub fn is_person_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "i" | "we" | "you")
}

word_list! {
    pub fn is_determiner, const DETERMINERS = [
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
        "these", "those", "no", "any", "every", "each", "some", "another", "such", "whose",
        "which", "what",
    ]
}

word_list! {
    /// Words that end a noun phrase when walking back from a cue.
    pub fn is_np_stop, const NP_STOPS = [
        "that", "which", "who", "whom", "when", "where", "while", "because", "but", "or", "if",
        "as", "than", "so", "since", "after", "before", "although", "though", "is", "are",
        "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
        "will", "would", "can", "could", "should", "may", "might", "must", "not", "to", "by",
        "into", "about", "it", "he", "she", "they", "we", "i", "you", "him", "them", "me",
        "us", "then", "also", "now", "still", "even", "just", "there", "here", "what", "how",
        "why", "whether", "said", "says", "told", "yet", "nor", "once", "until", "unless",
        "against", "like", "through", "during", "without", "under", "over", "never", "only",
        "very", "this", "these", "those", "all", "both",
    ]
}

word_list! {
    /// Words that may sit inside a noun phrase but not at its left edge.
    pub fn is_np_inner_only, const NP_INNER_ONLY = [
        "of", "for", "at", "in", "on", "from", "with", "and", "&",
    ]
}

word_list! {
    /// Auxiliaries and adverbs between a subject and its cue.
    pub fn is_aux_or_adverb, const AUX_OR_ADVERBS = [
        "has", "have", "had", "also", "will", "would", "could", "may", "might", "is", "are",
        "was", "were", "previously", "later", "then", "again", "once", "recently",
        "frequently", "often", "has long", "long", "already", "just", "even", "still", "now",
        "first", "initially", "publicly", "privately", "repeatedly", "flatly", "simply",
        "further", "reportedly", "allegedly", "apparently", "similarly", "quickly", "openly",
        "explicitly", "specifically", "subsequently", "ultimately", "finally", "always",
        "never", "not", "did", "does", "do", "been", "be", "being", "usually", "sometimes",
        "frankly", "bluntly", "angrily", "told",
    ]
}

/// Nouns that name a speaker, a group of people, or a document: heads that make
/// a weak cue believable.
pub fn is_speaker_noun(w: &str) -> bool {
    SPEAKER_NOUNS.contains(w) || VAGUE_HEADS.contains(w) || INSTITUTION_HEADS.contains(w)
}

pub static SPEAKER_NOUNS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "spokesmen",
        "spokeswomen",
        "aide",
        "aides",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "official",
        "officials",
        "director",
        "manager",
        "chairman",
        "chairwoman",
        "chair",
        "president",
        "secretary",
        "senator",
        "governor",
        "mayor",
        "candidate",
        "nominee",
        "lawyer",
        "lawyers",
        "attorney",
        "attorneys",
        "professor",
        "economist",
        "economists",
        "strategist",
        "strategists",
        "pollster",
        "pollsters",
        "consultant",
        "operative",
        "operatives",
        "leader",
        "leaders",
        "chief",
        "executive",
        "executives",
        "founder",
        "member",
        "members",
        "representative",
        "representatives",
        "lawmaker",
        "lawmakers",
        "legislator",
        "legislators",
        "congressman",
        "congresswoman",
        "speaker",
        "host",
        "anchor",
        "reporter",
        "reporters",
        "journalist",
        "editor",
        "author",
        "writer",
        "columnist",
        "commentator",
        "candidates",
        "democrats",
        "republicans",
        "campaign",
        "voters",
        "voter",
        "delegates",
        "delegate",
        "donors",
        "donor",
        "man",
        "woman",
        "people",
        "person",
        "staff",
        "staffer",
        "staffers",
        "team",
        "group",
        "statement",
        "letter",
        "memo",
        "email",
        "emails",
        "tweet",
        "post",
        "ad",
        "advertisement",
        "release",
        "website",
        "site",
        "page",
        "article",
        "story",
        "book",
        "editorial",
        "op-ed",
        "paper",
        "newspaper",
        "network",
        "magazine",
        "outlet",
        "transcript",
        "video",
        "message",
        "note",
        "platform",
        "filing",
        "complaint",
        "indictment",
        "ruling",
        "judge",
        "jury",
        "officer",
        "officers",
        "investigators",
        "agents",
        "authorities",
        "administration",
        "minister",
        "ambassador",
        "diplomat",
        "diplomats",
        "analysis",
        "researchers",
        "scientists",
        "historian",
        "scholars",
        "friend",
        "friends",
        "family",
        "wife",
        "husband",
        "son",
        "daughter",
        "mother",
        "father",
        "sister",
        "brother",
        "owner",
        "ceo",
        "veteran",
        "veterans",
        "activist",
        "activists",
        "organizer",
        "organizers",
        "protesters",
        "users",
        "followers",
        "fans",
        "audience",
        "crowd",
        "everyone",
        "nobody",
        "someone",
        "somebody",
        "anyone",
        "majority",
        "percent",
        "respondents",
        "americans",
        "conservatives",
        "liberals",
        "progressives",
        "republican",
        "democrat",
        "independents",
        "white house",
        "surrogate",
        "surrogates",
        "backers",
        "partner",
        "colleague",
        "colleagues",
        "counsel",
        "press",
        "rival",
        "rivals",
        "opponent",
        "challenger",
        "incumbent",
        "they",
    ]
    .into_iter()
    .collect()
});

/// Heads that make a source vague (SPEC §3.4.4).
pub static VAGUE_HEADS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    [
        "source",
        "sources",
        "officials",
        "official",
        "insider",
        "insiders",
        "observers",
        "observer",
        "experts",
        "expert",
        "analysts",
        "analyst",
        "critics",
        "critic",
        "opponents",
        "supporters",
        "allies",
        "residents",
        "resident",
        "parents",
        "parent",
        "tenants",
        "teachers",
        "players",
        "employees",
        "workers",
        "fans",
        "witnesses",
        "neighbors",
        "neighbours",
        "people",
        "some",
        "many",
        "several",
        "others",
        "report",
        "reports",
        "documents",
        "studies",
        "study",
        "person",
        "individuals",
        "observers",
        "insiders",
        "aides",
        "advisers",
        "sources",
        "skeptics",
        "detractors",
        "commentators",
        "pundits",
        "economists",
        "scientists",
        "researchers",
        "officers",
        "staffers",
        "members",
        "voters",
        "users",
        "someone",
        "somebody",
        "one",
    ]
    .into_iter()
    .collect()
});

/// Institutions and their documents (SPEC §3.4.2).
pub static INSTITUTION_HEADS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    [
        "police",
        "prosecutors",
        "prosecutor",
        "company",
        "firm",
        "university",
        "college",
        "school",
        "district",
        "hospital",
        "city",
        "county",
        "state",
        "department",
        "agency",
        "ministry",
        "office",
        "council",
        "board",
        "commission",
        "committee",
        "court",
        "government",
        "administration",
        "campaign",
        "lawsuit",
        "suit",
        "audit",
        "records",
        "record",
        "filings",
        "filing",
        "complaint",
        "indictment",
        "data",
        "figures",
        "statistics",
        "census",
        "poll",
        "survey",
        "report",
        "inspection",
        "inspectors",
        "investigators",
        "authorities",
        "sheriff",
        "union",
        "party",
        "bureau",
        "service",
        "authority",
        "army",
        "military",
        "pentagon",
        "navy",
        "fire",
        "statement",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "lawyers",
        "attorneys",
        "legislature",
        "congress",
        "senate",
        "house",
        "website",
        "memo",
        "letter",
        "transcript",
        "newspaper",
        "network",
        "magazine",
        "station",
        "paper",
        "study",
        "analysis",
        "foundation",
        "regulators",
        "auditors",
        "commissioners",
        "trustees",
        "supervisors",
        "release",
        "ad",
        "advertisement",
        "commercial",
        "tests",
        "inspections",
        "institute",
        "center",
        "group",
        "organization",
        "association",
    ]
    .into_iter()
    .collect()
});

word_list! {
    /// Nouns for documents: a cue with one of these as subject is a Document attribution.
    pub fn is_document_noun, const DOCUMENT_NOUNS = [
        "records", "record", "documents", "document", "data", "figures", "statistics",
        "report", "reports", "audit", "study", "studies", "poll", "polls", "polling", "survey",
        "surveys", "filings", "filing", "complaint", "lawsuit", "suit", "indictment",
        "analysis", "review", "investigation", "inquiry", "probe", "memo", "letter", "email",
        "emails", "transcript", "transcripts", "research", "findings", "numbers", "results",
        "census", "minutes", "logs", "footage", "video", "documents show", "rulings", "ruling",
        "order", "tests", "testing", "inspections", "samples", "release", "ad",
        "advertisement", "resolution", "budget",
    ]
}

word_list! {
    pub fn is_weekday_or_month, const WEEKDAYS_AND_MONTHS = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
        "today", "yesterday", "tonight", "earlier", "last", "later", "morning", "afternoon",
        "evening", "night",
    ]
}

/// Reasons for anonymity (SPEC §3.4.3).
pub const ANONYMITY_REASONS: &[&str] = &[
    "condition of anonymity",
    "on condition they not be",
    "on condition that they not be",
    "on condition he not be",
    "on condition she not be",
    "not authorized to",
    "not authorised to",
    "asked not to be named",
    "asked not to be identified",
    "requested anonymity",
    "insisted on anonymity",
    "declined to be named",
    "declined to be identified",
    "spoke anonymously",
    "speaking anonymously",
    "granted anonymity",
    "on background",
    "because they feared",
    "because he feared",
    "because she feared",
    "for fear of",
];

/// Hedges (SPEC §3.5), matched case-insensitively on word boundaries.
pub const HEDGES: &[&str] = &[
    "reportedly",
    "purportedly",
    "supposedly",
    "allegedly",
    "rumored",
    "rumoured",
    "it is said",
    "it was said",
    "it is believed",
    "it was believed",
    "it is understood",
    "it was understood",
    "it is thought",
    "it was thought",
    "it is alleged",
    "it was alleged",
    "it has been reported",
    "it was reported",
    "it is reported",
    "is said to",
    "was said to",
    "are said to",
    "were said to",
    "is believed to",
    "was believed to",
    "are believed to",
    "were believed to",
    "is thought to",
    "was thought to",
    "are thought to",
    "were thought to",
    "is rumored to",
    "according to reports",
    "according to media reports",
    "according to news reports",
    "some say",
    "some said",
    "many believe",
    "many say",
    "is widely seen as",
    "was widely seen as",
    "are widely seen as",
    "is widely viewed as",
    "questions have been raised",
    "it is widely believed",
    "is widely believed",
];

/// One word of each hedge (between its spaces), the least common: a
/// sentence with none of them as a word has no hedge (see `extract`).
pub const HEDGE_KEYS: &[&str] = &[
    "reportedly",
    "purportedly",
    "supposedly",
    "allegedly",
    "rumored",
    "rumoured",
    "said",
    "believed",
    "understood",
    "thought",
    "alleged",
    "reported",
    "reports",
    "say",
    "believe",
    "widely",
    "raised",
];

word_list! {
    /// Cue verbs whose present forms are common nouns ("remarks", "plans", "states").
    pub fn is_noun_like, const NOUN_LIKE = [
        "state", "states", "remark", "remarks", "comment", "comments", "attack", "attacks",
        "plan", "plans", "report", "reports", "note", "notes", "post", "posts", "email",
        "emails", "support", "supports", "claim", "claims", "call", "calls", "answer",
        "answers", "question", "questions", "demand", "demands", "promise", "promises",
        "pledge", "pledges", "estimate", "estimates", "project", "projects", "forecast",
        "forecasts", "view", "views", "doubt", "doubts", "fear", "fears", "hope", "hopes",
        "wish", "wishes", "aim", "aims", "release", "releases", "list", "lists", "order",
        "orders", "offer", "offers", "request", "requests", "quote", "quotes", "share",
        "shares", "challenge", "challenges", "text", "texts", "tweet", "tweets", "reply",
        "replies", "charge", "charges", "dispute", "disputes", "counter", "echo", "praise",
        "fault", "blame", "rule", "rules", "read", "reads", "signal", "signals", "hint",
        "hints", "vow", "vows", "joke", "jokes", "mention", "mentions", "stress", "repeat",
        "warning", "respond", "chant", "chants", "favor", "favors", "welcome", "highlight",
        "highlights", "tout", "touts", "talk", "talks", "speech", "recall", "recalls", "back",
        "backs", "rally", "vote", "votes", "sound", "sounds", "pitch", "pitches", "outline",
        "outlines", "champion", "champions", "protest", "protests", "desire", "desires",
        "regret", "regrets", "embrace", "advocate", "advocates", "voice", "voices", "rail",
        "rails", "lash", "hail", "taunt", "taunts", "ridicule", "label", "labels", "brand",
        "brands", "title", "titles", "name", "names",
    ]
}

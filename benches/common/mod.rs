//! The invented paragraphs the `analysis` and `archive` benches fill drafts
//! with, so both measure the same kind of prose.

pub const NAMES: &[&str] = &[
    "Ana Ruiz",
    "Tom Brandt",
    "Lia Chen",
    "Omar Diallo",
    "Greta Holm",
    "Ivo Marsh",
];
pub const ORGS: &[&str] = &[
    "Corvane Logistics",
    "the Harlow County Board",
    "Millbrook Water Co.",
    "the state health department",
    "Pellam Transit",
];
/// Sentences that exercise every stage (quotes, attributions, dates,
/// accusations, responses). `{N}` is a person, `{O}` an organisation.
pub const TEMPLATES: &[&str] = &[
    "{N}, the county's finance director, said Tuesday that revenue fell 12% last year because tourism slowed.",
    "\"We warned them about the pipes in 2019 and nobody listened,\" said {N}, who lives on Mill Street.",
    "{O} did not respond to a request for comment.",
    "Critics say {O} ignored the inspection reports for months.",
    "The board voted 5-2 on March 3 to approve the contract. The contract runs through 2028.",
    "{N} accused {O} of billing the city for work its crews never finished.",
    "Officials reportedly discussed closing the plant yesterday.",
    "The company will lay off 40 workers.",
    "According to court records, {O} paid $2.1 million to settle the case in 2024.",
    "Residents are frustrated with the repairs, which have dragged on since last spring.",
    "\"It is a fair price for a safer bridge,\" {N} said at the meeting.",
    "Ridership rose 8% in the first quarter, according to figures from {O}.",
];

/// Which slice of the vocabulary a draft draws on.
pub struct Vocabulary {
    pub names: &'static [&'static str],
    pub orgs: &'static [&'static str],
    pub templates: &'static [&'static str],
}

/// Appends sentences to `out` until it holds about `words` more words,
/// starting at template `first`; `separator(i)` follows sentence `i`.
pub fn fill(
    out: &mut String,
    words: usize,
    first: usize,
    vocabulary: &Vocabulary,
    separator: impl Fn(usize) -> &'static str,
) {
    let Vocabulary {
        names,
        orgs,
        templates,
    } = vocabulary;
    let mut n = 0usize;
    let mut i = first;
    while n < words {
        let t = templates[i % templates.len()]
            .replace("{N}", names[(i / 3) % names.len()])
            .replace("{O}", orgs[(i / 7) % orgs.len()]);
        n += t.split_whitespace().count();
        out.push_str(&t);
        out.push_str(separator(i));
        i += 1;
    }
}

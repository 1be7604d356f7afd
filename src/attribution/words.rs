//! One table lookup per word, made by the tokenizer, for everything the
//! per-token scans ask of a word: its cue entry and its tags (does it open
//! an idiom, is it a stance adjective...). The scans then test bits instead
//! of comparing strings.

use super::lexicon::{self, Class, Cue, Form, Strength};
use std::sync::LazyLock;

/// Tag bits of [`WordInfo::tags`].
pub mod tag {
    /// First word of one of the [`super::PHRASES`] (`made` of `made it clear`).
    pub const PHRASE_START: u8 = 1 << 0;
    /// Stance adjective after a copula (`was eager to`).
    pub const STANCE_ADJECTIVE: u8 = 1 << 1;
    /// Stance noun taking a `that` clause (`the claim that`).
    pub const STANCE_NOUN: u8 = 1 << 2;
    /// `according` (of `according to`).
    pub const ACCORDING: u8 = 1 << 3;
    /// Has a cue entry (`WordInfo::cue` is some).
    pub const CUE: u8 = 1 << 4;
    /// Key word of a hedge ([`super::lexicon::HEDGE_KEYS`]).
    pub const HEDGE: u8 = 1 << 5;
}

/// What the lexicons say about one lower-case word, packed in one integer
/// (the tokenizer copies it to every token in one move): the tags in byte
/// 0, the idiom and hedge groups in bytes 1 and 2, the cue entry above,
/// and the [`list`] bits in byte 6.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo(u64);

/// Bit of [`WordInfo`]: the word has a cue entry.
const HAS_CUE: u64 = 1 << 24;
/// Bit of [`WordInfo`]: the cue takes an addressee.
const ADDRESSEE: u64 = 1 << 25;
/// Bit of [`WordInfo`]: the cue is loaded.
const LOADED: u64 = 1 << 26;
/// Bit of [`WordInfo`]: the cue is strong.
const STRONG: u64 = 1 << 27;

impl WordInfo {
    /// `cue`: equal to [`lexicon::cue`] of the word. `phrase_group`: for a
    /// word opening idioms, 1 + the index of their group in
    /// [`Table::phrase_groups`] (0 for other words); `hedge_group` the same
    /// for a hedge key word and [`Table::hedge_groups`].
    fn new(cue: Option<Cue>, tags: u8, phrase_group: u8, hedge_group: u8) -> WordInfo {
        let mut x = u64::from(tags) | u64::from(phrase_group) << 8 | u64::from(hedge_group) << 16;
        if let Some(c) = cue {
            x |= HAS_CUE;
            if c.addressee {
                x |= ADDRESSEE;
            }
            if c.loaded {
                x |= LOADED;
            }
            if c.strength == Strength::Strong {
                x |= STRONG;
            }
            let class = match c.class {
                Class::Speech => 0u64,
                Class::Writing => 1,
                Class::Finding => 2,
                Class::Belief => 3,
                Class::Intention => 4,
                Class::Act => 5,
            };
            let form = match c.form {
                Form::Base => 0u64,
                Form::Third => 1,
                Form::Past => 2,
                Form::Ing => 3,
            };
            x |= class << 32 | form << 40;
        }
        WordInfo(x)
    }

    #[inline]
    pub fn tags(self) -> u8 {
        self.0 as u8
    }

    /// The [`list`] bits of the word: equal to [`list_bits`] of it.
    #[inline]
    pub fn lists(self) -> u8 {
        (self.0 >> 48) as u8
    }

    fn with_lists(self, lists: u8) -> WordInfo {
        WordInfo(self.0 | u64::from(lists) << 48)
    }

    #[inline]
    pub fn has(self, tags: u8) -> bool {
        self.tags() & tags != 0
    }

    fn phrase_group(self) -> u8 {
        (self.0 >> 8) as u8
    }

    fn hedge_group(self) -> u8 {
        (self.0 >> 16) as u8
    }

    /// The word's cue entry: equal to [`lexicon::cue`] of the word.
    #[inline]
    pub fn cue(self) -> Option<Cue> {
        if self.0 & HAS_CUE == 0 {
            return None;
        }
        // Table lookups (the masks keep the indices in range): no branches.
        const CLASSES: [Class; 8] = [
            Class::Speech,
            Class::Writing,
            Class::Finding,
            Class::Belief,
            Class::Intention,
            Class::Act,
            Class::Act,
            Class::Act,
        ];
        const FORMS: [Form; 4] = [Form::Base, Form::Third, Form::Past, Form::Ing];
        const STRENGTHS: [Strength; 2] = [Strength::Weak, Strength::Strong];
        let x = self.0;
        Some(Cue {
            class: CLASSES[(x >> 32) as usize & 7],
            strength: STRENGTHS[(x & STRONG != 0) as usize],
            loaded: x & LOADED != 0,
            form: FORMS[(x >> 40) as usize & 3],
            addressee: x & ADDRESSEE != 0,
        })
    }
}

/// A table entry as it is built (see [`WordInfo::new`]).
#[derive(Clone, Copy, Default)]
struct Entry {
    cue: Option<Cue>,
    tags: u8,
    /// The [`list`] bits.
    lists: u8,
    phrase_group: u8,
    hedge_group: u8,
}

/// Idioms that report a stance or a naming: `made it clear`, `took issue
/// with`, `known as`.
pub const PHRASES: &[&[&str]] = &[
    &["known", "as"],
    &["made", "it", "clear"],
    &["made", "clear"],
    &["makes", "it", "clear"],
    &["makes", "clear"],
    &["make", "it", "clear"],
    &["make", "clear"],
    &["took", "issue", "with"],
    &["takes", "issue", "with"],
    &["take", "issue", "with"],
    &["spoke", "out"],
    &["speaks", "out"],
    &["sided", "with"],
    &["sides", "with"],
    &["went", "after"],
    &["cast", "doubt"],
    &["casts", "doubt"],
    &["raised", "concerns"],
    &["raised", "questions"],
    &["lashed", "out"],
    &["weighed", "in"],
    &["known", "for"],
    &["faced", "criticism"],
    &["faces", "criticism"],
    &["facing", "criticism"],
    &["drew", "criticism"],
    &["drawn", "criticism"],
    &["draws", "criticism"],
    &["cast", "himself", "as"],
    &["cast", "herself", "as"],
    &["casting", "himself", "as"],
    &["casting", "herself", "as"],
    &["heaped", "praise"],
    &["heaps", "praise"],
    &["lined", "up", "behind"],
    &["lining", "up", "behind"],
    // Reporting and stance idioms: "as she put it", "shot back", "laid out",
    // "went on to say", "made the case", "took aim", "doubled down".
    &["put", "it"],
    &["puts", "it"],
    &["laid", "out"],
    &["lays", "out"],
    &["laying", "out"],
    &["fired", "back"],
    &["fires", "back"],
    &["shot", "back"],
    &["shoots", "back"],
    &["hit", "back"],
    &["hits", "back"],
    &["make", "the", "case"],
    &["made", "the", "case"],
    &["makes", "the", "case"],
    &["making", "the", "case"],
    &["made", "a", "case"],
    &["make", "a", "case"],
    &["singled", "out"],
    &["singles", "out"],
    &["distanced", "himself"],
    &["distanced", "herself"],
    &["distanced", "themselves"],
    &["distanced", "itself"],
    &["distances", "himself"],
    &["distances", "herself"],
    &["distancing", "himself"],
    &["distancing", "herself"],
    &["doubled", "down"],
    &["doubles", "down"],
    &["doubling", "down"],
    &["walked", "back"],
    &["walks", "back"],
    &["walking", "back"],
    &["took", "aim"],
    &["take", "aim"],
    &["takes", "aim"],
    &["taking", "aim"],
    &["came", "out", "against"],
    &["come", "out", "against"],
    &["comes", "out", "against"],
    &["coming", "out", "against"],
    &["came", "out", "in", "favor"],
    &["came", "out", "in", "support"],
    &["threw", "his", "support"],
    &["threw", "her", "support"],
    &["threw", "their", "support"],
    &["threw", "its", "support"],
    &["focuses", "on"],
    &["went", "on", "to", "say"],
    &["goes", "on", "to", "say"],
    &["went", "on", "to", "explain"],
    &["goes", "on", "to", "explain"],
    &["went", "on", "to", "add"],
    &["goes", "on", "to", "add"],
    &["went", "on", "to", "argue"],
    &["goes", "on", "to", "argue"],
    &["went", "on", "to", "attack"],
    &["goes", "on", "to", "attack"],
    &["went", "on", "to", "call"],
    &["goes", "on", "to", "call"],
    &["went", "on", "to", "describe"],
    &["goes", "on", "to", "describe"],
    &["went", "on", "to", "praise"],
    &["goes", "on", "to", "praise"],
    &["went", "on", "to", "criticize"],
    &["goes", "on", "to", "criticize"],
    &["went", "on", "to", "note"],
    &["goes", "on", "to", "note"],
    &["went", "on", "to", "accuse"],
    &["goes", "on", "to", "accuse"],
    &["went", "on", "to", "blast"],
    &["goes", "on", "to", "blast"],
    &["went", "on", "to", "suggest"],
    &["goes", "on", "to", "suggest"],
    &["went", "on", "to", "claim"],
    &["goes", "on", "to", "claim"],
    &["went", "on", "to", "insist"],
    &["goes", "on", "to", "insist"],
    &["went", "on", "to", "warn"],
    &["goes", "on", "to", "warn"],
    &["went", "on", "to", "tell"],
    &["goes", "on", "to", "tell"],
];

/// Adjectives of stance after a copula: `was eager to`, `is skeptical of`.
pub const STANCE_ADJECTIVES: &[&str] = &[
    "eager",
    "hopeful",
    "convinced",
    "quick",
    "aware",
    "skeptical",
    "sceptical",
    "wary",
    "adamant",
    "outraged",
    "upset",
    "reluctant",
    "unhappy",
    "vocal",
    "outspoken",
    "supportive",
    "keen",
    "doubtful",
    "dismissive",
    "inclined",
];

/// Nouns of saying and believing that take a `that` clause: `the claim that`,
/// `his insistence that`.
pub const STANCE_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "suggestion",
    "insistence",
    "acknowledgment",
    "acknowledgement",
    "admission",
    "complaint",
    "complaints",
    "warning",
    "warnings",
    "assurance",
    "assurances",
    "contention",
    "conclusion",
    "speculation",
    "rumor",
    "rumors",
    "worry",
    "worries",
    "fears",
    "hopes",
    "allegation",
    "allegations",
    "boast",
    "vow",
    "pledge",
    "promise",
    "prediction",
    "argument",
    "accusation",
];

/// Longest word the table holds; longer words have no entry (no cue form
/// or listed word is longer).
pub(super) const MAX_LEN: usize = 16;

/// A word of 1 to [`MAX_LEN`] bytes as two little-endian integers,
/// zero-padded: hashed and compared in a few instructions. Words never hold
/// NUL bytes, so no word packs to `(0, 0)`, the mark of an empty slot.
#[inline]
fn pack(text: &[u8], start: usize, end: usize) -> Option<(u64, u64)> {
    let len = end.checked_sub(start)?;
    if len == 0 || len > MAX_LEN {
        return None;
    }
    // Usually 16 bytes can be read at once and the tail masked off.
    let buf: [u8; MAX_LEN] = match start.checked_add(MAX_LEN).and_then(|e| text.get(start..e)) {
        Some(chunk) => chunk.try_into().ok()?,
        None => {
            let mut buf = [0u8; MAX_LEN];
            buf[..len].copy_from_slice(text.get(start..end)?);
            buf
        }
    };
    let both = u128::from_le_bytes(buf);
    let (lo, hi) = (both as u64, (both >> 64) as u64);
    // Keep the word's bytes only (shifts stay below 64: 1 <= len <= 16).
    Some(if len <= 8 {
        (lo & (u64::MAX >> (64 - 8 * len)), 0)
    } else {
        (lo, hi & (u64::MAX >> (128 - 8 * len)))
    })
}

fn mix(key: (u64, u64)) -> u64 {
    (key.0 ^ key.1.rotate_left(23)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A hedge of [`lexicon::HEDGES`] cut at its spaces, filed under its key:
/// its first word that is one of [`lexicon::HEDGE_KEYS`].
pub struct HedgeWords {
    pub words: Vec<&'static str>,
    /// Index of the key in `words`.
    pub key: usize,
}

/// Bits of the filter in front of the table.
const FILTER_BITS: u32 = 16;

/// Open addressing with linear probing, at most half full, behind a one-bit
/// filter that turns most unknown words away with one load.
pub struct Table {
    /// One bit per [`Table::filter_bit`] (a fixed size: no bounds check).
    filter: Box<[u64; (1 << FILTER_BITS) / 64]>,
    slots: Vec<((u64, u64), WordInfo)>,
    shift: u32,
    phrase_groups: Vec<Vec<&'static [&'static str]>>,
    /// The hedges by key word (see [`HedgeWords`]).
    hedge_groups: Vec<Vec<HedgeWords>>,
    /// Length of the shortest word held: shorter words ("a", "of", "he", a
    /// quarter of all) are answered without hashing, from `short`.
    min_len: usize,
    /// The [`list`] bits of the listed words shorter than `min_len`, each
    /// with its packed key, in the slot [`Table::short_slot`] gives it.
    short: Box<[(u32, u8); 1024]>,
}

impl Table {
    fn filter_bit(hash: u64) -> usize {
        ((hash >> 24) & ((1 << FILTER_BITS) - 1)) as usize
    }

    /// The slot in `short` of a word packed as [`pack`] packs it: five bits
    /// of each of its first two bytes (letters differ there).
    #[inline(always)]
    fn short_slot(key: u64) -> usize {
        ((key & 0x1F) | (key >> 3) & 0x3E0) as usize
    }

    fn build() -> Table {
        // Room for every entry at once (some 1,300): no rehashing.
        let mut entries: lexicon::FastMap<(u64, u64), Entry> =
            lexicon::FastMap::with_capacity_and_hasher(2048, Default::default());
        let mut min_len = MAX_LEN;
        let mut add = |w: &str, f: &dyn Fn(&mut Entry)| {
            if let Some(key) = pack(w.as_bytes(), 0, w.len()) {
                min_len = min_len.min(w.len());
                f(entries.entry(key).or_default());
            }
        };
        lexicon::each_cue(|w, cue| {
            add(w, &|e| {
                // The first cue of a form counts, as in `lexicon::CUES`.
                if e.cue.is_none() {
                    e.cue = Some(cue);
                    e.tags |= tag::CUE;
                }
            })
        });
        // The idioms by first word, each group in list order (the first
        // idiom of the list that matches wins).
        let mut phrase_groups: Vec<Vec<&'static [&'static str]>> = Vec::new();
        let mut group_of: lexicon::FastMap<&str, usize> = Default::default();
        for &phrase in PHRASES {
            let Some(&first) = phrase.first() else {
                continue;
            };
            let g = *group_of.entry(first).or_insert_with(|| {
                phrase_groups.push(Vec::new());
                phrase_groups.len() - 1
            });
            phrase_groups[g].push(phrase);
            let id = u8::try_from(g + 1).expect("fewer than 255 idiom openers");
            add(first, &|e| {
                e.tags |= tag::PHRASE_START;
                e.phrase_group = id;
            });
        }
        // The hedges by key word (every hedge holds one: see the tests).
        let mut hedge_groups: Vec<Vec<HedgeWords>> = Vec::new();
        let mut hedge_group_of: lexicon::FastMap<&str, usize> = Default::default();
        for &h in lexicon::HEDGES {
            let words: Vec<&'static str> = h.split(' ').collect();
            let key = words
                .iter()
                .position(|w| lexicon::HEDGE_KEYS.contains(w))
                .expect("every hedge holds a key word");
            let g = *hedge_group_of.entry(words[key]).or_insert_with(|| {
                hedge_groups.push(Vec::new());
                hedge_groups.len() - 1
            });
            let id = u8::try_from(g + 1).expect("fewer than 255 hedge keys");
            add(words[key], &|e| e.hedge_group = id);
            hedge_groups[g].push(HedgeWords { words, key });
        }
        let lists: [(&[&str], u8); 4] = [
            (STANCE_ADJECTIVES, tag::STANCE_ADJECTIVE),
            (STANCE_NOUNS, tag::STANCE_NOUN),
            (&["according"], tag::ACCORDING),
            (lexicon::HEDGE_KEYS, tag::HEDGE),
        ];
        for (list, t) in lists {
            for w in list {
                add(w, &|e| e.tags |= t);
            }
        }
        // The function-word lists: with the other entries when as long as
        // the shortest of them, else in the short table (every one of
        // those fits a `u32` and has a slot of its own: see the tests).
        let mut short = Box::new([(0u32, 0u8); 1024]);
        for (words, bit) in function_lists() {
            for w in words {
                let Some(key) = pack(w.as_bytes(), 0, w.len()) else {
                    continue;
                };
                if w.len() >= min_len {
                    entries.entry(key).or_default().lists |= bit;
                } else {
                    let slot = &mut short[Table::short_slot(key.0)];
                    let k = u32::try_from(key.0).expect("short words fit a u32");
                    assert!(slot.0 == 0 || slot.0 == k, "short words share a slot");
                    *slot = (k, slot.1 | bit);
                }
            }
        }
        let bits = (entries.len() * 2)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let shift = 64 - bits;
        let mask = (1usize << bits) - 1;
        let mut filter = Box::new([0u64; (1 << FILTER_BITS) / 64]);
        let mut slots = vec![((0, 0), WordInfo::default()); 1 << bits];
        for (key, info) in entries {
            let hash = mix(key);
            let bit = Table::filter_bit(hash);
            filter[bit / 64] |= 1 << (bit % 64);
            let mut i = (hash >> shift) as usize;
            while slots[i].0 != (0, 0) {
                i = (i + 1) & mask;
            }
            slots[i] = (
                key,
                WordInfo::new(info.cue, info.tags, info.phrase_group, info.hedge_group)
                    .with_lists(info.lists),
            );
        }
        Table {
            filter,
            slots,
            shift,
            phrase_groups,
            hedge_groups,
            min_len,
            short,
        }
    }

    /// What the lexicons say about the word `lower[start..end]` (lower case).
    #[inline(always)]
    pub fn info_at(&self, lower: &[u8], start: usize, end: usize) -> WordInfo {
        match pack(lower, start, end) {
            Some(key) if end - start < self.min_len => self.get_short(key.0),
            Some(key) => self.get(key),
            None => WordInfo::default(),
        }
    }

    /// What the lexicons say about a word shorter than [`Table::min_len`]
    /// packed as [`pack`] packs it (its first half): its list bits only.
    #[inline(always)]
    pub fn get_short(&self, key: u64) -> WordInfo {
        let (k, bits) = self.short[Table::short_slot(key)];
        if u64::from(k) == key {
            WordInfo::default().with_lists(bits)
        } else {
            WordInfo::default()
        }
    }

    /// Words shorter than this are answered by [`Table::get_short`].
    #[inline(always)]
    pub fn min_len(&self) -> usize {
        self.min_len
    }

    /// What the lexicons say about the word packed as [`pack`] packs it.
    #[inline(always)]
    pub fn get(&self, key: (u64, u64)) -> WordInfo {
        let hash = mix(key);
        let bit = Table::filter_bit(hash);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return WordInfo::default();
        }
        let mask = self.slots.len() - 1;
        let mut i = (hash >> self.shift) as usize;
        loop {
            let (k, info) = self.slots[i];
            if k == key || k == (0, 0) {
                // An empty slot holds the default: nothing known.
                return info;
            }
            i = (i + 1) & mask;
        }
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(Table::build);

/// The word table, for callers looking up many words.
pub fn table() -> &'static Table {
    &TABLE
}

/// What the lexicons say about the word `lower[start..end]` (lower case).
#[cfg(test)]
pub fn info_at(lower: &[u8], start: usize, end: usize) -> WordInfo {
    TABLE.info_at(lower, start, end)
}

/// The [`PHRASES`] whose first word is the word of `info`, in list order.
pub fn phrases_opened_by(info: WordInfo) -> &'static [&'static [&'static str]] {
    match usize::from(info.phrase_group()).checked_sub(1) {
        Some(g) => TABLE.phrase_groups.get(g).map_or(&[], |v| v.as_slice()),
        None => &[],
    }
}

/// The hedges filed under the word of `info` (a hedge key), in list order.
pub fn hedges_keyed_by(info: WordInfo) -> &'static [HedgeWords] {
    match usize::from(info.hedge_group()).checked_sub(1) {
        Some(g) => TABLE.hedge_groups.get(g).map_or(&[], |v| v.as_slice()),
        None => &[],
    }
}

/// Bits of the function-word lists [`list_bits`] answers for.
pub mod list {
    /// [`super::lexicon::is_np_stop`].
    pub const NP_STOP: u8 = 1 << 0;
    /// [`super::lexicon::is_np_inner_only`].
    pub const NP_INNER_ONLY: u8 = 1 << 1;
    /// [`super::lexicon::is_determiner`].
    pub const DETERMINER: u8 = 1 << 2;
    /// [`super::lexicon::is_person_pronoun`].
    pub const PERSON_PRONOUN: u8 = 1 << 3;
    /// [`super::lexicon::is_weekday_or_month`].
    pub const WEEKDAY_OR_MONTH: u8 = 1 << 4;
    /// [`super::lexicon::is_document_noun`].
    pub const DOCUMENT_NOUN: u8 = 1 << 5;
    /// [`super::lexicon::is_aux_or_adverb`].
    pub const AUX_OR_ADVERB: u8 = 1 << 6;
}

/// The personal pronouns of [`lexicon::is_person_pronoun`].
const PERSON_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "you"];

/// Words packed as [`pack`] packs them, each with the bits of the lists
/// holding it (open addressing, at most a quarter full): one probe in
/// place of a string compare per list entry.
pub(super) struct PackedLists<B> {
    slots: Vec<((u64, u64), B)>,
    shift: u32,
}

impl<B: Copy + Default + std::ops::BitOrAssign> PackedLists<B> {
    /// The table of `lists`, each a list of words and its bit. Words longer
    /// than [`MAX_LEN`] are left out (the callers' tests check there are none).
    pub(super) fn new(lists: &[(&[&str], B)]) -> Self {
        let n: usize = lists.iter().map(|(l, _)| l.len()).sum();
        let bits = (n * 4).next_power_of_two().trailing_zeros().max(4);
        let shift = 64 - bits;
        let mask = (1usize << bits) - 1;
        let mut slots = vec![((0, 0), B::default()); 1 << bits];
        for &(words, bit) in lists {
            for w in words {
                let Some(key) = pack(w.as_bytes(), 0, w.len()) else {
                    continue;
                };
                let mut i = (mix(key) >> shift) as usize;
                while slots[i].0 != (0, 0) && slots[i].0 != key {
                    i = (i + 1) & mask;
                }
                slots[i].0 = key;
                slots[i].1 |= bit;
            }
        }
        PackedLists { slots, shift }
    }

    /// The bits of the word `text[start..end]` (none for a word no list holds).
    #[inline]
    pub(super) fn get(&self, text: &[u8], start: usize, end: usize) -> B {
        let Some(key) = pack(text, start, end) else {
            return B::default();
        };
        let mask = self.slots.len() - 1;
        let mut i = (mix(key) >> self.shift) as usize;
        loop {
            let (k, bits) = self.slots[i];
            if k == key {
                return bits;
            }
            if k == (0, 0) {
                return B::default();
            }
            i = (i + 1) & mask;
        }
    }
}

/// The function-word lists, each with its [`list`] bit.
fn function_lists() -> [(&'static [&'static str], u8); 7] {
    [
        (lexicon::NP_STOPS, list::NP_STOP),
        (lexicon::NP_INNER_ONLY, list::NP_INNER_ONLY),
        (lexicon::DETERMINERS, list::DETERMINER),
        (PERSON_PRONOUNS, list::PERSON_PRONOUN),
        (lexicon::WEEKDAYS_AND_MONTHS, list::WEEKDAY_OR_MONTH),
        (lexicon::DOCUMENT_NOUNS, list::DOCUMENT_NOUN),
        (lexicon::AUX_OR_ADVERBS, list::AUX_OR_ADVERB),
    ]
}

static LISTS: LazyLock<PackedLists<u8>> = LazyLock::new(|| PackedLists::new(&function_lists()));

/// The [`list`] bits of the word `lower[start..end]` (lower case).
#[inline]
pub fn list_bits(lower: &[u8], start: usize, end: usize) -> u8 {
    LISTS.get(lower, start, end)
}

/// [`info_at`] of a whole string.
#[cfg(test)]
pub fn info(word: &str) -> WordInfo {
    info_at(word.as_bytes(), 0, word.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_info_round_trips() {
        let classes = [
            Class::Speech,
            Class::Writing,
            Class::Finding,
            Class::Belief,
            Class::Intention,
            Class::Act,
        ];
        let forms = [Form::Base, Form::Third, Form::Past, Form::Ing];
        for class in classes {
            for form in forms {
                for strength in [Strength::Weak, Strength::Strong] {
                    for (loaded, addressee) in [(false, true), (true, false)] {
                        let cue = Cue {
                            class,
                            strength,
                            loaded,
                            form,
                            addressee,
                        };
                        let info = WordInfo::new(Some(cue), 0xA5, 7, 200);
                        assert_eq!(info.cue(), Some(cue));
                        assert_eq!(
                            (info.tags(), info.phrase_group(), info.hedge_group()),
                            (0xA5, 7, 200)
                        );
                    }
                }
            }
        }
        assert_eq!(WordInfo::new(None, 3, 0, 0).cue(), None);
        assert_eq!(WordInfo::default().cue(), None);
    }

    #[test]
    fn cue_entries_match_the_lexicon() {
        for w in lexicon::CUES.keys() {
            assert_eq!(info(w).cue(), lexicon::cue(w), "{w}");
            assert_eq!(info(w).has(tag::CUE), lexicon::cue(w).is_some(), "{w}");
        }
        for w in [
            "the",
            "a",
            "",
            "sai",
            "saidx",
            "xsaid",
            "according",
            "é",
            "Said",
        ] {
            assert_eq!(info(w).cue(), lexicon::cue(w), "{w}");
        }
    }

    #[test]
    fn listed_words_carry_their_tag() {
        let lists: [(&[&str], u8); 3] = [
            (STANCE_ADJECTIVES, tag::STANCE_ADJECTIVE),
            (STANCE_NOUNS, tag::STANCE_NOUN),
            (lexicon::HEDGE_KEYS, tag::HEDGE),
        ];
        for (list, t) in lists {
            for w in list {
                assert!(w.len() <= MAX_LEN, "{w}");
                assert!(info(w).has(t), "{w}");
            }
        }
        for phrase in PHRASES {
            for (k, w) in phrase.iter().enumerate() {
                assert!(w.len() <= MAX_LEN, "{w}");
                // Only first words open an idiom ("it" of "made it clear" does not).
                let opens = PHRASES.iter().any(|p| p[0] == *w);
                assert_eq!(info(w).has(tag::PHRASE_START), opens, "{w} ({k})");
            }
        }
        for w in ["made", "went", "known"] {
            let opened: Vec<_> = PHRASES.iter().filter(|p| p[0] == w).copied().collect();
            assert!(!opened.is_empty());
            assert_eq!(phrases_opened_by(info(w)), opened.as_slice(), "{w}");
        }
        assert!(phrases_opened_by(info("said")).is_empty());
        assert!(info("according").has(tag::ACCORDING));
        // Prefixes, extensions and other words carry no tag.
        for w in ["accordin", "accordingly", "claimsx", "eage", "madee", "x"] {
            assert_eq!(info(w).tags(), 0, "{w}");
        }
        assert_eq!(info("said").tags(), tag::CUE | tag::HEDGE);
    }

    #[test]
    fn looked_up_in_place_inside_a_text() {
        let text = b"they made it clear, according to aides";
        assert!(info_at(text, 5, 9).has(tag::PHRASE_START));
        assert!(info_at(text, 20, 29).has(tag::ACCORDING));
        // The word at the very end: fewer than 16 bytes follow it.
        assert_eq!(info_at(text, 33, 38), info("aides"));
        assert_eq!(info_at(text, 33, 99), WordInfo::default());
        assert_eq!(info_at(text, 9, 5), WordInfo::default());
    }

    #[test]
    fn hedges_are_filed_under_a_key_word() {
        let mut filed = Vec::new();
        for key in lexicon::HEDGE_KEYS {
            for h in hedges_keyed_by(info(key)) {
                // Filed under its first key word.
                assert_eq!(h.words[h.key], *key);
                assert!(!h.words[..h.key]
                    .iter()
                    .any(|w| lexicon::HEDGE_KEYS.contains(w)));
                // Letters between single spaces: the tokenizer's words.
                for w in &h.words {
                    assert!(!w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()));
                }
                filed.push(h.words.join(" "));
            }
        }
        filed.sort();
        let mut all: Vec<String> = lexicon::HEDGES.iter().map(|h| h.to_string()).collect();
        all.sort();
        assert_eq!(filed, all);
        assert!(hedges_keyed_by(info("the")).is_empty());
        assert!(hedges_keyed_by(info("is")).is_empty());
    }

    #[test]
    fn list_bits_match_the_lists() {
        type Test = fn(&str) -> bool;
        let tests: [(u8, Test); 7] = [
            (list::NP_STOP, lexicon::is_np_stop),
            (list::NP_INNER_ONLY, lexicon::is_np_inner_only),
            (list::DETERMINER, lexicon::is_determiner),
            (list::PERSON_PRONOUN, lexicon::is_person_pronoun),
            (list::WEEKDAY_OR_MONTH, lexicon::is_weekday_or_month),
            (list::DOCUMENT_NOUN, lexicon::is_document_noun),
            (list::AUX_OR_ADVERB, lexicon::is_aux_or_adverb),
        ];
        let mut words: Vec<&str> = Vec::new();
        words.extend(lexicon::NP_STOPS);
        words.extend(lexicon::NP_INNER_ONLY);
        words.extend(lexicon::DETERMINERS);
        words.extend(PERSON_PRONOUNS);
        words.extend(lexicon::WEEKDAYS_AND_MONTHS);
        words.extend(lexicon::DOCUMENT_NOUNS);
        words.extend(lexicon::AUX_OR_ADVERBS);
        words.extend([
            "",
            "x",
            "the2",
            "thes",
            "th",
            "said",
            "says",
            "wednesdays",
            "sept.",
            "&&",
            "he's",
            "Monday",
            "THE",
            "wednesday",
            "it",
            "its",
            "acknowledgement",
            "seventeenletters",
        ]);
        for w in words {
            for (bit, test) in tests {
                assert_eq!(
                    list_bits(w.as_bytes(), 0, w.len()) & bit != 0,
                    test(w),
                    "{w} {bit}"
                );
            }
            // The word table's entry carries the same bits.
            assert_eq!(info(w).lists(), list_bits(w.as_bytes(), 0, w.len()), "{w}");
        }
        // Short words with no list, and other words in the short slots.
        for w in ["x", "ab", "q", "1", "4", "zz", "o", "hx", "xe", "a1"] {
            assert_eq!(info(w).lists(), list_bits(w.as_bytes(), 0, w.len()), "{w}");
        }
        // Looked up in place inside a text.
        let text = b"on monday the aides";
        assert_eq!(list_bits(text, 3, 9), list::WEEKDAY_OR_MONTH);
        assert_eq!(list_bits(text, 10, 13), list::DETERMINER);
        assert_eq!(list_bits(text, 14, 19), 0);
    }

    #[test]
    fn long_words_are_unknown() {
        assert_eq!(info("acknowledgementss"), WordInfo::default());
        assert!(info("acknowledgement").has(tag::STANCE_NOUN));
    }
}

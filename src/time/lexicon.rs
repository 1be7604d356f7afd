//! Word tables for temporal expressions. All lookups take lower-case words.

/// Month number for a month name or abbreviation (`sept`, `dec`). `abbrev`
/// says the form is an abbreviation that needs a following day or year.
pub fn month(w: &str) -> Option<(u32, bool)> {
    // Cheap first test on length and initial: most words are not months.
    if !(3..=9).contains(&w.len())
        || !matches!(
            w.as_bytes()[0],
            b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
        )
    {
        return None;
    }
    Some(match w {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

/// Weekday number, Monday = 1.
pub fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    })
}

/// Plural weekday (`Tuesdays`) for sets.
pub fn weekday_plural(w: &str) -> Option<u32> {
    w.strip_suffix('s').and_then(weekday)
}

pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// AP abbreviations before a day (March through July are spelled out).
pub const MONTH_AP: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// Season code and its usual months.
pub fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" | "springtime" => "SP",
        "summer" | "summertime" => "SU",
        "fall" | "autumn" => "FA",
        "winter" | "wintertime" => "WI",
        _ => return None,
    })
}

/// Part of day: TimeML suffix.
pub fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        "night" => "TNI",
        _ => return None,
    })
}

/// A calendar unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Letter in a duration (`P3D`, `PT2H`), and whether it is a time unit.
    pub fn letter(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week | Unit::Weekend => ("W", false),
            Unit::Month => ("M", false),
            Unit::Quarter => ("Q", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
        }
    }
}

/// Unit word, singular or plural: (unit, plural).
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Cardinal number words up to ninety-nine, plus `dozen` and `hundred`.
pub fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "dozen" => 12,
        "hundred" => 100,
        _ => return None,
    })
}

/// Ordinal words and `1st`-style forms.
pub fn ordinal(w: &str) -> Option<u32> {
    // Every ordinal ends in -st, -nd, -rd or -th: most words go no further.
    let b = w.as_bytes();
    if b.len() < 3 || !matches!(&b[b.len() - 2..], b"st" | b"nd" | b"rd" | b"th") {
        return None;
    }
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        "sixth" | "6th" => 6,
        "seventh" | "7th" => 7,
        "eighth" | "8th" => 8,
        "ninth" | "9th" => 9,
        "tenth" | "10th" => 10,
        "eleventh" | "11th" => 11,
        "twelfth" | "12th" => 12,
        "thirteenth" | "13th" => 13,
        "fourteenth" | "14th" => 14,
        "fifteenth" | "15th" => 15,
        "sixteenth" | "16th" => 16,
        "seventeenth" | "17th" => 17,
        "eighteenth" | "18th" => 18,
        "nineteenth" | "19th" => 19,
        "twentieth" | "20th" => 20,
        "twenty-first" | "21st" => 21,
        "22nd" => 22,
        "23rd" => 23,
        "24th" => 24,
        "25th" => 25,
        "26th" => 26,
        "27th" => 27,
        "28th" => 28,
        "29th" => 29,
        "30th" => 30,
        "thirtieth" => 30,
        "31st" => 31,
        _ => return None,
    })
}

/// Time-zone abbreviations that may follow a clock time.
pub fn time_zone(w: &str) -> bool {
    matches!(
        w,
        "est"
            | "edt"
            | "et"
            | "cst"
            | "cdt"
            | "ct"
            | "mst"
            | "mdt"
            | "mt"
            | "pst"
            | "pdt"
            | "pt"
            | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
            | "akst"
            | "akdt"
            | "hst"
    )
}

/// Vague quantities: `several years`, `a few days`.
pub fn vague_quantity(w: &str) -> bool {
    matches!(w, "several" | "few" | "many" | "some" | "numerous")
}

/// Hedges that TimeML keeps inside a duration (`nearly two months`).
pub fn approximator(w: &str) -> bool {
    matches!(
        w,
        "nearly" | "almost" | "about" | "roughly" | "approximately" | "around" | "some" | "over"
    )
}

/// Nouns after `today's` that make it generic (`today's economy`).
pub fn generic_today_noun(w: &str) -> bool {
    matches!(
        w,
        "economy"
            | "world"
            | "society"
            | "culture"
            | "youth"
            | "children"
            | "kids"
            | "students"
            | "teenagers"
            | "standards"
            | "market"
            | "markets"
            | "climate"
            | "environment"
            | "age"
            | "era"
            | "generation"
            | "politics"
            | "media"
            | "technology"
            | "workplace"
            | "landscape"
            | "america"
            | "americans"
            | "families"
            | "consumers"
    )
}

/// Words that can carry a temporal expression by themselves (months,
/// weekdays, units, deictic words...). Used to skip ordinary tokens fast.
const CORE_WORDS: &[&str] = &[
    "afternoon",
    "afterward",
    "afterwards",
    "annually",
    "apr",
    "april",
    "aug",
    "august",
    "autumn",
    "biweekly",
    "centuries",
    "century",
    "christmas",
    "currently",
    "daily",
    "day",
    "days",
    "dec",
    "decade",
    "decades",
    "december",
    "eighties",
    "election",
    "evening",
    "fall",
    "feb",
    "february",
    "fifties",
    "fiscal",
    "forties",
    "friday",
    "fridays",
    "future",
    "half",
    "halloween",
    "hour",
    "hourly",
    "hours",
    "independence",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "labor",
    "lately",
    "latest",
    "mar",
    "march",
    "may",
    "meantime",
    "memorial",
    "midnight",
    "min",
    "mins",
    "minute",
    "minutes",
    "monday",
    "mondays",
    "month",
    "monthly",
    "months",
    "morning",
    "night",
    "nightly",
    "nineties",
    "noon",
    "nov",
    "november",
    "now",
    "nowadays",
    "oct",
    "october",
    "past",
    "period",
    "present",
    "presently",
    "quarter",
    "quarters",
    "recent",
    "recently",
    "run",
    "saturday",
    "saturdays",
    "season",
    "second",
    "seconds",
    "sep",
    "sept",
    "september",
    "seventies",
    "sixties",
    "soon",
    "spring",
    "springtime",
    "summer",
    "summertime",
    "sunday",
    "sundays",
    "term",
    "thanksgiving",
    "then",
    "thereafter",
    "thirties",
    "thursday",
    "thursdays",
    "time",
    "today",
    "tomorrow",
    "tonight",
    "tuesday",
    "tuesdays",
    "twenties",
    "valentine",
    "veterans",
    "wednesday",
    "wednesdays",
    "week",
    "weekend",
    "weekends",
    "weekly",
    "weeks",
    "winter",
    "wintertime",
    "year",
    "yearly",
    "years",
    "yesterday",
    "yr",
    "yrs",
];

/// The words [`is_core`] accepts (the core words of 3 to 12 letters), for
/// scanners that look for them in a text of their own (see
/// [`super::tag_sentence_scanned`]).
pub fn core_words() -> impl Iterator<Item = &'static str> {
    CORE_WORDS
        .iter()
        .copied()
        .filter(|w| (3..=12).contains(&w.len()))
}

/// Function words that may open an expression before its core word.
const STARTER_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "that",
    "last",
    "next",
    "past",
    "previous",
    "coming",
    "current",
    "following",
    "same",
    "early",
    "late",
    "mid",
    "earlier",
    "later",
    "more",
    "most",
    "less",
    "fewer",
    "at",
    "up",
    "no",
    "about",
    "nearly",
    "almost",
    "over",
    "around",
    "roughly",
    "approximately",
    "some",
    "every",
    "each",
    "per",
    "right",
    "just",
    "these",
    "since",
    "in",
    "end",
    "beginning",
    "middle",
    "start",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "few",
    "several",
    "many",
    "couple",
    "dozen",
    "fiscal",
    "full",
    "calendar",
    "year",
    "new",
    "comparable",
    "corresponding",
    "flat",
    "prior",
    "preceding",
    "recent",
    "latest",
    "last",
    "then",
    "afterward",
    "afterwards",
    "thereafter",
    "half",
    "other",
    "twentieth",
    "nineteenth",
    "thirtieth",
    "hundred",
];

/// The starter words (core words included), by bucket, built at compile
/// time.
static STARTERS: WordTable<{ CORE_WORDS.len() + STARTER_WORDS.len() }> =
    WordTable::new([CORE_WORDS, STARTER_WORDS]);

/// Bit `len` of entry (first letter, last letter): a starter word (core
/// words included) of that length starts and ends so; see [`CORE_SHAPES`].
const STARTER_SHAPES: [u16; 26 * 26] = {
    let mut t = [0u16; 26 * 26];
    let lists = [CORE_WORDS, STARTER_WORDS];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let b = lists[l][i].as_bytes();
            let (first, last) = (b[0], b[b.len() - 1]);
            if first.is_ascii_lowercase() && last.is_ascii_lowercase() && b.len() < 16 {
                t[(first - b'a') as usize * 26 + (last - b'a') as usize] |= 1 << b.len();
            }
            i += 1;
        }
        l += 1;
    }
    t
};

/// Could an expression start at this word?
pub fn is_starter(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 13 || !b[0].is_ascii_lowercase() {
        return false;
    }
    // Every starter is lower-case letters: a cheap test on the shape first.
    let last = b[b.len() - 1];
    if !last.is_ascii_lowercase()
        || STARTER_SHAPES[(b[0] - b'a') as usize * 26 + (last - b'a') as usize] & (1 << b.len())
            == 0
    {
        return false;
    }
    STARTERS.contains(b[0], b.len(), pack_word(b))
}

/// [`pack`] of a word of at most 16 bytes, from a few overlapping loads
/// (a copy into a padded buffer costs a `memcpy` call per word).
fn pack_word(b: &[u8]) -> u128 {
    let n = b.len();
    let load8 = |k: usize| {
        b.get(k..k + 8)
            .map_or(0, |c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
    };
    let load4 = |k: usize| {
        b.get(k..k + 4)
            .map_or(0, |c| u32::from_le_bytes(c.try_into().unwrap_or([0; 4])))
    };
    // Overlapping loads put the shared bytes at the same places: OR them.
    match n {
        8..=16 => load8(0) as u128 | (load8(n - 8) as u128) << (8 * (n - 8)),
        4..=7 => u128::from(load4(0) as u64 | (load4(n - 4) as u64) << (8 * (n - 4))),
        _ => pack(b),
    }
}

/// Bit `len` of entry (first letter, last letter): a core word of that
/// length starts and ends so. A cheap negative test before the word itself
/// is looked up (core words are lower-case letters only).
const CORE_SHAPES: [u16; 26 * 26] = {
    let mut t = [0u16; 26 * 26];
    let mut i = 0;
    while i < CORE_WORDS.len() {
        let b = CORE_WORDS[i].as_bytes();
        let (first, last) = (b[0], b[b.len() - 1]);
        if first.is_ascii_lowercase() && last.is_ascii_lowercase() && b.len() < 16 {
            t[(first - b'a') as usize * 26 + (last - b'a') as usize] |= 1 << b.len();
        }
        i += 1;
    }
    t
};

// Inlined: the tokenizer asks of every word, and the shape test turns
// most away before the call that looks the word up.
#[inline]
pub fn is_core(w: &str) -> bool {
    is_core_bytes(w.as_bytes())
}

/// Could a word of this length, starting and ending with these
/// (lower-case) letters, be a core word?
pub fn core_shape(first: u8, last: u8, len: usize) -> bool {
    (3..=12).contains(&len)
        && first.is_ascii_lowercase()
        && last.is_ascii_lowercase()
        && CORE_SHAPES[(first - b'a') as usize * 26 + (last - b'a') as usize] & (1 << len) != 0
}

/// Up to 16 bytes as one integer (the first byte lowest): words of one
/// length compare equal exactly when their packed forms do.
const fn pack(b: &[u8]) -> u128 {
    let mut packed = 0u128;
    let mut k = b.len();
    while k > 0 {
        k -= 1;
        packed = packed << 8 | b[k] as u128;
    }
    packed
}

/// Lower-case ASCII words of at most 16 letters, packed ([`pack`]) and
/// grouped by (first letter, length): bucket `k` is
/// `packed[starts[k]..starts[k + 1]]`. Built at compile time; `N` counts
/// the listed words (the words that do not fit leave unused room).
struct WordTable<const N: usize> {
    starts: [u16; BUCKETS + 1],
    packed: [u128; N],
    /// The [`word_hash`]es of the words, as bits: most other words miss
    /// here, before their bucket is searched.
    filter: [u64; 64],
}

const BUCKETS: usize = 26 * 17;

const fn bucket(first: u8, len: usize) -> usize {
    (first - b'a') as usize * 17 + len
}

const fn fits(b: &[u8]) -> bool {
    !b.is_empty() && b[0].is_ascii_lowercase() && b.len() <= 16
}

impl<const N: usize> WordTable<N> {
    const fn new(lists: [&[&str]; 2]) -> WordTable<N> {
        let mut starts = [0u16; BUCKETS + 1];
        let mut l = 0;
        while l < lists.len() {
            let mut i = 0;
            while i < lists[l].len() {
                let b = lists[l][i].as_bytes();
                if fits(b) {
                    starts[bucket(b[0], b.len()) + 1] += 1;
                }
                i += 1;
            }
            l += 1;
        }
        let mut k = 0;
        while k < BUCKETS {
            starts[k + 1] += starts[k];
            k += 1;
        }
        let mut packed = [0u128; N];
        let mut filled = [0u16; BUCKETS];
        let mut l = 0;
        while l < lists.len() {
            let mut i = 0;
            while i < lists[l].len() {
                let b = lists[l][i].as_bytes();
                if fits(b) {
                    let k = bucket(b[0], b.len());
                    packed[(starts[k] + filled[k]) as usize] = pack(b);
                    filled[k] += 1;
                }
                i += 1;
            }
            l += 1;
        }
        let mut filter = [0u64; 64];
        let mut k = 0;
        while k < N {
            let h = word_hash(packed[k]);
            filter[h / 64] |= 1 << (h % 64);
            k += 1;
        }
        WordTable {
            starts,
            packed,
            filter,
        }
    }

    /// Is the word of this first letter (lower case) and length (at most
    /// 16), packed, listed?
    fn contains(&self, first: u8, len: usize, packed: u128) -> bool {
        let h = word_hash(packed);
        if self.filter[h / 64] & 1 << (h % 64) == 0 {
            return false;
        }
        let k = bucket(first, len);
        let range = self.starts[k] as usize..self.starts[k + 1] as usize;
        self.packed[range].contains(&packed)
    }
}

/// The core words, by bucket (those of 3 to 12 letters are ever looked up).
static CORE: WordTable<{ CORE_WORDS.len() }> = WordTable::new([CORE_WORDS, &[]]);

/// [`is_core`] on lower-case ASCII bytes.
#[inline]
pub fn is_core_bytes(b: &[u8]) -> bool {
    if b.is_empty() || !core_shape(b[0], b[b.len() - 1], b.len()) {
        return false;
    }
    is_core_shaped(b[0], b.len(), pack_word(b))
}

/// Is a word that passed [`core_shape`] a core word? `packed`: its bytes,
/// lower case, as a little-endian integer (as [`pack`] reads them).
#[inline(never)]
pub fn is_core_shaped(first: u8, len: usize, packed: u128) -> bool {
    CORE.contains(first, len, packed)
}

/// A 12-bit hash of a packed word, for [`WordTable::filter`].
const fn word_hash(packed: u128) -> usize {
    let x = (packed as u64) ^ ((packed >> 64) as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_words_are_found_by_their_packed_buckets() {
        let mut words: Vec<String> = CORE_WORDS
            .iter()
            .chain(STARTER_WORDS)
            .map(|w| w.to_string())
            .collect();
        for w in CORE_WORDS {
            words.push(format!("{w}s"));
            words.push(w[1..].to_string());
            words.push(w[..w.len() - 1].to_string());
        }
        words.extend(["", "x", "mayday", "decadent", "hourx", "independences"].map(String::from));
        for w in &words {
            let listed = CORE_WORDS.contains(&w.as_str()) && (3..=12).contains(&w.len());
            assert_eq!(is_core(w), listed, "{w:?}");
        }
        assert!(is_core("september") && is_core("independence") && !is_core("yr"));
    }

    /// The matchers' choice ([`super::super::recognise`]'s `led_by`) asks
    /// for seasons and units among core words only (and `yr`).
    #[test]
    fn seasons_and_units_are_core_words() {
        let words = [
            "spring",
            "springtime",
            "summer",
            "summertime",
            "fall",
            "autumn",
            "winter",
            "wintertime",
            "second",
            "seconds",
            "minute",
            "min",
            "minutes",
            "mins",
            "hour",
            "hours",
            "day",
            "days",
            "week",
            "weeks",
            "weekend",
            "weekends",
            "month",
            "months",
            "quarter",
            "quarters",
            "year",
            "yr",
            "years",
            "yrs",
            "decade",
            "decades",
            "century",
            "centuries",
        ];
        for w in words {
            assert!(season(w).is_some() || unit(w).is_some(), "{w}");
            assert!(is_core(w) || w == "yr", "{w}");
        }
    }

    #[test]
    fn words_pack_as_pack_reads_them() {
        let text = b"abcdefghijklmnopq";
        for n in 0..=16 {
            assert_eq!(pack_word(&text[..n]), pack(&text[..n]), "{n}");
        }
    }

    #[test]
    fn starters_are_the_listed_words() {
        let listed: Vec<&str> = CORE_WORDS.iter().chain(STARTER_WORDS).copied().collect();
        assert!(listed
            .iter()
            .all(|w| w.len() <= 13 && w.bytes().all(|b| b.is_ascii_lowercase())));
        let mut words: Vec<String> = listed.iter().map(|w| w.to_string()).collect();
        for w in &listed {
            words.push(format!("{w}s"));
            words.push(w[1..].to_string());
            words.push(w.to_uppercase());
        }
        words.extend(["", "x", "the-", "théir", "approximatelyy"].map(String::from));
        for w in &words {
            assert_eq!(is_starter(w), listed.contains(&w.as_str()), "{w:?}");
        }
    }
}

//! Word tables for temporal expressions. All lookups take lower-case words.

/// Month number for a month name or abbreviation (`sept`, `dec`). `abbrev`
/// says the form is an abbreviation that needs a following day or year.
pub fn month(w: &str) -> Option<(u32, bool)> {
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
pub fn is_core(w: &str) -> bool {
    month(w).is_some()
        || weekday(w).is_some()
        || weekday_plural(w).is_some()
        || unit(w).is_some()
        || season(w).is_some()
        || part_of_day(w).is_some()
        || matches!(
            w,
            "yesterday"
                | "today"
                | "tomorrow"
                | "tonight"
                | "now"
                | "currently"
                | "nowadays"
                | "presently"
                | "present"
                | "recently"
                | "lately"
                | "recent"
                | "soon"
                | "future"
                | "past"
                | "term"
                | "run"
                | "time"
                | "meantime"
                | "then"
                | "afterward"
                | "afterwards"
                | "thereafter"
                | "daily"
                | "weekly"
                | "monthly"
                | "annually"
                | "yearly"
                | "hourly"
                | "nightly"
                | "biweekly"
                | "noon"
                | "midnight"
                | "fiscal"
                | "half"
                | "christmas"
                | "halloween"
                | "thanksgiving"
                | "valentine"
                | "independence"
                | "veterans"
                | "labor"
                | "memorial"
                | "election"
                | "twenties"
                | "thirties"
                | "forties"
                | "fifties"
                | "sixties"
                | "seventies"
                | "eighties"
                | "nineties"
                | "period"
                | "latest"
                | "season"
        )
}

//! AP date style (SPEC §4.3) for fixes and hover text.

use super::lexicon::{MONTH_AP, MONTH_NAMES, WEEKDAY_NAMES};
use super::recognise::{push_int, push_padded};
use super::{Relativity, Temporal, TimexType};
use chrono::{Datelike, NaiveDate};

fn weekday_name(d: NaiveDate) -> &'static str {
    WEEKDAY_NAMES[d.weekday().num_days_from_monday() as usize]
}

/// `Dec. 1` / `March 3`, with `, 2025` when the year differs from `anchor`'s.
fn month_day(d: NaiveDate, anchor: NaiveDate) -> String {
    // Built by hand, as [`long_date`]: one per finding.
    let mut s = String::with_capacity(16);
    push_month_day(&mut s, d, anchor);
    s
}

/// [`month_day`] appended to `s`.
fn push_month_day(s: &mut String, d: NaiveDate, anchor: NaiveDate) {
    s.push_str(MONTH_AP[d.month0() as usize]);
    s.push(' ');
    push_padded(s, d.day(), 1);
    if d.year() != anchor.year() {
        s.push_str(", ");
        push_int(s, d.year());
    }
}

/// AP form of `date` for a story published on `anchor`: the weekday within
/// seven days, else month and day, plus the year if not the anchor's.
pub fn ap_date(date: NaiveDate, anchor: NaiveDate) -> String {
    if (date - anchor).num_days().abs() < 7 {
        weekday_name(date).to_string()
    } else {
        month_day(date, anchor)
    }
}

fn parse_date(v: &str) -> Option<NaiveDate> {
    let s = v.get(..10)?;
    // `YYYY-MM-DD`, the shape values are written in, read without chrono's
    // format parser (same result); anything else goes through it.
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    if b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) {
            return NaiveDate::from_ymd_opt(y as i32, m, d);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn part_word(suffix: &str) -> Option<&'static str> {
    Some(match suffix {
        "TMO" => "morning",
        "TAF" => "afternoon",
        "TEV" => "evening",
        "TNI" => "night",
        _ => return None,
    })
}

/// Monday of an ISO week value `2026-W11`.
fn week_monday(v: &str) -> Option<NaiveDate> {
    let (y, w) = v.split_once("-W")?;
    let y: i32 = y.parse().ok()?;
    let w: u32 = w.get(..2)?.parse().ok()?;
    NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)
}

/// The AP replacement for a relative expression (`yesterday` → `Wednesday`,
/// `last Tuesday` → `Tuesday`, `this week` → `the week of March 9`), or None
/// when there is nothing better to write.
pub fn ap_replacement(t: &Temporal, text_of_expression: &str, anchor: NaiveDate) -> Option<String> {
    if !t.relativity.is_deictic()
        || t.timex_type == TimexType::Duration
        || t.timex_type == TimexType::Set
    {
        return None;
    }
    let v = t.value.as_deref()?;
    // The prefixes are ASCII, and no other character lower-cases to one of
    // their letters: an ASCII case-free test reads as `to_lowercase` would.
    let low = text_of_expression.trim();
    if t.timex_type == TimexType::Time && low.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let prefix = ["earlier ", "later ", "early ", "late "]
        .iter()
        .find(|p| {
            low.as_bytes()
                .get(..p.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
        })
        .map_or("", |p| *p);
    let keep_case = |mut s: String| -> String {
        if text_of_expression.starts_with(|c: char| c.is_uppercase()) {
            if s.as_bytes().first().is_some_and(u8::is_ascii) {
                // An ASCII letter's upper case is one ASCII byte.
                s[..1].make_ascii_uppercase();
                return s;
            }
            let mut c = s.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => s,
            }
        } else {
            s
        }
    };
    if let Some(d) = parse_date(v) {
        // `prefix` + [`ap_date`], written into one string.
        let mut s = String::with_capacity(32);
        s.push_str(prefix);
        if (d - anchor).num_days().abs() < 7 {
            s.push_str(weekday_name(d));
        } else {
            push_month_day(&mut s, d, anchor);
        }
        if let Some(p) = v.get(10..).and_then(part_word) {
            s.push(' ');
            s.push_str(p);
        }
        return Some(keep_case(s));
    }
    if v.contains("-W") {
        let monday = week_monday(v)?;
        let what = if v.ends_with("-WE") {
            let sat = monday + chrono::Duration::days(5);
            return Some(keep_case(format!(
                "{}the weekend of {}",
                prefix,
                month_day(sat, anchor)
            )));
        } else {
            "week"
        };
        return Some(keep_case(format!(
            "{}the {} of {}",
            prefix,
            what,
            month_day(monday, anchor)
        )));
    }
    // Month: 2026-03
    if v.len() == 7 && v.as_bytes()[4] == b'-' {
        let y: i32 = v[..4].parse().ok()?;
        let m: usize = v[5..].parse().ok()?;
        let name = MONTH_NAMES.get(m.checked_sub(1)?)?;
        let s = if y == anchor.year() {
            name.to_string()
        } else {
            format!("{} {}", name, y)
        };
        return Some(keep_case(format!("{}{}", prefix, s)));
    }
    if v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()) {
        return Some(keep_case(format!("{}{}", prefix, v)));
    }
    None
}

/// `Wednesday, March 11, 2026`, built by hand (`format!` costs more than
/// the rest of a relative-date finding).
fn long_date(d: NaiveDate) -> String {
    let mut s = String::with_capacity(32);
    s.push_str(weekday_name(d));
    s.push_str(", ");
    s.push_str(MONTH_NAMES[d.month0() as usize]);
    s.push(' ');
    push_padded(&mut s, d.day(), 1);
    s.push_str(", ");
    push_int(&mut s, d.year());
    s
}

fn clock(hm: &str) -> Option<String> {
    let (h, m) = hm.split_once(':')?;
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.get(..2)?.parse().ok()?;
    Some(match (h, m) {
        (12, 0) => "noon".into(),
        (0 | 24, 0) => "midnight".into(),
        _ => {
            let (h12, ap) = match h {
                0 | 24 => (12, "a.m."),
                1..=11 => (h, "a.m."),
                12 => (12, "p.m."),
                _ => (h - 12, "p.m."),
            };
            if m == 0 {
                format!("{} {}", h12, ap)
            } else {
                format!("{}:{:02} {}", h12, m, ap)
            }
        }
    })
}

fn unit_name(c: char, time: bool) -> &'static str {
    match (c, time) {
        ('S', true) => "second",
        ('M', true) => "minute",
        ('H', true) => "hour",
        ('D', _) => "day",
        ('W', _) => "week",
        ('M', false) => "month",
        ('Q', _) => "quarter",
        ('Y', _) => "year",
        _ => "unit",
    }
}

fn describe_duration(v: &str) -> Option<String> {
    let rest = v.strip_prefix('P')?;
    let (time, rest) = match rest.strip_prefix('T') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let c = rest.chars().last()?;
    let n = &rest[..rest.len() - c.len_utf8()];
    let unit = unit_name(c, time);
    Some(match n {
        "X" => format!("some {}s", unit),
        "1" => format!("1 {}", unit),
        _ => format!("{} {}s", n, unit),
    })
}

/// Hover text for a temporal expression: its resolution or why it has none.
pub fn describe(t: &Temporal) -> String {
    let Some(v) = t.value.as_deref() else {
        return match t.relativity {
            Relativity::Anaphoric => {
                "relative to another event in the text; not resolved against the publication date"
                    .into()
            }
            Relativity::TierA | Relativity::TierB => {
                "cannot be resolved: no `date:` or dated dateline".into()
            }
            _ => "not resolved".into(),
        };
    };
    match t.timex_type {
        TimexType::Duration => {
            return describe_duration(v).map_or_else(
                || format!("duration {}", v),
                |d| format!("a duration of {}", d),
            )
        }
        TimexType::Set => {
            return match describe_duration(v) {
                Some(d) => format!("recurring: every {}", d.trim_start_matches("1 ")),
                None => format!("recurring ({})", v),
            }
        }
        _ => {}
    }
    match v {
        "PRESENT_REF" => return "the present (generic)".into(),
        "PAST_REF" => return "an unspecified time in the past".into(),
        "FUTURE_REF" => return "an unspecified time in the future".into(),
        _ => {}
    }
    if let Some(d) = parse_date(v) {
        let mut s = long_date(d);
        let rest = &v[10..];
        if let Some(p) = part_word(rest) {
            s = format!(
                "{} {}, {} {}, {}",
                weekday_name(d),
                p,
                MONTH_NAMES[d.month0() as usize],
                d.day(),
                d.year()
            );
        } else if let Some(hm) = rest.strip_prefix('T') {
            if let Some(c) = clock(hm) {
                s = format!(
                    "{}, {}{}",
                    s,
                    c,
                    if hm.ends_with('Z') { " UTC" } else { "" }
                );
            }
        }
        return s;
    }
    if v.contains("-W") {
        if let Some(mon) = week_monday(v) {
            let d = format!(
                "{} {}, {}",
                MONTH_NAMES[mon.month0() as usize],
                mon.day(),
                mon.year()
            );
            return if v.ends_with("-WE") {
                let sat = mon + chrono::Duration::days(5);
                format!(
                    "the weekend of {} {}, {}",
                    MONTH_NAMES[sat.month0() as usize],
                    sat.day(),
                    sat.year()
                )
            } else {
                format!("the week of {}", d)
            };
        }
    }
    let b = v.as_bytes();
    if v.len() == 7 && b[4] == b'-' && b[5].is_ascii_digit() {
        if let (Ok(y), Ok(m)) = (v[..4].parse::<i32>(), v[5..].parse::<usize>()) {
            if let Some(name) = m.checked_sub(1).and_then(|k| MONTH_NAMES.get(k)) {
                return format!("{} {}", name, y);
            }
        }
    }
    if v.len() == 7 && &v[4..6] == "-Q" {
        let ord = ["first", "second", "third", "fourth"];
        if let Some(o) = v[6..]
            .parse::<usize>()
            .ok()
            .and_then(|q| ord.get(q.wrapping_sub(1)))
        {
            return format!("the {} quarter of {}", o, &v[..4]);
        }
    }
    if v.len() == 7 && &v[4..6] == "-H" {
        let half = if &v[6..] == "1" { "first" } else { "second" };
        return format!("the {} half of {}", half, &v[..4]);
    }
    if v.len() == 7 && b[4] == b'-' {
        let s = match &v[5..] {
            "SP" => "spring",
            "SU" => "summer",
            "FA" => "fall",
            "WI" => "winter",
            _ => "",
        };
        if !s.is_empty() {
            return format!("{} {}", s, &v[..4]);
        }
    }
    if v.len() == 4 && b.iter().all(|c| c.is_ascii_digit()) {
        return format!("the year {}", v);
    }
    if v.len() == 3 && b.iter().all(|c| c.is_ascii_digit()) {
        return format!("the {}0s", v);
    }
    if let Some(y) = v.strip_prefix("FY") {
        return format!("fiscal year {}", y);
    }
    v.to_string()
}

/// [`describe`] plus the anchor used, for hover.
pub fn describe_with_anchor(t: &Temporal, anchor: Option<NaiveDate>) -> String {
    let d = describe(t);
    match (anchor, t.relativity) {
        (Some(a), Relativity::TierA | Relativity::TierB) if t.value.is_some() => {
            format!("{} (from publication date {})", d, long_date(a))
        }
        _ => d,
    }
}

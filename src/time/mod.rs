//! Temporal expressions: recognition and TimeML normalisation against the
//! publication anchor.

use crate::span::Span;
use chrono::NaiveDate;
use serde::Serialize;

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// How an expression relates to the publication date (SPEC §4.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relativity {
    /// `March 3`, `2019`, `9:30 a.m. EDT`.
    Absolute,
    /// yesterday, today, this week, last Tuesday, recently, soon...
    TierA,
    /// bare weekday, this/last/next month or year, last fall...
    TierB,
    /// the next day, two hours later, afterward: relative to another event.
    Anaphoric,
    /// durations, sets and generic uses: for three years, every spring, now.
    Generic,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Temporal {
    pub span: Span,
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// TIMEX3 value (`2016-12-01`, `2016-W48`, `P3D`, `PRESENT_REF`), or None
    /// when it cannot be resolved.
    pub value: Option<String>,
    pub relativity: Relativity,
}

/// Finds the temporal expressions of one sentence of `prose`.
pub fn tag_sentence(_prose: &str, _sentence: Span, _anchor: Option<NaiveDate>) -> Vec<Temporal> {
    Vec::new()
}

/// The resolution of an expression, for messages and hover.
pub fn describe(t: &Temporal) -> String {
    t.value.clone().unwrap_or_else(|| "unresolved".to_string())
}

/// The AP-style replacement for a relative expression.
pub fn ap_replacement(_t: &Temporal, _text: &str, _anchor: NaiveDate) -> Option<String> {
    None
}

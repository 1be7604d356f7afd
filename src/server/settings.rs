//! Client settings (`initializationOptions` and `workspace/didChangeConfiguration`,
//! under the key `copydesk`), mapped onto [`copydesk::Options`].

use copydesk::{CheckSettings, Code, Format, Options, Severity};
use serde_json::{Map, Value};

/// Delay between a keystroke and the analysis it triggers.
pub const DEFAULT_DEBOUNCE_MS: u64 = 100;
/// Longest debounce accepted; larger values are clamped.
const MAX_DEBOUNCE_MS: u64 = 10_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub checks: CheckSettings,
    pub reference_date: Option<chrono::NaiveDate>,
    pub debounce_ms: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            checks: CheckSettings::default(),
            reference_date: None,
            debounce_ms: DEFAULT_DEBOUNCE_MS,
        }
    }
}

/// The `copydesk` section of a settings value: `{"copydesk": {...}}` or the
/// section itself.
fn section(v: &Value) -> Option<&Map<String, Value>> {
    let obj = v.as_object()?;
    match obj.get("copydesk") {
        Some(inner) => inner.as_object(),
        None => Some(obj),
    }
}

/// Does this value carry copydesk settings at all?
pub fn has_section(v: &Value) -> bool {
    section(v).is_some_and(|m| !m.is_empty())
}

impl Settings {
    /// Settings from layers, later ones overriding earlier ones key by key
    /// (`initializationOptions`, then the latest configuration). Problems
    /// (unknown codes, bad dates) are reported in `warnings` and skipped.
    pub fn from_layers(layers: &[&Value], warnings: &mut Vec<String>) -> Settings {
        let mut merged = Map::new();
        for layer in layers {
            if let Some(m) = section(layer) {
                for (k, v) in m {
                    merged.insert(k.clone(), v.clone());
                }
            }
        }
        let mut s = Settings::default();
        for (key, value) in &merged {
            match key.as_str() {
                "checks" => match value.as_object() {
                    Some(m) => {
                        for (code, on) in m {
                            let Some(code) = parse_code(code, warnings) else {
                                continue;
                            };
                            match on.as_bool() {
                                Some(false) => disable(&mut s.checks, code),
                                Some(true) => s.checks.disabled.retain(|c| *c != code),
                                None => warnings.push(format!(
                                    "copydesk.checks.{code}: expected true or false"
                                )),
                            }
                        }
                    }
                    None => warnings.push("copydesk.checks: expected an object".into()),
                },
                "disabled" => match value.as_array() {
                    Some(list) => {
                        for code in list {
                            match code.as_str().and_then(|c| parse_code(c, warnings)) {
                                Some(code) => disable(&mut s.checks, code),
                                None if !code.is_string() => warnings
                                    .push("copydesk.disabled: expected a list of codes".into()),
                                None => {}
                            }
                        }
                    }
                    None => warnings.push("copydesk.disabled: expected a list of codes".into()),
                },
                "severity" => match value.as_object() {
                    Some(m) => {
                        for (code, sev) in m {
                            let Some(code) = parse_code(code, warnings) else {
                                continue;
                            };
                            match sev.as_str().and_then(Severity::parse) {
                                Some(sev) => {
                                    s.checks.severity.retain(|(c, _)| *c != code);
                                    s.checks.severity.push((code, sev));
                                }
                                None => warnings.push(format!(
                                    "copydesk.severity.{code}: expected error, warning, info or hint"
                                )),
                            }
                        }
                    }
                    None => warnings.push("copydesk.severity: expected an object".into()),
                },
                "referenceDate" => match value {
                    Value::Null => s.reference_date = None,
                    Value::String(d) if d.trim().is_empty() => s.reference_date = None,
                    Value::String(d) => {
                        match chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d") {
                            Ok(date) => s.reference_date = Some(date),
                            Err(_) => warnings.push(format!(
                                "copydesk.referenceDate: `{d}` is not a date (YYYY-MM-DD)"
                            )),
                        }
                    }
                    _ => warnings.push("copydesk.referenceDate: expected YYYY-MM-DD".into()),
                },
                "debounceMs" => match value.as_f64() {
                    Some(ms) if ms >= 0.0 => s.debounce_ms = (ms as u64).min(MAX_DEBOUNCE_MS),
                    _ => warnings.push("copydesk.debounceMs: expected a number >= 0".into()),
                },
                _ => {}
            }
        }
        s
    }

    /// Engine options for a document of this format.
    pub fn options(&self, format: Format) -> Options {
        let mut o = Options::new(format);
        o.reference_date = self.reference_date;
        o.checks = self.checks.clone();
        o
    }
}

fn disable(checks: &mut CheckSettings, code: Code) {
    if !checks.disabled.contains(&code) {
        checks.disabled.push(code);
    }
}

fn parse_code(s: &str, warnings: &mut Vec<String>) -> Option<Code> {
    let code = Code::parse(s);
    if code.is_none() {
        warnings.push(format!("copydesk: unknown check `{s}`"));
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn layers_and_keys() {
        let cases: Vec<(Vec<Value>, Settings, usize)> = vec![
            (vec![], Settings::default(), 0),
            (
                vec![json!({"debounceMs": 0})],
                Settings {
                    debounce_ms: 0,
                    ..Settings::default()
                },
                0,
            ),
            (
                // Configuration overrides initializationOptions key by key.
                vec![
                    json!({"debounceMs": 0, "referenceDate": "2024-02-03"}),
                    json!({"copydesk": {"referenceDate": "2025-01-02"}}),
                ],
                Settings {
                    debounce_ms: 0,
                    reference_date: chrono::NaiveDate::from_ymd_opt(2025, 1, 2),
                    ..Settings::default()
                },
                0,
            ),
            (
                vec![json!({"copydesk": {
                    "checks": {"relative-date": false, "undated-event": true},
                    "disabled": ["vague-attribution", "no-such-check"],
                    "severity": {"unattributed-quote": "hint"}
                }})],
                Settings {
                    checks: CheckSettings {
                        disabled: vec![Code::RelativeDate, Code::VagueAttribution],
                        severity: vec![(Code::UnattributedQuote, Severity::Hint)],
                    },
                    ..Settings::default()
                },
                1,
            ),
            (
                vec![json!({"referenceDate": "May 3", "debounceMs": -5, "severity": 3})],
                Settings::default(),
                3,
            ),
            (vec![json!(null), json!([1, 2])], Settings::default(), 0),
        ];
        for (layers, want, n_warnings) in cases {
            let refs: Vec<&Value> = layers.iter().collect();
            let mut warnings = Vec::new();
            let got = Settings::from_layers(&refs, &mut warnings);
            assert_eq!(got, want, "{layers:?}");
            assert_eq!(warnings.len(), n_warnings, "{layers:?}: {warnings:?}");
        }
    }

    #[test]
    fn detects_a_section() {
        assert!(has_section(&json!({"copydesk": {"debounceMs": 1}})));
        assert!(has_section(&json!({"debounceMs": 1})));
        assert!(!has_section(&json!(null)));
        assert!(!has_section(&json!({"copydesk": {}})));
    }
}

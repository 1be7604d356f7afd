//! Arbitrary bytes as `copydesk.toml` and as an actors file: the parsers
//! return a config or a located error, never panic, and every warning's
//! line and column lie inside the text.
#![no_main]

use copydesk::house::{parse_actors, parse_config, HouseRules};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = text.lines().count().max(1);
    match parse_config(&text, None) {
        Ok((cfg, warnings)) => {
            for w in &warnings {
                assert!(w.line >= 1 && w.line <= lines + 1, "warning line {} of {lines}", w.line);
                assert!(w.span.end <= text.len(), "warning span {:?}", w.span);
            }
            // The effective rules build from any accepted config.
            let rules = HouseRules::from_config(&cfg, Default::default());
            let _ = HouseRules::fill(&rules.comment.no_response, "Name", Some("Monday"));
        }
        Err(e) => {
            assert!(!e.message.is_empty());
            assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "error span {:?}", e.span);
            assert!(e.line >= 1 && e.line <= lines + 1, "error line {} of {lines}", e.line);
        }
    }
    if let Ok((actors, warnings)) = parse_actors(&text, None) {
        for w in &warnings {
            assert!(w.line >= 1 && w.line <= lines + 1, "warning line {} of {lines}", w.line);
        }
        for a in &actors.actors {
            let _ = a.replied();
            let _ = a.unanswered_since();
        }
    }
});

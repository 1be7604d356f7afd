//! Everything a client sees of an analysis, in one comparable string: the
//! reusing `Analyzer` must give exactly this for a fresh `analyze`
//! (tests/analyzer.rs, and `KEYSTROKE_VERIFY=1` in benches/keystroke.rs).

use copydesk::Analysis;

pub fn view(a: &Analysis) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        a.sentences,
        a.quotes,
        a.temporals,
        a.claims,
        a.attributions,
        a.actors,
        a.responses,
        a.accusations,
        a.reply,
        a.findings
    )
}

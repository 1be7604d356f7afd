#[allow(unused_imports)]
use super::lexicon;
use super::*;
use crate::document::Format;

#[test]
fn dump_lexicon() {
    if std::env::var("DUMP_LEX").is_ok() {
        let mut v: Vec<&String> = lexicon::CUES.keys().collect();
        v.sort();
        std::fs::write(
            "/tmp/attr/lexwords.txt",
            v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"),
        )
        .unwrap();
    }
}

#[cfg(test)]
pub(crate) fn run(text: &str) -> Vec<Attribution> {
    let doc = crate::Document::parse(text, Format::Markdown);
    let sents = crate::sentences::split(&doc);
    let quotes = crate::sentences::quotes(&doc);
    find(&doc, &sents, &quotes)
}

#[test]
fn debug_one() {
    if let Ok(t) = std::env::var("ATTR_DEBUG") {
        for a in run(&t) {
            eprintln!("{a:?}");
        }
    }
}

#[test]
fn timing_probe() {
    if let Ok(p) = std::env::var("ATTR_TIME") {
        let text = std::fs::read_to_string(p).unwrap();
        let t0 = std::time::Instant::now();
        let doc = crate::Document::parse(&text, Format::Markdown);
        let sents = crate::sentences::split(&doc);
        let quotes = crate::sentences::quotes(&doc);
        let t1 = std::time::Instant::now();
        let a = find(&doc, &sents, &quotes);
        let t2 = std::time::Instant::now();
        eprintln!(
            "parse+split {:?} attribution {:?} ({} found, {:.1} MB/s)",
            t1 - t0,
            t2 - t1,
            a.len(),
            text.len() as f64 / (t2 - t1).as_secs_f64() / 1e6
        );
    }
}

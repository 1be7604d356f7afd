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

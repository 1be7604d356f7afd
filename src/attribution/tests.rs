use super::*;
use crate::document::Format;
#[allow(unused_imports)]
use super::lexicon;

#[test]
fn dump_lexicon() {
    if std::env::var("DUMP_LEX").is_ok() {
        let mut v: Vec<&String> = lexicon::CUES.keys().collect();
        v.sort();
        std::fs::write("/tmp/attr/lexwords.txt", v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")).unwrap();
    }
}

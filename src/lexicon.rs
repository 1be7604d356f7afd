//! Word lists matched on word boundaries, case-insensitively, in one pass
//! (aho-corasick). Every rule's vocabulary is a `Lexicon`.

use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

pub struct Lexicon {
    automaton: AhoCorasick,
    len: usize,
}

/// A word-boundary match: which pattern, where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub pattern: usize,
    pub span: Span,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || b == b'\''
}

impl Lexicon {
    pub fn new<S: AsRef<str>>(words: &[S]) -> Lexicon {
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(words.iter().map(|w| w.as_ref()))
            .expect("lexicon builds");
        Lexicon {
            automaton,
            len: words.len(),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whole-word matches inside `span` of `text`.
    pub fn find_in<'a>(&'a self, text: &'a str, span: Span) -> impl Iterator<Item = Hit> + 'a {
        let bytes = text.as_bytes();
        let hay = &bytes[span.start.min(bytes.len())..span.end.min(bytes.len())];
        self.automaton
            .find_iter(hay)
            .map(move |m| {
                (
                    m.pattern().as_usize(),
                    span.start + m.start(),
                    span.start + m.end(),
                )
            })
            .filter(move |&(_, s, e)| {
                let before_ok = s == 0 || !is_word_byte(bytes[s - 1]) || bytes[s - 1] == b'\'';
                let after_ok = e >= bytes.len() || !is_word_byte(bytes[e]) || bytes[e] == b'\'';
                // Patterns that themselves end in a non-word char (e.g. "U.S.") are fine.
                before_ok && after_ok
            })
            .map(|(pattern, s, e)| Hit {
                pattern,
                span: Span::new(s, e),
            })
    }

    pub fn first_in(&self, text: &str, span: Span) -> Option<Hit> {
        self.find_in(text, span).next()
    }

    pub fn any_in(&self, text: &str, span: Span) -> bool {
        self.first_in(text, span).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let lex = Lexicon::new(&["rose", "fell", "failed to"]);
        let text = "Prices Rose; the prose fell. He failed to act.";
        let hits: Vec<&str> = lex
            .find_in(text, Span::new(0, text.len()))
            .map(|h| h.span.slice(text))
            .collect();
        assert_eq!(hits, vec!["Rose", "fell", "failed to"]);
    }
}

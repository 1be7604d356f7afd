//! A small tokenizer: words and single punctuation marks with byte offsets.

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// Opening quotation mark (`“`, or `"` judged opening, or ``` `` ```).
    OpenQuote,
    /// Closing quotation mark.
    CloseQuote,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// First character is upper case.
    pub cap: bool,
}

impl Tok {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Titles kept with their period ("Mr.", "Sen.").
fn keeps_period(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Det"
            | "Capt"
            | "St"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Co"
            | "Corp"
            | "Ltd"
            | "Prof"
            | "Rev"
            | "Sens"
            | "Reps"
            | "Atty"
            | "Supt"
            | "No"
    ) || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
}

/// Tokenizes `span` of `text`. Straight double quotes are judged opening or
/// closing by their neighbours.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Tok>) {
    out.clear();
    let s = match text.get(span.start..span.end) {
        Some(s) => s,
        None => return,
    };
    let bytes = s.as_bytes();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let at = span.start + i;
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else if matches!(d, '\'' | '’' | '-' | '.' | '&') {
                    // Internal apostrophe, hyphen or dot: keep if a word char follows.
                    let after = j + d.len_utf8();
                    let next = s[after..].chars().next();
                    if next.is_some_and(is_word_char) {
                        end = after;
                        it.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            // "Mr." / "U.S." keep the period.
            if bytes.get(end) == Some(&b'.') {
                let w = &s[i..end];
                if keeps_period(w) || w.contains('.') {
                    end += 1;
                    it.next();
                }
            }
            out.push(Tok {
                start: at,
                end: span.start + end,
                kind: Kind::Word,
                cap: c.is_uppercase(),
            });
            continue;
        }
        let len = c.len_utf8();
        let kind = match c {
            '“' | '‘' => Kind::OpenQuote,
            '”' => Kind::CloseQuote,
            '’' => Kind::CloseQuote,
            '"' => {
                let prev_space =
                    i == 0 || s[..i].ends_with(|x: char| x.is_whitespace() || x == '(' || x == '—');
                let next = s[i + 1..].chars().next();
                let next_space = next.is_none_or(|x| x.is_whitespace());
                if prev_space && !next_space {
                    Kind::OpenQuote
                } else {
                    Kind::CloseQuote
                }
            }
            '`' if s[i + 1..].starts_with('`') => {
                it.next();
                out.push(Tok {
                    start: at,
                    end: at + 2,
                    kind: Kind::OpenQuote,
                    cap: false,
                });
                continue;
            }
            '\'' if s[i + 1..].starts_with('\'') => {
                it.next();
                let prev_space = i == 0 || s[..i].ends_with(char::is_whitespace);
                out.push(Tok {
                    start: at,
                    end: at + 2,
                    kind: if prev_space {
                        Kind::OpenQuote
                    } else {
                        Kind::CloseQuote
                    },
                    cap: false,
                });
                continue;
            }
            _ => Kind::Punct,
        };
        out.push(Tok {
            start: at,
            end: at + len,
            kind,
            cap: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_quotes() {
        let text = "\"We won,\" said Mr. Ruiz's aide.";
        let mut v = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut v);
        let words: Vec<&str> = v.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            ["\"", "We", "won", ",", "\"", "said", "Mr.", "Ruiz's", "aide", "."]
        );
        assert_eq!(v[0].kind, Kind::OpenQuote);
        assert_eq!(v[4].kind, Kind::CloseQuote);
    }
}

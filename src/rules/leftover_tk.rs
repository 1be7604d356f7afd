//! `leftover-tk`: the newsroom's "to come" marker still in the text (SPEC §7:
//! listed as Information so nothing ships with a TK in it).

use super::{Context, Rule};
use crate::{Code, Finding, Severity, Span};

pub struct LeftoverTk;

impl Rule for LeftoverTk {
    fn code(&self) -> Code {
        Code::LeftoverTk
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (_, block) in cx.doc.checked_blocks() {
            for at in tk_positions(&cx.doc.prose, block.span) {
                out.push(Finding {
                    code: Code::LeftoverTk,
                    severity: Severity::Info,
                    span: Span::new(at, at + 2),
                    message: "TK marks material still to come; fill it in before this story runs."
                        .into(),
                    related: vec![],
                    fixes: vec![],
                });
            }
        }
    }
}

/// Offsets of standalone `TK` tokens in `span`.
pub fn tk_positions(prose: &str, span: Span) -> impl Iterator<Item = usize> + '_ {
    let bytes = prose.as_bytes();
    let text = span.slice(prose).as_bytes();
    // Each `K` after a `T` (`K` is the rarer letter in English copy; the
    // pair cannot overlap itself), found a word at a time.
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(k) = crate::sentences::find_any_of4(&text[from..], [b'K'; 4]) {
            let j = from + k;
            from = j + 1;
            if j > 0 && text[j - 1] == b'T' {
                return Some(j - 1);
            }
        }
        from = text.len();
        None
    })
    .map(move |i| span.start + i)
    .filter(move |&at| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + 2).copied();
        !before.is_some_and(|b| b.is_ascii_alphanumeric())
            && !after.is_some_and(|b| b.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Code, Format, Options};

    #[test]
    fn standalone_tk_only() {
        let cases = [
            ("The pool closes on TK.", 1),
            ("TK said the pool would close.", 1),
            ("The TKO came in round three.", 0),
            ("Send it to ATK Corp.", 0),
            ("Kiosks: TK, TK and TKTK.", 2),
            ("KTK TK", 1),
        ];
        for (text, want) in cases {
            let n = analyze(text, &Options::new(Format::Markdown))
                .findings
                .iter()
                .filter(|f| f.code == Code::LeftoverTk)
                .count();
            assert_eq!(n, want, "{text}");
        }
    }
}

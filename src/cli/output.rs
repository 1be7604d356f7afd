//! Printing findings: JSON Lines (CONTRACT.md), rustc-style human output,
//! GitHub workflow commands, and the `--summary` table. (SARIF: `sarif.rs`.)

use annotate_snippets::{Level, Renderer, Snippet};
use copydesk::position::{Encoding, LineIndex};
use copydesk::{Code, Finding, Severity};
use std::io::{self, Write};

/// Appends the lines to `buf`.
pub fn json_lines(buf: &mut Vec<u8>, path: &str, text: &str, findings: &[Finding]) {
    // Written by hand into one buffer (serde's many small writes through
    // `dyn Write` cost more than the analysis of some drafts). Keys are in
    // alphabetical order, the order the lines have always had; strings are
    // escaped exactly as serde_json escapes them (the `json_lines_match_serde`
    // test holds the two together).
    if findings.is_empty() {
        return;
    }
    let idx = LineIndex::new(text);
    // The path is the same on every line: escaped once.
    let mut path_json = Vec::with_capacity(path.len() + 2);
    json_str(&mut path_json, path);
    // Room for every line at once: growing the buffer midway copies all
    // the lines before (a draft's output runs to tens of kilobytes).
    // Keys, numbers and punctuation take under 300 bytes a line, 100 a fix
    // and 120 a related span; escapes rarely add more than a few bytes.
    let room: usize = findings
        .iter()
        .map(|f| {
            let fixes: usize = f
                .fixes
                .iter()
                .map(|x| {
                    100 + x.title.len() + x.edits.iter().map(|e| 60 + e.text.len()).sum::<usize>()
                })
                .sum();
            let related: usize = f.related.iter().map(|r| 120 + r.message.len()).sum();
            300 + path_json.len() + f.message.len() + fixes + related
        })
        .sum();
    buf.reserve(room + room / 8);
    for f in findings {
        let (l, c) = idx.position(text, f.span.start, Encoding::Chars);
        let (el, ec) = idx.position(text, f.span.end, Encoding::Chars);
        buf.extend_from_slice(b"{\"code\":");
        json_plain(buf, f.code.as_str());
        buf.extend_from_slice(b",\"column\":");
        json_num(buf, (c + 1) as usize);
        buf.extend_from_slice(b",\"end_column\":");
        json_num(buf, (ec + 1) as usize);
        buf.extend_from_slice(b",\"end_line\":");
        json_num(buf, (el + 1) as usize);
        buf.extend_from_slice(b",\"fixes\":[");
        for (i, x) in f.fixes.iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            buf.extend_from_slice(b"{\"edits\":[");
            for (j, e) in x.edits.iter().enumerate() {
                if j > 0 {
                    buf.push(b',');
                }
                buf.extend_from_slice(b"{\"span\":");
                json_span(buf, e.span);
                buf.extend_from_slice(b",\"text\":");
                json_str(buf, &e.text);
                buf.push(b'}');
            }
            buf.extend_from_slice(b"],\"title\":");
            json_str(buf, &x.title);
            buf.push(b'}');
        }
        buf.extend_from_slice(b"],\"line\":");
        json_num(buf, (l + 1) as usize);
        buf.extend_from_slice(b",\"message\":");
        json_str(buf, &f.message);
        buf.extend_from_slice(b",\"path\":");
        buf.extend_from_slice(&path_json);
        buf.extend_from_slice(b",\"related\":[");
        for (i, r) in f.related.iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            let (rl, rc) = idx.position(text, r.span.start, Encoding::Chars);
            buf.extend_from_slice(b"{\"column\":");
            json_num(buf, (rc + 1) as usize);
            buf.extend_from_slice(b",\"line\":");
            json_num(buf, (rl + 1) as usize);
            buf.extend_from_slice(b",\"message\":");
            json_str(buf, &r.message);
            buf.extend_from_slice(b",\"span\":");
            json_span(buf, r.span);
            buf.push(b'}');
        }
        buf.extend_from_slice(b"],\"severity\":");
        json_plain(buf, f.severity.as_str());
        buf.extend_from_slice(b",\"span\":");
        json_span(buf, f.span);
        buf.extend_from_slice(b"}\n");
    }
}

/// `{"end":E,"start":S}`.
fn json_span(buf: &mut Vec<u8>, s: copydesk::Span) {
    buf.extend_from_slice(b"{\"end\":");
    json_num(buf, s.end);
    buf.extend_from_slice(b",\"start\":");
    json_num(buf, s.start);
    buf.push(b'}');
}

fn json_num(buf: &mut Vec<u8>, n: usize) {
    // Two digits at a time.
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    if n < 10 {
        buf.push(b'0' + n as u8);
        return;
    }
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = n;
    while n >= 100 {
        let r = n % 100 * 2;
        n /= 100;
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[r..r + 2]);
    }
    if n >= 10 {
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[n * 2..n * 2 + 2]);
    } else {
        i -= 1;
        digits[i] = b'0' + n as u8;
    }
    buf.extend_from_slice(&digits[i..]);
}

/// A JSON string of a name that needs no escape (a code, a severity).
fn json_plain(buf: &mut Vec<u8>, s: &str) {
    debug_assert!(s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\'));
    buf.push(b'"');
    buf.extend_from_slice(s.as_bytes());
    buf.push(b'"');
}

/// A JSON string as serde_json writes it: `"` and `\` backslashed, control
/// characters as `\b \t \n \f \r` or `\u00xx`, everything else as is.
fn json_str(buf: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    buf.reserve(bytes.len() + 2);
    buf.push(b'"');
    // `bytes[run..]` is not written yet; the runs between escapes are
    // copied whole.
    let mut run = 0;
    while let Some(k) = next_escape(&bytes[run..]) {
        let i = run + k;
        buf.extend_from_slice(&bytes[run..i]);
        let b = bytes[i];
        match b {
            b'"' => buf.extend_from_slice(b"\\\""),
            b'\\' => buf.extend_from_slice(b"\\\\"),
            0x08 => buf.extend_from_slice(b"\\b"),
            0x09 => buf.extend_from_slice(b"\\t"),
            0x0A => buf.extend_from_slice(b"\\n"),
            0x0C => buf.extend_from_slice(b"\\f"),
            0x0D => buf.extend_from_slice(b"\\r"),
            _ => buf.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(b >> 4) as usize],
                HEX[(b & 0xF) as usize],
            ]),
        }
        run = i + 1;
    }
    buf.extend_from_slice(&bytes[run..]);
    buf.push(b'"');
}

/// Whether JSON needs `b` escaped: `"`, `\` or a control character.
fn needs_escape(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// Index of the first byte of `hay` that needs an escape: sixteen bytes at
/// a time with SSE2 (part of every x86-64). Most texts have none or one.
#[inline(always)]
fn next_escape(hay: &[u8]) -> Option<usize> {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if hay.len() >= 16 {
        use std::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_max_epu8, _mm_movemask_epi8,
            _mm_or_si128, _mm_set1_epi8,
        };
        // SAFETY: the build enables SSE2 (cfg above), and every load reads
        // sixteen bytes inside `hay`, unaligned.
        unsafe {
            let (quote, backslash, below) = (
                _mm_set1_epi8(b'"' as i8),
                _mm_set1_epi8(b'\\' as i8),
                _mm_set1_epi8(0x1F),
            );
            // The bytes of the sixteen at `at` that need an escape, as bits.
            let flags = |at: usize| {
                let v = _mm_loadu_si128(hay.as_ptr().add(at).cast::<__m128i>());
                // A byte is below 0x20 when max(byte, 0x1F) is 0x1F.
                let hit = _mm_or_si128(
                    _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                    _mm_cmpeq_epi8(_mm_max_epu8(v, below), below),
                );
                _mm_movemask_epi8(hit) as u32
            };
            let mut at = 0;
            while at + 16 <= hay.len() {
                let bits = flags(at);
                if bits != 0 {
                    return Some(at + bits.trailing_zeros() as usize);
                }
                at += 16;
            }
            if at == hay.len() {
                return None;
            }
            // The last sixteen bytes, overlapping ones already looked at,
            // whose bits are shifted out.
            let last = hay.len() - 16;
            let bits = flags(last) >> (at - last);
            return (bits != 0).then(|| at + bits.trailing_zeros() as usize);
        }
    }
    hay.iter().position(|&b| needs_escape(b))
}

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
        Severity::Hint => Level::Help,
    }
}

pub fn human(out: &mut dyn Write, path: &str, text: &str, findings: &[Finding]) -> io::Result<()> {
    use std::io::IsTerminal;
    let renderer = if io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let idx = LineIndex::new(text);
    for f in findings {
        let (l0, _) = idx.position(text, f.span.start, Encoding::Utf8);
        let (l1, _) = idx.position(
            text,
            f.span.end.saturating_sub(1).max(f.span.start),
            Encoding::Utf8,
        );
        let start = idx.line_start(l0 as usize).unwrap_or(0);
        let end = idx
            .line_start(l1 as usize + 1)
            .map_or(text.len(), |e| e.saturating_sub(1));
        let source = &text[start..end.max(start)];
        let ann_start = f.span.start - start;
        let ann_end = (f.span.end - start).min(source.len()).max(ann_start);
        let help: Vec<String> = f
            .fixes
            .iter()
            .take(1)
            .map(|x| format!("fix: {}", x.title))
            .collect();
        let mut msg = level(f.severity)
            .title(&f.message)
            .id(f.code.as_str())
            .snippet(
                Snippet::source(source)
                    .line_start(l0 as usize + 1)
                    .origin(path)
                    .fold(true)
                    .annotation(level(f.severity).span(ann_start..ann_end)),
            );
        for h in &help {
            msg = msg.footer(Level::Help.title(h));
        }
        writeln!(out, "{}\n", renderer.render(msg))?;
    }
    Ok(())
}

pub fn summary_line(total: usize) -> String {
    match total {
        0 => "No findings.".to_string(),
        1 => "Found 1 finding.".to_string(),
        n => format!("Found {n} findings."),
    }
}

/// GitHub Actions workflow commands (`::error file=…,line=…::message`), one
/// per finding; the runner turns them into annotations on the pull request.
/// Info and hint findings become notices.
pub fn github(out: &mut dyn Write, path: &str, text: &str, findings: &[Finding]) -> io::Result<()> {
    let idx = LineIndex::new(text);
    for f in findings {
        let (l, c) = idx.position(text, f.span.start, Encoding::Chars);
        let (el, ec) = idx.position(text, f.span.end, Encoding::Chars);
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info | Severity::Hint => "notice",
        };
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(path),
            l + 1,
            c + 1,
            el + 1,
            ec + 1,
            escape_property(f.code.as_str()),
            escape_data(&f.message),
        )?;
    }
    Ok(())
}

/// An input that could not be checked, as a GitHub error annotation.
pub fn github_problem(out: &mut dyn Write, path: &str, message: &str) -> io::Result<()> {
    writeln!(
        out,
        "::error file={},title=copydesk::{}",
        escape_property(path),
        escape_data(message)
    )
}

/// Escapes a workflow command's message (as `@actions/core` does).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command property value: also `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Findings counted by code and severity, for `--summary`.
#[derive(Default)]
pub struct Tally {
    counts: std::collections::BTreeMap<Code, [usize; 4]>,
    pub drafts: usize,
    pub unreadable: usize,
}

impl Tally {
    pub fn add(&mut self, code: Code, severity: Severity) {
        self.counts.entry(code).or_default()[severity.rank() as usize] += 1;
    }

    pub fn total(&self) -> usize {
        self.counts.values().flatten().sum()
    }

    /// A plain-text table: one row per code found, then the totals.
    pub fn table(&self) -> String {
        const SEVERITIES: [Severity; 4] = [
            Severity::Error,
            Severity::Warning,
            Severity::Info,
            Severity::Hint,
        ];
        let width = Code::ALL
            .iter()
            .map(|c| c.as_str().len())
            .max()
            .unwrap_or(4)
            .max("total".len());
        let mut rows: Vec<(String, [usize; 4])> = Code::ALL
            .iter()
            .filter_map(|c| self.counts.get(c).map(|n| (c.as_str().to_string(), *n)))
            .collect();
        let mut totals = [0usize; 4];
        for (_, n) in &rows {
            for (t, x) in totals.iter_mut().zip(n) {
                *t += x;
            }
        }
        rows.push(("total".to_string(), totals));
        let mut s = format!("{:<width$}", "code");
        for sev in SEVERITIES {
            s.push_str(&format!(" {:>7}", sev.as_str()));
        }
        s.push_str(&format!(" {:>7}\n", "total"));
        for (name, n) in rows {
            s.push_str(&format!("{name:<width$}"));
            for x in n {
                s.push_str(&format!(" {x:>7}"));
            }
            s.push_str(&format!(" {:>7}\n", n.iter().sum::<usize>()));
        }
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        s.push_str(&format!(
            "{} draft{} checked",
            self.drafts,
            plural(self.drafts)
        ));
        if self.unreadable > 0 {
            s.push_str(&format!(", {} could not be read", self.unreadable));
        }
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escaping() {
        let cases = [
            ("plain", "plain", "plain"),
            ("50% of it", "50%25 of it", "50%25 of it"),
            ("a\nb\r", "a%0Ab%0D", "a%0Ab%0D"),
            ("dir/a,b:c.md", "dir/a,b:c.md", "dir/a%2Cb%3Ac.md"),
            ("%0A", "%250A", "%250A"),
        ];
        for (raw, data, prop) in cases {
            assert_eq!(escape_data(raw), data, "{raw:?}");
            assert_eq!(escape_property(raw), prop, "{raw:?}");
        }
    }

    #[test]
    fn summary_table_counts_by_code_and_severity() {
        let mut t = Tally::default();
        t.add(Code::RelativeDate, Severity::Warning);
        t.add(Code::RelativeDate, Severity::Warning);
        t.add(Code::UnattributedClaim, Severity::Error);
        t.add(Code::UnattributedClaim, Severity::Hint);
        t.drafts = 2;
        let table = t.table();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 5, "{table}");
        let cells = |l: &str| l.split_whitespace().map(String::from).collect::<Vec<_>>();
        assert_eq!(
            cells(lines[0]),
            ["code", "error", "warning", "info", "hint", "total"]
        );
        assert_eq!(
            cells(lines[1]),
            ["unattributed-claim", "1", "0", "0", "1", "2"]
        );
        assert_eq!(cells(lines[2]), ["relative-date", "0", "2", "0", "0", "2"]);
        assert_eq!(cells(lines[3]), ["total", "1", "2", "0", "1", "4"]);
        assert_eq!(lines[4], "2 drafts checked");
        assert_eq!(t.total(), 4);
    }

    /// The hand-written JSON strings and numbers are serde_json's, byte for byte.
    #[test]
    fn json_lines_match_serde() {
        let cases = [
            "",
            "plain words",
            "say \"hi\" \\ there",
            "tab\there\nnew\rline\u{8}\u{c}",
            "\u{0}\u{1}\u{1f}\u{7f} and \u{1b}[0m",
            "curly “quotes” — dash / slash é 漢字 🙂",
            "<!-- copydesk-disable-next-line x -->\n",
            "\"A quoted phrase\" opens this longer line, then a tab\tand a \\ later on",
            "escapes far apart: \"first\" .......... then \n and at the very end\"",
        ];
        // Each special byte at every offset of the sixteen-byte blocks, the
        // overlapping last block and the short tail, in strings of every
        // length around them; and the same with bytes above 0x7F around.
        let shifted: Vec<String> = (0..40)
            .flat_map(|k| {
                ["\"", "\\", "\n", "\u{1}", "\u{1f}", "\u{7f}", "é"]
                    .into_iter()
                    .flat_map(move |c| {
                        [0, 1, 9, 15, 16, 23].into_iter().flat_map(move |tail| {
                            [
                                format!("{}{c}{}", "x".repeat(k), "y".repeat(tail)),
                                format!("{}{c}{}", "x".repeat(k), "“".repeat(tail)),
                            ]
                        })
                    })
            })
            .collect();
        for s in cases
            .iter()
            .copied()
            .chain(shifted.iter().map(String::as_str))
        {
            let mut buf = Vec::new();
            json_str(&mut buf, s);
            assert_eq!(
                String::from_utf8(buf).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
        for n in [
            0usize,
            7,
            10,
            99,
            100,
            101,
            999,
            1000,
            1234567,
            10203,
            usize::MAX,
        ] {
            let mut buf = Vec::new();
            json_num(&mut buf, n);
            assert_eq!(String::from_utf8(buf).unwrap(), n.to_string());
        }
    }
}

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
    buf.reserve(findings.len() * 512);
    // The path is the same on every line: escaped once.
    let mut path_json = Vec::with_capacity(path.len() + 2);
    json_str(&mut path_json, path);
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
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    buf.reserve(bytes.len() + 2);
    buf.push(b'"');
    // `bytes[run..i]` needs no escape and is not written yet.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Most bytes need no escape: skip eight at a time up to the first
        // that does. (Each test flags a wanted byte exactly and can flag a
        // byte after one falsely, so the lowest flag is exact.)
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            let w = u64::from_le_bytes(w);
            let zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
            // A `"`, a `\\`, or a byte below 0x20.
            let special = zero(w ^ (LO * 0x22))
                | zero(w ^ (LO * 0x5C))
                | (w.wrapping_sub(LO * 0x20) & !w & HI);
            if special == 0 {
                i += 8;
                continue;
            }
            i += (special.trailing_zeros() / 8) as usize;
        }
        let b = bytes[i];
        let esc: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x09 => b"\\t",
            0x0A => b"\\n",
            0x0C => b"\\f",
            0x0D => b"\\r",
            0x00..=0x1F => {
                buf.extend_from_slice(&bytes[run..i]);
                buf.extend_from_slice(b"\\u00");
                buf.push(HEX[(b >> 4) as usize]);
                buf.push(HEX[(b & 0xF) as usize]);
                i += 1;
                run = i;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        buf.extend_from_slice(&bytes[run..i]);
        buf.extend_from_slice(esc);
        i += 1;
        run = i;
    }
    buf.extend_from_slice(&bytes[run..]);
    buf.push(b'"');
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
        // Each special byte at every offset of an eight-byte chunk.
        let shifted: Vec<String> = (0..17)
            .flat_map(|k| {
                ["\"", "\\", "\n", "\u{1}"]
                    .map(|c| format!("{}{c}{}", "x".repeat(k), "y".repeat(9)))
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

//! Printing findings: JSON Lines (CONTRACT.md) and rustc-style human output.

use annotate_snippets::{Level, Renderer, Snippet};
use copydesk::position::{Encoding, LineIndex};
use copydesk::{Finding, Severity};
use std::io::{self, Write};

pub fn json_lines(
    out: &mut dyn Write,
    path: &str,
    text: &str,
    findings: &[Finding],
) -> io::Result<()> {
    let idx = LineIndex::new(text);
    for f in findings {
        let (l, c) = idx.position(text, f.span.start, Encoding::Chars);
        let (el, ec) = idx.position(text, f.span.end, Encoding::Chars);
        let obj = serde_json::json!({
            "path": path,
            "code": f.code.as_str(),
            "severity": f.severity.as_str(),
            "message": f.message,
            "span": {"start": f.span.start, "end": f.span.end},
            "line": l + 1,
            "column": c + 1,
            "end_line": el + 1,
            "end_column": ec + 1,
            "related": f.related.iter().map(|r| {
                let (rl, rc) = idx.position(text, r.span.start, Encoding::Chars);
                serde_json::json!({"span": {"start": r.span.start, "end": r.span.end}, "line": rl + 1, "column": rc + 1, "message": r.message})
            }).collect::<Vec<_>>(),
            "fixes": f.fixes.iter().map(|x| serde_json::json!({
                "title": x.title,
                "edits": x.edits.iter().map(|e| serde_json::json!({"span": {"start": e.span.start, "end": e.span.end}, "text": e.text})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        writeln!(out, "{obj}")?;
    }
    Ok(())
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

//! The document model: front matter, dateline and the blocks of a draft.
//!
//! Every later stage reads [`Document::prose`], a copy of the draft with the
//! same byte length in which everything that is not prose (front matter,
//! Markdown markup, code, HTML comments, the dateline) is blanked to spaces.
//! Offsets therefore never need translating between stages.

use crate::span::Span;
use chrono::NaiveDate;
use pulldown_cmark::{Event, Options as CmarkOptions, Parser, Tag, TagEnd};

/// How the draft is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    PlainText,
}

impl Format {
    /// `.md`, `.markdown` and `.mdx` are Markdown; everything else is plain text.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if [".md", ".markdown", ".mdx", ".mkd", ".mdown"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        {
            Format::Markdown
        } else {
            Format::PlainText
        }
    }
}

/// What a block is, which decides whether the rules judge it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Paragraph,
    ListItem,
    Heading,
    Image,
    Caption,
    Byline,
    Credit,
    Table,
}

impl BlockKind {
    /// Checked blocks are judged by the rules; the rest only feed the actor index.
    pub fn is_checked(self) -> bool {
        matches!(self, BlockKind::Paragraph | BlockKind::ListItem)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Source span of the block's text (markup markers excluded where possible).
    pub span: Span,
    /// Inside a Markdown block quote.
    pub in_blockquote: bool,
    /// For tables: the header row.
    pub header: Option<Span>,
}

/// YAML front matter between `---` lines at the top of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub span: Span,
    pub date: Option<NaiveDate>,
    pub dateline: Option<String>,
    pub timezone: Option<String>,
    pub title: Option<String>,
}

/// `KESTREL BAY, Maine, Feb. 9 (Ledger) —` at the head of the first paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    pub span: Span,
    pub place: String,
    /// Month and day as written, when the dateline carries a date.
    pub month_day: Option<(u32, u32)>,
}

/// An HTML comment (`<!-- ... -->`) or a plain-text directive line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub span: Span,
    pub body: String,
}

#[derive(Clone, Debug)]
pub struct Document {
    pub text: String,
    pub prose: String,
    pub format: Format,
    pub front_matter: Option<FrontMatter>,
    pub dateline: Option<Dateline>,
    pub blocks: Vec<Block>,
    pub comments: Vec<Comment>,
}

impl Document {
    pub fn parse(text: &str, format: Format) -> Document {
        let mut prose = blank_copy(text);
        let body_start = strip_bom(text);
        let front_matter = parse_front_matter(text, body_start);
        let body_start = front_matter.as_ref().map_or(body_start, |f| f.span.end);
        let mut comments = Vec::new();
        let mut blocks = match format {
            Format::Markdown => markdown_blocks(text, body_start, &mut prose, &mut comments),
            Format::PlainText => plain_blocks(text, body_start, &mut prose, &mut comments),
        };
        reclassify_blocks(text, &mut blocks);
        let dateline = find_dateline(text, &blocks);
        if let Some(d) = &dateline {
            blank(&mut prose, d.span);
            if let Some(b) = blocks.iter_mut().find(|b| b.span.contains(d.span.start)) {
                b.span.start = skip_space(text, d.span.end).min(b.span.end);
            }
        }
        Document {
            text: text.to_string(),
            prose: into_string(prose),
            format,
            front_matter,
            dateline,
            blocks,
            comments,
        }
    }

    pub fn checked_blocks(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind.is_checked())
    }

    /// The prose text of a span (markup blanked).
    pub fn prose_of(&self, span: Span) -> &str {
        span.slice(&self.prose)
    }

    /// Index of the block holding `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        (i < self.blocks.len() && self.blocks[i].span.start <= offset).then_some(i)
    }
}

fn strip_bom(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        3
    } else {
        0
    }
}

/// A copy of `text` with every byte but newlines turned into a space.
fn blank_copy(text: &str) -> Vec<u8> {
    text.bytes()
        .map(|b| if b == b'\n' { b'\n' } else { b' ' })
        .collect()
}

/// Copies `span` of the original into the prose view (carriage returns become spaces).
fn reveal(text: &str, prose: &mut [u8], span: Span) {
    let (s, e) = (span.start.min(text.len()), span.end.min(text.len()));
    for (i, &b) in text.as_bytes()[s.min(e)..e].iter().enumerate() {
        prose[s + i] = if b == b'\r' { b' ' } else { b };
    }
}

/// Blanks `span` of the prose view to spaces (newlines kept).
fn blank(prose: &mut [u8], span: Span) {
    let (s, e) = (span.start.min(prose.len()), span.end.min(prose.len()));
    for b in &mut prose[s.min(e)..e] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// Turns the prose bytes into a string of the same length: any byte left from a
/// character that was only partly copied becomes a space.
fn into_string(mut bytes: Vec<u8>) -> String {
    // Validated once when clean (the usual case), not twice.
    loop {
        match String::from_utf8(bytes) {
            Ok(s) => return s,
            Err(e) => {
                let err = e.utf8_error();
                bytes = e.into_bytes();
                let at = err.valid_up_to();
                let bad = err.error_len().unwrap_or(bytes.len() - at);
                for b in &mut bytes[at..at + bad] {
                    *b = b' ';
                }
            }
        }
    }
}

fn skip_space(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    i
}

fn parse_front_matter(text: &str, start: usize) -> Option<FrontMatter> {
    let rest = &text[start..];
    let first_end = rest.find('\n')?;
    if rest[..first_end].trim_end() != "---" {
        return None;
    }
    let mut pos = first_end + 1;
    let mut close = None;
    while pos <= rest.len() {
        let line_end = rest[pos..].find('\n').map_or(rest.len(), |i| pos + i);
        let line = rest[pos..line_end].trim_end();
        if line == "---" || line == "..." {
            close = Some((pos, (line_end + 1).min(rest.len())));
            break;
        }
        if line_end >= rest.len() {
            break;
        }
        pos = line_end + 1;
    }
    let (yaml_end, block_end) = close?;
    let yaml = &rest[first_end + 1..yaml_end];
    let mut fm = FrontMatter {
        span: Span::new(start, start + block_end),
        ..Default::default()
    };
    let docs = yaml_rust2::YamlLoader::load_from_str(yaml).ok();
    let map = docs
        .as_ref()
        .and_then(|d| d.first())
        .and_then(|d| d.as_hash());
    let get = |key: &str| -> Option<String> {
        let v = map?.get(&yaml_rust2::Yaml::String(key.to_string()))?;
        match v {
            yaml_rust2::Yaml::String(s) | yaml_rust2::Yaml::Real(s) => Some(s.clone()),
            yaml_rust2::Yaml::Integer(i) => Some(i.to_string()),
            _ => None,
        }
    };
    fm.date = get("date").and_then(|d| parse_date_prefix(&d));
    fm.dateline = get("dateline");
    fm.timezone = get("timezone");
    fm.title = get("title");
    Some(fm)
}

/// `2026-03-12`, `2026-03-12T09:30:00-05:00`, `2026-03-12 09:30`.
pub fn parse_date_prefix(s: &str) -> Option<NaiveDate> {
    let s = s.trim().trim_matches('"').trim_matches('\'');
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

fn markdown_blocks(
    text: &str,
    start: usize,
    prose: &mut [u8],
    comments: &mut Vec<Comment>,
) -> Vec<Block> {
    let body = &text[start..];
    let mut opts = CmarkOptions::empty();
    opts.insert(CmarkOptions::ENABLE_TABLES);
    opts.insert(CmarkOptions::ENABLE_STRIKETHROUGH);
    let parser = Parser::new_ext(body, opts).into_offset_iter();

    let mut blocks: Vec<Block> = Vec::new();
    let mut quote_depth = 0usize;
    // Open list items: (start offset, whether a paragraph was seen inside).
    let mut items: Vec<(usize, bool)> = Vec::new();
    let mut current: Option<(BlockKind, usize)> = None;
    let mut table: Option<(usize, Option<Span>)> = None;
    let mut in_code = false;
    let mut image_only = true;
    let mut saw_text = false;

    for (event, range) in parser {
        let span = Span::new(range.start + start, range.end + start);
        match event {
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::Item) => items.push((span.start, false)),
            Event::End(TagEnd::Item) => {
                if let Some((item_start, had_para)) = items.pop() {
                    if !had_para {
                        let s = item_text_start(text, item_start, span.end);
                        blocks.push(Block {
                            kind: BlockKind::ListItem,
                            span: trim_span(text, Span::new(s, span.end)),
                            in_blockquote: quote_depth > 0,
                            header: None,
                        });
                    }
                }
            }
            Event::Start(Tag::Paragraph) => {
                if let Some(last) = items.last_mut() {
                    last.1 = true;
                }
                let kind = if items.is_empty() {
                    BlockKind::Paragraph
                } else {
                    BlockKind::ListItem
                };
                current = Some((kind, span.start));
                image_only = true;
                saw_text = false;
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some((kind, s)) = current.take() {
                    let kind = if image_only && !saw_text {
                        BlockKind::Image
                    } else {
                        kind
                    };
                    blocks.push(Block {
                        kind,
                        span: trim_span(text, Span::new(s, span.end)),
                        in_blockquote: quote_depth > 0,
                        header: None,
                    });
                }
            }
            Event::Start(Tag::Heading { .. }) => current = Some((BlockKind::Heading, span.start)),
            Event::End(TagEnd::Heading(_)) => {
                current = None;
                blocks.push(Block {
                    kind: BlockKind::Heading,
                    span: trim_span(text, span),
                    in_blockquote: quote_depth > 0,
                    header: None,
                });
            }
            Event::Start(Tag::Table(_)) => table = Some((span.start, None)),
            Event::End(TagEnd::TableHead) => {
                if let Some((_, header)) = table.as_mut() {
                    *header = Some(span);
                }
            }
            Event::Start(Tag::TableHead) => {
                if let Some((_, header)) = table.as_mut() {
                    *header = Some(span);
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some((s, header)) = table.take() {
                    blocks.push(Block {
                        kind: BlockKind::Table,
                        span: trim_span(text, Span::new(s, span.end)),
                        in_blockquote: quote_depth > 0,
                        header: header.map(|h| trim_span(text, line_of(text, h.start))),
                    });
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                // Indented "code" in a news draft is almost always prose pasted
                // with leading spaces; only fenced blocks are code.
                in_code = matches!(kind, pulldown_cmark::CodeBlockKind::Fenced(_));
                if !in_code {
                    current = Some((
                        if items.is_empty() {
                            BlockKind::Paragraph
                        } else {
                            BlockKind::ListItem
                        },
                        span.start,
                    ));
                    saw_text = false;
                    image_only = false;
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if !in_code {
                    if let Some((kind, s)) = current.take() {
                        blocks.push(Block {
                            kind,
                            span: trim_span(text, Span::new(s, span.end)),
                            in_blockquote: quote_depth > 0,
                            header: None,
                        });
                    }
                }
                in_code = false;
            }
            Event::Text(_) | Event::Code(_) => {
                if !in_code {
                    reveal(text, prose, span);
                    if current.is_some() && !text[span.start..span.end].trim().is_empty() {
                        saw_text = true;
                    }
                }
            }
            Event::Start(Tag::Image { .. }) => {}
            Event::End(TagEnd::Image) => {}
            Event::Html(_) | Event::InlineHtml(_) => {
                let raw = &text[span.start..span.end];
                for (i, _) in raw.match_indices("<!--") {
                    let s = span.start + i;
                    // An unclosed comment runs to the end of the HTML span.
                    let (body_end, e) = text[s..]
                        .find("-->")
                        .map_or((span.end, span.end), |j| (s + j, s + j + 3));
                    let body = text[s + 4..body_end.max(s + 4)].trim().to_string();
                    comments.push(Comment {
                        span: Span::new(s, e),
                        body,
                    });
                }
                if current.is_some() {
                    image_only = false;
                }
            }
            Event::SoftBreak | Event::HardBreak => {}
            _ => {
                if let Event::Start(Tag::Link { .. }) = event {
                    image_only = false;
                }
            }
        }
        // Anything inside an image (alt text) does not make a paragraph prose.
        let _ = &mut image_only;
    }
    // Images: a paragraph whose only text is image alt text.
    for b in &mut blocks {
        if b.kind == BlockKind::Paragraph {
            let raw = b.span.slice(text).trim();
            if raw.starts_with("![") && raw.ends_with(')') && !raw[2..].contains("![") {
                b.kind = BlockKind::Image;
            }
        }
    }
    blocks.sort_by_key(|b| b.span.start);
    blocks
}

/// Skips a list marker (`- `, `* `, `1. `) at the start of an item.
fn item_text_start(text: &str, start: usize, end: usize) -> usize {
    let s = &text[start..end];
    let trimmed = s.trim_start();
    let mut i = start + (s.len() - trimmed.len());
    let b = text.as_bytes();
    if i < end && matches!(b[i], b'-' | b'*' | b'+') {
        i += 1;
    } else {
        while i < end && b[i].is_ascii_digit() {
            i += 1;
        }
        if i < end && matches!(b[i], b'.' | b')') {
            i += 1;
        }
    }
    skip_space(text, i)
}

fn line_of(text: &str, offset: usize) -> Span {
    let s = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let e = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    Span::new(s, e)
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Span::new(span.start + lead, (span.end - trail).max(span.start + lead))
}

/// Plain text: paragraphs are separated by blank lines, or by single line breaks
/// when the line before ends a sentence (wire copy often puts one paragraph
/// on each line).
fn plain_blocks(
    text: &str,
    start: usize,
    prose: &mut [u8],
    comments: &mut Vec<Comment>,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para_start: Option<usize> = None;
    let mut prev_end = start;
    let mut pos = start;
    let close = |blocks: &mut Vec<Block>, s: usize, e: usize| {
        let span = trim_span(text, Span::new(s, e));
        if !span.is_empty() {
            let raw = span.slice(text);
            let kind = if is_list_marker(raw) {
                BlockKind::ListItem
            } else {
                BlockKind::Paragraph
            };
            let span = if kind == BlockKind::ListItem {
                Span::new(item_text_start(text, span.start, span.end), span.end)
            } else {
                span
            };
            blocks.push(Block {
                kind,
                span,
                in_blockquote: false,
                header: None,
            });
        }
    };
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..line_end];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = para_start.take() {
                close(&mut blocks, s, prev_end);
            }
        } else if trimmed.starts_with("copydesk-") && !trimmed.contains(". ") {
            // Plain-text directive on a line of its own.
            if let Some(s) = para_start.take() {
                close(&mut blocks, s, prev_end);
            }
            let s = pos + (line.len() - line.trim_start().len());
            comments.push(Comment {
                span: Span::new(s, s + trimmed.len()),
                body: trimmed.to_string(),
            });
        } else if trimmed.starts_with("<!--") && trimmed.ends_with("-->") {
            if let Some(s) = para_start.take() {
                close(&mut blocks, s, prev_end);
            }
            let s = pos + line.find("<!--").unwrap_or(0);
            let e = pos + line.rfind("-->").map_or(line.len(), |i| i + 3);
            comments.push(Comment {
                span: Span::new(s, e),
                body: text[(s + 4).min(e - 3)..e - 3].trim().to_string(),
            });
        } else {
            let ends_para = ends_sentence(trimmed);
            if para_start.is_some() && is_list_marker(trimmed) {
                close(&mut blocks, para_start.take().unwrap_or(pos), prev_end);
            }
            if para_start.is_none() {
                para_start = Some(pos);
            }
            reveal(text, prose, Span::new(pos, line_end));
            if ends_para || is_list_marker(trimmed) {
                close(&mut blocks, para_start.take().unwrap_or(pos), line_end);
            }
        }
        prev_end = line_end;
        pos = line_end + 1;
    }
    if let Some(s) = para_start {
        close(&mut blocks, s, text.len());
    }
    // List markers are markup, not prose.
    for b in &blocks {
        if b.kind == BlockKind::ListItem {
            let ls = text[..b.span.start].rfind('\n').map_or(start, |i| i + 1);
            blank(prose, Span::new(ls.max(start), b.span.start));
        }
    }
    for c in comments.iter() {
        blank(prose, c.span);
    }
    // A first short line with no closing punctuation is the headline.
    if let Some(first) = blocks.first_mut() {
        let raw = first.span.slice(text);
        if !raw.contains('\n') && !ends_sentence(raw) && raw.split_whitespace().count() <= 25 {
            first.kind = BlockKind::Heading;
        }
    }
    blocks
}

fn is_list_marker(line: &str) -> bool {
    let t = line.trim_start();
    let b = t.as_bytes();
    if b.len() >= 2 && matches!(b[0], b'-' | b'*' | b'+') && b[1] == b' ' {
        return true;
    }
    if t.starts_with("• ") {
        return true;
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    digits > 0
        && digits < 3
        && b.len() > digits + 1
        && matches!(b[digits], b'.' | b')')
        && b[digits + 1] == b' '
}

fn ends_sentence(line: &str) -> bool {
    let t = line
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', '*', '_']);
    t.ends_with(['.', '?', '!', ':'])
}

/// Captions, bylines and credit lines are recognised by their text.
fn reclassify_blocks(text: &str, blocks: &mut [Block]) {
    for i in 0..blocks.len() {
        if !blocks[i].kind.is_checked() {
            continue;
        }
        let raw = blocks[i].span.slice(text).trim();
        let after_image = i > 0 && blocks[i - 1].kind == BlockKind::Image;
        let wholly_italic = (raw.starts_with('*') && raw.ends_with('*'))
            || (raw.starts_with('_') && raw.ends_with('_'));
        // Case-blind prefixes, without a lower-case copy of the block.
        let starts = |p: &str| {
            raw.as_bytes()
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
        };
        if (after_image && wholly_italic) || starts("caption:") || starts("photo:") {
            blocks[i].kind = BlockKind::Caption;
        } else if starts("source:") || starts("sources:") {
            blocks[i].kind = BlockKind::Credit;
        } else if is_byline(raw) {
            blocks[i].kind = BlockKind::Byline;
        }
    }
}

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn is_byline(raw: &str) -> bool {
    let t = raw.trim_matches(['*', '_']);
    if !t.starts_with("By ") || t.len() > 120 || t.contains(". ") {
        return false;
    }
    t[3..].chars().next().is_some_and(|c| c.is_uppercase())
}

/// `KESTREL BAY, Maine, Feb. 9 (Ledger) —` opening the first checked paragraph.
fn find_dateline(text: &str, blocks: &[Block]) -> Option<Dateline> {
    let block = blocks.iter().find(|b| b.kind.is_checked())?;
    let raw = block.span.slice(text);
    let head = &raw[..floor_boundary(raw, 160)];
    let (dash_at, dash_len) = ["—", "--", " - ", "–", " _"]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .min_by_key(|(i, _)| *i)?;
    let lead = head[..dash_at].trim_end();
    // The place is upper case: at least one letter and no lower-case letter in its first word group.
    let place_end = lead.find(',').unwrap_or(lead.len());
    let place = lead[..place_end].trim();
    let place_core = place.split('(').next().unwrap_or(place).trim();
    if place_core.is_empty()
        || place_core.len() < 2
        || !place_core.chars().any(|c| c.is_alphabetic())
        || place_core.chars().any(|c| c.is_lowercase())
    {
        return None;
    }
    let month_day = dateline_month_day(lead);
    let end = block.span.start + dash_at + dash_len;
    Some(Dateline {
        span: Span::new(block.span.start, end),
        place: place_core.to_string(),
        month_day,
    })
}

fn dateline_month_day(lead: &str) -> Option<(u32, u32)> {
    let months = [
        ("Jan", 1),
        ("Feb", 2),
        ("March", 3),
        ("Mar", 3),
        ("April", 4),
        ("Apr", 4),
        ("May", 5),
        ("June", 6),
        ("July", 7),
        ("Aug", 8),
        ("Sept", 9),
        ("Sep", 9),
        ("Oct", 10),
        ("Nov", 11),
        ("Dec", 12),
    ];
    for part in lead.split(',') {
        let part = part.trim();
        for (name, m) in months {
            if let Some(rest) = part.strip_prefix(name) {
                let rest = rest.trim_start_matches(|c: char| c.is_alphabetic() || c == '.');
                let digits: String = rest
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                if let Ok(d) = digits.parse::<u32>() {
                    if (1..=31).contains(&d) {
                        return Some((m, d));
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_comment_ending_in_a_wide_character() {
        // Found by the `analyze` fuzz target: the body's end was taken 3 bytes
        // before the span's end, inside the emoji.
        for text in [
            "<!-- ab😀\n",
            "Para.\n\n<!-- copydesk-disable é😀",
            "x <!-- 😀",
        ] {
            let doc = Document::parse(text, Format::Markdown);
            assert_eq!(doc.prose.len(), text.len());
        }
    }

    fn kinds(doc: &Document) -> Vec<(BlockKind, String)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind, b.span.slice(&doc.text).to_string()))
            .collect()
    }

    #[test]
    fn prose_keeps_length_and_blanks_markup() {
        let text =
            "---\ndate: 2026-03-12\n---\n\n# Head\n\nSome **bold** [link](http://x.y) text.\n";
        let doc = Document::parse(text, Format::Markdown);
        assert_eq!(doc.prose.len(), text.len());
        assert_eq!(
            doc.front_matter.as_ref().unwrap().date,
            NaiveDate::from_ymd_opt(2026, 3, 12)
        );
        let body = &doc.prose[doc.blocks[1].span.start..doc.blocks[1].span.end];
        assert!(body.starts_with("Some   bold   "), "{body:?}");
        assert!(body.contains("link") && body.ends_with("text."), "{body:?}");
        assert!(!body.contains("http") && !body.contains('*'), "{body:?}");
        assert!(!doc.prose.contains("date:"));
    }

    #[test]
    fn block_kinds_table() {
        let cases: &[(&str, &[BlockKind])] = &[
            (
                "Plain para.\n\nAnother.\n",
                &[BlockKind::Paragraph, BlockKind::Paragraph],
            ),
            (
                "- one\n- two\n",
                &[BlockKind::ListItem, BlockKind::ListItem],
            ),
            (
                "## Heading\n\nBody.\n",
                &[BlockKind::Heading, BlockKind::Paragraph],
            ),
            (
                "![alt](x.jpg)\n\n*A caption here.*\n",
                &[BlockKind::Image, BlockKind::Caption],
            ),
            ("Source: city budget\n", &[BlockKind::Credit]),
            (
                "By Dana Reyes\n\nText.\n",
                &[BlockKind::Byline, BlockKind::Paragraph],
            ),
            ("| a | b |\n|---|---|\n| 1 | 2 |\n", &[BlockKind::Table]),
            ("> Quoted para.\n", &[BlockKind::Paragraph]),
        ];
        for (text, want) in cases {
            let doc = Document::parse(text, Format::Markdown);
            let got: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
            assert_eq!(&got, want, "{text:?} -> {:?}", kinds(&doc));
        }
    }

    #[test]
    fn dateline_is_blanked_and_dated() {
        let text = "KESTREL BAY, Maine, Feb. 9 (Ledger) — The mill closed.\n";
        let doc = Document::parse(text, Format::Markdown);
        let d = doc.dateline.as_ref().unwrap();
        assert_eq!(d.place, "KESTREL BAY");
        assert_eq!(d.month_day, Some((2, 9)));
        assert_eq!(doc.blocks[0].span.slice(text), "The mill closed.");
    }

    #[test]
    fn plain_text_lines_are_paragraphs() {
        let text = "HEADLINE: Something Happened\n\nFirst para.\nSecond para.\nThe Post notes:\n";
        let doc = Document::parse(text, Format::PlainText);
        let k = kinds(&doc);
        assert_eq!(k[0].0, BlockKind::Heading);
        assert_eq!(k.len(), 4, "{k:?}");
    }

    #[test]
    fn crlf_and_bom() {
        let text = "\u{feff}Para one.\r\n\r\nPara two.\r\n";
        let doc = Document::parse(text, Format::Markdown);
        assert_eq!(doc.blocks.len(), 2);
        assert!(!doc.prose.contains('\r'));
    }
}

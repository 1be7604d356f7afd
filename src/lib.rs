//! copydesk's analysis engine: text in, document model and findings out.
//!
//! Pure and synchronous; no editor or protocol types. The pipeline (see
//! ARCHITECTURE.md): [`document`] → [`sentences`] → [`time`] and
//! [`attribution`] → [`actors`] → [`rules`].

pub mod actors;
pub mod attribution;
pub mod claims;
pub mod document;
pub mod finding;
pub mod house;
pub mod inspect;
pub mod lexicon;
pub mod position;
pub mod prebuilt;
pub mod rules;
pub mod sentences;
pub mod span;
pub mod suppress;
#[cfg(test)]
mod testgen;
pub mod time;
pub mod voice;

pub use document::{Document, Format};
pub use finding::{Code, Edit, Finding, Fix, Related, Severity};
pub use span::Span;

use chrono::NaiveDate;

/// Per-check settings: on/off and an optional severity override.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct CheckSettings {
    pub disabled: Vec<Code>,
    pub severity: Vec<(Code, Severity)>,
}

impl CheckSettings {
    pub fn enabled(&self, code: Code) -> bool {
        !self.disabled.contains(&code)
    }

    pub fn severity_for(&self, code: Code) -> Option<Severity> {
        self.severity
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, s)| *s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Options {
    pub format: Format,
    /// Overrides the draft's own publication anchor.
    pub reference_date: Option<NaiveDate>,
    /// Today's date where the reporter is: used for datelines without a year
    /// and for the "add publication date" fix.
    pub today: NaiveDate,
    pub checks: CheckSettings,
    /// House rules from `copydesk.toml` and the actors file.
    pub house: std::sync::Arc<house::HouseRules>,
}

impl Options {
    pub fn new(format: Format) -> Options {
        Options {
            format,
            reference_date: None,
            today: chrono::Local::now().date_naive(),
            checks: CheckSettings::default(),
            house: Default::default(),
        }
    }
}

/// Where the publication anchor came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorSource {
    Option,
    FrontMatter,
    Dateline,
    /// A dateline with month and day but no year: the current year was assumed.
    DatelineYearAssumed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Anchor {
    pub date: NaiveDate,
    pub source: AnchorSource,
}

/// Everything the engine understood about one draft.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub document: Document,
    pub anchor: Option<Anchor>,
    pub sentences: Vec<sentences::Sentence>,
    pub quotes: Vec<sentences::Quote>,
    pub temporals: Vec<time::Temporal>,
    pub attributions: Vec<attribution::Attribution>,
    pub actors: Vec<actors::Actor>,
    pub responses: Vec<actors::Response>,
    pub accusations: Vec<actors::Accusation>,
    /// Right-of-reply status per actor, indexed like `actors`.
    pub reply: Vec<actors::ReplyStatus>,
    pub claims: Vec<Span>,
    pub findings: Vec<Finding>,
}

/// Resolves the publication anchor (SPEC §4.1).
pub fn anchor_for(doc: &Document, opts: &Options) -> Option<Anchor> {
    use chrono::Datelike;
    if let Some(date) = opts.reference_date {
        return Some(Anchor {
            date,
            source: AnchorSource::Option,
        });
    }
    if let Some(date) = doc.front_matter.as_ref().and_then(|f| f.date) {
        return Some(Anchor {
            date,
            source: AnchorSource::FrontMatter,
        });
    }
    let (m, d) = doc.dateline.as_ref()?.month_day?;
    let date = NaiveDate::from_ymd_opt(opts.today.year(), m, d)?;
    Some(Anchor {
        date,
        source: AnchorSource::DatelineYearAssumed,
    })
}

/// Sentences (in checked and exempt prose alike) that carry a claim signal.
fn claim_spans(
    doc: &Document,
    sentences: &[sentences::Sentence],
    signals: &rules::PerSentence<claims::ClaimSignal>,
) -> Vec<Span> {
    sentences
        .iter()
        .zip(signals.iter())
        .filter(|(s, sig)| !sig.is_empty() && !claims::asserts_nothing(s.span.slice(&doc.prose)))
        .map(|(s, _)| s.span)
        .collect()
}

/// Analyses one draft.
pub fn analyze(text: &str, opts: &Options) -> Analysis {
    analyze_with(text, opts, None)
}

/// The work on one block that depends on nothing but the block's text and
/// the anchor date: its sentences, and their temporal expressions and claim
/// signals. Spans are relative to the block's start so the work can be
/// reused wherever the block moves.
#[derive(Debug)]
struct BlockWork {
    sentences: Vec<Span>,
    /// The temporal expressions of all the sentences, in order.
    temporals: Vec<time::Temporal>,
    /// Claim signals per sentence.
    signals: rules::PerSentence<claims::ClaimSignal>,
    /// Event-verb hits per sentence, for the undated-event rule.
    events: rules::PerSentence<lexicon::Hit>,
}

/// Working space for [`BlockWork::compute_into`], kept from block to block.
#[derive(Default)]
struct WordScratch {
    hits: Vec<lexicon::Hit>,
    signals: Vec<claims::ClaimSignal>,
    events: Vec<lexicon::Hit>,
    time_cores: Vec<Span>,
}

impl BlockWork {
    /// Sized for `sentences` sentences, about one item in two of each kind.
    fn new(sentences: usize) -> BlockWork {
        BlockWork {
            sentences: Vec::with_capacity(sentences),
            temporals: Vec::with_capacity(sentences / 2),
            signals: rules::PerSentence::with_capacity(sentences, sentences / 2),
            events: rules::PerSentence::with_capacity(sentences, sentences / 2),
        }
    }

    fn compute(
        prose: &str,
        block: Span,
        anchor: Option<NaiveDate>,
        scratch: &mut WordScratch,
    ) -> BlockWork {
        let mut work = BlockWork::new(0);
        work.compute_into(prose, block, anchor, -(block.start as isize), scratch);
        work
    }

    /// Appends the work on `block` to `self`, with spans shifted by `by`.
    fn compute_into(
        &mut self,
        prose: &str,
        block: Span,
        anchor: Option<NaiveDate>,
        by: isize,
        scratch: &mut WordScratch,
    ) {
        let first = self.sentences.len();
        sentences::split_span(prose, block, &mut |s| self.sentences.push(s));
        for s in &mut self.sentences[first..] {
            let (sig, hits) = (&mut scratch.signals, &mut scratch.events);
            sig.clear();
            hits.clear();
            let cores = &mut scratch.time_cores;
            cores.clear();
            let time_words = rules::sentence_words(prose, *s, &mut scratch.hits, sig, hits, cores);
            self.signals
                .push_sentence(sig.iter().map(|x| claims::ClaimSignal {
                    span: x.span.shifted(by),
                    ..*x
                }));
            self.events.push_sentence(hits.iter().map(|h| lexicon::Hit {
                span: h.span.shifted(by),
                ..*h
            }));
            let first_tag = self.temporals.len();
            time::tag_sentence_scanned_into(
                prose,
                *s,
                anchor,
                time_words,
                cores,
                &mut self.temporals,
            );
            for t in &mut self.temporals[first_tag..] {
                t.span = t.span.shifted(by);
            }
            *s = s.shifted(by);
        }
    }

    /// Appends `work` (another block's) to `self`, with spans shifted by `by`.
    fn append(&mut self, work: &BlockWork, by: isize) {
        self.sentences
            .extend(work.sentences.iter().map(|s| s.shifted(by)));
        for i in 0..work.sentences.len() {
            self.signals
                .push_sentence(work.signals[i].iter().map(|x| claims::ClaimSignal {
                    span: x.span.shifted(by),
                    ..*x
                }));
            self.events
                .push_sentence(work.events[i].iter().map(|h| lexicon::Hit {
                    span: h.span.shifted(by),
                    ..*h
                }));
        }
        self.temporals
            .extend(work.temporals.iter().map(|t| time::Temporal {
                span: t.span.shifted(by),
                ..t.clone()
            }));
    }
}

/// Block work from earlier analyses, keyed by the block's text with one
/// character of context on each side (word boundaries look that far).
#[derive(Default)]
struct BlockMemo {
    anchor: Option<NaiveDate>,
    entries: BlockMap,
    reused: usize,
    /// The house lists the cached attributions were found with.
    house_lists: [Vec<String>; 3],
    attributions_reused: usize,
}

/// Block texts are hashed on every keystroke (SipHash showed in profiles).
type BlockMap = rustc_hash::FxHashMap<Box<str>, BlockEntry>;

/// One block's cached work.
struct BlockEntry {
    work: std::sync::Arc<BlockWork>,
    /// Its sentence-level attributions, once found.
    attributions: Option<std::sync::Arc<AttributionWork>>,
    /// Its quotations, once found.
    quotes: Option<QuoteWork>,
    /// Its sentences' tokens and what the actor pass reads off them alone.
    actor_toks: Option<std::sync::Arc<actors::index::BlockToks>>,
}

/// Each block's [`actors::index::BlockToks`] from its memo entry (in
/// `toks`, indexed like the blocks), worked out for the blocks that have
/// none yet. Called just before the actor pass, not when the entry is first
/// met: the first analysis in the server then builds the actor patterns
/// last, while the start-up warm-up builds them meanwhile.
fn fill_actor_toks(
    memo: &mut BlockMemo,
    document: &Document,
    sentences: &[sentences::Sentence],
    toks: &mut [Option<std::sync::Arc<actors::index::BlockToks>>],
) {
    let prose = document.prose.as_str();
    for group in sentences.chunk_by(|a, b| a.block == b.block) {
        let bi = group[0].block;
        let (Some(slot), Some(block)) = (toks.get_mut(bi), document.blocks.get(bi)) else {
            continue;
        };
        if slot.is_some() {
            continue;
        }
        let Some(entry) = memo.entries.get_mut(with_context(prose, block.span)) else {
            continue;
        };
        let work = entry.actor_toks.get_or_insert_with(|| {
            let spans: Vec<Span> = group.iter().map(|s| s.span).collect();
            std::sync::Arc::new(actors::index::BlockToks::compute(
                prose,
                block.span.start,
                &spans,
            ))
        });
        *slot = Some(std::sync::Arc::clone(work));
    }
}

/// A block's quotations (spans relative to the block's start, `block` 0)
/// for one state of the quotation carried from the previous block.
struct QuoteWork {
    carried_in: bool,
    quotes: Vec<sentences::Quote>,
    carried_out: bool,
}

/// [`sentences::block_quotes`] through the block's cache entry.
fn block_quotes_memo(
    prose: &str,
    block: &document::Block,
    bi: usize,
    carried_in: bool,
    entry: Option<&mut BlockEntry>,
    out: &mut Vec<sentences::Quote>,
) -> bool {
    let Some(entry) = entry else {
        return sentences::block_quotes(prose, block, bi, carried_in, out);
    };
    let at = block.span.start as isize;
    if entry
        .quotes
        .as_ref()
        .is_none_or(|w| w.carried_in != carried_in)
    {
        let mut quotes = Vec::new();
        let carried_out = sentences::block_quotes(prose, block, bi, carried_in, &mut quotes);
        for q in &mut quotes {
            q.span = q.span.shifted(-at);
            q.inner = q.inner.shifted(-at);
            q.block = 0;
        }
        entry.quotes = Some(QuoteWork {
            carried_in,
            quotes,
            carried_out,
        });
    }
    let Some(w) = &entry.quotes else {
        return false;
    };
    out.extend(w.quotes.iter().map(|q| sentences::Quote {
        span: q.span.shifted(at),
        inner: q.inner.shifted(at),
        block: bi,
        ..*q
    }));
    w.carried_out
}

/// What [`attribution::extract_block`] reads besides the block's text (see
/// there), relative to the block's start.
#[derive(Debug)]
struct AttributionContext {
    /// The last non-blank character before the block.
    before: Option<char>,
    /// The first two non-blank characters after it.
    after: [Option<char>; 2],
    /// The next block's span, when it matters: for a lead-in ending with a
    /// colon, whose content it is (`None` in a cached entry: it did not).
    next_block: Option<Option<Span>>,
    /// The quotations handed to the extractor: (span, inner, direct). The
    /// one before the block, when there is one, comes first; it matters
    /// only when nothing but blank space separates it from the block.
    quotes: Vec<(Span, Span, bool)>,
    has_prev: bool,
}

impl AttributionContext {
    fn of(
        doc: &Document,
        block: usize,
        quotes: &[sentences::Quote],
        has_prev: bool,
    ) -> AttributionContext {
        let prose = doc.prose.as_str();
        let span = doc.blocks[block].span;
        let back = -(span.start as isize);
        let rel = |s: Span| s.shifted(back);
        let mut after = prose[span.end..].trim_start().chars();
        AttributionContext {
            before: prose[..span.start].trim_end().chars().next_back(),
            after: [after.next(), after.next()],
            next_block: Some(doc.blocks.get(block + 1).map(|b| rel(b.span))),
            quotes: quotes
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    let adjacent = i > 0
                        || !has_prev
                        || prose
                            .get(q.span.end..span.start)
                            .is_some_and(|g| g.trim().is_empty());
                    if adjacent {
                        (rel(q.span), rel(q.inner), q.direct)
                    } else {
                        Default::default()
                    }
                })
                .collect(),
            has_prev,
        }
    }
}

impl AttributionContext {
    /// Does a cached entry's context (`self`) fit the current one?
    fn fits(&self, now: &AttributionContext) -> bool {
        self.before == now.before
            && self.after == now.after
            && self.quotes == now.quotes
            && self.has_prev == now.has_prev
            && self.next_block.is_none_or(|b| Some(b) == now.next_block)
    }
}

/// One block's sentence-level attributions, with spans relative to the
/// block's start and sentence and quotation indices relative to the first
/// of the block's ranges (see [`attribution::block_ranges`]).
#[derive(Debug)]
struct AttributionWork {
    context: AttributionContext,
    found: Vec<attribution::Attribution>,
}

fn shift_attribution(a: &mut attribution::Attribution, by: isize, sentence: isize, quote: isize) {
    for s in a.source.iter_mut().chain(&mut a.cue).chain(&mut a.content) {
        *s = s.shifted(by);
    }
    if let Some(s) = &mut a.antecedent {
        *s = s.shifted(by);
    }
    a.sentence = a.sentence.wrapping_add_signed(sentence);
    for q in &mut a.quotes {
        *q = q.wrapping_add_signed(quote);
    }
}

/// The sentence-level attributions of every block, reusing `memo`'s for
/// blocks whose text and context did not change.
fn block_attributions(
    document: &Document,
    lower: &str,
    sentences: &[sentences::Sentence],
    quotes: &[sentences::Quote],
    opts: &Options,
    mut memo: Option<&mut BlockMemo>,
) -> Vec<attribution::Attribution> {
    let lexicon = opts.house.lexicon();
    let prose = document.prose.as_str();
    // Attributions found with other house lists are not reused.
    let mut same_house = true;
    if let Some(m) = memo.as_deref_mut() {
        let h = &*opts.house;
        if m.house_lists[0] != h.trusted
            || m.house_lists[1] != h.vague
            || m.house_lists[2] != h.attribution_verbs
        {
            same_house = false;
            m.house_lists = [
                h.trusted.clone(),
                h.vague.clone(),
                h.attribution_verbs.clone(),
            ];
        }
        m.attributions_reused = 0;
    }
    let mut out = Vec::new();
    for (block, s, q) in attribution::block_ranges(sentences, quotes) {
        let extract = || {
            attribution::extract_block(
                document,
                lower,
                &sentences[s.clone()],
                &quotes[q.clone()],
                lexicon,
                s.start,
                q.start,
            )
        };
        let Some(m) = memo.as_deref_mut() else {
            out.extend(extract());
            continue;
        };
        let span = document.blocks[block].span;
        let has_prev = quotes
            .get(q.start)
            .is_some_and(|x| x.span.end <= span.start);
        let context = AttributionContext::of(document, block, &quotes[q.clone()], has_prev);
        // Every block with sentences has its entry (made by `analyze_with`).
        let Some(entry) = m.entries.get_mut(with_context(prose, span)) else {
            out.extend(extract());
            continue;
        };
        let cached = entry
            .attributions
            .as_ref()
            .filter(|w| same_house && w.context.fits(&context))
            .cloned();
        let (at, si, qi) = (span.start as isize, s.start as isize, q.start as isize);
        let work = match cached {
            Some(w) => {
                m.attributions_reused += 1;
                w
            }
            None => {
                let mut found = extract();
                for a in &mut found {
                    shift_attribution(a, -at, -si, -qi);
                }
                let mut context = context;
                // Only a colon lead-in without content in its block reads the next block.
                let len = span.len();
                let reads_next = found.iter().any(|a| {
                    a.kind == attribution::AttributionKind::ColonLeadIn
                        && a.content.last().is_none_or(|c| c.end > len)
                });
                if !reads_next {
                    context.next_block = None;
                }
                std::sync::Arc::new(AttributionWork { context, found })
            }
        };
        out.extend(work.found.iter().map(|a| {
            let mut a = a.clone();
            shift_attribution(&mut a, at, si, qi);
            a
        }));
        entry.attributions = Some(work);
    }
    out
}

/// `span` widened by one character each way, within `text`.
fn with_context(text: &str, span: Span) -> &str {
    let start = text[..span.start]
        .char_indices()
        .next_back()
        .map_or(span.start, |(i, _)| i);
    let end = text[span.end..]
        .chars()
        .next()
        .map_or(span.end, |c| span.end + c.len_utf8());
    &text[start..end]
}

/// Analyses one draft, reusing per-block work from `memo` when given.
fn analyze_with(text: &str, opts: &Options, mut memo: Option<&mut BlockMemo>) -> Analysis {
    let document = Document::parse(text, opts.format);
    let anchor = anchor_for(&document, opts);
    let anchor_date = anchor.map(|a| a.date);
    let prose = document.prose.as_str();
    // This version's entries: moved from the last version's (what this one
    // does not use is dropped, so the memo never outgrows the draft) or new.
    let mut old = BlockMap::default();
    if let Some(m) = memo.as_deref_mut() {
        old = std::mem::take(&mut m.entries);
        if m.anchor != anchor_date {
            old.clear();
            m.anchor = anchor_date;
        }
        m.reused = 0;
    }
    // Sized for a sentence per 100 bytes or so, a quotation per 250.
    let mut sentences: Vec<sentences::Sentence> = Vec::with_capacity(prose.len() / 100 + 4);
    // The blocks' work, in document order with the draft's offsets.
    let mut whole = BlockWork::new(sentences.capacity());
    let mut scratch = WordScratch::default();
    let mut quotes: Vec<sentences::Quote> = Vec::with_capacity(prose.len() / 250 + 8);
    // The previous block left a quotation open.
    let mut carried_open = false;
    // Per block (when reusing), its tokens for the actor pass.
    let mut actor_toks = Vec::new();
    if memo.is_some() {
        actor_toks.resize(document.blocks.len(), None);
    }
    for (bi, block) in document.blocks.iter().enumerate() {
        if !sentences::has_sentences(block.kind) {
            carried_open = sentences::block_quotes(prose, block, bi, carried_open, &mut quotes);
            continue;
        }
        let first = whole.sentences.len();
        match memo.as_deref_mut() {
            Some(m) => {
                let key = with_context(prose, block.span);
                if let Some(e) = m.entries.get(key) {
                    // The same text again in this version.
                    m.reused += 1;
                    whole.append(&e.work, block.span.start as isize);
                } else if let Some((key, e)) = old.remove_entry(key) {
                    m.reused += 1;
                    whole.append(&e.work, block.span.start as isize);
                    m.entries.insert(key, e);
                } else {
                    let work = std::sync::Arc::new(BlockWork::compute(
                        prose,
                        block.span,
                        anchor_date,
                        &mut scratch,
                    ));
                    whole.append(&work, block.span.start as isize);
                    let e = BlockEntry {
                        work: std::sync::Arc::clone(&work),
                        attributions: None,
                        quotes: None,
                        actor_toks: None,
                    };
                    m.entries.insert(Box::from(key), e);
                }
            }
            None => whole.compute_into(prose, block.span, anchor_date, 0, &mut scratch),
        }
        carried_open = match memo.as_deref_mut() {
            None => sentences::block_quotes(prose, block, bi, carried_open, &mut quotes),
            Some(m) => {
                let mut entry = m.entries.get_mut(with_context(prose, block.span));
                if let Some(e) = entry.as_deref_mut() {
                    actor_toks[bi] = e.actor_toks.clone();
                }
                block_quotes_memo(prose, block, bi, carried_open, entry, &mut quotes)
            }
        };
        sentences.extend(
            whole.sentences[first..]
                .iter()
                .map(|s| sentences::Sentence {
                    span: *s,
                    block: bi,
                    index_in_block: 0,
                }),
        );
        sentences::number_in_block(&mut sentences);
    }
    drop(old);
    let BlockWork {
        temporals: tags,
        signals,
        events,
        ..
    } = whole;
    // The dateline's own date (blanked in `prose`) comes first.
    let temporals: Vec<time::Temporal> = document
        .dateline
        .iter()
        .flat_map(|d| time::tag_dateline(text, d.span, anchor_date))
        .chain(time::in_context(prose, [tags], anchor_date))
        .collect();
    let lower = document.prose.to_ascii_lowercase();
    let attributions = {
        let found = block_attributions(
            &document,
            &lower,
            &sentences,
            &quotes,
            opts,
            memo.as_deref_mut(),
        );
        attribution::link(
            &document,
            &lower,
            &sentences,
            &quotes,
            opts.house.lexicon(),
            found,
        )
    };
    drop(lower);
    let voices = voice::voices(&document, &sentences, &quotes, &attributions);
    if let Some(m) = memo {
        fill_actor_toks(m, &document, &sentences, &mut actor_toks);
    }
    let mut reply = actors::reply::analyze_with(&document, &sentences, &quotes, &actor_toks);
    let actors = reply.actors;
    answer_for_each_other(&actors, &reply.responses, &mut reply.status, &opts.house);
    let claims = claim_spans(&document, &sentences, &signals);
    let findings = {
        let cx = rules::Context {
            doc: &document,
            sentences: &sentences,
            quotes: &quotes,
            temporals: &temporals,
            attributions: &attributions,
            actors: &actors,
            voices: &voices,
            signals: &signals,
            events: &events,
            anchor,
            opts,
            source_names: Default::default(),
            mention_spans: Default::default(),
        };
        let mut findings = rules::run(&cx);
        findings.extend(actors::missing_response_findings(
            &document,
            &actors,
            &reply.accusations,
            &reply.status,
        ));
        findings
    };
    let (suppressions, directive_problems) = suppress::collect(&document);
    let mut findings = findings;
    findings.retain(|f| !suppressions.silences(f));
    findings.extend(directive_problems);
    for f in &mut findings {
        if let Some(fix) = suppress::ignore_fix(&document, f) {
            f.fixes.push(fix);
        }
    }
    let findings = apply_house_actors(findings, &actors, anchor_date, opts);
    let findings = rules::finish(findings, opts);
    Analysis {
        document,
        anchor,
        sentences,
        quotes,
        temporals,
        attributions,
        actors,
        responses: reply.responses,
        accusations: reply.accusations,
        reply: reply.status,
        claims,
        findings,
    }
}

/// The actors file decides who can answer for whom: an actor accused in the
/// draft counts as covered when the draft has a response line from another
/// draft actor that the file makes the same person (an alias), their
/// organisation (its `affiliation`) or their `spokesperson`.
fn answer_for_each_other(
    actors: &[actors::Actor],
    responses: &[actors::Response],
    status: &mut [actors::ReplyStatus],
    house: &house::HouseRules,
) {
    if house.actors.actors.is_empty() {
        return;
    }
    let recorded = |a: &actors::Actor| {
        house
            .actors
            .find(&a.name)
            .or_else(|| house.actors.find(a.short_name()))
    };
    let entries: Vec<Option<&house::Actor>> = actors.iter().map(recorded).collect();
    for (i, st) in status.iter_mut().enumerate() {
        if *st != actors::ReplyStatus::Missing {
            continue;
        }
        let Some(me) = entries.get(i).copied().flatten() else {
            continue;
        };
        let answers_for_me = |j: usize| {
            let Some(other) = entries.get(j).copied().flatten() else {
                return false;
            };
            std::ptr::eq(other, me)
                || me.affiliation.as_deref().is_some_and(|n| other.is_named(n))
                || me
                    .spokesperson
                    .as_deref()
                    .is_some_and(|n| other.is_named(n))
        };
        let cover = responses.iter().position(|r| {
            r.actor != i && (answers_for_me(r.actor) || r.via.is_some_and(answers_for_me))
        });
        if let Some(r) = cover {
            *st = actors::ReplyStatus::Covered(r);
        }
    }
}

/// Post-pass for the actors file and the house wording of the comment line:
/// an actor whose reply is recorded loses its missing-response finding; the
/// "did not respond" fixes use the house wording (dated when the outreach log
/// says when the request went out).
fn apply_house_actors(
    findings: Vec<Finding>,
    actors: &[actors::Actor],
    anchor: Option<NaiveDate>,
    opts: &Options,
) -> Vec<Finding> {
    // Compared with a default kept for the purpose (building one allocates).
    static DEFAULT: std::sync::LazyLock<house::HouseRules> =
        std::sync::LazyLock::new(house::HouseRules::default);
    let house = &*opts.house;
    if *house == *DEFAULT {
        return findings;
    }
    let default_wording = house::CommentWording::default();
    findings
        .into_iter()
        .filter_map(|mut f| {
            if f.code != Code::MissingCommentResponse {
                return Some(f);
            }
            let actor = actors
                .iter()
                .find(|a| a.mentions.iter().any(|m| m.start == f.span.start));
            let recorded = actor.and_then(|a| {
                house
                    .actors
                    .find(&a.name)
                    .or_else(|| house.actors.find(a.short_name()))
            });
            if recorded.is_some_and(|r| r.replied()) {
                return None;
            }
            let Some(a) = actor else { return Some(f) };
            let short = a.short_name();
            let dated = recorded
                .and_then(|r| r.unanswered_since())
                .flatten()
                .map(|d| time::ap_date(d, anchor.unwrap_or(opts.today)));
            let plain = house::HouseRules::fill(&default_wording.no_response, short, None);
            let spokes =
                house::HouseRules::fill(&default_wording.spokesperson_no_response, &a.name, None);
            for fix in &mut f.fixes {
                for e in &mut fix.edits {
                    let line = e.text.trim_start_matches('\n');
                    if line == plain {
                        let text = match &dated {
                            Some(d) => house::HouseRules::fill(
                                &house.comment.no_response_dated,
                                short,
                                Some(d),
                            ),
                            None => {
                                house::HouseRules::fill(&house.comment.no_response, short, None)
                            }
                        };
                        e.text = format!("\n\n{text}").into();
                    } else if line == spokes {
                        let text = house::HouseRules::fill(
                            &house.comment.spokesperson_no_response,
                            &a.name,
                            None,
                        );
                        e.text = format!("\n\n{text}").into();
                    }
                }
            }
            Some(f)
        })
        .collect()
}

/// Analyses drafts repeatedly (one per open document in the server), reusing
/// work on the parts of the text that did not change since the last call:
/// each block's sentences, temporal expressions, claim signals, quotations
/// and sentence-level attributions are kept, keyed by the block's text (and,
/// for quotations and attributions, the little they read outside the block),
/// and reused wherever the block now stands. The passes that read across
/// blocks (quotation speakers and pronouns, actors, the rules) run on every
/// call; they are linear in the draft.
#[derive(Default)]
pub struct Analyzer {
    memo: BlockMemo,
}

impl Analyzer {
    pub fn new() -> Analyzer {
        Analyzer::default()
    }

    /// Same result as [`analyze`], with the unchanged blocks' work reused.
    pub fn analyze(&mut self, text: &str, opts: &Options) -> Analysis {
        analyze_with(text, opts, Some(&mut self.memo))
    }

    /// How many blocks the last call reused rather than read again.
    pub fn reused_blocks(&self) -> usize {
        self.memo.reused
    }

    /// How many blocks' work is kept for the next call.
    pub fn cached_blocks(&self) -> usize {
        self.memo.entries.len()
    }

    /// How many blocks' attributions the last call reused.
    pub fn reused_attributions(&self) -> usize {
        self.memo.attributions_reused
    }
}

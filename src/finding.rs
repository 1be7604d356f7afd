//! What the rules report: a finding with its code, span, reason and fixes.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// The stable rule codes. Each has a section in the README.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    UnattributedClaim,
    VagueAttribution,
    UnattributedQuote,
    UndatedEvent,
    RelativeDate,
    MissingCommentResponse,
    /// A copydesk directive in the draft that names an unknown check or verb.
    InvalidDirective,
    /// A `TK` ("to come") placeholder still in the text.
    LeftoverTk,
}

impl Code {
    pub const ALL: [Code; 8] = [
        Code::UnattributedClaim,
        Code::VagueAttribution,
        Code::UnattributedQuote,
        Code::UndatedEvent,
        Code::RelativeDate,
        Code::MissingCommentResponse,
        Code::InvalidDirective,
        Code::LeftoverTk,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnattributedClaim => "unattributed-claim",
            Code::VagueAttribution => "vague-attribution",
            Code::UnattributedQuote => "unattributed-quote",
            Code::UndatedEvent => "undated-event",
            Code::RelativeDate => "relative-date",
            Code::MissingCommentResponse => "missing-comment-response",
            Code::InvalidDirective => "invalid-directive",
            Code::LeftoverTk => "leftover-tk",
        }
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// One line on what the check is for (SARIF rule help, hover, docs).
    pub fn summary(self) -> &'static str {
        match self {
            Code::UnattributedClaim => "A disputable claim in the reporter's voice has no source.",
            Code::VagueAttribution => "A source is given but a reader cannot tell who it is.",
            Code::UnattributedQuote => "A direct quotation has no speaker.",
            Code::UndatedEvent => "A one-off event is told with no time anchor.",
            Code::RelativeDate => "A relative date depends on the day the story is read.",
            Code::MissingCommentResponse => {
                "Someone accused or criticised has no recorded response or attempt to reach them."
            }
            Code::InvalidDirective => "A copydesk directive names an unknown check or verb.",
            Code::LeftoverTk => "A TK placeholder marks material still to come.",
        }
    }

    /// Anchor of the check's section in the README.
    pub fn doc_anchor(self) -> &'static str {
        self.as_str()
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "information" => Some(Severity::Info),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }

    /// Lower is more severe.
    pub fn rank(self) -> u8 {
        self as u8
    }
}

/// Finding texts: most titles, edit texts and many messages are fixed
/// strings, so they are borrowed rather than allocated for every finding.
pub type Text = std::borrow::Cow<'static, str>;

/// A text replacement. `TK` in `text` marks where the reporter must fill in;
/// the server turns it into a snippet placeholder when the client supports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub text: Text,
}

/// A fix's edits: nearly every fix has one, held inline rather than in an
/// allocation of its own (a draft can have thousands of fixes).
pub type Edits = smallvec::SmallVec<[Edit; 1]>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub title: Text,
    pub edits: Edits,
    /// Safe to apply together with every other fix of the same code.
    #[serde(default)]
    pub bulk_safe: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub span: Span,
    pub message: Text,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub span: Span,
    /// One sentence an editor would accept.
    pub message: Text,
    #[serde(default)]
    pub related: Vec<Related>,
    #[serde(default)]
    pub fixes: Vec<Fix>,
}

//! Diagnostics: what is wrong, where, why, and how to fix it.
//!
//! A [`Diagnostic`] is built from a row of the rule catalogue ([`rules::RULES`]),
//! which gives its severity, its messages and the clause it enforces; the code that finds
//! the deviation adds the span, related spans, details and, where the fix is unambiguous, a
//! [`Fix`] like rustc's machine-applicable suggestions.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

mod render;
pub mod rules;

pub use rules::{DiagnosticCode, UnknownCode};

/// How serious a diagnostic is.
///
/// Ordered `Note < Warning < Error`.
///
/// ```
/// use vanban::Severity;
/// assert!(Severity::Note < Severity::Warning && Severity::Warning < Severity::Error);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "lowercase")
)]
#[non_exhaustive]
pub enum Severity {
    /// Informational, not a defect (a draft's blank number).
    Note,
    /// A likely defect: a deviation from the rules that may have a reason.
    Warning,
    /// Something the document really does wrong, or a required part that is missing.
    Error,
}

impl Severity {
    /// `note`, `warning` or `error`.
    ///
    /// ```
    /// assert_eq!(vanban::Severity::Note.as_str(), "note");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Written as [`Severity::as_str`] writes it.
///
/// ```
/// assert_eq!(vanban::Severity::Warning.to_string(), "warning");
/// ```
impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The severity named `note`, `warning` or `error` (as a rule selection or a minimum level
/// is written on a command line).
///
/// ```
/// use vanban::Severity;
/// assert_eq!("error".parse::<Severity>(), Ok(Severity::Error));
/// assert!("fatal".parse::<Severity>().is_err());
/// ```
impl FromStr for Severity {
    type Err = UnknownSeverity;

    fn from_str(s: &str) -> Result<Self, UnknownSeverity> {
        match s {
            "note" => Ok(Severity::Note),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(UnknownSeverity(s.to_string())),
        }
    }
}

/// A severity name that is not `note`, `warning` or `error`.
///
/// ```
/// let e = "fatal".parse::<vanban::Severity>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown severity `fatal` (expected note, warning or error)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown severity `{0}` (expected note, warning or error)")]
pub struct UnknownSeverity(pub String);

/// Another place that explains a diagnostic (the first, disagreeing mention).
///
/// ```
/// use vanban::{Diagnostic, DiagnosticCode};
/// let d = Diagnostic::new(DiagnosticCode::VB701, 40..50).related(10..20, "first given as 07/6/2023");
/// assert_eq!(d.related[0].label, "first given as 07/6/2023");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Related {
    /// Byte span in the checked text.
    pub span: Range<usize>,
    /// What is there (`first given as 07/6/2023`).
    pub label: String,
}

/// A machine-applicable fix: replace `span` of the checked text by `replacement`.
///
/// An empty span is an insertion. Apply fixes with [`crate::validate::apply_fixes`].
///
/// ```
/// use vanban::{Diagnostic, DiagnosticCode};
/// let text = "Số: 5/2000/TT-BXD";
/// let at = text.find('5').unwrap();
/// let d = Diagnostic::new(DiagnosticCode::VB101, at..at + 1).fix(at..at, "0");
/// assert_eq!(vanban::apply_fixes(text, &[d]), "Số: 05/2000/TT-BXD");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Fix {
    /// Byte span to replace.
    pub span: Range<usize>,
    /// The text to put there.
    pub replacement: String,
}

/// Something missing or irregular in a document, with a stable code.
///
/// The codes and what they check are listed in [`mod@crate::validate`]; codes are never
/// renumbered.
///
/// ```
/// use vanban::{Diagnostic, Severity};
/// let d = Diagnostic::new(vanban::DiagnosticCode::VB004, 5..17);
/// assert_eq!(d.severity, Severity::Note);
/// assert_eq!(d.rule, "NĐ 30/2020, Điều 15.2");
/// ```
///
/// With the `serde` feature it serializes with these field names (spans as `{start, end}`);
/// read back, `rule` is the catalogue's clause for the code, as [`Diagnostic::new`] sets it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Diagnostic {
    /// Stable code, `VB001` … (compares equal to its string: `d.code == "VB004"`).
    pub code: DiagnosticCode,
    /// How serious.
    pub severity: Severity,
    /// Where (an empty span at the place the part was expected).
    pub span: Range<usize>,
    /// Other places involved, each with a label.
    pub related: Vec<Related>,
    /// The message in Vietnamese.
    pub message_vi: String,
    /// The message in English: lower case, without trailing punctuation.
    pub message_en: String,
    /// The rule enforced (`NĐ 30/2020, Phụ lục I, II.3`).
    pub rule: &'static str,
    /// A machine-applicable fix, where it is unambiguous.
    pub fix: Option<Fix>,
}

/// One line, as rustc heads its messages: severity, code, English message and byte span.
///
/// ```
/// use vanban::{Diagnostic, DiagnosticCode};
/// let d = Diagnostic::new(DiagnosticCode::VB003, 0..0);
/// assert_eq!(d.to_string(), "error[VB003]: no số, ký hiệu found (bytes 0..0)");
/// ```
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: {} (bytes {}..{})",
            self.severity, self.code, self.message_en, self.span.start, self.span.end
        )
    }
}

/// What a serialized [`Diagnostic`] is read from: its fields, with the rule's clause as text
/// (taken from the catalogue, which holds it for good).
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct Record {
    code: DiagnosticCode,
    severity: Severity,
    span: Range<usize>,
    #[serde(default)]
    related: Vec<Related>,
    message_vi: String,
    message_en: String,
    #[serde(default, rename = "rule")]
    _rule: Option<String>,
    #[serde(default)]
    fix: Option<Fix>,
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Diagnostic {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Record::deserialize(d).map(Diagnostic::from)
    }
}

#[cfg(feature = "serde")]
impl From<Record> for Diagnostic {
    fn from(r: Record) -> Diagnostic {
        Diagnostic {
            code: r.code,
            severity: r.severity,
            span: r.span,
            related: r.related,
            message_vi: r.message_vi,
            message_en: r.message_en,
            rule: r.code.rule().source,
            fix: r.fix,
        }
    }
}

impl Diagnostic {
    /// A diagnostic for the rule `code` at `span`, with the rule's severity, messages and
    /// source from the catalogue.
    ///
    /// ```
    /// use vanban::{Diagnostic, DiagnosticCode, Severity};
    /// let d = Diagnostic::new(DiagnosticCode::VB003, 0..0);
    /// assert_eq!(d.severity, Severity::Error);
    /// assert_eq!(d.message_en, "no số, ký hiệu found");
    /// ```
    pub fn new(code: DiagnosticCode, span: Range<usize>) -> Diagnostic {
        let r = code.rule();
        Diagnostic {
            code,
            severity: r.severity,
            span,
            related: Vec::new(),
            message_vi: r.message_vi.to_string(),
            message_en: r.message_en.to_string(),
            rule: r.source,
            fix: None,
        }
    }

    /// The English message (the `message` of the JSON output).
    ///
    /// ```
    /// let d = vanban::Diagnostic::new(vanban::DiagnosticCode::VB003, 0..0);
    /// assert_eq!(d.message(), "no số, ký hiệu found");
    /// ```
    pub fn message(&self) -> &str {
        &self.message_en
    }

    /// Appends a detail to both messages (`: 1530 /KH-UBND`).
    ///
    /// ```
    /// let d = vanban::Diagnostic::new(vanban::DiagnosticCode::VB105, 4..20).detail("1530 /KH-UBND", "1530 /KH-UBND");
    /// assert!(d.message_en.ends_with(": 1530 /KH-UBND"));
    /// ```
    pub fn detail(mut self, vi: &str, en: &str) -> Diagnostic {
        if !vi.is_empty() {
            self.message_vi.push_str(": ");
            self.message_vi.push_str(vi);
        }
        if !en.is_empty() {
            self.message_en.push_str(": ");
            self.message_en.push_str(en);
        }
        self
    }

    /// Sets the severity (a rule may weigh less in context, e.g. a draft).
    ///
    /// ```
    /// use vanban::{Diagnostic, DiagnosticCode, Severity};
    /// let d = Diagnostic::new(DiagnosticCode::VB006, 0..0).severity(Severity::Note);
    /// assert_eq!(d.severity, Severity::Note);
    /// ```
    pub fn severity(mut self, severity: Severity) -> Diagnostic {
        self.severity = severity;
        self
    }

    /// Adds a related span with its label.
    ///
    /// ```
    /// let d = vanban::Diagnostic::new(vanban::DiagnosticCode::VB702, 30..40).related(0..10, "first cited as a Quyết định");
    /// assert_eq!(d.related[0].span, 0..10);
    /// ```
    pub fn related(mut self, span: Range<usize>, label: impl Into<String>) -> Diagnostic {
        self.related.push(Related {
            span,
            label: label.into(),
        });
        self
    }

    /// Sets the fix: replace `span` by `replacement`.
    ///
    /// ```
    /// let d = vanban::Diagnostic::new(vanban::DiagnosticCode::VB107, 7..9).fix(7..9, "Đ");
    /// assert_eq!(d.fix.unwrap().replacement, "Đ");
    /// ```
    pub fn fix(mut self, span: Range<usize>, replacement: impl Into<String>) -> Diagnostic {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }
}

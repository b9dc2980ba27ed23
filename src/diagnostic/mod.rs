//! Diagnostics: what is wrong, where, why, and how to fix it.
//!
//! A [`Diagnostic`] is built from a row of the rule catalogue ([`rules::RULES`]),
//! which gives its severity, its messages and the clause it enforces; the code that finds
//! the deviation adds the span, related spans, details and, where the fix is unambiguous, a
//! [`Fix`] like rustc's machine-applicable suggestions.

use std::ops::Range;

pub mod rules;

pub use rules::{DiagnosticCode, UnknownCode};

/// How serious a diagnostic is.
///
/// Ordered `Note < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

/// Another place that explains a diagnostic (the first, disagreeing mention).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Related {
    /// Byte span in the checked text.
    pub span: Range<usize>,
    /// What is there (`first given as 07/6/2023`).
    pub label: String,
}

/// A machine-applicable fix: replace `span` of the checked text by `replacement`.
///
/// An empty span is an insertion. Apply fixes with [`crate::validate::apply_fixes`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
    pub fn message(&self) -> &str {
        &self.message_en
    }

    /// Appends a detail to both messages (`: 1530 /KH-UBND`).
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
    pub fn severity(mut self, severity: Severity) -> Diagnostic {
        self.severity = severity;
        self
    }

    /// Adds a related span with its label.
    pub fn related(mut self, span: Range<usize>, label: impl Into<String>) -> Diagnostic {
        self.related.push(Related {
            span,
            label: label.into(),
        });
        self
    }

    /// Sets the fix: replace `span` by `replacement`.
    pub fn fix(mut self, span: Range<usize>, replacement: impl Into<String>) -> Diagnostic {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }
}

//! A document together with the text it was parsed from, so that what reads the text
//! again (citations, validation) cannot be handed another one.

use super::Document;
use crate::citation::Citation;
use crate::diagnostic::Diagnostic;

/// A [`Document`] and its text: what [`Document::read`] gives. Citations and diagnostics
/// come from the text the document was parsed from, and their spans slice it.
///
/// ```
/// use vanban::Document;
///
/// let text = "Số: 12/2012/QĐ-UBND\nHà Nội, ngày 05 tháng 3 năm 2012\nQUYẾT ĐỊNH\n\
///             Về việc ban hành quy định\nCăn cứ Nghị định số 69/2009/NĐ-CP;\n";
/// let reading = Document::read(text);
/// assert_eq!(reading.date.unwrap().iso(), "2012-03-05"); // the document's fields, by Deref
/// let cited: Vec<String> = reading.citations().map(|c| c.number.to_string()).collect();
/// assert_eq!(cited, ["69/2009/NĐ-CP"]);
/// assert!(reading.validate().iter().all(|d| reading.text().get(d.span.clone()).is_some()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading<'t> {
    text: &'t str,
    document: Document,
}

impl<'t> Reading<'t> {
    /// The text the document was parsed from.
    ///
    /// ```
    /// assert_eq!(vanban::Document::read("Số: 12/UBND-VX").text(), "Số: 12/UBND-VX");
    /// ```
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The parsed document.
    ///
    /// ```
    /// let r = vanban::Document::read("Số: 12/UBND-VX");
    /// assert_eq!(r.document().number.as_ref().unwrap().value.to_string(), "12/UBND-VX");
    /// ```
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The parsed document, the text let go.
    ///
    /// ```
    /// let doc = vanban::Document::read("Số: 12/UBND-VX").into_document();
    /// assert!(doc.number.is_some());
    /// ```
    pub fn into_document(self) -> Document {
        self.document
    }

    /// The citations of other documents in the text ([`Document::citations`]).
    ///
    /// ```
    /// let r = vanban::Document::read("Số: 12/UBND-VX\nThực hiện Công văn số 5/BNV-VP;");
    /// assert_eq!(r.citations().count(), 1);
    /// ```
    pub fn citations(&self) -> impl Iterator<Item = Citation<'t>> + use<'t> {
        self.document.citations(self.text)
    }

    /// The diagnostics of the document against the rules ([`validate`](fn@crate::validate)).
    ///
    /// ```
    /// let r = vanban::Document::read("Số: /SVHTTDL-VP");
    /// assert!(r.validate().iter().any(|d| d.code == "VB004"));
    /// ```
    pub fn validate(&self) -> Vec<Diagnostic> {
        crate::validate::validate(&self.document, self.text)
    }
}

impl std::ops::Deref for Reading<'_> {
    type Target = Document;

    fn deref(&self) -> &Document {
        &self.document
    }
}

impl Document {
    /// Parses `text` ([`Document::parse`]) and keeps it with the document, for the readings
    /// that need the text again.
    ///
    /// ```
    /// let r = vanban::Document::read("Số: 12/UBND-VX");
    /// assert_eq!(r.text(), "Số: 12/UBND-VX");
    /// ```
    pub fn read(text: &str) -> Reading<'_> {
        Reading {
            text,
            document: Document::parse(text),
        }
    }
}

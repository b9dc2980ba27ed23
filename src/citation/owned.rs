//! A citation that owns its text: to keep, send to another thread, serialize and read back
//! ([`Citation`] borrows the caller's text).

use std::ops::Range;

use super::{Citation, Relation};
use crate::catalog::DocKind;
use crate::date::VnDate;
use crate::number::DocNumber;

/// A [`Citation`] with the text it points at copied out: what `Citation::into_owned` gives,
/// and the shape both serialize to with the `serde` feature (spans as `{start, end}` byte
/// offsets into the text the citation was found in).
///
/// ```
/// use vanban::{OwnedCitation, citations};
///
/// let text = String::from("Thực hiện Kế hoạch số 1530/KH-UBND ngày 26/4/2023 của UBND tỉnh");
/// let kept: Vec<OwnedCitation> = citations(&text).map(|c| c.into_owned()).collect();
/// drop(text);
/// assert_eq!(kept[0].text, "Kế hoạch số 1530/KH-UBND");
/// assert_eq!(kept[0].issuer.as_deref(), Some("UBND tỉnh"));
/// assert_eq!(kept[0].date.unwrap().iso(), "2023-04-26");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct OwnedCitation {
    /// The cited number.
    pub number: DocNumber,
    /// The kind, named in the text or given by the number.
    pub kind: Option<DocKind>,
    /// The date given with the mention, possibly partial.
    pub date: Option<VnDate>,
    /// The whole mention: kind name, `số` and number.
    pub span: Range<usize>,
    /// Where the number is.
    pub number_span: Range<usize>,
    /// Where the kind's name is written, if it is.
    pub kind_span: Option<Range<usize>>,
    /// Where the date is.
    pub date_span: Option<Range<usize>>,
    /// Where the issuer phrase is.
    pub issuer_span: Option<Range<usize>>,
    /// Whether `số` was written before the number.
    pub has_so: bool,
    /// The mention as written (`Kế hoạch số 1530/KH-UBND`).
    pub text: String,
    /// The issuer phrase as written (`UBND tỉnh`).
    pub issuer: Option<String>,
    /// The role the citation's clause gives the cited document ([`Citation::relation`]).
    #[cfg_attr(feature = "serde", serde(default = "other"))]
    pub relation: Relation,
    /// The cited document's work identifier ([`Citation::work_uri`]).
    #[cfg_attr(feature = "serde", serde(default))]
    pub work: String,
}

/// What a citation serialized before relations were read is taken for.
#[cfg(feature = "serde")]
fn other() -> Relation {
    Relation::Other
}

impl Citation<'_> {
    /// This citation with the text it points at copied out (see [`OwnedCitation`]).
    ///
    /// ```
    /// let c = vanban::citations("theo Công văn số 12/UBND-VX").next().unwrap();
    /// assert_eq!(c.clone().into_owned().text, c.as_str());
    /// ```
    pub fn into_owned(self) -> OwnedCitation {
        OwnedCitation {
            text: self.as_str().to_string(),
            issuer: self.issuer().map(str::to_string),
            relation: self.relation(),
            work: self.work_uri(),
            number: self.number,
            kind: self.kind,
            date: self.date,
            span: self.span,
            number_span: self.number_span,
            kind_span: self.kind_span,
            date_span: self.date_span,
            issuer_span: self.issuer_span,
            has_so: self.has_so,
        }
    }
}

/// The fields of [`OwnedCitation`], borrowed: how a [`Citation`] serializes without copying.
#[cfg(feature = "serde")]
#[derive(serde::Serialize)]
struct View<'a> {
    number: &'a DocNumber,
    kind: Option<DocKind>,
    date: Option<VnDate>,
    span: &'a Range<usize>,
    number_span: &'a Range<usize>,
    kind_span: &'a Option<Range<usize>>,
    date_span: &'a Option<Range<usize>>,
    issuer_span: &'a Option<Range<usize>>,
    has_so: bool,
    text: &'a str,
    issuer: Option<&'a str>,
    relation: Relation,
    work: String,
}

/// As [`OwnedCitation`]: `serde_json::from_str::<OwnedCitation>` reads what this writes.
#[cfg(feature = "serde")]
impl serde::Serialize for Citation<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        View {
            number: &self.number,
            kind: self.kind,
            date: self.date,
            span: &self.span,
            number_span: &self.number_span,
            kind_span: &self.kind_span,
            date_span: &self.date_span,
            issuer_span: &self.issuer_span,
            has_so: self.has_so,
            text: self.as_str(),
            issuer: self.issuer(),
            relation: self.relation(),
            work: self.work_uri(),
        }
        .serialize(s)
    }
}

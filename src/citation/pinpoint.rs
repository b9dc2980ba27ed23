//! Pinpoints: references to provisions in running text — `điểm a khoản 2 Điều 5 Nghị định
//! 30/2020/NĐ-CP`, `khoản 1, 2 và 3 Điều này`, `từ Điều 3 đến Điều 7`, `Phần I Phụ lục II
//! của Thông tư số 18/2022/TT-BLĐTBXH` — each with the document it belongs to.
//!
//! The units are those a normative text is divided into (Phần › Chương › Mục › Điều › khoản ›
//! điểm; the Tiểu mục between Mục and Điều is not read), the `tiết` that divides a điểm in
//! circulars, and `Phụ lục`. A reference is read unit word by unit word: a unit's word, then
//! its labels (`5`, `a`, `đ`, `II`, `3a`, `1.2`), lists (`, `, `và`, `hoặc`) and ranges
//! (`đến`, a dash), then the next, larger unit. What comes after it tells the document: a
//! citation ([`citations`](crate::citations),
//! [`named_citations`](super::named_citations)), a kind's name with `này` (the text itself)
//! or `nêu trên` (a document named before, left for a later step to resolve).
//!
//! The document's own headings (`Điều 1. Phê duyệt …`, a `Chương II` line, `PHỤ LỤC 01:`)
//! are not references and are left out.

use std::fmt;
use std::ops::Range;

use super::gap::{is_gap, skip_gap};
use crate::catalog::DocKind;

/// The units a pinpoint names are the document model's [`Level`](crate::document::Level)s
/// (one catalogue of the units of a text: `Điều`, `khoản`, `điểm`, `tiết`, `Phụ lục` …).
///
/// ```
/// use vanban::citation::{Level, pinpoints};
/// let text = "theo quy định tại khoản 2 Điều 13 Nghị định số 198/2004/NĐ-CP";
/// let p = pinpoints(text).next().unwrap();
/// let levels: Vec<Level> = p.parts.iter().map(|r| r.level).collect();
/// assert_eq!(levels, [Level::Khoan, Level::Dieu]);
/// assert_eq!(Level::Khoan.name(), "khoản");
/// ```
pub use crate::document::Level;

impl Level {
    /// Size order, smallest first; an annex holds the rest (`Phần I Phụ lục II`).
    fn rank(self) -> u8 {
        match self {
            Level::Tiet | Level::Dash | Level::Plus => 0,
            Level::Diem | Level::SubItem => 1,
            Level::Khoan => 2,
            Level::Dieu => 3,
            Level::Muc | Level::Roman => 4,
            Level::Chuong => 5,
            Level::Phan => 6,
            Level::PhuLuc => 7,
        }
    }

    /// Whether a unit of this level is placed in the whole document rather than in a larger
    /// unit: Điều and what holds it, and an annex.
    fn is_top_tier(self) -> bool {
        self.rank() >= Level::Dieu.rank()
    }

    /// Whether a heading of the document starts with this unit's word.
    fn has_headings(self) -> bool {
        matches!(
            self,
            Level::Phan | Level::Chuong | Level::Muc | Level::Dieu | Level::PhuLuc
        )
    }
}

/// One item of a unit's list: a label as written, or a range of them.
///
/// ```
/// use vanban::citation::{Item, pinpoints};
/// let p = pinpoints("quy định tại Điều 5, 6, 7, 8, 9, 10 Nghị định này").next().unwrap();
/// let labels: Vec<&str> = p.parts[0].items.iter().map(Item::first).collect();
/// assert_eq!(labels, ["5", "6", "7", "8", "9", "10"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Item<'t> {
    /// One provision, by its label as written: `5`, `a`, `đ`, `II`, `3a`, `1.2`.
    Label {
        /// The label.
        label: &'t str,
        /// Where it is.
        span: Range<usize>,
    },
    /// A range, both ends included: `từ Điều 3 đến Điều 7`, `khoản 1 đến khoản 3`,
    /// `Điều 3 - Điều 7`.
    Range {
        /// The first label.
        from: &'t str,
        /// The last label.
        to: &'t str,
        /// From the first label to the last.
        span: Range<usize>,
    },
}

impl<'t> Item<'t> {
    /// Where the item is written.
    ///
    /// ```
    /// let text = "theo khoản 3 Điều 18 Luật Hải quan năm 2014";
    /// let p = vanban::citation::pinpoints(text).next().unwrap();
    /// assert_eq!(&text[p.parts[0].items[0].span()], "3");
    /// ```
    pub fn span(&self) -> Range<usize> {
        match self {
            Item::Label { span, .. } | Item::Range { span, .. } => span.clone(),
        }
    }

    /// The label, or the first of a range.
    ///
    /// ```
    /// let p = vanban::citation::pinpoints("từ Điều 3 đến Điều 7 Nghị định này").next().unwrap();
    /// assert_eq!(p.parts[0].items[0].first(), "3");
    /// ```
    pub fn first(&self) -> &'t str {
        match self {
            Item::Label { label, .. } => label,
            Item::Range { from, .. } => from,
        }
    }

    /// The label, or the last of a range.
    ///
    /// ```
    /// let p = vanban::citation::pinpoints("từ Điều 3 đến Điều 7 Nghị định này").next().unwrap();
    /// assert_eq!(p.parts[0].items[0].last(), "7");
    /// ```
    pub fn last(&self) -> &'t str {
        match self {
            Item::Label { label, .. } => label,
            Item::Range { to, .. } => to,
        }
    }
}

impl fmt::Display for Item<'_> {
    /// Writes the label, or `3 đến 7` for a range.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Label { label, .. } => f.write_str(label),
            Item::Range { from, to, .. } => write!(f, "{from} đến {to}"),
        }
    }
}

/// The provisions of one level a pinpoint names: `khoản 1, 2 và 3`, `điểm a, điểm b`, or
/// the one the text is in (`Điều này`: no items).
///
/// ```
/// let text = "các đối tượng quy định tại khoản 2, 3 và 4 Điều 2 Nghị định này";
/// let p = vanban::citation::pinpoints(text).next().unwrap();
/// assert_eq!(p.parts[0].to_string(), "khoản 2, 3, 4");
/// assert_eq!(&text[p.parts[0].span.clone()], "khoản 2, 3 và 4");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ProvisionRef<'t> {
    /// The unit: Điều, khoản, điểm …
    pub level: Level,
    /// Its labels and ranges in the order written; empty for `Điều này`, `khoản này`.
    pub items: Vec<Item<'t>>,
    /// From the unit's word (or `từ` before it) to its last label (or `này`).
    pub span: Range<usize>,
}

impl ProvisionRef<'_> {
    /// Whether this names the unit the text is in (`Điều này`, `Khoản này`).
    ///
    /// ```
    /// let p = vanban::citation::pinpoints("theo quy định tại khoản 1 Điều này").next().unwrap();
    /// assert!(!p.parts[0].is_this());
    /// assert!(p.parts[1].is_this());
    /// ```
    pub fn is_this(&self) -> bool {
        self.items.is_empty()
    }
}

impl fmt::Display for ProvisionRef<'_> {
    /// Writes the unit's name and its items (`khoản 1, 2`, `Điều 3 đến 7`, `Điều này`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.level.name())?;
        if self.items.is_empty() {
            return f.write_str(" này");
        }
        for (i, item) in self.items.iter().enumerate() {
            f.write_str(if i == 0 { " " } else { ", " })?;
            write!(f, "{item}")?;
        }
        Ok(())
    }
}

/// Which document a pinpoint's provisions are in.
///
/// ```
/// use vanban::citation::{Target, pinpoints};
/// let text = "điểm a khoản 1 Điều 7 Nghị định này; khoản 9 Điều 27 Nghị định số \
///             146/2018/NĐ-CP; Điều 2 Quyết định nêu trên";
/// let targets: Vec<Target> = pinpoints(text).map(|p| p.target).collect();
/// assert_eq!(targets, [Target::ThisDocument, Target::Cited, Target::Unresolved]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Target {
    /// The text itself: `Điều này`, `khoản 2 Điều 3 Quyết định này`, `của Nghị định này`,
    /// or no document named after the reference.
    ThisDocument,
    /// The document a citation right after it names (`Điều 5 Nghị định số 30/2020/NĐ-CP`,
    /// `khoản 1 Điều 2 Luật Đất đai năm 2024`); the citation's span is the pinpoint's
    /// [`target_span`](Pinpoint::target_span).
    Cited,
    /// A document named by a short form (`Điều 5 Nghị định nêu trên`, `Luật trên`, a kind's
    /// name alone): which one is left to a later step.
    Unresolved,
}

/// A reference to provisions in running text, with spans into the caller's text.
///
/// `parts` go from the smallest unit to the largest, as written: `điểm a, b khoản 1 Điều 5`
/// gives điểm `[a, b]`, khoản `[1]`, Điều `[5]`. In a list of references that share their
/// larger units (`điểm b khoản 3 và khoản 9 Điều 1 của Luật này`), each is a pinpoint of its own,
/// and the earlier ones also hold the shared units and the target, with their spans where
/// they are written (after the pinpoint's own span).
///
/// ```
/// use vanban::citation::{Level, Target, pinpoints};
///
/// let text = "Người có công quy định tại điểm c khoản 2 Điều 2 Quyết định số 118/TTg:";
/// let p = pinpoints(text).next().unwrap();
/// assert_eq!(p.as_str(), "điểm c khoản 2 Điều 2");
/// assert_eq!(p.to_string(), "điểm c khoản 2 Điều 2");
/// assert_eq!(p.part(Level::Khoan).unwrap().items[0].first(), "2");
/// assert_eq!(p.target, Target::Cited);
/// assert_eq!(p.target_text(), Some("Quyết định số 118/TTg"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Pinpoint<'t> {
    text: &'t str,
    /// The reference: from its first unit word (or `từ`) to its last label (or `này`),
    /// without the document after it.
    pub span: Range<usize>,
    /// The units named, smallest first.
    pub parts: Vec<ProvisionRef<'t>>,
    /// Which document the provisions are in.
    pub target: Target,
    /// Where that document is named: the citation's span for [`Target::Cited`], the short
    /// form for the others (`Nghị định này`, `Quyết định nêu trên`); `None` when no document
    /// is named (`Điều này`, a bare `khoản 1`).
    pub target_span: Option<Range<usize>>,
}

impl<'t> Pinpoint<'t> {
    /// The reference as written.
    ///
    /// ```
    /// let text = "theo quy định tại Khoản 1, Khoản 2 Điều 33 Luật hải quan năm 2014";
    /// let p = vanban::citation::pinpoints(text).next().unwrap();
    /// assert_eq!(p.as_str(), "Khoản 1, Khoản 2 Điều 33");
    /// ```
    pub fn as_str(&self) -> &'t str {
        &self.text[self.span.clone()]
    }

    /// Where the document is named, as written.
    ///
    /// ```
    /// let text = "định tại khoản 1 Điều 27 của Luật này";
    /// let p = vanban::citation::pinpoints(text).next().unwrap();
    /// assert_eq!(p.target_text(), Some("Luật này"));
    /// ```
    pub fn target_text(&self) -> Option<&'t str> {
        self.target_span.clone().map(|s| &self.text[s])
    }

    /// What the document a pinpoint points into resolves to, for the targets a citation does
    /// not name (`None` for [`Target::Cited`]):
    /// - a short form (`Điều 1 QĐ 20`, `Điều 5 Nghị định nêu trên`, `khoản 2 Điều 3 Thông tư
    ///   số 15`, `Điều 12 Nghị định này`): the resolution of the short form at
    ///   [`target_span`](Pinpoint::target_span) among `resolved` (as
    ///   [`resolve_short_forms`](super::resolve_short_forms) gives them, or a resolver of the
    ///   caller's);
    /// - no document named (`khoản 1 Điều 2`): the text itself, but inside another document's
    ///   text quoted (`Nghị định số 120/2010/NĐ-CP quy định: "… tại Điều 5 …"`), that
    ///   document among `cited` (the citations of the text, in order).
    ///
    /// ```
    /// use vanban::citation::{Resolution, pinpoints, resolve_short_forms};
    /// let text = "Quyết định số 20/2000/QĐ-TTg (sau đây gọi tắt là QĐ 20); theo Điều 1 QĐ 20";
    /// let (resolved, cited) = (resolve_short_forms(text), vanban::citations(text).collect::<Vec<_>>());
    /// let p = pinpoints(text).next().unwrap();
    /// assert_eq!(p.target_text(), Some("QĐ 20"));
    /// assert_eq!(p.target_resolution(&resolved, &cited), Some(Resolution::Cited(0)));
    /// let text = "Nghị định số 120/2010/NĐ-CP quy định: \"theo khoản 2 Điều 5\"; khoản 1 Điều 2";
    /// let cited: Vec<_> = vanban::citations(text).collect();
    /// let got: Vec<_> = pinpoints(text).map(|p| p.target_resolution(&[], &cited)).collect();
    /// assert_eq!(got, [Some(Resolution::Cited(0)), Some(Resolution::ThisDocument)]);
    /// ```
    pub fn target_resolution(
        &self,
        resolved: &[(super::ShortForm<'_>, super::Resolution)],
        cited: &[super::Citation<'_>],
    ) -> Option<super::Resolution> {
        use super::Resolution;
        if self.target == Target::Cited {
            return None;
        }
        if let Some(at) = &self.target_span
            && let Some((_, r)) = resolved
                .iter()
                .find(|(s, _)| s.span.start < at.end && at.start < s.span.end)
        {
            return Some(*r);
        }
        if self.target != Target::ThisDocument {
            return Some(Resolution::Unresolved);
        }
        use super::quotation::{article_subject, opening_before, quoted_document, quotes_a_phrase};
        Some(match opening_before(self.text, self.span.start) {
            // `cụm từ “khoản 1 Điều 8”`: words being changed, in no document told.
            Some(open) if quotes_a_phrase(self.text, open) => Resolution::Unresolved,
            Some(open) => quoted_document(self.text, open, cited)
                .map_or(Resolution::ThisDocument, Resolution::Cited),
            // An item of an article correcting or amending a document (`… như sau: 1. Tại
            // điểm đ khoản 3 Điều 16: …`) names that document's provisions; `Điều này` is
            // still the text's own.
            None if self.parts.iter().any(ProvisionRef::is_this) => Resolution::ThisDocument,
            None => article_subject(self.text, self.span.start, cited)
                .map_or(Resolution::ThisDocument, Resolution::Cited),
        })
    }

    /// The part of the given level, if the reference names one.
    ///
    /// ```
    /// use vanban::citation::Level;
    /// let text = "điểm a khoản 1 Điều 162 Luật Doanh nghiệp";
    /// let p = vanban::citation::pinpoints(text).next().unwrap();
    /// assert_eq!(p.part(Level::Dieu).unwrap().items[0].first(), "162");
    /// assert!(p.part(Level::Chuong).is_none());
    /// ```
    pub fn part(&self, level: Level) -> Option<&ProvisionRef<'t>> {
        self.parts.iter().find(|r| r.level == level)
    }
}

impl fmt::Display for Pinpoint<'_> {
    /// Writes the parts in a canonical form (`điểm a, b khoản 1 Điều 5`), without the
    /// target.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{part}")?;
        }
        Ok(())
    }
}

/// Serialized as `{span, parts, target, target_span, text}` (spans as `{start, end}` byte
/// offsets; each part `{level, items, span}`, each item `{kind: "label", label, span}` or
/// `{kind: "range", from, to, span}`).
#[cfg(feature = "serde")]
impl serde::Serialize for Pinpoint<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct View<'a, 't> {
            span: &'a Range<usize>,
            parts: &'a [ProvisionRef<'t>],
            target: Target,
            target_span: &'a Option<Range<usize>>,
            text: &'a str,
        }
        View {
            span: &self.span,
            parts: &self.parts,
            target: self.target,
            target_span: &self.target_span,
            text: self.as_str(),
        }
        .serialize(s)
    }
}

/// The pinpoints of `text` (see [`Pinpoint`]), in the order of the text.
///
/// A unit's word (`Điều`, `ĐIỀU`, `khoản`, `Khoản`, `điểm`, `Phụ lục` …) counts only with a
/// label after it (`Điều lệ`, `điều kiện`, `một số điều`, `khoản tiền`, `thời điểm`, `địa
/// điểm đến` are none), or `này` (`Điều này`). The document's headings — `Điều 1. Phê duyệt
/// …`, `**Điều 2.** …`, a `Chương II` or `PHỤ LỤC 01:` line — are left out. The text is
/// read as written (NFC, as the document model gives it), across line breaks and Markdown
/// emphasis, in time linear in its length.
///
/// ```
/// let text = "Điều 4. Chế độ quy định tại Điều 4, 5 và 12 Nghị định này được thực hiện; \
///             hồ sơ theo Mẫu số 1B tại Phụ lục II ban hành kèm theo Nghị định này.";
/// let found: Vec<String> = vanban::citation::pinpoints(text).map(|p| p.to_string()).collect();
/// assert_eq!(found, ["Điều 4, 5, 12", "Phụ lục II"]);
/// ```
pub fn pinpoints(text: &str) -> impl Iterator<Item = Pinpoint<'_>> {
    pinpoint_groups(text).flat_map(|g| g.pinpoints)
}

/// A reference to provisions as written, one mention, before it is split into the paths it
/// names: `điểm c khoản 3 và khoản 6 Điều 22 Luật BHYT` is one group of two pinpoints
/// (`điểm c khoản 3 Điều 22`, `khoản 6 Điều 22`), sharing their document.
///
/// ```
/// let text = "theo điểm c khoản 3 và khoản 6 Điều 22 Luật Bảo hiểm y tế";
/// let g = vanban::citation::pinpoint_groups(text).next().unwrap();
/// assert_eq!(g.as_str(), "điểm c khoản 3 và khoản 6 Điều 22");
/// assert_eq!(g.pinpoints.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct PinpointGroup<'t> {
    text: &'t str,
    /// From the first pinpoint's start to the last one's end.
    pub span: Range<usize>,
    /// The pinpoints of the mention, in the order of the text (at least one).
    pub pinpoints: Vec<Pinpoint<'t>>,
}

impl<'t> PinpointGroup<'t> {
    /// The mention as written.
    ///
    /// ```
    /// let g = vanban::citation::pinpoint_groups("tại khoản 1, 2 và 3 Điều 4").next().unwrap();
    /// assert_eq!(g.as_str(), "khoản 1, 2 và 3 Điều 4");
    /// ```
    pub fn as_str(&self) -> &'t str {
        &self.text[self.span.clone()]
    }
}

/// The references to provisions of `text`, one [`PinpointGroup`] a mention, in the order of
/// the text; [`pinpoints`] gives their pinpoints one by one.
///
/// ```
/// let text = "Khoản 1 Điều 2 và Điều 3 Quyết định này";
/// let groups: Vec<&str> = vanban::citation::pinpoint_groups(text).map(|g| g.as_str()).collect();
/// assert_eq!(groups, ["Khoản 1 Điều 2 và Điều 3"]);
/// ```
pub fn pinpoint_groups(text: &str) -> impl Iterator<Item = PinpointGroup<'_>> {
    // A text in decomposed form (`Điều` as `Đie`, two combining marks and `u`) is read
    // composed, the spans mapped back to the text as written.
    if super::fold::mostly_decomposed(text.as_bytes()) {
        return read_composed(text).into_iter();
    }
    read_groups(text).into_iter()
}

/// [`pinpoint_groups`] of a decomposed text: read in its composed form (NFC), every span and
/// label given in `text`.
fn read_composed(text: &str) -> Vec<PinpointGroup<'_>> {
    let norm = crate::text::Normalized::with_options(text, crate::text::Options::new());
    let n = norm.as_str();
    let map = |r: &Range<usize>| norm.original_span(r.clone());
    // A label of the composed text (a slice of it) as the text writes it; were it not a
    // slice of it, the item's span as written.
    let label = |l: &str, item: &Range<usize>| {
        let at = (l.as_ptr() as usize).checked_sub(n.as_ptr() as usize);
        let r = at
            .filter(|&a| a + l.len() <= n.len())
            .map_or(item.clone(), |a| a..a + l.len());
        &text[map(&r)]
    };
    let item = |i: Item<'_>| match i {
        Item::Label { label: l, span } => Item::Label {
            label: label(l, &span),
            span: map(&span),
        },
        Item::Range { from, to, span } => Item::Range {
            from: label(from, &span),
            to: label(to, &span),
            span: map(&span),
        },
    };
    read_groups(n)
        .into_iter()
        .map(|g| PinpointGroup {
            text,
            span: map(&g.span),
            pinpoints: g
                .pinpoints
                .into_iter()
                .map(|p| Pinpoint {
                    text,
                    span: map(&p.span),
                    parts: p
                        .parts
                        .into_iter()
                        .map(|r| ProvisionRef {
                            level: r.level,
                            items: r.items.into_iter().map(item).collect(),
                            span: map(&r.span),
                        })
                        .collect(),
                    target: p.target,
                    target_span: p.target_span.as_ref().map(map),
                })
                .collect(),
        })
        .collect()
}

/// [`pinpoint_groups`] of a composed text.
fn read_groups(text: &str) -> Vec<PinpointGroup<'_>> {
    let mut found = Vec::new();
    let mut docs = Docs::default();
    let mut pos = 0;
    while let Some(u) = next_unit_start(text, pos) {
        match read_group(text, u, &mut docs) {
            Some((group, end)) => {
                pos = end.max(u + 1);
                for mention in mentions(group) {
                    let start = mention.iter().map(|p| p.span.start).min();
                    let stop = mention.iter().map(|p| p.span.end).max();
                    if let (Some(start), Some(stop)) = (start, stop) {
                        found.push(PinpointGroup {
                            text,
                            span: start..stop,
                            pinpoints: mention,
                        });
                    }
                }
            }
            None => pos = u + 1,
        }
        pos = ceil_char(text, pos);
    }
    found
}

/// The mentions of a list of pinpoints read together: one, but where a reference names
/// all its units itself and the next starts below its largest (`khoản 1 Điều 162 và khoản
/// 17 Điều 4 Luật Doanh nghiệp`: two mentions, of one law), which shares none of them.
fn mentions(group: Vec<Pinpoint<'_>>) -> Vec<Vec<Pinpoint<'_>>> {
    let mut out: Vec<Vec<Pinpoint<'_>>> = Vec::new();
    for p in group {
        let starts_anew = out.last().and_then(|m| m.last()).is_some_and(|prev| {
            let own = prev
                .parts
                .iter()
                .all(|r| r.span.start >= prev.span.start && r.span.end <= prev.span.end);
            let top = prev.parts.iter().map(|r| r.level.rank()).max();
            let first = p.parts.first().map(|r| r.level.rank());
            own && first < top
        });
        match out.last_mut() {
            Some(m) if !starts_anew => m.push(p),
            _ => out.push(vec![p]),
        }
    }
    out
}

// --- reading the text ---------------------------------------------------------------------

/// The smallest char boundary at or after `i`.
fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// The word (letters and digits) starting at `pos`.
fn word_at(text: &str, pos: usize) -> Range<usize> {
    let rest = &text[pos..];
    let len = rest.find(|c: char| !alnum(c)).unwrap_or(rest.len());
    pos..pos + len
}

/// Where the word is that ends before the spaces before `pos` on the same line (empty if
/// none).
fn word_before_span(text: &str, pos: usize) -> Range<usize> {
    let head = &text[..pos];
    let t = head.trim_end_matches([' ', '\t', '\u{a0}', '*', '_']);
    let start = t
        .char_indices()
        .rev()
        .take_while(|(_, c)| alnum(*c))
        .last()
        .map_or(t.len(), |(i, _)| i);
    start..t.len()
}

/// The word before `pos` (see [`word_before_span`]).
fn word_before(text: &str, pos: usize) -> &str {
    &text[word_before_span(text, pos)]
}

/// Lower case for matching; the Icelandic eth that converters write for `Đ` reads as `đ`.
/// [`char::is_alphanumeric`], answered without its tables for the letters of Vietnamese text
/// (ASCII, Latin-1 and Latin Extended but `×` and `÷`, the Vietnamese block): the reader asks
/// it of every character of a text.
#[inline]
fn alnum(c: char) -> bool {
    match c {
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        '×' | '÷' => false,
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => true,
        c => c.is_alphanumeric(),
    }
}

fn lower(c: char) -> char {
    match c {
        'Ð' | 'ð' | 'Đ' => 'đ',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Whether `word` is `expected` (in lower case) in any case.
fn word_is(word: &str, expected: &str) -> bool {
    let mut w = word.chars();
    let mut e = expected.chars();
    loop {
        match (w.next(), e.next()) {
            (None, None) => return true,
            // A letter written in lower case, as most are, is not looked up (`expected` is
            // in lower case: `lower` leaves its letters as they are).
            (Some(a), Some(b)) if a == b || lower(a) == b => {}
            _ => return false,
        }
    }
}

fn is_upper_word(word: &str) -> bool {
    word.chars().all(|c| !c.is_lowercase())
}

/// A unit's word at `pos`: its level, where it ends, and whether it starts with a capital
/// and is all capitals.
struct Unit {
    level: Level,
    end: usize,
    capital: bool,
    caps: bool,
}

const UNIT_WORDS: &[(&str, Level)] = &[
    ("điều", Level::Dieu),
    ("khoản", Level::Khoan),
    ("điểm", Level::Diem),
    ("mục", Level::Muc),
    ("chương", Level::Chuong),
    ("phần", Level::Phan),
    ("tiết", Level::Tiet),
];

/// Words before a unit's word that make it part of another noun: `tài khoản`, `thời
/// điểm`, `hạng mục`, `chi tiết`, `Tiểu mục`, `cổ phần`.
fn makes_other_noun(level: Level, before: &str) -> bool {
    let words: &[&str] = match level {
        Level::Khoan => &["tài", "điều"],
        Level::Diem => &[
            "thời", "địa", "đặc", "quan", "trọng", "ưu", "nhược", "khuyết", "giao", "thí", "tụ",
            "tiêu", "tổng", "cộng", "chấm", "số", "đạt", "mốc", "xuất", "khởi",
        ],
        Level::Muc => &["hạng", "danh", "tiểu", "đề", "chuyên", "khoản", "mặt"],
        Level::Tiet => &["chi", "thời", "mật"],
        Level::Phan => &["thành", "bộ", "cổ", "một", "từng", "các", "góp", "cấu"],
        Level::Chuong => &["văn", "huy"],
        _ => &[],
    };
    words.iter().any(|w| word_is(before, w))
}

/// The unit's word at `pos`, a word's start.
fn unit_at(text: &str, pos: usize) -> Option<Unit> {
    let w = word_at(text, pos);
    let word = &text[w.clone()];
    // Most words a unit's word could start are of another length (in UTF-8, composed: every
    // unit's word has as many bytes in capitals): told before comparing letters.
    let first = word.chars().next().map(lower);
    let may_be = UNIT_WORDS
        .iter()
        .map(|(n, _)| *n)
        .chain(["phụ"])
        .any(|n| n.len() == word.len() && n.chars().next() == first);
    if !may_be {
        return None;
    }
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let caps = capital && is_upper_word(word);
    if let Some(&(_, level)) = UNIT_WORDS.iter().find(|(n, _)| word_is(word, n)) {
        return Some(Unit {
            level,
            end: w.end,
            capital,
            caps,
        });
    }
    if word_is(word, "phụ") {
        let rest = &text[w.end..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if gap == 0 {
            return None;
        }
        let l = word_at(text, w.end + gap);
        if word_is(&text[l.clone()], "lục") {
            return Some(Unit {
                level: Level::PhuLuc,
                end: l.end,
                capital,
                caps: caps && is_upper_word(&text[l]),
            });
        }
    }
    None
}

/// The next position at or after `pos` where a unit's word may start: a word starting with
/// the first two letters of one.
///
/// Read as bytes: every unit's word ([`UNIT_WORDS`], `phụ`) starts with an ASCII letter or
/// `đ` (in any case, the eth converters write for it included) and goes on with `h`, `i` or
/// `u` (`mục` composed has `ụ`, three bytes from `E1`); only such starts are read further,
/// and a character is decoded only before one.
fn next_unit_start(text: &str, pos: usize) -> Option<usize> {
    let b = text.as_bytes();
    let second = |i: usize| b.get(i).map(u8::to_ascii_lowercase);
    let mut i = pos;
    while i < b.len() {
        let may_start = match b[i] {
            b'k' | b'K' | b'c' | b'C' | b'p' | b'P' => second(i + 1) == Some(b'h'),
            b't' | b'T' => second(i + 1) == Some(b'i'),
            b'm' | b'M' => matches!(second(i + 1), Some(b'u' | 0xE1)),
            // `Đ` `đ` (C4 90, C4 91), `Ð` `ð` (C3 90, C3 B0).
            0xC4 => matches!(b.get(i + 1), Some(0x90 | 0x91)) && second(i + 2) == Some(b'i'),
            0xC3 => matches!(b.get(i + 1), Some(0x90 | 0xB0)) && second(i + 2) == Some(b'i'),
            _ => false,
        };
        // Each of those bytes starts a character: `i` is a boundary.
        if may_start
            && !text[..i].chars().next_back().is_some_and(alnum)
            && unit_at(text, i).is_some()
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Whether the label's letters suit the level: lower-case letters label points, items,
/// clauses of old texts and sections; capitals label annexes, parts, chapters and sections,
/// or any unit in a text in capitals.
fn letter_allowed(level: Level, c: char, caps: bool) -> bool {
    if c.is_ascii_lowercase() || c == 'đ' {
        matches!(level, Level::Diem | Level::Tiet | Level::Khoan | Level::Muc)
            && !matches!(c, 'f' | 'j' | 'w' | 'z')
    } else if c.is_ascii_uppercase() || c == 'Đ' {
        level != Level::Dieu
            && (caps
                || matches!(
                    level,
                    Level::PhuLuc | Level::Phan | Level::Muc | Level::Chuong
                ))
    } else {
        false
    }
}

/// Most groups a dotted label has after its first (`1.2.3.4`).
const MAX_DOTTED: usize = 6;

/// `.1`, `.2.3` after a label: where it ends.
fn dotted(b: &[u8], mut i: usize) -> usize {
    let mut groups = 0;
    while groups < MAX_DOTTED && i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        groups += 1;
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    i
}

/// The label at `pos`: `5`, `01`, `3a`, `1.2`, `II`, `II.3`, `a`, `đ`, `a.1`, `b1`.
fn label_at(text: &str, pos: usize, level: Level, caps: bool) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let first = text[pos..].chars().next()?;
    let mut i = pos;
    if first.is_ascii_digit() {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i - pos > 4 {
            return None;
        }
        i = dotted(b, i);
        // `1a`, `3a`: a clause or article put in later.
        if let Some(c) = text[i..].chars().next()
            && (c.is_ascii_lowercase() || c == 'đ')
            && !text[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            i += c.len_utf8();
        }
    } else if matches!(first, 'I' | 'V' | 'X' | 'L') && !caps_letter_word(text, pos) {
        while i < b.len() && matches!(b[i], b'I' | b'V' | b'X' | b'L') && i - pos < 8 {
            i += 1;
        }
        i = dotted(b, i);
    } else if letter_allowed(level, first, caps) {
        i += first.len_utf8();
        while i < b.len() && b[i].is_ascii_digit() && i - pos < 4 {
            i += 1;
        }
        i = dotted(b, i);
    } else {
        return None;
    }
    // The label ends the word, and is not a date, ratio, percentage or amount.
    let next = text[i..].chars().next();
    if next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '%' | '‰' | '=' | '+')) {
        return None;
    }
    // `1.000`, `2.500.000` are amounts, not labels.
    if first.is_ascii_digit()
        && text[pos..i]
            .split('.')
            .skip(1)
            .any(|g| g.bytes().filter(u8::is_ascii_digit).count() >= 3)
    {
        return None;
    }
    Some(pos..i)
}

/// Whether the capitals at `pos` are a word rather than a roman numeral (`VI` is one, `VIỆT`
/// is not; the label check then refuses it).
fn caps_letter_word(text: &str, pos: usize) -> bool {
    let w = word_at(text, pos);
    !text[w]
        .bytes()
        .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
}

// --- references ---------------------------------------------------------------------------

/// One reference read: its parts, span, and whether it ends in `… này`.
struct Chain<'t> {
    parts: Vec<ProvisionRef<'t>>,
    start: usize,
    end: usize,
    this: bool,
}

/// What follows a reference.
enum After {
    /// Nothing more of it.
    End,
    /// Another reference of the same list starts here (after `và`, `,`, `hoặc`).
    Coordinate(usize),
}

/// The first item after the unit's word `unit`, which starts at `unit_start` (`3`, `3 đến
/// Điều 7`; `None` for `này`), and where it ends.
fn first_item<'t>(
    text: &'t str,
    unit: &Unit,
    first_of_chain: bool,
    unit_start: usize,
) -> Option<(Option<Item<'t>>, usize)> {
    let mut at = skip_gap(text, unit.end)?;
    if at == unit.end {
        return None;
    }
    if unit.level == Level::PhuLuc {
        // `(Chi tiết tại Phụ lục kèm theo)`: the text's one annex, without a label (the
        // document it is issued with is named nowhere but by `kèm theo` alone).
        let w = word_at(text, at);
        if word_is(&text[w.clone()], "kèm")
            && let Some(t) = skip_gap(text, w.end).map(|n| word_at(text, n))
            && word_is(&text[t.clone()], "theo")
            && skip_gap(text, t.end)
                .is_none_or(|n| !text[n..].starts_with(|c: char| c.is_alphanumeric()))
        {
            return Some((None, unit.end));
        }
        // `Phụ lục số 01`
        if word_is(&text[w.clone()], "số")
            && let Some(n) = skip_gap(text, w.end)
            && label_at(text, n, unit.level, unit.caps).is_some()
        {
            at = n;
        }
    }
    let w = word_at(text, at);
    if word_is(&text[w.clone()], "này") {
        // `Điều này`, `Khoản này`; `điều này` alone is "this thing", and `khoản này` may be
        // a sum of money unless the text points at it (`quy định tại khoản này`).
        let ok = !first_of_chain
            || unit.capital
            || (matches!(unit.level, Level::Khoan | Level::Diem | Level::Tiet)
                && ["tại", "theo"]
                    .iter()
                    .any(|p| word_is(word_before(text, unit_start), p)));
        return ok.then_some((None, w.end));
    }
    let (item, end) = item_at(text, at, unit.level, unit.caps)?;
    // `một khoản 50 triệu đồng` is a sum of money.
    if matches!(unit.level, Level::Khoan | Level::Diem)
        && let Some(n) = skip_gap(text, end)
        && ["triệu", "tỷ", "nghìn", "ngàn", "đồng"]
            .iter()
            .any(|m| word_is(&text[word_at(text, n)], m))
    {
        return None;
    }
    Some((Some(item), end))
}

/// A label at `at`, with the range that may follow it (`3 đến Điều 7`, `3 - 7`).
fn item_at(text: &str, at: usize, level: Level, caps: bool) -> Option<(Item<'_>, usize)> {
    let l = label_at(text, at, level, caps)?;
    let one = Item::Label {
        label: &text[l.clone()],
        span: l.clone(),
    };
    let Some(p) = skip_gap(text, l.end) else {
        return Some((one, l.end));
    };
    let rest = &text[p..];
    // A dash at a line's start is a list's bullet, not a range's.
    let after_sep = if rest.starts_with(['-', '–', '—']) && !text[l.end..p].contains('\n') {
        p + rest.chars().next().map_or(1, char::len_utf8)
    } else if word_is(&text[word_at(text, p)], "đến") {
        word_at(text, p).end
    } else {
        return Some((one, l.end));
    };
    let Some(mut q) = skip_gap(text, after_sep) else {
        return Some((one, l.end));
    };
    if let Some(u) = unit_at(text, q)
        && u.level == level
        && let Some(n) = skip_gap(text, u.end)
    {
        q = n;
    }
    match label_at(text, q, level, caps) {
        Some(to) => Some((
            Item::Range {
                from: &text[l.clone()],
                to: &text[to.clone()],
                span: l.start..to.end,
            },
            to.end,
        )),
        None => Some((one, l.end)),
    }
}

/// A list connector at `pos` (`,`, `và`, `hoặc`, `, và`): where it ends and whether it is a
/// bare comma.
fn connector_at(text: &str, pos: usize) -> Option<(usize, bool)> {
    let rest = &text[pos..];
    if rest.starts_with(',') {
        let after = pos + 1;
        let n = skip_gap(text, after)?;
        let w = word_at(text, n);
        if ["và", "hoặc"].iter().any(|c| word_is(&text[w.clone()], c)) {
            return Some((w.end, false));
        }
        return Some((after, true));
    }
    let w = word_at(text, pos);
    ["và", "hoặc"]
        .iter()
        .any(|c| word_is(&text[w.clone()], c))
        .then_some((w.end, false))
}

/// Whether the unit at `u` starts a heading of the document: at a line's start (or a
/// sentence's, or a quoted new text's), followed by `.`/`:`, or alone on its line with
/// nothing in lower case after it (`Chương II`, `PHỤ LỤC 01:`, `Phụ lục số 1`).
fn is_heading(text: &str, u: usize, level: Level, label_end: usize) -> bool {
    if !level.has_headings() {
        return false;
    }
    // Only the gap before the word is read back, so that a long line costs no more than
    // once.
    let head = &text[..u];
    let lead = head.trim_end_matches(|c: char| (is_gap(c) && c != '\n') || matches!(c, '#' | '>'));
    let at_line_start = lead.is_empty() || lead.ends_with('\n');
    let before = head.trim_end_matches(is_gap).chars().next_back();
    let at_sentence_start = at_line_start || matches!(before, Some('.' | ':' | '“' | '"'));
    if !at_sentence_start {
        return false;
    }
    // A consolidated text's footnote marks come first: `Điều 4.[8]`, `MỤC 1[2] (được bãi bỏ)`.
    let mut rest = &text[label_end..];
    loop {
        rest = rest.trim_start_matches([' ', '\t', '*', '_', '\u{a0}']);
        let Some(r) = rest.strip_prefix('[') else {
            break;
        };
        let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        match r[digits..].strip_prefix(']') {
            Some(after) if digits > 0 => rest = after,
            _ => break,
        }
    }
    if rest.starts_with(['.', ':']) {
        // `… thành cụm từ “khoản 2 Điều 16” tại⏎Điều 10.⏎`: a sentence wrapped before its
        // last reference (the line before ends in a word in lower case, nothing after the
        // `.`), not a heading.
        let wrapped = at_line_start
            && rest[1..]
                .split('\n')
                .next()
                .is_some_and(|l| l.trim().is_empty())
            && lead
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(char::is_lowercase);
        return !wrapped;
    }
    if !at_line_start {
        return false;
    }
    let line = rest.split('\n').next().unwrap_or("");
    line.starts_with('(') || line.chars().all(|c| !c.is_lowercase())
}

/// A reference starting with the unit at `u` (or `từ` before it), and what follows it.
fn read_chain(text: &str, u: usize) -> Option<(Chain<'_>, After)> {
    let unit = unit_at(text, u)?;
    if makes_other_noun(unit.level, word_before(text, u)) {
        return None;
    }
    // Phần in lower case is the common noun unless a roman numeral follows.
    let (first, mut end) = first_item(text, &unit, true, u)?;
    if unit.level == Level::Phan
        && !unit.capital
        && !first
            .as_ref()
            .is_some_and(|i| i.first().bytes().all(|b| b"IVXL".contains(&b)))
    {
        return None;
    }
    if let Some(Item::Label { span, .. } | Item::Range { span, .. }) = &first
        && is_heading(text, u, unit.level, span.end)
    {
        return None;
    }
    // `từ Điều 3 đến Điều 7`: the range starts at `từ`.
    let mut start = u;
    if matches!(first, Some(Item::Range { .. })) {
        let before = word_before_span(text, u);
        if word_is(&text[before.clone()], "từ") {
            start = before.start;
        }
    }
    let mut parts = vec![ProvisionRef {
        level: unit.level,
        items: first.into_iter().collect(),
        span: start..end,
    }];
    if parts[0].items.is_empty() {
        return Some((
            Chain {
                parts,
                start,
                end,
                this: true,
            },
            After::End,
        ));
    }
    while let Some(mut p) = skip_gap(text, end) {
        // `điểm a (đối với bệnh viện tuyến trung ương) hoặc điểm b khoản 3`: a remark in
        // brackets (no number in it) between the references of a list.
        let past = after_brackets(text, end);
        if past > end
            && !text[p..past].contains(|c: char| c.is_ascii_digit())
            && let Some(q) = skip_gap(text, past)
            && connector_at(text, q).is_some()
        {
            p = q;
        }
        let cur = parts.last().map_or(unit.level, |r| r.level);
        let in_chain = |l: Level, parts: &[ProvisionRef<'_>]| parts.iter().any(|r| r.level == l);
        if let Some((c_end, bare_comma)) = connector_at(text, p) {
            let Some(q) = skip_gap(text, c_end) else {
                break;
            };
            if let Some(next) = unit_at(text, q) {
                if next.level == cur && parts.len() == 1 {
                    // `khoản 1, khoản 2`, `điểm a và điểm b`
                    match first_item(text, &next, false, q) {
                        Some((Some(item), e)) => {
                            let last = parts.last_mut().expect("one part");
                            last.items.push(item);
                            last.span.end = e;
                            end = e;
                            continue;
                        }
                        _ => break,
                    }
                }
                if bare_comma
                    && !in_chain(next.level, &parts)
                    && next.level.rank() > cur.rank()
                    && next.level != Level::PhuLuc
                {
                    // `khoản 5, Điều 2`: the larger unit after a comma.
                    match first_item(text, &next, false, q) {
                        Some((item, e)) => {
                            end = e;
                            if push_part(&mut parts, next.level, item, q..e) {
                                return Some(ends_at_this(parts, start, end));
                            }
                            continue;
                        }
                        None => break,
                    }
                }
                // `điểm b khoản 3 và khoản 9 Điều 1`, `khoản 1 Điều 2, Điều 3`: the next
                // reference of a list.
                return Some((
                    Chain {
                        parts,
                        start,
                        end,
                        this: false,
                    },
                    After::Coordinate(q),
                ));
            }
            // `khoản 1, 2 và 3`: a label of the last unit; not the number of an item at a
            // line's start (`khoản 1,⏎2. Ủy ban …`).
            let level = parts.last().map_or(unit.level, |r| r.level);
            let caps = unit.caps;
            if let Some((item, e)) = item_at(text, q, level, caps)
                && !(text[c_end..q].contains('\n') && text[e..].starts_with(['.', ')']))
            {
                let last = parts.last_mut().expect("one part");
                last.items.push(item);
                last.span.end = e;
                end = e;
                continue;
            }
            break;
        }
        // A larger unit written after: `khoản 2 Điều 3`, `Mục 14 Phần I`, or after `của`
        // (`khoản 1, khoản 2 của Điều này`).
        let w = word_at(text, p);
        let linked = ["của", "thuộc"]
            .iter()
            .any(|l| word_is(&text[w.clone()], l));
        let p = match skip_gap(text, w.end) {
            Some(q) if linked && q > w.end => q,
            _ => p,
        };
        let Some(next) = unit_at(text, p) else {
            break;
        };
        if in_chain(next.level, &parts)
            || makes_other_noun(next.level, word_before(text, p))
            || linked && next.level.rank() <= cur.rank()
        {
            break;
        }
        let Some((item, e)) = first_item(text, &next, false, p) else {
            break;
        };
        end = e;
        if push_part(&mut parts, next.level, item, p..e) {
            return Some(ends_at_this(parts, start, end));
        }
    }
    Some((
        Chain {
            parts,
            start,
            end,
            this: false,
        },
        After::End,
    ))
}

/// Most references read as one list (`điểm b khoản 3 và khoản 9 Điều 1`); a longer one goes
/// on as a new list.
const MAX_LIST: usize = 64;

/// Most items of the larger units a reference of a list takes from the next one.
const MAX_SHARED_ITEMS: usize = 64;

/// Adds a larger unit to a chain; `true` when it is `này` (no label: the unit the text is
/// in), which ends the chain.
fn push_part<'t>(
    parts: &mut Vec<ProvisionRef<'t>>,
    level: Level,
    item: Option<Item<'t>>,
    span: Range<usize>,
) -> bool {
    let this = item.is_none();
    parts.push(ProvisionRef {
        level,
        items: item.into_iter().collect(),
        span,
    });
    this
}

/// A chain ended by `này` (`khoản 2 Điều này`): nothing of it goes on.
fn ends_at_this(parts: Vec<ProvisionRef<'_>>, start: usize, end: usize) -> (Chain<'_>, After) {
    (
        Chain {
            parts,
            start,
            end,
            this: true,
        },
        After::End,
    )
}

/// The references of one list starting at `u` (one, or several sharing their larger units
/// and document), with where the last ends (its target included).
fn read_group<'t>(text: &'t str, u: usize, docs: &mut Docs) -> Option<(Vec<Pinpoint<'t>>, usize)> {
    let mut chains = Vec::new();
    let mut at = u;
    while let Some((chain, after)) = read_chain(text, at) {
        chains.push(chain);
        match after {
            After::Coordinate(q) if chains.len() < MAX_LIST => at = q,
            _ => break,
        }
    }
    let last = chains.last()?;
    let (target, target_span) = if last.this {
        (Target::ThisDocument, None)
    } else {
        target_after(text, last.end, docs)
    };
    let mut end = target_span
        .as_ref()
        .map_or(last.end, |s| s.end.max(last.end));
    end = end.max(last.end);
    let mut out: Vec<Pinpoint<'t>> = Vec::with_capacity(chains.len());
    let mut next: Option<(Vec<ProvisionRef<'t>>, Target, Option<Range<usize>>)> = None;
    for chain in chains.into_iter().rev() {
        let mut parts = chain.parts;
        let (t, ts) = match &next {
            None => (target, target_span.clone()),
            Some((next_parts, nt, nts)) => {
                let top = parts.last().map(|r| r.level).unwrap_or(Level::Dieu);
                match next_parts.iter().position(|r| r.level == top) {
                    Some(i) => {
                        // The units after the shared one are this reference's too (copied
                        // when they are few: a long list shared by many is not copied into
                        // each, so that memory stays linear).
                        let shared = &next_parts[i + 1..];
                        if shared.iter().map(|r| r.items.len()).sum::<usize>() <= MAX_SHARED_ITEMS {
                            parts.extend(shared.iter().cloned());
                        }
                        (*nt, nts.clone())
                    }
                    None => {
                        let next_top = next_parts.last().map(|r| r.level).unwrap_or(Level::Dieu);
                        if top.is_top_tier() && next_top.is_top_tier() {
                            (*nt, nts.clone())
                        } else {
                            (Target::ThisDocument, None)
                        }
                    }
                }
            }
        };
        out.push(Pinpoint {
            text,
            span: chain.start..chain.end,
            parts: parts.clone(),
            target: t,
            target_span: ts.clone(),
        });
        next = Some((parts, t, ts));
    }
    out.reverse();
    Some((out, end))
}

// --- the document a reference is in -------------------------------------------------------

/// The numbered citations of the text, found once when a reference first needs them: where
/// each is and its kind, sorted.
#[derive(Default)]
struct Docs {
    numbered: Option<Vec<(Range<usize>, Option<DocKind>)>>,
}

/// How far after a reference a law's title is read for its named citation: more than the
/// longest title (an amending law's, 48 words).
const NAMED_WINDOW: usize = 640;

/// How far after a kind's name the number that goes with it may start (`Luật Thuế⏎giá trị
/// gia tăng số 13/2008/QH12`).
const TITLE_WINDOW: usize = 240;

impl Docs {
    fn numbered(&mut self, text: &str) -> &[(Range<usize>, Option<DocKind>)] {
        self.numbered.get_or_insert_with(|| {
            let mut all: Vec<(Range<usize>, Option<DocKind>)> = crate::citations(text)
                .map(|c| (c.span.clone(), c.kind))
                .collect();
            all.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
            all
        })
    }

    /// The numbered citation starting at `pos`.
    fn numbered_at(&mut self, text: &str, pos: usize) -> Option<Range<usize>> {
        let list = self.numbered(text);
        let i = list.partition_point(|(s, _)| s.start < pos);
        list.get(i)
            .filter(|(s, _)| s.start == pos)
            .map(|(s, _)| s.clone())
    }

    /// The first numbered citation starting from `from` on, if it is the number of the
    /// document whose kind's name is at `name_start` (a title between, no clause's
    /// punctuation, a kind that agrees).
    fn numbered_after_name(
        &mut self,
        text: &str,
        name_start: usize,
        from: usize,
        kind: Option<DocKind>,
    ) -> Option<Range<usize>> {
        let list = self.numbered(text);
        let i = list.partition_point(|(s, _)| s.start < from);
        let (span, cited_kind) = list.get(i)?;
        let between = &text[name_start..span.start];
        let agrees = match (kind, *cited_kind) {
            (Some(a), Some(b)) => {
                let law = |k| matches!(k, DocKind::Luat | DocKind::BoLuat);
                a == b || law(a) && law(b)
            }
            _ => true,
        };
        (span.start - name_start <= TITLE_WINDOW
            && agrees
            && between.split_whitespace().count() <= 16
            && between.bytes().filter(|&b| b == b'\n').count() <= 1
            && !between.contains(['.', ';', ':', '(', ')', '“', '”', '"']))
        .then(|| span.clone())
    }
}

/// The document cited by title at `pos` (`Luật Đất đai năm 2024`), read from there on.
fn named_at(text: &str, pos: usize) -> Option<Range<usize>> {
    let mut hi = (pos + NAMED_WINDOW).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    // A title does not run past its clause.
    if let Some(i) = text[pos..hi].find([';', '.', ':', '(', ')']) {
        hi = pos + i;
    }
    let c = super::named_citations(&text[pos..hi]).next()?;
    (c.span.start == 0).then(|| pos..pos + c.span.end)
}

/// Words between a reference and its document: `của`, `tại`, `ban hành kèm theo`.
fn skip_linking_words(text: &str, mut pos: usize) -> usize {
    for _ in 0..6 {
        let Some(p) = skip_gap(text, pos) else {
            return pos;
        };
        let w = word_at(text, p);
        let word = &text[w.clone()];
        let next_is = |expected: &str| {
            skip_gap(text, w.end)
                .map(|n| word_at(text, n))
                .filter(|n| word_is(&text[n.clone()], expected))
        };
        if ["của", "tại", "thuộc", "trong"]
            .iter()
            .any(|l| word_is(word, l))
        {
            pos = w.end;
        } else if word_is(word, "ban")
            && let Some(n) = next_is("hành")
        {
            pos = n.end;
        } else if word_is(word, "kèm")
            && let Some(n) = next_is("theo")
        {
            pos = n.end;
        } else if word_is(word, "được") && next_is("ban").is_some() {
            pos = w.end;
        } else {
            return pos;
        }
    }
    pos
}

/// What names a document without a number: a kind's name (`Nghị định`, `Thông tư liên
/// tịch`), `văn bản`, `Điều lệ`; the name and where it ends.
fn doc_word_at(text: &str, pos: usize) -> Option<(bool, usize, Option<DocKind>)> {
    let mut words: Vec<Range<usize>> = Vec::with_capacity(4);
    let mut at = pos;
    for _ in 0..4 {
        let w = word_at(text, at);
        if w.is_empty() || w.len() > 24 {
            break;
        }
        words.push(w.clone());
        let rest = &text[w.end..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if gap == 0 {
            break;
        }
        at = w.end + gap;
    }
    let capital = text[pos..].chars().next().is_some_and(char::is_uppercase);
    for n in (1..=words.len()).rev() {
        let name: Vec<&str> = words[..n].iter().map(|w| &text[w.clone()]).collect();
        let name = name.join(" ");
        if ["văn bản", "điều lệ"].iter().any(|e| word_is(&name, e)) {
            return Some((capital, words[n - 1].end, None));
        }
        if let Some(kind) = DocKind::from_name(&name) {
            return Some((capital, words[n - 1].end, Some(kind)));
        }
    }
    None
}

/// The document named after a reference that ends at `end`.
fn target_after(text: &str, end: usize, docs: &mut Docs) -> (Target, Option<Range<usize>>) {
    let bare = (Target::ThisDocument, None);
    // `Điều 3, Quyết định số 20/2000/QĐ-TTg`: a numbered citation after a comma.
    if let Some(p) = skip_gap(text, end)
        && text[p..].starts_with(',')
        && let Some(q) = skip_gap(text, p + 1)
        && let Some(c) = docs.numbered_at(text, q)
    {
        return (Target::Cited, Some(c));
    }
    // `Mục 14 Phần I (Phần Hành chính) của …`: what the unit is called, in brackets.
    let end = after_brackets(text, end);
    let linked = skip_linking_words(text, end);
    let Some(q) = skip_gap(text, linked) else {
        return bare;
    };
    let Some((capital, name_end, kind)) = doc_word_at(text, q) else {
        if let Some(c) = docs.numbered_at(text, q) {
            return (Target::Cited, Some(c));
        }
        if let Some(c) = document_issuing(text, q, docs) {
            return (Target::Cited, Some(c));
        }
        // `Điều 1 QĐ 20`: a kind's abbreviation and a number, a short form.
        return super::short_form::abbreviated_number(text, q)
            .map_or(bare, |(s, ..)| (Target::Unresolved, Some(s)));
    };
    // `Nghị định này`, `Quyết định nêu trên`, `Luật trên`: read before the citations, which
    // may take `Luật này.”` for a title.
    if let Some(n) = skip_gap(text, name_end).filter(|&n| n > name_end) {
        let w = word_at(text, n);
        let word = &text[w.clone()];
        if word_is(word, "này") || word_is(word, "nay") {
            return (Target::ThisDocument, Some(q..w.end));
        }
        if word_is(word, "trên") {
            return (Target::Unresolved, Some(q..w.end));
        }
        if ["nêu", "nói", "dẫn"].iter().any(|x| word_is(word, x))
            && let Some(m) = skip_gap(text, w.end)
        {
            let t = word_at(text, m);
            if word_is(&text[t.clone()], "trên") {
                return (Target::Unresolved, Some(q..t.end));
            }
        }
    }
    if let Some(c) = docs.numbered_at(text, q) {
        return (Target::Cited, Some(c));
    }
    if matches!(
        kind,
        Some(DocKind::Luat | DocKind::BoLuat | DocKind::PhapLenh | DocKind::HienPhap)
    ) && let Some(c) = named_at(text, q)
    {
        return (Target::Cited, Some(c));
    }
    // A kind's name alone, in capitals (`Nghị định của Chính phủ`, `Nghị định số 15`), or
    // with a title the citations do not start at (`Luật⏎Thủy lợi số 08/2017/QH14`, whose
    // citation is `số 08/2017/QH14`); in lower case it is a verb as often as a document
    // (`Điều 5 quy định …`).
    if capital {
        if let Some(c) = docs.numbered_after_name(text, q, name_end, kind) {
            return (Target::Cited, Some(c));
        }
        return (
            Target::Unresolved,
            Some(q..short_number_end(text, name_end)),
        );
    }
    bare
}

/// Where a bracket opened right after `end` (after spaces) closes, past it, if it closes
/// within a few words on the same line; `end` otherwise.
fn after_brackets(text: &str, end: usize) -> usize {
    let Some(p) = skip_gap(text, end).filter(|&p| text[p..].starts_with('(')) else {
        return end;
    };
    let rest = &text[p..super::fold::floor_boundary(text, text.len().min(p + 120))];
    match rest.find([')', '\n']) {
        Some(i) if rest.as_bytes()[i] == b')' => p + i + 1,
        _ => end,
    }
}

/// The document issuing a form, a regulation or a table named at `q` (`của Bảng kê
/// chi phí KCB ban hành kèm theo Quyết định 6556/QĐ-BYT`: the unit is in the text that
/// Quyết định issues): `kèm theo` within a few words of the clause, then a numbered
/// citation.
fn document_issuing(text: &str, q: usize, docs: &mut Docs) -> Option<Range<usize>> {
    let mut at = q;
    for _ in 0..12 {
        let p = skip_gap(text, at)?;
        let w = word_at(text, p);
        if w.is_empty() {
            return None;
        }
        if word_is(&text[w.clone()], "kèm") {
            let t = skip_gap(text, w.end).map(|n| word_at(text, n))?;
            if !word_is(&text[t.clone()], "theo") {
                return None;
            }
            let d = skip_gap(text, t.end)?;
            return docs.numbered_at(text, d);
        }
        at = w.end;
    }
    None
}

/// Where `số 15` after a kind's name ends (a number without its symbol), or `name_end`.
fn short_number_end(text: &str, name_end: usize) -> usize {
    let Some(n) = skip_gap(text, name_end).filter(|&n| n > name_end) else {
        return name_end;
    };
    let w = word_at(text, n);
    if !word_is(&text[w.clone()], "số") {
        return name_end;
    }
    let Some(d) = skip_gap(text, w.end) else {
        return name_end;
    };
    let num = word_at(text, d);
    let digits = !num.is_empty() && text[num.clone()].bytes().all(|b| b.is_ascii_digit());
    if digits && !text[num.end..].starts_with(['/', '-']) {
        num.end
    } else {
        name_end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast test answers as `char::is_alphanumeric` does, for every character.
    #[test]
    fn alnum_is_is_alphanumeric() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}

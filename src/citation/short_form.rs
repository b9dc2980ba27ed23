//! Short forms: a document named again without its number (`Nghị định này`, `Quyết định nêu
//! trên`, `văn bản trên`, `Nghị định số 15` after `Nghị định số 15/2018/NĐ-CP`), and their
//! resolution to the citation they stand for, a separate step callers can replace.

use std::ops::Range;

use super::Citation;
use crate::catalog::{DocKind, KINDS};

/// How a short form names its document.
///
/// ```
/// use vanban::citation::{Form, short_forms};
/// let forms: Vec<Form> = short_forms("Quyết định này thay thế Quyết định nêu trên.")
///     .map(|s| s.form)
///     .collect();
/// assert_eq!(forms, [Form::This, Form::Above]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Form {
    /// `… này`: the text itself.
    This,
    /// `… nêu trên`, `… nói trên`, `… trên`: a document named before.
    Above,
    /// `… số 15`, or a kind's abbreviation and a number (`QĐ 20`): a number without its
    /// symbol, of a document cited in full before.
    ShortNumber(u32),
}

/// A document named again without its full number.
///
/// ```
/// let s = vanban::citation::short_forms("Thông tư nói trên").next().unwrap();
/// assert_eq!(s.kind, Some(vanban::DocKind::ThongTu));
/// assert_eq!(s.as_str(), "Thông tư nói trên");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ShortForm<'t> {
    text: &'t str,
    /// The whole short form.
    pub span: Range<usize>,
    /// The kind named (`None` for `văn bản`, any kind).
    pub kind: Option<DocKind>,
    /// How it names the document.
    pub form: Form,
}

impl<'t> ShortForm<'t> {
    /// The short form as written.
    ///
    /// ```
    /// let s = vanban::citation::short_forms("theo văn bản trên,").next().unwrap();
    /// assert_eq!(s.as_str(), "văn bản trên");
    /// ```
    pub fn as_str(&self) -> &'t str {
        &self.text[self.span.clone()]
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ShortForm<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct View<'a> {
            kind: Option<DocKind>,
            form: Form,
            span: &'a Range<usize>,
            text: &'a str,
        }
        View {
            kind: self.kind,
            form: self.form,
            span: &self.span,
            text: self.as_str(),
        }
        .serialize(s)
    }
}

/// What a short form stands for, once resolved.
///
/// ```
/// use vanban::citation::{Resolution, resolve_short_forms};
/// let text = "Thực hiện Nghị định số 15/2018/NĐ-CP; theo Nghị định số 15, Nghị định này …";
/// let got = resolve_short_forms(text);
/// assert_eq!(got[0].1, Resolution::Cited(0));
/// assert_eq!(got[1].1, Resolution::ThisDocument);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Resolution {
    /// The text itself.
    ThisDocument,
    /// The citation at this index of the citations given.
    Cited(usize),
    /// No antecedent can be told: left unresolved, never guessed.
    Unresolved,
}

impl Resolution {
    /// What the short form stands for as JSON writes it: `self`, the cited document's
    /// number (`cited` as given to [`resolve`]), or `None` when unresolved.
    ///
    /// ```
    /// use vanban::citation::{resolve, short_forms};
    /// let text = "Quyết định số 12/QĐ-UBND; Quyết định trên; Quyết định này";
    /// let cited: Vec<_> = vanban::citations(text).collect();
    /// let to: Vec<Option<String>> =
    ///     short_forms(text).map(|s| resolve(&s, &cited).refers_to(&cited)).collect();
    /// assert_eq!(to, [Some("12/QĐ-UBND".to_string()), Some("self".to_string())]);
    /// ```
    pub fn refers_to(self, cited: &[Citation<'_>]) -> Option<String> {
        match self {
            Resolution::ThisDocument => Some("self".to_string()),
            Resolution::Cited(i) => cited.get(i).map(|c| c.number.to_string()),
            Resolution::Unresolved => None,
        }
    }
}

/// The short forms of `text`, in its order.
///
/// A kind's name (upper case first or not, from the kind catalogue) or `văn bản`, then `này`,
/// `nêu trên`, `nói trên`, `trên`, or `số` and a number with no symbol after it.
///
/// ```
/// let text = "Nghị định này có hiệu lực; bãi bỏ Nghị định số 15.";
/// let all: Vec<&str> = vanban::citation::short_forms(text).map(|s| s.as_str()).collect();
/// assert_eq!(all, ["Nghị định này", "Nghị định số 15"]);
/// ```
pub fn short_forms(text: &str) -> impl Iterator<Item = ShortForm<'_>> {
    // A text in decomposed form (`này` as `na`, a combining grave and `y`) is read composed,
    // the spans mapped back to the text as written.
    if super::fold::mostly_decomposed(text.as_bytes()) {
        let norm = crate::text::Normalized::with_options(text, crate::text::Options::new());
        let found: Vec<ShortForm<'_>> = read_forms(norm.as_str())
            .into_iter()
            .map(|f| ShortForm {
                text,
                span: norm.original_span(f.span),
                kind: f.kind,
                form: f.form,
            })
            .collect();
        return found.into_iter();
    }
    read_forms(text).into_iter()
}

/// [`short_forms`] of a composed text.
fn read_forms(text: &str) -> Vec<ShortForm<'_>> {
    let b = text.as_bytes();
    // The words after a name are few and short: found by byte search, then the name is
    // looked for just before each (one pass a word, not one a kind's name).
    let mut found: Vec<ShortForm<'_>> = Vec::new();
    for word in ["này", "trên", "số "] {
        for at in memchr::memmem::find_iter(b, word.as_bytes()) {
            let mut lead = at;
            if word == "trên" {
                for w in ["nêu ", "nói "] {
                    if text[..lead].ends_with(w) {
                        lead -= w.len();
                    }
                }
            }
            let name_end = text[..lead].trim_end_matches([' ', '\t', '\u{A0}']).len();
            if name_end == lead {
                continue;
            }
            let Some((start, name, kind)) = name_before(text, name_end) else {
                continue;
            };
            if text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            // In lower case these name a rule, a guidance, a contract in general (`quy
            // định trên`), except as the text itself (`quy định này`, issued with it).
            let generic = matches!(name, "quy định" | "hướng dẫn" | "hợp đồng");
            if let Some((form, end)) = form_after(text, name_end)
                && (!generic || form == Form::This)
            {
                found.push(ShortForm {
                    text,
                    span: start..end,
                    kind,
                    form,
                });
            }
        }
    }
    // `QĐ 20`: texts that cite a document often give it a short name of this shape
    // (`Quyết định số 20/2000/QĐ-TTg … (sau đây gọi tắt là QĐ 20)`).
    let nbsp = memchr::memmem::find(b, "\u{A0}".as_bytes()).is_some();
    for m in ABBREVIATED[0].find_iter(text).chain(
        nbsp.then(|| ABBREVIATED[1].find_iter(text))
            .into_iter()
            .flatten(),
    ) {
        if let Some((span, kind, n)) = abbreviated_number(text, m.start()) {
            found.push(ShortForm {
                text,
                span,
                kind: Some(kind),
                form: Form::ShortNumber(n),
            });
        }
    }
    found.sort_by_key(|s| (s.span.start, std::cmp::Reverse(s.span.end)));
    found.dedup_by(|later, earlier| later.span.start < earlier.span.end);
    found
}

/// The kind's name (or `văn bản`) ending at `name_end`: where it starts, the name as the
/// catalogue writes it, and its kind. A name of two words may be broken over two lines
/// (`tại Quyết⏎định này`, text extracted from PDF).
fn name_before(text: &str, name_end: usize) -> Option<(usize, &'static str, Option<DocKind>)> {
    let head = &text[..name_end];
    if let Some((n, kind)) = NAMES.iter().find(|(n, _)| head.ends_with(n.as_str())) {
        return Some((name_end - n.len(), n.as_str(), *kind));
    }
    // The line break between the words: `… Quyết⏎định`, spaces around it.
    let from = super::fold::ceil_boundary(text, name_end.saturating_sub(40));
    let tail = &text[from..name_end];
    // Only where the name's last words start a line (most `này`, `số` follow other words).
    let nl = tail.rfind('\n')?;
    let last = &tail[nl + 1..];
    let last = last.trim_start_matches([' ', '\t', '\u{A0}']);
    if last.is_empty() || last.len() > "tư liên tịch".len() {
        return None;
    }
    let before = tail[..nl].trim_end_matches([' ', '\t', '\r', '\u{A0}']);
    NAMES.iter().find_map(|(n, kind)| {
        n.match_indices(' ').find_map(|(i, _)| {
            let (first, second) = (&n[..i], &n[i + 1..]);
            (second == last && before.ends_with(first))
                .then(|| (from + before.len() - first.len(), n.as_str(), *kind))
        })
    })
}

/// Where a kind's abbreviation may stand before a number: every abbreviation of two
/// letters or more in the catalogue (`L`, Lệnh, is any capital), then a space (the first
/// pattern) or a no-break space (the second, searched only in a text that has one) and a
/// digit; checked by [`abbreviated_number`]. Apart, each pattern starts with a few literal
/// strings that a byte search finds (one class of both spaces: 13 times slower).
static ABBREVIATED: std::sync::LazyLock<[regex::Regex; 2]> = std::sync::LazyLock::new(|| {
    let mut codes: Vec<&str> = KINDS
        .iter()
        .filter_map(|k| k.abbr)
        .filter(|c| c.chars().count() >= 2)
        .collect();
    codes.sort_by_key(|c| std::cmp::Reverse(c.len()));
    let codes: Vec<String> = codes.iter().map(|c| regex::escape(c)).collect();
    let codes = codes.join("|");
    [" ", "\u{A0}"]
        .map(|space| regex::Regex::new(&format!("(?:{codes}){space}[0-9]")).expect("valid regex"))
});

/// `QĐ 20` at `at`: a kind's abbreviation as the catalogue writes it, standing as a word,
/// white space and a number without its symbol; its span, the kind and the number.
///
/// Only the abbreviation itself, of two letters or more (`QĐ`, `NĐ`, `TT`): `ND 20`, `Qđ 20`
/// or `L 20` may be anything.
pub(super) fn abbreviated_number(text: &str, at: usize) -> Option<(Range<usize>, DocKind, u32)> {
    if text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let rest = &text[at..];
    let len = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    let word = &rest[..len];
    if word.chars().count() < 2 {
        return None;
    }
    let kind = DocKind::from_abbr(word).filter(|k| k.abbr() == Some(word))?;
    let after = &rest[len..];
    let gap = after.len() - after.trim_start_matches([' ', '\u{A0}']).len();
    if gap == 0 {
        return None;
    }
    let (n, digits) = short_number(&after[gap..])?;
    Some((at..at + len + gap + digits, kind, n))
}

/// The names a short form starts with, longest first (`Bộ luật` before `luật`): every
/// kind's name from the catalogue, capitalized and not, and `văn bản`.
static NAMES: std::sync::LazyLock<Vec<(String, Option<DocKind>)>> =
    std::sync::LazyLock::new(|| {
        let mut names: Vec<(String, Option<DocKind>)> =
            vec![("văn bản".to_string(), None), ("Văn bản".to_string(), None)];
        for k in KINDS {
            let lower: String = {
                let mut c = k.name.chars();
                c.next()
                    .map(|f| f.to_lowercase().chain(c).collect())
                    .unwrap_or_default()
            };
            names.push((k.name.to_string(), Some(k.kind)));

            names.push((lower, Some(k.kind)));
        }
        // Longest first; among equals the catalogue's order (its first row wins).
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        names
    });

/// The form after a kind's name ending at `at`, and where it ends.
fn form_after(text: &str, at: usize) -> Option<(Form, usize)> {
    let rest = &text[at..];
    let gap = rest.len() - rest.trim_start_matches([' ', '\t', '\u{A0}']).len();
    if gap == 0 {
        return None;
    }
    let rest = &rest[gap..];
    let word_end = |w: &str| {
        rest.starts_with(w)
            && !rest[w.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    };
    for (w, form) in [
        ("này", Form::This),
        ("nêu trên", Form::Above),
        ("nói trên", Form::Above),
        ("trên", Form::Above),
    ] {
        if word_end(w) {
            return Some((form, at + gap + w.len()));
        }
    }
    // `số 15`, not `số 15/2018/NĐ-CP` (a citation) nor `số 15-NQ/TW`.
    let (value, digits) = short_number(rest.strip_prefix("số ")?)?;
    Some((Form::ShortNumber(value), at + gap + "số ".len() + digits))
}

/// The number without a symbol that `n` starts with (`15` of `15, Nghị định …`), and its
/// length: not the sequence of a number (`15/2018/NĐ-CP`, `15-NQ/TW`), a decimal or a list
/// of numbers sharing a symbol (`15, 16/QĐ-UBND`).
fn short_number(n: &str) -> Option<(u32, usize)> {
    let digits = n.len() - n.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 5 {
        return None;
    }
    let after = &n[digits..];
    if after.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | ',')) {
        // `số 15, 16/QĐ-UBND` is a list of numbers, `số 15.` a sentence's end.
        let sentence_end =
            after.starts_with('.') && !after[1..].starts_with(|c: char| c.is_ascii_digit());
        let list = after.starts_with(',');
        if !(sentence_end || list && !after_is_list(after)) {
            return None;
        }
    }
    Some((n[..digits].parse().ok()?, digits))
}

/// Whether `, …` after a short number goes on with another number (`số 15, 16/QĐ-UBND`).
fn after_is_list(after: &str) -> bool {
    after[1..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit())
}

/// Every short form of `text` with what it stands for, among `citations(text)` (indices into
/// that sequence): `… này` is the text itself; `… nêu trên` the last document cited before
/// it of that kind (any kind for `văn bản`); `… số 15` the last cited before it of that kind
/// whose number's sequence is 15. Anything else is [`Resolution::Unresolved`].
///
/// ```
/// use vanban::citation::{Resolution, resolve_short_forms};
/// let text = "Căn cứ Thông tư số 07/2022/TT-BTTTT; Thông tư nêu trên quy định …";
/// assert_eq!(resolve_short_forms(text)[0].1, Resolution::Cited(0));
/// ```
pub fn resolve_short_forms(text: &str) -> Vec<(ShortForm<'_>, Resolution)> {
    let cited: Vec<Citation<'_>> = crate::citations(text).collect();
    let forms: Vec<ShortForm<'_>> = short_forms(text).collect();
    // The text's own kind, from its header (read only where a form needs it).
    let own = forms
        .iter()
        .any(|s| s.form == Form::This && s.kind.is_some_and(stands_alone))
        .then(|| own_kind(text))
        .flatten();
    forms
        .into_iter()
        .map(|s| {
            let r = resolve_for(&s, &cited, own);
            (s, r)
        })
        .collect()
}

/// The kind of the text, as its header names it (the first 16 KiB read as a document).
fn own_kind(text: &str) -> Option<DocKind> {
    let end = super::fold::floor_boundary(text, text.len().min(16 * 1024));
    crate::Document::parse(&text[..end]).kind
}

/// Kinds that are never issued with another text (as a Quy chế, a Kế hoạch or a Quy định
/// are, with the Quyết định that issues them, and call themselves `Quy chế này`): `Luật
/// này` in a text of another kind is not that text.
fn stands_alone(kind: DocKind) -> bool {
    matches!(
        kind,
        DocKind::Luat
            | DocKind::BoLuat
            | DocKind::PhapLenh
            | DocKind::HienPhap
            | DocKind::NghiDinh
            | DocKind::ThongTu
            | DocKind::ThongTuLienTich
            | DocKind::ChiThi
            | DocKind::ThongBao
            | DocKind::CongVan
            | DocKind::ToTrinh
            | DocKind::BaoCao
            | DocKind::QuyetDinh
            | DocKind::NghiQuyet
    )
}

/// What `short` stands for among `cited`, the citations of its text in order.
///
/// ```
/// use vanban::citation::{Resolution, resolve, short_forms};
/// let text = "Quyết định số 12/QĐ-UBND; Quyết định trên";
/// let cited: Vec<_> = vanban::citations(text).collect();
/// let s = short_forms(text).next().unwrap();
/// assert_eq!(resolve(&s, &cited), Resolution::Cited(0));
/// ```
pub fn resolve(short: &ShortForm<'_>, cited: &[Citation<'_>]) -> Resolution {
    resolve_for(short, cited, None)
}

/// [`resolve`], knowing the kind of the text the short form is in (`Document::kind`):
/// `Luật này`, `Thông báo này` in a text of another kind (a công văn quoting a law, a
/// portal's notice in a Quyết định's page) is not the text itself but the document of that
/// kind cited last before it, or unresolved. Kinds issued with another text (`Quy chế
/// này`, `Kế hoạch này` in the Quyết định that issues them) stay the text itself.
///
/// ```
/// use vanban::citation::{Resolution, resolve_for, short_forms};
/// use vanban::DocKind;
/// let text = "Luật Hải quan số 54/2014/QH13 có hiệu lực từ ngày 01/01/2015. Luật này thay thế …";
/// let cited: Vec<_> = vanban::citations(text).collect();
/// let s = short_forms(text).next().unwrap();
/// assert_eq!(resolve_for(&s, &cited, Some(DocKind::CongVan)), Resolution::Cited(0));
/// assert_eq!(resolve_for(&s, &cited, Some(DocKind::Luat)), Resolution::ThisDocument);
/// ```
pub fn resolve_for(
    short: &ShortForm<'_>,
    cited: &[Citation<'_>],
    own: Option<DocKind>,
) -> Resolution {
    let r = resolve_in_text(short, cited);
    match (r, short.kind, own) {
        (Resolution::ThisDocument, Some(kind), Some(own))
            if short.form == Form::This && kind != own && stands_alone(kind) =>
        {
            cited
                .iter()
                .rposition(|c| c.span.end <= short.span.start && c.kind == Some(kind))
                .map_or(Resolution::Unresolved, Resolution::Cited)
        }
        _ => r,
    }
}

/// [`resolve`] from the text alone.
fn resolve_in_text(short: &ShortForm<'_>, cited: &[Citation<'_>]) -> Resolution {
    let before = cited
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, c)| c.span.end <= short.span.start)
        .filter(|(_, c)| short.kind.is_none() || c.kind == short.kind);
    let found = match short.form {
        // `Nghị định này` in a Nghị định quoted (`Nghị định số 120/2010/NĐ-CP quy định: "…
        // Điều 12 Nghị định này …"`) is the one quoted.
        Form::This => {
            return super::quotation::opening_before(short.text, short.span.start)
                .and_then(|open| super::quotation::quoted_document(short.text, open, cited))
                .filter(|&i| short.kind.is_none() || cited[i].kind == short.kind)
                .map_or(Resolution::ThisDocument, Resolution::Cited);
        }
        Form::Above => before.map(|(i, _)| i).next(),
        Form::ShortNumber(n) => before
            .filter(|(_, c)| c.number.seq_value() == Some(n))
            .map(|(i, _)| i)
            .next(),
    };
    found.map_or(Resolution::Unresolved, Resolution::Cited)
}

//! Annotation of HTML and Markdown sources: find citations in the visible text, then insert
//! links (or any markup) around them in the source, without breaking its markup.
//!
//! [`plain_text`](crate::annotate::plain_text) reads the visible text of a source and keeps
//! a map back to the source's bytes; the readers of this crate
//! ([`citations`](crate::citations), [`dates`](crate::dates)) run on that text;
//! [`annotate`](crate::annotate::annotate) inserts the strings a closure gives around each
//! span found, at the mapped places of the source. This is what eyecite's
//! `annotate_citations` does, but an insertion never lands inside a tag or an entity, and
//! the result stays well nested when a span crosses the source's tags (see
//! [`annotate`](crate::annotate::annotate)).
//!
//! ```
//! use vanban::annotate::{Markup, plain_text};
//!
//! let html = "<p>Căn cứ <b>Nghị định số 30/2020/NĐ-CP</b> ngày 05&#47;3&#47;2020 của Chính phủ;</p>";
//! let plain = plain_text(html, Markup::Html);
//! assert_eq!(plain.as_str(), "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\n");
//!
//! let spans: Vec<_> = vanban::citations(plain.as_str()).map(|c| c.span).collect();
//! let linked = plain.annotate(&spans, |_, text| {
//!     let number = vanban::citations(text).next().unwrap().number;
//!     (format!("<a href=\"/van-ban/{number}\">"), "</a>".to_owned())
//! })?;
//! assert_eq!(
//!     linked,
//!     "<p>Căn cứ <b><a href=\"/van-ban/30/2020/NĐ-CP\">Nghị định số 30/2020/NĐ-CP</a></b> \
//!      ngày 05&#47;3&#47;2020 của Chính phủ;</p>"
//! );
//! # Ok::<(), vanban::annotate::AnnotateError>(())
//! ```
//!
//! # What is read as markup
//!
//! | markup | dropped | decoded | kept |
//! |---|---|---|---|
//! | [`Markup::Html`](crate::annotate::Markup::Html) | tags (`>` inside quoted attribute values included), comments, `<!…>`, `<?…>`, `<script>` and `<style>` elements whole | entities: decimal and hex (`&#47;`, `&#x1EA1;`, windows-1252 for `&#128;`–`&#159;`), the named ones of HTML 4 (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;`, the Latin-1 letters `&agrave;` … `&yuml;`, `&ndash;` …) and `&abreve;` `&dstrok;` `&itilde;` `&utilde;` with their capitals | unknown entities (`&foo;`), a `&` or `<` that starts nothing (`a < b`, `&`), a tag never closed by `>` |
//! | [`Markup::Markdown`](crate::annotate::Markup::Markdown) | emphasis markers (`*`, `**`, `***`, `_`, `__`, `___`) that pair, backticks around code, the `[`, `![` and `](url "title")` of an inline link | `\*` and every escaped ASCII punctuation | everything else, the markers that do not pair (`5 * 3`, `snake_case`), HTML |
//! | [`Markup::Plain`](crate::annotate::Markup::Plain) | nothing | nothing | everything |
//!
//! In HTML, `<br>` gives a line break, and so does a block tag (`<p>`, `</p>`, `<div>`,
//! `<li>`, `<tr>`, `<td>`, `<h1>` …) unless the text is empty or already ends with one, so
//! that `<p>…NĐ-CP</p><p>Căn cứ` does not read as `NĐ-CPCăn`. Spaces and line breaks of the
//! source are kept as they are.
//!
//! Markdown is read the CommonMark way, simplified: emphasis markers pair by the flanking
//! rules with a marker of the same character and length, not across a blank line nor into
//! or out of a link's text; a code span ends at the next run of as many backticks within
//! its paragraph.
//!
//! # Limits
//!
//! Every function takes any `&str` without panicking and runs in time linear in its input:
//! a tag never closed, a quote never closed, `[a](` repeated, a flood of `<b>` are read in
//! one pass (a link's destination scan is cut off at 32 nested parentheses).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use memchr::{memchr, memchr2, memmem};

/// How a source is marked up: what [`plain_text`] drops to read its visible text.
///
/// ```
/// use vanban::annotate::{Markup, plain_text};
///
/// let md = "**Căn cứ** Luật số 80/2015/*QH13*";
/// assert_eq!(plain_text(md, Markup::Markdown).as_str(), "Căn cứ Luật số 80/2015/QH13");
/// assert_eq!(plain_text(md, Markup::Plain).as_str(), md);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Markup {
    /// Text as it is: nothing dropped, nothing decoded.
    Plain,
    /// HTML (or XHTML): tags, comments, scripts and styles dropped, entities decoded.
    Html,
    /// Markdown: emphasis, code backticks and inline link syntax dropped, escapes decoded.
    Markdown,
}

/// Where an annotation was inserted: `len` bytes at byte `at` of the annotated output, for
/// the span at index `span` of the spans given. [`strip`] removes them.
///
/// ```
/// use vanban::annotate::{Markup, annotate_with_positions};
///
/// let text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ";
/// let span = vanban::citations(text).next().unwrap().span; // 10..44
/// let (out, ins) = annotate_with_positions(text, Markup::Plain, &[span], |_, _| {
///     ("«".to_owned(), "»".to_owned())
/// })?;
/// assert_eq!(out, "Căn cứ «Nghị định số 30/2020/NĐ-CP» ngày 05/3/2020 của Chính phủ");
/// assert_eq!((ins[0].at, ins[0].len, ins[0].span), (10, 2, 0));
/// assert_eq!(&out[ins[1].at..ins[1].at + ins[1].len], "»");
/// # Ok::<(), vanban::annotate::AnnotateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Insertion {
    /// Byte offset of the inserted string in the annotated output.
    pub at: usize,
    /// Length in bytes of the inserted string.
    pub len: usize,
    /// Index, in the spans given, of the span it was inserted for.
    pub span: usize,
}

/// A span that [`annotate`] cannot place. Nothing is inserted when one is refused, and the
/// closure is not called.
///
/// ```
/// use vanban::annotate::{AnnotateError, Markup, annotate};
///
/// let text = "Căn cứ Luật số 80/2015/QH13";
/// let err = annotate(text, Markup::Plain, &[10..34, 16..22], |_, _| Default::default())
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "span 1 (16..22) overlaps the span before it (10..34): expected a start at or after byte 34"
/// );
/// assert_eq!(err.span(), &(16..22));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AnnotateError {
    /// The span ends past the end of the plain text.
    #[error(
        "span {index} ({}..{}) is out of bounds: expected an end at most {len}, the length of the plain text",
        span.start,
        span.end
    )]
    OutOfBounds {
        /// Index of the span in the spans given.
        index: usize,
        /// The span.
        span: Range<usize>,
        /// The length in bytes of the plain text.
        len: usize,
    },
    /// The span starts after its end.
    #[error(
        "span {index} ({}..{}) is reversed: expected a start at most its end",
        span.start,
        span.end
    )]
    Reversed {
        /// Index of the span in the spans given.
        index: usize,
        /// The span.
        span: Range<usize>,
    },
    /// The span starts or ends inside a character of the plain text.
    #[error(
        "span {index} ({}..{}) splits a character at byte {offset}: expected a char boundary",
        span.start,
        span.end
    )]
    NotCharBoundary {
        /// Index of the span in the spans given.
        index: usize,
        /// The span.
        span: Range<usize>,
        /// The offset in the plain text that is not a char boundary.
        offset: usize,
    },
    /// The span starts before the end of the span before it: spans must be sorted and must
    /// not overlap.
    #[error(
        "span {index} ({}..{}) overlaps the span before it ({}..{}): expected a start at or after byte {}",
        span.start,
        span.end,
        previous.start,
        previous.end,
        previous.end
    )]
    Overlapping {
        /// Index of the span in the spans given.
        index: usize,
        /// The span.
        span: Range<usize>,
        /// The span before it.
        previous: Range<usize>,
    },
}

impl AnnotateError {
    /// The span refused.
    ///
    /// ```
    /// use vanban::annotate::{Markup, annotate};
    ///
    /// let err = annotate("Luật số 80/2015/QH13", Markup::Plain, &[0..99], |_, _| Default::default())
    ///     .unwrap_err();
    /// assert_eq!(err.span(), &(0..99));
    /// ```
    pub fn span(&self) -> &Range<usize> {
        match self {
            AnnotateError::OutOfBounds { span, .. }
            | AnnotateError::Reversed { span, .. }
            | AnnotateError::NotCharBoundary { span, .. }
            | AnnotateError::Overlapping { span, .. } => span,
        }
    }

    /// The index of the span refused in the spans given.
    ///
    /// ```
    /// use vanban::annotate::{Markup, annotate};
    ///
    /// // `ị` is bytes 3 to 5: 4 is inside it.
    /// let err = annotate("Nghị định", Markup::Plain, &[0..4], |_, _| Default::default())
    ///     .unwrap_err();
    /// assert_eq!(err.index(), 0);
    /// assert_eq!(err.to_string(), "span 0 (0..4) splits a character at byte 4: expected a char boundary");
    /// ```
    pub fn index(&self) -> usize {
        match self {
            AnnotateError::OutOfBounds { index, .. }
            | AnnotateError::Reversed { index, .. }
            | AnnotateError::NotCharBoundary { index, .. }
            | AnnotateError::Overlapping { index, .. } => *index,
        }
    }
}

/// No partner: a piece that is not one end of a pair of tags or markers.
const NONE: usize = usize::MAX;

/// A stretch of the source that is not copied to the plain text as it is: a tag or marker
/// (dropped: `plain_start == plain_end`), an entity or escape (decoded to one character), or
/// a tag that gives a line break. Between two pieces, source and plain text are equal.
#[derive(Clone, Copy, Debug)]
struct Piece {
    src_start: usize,
    src_end: usize,
    plain_start: usize,
    plain_end: usize,
    /// The index of the piece at the other end of the same element (`</b>` for `<b>`), or
    /// [`NONE`]: void tags, comments, tags that pair with nothing, entities.
    partner: usize,
}

/// The visible text of a source, with the map from its bytes back to the source's.
///
/// ```
/// use vanban::annotate::{Markup, plain_text};
///
/// let html = "Căn cứ <b>Nghị định số 30/2020/N&#272;-CP</b> ngày 05/3/2020";
/// let plain = plain_text(html, Markup::Html);
/// assert_eq!(plain.as_str(), "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020");
/// assert_eq!(plain.source(), html);
/// ```
#[derive(Clone, Debug)]
pub struct PlainText<'s> {
    source: &'s str,
    markup: Markup,
    text: Cow<'s, str>,
    pieces: Vec<Piece>,
}

/// Reads the visible text of `source`, as `markup` says (see the [module](self) docs for
/// what is dropped and decoded).
///
/// ```
/// use vanban::annotate::{Markup, plain_text};
///
/// let html = "<p>Căn cứ <b>Nghị định số 30/2020/NĐ-CP</b> ngày 05&#47;3&#47;2020;</p>\
///             <!-- bản cũ: 110/2004/NĐ-CP --><p>Theo đề nghị của Bộ trưởng Bộ Nội vụ</p>";
/// assert_eq!(
///     plain_text(html, Markup::Html).as_str(),
///     "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020;\nTheo đề nghị của Bộ trưởng Bộ Nội vụ\n"
/// );
///
/// let md = "**Căn cứ** [Luật Tổ chức Chính phủ](https://vbpl.vn/luat-76-2015) số 76/2015/QH13 \\*";
/// assert_eq!(
///     plain_text(md, Markup::Markdown).as_str(),
///     "Căn cứ Luật Tổ chức Chính phủ số 76/2015/QH13 *"
/// );
/// ```
pub fn plain_text(source: &str, markup: Markup) -> PlainText<'_> {
    let (text, pieces) = match markup {
        Markup::Plain => (Cow::Borrowed(source), Vec::new()),
        Markup::Html => {
            let (t, p) = read_html(source);
            (Cow::Owned(t), p)
        }
        Markup::Markdown => {
            let (t, p) = read_markdown(source);
            (Cow::Owned(t), p)
        }
    };
    PlainText {
        source,
        markup,
        text,
        pieces,
    }
}

impl<'s> PlainText<'s> {
    /// The visible text.
    ///
    /// ```
    /// use vanban::annotate::{Markup, plain_text};
    ///
    /// let plain = plain_text("Căn cứ Luật số 80/2015/<i>QH13</i> ngày 22/6/2015", Markup::Html);
    /// assert_eq!(plain.as_str(), "Căn cứ Luật số 80/2015/QH13 ngày 22/6/2015");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The source it was read from.
    ///
    /// ```
    /// use vanban::annotate::{Markup, plain_text};
    ///
    /// let md = "Căn cứ Luật số 80/2015/*QH13*";
    /// assert_eq!(plain_text(md, Markup::Markdown).source(), md);
    /// ```
    pub fn source(&self) -> &'s str {
        self.source
    }

    /// The markup it was read as.
    ///
    /// ```
    /// use vanban::annotate::{Markup, plain_text};
    ///
    /// assert_eq!(plain_text("Căn cứ", Markup::Html).markup(), Markup::Html);
    /// ```
    pub fn markup(&self) -> Markup {
        self.markup
    }

    /// The byte range of the source that `plain` (a byte range of [`as_str`](Self::as_str))
    /// was read from.
    ///
    /// The range is as tight as it can be: the tags and markers around the text are left
    /// out. It never starts or ends inside a tag, an entity or an escape: a start that falls
    /// inside an entity moves left to its `&`, an end moves right past its `;`. A range past
    /// the end of the text is cut at the end, an offset inside a character moves to its
    /// start (for the start) or its end (for the end), and an empty or reversed range gives
    /// an empty range.
    ///
    /// ```
    /// use vanban::annotate::{Markup, plain_text};
    ///
    /// let html = "Căn cứ <b>Nghị định số 30/2020/NĐ-CP</b> ngày 05&#47;3&#47;2020";
    /// let plain = plain_text(html, Markup::Html);
    /// let at = plain.as_str().find("Nghị").unwrap();
    /// let span = plain.source_span(at..at + "Nghị định số 30/2020/NĐ-CP".len());
    /// assert_eq!(&html[span], "Nghị định số 30/2020/NĐ-CP");
    ///
    /// // `/` is one byte of the plain text, read from the five of `&#47;`.
    /// let slash = plain.as_str().rfind('/').unwrap();
    /// assert_eq!(&html[plain.source_span(slash..slash + 1)], "&#47;");
    /// let date = plain.as_str().find("05/3").unwrap();
    /// assert_eq!(&html[plain.source_span(date..plain.as_str().len())], "05&#47;3&#47;2020");
    /// ```
    pub fn source_span(&self, plain: Range<usize>) -> Range<usize> {
        let text: &str = &self.text;
        let mut a = plain.start.min(text.len());
        let mut b = plain.end.min(text.len()).max(a);
        while !text.is_char_boundary(a) {
            a -= 1;
        }
        while !text.is_char_boundary(b) {
            b += 1;
        }
        let ps = &self.pieces;
        if a == b {
            let e = self.end_at(ps.partition_point(|p| p.plain_start < a), a);
            return e..e;
        }
        let s = self.start_at(ps.partition_point(|p| p.plain_end <= a), a);
        let e = self.end_at(ps.partition_point(|p| p.plain_start < b), b);
        s..e
    }

    /// The source offset where text from plain offset `p` starts, after any markup there;
    /// `j` is the index of the first piece that ends after `p`.
    fn start_at(&self, j: usize, p: usize) -> usize {
        match self.pieces.get(j) {
            Some(q) if q.plain_start < p => q.src_start,
            _ => match j.checked_sub(1).and_then(|i| self.pieces.get(i)) {
                Some(q) => q.src_end + (p - q.plain_end),
                None => p,
            },
        }
    }

    /// The source offset where text up to plain offset `p` ends, before any markup there;
    /// `kk` is the index of the first piece that starts at or after `p`.
    fn end_at(&self, kk: usize, p: usize) -> usize {
        match kk.checked_sub(1).and_then(|i| self.pieces.get(i)) {
            Some(q) if q.plain_end > p => q.src_end,
            Some(q) => q.src_end + (p - q.plain_end),
            None => p,
        }
    }

    /// Like [`annotate`], on this text: `spans` are byte ranges of [`as_str`](Self::as_str).
    ///
    /// # Errors
    ///
    /// As [`annotate`].
    ///
    /// ```
    /// use vanban::annotate::{Markup, plain_text};
    ///
    /// let md = "**Căn cứ** Luật số 80/2015/*QH13* ngày 22/6/2015";
    /// let plain = plain_text(md, Markup::Markdown);
    /// let spans: Vec<_> = vanban::citations(plain.as_str()).map(|c| c.span).collect();
    /// let out = plain.annotate(&spans, |_, _| ("[".to_owned(), "](https://vbpl.vn)".to_owned()))?;
    /// assert_eq!(out, "**Căn cứ** [Luật số 80/2015/*QH13*](https://vbpl.vn) ngày 22/6/2015");
    /// # Ok::<(), vanban::annotate::AnnotateError>(())
    /// ```
    pub fn annotate<F>(&self, spans: &[Range<usize>], wrap: F) -> Result<String, AnnotateError>
    where
        F: FnMut(usize, &str) -> (String, String),
    {
        self.annotate_with_positions(spans, wrap)
            .map(|(out, _)| out)
    }

    /// Like [`annotate_with_positions`], on this text: `spans` are byte ranges of
    /// [`as_str`](Self::as_str).
    ///
    /// # Errors
    ///
    /// As [`annotate`].
    ///
    /// ```
    /// use vanban::annotate::{Markup, plain_text, strip};
    ///
    /// let html = "Căn cứ <i>Nghị định số 30/2020/NĐ-CP</i> ngày 05/3/2020";
    /// let plain = plain_text(html, Markup::Html);
    /// let spans: Vec<_> = vanban::citations(plain.as_str()).map(|c| c.span).collect();
    /// let (out, ins) = plain.annotate_with_positions(&spans, |_, _| {
    ///     ("<cite>".to_owned(), "</cite>".to_owned())
    /// })?;
    /// assert_eq!(out, "Căn cứ <i><cite>Nghị định số 30/2020/NĐ-CP</cite></i> ngày 05/3/2020");
    /// assert_eq!(strip(&out, &ins), html);
    /// # Ok::<(), vanban::annotate::AnnotateError>(())
    /// ```
    pub fn annotate_with_positions<F>(
        &self,
        spans: &[Range<usize>],
        mut wrap: F,
    ) -> Result<(String, Vec<Insertion>), AnnotateError>
    where
        F: FnMut(usize, &str) -> (String, String),
    {
        self.check(spans)?;
        let segments = self.segments(spans);
        let src = self.source;
        let mut out = String::with_capacity(src.len() + src.len() / 8);
        let mut insertions = Vec::with_capacity(segments.len() * 2);
        let mut last = 0;
        let mut current: Option<(usize, String, String)> = None;
        for (index, start, end) in segments {
            if current.as_ref().is_none_or(|c| c.0 != index) {
                let text = self.text.get(spans[index].clone()).unwrap_or_default();
                let (before, after) = wrap(index, text);
                current = Some((index, before, after));
            }
            let Some((_, before, after)) = current.as_ref() else {
                continue;
            };
            // Segments come in source order (see `segments`); `max` only guards the slices.
            let start = start.max(last);
            let end = end.max(start);
            out.push_str(&src[last..start]);
            push_insertion(&mut out, &mut insertions, before, index);
            out.push_str(&src[start..end]);
            push_insertion(&mut out, &mut insertions, after, index);
            last = end;
        }
        out.push_str(&src[last..]);
        Ok((out, insertions))
    }

    /// Refuses spans out of bounds, reversed, off char boundaries or out of order.
    fn check(&self, spans: &[Range<usize>]) -> Result<(), AnnotateError> {
        let text: &str = &self.text;
        let mut previous: Option<&Range<usize>> = None;
        for (index, span) in spans.iter().enumerate() {
            let err_span = span.clone();
            if span.start > span.end {
                return Err(AnnotateError::Reversed {
                    index,
                    span: err_span,
                });
            }
            if span.end > text.len() {
                return Err(AnnotateError::OutOfBounds {
                    index,
                    span: err_span,
                    len: text.len(),
                });
            }
            for offset in [span.start, span.end] {
                if !text.is_char_boundary(offset) {
                    return Err(AnnotateError::NotCharBoundary {
                        index,
                        span: err_span,
                        offset,
                    });
                }
            }
            if let Some(p) = previous
                && span.start < p.end
            {
                return Err(AnnotateError::Overlapping {
                    index,
                    span: err_span,
                    previous: p.clone(),
                });
            }
            previous = Some(span);
        }
        Ok(())
    }

    /// The source ranges to wrap, `(span index, start, end)`, in source order: one per span,
    /// or one per stretch between the tags that are unbalanced within a span.
    ///
    /// The spans are checked, sorted and not overlapping, so the cursors only move forward:
    /// the whole walk is linear in the pieces and spans.
    fn segments(&self, spans: &[Range<usize>]) -> Vec<(usize, usize, usize)> {
        let ps = &self.pieces;
        let n = ps.len();
        let mut out = Vec::with_capacity(spans.len());
        // First piece that ends after a span's start; first piece that starts at or after
        // its end.
        let (mut cj, mut ck) = (0, 0);
        for (index, span) in spans.iter().enumerate() {
            let (p0, p1) = (span.start, span.end);
            if p0 == p1 {
                continue;
            }
            while cj < n && ps[cj].plain_end <= p0 {
                cj += 1;
            }
            ck = ck.max(cj);
            while ck < n && ps[ck].plain_start < p1 {
                ck += 1;
            }
            let (j, kk) = (cj, ck);
            let mut s = self.start_at(j, p0);
            let mut e = self.end_at(kk, p1);

            // Take in the opening tags just before the text whose closing tags are inside
            // (`<i>30/2020</i>/NĐ-CP`), passing comments and void tags between them.
            let mut a = j;
            let mut t = j;
            while t > 0 {
                let q = ps[t - 1];
                if q.plain_start != p0 || q.plain_end != p0 {
                    break;
                }
                if q.partner == NONE {
                    t -= 1;
                } else if q.partner >= j && q.partner < kk {
                    t -= 1;
                    a = t;
                    s = q.src_start;
                } else {
                    break;
                }
            }
            // And the closing tags just after it whose opening tags are inside
            // (`Nghị định số <i>30/2020/NĐ-CP</i>`).
            let mut b = kk;
            let mut t = kk;
            while t < n {
                let q = ps[t];
                if q.plain_start != p1 || q.plain_end != p1 {
                    break;
                }
                if q.partner == NONE {
                    t += 1;
                } else if q.partner >= a && q.partner < kk {
                    t += 1;
                    b = t;
                    e = q.src_end;
                } else {
                    break;
                }
            }

            // Tags paired with a tag outside [a, b) are unbalanced within the span. Paired
            // tags nest (see `read_html`), so no pair straddles an unbalanced tag: each
            // stretch between unbalanced tags is balanced and can be wrapped on its own.
            let unbalanced = |u: usize| ps[u].partner != NONE && !(a..b).contains(&ps[u].partner);
            if !(a..b).any(unbalanced) {
                out.push((index, s, e));
                continue;
            }
            let (mut seg_src, mut seg_plain) = (s, p0);
            for (u, q) in ps.iter().enumerate().take(b).skip(a) {
                if unbalanced(u) {
                    if q.plain_start > seg_plain {
                        out.push((index, seg_src, q.src_start));
                    }
                    seg_src = q.src_end;
                    seg_plain = q.plain_end;
                }
            }
            if p1 > seg_plain {
                out.push((index, seg_src, e));
            }
        }
        out
    }
}

fn push_insertion(out: &mut String, insertions: &mut Vec<Insertion>, s: &str, span: usize) {
    if !s.is_empty() {
        insertions.push(Insertion {
            at: out.len(),
            len: s.len(),
            span,
        });
        out.push_str(s);
    }
}

/// Inserts the strings `wrap` gives around each of `spans` (byte ranges of the
/// [`plain_text`] of `source`, such as the spans of [`citations`](crate::citations) on it),
/// at the matching places of `source`.
///
/// `wrap` is called once per span, in order, with the span's index and its plain text, and
/// returns what to insert before and after it. An empty span is skipped: `wrap` is not
/// called for it. The source is copied byte for byte around the insertions, which never
/// fall inside a tag, an entity or an escape.
///
/// **Nesting.** An insertion hugs the text: `Căn cứ <b>Nghị định số 30/2020/NĐ-CP</b>`
/// becomes `<b><a>Nghị định…NĐ-CP</a></b>`. A span that contains one end of an element
/// takes in the other end when it is right at the span's edge (`số <i>30/2020</i>/NĐ-CP`
/// → `<a><i>30/2020</i>/NĐ-CP</a>`). When a tag is still unbalanced within the span — the
/// span ends inside `<i>` in `số <i>30/2020/NĐ-CP</i> ngày` — each stretch of text between
/// the unbalanced tags is wrapped on its own, with the same strings, and the result stays
/// well nested: `<a>số </a><i><a>30/2020</a>/NĐ-CP</i>`. A line break that a block tag
/// gives is not wrapped then. Tags that pair with nothing (`<p>` never closed, a stray
/// `</i>`) and void tags are left inside. In Markdown, markup inserted inside a code span
/// reads as code there, and a link inserted in a link's text makes a link inside a link,
/// which Markdown reads as text: `wrap` can look at the source to choose what to insert.
///
/// # Errors
///
/// Spans must be inside the plain text, on char boundaries, sorted and not overlapping
/// (each starting at or after the end of the one before it); else the first one that is
/// not is refused with an [`AnnotateError`] and nothing is inserted. The citations of a
/// list sharing one symbol (`Báo cáo số 198, 199/BC-UBND`) share one span:
/// [`dedup`](Vec::dedup) them first.
///
/// ```
/// use vanban::annotate::{Markup, annotate, plain_text};
///
/// let html = "<p>Căn cứ <b>Nghị định số 30/2020/NĐ-CP</b> ngày 05&#47;3&#47;2020;</p>";
/// let plain = plain_text(html, Markup::Html);
/// let spans: Vec<_> = vanban::citations(plain.as_str()).map(|c| c.span).collect();
/// let out = annotate(html, Markup::Html, &spans, |i, text| {
///     (format!("<a id=\"c{i}\" title=\"{text}\">"), "</a>".to_owned())
/// })?;
/// assert_eq!(
///     out,
///     "<p>Căn cứ <b><a id=\"c0\" title=\"Nghị định số 30/2020/NĐ-CP\">\
///      Nghị định số 30/2020/NĐ-CP</a></b> ngày 05&#47;3&#47;2020;</p>"
/// );
///
/// // The span ends inside <i>: each side is wrapped apart.
/// let html = "Căn cứ Luật số <i>80/2015/QH13</i> ngày 22/6/2015";
/// let plain = plain_text(html, Markup::Html);
/// let at = plain.as_str().find("Luật").unwrap();
/// let out = annotate(html, Markup::Html, &[at..at + "Luật số 80/2015".len()], |_, _| {
///     ("<u>".to_owned(), "</u>".to_owned())
/// })?;
/// assert_eq!(out, "Căn cứ <u>Luật số </u><i><u>80/2015</u>/QH13</i> ngày 22/6/2015");
///
/// let list = "Báo cáo số 198, 199/BC-UBND ngày 07/6/2023 của UBND tỉnh";
/// let mut spans: Vec<_> = vanban::citations(list).map(|c| c.span).collect();
/// assert!(annotate(list, Markup::Plain, &spans, |_, _| Default::default()).is_err());
/// spans.dedup();
/// let out = annotate(list, Markup::Plain, &spans, |_, _| ("[".into(), "]".into()))?;
/// assert_eq!(out, "[Báo cáo số 198, 199/BC-UBND] ngày 07/6/2023 của UBND tỉnh");
/// # Ok::<(), vanban::annotate::AnnotateError>(())
/// ```
pub fn annotate<F>(
    source: &str,
    markup: Markup,
    spans: &[Range<usize>],
    wrap: F,
) -> Result<String, AnnotateError>
where
    F: FnMut(usize, &str) -> (String, String),
{
    plain_text(source, markup).annotate(spans, wrap)
}

/// Like [`annotate`], and says where each string was inserted, so that [`strip`] can take
/// out exactly what was inserted. Insertions are in output order; an empty string inserts
/// nothing and has no [`Insertion`].
///
/// # Errors
///
/// As [`annotate`].
///
/// ```
/// use vanban::annotate::{Markup, annotate_with_positions, plain_text, strip};
///
/// let md = "**Căn cứ** Luật số 80/2015/*QH13*; Nghị định số 30/2020/NĐ-CP";
/// let plain = plain_text(md, Markup::Markdown);
/// let spans: Vec<_> = vanban::citations(plain.as_str()).map(|c| c.span).collect();
/// let (out, ins) = annotate_with_positions(md, Markup::Markdown, &spans, |i, _| {
///     ("[".to_owned(), format!("](#c{i})"))
/// })?;
/// assert_eq!(out, "**Căn cứ** [Luật số 80/2015/*QH13*](#c0); [Nghị định số 30/2020/NĐ-CP](#c1)");
/// assert_eq!(ins.len(), 4);
/// assert_eq!(strip(&out, &ins), md);
/// # Ok::<(), vanban::annotate::AnnotateError>(())
/// ```
pub fn annotate_with_positions<F>(
    source: &str,
    markup: Markup,
    spans: &[Range<usize>],
    wrap: F,
) -> Result<(String, Vec<Insertion>), AnnotateError>
where
    F: FnMut(usize, &str) -> (String, String),
{
    plain_text(source, markup).annotate_with_positions(spans, wrap)
}

/// Takes the `insertions` out of `annotated`: the source again, byte for byte, when they are
/// those [`annotate_with_positions`] returned with it.
///
/// An insertion out of bounds, off a char boundary, or before the end of the one before it
/// (insertions must be sorted by `at`) is not taken out.
///
/// ```
/// use vanban::annotate::{Markup, annotate_with_positions, strip};
///
/// let html = "Căn cứ <b>Nghị định số 30/2020/NĐ-CP</b> ngày 05/3/2020 của Chính phủ";
/// let span = 10..44; // `Nghị định số 30/2020/NĐ-CP` in the plain text
/// let (out, ins) = annotate_with_positions(html, Markup::Html, &[span], |_, _| {
///     ("<a href=\"#nd30\">".to_owned(), "</a>".to_owned())
/// })?;
/// assert_eq!(out, "Căn cứ <b><a href=\"#nd30\">Nghị định số 30/2020/NĐ-CP</a></b> ngày 05/3/2020 của Chính phủ");
/// assert_eq!(strip(&out, &ins), html);
/// # Ok::<(), vanban::annotate::AnnotateError>(())
/// ```
pub fn strip(annotated: &str, insertions: &[Insertion]) -> String {
    let mut out = String::with_capacity(annotated.len());
    let mut last = 0;
    for ins in insertions {
        let Some(end) = ins.at.checked_add(ins.len) else {
            continue;
        };
        if ins.at < last
            || end > annotated.len()
            || !annotated.is_char_boundary(ins.at)
            || !annotated.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&annotated[last..ins.at]);
        last = end;
    }
    out.push_str(&annotated[last..]);
    out
}

// --- building the plain text ----------------------------------------------------------------

/// Copies the source to the plain text between pieces, and records the pieces.
struct Builder<'s> {
    src: &'s str,
    text: String,
    pieces: Vec<Piece>,
    /// Where the stretch of source not yet copied starts.
    copied: usize,
}

impl<'s> Builder<'s> {
    fn new(src: &'s str) -> Self {
        Builder {
            src,
            text: String::with_capacity(src.len()),
            pieces: Vec::new(),
            copied: 0,
        }
    }

    /// Copies the source up to `to` (after the last piece) to the plain text.
    fn copy_to(&mut self, to: usize) {
        if to > self.copied {
            self.text.push_str(&self.src[self.copied..to]);
            self.copied = to;
        }
    }

    /// Records `start..end` of the source as a piece giving `with` (nothing, or one char).
    fn piece(&mut self, start: usize, end: usize, with: Option<char>) -> usize {
        self.copy_to(start);
        let plain_start = self.text.len();
        if let Some(c) = with {
            self.text.push(c);
        }
        self.pieces.push(Piece {
            src_start: start,
            src_end: end,
            plain_start,
            plain_end: self.text.len(),
            partner: NONE,
        });
        self.copied = end;
        self.pieces.len() - 1
    }

    /// Whether a block tag here gives a line break: not at the start, not after one.
    fn wants_break(&mut self, at: usize) -> bool {
        self.copy_to(at);
        !self.text.is_empty() && !self.text.ends_with('\n')
    }

    fn finish(mut self) -> (String, Vec<Piece>) {
        self.copy_to(self.src.len());
        (self.text, self.pieces)
    }
}

// --- HTML -------------------------------------------------------------------------------------

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta",
    "param", "source", "track", "wbr",
];

/// Elements whose start and end give a line break in the plain text.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// What the HTML reader keeps between tags.
struct Html<'s> {
    b: &'s [u8],
    /// Tag names seen, lower case, and their ids.
    ids: HashMap<String, usize>,
    /// The open elements: their piece and name id.
    stack: Vec<(usize, usize)>,
    /// For each name id, the indices in `stack` of the open elements of that name.
    by_id: Vec<Vec<usize>>,
    /// Quoted attribute values are read until one is found never closed; then a tag ends
    /// at the first `>`, so that no quote is looked for twice to the end of the input.
    quotes: bool,
    /// No `>` at or after this offset.
    no_gt_from: usize,
    name: String,
}

/// Reads HTML: see the module docs. Tags pair with a stack: an end tag closes the nearest
/// open element of its name, and the elements opened after it stay without partner (as
/// `<p>` in `<b><p>x</b>`), so the paired tags always nest.
fn read_html(src: &str) -> (String, Vec<Piece>) {
    let b = src.as_bytes();
    let mut out = Builder::new(src);
    let mut h = Html {
        b,
        ids: HashMap::new(),
        stack: Vec::new(),
        by_id: Vec::new(),
        quotes: true,
        no_gt_from: usize::MAX,
        name: String::new(),
    };
    let mut i = 0;
    while let Some(off) = memchr2(b'<', b'&', &b[i..]) {
        let at = i + off;
        i = if b[at] == b'&' {
            match entity(src, at) {
                Some((end, c)) => {
                    out.piece(at, end, Some(c));
                    end
                }
                None => at + 1,
            }
        } else {
            h.tag(src, at, &mut out).unwrap_or(at + 1)
        };
    }
    out.finish()
}

impl Html<'_> {
    /// Reads the tag, comment or declaration at `at` (a `<`) into `out`, and returns where it
    /// ends; `None` when the `<` starts none and is text.
    fn tag(&mut self, src: &str, at: usize, out: &mut Builder<'_>) -> Option<usize> {
        let b = self.b;
        let len = b.len();
        match *b.get(at + 1)? {
            b'!' => {
                let end = if b[at..].starts_with(b"<!--") {
                    // From `<!` so that `<!-->` and `<!--->` end at once, as in browsers.
                    memmem::find(&b[at + 2..], b"-->").map_or(len, |o| at + 2 + o + 3)
                } else if b.len() >= at + 9 && b[at..at + 9].eq_ignore_ascii_case(b"<![CDATA[") {
                    memmem::find(&b[at + 9..], b"]]>").map_or(len, |o| at + 9 + o + 3)
                } else {
                    memchr(b'>', &b[at + 2..]).map_or(len, |o| at + 2 + o + 1)
                };
                out.piece(at, end, None);
                Some(end)
            }
            b'?' => {
                let end = memchr(b'>', &b[at + 2..]).map_or(len, |o| at + 2 + o + 1);
                out.piece(at, end, None);
                Some(end)
            }
            b'/' => {
                let name_end = self.read_name(src, at + 2)?;
                let gt = self.find_gt(name_end, false)?;
                let end = gt + 1;
                let block = self.name == "br" || BLOCK.contains(&self.name.as_str());
                let brk = (self.name == "br" || (block && out.wants_break(at))).then_some('\n');
                let piece = out.piece(at, end, brk);
                self.close(piece, &mut out.pieces);
                Some(end)
            }
            c if c.is_ascii_alphabetic() => {
                let name_end = self.read_name(src, at + 1)?;
                let gt = self.find_gt(name_end, true)?;
                let mut end = gt + 1;
                let self_closing = gt > name_end && b[gt - 1] == b'/';
                let name = self.name.as_str();
                if (name == "script" || name == "style") && !self_closing {
                    end = raw_text_end(b, end, name);
                    out.piece(at, end, None);
                    return Some(end);
                }
                let void = VOID.contains(&name);
                let brk = (name == "br" || (BLOCK.contains(&name) && out.wants_break(at)))
                    .then_some('\n');
                let piece = out.piece(at, end, brk);
                if !void && !self_closing {
                    let id = self.id();
                    self.by_id[id].push(self.stack.len());
                    self.stack.push((piece, id));
                }
                Some(end)
            }
            _ => None,
        }
    }

    /// Reads a tag name starting at `from` into `self.name` (lower case) and returns where
    /// it ends; `None` when no letter is there.
    fn read_name(&mut self, src: &str, from: usize) -> Option<usize> {
        let b = self.b;
        if !b.get(from)?.is_ascii_alphabetic() {
            return None;
        }
        let mut k = from + 1;
        while k < b.len()
            && (b[k].is_ascii_alphanumeric() || matches!(b[k], b'-' | b':' | b'_' | b'.'))
        {
            k += 1;
        }
        self.name.clear();
        self.name.push_str(&src[from..k]);
        self.name.make_ascii_lowercase();
        Some(k)
    }

    /// The `>` that ends the tag whose attributes start at `from`, skipping quoted attribute
    /// values when `attributes` (a start tag).
    fn find_gt(&mut self, from: usize, attributes: bool) -> Option<usize> {
        let b = self.b;
        if from >= self.no_gt_from {
            return None;
        }
        if attributes && self.quotes {
            let mut k = from;
            let mut after_eq = false;
            while k < b.len() {
                match b[k] {
                    b'>' => return Some(k),
                    b'=' => after_eq = true,
                    q @ (b'"' | b'\'') if after_eq => match memchr(q, &b[k + 1..]) {
                        Some(o) => {
                            k += 1 + o;
                            after_eq = false;
                        }
                        None => break,
                    },
                    c if c.is_ascii_whitespace() => {}
                    _ => after_eq = false,
                }
                k += 1;
            }
            // A quote never closed, or no `>` outside quotes: from now on a tag ends at the
            // first `>` (this scan to the end happens once).
            self.quotes = false;
        }
        match memchr(b'>', &b[from..]) {
            Some(o) => Some(from + o),
            None => {
                self.no_gt_from = from;
                None
            }
        }
    }

    /// The id of the name in `self.name`.
    fn id(&mut self) -> usize {
        if let Some(&id) = self.ids.get(self.name.as_str()) {
            return id;
        }
        let id = self.by_id.len();
        self.ids.insert(self.name.clone(), id);
        self.by_id.push(Vec::new());
        id
    }

    /// Pairs the end tag `piece` (named `self.name`) with the nearest open element of its
    /// name; the elements opened after that one stay unpaired.
    fn close(&mut self, piece: usize, pieces: &mut [Piece]) {
        let Some(&id) = self.ids.get(self.name.as_str()) else {
            return;
        };
        let Some(&j) = self.by_id[id].last() else {
            return;
        };
        while self.stack.len() > j + 1 {
            if let Some((_, other)) = self.stack.pop() {
                self.by_id[other].pop();
            }
        }
        if let Some((open, _)) = self.stack.pop() {
            self.by_id[id].pop();
            pieces[open].partner = piece;
            pieces[piece].partner = open;
        }
    }
}

/// Where the `<script>` or `<style>` element whose content starts at `from` ends: after its
/// end tag, or at the end of the input when it has none (as in browsers).
fn raw_text_end(b: &[u8], from: usize, name: &str) -> usize {
    let mut k = from;
    while let Some(o) = memmem::find(&b[k..], b"</") {
        let p = k + o;
        let name_end = p + 2 + name.len();
        if name_end <= b.len()
            && b[p + 2..name_end].eq_ignore_ascii_case(name.as_bytes())
            && b.get(name_end)
                .is_none_or(|&c| c == b'>' || c == b'/' || c.is_ascii_whitespace())
        {
            return memchr(b'>', &b[name_end..]).map_or(b.len(), |o| name_end + o + 1);
        }
        k = p + 2;
    }
    b.len()
}

/// The entity at `at` (a `&`): where it ends and its character; `None` when none is there
/// or the name is unknown (then it is kept as written).
fn entity(src: &str, at: usize) -> Option<(usize, char)> {
    let b = src.as_bytes();
    let k = at + 1;
    if b.get(k) == Some(&b'#') {
        let hex = matches!(b.get(k + 1), Some(b'x' | b'X'));
        let start = if hex { k + 2 } else { k + 1 };
        let radix = if hex { 16 } else { 10 };
        let mut d = start;
        let mut value: u32 = 0;
        while let Some(digit) = b.get(d).and_then(|&c| (c as char).to_digit(radix)) {
            // Past U+10FFFF it is U+FFFD however long: stop growing.
            value = (value * radix + digit).min(0x11_0000);
            d += 1;
        }
        if d == start {
            return None;
        }
        let end = if b.get(d) == Some(&b';') { d + 1 } else { d };
        return Some((end, numeric_char(value)));
    }
    let mut d = k;
    while d < b.len() && d - k < 32 && b[d].is_ascii_alphanumeric() {
        d += 1;
    }
    if d == k || b.get(d) != Some(&b';') {
        return None;
    }
    named_entity(&src[k..d]).map(|c| (d + 1, c))
}

/// The character of a numeric entity, as browsers read it: windows-1252 for 128–159 (what
/// pages converted from Word write for dashes and quotes), U+FFFD for 0, surrogates and
/// values past U+10FFFF.
fn numeric_char(v: u32) -> char {
    const CP1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let v = match v {
        0 => 0xFFFD,
        0x80..=0x9F => CP1252[(v - 0x80) as usize],
        _ => v,
    };
    char::from_u32(v).unwrap_or('\u{FFFD}')
}

/// The named entities read: those of HTML 4 that text uses, the Latin-1 letters (older
/// editors write Vietnamese `à`, `ê`, `ô` … so), and the Vietnamese letters HTML 5 names.
fn named_entity(name: &str) -> Option<char> {
    const LATIN1: [&str; 96] = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
        "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
        "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave",
        "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
        "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
        "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring",
        "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
        "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash",
        "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ];
    if let Some(i) = LATIN1.iter().position(|&n| n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "bull" => '•',
        "dagger" => '†',
        "Dagger" => '‡',
        "permil" => '‰',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "euro" => '€',
        "trade" => '™',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "minus" => '−',
        "abreve" => 'ă',
        "Abreve" => 'Ă',
        "dstrok" => 'đ',
        "Dstrok" => 'Đ',
        "itilde" => 'ĩ',
        "Itilde" => 'Ĩ',
        "utilde" => 'ũ',
        "Utilde" => 'Ũ',
        _ => return None,
    })
}

// --- Markdown ---------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MarkKind {
    /// Read as text: a marker that paired with nothing (yet).
    Literal,
    /// Markup, dropped.
    Drop,
    /// An escape, read as its character.
    Escape(char),
}

/// A place of the source that may be markup, in source order.
#[derive(Clone, Copy, Debug)]
struct Mark {
    start: usize,
    end: usize,
    kind: MarkKind,
    /// Index of the mark at the other end, or [`NONE`].
    partner: usize,
}

/// An emphasis marker waiting for its closer: its mark and key (character and length).
type Delim = (usize, usize);

/// What the Markdown reader keeps while it reads.
struct Md<'s> {
    src: &'s str,
    b: &'s [u8],
    marks: Vec<Mark>,
    /// Emphasis openers, innermost last.
    delims: Vec<Delim>,
    /// For each key (`*`, `**`, `***`, `_`, `__`, `___`), the indices in `delims` of its
    /// openers: a closer finds its opener at once.
    by_key: [Vec<usize>; 6],
    /// Open `[` and `![`: mark, `delims.len()` when opened, whether an image.
    brackets: Vec<(usize, usize, bool)>,
    /// The runs of backticks by length: start offsets and a cursor past those used.
    ticks: HashMap<usize, (Vec<usize>, usize)>,
    /// Where the paragraph being read ends (the line break before a blank line).
    para_end: usize,
    /// A title quoted with `"` (index 0) or `'` (1) that starts before this offset has no
    /// closing quote in its paragraph (it was looked for).
    title_fail: [usize; 2],
}

fn is_ws(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn is_punct(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace())
}

/// Reads Markdown: see the module docs.
fn read_markdown(src: &str) -> (String, Vec<Piece>) {
    let b = src.as_bytes();
    let mut ticks: HashMap<usize, (Vec<usize>, usize)> = HashMap::new();
    let mut i = 0;
    while let Some(o) = memchr(b'`', &b[i..]) {
        let start = i + o;
        let mut end = start;
        while end < b.len() && b[end] == b'`' {
            end += 1;
        }
        ticks.entry(end - start).or_default().0.push(start);
        i = end;
    }
    let mut md = Md {
        src,
        b,
        marks: Vec::new(),
        delims: Vec::new(),
        by_key: Default::default(),
        brackets: Vec::new(),
        ticks,
        para_end: next_blank_line(b, 0),
        title_fail: [0; 2],
    };
    md.scan();

    let mut out = Builder::new(src);
    let mut piece_of = vec![NONE; md.marks.len()];
    for (m, mark) in md.marks.iter().enumerate() {
        match mark.kind {
            MarkKind::Literal => {}
            MarkKind::Drop => piece_of[m] = out.piece(mark.start, mark.end, None),
            MarkKind::Escape(c) => piece_of[m] = out.piece(mark.start, mark.end, Some(c)),
        }
    }
    for (m, mark) in md.marks.iter().enumerate() {
        if piece_of[m] != NONE && mark.partner != NONE {
            out.pieces[piece_of[m]].partner = piece_of[mark.partner];
        }
    }
    out.finish()
}

/// The offset of the line break that starts the next blank line at or after `from` (the
/// end of the paragraph), or the length of `b`.
fn next_blank_line(b: &[u8], from: usize) -> usize {
    let mut k = from;
    while let Some(o) = memchr(b'\n', &b[k.min(b.len())..]) {
        let nl = k + o;
        let mut t = nl + 1;
        while t < b.len() && matches!(b[t], b' ' | b'\t' | b'\r') {
            t += 1;
        }
        if t >= b.len() || b[t] == b'\n' {
            return nl;
        }
        k = nl + 1;
    }
    b.len()
}

impl Md<'_> {
    fn push(&mut self, start: usize, end: usize, kind: MarkKind) -> usize {
        self.marks.push(Mark {
            start,
            end,
            kind,
            partner: NONE,
        });
        self.marks.len() - 1
    }

    fn pair(&mut self, open: usize, close: usize) {
        self.marks[open].kind = MarkKind::Drop;
        self.marks[open].partner = close;
        self.marks[close].kind = MarkKind::Drop;
        self.marks[close].partner = open;
    }

    /// Drops the emphasis openers from index `floor` of `delims` on: they pair with nothing.
    fn truncate_delims(&mut self, floor: usize) {
        while self.delims.len() > floor {
            if let Some((_, key)) = self.delims.pop() {
                self.by_key[key].pop();
            }
        }
    }

    fn scan(&mut self) {
        let b = self.b;
        let n = b.len();
        let mut i = 0;
        while i < n {
            if i > self.para_end {
                self.para_end = next_blank_line(b, i);
            }
            match b[i] {
                b'\\' if b.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                    self.push(i, i + 2, MarkKind::Escape(b[i + 1] as char));
                    i += 2;
                }
                b'`' => i = self.code(i),
                b'*' | b'_' => i = self.emphasis(i),
                b'[' => {
                    let m = self.push(i, i + 1, MarkKind::Literal);
                    self.brackets.push((m, self.delims.len(), false));
                    i += 1;
                }
                b'!' if b.get(i + 1) == Some(&b'[') => {
                    let m = self.push(i, i + 2, MarkKind::Literal);
                    self.brackets.push((m, self.delims.len(), true));
                    i += 2;
                }
                b']' => i = self.close_bracket(i),
                b'\n' => {
                    if i == self.para_end {
                        // A blank line: nothing opened before it pairs after it.
                        self.truncate_delims(0);
                        self.brackets.clear();
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }

    /// A run of backticks at `i`: a code span if as many backticks follow in the paragraph.
    fn code(&mut self, i: usize) -> usize {
        let b = self.b;
        let mut end = i;
        while end < b.len() && b[end] == b'`' {
            end += 1;
        }
        let len = end - i;
        if let Some((starts, cursor)) = self.ticks.get_mut(&len) {
            while *cursor < starts.len() && starts[*cursor] < end {
                *cursor += 1;
            }
            if let Some(&close) = starts.get(*cursor)
                && close < self.para_end
            {
                *cursor += 1;
                let o = self.push(i, end, MarkKind::Literal);
                let c = self.push(close, close + len, MarkKind::Literal);
                self.pair(o, c);
                return close + len;
            }
        }
        end
    }

    /// A run of `*` or `_` at `i`: closes the nearest opener of its key if it can, else opens.
    fn emphasis(&mut self, i: usize) -> usize {
        let b = self.b;
        let c = b[i];
        let mut end = i;
        while end < b.len() && b[end] == c {
            end += 1;
        }
        let len = end - i;
        if len > 3 {
            return end;
        }
        let prev = self.src[..i].chars().next_back();
        let next = self.src[end..].chars().next();
        let left = !is_ws(next) && (!is_punct(next) || is_ws(prev) || is_punct(prev));
        let right = !is_ws(prev) && (!is_punct(prev) || is_ws(next) || is_punct(next));
        let (can_open, can_close) = if c == b'*' {
            (left, right)
        } else {
            (
                left && (!right || is_punct(prev)),
                right && (!left || is_punct(next)),
            )
        };
        let key = usize::from(c == b'_') * 3 + len - 1;
        // Not into a link's text: only the openers after the innermost `[`.
        let floor = self.brackets.last().map_or(0, |br| br.1);
        if can_close
            && let Some(&j) = self.by_key[key].last()
            && j >= floor
        {
            self.truncate_delims(j + 1);
            if let Some((open, _)) = self.delims.pop() {
                self.by_key[key].pop();
                let close = self.push(i, end, MarkKind::Literal);
                self.pair(open, close);
            }
            return end;
        }
        if can_open {
            let m = self.push(i, end, MarkKind::Literal);
            self.by_key[key].push(self.delims.len());
            self.delims.push((m, key));
        }
        end
    }

    /// A `]` at `i`: the end of a link's text if a `[` is open and `(destination "title")`
    /// follows.
    fn close_bracket(&mut self, i: usize) -> usize {
        let Some((open, floor, image)) = self.brackets.pop() else {
            return i + 1;
        };
        let Some(end) = self.link_tail(i) else {
            return i + 1;
        };
        let close = self.push(i, end, MarkKind::Literal);
        self.pair(open, close);
        // Openers inside the text pair with nothing outside it.
        self.truncate_delims(floor);
        if !image {
            // No link inside a link: the `[` before this one are text.
            self.brackets.clear();
        }
        end
    }

    /// Where `](destination "title")` at `i` ends, if it is one. At most one line break.
    fn link_tail(&mut self, i: usize) -> Option<usize> {
        let b = self.b;
        if b.get(i + 1) != Some(&b'(') {
            return None;
        }
        let mut breaks = 0;
        let mut k = skip_space(b, i + 2, &mut breaks)?;
        if b.get(k) == Some(&b')') {
            return Some(k + 1);
        }
        if b.get(k) == Some(&b'<') {
            k += 1;
            loop {
                match *b.get(k)? {
                    b'\n' | b'<' => return None,
                    b'>' => {
                        k += 1;
                        break;
                    }
                    b'\\' if b.get(k + 1).is_some_and(u8::is_ascii_punctuation) => k += 2,
                    _ => k += 1,
                }
            }
        } else {
            // Nested parentheses are allowed; their depth is bounded so that the scans of
            // the `](` that fail overlap at most that often (linear time).
            let mut depth = 0u32;
            loop {
                match *b.get(k)? {
                    c if c.is_ascii_whitespace() || c.is_ascii_control() => break,
                    b'\\' if b.get(k + 1).is_some_and(u8::is_ascii_punctuation) => k += 2,
                    b'(' => {
                        depth += 1;
                        if depth > 32 {
                            return None;
                        }
                        k += 1;
                    }
                    b')' if depth == 0 => return Some(k + 1),
                    b')' => {
                        depth -= 1;
                        k += 1;
                    }
                    _ => k += 1,
                }
            }
        }
        let spaced = k;
        k = skip_space(b, k, &mut breaks)?;
        if b.get(k) == Some(&b')') {
            return Some(k + 1);
        }
        let q = *b.get(k)?;
        if k == spaced || !(q == b'"' || q == b'\'') {
            return None;
        }
        let qi = usize::from(q == b'\'');
        let t = k + 1;
        if t < self.title_fail[qi] || t > self.para_end {
            return None;
        }
        let mut m = t;
        loop {
            let Some(o) = b.get(m..self.para_end).and_then(|r| memchr2(q, b'\\', r)) else {
                // No closing quote in the paragraph: none for any title after this one in
                // it either.
                self.title_fail[qi] = self.para_end;
                return None;
            };
            let p = m + o;
            if b[p] == b'\\' {
                m = (p + 2).min(self.para_end);
                continue;
            }
            k = p + 1;
            break;
        }
        k = skip_space(b, k, &mut breaks)?;
        (b.get(k) == Some(&b')')).then_some(k + 1)
    }
}

/// Skips spaces and tabs and a line break, counting line breaks in `breaks`; `None` at a
/// second one (a link does not run over a blank line).
fn skip_space(b: &[u8], mut k: usize, breaks: &mut u32) -> Option<usize> {
    while let Some(&c) = b.get(k) {
        match c {
            b' ' | b'\t' | b'\r' => k += 1,
            b'\n' => {
                *breaks += 1;
                if *breaks > 1 {
                    return None;
                }
                k += 1;
            }
            _ => break,
        }
    }
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces cover the source in order, and the plain text between them is the source.
    fn check_map(src: &str, markup: Markup) {
        let p = plain_text(src, markup);
        let (mut s, mut t) = (0, 0);
        for q in &p.pieces {
            assert!(q.src_start >= s && q.plain_start >= t, "{src:?}");
            assert_eq!(
                q.src_start - s,
                q.plain_start - t,
                "gap lengths differ in {src:?}"
            );
            assert_eq!(&src[s..q.src_start], &p.as_str()[t..q.plain_start]);
            (s, t) = (q.src_end, q.plain_end);
        }
        assert_eq!(&src[s..], &p.as_str()[t..]);
    }

    #[test]
    fn map_is_consistent() {
        for src in [
            "<p>Căn cứ <b>Nghị định số 30/2020/NĐ-CP</b> ngày 05&#47;3&#47;2020;</p>",
            "a <b x=\"1>2\">b</b> &amp; &foo; &#x1EA1; <!-- c --> <script>x<y</script> z",
            "<b",
            "&",
            "a < b",
        ] {
            check_map(src, Markup::Html);
        }
        for src in [
            "**Căn cứ** Luật số 80/2015/*QH13*",
            "[Luật](https://x \"t\") `code` \\* snake_case",
        ] {
            check_map(src, Markup::Markdown);
        }
    }

    #[test]
    fn pairs() {
        let p = plain_text("<b><p>x</b>y</p>", Markup::Html);
        let partners: Vec<usize> = p.pieces.iter().map(|q| q.partner).collect();
        assert_eq!(partners, [2, NONE, 0, NONE]);
    }
}

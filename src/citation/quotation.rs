//! Quotations: another document's text quoted in the citing one (`Điều 2 Nghị định số
//! 120/2010/NĐ-CP quy định: "5. … theo quy định tại Điều 12, Điều 13 Nghị định này …"`),
//! whose `… này`, provisions and cues are that document's, not the citing text's.

use std::ops::Range;

use super::Citation;

/// How far back the opening of a quotation is looked for: more than a quoted clause of a
/// few paragraphs' worth of one provision.
const QUOTE_REACH: usize = 4096;

/// How far before a quotation the document it quotes may be cited (`Tại khoản 5, Điều 2
/// Nghị định số 120/2010/NĐ-CP ngày 30/12/2010 của Chính phủ quy định: "…`).
const INTRODUCER_REACH: usize = 400;

/// Where the quotation holding `at` opens (its quotation mark), when `at` is inside one: the
/// nearest quotation mark before it opens one (`“`, or `"` after a space, a colon, a bracket
/// or a line break) rather than closes one (`”`, or `"` after a word). A blank line ends the
/// search: an unmatched mark does not make the rest of a text a quotation.
pub(crate) fn opening_before(text: &str, at: usize) -> Option<usize> {
    let at = at.min(text.len());
    let b = text.as_bytes();
    let lo = at.saturating_sub(QUOTE_REACH);
    // The marks are rare: a byte search for them, then one for a blank line after the mark.
    let open = memchr::memrchr2_iter(b'"', 0xE2, &b[lo..at]).find_map(|i| {
        let i = lo + i;
        // A mark before a space or punctuation closes, whatever its shape (`… mới “;`).
        let closes_by_place = |len: usize| {
            b.get(i + len)
                .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b';' | b',' | b'.' | b')'))
        };
        match &b[i..] {
            [0xE2, 0x80, 0x9C, ..] => Some((!closes_by_place(3)).then_some(i)),
            [0xE2, 0x80, 0x9D, ..] => Some(None),
            [b'"', ..] => {
                let opens =
                    i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r' | b':' | b'(' | b'[');
                Some((opens && !closes_by_place(1)).then_some(i))
            }
            _ => None,
        }
    })??;
    let between = &b[open..at];
    let blank = memchr::memmem::find(between, b"\n\n").is_some()
        || memchr::memmem::find(between, b"\n \n").is_some()
        || memchr::memmem::find(between, b"\n\r\n").is_some();
    (!blank).then_some(open)
}

/// The citation, among `cited` (in the order of the text), of the document quoted by the
/// quotation opening at `open`: the last one whose mention (with its date and issuer) ends
/// shortly before it, in the same clause (`… Nghị định số 120/2010/NĐ-CP ngày 30/12/2010 của
/// Chính phủ quy định: "`), or the [`article_subject`].
pub(crate) fn quoted_document(text: &str, open: usize, cited: &[Citation<'_>]) -> Option<usize> {
    // Failing a citation right before it, a quotation in an article correcting or amending a
    // document (`2. Tại đoạn đầu Điều 21 đã in: “… Thông tư này …”`) quotes that document.
    introduced(text, open, cited).or_else(|| article_subject(text, open, cited))
}

/// [`quoted_document`]: the citation right before the quotation.
fn introduced(text: &str, open: usize, cited: &[Citation<'_>]) -> Option<usize> {
    let end = |c: &Citation<'_>| {
        [Some(&c.span), c.date_span.as_ref(), c.issuer_span.as_ref()]
            .into_iter()
            .flatten()
            .map(|s: &Range<usize>| s.end)
            .max()
            .unwrap_or(c.span.end)
    };
    let i = cited.iter().rposition(|c| end(c) <= open)?;
    let gap = text.get(end(&cited[i])..open)?;
    (gap.len() <= INTRODUCER_REACH && !gap.contains([';', '"', '“', '”'])).then_some(i)
}

/// The document whose provisions an article's items name, when the article corrects or
/// amends one (Nghị định 30/2020/NĐ-CP, Phụ lục I: a correction or amendment names the
/// document, then lists what it changes): `Điều 1. Đính chính … tại Thông tư số
/// 15/2024/TT-BKHĐT … như sau: 1. Tại điểm đ khoản 3 Điều 16: …` — among `cited`, the
/// citation right before the colon that ends the article's opening, when `at` comes after
/// that colon in the same article.
pub(crate) fn article_subject(text: &str, at: usize, cited: &[Citation<'_>]) -> Option<usize> {
    let mut lo = at.saturating_sub(ARTICLE_REACH);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = &text[lo..at];
    // The article: from the last line opening with `Điều` and a number.
    let start = before
        .match_indices("\nĐiều ")
        .chain(before.match_indices("\n**Điều "))
        .map(|(i, m)| (i, i + m.len()))
        .filter(|&(_, n)| before[n..].starts_with(|c: char| c.is_ascii_digit()))
        .map(|(i, _)| lo + i + 1)
        .max()
        .or_else(|| {
            // The text's first line.
            let first = before.trim_start_matches('*');
            (lo == 0 && first.starts_with("Điều ")).then_some(0)
        })?;
    let end = |c: &Citation<'_>| c.span.end;
    for (k, _) in text[start..at].match_indices(':') {
        let colon = start + k;
        let Some(i) = cited.iter().rposition(|c| end(c) <= colon) else {
            continue;
        };
        let c = &cited[i];
        let gap = &text[end(c)..colon];
        if c.span.start < start || gap.len() > 24 || gap.contains([';', '.', '"', '“', '”']) {
            continue;
        }
        let opening = crate::text::fold_key(&text[start..colon]);
        let changes = ["dinh chinh", "sua doi", "bo sung"]
            .iter()
            .any(|w| opening.contains(w));
        return changes.then_some(i);
    }
    None
}

/// How far back the article holding a provision's reference is looked for.
const ARTICLE_REACH: usize = 8192;

/// Whether the quotation opening at `open` quotes a phrase (`Chỉnh sửa cụm từ “khoản 1 Điều
/// 8” thành cụm từ “khoản 2 Điều 16”`): words, not a reference to provisions.
pub(crate) fn quotes_a_phrase(text: &str, open: usize) -> bool {
    let before = text[..open].trim_end_matches([' ', '\t', '\n']);
    before.ends_with("cụm từ") || before.ends_with("từ ngữ") || before.ends_with("chữ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_and_outside_quotations() {
        // cv-1414-2013-tct: a Nghị định quoted after `quy định:`, in ASCII quotes.
        let text = "Tại khoản 5, Điều 2 Nghị định số 120/2010/NĐ-CP quy định: \"5. Việc miễn \
                    theo quy định tại Điều 12 Nghị định này ...\" Như vậy, Nghị định này";
        let inner = text.find("Nghị định này").unwrap();
        let after = text.rfind("Nghị định này").unwrap();
        let open = opening_before(text, inner).unwrap();
        assert_eq!(&text[open..open + 3], "\"5.");
        assert_eq!(opening_before(text, after), None);
        let cited: Vec<_> = crate::citations(text).collect();
        assert_eq!(quoted_document(text, open, &cited), Some(0));
        // Curly quotes; a name in quotes is closed before what follows.
        let text = "danh hiệu “Bà mẹ Việt Nam anh hùng” theo Quyết định này";
        assert_eq!(opening_before(text, text.find("Quyết").unwrap()), None);
        let text = "nay sửa lại là: “Điều 21 Thông tư này";
        assert!(opening_before(text, text.find("Điều").unwrap()).is_some());
        // qd-435-2020-ubnd-kontum: an opening mark written to close (`… mới “;`).
        let text = "“về tăng cường … trong tình hình mới “;\nThực hiện Kế hoạch số 119-KH/TU";
        assert_eq!(opening_before(text, text.find("Kế").unwrap()), None);
        // A blank line ends the search; a quote after a word closes.
        let text = "quy định: \"a\n\nĐiều 5";
        assert_eq!(opening_before(text, text.find("Điều").unwrap()), None);
        assert_eq!(opening_before("x\" Điều 5", 4), None);
    }
}

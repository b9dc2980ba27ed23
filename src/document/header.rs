//! The header (NĐ 30/2020, Điều 8 and Phụ lục I §II.1–II.5): the issuer under its parent
//! body, the number, the kind heading and the trích yếu (or the V/v of a công văn), and the
//! number taken from an annex caption when the header is lost.

use super::*;

/// The document's own number and date read from an annex caption, for a text whose header
/// was lost (a crawl that starts at `Kính gửi`): an annex is captioned with the document it
/// is attached to (NĐ 30/2020, Phụ lục I §III: `(Kèm theo Quyết định số …/QĐ-… ngày … của
/// …)`, also `(Ban hành kèm theo …)`). Only a caption line that opens with the bracket counts,
/// not `kèm theo` in running text, and the date is taken only when the header gave none.
pub(super) fn number_from_annex(cx: &Ctx<'_, '_>, doc: &mut Document) {
    for i in 0..cx.view.lines.len() {
        let t = cx.view.line(i);
        let Some(rest) = t.strip_prefix('(') else {
            continue;
        };
        if !(fold_starts_with(rest, "kem theo ") || fold_starts_with(rest, "ban hanh kem theo ")) {
            continue;
        }
        // The caption as the view reads it: a caption wrapped inside its emphasis is one
        // line, and the next two are read too. Spans map back through the view.
        let lr = cx.line_range(i);
        let to = cx
            .view
            .lines
            .get(i + 2)
            .map_or(lr.end, |l| l.end().max(lr.end));
        let Some(caption) = cx.view.text.get(lr.start..to) else {
            continue;
        };
        let Some(c) = crate::citations(caption).next() else {
            continue;
        };
        let at = |r: &Range<usize>| cx.span(lr.start + r.start..lr.start + r.end);
        doc.number = Some(NumberPart {
            value: c.number.clone(),
            span: at(&c.number_span),
        });
        if doc.date.is_none()
            && let (Some(d), Some(ds)) = (c.date, c.date_span.as_ref())
        {
            doc.date = Some(d);
            doc.date_span = Some(at(ds));
        }
        if doc.kind.is_none() {
            doc.kind = c.kind;
        }
        // `… của Bộ Tài chính)`: whose document it is, when the header that said so is lost.
        if doc.issuer.is_none()
            && let Some(is) = c.issuer_span.as_ref()
        {
            doc.issuer = Some(Issuer {
                parent: None,
                name: cx.spanned_range(lr.start + is.start..lr.start + is.end),
            });
        }
        return;
    }
}

/// Parses a number written in the header, dropping trailing groups that do not parse.
/// Returns the number and the length of the text used.
pub(super) fn parse_number(s: &str) -> Option<(DocNumber, usize)> {
    // A sentence's full stop after the number is not part of it.
    let mut t = s.trim_end().trim_end_matches('.');
    for _ in 0..6 {
        if let Ok(p) = DocNumber::parse_with_notes(t) {
            return Some((p.number, t.len()));
        }
        let cut = t.rfind(['/', '-'])?;
        t = t.get(..cut)?.trim_end();
        if t.is_empty() {
            return None;
        }
    }
    None
}

/// Words of `s` with their byte offsets.
pub(super) fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace().map(move |w| {
        let off = w.as_ptr() as usize - s.as_ptr() as usize;
        (off, w)
    })
}

pub(super) const SUB_BODIES: &[&str] = &[
    "TỔNG CỤC",
    "CHI CỤC",
    "CỤC",
    "SỞ",
    "VỤ",
    "VIỆN",
    "TRƯỜNG",
    "BỆNH VIỆN",
    "TRUNG TÂM",
    "BAN",
    "VĂN PHÒNG",
    "ỦY BAN NHÂN DÂN",
    "UỶ BAN NHÂN DÂN",
    "UBND",
    "HỘI ĐỒNG",
    "KHO BẠC",
    "BẢO HIỂM XÃ HỘI",
    "CÔNG AN",
    "BỘ CHỈ HUY",
    "ĐẢNG ỦY",
    "ĐẢNG ĐOÀN",
    "BAN CÁN SỰ",
    "PHÒNG",
];
pub(super) const NOT_AFTER: &[&str] = &[
    "THƯỜNG",
    "ỦY",
    "UỶ",
    "VĂN",
    "QUỐC",
    "BỘ",
    "MÔI",
    "THỊ",
    "CƠ",
    "TỔNG",
    "CHI",
    "BỆNH",
    "NHÀ",
    "CÁN",
    "ĐẢNG",
    "VÀ",
    "-",
    ",",
];

/// [`SUB_BODIES`], each split into its words.
pub(super) static SUB_BODY_WORDS: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| SUB_BODIES.iter().map(|k| k.split(' ').collect()).collect());

/// Where the issuing body starts in a header line that also holds its parent body.
pub(super) fn split_parent(words: &[&str]) -> Option<usize> {
    let mut found = None;
    for i in 1..words.len() {
        if NOT_AFTER.contains(&words[i - 1].trim_end_matches(',')) || words[i - 1].ends_with(',') {
            continue;
        }
        for kws in SUB_BODY_WORDS.iter() {
            if words
                .get(i..i + kws.len())
                .is_some_and(|ws| ws.iter().zip(kws).all(|(a, b)| a == b))
                && i + kws.len() < words.len()
            {
                found = Some(i);
            }
        }
    }
    found
}

pub(super) fn parse_issuer(
    cx: &mut Ctx<'_, '_>,
    doc: &mut Document,
    qh_line: Option<(usize, usize)>,
    number_line: Option<usize>,
) {
    // Collect the issuer text as view ranges (one per line).
    let mut parts: Vec<Range<usize>> = Vec::new();
    let anchor = qh_line.or(number_line.map(|i| (i, 0)));
    let Some((q, off)) = anchor else { return };
    let lr = cx.line_range(q);
    let pre = cx.view.text.get(lr.start..lr.start + off).unwrap_or("");
    let pre_t = pre.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '|'));
    // The upper-case run at the end of the text before the Quốc hiệu on a merged line.
    if let Some(f) = upper_tail(pre_t) {
        parts.push(lr.start + f..lr.start + pre_t.len());
        // The two header columns read row by row (OCR, PDF text): the issuer's name goes on
        // at the left of the next rows, before the tiêu ngữ (`SỞ LAO ĐỘNG THƯƠNG BINH Độc lập
        // - Tự do - Hạnh phúc⏎VÀ XÃ HỘI`).
        parts.extend(left_column_below(cx, q, number_line));
    } else {
        // Lines above, upper case, until a blank or a lower-case line. When the left column
        // came first (issuer, number, trích yếu, then the Quốc hiệu), the issuer is above the
        // number: what stands between the number and the Quốc hiệu is the trích yếu.
        let mut i = match number_line {
            Some(nl) if nl < q && q - nl <= 8 => nl + 1,
            _ => q,
        };
        let mut got: Vec<Range<usize>> = Vec::new();
        while i > 0 && got.len() < 4 {
            i -= 1;
            let l = cx.view.lines[i];
            let t = cx.view.line(i);
            if l.heading() {
                break;
            }
            // The number printed between the issuer and the Quốc hiệu, as gazette text
            // layers give the left column first (`CHÍNH PHỦ⏎___⏎Số: 113/NQ-CP⏎CỘNG HÒA …`).
            if got.is_empty() && Some(i) == number_line {
                continue;
            }
            if t.is_empty() || cx.is(i, Kind::Separator) {
                if got.is_empty() {
                    continue;
                }
                break;
            }
            let t2 = t.trim_end_matches(['-', '*', ' ', '_', '=']);
            // A copy's stamp above the issuer (NĐ 30/2020, Điều 25: bản sao y, sao lục,
            // trích sao) is not part of it.
            if ["sao y", "sao luc", "trich sao", "ban sao"]
                .iter()
                .any(|p| fold_starts_with(t2, p))
            {
                break;
            }
            if !t2
                .split_whitespace()
                .all(|w| is_upper_word(w) || w == "-" || w == "&")
                || t2.split_whitespace().count() > 16
                || t2.starts_with("SỐ")
                || labels::has_number_label(t2)
            {
                // A crawler title fused with the issuer line: keep its upper-case tail.
                if got.is_empty()
                    && let Some(f) = upper_tail(t2)
                {
                    got.push(l.start() + f..l.start() + t2.len());
                }
                break;
            }
            got.push(l.start()..l.start() + t2.len());
        }
        got.reverse();
        parts = got;
    }
    if parts.is_empty() && doc.party && qh_line.is_some() {
        parts = party_committee_below(cx, q, number_line);
    }
    if parts.is_empty() && qh_line.is_some() {
        parts = top_of_left_column(cx, q);
    }
    if parts.is_empty() {
        return;
    }
    // Join, then split parent / name at a subordinate body's first word.
    let joined: Vec<(usize, &str)> = parts
        .iter()
        .flat_map(|r| {
            let t = cx.view.text.get(r.clone()).unwrap_or("");
            word_spans(t)
                .map(move |(o, w)| (r.start + o, w))
                .collect::<Vec<_>>()
        })
        .collect();
    let words: Vec<&str> = joined.iter().map(|&(_, w)| w).collect();
    let Some(&(first, _)) = joined.first() else {
        return;
    };
    let Some(&(lo, lw)) = joined.last() else {
        return;
    };
    let last_end = lo + lw.len();
    let split = if parts.len() >= 2 {
        // Separate lines: a subordinate body on a later line starts the name.
        let second = parts[1].start;
        split_parent(&words).or_else(|| {
            let line_words = joined.iter().position(|&(o, _)| o >= second)?;
            let first_line: Vec<&str> = words[..line_words].to_vec();
            // Two bodies on two lines are parent and name when the first is a known parent.
            (first_line
                .first()
                .is_some_and(|w| ["UBND", "BỘ", "ỦY", "UỶ", "TỈNH", "HUYỆN"].contains(w))
                && split_parent(&words).is_none()
                && words[line_words..]
                    .first()
                    .is_some_and(|w| SUB_BODIES.iter().any(|k| k.split(' ').next() == Some(*w))))
            .then_some(line_words)
        })
    } else {
        split_parent(&words)
    };
    // The text of the words from `a` to `b` (view offsets), part by part: the parts may
    // be apart (the other column between them), the span covers them all.
    let words_text = |a: usize, b: usize| -> Spanned {
        let mut text = String::new();
        for r in &parts {
            let (lo, hi) = (r.start.max(a), r.end.min(b));
            if lo < hi {
                let t = cx.spanned_range(lo..hi).text;
                if !t.is_empty() {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(&t);
                }
            }
        }
        cx.spanned(a..b, text)
    };
    match split {
        Some(k) if k > 0 && k < joined.len() => {
            let pend = joined[k - 1].0 + joined[k - 1].1.len();
            doc.issuer = Some(Issuer {
                parent: Some(words_text(first, pend)),
                name: words_text(joined[k].0, last_end),
            });
        }
        _ => {
            let name = words_text(first, last_end);
            doc.issuer = Some(Issuer { parent: None, name });
        }
    }
}

/// The issuer at the top of the left column of a header table whose columns are read one
/// after the other (cells broken by `<br>`: issuer, number and trích yếu in the left cell,
/// the Quốc hiệu in the right): the upper-case lines that open the table's first column.
pub(super) fn top_of_left_column(cx: &Ctx<'_, '_>, q: usize) -> Vec<Range<usize>> {
    let mut got = Vec::new();
    let Some(qc) = cx.view.lines.get(q).and_then(|l| l.cell()) else {
        return got;
    };
    if qc.col == 0 {
        return got;
    }
    let Some(first) = (0..q).find(|&i| {
        cx.view.lines[i]
            .cell()
            .is_some_and(|c| c.table == qc.table && c.col == 0)
    }) else {
        return got;
    };
    for i in first..q {
        let l = &cx.view.lines[i];
        if l.cell().is_none_or(|c| c.table != qc.table || c.col != 0) || got.len() == 4 {
            break;
        }
        let t = cx.view.line(i).trim_end_matches(['-', '*', ' ', '_', '=']);
        if t.is_empty() || is_separator_line(t) {
            if got.is_empty() {
                continue;
            }
            break;
        }
        if !is_issuer_column_text(t) {
            break;
        }
        let lr = cx.line_range(i);
        got.push(lr.start..lr.start + t.len());
    }
    got
}

/// Whether `t`, a non-empty piece of the header's left column, can be part of the issuer:
/// upper case, neither a rule nor the number line. The one test of both column readers.
fn is_issuer_column_text(t: &str) -> bool {
    !is_separator_line(t) && !labels::has_number_label(t) && is_caps_line(t)
}

/// The left column of the header rows under a merged Quốc hiệu row: the upper-case text
/// before the tiêu ngữ on the next row, then whole upper-case rows, until a blank row, a rule,
/// the number or anything else (at most two rows).
pub(super) fn left_column_below(
    cx: &Ctx<'_, '_>,
    q: usize,
    number_line: Option<usize>,
) -> Vec<Range<usize>> {
    let mut got = Vec::new();
    let n = cx.view.lines.len();
    for i in q + 1..(q + 3).min(n) {
        if Some(i) == number_line {
            break;
        }
        let lr = cx.line_range(i);
        let line = cx.view.line(i);
        let left = match super::national_lines::tieu_ngu(line) {
            Some(m) => line.get(..m.start).unwrap_or(""),
            None if got.is_empty() && i == q + 1 => break,
            None => line,
        };
        let t = left.trim_end_matches([' ', '-', '*', '_']);
        if t.is_empty() || !is_issuer_column_text(t) {
            break;
        }
        let lead = t.len() - t.trim_start().len();
        got.push(lr.start + lead..lr.start + t.len());
    }
    got
}

/// The committee that issues a Party document, read under the Party line when nothing
/// stands above it (HD 36-HD/VPTW, §1: the committee's name and `*` on the left, the Party
/// line on the right; a text layer may give the right column first): the upper-case lines
/// after the Party line, before the `*` mark, the number or the place and date.
pub(super) fn party_committee_below(
    cx: &Ctx<'_, '_>,
    q: usize,
    number_line: Option<usize>,
) -> Vec<Range<usize>> {
    let mut got = Vec::new();
    let n = cx.view.lines.len();
    // The rest of the Party line itself: `ĐẢNG CỘNG SẢN VIỆT NAM TỈNH ỦY LAI CHÂU`.
    let lr = cx.line_range(q);
    let line = cx.view.line(q);
    if let Some(m) = super::national_lines::party_line(line) {
        let rest = line.get(m.end..).unwrap_or("");
        let t = rest.trim_matches([' ', '-', '*', ',']);
        if !t.is_empty() && t.split_whitespace().all(is_upper_word) && !labels::has_number_label(t)
        {
            let o = lr.start
                + m.end
                + (rest.len() - rest.trim_start_matches([' ', '-', '*', ',']).len());
            got.push(o..o + t.len());
            return got;
        }
    }
    for i in q + 1..(q + 6).min(n) {
        let t = cx.view.line(i);
        if t.is_empty() && got.is_empty() {
            continue;
        }
        if t.is_empty()
            || cx.is(i, Kind::Separator)
            || Some(i) == number_line
            || cx.is(i, Kind::Number)
            || cx.is(i, Kind::PlaceDate)
            || !t.split_whitespace().all(|w| is_upper_word(w) || w == "-")
        {
            break;
        }
        got.push(cx.line_range(i));
    }
    got
}

/// Where the run of upper-case words at the end of `t` starts, if there is one.
pub(super) fn upper_tail(t: &str) -> Option<usize> {
    let mut from = None;
    for (i, w) in word_spans(t).collect::<Vec<_>>().into_iter().rev() {
        if is_upper_word(w) && !w.chars().any(|c| c.is_ascii_digit()) || w == "-" || w == "," {
            from = Some(i);
        } else {
            break;
        }
    }
    let f = from?;
    let s = t.get(f..)?;
    let s2 = s.trim_start_matches(['-', ',', ' ']);
    (!s2.is_empty()).then_some(f + (s.len() - s2.len()))
}

/// Whether `w` (upper case) starts an enacting-authority line such as `CHỦ TỊCH ỦY BAN …`.
pub(super) fn is_authority_line(t: &str, issuer: Option<&str>) -> bool {
    if !t
        .split_whitespace()
        .all(|w| is_upper_word(w) || w == "-" || w == ",")
    {
        return false;
    }
    if issuer.is_some_and(|i| fold_eq(i, t)) {
        return true;
    }
    [
        "CHỦ TỊCH",
        "BỘ TRƯỞNG",
        "THỦ TƯỚNG",
        "GIÁM ĐỐC",
        "TỔNG GIÁM ĐỐC",
        "CỤC TRƯỞNG",
        "TỔNG CỤC TRƯỞNG",
        "ỦY BAN",
        "UỶ BAN",
        "HỘI ĐỒNG",
        "CHÍNH PHỦ",
        "QUỐC HỘI",
        "VIỆN TRƯỞNG",
        "CHÁNH ÁN",
        "TỔNG KIỂM TOÁN",
        "BAN THƯỜNG VỤ",
        "BAN CHẤP HÀNH",
        "BỘ CHÍNH TRỊ",
        "BAN BÍ THƯ",
        "THỐNG ĐỐC",
        "CHỦ NHIỆM",
        "TRƯỞNG BAN",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

pub(super) fn parse_heading(
    cx: &mut Ctx<'_, '_>,
    doc: &mut Document,
    from: usize,
    header_end: usize,
    pd_line: Option<(usize, usize)>,
) {
    let n = cx.view.lines.len();
    let to = (header_end + 2).min(n).max(from);
    let issuer_name = doc.issuer.as_ref().map(|i| i.name.text.clone());
    // A line that is the kind name alone.
    let mut found: Option<(usize, Range<usize>, Option<Range<usize>>)> = None;
    // Lines from the number (or Quốc hiệu) down: a Markdown heading there is the document's
    // own (`# QUYẾT ĐỊNH`), unlike a crawler's title above the header.
    for i in from..to {
        let l = &cx.view.lines[i];
        let (off, line) = heading_body(cx, i);
        let t = line.trim_end_matches(':');
        if t.is_empty() || !is_upper_word(t) || t.len() > 40 {
            continue;
        }
        if t.split_whitespace().all(is_upper_word) && DocKind::from_name(t).is_some() {
            // `QUYẾT ĐỊNH:` with a colon is the enacting formula, not the heading.
            if line.ends_with(':') {
                continue;
            }
            found = Some((i, l.start() + off..l.start() + off + t.len(), None));
            break;
        }
    }
    // Or a kind name opening a line of upper-case text (flattened text), possibly after the
    // place and date on the same merged line.
    if found.is_none() {
        'outer: for i in from..to {
            let heading = cx.view.lines[i].heading();
            let lr = cx.line_range(i);
            let skip = match pd_line {
                Some((p, off)) if p == i => off,
                _ => heading_body(cx, i).0,
            };
            let t = cx.view.text.get(lr.start + skip..lr.end).unwrap_or("");
            let t_trim = t.trim_start();
            let base = lr.start + skip + (t.len() - t_trim.len());
            let ws: Vec<(usize, &str)> = word_spans(t_trim).take(5).collect();
            for k in (1..=ws.len().min(4)).rev() {
                let (o, w) = ws[k - 1];
                let head_end = o + w.len();
                let head = t_trim.get(..head_end).unwrap_or("");
                // In a Markdown heading the trích yếu may follow in any case (`# KẾ HOẠCH
                // Thực hiện …`); on a flattened line only in capitals.
                if head.split_whitespace().all(is_upper_word)
                    && DocKind::from_name(head).is_some()
                    && ws
                        .get(k)
                        .is_some_and(|&(_, nw)| heading || is_upper_word(nw))
                {
                    let rest = t_trim.get(head_end..).unwrap_or("");
                    let rest_t = rest.trim_start();
                    let rs = base + head_end + (rest.len() - rest_t.len());
                    let re_ = cut_at_body(rest_t);
                    found = Some((i, base..base + head_end, Some(rs..rs + re_)));
                    break 'outer;
                }
            }
        }
    }
    let Some((i, hr, inline)) = found else { return };
    doc.kind_heading = Some(cx.spanned_range(hr));
    // `QUYẾT ĐỊNH CỦA CHỦ TỊCH NƯỚC`: the issuer named on the heading line is part of the
    // heading; the trích yếu follows.
    let inline = inline.filter(|r| {
        let t = cx.view.text.get(r.clone()).unwrap_or("");
        !fold_starts_with(t, "cua ") || fold_key(t).contains(" ve ")
    });
    if let Some(r) = inline {
        let raw = cx.view.text.get(r.clone()).unwrap_or("");
        let cut = cut_enacting_authority(raw, issuer_name.as_deref());
        let r = r.start..r.start + cut;
        let s = cx.spanned_range(r.clone());
        if !s.text.is_empty() {
            doc.subject = Some(clean_subject(cx, r));
        }
        return;
    }
    // The subject: the lines under the heading until a blank line or the body.
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut j = i + 1;
    while j < n && lines.len() < 8 {
        let t = cx.view.line(j);
        if t.is_empty() || cx.is(j, Kind::Separator) {
            if lines.is_empty() && j < i + 3 {
                j += 1;
                continue;
            }
            break;
        }
        let upper_so_far = lines.iter().all(|r| {
            let t = cx.view.text.get(r.clone()).unwrap_or("");
            !t.chars().any(char::is_lowercase)
        });
        if cx.is(j, Kind::BodyStart)
            || cx.view.lines[j].heading()
            || (!lines.is_empty() && is_authority_line(t, issuer_name.as_deref()))
            || cx.is(j, Kind::KinhGui)
            || is_cong_dien_formula(t)
            // A trích yếu in capitals ends where prose begins (`… TỈNH ĐIỆN BIÊN⏎Trong các
            // ngày 08 và 09 tháng 11 năm 2025, Phó Thủ tướng …`).
            || (!lines.is_empty() && upper_so_far && is_prose(t))
        {
            break;
        }
        let lr = cx.line_range(j);
        let cut = cut_at_body(t);
        lines.push(lr.start..lr.start + cut);
        if cut < t.len() {
            break;
        }
        j += 1;
    }
    if let (Some(a), Some(b)) = (lines.first(), lines.last()) {
        let mut start = a.start;
        // `KẾT LUẬN⏎CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ⏎VỀ TÌNH HÌNH …`: the issuer under the
        // heading belongs to it; the trích yếu starts at `VỀ`.
        // Only a line that opens with `VỀ` starts it: `CỦA BỘ XÂY DỰNG SỐ 04/2001/TT-BXD …
        // HƯỚNG DẪN … VỀ …` is one trích yếu.
        let t = cx.view.text.get(a.clone()).unwrap_or("");
        if fold_starts_with(t, "cua ")
            && let Some(l) = lines[1..].iter().find(|l| {
                let t = cx.view.text.get((*l).clone()).unwrap_or("");
                fold_starts_with(t, "ve ")
            })
        {
            start = l.start;
        }
        doc.subject = Some(clean_subject(cx, start..b.end));
    }
}

/// A view line without the `#` marks of a Markdown heading: the offset of its text in the
/// line, and the text.
pub(super) fn heading_body<'v>(cx: &'v Ctx<'_, '_>, i: usize) -> (usize, &'v str) {
    let line = cx.view.line(i);
    if !cx.view.lines.get(i).is_some_and(|l| l.heading()) {
        return (0, line);
    }
    let t = line.trim_start_matches('#').trim_start();
    (line.len() - t.len(), t)
}

/// Length of a flattened subject before the enacting authority that follows it on the same
/// line (`… VỀ VIỆC X BỘ TRƯỞNG BỘ Y TẾ`).
pub(super) fn cut_enacting_authority(t: &str, issuer: Option<&str>) -> usize {
    const STARTERS: &[&str] = &[
        "BỘ TRƯỞNG",
        "CHỦ TỊCH",
        "THỦ TƯỚNG",
        "GIÁM ĐỐC",
        "TỔNG GIÁM ĐỐC",
        "CỤC TRƯỞNG",
        "TỔNG CỤC TRƯỞNG",
        "CHÁNH ÁN",
        "VIỆN TRƯỞNG",
        "TỔNG KIỂM TOÁN",
        "THỐNG ĐỐC",
    ];
    let ws: Vec<(usize, &str)> = word_spans(t).collect();
    if t.chars().any(char::is_lowercase) {
        // A mixed-case subject followed by an upper-case authority line.
        return match upper_tail(t) {
            Some(f)
                if t.get(f..)
                    .is_some_and(|x| x.split_whitespace().count() >= 2) =>
            {
                t.get(..f).map_or(f, |x| x.trim_end().len())
            }
            _ => t.len(),
        };
    }
    let issuer_key = issuer.map(fold_key);
    for k in 3..ws.len() {
        if ws.len() - k > 12 {
            continue;
        }
        let tail = t.get(ws[k].0..).unwrap_or("");
        let prev = ws[k - 1].1;
        if matches!(prev, "CỦA" | "VÀ" | "VỚI" | "TẠI" | "THUỘC" | "CHO" | "ĐỐI") {
            continue;
        }
        if STARTERS.iter().any(|s| tail.starts_with(s))
            || issuer_key
                .as_deref()
                .is_some_and(|i| fold_chars(tail).eq(i.chars()))
        {
            return t.get(..ws[k].0).map_or(ws[k].0, |x| x.trim_end().len());
        }
    }
    t.len()
}

/// Whether `c` of the caller's text is one that normalization writes as another visible
/// character and that [`Ctx::spanned_range`] gives back: a dash or slash variant, a Cyrillic
/// letter typed for a Latin one.
pub(super) fn is_restorable(c: char) -> bool {
    !c.is_ascii()
        && !c.is_whitespace()
        && !matches!(c, 'Ð' | 'ð')
        && crate::text::map_char(c).is_some_and(|m| m != c)
}

/// Whether `t` is the formula that opens a Công điện after its trích yếu
/// (`THỦ TƯỚNG CHÍNH PHỦ điện:`).
pub(super) fn is_cong_dien_formula(t: &str) -> bool {
    let t = t.trim_end_matches(['*', ' ']);
    t.len() < 120
        && t.ends_with(':')
        && t.rsplit(' ')
            .next()
            .is_some_and(|w| w != t && fold_eq(w, "điện:"))
}

/// Whether `t` may hold a label of [`NUMBER`]: each has `ố`/`Ố` (`Số`, `SỐ`, `số`) or is one
/// of the two OCR forms `S0`, `Sô`. The header's lines are asked before the pattern runs.
pub(super) fn may_hold_number_label(t: &str) -> bool {
    let b = t.as_bytes();
    ["ố", "Ố", "S0", "Sô"]
        .iter()
        .any(|p| memchr::memmem::find(b, p.as_bytes()).is_some())
}

/// The place-date of header line `t` ([`crate::date::parse_place_date`], the one reader of
/// it), asked only when `t` names a day in the spellings a header uses.
pub(super) fn place_date(t: &str) -> Option<crate::date::PlaceDate> {
    let b = t.as_bytes();
    let named = memchr::memmem::find(b, "gày".as_bytes()).is_some()
        || memchr::memmem::find(b, "GÀY".as_bytes()).is_some();
    if !named {
        return None;
    }
    crate::date::parse_place_date(t)
}

/// Whether `t` holds a place-date.
pub(super) fn has_place_date(t: &str) -> bool {
    place_date(t).is_some()
}

/// Whether `t` reads as prose: it opens with a word in lower or mixed case and most of its
/// words are in lower case.
pub(super) fn is_prose(t: &str) -> bool {
    let mut words = 0;
    let mut lower = 0;
    for w in t.split_whitespace() {
        words += 1;
        if w.chars().any(char::is_lowercase) {
            lower += 1;
        }
    }
    let first_mixed = t
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().any(char::is_lowercase));
    first_mixed && lower >= 3 && lower * 2 > words
}

/// Length of `t` before an inline `Căn cứ` that starts the body on a flattened line.
pub(super) fn cut_at_body(t: &str) -> usize {
    for pat in [" Căn cứ ", " Xét đề nghị", " Theo đề nghị", " Kính gửi"] {
        if let Some(p) = t.find(pat) {
            return p;
        }
    }
    t.len()
}

pub(super) fn clean_subject(cx: &Ctx<'_, '_>, r: Range<usize>) -> Spanned {
    let raw = cx.view.text.get(r.clone()).unwrap_or("");
    let mut t = raw.trim_end_matches([';', '.', ' ', ',', '\n']);
    // Quotes around a whole trích yếu (`"Vv …"`) are not part of it; a quoted name that
    // ends it (`… DỰ ÁN “GIÚP ĐỠ …”`) is.
    let mut lead = 0;
    let opened = t.trim_start_matches(' ');
    if opened.starts_with(['"', '“']) {
        lead = t.len() - opened.len() + opened.chars().next().map_or(0, char::len_utf8);
        t = t.trim_end_matches(['"', '”', ' ', '.', ';']);
    }
    let r = r.start + lead.min(t.len())..r.start + t.len();
    cx.spanned_range(r)
}

pub(super) fn parse_vv(cx: &mut Ctx<'_, '_>, doc: &mut Document, from: usize, header_end: usize) {
    let n = cx.view.lines.len();
    let to = (header_end + 3).min(n);
    for i in from.saturating_sub(2)..to {
        if cx.view.lines[i].heading() {
            continue;
        }
        let line = cx.view.line(i);
        let Some(label) = labels::vv(line) else {
            continue;
        };
        let lr = cx.line_range(i);
        let cell = cx.view.lines[i].cell();
        let first = line.get(label.end..).unwrap_or("");
        let cut = cut_vv(first);
        let mut end = lr.start + label.end + cut;
        let mut stopped = cut < first.len();
        let mut j = i + 1;
        while !stopped && cell.is_none() && j < n && j < i + 8 {
            let t = cx.view.line(j);
            if t.is_empty()
                || cx.is(j, Kind::Separator)
                || cx.is(j, Kind::PlaceDate)
                || cx.is(j, Kind::KinhGui)
                || cx.is(j, Kind::BodyStart)
                || cx.view.lines[j].cell().is_some()
            {
                break;
            }
            let c = cut_vv(t);
            end = cx.line_range(j).start + c;
            stopped = c < t.len();
            j += 1;
        }
        let mut r = lr.start + label.end..end.max(lr.start + label.end);
        // `"Vv …"`: the quote opened before the label closes the trích yếu.
        if line[label.clone()].contains(['"', '“']) {
            let t = cx.view.text.get(r.clone()).unwrap_or("");
            let kept = t.trim_end_matches([' ', '.', ';', '"', '”']);
            r.end = r.start + kept.len();
        }
        let s = clean_subject(cx, r);
        if !s.text.is_empty() {
            doc.subject = Some(s);
        }
        return;
    }
}

/// Where a V/v subject ends on a merged line: at the place and date or at Kính gửi.
pub(super) fn cut_vv(t: &str) -> usize {
    let mut end = t.len();
    if let Some(pd) = place_date(t) {
        end = end.min(pd.place_span.start);
    }
    if let Some(label) = labels::kinh_gui(t) {
        end = end.min(label.start);
    }
    t.get(..end).map_or(0, |s| s.trim_end().len())
}

//! Who a document is addressed to and what it rests on: Kính gửi and the legal bases (căn cứ),
//! and the split of a list into its entries.

use super::*;

/// Splits a list of entries at bullets: a line starting with `-`, or an inline ` - ` right
/// after `;`, `)` or `.` (a dash inside a name, `Bộ Lao động - Thương binh`, has none).
pub(super) fn split_entries(text: &str, base: usize) -> Vec<Range<usize>> {
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of previous, start of next)
    let b = text.as_bytes();
    let mut line_start = true;
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        let cl = c.len_utf8();
        if c == '\n' {
            line_start = true;
            i += cl;
            continue;
        }
        if line_start {
            if c == ' ' || c == '\t' {
                i += cl;
                continue;
            }
            line_start = false;
            // OCR drops the space after a bullet (`-Sở LĐTBXH;`): a capital follows it then.
            if matches!(c, '-' | '–' | '—' | '+' | '•')
                && text.get(i + cl..).is_some_and(|r| {
                    r.starts_with([' ', '\t']) || r.is_empty() || r.starts_with(char::is_uppercase)
                })
            {
                cuts.push((i, i + cl));
                i += cl;
                continue;
            }
        }
        if matches!(c, '-' | '–' | '—')
            && i > 0
            && text.get(i + cl..).is_some_and(|r| r.starts_with(' '))
        {
            let before = text.get(..i).unwrap_or("").trim_end();
            // Items run on one line (`- Sở LĐTBXH;- Như điều 3;- Lưu VP`), with or without a
            // space before the bullet; a comma may end an item too (`… LĐTBXH,- Như …`).
            let spaced = b.get(i - 1) == Some(&b' ') && before.ends_with([';', ')', '.']);
            let tight = matches!(b.get(i - 1), Some(b';' | b','));
            if spaced || tight {
                cuts.push((before.len(), i + cl));
            }
        }
        i += cl;
    }
    let mut out = Vec::new();
    let mut prev = 0;
    let mut have_prev = false;
    for (end, next) in cuts {
        if have_prev || text.get(prev..end).is_some_and(|s| !s.trim().is_empty()) {
            out.push(base + prev..base + end);
        }
        prev = next;
        have_prev = true;
    }
    out.push(base + prev..base + text.len());
    out
}

/// Trims an entry range to its text without bullets and trailing punctuation.
pub(super) fn entry_range(view: &View, r: Range<usize>) -> Option<Range<usize>> {
    let s = view.text.get(r.clone())?;
    let t = trim_entry(s);
    if t.is_empty() {
        return None;
    }
    Some(sub_range(view, t))
}

pub(super) fn parse_recipients(cx: &mut Ctx<'_, '_>, doc: &mut Document, from: usize, to: usize) {
    let n = cx.view.lines.len();
    for i in from..to {
        if cx.view.lines[i].heading() {
            continue;
        }
        let line = cx.view.line(i);
        let Some(label) = labels::kinh_gui(line) else {
            continue;
        };
        let lr = cx.line_range(i);
        let rest = line.get(label.end..).unwrap_or("").trim();
        let mut ranges: Vec<Range<usize>> = Vec::new();
        if !rest.is_empty() {
            let rr = sub_range(&cx.view, rest);
            let single = !rest.starts_with(['-', '–']);
            if single {
                // One addressee on the line; a flattened body may follow it.
                let cut = labels::opener(rest)
                    .filter(|&o| o > 10)
                    .unwrap_or(rest.len());
                let cut = rest.get(..cut).map_or(cut, |s| {
                    s.find(". ").map_or(cut, |p| if p > 10 { p } else { cut })
                });
                let mut end = rr.start + cut;
                // The addressee wrapped onto the next lines, which go on in lower case
                // (`Kính gửi : Phòng Lao động Thương binh và Xã hội⏎huyện, thành phố`).
                if cut == rest.len() && cx.view.lines[i].cell().is_none() {
                    let mut j = i + 1;
                    while j < n && j < i + 3 {
                        let t = cx.view.line(j);
                        if !t.starts_with(|c: char| c.is_lowercase())
                            || labels::kinh_gui(t).is_some()
                        {
                            break;
                        }
                        end = cx.line_range(j).end;
                        j += 1;
                    }
                }
                ranges.push(rr.start..end);
            } else {
                ranges.extend(split_entries(rest, rr.start));
            }
            let _ = lr;
        } else {
            // On the following cell, or on `- …;` lines.
            let mut j = i + 1;
            let cell = cx.view.lines[i].cell();
            if cell.is_some() {
                if let Some(next) = cx.view.lines.get(j)
                    && next
                        .cell()
                        .is_some_and(|c| Some(c.table) == cell.map(|c| c.table))
                {
                    let t = cx.view.line(j);
                    let r = cx.line_range(j);
                    ranges.extend(split_entries(t, r.start));
                }
            } else {
                let mut start = None;
                let mut end = 0;
                while j < n && j < i + 40 {
                    let t = cx.view.line(j);
                    if t.is_empty() && start.is_none() {
                        j += 1;
                        continue;
                    }
                    if !t.starts_with(['-', '–', '+', '•']) {
                        break;
                    }
                    let r = cx.line_range(j);
                    start.get_or_insert(r.start);
                    end = r.end;
                    j += 1;
                }
                if let Some(s) = start {
                    let t = cx.view.text.get(s..end).unwrap_or("").to_string();
                    ranges.extend(split_entries(&t, s));
                }
            }
        }
        for r in ranges {
            if let Some(er) = entry_range(&cx.view, r) {
                let s = cx.spanned_range(er);
                doc.recipients.push(s);
            }
        }
        return;
    }
}

pub(super) fn parse_bases(cx: &mut Ctx<'_, '_>, doc: &mut Document, from: usize, n: usize) {
    let to = n.min(from + 60);
    for i in from..to {
        let t = cx.view.line(i);
        if t.starts_with("Điều ") || t.starts_with("Chương") || t.starts_with("CHƯƠNG") {
            break;
        }
        let kind = if t.starts_with("Căn cứ") {
            BasisKind::CanCu
        } else if t.starts_with("Theo đề nghị") || t.starts_with("Xét đề nghị") {
            BasisKind::DeNghi
        } else {
            continue;
        };
        let r = cx.line_range(i);
        doc.bases.push(Basis {
            kind,
            text: cx.spanned_range(r),
        });
    }
}

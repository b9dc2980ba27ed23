//! The closing: Nơi nhận (NĐ 30/2020, Phụ lục I §II.9) and the signature blocks with their
//! authority, title and name (Điều 13; Phụ lục I §II.7).

use super::*;

/// The most lines a Nơi nhận list runs over: a few dozen recipients, one a line.
const MAX_NOI_NHAN_LINES: usize = 80;

/// Lines after Nơi nhận in which the other column of its table (the signature's) is looked
/// for, in a text that read the table row by row.
const SIGNATURE_CELL_REACH: usize = 60;

/// The most lines of a signature block: authority lines, the title, a note (`(Đã ký)`), a
/// seal's text, blank lines, the name.
const MAX_SIGNATURE_LINES: usize = 14;

/// Lines above Nơi nhận where a signature printed first (a PDF whose right column came
/// first) is looked for.
const SIGNATURE_ABOVE: usize = 8;

/// Parses Nơi nhận starting at view line `nn`; returns the last line used.
pub(super) fn parse_noi_nhan(cx: &mut Ctx<'_, '_>, doc: &mut Document, nn: usize) -> usize {
    let n = cx.view.lines.len();
    let lr = cx.line_range(nn);
    let (mark, line) = heading_body(cx, nn);
    let label_end = mark
        + labels::noi_nhan(line).unwrap_or_else(|| line.find(':').map_or(line.len(), |p| p + 1));
    let cell = cx.view.lines[nn].cell();
    let start = lr.start + label_end;
    let mut end = lr.end;
    let mut last = nn;
    let mut j = nn + 1;
    let mut ended = cx
        .view
        .text
        .get(start..end)
        .is_some_and(|s| s.trim_end().ends_with('.') && s.trim().len() > 1);
    // A pipe-table cell holds the whole list; a grid-table column or plain lines continue.
    let single_cell =
        cell.is_some()
            && cx.view.lines.get(nn + 1).is_none_or(|l| {
                l.cell().map(|c| (c.table, c.col)) != cell.map(|c| (c.table, c.col))
            });
    while !single_cell && !ended && j < n && j < nn + MAX_NOI_NHAN_LINES {
        let l = &cx.view.lines[j];
        if cell.is_some() && l.cell().map(|c| (c.table, c.col)) != cell.map(|c| (c.table, c.col)) {
            break;
        }
        let t = cx.view.line(j);
        if t.is_empty() {
            // A blank line ends the list unless another entry follows.
            let next = (j + 1..n.min(j + 3)).find(|&k| !cx.view.line(k).is_empty());
            let has_items = cx
                .view
                .text
                .get(start..end)
                .is_some_and(|s| s.contains('-'));
            match next {
                Some(k) if cx.view.line(k).starts_with(['-', '–', '+']) || !has_items => {
                    if next.is_some() && !cx.view.line(k).starts_with(['-', '–', '+']) {
                        break;
                    }
                    j += 1;
                    continue;
                }
                _ => break,
            }
        }
        let bullet = t.starts_with(['-', '–', '+', '•']);
        if !bullet && (cx.is(j, Kind::Authority) || cx.is(j, Kind::Signature)) {
            break;
        }
        end = cx.line_range(j).end;
        last = j;
        if t.ends_with('.') && !t.ends_with("..") {
            ended = true;
        }
        j += 1;
    }
    let text = cx.view.text.get(start..end).unwrap_or("").to_string();
    let ranges = split_entries(&text, start);
    for r in ranges {
        let Some(er) = entry_range(&cx.view, r) else {
            continue;
        };
        let mut s = cx.spanned_range(er.clone());
        // A signature fused onto the last entry of a flattened text.
        if s.text.starts_with("Lưu") || s.text.starts_with("LƯU") {
            let raw = cx.view.text.get(er.clone()).unwrap_or("").to_string();
            if let Some(p) = fused_signature(&raw) {
                let cut = raw.get(..p).map_or(p, |x| trim_entry(x).len());
                s = cx.spanned_range(er.start..er.start + cut);
                doc.signatures
                    .extend(read_signatures(cx, er.start + p..er.end));
            }
        }
        let kind = classify_entry(&s.text);
        doc.noi_nhan.push(NoiNhanEntry { text: s, kind });
    }
    last
}

pub(super) const TITLE_WORDS: &[&str] = &[
    "TRƯỞNG",
    "TỊCH",
    "TƯỚNG",
    "ĐỐC",
    "NHIỆM",
    "THƯ",
    "PHÓ",
    "ÁN",
    "TOÁN",
];

/// Whether a line looks like a signature: upper-case words naming a title, then a name.
pub(super) fn sig_like(t: &str) -> bool {
    // Word by word: asked of every line of a body without Nơi nhận, it mostly stops at
    // the first word.
    let mut ws = t.split_whitespace();
    let mut caps = 0;
    let mut title = false;
    let mut after_caps = None;
    for w in ws.by_ref() {
        if !(is_upper_word(w) || w == "-" || w == ",") {
            after_caps = Some(w);
            break;
        }
        caps += 1;
        title = title || TITLE_WORDS.contains(&w.trim_end_matches(','));
    }
    caps >= 1 && title && after_caps.is_none_or(|w| is_name_words(std::iter::once(w).chain(ws)))
}

/// Whether words read as a person's name (capitalised words, at most eight, optionally
/// followed by `(Đã ký)`), read one at a time and stopping at the first that rules it out.
pub(super) fn is_name_words<'a>(ws: impl Iterator<Item = &'a str>) -> bool {
    let mut count = 0;
    for w in ws.take_while(|w| !w.starts_with('(')) {
        count += 1;
        let ok = count <= 8
            && (count > 1 || w.chars().next().is_some_and(char::is_uppercase))
            && w.chars().all(|c| c.is_alphabetic() || c == '.')
            && !is_upper_word(w)
            && !w.chars().skip(1).any(char::is_uppercase);
        if !ok {
            return false;
        }
    }
    count >= 1
}

/// Byte offset in a Lưu entry where a fused signature starts (`… (2b). Trung Anh BỘ TRƯỞNG`).
pub(super) fn fused_signature(raw: &str) -> Option<usize> {
    // Bounded: a Lưu entry is a few words; a long one is not fused with a signature.
    let ws: Vec<(usize, &str)> = word_spans(raw).take(40).collect();
    for k in 1..ws.len() {
        let tail = raw.get(ws[k].0..)?;
        if (authority_line(tail) || sig_like(tail))
            && tail.split_whitespace().filter(|w| is_upper_word(w)).count() >= 2
            && is_upper_word(ws[k].1)
            && !ws[k].1.ends_with(',')
            && ws.get(k + 1).is_some_and(|w| is_upper_word(w.1))
        {
            return Some(ws[k].0);
        }
    }
    None
}

pub(super) fn classify_entry(t: &str) -> EntryKind {
    let f = fold_key(t);
    if f.starts_with("nhu tren") || f.starts_with("nhu dieu") || f.starts_with("nhu khoan") {
        return EntryKind::NhuTren;
    }
    if f.starts_with("luu") {
        let rest = t
            .split_once([':', ' '])
            .map_or("", |(_, r)| r)
            .trim_start_matches([':', ' ']);
        let mut vt = false;
        let mut units = Vec::new();
        let mut copies = None;
        for part in rest.split([',', ';']) {
            let p = part.trim().trim_end_matches('.');
            if p.is_empty() {
                continue;
            }
            let (unit, paren) = match p.find('(') {
                Some(i) => (p.get(..i).unwrap_or("").trim(), p.get(i..)),
                None => (p, None),
            };
            if let Some(pc) = paren {
                let c = pc.trim_matches(['(', ')', ' ', '.']);
                if c.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    copies = Some(c.to_string());
                }
            }
            if unit == "VT" || fold_key(unit) == "van thu" {
                vt = true;
            } else if !unit.is_empty() {
                units.push(unit.to_string());
            }
        }
        return EntryKind::Luu { vt, units, copies };
    }
    let dong_chi = f.starts_with("d/c") || f.starts_with("cac d/c");
    let purpose = purpose_of(t, &f);
    EntryKind::Recipient { dong_chi, purpose }
}

/// The purpose note of entry `t` (folded: `f`).
pub(super) fn purpose_of(t: &str, f: &str) -> Option<Purpose> {
    let has = |p: &str| f.contains(p);
    if has("b/c") || has("bao cao") {
        Some(Purpose::BaoCao)
    } else if has("p/h") || has("phoi hop") {
        Some(Purpose::PhoiHop)
    } else if has("t/h") || has("thuc hien") {
        Some(Purpose::ThucHien)
    } else if has("de biet") {
        Some(Purpose::DeBiet)
    } else {
        // The note as written (`(Hoài)`, `(2B,7)`), not its folded key.
        let open = t.rfind('(')?;
        let close = t.get(open..)?.find(')')? + open;
        Some(Purpose::Other(t.get(open + 1..close)?.trim().to_string()))
    }
}

pub(super) fn parse_signatures(
    cx: &mut Ctx<'_, '_>,
    doc: &mut Document,
    body_from: usize,
    nn: Option<usize>,
    nn_end: Option<usize>,
) {
    if !doc.signatures.is_empty() {
        return;
    }
    let n = cx.view.lines.len();
    let mut region: Option<(usize, usize)> = None;
    if let (Some(nn), Some(nn_end)) = (nn, nn_end) {
        let nn_cell = cx.view.lines[nn].cell();
        // Next to Nơi nhận: the other column of its table, or the lines after it.
        if let Some(c) = nn_cell {
            let sig = (nn + 1..n.min(nn_end + SIGNATURE_CELL_REACH)).find(|&j| {
                cx.view.lines[j]
                    .cell()
                    .is_some_and(|d| d.table == c.table && d.col != c.col)
                    && !cx.view.line(j).is_empty()
            });
            if let Some(s) = sig {
                let mut e = s;
                while e + 1 < n
                    && cx.view.lines[e + 1]
                        .cell()
                        .is_some_and(|d| d.table == c.table && d.col != c.col)
                {
                    e += 1;
                }
                region = Some((s, e));
            }
        }
        if region.is_none() {
            region = sig_after(cx, nn_end + 1).or_else(|| sig_before(cx, nn));
        }
    }
    if region.is_none() {
        // No Nơi nhận: the first signature-like line after the header.
        for i in body_from..n {
            let t = cx.view.line(i);
            if cx.view.lines[i].heading() || t.is_empty() {
                continue;
            }
            let in_cell_after_empty = cx.view.lines[i].cell().is_some_and(|c| c.col > 0)
                && i > 0
                && cx.view.line(i - 1).is_empty();
            if cx.is(i, Kind::Authority)
                || (cx.is(i, Kind::Signature) && t.split_whitespace().any(|w| !is_upper_word(w)))
                || (in_cell_after_empty && t.len() < 200 && sig_tail_name(t))
            {
                region = sig_after(cx, i);
                break;
            }
        }
    }
    if let Some((s, e)) = region {
        let a = cx.line_range(s).start;
        let b = cx.line_range(e).end;
        let sigs = read_signatures(cx, a..b);
        doc.signatures.extend(sigs);
    }
}

/// Whether the line ends with a name (a cell holding only the signer, `Nguyễn Mạnh Kiểm
/// (Đã ký)`).
pub(super) fn sig_tail_name(t: &str) -> bool {
    is_name_words(
        t.split_whitespace()
            .skip_while(|w| is_upper_word(w) || *w == "-" || *w == ","),
    )
}

/// A signature region starting at or after line `from`: lines until a name has been read.
pub(super) fn sig_after(cx: &Ctx<'_, '_>, from: usize) -> Option<(usize, usize)> {
    let n = cx.view.lines.len();
    let mut s = None;
    let mut j = from;
    while j < n && j < from + MAX_SIGNATURE_LINES {
        let t = cx.view.line(j);
        // Blank lines, rules and notes such as `(Đã ký)` or a converter's `[Đã ký]` between
        // title and name.
        if t.is_empty()
            || cx.is(j, Kind::Separator)
            || (t.starts_with('(') && t.ends_with(')'))
            || (t.starts_with('[') && t.ends_with(']'))
        {
            j += 1;
            continue;
        }
        // Word by word, without a list of them: a line may be a megabyte of words.
        let caps_only = t
            .split_whitespace()
            .all(|w| is_upper_word(w) || w == "-" || w == ",");
        let starts = cx.is(j, Kind::Authority) || cx.is(j, Kind::Signature) || caps_only;
        if s.is_none() {
            if !(starts || t.len() < 60 && is_name_words(t.split_whitespace())) {
                return None;
            }
            s = Some(j);
        }
        if !caps_only {
            // The name ends the block, unless a joint block follows.
            let mut k = j + 1;
            while k < n && k < j + 4 && cx.view.line(k).is_empty() {
                k += 1;
            }
            if k < n && cx.is(k, Kind::Authority) {
                j = k;
                continue;
            }
            return s.map(|s| (s, j));
        }
        j += 1;
    }
    s.map(|s| (s, j.saturating_sub(1).max(s)))
}

/// A signature printed before Nơi nhận (PDF text where the right column came first).
pub(super) fn sig_before(cx: &Ctx<'_, '_>, nn: usize) -> Option<(usize, usize)> {
    let from = nn.saturating_sub(SIGNATURE_ABOVE);
    for i in from..nn {
        if cx.is(i, Kind::Authority) || cx.is(i, Kind::Signature) {
            return sig_after(cx, i).filter(|&(_, e)| e < nn);
        }
    }
    None
}

/// Reads signature blocks from a view range: upper-case authority and title words, then a
/// name; a new block starts when upper-case words follow a name.
/// At most this many words are read as signature blocks: joint blocks of several signers
/// hold a few dozen; a longer range (one line of 16 MiB of `**KT. `) is read only so far, so
/// that its tokens cost bounded memory.
pub(super) const MAX_SIGNATURE_WORDS: usize = 256;

pub(super) fn read_signatures(cx: &Ctx<'_, '_>, r: Range<usize>) -> Vec<Signature> {
    let text = cx.view.text.get(r.clone()).unwrap_or("").to_string();
    // Tokens: (offset, word, line number)
    let mut toks: Vec<(usize, &str, usize)> = Vec::new();
    let mut pos = 0;
    'lines: for (line_no, l) in text.split('\n').enumerate() {
        for (o, w) in word_spans(l) {
            if toks.len() >= MAX_SIGNATURE_WORDS {
                break 'lines;
            }
            // `TM.ỦY BAN …`: the authority word without its space is two tokens.
            let glued = ["TM.", "KT.", "TL.", "TUQ.", "Q."].iter().find_map(|a| {
                let rest = w.strip_prefix(a)?;
                rest.starts_with(char::is_uppercase).then_some(a.len())
            });
            match glued {
                Some(n) => {
                    toks.push((pos + o, &w[..n], line_no));
                    toks.push((pos + o + n, &w[n..], line_no));
                }
                None => toks.push((pos + o, w, line_no)),
            }
        }
        pos += l.len() + 1;
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() && out.len() < 6 {
        let b_start = i;
        // Upper-case part.
        while i < toks.len() && (is_upper_word(toks[i].1) || matches!(toks[i].1, "-" | "," | "&")) {
            i += 1;
        }
        let caps_end = i;
        // Name part: until a line break followed by upper case, or `(`.
        // A note such as `(Đã ký)` may stand between the title and the name.
        // So may a placeholder in square brackets (`[Đã ký]`, `[Chữ ký, dấu]`).
        if i < toks.len() && toks[i].1.starts_with(['(', '[']) {
            let close = if toks[i].1.starts_with('(') { ')' } else { ']' };
            let mut k = i;
            while k < toks.len() && k < i + 4 && !toks[k].1.ends_with(close) {
                k += 1;
            }
            if k + 1 < toks.len() && k < i + 4 && !is_upper_word(toks[k + 1].1) {
                i = k + 1;
            }
        }
        let mut name_start = i;
        while i < toks.len() {
            let (_, w, ln) = toks[i];
            if w.starts_with('(') || w.starts_with('[') {
                break;
            }
            // A one-letter syllable inside a name (`Nguyễn Văn A`) is upper case too.
            let initial = i > name_start && ln == toks[i - 1].2 && w.chars().count() == 1;
            if is_upper_word(w) && !initial {
                break;
            }
            i += 1;
        }
        let mut name_end = i;
        let mut caps_end = caps_end;
        // Some documents print the signer's name in capitals: then it is the last upper-case
        // line, when that line reads as a name and holds no title.
        if name_end == name_start && caps_end > b_start {
            let last_ln = toks[caps_end - 1].2;
            let line_start = (b_start..caps_end)
                .find(|&k| toks[k].2 == last_ln)
                .unwrap_or(caps_end);
            let words: Vec<&str> = toks[line_start..caps_end].iter().map(|t| t.1).collect();
            if line_start > b_start && is_caps_name(&words) {
                name_start = line_start;
                name_end = caps_end;
                caps_end = line_start;
            }
        }
        // Skip notes such as `(Đã ký)`.
        while i < toks.len() && !is_upper_word(toks[i].1) {
            i += 1;
        }
        if caps_end == b_start && name_end == name_start {
            i += 1;
            continue;
        }
        let caps = &toks[b_start..caps_end];
        // Authority lines and title.
        let mut authority = None;
        let mut auth_lines: Vec<Spanned> = Vec::new();
        let mut title = None;
        let mut lines: Vec<(usize, usize)> = Vec::new(); // token index ranges per line
        let mut k = 0;
        while k < caps.len() {
            let ln = caps[k].2;
            let s = k;
            while k < caps.len() && caps[k].2 == ln {
                k += 1;
            }
            lines.push((s, k));
        }
        // A line may hold several authority prefixes (merged cells): split there.
        let mut segs: Vec<(usize, usize)> = Vec::new();
        for (s, e) in lines {
            let mut st = s;
            for (t, tok) in caps.iter().enumerate().take(e).skip(s + 1) {
                if is_auth_token(tok.1) {
                    segs.push((st, t));
                    st = t;
                }
            }
            segs.push((st, e));
        }
        let mut title_seg: Option<(usize, usize)> = None;
        for &(s, e) in &segs {
            // OCR drops the dot (`KT GIÁM ĐỐC`); only a line's first word is read so.
            let undotted = matches!(caps[s].1, "TM" | "KT" | "TL" | "TUQ")
                && caps.get(s + 1).is_some_and(|t| t.2 == caps[s].2);
            if is_auth_token(caps[s].1) || undotted {
                authority = Some(auth_label(caps[s].1));
                // A merged line: the title starts at the first title word after the body.
                let split = title_start(&caps[s..e]).map(|t| s + t);
                match split {
                    Some(t) if t < e => {
                        auth_lines.push(span_of(cx, r.start, &text, &caps[s..t]));
                        title_seg = Some((t, e));
                    }
                    _ => auth_lines.push(span_of(cx, r.start, &text, &caps[s..e])),
                }
            } else if fold_key(&words_of(&caps[s..e])).starts_with("xac thuc") {
                auth_lines.push(span_of(cx, r.start, &text, &caps[s..e]));
            } else {
                title_seg = Some((s, e));
            }
        }
        if let Some((s, e)) = title_seg
            && s < e
        {
            title = Some(span_of(cx, r.start, &text, &caps[s..e]));
        }
        let name = (name_end > name_start).then(|| {
            let a = toks[name_start].0;
            let (lo, lw, _) = toks[name_end - 1];
            let rr = r.start + a..r.start + lo + lw.len();
            let s = cx.spanned_range(rr);
            Spanned {
                text: s.text.trim_end_matches([',', '.', ';']).to_string(),
                span: s.span,
            }
        });
        let a = toks[b_start].0;
        let last = toks[i.max(b_start + 1).min(toks.len()) - 1];
        let span = cx.span(r.start + a..r.start + last.0 + last.1.len());
        if name.is_none() && title.is_none() && authority.is_none() {
            continue;
        }
        out.push(Signature {
            authority,
            authority_lines: auth_lines,
            title,
            name,
            span,
        });
    }
    out
}

/// Family names that start nearly every Vietnamese name, folded.
pub(super) const SURNAMES: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "dinh", "mai", "trinh", "dao", "cao", "lam", "ha", "ta", "luong",
    "trieu", "chu", "kieu", "quach", "vuong", "luc", "giang", "lo", "tong", "sung", "thao", "vang",
    "lai", "khuat", "nong", "be", "ma", "la", "luu", "tieu", "doan", "thai", "tang", "than",
    "nghiem", "ton", "au", "quan", "kha", "hua", "dieu", "lu", "hau", "tu", "truong", "bach",
    "phung", "ung", "mac", "dam", "to", "ong", "vi", "ninh", "dong", "giap", "khong", "kim",
    "thach", "danh", "hoa", "cu", "lieu", "lu", "tang", "trang", "van", "yen",
];

/// Whether upper-case words read as a person's name: two to five syllables, the first a
/// family name, none a word of a title or a body.
pub(super) fn is_caps_name(words: &[&str]) -> bool {
    (2..=5).contains(&words.len())
        && SURNAMES.contains(&fold_key(words[0]).as_str())
        && words.iter().all(|w| {
            w.chars().all(char::is_alphabetic) && !TITLE_WORDS.contains(w) && !is_auth_token(w)
        })
}

pub(super) fn is_auth_token(w: &str) -> bool {
    matches!(
        w,
        "TM." | "KT." | "TL." | "TUQ." | "Q." | "T/M" | "K/T" | "T/L" | "T/M." | "K/T." | "T/L."
    )
}

pub(super) fn auth_label(w: &str) -> String {
    match w {
        "TM" | "KT" | "TL" | "TUQ" => format!("{w}."),
        "T/M." => "T/M".into(),
        "K/T." => "K/T".into(),
        "T/L." => "T/L".into(),
        w => w.to_string(),
    }
}

/// Where the title starts in a merged `KT. BỘ TRƯỞNG THỨ TRƯỞNG` segment (token index).
pub(super) fn title_start(seg: &[(usize, &str, usize)]) -> Option<usize> {
    const TITLES: &[&str] = &[
        "PHÓ",
        "THỨ TRƯỞNG",
        "CHỦ TỊCH",
        "THỦ TƯỚNG",
        "BỘ TRƯỞNG",
        "GIÁM ĐỐC",
        "TỔNG GIÁM ĐỐC",
        "VỤ TRƯỞNG",
        "CỤC TRƯỞNG",
        "TỔNG CỤC TRƯỞNG",
        "CHÁNH",
        "TRƯỞNG BAN",
        "BÍ THƯ",
        "TỔNG BÍ THƯ",
        "VIỆN TRƯỞNG",
        "HIỆU TRƯỞNG",
        "CHỦ NHIỆM",
    ];
    // Skip the prefix and at least one word of the body it signs for; a title word right
    // after `PHÓ`/`TỔNG` or a comma continues the previous title.
    (2..seg.len()).find(|&k| {
        let prev = seg[k - 1].1;
        !prev.ends_with(',')
            && prev != "PHÓ"
            && prev != "TỔNG"
            && TITLES.iter().any(|t| {
                t.split(' ')
                    .enumerate()
                    .all(|(o, w)| seg.get(k + o).is_some_and(|x| x.1 == w))
            })
    })
}

pub(super) fn words_of(seg: &[(usize, &str, usize)]) -> String {
    seg.iter().map(|t| t.1).collect::<Vec<_>>().join(" ")
}

pub(super) fn span_of(
    cx: &Ctx<'_, '_>,
    base: usize,
    _text: &str,
    seg: &[(usize, &str, usize)],
) -> Spanned {
    let (Some(f), Some(l)) = (seg.first(), seg.last()) else {
        return Spanned {
            text: String::new(),
            span: 0..0,
        };
    };
    cx.spanned_range(base + f.0..base + l.0 + l.1.len())
}

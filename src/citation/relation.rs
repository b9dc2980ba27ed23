//! What a citing text does with the document it cites: the role the citation's clause gives
//! it (`Căn cứ …` a legal basis, `thay thế …` replaced, `bãi bỏ …` repealed).

use std::ops::Range;

use crate::text::fold_key;

/// The role a citation's clause gives the cited document.
///
/// Read from the words before the citation in its clause (after the last `;`, `.` or
/// a line that starts anew), the nearest cue winning, unless another document is named
/// before the cue (the cue then tells what that document does: `Thông tư số 09/2013/TT-BXD …
/// hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg` is a mention, `Other`), and except
/// that a legal basis (`Căn cứ`) at the clause's start holds for the documents of its list
/// (NĐ 30/2020, Phụ lục I: the căn cứ list names the documents the text rests on) but not
/// for the names in a basis's title, which say what that basis does: in `Căn cứ Nghị định
/// số 128/2024/NĐ-CP … sửa đổi, bổ sung một số điều của Nghị định số 81/2018/NĐ-CP` the
/// first is a basis, the second `Other`; a basis named as amended (`… (được sửa đổi, bổ
/// sung tại Nghị định số 187/2025/NĐ-CP)`) gives the amending document as a basis too.
/// A clause longer than the look-back (240 bytes) is read from its start for `Căn cứ` and,
/// when the look-back has no cue, for the cue of a long list.
///
/// ```
/// use vanban::citation::Relation;
/// let text = "Quyết định này thay thế Quyết định số 12/2019/QĐ-UBND ngày 05/3/2019.";
/// let c = vanban::citations(text).next().unwrap();
/// assert_eq!(c.relation(), Relation::Replaces);
/// assert_eq!(Relation::Replaces.to_string(), "replaces");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Relation {
    /// Căn cứ: a legal basis of the citing text.
    Basis,
    /// Thực hiện, triển khai, thi hành: the citing text carries it out.
    Implements,
    /// Theo đề nghị … tại Tờ trình, xét Tờ trình: the proposal the text answers.
    Proposal,
    /// Sửa đổi, bổ sung: amended by the citing text.
    Amends,
    /// Thay thế: replaced by the citing text.
    Replaces,
    /// Bãi bỏ, hủy bỏ, hết hiệu lực: repealed.
    Repeals,
    /// Đính chính: corrected.
    Corrects,
    /// Hướng dẫn, quy định chi tiết: detailed or guided by the citing text.
    Details,
    /// Hợp nhất: consolidated.
    Consolidates,
    /// Any other mention.
    Other,
}

impl Relation {
    /// The name used in JSON and by [`Display`](std::fmt::Display) (`basis`, `replaces`, …).
    ///
    /// ```
    /// assert_eq!(vanban::citation::Relation::Basis.as_str(), "basis");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Basis => "basis",
            Relation::Implements => "implements",
            Relation::Proposal => "proposal",
            Relation::Amends => "amends",
            Relation::Replaces => "replaces",
            Relation::Repeals => "repeals",
            Relation::Corrects => "corrects",
            Relation::Details => "details",
            Relation::Consolidates => "consolidates",
            Relation::Other => "other",
        }
    }
}

impl std::fmt::Display for Relation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The words that give a clause its role, folded (see [`fold_key`]).
const CUES: &[(&[&str], Relation)] = &[
    (&["can", "cu"], Relation::Basis),
    (&["thuc", "hien"], Relation::Implements),
    (&["trien", "khai"], Relation::Implements),
    (&["thi", "hanh"], Relation::Implements),
    (&["de", "nghi"], Relation::Proposal),
    (&["de", "xuat"], Relation::Proposal),
    (&["to", "trinh"], Relation::Proposal),
    (&["xet"], Relation::Proposal),
    (&["sua", "doi"], Relation::Amends),
    (&["bo", "sung"], Relation::Amends),
    (&["thay", "the"], Relation::Replaces),
    (&["bai", "bo"], Relation::Repeals),
    (&["huy", "bo"], Relation::Repeals),
    (&["het", "hieu", "luc"], Relation::Repeals),
    (&["dinh", "chinh"], Relation::Corrects),
    (&["huong", "dan"], Relation::Details),
    (&["quy", "dinh", "chi", "tiet"], Relation::Details),
    (&["hop", "nhat"], Relation::Consolidates),
];

/// How many bytes right before a citation are read for the words that name it issued with
/// (`kèm theo`), a draft (`dự án`) or a name given (`sau đây gọi tắt là`).
const RIGHT_BEFORE: usize = 40;

/// How much of a clause, back from the citation, is read for cues: the folding window.
const FOLDED_REACH: usize = 240;

/// How far back a clause is read, at most.
const CLAUSE_REACH: usize = 600;

/// How far back the paragraph of a list of bases is read for its `Căn cứ`, at most (a
/// paragraph of bases written on one line, each with its title: `Căn cứ các Quyết định …:
/// Số 1025/QĐ-LĐTBXH … ; số 547/QĐ-LĐTBXH … ; số 108/QĐ-LĐTBXH …`).
const LIST_REACH: usize = 4096;

/// The start of the clause holding `at`: after the last `;`, `.` or table bar before it, or the
/// start of a line that starts anew (a capital, a dash or a digit after the break: a line
/// wrapped inside a sentence goes on in lower case), at most [`CLAUSE_REACH`] bytes back; or
/// the header's parts after it, which text extracted from a header puts on one line (`Số:
/// 627/BYT-BH V/v hướng dẫn thực hiện … Hà Nội, ngày … Kính gửi: … Phúc đáp Công văn số
/// …`): the subject line's `V/v` (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục 5.b: the trích
/// yếu of a công văn) and `Kính gửi` (the addressees) start clauses of their own.
fn clause_start(text: &str, at: usize) -> usize {
    let start = bound_start(text, at, true, CLAUSE_REACH);
    let hay = &text.as_bytes()[start..at];
    // One backward byte search for the `/` of `V/v` and the `K` of `Kính gửi`, both rare.
    let word_before = |i: usize| {
        i.checked_sub(1)
            .is_none_or(|j| hay[j].is_ascii_whitespace() || matches!(hay[j], b'*' | b'_' | b'|'))
    };
    let word_after = |i: usize| {
        hay.get(i)
            .is_some_and(|c| c.is_ascii_whitespace() || matches!(c, b'.' | b':'))
    };
    let part = memchr::memrchr2_iter(b'/', b'K', hay).find_map(|i| {
        let from = if hay[i] == b'/' {
            let v = |c: Option<&u8>| matches!(c, Some(b'V' | b'v'));
            (i > 0 && v(hay.get(i - 1)) && v(hay.get(i + 1))).then(|| i - 1)?
        } else {
            i
        };
        let len = if hay[i] == b'/' {
            3
        } else {
            ["Kính gửi", "KÍNH GỬI"]
                .iter()
                .find(|k| hay[i..].starts_with(k.as_bytes()))?
                .len()
        };
        (word_before(from) && word_after(from + len)).then_some(from)
    });
    // A preamble read as one line: its parts open with a capital (`… của Bộ Tài chính Xét đề
    // nghị của Cục Thuế tỉnh … tại Tờ trình số …`).
    let opener = memchr::memrchr3_iter(b'X', b'T', b'C', hay).find(|&i| {
        // The byte after the capital tells the openers from the other capitals (`TT-BTC`,
        // `Chính phủ`) before any is compared.
        matches!(
            (hay[i], hay.get(i + 1)),
            (b'X', Some(0xC3)) | (b'T', Some(b'h')) | (b'C', Some(0xC4))
        ) && ["Xét đề nghị", "Theo đề nghị", "Căn cứ"]
            .iter()
            .any(|o| hay[i..].starts_with(o.as_bytes()))
            && word_before(i)
            && i > 0
    });
    let start = part.max(opener).map_or(start, |i| start + i);
    own_title_end(text, start, at).unwrap_or(start)
}

/// Where the text's own number ends when its first line opens with its kind and number, as a
/// portal's page names the document it shows (`Công văn 3397/BKHĐT-QLKTTW năm 2019 hướng dẫn
/// áp dụng quy định tại Điều 162 Luật Doanh nghiệp 2014 do Bộ Kế hoạch và Đầu tư ban
/// hành.`): the rest of the line is its subject, what the text itself does, as after `V/v`.
fn own_title_end(text: &str, start: usize, at: usize) -> Option<usize> {
    if !text[..start].trim().is_empty() {
        return None;
    }
    let line = &text[start..at];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    if !line.starts_with(char::is_uppercase) {
        return None;
    }
    // The number within the first four words, right after the kind's name (no `số`: the
    // portal's own wording), then `năm` and the year: digits, then `/` or `-` and a symbol.
    let mut end = 0;
    for (i, w) in line.split(' ').enumerate().take(4) {
        let here = end;
        end += w.len() + 1;
        if w.starts_with(|c: char| c.is_ascii_digit()) && w.contains(['/', '-']) {
            let rest = &line[(here + w.len()).min(line.len())..];
            let year = rest
                .strip_prefix(" năm ")
                .filter(|y| y.len() >= 4 && y.as_bytes()[..4].iter().all(u8::is_ascii_digit));
            let by_kind = i > 0 && !line[..here].to_lowercase().contains("số");
            return (by_kind && year.is_some())
                .then_some(start + here + w.len() + " năm ".len() + 4);
        }
    }
    None
}

/// [`clause_start`], past semicolons and bars too when `clauses` is false: the start of the
/// sentence or paragraph (`Căn cứ A; B; C` is one list of bases), at most `reach` bytes back.
fn bound_start(text: &str, at: usize, clauses: bool, reach: usize) -> usize {
    let mut lo = at.saturating_sub(reach);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    // Read backwards from `at`: the nearest boundary is the clause's start. Every boundary
    // is an ASCII byte, never inside a character; a byte search jumps between candidates.
    let b = text.as_bytes();
    let mut end = at;
    loop {
        let hay = &b[lo..end];
        let found = if clauses {
            // A bar is rarer still: looked for only after the nearest other boundary.
            let other = memchr::memrchr3(b';', b'.', b'\n', hay);
            let from = other.map_or(0, |i| i + 1);
            memchr::memrchr(b'|', &hay[from..])
                .map(|i| from + i)
                .or(other)
        } else {
            memchr::memrchr2(b'.', b'\n', hay)
        };
        let Some(i) = found.map(|i| lo + i) else {
            return lo;
        };
        let boundary = match b[i] {
            b'.' => b.get(i + 1).is_some_and(u8::is_ascii_whitespace),
            b'\n' => line_starts_anew(text, i, at),
            // A colon opens the list the cue is about (`thay thế các Quyết định: …`).
            _ => true,
        };
        if boundary {
            return i + 1;
        }
        end = i;
    }
}

/// Whether the line after the break at `nl` starts anew rather than going on a sentence
/// wrapped there (PDF and portal text break lines anywhere, capitals included: `của⏎Chính
/// phủ`): the line before ends a clause (`;`, `.`; `:` before a quotation), or the new one
/// is an item (`-`,
/// `+`, `a)`, `1.`) or opens a basis or provision (`Căn cứ`, `Theo`, `Xét`, `Điều`). After
/// a blank line or a line in capitals (a heading: `QUYẾT ĐỊNH⏎Đính chính Thông tư số …`) a
/// new paragraph starts.
pub(super) fn line_starts_anew(text: &str, nl: usize, at: usize) -> bool {
    let before = text[..nl].trim_end_matches([' ', '\t', '\r', '*', '_']);
    if before.ends_with([';', '.', '!', '?', '|', '\n']) || before.is_empty() {
        return true;
    }
    let next = text[nl + 1..at].trim_start_matches(['*', '_', ' ', '\t']);
    // A colon opens the list its clause is about (`tại các Tờ trình:⏎Số 202/TTr-BVHTTDL …`),
    // but a quotation after it is another text.
    if before.ends_with(':') && next.starts_with(['"', '“', '\'', '‘']) {
        return true;
    }
    if next.starts_with(['-', '+', '•', '–']) {
        return true;
    }
    // A label of three bytes at most (`a)`, `12.`, `IV.`): only so many are read.
    let label = next
        .char_indices()
        .take(4)
        .find(|&(_, c)| !c.is_alphanumeric())
        .is_some_and(|(n, _)| n > 0 && n <= 3 && next[n..].starts_with(['.', ')']));
    if label
        || ["Căn cứ", "CĂN CỨ", "Theo ", "Xét ", "Điều "]
            .iter()
            .any(|w| next.starts_with(w))
    {
        return true;
    }
    // The line before in capitals, read last: its whole length may be read.
    let line_before = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    line_before.chars().any(char::is_alphabetic) && !line_before.chars().any(char::is_lowercase)
}

/// Whether `s` says `Căn cứ` somewhere as a word (a list of bases): the raw forms first,
/// folded only when the text is decomposed (combining marks, lead bytes CC and CD).
fn says_basis(s: &str) -> bool {
    static LOWER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("ăn cứ"));
    static UPPER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("ĂN CỨ"));
    let raw = LOWER.find(s.as_bytes()).is_some() || UPPER.find(s.as_bytes()).is_some();
    if raw || !super::fold::has_combining_marks(s.as_bytes()) {
        return raw;
    }
    let folded = fold_key(s);
    folded
        .match_indices("can cu")
        .any(|(i, _)| i == 0 || !folded.as_bytes()[i - 1].is_ascii_alphanumeric())
}

/// Whether, in a list of bases, a colon before `at` is followed by a kind's name and no cue
/// comes between it and `at` (`Căn cứ Thông tư số 02/2017/TT-VPCP … hướng dẫn về nghiệp vụ
/// kiểm soát thủ tục hành chính: Thông tư số 01/2018/TT-VPCP …`): a title ends at a colon,
/// and the name after it is the list's next item, not that title's.
fn item_after_colon(text: &str, clause: usize, at: usize) -> bool {
    let Some(colon) = memchr::memrchr(b':', &text.as_bytes()[clause..at]).map(|i| clause + i + 1)
    else {
        return false;
    };
    let item = text[colon..at].trim_start_matches([' ', '\n', '*', '_']);
    let item_at = at - item.len();
    item_at == at
        || names_a_rule(text, item_at)
            && at - item_at < FOLDED_REACH
            && words_of(text, &super::fold::fold_window(text, item_at, at), false)
                .best
                .is_none()
}

/// Whether `s` says `đề nghị của` or `đề xuất của` (a line may break between the words).
fn says_proposal(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let mut last = ["", ""];
    words.any(|w| {
        let hit = w == "của" && last[1] == "đề" && matches!(last[0], "nghị" | "xuất");
        last = [w, last[0]];
        hit
    })
}

/// Whether a paragraph opens with the proposals it is issued on (`Theo đề nghị …`, `Xét đề
/// nghị …`, `Xét Tờ trình …`).
fn opens_proposals(paragraph: &str) -> bool {
    opens_with(
        paragraph,
        0,
        &[
            "theo de nghi ",
            "xet de nghi ",
            "xet to trinh ",
            "theo de xuat ",
        ],
    )
}

/// Whether `text[at..]`, folded, opens with one of `words` (after markup and spaces).
fn opens_with(text: &str, at: usize, words: &[&str]) -> bool {
    let mut end = (at + 48).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let folded = super::fold::fold_window(text, at, end);
    let start = folded
        .text()
        .trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    words.iter().any(|w| start.starts_with(w))
}

/// The last `n` bytes or so before `at`, folded (from a character's start).
fn folded_before(text: &str, at: usize, n: usize) -> super::fold::Folded {
    let mut from = at.saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    super::fold::fold_window(text, from, at)
}

/// Whether `before`, the folded words right before a citation ([`RIGHT_BEFORE`]), end with
/// `(kèm theo` or `(ban hành kèm theo`: the line under an annex's or a plan's title that
/// names the document it is issued with (Nghị định 30/2020/NĐ-CP, Phụ lục III), whose
/// heading's cue (`KẾ HOẠCH THỰC HIỆN …`) is the annex's.
fn issued_with(before: &str) -> bool {
    let t = before.trim_end_matches([' ', '\n', '*', '_']);
    t.ends_with("(kem theo") || t.ends_with("(ban hanh kem theo")
}

/// Whether `before` (as for [`issued_with`]) ends with `theo` (`theo`, `đúng theo`; not
/// `kèm theo`), but for `số` (`theo số …`): the document is the rule something is done by.
fn after_theo(before: &str) -> bool {
    // The words back from the citation, past `số` (when its span starts at the number).
    let mut words = before
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip_while(|w| *w == "so");
    // `ban hành kèm theo Quyết định …`: issued with it, not done by it.
    match (words.next(), words.next()) {
        (Some("theo"), before) => before != Some("kem"),
        _ => false,
    }
}

/// Whether, in a clause opening with `Căn cứ`, a comma is followed by a capitalised word that
/// names no document (`Căn cứ quy định nêu trên, Tổng cục Thuế đồng ý …`): the sentence's
/// subject, after which its own clause goes on. A list of bases goes on after a comma with a
/// kind's name (`Căn cứ Nghị định số 30/2020/NĐ-CP, Thông tư số 01/2011/TT-BNV`).
fn main_clause_after_basis(clause: &str) -> bool {
    const NAMES: &[&str] = &[
        "Luật", "Bộ", "Nghị", "Thông", "Quyết", "Chỉ", "Kế", "Công", "Pháp", "Hiến", "Văn", "Tờ",
        "Báo", "Đề", "Chương", "Quy", "Hướng", "Điều", "Khoản", "Điểm", "Mục", "Phần", "Phụ",
        "Hợp", "Kết", "Lệnh", "Số",
    ];
    // `Căn cứ vào khoản 1 Điều 162 … Luật Doanh nghiệp thì hợp đồng … quy định tại … Luật
    // Doanh nghiệp`: `thì` opens the sentence's main clause.
    if clause.contains(" thì ") {
        return true;
    }
    // `Căn cứ dự toán do Công an tỉnh lập, thực hiện thẩm định … tại Quyết định số …`: a basis
    // that names no document (a plan's figures, a result, the situation), then the clause's
    // own doing.
    let names_none = || {
        let object = clause
            .trim_start_matches(|c: char| !c.is_alphabetic())
            .split_whitespace()
            .nth(2)
            .unwrap_or("");
        let mut chars = object.chars();
        let Some(initial) = chars.next() else {
            return false;
        };
        let rest = chars.as_str();
        // The same word but for its initial's case (`Nghị` and `nghị`), without a copy.
        let same = |name: &&str| {
            let mut n = name.chars();
            n.next()
                .is_some_and(|c| c.to_lowercase().eq(initial.to_lowercase()))
                && n.as_str() == rest
        };
        !NAMES
            .iter()
            .chain(&["các", "vào", "theo", "quy", "ý", "văn"])
            .any(same)
    };
    // `… của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ`: a comma inside an issuer's name.
    let in_issuer = |i: usize| {
        clause[..i].rfind("của ").is_some_and(|c| {
            let words = clause[c + "của ".len()..i].split_whitespace();
            words.clone().count() <= 6 && words.into_iter().all(super::issuer::is_issuer_word)
        })
    };
    clause.match_indices(", ").any(|(i, _)| {
        let rest = &clause[i + 2..];
        let next = rest.split([' ', '\n']).next().unwrap_or("");
        let subject = next.chars().next().is_some_and(char::is_uppercase)
            && next.chars().nth(1).is_some_and(char::is_lowercase)
            && !NAMES.contains(&next);
        subject && !in_issuer(i)
            || (rest.starts_with("thực hiện ") || rest.starts_with("triển khai ")) && names_none()
    })
}

/// Whether the clause at `clause` opens another part of a preamble than its bases (`Căn cứ
/// …; Sau khi thống nhất ý kiến với …`, `Theo đề nghị của …`, `Xét …`, `Được sự đồng ý
/// của …`): the documents it names are no bases of the list before it.
fn opens_another_part(text: &str, clause: usize) -> bool {
    opens_with(
        text,
        clause,
        &["sau khi ", "theo de nghi ", "xet ", "duoc su "],
    )
}

/// Kinds' names, folded, that name another document before a cue (`Nghị định quy định chi
/// tiết thi hành Luật Hải quan`: the cue is that Nghị định's).
const OTHER_DOCUMENTS: &[&[&str]] = &[
    &["nghi", "dinh"],
    &["thong", "tu"],
    &["quyet", "dinh"],
    &["nghi", "quyet"],
    &["chi", "thi"],
    &["phap", "lenh"],
    &["ke", "hoach"],
    &["cong", "van"],
    &["thong", "bao"],
    &["chuong", "trinh"],
    &["de", "an"],
    &["ket", "luan"],
    &["bao", "cao"],
    &["hien", "phap"],
    &["bo", "luat"],
];

/// Kinds' names of [`OTHER_DOCUMENTS`] that are common nouns too (`xây dựng kế hoạch tài
/// chính`, `tại thời điểm báo cáo`, `thông báo cho`): a document's name only written with a
/// capital (`Kế hoạch`) or before its number (`kế hoạch số 12/KH-UBND`).
const COMMON_NOUNS: &[&[&str]] = &[
    &["ke", "hoach"],
    &["thong", "bao"],
    &["chuong", "trinh"],
    &["de", "an"],
    &["ket", "luan"],
    &["bao", "cao"],
];

/// A bit of [`LEAD_WORDS`]: the word starts a cue of [`CUES`].
const LEADS_CUE: u8 = 1;
/// A bit of [`LEAD_WORDS`]: the word starts a kind's name of [`OTHER_DOCUMENTS`] (or is `số`).
const LEADS_KIND: u8 = 2;
/// A bit of [`LEAD_WORDS`]: the word is read for another reason (`theo`, `như`, `văn`).
const LEADS_OTHER: u8 = 4;

/// The folded words [`words_of`] reads for another reason than starting a cue of [`CUES`]
/// or a kind's name of [`OTHER_DOCUMENTS`] (the table takes those from the lists): `số`
/// (`số 12`), `theo`/`như` (`theo quy định`, `như chỉ đạo`) and `văn` (`văn bản hướng dẫn`).
const LEAD_WORDS: &[(&str, u8)] = &[
    ("so", LEADS_KIND),
    ("theo", LEADS_OTHER),
    ("nhu", LEADS_OTHER),
    ("van", LEADS_OTHER),
];

/// A folded word packed into an integer as [`words_of`] packs the words it reads: its bytes,
/// the first highest; [`LONG_WORD`] for a word of more than eight. Words are compared as these
/// integers, one comparison each, not as slices.
const fn pack(word: &str) -> u64 {
    let b = word.as_bytes();
    if b.len() > 8 {
        return LONG_WORD;
    }
    let mut k = 0u64;
    let mut j = 0;
    while j < b.len() {
        k = k << 8 | b[j] as u64;
        j += 1;
    }
    k
}

/// The packed form of every word of more than eight bytes: none of the words compared is
/// one, and no word of eight ASCII bytes packs to it.
const LONG_WORD: u64 = u64::MAX;

/// A phrase of folded words packed (see [`pack`]), as many as it has, made when the crate is
/// compiled: the words of a cue (`sửa đổi`) or of a kind's name (`nghị định`).
#[derive(Clone, Copy)]
struct Packed {
    words: [u64; 4],
    len: usize,
}

/// [`pack`] of each word of `phrase` (at most four).
const fn pack_phrase(phrase: &[&str]) -> Packed {
    let mut words = [0u64; 4];
    let mut j = 0;
    while j < phrase.len() {
        words[j] = pack(phrase[j]);
        // Every word of more than eight bytes packs the same: a phrase's are all shorter.
        assert!(
            words[j] != LONG_WORD,
            "a phrase's word of more than eight bytes"
        );
        j += 1;
    }
    Packed {
        words,
        len: phrase.len(),
    }
}

/// [`CUES`] packed, in their order.
const CUE_KEYS: [(Packed, Relation); CUES.len()] = {
    let mut t = [(pack_phrase(&[]), Relation::Other); CUES.len()];
    let mut i = 0;
    while i < CUES.len() {
        t[i] = (pack_phrase(CUES[i].0), CUES[i].1);
        i += 1;
    }
    t
};

/// [`OTHER_DOCUMENTS`] packed, in their order, each with whether it is one of
/// [`COMMON_NOUNS`].
const DOCUMENT_KEYS: [(Packed, bool); OTHER_DOCUMENTS.len()] = {
    let mut t = [(pack_phrase(&[]), false); OTHER_DOCUMENTS.len()];
    let mut i = 0;
    while i < OTHER_DOCUMENTS.len() {
        let mut common = false;
        let mut c = 0;
        while c < COMMON_NOUNS.len() {
            let a = pack_phrase(COMMON_NOUNS[c]);
            let b = pack_phrase(OTHER_DOCUMENTS[i]);
            let mut same = a.len == b.len;
            let mut j = 0;
            while j < a.len {
                same &= a.words[j] == b.words[j];
                j += 1;
            }
            common |= same;
            c += 1;
        }
        t[i] = (pack_phrase(OTHER_DOCUMENTS[i]), common);
        i += 1;
    }
    t
};

/// What a word may start, for [`words_of`]: the bits of [`LEAD_WORDS`], and which cues of
/// [`CUES`] and kinds' names of [`OTHER_DOCUMENTS`] start with it (bit `i` for entry `i`):
/// only those are tried at the word.
#[derive(Clone, Copy)]
struct Lead {
    bits: u8,
    cues: u32,
    documents: u32,
}

/// A word that starts nothing.
const NO_LEAD: Lead = Lead {
    bits: 0,
    cues: 0,
    documents: 0,
};

/// Where a packed word stands in [`LEAD_TABLE`], if it does (one probe of a table of 256,
/// rarely two): a byte, which [`words_of`] keeps for each word rather than the word's
/// [`Lead`] (twelve bytes).
fn lead_index(key: u64) -> Option<u8> {
    let mut i = lead_slot(key);
    loop {
        match LEAD_TABLE[i] {
            (0, _) => return None,
            // The table has 256 entries.
            (k, _) if k == key => return Some(i as u8),
            _ => i = (i + 1) % LEAD_TABLE.len(),
        }
    }
}

/// The ASCII letters and digits, as a table: a window's words are cut with one load a byte.
static ALPHANUMERIC: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The length of the longest word of [`LEAD_TABLE`] (a packed word's bytes are those not
/// zero: folded words are ASCII letters).
const LONGEST_LEAD: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < LEAD_ENTRIES.len() {
        let len = (64 - LEAD_ENTRIES[i].0.leading_zeros() as usize).div_ceil(8);
        if len > longest {
            longest = len;
        }
        i += 1;
    }
    longest
};

/// The indices of the bits set in `mask`, lowest first (the order of the list they index).
fn bits_of(mut mask: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let i = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            i
        })
    })
}

/// [`LEAD_ENTRIES`], once in memory.
static LEAD_TABLE: [(u64, Lead); 256] = LEAD_ENTRIES;

/// The first words of [`CUES`] and [`OTHER_DOCUMENTS`] and the [`LEAD_WORDS`] packed into an
/// open-addressed table, with the cues and kinds' names each starts, made when the crate is
/// compiled.
const LEAD_ENTRIES: [(u64, Lead); 256] = {
    // The masks of a `u32`.
    assert!(CUES.len() <= 32 && OTHER_DOCUMENTS.len() <= 32);
    let mut t = [(0u64, NO_LEAD); 256];
    // The slot of `k`, taken for it if it has none.
    const fn slot(t: &mut [(u64, Lead); 256], k: u64) -> usize {
        let mut i = lead_slot(k);
        while t[i].0 != 0 && t[i].0 != k {
            i = (i + 1) % 256;
        }
        t[i].0 = k;
        i
    }
    let mut w = 0;
    while w < LEAD_WORDS.len() {
        let (word, bits) = LEAD_WORDS[w];
        let i = slot(&mut t, pack(word));
        t[i].1.bits |= bits;
        w += 1;
    }
    let mut c = 0;
    while c < CUE_KEYS.len() {
        let i = slot(&mut t, CUE_KEYS[c].0.words[0]);
        t[i].1.bits |= LEADS_CUE;
        t[i].1.cues |= 1 << c;
        c += 1;
    }
    let mut d = 0;
    while d < DOCUMENT_KEYS.len() {
        let i = slot(&mut t, DOCUMENT_KEYS[d].0.words[0]);
        t[i].1.bits |= LEADS_KIND;
        t[i].1.documents |= 1 << d;
        d += 1;
    }
    t
};

/// Where a packed word's probe of [`lead_index`] starts.
const fn lead_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize
}

/// What a pass over the words of a folded window finds: see [`words_of`].
struct Words {
    /// The window opens with `căn cứ`.
    basis_at_start: bool,
    /// The last cue: its first word's index and its relation.
    best: Option<(usize, Relation)>,
    /// The index of the first word that names another document.
    first_document: Option<usize>,
    /// What the last cue after a document's name makes of the names after it, in a list of
    /// bases: `Some(true)` when it tells what that document does (`quy định chi tiết`,
    /// `sửa đổi, bổ sung`: the names after it are the document's title, not bases),
    /// `Some(false)` when it is `được sửa đổi, bổ sung bởi` (the basis as amended: the
    /// amending document is a basis too), `None` with no such cue.
    nested: Option<bool>,
    /// The index of the last `theo quy định` (`theo quy định của …`: what follows is the
    /// rule something is done by, not what the cue before does).
    theo: Option<usize>,
    /// How many words were read.
    len: usize,
}

/// One pass over the words of `cb`, a folded window (on the stack: a window of 256 bytes
/// holds at most 128 words): the last cue, and where another document is first named (a
/// number, `số 12`, a kind's name not followed by `này`, a number written with its symbol).
/// `named_before`: a document is named before the window (for [`Words::nested`]).
fn words_of(text: &str, window: &super::fold::Folded, named_before: bool) -> Words {
    let cb = window.bytes();
    let mut bounds = [(0u8, 0u8); 128];
    // Each word packed (see [`pack`]): words are compared as integers.
    let mut keys = [0u64; 128];
    // Where each word stands in [`LEAD_TABLE`], if it may start something: most start
    // nothing and are passed over.
    let mut leads: [Option<u8>; 128] = [None; 128];
    let mut n = 0;
    // The word holding the first digit followed by `/` or `-` (`09/2013/TT-BXD`).
    let mut symbol_word = None;
    let mut i = 0;
    let word_byte = |b: u8| ALPHANUMERIC[usize::from(b)];
    while i < cb.len() && n < bounds.len() {
        if !word_byte(cb[i]) {
            i += 1;
            continue;
        }
        let s = i;
        // The word packed into an integer on the way, as [`LEAD_WORDS`] are.
        let mut key = 0u64;
        while i < cb.len() && word_byte(cb[i]) {
            key = key.wrapping_shl(8) | u64::from(cb[i]);
            i += 1;
        }
        if i - s <= 8 {
            keys[n] = key;
            // A number or a word longer than any that starts something is looked up in no
            // table (numbers fill a citation's window).
            leads[n] = if i - s <= LONGEST_LEAD && !cb[s].is_ascii_digit() {
                lead_index(key)
            } else {
                None
            };
        } else {
            keys[n] = LONG_WORD;
            leads[n] = None;
        }
        // A symbol has letters (`09/2013/tt-bxd`); a date or a span of years has none
        // (`26/4/2023`, `giai đoạn 2016-2018`).
        if symbol_word.is_none()
            && cb[i - 1].is_ascii_digit()
            && matches!(cb.get(i), Some(b'/' | b'-'))
            && cb[i..]
                .iter()
                .take_while(|b| !b.is_ascii_whitespace())
                .any(u8::is_ascii_alphabetic)
        {
            symbol_word = Some(n);
        }
        // Window offsets are below 256 (see `fold::WINDOW`).
        bounds[n] = (s as u8, i as u8);
        n += 1;
    }
    // Word `k` packed; an empty word's (0) past the window's last.
    let key = |k: usize| keys[..n].get(k).copied().unwrap_or(0);
    let is = |k: usize, w: &str| key(k) == pack(w);
    let starts_digit = |k: usize| {
        bounds[..n]
            .get(k)
            .is_some_and(|&(s, _)| cb[usize::from(s)].is_ascii_digit())
    };
    // Whether word `k` is written with a capital in the source (`Kế hoạch`, not `kế hoạch`).
    let starts_upper = |k: usize| {
        bounds[..n].get(k).is_some_and(|&(s, _)| {
            text[window.at(usize::from(s))..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
    };
    let phrase_at = |k: usize, phrase: &Packed| {
        n >= k + phrase.len && keys[k..k + phrase.len] == phrase.words[..phrase.len]
    };
    let basis_at_start = is(0, "can") && is(1, "cu");
    let mut best: Option<(usize, Relation)> = None; // (the cue's first word, its relation)
    let mut first_document: Option<usize> = None;
    let mut last_passive: Option<usize> = None;
    let mut theo: Option<usize> = None;
    for (k, &slot) in leads[..n].iter().enumerate() {
        let Some(slot) = slot else {
            continue;
        };
        let lead = &LEAD_TABLE[usize::from(slot)].1;
        let w = key(k);
        // `theo (đúng) quy định của …`, `như chỉ đạo của … tại …`, `như hướng dẫn tại …`:
        // what follows is the rule something is done by.
        let by_rule = if w == pack("theo") {
            let j = k + 1 + usize::from(is(k + 1, "dung"));
            is(j, "quy") && is(j + 1, "dinh")
        } else if w == pack("nhu") {
            [
                ("chi", "dao"),
                ("quy", "dinh"),
                ("huong", "dan"),
                ("yeu", "cau"),
            ]
            .iter()
            .any(|&(a, b)| is(k + 1, a) && is(k + 2, b))
        } else {
            false
        };
        if by_rule {
            theo = Some(k);
        }
        let cue_start = lead.bits & LEADS_CUE != 0;
        let kind_start = lead.bits & LEADS_KIND != 0;
        // Every cue starts with a word of its own.
        if cue_start
            && let Some(&(cue, relation)) = bits_of(lead.cues)
                .map(|i| &CUE_KEYS[i])
                .find(|(c, _)| phrase_at(k, c))
        {
            // `(được sửa đổi, bổ sung tại …)`: the amending document, named beside
            // the one amended, is not amended by the citing text.
            let passive =
                relation == Relation::Amends && (k.saturating_sub(3)..k).any(|j| is(j, "duoc"));
            // `thực hiện theo (quy định tại) …`: according to it, not carrying it out.
            let according = relation == Relation::Implements && is(k + cue.len, "theo");
            // `hướng dẫn thực hiện`, `quy định chi tiết thi hành`: one cue, the first's.
            let guided = relation == Relation::Implements
                && k >= 2
                && (is(k - 2, "huong") && is(k - 1, "dan")
                    || is(k - 2, "chi") && is(k - 1, "tiet"));
            // `xem xét, giải quyết` (consider), `xét thấy` (finding) are no `Xét …` of a
            // proposal; `Sau khi xem xét Tờ trình số …` (the cited document right after it,
            // or a submission's name) is.
            let not_xet = relation == Relation::Proposal
                && w == pack("xet")
                && (k > 0 && is(k - 1, "xem") && k + 1 < n || is(k + 1, "thay"))
                && !["to", "de", "bao"].iter().any(|x| is(k + 1, x));
            // `đề nghị đơn vị làm thủ tục …`: a request the text makes, not the proposal it
            // answers (`Theo đề nghị của …`, `Xét đề nghị tại …`, `đề nghị của … tại …`).
            let request = cue.len == 2
                && (cue.words[1] == pack("nghi") || cue.words[1] == pack("xuat"))
                && relation == Relation::Proposal
                && !(k > 0 && ["theo", "xet", "va", "cac"].iter().any(|x| is(k - 1, x)))
                && !(is(k + 2, "cua") || is(k + 2, "tai"));
            // `không thực hiện đúng Chỉ thị …`, `chưa triển khai …`: what is not done.
            let negated = k > 0 && (is(k - 1, "khong") || is(k - 1, "chua"));
            if passive {
                last_passive = Some(k);
            }
            if negated || request {
                best = Some((k, Relation::Other));
            } else if !passive && !according && !guided && !not_xet {
                best = Some((k, relation));
            }
        }
        // `các văn bản hướng dẫn thi hành Luật …`: the guiding is those documents'.
        if first_document.is_none()
            && w == pack("van")
            && is(k + 1, "ban")
            && (is(k + 2, "huong") || is(k + 2, "quy"))
        {
            first_document = Some(k);
        }
        if first_document.is_none() && kind_start {
            let number = w == pack("so") && starts_digit(k + 1);
            let kind = || {
                bits_of(lead.documents).any(|i| {
                    let (d, common) = &DOCUMENT_KEYS[i];
                    let next = k + d.len;
                    phrase_at(k, d)
                        && !is(next, "nay")
                        && (!common || is(next, "so") || starts_digit(next) || starts_upper(k))
                })
            };
            // What a subject line says the citing text issues (`V/v ban hành Chương trình
            // hành động triển khai Kế hoạch số 119-KH/TU`) is its own doing, not another
            // document's.
            let issued = (2..=4).contains(&k)
                && is(k - 2, "ban")
                && is(k - 1, "hanh")
                && (k == 2 || is(0, "v") || is(0, "ve"));
            if number || kind() && !issued {
                first_document = Some(k);
            }
        }
    }
    if let Some(k) = symbol_word {
        first_document = Some(first_document.map_or(k, |f| f.min(k)));
    }
    let after_a_name = |k: usize| named_before || first_document.is_some_and(|f| f < k);
    let cue = best.filter(|&(k, r)| r != Relation::Basis && after_a_name(k));
    let nested = match (cue, last_passive) {
        (Some((c, _)), Some(p)) => Some(c > p),
        (Some(_), None) => Some(true),
        (None, Some(_)) => Some(false),
        (None, None) => None,
    };
    Words {
        basis_at_start,
        best,
        first_document,
        nested,
        theo,
        len: n,
    }
}

/// [`words_of`] the start of a clause, `text[clause..to]` (at most [`CLAUSE_REACH`] bytes),
/// folded in windows cut at spaces: the words' indices run on from one window to the next.
fn head_words(text: &str, clause: usize, to: usize) -> Words {
    let mut out = Words {
        basis_at_start: false,
        best: None,
        first_document: None,
        nested: None,
        theo: None,
        len: 0,
    };
    let mut start = clause;
    let mut offset = 0;
    while start < to {
        let mut end = to.min(start + FOLDED_REACH);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if end < to {
            // Cut at the last space, so that no word is read in two halves.
            end = text[start..end].rfind(' ').map_or(end, |i| start + i);
        }
        if end <= start {
            break;
        }
        let window = super::fold::fold_window(text, start, end);
        let w = words_of(text, &window, out.first_document.is_some());
        if w.nested.is_some() {
            out.nested = w.nested;
        }
        if start == clause {
            out.basis_at_start = w.basis_at_start;
        }
        if let Some((k, r)) = w.best {
            out.best = Some((offset + k, r));
        }
        if out.first_document.is_none() {
            out.first_document = w.first_document.map(|k| offset + k);
        }
        if let Some(k) = w.theo {
            out.theo = Some(offset + k);
        }
        offset += w.len;
        start = end;
    }
    out.len = offset;
    out
}

/// The role of the citation at `span` of `text` (see [`Relation`]).
///
/// ```
/// use vanban::citation::{Relation, relation_at};
/// let text = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\
///             Bãi bỏ Quyết định số 12/QĐ-UBND.";
/// let at = text.find("Quyết định số").unwrap();
/// assert_eq!(relation_at(text, at..text.len() - 1), Relation::Repeals);
/// let law = text.find("Luật").unwrap();
/// assert_eq!(relation_at(text, law..law + 4), Relation::Basis);
/// ```
pub fn relation_at(text: &str, span: Range<usize>) -> Relation {
    let mut at = span.start.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let clause = clause_start(text, at);
    let from = window_start(text, clause, at);
    let window = super::fold::fold_window(text, from, at);
    // The words right before the citation, folded once for the tests that read them: the
    // end of the clause's window when it reaches so far back.
    let right_before = super::fold::ceil_boundary(text, at.saturating_sub(RIGHT_BEFORE));
    let folded;
    let before = if from <= right_before {
        window.text_from(right_before)
    } else {
        folded = folded_before(text, at, RIGHT_BEFORE);
        folded.text()
    };
    // In another document's text quoted (`… quy định: "… Sửa đổi, bổ sung … Quyết định số
    // 118/TTg …"`), what is done to a document is that document's doing.
    if super::quotation::opening_before(text, at).is_some()
        || issued_with(before)
        || drafted(before)
    {
        return Relation::Other;
    }
    if renames(before) {
        // `Đính chính … tại Thông tư số 138/2025/TT-BTC … sửa đổi, bổ sung … của Thông tư số …
        // (sau đây gọi là Thông tư số 138/2025/TT-BTC)`: the short name of the document the
        // clause opens with has its role.
        // A title is long: the clause is read back further than for a cue.
        let clause = bound_start(text, at, true, LIST_REACH);
        let first = crate::citations(&text[clause..at]).next();
        return first.map_or(Relation::Other, |c| {
            relation_at(text, clause + c.span.start..clause + c.span.end)
        });
    }
    let r = clause_relation(text, at, clause, from, &window, before);
    match r {
        // What a proposal is: a submission (`Tờ trình`, `Báo cáo`, a letter); a law, a decree,
        // a circular named after it is the submission's subject (`… tại các Tờ trình số
        // 2138/TTr-BCT … về chính sách của Luật sửa đổi, bổ sung …`).
        Relation::Proposal if names_a_rule(text, at) => Relation::Other,
        Relation::Basis | Relation::Proposal | Relation::Other => r,
        // `Chính sách 1: … theo hướng: Bãi bỏ điều kiện … trong Luật Thương mại; sửa đổi, bãi
        // bỏ một số nội dung tại Luật Quản lý ngoại thương`: the direction a policy is to
        // take, not what the text does.
        _ if in_direction(text, at) => Relation::Other,
        _ => r,
    }
}

/// Whether `before` (as for [`issued_with`]) ends with `(sau đây gọi là`, `(sau đây gọi tắt
/// là`, `(gọi tắt là`: the name the text gives, from here on, to a document it has just
/// named.
fn renames(before: &str) -> bool {
    // Every form ends with `là`: most citations are passed over by that alone.
    if !before.trim_end().ends_with("la") {
        return false;
    }
    // The words back from `at` (a line may break between them: `(sau đây⏎gọi là`).
    [
        &["la", "goi", "day", "(sau"][..],
        &["la", "tat", "goi", "day", "(sau"],
        &["la", "tat", "(goi"],
    ]
    .iter()
    .any(|w| {
        let mut back = before.split_whitespace().rev();
        w.iter().all(|x| back.next() == Some(*x))
    })
}

/// Whether `before` (as for [`issued_with`]) ends with `dự án` or `dự thảo`: the citation is
/// a draft's (`dự án Luật …`, `dự thảo Nghị định …`), a text being prepared, which nothing is
/// done to yet.
fn drafted(before: &str) -> bool {
    let t = before.trim_end_matches([' ', '\n', '*', '_']);
    ["du an", "du thao"].iter().any(|w| {
        t.strip_suffix(w)
            .is_some_and(|rest| !rest.ends_with(|c: char| c.is_ascii_alphanumeric()))
    })
}

/// Whether the citation at `at` names a law, a decree or another rule (`Luật …`, `Nghị định
/// …`, `Thông tư …`), not a submission.
fn names_a_rule(text: &str, at: usize) -> bool {
    opens_with(
        text,
        at,
        &[
            "luat ",
            "bo luat ",
            "phap lenh ",
            "hien phap ",
            "nghi dinh ",
            "thong tu ",
            "chi thi ",
            "nghi quyet ",
            "quyet dinh ",
        ],
    )
}

/// Whether the sentence before `at` (past semicolons: the items of a list after a colon)
/// says `theo hướng`.
fn in_direction(text: &str, at: usize) -> bool {
    let from = bound_start(text, at, false, LIST_REACH);
    let hay = &text.as_bytes()[from..at];
    memchr::memmem::find_iter(hay, "heo hướng").any(|i| i > 0 && matches!(hay[i - 1], b't' | b'T'))
        || memchr::memmem::find(hay, "HEO HƯỚNG".as_bytes()).is_some()
}

/// Where the window of the clause starting at `clause` read for the cues of the citation
/// at `at` starts: the clause's last [`FOLDED_REACH`] bytes at most (cues sit just before
/// the citation), from a word's start; the words before it are read apart.
fn window_start(text: &str, clause: usize, at: usize) -> usize {
    let from = super::fold::ceil_boundary(text, clause.max(at.saturating_sub(FOLDED_REACH)));
    if from > clause {
        text[from..at]
            .find([' ', '\n'])
            .map_or(from, |i| from + i + 1)
    } else {
        from
    }
}

/// The role the clause holding `at` gives the citation there (see [`relation_at`]).
/// The clause starts at `clause`, its window (see [`window_start`]) at `from`, folded in
/// `window`; `before`: the folded words right before `at` ([`RIGHT_BEFORE`]).
fn clause_relation(
    text: &str,
    at: usize,
    clause: usize,
    from: usize,
    window: &super::fold::Folded,
    before: &str,
) -> Relation {
    // Only a clause after a semicolon (or a table bar) can be one of a list of bases.
    let listed = clause > 0 && matches!(text.as_bytes()[clause - 1], b';' | b'|');
    // A document named in a list of bases is a basis, but for the names in a basis's title
    // (`Căn cứ Nghị định số 78/2025/NĐ-CP … quy định chi tiết … Luật Ban hành văn bản quy
    // phạm pháp luật`: what that Nghị định details, not a basis of the citing text) unless
    // the basis is named as amended (`được sửa đổi, bổ sung tại Nghị định số 187/2025/NĐ-CP`).
    let basis = |nested: Option<bool>| {
        if nested == Some(true) && !item_after_colon(text, clause, at) {
            Relation::Other
        } else {
            Relation::Basis
        }
    };
    let head = (from > clause).then(|| head_words(text, clause, from));
    let named_before = head.as_ref().is_some_and(|h| h.first_document.is_some());
    let tail = words_of(text, window, named_before);
    // `Căn cứ quy định nêu trên, Tổng cục Thuế đồng ý với … tại Công văn số …`: after the
    // basis, a sentence of its own, whose documents are no bases.
    let basis = |nested: Option<bool>| {
        if main_clause_after_basis(&text[clause..at]) {
            Relation::Other
        } else {
            basis(nested)
        }
    };
    if from == clause && tail.basis_at_start {
        return basis(tail.nested);
    }
    // A clause longer than the window: its start is read too, for `Căn cứ` (a basis holds
    // for all of its clause) and, when the window has no cue, for the cue of a long list
    // (`Theo đề nghị … tại các văn bản: Số 202/TTr-BVHTTDL …, số 192/TTr-BVHTTDL …, số
    // 201/BC-BVHTTDL …`): the last cue of the clause's start, unless another document is
    // named before it.
    if let Some(head) = head {
        if head.basis_at_start {
            return basis(tail.nested.or(head.nested));
        }
        if tail.best.is_none()
            && let Some((cue, r)) = head.best
        {
            let governed = tail.theo.is_some() || head.theo.is_some_and(|t| t > cue);
            return if head.first_document.is_none_or(|f| f >= cue) && !governed {
                r
            } else {
                Relation::Other
            };
        }
    }
    let Words {
        best,
        first_document,
        theo,
        nested,
        ..
    } = tail;
    // A cue after another document's name tells what that document does (`Thông tư số
    // 09/2013/TT-BXD … hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg`), not the citing
    // text.
    match best {
        // `… để thực hiện chế độ … theo quy định của Luật Ngân sách nhà nước`: by the law,
        // not carrying it out; so with `theo` right before it (`kinh phí thực hiện các chế độ
        // trợ cấp 1 lần theo Quyết định số 290/QĐ-TTg`).
        Some((cue, r))
            if (first_document.is_none_or(|f| f >= cue) && !named_before
                || r == Relation::Basis)
                && theo.is_none_or(|t| t < cue)
                && (r == Relation::Basis || !after_theo(before)) =>
        {
            r
        }
        // In a list of bases, the document a basis is named as amended by (`…; Nghị định số
        // 61/2018/NĐ-CP … về thực hiện … (đã được sửa đổi, bổ sung bởi Nghị định số
        // 107/2021/NĐ-CP …)`) is a basis too.
        Some(_)
            if listed
                && nested == Some(false)
                && says_basis(&text[bound_start(text, at, false, LIST_REACH)..at]) =>
        {
            Relation::Basis
        }
        Some(_) => Relation::Other,
        // No cue in the clause: one of a list of bases (`Căn cứ A; B; các Quyết định số C,
        // số D`) is a basis too, and one of a list of proposals a proposal (`Theo đề nghị
        // của A tại Báo cáo số …; của B tại Tờ trình số …`).
        None => {
            // Most citations are in no list: the paragraph (up to 4 KB back) is read only for
            // one that is.
            if !listed || opens_another_part(text, clause) {
                return Relation::Other;
            }
            let paragraph = &text[bound_start(text, at, false, LIST_REACH)..at];
            if says_basis(paragraph) {
                Relation::Basis
            } else if opens_proposals(paragraph)
                || opens_with(text, clause, &["cua "]) && says_proposal(paragraph)
            {
                // `… theo đề nghị của A tại các Tờ trình: …; của B tại Tờ trình số …`: the
                // proposers listed after the sentence's start.
                Relation::Proposal
            } else {
                Relation::Other
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a packed word may start.
    fn lead_of(key: u64) -> Lead {
        lead_index(key).map_or(NO_LEAD, |i| LEAD_TABLE[usize::from(i)].1)
    }

    #[test]
    fn lead_words_start_every_cue_and_kind() {
        for (i, (cue, _)) in CUES.iter().enumerate() {
            let lead = lead_of(pack(cue[0]));
            assert_ne!(lead.bits & LEADS_CUE, 0, "{cue:?}");
            assert!(bits_of(lead.cues).any(|c| c == i), "{cue:?}");
        }
        for (i, kind) in OTHER_DOCUMENTS.iter().enumerate() {
            let lead = lead_of(pack(kind[0]));
            assert_ne!(lead.bits & LEADS_KIND, 0, "{kind:?}");
            assert!(bits_of(lead.documents).any(|d| d == i), "{kind:?}");
        }
        // `quy`: `quy định chi tiết` only; `de`: `đề nghị`, `đề xuất` and `đề án`.
        assert_eq!(bits_of(lead_of(pack("quy")).cues).count(), 1);
        let de = lead_of(pack("de"));
        assert_eq!(
            (bits_of(de.cues).count(), bits_of(de.documents).count()),
            (2, 1)
        );
        for w in ["so", "theo", "nhu", "van"] {
            assert_ne!(lead_of(pack(w)).bits, 0, "{w}");
        }
        for w in ["cua", "ngay", "nam", "tai", "uy", "ban"] {
            assert_eq!(lead_of(pack(w)).bits, 0, "{w}");
        }
    }
}

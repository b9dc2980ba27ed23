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
/// that a legal basis (`Căn cứ`) at the clause's start holds for all of it: `Căn cứ Nghị định số 128/2024/NĐ-CP … sửa đổi,
/// bổ sung một số điều của Nghị định số 81/2018/NĐ-CP` gives both as bases (NĐ 30/2020,
/// Phụ lục I: the căn cứ list names the documents the text rests on).
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
const CUES: &[(&str, Relation)] = &[
    ("can cu", Relation::Basis),
    ("thuc hien", Relation::Implements),
    ("trien khai", Relation::Implements),
    ("thi hanh", Relation::Implements),
    ("de nghi", Relation::Proposal),
    ("to trinh", Relation::Proposal),
    ("xet", Relation::Proposal),
    ("sua doi", Relation::Amends),
    ("bo sung", Relation::Amends),
    ("thay the", Relation::Replaces),
    ("bai bo", Relation::Repeals),
    ("huy bo", Relation::Repeals),
    ("het hieu luc", Relation::Repeals),
    ("dinh chinh", Relation::Corrects),
    ("huong dan", Relation::Details),
    ("quy dinh chi tiet", Relation::Details),
    ("hop nhat", Relation::Consolidates),
];

/// How far back a clause is read, at most.
const CLAUSE_REACH: usize = 600;

/// The start of the clause holding `at`: after the last `;`, `.` or table bar before it, or the
/// start of a line that starts anew (a capital, a dash or a digit after the break: a line
/// wrapped inside a sentence goes on in lower case), at most [`CLAUSE_REACH`] bytes back.
fn clause_start(text: &str, at: usize) -> usize {
    bound_start(text, at, true)
}

/// [`clause_start`], past semicolons and bars too when `clauses` is false: the start of the
/// sentence or paragraph (`Căn cứ A; B; C` is one list of bases).
fn bound_start(text: &str, at: usize, clauses: bool) -> usize {
    let mut lo = at.saturating_sub(CLAUSE_REACH);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = &text[lo..at];
    let mut start = lo;
    for (i, c) in before.char_indices() {
        match c {
            // A colon opens the list the cue is about (`thay thế các Quyết định: …`).
            ';' | '|' if clauses => start = lo + i + 1,
            '.' if before[i + 1..].starts_with(char::is_whitespace) => start = lo + i + 1,
            '\n' => {
                let next = before[i + 1..].trim_start_matches(['*', '_', ' ', '\t']);
                if next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '-') {
                    start = lo + i + 1;
                }
            }
            _ => {}
        }
    }
    start
}

/// Kinds' names, folded, that name another document before a cue (`Nghị định quy định chi
/// tiết thi hành Luật Hải quan`: the cue is that Nghị định's).
const OTHER_DOCUMENTS: &[&str] = &[
    "nghi dinh",
    "thong tu",
    "quyet dinh",
    "nghi quyet",
    "chi thi",
    "phap lenh",
    "ke hoach",
    "cong van",
    "thong bao",
    "chuong trinh",
    "de an",
    "ket luan",
    "bao cao",
    "hien phap",
    "bo luat",
];

/// Whether the folded clause `before` (up to a cue) names a document of its own: a number
/// (`… /`, `số 12`) or a kind's name not followed by `này` (the text itself).
fn names_a_document(before: &str) -> bool {
    let b = before.as_bytes();
    if b.windows(2)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'/' | b'-'))
        || b.windows(4)
            .any(|w| w.starts_with(b"so ") && w[3].is_ascii_digit())
    {
        return true;
    }
    OTHER_DOCUMENTS.iter().any(|k| {
        before.match_indices(k).any(|(i, _)| {
            let after = &before[i + k.len()..];
            let whole = (i == 0 || !b[i - 1].is_ascii_alphanumeric())
                && !after.starts_with(|c: char| c.is_ascii_alphanumeric());
            whole && !after.trim_start().starts_with("nay")
        })
    })
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
    let clause = fold_key(&text[clause_start(text, at)..at]);
    let clause = clause.trim_start_matches([' ', '*', '_', '-', '+']);
    if clause.starts_with("can cu") {
        return Relation::Basis;
    }
    let mut best: Option<(usize, Relation)> = None;
    for &(cue, relation) in CUES {
        // Whole words only: `xet` is not `xet nghiem`'s start… but is `xét`.
        let found = clause.match_indices(cue).filter(|&(i, _)| {
            let before_ok = i == 0 || !clause.as_bytes()[i - 1].is_ascii_alphanumeric();
            let end = i + cue.len();
            let after_ok = clause
                .as_bytes()
                .get(end)
                .is_none_or(|b| !b.is_ascii_alphanumeric());
            before_ok && after_ok
        });
        if let Some((i, _)) = found.last()
            && best.is_none_or(|(j, _)| i + cue.len() > j)
        {
            best = Some((i + cue.len(), relation));
        }
    }
    // A cue after another number of the clause tells what that document does (`Thông tư số
    // 09/2013/TT-BXD … hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg`), not the citing
    // text.
    match best {
        Some((end, r)) if !names_a_document(&clause[..end.saturating_sub(1)]) => r,
        Some(_) => Relation::Other,
        // No cue in the clause: one of a list of bases (`Căn cứ A; B; các Quyết định số C,
        // số D`) is a basis too.
        None => {
            let sentence = fold_key(&text[bound_start(text, at, false)..at]);
            let basis = sentence
                .match_indices("can cu")
                .any(|(i, _)| i == 0 || !sentence.as_bytes()[i - 1].is_ascii_alphanumeric());
            if basis {
                Relation::Basis
            } else {
                Relation::Other
            }
        }
    }
}

//! Work identifiers: one name for a document, whoever cites it, in the Akoma Ntoso FRBR
//! naming convention (`/akn/vn/act/nghi-dinh/2020/30-2020-nd-cp`), so that links from
//! different documents meet.

use crate::catalog::DocKind;
use crate::date::VnDate;
use crate::number::DocNumber;
use crate::text::fold_key;

/// An ASCII slug: folded (case, diacritics, `đ`), every run of other characters one `-`.
/// Text already in lower-case ASCII but for `đ` (a number's key) skips the fold.
fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    slug_into(&mut out, s);
    out
}

/// [`slug`] of `s`, written at the end of `out`.
fn slug_into(out: &mut String, s: &str) {
    let plain = s
        .chars()
        .all(|c| c.is_ascii() && !c.is_ascii_uppercase() || c == 'đ');
    let folded;
    let source = if plain {
        s
    } else {
        folded = fold_key(s);
        &folded
    };
    let start = out.len();
    for c in source.chars() {
        match c {
            'đ' => out.push('d'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ if out.len() > start && !out.ends_with('-') => out.push('-'),
            _ => {}
        }
    }
    while out.len() > start && out.ends_with('-') {
        out.pop();
    }
}

/// The work identifier of a numbered document: `/akn/vn/{act|doc}/{kind}/{year}/{number}`.
///
/// `act` for the normative kinds (Luật, Nghị định, Thông tư … — `DocKind::is_normative`),
/// `doc` for the others; the kind as an ASCII slug of its Vietnamese name (`nghi-dinh`,
/// `cong-van`; `van-ban` when unknown); the year the number carries (`30/2020/NĐ-CP`), else
/// the year of `date`, else `_`; the number as a slug of its [`DocNumber::document_key`]
/// (leading zeros and case dropped, so `08/2013/QĐ-TTg` and `8/2013/qđ-ttg` meet).
///
/// ```
/// use vanban::citation::work_uri;
/// let n: vanban::DocNumber = "30/2020/NĐ-CP".parse().unwrap();
/// assert_eq!(work_uri(&n, n.kind(), None), "/akn/vn/act/nghi-dinh/2020/30-2020-nd-cp");
/// let n: vanban::DocNumber = "1530/KH-UBND".parse().unwrap();
/// let d = vanban::VnDate::new(2023, 4, 26).unwrap();
/// assert_eq!(work_uri(&n, n.kind(), Some(d)), "/akn/vn/doc/ke-hoach/2023/1530-kh-ubnd");
/// ```
pub fn work_uri(number: &DocNumber, kind: Option<DocKind>, date: Option<VnDate>) -> String {
    let kind = kind.or_else(|| number.kind());
    let class = if kind.is_some_and(DocKind::is_normative) {
        "act"
    } else {
        "doc"
    };
    let subtype = kind.map_or("van-ban", kind_slug);
    let mut uri = String::with_capacity(32 + subtype.len() + number.as_str().len());
    for part in ["/akn/vn/", class, "/", subtype, "/"] {
        uri.push_str(part);
    }
    match number.year().or(date.map(|d| d.year())) {
        // Four digits without the formatting machinery (one in every record `cite` writes).
        Some(y @ 1000..=9999) => {
            for d in [y / 1000, y / 100 % 10, y / 10 % 10, y % 10] {
                uri.push(char::from(b'0' + d as u8));
            }
        }
        Some(y) => {
            use std::fmt::Write;
            let _ = write!(uri, "{y}");
        }
        None => uri.push('_'),
    }
    uri.push('/');
    if !number_slug_into(&mut uri, number) {
        slug_into(&mut uri, &number.document_key());
    }
    uri
}

/// [`slug`] of a number's [`DocNumber::document_key`] written straight from the number when
/// it is ASCII but for `Đ`/`đ` (nearly every number: `30/2020/NĐ-CP`), as the slug would
/// make it: letters in lower case, `đ` as `d`, every run of other characters one `-`.
/// `false`, with `out` as it was, for any other character (the slug then folds the key).
fn number_slug_into(out: &mut String, number: &DocNumber) -> bool {
    let start = out.len();
    let seq = number.seq().map(|s| s.trim_start_matches('0'));
    // The key's separator (`/`, or `|` for a blank number) is a run of others either way.
    let key = seq
        .unwrap_or("")
        .chars()
        .chain(['/'])
        .chain(number.symbol().chars());
    for c in key {
        match c {
            'đ' | 'Đ' => out.push('d'),
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => {
                if out.len() > start && !out.ends_with('-') {
                    out.push('-');
                }
            }
            _ => {
                out.truncate(start);
                return false;
            }
        }
    }
    while out.len() > start && out.ends_with('-') {
        out.pop();
    }
    true
}

/// The work identifier of a document cited by title: `/akn/vn/act/{kind}/{date}/{title}`,
/// the date in full when given (`2015-06-19`), else its year, else `_`.
///
/// ```
/// use vanban::citation::{named_citations, named_work_uri};
/// let c = named_citations("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
///     .next()
///     .unwrap();
/// assert_eq!(
///     named_work_uri(c.kind, c.title(), c.date),
///     "/akn/vn/act/luat/2015-06-19/to-chuc-chinh-quyen-dia-phuong"
/// );
/// ```
pub fn named_work_uri(kind: DocKind, title: &str, date: Option<VnDate>) -> String {
    let date = date.map_or_else(|| "_".to_string(), |d| d.iso());
    let title = slug(title);
    let title = if title.is_empty() { "_" } else { &title };
    format!("/akn/vn/act/{}/{date}/{title}", kind_slug(kind))
}

/// The slug of a kind's Vietnamese name (`nghi-dinh`), made once for every kind.
fn kind_slug(kind: DocKind) -> &'static str {
    static SLUGS: std::sync::LazyLock<Vec<(DocKind, String)>> = std::sync::LazyLock::new(|| {
        crate::catalog::KINDS
            .iter()
            .map(|k| (k.kind, slug(k.name)))
            .collect()
    });
    SLUGS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("van-ban", |(_, s)| s.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The number's slug written straight equals the slug of its key, on every number of the
    /// crate's table of real forms and on those the straight path leaves to the fold.
    #[test]
    fn number_slug_is_the_slug_of_the_key() {
        let table = include_str!("../../tests/data/numbers.tsv");
        let extra = [
            "08/2013/qđ-ttg",
            "/SVHTTDL-VP",
            "000/KH-UBND",
            "12/UBND–VP",
            "5/QÐ-UB",
        ];
        let inputs = table
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| l.split('\t').next())
            .chain(extra);
        let mut checked = 0;
        for input in inputs {
            let Ok(n) = input.parse::<DocNumber>() else {
                continue;
            };
            let mut straight = String::new();
            let wrote = number_slug_into(&mut straight, &n);
            let by_key = slug(&n.document_key());
            if wrote {
                assert_eq!(straight, by_key, "{input}");
            } else {
                assert!(straight.is_empty(), "{input}");
            }
            checked += 1;
        }
        assert!(checked > 80, "{checked}");
    }
}

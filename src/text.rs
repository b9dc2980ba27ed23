//! Text normalization that keeps spans.
//!
//! Real text arrives as NFC or NFD, with `Ð` (U+00D0, Icelandic eth) for `Đ`, en and em dashes,
//! non-breaking and zero-width spaces, soft hyphens and Cyrillic letters that look Latin. The
//! parsers match on a normalized copy and report spans in the caller's bytes through
//! [`Normalized::original_span`].

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A normalized copy of a text with a map back to the original byte offsets.
///
/// ```
/// use vanban::Normalized;
///
/// let text = "Quyết định số 701/QÐ\u{2013}UBND"; // eth and en dash
/// let n = Normalized::new(text);
/// assert_eq!(n.as_str(), "Quyết định số 701/QĐ-UBND");
/// let start = n.as_str().find("701").unwrap();
/// let span = n.original_span(start..n.as_str().len());
/// assert_eq!(&text[span], "701/QÐ\u{2013}UBND");
/// ```
#[derive(Clone, Debug)]
pub struct Normalized<'t> {
    original: &'t str,
    text: Cow<'t, str>,
    /// For each byte of `text` (plus one past the end), the original byte offset; empty when
    /// the text needed no change, so that clean input costs nothing.
    map: Vec<u32>,
}

impl<'t> Normalized<'t> {
    /// Normalizes `original`: NFC, `Ð`/`ð` → `Đ`/`đ`, dash variants → `-`, fraction and
    /// full-width slashes → `/`, non-breaking and other spaces → ` `, zero-width characters
    /// and soft hyphens removed, Cyrillic look-alike letters → Latin.
    pub fn new(original: &'t str) -> Self {
        if is_clean(original) {
            return Normalized {
                original,
                text: Cow::Borrowed(original),
                map: Vec::new(),
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut map: Vec<u32> = Vec::with_capacity(original.len() + 1);
        let needs_nfc = is_nfc_quick(original.chars()) != IsNormalized::Yes;
        let mut chars = original.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if needs_nfc && !is_combining_mark(c) {
                // Compose a base letter with the marks that follow it, as one unit.
                let mut end = i + c.len_utf8();
                while let Some(&(j, m)) = chars.peek() {
                    if is_combining_mark(m) {
                        end = j + m.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                if end > i + c.len_utf8() {
                    for n in original[i..end].nfc() {
                        push_mapped(&mut text, &mut map, map_char(n), i);
                    }
                    continue;
                }
            }
            push_mapped(&mut text, &mut map, map_char(c), i);
        }
        map.push(original.len() as u32);
        Normalized {
            original,
            text: Cow::Owned(text),
            map,
        }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The text that was normalized.
    pub fn original(&self) -> &'t str {
        self.original
    }

    /// Whether normalization changed nothing (then spans are the same in both texts).
    pub fn is_unchanged(&self) -> bool {
        self.map.is_empty()
    }

    /// The original byte offset of normalized byte offset `at`.
    pub fn original_offset(&self, at: usize) -> usize {
        if self.map.is_empty() {
            return at;
        }
        self.map[at.min(self.map.len() - 1)] as usize
    }

    /// The span in the original text that produced the normalized span `span`.
    ///
    /// The end maps to the end of the last original character that contributed, so that a
    /// span always covers whole characters of the original.
    pub fn original_span(&self, span: Range<usize>) -> Range<usize> {
        if self.map.is_empty() {
            return span;
        }
        let start = self.original_offset(span.start);
        let end = if span.end > span.start {
            // The original character behind the last normalized byte ends where the next
            // different original offset begins.
            let last = self.original_offset(span.end - 1);
            let mut e = self.original_offset(span.end);
            if e <= last {
                e = next_char_boundary(self.original, last);
            }
            e
        } else {
            start
        };
        start..end.max(start)
    }
}

fn next_char_boundary(s: &str, at: usize) -> usize {
    let mut e = at + 1;
    while e < s.len() && !s.is_char_boundary(e) {
        e += 1;
    }
    e.min(s.len())
}

fn push_mapped(text: &mut String, map: &mut Vec<u32>, c: Option<char>, orig: usize) {
    if let Some(c) = c {
        text.push(c);
        for _ in 0..c.len_utf8() {
            map.push(orig as u32);
        }
    }
}

/// Whether `s` needs no normalization at all: the common case, checked without allocating.
fn is_clean(s: &str) -> bool {
    if s.is_ascii() {
        return true;
    }
    s.chars().all(|c| map_char(c) == Some(c)) && is_nfc_quick(s.chars()) == IsNormalized::Yes
}

/// The replacement for one character, `None` to drop it.
pub(crate) fn map_char(c: char) -> Option<char> {
    Some(match c {
        'Ð' => 'Đ',
        'ð' => 'đ',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{2044}' | '\u{2215}' | '\u{FF0F}' => '/',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return None,
        // Cyrillic letters that look Latin, seen inside numbers typed on mixed keyboards.
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Т' => 'T',
        'Х' => 'X',
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        c => c,
    })
}

/// A comparison key that ignores case, diacritics (including `đ`), tone-mark placement,
/// Unicode form and runs of white space: `QUYẾT  ĐỊNH`, `Quyết định` and `quyet dinh` share
/// one key.
///
/// ```
/// use vanban::fold_key;
/// assert_eq!(fold_key("QUYẾT  ĐỊNH"), "quyet dinh");
/// assert_eq!(fold_key("Văn hoá"), fold_key("văn hóa"));
/// ```
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = map_char(c).unwrap_or(' ');
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        push_folded(&mut out, c);
    }
    out
}

/// Pushes `c` without diacritics and in lower case.
pub(crate) fn push_folded(out: &mut String, c: char) {
    if let Some(f) = fold_char(c) {
        out.push(f);
    }
}

/// `c` without diacritics and in lower case; `None` for a combining mark.
pub(crate) fn fold_char(c: char) -> Option<char> {
    match c {
        'đ' | 'Đ' | 'Ð' | 'ð' => Some('d'),
        c if c.is_ascii() => Some(c.to_ascii_lowercase()),
        c if is_combining_mark(c) => None,
        c => {
            let mut base = None;
            decompose_canonical(c, |d| {
                if base.is_none() && !is_combining_mark(d) {
                    base = Some(d);
                }
            });
            let b = base.unwrap_or(c);
            Some(b.to_lowercase().next().unwrap_or(b))
        }
    }
}

/// Whether `a` and `b` are equal ignoring diacritics and case, without allocating.
pub(crate) fn eq_folded(a: &str, b: &str) -> bool {
    a.chars()
        .filter_map(fold_char)
        .eq(b.chars().filter_map(fold_char))
}

/// Whether `a` and `b` are equal ignoring case, without allocating.
pub(crate) fn eq_ignore_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// A comparison key that ignores case, tone-mark placement and Unicode form but keeps the
/// letters' diacritics: `hóa` and `hoá` match, `hoa` does not.
///
/// ```
/// use vanban::tone_key;
/// assert_eq!(tone_key("Hòa"), tone_key("hoà"));
/// assert_ne!(tone_key("hòa"), tone_key("hoa"));
/// ```
pub fn tone_key(s: &str) -> String {
    // Decomposed, a syllable is its letters plus marks; sorting the tone marks after the
    // letters makes both placements (on the first or second vowel) the same key.
    let mut letters = String::new();
    let mut tones = String::new();
    for c in s
        .chars()
        .filter_map(map_char)
        .flat_map(|c| c.to_lowercase())
    {
        if c.is_whitespace() {
            letters.push_str(&tones);
            tones.clear();
            letters.push(' ');
            continue;
        }
        decompose_canonical(c, |d| match d {
            // grave, acute, tilde, hook above, dot below: the five tones
            '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}' => tones.push(d),
            d => letters.push(d),
        });
    }
    letters.push_str(&tones);
    letters.nfc().collect()
}

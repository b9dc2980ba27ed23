//! Comparison keys: the one fold of the crate (case, diacritics, `đ`, tone-mark placement,
//! Unicode form and white space) and the key that keeps the letters' diacritics.

use super::*;

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
    out.extend(fold_chars(s));
    out
}

/// The characters of [`fold_key`]`(s)`, one at a time: callers that only compare keys or
/// look at their start stop early and allocate nothing.
pub(crate) fn fold_chars(s: &str) -> FoldChars<'_> {
    FoldChars {
        chars: s.chars(),
        emitted: false,
        space: false,
        held: None,
    }
}

/// Whether `fold_key(a) == fold_key(b)`, without building either key.
pub(crate) fn fold_eq(a: &str, b: &str) -> bool {
    fold_chars(a).eq(fold_chars(b))
}

/// Whether `fold_key(s)` starts with `prefix` (itself a folded key), without building it.
pub(crate) fn fold_starts_with(s: &str, prefix: &str) -> bool {
    let mut key = fold_chars(s);
    prefix.chars().all(|p| key.next() == Some(p))
}

/// See [`fold_chars`].
pub(crate) struct FoldChars<'a> {
    chars: std::str::Chars<'a>,
    /// Whether anything has been yielded: leading white space gives no space.
    emitted: bool,
    /// A run of white space is pending, written as one space before the next character.
    space: bool,
    /// A folded character waiting behind the space just yielded.
    held: Option<char>,
}

impl Iterator for FoldChars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if let Some(c) = self.held.take() {
            return Some(c);
        }
        loop {
            let c = self.chars.next()?;
            // The ASCII letters and digits that make up most of a key need no table.
            if c.is_ascii_alphanumeric() {
                let f = c.to_ascii_lowercase();
                self.emitted = true;
                if std::mem::take(&mut self.space) {
                    self.held = Some(f);
                    return Some(' ');
                }
                return Some(f);
            }
            let c = map_char(c).unwrap_or(' ');
            if c.is_whitespace() {
                self.space = self.emitted;
                continue;
            }
            // The space is written even when the character folds to nothing (a combining
            // mark after a space), as `fold_key` always did.
            let f = fold_char(c);
            if std::mem::take(&mut self.space) {
                self.held = f;
                if f.is_some() {
                    self.emitted = true;
                }
                return Some(' ');
            }
            if let Some(f) = f {
                self.emitted = true;
                return Some(f);
            }
        }
    }
}

/// `c` without diacritics and in lower case; `None` for a combining mark.
pub(crate) fn fold_char(c: char) -> Option<char> {
    let u = c as u32;
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    // Latin-1, Latin Extended-A/B and the Vietnamese block hold nearly every letter seen:
    // answer them from a table instead of decomposing each time.
    if (FOLD_A_START..FOLD_A_END).contains(&u) {
        return Some(FOLD_TABLES.0[(u - FOLD_A_START) as usize]);
    }
    if (FOLD_B_START..FOLD_B_END).contains(&u) {
        return Some(FOLD_TABLES.1[(u - FOLD_B_START) as usize]);
    }
    if is_mark(c) {
        return None;
    }
    Some(fold_slow(c))
}

pub(super) const FOLD_A_START: u32 = 0xC0;
pub(super) const FOLD_A_END: u32 = 0x250;
pub(super) const FOLD_B_START: u32 = 0x1E00;
pub(super) const FOLD_B_END: u32 = 0x1F00;

pub(super) static FOLD_TABLES: LazyLock<(Vec<char>, Vec<char>)> = LazyLock::new(|| {
    let table = |from: u32, to: u32| {
        (from..to)
            .map(|u| char::from_u32(u).map_or('\u{FFFD}', fold_slow))
            .collect()
    };
    (
        table(FOLD_A_START, FOLD_A_END),
        table(FOLD_B_START, FOLD_B_END),
    )
});

pub(super) fn fold_slow(c: char) -> char {
    if matches!(c, 'đ' | 'Đ' | 'Ð' | 'ð') {
        return 'd';
    }
    let mut base = None;
    decompose_canonical(c, |d| {
        if base.is_none() && !is_combining_mark(d) {
            base = Some(d);
        }
    });
    let b = base.unwrap_or(c);
    b.to_lowercase().next().unwrap_or(b)
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

/// `b` packed into an integer, byte `i` at bits `8 i`, when it has at most 16 bytes, read
/// with whole-word loads (two that overlap) rather than byte by byte: catalogue codes and
/// the pieces of a number are that short.
#[inline]
pub(crate) fn pack_le(b: &[u8]) -> Option<u128> {
    let n = b.len();
    let u64_at = |i: usize| {
        b.get(i..i + 8)
            .and_then(|x| <[u8; 8]>::try_from(x).ok())
            .map(u64::from_le_bytes)
    };
    let u32_at = |i: usize| {
        b.get(i..i + 4)
            .and_then(|x| <[u8; 4]>::try_from(x).ok())
            .map(|w| u64::from(u32::from_le_bytes(w)))
    };
    Some(match n {
        0..=3 => b
            .iter()
            .enumerate()
            .fold(0, |k, (i, &x)| k | u128::from(x) << (8 * i)),
        4..=7 => u128::from(u32_at(0)? | u32_at(n - 4)? << (8 * (n - 4))),
        8..=16 => {
            let high = if n == 8 {
                0
            } else {
                u64_at(n - 8)? >> (8 * (16 - n))
            };
            u128::from(u64_at(0)?) | u128::from(high) << 64
        }
        _ => return None,
    })
}

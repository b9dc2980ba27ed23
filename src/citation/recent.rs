//! What reading a text remembers of its recent numbers and issuer words: a text repeats
//! them (half the mentions of a document cite a number cited before; `nhân`, `dân`, `tỉnh`
//! come in every issuer phrase), and a repeat is then answered instead of read again. Each
//! is kept in a slot chosen by a hash of its bytes; a later one takes the slot of an earlier.
//! The answers are those of reading afresh: only the time differs.

use std::ops::Range;

use super::issuer::is_issuer_word;
use crate::number::DocNumber;

/// How many numbers [`ParsedNumbers`] keeps, and issuer words [`IssuerWords`]: powers of
/// two.
const SLOTS: usize = 64;
const _: () = assert!(SLOTS.is_power_of_two());

/// The first and the last eight bytes of `b`, overlapping when it is shorter than sixteen
/// (the bytes packed when shorter than eight): with the length, all of a text of up to
/// sixteen bytes.
fn ends(b: &[u8]) -> (u64, u64) {
    match b.len() {
        8.. => (
            u64::from_le_bytes(b[..8].try_into().unwrap_or_default()),
            u64::from_le_bytes(b[b.len() - 8..].try_into().unwrap_or_default()),
        ),
        _ => (b.iter().fold(0u64, |k, &x| k << 8 | u64::from(x)), 0),
    }
}

/// The slot of a text whose [`ends`] are `(first, last)` and whose length is `len`: the top
/// bits of a multiplicative hash.
fn slot((first, last): (u64, u64), len: usize) -> usize {
    let key = (first ^ last.rotate_left(23) ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (key >> (64 - SLOTS.trailing_zeros())) as usize
}

/// The numbers of a text parsed so far, by their text (`None`: not a number).
pub(super) struct ParsedNumbers {
    slots: [Option<(Range<usize>, Option<DocNumber>)>; SLOTS],
}

impl ParsedNumbers {
    pub(super) fn new() -> Self {
        ParsedNumbers {
            slots: std::array::from_fn(|_| None),
        }
    }

    /// `s[at]` parsed as a number (`None`: it is not one), from the slot when the same text
    /// was parsed before.
    pub(super) fn parse(&mut self, s: &str, at: Range<usize>) -> Option<DocNumber> {
        let text = &s.as_bytes()[at.clone()];
        let slot = &mut self.slots[slot(ends(text), text.len())];
        if let Some((seen, number)) = slot
            && s.as_bytes()[seen.clone()] == *text
        {
            return number.clone();
        }
        let number = s[at.clone()].parse::<DocNumber>().ok();
        *slot = Some((at, number.clone()));
        number
    }
}

/// The answers of [`is_issuer_word`] for the words of a text read so far, by their bytes.
pub(super) struct IssuerWords {
    /// A word's [`ends`] and length, and the answer: 0 for none yet, 1 no, 2 yes.
    slots: [(u64, u64, u8, u8); SLOTS],
}

impl IssuerWords {
    pub(super) fn new() -> Self {
        IssuerWords {
            slots: [(0, 0, 0, 0); SLOTS],
        }
    }

    /// [`is_issuer_word`], answered from a slot when the same bytes were asked before.
    #[inline]
    pub(super) fn is_issuer_word(&mut self, word: &str) -> bool {
        let b = word.as_bytes();
        // Longer words are not told by their ends alone.
        if b.is_empty() || b.len() > 16 {
            return is_issuer_word(word);
        }
        let (first, last) = ends(b);
        let len = b.len() as u8;
        let slot = &mut self.slots[slot((first, last), b.len())];
        if slot.3 != 0 && slot.0 == first && slot.1 == last && slot.2 == len {
            return slot.3 == 2;
        }
        let answer = is_issuer_word(word);
        *slot = (first, last, len, 1 + u8::from(answer));
        answer
    }
}

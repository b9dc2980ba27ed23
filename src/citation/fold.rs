//! Folded windows of the source (lower case, no diacritics, one kind of space) kept on the
//! stack, with their map back to the source, and the words read on them.

use super::*;

/// The largest window folded: a look-back of [`LOOK_BACK`], a look-ahead of [`LOOK_AHEAD`]
/// or a clause of 240 bytes, with the rest of a character at either end.
pub(super) const WINDOW: usize = 255;

/// A window of the source folded for matching (lower case, no diacritics, one kind of
/// space), on the stack: one is folded for every number found, and the heap would cost
/// more than the folding.
pub(super) struct Folded {
    base: usize,
    len: usize,
    /// One byte more than [`WINDOW`]: indexed by a `u8`, it needs no bounds check.
    text: [u8; 256],
    /// For each byte of the text, where the character it came from starts, from `base`.
    rel: [u8; 256],
}

/// How a character folds in a window: `None` when it is dropped (combining marks,
/// invisible characters), white space as one space.
pub(super) fn window_fold(c: char) -> Option<char> {
    if matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') {
        // Latin and Vietnamese letters, which normalization leaves as they are (`Ð` folds
        // to `d` either way).
        return crate::text::fold_char(c);
    }
    match map_char(c) {
        None => None,
        Some(c) if c.is_whitespace() => Some(' '),
        Some(c) => crate::text::fold_char(c),
    }
}

/// A folded byte in [`UTF8_FOLD`]: the character is dropped.
pub(super) const DROPPED: u8 = 0xFE;
/// A folded byte in [`UTF8_FOLD`]: the character does not fold to one ASCII byte.
pub(super) const NOT_ASCII: u8 = 0xFF;

/// [`window_fold`] of every two-byte character (U+0080–U+07FF, by the low five bits of the
/// lead byte and six of the next) and of the Vietnamese block U+1E00–U+1EFF (`E1 B8`–`E1
/// BB` and six bits), as one ASCII byte, [`DROPPED`] or [`NOT_ASCII`]. Nearly every
/// character of Vietnamese text is one of these: a window folds with one load per character
/// instead of decoding it and searching tables.
///
/// The tables are written out in `citation/utf8_fold.rs`, generated from the functions
/// they stand for (see [`utf8_fold_table`]): building them at the first call cost every
/// process 0.3 ms, a third of reading the test corpus.
pub(super) static UTF8_FOLD: Utf8Table = Utf8Table {
    fold: utf8_fold::FOLD,
    class: utf8_fold::CLASS,
};

/// Entries of [`UTF8_FOLD`].
pub(super) const TABLE_LEN: usize = 2048 + 256;

/// A bit of [`Utf8Table::class`]: the character continues a word.
pub(super) const WORD: u8 = 1;
/// A bit of [`Utf8Table::class`]: the character is an upper-case letter.
pub(super) const UPPER: u8 = 2;

/// The tables of [`UTF8_FOLD`], by the same index.
pub(super) struct Utf8Table {
    /// [`window_fold`] as one ASCII byte, [`DROPPED`] or [`NOT_ASCII`].
    pub(super) fold: [u8; TABLE_LEN],
    /// [`WORD`] when the character continues a word for [`first_word_folded`] and
    /// [`UPPER`] when it is an upper-case letter.
    pub(super) class: [u8; TABLE_LEN],
}

impl Utf8Table {
    pub(super) fn is_word(&self, k: usize) -> bool {
        self.class[k] & WORD != 0
    }

    pub(super) fn is_upper(&self, k: usize) -> bool {
        self.class[k] & UPPER != 0
    }
}

/// [`UTF8_FOLD`] as computed from [`window_fold`], [`is_word_char`] and
/// [`char::is_uppercase`]: what `citation/utf8_fold.rs` must hold.
#[cfg(test)]
pub(super) fn utf8_fold_table() -> ([u8; TABLE_LEN], [u8; TABLE_LEN]) {
    let mut fold = [NOT_ASCII; TABLE_LEN];
    let mut class = [0; TABLE_LEN];
    let code = |c: Option<char>| match c {
        None => DROPPED,
        Some(f) if f.is_ascii() => f as u8,
        Some(_) => NOT_ASCII,
    };
    let chars = (0x80..0x800u32).chain(0x1E00..0x1F00);
    for (k, c) in chars.filter_map(char::from_u32).enumerate() {
        let k = if k < 0x780 {
            k + 0x80
        } else {
            k - 0x780 + 2048
        };
        fold[k] = code(window_fold(c));
        class[k] =
            if is_word_char(c) { WORD } else { 0 } | if c.is_uppercase() { UPPER } else { 0 };
    }
    (fold, class)
}

/// Whether `word` starts with an upper-case letter, by the table when it can.
pub(super) fn starts_upper(word: &str) -> bool {
    match utf8_index(word.as_bytes(), 0) {
        Some((k, _)) => UTF8_FOLD.is_upper(k),
        None => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Whether `c`, beyond ASCII, continues a word: letters (Latin and Vietnamese, but `×`
/// and `÷`), other alphanumerics and combining marks (NFD text). Read from [`UTF8_FOLD`].
#[cfg(test)]
pub(super) fn is_word_char(c: char) -> bool {
    (matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && !matches!(c, '×' | '÷'))
        || c.is_alphanumeric()
        || unicode_normalization::char::is_combining_mark(c)
}

/// The index in [`UTF8_FOLD`] of the character at `i` beyond ASCII, and its length.
#[inline(always)]
pub(super) fn utf8_index(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    match *bytes.get(i)? {
        b @ 0xC2..=0xDF => Some((
            usize::from(b & 0x1F) << 6 | usize::from(*bytes.get(i + 1)? & 0x3F),
            2,
        )),
        0xE1 => match *bytes.get(i + 1)? {
            b1 @ 0xB8..=0xBB => Some((
                2048 + (usize::from(b1 - 0xB8) << 6 | usize::from(*bytes.get(i + 2)? & 0x3F)),
                3,
            )),
            _ => None,
        },
        _ => None,
    }
}

/// How the ASCII bytes fold in a window: lower case, one kind of space, line breaks kept.
pub(super) const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'\n' => b'\n',
            b' ' | b'\t' | b'\r' | 0x0C => b' ',
            x => x.to_ascii_lowercase(),
        };
        b += 1;
    }
    t
};

/// The folded ASCII byte of the character at `i` and its length, when it is one of those
/// [`UTF8_FOLD`] holds (`s` is UTF-8 and `i` starts a character).
#[inline(always)]
pub(super) fn fold_at(table: &Utf8Table, bytes: &[u8], i: usize) -> Option<(u8, usize)> {
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return Some((ASCII_FOLD[usize::from(b)], 1));
    }
    let (k, n) = utf8_index(bytes, i)?;
    let f = table.fold[k];
    (f != NOT_ASCII).then_some((f, n))
}

/// Folds `s[start..end]` (at most [`WINDOW`] bytes of it) for matching and keeps where
/// each folded byte came from.
pub(super) fn fold_window(s: &str, start: usize, end: usize) -> Folded {
    let mut f = Folded::empty();
    f.fold(s, start, end);
    f
}

/// The loop of [`fold_window`], with the length in a register rather than in the window
/// being written: the folded length of `s[start..end]` written to `text` and `rel`.
pub(super) fn fold_into(
    s: &str,
    start: usize,
    end: usize,
    text: &mut [u8; 256],
    rel: &mut [u8; 256],
) -> usize {
    let end = floor_boundary(s, end.max(start).min(s.len()).min(start + WINDOW));
    let src = &s.as_bytes()[start.min(end)..end];
    let table = &UTF8_FOLD;
    // Folding never lengthens a character, so `len <= i < WINDOW`: both fit a `u8`.
    let mut len: u8 = 0;
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        // ASCII, most of any text, folds to ASCII: never dropped, one byte for one.
        if b < 0x80 {
            text[usize::from(len)] = ASCII_FOLD[usize::from(b)];
            rel[usize::from(len)] = i as u8;
            len = len.wrapping_add(1);
            i += 1;
            continue;
        }
        if let Some((f, n)) = fold_at(table, src, i) {
            text[usize::from(len)] = f;
            rel[usize::from(len)] = i as u8;
            // A dropped character is written and not counted: no branch on it.
            len = len.wrapping_add(u8::from(f != DROPPED));
            i += n;
            continue;
        }
        let Some(c) = s.get(start + i..end).and_then(|r| r.chars().next()) else {
            break;
        };
        if let Some(fc) = window_fold(c) {
            let mut utf8 = [0u8; 4];
            let folded = fc.encode_utf8(&mut utf8).as_bytes();
            // Whole characters only: the window's bytes are always its text's.
            if usize::from(len) + folded.len() > WINDOW {
                break;
            }
            for &fb in folded {
                text[usize::from(len)] = fb;
                rel[usize::from(len)] = i as u8;
                len += 1;
            }
        }
        i += c.len_utf8();
    }
    usize::from(len).min(WINDOW)
}

impl Folded {
    /// An empty window, to fold into again and again: one window per number would be
    /// cleared and copied out each time.
    pub(super) fn empty() -> Self {
        Folded {
            base: 0,
            len: 0,
            text: [0; 256],
            rel: [0; 256],
        }
    }

    /// Folds `s[start..end]` into this window, as [`fold_window`] does.
    pub(super) fn fold(&mut self, s: &str, start: usize, end: usize) {
        self.base = start;
        self.len = fold_into(s, start, end, &mut self.text, &mut self.rel);
    }

    /// The folded text's bytes (those of [`Folded::text`]: whole characters go in).
    pub(super) fn bytes(&self) -> &[u8] {
        &self.text[..self.len]
    }

    /// The folded text.
    pub(super) fn text(&self) -> &str {
        // `fold_into` writes whole characters only.
        std::str::from_utf8(self.bytes()).unwrap_or_default()
    }

    /// The folded text of the source from `source` on (a character's start in the window):
    /// what folding `s[source..]` to the window's end gives, without folding it again.
    pub(super) fn text_from(&self, source: usize) -> &str {
        let rel = source.saturating_sub(self.base);
        // Offsets grow along the window (a dropped character's byte is written over).
        let j = self.rel[..self.len].partition_point(|&r| usize::from(r) < rel);
        std::str::from_utf8(&self.text[j..self.len]).unwrap_or_default()
    }

    /// Where the character behind folded byte `i` starts in the source.
    pub(super) fn at(&self, i: usize) -> usize {
        self.base + usize::from(self.rel[i])
    }

    /// The source span of folded bytes `a..b`, widened to whole characters with their marks.
    pub(super) fn source_span(&self, s: &str, a: usize, b: usize) -> Range<usize> {
        let start = self.at(a);
        let last = self.at(b - 1);
        start..end_of_char(s, last)
    }
}

/// The first word at `at` after spaces, commas and markup, folded: enough to tell whether a
/// date or an issuer phrase can follow, before folding a whole window. At most the
/// characters within 24 bytes are read.
pub(super) fn first_word_folded(s: &str, at: usize) -> Word {
    word_folded(s, word_after(s, at))
}

/// Where the first word at `at` starts, after spaces, commas and markup.
pub(super) fn word_after(s: &str, at: usize) -> usize {
    let b = s.as_bytes();
    let mut i = at;
    while let Some(&x) = b.get(i) {
        let len = match x {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | b',' | b'*' | b'_' => 1,
            0x80.. => match s[i..].chars().next() {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => break,
            },
            _ => break,
        };
        i += len;
    }
    i
}

/// The word at `i`, folded (see [`first_word_folded`]).
pub(super) fn word_folded(s: &str, mut i: usize) -> Word {
    let b = s.as_bytes();
    let limit = i + 24;
    let mut w = Word {
        buf: [0; 32],
        len: 0,
        end: i,
    };
    while let Some(&x) = b.get(i) {
        if x < 0x80 {
            if !x.is_ascii_alphanumeric() || i + 1 > limit {
                break;
            }
            w.push_byte(x.to_ascii_lowercase());
            i += 1;
            w.end = i;
            continue;
        }
        // Most characters are in the table: whether they continue the word, and their fold.
        if let Some((k, n)) = utf8_index(b, i) {
            let table = &UTF8_FOLD;
            let f = table.fold[k];
            if f != NOT_ASCII {
                if !table.is_word(k) || i + n > limit {
                    break;
                }
                if f != DROPPED {
                    w.push_byte(f);
                }
                i += n;
                w.end = i;
                continue;
            }
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let letter =
            matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && !matches!(c, '×' | '÷');
        if !(letter || c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c))
            || i + c.len_utf8() > limit
        {
            break;
        }
        if let Some(f) = map_char(c).and_then(crate::text::fold_char) {
            w.push(f);
        }
        i += c.len_utf8();
        w.end = i;
    }
    w
}

/// The first word after a number, folded as [`crate::text::fold_key`] folds it, on the
/// stack: it is read after each number and would otherwise cost an allocation each.
pub(super) struct Word {
    /// A word is read within 24 bytes, and folding never lengthens it.
    pub(super) buf: [u8; 32],
    pub(super) len: usize,
    /// Where the word ends in the source, for [`first_word_folded`].
    pub(super) end: usize,
}

impl Word {
    /// Appends `c` if it fits.
    pub(super) fn push(&mut self, c: char) {
        let n = c.len_utf8();
        if let Some(dst) = self.buf.get_mut(self.len..self.len + n) {
            c.encode_utf8(dst);
            self.len += n;
        }
    }

    /// Appends the ASCII byte `b` if it fits: [`Word::push`] without the encoding.
    #[inline(always)]
    pub(super) fn push_byte(&mut self, b: u8) {
        debug_assert!(b.is_ascii());
        if let Some(dst) = self.buf.get_mut(self.len) {
            *dst = b;
            self.len += 1;
        }
    }

    /// The folded word's bytes: compared with ASCII words, they need no UTF-8 check.
    pub(super) fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// The end of the character at `at`, with the combining marks that follow it (NFD text).
pub(super) fn end_of_char(s: &str, at: usize) -> usize {
    let mut chars = s[at..].chars();
    let mut end = at + chars.next().map_or(0, char::len_utf8);
    for c in chars {
        if !unicode_normalization::char::is_combining_mark(c) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

pub(super) fn ceil_boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

pub(super) fn floor_boundary(s: &str, mut at: usize) -> usize {
    while at > 0 && !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Whether `b` holds a combining diacritical mark (U+0300–U+036F: `CC 80` to `CD AF`).
pub(super) fn has_combining_marks(b: &[u8]) -> bool {
    memchr::memchr2_iter(0xCC, 0xCD, b).any(|i| {
        b.get(i + 1)
            .is_some_and(|&n| (0x80..=0xBF).contains(&n) && (b[i] == 0xCC || n <= 0xAF))
    })
}

/// Whether `b` is written in decomposed form (NFD) for the most part: a combining mark for
/// every 200 bytes or more of its first 16 KiB (Vietnamese in NFD has one on most syllables;
/// a composed text with a few decomposed characters pasted in is read as it is).
pub(super) fn mostly_decomposed(b: &[u8]) -> bool {
    let head = &b[..b.len().min(16 << 10)];
    let marks = memchr::memchr2_iter(0xCC, 0xCD, head).count();
    marks * 200 > head.len() && has_combining_marks(head)
}

//! Text normalization that keeps spans.
//!
//! Real text arrives as NFC or NFD, with `Ð` (U+00D0, Icelandic eth) for `Đ`, en and em dashes,
//! non-breaking and zero-width spaces, soft hyphens and Cyrillic letters that look Latin. The
//! parsers match on a normalized copy and report spans in the caller's bytes through
//! [`Normalized::original_span`].
//!
//! Three more repairs change what a reader sees, so they are [`Options`], off in
//! [`Normalized::new`]: dropping the Markdown emphasis converters leave (`**KT. GIÁM ĐỐC`),
//! joining words split by a hyphen at a line end (`hành chí-⏎nh`), and putting tone marks
//! in one place (`hoá` → `hóa`). For comparing rather than reading, [`tone_key`] ignores
//! tone-mark placement and [`fold_key`] ignores all diacritics (`Nghi dinh`).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use unicode_normalization::char::{
    canonical_combining_class, decompose_canonical, is_combining_mark,
};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

mod fold;
mod lines;

pub(crate) use fold::{fold_char, fold_chars, fold_eq, fold_starts_with, pack_le};
pub use fold::{fold_key, tone_key};
pub use lines::LineIndex;

/// `s` in lower case, borrowed when it has no capital (most words of a text): a word read
/// in a loop is compared in lower case without a copy.
pub(crate) fn lower_case(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(s.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Repairs [`Normalized::with_options`] makes on top of those [`Normalized::new`] always
/// makes. All are off by default.
///
/// ```
/// use vanban::text::{Normalized, Options};
///
/// let text = "**KT. GIÁM ĐỐC**\nV/v cải cách hành chí-\nnh, văn hoá";
/// let opts = Options::new().strip_emphasis(true).join_hyphenated(true).tone_placement(true);
/// let n = Normalized::with_options(text, opts);
/// assert_eq!(n.as_str(), "KT. GIÁM ĐỐC\nV/v cải cách hành chính, văn hóa");
///
/// // Spans still slice the caller's text.
/// let at = n.as_str().find("chính").unwrap();
/// assert_eq!(&text[n.original_span(at..at + "chính".len())], "chí-\nnh");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Options {
    emphasis: bool,
    hyphens: bool,
    tones: bool,
}

impl Options {
    /// No repair beyond those of [`Normalized::new`].
    ///
    /// ```
    /// let n = vanban::Normalized::with_options("hoá", vanban::NormalizeOptions::new());
    /// assert_eq!(n.as_str(), "hoá");
    /// ```
    pub const fn new() -> Self {
        Options {
            emphasis: false,
            hyphens: false,
            tones: false,
        }
    }

    /// Drops runs of one to three `*` that touch a word (`**KT. GIÁM ĐỐC**`, `*Source*`), as
    /// left by DOCX and PDF converters. A `*` standing alone (` * `) is kept, and so is
    /// everything else: `*` in a footnote mark `(*)` touches no letter and stays.
    ///
    /// ```
    /// use vanban::{NormalizeOptions, Normalized};
    /// let n = Normalized::with_options("**KT. GIÁM ĐỐC**", NormalizeOptions::new().strip_emphasis(true));
    /// assert_eq!(n.as_str(), "KT. GIÁM ĐỐC");
    /// ```
    pub const fn strip_emphasis(mut self, yes: bool) -> Self {
        self.emphasis = yes;
        self
    }

    /// Joins a word split across a line: a letter, `-` (or a soft hyphen) at the line end,
    /// and a lower-case letter starting the next line (`hành chí-⏎nh` → `hành chính`). A
    /// hyphen before a capital (`QĐ-⏎UBND`, a number split across lines) or after a space
    /// (`kinh tế -⏎xã hội`) is kept.
    ///
    /// ```
    /// use vanban::{NormalizeOptions, Normalized};
    /// let n = Normalized::with_options("hành chí-\nnh", NormalizeOptions::new().join_hyphenated(true));
    /// assert_eq!(n.as_str(), "hành chính");
    /// ```
    pub const fn join_hyphenated(mut self, yes: bool) -> Self {
        self.hyphens = yes;
        self
    }

    /// Puts the tone mark of an open `oa`, `oe` or `uy` syllable on the first vowel, the
    /// placement of NĐ 30/2020's own text (`hòa`, `khỏe`, `thủy`): `hoá` → `hóa`,
    /// `thuỷ` → `thủy`. `quý` (where `u` belongs to `qu`) and closed syllables (`hoàng`) have
    /// one placement only and are left alone.
    ///
    /// ```
    /// use vanban::{NormalizeOptions, Normalized};
    /// let n = Normalized::with_options("hoá", NormalizeOptions::new().tone_placement(true));
    /// assert_eq!(n.as_str(), "hóa");
    /// ```
    pub const fn tone_placement(mut self, yes: bool) -> Self {
        self.tones = yes;
        self
    }
}

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
    /// Where the normalized text stops or starts being a byte-for-byte copy of the original,
    /// in order; empty when nothing changed. Real text changes in a few places only, so this
    /// stays small where a map per byte would be four times the text.
    segments: Vec<Segment>,
}

/// A stretch of the normalized text from `norm` up to the next segment.
#[derive(Clone, Copy, Debug)]
struct Segment {
    /// Its start in the normalized text.
    norm: usize,
    /// Its start in the original text.
    orig: usize,
    /// Whether it is copied unchanged (offsets map one to one), rather than a replacement of
    /// one original character (all its bytes map to that character).
    copied: bool,
}

impl<'t> Normalized<'t> {
    /// Normalizes `original`: NFC, `Ð`/`ð` → `Đ`/`đ`, dash variants → `-`, fraction and
    /// full-width slashes → `/`, non-breaking and other spaces → ` `, zero-width characters
    /// and soft hyphens removed, Cyrillic look-alike letters → Latin.
    ///
    /// ```
    /// let n = vanban::Normalized::new("Quye\u{302}\u{301}t ÐỊNH");
    /// assert_eq!(n.as_str(), "Quyết ĐỊNH");
    /// ```
    pub fn new(original: &'t str) -> Self {
        let needs_nfc = match scan(original) {
            Scan::Clean => {
                return Normalized {
                    original,
                    text: Cow::Borrowed(original),
                    segments: Vec::new(),
                };
            }
            Scan::Changes { needs_nfc } => needs_nfc,
        };
        let mut out = Builder {
            text: String::with_capacity(original.len()),
            segments: Vec::new(),
        };
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Runs of characters that need no change are copied at once.
            let run_end = unchanged_run(original, i, needs_nfc);
            if run_end > i {
                out.copy(original, i, run_end);
                i = run_end;
                continue;
            }
            let Some(c) = original[i..].chars().next() else {
                break;
            };
            let mut end = i + c.len_utf8();
            if needs_nfc {
                // Compose a character with what may join it (combining marks, Hangul vowels
                // and finals: anything not NFC-stable alone), as one unit. Invisible
                // characters among them are dropped and look-alikes mapped first: left in,
                // they would block the composition and leave a text that is not NFC.
                end = joined_end(original, end);
                out.replace(i, original[i..end].chars().filter_map(map_char).nfc());
            } else {
                out.replace(i, map_char(c));
            }
            i = end;
        }
        Normalized {
            original,
            text: Cow::Owned(out.text),
            segments: out.segments,
        }
    }

    /// Normalizes `original` as [`Normalized::new`] does, then makes the repairs `options`
    /// asks for. Spans map back to `original` all the same.
    ///
    /// ```
    /// use vanban::{NormalizeOptions, Normalized};
    /// let text = "**Quyết định** về quản lý hành chí-\nnh";
    /// let opts = NormalizeOptions::new().strip_emphasis(true).join_hyphenated(true);
    /// let n = Normalized::with_options(text, opts);
    /// assert_eq!(n.as_str(), "Quyết định về quản lý hành chính");
    /// ```
    pub fn with_options(original: &'t str, options: Options) -> Self {
        let mut n = Normalized::new(original);
        // One repair after the other, each on the result of the one before, so that they
        // see each other's work (`ó*-⏎nh`: the hyphen follows a letter once `*` is gone) and
        // a second normalization changes nothing.
        let passes = [
            Options::new().strip_emphasis(options.emphasis),
            Options::new().join_hyphenated(options.hyphens),
            Options::new().tone_placement(options.tones),
        ];
        for pass in passes {
            // A dry run first: most texts need none of the repairs, and then cost no copy.
            if pass == Options::new() || !n.rewrite(pass, None) {
                continue;
            }
            let mut out = Builder {
                text: String::with_capacity(n.text.len()),
                segments: Vec::new(),
            };
            n.rewrite(pass, Some(&mut out));
            n.text = Cow::Owned(out.text);
            n.segments = out.segments;
        }
        n
    }

    /// Whether normalized byte `at` is a byte-for-byte copy of the original.
    fn is_copied(&self, at: usize) -> bool {
        let i = self.segments.partition_point(|s| s.norm <= at);
        i.checked_sub(1).is_none_or(|i| self.segments[i].copied)
    }

    /// A quick look for what a repair needs (`*`, a hyphen or soft hyphen before a line
    /// break), so that the character-by-character pass runs only where one may apply.
    fn may_need(&self, options: Options) -> bool {
        let text: &str = &self.text;
        let hyphen_at_line_end = || {
            // Normalization drops soft hyphens, so an unchanged text has none.
            (!self.is_unchanged()
                && memchr::memmem::find(self.original.as_bytes(), "\u{ad}".as_bytes()).is_some())
                || memchr::memchr_iter(b'-', text.as_bytes()).any(|i| {
                    // A letter, the hyphen, the line break, a lower-case letter: not the
                    // `-------` rules under a header, which fail at the letter.
                    text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphabetic)
                        && {
                            let after = text[i + 1..].trim_start_matches([' ', '\t']);
                            after
                                .strip_prefix("\r\n")
                                .or_else(|| after.strip_prefix('\n'))
                                .map(|r| r.trim_start_matches([' ', '\t']))
                                .and_then(|r| r.chars().next())
                                .is_some_and(char::is_lowercase)
                        }
                })
        };
        (options.emphasis && text.contains('*'))
            || (options.hyphens && hyphen_at_line_end())
            || options.tones
    }

    /// Makes the repairs of `options` into `sink`; without a sink, only tells whether there
    /// is any to make.
    fn rewrite(&self, options: Options, mut sink: Option<&mut Builder>) -> bool {
        let text: &str = &self.text;
        if sink.is_none() && !self.may_need(options) {
            return false;
        }
        // Writes `ch`, read at normalized offset `from`, keeping the map to the original.
        let emit = |out: &mut Builder, ch: char, from: usize| {
            let orig = self.original_offset(from);
            let same = self.is_copied(from)
                && self.original.get(orig..orig + ch.len_utf8())
                    == Some(ch.encode_utf8(&mut [0; 4]));
            if same {
                out.copy(self.original, orig, orig + ch.len_utf8());
            } else {
                out.replace(orig, Some(ch));
            }
        };
        let mut changed = false;
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(c) = text.get(i..).and_then(|r| r.chars().next()) {
            let len = c.len_utf8();
            let mut edit: Option<Edit> = None;
            if options.emphasis && c == '*' {
                let run = bytes[i..].iter().take_while(|&&b| b == b'*').count();
                let before = text[..i].chars().next_back();
                let after = text[i + run..].chars().next();
                let word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
                let drop = run <= 3
                    && (word(before) || word(after))
                    && (before, after) != (Some('('), Some(')'));
                if drop {
                    edit = Some((run, [None, None]));
                } else {
                    // The run is kept whole: a longer one is a rule, not emphasis.
                    if let Some(out) = sink.as_deref_mut() {
                        for k in i..i + run {
                            emit(out, '*', k);
                        }
                    }
                    i += run;
                    continue;
                }
            }
            if edit.is_none() && options.hyphens {
                let soft = |a: usize, b: usize| {
                    self.original
                        .get(self.original_offset(a)..self.original_offset(b))
                        .is_some_and(|s| s.contains('\u{ad}'))
                };
                edit = line_end_hyphen(text, i, soft).map(|skip| (skip, [None, None]));
            }
            if edit.is_none() && options.tones {
                edit = tone_move(text, i).map(|(first, second, next)| {
                    (next - i, [Some((first, i)), Some((second, i + len))])
                });
            }
            let (used, chars) = match edit {
                Some(e) => {
                    changed = true;
                    e
                }
                None => (len, [Some((c, i)), None]),
            };
            match sink.as_deref_mut() {
                Some(out) => {
                    for (ch, from) in chars.into_iter().flatten() {
                        emit(out, ch, from);
                    }
                }
                None if changed => return true,
                None => {}
            }
            i += used;
        }
        changed
    }

    /// The normalized text.
    ///
    /// ```
    /// assert_eq!(vanban::Normalized::new("12/QĐ–UBND").as_str(), "12/QĐ-UBND");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The text that was normalized.
    ///
    /// ```
    /// assert_eq!(vanban::Normalized::new("12/QĐ–UBND").original(), "12/QĐ–UBND");
    /// ```
    pub fn original(&self) -> &'t str {
        self.original
    }

    /// Whether normalization changed nothing (then spans are the same in both texts).
    ///
    /// ```
    /// assert!(vanban::Normalized::new("Quyết định").is_unchanged());
    /// assert!(!vanban::Normalized::new("Quyết\u{200B}định").is_unchanged());
    /// ```
    pub fn is_unchanged(&self) -> bool {
        self.segments.is_empty()
    }

    /// The original byte offset of normalized byte offset `at`.
    ///
    /// ```
    /// let n = vanban::Normalized::new("a\u{200B}b");
    /// assert_eq!(n.original_offset(1), 4); // `b`, after the dropped zero-width space
    /// ```
    pub fn original_offset(&self, at: usize) -> usize {
        if self.segments.is_empty() {
            return at;
        }
        if at >= self.text.len() {
            return self.original.len();
        }
        let i = self.segments.partition_point(|s| s.norm <= at);
        match i.checked_sub(1).map(|i| self.segments[i]) {
            Some(seg) if seg.copied => seg.orig + (at - seg.norm),
            Some(seg) => seg.orig,
            // Before the first segment the text is an unchanged copy.
            None => at,
        }
    }

    /// Whether the original bytes `r` were copied into the normalized text as they are: no
    /// character among them was mapped, dropped or composed.
    pub(crate) fn copied_whole(&self, r: Range<usize>) -> bool {
        // Before the first segment the text is an unchanged copy; each segment runs to the
        // next.
        let first = self.segments.partition_point(|s| s.orig <= r.start);
        self.segments[first.saturating_sub(1)..]
            .iter()
            .take_while(|s| s.orig < r.end.max(r.start + 1))
            .all(|s| s.copied)
    }

    /// The span in the original text that produced the normalized span `span`.
    ///
    /// The end maps to the end of the last original character that contributed, so that a
    /// span always covers whole characters of the original.
    ///
    /// ```
    /// let text = "Số: 12/QĐ–UBND";
    /// let n = vanban::Normalized::new(text);
    /// let at = n.as_str().find("12").unwrap();
    /// assert_eq!(&text[n.original_span(at..n.as_str().len())], "12/QĐ–UBND");
    /// ```
    pub fn original_span(&self, span: Range<usize>) -> Range<usize> {
        if self.segments.is_empty() {
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

/// Builds the normalized text and its segments.
struct Builder {
    text: String,
    segments: Vec<Segment>,
}

impl Builder {
    fn copy(&mut self, original: &str, from: usize, to: usize) {
        let continues = self
            .segments
            .last()
            .is_some_and(|s| s.copied && s.orig + (self.text.len() - s.norm) == from);
        let before_any = self.segments.is_empty() && self.text.len() == from;
        if !continues && !before_any {
            self.segments.push(Segment {
                norm: self.text.len(),
                orig: from,
                copied: true,
            });
        }
        self.text.push_str(&original[from..to]);
    }

    fn replace(&mut self, orig: usize, chars: impl IntoIterator<Item = char>) {
        self.segments.push(Segment {
            norm: self.text.len(),
            orig,
            copied: false,
        });
        self.text.extend(chars);
    }
}

enum Scan {
    Clean,
    Changes { needs_nfc: bool },
}

/// Whether `c` is kept as it is, and surely NFC-stable on its own: ASCII, Latin-1, Latin
/// Extended-A and -B, the precomposed Vietnamese letters (U+1E00–U+1EFF) and the general
/// punctuation (U+2000–U+206F: quotes, ellipsis, bullets; its two singleton spaces are
/// mapped to ` ` anyway).
fn plainly_kept(c: char) -> bool {
    match c as u32 {
        // Below U+0300 `map_char` changes only these four: no-break space, soft hyphen, eth.
        u @ 0..0x300 => !matches!(u, 0xA0 | 0xAD | 0xD0 | 0xF0),
        0x1E00..0x1F00 => true,
        0x2000..0x2070 => map_char(c) == Some(c),
        _ => false,
    }
}

/// From byte `i` (a char boundary) of `b`, valid UTF-8, the end of the run of characters
/// that normalization keeps as they are and that are NFC-stable on their own (combining
/// class 0, `NFC_Quick_Check` Yes): ASCII, U+0080–U+02FF but for the four `map_char`
/// changes, the precomposed letters U+1E00–U+1EFF and the unmapped general punctuation.
/// These make up nearly all of a Vietnamese text, and their UTF-8 bytes tell them apart
/// without decoding.
fn plain_run_end(b: &[u8], mut i: usize) -> usize {
    loop {
        // ASCII eight bytes at a time, then straight to the first byte that is not.
        while let Some(chunk) = b.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
            let high = word & 0x8080_8080_8080_8080;
            if high != 0 {
                i += (high.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        let Some(&x) = b.get(i) else {
            return i;
        };
        match x {
            0..0x80 => i += 1,
            // U+0100–U+02FF.
            0xC4..=0xCB => i += 2,
            // U+0080–U+00FF: no-break space, soft hyphen and eth are mapped.
            0xC2 | 0xC3 => {
                let y = b.get(i + 1).copied().unwrap_or(0);
                if matches!((x, y), (0xC2, 0xA0 | 0xAD) | (0xC3, 0x90 | 0xB0)) {
                    return i;
                }
                i += 2;
            }
            // U+1E00–U+1EFF.
            0xE1 if matches!(b.get(i + 1), Some(0xB8..=0xBB)) => i += 3,
            // U+2000–U+207F, of which U+2000–U+206F is kept unless mapped (dashes, spaces).
            0xE2 => {
                let (y, z) = match b.get(i + 1..i + 3) {
                    Some(&[y, z]) if y == 0x80 || y == 0x81 => (y, z),
                    _ => return i,
                };
                let u = 0x2000 + ((u32::from(y) & 0x3F) << 6) + (u32::from(z) & 0x3F);
                match char::from_u32(u) {
                    Some(c) if u < 0x2070 && map_char(c) == Some(c) => i += 3,
                    _ => return i,
                }
            }
            _ => return i,
        }
    }
}

/// One pass to learn whether the text needs any change, and whether NFC composition does.
fn scan(s: &str) -> Scan {
    let mut changes = false;
    let mut other = false;
    // The NFC quick check of the whole text (`is_nfc_quick`), made on the way: the
    // characters `plain_run_end` skips are starters that pass it, so only the others are
    // looked up, each against the combining class of the one before it.
    let mut not_nfc = false;
    let mut last_cc = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    loop {
        let run_end = plain_run_end(bytes, i);
        if run_end > i {
            last_cc = 0;
            i = run_end;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        let cc = canonical_combining_class(c);
        if (last_cc > cc && cc != 0) || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes {
            not_nfc = true;
        }
        last_cc = cc;
        if plainly_kept(c) {
            continue;
        }
        if map_char(c) != Some(c) {
            changes = true;
        } else {
            other = true;
        }
    }
    let needs_nfc = other && not_nfc;
    if changes || needs_nfc {
        Scan::Changes { needs_nfc }
    } else {
        Scan::Clean
    }
}

/// The end of the run of characters from `at` that normalization copies unchanged.
fn unchanged_run(s: &str, at: usize, needs_nfc: bool) -> usize {
    let bytes = s.as_bytes();
    let mut end = at;
    loop {
        // What `plain_run_end` skips is kept either way.
        end = plain_run_end(bytes, end);
        let Some(c) = s.get(end..).and_then(|r| r.chars().next()) else {
            break;
        };
        let kept = c.is_ascii()
            || (if needs_nfc {
                plainly_kept(c) && !is_mark(c)
            } else {
                map_char(c) == Some(c)
            });
        if !kept {
            break;
        }
        end += c.len_utf8();
    }
    // In NFD text the last letter of the run may carry the marks that follow it, also
    // across invisible characters.
    if needs_nfc && end > at && joined_end(s, end) > end {
        end = s[..end]
            .char_indices()
            .next_back()
            .map_or(at, |(i, _)| i.max(at));
    }
    end
}

/// The end of what joins the character before `at` under NFC: the following combining marks
/// and other characters that are not NFC-stable alone, with invisible characters among
/// them; `at` when nothing visible joins it.
fn joined_end(s: &str, at: usize) -> usize {
    let mut end = at;
    let mut joined = at;
    for m in s[at..].chars() {
        let invisible = map_char(m).is_none();
        if !invisible && nfc_stable(m) {
            break;
        }
        end += m.len_utf8();
        if !invisible {
            joined = end;
        }
    }
    joined
}

/// Whether `c` is NFC on its own and joins nothing before it: not a combining mark, not a
/// character NFC may compose with the one before (`NFC_Quick_Check` is Yes).
fn nfc_stable(c: char) -> bool {
    let u = c as u32;
    if u < 0x300 || (0x1E00..0x1F00).contains(&u) {
        return true;
    }
    !is_combining_mark(c) && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// `is_combining_mark` with a fast answer for ASCII, Latin-1 and the precomposed Vietnamese
/// letters (U+1EA0–U+1EF9), which make up nearly all of the text.
fn is_mark(c: char) -> bool {
    let u = c as u32;
    if u < 0x300 || (0x1E00..=0x1EFF).contains(&u) {
        return false;
    }
    is_combining_mark(c)
}

/// A repair at one place: the bytes of the normalized text it consumes, and up to two
/// characters written instead, each with the normalized offset it comes from.
type Edit = (usize, [Option<(char, usize)>; 2]);

/// At `i` in normalized `text`: the length to skip if a word continues on the next line
/// there, that is `i` holds `-` (or the line break after a soft hyphen, `soft(a, b)` telling
/// whether original text between normalized offsets `a` and `b` had one) after a letter,
/// and the line break, indentation and a lower-case letter follow.
fn line_end_hyphen(text: &str, i: usize, soft: impl Fn(usize, usize) -> bool) -> Option<usize> {
    let rest = text.get(i..)?;
    let before = text.get(..i)?.chars().next_back()?;
    if !before.is_alphabetic() {
        return None;
    }
    let after_dash = if let Some(r) = rest.strip_prefix('-') {
        r
    } else if rest.starts_with(['\n', '\r']) && soft(i - before.len_utf8(), i) {
        rest
    } else {
        return None;
    };
    let gap = after_dash.trim_start_matches([' ', '\t']);
    let gap = gap
        .strip_prefix("\r\n")
        .or_else(|| gap.strip_prefix('\n'))?;
    let next = gap.trim_start_matches([' ', '\t']);
    next.chars().next().filter(|c| c.is_lowercase())?;
    Some(rest.len() - next.len())
}

/// At `i` in normalized `text`: for an open `oa`/`oe`/`uy` syllable with the tone on the
/// second vowel, the two vowels with the tone moved to the first, and where they end.
fn tone_move(text: &str, i: usize) -> Option<(char, char, usize)> {
    let mut it = text.get(i..)?.chars();
    let (a, b) = (it.next()?, it.next()?);
    let end = i + a.len_utf8() + b.len_utf8();
    // The syllable must end after the two vowels, and `u` must not be the `u` of `qu`.
    if text[end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || is_combining_mark(c))
    {
        return None;
    }
    let prev = text[..i].chars().next_back();
    let (mut base_b, mut tone) = (None, None);
    decompose_canonical(b, |d| match d {
        '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}' => tone = Some(d),
        d if base_b.is_none() => base_b = Some(d),
        _ => {}
    });
    let (base_b, tone) = (base_b?, tone?);
    let pair = (a.to_ascii_lowercase(), base_b.to_ascii_lowercase());
    let ok = match pair {
        ('o', 'a' | 'e') => true,
        ('u', 'y') => !prev.is_some_and(|p| matches!(p, 'q' | 'Q')),
        _ => false,
    };
    // `a` must be a plain vowel (no mark of its own) and `b` only the tone.
    if !ok || !a.is_ascii() || base_b.len_utf8() != 1 || b.nfd().count() != 2 {
        return None;
    }
    let first = [a, tone].into_iter().nfc().next()?;
    Some((first, base_b, end))
}

fn next_char_boundary(s: &str, at: usize) -> usize {
    let mut e = at + 1;
    while e < s.len() && !s.is_char_boundary(e) {
        e += 1;
    }
    e.min(s.len())
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

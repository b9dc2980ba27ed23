//! Legacy Vietnamese encodings (bảng mã cũ): TCVN3 (ABC), VNI-Windows and
//! VISCII, and the Windows-1252 mojibake (lỗi phông) they turn into.
//!
//! Before Unicode became the norm (Decision 72/2002/QĐ-TTg made TCVN 6909:2001
//! — Unicode — mandatory for state bodies), most official documents were typed
//! in one of three 8-bit encodings. Archives still hold such files, and a
//! second generation of damage is common: the legacy bytes were read as
//! Windows-1252 and re-saved as UTF-8, giving text such as
//! `Céng hoµ x· héi chñ nghÜa viÖt nam` (TCVN3) or `Coäng hoøa` (VNI).
//!
//! This module
//! * decodes legacy bytes to Unicode NFC ([`decode`]) and encodes back ([`encode`]);
//! * guesses which encoding some bytes are in ([`detect`]) by decoding them with
//!   every candidate and counting how many words are well-formed Vietnamese
//!   syllables (and how many are very common words such as *của*, *được*, *ngày*);
//! * repairs mojibake ([`repair_mojibake`]);
//! * offers [`to_utf8`], the entry point the document reader uses: UTF-8 passes,
//!   anything else is refused with an [`EncodingError`] that says what the bytes
//!   look like.
//!
//! Every function here accepts any input without panicking and runs in time
//! linear in the input.
//!
//! # Where the tables come from
//!
//! Each table was checked against two independent sources. TCVN3: glibc's
//! `TCVN5712-1` converter and the X-TrueType `TCVNtoUCS2` table (they disagree
//! on the C0 capitals, where X-TrueType puts Ừ Ử at 0x03–0x04 and a lower-case ủ
//! at 0x05; glibc and XFree86's `tcvn.h` agree on 0x04–0x06 = Ừ Ử Ữ, which is
//! used here), and for VN3 also published ABC converter tables. VNI: two
//! converter tables (a PHP `VNCode` class and xvnkb's `vni.h`), which agree; a
//! third (an npm package) gives wrong single bytes for ỷ and ỹ. VISCII: glibc's
//! `VISCII` converter and a codec generated from RFC 1456's `VISCII.TXT`, which
//! agree byte for byte.
//!
//! # Example
//!
//! ```
//! use vanban::encoding::{decode, detect, repair_mojibake, LegacyEncoding};
//!
//! // "Cộng hòa" typed with the .VnTime font (TCVN3)
//! let bytes = b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca vi\xd6t nam";
//! assert_eq!(decode(bytes, LegacyEncoding::Tcvn3), "Cộng hoà xã hội chủ nghĩa việt nam");
//! assert_eq!(detect(bytes).unwrap().encoding, LegacyEncoding::Tcvn3);
//!
//! // The same bytes after a trip through Windows-1252
//! let (enc, fixed) = repair_mojibake("Céng hoµ x· héi chñ nghÜa viÖt nam").unwrap();
//! assert_eq!(enc, LegacyEncoding::Tcvn3);
//! assert_eq!(fixed, "Cộng hoà xã hội chủ nghĩa việt nam");
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::decompose_canonical;

/// An encoding that Vietnamese text may arrive in other than clean UTF-8.
///
/// ```
/// use vanban::encoding::{LegacyEncoding, decode, encode};
/// let bytes = encode("Hà Nội", LegacyEncoding::Vni).unwrap();
/// assert_eq!(decode(&bytes, LegacyEncoding::Vni), "Hà Nội");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LegacyEncoding {
    /// TCVN3, *bảng mã TCVN3 (ABC)*: the 8-bit code of TCVN 5712:1993, used with the
    /// `.VnTime`/`.VnArial` fonts. Single-byte.
    ///
    /// The standard has three levels. VN3, the one the ABC fonts implement, holds
    /// every lower-case letter but only seven capitals (Ă Â Ê Ô Ơ Ư Đ): ABC users
    /// typed other capitals with a *separate* font (`.VnTimeH`, `.VnArialH`) that
    /// draws capitals at the lower-case code points, so the bytes of such text carry
    /// no case and decode as lower case. The remaining capitals exist only in
    /// level VN1, at 0x80–0x9F, 0xAF, 0xBA–0xDB (between the lower-case letters) and
    /// in twelve C0 control positions (0x01, 0x02, 0x04–0x06, 0x11–0x17). This crate
    /// decodes and encodes the full VN1 table, of which VN3 is a subset; 0xB0–0xB4
    /// are combining tone marks.
    Tcvn3,
    /// VNI-Windows, *bảng mã VNI* (fonts `VNI-Times`, `VNI-Helve`, …): a letter is the
    /// ASCII base letter followed by one byte that carries the hat or horn and the
    /// tone (`a` + `ù` = *á*, `o` + `ä` = *ộ*); ơ ư đ, the toned forms of i and ỵ are
    /// single bytes. Capitals use the mark byte minus 0x20.
    Vni,
    /// VISCII (RFC 1456), *bảng mã VISCII*: single-byte, all 134 letters, six
    /// capitals in C0 control positions (0x02, 0x05, 0x06, 0x14, 0x19, 0x1E).
    Viscii,
    /// UTF-8 itself. It appears as the source of mojibake (UTF-8 bytes read as
    /// Windows-1252, e.g. `Cá»™ng hÃ²a` for *Cộng hòa*) and as the guess for
    /// UTF-8 with a few damaged bytes.
    Utf8,
}

impl LegacyEncoding {
    /// The three 8-bit Vietnamese encodings, in the order detection prefers them on a tie.
    ///
    /// ```
    /// assert!(vanban::encoding::LegacyEncoding::EIGHT_BIT.contains(&vanban::encoding::LegacyEncoding::Tcvn3));
    /// ```
    pub const EIGHT_BIT: [LegacyEncoding; 3] = [
        LegacyEncoding::Tcvn3,
        LegacyEncoding::Vni,
        LegacyEncoding::Viscii,
    ];

    /// A human-readable name, as used in error messages.
    ///
    /// ```
    /// assert_eq!(vanban::encoding::LegacyEncoding::Tcvn3.name(), "TCVN3 (ABC)");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            LegacyEncoding::Tcvn3 => "TCVN3 (ABC)",
            LegacyEncoding::Vni => "VNI-Windows",
            LegacyEncoding::Viscii => "VISCII",
            LegacyEncoding::Utf8 => "UTF-8",
        }
    }
}

impl fmt::Display for LegacyEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What [`detect`] found out about some bytes.
///
/// ```
/// use vanban::encoding::{LegacyEncoding, detect, encode};
/// let bytes = encode("Căn cứ Luật Tổ chức chính quyền địa phương", LegacyEncoding::Tcvn3).unwrap();
/// assert_eq!(detect(&bytes).unwrap().encoding, LegacyEncoding::Tcvn3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// The encoding the text was originally written in.
    pub encoding: LegacyEncoding,
    /// `false`: the bytes themselves are in `encoding`.
    /// `true`: the bytes are valid UTF-8, but their characters are the Windows-1252
    /// reading of bytes in `encoding` (mojibake).
    pub mojibake: bool,
    /// How sure the guess is, from 0 to 1. It grows with the share of words that
    /// are well-formed Vietnamese after decoding, with the lead over the next best
    /// reading, and with the amount of text.
    pub confidence: f32,
}

impl Detection {
    /// Decodes `bytes` the way this detection says they are encoded, to Unicode NFC.
    ///
    /// ```
    /// use vanban::encoding::detect;
    ///
    /// let bytes = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".as_bytes();
    /// let found = detect(bytes).unwrap();
    /// assert!(found.mojibake);
    /// assert_eq!(found.decode(bytes), "Cộng hòa xã hội chủ nghĩa Việt Nam");
    /// ```
    pub fn decode(&self, bytes: &[u8]) -> String {
        if !self.mojibake {
            return decode(bytes, self.encoding);
        }
        let text = String::from_utf8_lossy(bytes);
        match encode_windows_1252(&text) {
            Some(raw) => decode(&raw, self.encoding),
            // Not the mojibake it was said to be: hand the text back untouched.
            None => text.nfc().collect(),
        }
    }
}

/// The error of [`to_utf8`].
///
/// ```
/// let err = vanban::encoding::to_utf8(b"\xff\xfe").unwrap_err();
/// assert!(matches!(err, vanban::encoding::EncodingError::NotUtf8 { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum EncodingError {
    /// The input is not valid UTF-8.
    #[error("input is not UTF-8 (first invalid byte at {offset}){}", describe_guess(.looks_like))]
    NotUtf8 {
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
        /// What the bytes look like, if they look like anything ([`detect`]).
        looks_like: Option<Detection>,
    },
}

fn describe_guess(guess: &Option<Detection>) -> String {
    match guess {
        Some(d) if d.encoding == LegacyEncoding::Utf8 => format!(
            "; it looks like damaged UTF-8 text (confidence {:.2}): decode it with encoding::decode, \
             which replaces the damaged bytes with U+FFFD",
            d.confidence
        ),
        Some(d) => format!(
            "; it looks like {} text (confidence {:.2}): decode it with encoding::decode",
            d.encoding.name(),
            d.confidence
        ),
        None => "; it does not look like TCVN3, VNI or VISCII Vietnamese text".to_owned(),
    }
}

/// Returns the text of `bytes` if they are UTF-8 (a leading byte-order mark is
/// dropped); otherwise an error naming the legacy encoding they look like.
///
/// Valid UTF-8 is passed through as it is, even when it is mojibake: use
/// [`repair_mojibake`] for that.
///
/// # Errors
///
/// [`EncodingError::NotUtf8`] when the bytes are not UTF-8, with the offset of the first
/// invalid byte and, when they look like one, the legacy encoding (TCVN3, VNI, VISCII) they
/// are likely in.
///
/// ```
/// use vanban::encoding::{to_utf8, EncodingError, LegacyEncoding};
///
/// assert_eq!(to_utf8("Độc lập".as_bytes()).unwrap(), "Độc lập");
///
/// let tcvn3 = b"Quy\xd5t \xae\xdenh s\xe8 701/Q\xa7-UBND ng\xb5y 24/5/2023 c\xf1a \x9ey ban nh\xa9n d\xa9n t\xd8nh Lai Ch\xa9u";
/// let err = to_utf8(tcvn3).unwrap_err();
/// let EncodingError::NotUtf8 { offset, looks_like } = &err else { unreachable!() };
/// assert_eq!(*offset, 3);
/// assert_eq!(looks_like.unwrap().encoding, LegacyEncoding::Tcvn3);
/// assert!(err.to_string().starts_with(
///     "input is not UTF-8 (first invalid byte at 3); it looks like TCVN3 (ABC) text (confidence 0."));
/// ```
pub fn to_utf8(bytes: &[u8]) -> Result<Cow<'_, str>, EncodingError> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let (skipped, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (BOM.len(), rest),
        None => (0, bytes),
    };
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(e) => Err(EncodingError::NotUtf8 {
            offset: skipped + e.valid_up_to(),
            looks_like: detect(bytes),
        }),
    }
}

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

// Windows-1252 at 0x80–0x9F; the five undefined bytes map to the C1 controls of
// the same value, as Windows' own converter and the WHATWG decoder do, so that
// mojibake keeps every byte.
const CP1252_80: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', // 0x80
    'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', // 0x88
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', // 0x90
    '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ', // 0x98
];

// TCVN 5712:1993 VN1, as in glibc's TCVN5712-1 and XFree86's tcvn.h.
const TCVN3_C0: [(u8, char); 12] = [
    (0x01, 'Ú'),
    (0x02, 'Ụ'),
    (0x04, 'Ừ'),
    (0x05, 'Ử'),
    (0x06, 'Ữ'),
    (0x11, 'Ứ'),
    (0x12, 'Ự'),
    (0x13, 'Ỳ'),
    (0x14, 'Ỷ'),
    (0x15, 'Ỹ'),
    (0x16, 'Ý'),
    (0x17, 'Ỵ'),
];
const TCVN3_HIGH: [char; 128] = [
    'À', 'Ả', 'Ã', 'Á', 'Ạ', 'Ặ', 'Ậ', 'È', // 0x80
    'Ẻ', 'Ẽ', 'É', 'Ẹ', 'Ệ', 'Ì', 'Ỉ', 'Ĩ', // 0x88
    'Í', 'Ị', 'Ò', 'Ỏ', 'Õ', 'Ó', 'Ọ', 'Ộ', // 0x90
    'Ờ', 'Ở', 'Ỡ', 'Ớ', 'Ợ', 'Ù', 'Ủ', 'Ũ', // 0x98
    '\u{A0}', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', // 0xA0
    'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ', // 0xA8
    '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}', 'à', 'ả', 'ã', // 0xB0
    'á', 'ạ', 'Ẳ', 'ằ', 'ẳ', 'ẵ', 'ắ', 'Ẵ', // 0xB8
    'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', // 0xC0
    'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ', // 0xC8
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', // 0xD0
    'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò', // 0xD8
    'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', // 0xE0
    'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù', // 0xE8
    'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', // 0xF0
    'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố', // 0xF8
];

// RFC 1456.
const VISCII_C0: [(u8, char); 6] = [
    (0x02, 'Ẳ'),
    (0x05, 'Ẵ'),
    (0x06, 'Ẫ'),
    (0x14, 'Ỷ'),
    (0x19, 'Ỹ'),
    (0x1E, 'Ỵ'),
];
const VISCII_HIGH: [char; 128] = [
    'Ạ', 'Ắ', 'Ằ', 'Ặ', 'Ấ', 'Ầ', 'Ẩ', 'Ậ', // 0x80
    'Ẽ', 'Ẹ', 'Ế', 'Ề', 'Ể', 'Ễ', 'Ệ', 'Ố', // 0x88
    'Ồ', 'Ổ', 'Ỗ', 'Ộ', 'Ợ', 'Ớ', 'Ờ', 'Ở', // 0x90
    'Ị', 'Ỏ', 'Ọ', 'Ỉ', 'Ủ', 'Ũ', 'Ụ', 'Ỳ', // 0x98
    'Õ', 'ắ', 'ằ', 'ặ', 'ấ', 'ầ', 'ẩ', 'ậ', // 0xA0
    'ẽ', 'ẹ', 'ế', 'ề', 'ể', 'ễ', 'ệ', 'ố', // 0xA8
    'ồ', 'ổ', 'ỗ', 'Ỡ', 'Ơ', 'ộ', 'ờ', 'ở', // 0xB0
    'ị', 'Ự', 'Ứ', 'Ừ', 'Ử', 'ơ', 'ớ', 'Ư', // 0xB8
    'À', 'Á', 'Â', 'Ã', 'Ả', 'Ă', 'ẳ', 'ẵ', // 0xC0
    'È', 'É', 'Ê', 'Ẻ', 'Ì', 'Í', 'Ĩ', 'ỳ', // 0xC8
    'Đ', 'ứ', 'Ò', 'Ó', 'Ô', 'ạ', 'ỷ', 'ừ', // 0xD0
    'ử', 'Ù', 'Ú', 'ỹ', 'ỵ', 'Ý', 'ỡ', 'ư', // 0xD8
    'à', 'á', 'â', 'ã', 'ả', 'ă', 'ữ', 'ẫ', // 0xE0
    'è', 'é', 'ê', 'ẻ', 'ì', 'í', 'ĩ', 'ỉ', // 0xE8
    'đ', 'ự', 'ò', 'ó', 'ô', 'õ', 'ỏ', 'ọ', // 0xF0
    'ụ', 'ù', 'ú', 'ũ', 'ủ', 'ý', 'ợ', 'Ữ', // 0xF8
];

const fn build_table(c0: &[(u8, char)], high: &[char; 128]) -> [char; 256] {
    let mut table = ['\0'; 256];
    let mut i = 0;
    while i < 128 {
        table[i] = i as u8 as char;
        i += 1;
    }
    let mut j = 0;
    while j < c0.len() {
        table[c0[j].0 as usize] = c0[j].1;
        j += 1;
    }
    let mut k = 0;
    while k < 128 {
        table[128 + k] = high[k];
        k += 1;
    }
    table
}

static TCVN3_TABLE: [char; 256] = build_table(&TCVN3_C0, &TCVN3_HIGH);
static VISCII_TABLE: [char; 256] = build_table(&VISCII_C0, &VISCII_HIGH);

fn inverse(table: &[char; 256]) -> HashMap<char, u8> {
    (0..=255u8).map(|b| (table[usize::from(b)], b)).collect()
}

fn tcvn3_inverse() -> &'static HashMap<char, u8> {
    static INV: OnceLock<HashMap<char, u8>> = OnceLock::new();
    INV.get_or_init(|| inverse(&TCVN3_TABLE))
}

fn viscii_inverse() -> &'static HashMap<char, u8> {
    static INV: OnceLock<HashMap<char, u8>> = OnceLock::new();
    INV.get_or_init(|| inverse(&VISCII_TABLE))
}

const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const TILDE: char = '\u{303}';
const HOOK: char = '\u{309}';
const DOT: char = '\u{323}';
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';
const HORN: char = '\u{31B}';

/// Hat carried by a VNI mark byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hat {
    None,
    Circumflex,
    Breve,
}

// VNI mark bytes in their lower-case form; capitals use byte - 0x20.
const VNI_MARKS: [(u8, Hat, Option<char>); 17] = [
    (0xF8, Hat::None, Some(GRAVE)),
    (0xF9, Hat::None, Some(ACUTE)),
    (0xFB, Hat::None, Some(HOOK)),
    (0xF5, Hat::None, Some(TILDE)),
    (0xEF, Hat::None, Some(DOT)),
    (0xE2, Hat::Circumflex, None),
    (0xE0, Hat::Circumflex, Some(GRAVE)),
    (0xE1, Hat::Circumflex, Some(ACUTE)),
    (0xE5, Hat::Circumflex, Some(HOOK)),
    (0xE3, Hat::Circumflex, Some(TILDE)),
    (0xE4, Hat::Circumflex, Some(DOT)),
    (0xEA, Hat::Breve, None),
    (0xE8, Hat::Breve, Some(GRAVE)),
    (0xE9, Hat::Breve, Some(ACUTE)),
    (0xFA, Hat::Breve, Some(HOOK)),
    (0xFC, Hat::Breve, Some(TILDE)),
    (0xEB, Hat::Breve, Some(DOT)),
];

// VNI letters that are a single byte, lower-case form.
const VNI_SINGLES: [(u8, char); 9] = [
    (0xEC, 'ì'),
    (0xED, 'í'),
    (0xE6, 'ỉ'),
    (0xF3, 'ĩ'),
    (0xF2, 'ị'),
    (0xEE, 'ỵ'),
    (0xF1, 'đ'),
    (0xF4, 'ơ'),
    (0xF6, 'ư'),
];

fn vni_lower_byte(b: u8) -> Option<(u8, bool)> {
    match b {
        0xE0..=0xFF => Some((b, false)),
        0xC0..=0xDF => Some((b + 0x20, true)),
        _ => None,
    }
}

fn vni_single(b: u8) -> Option<char> {
    let (lower, upper) = vni_lower_byte(b)?;
    let (_, c) = VNI_SINGLES.iter().find(|(x, _)| *x == lower)?;
    Some(if upper { to_upper(*c) } else { *c })
}

fn vni_mark(b: u8) -> Option<(Hat, Option<char>)> {
    let (lower, _) = vni_lower_byte(b)?;
    VNI_MARKS
        .iter()
        .find(|(x, _, _)| *x == lower)
        .map(|(_, hat, tone)| (*hat, *tone))
}

fn to_upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

/// Lower-case vowels with each tone: none, grave (huyền), acute (sắc),
/// hook (hỏi), tilde (ngã), dot (nặng).
const VOWEL_TONES: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];
const TONE_ACUTE: u8 = 2;
const TONE_DOT: u8 = 5;

fn tone_split() -> &'static HashMap<char, (char, u8)> {
    static MAP: OnceLock<HashMap<char, (char, u8)>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for row in VOWEL_TONES {
            for (tone, c) in row.iter().enumerate() {
                map.insert(*c, (row[0], tone as u8));
            }
        }
        for c in "bcdđghklmnpqrstvx".chars() {
            map.insert(c, (c, 0));
        }
        map
    })
}

/// Splits a lower-case Vietnamese letter into its toneless letter and tone
/// (0 = none); `None` for anything outside the Vietnamese alphabet.
fn split_tone(c: char) -> Option<(char, u8)> {
    tone_split().get(&c).copied()
}

// ---------------------------------------------------------------------------
// Windows-1252
// ---------------------------------------------------------------------------

fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_80[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

fn cp1252_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if code < 0x80 || (0xA0..=0xFF).contains(&code) || (0x80..=0x9F).contains(&code) {
        // C1 controls come back as their own byte: that is how the five undefined
        // bytes survive, and how ISO-8859-1 mojibake reads too.
        return u8::try_from(code).ok();
    }
    CP1252_80
        .iter()
        .position(|x| *x == c)
        .and_then(|i| u8::try_from(0x80 + i).ok())
}

/// Reads `bytes` as Windows-1252 (the five bytes it leaves undefined become the
/// C1 control characters of the same value): what a Western-European Windows
/// program shows for Vietnamese legacy bytes.
///
/// ```
/// assert_eq!(vanban::encoding::decode_windows_1252(b"C\xe9ng ho\xb5"), "Céng hoµ");
/// ```
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes.iter().map(|b| cp1252_char(*b)).collect()
}

/// The Windows-1252 bytes of `text` (C1 control characters map to their own
/// byte), or `None` if some character has no such byte. Together with
/// [`decode_windows_1252`] this undoes the last step of mojibake.
///
/// ```
/// assert_eq!(vanban::encoding::encode_windows_1252("hoµ €").unwrap(), b"ho\xb5 \x80");
/// assert_eq!(vanban::encoding::encode_windows_1252("hộ"), None);
/// ```
pub fn encode_windows_1252(text: &str) -> Option<Vec<u8>> {
    text.chars().map(cp1252_byte).collect()
}

// ---------------------------------------------------------------------------
// Decoding and encoding
// ---------------------------------------------------------------------------

/// Decodes `bytes` written in `enc` to a Unicode string in NFC.
///
/// Every byte sequence decodes: bytes that the encoding leaves to the Latin
/// range are read as Windows-1252, a VNI mark byte that follows no letter it can
/// mark is read as Windows-1252 too, and invalid UTF-8 (for
/// [`LegacyEncoding::Utf8`]) becomes U+FFFD.
///
/// ```
/// use vanban::encoding::{decode, LegacyEncoding};
///
/// assert_eq!(decode(b"Coa\xf8ng ho\xf8a", LegacyEncoding::Vni), "Coàng hòa");
/// assert_eq!(decode(b"\xd1o\xe4c la\xe4p", LegacyEncoding::Vni), "Độc lập");
/// assert_eq!(decode(b"\xa7\xe9c l\xcbp", LegacyEncoding::Tcvn3), "Độc lập");
/// assert_eq!(decode(b"\xd0\xb5c l\xa7p", LegacyEncoding::Viscii), "Độc lập");
/// ```
pub fn decode(bytes: &[u8], enc: LegacyEncoding) -> String {
    match enc {
        LegacyEncoding::Tcvn3 => decode_single_byte(bytes, &TCVN3_TABLE),
        LegacyEncoding::Viscii => decode_single_byte(bytes, &VISCII_TABLE),
        LegacyEncoding::Vni => decode_vni(bytes),
        LegacyEncoding::Utf8 => String::from_utf8_lossy(bytes).nfc().collect(),
    }
}

fn decode_single_byte(bytes: &[u8], table: &[char; 256]) -> String {
    // NFC because TCVN3 has combining tone marks at 0xB0–0xB4.
    bytes.iter().map(|b| table[usize::from(*b)]).nfc().collect()
}

fn vni_takes(base: char, hat: Hat) -> bool {
    let lower = base.to_lowercase().next().unwrap_or(base);
    match hat {
        Hat::None => matches!(lower, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ơ' | 'ư'),
        Hat::Circumflex => matches!(lower, 'a' | 'e' | 'o'),
        Hat::Breve => lower == 'a',
    }
}

fn decode_vni(bytes: &[u8]) -> String {
    decode_vni_counting(bytes).0
}

/// Decodes VNI and counts the mark bytes that found no letter to mark: real VNI
/// text has none, so they are evidence against VNI.
fn decode_vni_counting(bytes: &[u8]) -> (String, u32) {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut stray = 0;
    // The last letter pushed, while it can still take a mark.
    let mut markable: Option<char> = None;
    for &b in bytes {
        if b < 0x80 {
            let c = char::from(b);
            out.push(c);
            markable = Some(c);
            continue;
        }
        if let Some(c) = vni_single(b) {
            out.push(c);
            markable = Some(c);
            continue;
        }
        if let Some((hat, tone)) = vni_mark(b) {
            if markable.is_some_and(|base| vni_takes(base, hat)) {
                match hat {
                    Hat::None => {}
                    Hat::Circumflex => out.push(CIRCUMFLEX),
                    Hat::Breve => out.push(BREVE),
                }
                if let Some(t) = tone {
                    out.push(t);
                }
                markable = None;
                continue;
            }
            stray += 1;
        }
        let c = cp1252_char(b);
        out.push(c);
        markable = Some(c);
    }
    (out.nfc().collect(), stray)
}

/// Encodes `text` in `enc`, or `None` if some character cannot be written in it.
///
/// The text is put in NFC first, so decomposed input encodes too. Besides ASCII
/// and the Vietnamese letters, the Latin-1 characters that the encoding leaves
/// free (e.g. `«` in VNI) are encoded; control characters whose position the
/// encoding reuses for a letter are not. For [`LegacyEncoding::Utf8`] this is
/// the NFC text's UTF-8.
///
/// ```
/// use vanban::encoding::{encode, LegacyEncoding};
///
/// assert_eq!(encode("Cộng hòa", LegacyEncoding::Vni).unwrap(), b"Co\xe4ng ho\xf8a");
/// assert_eq!(encode("Cộng hòa", LegacyEncoding::Tcvn3).unwrap(), b"C\xe9ng h\xdfa");
/// assert_eq!(encode("漢", LegacyEncoding::Viscii), None);
/// ```
pub fn encode(text: &str, enc: LegacyEncoding) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    match enc {
        LegacyEncoding::Utf8 => out.extend(text.nfc().collect::<String>().bytes()),
        LegacyEncoding::Tcvn3 => {
            for c in text.nfc() {
                out.push(*tcvn3_inverse().get(&c)?);
            }
        }
        LegacyEncoding::Viscii => {
            for c in text.nfc() {
                out.push(*viscii_inverse().get(&c)?);
            }
        }
        LegacyEncoding::Vni => {
            for c in text.nfc() {
                encode_vni_char(c, &mut out)?;
            }
        }
    }
    Some(out)
}

fn encode_vni_char(c: char, out: &mut Vec<u8>) -> Option<()> {
    if c.is_ascii() {
        out.push(c as u8);
        return Some(());
    }
    let upper = c.is_uppercase();
    let lower = c.to_lowercase().next().unwrap_or(c);
    let case = |b: u8| if upper { b - 0x20 } else { b };
    if let Some((b, _)) = VNI_SINGLES.iter().find(|(_, x)| *x == lower) {
        out.push(case(*b));
        return Some(());
    }
    let mut parts = ['\0'; 4];
    let mut n = 0;
    let mut overflow = false;
    decompose_canonical(lower, |d| {
        if n < parts.len() {
            parts[n] = d;
            n += 1;
        } else {
            overflow = true;
        }
    });
    if !overflow && n >= 2 && parts[0].is_ascii_lowercase() {
        let base = parts[0];
        let (mut hat, mut horn, mut tone, mut other) = (Hat::None, false, None, false);
        for m in &parts[1..n] {
            match *m {
                CIRCUMFLEX => hat = Hat::Circumflex,
                BREVE => hat = Hat::Breve,
                HORN => horn = true,
                GRAVE | ACUTE | HOOK | TILDE | DOT => tone = Some(*m),
                _ => other = true,
            }
        }
        let base_byte = if horn {
            match base {
                'o' => Some(0xF4),
                'u' => Some(0xF6),
                _ => None,
            }
            .filter(|_| hat == Hat::None)
        } else if vni_takes(base, hat) && !(hat == Hat::None && tone.is_none()) {
            Some(if upper {
                base.to_ascii_uppercase() as u8
            } else {
                base as u8
            })
        } else {
            None
        };
        if let (false, Some(bb)) = (other, base_byte) {
            let bb = if horn { case(bb) } else { bb };
            if hat == Hat::None && tone.is_none() {
                out.push(bb);
                return Some(());
            }
            let mark = VNI_MARKS
                .iter()
                .find(|(_, h, t)| *h == hat && *t == tone)
                .map(|(b, _, _)| *b)?;
            out.push(bb);
            out.push(case(mark));
            return Some(());
        }
    }
    // A Latin-1 character is written as its Windows-1252 byte, unless VNI uses
    // that byte for itself.
    if ('\u{80}'..='\u{9F}').contains(&c) {
        return None;
    }
    let b = cp1252_byte(c)?;
    if vni_single(b).is_some() || vni_mark(b).is_some() {
        return None;
    }
    out.push(b);
    Some(())
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

/// Word statistics of a decoded candidate.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    /// Words with at least one non-ASCII letter.
    words: u32,
    /// Of those, well-formed Vietnamese syllables.
    valid: u32,
    /// Of the valid ones, very common words.
    common: u32,
    /// Characters that do not belong in Vietnamese text.
    bad: u32,
}

impl Score {
    /// Share of well-formed words, with stray characters counted against it.
    fn quality(&self) -> f32 {
        let total = self.words + self.bad;
        if total == 0 {
            0.0
        } else {
            self.valid as f32 / total as f32
        }
    }

    /// Words that are not Vietnamese plus stray characters.
    fn defects(&self) -> u32 {
        self.words - self.valid + self.bad
    }

    /// What candidates are ranked by: quality, and among readings that are all
    /// well-formed, the one made of more real, frequent words (a wrong 8-bit
    /// reading often still gives well-formed but non-existent syllables).
    fn rank_key(&self) -> f32 {
        let common = if self.words == 0 {
            0.0
        } else {
            self.common as f32 / self.words as f32
        };
        self.quality() + 0.5 * common
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36F}').contains(&c)
}

// Typographic characters common in Vietnamese documents; any other non-ASCII,
// non-letter character is evidence of a wrong decoding. Latin-1 symbols such
// as ° or ± are left out on purpose: the legacy encodings put letters there.
fn is_usual_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{A0}'
            | '–'
            | '—'
            | '‘'
            | '’'
            | '“'
            | '”'
            | '•'
            | '…'
            | '≤'
            | '≥'
            | '→'
            | '№'
            | '\u{FEFF}'
            | '\u{200B}'
    )
}

fn score(text: &str) -> Score {
    let mut s = Score::default();
    let mut word = String::new();
    let mut non_ascii = false;
    // "vỔ" or "hƯa": a capital after a small letter, typical of a wrong reading.
    let mut mixed_case = false;
    let mut last_lower = false;
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_word_char(c) {
            word.extend(c.to_lowercase());
            non_ascii |= !c.is_ascii();
            mixed_case |= last_lower && c.is_uppercase();
            last_lower = c.is_lowercase();
            continue;
        }
        if !word.is_empty() {
            if non_ascii {
                s.words += 1;
                if !mixed_case && is_syllable(&word) {
                    s.valid += 1;
                    if is_common_word(&word) {
                        s.common += 1;
                    }
                }
            }
            word.clear();
            non_ascii = false;
        }
        mixed_case = false;
        last_lower = false;
        let stray_control = c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C');
        if stray_control || (!c.is_ascii() && !is_usual_symbol(c)) {
            s.bad += 1;
        }
    }
    s
}

fn is_common_word(word: &str) -> bool {
    // Frequent syllables of administrative Vietnamese (with diacritics: the
    // ASCII ones read the same in every encoding).
    matches!(
        word,
        "của"
            | "và"
            | "các"
            | "có"
            | "được"
            | "là"
            | "những"
            | "không"
            | "người"
            | "với"
            | "một"
            | "này"
            | "để"
            | "đã"
            | "về"
            | "từ"
            | "năm"
            | "ngày"
            | "tháng"
            | "số"
            | "định"
            | "nghị"
            | "quyết"
            | "điều"
            | "khoản"
            | "luật"
            | "thông"
            | "tư"
            | "văn"
            | "bản"
            | "hành"
            | "chính"
            | "phủ"
            | "nhà"
            | "nước"
            | "quốc"
            | "hội"
            | "ủy"
            | "uỷ"
            | "dân"
            | "tỉnh"
            | "huyện"
            | "xã"
            | "phường"
            | "thành"
            | "phố"
            | "quận"
            | "cơ"
            | "đơn"
            | "vị"
            | "tổ"
            | "chức"
            | "cá"
            | "nhân"
            | "công"
            | "tác"
            | "việc"
            | "thực"
            | "hiện"
            | "quản"
            | "lý"
            | "cấp"
            | "đồng"
            | "thời"
            | "hạn"
            | "kế"
            | "hoạch"
            | "báo"
            | "cáo"
            | "trách"
            | "nhiệm"
            | "thủ"
            | "tướng"
            | "bộ"
            | "trưởng"
            | "phó"
            | "chủ"
            | "tịch"
            | "xây"
            | "dựng"
            | "hướng"
            | "dẫn"
            | "đến"
            | "tại"
            | "trên"
            | "như"
            | "phải"
            | "đề"
            | "giải"
            | "đầu"
            | "sự"
            | "nội"
            | "mục"
            | "tiêu"
            | "phát"
            | "triển"
            | "tế"
            | "lực"
            | "hiệu"
            | "biện"
            | "pháp"
            | "kiểm"
            | "sở"
            | "ngành"
            | "địa"
            | "phương"
            | "ương"
            | "kết"
            | "quả"
            | "hoạt"
            | "động"
            | "đảm"
            | "bảo"
            | "yêu"
            | "cầu"
            | "mới"
            | "sẽ"
            | "đó"
            | "chỉ"
            | "đạo"
            | "nhiều"
            | "trường"
            | "hợp"
            | "thuộc"
            | "liên"
            | "tài"
            | "sách"
            | "chương"
            | "trình"
            | "đối"
            | "tượng"
            | "hồ"
            | "sơ"
            | "tục"
            | "giáo"
            | "dục"
            | "phòng"
            | "cộng"
            | "hòa"
            | "hoà"
            | "nghĩa"
            | "việt"
            | "độc"
            | "lập"
            | "tự"
            | "hạnh"
            | "phúc"
            | "căn"
            | "cứ"
            | "ký"
            | "điểm"
            | "phần"
            | "trước"
            | "cùng"
            | "giữa"
            | "đất"
            | "đai"
            | "môi"
            | "thuế"
            | "phí"
            | "giá"
            | "tiền"
            | "nghìn"
            | "triệu"
            | "tỷ"
            | "tỉ"
            | "vụ"
            | "gồm"
            | "bổ"
            | "sửa"
            | "đổi"
            | "dụng"
            | "chịu"
            | "cả"
            | "lại"
            | "nếu"
            | "vào"
            | "còn"
    )
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// Length of the initial consonant of a toneless lower-case syllable.
fn initial_len(w: &[char]) -> usize {
    let vowel_at = |k: usize| w.get(k).is_some_and(|c| is_vowel(*c));
    match w {
        ['n', 'g', 'h', ..] => 3,
        // "gi" is an initial only before another vowel: "gia", but "gìn" is g + ì + n.
        ['g', 'i', ..] if vowel_at(2) => 2,
        ['q', 'u', ..] => 2,
        ['c', 'h', ..]
        | ['g', 'h', ..]
        | ['k', 'h', ..]
        | ['n', 'g', ..]
        | ['n', 'h', ..]
        | ['p', 'h', ..]
        | ['t', 'h', ..]
        | ['t', 'r', ..] => 2,
        [c, ..] if "bcdđghklmnprstvx".contains(*c) => 1,
        _ => 0,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Rime {
    /// Ends in a vowel or semivowel: no final consonant.
    Open,
    /// Final consonant optional.
    Either,
    /// Needs a final consonant.
    Closed,
}

fn rime_kind(nucleus: &[char]) -> Option<Rime> {
    use Rime::*;
    Some(match nucleus {
        ['a'] | ['e'] | ['ê'] | ['i'] | ['o'] | ['ô'] | ['ơ'] | ['u'] | ['ư'] | ['y'] => Either,
        ['o', 'a'] | ['o', 'e'] | ['u', 'ê'] | ['u', 'y'] => Either,
        ['ă'] | ['â'] | ['i', 'ê'] | ['y', 'ê'] | ['u', 'ô'] | ['ư', 'ơ'] => Closed,
        ['u', 'y', 'ê'] | ['o', 'ă'] | ['u', 'â'] | ['o', 'o'] => Closed,
        ['a', 'i'] | ['a', 'o'] | ['a', 'u'] | ['a', 'y'] | ['â', 'u'] | ['â', 'y'] => Open,
        ['e', 'o'] | ['ê', 'u'] | ['i', 'a'] | ['i', 'u'] | ['o', 'i'] | ['ô', 'i'] => Open,
        ['ơ', 'i'] | ['u', 'a'] | ['u', 'i'] | ['ư', 'a'] | ['ư', 'i'] | ['ư', 'u'] => Open,
        ['u', 'ơ'] | ['i', 'ê', 'u'] | ['y', 'ê', 'u'] | ['o', 'a', 'i'] | ['o', 'a', 'y'] => {
            Open
        }
        ['o', 'a', 'o'] | ['o', 'e', 'o'] | ['u', 'â', 'y'] | ['u', 'ô', 'i'] => Open,
        ['ư', 'ơ', 'i'] | ['ư', 'ơ', 'u'] | ['u', 'y', 'a'] | ['u', 'y', 'u'] => Open,
        _ => return None,
    })
}

/// Whether a lower-case word is a well-formed Vietnamese syllable: initial
/// consonant, a known vowel cluster, an allowed final, at most one tone, and a
/// stop final (c, ch, p, t) only with the acute or dot tone.
fn is_syllable(word: &str) -> bool {
    let mut letters = ['\0'; 8];
    let mut n = 0;
    let mut tone = 0u8;
    for c in word.chars() {
        let Some((base, t)) = split_tone(c) else {
            return false;
        };
        if n == letters.len() {
            return false;
        }
        if t != 0 {
            if tone != 0 {
                return false;
            }
            tone = t;
        }
        letters[n] = base;
        n += 1;
    }
    let w = &letters[..n];
    let rest = &w[initial_len(w)..];
    let vowels = rest.iter().take_while(|c| is_vowel(**c)).count();
    if vowels == 0 {
        return false;
    }
    let Some(kind) = rime_kind(&rest[..vowels]) else {
        return false;
    };
    let stop = match &rest[vowels..] {
        [] => {
            return kind != Rime::Closed;
        }
        ['c'] | ['p'] | ['t'] | ['c', 'h'] => true,
        ['m'] | ['n'] | ['n', 'g'] | ['n', 'h'] => false,
        _ => return false,
    };
    kind != Rime::Open && (!stop || tone == TONE_ACUTE || tone == TONE_DOT)
}

// ---------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------

/// Below this quality a reading is not taken to be Vietnamese at all.
const MIN_QUALITY: f32 = 0.5;
/// How much better than the text as it stands a repair must read; it keeps
/// clean text with an odd word or two from being "repaired".
const MOJIBAKE_MARGIN: f32 = 0.1;

struct Candidate {
    encoding: LegacyEncoding,
    score: Score,
    text: String,
}

/// Ranks candidate readings: the best, and the rank key of the runner-up.
fn rank(mut candidates: Vec<Candidate>) -> Option<(Candidate, f32)> {
    // Stable sort: on a tie the earlier (preferred) encoding stays first.
    candidates.sort_by(|a, b| b.score.rank_key().total_cmp(&a.score.rank_key()));
    let runner_up = candidates.get(1).map_or(0.0, |c| c.score.rank_key());
    let best = candidates.into_iter().next()?;
    Some((best, runner_up))
}

fn confidence(best: &Score, runner_up: f32) -> f32 {
    // Real documents hold abbreviations and foreign words, so a quality of 0.8
    // is already as good as text gets.
    let quality = (best.quality() / 0.8).min(1.0);
    let lead = ((best.rank_key() - runner_up) / 0.4).clamp(0.0, 1.0);
    let n = best.valid as f32;
    let evidence = n / (n + 2.0);
    (quality * (0.4 + 0.6 * lead) * (0.5 + 0.5 * evidence)).clamp(0.0, 1.0)
}

fn candidate(bytes: &[u8], encoding: LegacyEncoding) -> Candidate {
    let (text, stray) = match encoding {
        LegacyEncoding::Vni => decode_vni_counting(bytes),
        _ => (decode(bytes, encoding), 0),
    };
    let mut score = score(&text);
    score.bad += stray;
    Candidate {
        encoding,
        score,
        text,
    }
}

fn analyse_raw(bytes: &[u8]) -> Option<(Detection, String)> {
    let candidates = [
        LegacyEncoding::Tcvn3,
        LegacyEncoding::Vni,
        LegacyEncoding::Viscii,
        LegacyEncoding::Utf8,
    ]
    .into_iter()
    .map(|enc| candidate(bytes, enc))
    .collect();
    let (best, runner_up) = rank(candidates)?;
    if best.score.valid == 0 || best.score.quality() < MIN_QUALITY {
        return None;
    }
    let detection = Detection {
        encoding: best.encoding,
        mojibake: false,
        confidence: confidence(&best.score, runner_up),
    };
    Some((detection, best.text))
}

fn analyse_mojibake(text: &str) -> Option<(Detection, String)> {
    if text.is_ascii() {
        return None;
    }
    let raw = encode_windows_1252(text)?;
    let as_is = score(text);
    if as_is.defects() == 0 {
        // Nothing in the text is out of place: there is nothing to repair.
        return None;
    }
    let normalized: String = text.nfc().collect();
    let candidates = [
        LegacyEncoding::Utf8,
        LegacyEncoding::Tcvn3,
        LegacyEncoding::Vni,
        LegacyEncoding::Viscii,
    ]
    .into_iter()
    .map(|enc| candidate(&raw, enc))
    .filter(|c| c.text != normalized)
    .collect();
    let (best, runner_up) = rank(candidates)?;
    let s = best.score;
    // The repair must remove defects, not trade them for others.
    if s.valid == 0
        || s.quality() < MIN_QUALITY
        || s.defects() >= as_is.defects()
        || s.rank_key() < as_is.rank_key() + MOJIBAKE_MARGIN
    {
        return None;
    }
    let detection = Detection {
        encoding: best.encoding,
        mojibake: true,
        confidence: confidence(&s, runner_up.max(as_is.rank_key())),
    };
    Some((detection, best.text))
}

/// Guesses how `bytes` holding Vietnamese text are encoded.
///
/// * Invalid UTF-8: the bytes are decoded as TCVN3, VNI, VISCII and (lossily)
///   UTF-8, and the reading with the largest share of well-formed Vietnamese
///   words wins ([`Detection::mojibake`] is `false`; [`LegacyEncoding::Utf8`]
///   means UTF-8 with some damaged bytes).
/// * Valid UTF-8 whose characters all exist in Windows-1252: the text is turned
///   back into Windows-1252 bytes and those are read as UTF-8, TCVN3, VNI and
///   VISCII; a reading that is clearly better Vietnamese than the text as it is
///   gives a mojibake detection.
///
/// Returns `None` when there is nothing to fix — ASCII, or clean UTF-8
/// Vietnamese — and when no reading looks like Vietnamese.
///
/// ```
/// use vanban::encoding::{detect, LegacyEncoding};
///
/// assert_eq!(detect("Cộng hòa xã hội chủ nghĩa Việt Nam".as_bytes()), None);
/// assert_eq!(detect(b"Quyet dinh so 701"), None);
///
/// let vni = b"Co\xe4ng ho\xf8a xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam";
/// let found = detect(vni).unwrap();
/// assert_eq!((found.encoding, found.mojibake), (LegacyEncoding::Vni, false));
/// assert!(found.confidence > 0.7);
///
/// let found = detect("Cá»™ng hÃ²a xÃ£ há»™i chá»§ nghÄ©a Viá»‡t Nam".as_bytes()).unwrap();
/// assert_eq!((found.encoding, found.mojibake), (LegacyEncoding::Utf8, true));
/// ```
pub fn detect(bytes: &[u8]) -> Option<Detection> {
    match std::str::from_utf8(bytes) {
        Ok(text) => analyse_mojibake(text).map(|(d, _)| d),
        Err(_) => analyse_raw(bytes).map(|(d, _)| d),
    }
}

/// Repairs mojibake: text whose characters are the Windows-1252 reading of
/// TCVN3, VNI, VISCII or UTF-8 bytes. Returns the encoding the text was
/// originally in and the repaired text (NFC), or `None` if the text does not
/// look like mojibake (it is then best left as it is).
///
/// The whole text must be mojibake of one kind; text that mixes it with clean
/// Vietnamese (e.g. *ộ*, which Windows-1252 cannot hold) is left alone.
///
/// ```
/// use vanban::encoding::{repair_mojibake, LegacyEncoding};
///
/// assert_eq!(
///     repair_mojibake("Cá»™ng hÃ²a"),
///     Some((LegacyEncoding::Utf8, "Cộng hòa".to_owned()))
/// );
/// assert_eq!(
///     repair_mojibake("Ñoäc laäp - Töï do - Haïnh phuùc"),
///     Some((LegacyEncoding::Vni, "Độc lập - Tự do - Hạnh phúc".to_owned()))
/// );
/// assert_eq!(repair_mojibake("Xin chào"), None);
/// ```
pub fn repair_mojibake(text: &str) -> Option<(LegacyEncoding, String)> {
    analyse_mojibake(text).map(|(d, fixed)| (d.encoding, fixed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables() {
        for w in [
            "của", "được", "người", "nghĩa", "quyết", "giữa", "gìn", "khuya", "nguyễn", "ngoài",
            "thuở", "huỳnh", "luật", "xoong", "yêu", "ấy", "tiếp", "việt", "khuếch", "oái",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in [
            "céng", "héi", "hoµ", "chñ", "nghüa", "coäng", "viêt", "tiêp", "qđ", "hàyt", "aim",
        ] {
            // "céng" is a legal shape (c + é + ng), the rest are not.
            assert_eq!(is_syllable(w), w == "céng", "{w}");
        }
    }

    #[test]
    fn cp1252_round_trip() {
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(encode_windows_1252(&decode_windows_1252(&all)), Some(all));
    }
}

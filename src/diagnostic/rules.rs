//! The rule catalogue: every code the parser and the validator report, with its severity,
//! its messages and the clause it enforces. Below both `document` (whose diagnostics are
//! `VB0xx`) and `validate` (the rest), so that neither imports the other for it; the table
//! in `validate`'s docs is checked against it.

use std::fmt;
use std::str::FromStr;

use super::Severity;

/// One rule of the catalogue.
///
/// ```
/// let r = vanban::DiagnosticCode::VB402.rule();
/// assert_eq!(r.severity, vanban::Severity::Error);
/// assert!(r.source.starts_with("NĐ 30/2020"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable code (`VB101`).
    pub code: DiagnosticCode,
    /// Default severity.
    pub severity: Severity,
    /// What it checks (English, for the table).
    pub checks: &'static str,
    /// The Vietnamese message.
    pub message_vi: &'static str,
    /// The English message.
    pub message_en: &'static str,
    /// The clause enforced.
    pub source: &'static str,
    /// A failing example.
    pub example: &'static str,
}

impl Rule {
    /// The row of the Markdown table in the module docs.
    ///
    /// ```
    /// let r = vanban::validate::rule("VB004").unwrap();
    /// assert_eq!(r.table_row(), "| VB004 | note | blank number (a draft) | NĐ 30/2020, Điều 15.2 | `Số: /SVHTTDL-VP` |");
    /// ```
    pub fn table_row(&self) -> String {
        format!(
            "| {} | {} | {} | {} | {} |",
            self.code,
            self.severity.as_str(),
            self.checks,
            self.source,
            self.example
        )
    }
}

macro_rules! rules {
    ($( $code:ident, $sev:ident, $checks:literal, $vi:literal, $en:literal, $src:literal, $ex:literal; )*) => {
        /// The code of a rule of the catalogue ([`RULES`]): a diagnostic can only carry
        /// one of these, never a made-up code. Written and parsed as the code
        /// (`VB004`); codes are never renumbered.
        ///
        /// ```
        /// use vanban::DiagnosticCode;
        /// let c: DiagnosticCode = "VB004".parse()?;
        /// assert_eq!(c, DiagnosticCode::VB004);
        /// assert_eq!(c.to_string(), "VB004");
        /// assert_eq!(c.rule().source, "NĐ 30/2020, Điều 15.2");
        /// assert!("NOPE".parse::<DiagnosticCode>().is_err());
        /// # Ok::<(), vanban::diagnostic::UnknownCode>(())
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        #[allow(missing_docs)] // Each is documented by its row of the catalogue.
        pub enum DiagnosticCode {
            $( $code, )*
        }

        impl DiagnosticCode {
            /// Every code, in code order (the order of [`RULES`]).
            ///
            /// ```
            /// assert_eq!(vanban::DiagnosticCode::ALL.len(), vanban::validate::RULES.len());
            /// ```
            pub const ALL: &'static [DiagnosticCode] = &[$( DiagnosticCode::$code, )*];

            /// The code as written (`VB004`).
            ///
            /// ```
            /// assert_eq!(vanban::DiagnosticCode::VB201.as_str(), "VB201");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self {
                    $( DiagnosticCode::$code => stringify!($code), )*
                }
            }
        }

        /// The rule catalogue: every code the parser and the validator report, in code order.
        ///
        /// ```
        /// assert!(vanban::validate::RULES.windows(2).all(|w| w[0].code < w[1].code));
        /// ```
        pub static RULES: &[Rule] = &[
            $( Rule { code: DiagnosticCode::$code, severity: Severity::$sev, checks: $checks,
                      message_vi: $vi, message_en: $en, source: $src, example: $ex }, )*
        ];
    };
}

rules! {
    VB001, Warning, "no Quốc hiệu and Tiêu ngữ (or Party line)", "thiếu Quốc hiệu và Tiêu ngữ", "no quốc hiệu or party line found", "NĐ 30/2020, Điều 8.1; Phụ lục I, II.1", "a text starting at `Số: /SVHTTDL-VP`";
    VB002, Warning, "no issuer", "thiếu tên cơ quan, tổ chức ban hành văn bản", "no issuer found", "NĐ 30/2020, Điều 8.2; Phụ lục I, II.2", "no `SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH` line";
    VB003, Error, "no số, ký hiệu", "thiếu số, ký hiệu của văn bản", "no số, ký hiệu found", "NĐ 30/2020, Điều 8.3; Phụ lục I, II.3", "no `Số:` line";
    VB004, Note, "blank number (a draft)", "số văn bản để trống (dự thảo, cấp số khi ký ban hành)", "the number is blank (draft)", "NĐ 30/2020, Điều 15.2", "`Số: /SVHTTDL-VP`";
    VB005, Error, "no place and date", "thiếu địa danh và thời gian ban hành", "no place and date found", "NĐ 30/2020, Điều 8.4; Phụ lục I, II.4", "no `Lai Châu, ngày …` line";
    VB006, Warning, "header date without a day (a note for a draft)", "ngày ban hành thiếu ngày", "the date has no day", "NĐ 30/2020, Phụ lục I, II.4", "`Hà Nội, ngày   tháng 6 năm 2023`";
    VB007, Warning, "no kind heading and no V/v subject", "thiếu tên loại văn bản và trích yếu V/v", "no kind heading and no v/v subject", "NĐ 30/2020, Phụ lục I, II.5", "no `QUYẾT ĐỊNH` and no `V/v`";
    VB008, Warning, "no subject (trích yếu)", "thiếu trích yếu nội dung", "no subject found", "NĐ 30/2020, Phụ lục I, II.5", "`QUYẾT ĐỊNH` followed by `Căn cứ`";
    VB009, Warning, "no signature block", "thiếu chức vụ, họ tên và chữ ký của người có thẩm quyền", "no signature block found", "NĐ 30/2020, Điều 8.7; Phụ lục I, II.7", "text ending after `./.`";
    VB010, Warning, "no Nơi nhận (laws have none)", "thiếu nơi nhận", "no nơi nhận found", "NĐ 30/2020, Điều 8.9; Phụ lục I, II.9", "no `Nơi nhận:`";
    VB011, Note, "number written in another irregular form", "số, ký hiệu viết không đúng thể thức", "number written irregularly", "NĐ 30/2020, Phụ lục I, II.3", "`82/2005-QĐ-UBND`";
    VB012, Error, "text beyond the parser's limits: only its beginning was read", "văn bản vượt giới hạn xử lý: chỉ đọc phần đầu", "the text is beyond the parser's limits: only its beginning was read", "vanban limits (MAX_INPUT_LEN, MAX_LINES)", "a 100 MB text";
    VB013, Warning, "more outline nodes than the limit: the outline stops", "bố cục quá nhiều mục: chỉ đọc đến giới hạn", "more outline nodes than the limit: the outline stops here", "vanban limits (MAX_OUTLINE_NODES, OUTLINE_BYTES_PER_NODE)", "a million `1.` lines";
    VB101, Warning, "number below 10 without its leading zero", "số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước", "a number below 10 needs a leading zero", "NĐ 30/2020, Phụ lục I, II.3", "`Số: 5/2000/TT-BXD`";
    VB102, Error, "kind in the number disagrees with the kind heading", "chữ viết tắt tên loại trong ký hiệu không khớp tên loại văn bản", "the kind in the number disagrees with the kind heading", "NĐ 30/2020, Phụ lục I, II.3; Phụ lục III", "`QUYẾT ĐỊNH` numbered `12/KH-UBND`";
    VB103, Warning, "unknown kind code in the number", "chữ viết tắt tên loại không có trong Phụ lục III", "unknown kind code in the number", "NĐ 30/2020, Phụ lục III", "`QUYẾT ĐỊNH` numbered `12/QĐN-UBND`";
    VB104, Warning, "công văn subject without `V/v`", "trích yếu công văn phải bắt đầu bằng V/v", "the subject of a công văn should start with v/v", "NĐ 30/2020, Phụ lục I, II.5.b", "`Số: 12/UBND-VX` then `Về việc …`";
    VB105, Warning, "white space inside the number", "số, ký hiệu không được có dấu cách", "white space inside the number", "NĐ 30/2020, Phụ lục I, II.3", "`Số: 773 /QĐ-TTg`";
    VB106, Warning, "a dash variant instead of `-` in the number", "dùng gạch ngang (-) giữa các nhóm chữ viết tắt", "a dash variant instead of '-' in the number", "NĐ 30/2020, Phụ lục I, II.3", "`Số: 12/QĐ–UBND`";
    VB107, Warning, "`Ð` (U+00D0) instead of `Đ` in the number", "ký tự Ð (U+00D0) thay cho Đ trong ký hiệu", "'Ð' (U+00D0) instead of 'Đ' in the number", "NĐ 30/2020, Phụ lục I, II.3; TCVN 6909:2001", "`Số: 12/QÐ-UBND`";
    VB108, Warning, "a code in the number in another case than the catalogue's", "chữ viết tắt trong ký hiệu viết sai chữ hoa, chữ thường", "a code in the number in another case than the catalogue's", "NĐ 30/2020, Phụ lục III", "`Số: 12/QĐ-TTG`";
    VB201, Warning, "a cited document's date without a day", "ngày của văn bản được dẫn thiếu ngày", "the cited document's date has no day", "NĐ 30/2020, Phụ lục I, II.4", "`Báo cáo số 198/BC-UBND ngày /6/2023`";
    VB202, Warning, "header day below 10 or month 1, 2 without a leading zero", "ngày dưới 10 và tháng 1, 2 phải ghi thêm số 0 phía trước", "a day below 10 or month 1 or 2 needs a leading zero", "NĐ 30/2020, Phụ lục I, II.4", "`Hà Nội, ngày 5 tháng 1 năm 2020`";
    VB203, Error, "impossible date", "ngày tháng không tồn tại", "impossible date", "NĐ 30/2020, Phụ lục I, II.4", "`ngày 30 tháng 02 năm 2021`";
    VB204, Warning, "a cited document dated after the citing document", "văn bản được dẫn có ngày sau ngày ban hành văn bản này", "the cited document is dated after this document", "NĐ 30/2020, Phụ lục I, II.4", "`ngày 15/7/2031` in a 2023 document";
    VB205, Error, "a normative number whose year disagrees with its date", "năm trong số, ký hiệu khác năm ban hành", "the year in the number disagrees with the date", "Luật 80/2015, Điều 8; NĐ 30/2020, Phụ lục I, II.3", "`Số: 12/2021/QĐ-UBND` dated `ngày 05 tháng 01 năm 2022`";
    VB301, Warning, "Nơi nhận without `Lưu`", "nơi nhận thiếu dòng Lưu: VT", "nơi nhận has no 'lưu: vt' line", "NĐ 30/2020, Phụ lục I, II.9", "`Nơi nhận: - Như trên.`";
    VB302, Warning, "`Lưu` without `VT` (state documents)", "dòng Lưu thiếu VT (văn thư)", "'lưu' without 'vt'", "NĐ 30/2020, Phụ lục I, II.9", "`- Lưu: VP.`";
    VB303, Warning, "drafting unit in `Lưu` differs from the unit in the number", "đơn vị soạn thảo ở dòng Lưu khác đơn vị trong ký hiệu", "the drafting unit in 'lưu' differs from the unit in the number", "NĐ 30/2020, Phụ lục I, II.3 and II.9", "`/SVHTTDL-VP` with `Lưu: VT, KH`";
    VB304, Warning, "công văn, tờ trình, báo cáo with Kính gửi but without `Như trên`", "nơi nhận thiếu dòng Như trên", "nơi nhận has no 'như trên' for the kính gửi addressees", "NĐ 30/2020, Phụ lục I, II.9", "`Kính gửi: …` with `Nơi nhận: - UBND tỉnh;`";
    VB401, Warning, "signature block without the signer's name", "thiếu họ tên người ký", "the signature block has no signer name", "NĐ 30/2020, Phụ lục I, II.7", "`KT. GIÁM ĐỐC` / `PHÓ GIÁM ĐỐC` and no name";
    VB402, Error, "`KT.` whose title is not a deputy's", "ký thay (KT.) nhưng chức vụ người ký không phải cấp phó", "'kt.' but the signer's title is not a deputy's", "NĐ 30/2020, Điều 13.1; Phụ lục I, II.7", "`KT. BỘ TRƯỞNG` / `THỦ TRƯỞNG`";
    VB403, Warning, "`TM.` of a body that is not collective", "thay mặt (TM.) chỉ dùng cho tập thể lãnh đạo", "'tm.' of a body that is not collective", "NĐ 30/2020, Điều 13.1; Phụ lục I, II.7", "`TM. GIÁM ĐỐC SỞ`";
    VB404, Warning, "unknown authority prefix", "quyền hạn ký viết không đúng (TM., KT., TL., TUQ., Q.)", "unknown authority prefix", "NĐ 30/2020, Phụ lục I, II.7; HD 36", "`T.M. ỦY BAN NHÂN DÂN`";
    VB501, Warning, "text not in Unicode NFC", "văn bản không ở dạng Unicode dựng sẵn (NFC)", "text not in unicode nfc", "NĐ 30/2020, Phụ lục I, I.2; TCVN 6909:2001", "`Quyê\\u{0301}t đi\\u{0323}nh`";
    VB502, Warning, "`Ð` (U+00D0, eth) for `Đ` in the text", "ký tự Ð (U+00D0) thay cho Đ", "'Ð' (U+00D0, eth) for 'Đ'", "NĐ 30/2020, Phụ lục I, I.2; TCVN 6909:2001", "`ÐIỀU 1`";
    VB503, Warning, "control or zero-width characters", "ký tự điều khiển hoặc ký tự vô hình", "control or zero-width character", "NĐ 30/2020, Phụ lục I, I.2; TCVN 6909:2001", "`Quyết\\u{200B}định`";
    VB504, Warning, "legacy-encoding mojibake", "lỗi mã hóa ký tự (phông chữ cũ)", "legacy-encoding mojibake", "NĐ 30/2020, Phụ lục I, I.2; TCVN 6909:2001", "`Ñoäc laäp - Töï do`";
    VB601, Warning, "Quốc hiệu or Tiêu ngữ misspelt", "Quốc hiệu hoặc Tiêu ngữ viết sai", "quốc hiệu or tiêu ngữ misspelt", "NĐ 30/2020, Phụ lục I, II.1", "`CONG HOA XA HOI CHU NGHIA VIET NAM`";
    VB602, Error, "Điều numbers skipping or repeating", "số thứ tự Điều bị nhảy hoặc lặp", "article numbers skip or repeat", "NĐ 30/2020, Phụ lục I, II.6; Luật 80/2015, Điều 8", "`Điều 2.` followed by `Điều 4.`";
    VB603, Warning, "khoản or điểm out of order", "số thứ tự khoản hoặc điểm không liên tục", "clause or point out of order", "NĐ 30/2020, Phụ lục I, II.6; Luật 80/2015, Điều 8", "`1.` followed by `3.` in an Điều";
    VB701, Warning, "the same document cited with different dates", "cùng một văn bản được dẫn với ngày khác nhau", "the same document is cited with different dates", "NĐ 30/2020, Phụ lục I, II.6", "`198/BC-UBND ngày 07/6/2023` and `ngày /6/2023`";
    VB702, Warning, "the same document cited as different kinds", "cùng một văn bản được dẫn với tên loại khác nhau", "the same document is cited as different kinds", "NĐ 30/2020, Phụ lục I, II.6", "`Quyết định số 12/UBND-VX`, `Công văn số 12/UBND-VX`";
    VB703, Warning, "the document cites its own number in its body", "văn bản dẫn chính số, ký hiệu của mình", "the document cites its own number", "NĐ 30/2020, Phụ lục I, II.6", "`thực hiện Quyết định số 12/QĐ-UBND` in 12/QĐ-UBND";
}

/// The catalogue row of `code`, written as a string (`VB201`); `None` for a code the
/// catalogue does not hold.
///
/// ```
/// let r = vanban::validate::rule("VB201").unwrap();
/// assert_eq!(r.source, "NĐ 30/2020, Phụ lục I, II.4");
/// assert!(vanban::validate::rule("VB999").is_none());
/// ```
pub fn rule(code: &str) -> Option<&'static Rule> {
    code.parse::<DiagnosticCode>()
        .ok()
        .map(DiagnosticCode::rule)
}

impl DiagnosticCode {
    /// The catalogue row of this code: its severity, messages and the clause it enforces.
    ///
    /// ```
    /// use vanban::{DiagnosticCode, Severity};
    /// assert_eq!(DiagnosticCode::VB003.rule().severity, Severity::Error);
    /// ```
    pub fn rule(self) -> &'static Rule {
        // `RULES` is in the order of the enum: the code is its index.
        &RULES[self as usize]
    }
}

impl fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A code that the catalogue does not hold (`NOPE`, `VB999`).
///
/// ```
/// let e = "VB999".parse::<vanban::DiagnosticCode>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown diagnostic code `VB999`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown diagnostic code `{0}`")]
pub struct UnknownCode(pub String);

impl FromStr for DiagnosticCode {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, UnknownCode> {
        DiagnosticCode::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCode(s.to_string()))
    }
}

impl PartialEq<str> for DiagnosticCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for DiagnosticCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DiagnosticCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DiagnosticCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_its_rule_index_and_parses_back() {
        for (i, c) in DiagnosticCode::ALL.iter().enumerate() {
            assert_eq!(RULES[i].code, *c);
            assert_eq!(c.as_str().parse::<DiagnosticCode>(), Ok(*c));
        }
        assert_eq!(DiagnosticCode::ALL.len(), RULES.len());
    }
}

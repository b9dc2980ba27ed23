//! The catalogue of Vietnamese document kinds (tên loại văn bản) and issuers (cơ quan ban hành).
//!
//! Everything here is data: two tables, [`KINDS`] and [`ISSUERS`], and the lookups that read
//! them. The sources are NĐ 30/2020/NĐ-CP (Điều 7, Phụ lục III) for administrative kinds,
//! Thông tư 01/2011/TT-BNV for the older codes still seen, Luật 64/2025/QH15 (Điều 4) and
//! Luật 80/2015/QH13 for normative kinds, and Hướng dẫn 36-HD/VPTW for Party documents.

use std::fmt;
use std::str::FromStr;

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::text::{fold_key, map_char};

/// A kind of document (tên loại văn bản).
///
/// Variant names are the Vietnamese names without diacritics; each variant's docs give the
/// Vietnamese name, the English gloss and the abbreviation used in a number (ký hiệu).
///
/// ```
/// use vanban::DocKind;
///
/// let k: DocKind = "QĐ".parse().unwrap();
/// assert_eq!(k, DocKind::QuyetDinh);
/// assert_eq!(k.name(), "Quyết định");
/// assert_eq!(DocKind::from_name("QUYẾT ĐỊNH"), Some(DocKind::QuyetDinh));
/// assert_eq!(DocKind::from_name("quyet dinh"), Some(DocKind::QuyetDinh));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum DocKind {
    /// Nghị quyết — resolution (`NQ`).
    NghiQuyet,
    /// Quyết định — decision (`QĐ`).
    QuyetDinh,
    /// Chỉ thị — directive (`CT`).
    ChiThi,
    /// Quy chế — regulation, rules of procedure (`QC`).
    QuyChe,
    /// Quy định — state regulation (`QyĐ`).
    QuyDinh,
    /// Quy định of a Party body (`QĐi`, HD 36).
    QuyDinhDang,
    /// Thông cáo — communiqué (`TC`).
    ThongCao,
    /// Thông báo — notice (`TB`).
    ThongBao,
    /// Hướng dẫn — guidance (`HD`).
    HuongDan,
    /// Chương trình — programme (`CTr`).
    ChuongTrinh,
    /// Kế hoạch — plan (`KH`).
    KeHoach,
    /// Phương án — option, scheme (`PA`).
    PhuongAn,
    /// Đề án — project proposal (`ĐA`).
    DeAn,
    /// Dự án — project (`DA`).
    DuAn,
    /// Báo cáo — report (`BC`).
    BaoCao,
    /// Biên bản — minutes (`BB`).
    BienBan,
    /// Tờ trình — submission (`TTr`).
    ToTrinh,
    /// Hợp đồng — contract (`HĐ`).
    HopDong,
    /// Công văn — official letter (no abbreviation in a state number; `CV` in Party numbers).
    CongVan,
    /// Công điện — official telegram (`CĐ`).
    CongDien,
    /// Bản ghi nhớ — memorandum of understanding (`BGN`; older `GN`).
    BanGhiNho,
    /// Bản thỏa thuận — agreement (`BTT`; older `TTh`).
    BanThoaThuan,
    /// Giấy ủy quyền — letter of authorisation (`GUQ`; older `UQ`).
    GiayUyQuyen,
    /// Giấy mời — invitation (`GM`).
    GiayMoi,
    /// Giấy giới thiệu — letter of introduction (`GGT`).
    GiayGioiThieu,
    /// Giấy nghỉ phép — leave permit (`GNP`; older `NP`).
    GiayNghiPhep,
    /// Phiếu gửi — dispatch slip (`PG`).
    PhieuGui,
    /// Phiếu chuyển — transfer slip (`PC`).
    PhieuChuyen,
    /// Phiếu báo — notification slip (`PB`).
    PhieuBao,
    /// Thư công — official letter of courtesy (no abbreviation).
    ThuCong,
    /// Giấy chứng nhận — certificate (`GCN`, Thông tư 01/2011/TT-BNV).
    GiayChungNhan,
    /// Giấy đi đường — travel permit (`ĐĐ`, Thông tư 01/2011/TT-BNV).
    GiayDiDuong,
    /// Giấy biên nhận hồ sơ — receipt of a file (`BN`, Thông tư 01/2011/TT-BNV).
    GiayBienNhan,
    /// Bản cam kết — undertaking (`CK`, Thông tư 01/2011/TT-BNV).
    BanCamKet,
    /// Hiến pháp — constitution (no abbreviation).
    HienPhap,
    /// Bộ luật — code of law (no abbreviation; numbered `…/QH<khóa>`).
    BoLuat,
    /// Luật — law (no abbreviation; numbered `…/QH<khóa>`).
    Luat,
    /// Pháp lệnh — ordinance of the UBTVQH (`PL`).
    PhapLenh,
    /// Lệnh — order of the President (`L`).
    Lenh,
    /// Nghị định — government decree (`NĐ`).
    NghiDinh,
    /// Thông tư — circular (`TT`).
    ThongTu,
    /// Thông tư liên tịch — joint circular (`TTLT`; older `TTLB`, `TT/LB`).
    ThongTuLienTich,
    /// Nghị quyết liên tịch — joint resolution (`NQLT`).
    NghiQuyetLienTich,
    /// Quyết định liên tịch — joint decision (`QĐLT`, 2008 law).
    QuyetDinhLienTich,
    /// Văn bản hợp nhất — consolidated text (`VBHN`).
    VanBanHopNhat,
    /// Kết luận — conclusion of a Party body (`KL`).
    KetLuan,
    /// Thông tri — Party circular (`TT` in a Party number).
    ThongTri,
    /// Bản sao — Party copy (`BS`).
    BanSao,
    /// Bản sao y — certified copy (`SY`).
    SaoY,
    /// Bản trích sao — extract copy (`TrS`).
    TrichSao,
    /// Bản sao lục — reproduced copy (`SL`).
    SaoLuc,
}

/// Which numbering contexts a kind's code is used in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Contexts {
    pub state: bool,
    pub party: bool,
}

const S: Contexts = Contexts {
    state: true,
    party: false,
};
const P: Contexts = Contexts {
    state: false,
    party: true,
};
const SP: Contexts = Contexts {
    state: true,
    party: true,
};

/// One row of the kind catalogue.
///
/// ```
/// let info = vanban::DocKind::QuyetDinh.info();
/// assert_eq!((info.name, info.abbr), ("Quyết định", Some("QĐ")));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct KindInfo {
    /// The kind.
    pub kind: DocKind,
    /// The abbreviation written in a number, if the kind has one.
    pub abbr: Option<&'static str>,
    /// Older or alternative abbreviations still seen in real numbers.
    pub old_abbrs: &'static [&'static str],
    /// The Vietnamese name.
    pub name: &'static str,
    /// An English gloss.
    pub english: &'static str,
    /// Whether the kind is normative (văn bản quy phạm pháp luật) under Luật 64/2025 or the
    /// 2015 law, rather than administrative or Party.
    pub normative: bool,
    pub(crate) contexts: Contexts,
}

macro_rules! kinds {
    ($( $kind:ident, $abbr:expr, [$($old:expr),*], $name:expr, $en:expr, $norm:expr, $ctx:expr; )*) => {
        /// The kind catalogue: every kind with its abbreviation, older codes, names and use.
        ///
        /// Order matters only for ambiguous lookups: the first row wins.
        ///
        /// ```
        /// assert!(vanban::KINDS.iter().any(|k| k.abbr == Some("NĐ")));
        /// ```
        pub static KINDS: &[KindInfo] = &[
            $( KindInfo { kind: DocKind::$kind, abbr: $abbr, old_abbrs: &[$($old),*], name: $name,
                          english: $en, normative: $norm, contexts: $ctx }, )*
        ];
    };
}

kinds! {
    NghiQuyet, Some("NQ"), [], "Nghị quyết", "resolution", true, SP;
    QuyetDinh, Some("QĐ"), [], "Quyết định", "decision", true, SP;
    ChiThi, Some("CT"), [], "Chỉ thị", "directive", false, SP;
    QuyChe, Some("QC"), [], "Quy chế", "regulation", false, SP;
    QuyDinh, Some("QyĐ"), [], "Quy định", "regulation", false, S;
    QuyDinhDang, Some("QĐi"), [], "Quy định", "Party regulation", false, P;
    ThongCao, Some("TC"), [], "Thông cáo", "communiqué", false, S;
    ThongBao, Some("TB"), [], "Thông báo", "notice", false, SP;
    HuongDan, Some("HD"), [], "Hướng dẫn", "guidance", false, SP;
    ChuongTrinh, Some("CTr"), [], "Chương trình", "programme", false, SP;
    KeHoach, Some("KH"), [], "Kế hoạch", "plan", false, SP;
    PhuongAn, Some("PA"), [], "Phương án", "scheme", false, SP;
    DeAn, Some("ĐA"), [], "Đề án", "project proposal", false, SP;
    DuAn, Some("DA"), [], "Dự án", "project", false, S;
    BaoCao, Some("BC"), [], "Báo cáo", "report", false, SP;
    BienBan, Some("BB"), [], "Biên bản", "minutes", false, SP;
    ToTrinh, Some("TTr"), ["TT-Tr"], "Tờ trình", "submission", false, SP;
    HopDong, Some("HĐ"), [], "Hợp đồng", "contract", false, S;
    CongVan, None, ["CV"], "Công văn", "official letter", false, SP;
    CongDien, Some("CĐ"), [], "Công điện", "official telegram", false, S;
    BanGhiNho, Some("BGN"), ["GN"], "Bản ghi nhớ", "memorandum of understanding", false, S;
    BanThoaThuan, Some("BTT"), ["TTh"], "Bản thỏa thuận", "agreement", false, S;
    GiayUyQuyen, Some("GUQ"), ["UQ"], "Giấy ủy quyền", "letter of authorisation", false, S;
    GiayMoi, Some("GM"), [], "Giấy mời", "invitation", false, S;
    GiayGioiThieu, Some("GGT"), [], "Giấy giới thiệu", "letter of introduction", false, S;
    GiayNghiPhep, Some("GNP"), ["NP"], "Giấy nghỉ phép", "leave permit", false, S;
    PhieuGui, Some("PG"), [], "Phiếu gửi", "dispatch slip", false, S;
    PhieuChuyen, Some("PC"), [], "Phiếu chuyển", "transfer slip", false, S;
    PhieuBao, Some("PB"), [], "Phiếu báo", "notification slip", false, S;
    ThuCong, None, [], "Thư công", "courtesy letter", false, S;
    GiayChungNhan, Some("GCN"), [], "Giấy chứng nhận", "certificate", false, S;
    GiayDiDuong, Some("ĐĐ"), [], "Giấy đi đường", "travel permit", false, S;
    GiayBienNhan, Some("BN"), [], "Giấy biên nhận hồ sơ", "receipt", false, S;
    BanCamKet, Some("CK"), [], "Bản cam kết", "undertaking", false, S;
    HienPhap, None, [], "Hiến pháp", "constitution", true, S;
    BoLuat, None, [], "Bộ luật", "code", true, S;
    Luat, None, [], "Luật", "law", true, S;
    PhapLenh, Some("PL"), [], "Pháp lệnh", "ordinance", true, S;
    Lenh, Some("L"), [], "Lệnh", "order", true, S;
    NghiDinh, Some("NĐ"), [], "Nghị định", "decree", true, S;
    ThongTu, Some("TT"), [], "Thông tư", "circular", true, S;
    ThongTuLienTich, Some("TTLT"), ["TTLB", "TT/LB"], "Thông tư liên tịch", "joint circular", true, S;
    NghiQuyetLienTich, Some("NQLT"), [], "Nghị quyết liên tịch", "joint resolution", true, S;
    QuyetDinhLienTich, Some("QĐLT"), [], "Quyết định liên tịch", "joint decision", true, S;
    VanBanHopNhat, Some("VBHN"), [], "Văn bản hợp nhất", "consolidated text", false, S;
    KetLuan, Some("KL"), [], "Kết luận", "conclusion", false, P;
    ThongTri, Some("TT"), [], "Thông tri", "Party circular", false, P;
    BanSao, Some("BS"), [], "Bản sao", "Party copy", false, P;
    SaoY, Some("SY"), [], "Bản sao y", "certified copy", false, SP;
    TrichSao, Some("TrS"), [], "Bản trích sao", "extract copy", false, SP;
    SaoLuc, Some("SL"), [], "Bản sao lục", "reproduced copy", false, SP;
}

/// Extra spellings accepted by [`DocKind::from_name`], beyond each kind's own name.
const NAME_ALIASES: &[(&str, DocKind)] = &[
    ("Văn bản hợp nhất", DocKind::VanBanHopNhat),
    ("Thông tư liên bộ", DocKind::ThongTuLienTich),
    ("Quyết định liên bộ", DocKind::QuyetDinhLienTich),
    ("Giấy ủy nhiệm", DocKind::GiayUyQuyen),
    ("Bản sao y bản chính", DocKind::SaoY),
    ("Sao y", DocKind::SaoY),
    ("Trích sao", DocKind::TrichSao),
    ("Sao lục", DocKind::SaoLuc),
    ("Điện", DocKind::CongDien),
];

impl DocKind {
    /// This kind's row in [`KINDS`].
    ///
    /// ```
    /// assert_eq!(vanban::DocKind::NghiDinh.info().english, "decree");
    /// ```
    pub fn info(self) -> &'static KindInfo {
        KINDS
            .iter()
            .find(|i| i.kind == self)
            .expect("every DocKind has a row in KINDS")
    }

    /// The Vietnamese name, e.g. `Quyết định`.
    ///
    /// ```
    /// assert_eq!(vanban::DocKind::QuyetDinh.name(), "Quyết định");
    /// ```
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// An English gloss, e.g. `decision`.
    ///
    /// ```
    /// assert_eq!(vanban::DocKind::QuyetDinh.english(), "decision");
    /// ```
    pub fn english(self) -> &'static str {
        self.info().english
    }

    /// The abbreviation written in a number (`QĐ`, `NĐ`, `QĐi`), if the kind has one.
    ///
    /// Công văn, Thư công, Luật, Bộ luật and Hiến pháp have none.
    ///
    /// ```
    /// use vanban::DocKind;
    /// assert_eq!(DocKind::NghiDinh.abbr(), Some("NĐ"));
    /// assert_eq!(DocKind::CongVan.abbr(), None);
    /// ```
    pub fn abbr(self) -> Option<&'static str> {
        self.info().abbr
    }

    /// The short label used in reports and JSON: the abbreviation, or for kinds without one
    /// `CV` (công văn), `LUẬT` (luật, bộ luật), `HP` (hiến pháp), `THƯ` (thư công).
    ///
    /// ```
    /// use vanban::DocKind;
    /// assert_eq!(DocKind::NghiDinh.label(), "NĐ");
    /// assert_eq!(DocKind::CongVan.label(), "CV");
    /// assert_eq!(DocKind::BoLuat.label(), "LUẬT");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            DocKind::CongVan => "CV",
            DocKind::Luat | DocKind::BoLuat => "LUẬT",
            DocKind::HienPhap => "HP",
            DocKind::ThuCong => "THƯ",
            k => k.abbr().unwrap_or("?"),
        }
    }

    /// Whether the kind is a normative document (văn bản quy phạm pháp luật).
    ///
    /// ```
    /// use vanban::DocKind;
    /// assert!(DocKind::ThongTu.is_normative());
    /// assert!(!DocKind::CongVan.is_normative());
    /// ```
    pub fn is_normative(self) -> bool {
        self.info().normative
    }

    /// Looks a kind up by the abbreviation written in a number (`QĐ`, `TTr`, Party `KL`);
    /// where state and Party use one code for two kinds (`TT`), the state kind is returned.
    ///
    /// Exact spelling is tried first, then the same letters in any case, then without
    /// diacritics (`QD` → `QĐ`, as in file names). Returns the kind and whether the spelling
    /// was exact.
    ///
    /// ```
    /// use vanban::DocKind;
    /// assert_eq!(DocKind::from_abbr("TTr"), Some(DocKind::ToTrinh));
    /// assert_eq!(DocKind::from_abbr("nđ"), Some(DocKind::NghiDinh));
    /// assert_eq!(DocKind::from_abbr("ND"), Some(DocKind::NghiDinh));
    /// assert_eq!(DocKind::from_abbr("XYZ"), None);
    /// ```
    pub fn from_abbr(abbr: &str) -> Option<DocKind> {
        lookup_abbr(abbr, false)
            .or_else(|| lookup_abbr(abbr, true))
            .map(|(k, ..)| k)
    }

    /// Looks a kind up by its name, ignoring case, tone-mark placement and diacritics:
    /// `QUYẾT ĐỊNH`, `Quyết định`, `quyet dinh`, `BỘ LUẬT`.
    ///
    /// ```
    /// use vanban::DocKind;
    /// assert_eq!(DocKind::from_name("Nghị định"), Some(DocKind::NghiDinh));
    /// assert_eq!(DocKind::from_name("quyet dinh"), Some(DocKind::QuyetDinh));
    /// ```
    pub fn from_name(name: &str) -> Option<DocKind> {
        // The names folded once; the parser asks about many header lines per document.
        static FOLDED: LazyLock<(Vec<(String, DocKind)>, usize)> = LazyLock::new(|| {
            let names: Vec<(String, DocKind)> = KINDS
                .iter()
                .map(|i| (i.name, i.kind))
                .chain(NAME_ALIASES.iter().copied())
                .map(|(n, k)| (fold_key(n), k))
                .collect();
            let longest = names.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
            (names, longest)
        });
        let (names, longest) = &*FOLDED;
        // Folding stops past the longest name: a longer key matches none.
        let mut key = String::new();
        for c in crate::text::fold_chars(name.trim()) {
            if key.len() >= *longest {
                return None;
            }
            key.push(c);
        }
        if key.is_empty() {
            return None;
        }
        names.iter().find(|(n, _)| *n == key).map(|&(_, k)| k)
    }
}

/// How exactly a code matched the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Match {
    /// Letter for letter.
    Exact,
    /// The same letters in another case (`qđ`, `TTG`).
    Case,
    /// Only once diacritics were dropped (`QD` for `QĐ`).
    Folded,
}

/// Everything one folded code (no case, no diacritics) can be: the kinds it names in state
/// and in Party numbers and the issuers it names, each list in priority order. One hash
/// lookup then answers, for a group of a number, the exact, the case and the
/// diacritics-insensitive match as a kind and as an issuer.
#[derive(Default)]
pub(crate) struct CodeRows {
    kinds: [Vec<(&'static str, (DocKind, &'static str))>; 2],
    issuers: Vec<(&'static str, &'static IssuerInfo)>,
}

struct CodeIndex {
    /// Folded codes of up to 16 bytes (all of the catalogue's) packed into an integer, so
    /// that a lookup builds no string and hashes two words.
    short: HashMap<u128, CodeRows, FastHash>,
    long: HashMap<String, CodeRows, FastHash>,
    /// `short` again as an open-addressed table of keys and indexes into `rows`, which is
    /// what a lookup reads: numbers look up every group, and a probe of one multiplication
    /// and one comparison is a third of a general hash map's cost there.
    slots: Vec<(u128, u32)>,
    rows: Vec<CodeRows>,
}

/// The keys are a few bytes of trusted catalogue data, so a simple multiplicative hash (the
/// one rustc uses) serves better than the default DoS-resistant SipHash.
type FastHash = std::hash::BuildHasherDefault<FxHasher>;

#[derive(Default)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u128(&mut self, n: u128) {
        self.add(n as u64);
        self.add((n >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `0x01` in every byte of a `u128`.
const ONES: u128 = u128::MAX / 255;

/// The folded form of `code` (as `fold_key` gives it: codes hold no spaces) packed into an
/// integer, byte `i` at bits `8 i`; `None` past 16 bytes.
#[inline]
fn packed_fold(code: &str) -> Option<u128> {
    let bytes = code.as_bytes();
    if let Some(word) = crate::text::pack_le(bytes) {
        // All ASCII: lower case the 16 bytes at once.
        if word & (ONES * 0x80) == 0 {
            let high = word | (ONES * 0x80);
            let from_a = high - ONES * u128::from(b'A');
            let past_z = high - ONES * u128::from(b'Z' + 1);
            let upper = from_a & !past_z & (ONES * 0x80);
            return Some(word | (upper >> 2));
        }
    }
    // Codes are ASCII but for `Đ`: those are folded here byte by byte, the rest below.
    let mut buf = [0u8; 16];
    let mut len = 0;
    let mut i = 0;
    while i < bytes.len() && len < 16 {
        let b = bytes[i];
        if b < 0x80 {
            buf[len] = b.to_ascii_lowercase();
            i += 1;
        } else if b == 0xC4 && matches!(bytes.get(i + 1), Some(0x90 | 0x91)) {
            buf[len] = b'd';
            i += 2;
        } else {
            return packed_fold_chars(code);
        }
        len += 1;
    }
    (i == bytes.len()).then(|| u128::from_le_bytes(buf))
}

fn packed_fold_chars(code: &str) -> Option<u128> {
    let mut buf = [0u8; 16];
    let mut len = 0;
    for c in code.chars() {
        if let Some(m) = crate::text::fold_char(map_char(c).unwrap_or(c)) {
            let mut utf8 = [0u8; 4];
            for &b in m.encode_utf8(&mut utf8).as_bytes() {
                *buf.get_mut(len)? = b;
                len += 1;
            }
        }
    }
    Some(u128::from_le_bytes(buf))
}

fn slot_of(key: u128, mask: usize) -> usize {
    let mixed =
        (key as u64 ^ (key >> 64) as u64 ^ (key >> 29) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 40) as usize & mask
}

impl CodeIndex {
    fn rows_mut(&mut self, code: &str) -> &mut CodeRows {
        match packed_fold(code) {
            Some(key) => self.short.entry(key).or_default(),
            None => self.long.entry(fold_key(code)).or_default(),
        }
    }

    fn get(&self, code: &str) -> Option<&CodeRows> {
        match packed_fold(code) {
            Some(key) => self.get_packed(key),
            None => self.long.get(&fold_key(code)),
        }
    }

    /// The rows of the code that `packed_fold` packs as `key`.
    #[inline]
    fn get_packed(&self, key: u128) -> Option<&CodeRows> {
        // Key 0 is the empty code, never stored: it marks empty slots.
        if key == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = slot_of(key, mask);
        loop {
            let (k, row) = *self.slots.get(at)?;
            if k == key {
                return self.rows.get(row as usize);
            }
            if k == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// Fills `slots` from `short`, once the index is complete.
    fn seal(mut self) -> Self {
        let size = (self.short.len() * 4).next_power_of_two();
        let mut slots = vec![(0u128, 0u32); size];
        let short = std::mem::take(&mut self.short);
        for (key, rows) in short {
            let mut at = slot_of(key, size - 1);
            while slots[at].0 != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = (key, self.rows.len() as u32);
            self.rows.push(rows);
        }
        self.slots = slots;
        self
    }
}

/// The best of `rows` (all folding like `code`) for `code`: spelled the same, else in
/// another case, else only without diacritics.
fn best<T: Copy>(rows: &[(&'static str, T)], code: &str) -> Option<(T, Match)> {
    if let Some(&(_, v)) = rows.iter().find(|(c, _)| *c == code) {
        return Some((v, Match::Exact));
    }
    let first = rows.first()?;
    let lower = |s: &'_ str| s.chars().flat_map(char::to_lowercase).collect::<Vec<_>>();
    let want = lower(code);
    if let Some(&(_, v)) = rows.iter().find(|(c, _)| lower(c) == want) {
        return Some((v, Match::Case));
    }
    Some((first.1, Match::Folded))
}

static CODE_INDEX: LazyLock<CodeIndex> = LazyLock::new(|| {
    let mut index = CodeIndex {
        short: HashMap::default(),
        long: HashMap::default(),
        slots: Vec::new(),
        rows: Vec::new(),
    };
    for party in [false, true] {
        // Kind codes usable in state numbers, and in Party numbers (HD 36).
        for i in KINDS.iter().filter(|i| {
            if party {
                i.contexts.party
            } else {
                i.contexts.state
            }
        }) {
            let codes = i.abbr.into_iter().chain(i.old_abbrs.iter().copied());
            // State numbers never write `CV`: công văn has no kind there.
            for c in codes.filter(|c| party || *c != "CV") {
                index.rows_mut(c).kinds[usize::from(party)].push((c, (i.kind, c)));
            }
        }
    }
    for i in ISSUERS {
        index.rows_mut(i.abbr).issuers.push((i.abbr, i));
    }
    index.seal()
});

/// What `code` can be in a number, looked up once.
#[derive(Clone, Copy)]
pub(crate) struct Code<'a> {
    code: &'a str,
    rows: Option<&'static CodeRows>,
}

impl<'a> Code<'a> {
    /// Nothing: a placeholder for lists on the stack.
    pub(crate) const NONE: Code<'static> = Code {
        code: "",
        rows: None,
    };

    pub(crate) fn new(code: &'a str) -> Self {
        Code {
            code,
            rows: CODE_INDEX.get(code),
        }
    }

    /// [`Code::new`] for a code read by bytes, whose folded form (lower case, `Đ` as `d`)
    /// is known already, packed as `packed_fold` packs it.
    pub(crate) fn with_key(code: &'a str, key: u128) -> Self {
        debug_assert_eq!(packed_fold(code), Some(key), "{code:?}");
        Code {
            code,
            rows: CODE_INDEX.get_packed(key),
        }
    }

    /// The kind written as this code in a state (`party == false`) or Party number, with
    /// the catalogue's spelling of the code that matched (an older code such as `TTLB` is
    /// kept).
    // The code as the catalogue spells it (nearly every group of every number) is answered
    // inline; the search for other spellings, which needs a frame and allocates, is kept
    // out of line.
    #[inline]
    pub(crate) fn kind(&self, party: bool) -> Option<(DocKind, &'static str, Match)> {
        let rows = &self.rows?.kinds[usize::from(party)];
        match rows.iter().find(|(c, _)| *c == self.code) {
            Some(&(_, (kind, code))) => Some((kind, code, Match::Exact)),
            None if rows.is_empty() => None,
            None => self.kind_spelled_otherwise(party),
        }
    }

    #[inline(never)]
    fn kind_spelled_otherwise(&self, party: bool) -> Option<(DocKind, &'static str, Match)> {
        let rows = &self.rows?.kinds[usize::from(party)];
        best(rows, self.code).map(|((kind, code), m)| (kind, code, m))
    }

    /// The issuer written as this code; `QH13` and `UBTVQH15` are Quốc hội's and UBTVQH's.
    // Inline for the code as the catalogue spells it, as `kind`.
    #[inline]
    pub(crate) fn issuer(&self) -> Option<(&'static IssuerInfo, Match)> {
        // Only the terms of the legislature end in digits.
        let term = self.code.as_bytes().last().is_some_and(u8::is_ascii_digit);
        let rows = self.rows.map_or(&[][..], |r| &r.issuers[..]);
        match rows.iter().find(|(c, _)| *c == self.code) {
            Some(&(_, info)) if !term => Some((info, Match::Exact)),
            None if !term && rows.is_empty() => None,
            _ => self.issuer_spelled_otherwise(),
        }
    }

    #[inline(never)]
    fn issuer_spelled_otherwise(&self) -> Option<(&'static IssuerInfo, Match)> {
        let term = match self.code.as_bytes().last() {
            Some(b) if b.is_ascii_digit() => strip_term(self.code),
            _ => None,
        };
        match term {
            Some(base) => Code::new(base).issuer(),
            None => best(&self.rows?.issuers, self.code),
        }
    }
}

/// Finds the kind written as `abbr` in a state (`party == false`) or Party number, with the
/// catalogue's spelling of the code that matched (an older code such as `TTLB` is kept).
pub(crate) fn lookup_abbr(abbr: &str, party: bool) -> Option<(DocKind, &'static str, Match)> {
    Code::new(abbr).kind(party)
}

impl fmt::Display for DocKind {
    /// Writes the Vietnamese name (`Quyết định`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error returned when a string is neither a kind's abbreviation nor its name.
///
/// ```
/// let e = "Quyết định XYZ".parse::<vanban::DocKind>().unwrap_err();
/// assert!(e.to_string().contains("XYZ"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown document kind {0:?}: expected an abbreviation like QĐ or a name like Quyết định")]
pub struct UnknownKind(pub String);

impl FromStr for DocKind {
    type Err = UnknownKind;

    /// Accepts an abbreviation (`QĐ`, `qd`) or a name (`Quyết định`, `QUYẾT ĐỊNH`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        lookup_abbr(s.trim(), false)
            .or_else(|| lookup_abbr(s.trim(), true))
            .map(|(k, ..)| k)
            .or_else(|| DocKind::from_name(s))
            .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DocKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DocKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        match &*s {
            "CV" => Ok(DocKind::CongVan),
            "LUẬT" => Ok(DocKind::Luat),
            "HP" => Ok(DocKind::HienPhap),
            "THƯ" => Ok(DocKind::ThuCong),
            other => other.parse().map_err(serde::de::Error::custom),
        }
    }
}

/// What sort of body an issuer is.
///
/// ```
/// use vanban::{IssuerClass, issuer_info};
/// assert_eq!(issuer_info("TTg").unwrap().class, IssuerClass::Central);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IssuerClass {
    /// Quốc hội and its bodies, Chủ tịch nước, Chính phủ, Thủ tướng, courts, procuracy, audit.
    Central,
    /// A ministry or ministry-level body (Bộ, cơ quan ngang bộ) or one of its general departments.
    Ministry,
    /// A local authority: Ủy ban nhân dân, Hội đồng nhân dân, or a department (Sở) under it.
    Local,
    /// A body of the Communist Party of Vietnam.
    Party,
    /// A mass organisation (Mặt trận Tổ quốc, unions).
    Organisation,
}

/// One row of the issuer catalogue.
///
/// ```
/// let cp = vanban::issuer_info("CP").unwrap();
/// assert_eq!(cp.name, "Chính phủ");
/// assert!(cp.collective);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct IssuerInfo {
    /// The abbreviation as written in numbers (`UBND`, `TTg`, `BLĐTBXH`).
    pub abbr: &'static str,
    /// The full Vietnamese name.
    pub name: &'static str,
    /// What sort of body it is.
    pub class: IssuerClass,
    /// Whether the body is collective, so that it signs `TM.` (Ủy ban, Chính phủ, Quốc hội …).
    pub collective: bool,
}

macro_rules! issuers {
    ($( $abbr:expr, $name:expr, $class:ident, $coll:expr; )*) => {
        /// The issuer catalogue: state and Party abbreviations with their full names.
        ///
        /// The set is open — agencies choose their own abbreviations — so numbers with an
        /// abbreviation not listed here are still accepted and keep it as written.
        /// Terms of Quốc hội (`QH13`) and its standing committee (`UBTVQH15`) are matched by
        /// pattern, not listed.
        ///
        /// ```
        /// assert!(vanban::ISSUERS.iter().any(|i| i.abbr == "UBND"));
        /// ```
        pub static ISSUERS: &[IssuerInfo] = &[
            $( IssuerInfo { abbr: $abbr, name: $name, class: IssuerClass::$class, collective: $coll }, )*
        ];
    };
}

issuers! {
    "QH", "Quốc hội", Central, true;
    "UBTVQH", "Ủy ban Thường vụ Quốc hội", Central, true;
    "VPQH", "Văn phòng Quốc hội", Central, false;
    "CTN", "Chủ tịch nước", Central, false;
    "CP", "Chính phủ", Central, true;
    "HĐBT", "Hội đồng Bộ trưởng (the government before 1992)", Central, true;
    "TTg", "Thủ tướng Chính phủ", Central, false;
    "VPCP", "Văn phòng Chính phủ", Central, false;
    "TANDTC", "Tòa án nhân dân tối cao", Central, false;
    "HĐTP", "Hội đồng Thẩm phán Tòa án nhân dân tối cao", Central, true;
    "VKSNDTC", "Viện kiểm sát nhân dân tối cao", Central, false;
    "VKSTC", "Viện kiểm sát nhân dân tối cao", Central, false;
    "KTNN", "Kiểm toán nhà nước", Central, false;
    "HĐND", "Hội đồng nhân dân", Local, true;
    "UBND", "Ủy ban nhân dân", Local, true;
    "UB", "Ủy ban nhân dân (older abbreviation)", Local, true;
    "BNV", "Bộ Nội vụ", Ministry, false;
    "BTC", "Bộ Tài chính", Ministry, false;
    "TC", "Bộ Tài chính (older abbreviation)", Ministry, false;
    "BTTTT", "Bộ Thông tin và Truyền thông", Ministry, false;
    "BKHĐT", "Bộ Kế hoạch và Đầu tư", Ministry, false;
    "BGDĐT", "Bộ Giáo dục và Đào tạo", Ministry, false;
    "BYT", "Bộ Y tế", Ministry, false;
    "BCA", "Bộ Công an", Ministry, false;
    "BQP", "Bộ Quốc phòng", Ministry, false;
    "BNN", "Bộ Nông nghiệp và Phát triển nông thôn", Ministry, false;
    "BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn", Ministry, false;
    "BNNMT", "Bộ Nông nghiệp và Môi trường", Ministry, false;
    "BTNMT", "Bộ Tài nguyên và Môi trường", Ministry, false;
    "BXD", "Bộ Xây dựng", Ministry, false;
    "BGTVT", "Bộ Giao thông vận tải", Ministry, false;
    "BCT", "Bộ Công Thương", Ministry, false;
    "BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội", Ministry, false;
    "LĐTBXH", "Bộ Lao động - Thương binh và Xã hội", Ministry, false;
    "BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", Ministry, false;
    "BTP", "Bộ Tư pháp", Ministry, false;
    "BKHCN", "Bộ Khoa học và Công nghệ", Ministry, false;
    "BNG", "Bộ Ngoại giao", Ministry, false;
    "BDTTG", "Bộ Dân tộc và Tôn giáo", Ministry, false;
    "UBDT", "Ủy ban Dân tộc", Ministry, false;
    "TTCP", "Thanh tra Chính phủ", Ministry, false;
    "NHNN", "Ngân hàng Nhà nước Việt Nam", Ministry, false;
    "TCT", "Tổng cục Thuế", Ministry, false;
    "CT", "Cục Thuế", Ministry, false;
    "TCHQ", "Tổng cục Hải quan", Ministry, false;
    "BHXH", "Bảo hiểm xã hội", Ministry, false;
    "SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", Local, false;
    "SNV", "Sở Nội vụ", Local, false;
    "STC", "Sở Tài chính", Local, false;
    "SGDĐT", "Sở Giáo dục và Đào tạo", Local, false;
    "SYT", "Sở Y tế", Local, false;
    "SLĐTBXH", "Sở Lao động - Thương binh và Xã hội", Local, false;
    "SKHĐT", "Sở Kế hoạch và Đầu tư", Local, false;
    "STNMT", "Sở Tài nguyên và Môi trường", Local, false;
    "SXD", "Sở Xây dựng", Local, false;
    "SGTVT", "Sở Giao thông vận tải", Local, false;
    "STP", "Sở Tư pháp", Local, false;
    "STTTT", "Sở Thông tin và Truyền thông", Local, false;
    "SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", Local, false;
    "SCT", "Sở Công Thương", Local, false;
    "SKHCN", "Sở Khoa học và Công nghệ", Local, false;
    "MTTQ", "Mặt trận Tổ quốc Việt Nam", Organisation, true;
    "ĐCTUBTWMTTQVN", "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", Organisation, true;
    "TLĐLĐVN", "Tổng Liên đoàn Lao động Việt Nam", Organisation, true;
    "TW", "Ban Chấp hành Trung ương Đảng", Party, true;
    "VPTW", "Văn phòng Trung ương Đảng", Party, false;
    "BCSĐ", "Ban cán sự đảng", Party, true;
    "ĐĐ", "Đảng đoàn", Party, true;
    "TU", "Tỉnh ủy, Thành ủy", Party, true;
    "QU", "Quận ủy", Party, true;
    "HU", "Huyện ủy", Party, true;
    "ĐU", "Đảng ủy", Party, true;
    "ĐUK", "Đảng ủy khối", Party, true;
    "VPQU", "Văn phòng Quận ủy", Party, false;
    "VPTU", "Văn phòng Tỉnh ủy", Party, false;
    "UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy", Party, true;
    "UBKTTW", "Ủy ban Kiểm tra Trung ương", Party, true;
    "BTCTU", "Ban Tổ chức Tỉnh ủy", Party, false;
    "BTCTW", "Ban Tổ chức Trung ương", Party, false;
    "BTGTU", "Ban Tuyên giáo Tỉnh ủy", Party, false;
    "BTGTW", "Ban Tuyên giáo Trung ương", Party, false;
    "BDVTW", "Ban Dân vận Trung ương", Party, false;
    "TCTW", "Ban Tổ chức Trung ương (older abbreviation)", Party, false;
}

/// Looks an issuer abbreviation up in [`ISSUERS`].
///
/// Exact spelling first, then any case, then without diacritics (`LDTBXH` → `LĐTBXH`).
/// Quốc hội and UBTVQH terms (`QH13`, `UBTVQH15`) are recognised by pattern.
///
/// ```
/// use vanban::issuer_info;
/// assert_eq!(issuer_info("UBND").unwrap().name, "Ủy ban nhân dân");
/// assert_eq!(issuer_info("BLDTBXH").unwrap().abbr, "BLĐTBXH");
/// assert_eq!(issuer_info("QH13").unwrap().name, "Quốc hội");
/// assert!(issuer_info("THNVDT").is_none());
/// ```
pub fn issuer_info(abbr: &str) -> Option<&'static IssuerInfo> {
    lookup_issuer(abbr).map(|(i, _)| i)
}

pub(crate) fn lookup_issuer(abbr: &str) -> Option<(&'static IssuerInfo, Match)> {
    Code::new(abbr).issuer()
}

/// `QH13` → `QH`, `UBTVQH15` → `UBTVQH`: the legislature's term is part of its abbreviation.
fn strip_term(abbr: &str) -> Option<&str> {
    let digits = abbr.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let base = &abbr[..abbr.len() - digits];
    ["QH", "UBTVQH", "PL-UBTVQH"]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(base))
        .then_some(base)
}

/// The Quốc hội term in an issuer abbreviation: `QH13` → 13, `UBTVQH15` → 15.
///
/// ```
/// assert_eq!(vanban::legislature_term("QH15"), Some(15));
/// assert_eq!(vanban::legislature_term("UBND"), None);
/// ```
pub fn legislature_term(abbr: &str) -> Option<u8> {
    let base = strip_term(abbr)?;
    abbr[base.len()..].parse().ok()
}

//! Whole-document parsing: the span invariant on the corpus, and one test per part and layout
//! on real excerpts copied from `tests/corpus/` (the corpus against its gold is
//! tests/corpus_score.rs).

use std::path::Path;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;
use vanban::{DocKind, Document, EntryKind, Purpose};

// --- score.py's folding, for comparing spans with the texts read -----------------------------

fn nfc(s: &str) -> String {
    s.nfc()
        .collect::<String>()
        .replace('\u{00D0}', "\u{0110}")
        .replace('\u{00F0}', "\u{0111}")
}

fn fold(s: &str) -> String {
    nfc(s)
        .chars()
        .filter(|c| *c != '*' && !c.is_whitespace())
        .collect()
}

fn corpus() -> Vec<(String, String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for p in names {
        let gold = p.with_extension("json");
        let Ok(g) = std::fs::read_to_string(&gold) else {
            continue;
        };
        let g: Value = serde_json::from_str(&g).expect("gold is JSON");
        let text = std::fs::read_to_string(&p).expect("corpus text is UTF-8");
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        out.push((name, text, g));
    }
    out
}

/// Every span slices the caller's text on char boundaries.
fn assert_spans(text: &str, d: &Document) {
    let mut spans = Vec::new();
    let mut push = |r: &std::ops::Range<usize>| spans.push(r.clone());
    for s in [
        &d.quoc_hieu,
        &d.tieu_ngu,
        &d.place,
        &d.kind_heading,
        &d.subject,
    ]
    .into_iter()
    .flatten()
    {
        push(&s.span);
    }
    if let Some(i) = &d.issuer {
        push(&i.name.span);
        if let Some(p) = &i.parent {
            push(&p.span);
        }
    }
    if let Some(n) = &d.number {
        push(&n.span);
    }
    if let Some(r) = &d.date_span {
        push(r);
    }
    for m in &d.marks {
        push(&m.text.span);
    }
    for r in &d.recipients {
        push(&r.span);
    }
    for b in &d.bases {
        push(&b.text.span);
    }
    for s in &d.signatures {
        push(&s.span);
        for x in s.authority_lines.iter().chain(&s.title).chain(&s.name) {
            push(&x.span);
        }
    }
    for e in &d.noi_nhan {
        push(&e.text.span);
    }
    for x in &d.diagnostics {
        push(&x.span);
    }
    fn walk(nodes: &[vanban::OutlineNode], out: &mut Vec<std::ops::Range<usize>>, depth: usize) {
        assert!(depth <= vanban::document::MAX_OUTLINE_DEPTH);
        for n in nodes {
            out.push(n.span.clone());
            out.push(n.extent.clone());
            walk(&n.children, out, depth + 1);
        }
    }
    walk(&d.outline, &mut spans, 1);
    for r in spans {
        assert!(
            r.start <= r.end && r.end <= text.len(),
            "span {r:?} out of bounds"
        );
        assert!(
            text.get(r.clone()).is_some(),
            "span {r:?} not on char boundaries"
        );
    }
}

#[test]
fn corpus_spans_slice_the_input() {
    for (name, text, _) in corpus() {
        let d = Document::parse(&text);
        assert_spans(&text, &d);
        // The name and number spans hold what was read.
        if let Some(s) = d.signatures.first().and_then(|s| s.name.as_ref()) {
            assert_eq!(fold(&text[s.span.clone()]), fold(&s.text), "{name}");
        }
        if let Some(n) = &d.number {
            assert!(
                n.value.to_string().len() <= text[n.span.clone()].len() + 4,
                "{name}"
            );
        }
    }
}

// --- parts and layouts on real excerpts ---------------------------------------------------

/// cv-2428-2013-bxd: Markdown tables for header and signature, crawler heading on top.
const MARKDOWN_TABLES: &str = "*Source: https://thuvienphapluat.vn/cong-van/Bat-dong-san/Cong-van-2428-BXD-QLN-2013-ho-tro-nguoi-co-cong-cach-mang-nha-o-213689.aspx*

# V/v hỗ trợ người có công với cách mạng về nhà ở theo QĐ số 22/2013/QĐ-TTg

| BỘ XÂY DỰNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
|---|---|
| Số: 2428/BXD-QLN V/v: Hỗ trợ người có công với cách mạng về nhà ở theo QĐ số 22/2013/QĐ-TTg | Hà Nội, ngày 15 tháng 11 năm 2013 |

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương

Thực hiện Quyết định số 22/2013/QĐ-TTg ngày 26/4/2013 về hỗ trợ người có công với cách mạng về nhà ở.

| Nơi nhận: - Như trên; - Thủ tướng Chính phủ (để b/c); - Ủy ban các vấn đề Xã hội của Quốc hội; - Bộ Kế hoạch và Đầu tư; - Bộ Tài chính; - Bộ Lao động Thương binh và Xã hội; - Sở XD các tỉnh, TP trực thuộc TW; - Lưu: VT, QLN (2b) | KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Trần Nam |
|---|---|
";

#[test]
fn markdown_table_header_and_signature() {
    let d = Document::parse(MARKDOWN_TABLES);
    assert_spans(MARKDOWN_TABLES, &d);
    assert_eq!(d.number.as_ref().unwrap().value.to_string(), "2428/BXD-QLN");
    assert_eq!(d.kind, Some(DocKind::CongVan));
    assert_eq!(d.issuer.as_ref().unwrap().name.text, "BỘ XÂY DỰNG");
    assert_eq!(d.place.as_ref().unwrap().text, "Hà Nội");
    assert_eq!(d.date.unwrap().iso(), "2013-11-15");
    assert_eq!(
        d.subject.as_ref().unwrap().text,
        "Hỗ trợ người có công với cách mạng về nhà ở theo QĐ số 22/2013/QĐ-TTg"
    );
    assert_eq!(d.recipients.len(), 1);
    let s = &d.signatures[0];
    assert_eq!(s.authority.as_deref(), Some("KT."));
    assert_eq!(s.title.as_ref().unwrap().text, "THỨ TRƯỞNG");
    assert_eq!(s.name.as_ref().unwrap().text, "Nguyễn Trần Nam");
    assert_eq!(d.noi_nhan.len(), 8);
    assert_eq!(d.noi_nhan[0].kind, EntryKind::NhuTren);
    assert_eq!(
        d.noi_nhan[1].kind,
        EntryKind::Recipient {
            dong_chi: false,
            purpose: Some(Purpose::BaoCao)
        }
    );
    assert_eq!(
        d.noi_nhan[7].kind,
        EntryKind::Luu {
            vt: true,
            units: vec!["QLN".into()],
            copies: Some("2b".into())
        }
    );
    // Spans point at the caller's bytes.
    let n = d.number.as_ref().unwrap();
    assert_eq!(&MARKDOWN_TABLES[n.span.clone()], "2428/BXD-QLN");
    assert_eq!(
        &MARKDOWN_TABLES[s.name.as_ref().unwrap().span.clone()],
        "Nguyễn Trần Nam"
    );
}

/// nq-1670-2025-ubtvqh15: pandoc simple table header, grid table whose Nơi nhận items wrap.
const PANDOC_TABLES: &str =
    "  ----------------------- -----------------------------------------------
    **ỦY BAN THƯỜNG VỤ\\        **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\
         QUỐC HỘI\\                 Độc lập - Tự do - Hạnh phúc\\
     \\-\\-\\-\\-\\-\\-\\--**            \\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\--**

   Số: 1670/NQ-UBTVQH15         *Hà Nội, ngày 16 tháng 6 năm 2025*
  ----------------------- -----------------------------------------------

** **

**NGHỊ QUYẾT**

VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH LAI CHÂU NĂM 2025

**ỦY BAN THƯỜNG VỤ QUỐC HỘI**

*Căn cứ* *Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*

**QUYẾT NGHỊ:**

**Điều 1. Sắp xếp các đơn vị hành chính cấp xã của tỉnh Lai Châu**

1\\. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Ta Gia và
xã Khoen On thành xã mới có tên gọi là **xã Khoen On**.

+-------------------------------+:------------------------------------:+
| *** ***                       | **TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\\     |
|                               | CHỦ TỊCH\\                            |
| ***Nơi nhận:\\***              | \\                                    |
| - Chính phủ;\\                 | \\                                    |
| - Ủy ban TW Mặt trận Tổ quốc  | \\                                    |
| Việt Nam;\\                    | Trần Thanh Mẫn**                     |
| - Tỉnh ủy, HĐND, UBND, Đoàn   |                                      |
| ĐBQH,\\                        |                                      |
| Ủy ban MTTQVN tỉnh Lai Châu;\\ |                                      |
| - Lưu: HC, PLTP.              |                                      |
+-------------------------------+--------------------------------------+
";

#[test]
fn pandoc_simple_and_grid_tables() {
    let d = Document::parse(PANDOC_TABLES);
    assert_spans(PANDOC_TABLES, &d);
    assert_eq!(
        d.issuer.as_ref().unwrap().name.text,
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI"
    );
    assert!(d.issuer.as_ref().unwrap().parent.is_none());
    assert_eq!(
        d.number.as_ref().unwrap().value.to_string(),
        "1670/NQ-UBTVQH15"
    );
    assert_eq!(d.kind, Some(DocKind::NghiQuyet));
    assert_eq!(d.date.unwrap().iso(), "2025-06-16");
    assert_eq!(
        d.subject.as_ref().unwrap().text,
        "VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH LAI CHÂU NĂM 2025"
    );
    let entries: Vec<&str> = d.noi_nhan.iter().map(|e| e.text.text.as_str()).collect();
    assert_eq!(
        entries,
        [
            "Chính phủ",
            "Ủy ban TW Mặt trận Tổ quốc Việt Nam",
            "Tỉnh ủy, HĐND, UBND, Đoàn ĐBQH, Ủy ban MTTQVN tỉnh Lai Châu",
            "Lưu: HC, PLTP"
        ]
    );
    let s = &d.signatures[0];
    assert_eq!(s.authority.as_deref(), Some("TM."));
    assert_eq!(s.title.as_ref().unwrap().text, "CHỦ TỊCH");
    assert_eq!(s.name.as_ref().unwrap().text, "Trần Thanh Mẫn");
    assert_eq!(d.bases.len(), 1);
    assert_eq!(d.outline[0].label, "Điều 1");
    assert_eq!(d.outline[0].children[0].label, "1");
}

/// luat-56-2024-qh15, flattened: crawler title fused with the issuer, `Luật số:` at a line
/// end, kind and subject on the date line.
const FLATTENED_LAW: &str = "Luật số 56/2024/QH15. QUỐC HỘI --------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- Luật số:
56/2024/QH15 Hà Nội, ngày 29 tháng 11 năm 2024 LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT CHỨNG KHOÁN, LUẬT KẾ TOÁN
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 8 thông qua ngày 29 tháng 11 năm 2024.
CHỦ TỊCH QUỐC HỘI Trần Thanh Mẫn
";

#[test]
fn flattened_law() {
    let d = Document::parse(FLATTENED_LAW);
    assert_spans(FLATTENED_LAW, &d);
    assert_eq!(d.issuer.as_ref().unwrap().name.text, "QUỐC HỘI");
    assert_eq!(d.number.as_ref().unwrap().value.to_string(), "56/2024/QH15");
    assert_eq!(d.kind, Some(DocKind::Luat));
    assert_eq!(d.kind.unwrap().label(), "LUẬT");
    assert_eq!(d.place.as_ref().unwrap().text, "Hà Nội");
    assert_eq!(
        d.subject.as_ref().unwrap().text,
        "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT CHỨNG KHOÁN, LUẬT KẾ TOÁN"
    );
    let s = &d.signatures[0];
    assert_eq!(s.authority, None);
    assert_eq!(s.title.as_ref().unwrap().text, "CHỦ TỊCH QUỐC HỘI");
    assert_eq!(s.name.as_ref().unwrap().text, "Trần Thanh Mẫn");
}

/// The merged-column case named in issue 4: issuer and Quốc hiệu on one line.
#[test]
fn merged_header_line() {
    let text = "QUỐC HỘI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n\
                Luật số: 101/2015/QH13 Hà Nội, ngày 27 tháng 11 năm 2015\n\
                BỘ LUẬT\nTỐ TỤNG HÌNH SỰ\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n";
    let d = Document::parse(text);
    assert_spans(text, &d);
    assert_eq!(d.issuer.as_ref().unwrap().name.text, "QUỐC HỘI");
    assert!(d.quoc_hieu.is_some() && d.tieu_ngu.is_some());
    assert_eq!(
        d.number.as_ref().unwrap().value.to_string(),
        "101/2015/QH13"
    );
    assert_eq!(d.kind, Some(DocKind::BoLuat));
    assert_eq!(d.kind.unwrap().label(), "LUẬT");
    assert_eq!(d.subject.as_ref().unwrap().text, "TỐ TỤNG HÌNH SỰ");
}

/// qd-1351-2022-ubnd-quangngai: the crawler heading belongs to another document; broken
/// spacing in the place and the signer's name.
const WRONG_HEADING: &str = "*Source: https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Quyet-dinh-1351-QD-UBND-2022-cong-bo-thu-tuc-hanh-chinh-nguoi-co-cong-So-Lao-dong-Quang-Ngai-532735.aspx*

# Về việc phê duyệt miễn giảm tiền sử dụng đất đối với người có công với cách mạng trên địa bàn huyện Yên Bình, tỉnh Yên Bái

| ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
|---|---|
| Số: 1351/QĐ-UBND | Qu ả ng Ngãi, ngày 04 tháng 10 năm 2022 |

QUYẾT ĐỊNH

CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC CHUẨN HÓA

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;

Điều 4. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này./.

| Nơi nhận: - Như Điều 4; - Bộ Lao động - Thương binh và X ã hội; - Cục Kiểm soát TTHC - VPCP; - CT, các PCT UBND tỉnh; - VPUB: PCVP, KGVX, CBTH; - Lưu: VT, TTHC(htd). | CHỦ TỊCH Đặ ng Văn Minh |
|---|---|
";

#[test]
fn crawler_heading_of_another_document_and_broken_spacing() {
    let d = Document::parse(WRONG_HEADING);
    assert_spans(WRONG_HEADING, &d);
    assert_eq!(
        d.subject.as_ref().unwrap().text,
        "CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC CHUẨN HÓA"
    );
    assert_eq!(d.place.as_ref().unwrap().text, "Qu ả ng Ngãi");
    assert_eq!(
        d.signatures[0].name.as_ref().unwrap().text,
        "Đặ ng Văn Minh"
    );
    assert_eq!(d.signatures[0].authority, None);
    assert_eq!(
        d.noi_nhan[1].text.text,
        "Bộ Lao động - Thương binh và X ã hội"
    );
    assert_eq!(d.noi_nhan[2].text.text, "Cục Kiểm soát TTHC - VPCP");
    assert_eq!(d.noi_nhan.len(), 6);
    assert_eq!(d.bases.len(), 1);
}

/// ocr-qd-3500-2024-byt: OCR banners and `# PAGE n` running headers around the signature.
const OCR_PAGES: &str = "# OCR Output: Quyet_dinh_3500-QĐ-BYT.pdf
# Model: unsloth/Qwen3-VL-8B-Instruct-GGUF
============================================================

============================================================
# PAGE 1
============================================================

BỘ Y TẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 3500/QĐ-BYT
Hà Nội, ngày 19 tháng 11 năm 2024
QUYẾT ĐỊNH
Điều chỉnh giá dịch vụ khám bệnh, chữa bệnh áp dụng tại
Bệnh viện Nhi Trung ương

BỘ TRƯỞNG BỘ Y TẾ
Căn cứ Luật giá ngày 19 tháng 6 năm 2023;
Theo đề nghị của Vụ trưởng Vụ Kế hoạch - Tài chính, Bộ Y tế.

QUYẾT ĐỊNH

Điều 1. Điều chỉnh giá.

============================================================
# PAGE 2
============================================================

Điều 2. Quyết định này có hiệu lực thi hành từ ngày ký ban hành.

Nơi nhận:
- Như Điều 2;
- Bộ trưởng (để b/c);
- Lưu: VT, KH-TC.
KT. BỘ TRƯỞNG
THỦ TRƯỞNG
Lê Đức Luận

============================================================
# PAGE 3
============================================================
";

#[test]
fn ocr_page_banners_inside_the_body() {
    let d = Document::parse(OCR_PAGES);
    assert_spans(OCR_PAGES, &d);
    assert_eq!(d.issuer.as_ref().unwrap().name.text, "BỘ Y TẾ");
    assert_eq!(d.kind, Some(DocKind::QuyetDinh));
    assert_eq!(
        d.subject.as_ref().unwrap().text,
        "Điều chỉnh giá dịch vụ khám bệnh, chữa bệnh áp dụng tại Bệnh viện Nhi Trung ương"
    );
    assert_eq!(d.bases.len(), 2);
    assert_eq!(d.noi_nhan.len(), 3);
    let s = &d.signatures[0];
    assert_eq!(s.authority.as_deref(), Some("KT."));
    assert_eq!(s.name.as_ref().unwrap().text, "Lê Đức Luận");
    let dieu: Vec<&str> = d.outline.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(dieu, ["Điều 1", "Điều 2"]);
}

/// seed-lai-chau-2023: blank number, V/v over three lines, no issuer, name line at the very end.
const SEED: &str = include_str!("corpus/seed-lai-chau-2023.txt");

#[test]
fn blank_number_multiline_subject_and_final_name() {
    let d = Document::parse(SEED);
    assert_spans(SEED, &d);
    let n = d.number.as_ref().unwrap();
    assert!(n.value.is_blank());
    assert_eq!(n.value.to_string(), "/SVHTTDL-VP");
    assert!(d.diagnostics.iter().any(|x| x.code == "VB004"));
    assert_eq!(
        d.subject.as_ref().unwrap().text,
        "tập trung đẩy mạnh nhằm cải thiện, nâng cao chỉ số chỉ đạo điều hành trong thực hiện công tác cải cách hành chính"
    );
    assert_eq!(
        d.recipients[0].text,
        "Trưởng các phòng, đơn vị trực thuộc Sở"
    );
    let s = &d.signatures[0];
    assert_eq!(s.name.as_ref().unwrap().text, "Trần Mạnh Hùng");
    assert_eq!(s.title.as_ref().unwrap().text, "PHÓ GIÁM ĐỐC");
    assert_eq!(
        d.noi_nhan[1].kind,
        EntryKind::Recipient {
            dong_chi: true,
            purpose: Some(Purpose::BaoCao)
        }
    );
    assert!(d.issuer.is_none());
}

/// cv-627-2021-byt, flattened: Kính gửi at the end of the date line, then a `- …;` list.
#[test]
fn recipients_as_a_list_after_the_date() {
    let text = "BỘ Y TẾ --------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------------\n\
Số: 627/BYT-BH V/v hướng dẫn thực hiện một số quy định tại Điều 22 Luật BHYT\n\
Hà Nội, ngày 27 tháng 01 năm 2021 Kính gửi:\n\
- Sở Y tế các tỉnh, thành phố trực thuộc Trung ương;\n\
- Các Bệnh viện, Viện có giường bệnh trực thuộc Bộ Y tế;\n\
- Các cơ sở khám bệnh, chữa bệnh thuộc các Bộ, ngành.\n\
(Sau đây gọi chung là các đơn vị) Thực hiện quy định tại Điều 22 Luật bảo hiểm y tế.\n";
    let d = Document::parse(text);
    assert_spans(text, &d);
    assert_eq!(
        d.subject.as_ref().unwrap().text,
        "hướng dẫn thực hiện một số quy định tại Điều 22 Luật BHYT"
    );
    let r: Vec<&str> = d.recipients.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        r,
        [
            "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương",
            "Các Bệnh viện, Viện có giường bệnh trực thuộc Bộ Y tế",
            "Các cơ sở khám bệnh, chữa bệnh thuộc các Bộ, ngành"
        ]
    );
}

/// cv-2403-2009-ttg: Kính gửi as a table row, signature in a row with an empty first cell.
#[test]
fn recipients_in_a_table_row_and_signature_without_noi_nhan() {
    let text = "| THỦ TƯỚNG CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc -------------- |
|---|---|
| Số: 2403/TTg-KGVX V/v Điều chỉnh mức trợ cấp hàng tháng | Hà Nội, ngày 03 tháng 12 năm 2009 |

| Kính gửi: | - Bộ Quốc phòng; - Bộ Lao động - Thương binh và Xã hội; - Bộ Tài chính |
|---|---|

2. Bộ Quốc phòng chủ trì, phối hợp với Bộ Lao động - Thương binh và Xã hội./.

|  | KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Nguyễn Sinh Hùng |
|---|---|
";
    let d = Document::parse(text);
    assert_spans(text, &d);
    let r: Vec<&str> = d.recipients.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        r,
        [
            "Bộ Quốc phòng",
            "Bộ Lao động - Thương binh và Xã hội",
            "Bộ Tài chính"
        ]
    );
    assert_eq!(d.signatures[0].authority.as_deref(), Some("KT."));
    assert_eq!(
        d.signatures[0].title.as_ref().unwrap().text,
        "PHÓ THỦ TƯỚNG"
    );
    assert_eq!(
        d.signatures[0].name.as_ref().unwrap().text,
        "Nguyễn Sinh Hùng"
    );
    assert!(d.noi_nhan.is_empty());
    assert!(d.diagnostics.iter().any(|x| x.code == "VB010"));
}

/// tt-98-2013-btc: an annex form has its own `Kính gửi:`; a Thông tư has no addressee.
#[test]
fn kinh_gui_in_an_annex_is_not_a_recipient() {
    let text = include_str!("corpus/tt-98-2013-btc.txt");
    let d = Document::parse(text);
    assert!(d.recipients.is_empty(), "{:?}", d.recipients);
    assert_eq!(d.kind, Some(DocKind::ThongTu));
}

/// cv-2739-2019-vpcp: signature fused onto the last Nơi nhận entry of a flattened text.
#[test]
fn signature_fused_onto_the_luu_entry() {
    let text = "Văn phòng Chính phủ thông báo để Bộ Kế hoạch và Đầu tư biết, thực hiện./.\nNơi nhận:\n- Như trên;\n- VPCP: BTCN, các PCN, TGĐ Cổng TTĐT;\n- Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng\n";
    let d = Document::parse(text);
    assert_spans(text, &d);
    assert_eq!(
        d.noi_nhan.last().unwrap().text.text,
        "Lưu: VT, ĐMDN (2b). Trung Anh"
    );
    assert_eq!(
        d.signatures[0].title.as_ref().unwrap().text,
        "BỘ TRƯỞNG, CHỦ NHIỆM"
    );
    assert_eq!(d.signatures[0].name.as_ref().unwrap().text, "Mai Tiến Dũng");
}

/// Joint documents: two blocks side by side, flattened into one cell.
#[test]
fn joint_signature_blocks() {
    let text = "Nơi nhận:\n- Như trên;\n- Lưu: VT, PC.\n\
KT. BỘ TRƯỞNG BỘ TÀI CHÍNH THỨ TRƯỞNG Nguyễn Công Nghiệp KT. BỘ TRƯỞNG BỘ XÂY DỰNG THỨ TRƯỞNG Nguyễn Trần Nam\n";
    let d = Document::parse(text);
    assert_spans(text, &d);
    let names: Vec<&str> = d
        .signatures
        .iter()
        .filter_map(|s| s.name.as_ref())
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(names, ["Nguyễn Công Nghiệp", "Nguyễn Trần Nam"]);
}

/// A Party document: `Số` without colon, `T/M` authority.
#[test]
fn party_document() {
    let text = "ĐẢNG BỘ TỈNH LAI CHÂU\nTỈNH ỦY\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 08-NQ/TU\nLai Châu, ngày 20 tháng 5 năm 2021\n\nNGHỊ QUYẾT\nvề chuyển đổi số\n\nNội dung.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nGiàng Páo Mỷ\n";
    let d = Document::parse(text);
    assert_spans(text, &d);
    assert!(d.party);
    assert_eq!(d.number.as_ref().unwrap().value.to_string(), "08-NQ/TU");
    assert_eq!(d.kind, Some(DocKind::NghiQuyet));
    assert_eq!(d.signatures[0].authority.as_deref(), Some("T/M"));
    assert_eq!(d.signatures[0].name.as_ref().unwrap().text, "Giàng Páo Mỷ");
}

/// NFD text and `Ð` (eth): spans are the caller's bytes.
#[test]
fn nfd_input_spans_are_original_bytes() {
    let nfc_text = "BỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 3500/QÐ-BYT\nHà Nội, ngày 19 tháng 11 năm 2024\nQUYẾT ĐỊNH\nĐiều chỉnh giá\n";
    let text: String = nfc_text.nfd().collect();
    let d = Document::parse(&text);
    assert_spans(&text, &d);
    let n = d.number.as_ref().unwrap();
    assert_eq!(n.value.to_string(), "3500/QĐ-BYT");
    assert_eq!(nfc(&text[n.span.clone()]), "3500/QĐ-BYT");
    assert_eq!(d.place.as_ref().unwrap().text, "Hà Nội");
    assert_eq!(nfc(&text[d.place.as_ref().unwrap().span.clone()]), "Hà Nội");
    assert_eq!(d.kind, Some(DocKind::QuyetDinh));
}

/// Marks printed in the header.
#[test]
fn marks() {
    let text = "BỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/BYT-KCB\nHà Nội, ngày 05 tháng 01 năm 2024\nHỎA TỐC\nMẬT\nV/v phòng chống dịch\n";
    let d = Document::parse(text);
    assert_eq!(d.marks.len(), 2);
    assert_eq!(d.marks[0].kind, vanban::MarkKind::Urgency);
    assert_eq!(d.marks[1].kind, vanban::MarkKind::Secrecy);
}

/// No header at all: nothing invented, diagnostics for what is missing.
#[test]
fn no_header_at_all() {
    let text = "Trong thời gian qua, các đơn vị đã triển khai thực hiện tốt nhiệm vụ.\n\n1. Tiếp tục thực hiện.\n";
    let d = Document::parse(text);
    assert_spans(text, &d);
    assert!(d.number.is_none() && d.issuer.is_none() && d.date.is_none() && d.subject.is_none());
    for code in ["VB001", "VB003", "VB005"] {
        assert!(d.diagnostics.iter().any(|x| x.code == code), "{code}");
    }
    assert!(
        Document::parse("")
            .diagnostics
            .iter()
            .any(|x| x.code == "VB003")
    );
}

/// A missing day is read as a partial date and reported.
#[test]
fn missing_day() {
    let text = "Số: /SVHTTDL-VP\nLai Châu, ngày    tháng 6 năm 2023\n";
    let d = Document::parse(text);
    assert_eq!(d.date.unwrap().iso(), "2023-06");
    assert!(d.diagnostics.iter().any(|x| x.code == "VB006"));
}

mod never_panics {
    use proptest::prelude::*;
    use vanban::Document;

    proptest! {
        #[test]
        fn arbitrary_text(s in "\\PC*") {
            let d = Document::parse(&s);
            super::assert_spans(&s, &d);
        }

        #[test]
        fn header_like_text(s in "(Số: |Nơi nhận:|- |KT\\. |\\| |Kính gửi: |ngày 1 tháng 2 năm 2020|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|QUYẾT ĐỊNH|\n|[A-Za-zĐđỘộ ]{0,8}|[0-9/-]{0,6}|\\+---\\+|  ---- ----){0,40}") {
            let d = Document::parse(&s);
            super::assert_spans(&s, &d);
        }
    }
}

/// Flattened decision: kind, subject and enacting authority on the date line.
#[test]
fn flattened_decision_subject_stops_at_the_enacting_authority() {
    let text = "Quyết định 3500/QĐ-BYT năm 2024 do Bộ Y tế ban hành. BỘ Y TẾ -------\n\
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n\
Số: 3500/QĐ-BYT\n\
Hà Nội, ngày 19 tháng 11 năm 2024 QUYẾT ĐỊNH VỀ VIỆC ĐIỀU CHỈNH GIÁ DỊCH VỤ KHÁM BỆNH BỘ TRƯỞNG BỘ Y TẾ\n\
Căn cứ Luật giá ngày 19 tháng 6 năm 2023;\n";
    let d = Document::parse(text);
    assert_spans(text, &d);
    assert_eq!(d.issuer.as_ref().unwrap().name.text, "BỘ Y TẾ");
    assert_eq!(d.kind, Some(DocKind::QuyetDinh));
    assert_eq!(
        d.subject.as_ref().unwrap().text,
        "VỀ VIỆC ĐIỀU CHỈNH GIÁ DỊCH VỤ KHÁM BỆNH"
    );
}

/// tt-04-2001-bxd: only the name and `(Đã ký)`; and a note between title and name.
#[test]
fn signature_notes() {
    let text = "Thông tư này có hiệu lực thi hành kể từ ngày ký.\n\n|  | Nguyễn Mạnh Kiểm (Đã ký) |\n|---|---|\n";
    let d = Document::parse(text);
    assert_spans(text, &d);
    assert_eq!(
        d.signatures[0].name.as_ref().unwrap().text,
        "Nguyễn Mạnh Kiểm"
    );
    assert_eq!(d.signatures[0].authority, None);
    let text = "Nơi nhận:\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký)\nNguyễn Văn Hòa\n";
    let d = Document::parse(text);
    assert_spans(text, &d);
    assert_eq!(
        d.signatures[0].name.as_ref().unwrap().text,
        "Nguyễn Văn Hòa"
    );
    assert_eq!(d.signatures[0].authority.as_deref(), Some("KT."));
}

/// Parent and issuing body in one table cell.
#[test]
fn parent_and_issuer_in_one_cell() {
    let text = "| BỘ TÀI CHÍNH TỔNG CỤC THUẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n|---|---|\n| Số: 1414/TCT-CS V/v hỗ trợ người có công với cách mạng cải thiện nhà ở. | Hà Nội, ngày 04 tháng 05 năm 2013 |\n";
    let d = Document::parse(text);
    let i = d.issuer.as_ref().unwrap();
    assert_eq!(i.parent.as_ref().unwrap().text, "BỘ TÀI CHÍNH");
    assert_eq!(i.name.text, "TỔNG CỤC THUẾ");
    assert_eq!(&text[i.name.span.clone()], "TỔNG CỤC THUẾ");
    assert_eq!(
        d.subject.as_ref().unwrap().text,
        "hỗ trợ người có công với cách mạng cải thiện nhà ở"
    );
}

/// Signer names in capitals, and a one-letter last syllable.
#[test]
fn signer_names_in_capitals_and_initials() {
    for (name, want) in [
        ("NGUYỄN VĂN AN", "NGUYỄN VĂN AN"),
        ("TRẦN THANH MẪN", "TRẦN THANH MẪN"),
        ("Nguyễn Văn A", "Nguyễn Văn A"),
        ("Đỗ Thị Ngọc Bích", "Đỗ Thị Ngọc Bích"),
    ] {
        let text = format!(
            "BỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
             Số: 384/BYT-KCB\nV/v cấp chứng chỉ hành nghề\nHà Nội, ngày 27 tháng 01 năm 2014\n\n\
             Kính gửi: Sở Y tế các tỉnh, thành phố trực thuộc Trung ương.\n\nNội dung.\n\n\
             Nơi nhận:\n- Như trên;\n- Lưu: VT, KCB.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n{name}\n"
        );
        let d = Document::parse(&text);
        assert_spans(&text, &d);
        let s = &d.signatures[0];
        assert_eq!(
            s.name.as_ref().map(|n| n.text.as_str()),
            Some(want),
            "{name}"
        );
        assert_eq!(
            s.title.as_ref().map(|t| t.text.as_str()),
            Some("THỨ TRƯỞNG"),
            "{name}"
        );
        assert_eq!(s.authority.as_deref(), Some("KT."));
    }
}

/// A basis's citations are the text's citations whose number starts on its line, also in
/// text with zero-width characters (read through a normalized neighbourhood of the line).
#[test]
fn basis_citations_are_the_texts_on_its_line() {
    let mut bases = 0;
    for (name, clean, _) in corpus() {
        let damaged = clean.replace("Căn cứ ", "Căn\u{200B} cứ ");
        for text in [clean.as_str(), damaged.as_str()] {
            let doc = vanban::Document::parse(text);
            let all: Vec<_> = vanban::citations(text).collect();
            for b in &doc.bases {
                let span = b.text.span.clone();
                let mine: Vec<_> = b.citations(text).map(|c| c.number_span).collect();
                let theirs: Vec<_> = all
                    .iter()
                    .filter(|c| span.contains(&c.number_span.start))
                    .map(|c| c.number_span.clone())
                    .collect();
                assert_eq!(mine, theirs, "{name}: {:?}", &text[span]);
                bases += 1;
            }
        }
    }
    assert!(bases > 100, "{bases} bases");
}

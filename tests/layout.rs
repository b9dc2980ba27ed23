//! The layout model on real excerpts: each failure class of issue 13 that the document
//! reader handles, as a table of texts copied byte for byte from real documents (the source
//! of each is named) and what must be read from them.

use vanban::Document;

struct Case {
    what: &'static str,
    source: &'static str,
    text: &'static str,
    want: &'static [(&'static str, &'static str)],
}

/// The value of a field of `doc` as a string ("" when absent); lists are joined with `|`.
fn field(doc: &Document, name: &str) -> String {
    let s0 = doc.signatures.first();
    match name {
        "number" => doc.number.as_ref().map(|n| n.value.to_string()),
        "kind" => doc.kind.map(|k| k.label().to_string()),
        "date" => doc.date.map(|d| d.iso().replace("-??", "")),
        "place" => doc.place.as_ref().map(|p| p.text.clone()),
        "issuer" => doc.issuer.as_ref().map(|i| i.name.text.clone()),
        "parent" => doc
            .issuer
            .as_ref()
            .and_then(|i| i.parent.as_ref())
            .map(|p| p.text.clone()),
        "quoc_hieu" => doc.quoc_hieu.as_ref().map(|q| q.text.clone()),
        "party" => Some(doc.party.to_string()),
        "subject" => doc.subject.as_ref().map(|s| s.text.clone()),
        "recipients" => Some(
            doc.recipients
                .iter()
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>()
                .join("|"),
        ),
        "noi_nhan" => Some(
            doc.noi_nhan
                .iter()
                .map(|e| e.text.text.as_str())
                .collect::<Vec<_>>()
                .join("|"),
        ),
        "authority" => s0.and_then(|s| s.authority.clone()),
        "title" => s0.and_then(|s| s.title.as_ref()).map(|t| t.text.clone()),
        "signer" => s0.and_then(|s| s.name.as_ref()).map(|n| n.text.clone()),
        other => panic!("no field {other}"),
    }
    .unwrap_or_default()
}

#[test]
fn layout_cases_read_as_written() {
    let mut failed = Vec::new();
    for c in CASES {
        let doc = Document::parse(c.text);
        for (name, want) in c.want {
            let got = field(&doc, name);
            if got != *want {
                failed.push(format!(
                    "{} ({}): {name}: got {got:?}, want {want:?}",
                    c.what, c.source
                ));
            }
        }
        // Every span of every part slices the excerpt.
        for r in doc.spans() {
            assert!(c.text.get(r.clone()).is_some(), "{}: span {r:?}", c.source);
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn a_person_in_brackets_is_kept_as_written() {
    // The embedded sample's Nơi nhận: `- Trang Thông tin điện tử Sở (Hoài);`.
    let text = include_str!("corpus/seed-lai-chau-2023.txt");
    let doc = Document::parse(text);
    let notes: Vec<String> = doc
        .noi_nhan
        .iter()
        .filter_map(|e| match &e.kind {
            vanban::EntryKind::Recipient {
                purpose: Some(vanban::Purpose::Other(p)),
                ..
            } => Some(p.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(notes, ["Hoài"]);
}

/// Class 9, signatures as converters write them: the seed's own signature block
/// (`tests/corpus/seed-lai-chau-2023.txt`, lines 53-56) with what converters put between the
/// title and the name — an image of the seal, an HTML tag, a placeholder in brackets, a note.
/// The block is real; the artefacts are the forms converters emit (pandoc's `![](media/…)`,
/// an `<img>` left by an HTML crawl, `[Đã ký]`), inserted by hand.
#[test]
fn signature_artefacts_are_not_names() {
    let block = "**KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**\n\n{}\n\nTrần Mạnh Hùng\n";
    let head =
        "Số: /SVHTTDL-VP\nV/v cải cách hành chính\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, VP.\n\n";
    for artefact in [
        "![](media/image1.png)",
        "![chữ ký](chu-ky.jpg)",
        "<img src=\"con-dau.png\" width=\"120\"/>",
        "[Đã ký]",
        "[Chữ ký, dấu]",
        "(Đã ký)",
        "(Ký, đóng dấu)",
    ] {
        let text = format!("{head}{}", block.replace("{}", artefact));
        let doc = Document::parse(&text);
        let s = doc
            .signatures
            .first()
            .unwrap_or_else(|| panic!("{artefact}: no signature"));
        assert_eq!(s.authority.as_deref(), Some("KT."), "{artefact}");
        assert_eq!(
            s.title.as_ref().map(|t| t.text.as_str()),
            Some("PHÓ GIÁM ĐỐC"),
            "{artefact}"
        );
        assert_eq!(
            s.name.as_ref().map(|n| n.text.as_str()),
            Some("Trần Mạnh Hùng"),
            "{artefact}"
        );
        assert_eq!(doc.noi_nhan.len(), 2, "{artefact}");
    }
}

/// Class 9, decorated labels and headings: the Markdown a public converter writes for Thông
/// tư 62/2026/TT-BGDĐT (its build script's own strings: the header paragraph, `**THÔNG TƯ**`,
/// `**_Nơi nhận:_**` with ` - ` items, `**KT. BỘ TRƯỞNG**  ⏎**THỨ TRƯỞNG**  ⏎**Lê Quân**`),
/// and the same with `# ` headings for the kind and the label.
#[test]
fn decorated_labels_and_headings() {
    let text = "**BỘ GIÁO DỤC VÀ ĐÀO TẠO**\n\n_______\n\nSố: 62/2026/TT-BGDĐT\n\n\
                **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập – Tự do – Hạnh phúc**  \n\
                _________________  \n\n_Hà Nội, ngày 28 tháng 7 năm 2026_\n\n**THÔNG TƯ**\n\n\
                Quy định quy trình biên soạn, ban hành chương trình, giáo trình\n\n\
                _Căn cứ Luật Giáo dục đại học số 125/2025/QH15;_\n\n### Điều 1. Phạm vi\n\n\
                **_Nơi nhận:_**\n - Như Điều 3;\n - Lưu: VT.\n\n\
                **KT. BỘ TRƯỞNG**  \n**THỨ TRƯỞNG**  \n**Lê Quân**\n";
    for t in [
        text.to_string(),
        text.replace("**THÔNG TƯ**", "# THÔNG TƯ")
            .replace("**_Nơi nhận:_**", "# Nơi nhận:"),
    ] {
        let doc = Document::parse(&t);
        assert_eq!(field(&doc, "number"), "62/2026/TT-BGDĐT");
        assert_eq!(field(&doc, "kind"), "TT");
        assert_eq!(field(&doc, "date"), "2026-07-28");
        assert_eq!(field(&doc, "issuer"), "BỘ GIÁO DỤC VÀ ĐÀO TẠO");
        assert_eq!(
            field(&doc, "subject"),
            "Quy định quy trình biên soạn, ban hành chương trình, giáo trình"
        );
        assert_eq!(field(&doc, "noi_nhan"), "Như Điều 3|Lưu: VT");
        assert_eq!(field(&doc, "authority"), "KT.");
        assert_eq!(field(&doc, "signer"), "Lê Quân");
        assert_eq!(doc.bases.len(), 1);
    }
}

/// Class 9: a copy's stamp above the issuer, and the issuer in one heading with the Quốc
/// hiệu. The header is the seed's (`tests/corpus/seed-lai-chau-2023.txt`), with the parent
/// body it names in its signature block; the stamp and the heading are the forms of NĐ
/// 30/2020, Điều 25 (`SAO Y`) and of Markdown converters.
#[test]
fn copy_stamp_and_shared_heading() {
    let stamped = "SAO Y BẢN CHÍNH\nUBND TỈNH LAI CHÂU\nSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\n\
                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
                   Số: /SVHTTDL-VP\nLai Châu, ngày 13 tháng 6 năm 2023\n";
    let doc = Document::parse(stamped);
    assert_eq!(field(&doc, "issuer"), "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH");
    assert_eq!(field(&doc, "parent"), "UBND TỈNH LAI CHÂU");
    let shared = "# SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                  Độc lập - Tự do - Hạnh phúc\nSố: /SVHTTDL-VP\nLai Châu, ngày 13 tháng 6 năm 2023\n";
    let doc = Document::parse(shared);
    assert_eq!(field(&doc, "issuer"), "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH");
    assert_eq!(field(&doc, "date"), "2023-06-13");
}

/// HTML kept by a converter: `<br>` breaks lines inside table cells and paragraphs. The
/// seed's own header, trích yếu, Nơi nhận and signature (`tests/corpus/seed-lai-chau-2023.txt`)
/// laid out as an HTML-to-Markdown converter writes a two-column table.
#[test]
fn br_tags_break_lines() {
    let text = "| **UBND TỈNH LAI CHÂU**<br>**SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH**<br>Số: /SVHTTDL-VP<br>\
                V/v tập trung đẩy mạnh nhằm cải thiện, nâng cao chỉ số chỉ đạo điều hành trong \
                thực hiện công tác cải cách hành chính | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>\
                **Độc lập - Tự do - Hạnh phúc**<br>*Lai Châu, ngày 13 tháng 6 năm 2023* |\n\
                |---|---|\n\nKính gửi: Trưởng các phòng, đơn vị trực thuộc Sở.\n\nNội dung.\n\n\
                | **Nơi nhận:**<br>- Như trên;<br>- Đ/c: Giám đốc Sở (B/c);<br>- Lưu: VT, VP. | \
                **KT. GIÁM ĐỐC**<br>**PHÓ GIÁM ĐỐC**<br><br>Trần Mạnh Hùng |\n|---|---|\n";
    let doc = Document::parse(text);
    assert_eq!(field(&doc, "number"), "/SVHTTDL-VP");
    assert_eq!(field(&doc, "date"), "2023-06-13");
    assert_eq!(field(&doc, "place"), "Lai Châu");
    assert_eq!(field(&doc, "parent"), "UBND TỈNH LAI CHÂU");
    assert_eq!(field(&doc, "issuer"), "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH");
    assert_eq!(
        field(&doc, "noi_nhan"),
        "Như trên|Đ/c: Giám đốc Sở (B/c)|Lưu: VT, VP"
    );
    assert_eq!(field(&doc, "authority"), "KT.");
    assert_eq!(field(&doc, "title"), "PHÓ GIÁM ĐỐC");
    assert_eq!(field(&doc, "signer"), "Trần Mạnh Hùng");
    for r in doc.spans() {
        assert!(text.get(r.clone()).is_some(), "span {r:?}");
    }
}

/// The left column first, as a transcription of a signed PDF gives it: issuer, number and
/// trích yếu, then the Quốc hiệu and the place-date of the right column. The seed's header
/// (`tests/corpus/seed-lai-chau-2023.txt`, lines 3-8, and its parent body) in that order.
#[test]
fn left_column_first() {
    let text = "**UBND TỈNH LAI CHÂU**\n**SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH**\n\nSố: /SVHTTDL-VP\n\
                V/v tập trung đẩy mạnh nhằm cải thiện, nâng\ncao chỉ số chỉ đạo điều hành trong thực hiện\n\
                công tác cải cách hành chính\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n\
                **Độc lập - Tự do - Hạnh phúc**\n\n*Lai Châu, ngày 13 tháng 6 năm 2023*\n\n\
                Kính gửi: Trưởng các phòng, đơn vị trực thuộc Sở.\n";
    let doc = Document::parse(text);
    assert_eq!(field(&doc, "parent"), "UBND TỈNH LAI CHÂU");
    assert_eq!(field(&doc, "issuer"), "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH");
    assert_eq!(field(&doc, "number"), "/SVHTTDL-VP");
    assert_eq!(field(&doc, "date"), "2023-06-13");
    assert_eq!(
        field(&doc, "subject"),
        "tập trung đẩy mạnh nhằm cải thiện, nâng cao chỉ số chỉ đạo điều hành trong thực hiện \
         công tác cải cách hành chính"
    );
    assert_eq!(
        field(&doc, "recipients"),
        "Trưởng các phòng, đơn vị trực thuộc Sở"
    );
}

const CASES: &[Case] = &[
    Case {
        what: "a commune's OCR'd letter: 'Số : *44* DN-UBND' without its slash, a quoted 'Vv'",
        source: "dev dn-44-2010-ubnd-xa-ductan, lines 1-16",
        text: r##"
**ỦY BAN NHÂN DÂN  
XÃ ĐỨC TÂN**

\*\*\*

Số : *44* DN-UBND

*"Vv chế độ trợ cấp ưu đãi  
đối với Anh hùng LLVT nhân dân"*

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập - Tự do - Hạnh phúc.**

*Đức Tân, ngày 14 tháng 5 năm 2010*

"##,
        want: &[
            ("number", "44DN-UBND"),
            ("issuer", "ỦY BAN NHÂN DÂN XÃ ĐỨC TÂN"),
            (
                "subject",
                "chế độ trợ cấp ưu đãi đối với Anh hùng LLVT nhân dân",
            ),
        ],
    },
    Case {
        what: "a letter that lost its header: number, date, kind and issuer from its annex caption",
        source: "portal 2d737276bf416017, lines 1-52",
        text: r##"|
* *
**Kính gửi:** Ủy
ban nhân dân các tỉnh, thành phố trực thuộc trung ương
Thực hiện Nghị định số 94/2022/NĐ-CP ngày
07/11/2022 của Chính phủ quy định nội dung chi tiêu thống kê thuộc hệ thống chỉ
tiêu thống kê quốc gia và quy trình biên soạn chỉ tiêu tổng sản phẩm trong nước
(GDP), chỉ tiêu tổng sản phẩm trên địa bàn tỉnh, thành phố trực thuộc trung
ương (GRDP) và Nghị định số 62/2024/NĐ-CP ngày 07/6/2024 của Chính phủ sửa đổi,
bổ sung một số điều, phụ lục của Nghị
định số 94/2016/NĐ-CP ngày 01/7/2016 của Chính phủ quy định chi tiết và hướng dẫn
thi hành một số điều của Luật Thống kê và Nghị định số 94/2022/NĐ-CP, Bộ Tài
chính đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:
- Chỉ đạo các Sở, ngành đánh giá thuận lợi, khó khăn;
phân tích nguyên nhân khách quan và chủ quan ảnh hưởng đến tình hình phát triển
kinh tế - xã hội trên địa bàn quý IV, cả năm 2025;
- Giao Thống kê tỉnh, thành phố chủ trì, phối hợp với
các Sở, ngành liên quan rà soát cập nhật số liệu của các ngành, lĩnh vực và
cung cấp số liệu theo đơn vị hành chính cấp tỉnh cũ (63 tỉnh, thành phố) về Bộ
Tài chính (Cục Thống kê) phục vụ rà soát, biên soạn số liệu GDP, GRDP sơ bộ quý
III, 9 tháng và ước tính quý IV, cả năm 2025 cho 63 tỉnh, thành phố cũ và 34 tỉnh,
thành phố hiện nay *(Chi tiết tại Phụ lục đính
kèm).*
Để đảm bảo thời gian biên soạn và tổng hợp số liệu,
đề nghị Quý Ủy ban gửi báo cáo đánh giá và các biểu số liệu về Bộ Tài chính (Cục
Thống kê)[1] qua Hệ thống quản lý
văn bản và hồ sơ công việc (edoc.gso.gov.vn), đồng thời gửi bản mềm qua địa chỉ
email *[email protected]* *chậm nhất ngày 22/11/2025**.*
Bộ Tài chính trân trọng cảm ơn sự phối hợp của Quý Ủy
ban./.
|
Nơi nhận:
- Như trên;
- Bộ trưởng (để b/c);
- Văn phòng Chính phủ (để b/c);
- Thống kê tỉnh, TP trực thuộc TW;
- Lưu: VT, CTK.
|
**KT. BỘ TRƯỞNG**
THỨ TRƯỞNG
Nguyễn Thị Bích Ngọc
|
**PHỤ LỤC**
HỆ BIỂU THU THẬP THÔNG TIN PHỤC VỤ BIÊN SOẠN CHỈ TIÊU TỔNG
SẢN PHẨM TRONG NƯỚC, CHỈ TIÊU TỔNG SẢN PHẨM TRÊN ĐỊA BÀN TỈNH, THÀNH PHỐ TRỰC
THUỘC TRUNG ƯƠNG SƠ BỘ QUÝ III, 9 THÁNG VÀ ƯỚC TÍNH QUÝ IV, NĂM 2025 ÁP DỤNG ĐỐI
VỚI ỦY BAN NHÂN DÂN TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG
*(Kèm theo Công văn số 17809/BTC-CTK ngày 17 tháng 11 năm 2025 của Bộ Tài
chính)*
*Đơn vị tính: Triệu
đồng*
|
"##,
        want: &[
            ("number", "17809/BTC-CTK"),
            ("kind", "CV"),
            ("date", "2025-11-17"),
            ("issuer", "Bộ Tài chính"),
            (
                "recipients",
                "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
            ),
        ],
    },
    Case {
        what: "OCR rows of both header columns; a handwritten note above; an addressee wrapped",
        source: "dev cv-650-2010-sldtbxh-longan, lines 1-18",
        text: r##"
Cùng Chs / Xuc Cam h<sup>o</sup> (b)  
CS  
20/3/10

UBND TỈNH LONG AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
SỞ LAO ĐỘNG THƯƠNG BINH Độc lập - Tự do - Hạnh phúc  
VÀ XÃ HỘI

Số: 650/CV-SLĐTBXH

Tân An, ngày 27 tháng 04 năm 2010

Về việc giải quyết chế độ cho thân nhân  
Anh hùng Lực lượng vũ trang

Kính gửi : Phòng Lao động Thương binh và Xã hội  
huyện, thành phố
"##,
        want: &[
            ("parent", "UBND TỈNH LONG AN"),
            ("issuer", "SỞ LAO ĐỘNG THƯƠNG BINH VÀ XÃ HỘI"),
            ("number", "650/CV-SLĐTBXH"),
            ("date", "2010-04-27"),
            ("place", "Tân An"),
            (
                "subject",
                "giải quyết chế độ cho thân nhân Anh hùng Lực lượng vũ trang",
            ),
            (
                "recipients",
                "Phòng Lao động Thương binh và Xã hội huyện, thành phố",
            ),
        ],
    },
    Case {
        what: "portal table cells: '|' lines, wrapped italic date, wrapped subject",
        source: "portal 036bd85f1f56f768, lines 1-25",
        text: r##"|
|
**ỦY BAN NHÂN DÂN
**
THÀNH PHỐ CẦN THƠ
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 2666/QĐ-UBND
|
*Cần Thơ, ngày 26
tháng 11 năm 2025*
|
* *
**QUYẾT ĐỊNH**
VỀ VIỆC CÔNG BỐ DANH
MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG, BÃI BỎ THUỘC THẨM QUYỀN GIẢI QUYẾT
CỦA SỞ TÀI CHÍNH
**CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ**
*Căn cứ Luật Tổ chức chính quyền địa phương ngày
"##,
        want: &[
            ("number", "2666/QĐ-UBND"),
            ("kind", "QĐ"),
            ("date", "2025-11-26"),
            ("place", "Cần Thơ"),
            ("issuer", "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"),
            ("quoc_hieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            (
                "subject",
                "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG, BÃI BỎ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TÀI CHÍNH",
            ),
        ],
    },
    Case {
        what: "words cut by a break inside bold, a number on the line after its label",
        source: "portal 4c12c694e7b33e47, lines 1-25",
        text: r##"|
|
**ỦY
BAN NHÂN DÂN **
TỈNH QUẢNG TRỊ
-------
|
**CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
2685/QĐ-UBND
|
*Quảng
Trị, ngày 17 tháng 11 năm 2025*
|
** **
**QUYẾT ĐỊNH**
CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH BAN HÀNH MỚI, ĐƯỢC SỬA
ĐỔI, BỔ SUNG TRONG LĨNH VỰC XUẤT NHẬP KHẨU THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ
CÔNG THƯƠNG TỈNH QUẢNG TRỊ
**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ**
"##,
        want: &[
            ("number", "2685/QĐ-UBND"),
            ("date", "2025-11-17"),
            ("place", "Quảng Trị"),
            ("issuer", "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"),
            ("quoc_hieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ],
    },
    Case {
        what: "bold markers around the digits of a date; a ministry name cut in two",
        source: "portal 9c31035f914c937e, lines 1-22",
        text: r##"|
|
BỘ TÀI
CHÍNH
**CỤC
HẢI QUAN**
-------
|
**CỘNG HÒA
XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 37694/TB-CHQ
|
*Hà Nội,
ngày **21** tháng **11** năm 2025** *
|
**THÔNG BÁO**
VỀ KẾT QUẢ
XÁC ĐỊNH TRƯỚC MÃ SỐ
"##,
        want: &[
            ("number", "37694/TB-CHQ"),
            ("kind", "TB"),
            ("date", "2025-11-21"),
            ("place", "Hà Nội"),
            ("parent", "BỘ TÀI CHÍNH"),
            ("issuer", "CỤC HẢI QUAN"),
            ("subject", "VỀ KẾT QUẢ XÁC ĐỊNH TRƯỚC MÃ SỐ"),
        ],
    },
    Case {
        what: "gazette running header and page number; the number between issuer and Quốc hiệu",
        source: "dev nq-113-2026-cp, lines 1-20",
        text: r##"CÔNG BÁO/Số 271/Ngày 12-05-2026 
84 
 
 
CHÍNH PHỦ 
___________ 
 
Số: 113/NQ-CP 
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM 
Độc lập - Tự do - Hạnh phúc 
_______________________________________ 
Hà Nội, ngày 25 tháng 4 năm 2026 
 
NGHỊ QUYẾT 
Về thanh toán các chi phí khám bệnh, chữa bệnh bảo hiểm y tế  
vượt dự toán, vượt tổng mức thanh toán giai đoạn năm 2018 - 2022 
 
 
CHÍNH PHỦ 
 
"##,
        want: &[
            ("number", "113/NQ-CP"),
            ("kind", "NQ"),
            ("date", "2026-04-25"),
            ("issuer", "CHÍNH PHỦ"),
            (
                "subject",
                "Về thanh toán các chi phí khám bệnh, chữa bệnh bảo hiểm y tế vượt dự toán, vượt tổng mức thanh toán giai đoạn năm 2018 - 2022",
            ),
        ],
    },
    Case {
        what: "a kind name before the label: 'Nghị quyết số:'",
        source: "dev nq-89-2025-ubtvqh15, lines 1-20",
        text: r##" 
 
CÔNG BÁO/Số 1053 + 1054/Ngày 10-8-2025 
3 
 
VĂN BẢN QUY PHẠM PHÁP LUẬT 
 
ỦY BAN THƯỜNG VỤ QUỐC HỘI 
 
ỦY BAN THƯỜNG VỤ QUỐC HỘI 
 
 Nghị quyết số: 89/2025/UBTVQH15 
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM 
Độc lập - Tự do - Hạnh phúc 
 
 
 
NGHỊ QUYẾT 
Về mức chi tổ chức và hoạt động bảo hiểm xã hội, bảo hiểm thất nghiệp  
giai đoạn 2025 - 2027 
"##,
        want: &[
            ("number", "89/2025/UBTVQH15"),
            ("kind", "NQ"),
            ("issuer", "ỦY BAN THƯỜNG VỤ QUỐC HỘI"),
        ],
    },
    Case {
        what: "blank day and month: the year is kept",
        source: "dev qd-372-2026-btc, lines 1-14",
        text: r##"CÔNG BÁO/Số 151/Ngày 17-03-2026 
106
 
 
BỘ TÀI CHÍNH 
 
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM 
Độc lập - Tự do - Hạnh phúc  
Số:  372 /QĐ-BTC 
Hà Nội, ngày       tháng      năm 2026       
  
 
QUYẾT ĐỊNH 
Về việc đính chính Thông tư số 138/2025/TT-BTC sửa đổi, bổ sung một số điều 
"##,
        want: &[
            ("number", "372/QĐ-BTC"),
            ("date", "2026"),
            ("place", "Hà Nội"),
            ("issuer", "BỘ TÀI CHÍNH"),
        ],
    },
    Case {
        what: "the trích yếu of a Công điện stops at its formula",
        source: "portal 1095764e502a89b8, lines 1-26",
        text: r##"|
|
**THỦ TƯỚNG CHÍNH
PHỦ**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 224/CĐ-TTg
|
*Hà Nội, ngày 20
tháng 11 năm 2025 *
|
**CÔNG ĐIỆN**
VỀ VIỆC KHẨN TRƯƠNG
CHUẨN BỊ TỔ CHỨC LỄ KHÁNH THÀNH, KHỞI CÔNG CÁC DỰ ÁN, CÔNG TRÌNH QUY MÔ LỚN, Ý
NGHĨA CHÀO MỪNG ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIV CỦA ĐẢNG
**THỦ TƯỚNG CHÍNH PHỦ điện:**
- Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc
Chính phủ;
- Bí Thư, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương;
- Tổng giám đốc: Đài truyền hình Việt Nam, Đài tiếng nói Việt Nam, Thông tấn xã
"##,
        want: &[
            ("number", "224/CĐ-TTg"),
            ("kind", "CĐ"),
            ("issuer", "THỦ TƯỚNG CHÍNH PHỦ"),
            (
                "subject",
                "VỀ VIỆC KHẨN TRƯƠNG CHUẨN BỊ TỔ CHỨC LỄ KHÁNH THÀNH, KHỞI CÔNG CÁC DỰ ÁN, CÔNG TRÌNH QUY MÔ LỚN, Ý NGHĨA CHÀO MỪNG ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIV CỦA ĐẢNG",
            ),
        ],
    },
    Case {
        what: "a Party Kết luận: the committee, and the issuer under the heading",
        source: "portal 265ff514762b4c47, lines 1-26",
        text: r##"|
|
**BAN
CHẤP HÀNH TRUNG ƯƠNG**
*
|
**ĐẢNG
CỘNG SẢN VIỆT NAM**
---------------
|
|
Số 221-KL/TW
|
*Hà Nội, ngày 28
tháng 11 năm 2025*
|
**KẾT LUẬN**
CỦA BỘ CHÍNH TRỊ,
BAN BÍ THƯ
VỀ TÌNH HÌNH, KẾT
QUẢ HOẠT ĐỘNG CỦA BỘ MÁY HỆ THỐNG CHÍNH TRỊ VÀ CHÍNH QUYỀN ĐỊA PHƯƠNG 2 CẤP
-----
Tại phiên họp ngày 28/11/2025, sau
khi nghe Báo cáo của Ban Tổ chức Trung ương về tình hình, kết quả hoạt động của
bộ máy hệ thống chính trị và chính quyền địa phương 2 cấp tháng 11/2025 (Báo
cáo số 565-BC/BTCTW, ngày 27/11/2025), Bộ Chính trị, Ban Bí thư kết luận như
"##,
        want: &[
            ("number", "221-KL/TW"),
            ("party", "true"),
            ("issuer", "BAN CHẤP HÀNH TRUNG ƯƠNG"),
            ("date", "2025-11-28"),
            (
                "subject",
                "VỀ TÌNH HÌNH, KẾT QUẢ HOẠT ĐỘNG CỦA BỘ MÁY HỆ THỐNG CHÍNH TRỊ VÀ CHÍNH QUYỀN ĐỊA PHƯƠNG 2 CẤP",
            ),
        ],
    },
    Case {
        what: "a trích yếu in capitals stops where prose begins",
        source: "portal 296e373d796986f4, lines 1-24",
        text: r##"|
|
**VĂN PHÒNG CHÍNH
PHỦ**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 648/TB-VPCP
|
*Hà Nội, ngày 27
tháng 11 năm 2025*
|
* *
**THÔNG BÁO**
KẾT
LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ LÊ THÀNH LONG TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH
ĐIỆN BIÊN
Trong các ngày 08 và 09 tháng 11 năm 2025, Phó Thủ
tướng Chính phủ Lê Thành Long đã dự Lễ khởi công xây dựng Trường Phổ thông nội
"##,
        want: &[
            ("number", "648/TB-VPCP"),
            (
                "subject",
                "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ LÊ THÀNH LONG TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH ĐIỆN BIÊN",
            ),
        ],
    },
    Case {
        what: "a line ending with a preposition goes on",
        source: "portal 5d196a776ae817c7, lines 1-40",
        text: r##"|
## Các mặt hàng nhập khẩu từ Lào về Việt Nam được ưu đãi về thuế
**Ngày 2/12/2025, Bộ trưởng Bộ Công Thương ban hành Thông tư 61/2025/TT-BCT quy định về hạn ngạch thuế quan nhập khẩu để thực hiện Hiệp định Thương mại giữa Việt Nam - Lào giai đoạn 2025-2030.****Các mặt hàng nhập khẩu từ Lào về Việt Nam được ưu đãi về thuế**
Theo đó, nội dung văn bản quy định về hạn ngạch thuế quan nhập khẩu đối với mặt hàng lá thuốc lá, gạo, đường và các sản phẩm có liên quan (mã HS 17.01) có xuất xứ từ nước CHDCND Lào được hưởng thuế suất thuế nhập khẩu ưu đãi đặc biệt khi nhập khẩu vào Việt Nam giai đoạn 2025 - 2030. Cụ thể:
- Lượng hạn ngạch thuế quan mỗi năm đối với mặt hàng lá thuốc lá là 3.000 tấn nằm trong lượng hạn ngạch thuế quan áp dụng với các thành viên WTO do Bộ Công Thương công bố hàng năm.
Mặt hàng lá thuốc lá có xuất xứ từ nước CHDCND Lào (mã HS 24.01) bao gồm 13 dòng hàng HS 8 số chi tiết tại Phụ lục III ban hành kèm theo Nghị định 206/2025/NĐ-CP ngày 15 tháng 7 năm 2025 của Chính phủ ban hành Biểu thuế nhập khẩu ưu đãi đặc biệt của Việt Nam để thực hiện Hiệp định Thương mại giữa Chính phủ nước CHXHCN Việt Nam và Chính phủ nước CHDCND Lào giai đoạn 2025 - 2030.
- Lượng hạn ngạch thuế quan mỗi năm đối với mặt hàng gạo là 70.000 tấn.
Mặt hàng gạo có xuất xứ từ nước CHDCND Lào (mã HS 10.06) bao gồm 03 dòng hàng HS 8 số chi tiết tại Phụ lục III ban hành kèm theo Nghị định 206/2025/NĐ-CP .
- Lượng hạn ngạch thuế quan mỗi năm đối với mặt hàng đường và các sản phẩm có liên quan nằm trong lượng hạn ngạch thuế quan áp dụng với các thành viên WTO do Bộ Công Thương công bố hàng năm.
Mặt hàng đường và các sản phẩm có liên quan (mã HS 17.01) có xuất xứ từ nước CHDCND Lào bao gồm 05 dòng hàng HS 8 số chi tiết tại Phụ lục I ban hành kèm theo Nghị định 206/2025/NĐ-CP .
Các mặt hàng trên đã đăng ký Tờ khai hải quan nhập khẩu từ ngày 24 tháng 02 năm 2025, nếu đáp ứng đủ các điều kiện để được hưởng thuế suất thuế nhập khẩu ưu đãi đặc biệt theo quy định tại Nghị định 206/2025/NĐ-CP và nếu đã nộp thuế theo mức thuế cao hơn thì được cơ quan hải quan xử lý tiền thuế nộp thừa theo quy định của pháp luật về quản lý thuế.
Thông tư cũng quy định rõ phương thức điều hành hạn ngạch thuế quan nhập khẩu: cấp Giấy phép nhập khẩu đối với lá thuốc lá; trừ lùi tự động tại cơ quan hải quan đối với gạo; và đấu giá đối với mặt hàng đường và các sản phẩm có liên quan.
Xem chi tiết nội dung tại Thông tư 61/2025/TT-BCT có hiệu lực từ ngày 2/12/2025 đến hết ngày 24/02/2030.
|
**BỘ
CÔNG THƯƠNG**
-------
|
**CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 61/2025/TT-BCT
|
*Hà Nội, ngày 02
tháng 12 năm 2025*
|
**THÔNG TƯ**
QUY
ĐỊNH VỀ HẠN NGẠCH THUẾ QUAN NHẬP KHẨU ĐỂ THỰC HIỆN HIỆP ĐỊNH THƯƠNG MẠI GIỮA
CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM VÀ CHÍNH PHỦ NƯỚC CỘNG HÒA
DÂN CHỦ NHÂN DÂN LÀO GIAI ĐOẠN 2025 - 2030
*Căn cứ Luật Quản
lý ngoại thương số 05/2017/QH14 ngày 12 tháng 6 năm 2017;*
*Căn cứ Nghị định số 40/2025/NĐ-CP
ngày 26 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn
và cơ cấu tổ chức của Bộ Công Thương;*
*Căn cứ Nghị định số 69/2018/NĐ-CP
"##,
        want: &[
            ("number", "61/2025/TT-BCT"),
            ("kind", "TT"),
            ("issuer", "BỘ CÔNG THƯƠNG"),
            (
                "subject",
                "QUY ĐỊNH VỀ HẠN NGẠCH THUẾ QUAN NHẬP KHẨU ĐỂ THỰC HIỆN HIỆP ĐỊNH THƯƠNG MẠI GIỮA CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM VÀ CHÍNH PHỦ NƯỚC CỘNG HÒA DÂN CHỦ NHÂN DÂN LÀO GIAI ĐOẠN 2025 - 2030",
            ),
        ],
    },
    Case {
        what: "an issuer cut after 'VÀ', after a portal preamble",
        source: "portal 51f6b3d0d3d29a7f, lines 1-40",
        text: r##"|
## Danh mục nguyên liệu, vật liệu bán dẫn được khuyến khích đầu tư phát triển từ 1/1/2026
**Ngày 15/11/2025, Bộ trưởng Bộ Khoa học và Công nghệ ban hành Thông tư 32/2025/TT-BKHCN về Danh mục nguyên liệu, vật liệu bán dẫn, thiết bị, máy móc, công cụ cho công nghiệp bán dẫn được khuyến khích đầu tư phát triển.****Danh mục nguyên liệu, vật liệu bán dẫn được khuyến khích đầu tư phát triển từ 1/1/2026**
Căn cứ tại Mục A Danh mục ban hành kèm theo Thông tư 32/2025/TT-BKHCN quy định danh mục nguyên liệu, vật liệu bán dẫn được khuyến khích đầu tư phát triển và mô tả như sau:
- Silicon tinh khiết cao (Polysilicon): Silicon đa tinh thể với độ tinh khiết rất cao dùng chế tạo phôi đơn tinh thể để cắt thành tấm wafer
- Hợp chất bán dẫn thế hệ mới: Hợp chất như SiC, GaAs, GaN, InP,... được sử dụng để sản xuất các chip bán dẫn chịu được điện áp cao, nhiệt độ lớn, tần số cao,...
- Tấm wafer: Vật liệu bán dẫn được nấu chảy, tạo thành phôi tinh thể đơn, sau đó cắt lát, làm sạch, đánh bóng, oxy hóa để tạo thành tấm wafer trước khi khắc mạch. Vật liệu để sản xuất wafer là Silicon (Si), silicon carbide (SiC), gallium arsenide (GaAs), gallium nitride (GaN), hoặc Indium Phosphide (InP), ...
- Mặt nạ quang và vật liệu tạo ra mặt nạ quang: Tấm nền có khắc bản thiết kế chip bán dẫn để dùng trong quá trình quang khắc; vật liệu tạo ra mặt nạ quang
- Chất cản quang: Vật liệu nhạy sáng, được phủ/lắng đọng lên bề mặt wafer trong quá trình quang khắc.
- Hóa chất phục vụ sản xuất chip bán dẫn: Hóa chất phục vụ trực tiếp để sản xuất chip bán dẫn được sử dụng trong các bước như oxy hóa, quang khắc, ăn mòn, lắng đọng, cấy ion, làm sạch,... và đóng gói.
- Khí chuyên dụng phục vụ sản xuất chip bán dẫn: Khí chuyên dụng phục vụ sản xuất chip bán dẫn, được sử dụng trong các bước như oxy hóa, quang khắc, ăn mòn, lắng đọng, cấy ion, làm sạch,... và đóng gói.
- Bia phún xạ (Sputtering targets): Khối vật liệu kim loại bằng nhôm, titan, đồng hoặc hợp kim được sử dụng làm “bia” trong hệ thống lắng đọng PVD (Physical Vapor Deposition) thông qua phương pháp phún xạ. Khi bị chùm ion/bức xạ bắn vào, vật liệu từ bia sẽ bị bật ra và bám lên bề mặt wafer hoặc đế, tạo thành màng mỏng kim loại/hợp kim giúp kết nối và dẫn điện
- Khung dẫn (Leadframes): Dùng để nâng đỡ và cố định chip bán dẫn; tạo kết nối điện giữa chip và bảng mạch; giúp tản nhiệt và bảo vệ cơ học cho chip bán dẫn
- Đế mạch đóng gói (Substrates): Tấm nền cách điện (thường làm từ vật liệu polymer hoặc composite) dùng để gắn cố định chip bán dẫn, tạo đường kết nối điện giữa chip và bảng mạch in (PCB), đồng thời hỗ trợ tản nhiệt và bảo vệ cơ học cho chip trong quá trình đóng gói và vận hành
- Vật liệu đóng gói chip bán dẫn: Các vật liệu cách điện và dẫn nhiệt tốt (gốm, polymer,...) dùng làm vỏ đóng gói chip bán dẫn, giúp bảo vệ, đảm bảo kết nối điện ổn định và tản nhiệt hiệu quả
- Dây kết nối (Bonding wires): Sợi kim loại siêu mảnh để kết nối điện giữa chip bán dẫn và các chân đầu ra
- Vật liệu gắn wafer, die, chip bán dẫn: Vật liệu kết dính chuyên dụng (keo, băng cắt, màng dính mỏng,...) được sử dụng để gắn wafer, die (chip bán dẫn đơn lẻ chưa được đóng gói, được cắt ra từ wafer, chứa mạch tích hợp hoàn chỉnh), chip bán dẫn lên đế/khung
- Gốm kỹ thuật: Gốm chuyên dụng, có độ cứng cao, cách điện và chống mài mòn tốt, được dùng để chế tạo các bộ phận như đầu kẹp robot, chi tiết cách điện và các linh kiện cần độ bền cơ học cao trong các thiết bị bán dẫn
Thông tư 32/2025/TT-BKHCN có hiệu lực thi hành từ ngày 1/1/2026.
|
**BỘ KHOA HỌC VÀ**
CÔNG NGHỆ
**-------**
|
**CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 32/2025/TT-BKHCN
|
*Hà
Nội, ngày 15 tháng 11 năm 2025*
|
**THÔNG TƯ**
BAN HÀNH DANH MỤC NGUYÊN LIỆU, VẬT LIỆU BÁN DẪN,
THIẾT BỊ, MÁY MÓC, CÔNG CỤ CHO CÔNG NGHIỆP BÁN DẪN ĐƯỢC KHUYẾN KHÍCH ĐẦU TƯ
PHÁT TRIỂN
*Căn cứ Luật Công nghiệp công nghệ số 71/2025/QH15;*
"##,
        want: &[
            ("number", "32/2025/TT-BKHCN"),
            ("issuer", "BỘ KHOA HỌC VÀ CÔNG NGHỆ"),
            ("date", "2025-11-15"),
            ("place", "Hà Nội"),
        ],
    },
    Case {
        what: "'Về việc' trích yếu of a công văn; an en dash kept as written",
        source: "dev dn-298-2013-pldtbxh-benluc, lines 1-22",
        text: r##"
LAI-AHLLVT: 68

2

**UBND HUYỆN BẾN LÚC  
PHÒNG LĐTB&XH**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập – Tự do – Hạnh phúc**

Số: 298/ĐN-LĐTB&XH

Bến Lức, ngày 10 tháng 10 năm 2013

Về việc giải quyết trợ cấp một lần  
cho thân nhân AHLLVT Nguyễn Văn Hiến  
(Nguyễn Văn Chèo) – xã Mỹ Yên

Kính gửi: - BGD Sở Lao động – TBXH tỉnh Long An

Căn cứ Nghị định số 31/2013/NĐ-CP ngày 09/4/2013 của Chính phủ về việc  
"##,
        want: &[
            ("number", "298/ĐN-LĐTB&XH"),
            ("date", "2013-10-10"),
            (
                "subject",
                "giải quyết trợ cấp một lần cho thân nhân AHLLVT Nguyễn Văn Hiến (Nguyễn Văn Chèo) – xã Mỹ Yên",
            ),
            ("recipients", "BGD Sở Lao động – TBXH tỉnh Long An"),
        ],
    },
    Case {
        what: "a heading naming its issuer: 'QUYẾT ĐỊNH CỦA CHỦ TỊCH NƯỚC'",
        source: "dev qd-634-2005-ctn, lines 1-20",
        text: r##"
**CHỦ TỊCH NƯỚC**

Số: 634 / 2005/QĐ/CTN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Độc lập - Tự do - Hạnh phúc

Hà Nội, ngày 27 tháng 6 năm 2005

**QUYẾT ĐỊNH CỦA CHỦ TỊCH NƯỚC**

**Về việc Phong tặng danh hiệu Anh hùng Lực lượng vũ trang nhân dân**

**CHỦ TỊCH**

**NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**

Căn cứ Điều 103 của Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992 đã được sửa đổi, bổ sung theo Nghị quyết số 51/2001/QH10 ngày 25 tháng 12 năm 2001 của Quốc hội khóa X, kỳ họp thứ 10;
"##,
        want: &[
            ("kind", "QĐ"),
            ("date", "2005-06-27"),
            ("issuer", "CHỦ TỊCH NƯỚC"),
            (
                "subject",
                "Về việc Phong tặng danh hiệu Anh hùng Lực lượng vũ trang nhân dân",
            ),
        ],
    },
    Case {
        what: "Nơi nhận items without a space after the bullet, ending with commas",
        source: "dev qd-111-2006-ubnd-tantru, lines 46-57",
        text: r##"Quyết định này có hiệu lực kể từ ngày ký *14/2*

Nơi Nhận:

-Sở LĐTBXH,  
-Như điều 3,  
-Lưu VP.

CHỦ TỊCH

Nguyễn Ngọc Đây

"##,
        want: &[("noi_nhan", "Sở LĐTBXH|Như điều 3|Lưu VP")],
    },
    Case {
        what: "Nơi nhận items between blank lines; an acting chairman (TM. … / Q. CHỦ TỊCH)",
        source: "dev qd-1026-2012-ubnd-duchoa, lines 52-72",
        text: r##"**Điều 3.** Chánh văn phòng HĐND, UBND huyện, Trưởng Phòng Lao động – TBXH, Chủ tịch UBND thị trấn Đức Hòa và ông Nguyễn Tấn Đông căn cứ quyết định thi hành./.

**Nơi nhận:**

-Sở LĐTBXH;

-Như điều 3;

-Lâu.

**TM. ỦY BAN NHÂN DÂN HUYỆN  
Q. CHỦ TỊCH**

**\* Võ Thị Tuyết**


"##,
        want: &[
            ("noi_nhan", "Sở LĐTBXH|Như điều 3|Lâu"),
            ("authority", "Q."),
            ("signer", "Võ Thị Tuyết"),
        ],
    },
    Case {
        what: "'TM.ỦY BAN' without a space",
        source: "dev qd-1649-2011-ubnd-chauthanh, lines 58-68",
        text: r##"
**Nơi nhận**

- -Như điều 3;
- -Lưu

**TM.ỦY BAN NHÂN DÂN HUYỆN  
CHỦ TỊCH**

Trương Văn Biết

"##,
        want: &[("authority", "TM."), ("signer", "Trương Văn Biết")],
    },
    Case {
        what: "'KT GIÁM ĐỐC' without its dot (OCR)",
        source: "dev cv-650-2010-sldtbxh-longan, lines 30-41",
        text: r##"Nơi nhận :

- - UBND tỉnh "báo cáo";
- - GD, phó GD sở ;
- - Như trên;
- - Lưu: TBLS-NCC.

KT GIÁM ĐỐC  
PHÓ GIÁM ĐỐC

Nguyễn Văn Ghim

"##,
        want: &[
            ("authority", "KT."),
            ("title", "PHÓ GIÁM ĐỐC"),
            ("signer", "Nguyễn Văn Ghim"),
        ],
    },
];

//! Relations, short forms and entry into force: real phrases of the test corpus
//! (`tests/corpus`), with what each must give.

use vanban::citation::{Form, Relation, Resolution, resolve_short_forms, short_forms};
use vanban::document::entry_into_force;

/// (text, the number cited, its relation).
const RELATIONS: &[(&str, &str, Relation)] = &[
    // qd-254-2023-ubnd-sonla: the line under a plan's title names what it is issued with.
    (
        "KẾ HOẠCH\n\nTHỰC HIỆN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023 (Kèm theo Quyết định \
         số 254/QĐ-UBND ngày 17/02/2023 của Chủ tịch Ủy ban nhân dân tỉnh)\n\nI. MỤC ĐÍCH",
        "254/QĐ-UBND",
        Relation::Other,
    ),
    // qd-435-2020-ubnd-kontum: what the subject line says the text issues is its own.
    (
        "Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH \
         HÀNH ĐỘNG TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU NGÀY 18 THÁNG 12 NĂM 2019 CỦA BAN THƯỜNG VỤ \
         TỈNH ỦY",
        "119-KH/TU",
        Relation::Implements,
    ),
    // cv-1414-2013-tct: after `Căn cứ …,` the sentence's subject and its own clause.
    (
        "Căn cứ quy định nêu trên, Tổng cục Thuế đồng ý với ý kiến xử lý của Cục Thuế tỉnh Hà \
         Tĩnh tại Công văn số 1752/CT-THNVDT ngày 07/12/2012 về việc miễn, giảm tiền",
        "1752/CT-THNVDT",
        Relation::Other,
    ),
    // nq-126-2026-cp: a list of proposals goes on after a semicolon.
    (
        "Theo đề nghị của Bộ trưởng Bộ Văn hoá, Thể thao và Du lịch tại các văn \nbản: Số \
         202/TTr-BVHTTDL ngày 11 tháng 5 năm 2026, số 192/TTr-BVHTTDL \nngày 06 tháng 5 năm \
         2026, số 201/BC-BVHTTDL ngày 11 tháng 5 năm 2026, số \n191/BC-BVHTTDL ngày 06 tháng 5 \
         năm 2026; của Chủ tịch Ủy ban nhân dân thành \nphố Hà Nội tại Tờ trình số 82/TTr-UBND \
         ngày 31 tháng 3 năm 2026; \n",
        "82/TTr-UBND",
        Relation::Proposal,
    ),
    // qd-31-2011-ubnd-gialai: a preamble read as one line; its parts open with capitals.
    (
        "Căn cứ Thông tư số 117/2004/TT-BTC ngày 07/12/2004 của Bộ Tài chính Xét đề nghị của \
         Cục Thuế tỉnh Gia Lai tại Tờ trình số 2520/TTr-CT ngày 12/10/2011,\n\nQUYẾT ĐỊNH:",
        "2520/TTr-CT",
        Relation::Proposal,
    ),
    (
        "Căn cứ Thông tư số 117/2004/TT-BTC ngày 07/12/2004 của Bộ Tài chính Xét đề nghị của \
         Cục Thuế tỉnh Gia Lai tại Tờ trình số 2520/TTr-CT ngày 12/10/2011,\n\nQUYẾT ĐỊNH:",
        "117/2004/TT-BTC",
        Relation::Basis,
    ),
    // nq-141-2026-cp: `theo đề xuất … tại các Tờ trình` after what the text adopts.
    (
        "Điều 1. Thông qua 02 Chính sách của Luật sửa đổi, bổ sung một số điều \ncủa Luật \
         Thương mại, Luật Cạnh tranh, Luật Quản lý ngoại thương, Luật Bảo \nvệ quyền lợi người \
         tiêu dùng theo đề xuất của Bộ Công Thương tại các Tờ trình \nsố 2138/TTr-BCT ngày 30 \
         tháng 3 năm 2026",
        "2138/TTr-BCT",
        Relation::Proposal,
    ),
    // qd-378-2022-ubnd-hagiang: in a list of bases, a basis as amended: its amender too.
    (
        "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát \
         thủ tục hành chính (đã được sửa đổi, bổ sung bởi Nghị định số 92/2017/NĐ-CP ngày 07 \
         tháng 8 năm 2017 của Chính phủ); Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 \
         của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục \
         hành chính (đã được sửa đổi, bổ sung bởi Nghị định số 107/2021/NĐ-CP ngày 06 tháng 12 \
         năm 2021",
        "107/2021/NĐ-CP",
        Relation::Basis,
    ),
    // cv-2638-2019-ldtbxh: what is carried out is the allowances, by (`theo`) the decisions.
    (
        "dự kiến số đối tượng mới, kinh phí thực hiện các chế độ trợ cấp 1 lần theo Quyết định \
         số 290/QĐ-TTg, Quyết định số 59/QĐ-TTg",
        "290/QĐ-TTg",
        Relation::Other,
    ),
    // qd-1936-2025-ubnd-thainguyen: `kèm theo` is issued with, not done by.
    (
        "**Điều 2. **Bãi bỏ 03 thủ tục hành chính *(số\nthứ tự 04, 06, 07)* được ban hành kèm \
         theo Quyết định số 1388/QĐ-UBND ngày\n06/10/2025 của Chủ tịch UBND tỉnh",
        "1388/QĐ-UBND",
        Relation::Repeals,
    ),
    // tt-04-2001-bxd: after the bases, the letters of those consulted are none.
    (BASES_0401, "152/CV-TCTW", Relation::Other),
    (BASES_0401, "20/2000/QĐ-TTg", Relation::Basis),
    // cv-3397-2019-bkhdt: a header read as one line; the addressees end the subject.
    (HEADER_3397, "615/KVN-PC", Relation::Other),
    (
        "Thực hiện Kết luận số 34-KL/TW",
        "34-KL/TW",
        Relation::Implements,
    ),
    (
        "Thực hiện Quyết định số 22/2013/QĐ-TTg",
        "22/2013/QĐ-TTg",
        Relation::Implements,
    ),
    (
        "Bãi bỏ Nghị định số 54/2008/NĐ-CP",
        "54/2008/NĐ-CP",
        Relation::Repeals,
    ),
    (
        "Theo đề nghị của Bộ trưởng Bộ Y tế tại Tờ trình số 609/TTr-BYT",
        "609/TTr-BYT",
        Relation::Proposal,
    ),
    (
        "Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký và thay thế các Quyết định: Quyết định số 110/2005/QĐ-UBND",
        "110/2005/QĐ-UBND",
        Relation::Replaces,
    ),
    (
        "Luật này thay thế Luật Hải quan số 29/2001/QH10",
        "29/2001/QH10",
        Relation::Replaces,
    ),
    (
        "Căn cứ Nghị định số 128/2024/NĐ-CP ngày 10/10/2024 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 81/2018/NĐ-CP",
        "128/2024/NĐ-CP",
        Relation::Basis,
    ),
    // A name in a basis's title is what that basis does (amends, details), not a basis.
    (
        "Căn cứ Nghị định số 128/2024/NĐ-CP ngày 10/10/2024 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 81/2018/NĐ-CP",
        "81/2018/NĐ-CP",
        Relation::Other,
    ),
    // … unless the basis is named as amended: the amending document is a basis too.
    (
        "Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của \nChính phủ quy định chi tiết một số điều và biện pháp để tổ chức, hướng dẫn thi \nhành Luật Ban hành văn bản quy phạm pháp luật (được sửa đổi, bổ sung tại \nNghị định số 187/2025/NĐ-CP ngày 01 tháng 7 năm 2025); ",
        "187/2025/NĐ-CP",
        Relation::Basis,
    ),
    // A list longer than the window: the cue at the clause's start.
    (
        "Theo đề nghị của Bộ trưởng Bộ Văn hoá, Thể thao và Du lịch tại các văn \nbản: Số 202/TTr-BVHTTDL ngày 11 tháng 5 năm 2026, số 192/TTr-BVHTTDL \nngày 06 tháng 5 năm 2026, số 201/BC-BVHTTDL ngày 11 tháng 5 năm 2026, số \n191/BC-BVHTTDL ngày 06 tháng 5 năm 2026; ",
        "191/BC-BVHTTDL",
        Relation::Proposal,
    ),
    // `theo quy định tại …`: the rule something is done by, not what is carried out.
    (
        "5. Phân công cán bộ thực hiện công tác bảo vệ BMNN theo quy định tại Điều 7 Nghị định số 26/2020/NĐ-CP",
        "26/2020/NĐ-CP",
        Relation::Other,
    ),
    // `căn cứ theo`, one cue.
    (
        "Căn cứ kế hoạch tài chính - NSNN 03 năm 2019-2021 đã được xây dựng và nhu cầu kinh phí thực hiện năm 2019; mức trợ cấp, phụ cấp căn cứ theo Nghị định số 58/2019/NĐ-CP",
        "58/2019/NĐ-CP",
        Relation::Basis,
    ),
    // A colon opens the list of its clause, over a line break.
    (
        "trực tiếp quản lý theo đề           \nnghị của Bộ trưởng Bộ Văn hoá, Thể thao và Du lịch tại các Tờ trình:                 \nSố 202/TTr-BVHTTDL ngày 11 tháng 5 năm 2026, số 192/TTr-BVHTTDL",
        "192/TTr-BVHTTDL",
        Relation::Proposal,
    ),
    // A heading line (in capitals) ends what came before.
    (
        "Số: 2416/QĐ-BKHĐT \nHà Nội, ngày 17 tháng 10 năm 2024 \n  \nQUYẾT ĐỊNH \nĐính chính Thông tư số 15/2024/TT-BKHĐT ngày 30 tháng 9 năm 2024",
        "15/2024/TT-BKHĐT",
        Relation::Corrects,
    ),
    (
        "và Thông tư số 09/2013/TT-BXD ngày 01/7/2013 của Bộ Xây dựng hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg",
        "22/2013/QĐ-TTg",
        Relation::Other,
    ),
    (
        "Nghị định số 239/2025/NĐ-CP ngày 03/9/2025 của\nChính phủ sửa đổi, bổ sung một số điều của nghị định số 31/2021/NĐ-CP",
        "31/2021/NĐ-CP",
        Relation::Other,
    ),
    (
        "hành Luật Ban hành văn bản quy phạm pháp luật (được sửa đổi, bổ sung tại \nNghị định số 187/2025/NĐ-CP ngày 01 tháng 7 năm 2025);",
        "187/2025/NĐ-CP",
        Relation::Other,
    ),
    (
        "chiến do ngành LĐTBXH quản lý cuối năm thực hiện theo quy định tại Điều 43 Nghị định số 163/2016/NĐ-CP",
        "163/2016/NĐ-CP",
        Relation::Other,
    ),
    (
        "về việc đính chính điểm b Mục 3 Công văn số 627/BYT-BH",
        "627/BYT-BH",
        Relation::Corrects,
    ),
    // cv-1414-2013-tct: a cue after a document named early in a long clause is that
    // document's (the amending Quyết định's), for every name after it.
    (
        "- Tại khoản 1, khoản 2, Điều 1 Quyết định số 117/2007/QĐ-TTg ngày 27/7/2007 của Thủ \
         tướng Chính phủ sửa đổi, bổ sung một số điều của Quyết định số 118/TTg ngày 27/02/1996 \
         của Thủ tướng Chính phủ về việc hỗ trợ người có công với cách mạng cải thiện nhà ở và \
         Điều 3 Quyết định số 20/2000/QĐ-TTg ngày 03/02/2000 của Thủ tướng Chính phủ về việc hỗ \
         trợ người hoạt động cách mạng",
        "20/2000/QĐ-TTg",
        Relation::Other,
    ),
    // cv-296-2021-bhxh: `xem xét, giải quyết` is no `Xét …`; what is attached is no proposal.
    (
        "Nếu có khó khăn, vướng mắc, báo cáo BHXH Việt Nam để kịp thời xem xét, giải quyết \
         (gửi kèm Công văn số 627/BYT-BH và Công văn số 666/BYT-BH).",
        "666/BYT-BH",
        Relation::Other,
    ),
    // nq-89-2025-ubtvqh15: `Sau khi xem xét Tờ trình số …` is.
    (
        "Sau khi xem xét Tờ trình số 613/TTr-CP ngày 27 tháng 6 năm 2025 của Chính phủ",
        "613/TTr-CP",
        Relation::Proposal,
    ),
    // cv-296-2021-bhxh: a request the letter makes is not the proposal it answers; the law is
    // the rule it is to be done by (`theo đúng quy định tại`).
    (
        "đề nghị đơn vị làm thủ tục điều chỉnh giấy phép hoạt động theo đúng quy định tại khoản \
         3 Điều 44 Luật Khám bệnh, chữa bệnh số 40/2009/QH12.",
        "40/2009/QH12",
        Relation::Other,
    ),
    // cv-296-2021-bhxh: `như chỉ đạo của … tại`: the directive is where the instruction is.
    (
        "có trách nhiệm bổ sung số lượng nhân lực kịp thời tương ứng như chỉ đạo của Bộ trưởng \
         Bộ Y tế tại điểm c khoản 2 Chỉ thị số 25/CT-BYT ngày 21/12/2020",
        "25/CT-BYT",
        Relation::Other,
    ),
    // cv-296-2021-bhxh: what is not done.
    (
        "- Đối với các cơ sở KCB không thực hiện đúng Chỉ thị số 25/CT-BYT, vẫn kê thêm giường",
        "25/CT-BYT",
        Relation::Other,
    ),
    // qd-254-2023-ubnd-sonla: `thông báo` written in lower case is a verb, not a Thông báo.
    (
        "Căn cứ dự toán do Công an tỉnh lập, thực hiện thẩm định, thông báo, cấp phát kinh phí \
         thực hiện nhiệm vụ bảo vệ BMNN từ nguồn kinh phí đã giao cho Công an tỉnh tại Quyết \
         định số 2566/QĐ-UBND ngày 08/12/2022",
        "2566/QĐ-UBND",
        Relation::Other,
    ),
    // qd-372-2026-btc: the name a document is given from here on has its role.
    (
        "Điều 1. Đính chính lỗi kỹ thuật tại Thông tư số 138/2025/TT-BTC ngày 30 \ntháng 12 \
         năm 2025 của Bộ trưởng Bộ Tài chính sửa đổi, bổ sung một số điều của \nThông tư \
         95/2020/TT-BTC ngày 16 tháng 11 năm 2020 của Bộ trưởng Bộ Tài \nchính hướng dẫn giám \
         sát giao dịch chứng khoán trên thị trường chứng khoán (sau đây \ngọi là Thông tư số \
         138/2025/TT-BTC) như sau:",
        "138/2025/TT-BTC",
        Relation::Corrects,
    ),
    // nq-126-2026-cp: the proposers listed after the sentence's start.
    (
        "Chuyển về Ủy ban nhân dân thành phố Hà Nội trực tiếp quản lý theo đề \nnghị của Bộ \
         trưởng Bộ Văn hoá, Thể thao và Du lịch tại các Tờ trình: \nSố 202/TTr-BVHTTDL ngày 11 \
         tháng 5 năm 2026, số 191/BC-BVHTTDL ngày 06 tháng 5 năm 2026; của     \nChủ tịch Ủy \
         ban nhân dân thành phố Hà Nội tại Tờ trình số 82/TTr-UBND ngày 31 tháng 3 năm 2026",
        "82/TTr-UBND",
        Relation::Proposal,
    ),
    // qd-1351-2022-ubnd-quangngai: a title ends at a colon; a comma inside the issuer's name
    // opens no clause.
    (
        "Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng \
         Chính phủ hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính: Thông tư số \
         01/2018/TT-VPCP ngày 23/11/2018 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
        "01/2018/TT-VPCP",
        Relation::Basis,
    ),
];

/// (text, the start of a law named by title, which of the mentions starting so, its
/// relation).
const NAMED_RELATIONS: &[(&str, &str, usize, Relation)] = &[
    // cv-2638-2019-ldtbxh: `thời điểm báo cáo` names no Báo cáo before the cue.
    (
        "và tình hình quản lý đối tượng thực tế tại địa phương tại thời điểm báo cáo để xây \
         dựng dự toán kinh phí thực hiện Pháp lệnh ưu đãi người có công với cách mạng năm 2020;",
        "Pháp lệnh",
        0,
        Relation::Implements,
    ),
    // nq-141-2026-cp: a law named in a submission's subject is no proposal.
    (
        "Theo đề nghị của Bộ Công Thương tại các Tờ trình số 2138/TTr-BCT ngày 30 tháng 3 năm \
         2026, số 3390/TTr-BCT ngày 14 tháng 5 năm 2026 và số 374/BC-BCT ngày 30 tháng 5 năm \
         2026 về chính sách của Luật sửa đổi, bổ sung một số điều của Luật Thương mại;",
        "Luật sửa đổi",
        0,
        Relation::Other,
    ),
    // nq-141-2026-cp: the direction a policy is to take.
    (
        "- Chính sách 1: Phân cấp, phân quyền theo hướng: Bãi bỏ điều kiện kinh doanh dịch vụ \
         giám định thương mại trong Luật Thương mại và thủ tục đăng ký con dấu; sửa đổi, bãi bỏ \
         một số nội dung tại Luật Quản lý ngoại thương nhằm cải cách thủ tục hành chính",
        "Luật Quản lý",
        0,
        Relation::Other,
    ),
    // cv-3397-2019-bkhdt: a portal's title line names the text itself; its subject is what
    // the text does.
    (
        "Công văn 3397/BKHĐT-QLKTTW năm 2019 hướng dẫn áp dụng quy định tại Điều 162 Luật \
         Doanh nghiệp 2014 do Bộ Kế hoạch và Đầu tư ban hành.",
        "Luật",
        0,
        Relation::Details,
    ),
    // cv-3397-2019-bkhdt: `thì` opens the main clause after `Căn cứ …`.
    (
        "Căn cứ vào khoản 1 Điều 162 và khoản 17 Điều 4 Luật Doanh nghiệp thì hợp đồng ký \
         giữa VP GAS với PVN là các hợp đồng thuộc đối tượng quy định tại điểm a khoản 1 Điều \
         162 Luật Doanh nghiệp",
        "Luật Doanh nghiệp",
        0,
        Relation::Basis,
    ),
    (
        "Căn cứ vào khoản 1 Điều 162 và khoản 17 Điều 4 Luật Doanh nghiệp thì hợp đồng ký \
         giữa VP GAS với PVN là các hợp đồng thuộc đối tượng quy định tại điểm a khoản 1 Điều \
         162 Luật Doanh nghiệp",
        "Luật Doanh nghiệp",
        1,
        Relation::Other,
    ),
    // nq-141-2026-cp: a draft law is drafted, not carried out.
    (
        "bảo đảm thực hiện đúng các chủ trương, đường lối của Đảng, trên cơ sở đó chủ động tổ \
         chức xây dựng dự án Luật sửa đổi, bổ sung một số điều của Luật Thương mại theo quy định",
        "Luật sửa đổi",
        0,
        Relation::Other,
    ),
];

#[test]
fn relations_of_laws_named_in_real_clauses() {
    for &(text, start, nth, want) in NAMED_RELATIONS {
        let at = text.match_indices(start).nth(nth).unwrap().0;
        let c = vanban::citation::named_citations(text)
            .find(|c| c.span.start == at)
            .unwrap_or_else(|| panic!("{start} in {text:?}"));
        assert_eq!(c.relation(), want, "{text:?}");
    }
}

#[test]
fn relations_of_real_clauses() {
    for &(text, number, want) in RELATIONS {
        let c = vanban::citations(text)
            .find(|c| c.number.to_string() == number)
            .unwrap_or_else(|| panic!("{number} in {text:?}"));
        assert_eq!(c.relation(), want, "{text:?}");
    }
}

/// The bases of tt-04-2001-bxd, then those it consulted.
const BASES_0401: &str = "Căn cứ Quyết định số 20/2000/QĐ-TTg ngày 3 tháng 2 năm 2000 của Thủ \
                          tướng Chính phủ về việc hỗ trợ người hoạt động cách mạng từ trước Cách \
                          mạng tháng 8 năm 1945 cải thiện nhà ở; Sau khi thống nhất ý kiến với \
                          Ban tổ chức Trung ương Đảng (Văn bản số 152/CV-TCTW ngày 6/6/2001)";

/// The header of cv-3397-2019-bkhdt as its text gives it, on one line.
const HEADER_3397: &str = "Số: 3397/BKHĐT-QLKTTW V/v hướng dẫn áp dụng quy định tại Điều 162 \
                           Luật DN 2014 Hà Nội, ngày 23 tháng 5 năm 2019 Kính gửi: Tổng công ty \
                           Khí Việt Nam-CTCP (PV GAS) Phúc đáp Công văn số 615/KVN-PC ngày 3 \
                           tháng 4 năm 2019 của Tổng công ty Khí Việt Nam- CTCP";

/// A công văn's subject (`V/v …`) after its number on the same line is a clause of its own:
/// what it guides is what the citing text details (cv-3397-2019-bkhdt, cv-627-2021-byt);
/// a title ends before the place and date (the header of cv-627 read as one line).
#[test]
fn the_subject_line_is_a_clause_of_its_own() {
    for (text, law) in [
        (HEADER_3397, "Luật DN 2014"),
        (
            "Số: 627/BYT-BH V/v hướng dẫn thực hiện một số quy định tại Điều 22 Luật BHYT\nHà \
             Nội, ngày 27 tháng 01 năm 2021 Kính gửi:",
            "Luật BHYT",
        ),
    ] {
        let c = vanban::citation::named_citations(text)
            .next()
            .unwrap_or_else(|| panic!("{law} in {text:?}"));
        assert_eq!(c.as_str(), law);
        assert_eq!(c.relation(), Relation::Details, "{text:?}");
        let one_line = text.replace('\n', " ");
        let c = vanban::citation::named_citations(&one_line).next().unwrap();
        assert_eq!(c.as_str(), law, "{one_line:?}");
    }
}

/// What other documents do is not the citing text's (qd-254-2023-ubnd-sonla): the law
/// carried out implements, the law the guiding documents guide has no role.
#[test]
fn the_guidance_of_other_documents_is_theirs() {
    let text = "4. Sở Tư pháp: Phối hợp với Công an tỉnh kiểm tra việc triển khai, thực hiện Luật \
                Bảo vệ BMNN và các văn bản hướng dẫn thi hành Luật Bảo vệ BMNN trên địa bàn tỉnh.";
    let got: Vec<Relation> = vanban::citation::named_citations(text)
        .map(|c| c.relation())
        .collect();
    assert_eq!(got, [Relation::Implements, Relation::Other]);
}

/// A span of years or a date names no document before a cue (cv-2638-2019-ldtbxh).
#[test]
fn a_span_of_years_names_no_document() {
    let text = "- Tình hình thực hiện dự toán ngân sách nhà nước giai đoạn 2016-2018 thực hiện \
                Pháp lệnh ưu đãi người có công với cách mạng; tình hình thực hiện 6 tháng đầu năm";
    let c = vanban::citation::named_citations(text).next().unwrap();
    assert_eq!(c.relation(), Relation::Implements);
}

/// Another document's text quoted (cv-1414-2013-tct, its first sentence; the last one is
/// written for the test): its `Nghị định này` and provisions are that document's, its cues
/// too; after the quotation the text is the citing one again.
#[test]
fn a_quotation_is_the_quoted_documents() {
    let text = "- Tại khoản 5, Điều 2 Nghị định số 120/2010/NĐ-CP ngày 30/12/2010 của Chính phủ \
                quy định: \"5. Việc miễn, giảm tiền sử dụng đất khi nhà nước giao đất, cho phép \
                chuyển mục đích sử dụng đất theo quy định tại Điều 12, Điều 13 Nghị định này và \
                Điều 1 Nghị định số 44/2008/NĐ-CP ngày 09 tháng 4 năm 2008 của Chính phủ chỉ được \
                thực hiện trực tiếp với đối tượng được miễn, giảm ...\"\n\nCông văn này hướng dẫn \
                thực hiện Điều 2 Nghị định số 120/2010/NĐ-CP.";
    let cited: Vec<_> = vanban::citations(text).collect();
    let resolved = resolve_short_forms(text);
    let to: Vec<Option<String>> = resolved.iter().map(|(_, r)| r.refers_to(&cited)).collect();
    assert_eq!(
        to,
        [Some("120/2010/NĐ-CP".to_string()), Some("self".to_string())]
    );
    let p = vanban::citation::pinpoints(text)
        .find(|p| p.as_str().starts_with("Điều 12"))
        .unwrap();
    assert_eq!(
        p.target_resolution(&resolved, &cited)
            .and_then(|r| r.refers_to(&cited)),
        Some("120/2010/NĐ-CP".to_string())
    );
    // `thực hiện` inside the quotation is the Nghị định's; the last sentence's is the text's.
    let relations: Vec<Relation> = cited.iter().map(|c| c.relation()).collect();
    assert_eq!(
        relations,
        [Relation::Other, Relation::Other, Relation::Details]
    );
}

/// A correction's articles name the corrected document's provisions (qd-372-2026-btc,
/// qd-2416-2024-bkhdt): after the article's opening, its items' references point into it; a
/// phrase quoted to be changed points nowhere.
#[test]
fn a_correction_names_the_corrected_documents_provisions() {
    let text = "Điều 2. Đính chính lỗi kỹ thuật tại Thông tư số 139/2025/TT-BTC ngày 30 \n\
                tháng 12 năm 2025 của Bộ trưởng Bộ Tài chính sửa đổi, bổ sung một số điều của \n\
                Thông tư số 57/2021/TT-BTC ngày 12 tháng 7 năm 2021 của Bộ trưởng Bộ Tài chính \n\
                quy định lộ trình sắp xếp lại thị trường giao dịch cổ phiếu (sau đây \n\
                gọi là Thông tư số 139/2025/TT-BTC):  \n\
                1. Chỉnh sửa cụm từ “điểm đ khoản 2 Điều 1” thành cụm từ “điểm đ khoản \n\
                2” tại khoản 1 Điều 1. \n\
                Điều 3. Quyết định này có hiệu lực kể từ ngày ký; khoản 2 Điều 1 Quyết định này.";
    let cited: Vec<_> = vanban::citations(text).collect();
    let resolved = resolve_short_forms(text);
    let got: Vec<(String, Option<String>)> = vanban::citation::pinpoints(text)
        .map(|p| {
            let to = p
                .target_resolution(&resolved, &cited)
                .and_then(|r| r.refers_to(&cited));
            (p.as_str().replace('\n', " "), to)
        })
        .collect();
    let tt = Some("139/2025/TT-BTC".to_string());
    assert_eq!(
        got,
        [
            ("điểm đ khoản 2 Điều 1".to_string(), None),
            ("điểm đ khoản  2".to_string(), None),
            ("khoản 1 Điều 1".to_string(), tt),
            ("khoản 2 Điều 1".to_string(), Some("self".to_string())),
        ]
    );
}

/// qd-2416-2024-bkhdt (its Điều 1, the page break between dropped): what is quoted in the
/// corrected document's items is its text, whose `Thông tư này` and provisions are its own.
#[test]
fn a_correction_quotes_the_corrected_document() {
    let text = "Điều 1. Đính chính một số lỗi kỹ thuật tại Thông tư số 15/2024/TT-BKHĐT \n\
                ngày 30 tháng 9 năm 2024 của Bộ Kế hoạch và Đầu tư quy định mẫu hồ sơ đấu \n\
                thầu lựa chọn nhà đầu tư trên hệ thống mạng đấu thầu quốc gia \n\
                (sau đây viết tắt là Thông tư số 15/2024/TT-BKHĐT) như sau: \n\
                1. Tại điểm đ khoản 3 Điều 16: “Bên mời thầu làm rõ hồ sơ mời thầu khi nhận \n\
                được đề nghị làm rõ trong thời hạn nêu tại điểm a khoản này...” \n\
                Nay sửa thành:“Bên mời thầu làm rõ hồ sơ mời thầu khi nhận được đề nghị \n\
                làm rõ trong thời hạn nêu tại điểm c và điểm d khoản này...” \n\
                2. Tại đoạn đầu Điều 21 đã in: “Đối với dự án PPP, kể từ ngày Thông tư này \n\
                có hiệu lực thi hành theo quy định tại khoản 2 Điều 23 của Thông tư này, thực \n\
                hiện chuyển tiếp như sau:” \n\
                Điều 2. Quyết định này có hiệu lực kể từ ngày ký.";
    let cited: Vec<_> = vanban::citations(text).collect();
    let resolved = resolve_short_forms(text);
    let tt = "15/2024/TT-BKHĐT".to_string();
    let forms: Vec<Option<String>> = resolved.iter().map(|(_, r)| r.refers_to(&cited)).collect();
    assert_eq!(
        forms,
        [Some(tt.clone()), Some(tt.clone()), Some("self".to_string())]
    );
    let targets: Vec<Option<String>> = vanban::citation::pinpoints(text)
        .map(|p| {
            p.target_resolution(&resolved, &cited)
                .and_then(|r| r.refers_to(&cited))
        })
        .collect();
    assert!(!targets.is_empty());
    assert!(
        targets.iter().all(|t| t.as_deref() == Some(tt.as_str())),
        "{targets:?}"
    );
}

#[test]
fn short_forms_and_what_they_stand_for() {
    let text = "Căn cứ Nghị định số 15/2018/NĐ-CP ngày 22/01/2018; các nội dung tại Nghị định số 15 \
                và Nghị định nêu trên; Quyết định này có hiệu lực; Thông tư trên";
    let got: Vec<(&str, Form, Resolution)> = resolve_short_forms(text)
        .into_iter()
        .map(|(s, r)| (s.as_str(), s.form, r))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Nghị định số 15",
                Form::ShortNumber(15),
                Resolution::Cited(0)
            ),
            ("Nghị định nêu trên", Form::Above, Resolution::Cited(0)),
            ("Quyết định này", Form::This, Resolution::ThisDocument),
            ("Thông tư trên", Form::Above, Resolution::Unresolved),
        ]
    );
    // A kind's abbreviation and a number (tt-04-2001-bxd): the short name the text gives a
    // Quyết định, at its definition and after; pinpoints into it are resolved through it.
    let text = "hướng dẫn thực hiện Quyết định số 20/2000/QĐ-TTg ngày 3/2/2000 của Thủ tướng \
                Chính phủ (sau đây gọi tắt là QĐ 20) bao gồm cả những người … được hỗ trợ \
                theo quy định tại Điều 1 và Điều 2 QĐ 20 đã được tặng …; ngày QĐ 20 có hiệu \
                lực thi hành; NĐ 20 chưa được nêu";
    let resolved = resolve_short_forms(text);
    let got: Vec<(&str, Form, Resolution)> = resolved
        .iter()
        .map(|(s, r)| (s.as_str(), s.form, *r))
        .collect();
    let qd = (Form::ShortNumber(20), Resolution::Cited(0));
    assert_eq!(
        got,
        [
            ("QĐ 20", qd.0, qd.1),
            ("QĐ 20", qd.0, qd.1),
            ("QĐ 20", qd.0, qd.1),
            ("NĐ 20", Form::ShortNumber(20), Resolution::Unresolved),
        ]
    );
    let p = vanban::citation::pinpoints(text).next().unwrap();
    assert_eq!(p.as_str(), "Điều 1 và Điều 2");
    let cited: Vec<_> = vanban::citations(text).collect();
    assert_eq!(
        p.target_resolution(&resolved, &cited),
        Some(Resolution::Cited(0))
    );
    // qd-372-2026-btc: a kind's name broken over two lines (text extracted from PDF).
    let text = "Điều 3. Quyết định này có hiệu lực kể từ ngày ký, nội dung đính chính tại Quyết \n\
                định này là một phần không thể tách rời của Thông tư số 138/2025/TT-BTC";
    let got: Vec<(&str, Resolution)> = resolve_short_forms(text)
        .iter()
        .map(|(s, r)| (s.as_str(), *r))
        .collect();
    assert_eq!(
        got,
        [
            ("Quyết định này", Resolution::ThisDocument),
            ("Quyết \nđịnh này", Resolution::ThisDocument),
        ]
    );
    // Numbers in full, lists and a sentence's end are not short forms; nor an abbreviation
    // written otherwise than the catalogue writes it, nor inside a word.
    for text in [
        "QĐ 20/2000/QĐ-TTg",
        "ND 20 và Qđ 20",
        "BQĐ 20",
        "Quyết định số 15/2019/QĐ-UBND",
        "Nghị quyết số 15-NQ/TW",
        "Báo cáo số 198, 199/BC-UBND",
        "Nghị định 15",
        "Theo các quy định nói trên, người đại diện",
    ] {
        let all: Vec<&str> = short_forms(text).map(|s| s.as_str()).collect();
        assert!(all.is_empty(), "{text:?}: {all:?}");
    }
}

/// (text, from signing, ISO date or "", days after).
const IN_FORCE: &[(&str, bool, &str, Option<u32>)] = &[
    // cv-627-2021-byt: a công văn states when it applies.
    (
        "Nội dung hướng dẫn tại công văn này được áp dụng thực hiện từ ngày 01 tháng 01 năm 2021.",
        false,
        "2021-01-01",
        None,
    ),
    // qd-518-2023-ubnd-binhdinh: in force from signing, said by those who carry it out.
    (
        "Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này kể \
         từ ngày ký./.",
        true,
        "",
        None,
    ),
    ("Quyết định này có hiệu lực kể từ ngày ký.", true, "", None),
    (
        "Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.",
        true,
        "",
        None,
    ),
    (
        "Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2025.",
        false,
        "2025-01-01",
        None,
    ),
    (
        "Thông tư này có hiệu lực thi hành từ ngày 01/5/2012.",
        false,
        "2012-05-01",
        None,
    ),
    (
        "Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký và thay thế",
        true,
        "",
        Some(10),
    ),
    (
        "1. Quyết định này có hiệu lực thi hành sau 15 ngày, kể từ ngày đăng Công báo.",
        false,
        "",
        Some(15),
    ),
];

#[test]
fn entry_into_force_of_real_final_articles() {
    for &(text, signing, date, days) in IN_FORCE {
        let e = entry_into_force(text).unwrap_or_else(|| panic!("{text:?}"));
        assert_eq!(e.from_signing, signing, "{text:?}");
        assert_eq!(
            e.date.map(|d| d.iso()).unwrap_or_default(),
            date,
            "{text:?}"
        );
        assert_eq!(e.days_after, days, "{text:?}");
    }
    // Said of the text in passing, or of another document: not its entry into force.
    for text in [
        "tính đến ngày Quyết định này có hiệu lực thi hành mà đang chấp hành án",
        "Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân (hiệu lực từ ngày 01/07/2023)",
    ] {
        assert_eq!(entry_into_force(text), None, "{text:?}");
    }
}

/// One document cited in different ways by different texts gets one identifier.
#[test]
fn work_identifiers_meet() {
    let uri = |t: &str| vanban::citations(t).next().expect(t).work_uri();
    let a = uri("Căn cứ Quyết định số 08/2013/QĐ-TTg ngày 24/01/2013 của Thủ tướng Chính phủ;");
    let b = uri("theo quyết định số 8/2013/qđ-ttg");
    assert_eq!(a, b);
    assert_eq!(a, "/akn/vn/act/quyet-dinh/2013/8-2013-qd-ttg");
    // A number without a year takes the date's; the letters' kind from their symbol.
    assert_eq!(
        uri("Công văn số 5348/CT-CS ngày 20/11/2025 của Cục Thuế"),
        "/akn/vn/doc/cong-van/2025/5348-ct-cs"
    );
    let named = |t: &str| {
        vanban::citation::named_citations(t)
            .next()
            .expect(t)
            .work_uri()
    };
    assert_eq!(
        named("*Căn cứ Luật Tổ chức chính\nquyền địa phương ngày 16/6/2025; *"),
        named("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;")
    );
}

mod no_panic {
    use proptest::prelude::*;

    /// Text made of the pieces the readers look for, in any order: names, cues, dates,
    /// numbers, Markdown marks, line breaks and multi-byte characters next to ASCII.
    fn soup() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "Luật ",
            "luật ",
            "Bộ ",
            "Pháp lệnh ",
            "Hiến pháp ",
            "sửa đổi, bổ sung ",
            "của ",
            "và ",
            "Quyết định ",
            "này",
            " nêu trên",
            " trên",
            "số ",
            "15",
            "/2018/NĐ-CP",
            "ngày ",
            "05/3/2020",
            " năm ",
            "2024",
            "Căn cứ ",
            "thay thế ",
            "có hiệu lực ",
            "kể từ ngày ký",
            "sau 10 ngày, ",
            "thực hiện theo ",
            "được ",
            "Tổ chức ",
            "\n",
            "*",
            "**",
            ";",
            ".",
            ",",
            "“",
            "”",
            "ạ",
            "Đ",
            "\u{301}",
            " ",
            "|",
            "(",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn readers_never_panic(text in prop_oneof![soup(), ".{0,200}"]) {
            for c in vanban::citation::named_citations(&text) {
                prop_assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
                let _ = (c.title(), c.relation(), c.work_uri());
            }
            for (s, _) in vanban::citation::resolve_short_forms(&text) {
                prop_assert!(text.get(s.span.clone()).is_some());
            }
            for c in vanban::citations(&text) {
                let _ = (c.relation(), c.work_uri());
            }
            if let Some(e) = vanban::document::entry_into_force(&text) {
                prop_assert!(text.get(e.span.clone()).is_some());
            }
            for at in 0..=text.len().min(64) {
                let _ = vanban::citation::relation_at(&text, at..text.len());
            }
        }
    }
}

/// A text in decomposed form (NFD) gives the short forms and resolutions of its composed
/// form, with spans that slice it.
#[test]
fn decomposed_short_forms_read_as_composed() {
    use unicode_normalization::UnicodeNormalization;
    let text = "Căn cứ Nghị định số 15/2018/NĐ-CP ngày 22/01/2018; các nội dung tại Nghị định số 15 \
                và Nghị định nêu trên; Quyết định này có hiệu lực; Thông tư trên";
    let nfd: String = text.nfd().collect();
    let view = |t: &str| -> Vec<(String, Form, Resolution)> {
        resolve_short_forms(t)
            .into_iter()
            .map(|(s, r)| (s.as_str().nfc().collect(), s.form, r))
            .collect()
    };
    assert_eq!(view(&nfd), view(text));
    assert_eq!(view(&nfd).len(), 4);
}

/// `X này` for a kind the text is not (a công văn quoting a law; a portal's notice on a
/// Quyết định's page) is not the text itself: the document of that kind cited last before it,
/// or unresolved. A Quy chế issued with a Quyết định calls itself `Quy chế này`.
#[test]
fn this_of_another_kind_is_not_the_text() {
    use vanban::DocKind;
    use vanban::citation::resolve_for;
    // cv-19046-2014-btc.
    // cv-19046-2014-btc: the law is named by title (no number to resolve to), then cited
    // as amended by a numbered one after the short form.
    let text = "Luật hải quan được Quốc hội khóa XIII kỳ họp thứ 7 thông qua ngày 23/6/2014 và có \
                hiệu lực thi hành từ ngày 01/01/2015. Luật này thay thế Luật Hải quan số \
                29/2001/QH10 năm 2001";
    let cited: Vec<_> = vanban::citations(text).collect();
    let s = short_forms(text).next().unwrap();
    assert_eq!(s.as_str(), "Luật này");
    assert_eq!(
        resolve_for(&s, &cited, Some(DocKind::CongVan)),
        Resolution::Unresolved
    );
    assert_eq!(
        resolve_for(&s, &cited, Some(DocKind::Luat)),
        Resolution::ThisDocument
    );
    // qd-471-2025-ubnd-bacninh: the portal's notice after the text.
    let text = "Đúng 14 tháng trước, ngày 31/3/2020, THƯ VIỆN PHÁP LUẬT đã bật Thông báo này, và \
                nay 31/5/2021 xin bật lại.";
    let s = short_forms(text).next().unwrap();
    assert_eq!(
        resolve_for(&s, &[], Some(DocKind::QuyetDinh)),
        Resolution::Unresolved
    );
    assert_eq!(resolve_for(&s, &[], None), Resolution::ThisDocument);
    let text = "Quy chế này áp dụng đối với các cơ quan, đơn vị";
    let s = short_forms(text).next().unwrap();
    assert_eq!(
        resolve_for(&s, &[], Some(DocKind::QuyetDinh)),
        Resolution::ThisDocument
    );
}

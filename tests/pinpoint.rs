//! Pinpoints (`citation::pinpoints`): references to provisions in running text, read from
//! real phrases of the dev corpus (each checked to be in the file it is said to come from),
//! with the parts and the document each must give; phrases of the same texts that are no
//! pinpoints (`điều kiện`, `Điều lệ Đảng`, `thời điểm`, `hạng mục 04`, the documents' own
//! headings); every corpus text and arbitrary input with spans checked; hostile shapes in
//! linear time.

use std::ops::Range;
use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use vanban::citation::{Item, Level, Pinpoint, Target, pinpoints};

use Target::{Cited, ThisDocument, Unresolved};

/// One pinpoint expected: as written, its parts in canonical form (`Display`), its target
/// and the target as written ("" for none).
type Expected = (&'static str, &'static str, Target, &'static str);

/// (corpus file, a phrase of it, every pinpoint the phrase holds, in order).
const CASES: &[(&str, &str, &[Expected])] = &[
    // What the unit is called, in brackets; the form it is in, issued with a Quyết định.
    (
        "cv-627-2021-byt",
        "tại Mục 14 Phần I (Phần Hành chính) của Bảng kê chi phí KCB ban hành kèm theo Quyết \
         định 6556/QĐ-BYT ngày 30 tháng 10 năm 2018",
        &[(
            "Mục 14 Phần I",
            "Mục 14 Phần I",
            Cited,
            "Quyết định 6556/QĐ-BYT",
        )],
    ),
    // The text's one annex, without a label.
    (
        "qd-471-2025-ubnd-bacninh",
        "*(Chi tiết tại Phụ lục kèm theo)*",
        &[("Phụ lục", "Phụ lục này", ThisDocument, "")],
    ),
    // A sentence wrapped before its last reference, which is no heading.
    (
        "qd-372-2026-btc",
        "Chỉnh sửa cụm từ “khoản 1 Điều 8” thành cụm từ “khoản 2 Điều 16” tại \nĐiều 10. \n",
        &[
            ("khoản 1 Điều 8", "khoản 1 Điều 8", ThisDocument, ""),
            ("khoản 2 Điều 16", "khoản 2 Điều 16", ThisDocument, ""),
            ("Điều 10", "Điều 10", ThisDocument, ""),
        ],
    ),
    // A remark in brackets between the references of a list.
    (
        "cv-627-2021-byt",
        "theo quy định tại điểm a (đối với bệnh viện tuyến trung ương) hoặc điểm b khoản 3 và \
         khoản 6 Điều 22 Luật BHYT",
        &[
            (
                "điểm a (đối với bệnh viện tuyến trung ương) hoặc điểm b khoản 3",
                "điểm a, b khoản 3 Điều 22",
                Cited,
                "Luật BHYT",
            ),
            ("khoản 6 Điều 22", "khoản 6 Điều 22", Cited, "Luật BHYT"),
        ],
    ),
    (
        "cv-627-2021-byt",
        "tại mục Mức hưởng Phần II (Phần Chi phí khám bệnh, chữa bệnh) của Bảng kê chi phí KCB \
         ban hành kèm theo Quyết định 6556/QĐ-BYT .",
        &[("Phần II", "Phần II", Cited, "Quyết định 6556/QĐ-BYT")],
    ),
    // A comma between the units, then a numbered citation.
    (
        "cv-1414-2013-tct",
        "- Tại khoản 5, Điều 2 Nghị định số 120/2010/NĐ-CP ngày 30/12/2010",
        &[(
            "khoản 5, Điều 2",
            "khoản 5 Điều 2",
            Cited,
            "Nghị định số 120/2010/NĐ-CP",
        )],
    ),
    // A list of articles, the text itself; then the next reference, cited.
    (
        "cv-1414-2013-tct",
        "quy định tại Điều 12, Điều 13 Nghị định này và Điều 1 Nghị định số 44/2008/NĐ-CP",
        &[
            (
                "Điều 12, Điều 13",
                "Điều 12, 13",
                ThisDocument,
                "Nghị định này",
            ),
            ("Điều 1", "Điều 1", Cited, "Nghị định số 44/2008/NĐ-CP"),
        ],
    ),
    (
        "cv-1414-2013-tct",
        "quy định tại Điều 5, 6, 7, 8, 9, 10 Nghị định này",
        &[(
            "Điều 5, 6, 7, 8, 9, 10",
            "Điều 5, 6, 7, 8, 9, 10",
            ThisDocument,
            "Nghị định này",
        )],
    ),
    (
        "cv-1414-2013-tct",
        "- Tại khoản 1, khoản 2, Điều 1 Quyết định số 117/2007/QĐ-TTg",
        &[(
            "khoản 1, khoản 2, Điều 1",
            "khoản 1, 2 Điều 1",
            Cited,
            "Quyết định số 117/2007/QĐ-TTg",
        )],
    ),
    (
        "cv-1414-2013-tct",
        "Sửa đổi, bổ sung điểm c khoản 2 Điều 2 Quyết định số 118/TTg:",
        &[(
            "điểm c khoản 2 Điều 2",
            "điểm c khoản 2 Điều 2",
            Cited,
            "Quyết định số 118/TTg",
        )],
    ),
    // `của` between, and a law cited by its title.
    (
        "cv-1414-2013-tct",
        "quy định tại khoản 1 Điều 14 của Pháp lệnh Ưu đãi người có công với cách mạng;",
        &[(
            "khoản 1 Điều 14",
            "khoản 1 Điều 14",
            Cited,
            "Pháp lệnh Ưu đãi người có công với cách mạng",
        )],
    ),
    // `nêu trên` after a full citation: the citation is the target.
    (
        "cv-1414-2013-tct",
        "- Tại khoản 7, Điều 2 Quyết định số 118/TTg nêu trên quy định:",
        &[(
            "khoản 7, Điều 2",
            "khoản 7 Điều 2",
            Cited,
            "Quyết định số 118/TTg",
        )],
    ),
    (
        "cv-1414-2013-tct",
        "quy định tại Điểm 1, Điều 1 của Quyết định này.",
        &[(
            "Điểm 1, Điều 1",
            "điểm 1 Điều 1",
            ThisDocument,
            "Quyết định này",
        )],
    ),
    (
        "cv-19046-2014-btc",
        "theo quy định tại khoản 2 Điều 20 Luật hải quan.",
        &[("khoản 2 Điều 20", "khoản 2 Điều 20", Cited, "Luật hải quan")],
    ),
    (
        "cv-19046-2014-btc",
        "(Khoản 1, Khoản 2 Điều 33 Luật hải quan năm 2014)",
        &[(
            "Khoản 1, Khoản 2 Điều 33",
            "khoản 1, 2 Điều 33",
            Cited,
            "Luật hải quan năm 2014",
        )],
    ),
    // Over a line break.
    (
        "cv-19046-2014-btc",
        "quy định tại khoản 2\nĐiều 69 của Luật Hải quan năm 2014.",
        &[(
            "khoản 2\nĐiều 69",
            "khoản 2 Điều 69",
            Cited,
            "Luật Hải quan năm 2014",
        )],
    ),
    (
        "cv-19046-2014-btc",
        "quy định tại khoản 1, khoản 2, Khoản 4 Điều 79 Luật Hải quan năm 2014.",
        &[(
            "khoản 1, khoản 2, Khoản 4 Điều 79",
            "khoản 1, 2, 4 Điều 79",
            Cited,
            "Luật Hải quan năm 2014",
        )],
    ),
    (
        "cv-296-2021-bhxh",
        "về việc đính chính điểm b Mục 3 Công văn số 627/BYT-BH.",
        &[(
            "điểm b Mục 3",
            "điểm b Mục 3",
            Cited,
            "Công văn số 627/BYT-BH",
        )],
    ),
    (
        "cv-296-2021-bhxh",
        "quy định tại khoản 3 Điều 44 Luật KCB số 40/2009/QH12.",
        &[(
            "khoản 3 Điều 44",
            "khoản 3 Điều 44",
            Cited,
            "Luật KCB số 40/2009/QH12",
        )],
    ),
    (
        "cv-296-2021-bhxh",
        "tại điểm c khoản 2 Chỉ thị số 25/CT-BYT",
        &[(
            "điểm c khoản 2",
            "điểm c khoản 2",
            Cited,
            "Chỉ thị số 25/CT-BYT",
        )],
    ),
    // A list whose references share their article and law: each is a pinpoint, and the
    // first also holds the shared Điều 22.
    (
        "cv-627-2021-byt",
        "quy định tại điểm c khoản 3, khoản 4 và khoản 6\nĐiều 22 Luật BHYT:",
        &[
            (
                "điểm c khoản 3",
                "điểm c khoản 3 Điều 22",
                Cited,
                "Luật BHYT",
            ),
            (
                "khoản 4 và khoản 6\nĐiều 22",
                "khoản 4, 6 Điều 22",
                Cited,
                "Luật BHYT",
            ),
        ],
    ),
    (
        "cv-627-2021-byt",
        "hoặc điểm b khoản 3 và khoản 6 Điều 22 Luật BHYT",
        &[
            (
                "điểm b khoản 3",
                "điểm b khoản 3 Điều 22",
                Cited,
                "Luật BHYT",
            ),
            ("khoản 6 Điều 22", "khoản 6 Điều 22", Cited, "Luật BHYT"),
        ],
    ),
    (
        "cv-627-2021-byt",
        "quy định tại khoản 3 hoặc khoản 6 Điều 22 Luật BHYT",
        &[(
            "khoản 3 hoặc khoản 6 Điều 22",
            "khoản 3, 6 Điều 22",
            Cited,
            "Luật BHYT",
        )],
    ),
    (
        "cv-627-2021-byt",
        "quy định tại Điểm a Mục này sẽ",
        &[("Điểm a Mục này", "điểm a Mục này", ThisDocument, "")],
    ),
    (
        "cv-627-2021-byt",
        "quy định tại điểm a Mục 1 công văn này như sau:",
        &[("điểm a Mục 1", "điểm a Mục 1", ThisDocument, "công văn này")],
    ),
    // A bracket ends the reference; no document named.
    (
        "cv-627-2021-byt",
        "tại Mục 14 Phần I (Phần Hành chính)",
        &[("Mục 14 Phần I", "Mục 14 Phần I", ThisDocument, "")],
    ),
    (
        "cv-627-2021-byt",
        "quy định tại Điều 22 Luật bảo hiểm y tế số 25/2008/QH12",
        &[(
            "Điều 22",
            "Điều 22",
            Cited,
            "Luật bảo hiểm y tế số 25/2008/QH12",
        )],
    ),
    (
        "cv-3397-2019-bkhdt",
        "khoản 1 Điều 162 và khoản 17 Điều 4 Luật Doanh nghiệp thì",
        &[
            (
                "khoản 1 Điều 162",
                "khoản 1 Điều 162",
                Cited,
                "Luật Doanh nghiệp",
            ),
            (
                "khoản 17 Điều 4",
                "khoản 17 Điều 4",
                Cited,
                "Luật Doanh nghiệp",
            ),
        ],
    ),
    (
        "cv-3397-2019-bkhdt",
        "khoản 4 và 5 Điều 3, Điều 49 và 50 Luật quản lý, sử dụng vốn nhà nước đầu tư",
        &[
            (
                "khoản 4 và 5 Điều 3",
                "khoản 4, 5 Điều 3",
                Cited,
                "Luật quản lý, sử dụng vốn nhà nước đầu tư",
            ),
            (
                "Điều 49 và 50",
                "Điều 49, 50",
                Cited,
                "Luật quản lý, sử dụng vốn nhà nước đầu tư",
            ),
        ],
    ),
    (
        "luat-56-2024-qh15",
        "theo quy định tại khoản 1a và khoản 1b Điều 11 của Luật này",
        &[(
            "khoản 1a và khoản 1b Điều 11",
            "khoản 1a, 1b Điều 11",
            ThisDocument,
            "Luật này",
        )],
    ),
    (
        "luat-56-2024-qh15",
        "tại điểm b khoản 3 và khoản 9 Điều 1 của Luật này;",
        &[
            (
                "điểm b khoản 3",
                "điểm b khoản 3 Điều 1",
                ThisDocument,
                "Luật này",
            ),
            ("khoản 9 Điều 1", "khoản 9 Điều 1", ThisDocument, "Luật này"),
        ],
    ),
    (
        "luat-56-2024-qh15",
        "Quy định tại điểm b khoản 3 và điểm a khoản 4 Điều 3 của Luật này",
        &[
            (
                "điểm b khoản 3",
                "điểm b khoản 3 Điều 3",
                ThisDocument,
                "Luật này",
            ),
            (
                "điểm a khoản 4 Điều 3",
                "điểm a khoản 4 Điều 3",
                ThisDocument,
                "Luật này",
            ),
        ],
    ),
    // A closing quote after `này`: still the text itself.
    (
        "luat-56-2024-qh15",
        "quy định tại khoản 1 Điều 27 của Luật này.”;",
        &[(
            "khoản 1 Điều 27",
            "khoản 1 Điều 27",
            ThisDocument,
            "Luật này",
        )],
    ),
    (
        "luat-56-2024-qh15",
        "[Điểm này được hướng dẫn bởi Chương II Thông tư 19/2025/TT-BTC",
        &[
            ("Điểm này", "điểm này", ThisDocument, ""),
            ("Chương II", "Chương II", Cited, "Thông tư 19/2025/TT-BTC"),
        ],
    ),
    (
        "luat-56-2024-qh15",
        "bổ sung điểm a1 vào sau điểm a khoản 1 Điều 24 như sau:",
        &[
            ("điểm a1", "điểm a1", ThisDocument, ""),
            (
                "điểm a khoản 1 Điều 24",
                "điểm a khoản 1 Điều 24",
                ThisDocument,
                "",
            ),
        ],
    ),
    (
        "luat-56-2024-qh15",
        "Bổ sung Điều 11a vào sau Điều 11 như sau:",
        &[
            ("Điều 11a", "Điều 11a", ThisDocument, ""),
            ("Điều 11", "Điều 11", ThisDocument, ""),
        ],
    ),
    (
        "luat-56-2024-qh15",
        "quy định tại các khoản 2, 3, 4 và 5 Điều này.",
        &[(
            "khoản 2, 3, 4 và 5 Điều này",
            "khoản 2, 3, 4, 5 Điều này",
            ThisDocument,
            "",
        )],
    ),
    (
        "luat-56-2024-qh15",
        "hết hiệu lực bởi Khoản 3 Điều 35 Luật Dự trữ quốc gia 2025 có hiệu lực",
        &[(
            "Khoản 3 Điều 35",
            "khoản 3 Điều 35",
            Cited,
            "Luật Dự trữ quốc gia 2025",
        )],
    ),
    (
        "luat-56-2024-qh15",
        "bởi Khoản 1 Điều 3 Nghị định 126/2025/NĐ-CP có hiệu lực",
        &[(
            "Khoản 1 Điều 3",
            "khoản 1 Điều 3",
            Cited,
            "Nghị định 126/2025/NĐ-CP",
        )],
    ),
    // `nay` for `này`, as a typist wrote it.
    (
        "nd-102-2018-cp",
        "quy định tại khoản 5 Điều 2 Nghị định nay được hưởng",
        &[(
            "khoản 5 Điều 2",
            "khoản 5 Điều 2",
            ThisDocument,
            "Nghị định nay",
        )],
    ),
    (
        "nd-102-2018-cp",
        "quy định tại điểm b, c, d khoản này;",
        &[(
            "điểm b, c, d khoản này",
            "điểm b, c, d khoản này",
            ThisDocument,
            "",
        )],
    ),
    // An article and an annex of one decree: the article takes the decree too.
    (
        "nd-55-2023-cp",
        "quy định tại Điều 8, Phụ lục VI ban hành kèm theo Nghị định số 75/2021/NĐ-CP",
        &[
            ("Điều 8", "Điều 8", Cited, "Nghị định số 75/2021/NĐ-CP"),
            (
                "Phụ lục VI",
                "Phụ lục VI",
                Cited,
                "Nghị định số 75/2021/NĐ-CP",
            ),
        ],
    ),
    (
        "nd-55-2023-cp",
        "quy định tại Phụ lục II ban hành kèm theo Nghị định này.",
        &[("Phụ lục II", "Phụ lục II", ThisDocument, "Nghị định này")],
    ),
    (
        "nq-89-2025-ubtvqh15",
        "quy định tại điểm a, \nđiểm b khoản 1 Điều 1 của Nghị quyết này",
        &[(
            "điểm a, \nđiểm b khoản 1 Điều 1",
            "điểm a, b khoản 1 Điều 1",
            ThisDocument,
            "Nghị quyết này",
        )],
    ),
    // `điều` in lower case.
    (
        "qd-142-2008-ttg",
        "theo quy định tại điểm a khoản 1 điều 1 Quyết định số 290/2005/QĐ-TTg",
        &[(
            "điểm a khoản 1 điều 1",
            "điểm a khoản 1 Điều 1",
            Cited,
            "Quyết định số 290/2005/QĐ-TTg",
        )],
    ),
    (
        "qd-16-2010-ubnd-laichau",
        "quy định tại điểm 1.1 khoản 1 Điều 2 của quyết định này.",
        &[(
            "điểm 1.1 khoản 1 Điều 2",
            "điểm 1.1 khoản 1 Điều 2",
            ThisDocument,
            "quyết định này",
        )],
    ),
    // Mid-sentence `Điều 9.` is a reference (to the decree the text implements), not a
    // heading; `Khoản 3:` on its line is one too (only Điều and the larger units head).
    (
        "qd-16-2010-ubnd-laichau",
        "1. Quy định cụ thể Điều 9. Giá đất tính bồi thường",
        &[("Điều 9", "Điều 9", ThisDocument, "")],
    ),
    (
        "qd-16-2010-ubnd-laichau",
        "tư vào đất còn lại:\n\nKhoản 3:\n",
        &[("Khoản 3", "khoản 3", ThisDocument, "")],
    ),
    // A comma before the citation.
    (
        "qd-31-2011-ubnd-gialai",
        "quy định tại Khoản 1, Điều 1, Quyết định số 117/2007/QĐ-TTg",
        &[(
            "Khoản 1, Điều 1",
            "khoản 1 Điều 1",
            Cited,
            "Quyết định số 117/2007/QĐ-TTg",
        )],
    ),
    (
        "qd-31-2011-ubnd-gialai",
        "và Điều 3, Quyết định số 20/2000/QĐ-TTg",
        &[("Điều 3", "Điều 3", Cited, "Quyết định số 20/2000/QĐ-TTg")],
    ),
    (
        "qd-31-2011-ubnd-gialai",
        "theo Điều 4, Điều 5 Quy định này",
        &[("Điều 4, Điều 5", "Điều 4, 5", ThisDocument, "Quy định này")],
    ),
    // A decision named by its abbreviation and sequence only: left unresolved.
    (
        "tt-04-2001-bxd",
        "quy định tại Điều 1 và Điều 2 QĐ 20 đã được",
        &[("Điều 1 và Điều 2", "Điều 1, 2", Unresolved, "QĐ 20")],
    ),
    (
        "tt-04-2001-bxd",
        "quy định tại mục 5 khoản II Thông tư số 05/2000/TT-BXD",
        &[(
            "mục 5 khoản II",
            "Mục 5 khoản II",
            Cited,
            "Thông tư số 05/2000/TT-BXD",
        )],
    ),
    (
        "tt-98-2013-btc",
        "tại Phụ lục số 2, Phụ lục số 3, Phụ lục số 4 và Phụ lục số 5 ban hành kèm theo Thông tư này.",
        &[(
            "Phụ lục số 2, Phụ lục số 3, Phụ lục số 4 và Phụ lục số 5",
            "Phụ lục 2, 3, 4, 5",
            ThisDocument,
            "Thông tư này",
        )],
    ),
    // A kind's name alone: left unresolved.
    (
        "vbhn-5161-2024-bldtbxh",
        "quy định tại Điểm a, b Khoản 1 Điều 33 của Nghị định:",
        &[(
            "Điểm a, b Khoản 1 Điều 33",
            "điểm a, b khoản 1 Điều 33",
            Unresolved,
            "Nghị định",
        )],
    ),
    (
        "vbhn-5161-2024-bldtbxh",
        "quy định tại Phần I Phụ lục II của Thông tư số 18/2022/TT-BLĐTBXH",
        &[(
            "Phần I Phụ lục II",
            "Phần I Phụ lục II",
            Cited,
            "Thông tư số 18/2022/TT-BLĐTBXH",
        )],
    ),
    (
        "vbhn-4804-2024-bldtbxh",
        "quy định tại Điều 8 và Phụ lục VI Nghị định số 75/2021/NĐ-CP",
        &[
            ("Điều 8", "Điều 8", Cited, "Nghị định số 75/2021/NĐ-CP"),
            (
                "Phụ lục VI",
                "Phụ lục VI",
                Cited,
                "Nghị định số 75/2021/NĐ-CP",
            ),
        ],
    ),
    (
        "qd-1936-2025-ubnd-thainguyen",
        "quy định tại Điều 36 Nghị định số\n31/2021/NĐ-CP",
        &[("Điều 36", "Điều 36", Cited, "Nghị định số\n31/2021/NĐ-CP")],
    ),
    // At a line's start but running on in lower case: no heading.
    (
        "qd-1936-2025-ubnd-thainguyen",
        "tại Phụ lục I và\nPhụ lục II kèm theo Quyết định số 3154/QĐ-BTC",
        &[(
            "Phụ lục I và\nPhụ lục II",
            "Phụ lục I, II",
            Cited,
            "Quyết định số 3154/QĐ-BTC",
        )],
    ),
    (
        "qd-1936-2025-ubnd-thainguyen",
        "*(Có\nPhụ lục II kèm theo).*",
        &[("Phụ lục II", "Phụ lục II", ThisDocument, "")],
    ),
    (
        "qd-16-2010-ubnd-laichau",
        "quy định tại Điều 70 Luật Đất đai năm 2003 và Điều 69 Nghị định số 181/2004/NĐ-CP",
        &[
            ("Điều 70", "Điều 70", Cited, "Luật Đất đai năm 2003"),
            ("Điều 69", "Điều 69", Cited, "Nghị định số 181/2004/NĐ-CP"),
        ],
    ),
    // The recipients' list.
    (
        "ocr-qd-3500-2024-byt",
        "Nơi nhận:\n- Như Điều 3;",
        &[("Điều 3", "Điều 3", ThisDocument, "")],
    ),
];

/// Phrases of portal pages (`tests/portal`): `của` between units; a law's title over a line
/// break, whose number the citation starts at.
const PORTAL_CASES: &[(&str, &[Expected])] = &[
    // `của` between the units.
    (
        "các mẫu quy định tại khoản 1, khoản 2 của Điều này trên trang",
        &[(
            "khoản 1, khoản 2 của Điều này",
            "khoản 1, 2 Điều này",
            ThisDocument,
            "",
        )],
    ),
    (
        "quy định tại điểm a khoản 1 Điều 21 Luật\nThủy lợi số 08/2017/QH14",
        &[(
            "điểm a khoản 1 Điều 21",
            "điểm a khoản 1 Điều 21",
            Cited,
            "số 08/2017/QH14",
        )],
    ),
    (
        "quy định tại khoản 1 Điều 17 Nghị định\n118/2025/NĐ-CP",
        &[(
            "khoản 1 Điều 17",
            "khoản 1 Điều 17",
            Cited,
            "Nghị định\n118/2025/NĐ-CP",
        )],
    ),
];

/// Forms the corpus has no example of, in the words of the domain notes
/// (/work/shared/docs/domain.md: `từ Điều 3 đến Điều 7`, `Quyết định nêu trên`) and of
/// portal pages: ranges, a short form, capitals and Markdown.
const FORMS: &[(&str, &[Expected])] = &[
    (
        "áp dụng từ Điều 3 đến Điều 7 Nghị định này",
        &[(
            "từ Điều 3 đến Điều 7",
            "Điều 3 đến 7",
            ThisDocument,
            "Nghị định này",
        )],
    ),
    (
        "theo Điều 3 - Điều 7 Nghị định số 30/2020/NĐ-CP",
        &[(
            "Điều 3 - Điều 7",
            "Điều 3 đến 7",
            Cited,
            "Nghị định số 30/2020/NĐ-CP",
        )],
    ),
    (
        "quy định tại khoản 1 đến khoản 3 Điều 5",
        &[(
            "khoản 1 đến khoản 3 Điều 5",
            "khoản 1 đến 3 Điều 5",
            ThisDocument,
            "",
        )],
    ),
    (
        "theo Điều 5 Quyết định nêu trên",
        &[("Điều 5", "Điều 5", Unresolved, "Quyết định nêu trên")],
    ),
    (
        "theo Điều 5 Nghị định trên",
        &[("Điều 5", "Điều 5", Unresolved, "Nghị định trên")],
    ),
    (
        "Điều 5 của Nghị định 30/2020/NĐ-CP",
        &[("Điều 5", "Điều 5", Cited, "Nghị định 30/2020/NĐ-CP")],
    ),
    (
        "khoản 1 Điều 2 Luật Đất đai năm 2024",
        &[(
            "khoản 1 Điều 2",
            "khoản 1 Điều 2",
            Cited,
            "Luật Đất đai năm 2024",
        )],
    ),
    (
        "THEO ĐIỂM A KHOẢN 2 ĐIỀU 5 NGHỊ ĐỊNH SỐ 30/2020/NĐ-CP",
        &[(
            "ĐIỂM A KHOẢN 2 ĐIỀU 5",
            "điểm A khoản 2 Điều 5",
            Cited,
            "NGHỊ ĐỊNH SỐ 30/2020/NĐ-CP",
        )],
    ),
    (
        "quy định tại **Điều 5** Nghị định số 30/2020/NĐ-CP",
        &[("Điều 5", "Điều 5", Cited, "Nghị định số 30/2020/NĐ-CP")],
    ),
    (
        "theo tiết a.1 điểm a khoản 1 Mục II Thông tư số 39/2015/TT-BTC",
        &[(
            "tiết a.1 điểm a khoản 1 Mục II",
            "tiết a.1 điểm a khoản 1 Mục II",
            Cited,
            "Thông tư số 39/2015/TT-BTC",
        )],
    ),
];

/// (corpus file, a phrase of it): no pinpoint.
const NONE: &[(&str, &str)] = &[
    // A unit's word without a label.
    ("nq-60-2025-tw", "thi hành Điều lệ Đảng trình Đại hội"),
    ("cv-2403-2009-ttg", "V/v Điều chỉnh mức trợ cấp hàng tháng"),
    ("ct-21-2026-ttg", "phong tục, tập quán, điều kiện địa lý"),
    (
        "cv-1414-2013-tct",
        "sửa đổi, bổ sung một số điều của Quyết định số 118/TTg",
    ),
    (
        "cv-2204-2020-cucthue-haiduong-noheader",
        "quy định các khoản chi được trừ",
    ),
    (
        "cv-19046-2014-btc",
        "phải nộp thêm khoản tiền hoặc chứng từ",
    ),
    ("ct-21-2026-ttg", "đến thời điểm hiện nay vẫn còn"),
    (
        "cv-19046-2014-btc",
        "tập kết hàng hóa tại địa điểm người khai",
    ),
    (
        "cv-19046-2014-btc",
        "quy định chi tiết thi hành Luật hải quan",
    ),
    ("cv-5115-2018-ldtbxh", "v/v thí điểm thực hiện chi trả"),
    // Another noun before the unit's word, with a number after it.
    (
        "qd-518-2023-ubnd-binhdinh",
        "hạng mục 04 phòng học và 02 phòng chức năng",
    ),
    // The documents' own headings.
    (
        "qd-12-2012-ubnd-tuyenquang",
        "hình thức ý nghĩa và phù hợp.\n\nChương II\n\nCÁC QUY ĐỊNH CỤ THỂ",
    ),
    (
        "qd-1936-2025-ubnd-thainguyen",
        "\n**Điều 2. **Bãi bỏ 03 thủ tục",
    ),
    ("qd-518-2023-ubnd-binhdinh", "\n\nPHỤ LỤC 01:\n\n"),
    ("tt-98-2013-btc", "\n\nPhụ lục số 1\n\n"),
    ("qd-378-2022-ubnd-hagiang", "\n\nPhần I.\n\n"),
    ("vbhn-5161-2024-bldtbxh", "\n\nChương 1.\n\n"),
    ("vbhn-5161-2024-bldtbxh", "\n\nMỤC 1[2] (được bãi bỏ)\n"),
    // After a sentence's end, and in the quoted new text of an amendment.
    (
        "luat-56-2024-qh15",
        "Luật số 56/2024/QH15. Điều 10. Hiệu lực thi hành",
    ),
    ("luat-56-2024-qh15", "“Điều 11a. Trách nhiệm"),
    // An account, not a clause.
    (
        "luat-56-2024-qh15",
        "Sử dụng một hoặc nhiều tài khoản giao dịch của mình",
    ),
];

/// Phrases of the portal pages that are no pinpoints: a list (`danh mục`), and a subsection
/// (`Tiểu mục`, not one of the levels read, and not `Mục 2.1`).
const PORTAL_NONE: &[&str] = &[
    "theo Quyết định này danh mục 03 thủ tục hành chính",
    "“huyện” tại tiểu mục 2.1.",
];

fn corpus_text(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(format!("{name}.txt"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn texts_of(dir: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("the corpus is in the repository")
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "txt").then_some(p)
        })
        .filter_map(|p| {
            let text = String::from_utf8(std::fs::read(&p).ok()?).ok()?;
            Some((p.file_name()?.to_string_lossy().into_owned(), text))
        })
        .collect();
    out.sort();
    out
}

fn check(text: &str, expected: &[Expected]) {
    let got: Vec<Pinpoint<'_>> = pinpoints(text).collect();
    let view: Vec<(&str, String, Target, &str)> = got
        .iter()
        .map(|p| {
            (
                p.as_str(),
                p.to_string(),
                p.target,
                p.target_text().unwrap_or(""),
            )
        })
        .collect();
    let want: Vec<(&str, String, Target, &str)> = expected
        .iter()
        .map(|&(s, parts, t, ts)| (s, parts.to_string(), t, ts))
        .collect();
    assert_eq!(view, want, "in {text:?}");
    for p in &got {
        assert_spans(text, p);
    }
}

/// Every span of `p` slices `text` on char boundaries, and says what the fields say.
fn assert_spans(text: &str, p: &Pinpoint<'_>) {
    let ok = |r: &Range<usize>| {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    assert!(ok(&p.span), "{:?} in {text:?}", p.span);
    assert_eq!(&text[p.span.clone()], p.as_str());
    assert!(!p.parts.is_empty());
    // The first part starts the pinpoint; the pinpoint's own parts are inside it.
    assert_eq!(p.parts[0].span.start, p.span.start);
    for part in &p.parts {
        assert!(ok(&part.span), "{:?} in {text:?}", part.span);
        for item in &part.items {
            let s = item.span();
            assert!(ok(&s) && part.span.start <= s.start && s.end <= part.span.end);
            match item {
                Item::Label { label, span } => assert_eq!(&text[span.clone()], *label),
                Item::Range { from, to, span } => {
                    assert!(text[span.clone()].starts_with(from));
                    assert!(text[span.clone()].ends_with(to));
                }
                _ => {}
            }
        }
    }
    if let Some(t) = &p.target_span {
        assert!(ok(t) && t.start >= p.span.end, "{t:?} in {text:?}");
        assert_eq!(p.target_text(), Some(&text[t.clone()]));
    }
    if p.target == Cited {
        assert!(p.target_span.is_some());
    }
}

#[test]
fn corpus_phrases_give_their_parts_and_document() {
    for &(file, phrase, expected) in CASES {
        assert!(
            corpus_text(file).contains(phrase),
            "{phrase:?} is not in {file}.txt"
        );
        check(phrase, expected);
    }
}

#[test]
fn portal_phrases_give_their_parts_and_document() {
    let pages = texts_of("tests/portal");
    for &(phrase, expected) in PORTAL_CASES {
        assert!(
            pages.iter().any(|(_, t)| t.contains(phrase)),
            "{phrase:?} is on no portal page"
        );
        check(phrase, expected);
    }
}

#[test]
fn forms_the_corpus_lacks() {
    for &(phrase, expected) in FORMS {
        check(phrase, expected);
    }
}

#[test]
fn corpus_phrases_that_are_no_pinpoints() {
    for &(file, phrase) in NONE {
        assert!(
            corpus_text(file).contains(phrase),
            "{phrase:?} is not in {file}.txt"
        );
        let got: Vec<String> = pinpoints(phrase).map(|p| p.as_str().to_string()).collect();
        assert!(got.is_empty(), "{phrase:?} gave {got:?}");
    }
    let pages = texts_of("tests/portal");
    for &phrase in PORTAL_NONE {
        assert!(pages.iter().any(|(_, t)| t.contains(phrase)), "{phrase:?}");
        assert_eq!(pinpoints(phrase).count(), 0, "{phrase:?}");
    }
}

/// Headings read in their documents: what follows them is found, they are not.
#[test]
fn headings_are_left_out_in_whole_documents() {
    let text = corpus_text("luat-56-2024-qh15");
    let heading = "Luật số 56/2024/QH15. Điều 10. Hiệu lực thi hành";
    let at = text.find(heading).unwrap() + heading.find("Điều").unwrap();
    assert!(pinpoints(&text).all(|p| p.span.start != at));
    // A heading's title can hold a reference: `Điều 1. … bổ sung khoản 3 Điều 12 …`.
    let text = corpus_text("nd-55-2023-cp");
    let found: Vec<String> = pinpoints(&text).map(|p| p.to_string()).collect();
    assert!(found.contains(&"khoản 4 Điều 14".to_string()), "{found:?}");
}

/// Every pinpoint of every corpus text and portal page: spans on char boundaries in the
/// text, in its order, starting with a unit's word; and each text's count is what it was
/// when the table above was checked by hand (a change shows up here first).
#[test]
fn every_text_reads_with_sound_spans() {
    let mut total = 0;
    let mut by_target = [0usize; 3];
    for dir in ["tests/corpus", "tests/portal"] {
        for (name, text) in texts_of(dir) {
            let mut last = 0;
            for p in pinpoints(&text) {
                assert_spans(&text, &p);
                assert!(p.span.start >= last, "{name}: out of order at {:?}", p.span);
                last = p.span.start;
                let first = p
                    .as_str()
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                assert!(
                    matches!(
                        first.as_str(),
                        "điều"
                            | "khoản"
                            | "điểm"
                            | "mục"
                            | "chương"
                            | "phần"
                            | "phụ"
                            | "tiết"
                            | "từ"
                    ),
                    "{name}: {:?}",
                    p.as_str()
                );
                by_target[match p.target {
                    ThisDocument => 0,
                    Cited => 1,
                    _ => 2,
                }] += 1;
                total += 1;
            }
        }
    }
    // Over a thousand references in the two sets, most of them to a cited document or the
    // text itself.
    assert!(total > 1000, "{total}");
    assert!(
        by_target[1] > 400 && by_target[0] > 500 && by_target[2] < 60,
        "{by_target:?}"
    );
}

#[test]
fn levels_have_names() {
    let all = [
        Level::Phan,
        Level::Chuong,
        Level::Muc,
        Level::Dieu,
        Level::Khoan,
        Level::Diem,
        Level::Tiet,
        Level::PhuLuc,
    ];
    let names: Vec<&str> = all.iter().map(|l| l.name()).collect();
    assert_eq!(
        names,
        [
            "Phần",
            "Chương",
            "Mục",
            "Điều",
            "khoản",
            "điểm",
            "tiết",
            "Phụ lục"
        ]
    );
    assert_eq!(Level::Dieu.to_string(), "Điều");
    assert_eq!(Level::Diem.english(), "point");
}

#[cfg(feature = "serde")]
#[test]
fn serializes_with_text_and_spans() {
    let text = "theo quy định tại khoản 1, 2 Điều 5 Nghị định số 30/2020/NĐ-CP";
    let p = pinpoints(text).next().unwrap();
    let v: serde_json::Value = serde_json::to_value(&p).unwrap();
    assert_eq!(v["text"], "khoản 1, 2 Điều 5");
    assert_eq!(v["target"], "cited");
    assert_eq!(v["span"]["start"], "theo quy định tại ".len());
    assert_eq!(v["parts"][0]["level"], "khoan");
    assert_eq!(v["parts"][0]["items"][1]["kind"], "label");
    assert_eq!(v["parts"][0]["items"][1]["label"], "2");
    assert_eq!(v["parts"][1]["level"], "dieu");
    let t = v["target_span"]["start"].as_u64().unwrap() as usize;
    assert!(text[t..].starts_with("Nghị định số 30/2020/NĐ-CP"));
    let r = pinpoints("từ Điều 3 đến Điều 7").next().unwrap();
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["parts"][0]["items"][0]["kind"], "range");
    assert_eq!(v["parts"][0]["items"][0]["from"], "3");
    assert_eq!(v["parts"][0]["items"][0]["to"], "7");
    let back: Target = serde_json::from_value(serde_json::json!("this_document")).unwrap();
    assert_eq!(back, ThisDocument);
}

// --- arbitrary and hostile input ----------------------------------------------------------

/// Words of the grammar and what breaks it, for strings that reach deep into the reader.
const PIECES: &[&str] = &[
    "Điều",
    "ĐIỀU",
    "điều",
    "khoản",
    "Khoản",
    "điểm",
    "Điểm",
    "Mục",
    "mục",
    "Chương",
    "Phần",
    "Phụ lục",
    "PHỤ LỤC",
    "tiết",
    "từ",
    "đến",
    "và",
    "hoặc",
    "này",
    "nay",
    "nêu",
    "trên",
    "của",
    "tại",
    "ban hành kèm theo",
    "Nghị định",
    "Luật",
    "Quyết định",
    "QĐ",
    "số",
    "1",
    "22",
    "3a",
    "1.2",
    "II",
    "a",
    "đ",
    "a.1",
    "12/2020/NĐ-CP",
    "30/2020/NĐ-CP",
    "Đất đai",
    "năm 2024",
    ",",
    ".",
    ":",
    ";",
    "-",
    "–",
    "(",
    ")",
    "“",
    "”",
    "**",
    "_",
    "[1]",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\u{a0}",
    "Ð",
    "ệ",
    "\u{301}",
    "x",
];

fn grammar_soup() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..60).prop_map(|v| {
        let mut s = String::new();
        for (i, p) in v.iter().enumerate() {
            if i > 0 && !matches!(*p, "," | "." | ":" | ";") {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        for p in pinpoints(&s) {
            assert_spans(&s, &p);
        }
    }

    #[test]
    fn grammar_soup_never_panics(s in grammar_soup()) {
        let mut last = 0;
        for p in pinpoints(&s) {
            assert_spans(&s, &p);
            prop_assert!(p.span.start >= last);
            last = p.span.start;
        }
    }
}

/// Hostile shapes of `n` bytes or so.
fn hostile(n: usize) -> Vec<(&'static str, String)> {
    let rep = |unit: &str| unit.repeat(n / unit.len() + 1);
    vec![
        ("list", format!("Điều {}", rep("1, "))),
        ("units", rep("Điều ")),
        ("same-level", rep("khoản 1 và khoản ")),
        ("coordinated", rep("điểm a khoản 1 và ")),
        (
            "shared-list",
            format!("{}khoản 9 Điều {}", rep("điểm a khoản 1 và "), rep("1, ")),
        ),
        ("dotted", format!("Điều 1{}", rep(".1"))),
        ("headings-one-line", rep("Điều 1. ")),
        ("kind-after", rep("Điều 1 Nghị định ")),
        ("law-after", rep("Điều 1 Luật Đất đai ")),
        ("law-words", format!("Điều 1 {}", rep("Luật "))),
        ("spaces", format!("Điều 1{}Nghị định này", " ".repeat(n))),
        ("line-start", rep("\nĐiều 1 ")),
        ("ranges", rep("từ Điều 1 đến Điều 2 - ")),
        ("cited", rep("Điều 1 Nghị định số 30/2020/NĐ-CP; ")),
    ]
}

fn time_of(text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let n = pinpoints(text).count();
            std::hint::black_box(n);
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// Sixteen times the input costs at most about sixteen times the time (a quadratic reader
/// would take 256 times): the ratio is allowed 64, for noise.
#[test]
fn hostile_shapes_take_linear_time() {
    let small = 16 << 10;
    for ((name, a), (_, b)) in hostile(small).into_iter().zip(hostile(16 * small)) {
        for p in pinpoints(&a) {
            assert_spans(&a, &p);
        }
        let ta = time_of(&a).max(Duration::from_micros(200));
        let tb = time_of(&b);
        assert!(
            tb < ta * 64,
            "{name}: {tb:?} for {} bytes against {ta:?} for {}",
            b.len(),
            a.len()
        );
    }
}

/// Lists read as one mention where their references share units, and as several where each
/// names its own (real phrases of the corpus: cv-3397, cv-627, nd-23, qd-62).
#[test]
fn a_list_is_one_mention_where_it_shares_units() {
    for (text, want) in [
        (
            "Căn cứ vào khoản 1 Điều 162 và khoản 17 Điều 4 Luật Doanh nghiệp",
            &["khoản 1 Điều 162", "khoản 17 Điều 4"][..],
        ),
        (
            "tại điểm c khoản 3, khoản 4 và khoản 6 Điều 22 Luật BHYT",
            &["điểm c khoản 3, khoản 4 và khoản 6 Điều 22"],
        ),
        (
            "quy định tại Khoản 1 Điều 2 và Điều 3 Nghị định này",
            &["Khoản 1 Điều 2 và Điều 3"],
        ),
        (
            "quy định tại khoản 1 Điều 2, Điều 3 Quyết định này",
            &["khoản 1 Điều 2, Điều 3"],
        ),
        (
            "quy định tại Khoản 2 và Điểm a, Điểm b, Điểm c Khoản 3 Điều này",
            &["Khoản 2 và Điểm a, Điểm b, Điểm c Khoản 3 Điều này"],
        ),
    ] {
        let groups: Vec<_> = vanban::citation::pinpoint_groups(text).collect();
        let got: Vec<&str> = groups.iter().map(|g| g.as_str()).collect();
        assert_eq!(got, want, "{text}");
        // Each mention of the first keeps the law they share.
        for g in &groups {
            assert!(
                g.pinpoints
                    .iter()
                    .all(|p| p.target == groups[0].pinpoints[0].target)
            );
        }
    }
}

/// A text in decomposed form (NFD: `Điều` as `Đie`, two combining marks and `u`) gives the
/// pinpoints its composed form gives, with spans and labels that slice it.
#[test]
fn decomposed_text_reads_as_composed() {
    use unicode_normalization::UnicodeNormalization;
    let nfc = |s: &str| s.nfc().collect::<String>();
    for &(_, text, _) in CASES {
        let nfd: String = text.nfd().collect();
        let view = |t: &str| -> Vec<(String, String, Target, Option<String>)> {
            pinpoints(t)
                .map(|p| {
                    for part in &p.parts {
                        for item in &part.items {
                            assert!(t.get(item.span()).is_some(), "{t:?}");
                        }
                    }
                    (
                        nfc(p.as_str()),
                        p.to_string(),
                        p.target,
                        p.target_text().map(nfc),
                    )
                })
                .collect()
        };
        assert_eq!(view(&nfd), view(text), "{text:?}");
    }
}

//! VB6xx: the Quốc hiệu and the numbering of Điều, khoản and điểm (NĐ 30/2020, Phụ lục I §II.1, §II.6; Luật 80/2015, Điều 8).

use super::*;
use crate::diagnostic::DiagnosticCode;

impl Cx<'_> {
    pub(super) fn structure(&mut self) {
        let doc = self.doc;
        // VB601: Quốc hiệu and Tiêu ngữ as NĐ 30/2020, Phụ lục I, II.1 writes them; tone-mark
        // placement (`HOÀ`/`HÒA`) is a matter of font, not spelling.
        let squash = |s: &str| -> String {
            s.nfc()
                .collect::<String>()
                .replace("OÀ", "ÒA")
                .replace("oà", "òa")
                .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'))
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        if let Some(q) = &doc.quoc_hieu {
            let want = if doc.party {
                "ĐẢNG CỘNG SẢN VIỆT NAM"
            } else {
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
            };
            if squash(&q.text).to_uppercase() != want {
                self.push(
                    Diagnostic::new(DiagnosticCode::VB601, q.span.clone()).detail(&q.text, &q.text),
                );
            }
        }
        if let Some(t) = &doc.tieu_ngu
            && squash(&t.text).to_lowercase() != "độc lập tự do hạnh phúc"
        {
            self.push(
                Diagnostic::new(DiagnosticCode::VB601, t.span.clone()).detail(&t.text, &t.text),
            );
        }

        // VB602, VB603: article, clause and point numbering.
        let mut dieus: Vec<&OutlineNode> = Vec::new();
        collect(&doc.outline, Level::Dieu, &mut dieus);
        let mut prev: Option<(u32, &OutlineNode)> = None;
        for node in dieus {
            if self.quoted(node) {
                continue;
            }
            let digits: String = node.label.chars().filter(|c| c.is_ascii_digit()).collect();
            let has_suffix = node
                .label
                .trim_end()
                .chars()
                .last()
                .is_some_and(|c| c.is_alphabetic());
            let Ok(num) = digits.parse::<u32>() else {
                continue;
            };
            if has_suffix {
                // `Điều 5a` is inserted by an amendment between 5 and 6.
                continue;
            }
            if let Some((p, pn)) = prev
                && num != p + 1
                && num != 1
                && !self.gap(pn.span.start..node.span.start)
            {
                let (vi, en) = if num == p {
                    (
                        format!("Điều {num} lặp lại"),
                        format!("article {num} repeated"),
                    )
                } else {
                    (
                        format!("sau Điều {p} là Điều {num}"),
                        format!("article {num} after article {p}"),
                    )
                };
                self.push(
                    Diagnostic::new(DiagnosticCode::VB602, node.span.clone())
                        .detail(&vi, &en)
                        .related(pn.span.clone(), format!("Điều {p}")),
                );
            }
            prev = Some((num, node));
            self.clauses(node);
        }
    }

    pub(super) fn clauses(&mut self, dieu: &OutlineNode) {
        // An amending article quotes the articles it amends ("… như sau: “1. …”"), whose
        // numbering is theirs, not its own.
        let ext = self.slice(&dieu.extent);
        if fold_key(ext).contains("nhu sau") && ext.contains(['“', '"']) {
            return;
        }
        let mut prev: Option<(u32, &OutlineNode)> = None;
        for k in dieu.children.iter().filter(|c| c.level == Level::Khoan) {
            if self.quoted(k) {
                continue;
            }
            let Ok(num) = k.label.trim().parse::<u32>() else {
                continue;
            };
            let ok = match prev {
                None => num == 1,
                Some((p, _)) => num == p + 1,
            };
            let from = prev.map_or(dieu.span.end, |(_, pn)| pn.span.end);
            let expected = prev.map_or(1, |(p, _)| p + 1).to_string();
            if !ok
                && !self.gap(from..k.span.start)
                && !self.has_label(from..k.span.start, &expected)
            {
                let (vi, en) = match prev {
                    Some((p, _)) => (
                        format!("sau khoản {p} là khoản {num}"),
                        format!("clause {num} after clause {p}"),
                    ),
                    None => (
                        format!("khoản đầu tiên là {num}"),
                        format!("the first clause is {num}"),
                    ),
                };
                let mut d = Diagnostic::new(DiagnosticCode::VB603, k.span.clone()).detail(&vi, &en);
                if let Some((_, pn)) = prev {
                    d = d.related(pn.span.clone(), "the previous clause");
                }
                self.push(d);
            }
            prev = Some((num, k));
            self.points(k);
        }
    }

    pub(super) fn points(&mut self, khoan: &OutlineNode) {
        // The Vietnamese alphabet of điểm: a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r,
        // s, t, u, v, x, y (no f, j, w, z).
        const ORDER: &[&str] = &[
            "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r",
            "s", "t", "u", "v", "x", "y",
        ];
        let mut prev: Option<(usize, &OutlineNode)> = None;
        for p in khoan.children.iter().filter(|c| c.level == Level::Diem) {
            if self.quoted(p) {
                continue;
            }
            let label = p.label.trim().to_lowercase();
            let Some(i) = ORDER.iter().position(|x| *x == label) else {
                continue;
            };
            let ok = match prev {
                None => i == 0,
                Some((j, _)) => i == j + 1,
            };
            let from = prev.map_or(khoan.span.end, |(_, pn)| pn.span.end);
            let expected = prev.map_or("a", |(j, _)| ORDER.get(j + 1).copied().unwrap_or(""));
            if !ok && !self.gap(from..p.span.start) && !self.has_label(from..p.span.start, expected)
            {
                let before = prev.map_or("", |(j, _)| ORDER[j]);
                let (vi, en) = if before.is_empty() {
                    (
                        format!("điểm đầu tiên là {label}"),
                        format!("the first point is {label}"),
                    )
                } else {
                    (
                        format!("sau điểm {before} là điểm {label}"),
                        format!("point {label} after point {before}"),
                    )
                };
                self.push(Diagnostic::new(DiagnosticCode::VB603, p.span.clone()).detail(&vi, &en));
            }
            prev = Some((i, p));
        }
    }

    /// Whether a heading is quoted text (an amendment citing the amended Điều).
    pub(super) fn quoted(&self, node: &OutlineNode) -> bool {
        let line = line_around(self.text, node.span.start, node.span.start, 200);
        let before = self.slice(&(line.start..node.span.start));
        let head = self.slice(&(node.span.start..node.span.end.min(node.span.start + 4)));
        before.contains(['“', '"', '‘', '„', '«']) || head.starts_with(['“', '"', '‘'])
    }

    /// Whether a line in `r` starts with `label` as a khoản or điểm label in a form the
    /// outline does not read (`1.[3]`, `1.Chính phủ`, Markdown's `2\.`).
    pub(super) fn has_label(&self, r: Range<usize>, label: &str) -> bool {
        if label.is_empty() {
            return false;
        }
        self.slice(&r).lines().any(|l| {
            let t = l.trim_start_matches(['|', '*', ' ', '\t', '[']);
            t.strip_prefix(label)
                .is_some_and(|rest| rest.starts_with(['.', ')', '\\']))
        })
    }

    pub(super) fn gap(&self, r: Range<usize>) -> bool {
        GAP.is_match(self.slice(&r))
    }
}

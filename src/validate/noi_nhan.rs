//! VB3xx: Nơi nhận and its `Lưu` (NĐ 30/2020, Phụ lục I §II.9).

use super::*;
use crate::diagnostic::DiagnosticCode;

impl Cx<'_> {
    pub(super) fn noi_nhan(&mut self) {
        let doc = self.doc;
        let Some(last) = doc.noi_nhan.last() else {
            return;
        };
        let state = is_state(doc);
        let legislature = doc
            .number
            .as_ref()
            .is_some_and(|n| is_legislature(&n.value));
        let luu = doc.noi_nhan.iter().find_map(|e| match &e.kind {
            EntryKind::Luu { vt, units, .. } => Some((e, *vt, units)),
            _ => None,
        });
        match luu {
            None if state && !legislature => {
                // Insert the line after the last entry, unless the list sits in a table row.
                let end = last.text.span.end;
                let line_end = self.text[end.min(self.text.len())..]
                    .find('\n')
                    .map_or(self.text.len(), |i| end + i);
                let line = self.slice(&(end..line_end));
                let mut d = Diagnostic::new(DiagnosticCode::VB301, last.text.span.clone());
                if !line.contains('|') && !line.contains("<br") {
                    d = d.fix(line_end..line_end, "\n- Lưu: VT.");
                }
                self.push(d);
            }
            Some((e, false, _)) if state && !legislature => {
                let t = self.slice(&e.text.span);
                let at = LUU_LABEL.find(t).map_or(0, |m| m.end());
                let at = e.text.span.start + at;
                self.push(
                    Diagnostic::new(DiagnosticCode::VB302, e.text.span.clone()).fix(at..at, "VT, "),
                );
            }
            _ => {}
        }
        // VB303: `/SVHTTDL-VP` ↔ `Lưu: VT, VP`.
        if let (Some((e, _, units)), Some(n)) = (luu, &doc.number)
            && state
            && !legislature
            && !units.is_empty()
            && let Some(unit) = n.value.unit().last()
        {
            let key = |s: &str| -> String {
                let f = fold_key(s);
                let f = ["vu ", "cuc ", "phong ", "ban ", "van phong "]
                    .iter()
                    .fold(f.as_str(), |acc, p| acc.strip_prefix(p).unwrap_or(acc))
                    .to_string();
                f.chars().filter(|c| c.is_alphanumeric()).collect()
            };
            let want = key(unit);
            if !units
                .iter()
                .any(|u| key(u) == want || key(u).starts_with(&want))
            {
                self.push(
                    Diagnostic::new(DiagnosticCode::VB303, e.text.span.clone())
                        .detail(
                            &format!("{unit} ≠ {}", units.join(", ")),
                            &format!("{unit} in the number, {} in lưu", units.join(", ")),
                        )
                        .related(n.span.clone(), "the number"),
                );
            }
        }
        // VB304: công văn, tờ trình and báo cáo send to the Kính gửi addressees `Như trên`.
        if matches!(
            doc.kind,
            Some(DocKind::CongVan | DocKind::ToTrinh | DocKind::BaoCao)
        ) && !doc.recipients.is_empty()
            && !doc
                .noi_nhan
                .iter()
                .any(|e| matches!(e.kind, EntryKind::NhuTren))
        {
            self.push(
                Diagnostic::new(DiagnosticCode::VB304, doc.noi_nhan[0].text.span.clone())
                    .related(doc.recipients[0].span.clone(), "kính gửi"),
            );
        }
    }
}

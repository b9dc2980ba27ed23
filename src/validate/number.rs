//! VB1xx: the number (số, ký hiệu) against NĐ 30/2020, Phụ lục I §II.3 and Phụ lục III.

use super::*;
use crate::diagnostic::DiagnosticCode;

impl Cx<'_> {
    pub(super) fn number(&mut self) {
        let doc = self.doc;
        let Some(n) = &doc.number else { return };
        if n.value.is_blank() {
            return;
        }
        let raw = self.slice(&n.span).to_string();
        let base = n.span.start;
        if let Ok(p) = DocNumber::parse_with_notes(&raw) {
            let mut other = None;
            for irr in &p.irregularities {
                let span = base + irr.span.start..base + irr.span.end;
                let seg = raw.get(irr.span.clone()).unwrap_or("");
                let d = match irr.kind {
                    // HD 36 for Party numbers is not checked for leading zeros (unverified).
                    IrregularityKind::MissingLeadingZero if is_state(doc) => {
                        Diagnostic::new(DiagnosticCode::VB101, span.clone())
                            .detail(&raw, &raw)
                            .fix(span.start..span.start, "0")
                    }
                    IrregularityKind::MissingLeadingZero => continue,
                    IrregularityKind::Spacing => {
                        Diagnostic::new(DiagnosticCode::VB105, span.clone()).fix(span, "")
                    }
                    IrregularityKind::DashVariant => {
                        Diagnostic::new(DiagnosticCode::VB106, span.clone()).fix(span, "-")
                    }
                    IrregularityKind::EthForD => {
                        self.eth_done.push(span.clone());
                        Diagnostic::new(DiagnosticCode::VB107, span.clone()).fix(span, "Đ")
                    }
                    IrregularityKind::Case => {
                        let up = seg
                            .nfc()
                            .collect::<String>()
                            .replace('Ð', "Đ")
                            .replace('ð', "đ")
                            .to_uppercase();
                        let canon = p
                            .number
                            .kind_code()
                            .map(|k| k.code)
                            .into_iter()
                            .chain(p.number.issuer())
                            .chain(p.number.unit())
                            .find(|c| c.to_uppercase() == up)
                            .map(str::to_string);
                        let d =
                            Diagnostic::new(DiagnosticCode::VB108, span.clone()).detail(seg, seg);
                        match canon {
                            Some(c) => d.fix(span, c),
                            None => d,
                        }
                    }
                    _ => {
                        other.get_or_insert((span, format!("{:?}", irr.kind)));
                        continue;
                    }
                };
                self.push(d);
            }
            // A case fix rewrites the whole code (`qÐ` → `QĐ`): an eth fix inside it would
            // overlap, and is part of it.
            let cases: Vec<Range<usize>> = self
                .out
                .iter()
                .filter(|d| d.code == "VB108" && d.fix.is_some())
                .map(|d| d.span.clone())
                .collect();
            for d in &mut self.out {
                if d.code == "VB107"
                    && cases
                        .iter()
                        .any(|c| c.start <= d.span.start && d.span.end <= c.end)
                {
                    d.fix = None;
                }
            }
            if let Some((_, what)) = other {
                self.push(
                    Diagnostic::new(DiagnosticCode::VB011, n.span.clone()).detail(&what, &what),
                );
            }
        }

        // VB102: the kind code against the heading (NĐ 30/2020, Phụ lục I, II.3). A
        // consolidated text (VBHN) keeps the heading of the act it consolidates, and copies
        // (SY, TrS, SL) the heading of the original.
        let num_kind = n.value.kind();
        let heading = doc
            .kind_heading
            .as_ref()
            .and_then(|h| DocKind::from_name(&h.text).map(|k| (k, h)));
        if let (Some(nk), Some((hk, h))) = (num_kind, heading)
            && !matches!(
                nk,
                DocKind::VanBanHopNhat | DocKind::SaoY | DocKind::TrichSao | DocKind::SaoLuc
            )
            && !same_kind(nk, hk)
        {
            let code = n.value.kind_code().map_or("", |k| k.code);
            self.push(
                Diagnostic::new(DiagnosticCode::VB102, n.span.clone())
                    .detail(
                        &format!("{code} ≠ {}", h.text),
                        &format!("{code} but the heading is {}", h.text),
                    )
                    .related(h.span.clone(), "the kind heading"),
            );
        }

        // VB103: an unknown code where the kind belongs. A normative number (with a year)
        // always names its kind, except laws (`56/2024/QH15`); a công văn-shaped number of a
        // document with a kind heading whose first code is no known issuer but whose second
        // is (`12/QĐN-UBND`) has an unknown kind in front.
        let v = &n.value;
        let unknown = match v.system() {
            NumberSystem::Normative => {
                v.kind().is_none()
                    && v.legislature_term().is_none()
                    && v.issuer().next().is_none_or(|i| issuer_info(i).is_none())
                    && v.issuer().len() >= 2
            }
            NumberSystem::CongVan => {
                heading.is_some()
                    && v.issuer().next().is_some_and(|i| issuer_info(i).is_none())
                    && v.unit().next().is_some_and(|u| issuer_info(u).is_some())
            }
            _ => false,
        };
        if unknown {
            let code = v.issuer().next().unwrap_or_default();
            self.push(Diagnostic::new(DiagnosticCode::VB103, n.span.clone()).detail(code, code));
        }

        // VB104: a công văn's subject starts with `V/v` (NĐ 30/2020, Phụ lục I, II.5.b).
        // Without it the parser finds no subject at all (VB008), and VB104 says why.
        let cv = doc.kind == Some(DocKind::CongVan)
            && doc.kind_heading.is_none()
            && v.system() == NumberSystem::CongVan;
        if cv && doc.subject.is_none() {
            let at = n.span.end;
            self.out.retain(|d| d.code != "VB008");
            self.push(Diagnostic::new(DiagnosticCode::VB104, at..at));
        }
        if cv && let Some(s) = &doc.subject {
            let from = s.span.start.saturating_sub(16);
            let mut from = from;
            while !self.text.is_char_boundary(from) {
                from += 1;
            }
            let before = self.text.get(from..s.span.start).unwrap_or("");
            let before = before.rsplit('\n').next().unwrap_or("").to_lowercase();
            if !before.contains("v/v") {
                self.push(Diagnostic::new(DiagnosticCode::VB104, s.span.clone()));
            }
        }
    }
}

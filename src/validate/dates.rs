//! VB2xx: the header's date and the cited documents' dates (NĐ 30/2020, Phụ lục I §II.4).

use super::*;
use crate::diagnostic::DiagnosticCode;

impl Cx<'_> {
    pub(super) fn dates(&mut self) {
        let doc = self.doc;
        // VB202: leading zeros in the header date (NĐ 30/2020, Phụ lục I, II.4). The date
        // grammar says whether a zero is missing; its digit runs say where (the day's first,
        // unless it is blank, then the month's).
        if let Some(ds) = &doc.date_span
            && let Some(date) = doc.date
            && let Some(pd) = crate::date::parse_place_date(self.slice(ds))
            && pd
                .irregularities
                .contains(&DateIrregularity::MissingLeadingZero)
        {
            let base = ds.start + pd.date_span.start;
            let written = &self.slice(ds)[pd.date_span.clone()];
            let mut runs = digit_runs(written);
            let day = if pd.irregularities.contains(&DateIrregularity::DayMissing) {
                None
            } else {
                runs.next()
            };
            for (i, run) in [(0, day), (1, runs.next())] {
                let Some(run) = run else { continue };
                let Ok(v) = written[run.clone()].parse::<u8>() else {
                    continue;
                };
                let needs = if i == 0 {
                    (1..10).contains(&v) && date.day() == Some(v)
                } else {
                    (1..=2).contains(&v) && date.month() == Some(v)
                };
                if needs && run.len() == 1 {
                    let at = base + run.start;
                    let what = if i == 0 { "day" } else { "month" };
                    self.push(
                        Diagnostic::new(DiagnosticCode::VB202, at..at + 1)
                            .detail(
                                &format!("{} {v}", if i == 0 { "ngày" } else { "tháng" }),
                                &format!("the {what} {v}"),
                            )
                            .fix(at..at, "0"),
                    );
                }
            }
        }

        // VB205: a normative number carries the year of its date.
        if let (Some(n), Some(date)) = (&doc.number, doc.date)
            && let Some(y) = n.value.year()
            && y != date.year()
            && !n.value.is_blank()
            && n.value.kind() != Some(DocKind::VanBanHopNhat)
        {
            let mut d = Diagnostic::new(DiagnosticCode::VB205, n.span.clone()).detail(
                &format!("{y} ≠ {}", date.year()),
                &format!("{y} but dated {}", date.iso()),
            );
            if let Some(ds) = &doc.date_span {
                d = d.related(ds.clone(), "the date");
            }
            self.push(d);
        }

        // VB203: impossible dates anywhere in the text, read by the one date grammar.
        for span in crate::date::impossible_dates(self.text) {
            self.push(Diagnostic::new(DiagnosticCode::VB203, span));
        }

        // Cited dates: VB201 (partial), VB204 (after this document).
        for c in self.others() {
            let (Some(cd), Some(span)) = (c.date, c.date_span.clone()) else {
                continue;
            };
            if cd.day().is_none() && cd.month().is_some() {
                let t = self.slice(&span).to_string();
                self.push(Diagnostic::new(DiagnosticCode::VB201, span.clone()).detail(&t, &t));
            }
            if let (Some(own), Some(a), Some(b)) =
                (doc.date, cd.to_naive(), doc.date.and_then(|d| d.to_naive()))
                && a > b
            {
                let mut d = Diagnostic::new(DiagnosticCode::VB204, span.clone()).detail(
                    &format!("{} > {}", cd.iso(), own.iso()),
                    &format!("{} after {}", cd.iso(), own.iso()),
                );
                if let Some(ds) = &doc.date_span {
                    d = d.related(ds.clone(), "this document's date");
                }
                self.push(d);
            }
        }
    }
}

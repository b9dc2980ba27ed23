//! VB7xx: what the citations of one text say of each other and of the text itself.

use super::*;
use crate::diagnostic::DiagnosticCode;

impl Cx<'_> {
    pub(super) fn consistency(&mut self) {
        let doc = self.doc;
        let cites: Vec<&Citation> = self.others().collect();
        let mut first_date: HashMap<String, usize> = HashMap::new();
        let mut first_kind: HashMap<String, usize> = HashMap::new();
        for (i, c) in cites.iter().enumerate() {
            let key = c.number.document_key();
            if let (Some(d), Some(span)) = (c.date, &c.date_span) {
                match first_date.get(&key) {
                    None => {
                        first_date.insert(key.clone(), i);
                    }
                    Some(&j) => {
                        let f = &cites[j];
                        // Numbers without a year restart every year: `02/CT-TTg` of 2018 and
                        // of 2019 are two documents, so only dates of one year disagree.
                        let same_doc = c.number.year().is_some()
                            || f.date.is_some_and(|fd| fd.year() == d.year());
                        if f.date != Some(d) && same_doc {
                            let ft = f.date_text().unwrap_or("");
                            let t = self.slice(span).to_string();
                            let num = c.number.to_string();
                            self.push(
                                Diagnostic::new(DiagnosticCode::VB701, span.clone())
                                    .detail(
                                        &format!("{num}: {t} và {ft}"),
                                        &format!("{num}: {t} and {ft}"),
                                    )
                                    .related(
                                        f.date_span.clone().unwrap_or(0..0),
                                        format!("first given as {ft}"),
                                    ),
                            );
                        }
                    }
                }
            }
            // Only a kind named right before the number (`Thông tư số 24/2020/TT-BCA`) is
            // the cited document's: in `theo quy định tại Điều 6 Nghị định …` the words
            // before are not.
            let named = c.kind_span.as_ref().filter(|ks| {
                let between = self.slice(&(ks.end..c.number_span.start));
                let f = fold_key(between);
                let f = f.trim();
                f.is_empty() || f == "so"
            });
            if let (Some(k), Some(ks)) = (c.kind, named) {
                match first_kind.get(&key) {
                    None => {
                        first_kind.insert(key, i);
                    }
                    Some(&j) => {
                        let f = &cites[j];
                        if f.kind.is_some_and(|fk| !same_kind(fk, k)) {
                            let ft = f.kind_text().unwrap_or("");
                            let t = self.slice(ks).to_string();
                            self.push(
                                Diagnostic::new(DiagnosticCode::VB702, ks.clone())
                                    .detail(&format!("{t} và {ft}"), &format!("{t} and {ft}"))
                                    .related(
                                        f.kind_span.clone().unwrap_or(0..0),
                                        format!("first cited as {ft}"),
                                    ),
                            );
                        }
                    }
                }
            }
        }

        // VB703: the own number in the body. The header, annex headings ("Ban hành kèm theo
        // Quyết định số …"), running headers and quotations of the number (`Số: …`) are
        // legitimate mentions, and so is anything in the closing "này" form.
        let Some(own) = &doc.number else { return };
        if own.value.is_blank() {
            return;
        }
        for c in self.cites {
            if !c.is_self_reference(&own.value) || c.span.start <= own.span.end {
                continue;
            }
            let Range { start: ls, end: le } =
                line_around(self.text, c.span.start, c.span.end, 200);
            let line = fold_key(self.slice(&(ls..le)));
            let before = fold_key(self.slice(&(ls..c.span.start)));
            let legit = line.contains("kem theo")
                || line.contains("phu luc")
                || before
                    .trim_start_matches(['|', '*', '(', ' ', '#'])
                    .starts_with("so")
                || c.span.start < self.header_end()
                || before.trim().is_empty();
            if !legit {
                self.push(
                    Diagnostic::new(DiagnosticCode::VB703, c.span.clone())
                        .related(own.span.clone(), "the document's own number"),
                );
            }
        }
    }

    /// Where the body starts: the first legal basis or outline node, else the date line.
    pub(super) fn header_end(&self) -> usize {
        let doc = self.doc;
        doc.bases
            .first()
            .map(|b| b.text.span.start)
            .or(doc.outline.first().map(|o| o.span.start))
            .or(doc.date_span.as_ref().map(|d| d.end))
            .unwrap_or(0)
    }
}

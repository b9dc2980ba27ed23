//! VB4xx: signature blocks and their authority prefixes (NĐ 30/2020, Điều 13; Phụ lục I §II.7).

use super::*;
use crate::diagnostic::DiagnosticCode;

impl Cx<'_> {
    pub(super) fn signatures(&mut self) {
        let doc = self.doc;
        for s in &doc.signatures {
            if s.name.is_none() {
                self.push(Diagnostic::new(DiagnosticCode::VB401, s.span.clone()));
            }
            // NĐ 30/2020, Điều 13.1: KT. is signed by a deputy (cấp phó), TM. for a
            // collective body (tập thể lãnh đạo).
            for line in &s.authority_lines {
                let t = line.text.trim_start_matches('*');
                let f = fold_key(t);
                if (f.starts_with("kt.") || f.starts_with("k/t"))
                    && std::ptr::eq(line, s.authority_lines.last().unwrap_or(line))
                    && let Some(title) = &s.title
                {
                    // Diacritics matter: `THỨ TRƯỞNG` is a deputy, `THỦ TRƯỞNG` the head.
                    let tf: String = title.text.nfc().collect::<String>().to_uppercase();
                    let tf = tf.trim_start_matches('*');
                    if !(tf.starts_with("PHÓ ") || tf.starts_with("THỨ TRƯỞNG")) {
                        self.push(
                            Diagnostic::new(DiagnosticCode::VB402, title.span.clone())
                                .detail(&title.text, &title.text)
                                .related(line.span.clone(), "ký thay"),
                        );
                    }
                }
                if f.starts_with("tm.") || f.starts_with("t/m") {
                    let body = f[3..].trim();
                    if !is_collective(body) {
                        self.push(
                            Diagnostic::new(DiagnosticCode::VB403, line.span.clone()).detail(t, t),
                        );
                    }
                }
            }
            // VB404: a prefix-like word that is none of TM., KT., TL., TUQ., Q., T/M, K/T, T/L.
            let block = self.slice(&s.span).to_string();
            let mut off = 0;
            for l in block.split_inclusive('\n') {
                let t = l.trim_start_matches([' ', '\t', '|']);
                let lead = l.len() - t.len();
                if let Some(c) = PREFIX_LIKE.captures(t)
                    && let Some(p) = c.name("p")
                    && !matches!(p.as_str(), "TM." | "KT." | "TL." | "TUQ.")
                {
                    let at = s.span.start + off + lead + p.start();
                    self.push(
                        Diagnostic::new(DiagnosticCode::VB404, at..at + p.len())
                            .detail(p.as_str(), p.as_str()),
                    );
                }
                off += l.len();
            }
        }
    }
}

//! VB5xx: the characters of the text: NFC, `Ð`, invisible characters, legacy-encoding mojibake (TCVN 6909:2001).

use super::*;
use crate::diagnostic::DiagnosticCode;

impl Cx<'_> {
    pub(super) fn text_rules(&mut self) {
        let text = self.text;
        // VB503: control and zero-width characters, one diagnostic per run.
        let invisible = |c: char| {
            (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                || matches!(
                    c,
                    '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
                )
        };
        let mut run: Option<Range<usize>> = None;
        let mut runs = Vec::new();
        // Their UTF-8 starts below 0x20, with 0x7F, or with C2, E2 or EF.
        let leads = |b: u8| b < 0x20 || matches!(b, 0x7F | 0xC2 | 0xE2 | 0xEF);
        for (i, c) in chars_led_by(text, leads) {
            if invisible(c) {
                match &mut run {
                    Some(r) if r.end == i => r.end = i + c.len_utf8(),
                    _ => {
                        if let Some(r) = run.take() {
                            runs.push(r);
                        }
                        run = Some(i..i + c.len_utf8());
                    }
                }
            }
        }
        runs.extend(run);
        for r in runs {
            let what: String = self
                .slice(&r)
                .chars()
                .map(|c| format!("U+{:04X}", c as u32))
                .collect::<Vec<_>>()
                .join(" ");
            self.push(
                Diagnostic::new(DiagnosticCode::VB503, r.clone())
                    .detail(&what, &what)
                    .fix(r, ""),
            );
        }

        // VB504: mojibake, line by line where a suspicious character occurs.
        let mut moji_lines: Vec<Range<usize>> = Vec::new();
        let mut off = 0;
        for l in text.split_inclusive('\n') {
            let r = off..off + l.len();
            off += l.len();
            if !l.chars().any(suspicious) {
                continue;
            }
            // The runs of words Windows-1252 can hold: mojibake is made of those, and a
            // run mixed with real Vietnamese letters (`ộ`) is left alone.
            for run in cp1252_runs(l) {
                let t = &l[run.clone()];
                // Two words at least: one odd word is a symbol (`³²P`, `25°C`), not an
                // encoding.
                if t.split_whitespace()
                    .filter(|w| w.chars().any(suspicious))
                    .count()
                    < 2
                {
                    continue;
                }
                if let Some((enc, fixed)) = crate::encoding::repair_mojibake(t) {
                    let span = r.start + run.start..r.start + run.end;
                    let preview: String = fixed.chars().take(60).collect();
                    self.push(Diagnostic::new(DiagnosticCode::VB504, span.clone()).detail(
                        &format!("{}: {preview}", enc.name()),
                        &format!("{} reads as \"{preview}\"", enc.name()),
                    ));
                    moji_lines.push(span);
                }
            }
        }

        // VB502: the eth, outside what VB107 and VB504 already cover.
        for (i, c) in chars_led_by(text, |b| b == 0xC3) {
            if c == 'Ð' || c == 'ð' {
                let r = i..i + c.len_utf8();
                let covered = self
                    .eth_done
                    .iter()
                    .chain(&moji_lines)
                    .any(|s| s.start <= r.start && r.end <= s.end);
                if !covered {
                    let to = if c == 'Ð' { "Đ" } else { "đ" };
                    self.push(Diagnostic::new(DiagnosticCode::VB502, r.clone()).fix(r, to));
                }
            }
        }

        // VB501: not NFC. One diagnostic for the document, from the first to the last
        // decomposed letter; related spans show a few more lines.
        if unicode_normalization::is_nfc(text) {
            return;
        }
        let mut first: Option<usize> = None;
        let mut last = 0;
        let mut lines: Vec<usize> = Vec::new();
        let mut base = 0;
        let mut ls = 0;
        for (i, c) in text.char_indices() {
            // Marks start at U+0300; the Vietnamese letters past them are none.
            let mark =
                c >= '\u{300}' && !('\u{1E00}'..='\u{1EFF}').contains(&c) && is_combining_mark(c);
            if mark {
                first.get_or_insert(base);
                last = i + c.len_utf8();
                if lines.last() != Some(&ls) {
                    lines.push(ls);
                }
            } else {
                base = i;
                if c == '\n' {
                    ls = i + 1;
                }
            }
        }
        let span = match first {
            Some(f) => f..last,
            None => 0..text.len(),
        };
        let mut d = Diagnostic::new(DiagnosticCode::VB501, span.start..span.start).detail(
            &format!("{} dòng", lines.len().max(1)),
            &format!("{} lines", lines.len().max(1)),
        );
        // The primary span is the first decomposed letter.
        let first_end = text[span.start..]
            .char_indices()
            .skip(1)
            .find(|(_, c)| !is_combining_mark(*c))
            .map_or(span.end, |(i, _)| span.start + i);
        d.span = span.start..first_end;
        for &ls in lines.iter().skip(1).take(3) {
            let le = text[ls..].find('\n').map_or(text.len(), |i| ls + i);
            d = d.related(ls..le, "also here");
        }
        let replacement: String = text[span.clone()].nfc().collect();
        self.push(d.fix(span, replacement));
    }
}

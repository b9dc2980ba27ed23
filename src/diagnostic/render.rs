//! Diagnostics as rustc writes its own: for people reading a terminal.

use std::fmt::Write as _;

use super::Diagnostic;
use crate::text::LineIndex;

impl Diagnostic {
    /// This diagnostic of `text` (the checked text, named `file`) as rustc writes one: the
    /// Vietnamese message headed by severity and code, `--> file:line:column`, the line with
    /// carets under the span and the English message, then the related places, the rule and
    /// the fix; a blank line after. A long line is cut around the span. `lines` is the line
    /// index of `text`, made once for all its diagnostics.
    ///
    /// ```
    /// use vanban::text::LineIndex;
    /// use vanban::{Diagnostic, DiagnosticCode};
    ///
    /// let text = "Số: 5/2000/TT-BXD\n";
    /// let at = text.find('5').unwrap();
    /// let d = Diagnostic::new(DiagnosticCode::VB101, at..at + 1).fix(at..at, "0");
    /// let shown = d.render(text, &LineIndex::new(text), "tt.txt");
    /// assert!(shown.starts_with("warning[VB101]: số văn bản nhỏ hơn 10"));
    /// assert!(shown.contains("--> tt.txt:1:5\n"));
    /// assert!(shown.contains("1 | Số: 5/2000/TT-BXD\n  |     ^ a number below 10 needs a leading zero\n"));
    /// assert!(shown.ends_with("= help: insert `0`\n\n"));
    /// ```
    pub fn render(&self, text: &str, lines: &LineIndex, file: &str) -> String {
        let d = self;
        let mut s = String::new();
        let (line, col) = lines.locate(text, d.span.start);
        let range = lines.line_range(text, line);
        let src = text[range.clone()].trim_end_matches('\r');
        let num = line.to_string();
        let pad = " ".repeat(num.len());
        let _ = writeln!(s, "{}[{}]: {}", d.severity, d.code, d.message_vi);
        let _ = writeln!(s, "{pad}--> {file}:{line}:{col}\n{pad} |");
        // Long lines (flattened paragraphs) are cut around the span.
        let start_ch = col - 1;
        let span_end = d.span.end.clamp(d.span.start.min(range.end), range.end);
        let mut from_b = d.span.start.min(range.end);
        while !text.is_char_boundary(from_b) {
            from_b -= 1;
        }
        let mut to_b = span_end;
        while !text.is_char_boundary(to_b) {
            to_b -= 1;
        }
        let span_ch = text[from_b..to_b.max(from_b)].chars().count().max(1);
        let skip = start_ch.saturating_sub(40);
        let shown: String = src.chars().skip(skip).take(120.max(span_ch + 50)).collect();
        let lead = if skip > 0 { "…" } else { "" };
        let _ = writeln!(s, "{num} | {lead}{shown}");
        let _ = writeln!(
            s,
            "{pad} | {}{}{} {}",
            if skip > 0 { " " } else { "" },
            " ".repeat(start_ch - skip),
            "^".repeat(span_ch.min(120)),
            d.message_en
        );
        for r in &d.related {
            let (l, c) = lines.locate(text, r.span.start);
            let _ = writeln!(s, "{pad} = note: {}: {file}:{l}:{c}", r.label);
        }
        if !d.rule.is_empty() {
            let _ = writeln!(s, "{pad} = rule: {}", d.rule);
        }
        if let Some(f) = &d.fix {
            let n = f.replacement.chars().count();
            let what = if n > 60 {
                format!("{n} characters")
            } else {
                format!("`{}`", f.replacement.escape_debug())
            };
            let verb = if f.span.is_empty() {
                "insert"
            } else {
                "replace with"
            };
            let _ = writeln!(s, "{pad} = help: {verb} {what}");
        }
        s.push('\n');
        s
    }
}

//! The gaps between words of running text as it arrives: white space, line breaks of
//! wrapped lines, and the Markdown emphasis portal pages leave inside phrases (`ng**ày`,
//! `**Luật** Đất đai`). Read by the named-citation and pinpoint readers alike.

/// Whether `c` separates words: white space and Markdown emphasis (`*`, `_`).
pub(super) fn is_gap(c: char) -> bool {
    c.is_whitespace() || c == '*' || c == '_'
}

/// The position after the gap at `pos`, or `None` when the gap holds a blank line (a
/// paragraph ends there).
pub(super) fn skip_gap(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    let trimmed = rest.trim_start_matches(is_gap);
    let gap = &rest[..rest.len() - trimmed.len()];
    (gap.bytes().filter(|&b| b == b'\n').count() <= 1).then_some(pos + gap.len())
}

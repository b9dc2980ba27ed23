//! The body's outline: Phần, Chương, Mục, Điều, khoản, điểm and the items of administrative
//! texts (NĐ 30/2020/NĐ-CP, Phụ lục I §II.8 for the numbering of a text's parts), read from
//! the labels that open lines.

use super::{
    Ctx, Level, MAX_OUTLINE_DEPTH, MAX_OUTLINE_NODES, OUTLINE_BYTES_PER_NODE, OutlineNode,
};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::DiagnosticCode;

/// The label that opens `t`, with its level: `Phần thứ nhất`, `Chương II`, `Mục 1`,
/// `Điều 5` (before `.` or `:`), `IV` (before `.` or `)` and a space), `2.1.3`, `1`, `a`,
/// `-`, `+` (each before a space).
///
/// Read by hand, in the order a regular expression with these alternatives would try them
/// (`tests::labels_as_the_pattern_reads_them` checks it against one on the corpus): the
/// regex engine's capture search was most of the outline's cost, on every line of a body.
pub(super) fn label(t: &str) -> Option<(Level, &str)> {
    let b = t.as_bytes();
    let ws_at = |i: usize| {
        t.get(i..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_whitespace)
    };
    // After a keyword: one or more white-space characters, then where the next part starts.
    let after_space = |i: usize| {
        let rest = t.get(i..)?;
        let skipped = rest.len() - rest.trim_start().len();
        (skipped > 0).then_some(i + skipped)
    };
    let run = |i: usize, f: fn(u8) -> bool| {
        b.get(i..)
            .map_or(0, |r| r.iter().take_while(|&&c| f(c)).count())
    };
    let roman_or_digit =
        |c: u8| matches!(c, b'I' | b'V' | b'X' | b'L' | b'C') || c.is_ascii_digit();
    let keyword = |words: [&str; 2]| words.into_iter().find(|w| t.starts_with(w)).map(str::len);

    if let Some(k) = keyword(["Phần", "PHẦN"]) {
        if let Some(s) = after_space(k) {
            let rest = &t[s..];
            let ordinal = ["thứ", "THỨ"].into_iter().find(|w| rest.starts_with(w));
            if let Some(w) = ordinal
                && let Some(s2) = after_space(s + w.len())
            {
                let word = t[s2..].split(char::is_whitespace).next().unwrap_or("");
                if !word.is_empty() {
                    return Some((Level::Phan, &t[..s2 + word.len()]));
                }
            }
            let n = run(s, roman_or_digit);
            if n > 0 {
                return Some((Level::Phan, &t[..s + n]));
            }
        }
        return None;
    }
    if let Some(k) = keyword(["Chương", "CHƯƠNG"]) {
        let n = after_space(k).map_or(0, |s| run(s, roman_or_digit));
        return (n > 0).then(|| (Level::Chuong, &t[..after_space(k).unwrap_or(k) + n]));
    }
    if let Some(k) = keyword(["Mục", "MỤC"]) {
        let n = after_space(k).map_or(0, |s| run(s, |c| c.is_ascii_digit()));
        return (n > 0).then(|| (Level::Muc, &t[..after_space(k).unwrap_or(k) + n]));
    }
    if let Some(k) = keyword(["Điều", "ĐIỀU"]) {
        let s = after_space(k)?;
        let n = run(s, |c| c.is_ascii_digit());
        if n == 0 {
            return None;
        }
        let mut end = s + n;
        // One lower-case letter may follow the number (`Điều 5a`), then `.` or `:`.
        if let Some(c) = t[end..].chars().next()
            && (c.is_ascii_lowercase() || c == 'đ')
            && t[end + c.len_utf8()..].starts_with(['.', ':'])
        {
            end += c.len_utf8();
        }
        return t[end..]
            .starts_with(['.', ':'])
            .then(|| (Level::Dieu, &t[..end]));
    }
    // `[IVX]{1,5}[.)]\s`
    let n = run(0, |c| matches!(c, b'I' | b'V' | b'X'));
    if (1..=5).contains(&n) && matches!(b.get(n), Some(b'.' | b')')) && ws_at(n + 1) {
        return Some((Level::Roman, &t[..n]));
    }
    // `\d{1,2}(?:\.\d{1,2}){1,3}\.?\s`, then `\d{1,2}[.)]\s`: a run of more than two digits
    // fails both.
    let d = run(0, |c| c.is_ascii_digit());
    if (1..=2).contains(&d) {
        // Each further group: a dot and one or two digits; the most that fit are tried first.
        let mut ends = Vec::with_capacity(3);
        let mut at = d;
        while ends.len() < 3 && b.get(at) == Some(&b'.') {
            let g = run(at + 1, |c| c.is_ascii_digit());
            if !(1..=2).contains(&g) {
                break;
            }
            at += 1 + g;
            ends.push(at);
        }
        for &e in ends.iter().rev() {
            if ws_at(e) || (b.get(e) == Some(&b'.') && ws_at(e + 1)) {
                return Some((Level::SubItem, &t[..e]));
            }
        }
        if matches!(b.get(d), Some(b'.' | b')')) && ws_at(d + 1) {
            return Some((Level::Khoan, &t[..d]));
        }
    }
    // `[a-zđ][).]\s`, `[-–]\s`, `\+\s`
    let c = t.chars().next()?;
    let l = c.len_utf8();
    if (c.is_ascii_lowercase() || c == 'đ') && matches!(b.get(l), Some(b')' | b'.')) && ws_at(l + 1)
    {
        return Some((Level::Diem, &t[..l]));
    }
    if matches!(c, '-' | '–') && ws_at(l) {
        return Some((Level::Dash, &t[..l]));
    }
    if c == '+' && ws_at(1) {
        return Some((Level::Plus, &t[..1]));
    }
    None
}

/// A node as read, before the tree is built: the view is dropped in between, so that the
/// text's model and its outline never take memory at once.
struct Head {
    label: String,
    start: u32,
    end: u32,
    /// Where the node's extent ends: the start of the next node of the same or a higher
    /// level, or the end of the body.
    extent_end: u32,
    /// Its depth in the tree (0 for a root).
    depth: u8,
    level: Level,
}

/// The outline read from the view, to be built once the view is gone.
pub(super) struct Pending {
    heads: Vec<Head>,
}

/// Reads the outline of view lines `from..to` (headings and table cells excluded).
pub(super) fn read_outline(cx: &mut Ctx<'_, '_>, from: usize, to: usize) -> Pending {
    let budget = MAX_OUTLINE_NODES.min(cx.norm.original().len() / OUTLINE_BYTES_PER_NODE + 1);
    let mut heads: Vec<Head> = Vec::new();
    // The open nodes, by index into `heads`.
    let mut open: Vec<usize> = Vec::new();
    let mut stopped = None;
    for i in from..to.min(cx.view.lines.len()) {
        let l = cx.view.lines[i];
        if l.heading() || l.cell().is_some() {
            continue;
        }
        let Some((level, label)) = label(cx.view.line(i)) else {
            continue;
        };
        if heads.len() == budget {
            stopped = Some(i);
            break;
        }
        let span = cx.span(l.range());
        let start = offset(span.start);
        // A node of the same or a higher level closes the open ones below it; past the
        // deepest level, a node closes the deepest one and becomes its sibling.
        while open.last().is_some_and(|&k| heads[k].level >= level)
            || open.len() >= MAX_OUTLINE_DEPTH
        {
            if let Some(k) = open.pop() {
                heads[k].extent_end = start.max(heads[k].start);
            }
        }
        open.push(heads.len());
        heads.push(Head {
            label: label.to_string(),
            start,
            end: offset(span.end),
            extent_end: offset(span.end),
            depth: (open.len() - 1) as u8,
            level,
        });
    }
    let end = match stopped {
        Some(i) => cx.span(cx.line_range(i)).start,
        None if to >= cx.view.lines.len() => cx.norm.original().len(),
        None => cx.span(cx.line_range(to)).start,
    };
    for k in open {
        heads[k].extent_end = offset(end).max(heads[k].start);
    }
    if let Some(i) = stopped {
        let at = cx.span(cx.line_range(i)).start;
        let detail = format!(
            "MAX_OUTLINE_NODES {MAX_OUTLINE_NODES}, one per {OUTLINE_BYTES_PER_NODE} bytes"
        );
        cx.limits
            .push(Diagnostic::new(DiagnosticCode::VB013, at..at).detail(&detail, &detail));
    }
    Pending { heads }
}

/// An offset of the caller's text, at most [`MAX_INPUT_LEN`](super::MAX_INPUT_LEN).
fn offset(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

impl Pending {
    /// The tree: every vector allocated at its final size, as a flood of nodes must not
    /// cost twice their memory.
    pub(super) fn build(mut self) -> Vec<OutlineNode> {
        let mut i = 0;
        children(&mut self.heads, &mut i, 0)
    }
}

/// The nodes at `depth` from `heads[*i]` on, up to the first of a lower depth, each with its
/// children. Depth is at most [`MAX_OUTLINE_DEPTH`], so the recursion is bounded and each
/// head is counted once a level.
fn children(heads: &mut [Head], i: &mut usize, depth: u8) -> Vec<OutlineNode> {
    let count = heads[*i..]
        .iter()
        .take_while(|h| h.depth >= depth)
        .filter(|h| h.depth == depth)
        .count();
    let mut out = Vec::with_capacity(count);
    while let Some(h) = heads.get_mut(*i)
        && h.depth == depth
    {
        let label = std::mem::take(&mut h.label);
        let (level, start, end, extent_end) = (h.level, h.start, h.end, h.extent_end);
        *i += 1;
        let kids = children(heads, i, depth + 1);
        out.push(OutlineNode {
            level,
            label,
            span: start as usize..end as usize,
            extent: start as usize..extent_end as usize,
            children: kids,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::label;
    use crate::document::Level;

    /// The pattern [`label`] reads by hand, as a regular expression (with ASCII digits).
    static ORACLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(concat!(
            r"^(?:(?P<phan>(?:Phần|PHẦN)\s+(?:thứ\s+\S+|THỨ\s+\S+|[IVXLC0-9]+))",
            r"|(?P<chuong>(?:Chương|CHƯƠNG)\s+[IVXLC0-9]+)",
            r"|(?P<muc>(?:Mục|MỤC)\s+[0-9]+)",
            r"|(?P<dieu>(?:Điều|ĐIỀU)\s+[0-9]+[a-zđ]?)[.:]",
            r"|(?P<roman>[IVX]{1,5})[.)]\s",
            r"|(?P<sub>[0-9]{1,2}(?:\.[0-9]{1,2}){1,3})\.?\s",
            r"|(?P<khoan>[0-9]{1,2})[.)]\s",
            r"|(?P<diem>[a-zđ])[).]\s",
            r"|(?P<dash>[-–])\s",
            r"|(?P<plus>\+)\s)"
        ))
        .unwrap()
    });

    fn oracle(t: &str) -> Option<(Level, String)> {
        let c = ORACLE.captures(t)?;
        let levels = [
            ("phan", Level::Phan),
            ("chuong", Level::Chuong),
            ("muc", Level::Muc),
            ("dieu", Level::Dieu),
            ("roman", Level::Roman),
            ("sub", Level::SubItem),
            ("khoan", Level::Khoan),
            ("diem", Level::Diem),
            ("dash", Level::Dash),
            ("plus", Level::Plus),
        ];
        levels
            .into_iter()
            .find_map(|(n, l)| c.name(n).map(|m| (l, m.as_str().to_string())))
    }

    #[test]
    fn labels_as_the_pattern_reads_them() {
        // Real lines (every line of the corpus copied into tests/) and the edges of each
        // alternative.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
        let mut lines: Vec<String> = Vec::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap_or_default();
            lines.extend(text.lines().map(|l| l.trim().to_string()));
        }
        let edges = [
            "Phần thứ nhất",
            "PHẦN THỨ HAI QUY ĐỊNH",
            "Phần I",
            "Phần  ",
            "Phần thứ",
            "Phần thứ ",
            "Chương IV",
            "CHƯƠNG 2 ",
            "Chương",
            "Mục 1",
            "MỤC 12.",
            "Mục a",
            "Điều 5.",
            "Điều 5a.",
            "Điều 5a",
            "Điều 12a3.",
            "Điều 7:",
            "ĐIỀU 10. ",
            "Điều 5 ",
            "Điều đ.",
            "IV. ",
            "IIIIII. ",
            "V) x",
            "X.",
            "1.2. x",
            "1.2.3.4.5 x",
            "1.2.3 x",
            "12.1 x",
            "123. x",
            "1. x",
            "1) x",
            "12. x",
            "1.x",
            "a) x",
            "đ) x",
            "a.x",
            "- x",
            "– x",
            "-x",
            "+ x",
            "+x",
            "1.2.",
            "1.2 ",
            "2.1.3.4. y",
            "99.99.99.99 z",
            "1.\u{2003}x",
            "a)\tx",
        ];
        lines.extend(edges.iter().map(|s| s.to_string()));
        let mut checked = 0;
        for l in &lines {
            let got = label(l).map(|(lv, s)| (lv, s.to_string()));
            assert_eq!(got, oracle(l), "{l:?}");
            checked += usize::from(got.is_some());
        }
        assert!(checked > 1000, "only {checked} labelled lines");
    }
}

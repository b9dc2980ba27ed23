//! The layout of a document's text: lines, table cells and emphasis, read once.
//!
//! Text arrives from converters that cut phrases with layout: Markdown tables whose cells
//! become runs of lines between `|` lines, hard-wrapped lines inside a cell, emphasis markers
//! inside words (`ng**ày`), pandoc grid and simple tables. [`View`] is the text in reading
//! order with that markup removed; every kept run of characters maps back to the normalized
//! text, so a span found on the view is a span of the caller's bytes.
//!
//! Memory is a few bytes a line on top of the text (issue 13: at most 10 bytes of heap per
//! input byte, on a million one-character lines too): a line is 16 bytes, offsets are 32-bit
//! (the input is at most [`MAX_INPUT_LEN`](super::MAX_INPUT_LEN), 16 MiB), and only a line
//! made of several runs (markup dropped inside it, wrapped lines joined) keeps its runs.

use std::ops::Range;

use super::{MAX_LINES, MAX_TABLE_COLUMNS};

// ---------------------------------------------------------------------------------------------
// The reading view: the text in reading order, with table markup removed and spans kept.

/// The table cell a line was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Cell {
    /// The table, numbered from 1 in reading order.
    pub(super) table: u32,
    /// The column, from 0.
    pub(super) col: u16,
}

/// One line of the view: its bytes in [`View::text`], where it came from, what it is.
#[derive(Clone, Copy, Debug)]
pub(super) struct VLine {
    start: u32,
    end: u32,
    /// The normalized offset of `start`, when the line is one run of the normalized text.
    norm: u32,
    /// The cell's table (bits 0–23, 0 for none) and column (bits 24–29); a heading (bit 30);
    /// made of several runs, kept in [`View::pieces`] (bit 31).
    bits: u32,
}

const TABLE_BITS: u32 = (1 << 24) - 1;
const COL_SHIFT: u32 = 24;
const HEADING: u32 = 1 << 30;
const PIECED: u32 = 1 << 31;

// A column is below MAX_TABLE_COLUMNS, which six bits hold.
const _: () = assert!(MAX_TABLE_COLUMNS <= 64);

impl VLine {
    /// The line's byte range in [`View::text`].
    pub(super) fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Where the line starts in [`View::text`].
    pub(super) fn start(&self) -> usize {
        self.start as usize
    }

    /// Where the line ends in [`View::text`].
    pub(super) fn end(&self) -> usize {
        self.end as usize
    }

    /// The table cell the line was read from, if any.
    pub(super) fn cell(&self) -> Option<Cell> {
        let table = self.bits & TABLE_BITS;
        (table != 0).then_some(Cell {
            table,
            col: ((self.bits >> COL_SHIFT) & 63) as u16,
        })
    }

    /// Whether the line is a Markdown heading (`# …`).
    pub(super) fn heading(&self) -> bool {
        self.bits & HEADING != 0
    }

    fn pieced(&self) -> bool {
        self.bits & PIECED != 0
    }
}

/// A run of the view copied from the normalized text: (view start, normalized start, length).
#[derive(Clone, Copy, Debug)]
struct Piece {
    view: u32,
    norm: u32,
    len: u32,
}

/// The document in reading order: table cells become lines, grid tables are read column by
/// column within each row, Markdown emphasis and pandoc escapes are dropped. Each kept run of
/// characters maps back to the normalized text.
pub(super) struct View {
    pub(super) text: String,
    pub(super) lines: Vec<VLine>,
    /// The runs of the lines made of several, in view order; those of the line being built
    /// from `open` on.
    pieces: Vec<Piece>,
    open: usize,
    /// Where reading stopped at [`MAX_LINES`] (normalized offset), if it did.
    pub(super) cut: Option<usize>,
}

/// An offset of the view or of the normalized text, at most 16 MiB and a few line breaks.
fn off(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

impl View {
    pub(super) fn line(&self, i: usize) -> &str {
        self.lines
            .get(i)
            .and_then(|l| self.text.get(l.range()))
            .unwrap_or("")
    }

    fn push_piece(&mut self, norm: &str, r: Range<usize>) {
        if let Some(s) = norm.get(r.clone())
            && !s.is_empty()
        {
            self.pieces.push(Piece {
                view: off(self.text.len()),
                norm: off(r.start),
                len: off(s.len()),
            });
            self.text.push_str(s);
        }
    }

    /// Adds one line made of the cleaned content of `norm[r]`.
    fn push_line(&mut self, norm: &str, r: Range<usize>, cell: Option<Cell>, marks: u8) {
        let start = self.text.len();
        self.push_content(norm, r, marks);
        self.finish_line(start, cell);
    }

    /// Pushes the cleaned content of `norm[r]` (one physical line) onto the current line:
    /// without images and HTML tags (a converter renders a seal or a signature so; it is not
    /// text), and without emphasis.
    /// `marks` says which markup characters the text may hold ([`Phys::marks`]).
    fn push_content(&mut self, norm: &str, r: Range<usize>, marks: u8) {
        let s = norm.get(r.clone()).unwrap_or("");
        let s_trim = trim(s);
        let base = r.start + (s_trim.as_ptr() as usize - s.as_ptr() as usize);
        if marks == 0 {
            self.push_piece(norm, base..base + s_trim.len());
            return;
        }
        let cuts = if marks & MARKUP != 0 {
            markup_spans(s_trim)
        } else {
            Vec::new()
        };
        let emphasis = marks & EMPHASIS != 0;
        let mut from = 0;
        for cut in cuts {
            self.push_text(norm, base + from, &s_trim[from..cut.start], emphasis);
            from = cut.end;
        }
        self.push_text(norm, base + from, &s_trim[from..], emphasis);
    }

    /// Pushes `s_trim`, the normalized text at `base`, without emphasis and escapes.
    /// Without `emphasis` (the text holds no `*`, `_` or `\\`), it is one run.
    fn push_text(&mut self, norm: &str, base: usize, s_trim: &str, emphasis: bool) {
        if !emphasis {
            self.push_piece(norm, base..base + s_trim.len());
            return;
        }
        // Markdown emphasis and pandoc escapes are dropped; both are ASCII, so the bytes can
        // be searched directly.
        let bytes = s_trim.as_bytes();
        let mut piece_start = 0;
        let mut i = 0;
        while let Some(off) = memchr::memchr3(b'*', b'\\', b'_', &bytes[i..]) {
            let at = i + off;
            // Underscore emphasis (`_Nơi nhận:_`, `__KT. BỘ TRƯỞNG__`) is one or two
            // underscores at a word's edge; a longer run is a rule or a blank to fill in
            // (`Số: ____/QĐ-UBND`), and one inside a word (`file_name`) is a character.
            let len = if bytes[at] == b'_' {
                bytes[at..].iter().take_while(|&&b| b == b'_').count()
            } else {
                1
            };
            let next = s_trim[at + len..].chars().next();
            let drop = match bytes[at] {
                b'*' => true,
                b'_' => len <= 2 && underscore_emphasis(&s_trim[..at], next),
                _ => next.is_none_or(|n| n.is_ascii_punctuation() || n == ' '),
            };
            if drop {
                if at > piece_start {
                    self.push_piece(norm, base + piece_start..base + at);
                }
                piece_start = at + len;
            }
            i = at + len;
        }
        if piece_start < s_trim.len() {
            self.push_piece(norm, base + piece_start..base + s_trim.len());
        }
    }

    /// Ends the line begun at view offset `start`: one run of the normalized text is kept in
    /// the line itself, several in [`View::pieces`].
    fn finish_line(&mut self, start: usize, cell: Option<Cell>) {
        // Trim what emphasis removal left at the edges.
        let b = self.text.as_bytes();
        let mut end = b.len();
        while end > start && b[end - 1] == b' ' {
            end -= 1;
        }
        let mut st = start;
        while st < end && b[st] == b' ' {
            st += 1;
        }
        // An empty line after an empty line says nothing more (a run of empty table cells,
        // `|||||`): it is not kept, as a run of blank lines is one break.
        if st == end && self.lines.last().is_some_and(|l| l.start == l.end) {
            self.text.truncate(start);
            self.pieces.truncate(self.open);
            return;
        }
        let mut bits = cell.map_or(0, |c| {
            (c.table & TABLE_BITS) | (u32::from(c.col.min(63)) << COL_SHIFT)
        });
        if b.get(st) == Some(&b'#') {
            bits |= HEADING;
        }
        let mut norm = 0;
        match self.pieces.get(self.open..).unwrap_or(&[]) {
            [] => {}
            &[p] if p.view as usize <= st && end <= (p.view + p.len) as usize => {
                // One run: kept in the line itself.
                norm = p.norm + (off(st) - p.view);
                self.pieces.truncate(self.open);
            }
            _ => bits |= PIECED,
        }
        self.open = self.pieces.len();
        self.lines.push(VLine {
            start: off(st),
            end: off(end),
            norm,
            bits,
        });
        self.text.push('\n');
    }

    /// Notes that reading stopped at normalized offset `at` (the earliest such place).
    fn stop_at(&mut self, at: usize) {
        self.cut = Some(self.cut.map_or(at, |c| c.min(at)));
    }

    /// The runs of the view that overlap `r` (or, for an empty `r`, the first that ends
    /// after it), as (view start, normalized start, length), in no particular order: the
    /// lines that are one run, then the runs of the others.
    fn runs(&self, r: &Range<usize>) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        let point = r.end <= r.start;
        let (rs, re) = (r.start, r.end);
        let first_line = self.lines.partition_point(|l| (l.end as usize) <= rs);
        let lines = self.lines[first_line..]
            .iter()
            .take_while(move |l| point || (l.start as usize) < re)
            .filter(|l| !l.pieced() && l.start < l.end)
            .map(|l| {
                (
                    l.start as usize,
                    l.norm as usize,
                    (l.end - l.start) as usize,
                )
            });
        let first_piece = self
            .pieces
            .partition_point(|p| ((p.view + p.len) as usize) <= rs);
        let pieces = self.pieces[first_piece..]
            .iter()
            .take_while(move |p| point || (p.view as usize) < re)
            .map(|p| (p.view as usize, p.norm as usize, p.len as usize));
        // For a point, only the first run of each kind can be the one.
        let take = if point { 1 } else { usize::MAX };
        lines.take(take).chain(pieces.take(take))
    }

    /// The normalized offset of the view byte at `at`, if it was copied from the normalized
    /// text (not a separator the view inserted).
    pub(super) fn norm_offset(&self, at: usize) -> Option<usize> {
        self.runs(&(at..at + 1))
            .find(|&(vs, _, len)| vs <= at && at < vs + len)
            .map(|(vs, ns, _)| ns + (at - vs))
    }

    /// The span in normalized text covered by view range `r`.
    pub(super) fn norm_span(&self, r: Range<usize>) -> Option<Range<usize>> {
        if r.end <= r.start {
            // A point: the run at or after it, the earliest of the two kinds.
            let (vs, ns, len) = self.runs(&r).min_by_key(|&(vs, _, _)| vs)?;
            let a = r.start.clamp(vs, vs + len);
            return Some(ns + (a - vs)..ns + (a - vs));
        }
        let mut lo = usize::MAX;
        let mut hi = 0;
        for (vs, ns, len) in self.runs(&r) {
            let a = r.start.max(vs);
            let b = r.end.min(vs + len).max(a);
            lo = lo.min(ns + (a - vs));
            hi = hi.max(ns + (b - vs));
        }
        (lo != usize::MAX).then(|| lo..hi.max(lo))
    }
}

/// `s` without white space at its ends, as [`str::trim`] cuts it: ASCII white space byte by
/// byte, a non-ASCII end by `str::trim` (U+0085, U+2028 and the like are rare).
fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let ws = |c: u8| c == b' ' || (b'\t'..=b'\r').contains(&c);
    let mut a = 0;
    let mut e = b.len();
    while a < e && ws(b[a]) {
        a += 1;
    }
    while e > a && ws(b[e - 1]) {
        e -= 1;
    }
    let mut t = &s[a..e];
    if t.as_bytes().first().is_some_and(|&c| c >= 0x80) {
        t = t.trim_start();
    }
    if t.as_bytes().last().is_some_and(|&c| c >= 0x80) {
        t = t.trim_end();
    }
    t
}

fn is_grid_border(t: &str) -> bool {
    t.len() >= 3 && t.starts_with('+') && t.chars().all(|c| matches!(c, '+' | '-' | '=' | ':'))
}

fn is_pipe_align(t: &str) -> bool {
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Column starts (in chars) of a pandoc simple-table rule: two to [`MAX_TABLE_COLUMNS`]
/// dash runs.
fn simple_rule(t: &str) -> Option<Vec<usize>> {
    // Byte by byte: most lines fail at their first.
    if !t.bytes().all(|b| b == b'-' || b == b' ') || !t.contains('-') {
        return None;
    }
    let mut starts = Vec::new();
    let mut prev = ' ';
    let mut run = 0;
    for (i, c) in t.chars().enumerate() {
        if c == '-' {
            if prev != '-' {
                starts.push(i);
                run = 0;
            }
            run += 1;
        } else if prev == '-' && run < 3 {
            return None;
        }
        prev = c;
    }
    // Every row of the table is cut at every column: more columns than any real table has
    // would make a long rule line cost memory for each row.
    (starts.len() >= 2 && starts.len() <= MAX_TABLE_COLUMNS).then_some(starts)
}

/// Byte ranges of the cells of a table line, split at `|`; at most [`MAX_TABLE_COLUMNS`],
/// the last one keeping the rest of the line.
fn pipe_cells(line: &str, base: usize) -> Vec<Range<usize>> {
    let mut cells = Vec::new();
    let mut start: Option<usize> = None;
    for i in memchr::memchr_iter(b'|', line.as_bytes()) {
        if cells.len() >= MAX_TABLE_COLUMNS {
            break;
        }
        if let Some(s) = start {
            cells.push(base + s..base + i);
        }
        start = Some(i + 1);
    }
    if let Some(s) = start
        && line.get(s..).is_some_and(|r| !r.trim().is_empty())
    {
        cells.push(base + s..base + line.len());
    }
    cells
}

/// Byte ranges of `line` cut at char columns `cols`.
fn column_cells(line: &str, base: usize, cols: &[usize]) -> Vec<Range<usize>> {
    let mut bounds: Vec<usize> = Vec::with_capacity(cols.len() + 1);
    let mut ci = 0;
    for (n, (i, _)) in line.char_indices().enumerate() {
        while ci < cols.len() && cols[ci] <= n {
            bounds.push(i);
            ci += 1;
        }
    }
    while bounds.len() < cols.len() {
        bounds.push(line.len());
    }
    if let Some(b) = bounds.first_mut() {
        *b = 0;
    }
    bounds.push(line.len());
    bounds
        .windows(2)
        .map(|w| base + w[0]..base + w[1].max(w[0]))
        .collect()
}

/// A physical line of the normalized text, its line break excluded: 8 bytes, as the text may
/// be a million of them.
#[derive(Clone, Copy, Debug)]
struct Phys {
    start: u32,
    end: u32,
    /// Which markup characters the line holds ([`MARKUP`], [`EMPHASIS`]): most lines hold
    /// none and are copied without looking for them again.
    marks: u8,
}

/// A line holds `<` or `!`: an HTML tag or an image may be in it.
const MARKUP: u8 = 1;
/// A line holds `*`, `_` or `\`: emphasis or an escape may be in it.
const EMPHASIS: u8 = 2;
/// Both, for text whose marks were not looked up.
const ANY_MARKS: u8 = MARKUP | EMPHASIS;

impl Phys {
    fn of(r: Range<usize>, marks: u8) -> Phys {
        Phys {
            start: off(r.start),
            end: off(r.end),
            marks,
        }
    }

    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The physical lines of `norm` (line breaks `\n` or `\r\n`), a run of blank lines kept as
/// one, `<br>` tags outside table rows breaking lines; at most [`MAX_LINES`]. Also where
/// reading stopped, if it did.
fn physical_lines(norm: &str) -> (Vec<Phys>, Option<usize>) {
    // Sized once: doubling a vector of a million lines would hold twice its memory. A line
    // break right after another starts a blank line, which is not kept.
    let bytes = norm.as_bytes();
    let n_lines = (memchr::memchr_iter(b'\n', bytes)
        .filter(|&i| i == 0 || bytes[i - 1] != b'\n')
        .count()
        + 1)
    .min(MAX_LINES);
    let mut lines: Vec<Phys> = Vec::with_capacity(n_lines);
    let mut pos = 0;
    let mut prev_blank = false;
    // The markup characters of the whole text, found once: a search per line costs more
    // than the line's copy.
    let mut markup = memchr::memchr2_iter(b'<', b'!', bytes).peekable();
    let mut emphasis = memchr::memchr3_iter(b'*', b'_', b'\\', bytes).peekable();
    for end in memchr::memchr_iter(b'\n', bytes).chain([norm.len()]) {
        if lines.len() == MAX_LINES {
            return (lines, Some(pos));
        }
        let e = if end > pos && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        let this = trim(norm.get(pos..e).unwrap_or(""));
        // A blank line after a blank line is one break: not kept.
        let blank = this.is_empty();
        if blank && prev_blank {
            pos = end + 1;
            continue;
        }
        prev_blank = blank;
        let mut marks = 0;
        while markup.next_if(|&p| p < pos).is_some() {}
        if markup.peek().is_some_and(|&p| p < e) {
            marks |= MARKUP;
        }
        while emphasis.next_if(|&p| p < pos).is_some() {}
        if emphasis.peek().is_some_and(|&p| p < e) {
            marks |= EMPHASIS;
        }
        // `<br>` is a line break in the HTML a converter kept: outside a table row it makes
        // lines of its own (inside a row, each cell is split where it is read).
        if marks & MARKUP == 0
            || this.starts_with('|')
            || memchr::memchr(b'<', this.as_bytes()).is_none()
        {
            lines.push(Phys::of(pos..e, marks));
        } else {
            for part in split_at_br(norm, pos..e) {
                if lines.len() == MAX_LINES {
                    // Reading stops inside this line: what is left of it is unread.
                    return (lines, Some(part.start));
                }
                lines.push(Phys::of(part, marks));
            }
        }
        pos = end + 1;
    }
    (lines, None)
}

pub(super) fn build_view(norm: &str) -> View {
    let (lines, cut) = physical_lines(norm);
    let mut v = View {
        text: String::with_capacity(norm.len() + 64),
        lines: Vec::with_capacity(lines.len()),
        pieces: Vec::new(),
        open: 0,
        cut,
    };
    let raw = |p: Phys| norm.get(p.range()).unwrap_or("");
    let trimmed = |p: Phys| trim(raw(p));
    let mut table: u32 = 0;
    let mut i = 0;
    let mut in_pipe = false;
    while i < lines.len() {
        let p = lines[i];
        let r = p.range();
        if v.lines.len() >= MAX_LINES {
            v.stop_at(r.start);
            break;
        }
        let t = trimmed(p);
        if is_grid_border(t) {
            // Pandoc grid table: rows between borders, read column by column.
            table += 1;
            in_pipe = false;
            let mut group: Vec<Range<usize>> = Vec::new();
            i += 1;
            while let Some(&p2) = lines.get(i) {
                let t2 = trimmed(p2);
                if is_grid_border(t2) {
                    flush_group(&mut v, norm, &group, None, table);
                    group.clear();
                    i += 1;
                    continue;
                }
                if !t2.starts_with('|') {
                    break;
                }
                group.push(p2.range());
                i += 1;
            }
            flush_group(&mut v, norm, &group, None, table);
            continue;
        }
        if t.starts_with('-')
            && let Some(cols) = simple_rule(raw(p))
        {
            // A pandoc simple table, if a closing rule follows soon.
            let close = (i + 1..lines.len().min(i + 60)).find(|&j| {
                trimmed(lines[j]).starts_with('-') && simple_rule(raw(lines[j])).is_some()
            });
            if let Some(close) = close {
                table += 1;
                in_pipe = false;
                let mut group: Vec<Range<usize>> = Vec::new();
                for &p2 in &lines[i + 1..close] {
                    if trimmed(p2).is_empty() {
                        flush_group(&mut v, norm, &group, Some(&cols), table);
                        group.clear();
                        v.push_line(norm, p2.range(), None, p2.marks);
                    } else {
                        group.push(p2.range());
                    }
                }
                flush_group(&mut v, norm, &group, Some(&cols), table);
                i = close + 1;
                continue;
            }
        }
        if t.starts_with('|') {
            if !in_pipe {
                table += 1;
                in_pipe = true;
            }
            if !is_pipe_align(t) {
                let cells = pipe_cells(raw(p), r.start);
                if cells.is_empty() {
                    // A `|` alone: a crawler's cell boundary, which ends a paragraph.
                    v.push_line(norm, r.start..r.start, None, 0);
                }
                for (col, c) in cells.into_iter().enumerate() {
                    let cell = Cell {
                        table,
                        col: col.min(u16::MAX as usize) as u16,
                    };
                    if norm.get(c.clone()).is_some_and(|t| t.contains('<')) {
                        for part in split_at_br(norm, c) {
                            v.push_line(norm, part, Some(cell), p.marks);
                        }
                    } else {
                        v.push_line(norm, c, Some(cell), p.marks);
                    }
                }
            }
            i += 1;
            continue;
        }
        in_pipe = false;
        // A plain line, with the lines a soft break joins to it.
        let mut end = i + 1;
        let mut emph = Emphasis::of_marked(t, p.marks);
        let mut a = t;
        while end < lines.len() && end - i < MAX_WRAPPED_LINES {
            let next = lines[end];
            let b = trimmed(next);
            if !may_continue(b) {
                break;
            }
            let open = emph.is_open() && closes_within(&lines[end..], norm, emph, end - i);
            if !open && !soft_break(a, b) {
                break;
            }
            emph = emph.then(Emphasis::of_marked(b, next.marks));
            a = b;
            end += 1;
        }
        let start = v.text.len();
        for (k, p2) in lines[i..end].iter().enumerate() {
            if k > 0 && v.text.len() > start {
                v.text.push(' ');
            }
            v.push_content(norm, p2.range(), p2.marks);
        }
        v.finish_line(start, None);
        i = end;
    }
    v
}

/// HTML tags a converter leaves in Markdown (`<img …>`, `<br/>`, `</span>`): only these names,
/// so that a form's placeholder (`<Tên cơ quan>`) stays text.
const HTML_TAGS: &[&str] = &[
    "a", "b", "br", "center", "div", "em", "figure", "font", "hr", "i", "img", "p", "s", "span",
    "strong", "sub", "sup", "table", "td", "th", "tr", "u",
];

/// `norm[r]` cut at its `<br>` tags (`<br>`, `<br/>`, `<br />`, any case), the tags left out.
fn split_at_br(norm: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let t = norm.get(r.clone()).unwrap_or("");
    let b = t.as_bytes();
    let mut out = Vec::new();
    if memchr::memchr(b'<', b).is_none() {
        out.push(r);
        return out;
    }
    let mut from = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let at = i + off;
        let rest = &t[at + 1..];
        let is_br = rest.get(..2).is_some_and(|x| x.eq_ignore_ascii_case("br"))
            && rest[2..].trim_start_matches([' ', '/']).starts_with('>');
        if is_br {
            let close = at + 1 + rest.find('>').unwrap_or(rest.len() - 1) + 1;
            out.push(r.start + from..r.start + at);
            from = close.min(t.len());
            i = from;
        } else {
            i = at + 1;
        }
    }
    out.push(r.start + from..r.end);
    out
}

/// The longest HTML tag read as one (`<img src="…" width="…"/>`).
const MAX_TAG_LEN: usize = 256;

/// The byte ranges of `line` that are images (`![alt](src)`) or HTML tags, in order.
fn markup_spans(line: &str) -> Vec<Range<usize>> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    if memchr::memchr2(b'!', b'<', b).is_none() {
        return out;
    }
    let mut i = 0;
    while i < b.len() {
        let end = match b[i] {
            b'!' if b.get(i + 1) == Some(&b'[') => line[i..].find("](").and_then(|m| {
                let close = line[i + m..].find(')')?;
                Some(i + m + close + 1)
            }),
            b'<' => {
                let rest = &line[i + 1..];
                let name = rest.trim_start_matches('/');
                let len = name.bytes().take_while(u8::is_ascii_alphanumeric).count();
                let tag = &name[..len];
                let after = name.as_bytes().get(len).copied();
                (HTML_TAGS.iter().any(|t| t.eq_ignore_ascii_case(tag))
                    && matches!(after, Some(b'>' | b' ' | b'/')))
                // A tag closes on its line within a few attributes: a `>` far away is text.
                .then(|| {
                    rest.find('>')
                        .filter(|&g| g < MAX_TAG_LEN)
                        .map(|g| i + 1 + g + 1)
                })
                .flatten()
            }
            _ => None,
        };
        match end {
            Some(e) if e > i => {
                out.push(i..e);
                i = e;
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether underscores between `before` and the character `next` mark emphasis: they open
/// a word (nothing or a space or bracket before, a letter after) or close one (a letter or
/// punctuation before, nothing or a space or punctuation after).
fn underscore_emphasis(before: &str, next: Option<char>) -> bool {
    let prev = before.chars().next_back();
    let edge =
        |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '*'));
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let closing_after =
        |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation());
    (edge(prev) && word(next))
        || (prev.is_some_and(|c| c.is_alphanumeric() || c.is_ascii_punctuation())
            && closing_after(next)
            && !edge(prev))
}

/// At most this many physical lines are read as one: a converter wraps a phrase over a few
/// lines, and a stray asterisk must not join a page.
const MAX_WRAPPED_LINES: usize = 8;

/// Which Markdown emphasis is open after a run of text: `*…*` (italic), `**…**` (bold).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Emphasis {
    italic: bool,
    bold: bool,
}

impl Emphasis {
    /// The emphasis a line opens or closes: each run of `n` asterisks toggles italic when
    /// `n` is odd and bold when `n / 2` is odd (`***` both, `****` closes and reopens bold,
    /// as in `**BỘ Y T****Ế**`). A `* ` opening a line with other text is a bullet; `\*` is
    /// an escaped asterisk.
    fn of(line: &str) -> Emphasis {
        let b = line.as_bytes();
        let mut e = Emphasis::default();
        let only_marks = b.iter().all(|&c| c == b'*' || c == b' ');
        let mut i = 0;
        while let Some(off) = memchr::memchr(b'*', &b[i..]) {
            let at = i + off;
            let mut j = at;
            while j < b.len() && b[j] == b'*' {
                j += 1;
            }
            let n = j - at;
            let escaped = at > 0 && b[at - 1] == b'\\';
            let bullet = at == 0 && n == 1 && b.get(1) == Some(&b' ') && !only_marks;
            if !escaped && !bullet {
                e.italic ^= n % 2 == 1;
                e.bold ^= (n / 2) % 2 == 1;
            }
            i = j;
        }
        e
    }

    /// [`Emphasis::of`] a line whose [`Phys::marks`] are `marks`: none without `*`.
    fn of_marked(line: &str, marks: u8) -> Emphasis {
        if marks & EMPHASIS == 0 {
            Emphasis::default()
        } else {
            Emphasis::of(line)
        }
    }

    fn then(self, next: Emphasis) -> Emphasis {
        Emphasis {
            italic: self.italic ^ next.italic,
            bold: self.bold ^ next.bold,
        }
    }

    fn is_open(self) -> bool {
        self.italic || self.bold
    }
}

/// Whether a line can continue the line above it: not blank, not a table row or rule, not a
/// heading (a blank line, a `|` line or a rule ends a Markdown paragraph and a table cell).
fn may_continue(t: &str) -> bool {
    if t.is_empty() {
        return false;
    }
    // A line of emphasis marks only (`**` closing a wrapped `**ỦY BAN NHÂN DÂN`) goes on.
    let marks_only = t.bytes().all(|b| b == b'*' || b == b' ');
    let rule = t
        .bytes()
        .all(|b| matches!(b, b'-' | b'=' | b'_' | b' ' | b'*'));
    marks_only || !t.starts_with(['|', '#', '+']) && !rule
}

/// Whether emphasis open after `used` joined lines closes within the next lines of `rest`,
/// before [`MAX_WRAPPED_LINES`] and before the paragraph ends.
fn closes_within(rest: &[Phys], norm: &str, mut e: Emphasis, used: usize) -> bool {
    for p in rest.iter().take(MAX_WRAPPED_LINES.saturating_sub(used)) {
        let t = trim(norm.get(p.range()).unwrap_or(""));
        if !may_continue(t) {
            return false;
        }
        let next = e.then(Emphasis::of_marked(t, p.marks));
        // The emphasis that was open closes (another may open on the same line, as in
        // `ngày **21** tháng **11** năm 2025** *`).
        if e.italic && !next.italic || e.bold && !next.bold {
            return true;
        }
        e = next;
    }
    false
}

/// Phrases of the header that converters wrap: a line ending with the first words of one and
/// the next starting with the rest is one line (`CỘNG HÒA XÃ⏎HỘI CHỦ NGHĨA VIỆT NAM`,
/// `QUYẾT⏎ĐỊNH`, `ỦY⏎BAN NHÂN DÂN`). Folded keys ([`crate::text::fold_key`]).
const WRAPPED_PHRASES: &[&str] = &[
    "cong hoa xa hoi chu nghia viet nam",
    "dang cong san viet nam",
    "doc lap - tu do - hanh phuc",
    "uy ban nhan dan",
    "hoi dong nhan dan",
    "quyet dinh",
    "nghi quyet",
    "nghi dinh",
    "thong tu",
    "chi thi",
    "cong van",
    "cong dien",
    "thong bao",
    "ke hoach",
    "bao cao",
    "to trinh",
    "huong dan",
    "van ban hop nhat",
];

/// Whether the break between lines `a` and `b` (trimmed physical lines) is soft: it cuts a
/// phrase the readers must see whole. Emphasis left open is handled by the caller; this
/// sees the phrases a break cuts without markup:
/// - a date: `ngày 20⏎tháng 11 năm 2025`, `ngày⏎24 tháng 11`, `tháng 11⏎năm 2025`;
/// - a number cut after a group separator: `3783/QĐ-⏎UBND`;
/// - a phrase of [`WRAPPED_PHRASES`] cut between its words.
fn soft_break(a: &str, b: &str) -> bool {
    let a = a.trim_end_matches(['*', ' ']);
    // A line that ends a sentence or a clause ends its phrase: no rule below joins it.
    if a.ends_with(['.', ';', ':', ')', '!', '?']) {
        return false;
    }
    let b = b.trim_start_matches(['*', ' ']);
    let Some(first_b) = b.chars().next() else {
        return false;
    };
    // A number cut after `-` or `/`: the last word holds a slash and the next starts a group.
    if a.ends_with(['-', '/'])
        && a.rsplit(' ')
            .next()
            .is_some_and(|w| w.len() > 2 && w.contains('/'))
        && (first_b.is_uppercase() || first_b.is_ascii_digit())
    {
        return true;
    }
    let mut tail = a.rsplit(' ').filter(|w| !w.is_empty());
    let last = tail.next().unwrap_or("");
    let before = tail.next().unwrap_or("");
    // Every word the rules below name is short (at most seven bytes written, `thuộc`): only
    // such a word is folded, on the stack; the word before it only after a day or a month.
    // Their first letters are few (`n`gày, `t`háng, `v`à, `c`ủa, `đ`ối, `g`iữa …, or a
    // digit): a word starting with another is not folded at all.
    let key = |w: &str| {
        let w = w.trim_start_matches(['*', '(']);
        let first = w.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
        if w.len() <= 7 && (first.is_ascii_digit() || KEY_STARTS.contains(&first)) {
            ShortKey::of(w)
        } else {
            ShortKey::EMPTY
        }
    };
    let lk = key(last);
    let lk = lk.as_str();
    let digits = |w: &str| !w.is_empty() && w.len() <= 2 && w.bytes().all(|c| c.is_ascii_digit());
    let bk = if digits(lk) || lk == "nam" {
        key(before)
    } else {
        ShortKey::EMPTY
    };
    let bk = bk.as_str();
    let b_key_start = |p: &str| crate::text::fold_starts_with(b, p);
    // The long date of NĐ 30/2020, Phụ lục I §II.5 (`ngày … tháng … năm …`), cut anywhere.
    if (lk == "ngay" && (first_b.is_ascii_digit() || b_key_start("thang")))
        || (digits(lk) && bk == "ngay" && b_key_start("thang"))
        || (lk == "thang" && first_b.is_ascii_digit())
        || (digits(lk) && bk == "thang" && b_key_start("nam"))
        || (lk == "nam"
            && !bk.is_empty()
            && first_b.is_ascii_digit()
            && crate::text::fold_key(a).contains("thang"))
    {
        return true;
    }
    // A line that ends on a word that cannot end a phrase (`BỘ KHOA HỌC VÀ⏎CÔNG NGHỆ`,
    // `… NĂM 2025 CỦA⏎CHỦ TỊCH UBND TỈNH`) goes on, unless the next line is a list item.
    let bullet = b.starts_with(['-', '+', '•', '–']);
    if DANGLING.contains(&lk) && !bullet {
        return true;
    }
    // An upper-case header line ending with a comma lists on (`CỦA BỘ CHÍNH TRỊ,⏎BAN BÍ THƯ`).
    if a.ends_with(',') && !bullet && !a.chars().any(char::is_lowercase) {
        return true;
    }
    // A header phrase cut between its words: in capitals, on short lines.
    let caps = |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    if a.len() > 160 || !caps(last) || !b.split(' ').next().is_some_and(caps) {
        return false;
    }
    // A phrase has at most eight words: only the last words of `a` and the first of `b`
    // matter.
    let tail_from = a.rmatch_indices(' ').nth(7).map_or(0, |(i, _)| i + 1);
    let head_to = b.match_indices(' ').nth(7).map_or(b.len(), |(i, _)| i);
    let ak = crate::text::fold_key(&a[tail_from..]);
    let bkey = crate::text::fold_key(&b[..head_to]);
    WRAPPED_PHRASES.iter().any(|p| {
        p.match_indices(' ').any(|(cut, _)| {
            let (head, rest) = (&p[..cut], &p[cut + 1..]);
            ends_with_words(&ak, head) && starts_with_words(&bkey, rest)
        })
    })
}

/// The folded key ([`crate::text::fold_key`]) of a short word, kept on the stack; empty for a
/// word whose key is longer than the buffer (no rule names one).
struct ShortKey {
    buf: [u8; 16],
    len: usize,
}

impl ShortKey {
    const EMPTY: ShortKey = ShortKey {
        buf: [0; 16],
        len: 0,
    };

    fn of(w: &str) -> ShortKey {
        let mut k = ShortKey {
            buf: [0; 16],
            len: 0,
        };
        if w.len() > 3 * k.buf.len() {
            return k;
        }
        for c in crate::text::fold_chars(w) {
            // Folded Vietnamese is ASCII; anything else names no rule's word.
            if !c.is_ascii() || k.len == k.buf.len() {
                k.len = 0;
                return k;
            }
            k.buf[k.len] = c as u8;
            k.len += 1;
        }
        k
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// The first bytes of the words [`soft_break`] folds, lower-cased: `ngày`, `năm`, `tháng` and
/// the [`DANGLING`] words (`đ` is the lead byte 0xC4 of `đ` and `Đ`).
const KEY_STARTS: &[u8] = b"ntvcgd\xC4";

/// Folded words after which a header phrase cannot end: conjunctions and prepositions.
const DANGLING: &[&str] = &[
    "va", "cua", "ve", "voi", "tai", "thuoc", "cho", "doi", "tren", "trong", "cac", "theo", "giua",
];

/// Whether the folded key `k` ends with the words `tail` (a word boundary before them).
fn ends_with_words(k: &str, tail: &str) -> bool {
    k.strip_suffix(tail)
        .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
}

/// Whether the folded key `k` starts with the words `head` (a word boundary after them).
fn starts_with_words(k: &str, head: &str) -> bool {
    k.strip_prefix(head)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

fn flush_group(
    v: &mut View,
    norm: &str,
    group: &[Range<usize>],
    cols: Option<&[usize]>,
    table: u32,
) {
    let rows: Vec<Vec<Range<usize>>> = group
        .iter()
        .map(|r| {
            let line = norm.get(r.clone()).unwrap_or("");
            match cols {
                Some(c) => column_cells(line, r.start, c),
                None => pipe_cells(line, r.start),
            }
        })
        .collect();
    let ncols = rows.iter().map(Vec::len).max().unwrap_or(0);
    for col in 0..ncols {
        for row in &rows {
            if v.lines.len() >= MAX_LINES {
                // Read column by column, the table is cut as a whole.
                v.stop_at(group.first().map_or(0, |r| r.start));
                return;
            }
            if let Some(c) = row.get(col) {
                let cell = Cell {
                    table,
                    col: col.min(u16::MAX as usize) as u16,
                };
                v.push_line(norm, c.clone(), Some(cell), ANY_MARKS);
            }
        }
    }
}

//! Where a byte offset of a text is in lines and columns, for messages and editors.

use std::ops::Range;

/// The line starts of a text, found once: each offset is then placed by a binary search,
/// so that placing every diagnostic of a long text stays linear in its length.
///
/// ```
/// use vanban::text::LineIndex;
/// let text = "Số: 12/UBND-VX\nLai Châu, ngày 13 tháng 6 năm 2023\n";
/// let lines = LineIndex::new(text);
/// let at = text.find("ngày").unwrap();
/// assert_eq!(lines.locate(text, at), (2, 11)); // line 2, column 11 (in characters)
/// assert_eq!(&text[lines.line_range(text, 2)], "Lai Châu, ngày 13 tháng 6 năm 2023");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The line starts of `text` (after each `\n`).
    ///
    /// ```
    /// assert_eq!(vanban::text::LineIndex::new("a\nb\n").lines(), 3);
    /// ```
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// How many lines the text has (a text ending with `\n` has an empty last line).
    ///
    /// ```
    /// assert_eq!(vanban::text::LineIndex::new("one line").lines(), 1);
    /// ```
    pub fn lines(&self) -> usize {
        self.starts.len()
    }

    /// The line (1-based) of byte `at`; past the end, the last line.
    ///
    /// ```
    /// let lines = vanban::text::LineIndex::new("a\nb");
    /// assert_eq!((lines.line(0), lines.line(2), lines.line(99)), (1, 2, 2));
    /// ```
    pub fn line(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at)
    }

    /// Line and column (both 1-based; the column in characters) of byte `at` of `text`, the
    /// text this index was made of. An offset inside a character is placed at its start.
    ///
    /// ```
    /// let text = "Số: 5";
    /// let lines = vanban::text::LineIndex::new(text);
    /// assert_eq!(lines.locate(text, text.find('5').unwrap()), (1, 5));
    /// ```
    pub fn locate(&self, text: &str, at: usize) -> (usize, usize) {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let line = self.line(at);
        let start = self.starts[line - 1].min(at);
        (line, text[start..at].chars().count() + 1)
    }

    /// The byte range of line `line` (1-based) of `text`, without its line break; an empty
    /// range at the end for a line past the last.
    ///
    /// ```
    /// let text = "a\nbc\n";
    /// let lines = vanban::text::LineIndex::new(text);
    /// assert_eq!(&text[lines.line_range(text, 2)], "bc");
    /// ```
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.starts.get(i)) else {
            return text.len()..text.len();
        };
        let end = self.starts.get(line).map_or(text.len(), |&next| next - 1);
        start.min(text.len())..end.clamp(start, text.len())
    }
}

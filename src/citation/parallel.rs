//! [`citations`](crate::citations) on every core, for long texts (feature `parallel`).

use std::ops::Range;

use rayon::prelude::*;

use super::*;

/// How many candidates one task reads: enough that a task outweighs its scheduling.
const CHUNK: usize = 512;

/// The citations of `text`, the same as `citations(text).collect()`, read on every core.
///
/// The candidates are found in one pass (a byte search); reading them (the number, kind,
/// date and issuer of each) is most of the work and is shared among the cores, in chunks of
/// whole candidates, so that the numbers of a list (`số 198, 199/BC-UBND`) are read
/// together; a date shared by a list across two chunks is shared afterwards, over all. All
/// the citations are held at once (the iterator of [`citations`](crate::citations) holds a
/// stretch's).
///
/// ```
/// let text = "Thực hiện Kế hoạch số 1530/KH-UBND ngày 26/4/2023; Báo cáo số 198, 199/BC-UBND.";
/// let all = vanban::citation::citations_parallel(text);
/// assert_eq!(all, vanban::citations(text).collect::<Vec<_>>());
/// ```
pub fn citations_parallel(text: &str) -> Vec<Citation<'_>> {
    read_in_chunks(text, CHUNK)
}

/// [`citations_parallel`] with `chunk` candidates a task.
fn read_in_chunks(text: &str, chunk: usize) -> Vec<Citation<'_>> {
    let marks = scan_marks(text.as_bytes());
    if marks.invisible {
        // Read through a normalized copy, as `citations` reads such a text (rare).
        return find_in(text, 0..text.len());
    }
    let all: Vec<Range<usize>> =
        candidates_with(text, 0..text.len(), marks.unicode_separator).collect();
    let parts: Vec<Vec<Citation<'_>>> = all
        .par_chunks(chunk.max(1))
        .map(|part| {
            let mut out = Vec::with_capacity(part.len());
            read_candidates(text, part, &mut out, &mut Folded::empty());
            out
        })
        .collect();
    let mut out = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for p in parts {
        out.extend(p);
    }
    share_dates(text, &mut out, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_citations_read_on_every_core_are_those_read_in_order() {
        let joined = super::super::tests::corpus().concat();
        let thrice = [joined.as_str(); 3].join("\n");
        // A list whose date comes after a chunk's end, and invisible characters.
        let listed = "số 1/QĐ-UBND, 2/QĐ-UBND, 3/QĐ-UBND, 4/QĐ-UBND ngày 05/3/2020; \
                      Công văn số 12/UBND\u{200B}-VX";
        for text in [joined.as_str(), thrice.as_str(), listed] {
            let want: Vec<Citation<'_>> = crate::citations(text).collect();
            assert!(!want.is_empty());
            for chunk in [1, 2, 7, 100, CHUNK] {
                assert_eq!(read_in_chunks(text, chunk), want, "chunk {chunk}");
            }
        }
        // Past `LARGE_TEXT`, where `citations` reads a stretch at a time.
        let large = [joined.as_str(); 10].join("\n");
        assert!(large.len() > LARGE_TEXT);
        let want: Vec<Citation<'_>> = crate::citations(&large).collect();
        assert_eq!(citations_parallel(&large), want);
    }
}

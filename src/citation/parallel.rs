//! [`citations`](crate::citations) on every core, for long texts (feature `parallel`).

use std::ops::Range;

use rayon::prelude::*;

use super::*;

/// About how many bytes of text one task scans and reads: enough that a task outweighs its
/// scheduling, few enough that the cores share a text of some megabytes evenly.
const PIECE: usize = 256 << 10;

/// The citations of `text`, the same as `citations(text).collect()`, read on every core.
///
/// The text is cut into pieces of about 256 KiB, each at a line's start that no number can
/// run across (a number is broken over lines only after a dash: `30/2020/NĐ-⏎CP`); the
/// pieces are searched for candidates and the candidates read (the number, kind, date and
/// issuer of each) on every core, each reading looking as far into the whole text as it
/// would alone. A date shared by a list across two pieces (`số 12, 13 và 14/QĐ-UBND
/// ngày …`) is shared afterwards, over all. All the citations are held at once (the
/// iterator of [`citations`](crate::citations) holds a stretch's); to have them without
/// their copy into one vector, see [`citations_parallel_parts`].
///
/// ```
/// let text = "Thực hiện Kế hoạch số 1530/KH-UBND ngày 26/4/2023; Báo cáo số 198, 199/BC-UBND.";
/// let all = vanban::citation::citations_parallel(text);
/// assert_eq!(all, vanban::citations(text).collect::<Vec<_>>());
/// ```
pub fn citations_parallel(text: &str) -> Vec<Citation<'_>> {
    let mut parts = citations_parallel_parts(text);
    if parts.len() == 1 {
        return parts.pop().unwrap_or_default();
    }
    let mut out = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for p in parts {
        out.extend(p);
    }
    out
}

/// [`citations_parallel`] as the cores read it: consecutive parts, in the order of the
/// text, whose concatenation is `citations(text).collect()`. Counting them, or writing
/// each part on a core of its own, saves the copy into one vector (a tenth of the time of
/// a text dense with citations: 2 ms of 20 for 19 MB of the test corpus).
///
/// ```
/// let text = "Kế hoạch số 1530/KH-UBND ngày 26/4/2023; Báo cáo số 198, 199/BC-UBND.";
/// let parts = vanban::citation::citations_parallel_parts(text);
/// assert_eq!(parts.iter().map(Vec::len).sum::<usize>(), 3);
/// let joined: Vec<_> = parts.into_iter().flatten().collect();
/// assert_eq!(joined, vanban::citations(text).collect::<Vec<_>>());
/// ```
pub fn citations_parallel_parts(text: &str) -> Vec<Vec<Citation<'_>>> {
    read_in_pieces(text, PIECE)
}

/// The citations of `text` read on every core and handed, a stretch at a time, to `each`
/// with the stretch's range, whose results come back in the order of the text: counting,
/// writing or filtering them there, no more citations are held at once than a few
/// stretches' (about 256 KiB of text each), however long the text.
///
/// The stretches are cut at lines' starts that neither a number nor a list sharing a date
/// runs across: after a line ending in `.`, `;`, `:`, `!`, `?`, `)`, `|` or a closing quote
/// (a date written after a list is shared only over a comma or `và`, see [`citations`]).
/// Their citations, concatenated, are `citations(text).collect()`; the ranges, concatenated,
/// are the whole text (the laws named by title in a stretch are
/// [`named_citations_in`](super::named_citations_in)`(text, range)`). A text without such
/// lines (one long line) is one stretch, read on one core.
///
/// ```
/// let text = "Kế hoạch số 1530/KH-UBND ngày 26/4/2023;\nBáo cáo số 198, 199/BC-UBND.\n";
/// let counts = vanban::citation::citations_parallel_with(text, |_, part| part.len());
/// assert_eq!(counts.iter().sum::<usize>(), 3);
/// let numbers: Vec<String> =
///     vanban::citation::citations_parallel_with(text, |range, part| {
///         assert!(part.iter().all(|c| range.contains(&c.number_span.start)));
///         part.iter().map(|c| c.number.to_string()).collect::<Vec<_>>()
///     })
///     .concat();
/// assert_eq!(numbers, ["1530/KH-UBND", "198/BC-UBND", "199/BC-UBND"]);
/// ```
pub fn citations_parallel_with<'t, R, F>(text: &'t str, each: F) -> Vec<R>
where
    R: Send,
    F: Fn(Range<usize>, Vec<Citation<'t>>) -> R + Sync,
{
    // Every result is kept: the stretches are read in one round, no core waiting at a
    // round's end for another's last stretch.
    let mut out = Vec::new();
    read_in_stretches(text, PIECE, usize::MAX, each, |r| out.push(r));
    out
}

/// [`citations_parallel_with`], each result handed to `sink` on the calling thread, in the
/// order of the text, as soon as it and those before it are read: the cores read on ahead
/// meanwhile, by no more than a few stretches per core (about 256 KiB of text each), so no
/// more citations and results are held at once than those, however long the text. For
/// writing what is read from a text of any length in bounded memory, the output of one
/// stretch written while the next are read.
///
/// ```
/// let text = "Kế hoạch số 1530/KH-UBND ngày 26/4/2023;\nBáo cáo số 198, 199/BC-UBND.\n";
/// let mut out = String::new();
/// vanban::citation::citations_parallel_each(
///     text,
///     |_, part| part.iter().map(|c| format!("{}\n", c.number)).collect::<String>(),
///     |lines| out.push_str(&lines),
/// );
/// assert_eq!(out, "1530/KH-UBND\n198/BC-UBND\n199/BC-UBND\n");
/// ```
pub fn citations_parallel_each<'t, R, F, S>(text: &'t str, each: F, sink: S)
where
    R: Send,
    F: Fn(Range<usize>, Vec<Citation<'t>>) -> R + Sync,
    S: FnMut(R),
{
    read_in_stretches(text, PIECE, AHEAD, each, sink);
}

/// How many stretches a core of [`citations_parallel_each`] reads ahead of those handed on:
/// enough that no core waits for the slowest of its neighbours' stretches, few enough that
/// what is held stays in the caches (the output of a stretch is written into memory the
/// output of an earlier one was, not into fresh pages: 14% of `vanban cite` on 19 MB).
const AHEAD: usize = 4;

/// [`citations_parallel_each`] with stretches of about `piece` bytes, read at most `ahead`
/// stretches per core ahead of those handed to `sink` (`usize::MAX`: all read at once,
/// then handed on).
fn read_in_stretches<'t, R, F, S>(text: &'t str, piece: usize, ahead: usize, each: F, mut sink: S)
where
    R: Send,
    F: Fn(Range<usize>, Vec<Citation<'t>>) -> R + Sync,
    S: FnMut(R),
{
    let piece = piece.max(1);
    let cuts = cuts_where(text, 0..text.len(), piece, closes_a_sentence);
    let stretches: Vec<Range<usize>> = cuts.windows(2).map(|w| w[0]..w[1]).collect();
    // `find_in` reads a stretch as `citations` reads the whole: a number's kind, date and
    // issuer are looked for in the whole text, invisible characters normalized around it,
    // and the dates of lists shared (none crosses a cut). A stretch much longer than the
    // others (lines seldom ending a sentence: OCR text, tables) is read in pieces on every
    // core.
    let read = |r: &Range<usize>| {
        let found = if r.len() <= 2 * piece {
            find_in(text, r.clone())
        } else {
            read_pieces(text, r.clone(), piece).concat()
        };
        each(r.clone(), found)
    };
    if ahead == usize::MAX || stretches.len() < 2 {
        let results: Vec<R> = stretches.par_iter().map(read).collect();
        results.into_iter().for_each(&mut sink);
        return;
    }
    in_order(stretches.len(), ahead, |i| read(&stretches[i]), sink);
}

/// The results of `read(0)`, `read(1)` … `read(n - 1)`, computed on every core and handed
/// to `sink` on the calling thread in that order, each as soon as those before it are:
/// no round of tasks whose slowest all the cores wait for, and no more than `ahead` tasks
/// per core computed beyond the last handed on (the memory held is bounded).
///
/// The tasks are taken in order from a counter by a job per core of the pool (the calling
/// thread takes them too when it is one of the pool's, so one core's pool makes progress);
/// a job that finds itself too far ahead ends rather than waits (a job may run nested in
/// another's `read`, which must never be blocked on), and the calling thread starts jobs
/// again as it hands results on.
fn in_order<R, F, S>(n: usize, ahead: usize, read: F, mut sink: S)
where
    R: Send,
    F: Fn(usize) -> R + Sync,
    S: FnMut(R),
{
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex, PoisonError};

    let threads = rayon::current_num_threads().max(1);
    let in_pool = rayon::current_thread_index().is_some();
    // The calling thread reads too when it is one of the pool's cores: one job fewer.
    let jobs = if in_pool { threads - 1 } else { threads };
    let bound = ahead.max(1).saturating_mul(threads);
    // The next task to take; how many were handed on; the jobs running.
    let next = AtomicUsize::new(0);
    let handed = AtomicUsize::new(0);
    let running = AtomicUsize::new(0);
    let done: Mutex<BTreeMap<usize, R>> = Mutex::new(BTreeMap::new());
    let ready = Condvar::new();
    // Whether task `i` is left and not too far ahead of those handed on.
    let may_take = |i: usize| i < n && i < handed.load(Ordering::Acquire).saturating_add(bound);
    // Takes the next task if it may be taken.
    let take = || loop {
        let i = next.load(Ordering::Acquire);
        if !may_take(i) {
            return None;
        }
        if next
            .compare_exchange(i, i + 1, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
        {
            return Some(i);
        }
    };
    let store = |i: usize, r: R| {
        done.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(i, r);
        ready.notify_all();
    };
    // Set when a job's `read` panicked: the task it took is never stored, and the calling
    // thread stops waiting for it (the scope then hands the panic on).
    let failed = AtomicBool::new(false);
    /// Ends a job, however it ends: the calling thread may wait for one to end to start
    /// another, or to stop.
    struct Ending<'a>(&'a AtomicUsize, &'a AtomicBool, &'a Condvar);
    impl Drop for Ending<'_> {
        fn drop(&mut self) {
            if std::thread::panicking() {
                self.1.store(true, Ordering::Release);
            }
            self.0.fetch_sub(1, Ordering::AcqRel);
            self.2.notify_all();
        }
    }
    let job = || {
        let _ending = Ending(&running, &failed, &ready);
        while let Some(i) = take() {
            store(i, read(i));
        }
    };
    rayon::in_place_scope(|scope| {
        // Keeps `jobs` jobs running while tasks are left that they may take (a job started
        // with none would end at once, and be started again, while the calling thread
        // waits).
        let start_jobs = || {
            while may_take(next.load(Ordering::Acquire)) && running.load(Ordering::Acquire) < jobs {
                running.fetch_add(1, Ordering::AcqRel);
                scope.spawn(|_| job());
            }
        };
        start_jobs();
        let mut h = 0;
        while h < n && !failed.load(Ordering::Acquire) {
            let got = done
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .remove(&h);
            if let Some(r) = got {
                sink(r);
                h += 1;
                handed.store(h, Ordering::Release);
                start_jobs();
                continue;
            }
            if in_pool && let Some(i) = take() {
                // Handed on from the map with the others, at the loop's next turn.
                store(i, read(i));
                continue;
            }
            // Task `h` is being read by a job (it was taken: `next > h`), or is yet to be
            // taken by one (`start_jobs` left one running): wait for it to be stored.
            let guard = done.lock().unwrap_or_else(PoisonError::into_inner);
            if !guard.contains_key(&h) {
                let _ = ready
                    .wait_timeout(guard, std::time::Duration::from_millis(10))
                    .unwrap_or_else(PoisonError::into_inner);
            }
            start_jobs();
        }
    });
}

/// A line ending so does not continue a list of numbers into the next line: the gap between
/// a number and the next one sharing its date holds only a comma or `và` ([`share_dates`]).
fn closes_a_sentence(last: Option<char>) -> bool {
    matches!(
        last,
        Some('.' | ';' | ':' | '!' | '?' | ')' | '|' | '"' | '\u{201D}' | '\u{2019}' | '\u{BB}')
    )
}

/// [`citations_parallel_parts`] with pieces of about `piece` bytes.
fn read_in_pieces(text: &str, piece: usize) -> Vec<Vec<Citation<'_>>> {
    read_pieces(text, 0..text.len(), piece.max(1))
}

/// The citations whose numbers start in `within` (cut at lines' starts), read in pieces of
/// about `piece` bytes on every core, in the order of the text.
fn read_pieces(text: &str, within: Range<usize>, piece: usize) -> Vec<Vec<Citation<'_>>> {
    let cuts = cuts(text, within.clone(), piece);
    let pieces: Vec<Range<usize>> = cuts.windows(2).map(|w| w[0]..w[1]).collect();
    // Each piece is searched for the rare characters, then for candidates while its bytes
    // are still in the caches. With an invisible character anywhere (rare: web pages, some
    // converters) the text is read through a normalized copy, as `citations` reads it.
    let parts: Option<Vec<Vec<Citation<'_>>>> = pieces
        .into_par_iter()
        .map(|r| {
            let marks = scan_marks(&text.as_bytes()[r.clone()]);
            if marks.invisible {
                return None;
            }
            let found: Vec<Range<usize>> =
                candidates_with(text, r, marks.unicode_separator).collect();
            let mut out = Vec::with_capacity(found.len());
            read_candidates(text, &found, &mut out, &mut Folded::empty());
            Some(out)
        })
        .collect();
    let Some(mut parts) = parts else {
        return vec![find_in(text, within)];
    };
    // The dates of lists, over all the parts as one sequence.
    let mut all: Vec<&mut Citation<'_>> = parts.iter_mut().flatten().collect();
    share_dates(text, &mut all, 0);
    parts
}

/// Where `text[within]` (a line's start to a line's start or the text's end) is cut into
/// pieces of about `piece` bytes: its start, the first start of a line in every `piece`
/// bytes whose line before ends in neither a dash nor a space (the one place [`candidates`]'
/// pattern crosses a line: a dash, spaces, a line break, spaces, the next group), and its
/// end.
fn cuts(text: &str, within: Range<usize>, piece: usize) -> Vec<usize> {
    cuts_where(text, within, piece, |last| {
        !matches!(
            last,
            Some(' ' | '\t' | '\u{A0}' | '\u{202F}' | '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
        )
    })
}

/// [`cuts`], at the starts of lines whose line before (one `\r` trimmed) ends in a
/// character `cut_after` accepts (`None`: the line is empty): the first such line start in
/// each `piece` bytes of `within`, looked for on every core (where such lines are rare, the
/// search goes through every line).
fn cuts_where(
    text: &str,
    within: Range<usize>,
    piece: usize,
    cut_after: impl Fn(Option<char>) -> bool + Sync,
) -> Vec<usize> {
    let b = &text.as_bytes()[..within.end];
    // The line breaks at `from..from + piece` of `within` after its start.
    let first_cut = |from: usize| {
        let to = from.saturating_add(piece).min(b.len());
        memchr::memchr_iter(b'\n', &b[from..to])
            .map(|i| from + i)
            .find(|&nl| {
                let line = text[..nl].strip_suffix('\r').unwrap_or(&text[..nl]);
                cut_after(line.chars().next_back())
            })
            .map(|nl| nl + 1)
    };
    let chunks = within.len().div_ceil(piece);
    let mut cuts: Vec<usize> = (1..chunks)
        .into_par_iter()
        .filter_map(|k| first_cut(within.start + k * piece))
        .filter(|&c| c < b.len())
        .collect();
    cuts.insert(0, within.start);
    if within.start != b.len() {
        cuts.push(b.len());
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_start_where_no_number_runs_across() {
        let text = "số 30/2020/NĐ-\nCP;\nsố 12/QĐ - \r\nUBND\r\nxong\n";
        assert_eq!(cuts(text, 0..text.len(), 1), [0, 22, 44, text.len()]);
        assert_eq!(cuts(text, 22..text.len(), 1), [22, 44, text.len()]);
        assert_eq!(cuts("", 0..0, 1), [0]);
        assert_eq!(cuts("abc", 0..3, 1), [0, 3]);
    }

    #[test]
    fn stretches_start_where_no_list_runs_across() {
        // A list goes on over a comma and an empty line; a sentence's end closes it.
        let text = "số 1/QĐ-UBND,\n\n2/QĐ-UBND.\n“Điều 1”\n3/QĐ-UBND;\r\nxong\n";
        assert_eq!(
            cuts_where(text, 0..text.len(), 1, closes_a_sentence),
            [0, 30, 46, 59, text.len()]
        );
    }

    #[test]
    fn results_are_handed_on_in_order_and_few_ahead() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        // Tasks of uneven length (the later ones shorter: they finish out of order), on
        // pools of one, two and four threads, called from outside a pool and from inside
        // one (as a task of a parallel iteration, as the tool reads a batch of files), and
        // with tasks that themselves run in parallel.
        let work = |i: usize| -> usize {
            (0..(20 - i % 20) * 2000).fold(i, |a, x| a.wrapping_mul(31).wrapping_add(x))
        };
        for threads in [1, 2, 4] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("pool");
            for (n, ahead) in [(0, 1), (1, 1), (2, 1), (7, 1), (50, 2), (200, 4)] {
                let want: Vec<usize> = (0..n).map(work).collect();
                let check = || {
                    let (read, handed) = (AtomicUsize::new(0), AtomicUsize::new(0));
                    let most_ahead = AtomicUsize::new(0);
                    let mut got = Vec::new();
                    in_order(
                        n,
                        ahead,
                        |i| {
                            let r = read.fetch_add(1, Ordering::SeqCst) + 1;
                            let h = handed.load(Ordering::SeqCst);
                            most_ahead.fetch_max(r - h, Ordering::SeqCst);
                            if i % 3 == 0 {
                                // A task read in parallel itself.
                                let v: Vec<usize> =
                                    (0..4).into_par_iter().map(|_| work(i)).collect();
                                return v[0];
                            }
                            work(i)
                        },
                        |r| {
                            handed.fetch_add(1, Ordering::SeqCst);
                            got.push(r);
                        },
                    );
                    assert_eq!(got, want, "{threads} threads, {n} tasks");
                    // Tasks are taken no further than `ahead` per thread past those handed
                    // on (a few more may be taken at once by the threads racing).
                    let cores = rayon::current_num_threads();
                    let bound = ahead * cores + cores + 1;
                    assert!(
                        most_ahead.load(Ordering::SeqCst) <= bound,
                        "{threads} threads"
                    );
                };
                // From a thread outside any pool (the global one reads), from one of the
                // pool's own, and from tasks of a parallel iteration of it.
                std::thread::scope(|s| {
                    s.spawn(check);
                });
                pool.install(check);
                pool.install(|| {
                    [0, 1].par_iter().for_each(|_| check());
                });
            }
        }
    }

    #[test]
    fn a_task_that_panics_is_a_panic_not_a_wait() {
        // From a thread outside any pool: only the global pool's jobs read, one of which
        // panics; the panic comes back, the calling thread does not wait for its task.
        let got = std::thread::spawn(|| {
            std::panic::catch_unwind(|| {
                in_order(64, 2, |i| (i != 9).then_some(i).expect("task 9"), |_| {});
            })
        })
        .join();
        assert!(matches!(got, Ok(Err(_))));
    }

    #[test]
    fn the_citations_read_on_every_core_are_those_read_in_order() {
        let joined = super::super::tests::corpus().concat();
        // Portal pages: lists, tables and lower-case numbers.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/portal");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("portal")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let portal: String = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("text"))
            .collect();
        assert!(portal.len() > 1 << 20);
        let thrice = [joined.as_str(); 3].join("\n");
        // A list whose date comes after a chunk's end, and invisible characters.
        let listed = "số 1/QĐ-UBND, 2/QĐ-UBND, 3/QĐ-UBND, 4/QĐ-UBND ngày 05/3/2020; \
                      Công văn số 12/UBND\u{200B}-VX";
        // A list over lines, cut at each: its date is shared across the parts.
        let lines = "số 1/QĐ-UBND,\n2/QĐ-UBND,\n\n3/QĐ-UBND ngày 05/3/2020;\n";
        // A number broken over lines after its dash, cut nowhere inside.
        let broken =
            "theo Nghị định số 30/2020/NĐ-\nCP ngày 05/3/2020;\nQuyết định số 12/QĐ -\r\n UBND\n";
        for text in [
            joined.as_str(),
            portal.as_str(),
            thrice.as_str(),
            listed,
            lines,
            broken,
        ] {
            let want: Vec<Citation<'_>> = crate::citations(text).collect();
            assert!(!want.is_empty());
            if text == lines {
                assert!(want.iter().all(|c| c.date.is_some()));
            }
            for piece in [1, 2, 7, 100, 4096, PIECE] {
                let parts = read_in_pieces(text, piece);
                assert_eq!(parts.concat(), want, "piece {piece}");
                let mut parts = Vec::new();
                read_in_stretches(text, piece, 2, |r, part| (r, part), |p| parts.push(p));
                let ranges: Vec<_> = parts.iter().map(|p| p.0.clone()).collect();
                assert_eq!(ranges.first().map(|r| r.start), Some(0));
                assert_eq!(ranges.last().map(|r| r.end), Some(text.len()));
                assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
                let named: Vec<_> = ranges
                    .iter()
                    .flat_map(|r| crate::citation::named_citations_in(text, r.clone()))
                    .collect();
                let want_named: Vec<_> = crate::citation::named_citations(text).collect();
                assert_eq!(named, want_named, "named, stretch {piece}");
                let parts: Vec<_> = parts.into_iter().map(|p| p.1).collect();
                assert_eq!(parts.concat(), want, "stretch {piece}");
            }
        }
        // Past `LARGE_TEXT`, where `citations` reads a stretch at a time.
        let large = [joined.as_str(); 10].join("\n");
        assert!(large.len() > LARGE_TEXT);
        let want: Vec<Citation<'_>> = crate::citations(&large).collect();
        assert_eq!(citations_parallel(&large), want);
        assert_eq!(
            citations_parallel_with(&large, |_, part| part).concat(),
            want
        );
    }
}

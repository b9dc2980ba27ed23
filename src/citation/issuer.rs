//! What surrounds a mention: the date after the number and the issuer phrase (`của UBND
//! tỉnh …`), or a date before it in the same clause with an issuing verb (`Ngày 25/02/2025,
//! Tổng cục Thuế … ban hành Công văn số …`).

use super::*;

/// Lower-case words an issuer phrase may contain besides capitalised ones, folded.
/// The words of the titles that head an issuer phrase (`của Chủ tịch …`, `của Giám đốc …`,
/// `Chủ nhiệm`, `Thống đốc`) are among them.
pub(super) const ISSUER_WORDS: &[&str] = &[
    "-", "an", "ban", "bao", "bi", "binh", "bo", "cao", "chap", "chinh", "chu", "cong", "cuc",
    "dan", "dao", "dau", "doc", "dong", "du", "duc", "dung", "giam", "giao", "hai", "hang", "hanh",
    "hiem", "hoa", "hoach", "hoc", "hoi", "huyen", "ke", "khoa", "kiem", "lao", "lich", "lien",
    "mat", "moi", "ngan", "nghe", "nghiep", "ngoai", "nguyen", "nha", "nhan", "nhiem", "ninh",
    "noi", "nong", "nuoc", "phap", "phat", "pho", "phong", "phu", "phuong", "quan", "quoc", "sat",
    "so", "tai", "tao", "te", "thanh", "thao", "the", "thi", "thon", "thong", "thu", "thue",
    "thuong", "tich", "tin", "tinh", "to", "toa", "toan", "toi", "tong", "tran", "tri", "trien",
    "trung", "truong", "truyen", "tu", "tuong", "uong", "uy", "va", "van", "vien", "vu", "xa",
    "xay", "y",
];

/// Whether `word`, folded, is one of [`ISSUER_WORDS`]. Those are ASCII and shorter than
/// nine letters, so the folded word is packed into an integer on the way and looked up
/// among the words packed the same way: this runs for every word of every issuer phrase.
#[inline]
pub(super) fn is_issuer_word(word: &str) -> bool {
    // The packed words in an open-addressed table of four times their number: one probe,
    // rarely two, where a binary search took seven unpredictable steps.
    static TABLE: LazyLock<[u64; 512]> = LazyLock::new(|| {
        let mut t = [0u64; 512];
        for k in ISSUER_WORDS.iter().filter_map(|w| pack_folded(w)) {
            let mut i = issuer_slot(k);
            while t[i] != 0 && t[i] != k {
                i = (i + 1) % t.len();
            }
            t[i] = k;
        }
        t
    });
    let Some(k) = pack_folded(word).filter(|&k| k != 0) else {
        return false;
    };
    let t = &*TABLE;
    let mut i = issuer_slot(k);
    loop {
        match t[i] {
            e if e == k => return true,
            0 => return false,
            _ => i = (i + 1) % t.len(),
        }
    }
}

/// Where packed word `k` is first looked for in the table of [`is_issuer_word`].
pub(super) fn issuer_slot(k: u64) -> usize {
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize
}

/// `word` folded and packed into an integer, byte `i` at bits `8 i`, when that is ASCII of
/// at most eight bytes.
pub(super) fn pack_folded(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    let table = &UTF8_FOLD;
    let mut key = 0u64;
    let mut shift = 0u32;
    let mut i = 0;
    // Folded by the table where it can be (nearly always), by characters otherwise: any
    // byte the table does not fold to a letter, a digit or `-` sends the word there.
    while let Some(&x) = b.get(i) {
        let f = if x < 0x80 {
            i += 1;
            ASCII_FOLD[usize::from(x)]
        } else {
            let Some((k, n)) = utf8_index(b, i) else {
                return pack_folded_chars(word);
            };
            i += n;
            match table.fold[k] {
                DROPPED => continue,
                f => f,
            }
        };
        if shift == 64 || !(f.is_ascii_alphanumeric() || f == b'-') {
            return pack_folded_chars(word);
        }
        key |= u64::from(f.to_ascii_lowercase()) << shift;
        shift += 8;
    }
    Some(key)
}

/// [`pack_folded`] character by character, for what the table does not hold.
pub(super) fn pack_folded_chars(word: &str) -> Option<u64> {
    let mut key = 0u64;
    let mut n = 0;
    for c in word.chars() {
        let f = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            match map_char(c).and_then(crate::text::fold_char) {
                Some(f) => f,
                None => continue,
            }
        };
        if !f.is_ascii() || n == 8 {
            return None;
        }
        key |= u64::from(f as u8) << (8 * n);
        n += 1;
    }
    Some(key)
}

/// The date written after a number, and the issuer phrase before or after it.
#[inline]
pub(super) fn date_and_issuer(
    s: &str,
    after: usize,
    words: &mut IssuerWords,
) -> (Option<VnDate>, Option<Range<usize>>, Option<Range<usize>>) {
    let mut issuer = None;
    let mut date_at = None;
    let first = first_word_folded(s, after);
    match first.bytes() {
        // The common case: the date follows at once.
        b"ngay" => {
            date_at = Some(
                s[after..]
                    .find(|c: char| c.is_alphabetic())
                    .map_or(after, |i| after + i),
            );
        }
        // An issuer phrase or `ban hành` may stand before the date.
        b"cua" | b"do" | b"duoc" | b"ban" | b"ky" | b"thong" => {
            let ahead = fold_window(s, after, ceil_boundary(s, after + LOOK_AHEAD));
            if let Some((ngay, phrase)) = before_date(ahead.bytes()) {
                date_at = Some(ahead.at(ngay));
                if let Some(i) = phrase {
                    issuer = Some(ahead.source_span(s, i.start, i.end));
                }
            }
        }
        _ => {}
    }
    let m = match date_at {
        Some(at) => find_date(s, at),
        None => find_date(s, after).filter(|m| {
            // Without `ngày`, only a full date right after the number counts (`, 01-10-1997`).
            m.date.is_complete()
                && s[after..m.span.start]
                    .trim_matches(|c: char| c == ',' || c.is_whitespace())
                    .is_empty()
        }),
    };
    let (date, date_span, end) = match m {
        Some(m) => (Some(m.date), Some(m.span.clone()), m.span.end),
        None => (None, None, after),
    };
    if date.is_none() {
        issuer = None;
    }
    if issuer.is_none() {
        issuer = issuer_phrase(s, end, (end == after).then_some(&first), words);
    }
    if let Some(i) = &issuer {
        issuer = trim_issuer(s, i.clone());
    }
    (date, date_span, issuer)
}

/// The clause verbs that tie a date at the start of a sentence to the document named after
/// them: `Ngày 16/7/2012, Ủy ban Thường vụ Quốc hội đã ban hành Pháp lệnh số …`. The
/// specification of [`ends_with_issuing_verb`].
#[cfg(test)]
pub(super) static ISSUED_BY_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^a-z])(?:da\s+)?(?:co|ban\s+hanh|ky|ky\s+ket|gui|phat\s+hanh|trinh|ra|thong\s+qua)\s*$",
    )
        .expect("valid regex")
});

/// Whether folded `t` ends with a verb of [`ISSUED_BY_VERB`] and white space. (`da` before
/// the verb changes nothing: the space before the verb is a boundary as well.)
pub(super) fn ends_with_issuing_verb(t: &[u8]) -> bool {
    let t = trim_end_bytes(t, |_| false);
    let word = |t: &[u8], w: &[u8]| {
        t.ends_with(w)
            && t[..t.len() - w.len()]
                .last()
                .is_none_or(|b| !b.is_ascii_lowercase())
    };
    // Two words with white space between: `ban hành`, `phát hành`, `thông qua`, `ký kết`.
    let two = |last: &[u8], firsts: &[&[u8]]| {
        t.strip_suffix(last).is_some_and(|b| {
            let b2 = trim_end_bytes(b, |_| false);
            b2.len() < b.len() && firsts.iter().any(|f| word(b2, f))
        })
    };
    ["co", "ky", "gui", "trinh", "ra"]
        .iter()
        .any(|w| word(t, w.as_bytes()))
        || two(b"hanh", &[b"ban", b"phat"])
        || two(b"qua", &[b"thong"])
        || two(b"ket", &[b"ky"])
}

/// Whether the word just before `at` (past spaces and tabs) is whole, plain and not the
/// last word of an issuing verb ([`ends_with_issuing_verb`]): then no date before `at` is
/// this mention's, which most mentions are told by one word folded. Anything else (a line
/// break, white space beyond ASCII, a long word) is left to the whole test.
fn last_word_is_not_a_verb(s: &str, at: usize) -> bool {
    let b = s.as_bytes();
    let mut end = at.min(b.len());
    while end > 0 && matches!(b[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    let mut start = end;
    while start > 0
        && end - start < 24
        && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] >= 0x80)
    {
        start -= 1;
    }
    // A word that starts after a byte beyond ASCII may be cut, or follow unusual space.
    if start == end {
        // Punctuation ends the text before `at` (white space other than spaces and tabs is
        // the whole test's).
        return end > 0 && b[end - 1].is_ascii_punctuation();
    }
    if (start > 0 && b[start - 1] >= 0x80) || !s.is_char_boundary(start) {
        return false;
    }
    let word = word_folded(s, start);
    // The last words of the verbs, the one-word verbs and the second words of the others.
    let verb_end = ["co", "ky", "gui", "trinh", "ra", "hanh", "qua", "ket"]
        .iter()
        .any(|w| {
            let t = word.bytes();
            // As `ends_with_issuing_verb` reads a word: no lower-case letter before it.
            t.ends_with(w.as_bytes())
                && t[..t.len() - w.len()]
                    .last()
                    .is_none_or(|b| !b.is_ascii_lowercase())
        });
    word.end == end && !verb_end
}

/// Whether folded `t` holds its two last words whole, with a byte before them.
fn holds_two_words(t: &[u8]) -> bool {
    let mut i = t.len();
    for _ in 0..2 {
        while i > 0 && !ascii_space(t[i - 1]) {
            i -= 1;
        }
        while i > 0 && ascii_space(t[i - 1]) {
            i -= 1;
        }
    }
    i > 0
}

/// Whether `between` (the text from a date to a mention) ends a sentence: a `.`, `!` or `?`
/// before white space, but for the `.` of a short abbreviation (`TP. Hồ Chí Minh`, `Q. 1`).
pub(super) fn ends_a_sentence(between: &str) -> bool {
    let b = between.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        let before_space = b.get(i + 1).is_none_or(|n| ascii_space(*n));
        match c {
            b'!' | b'?' => before_space,
            b'.' if before_space => {
                let word = b[..i]
                    .iter()
                    .rev()
                    .take_while(|x| x.is_ascii_alphabetic())
                    .count();
                let abbreviation = (1..=2).contains(&word)
                    && b[i - word].is_ascii_uppercase()
                    && (i == word || !b[i - word - 1].is_ascii_alphanumeric());
                !abbreviation
            }
            _ => false,
        }
    })
}

/// A date written before the mention in the same clause, as in `ngày 16/8/2018 Bộ … đã có
/// Công văn số 3395/LĐTBXH-KHTC`.
pub(super) fn date_before(s: &str, mention_start: usize) -> Option<crate::date::DateMatch> {
    if last_word_is_not_a_verb(s, mention_start) {
        return None;
    }
    let from = floor_boundary(s, mention_start.saturating_sub(240));
    // A line break ends the clause only where a line starts anew: text extracted from PDF
    // and portal pages wraps inside sentences (`Ngày 25/02/2025, Tổng cục Thuế (nay là Cục⏎
    // Thuế) đã ban hành Công văn số 828/TCT-KK`).
    let clause_start = memchr::memrchr2_iter(b'\n', b';', &s.as_bytes()[from..mention_start])
        .map(|i| from + i)
        .find(|&i| {
            s.as_bytes()[i] == b';' || super::relation::line_starts_anew(s, i, mention_start)
        })
        .map_or(from, |i| i + 1);
    // The mention must follow an issuing verb (tested on the whole text between the date
    // and the mention, below): most do not, which the last words tell at once. A verb is
    // one or two words: when the window holds two words and a byte before them, its test
    // is the test of the whole text; otherwise (long white space) that one decides.
    let tail = floor_boundary(s, mention_start.saturating_sub(40)).max(clause_start);
    let end_words = fold_window(s, tail, mention_start);
    let words = trim_end_bytes(end_words.bytes(), |_| false);
    if (tail == clause_start || holds_two_words(words)) && !ends_with_issuing_verb(words) {
        return None;
    }
    // Most clauses hold no date at all: look for `ngày` in its spellings (NFC, capitals, no
    // diacritics, NFD) before folding anything.
    let raw = &s[clause_start..mention_start];
    let r = raw.as_bytes();
    // Found by its last letter, rarer than `g`: `gày`, `gay`, `GÀY`, `GAY`, or `ga`, a
    // combining grave accent and `y` in NFD. The last one is where the date is read from: the fold starts a few
    // bytes before it (`ngày` is five, seven in NFD), not at the clause's start.
    let spelled = |p: usize| {
        let two = p.checked_sub(2).map(|q| &r[q..p]);
        let three = p.checked_sub(3).map(|q| &r[q..p]);
        match r[p] {
            b'y' => {
                matches!(three, Some([b'g' | b'G', 0xC3, 0xA0]))
                    || matches!(two, Some([b'g' | b'G', b'a']))
            }
            _ => matches!(three, Some([b'G', 0xC3, 0x80])) || matches!(two, Some([b'G', b'A'])),
        }
    };
    let last_y = memchr::memchr2_iter(b'y', b'Y', r)
        .rev()
        .find(|&p| spelled(p));
    let last_grave = memchr::memrchr_iter(0xCC, r).find(|&i| {
        r.get(i + 1) == Some(&0x80)
            && matches!(r.get(i + 2), Some(b'y' | b'Y'))
            && i.checked_sub(2)
                .is_some_and(|q| r[q].eq_ignore_ascii_case(&b'g'))
            && r[i - 1].eq_ignore_ascii_case(&b'a')
    });
    let last = last_y.max(last_grave)?;
    let from = floor_boundary(s, (clause_start + last).saturating_sub(8)).max(clause_start);
    let clause = fold_window(s, from, mention_start);
    let at = clause.text().rfind("ngay")?;
    let m = find_date(s, clause.at(at))?;
    let date_end = m.span.end.min(mention_start);
    let between = &s[date_end..mention_start];
    // Another number or date in between would be what the date belongs to.
    let digits_run = between
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() >= 3);
    // Bounded, and within one sentence: `Ngày 10/11/2025. Bộ Y tế gửi Công văn số …` dates
    // something else.
    if between.len() > 160 || between.contains('/') || digits_run || ends_a_sentence(between) {
        return None;
    }
    let folded = fold_window(s, date_end, mention_start);
    ends_with_issuing_verb(folded.bytes()).then_some(m)
}

/// `của <issuer>` at `at`: capitalised words and the lower-case words of issuers' names.
/// `known` is the first word at `at` folded, when the caller has read it already.
pub(super) fn issuer_phrase(
    s: &str,
    at: usize,
    known: Option<&Word>,
    words: &mut IssuerWords,
) -> Option<Range<usize>> {
    let read;
    let word = match known {
        Some(w) => w,
        None => {
            let first = word_after(s, at);
            // Only `c` or `d` can start `của` or `do` written in ASCII; other letters may
            // fold to them (`đ`, `ç`).
            if s.as_bytes()
                .get(first)
                .is_none_or(|&x| x.is_ascii() && !matches!(x, b'c' | b'C' | b'd' | b'D'))
            {
                return None;
            }
            read = word_folded(s, first);
            &read
        }
    };
    if !matches!(word.bytes(), b"cua" | b"do") {
        return None;
    }
    // `của` and white space after it, read within 16 bytes of `at`.
    let window_end = ceil_boundary(s, at + 16);
    let after = &s[word.end..];
    let space = after.len() - after.trim_start().len();
    if space == 0 || word.end >= window_end {
        return None;
    }
    let start = (word.end + space).min(window_end);
    let mut end = start;
    let b = s.as_bytes();
    let mut here = start;
    // The two last words taken, for the test of a lone capitalised word at the end (below):
    // where each is and whether it is one of the issuer words, when that was needed already.
    let mut last: Option<(Range<usize>, Option<bool>)> = None;
    let mut before_last: Option<(Range<usize>, Option<bool>)> = None;
    // Words end after white space other than a line break (a no-break space too); read
    // by bytes, decoding only the rare lead bytes of other white space.
    for _ in 0..14 {
        if here >= b.len() {
            break;
        }
        // The word runs to white space (which ends it) or to a line break (which ends the
        // phrase after it).
        let mut next = here;
        let mut space_at = b.len();
        let mut line_end = None;
        while let Some(&x) = b.get(next) {
            // Most bytes are none of these: one test of the table tells.
            let n = match WORD_BREAK[usize::from(x)] {
                0 => 0,
                SPACE => 1,
                LINE => {
                    line_end = line_end.or(Some(next));
                    0
                }
                _ => space_len(s, next),
            };
            if n > 0 {
                space_at = next;
                next += n;
                break;
            }
            next += 1;
        }
        // The word, without the white space after it: only a `\r` can stand between it and
        // the line break or the space that ends it.
        let mut word_end = line_end.unwrap_or(space_at);
        while word_end > here && b[word_end - 1] == b'\r' {
            word_end -= 1;
        }
        let bare_end = word_end
            - b[here..word_end]
                .iter()
                .rev()
                .take_while(|&&c| matches!(c, b',' | b';' | b'.' | b':' | b')'))
                .count();
        let bare = &s[here..bare_end];
        // A capitalised word is taken without looking it up: whether it is an issuer word
        // matters only if the phrase ends on a word that is not (below), which is rare.
        let (ok, known) = match b.get(here) {
            _ if bare.is_empty() => (false, None),
            // `Về` (about) opens what a document is about, whatever its case (`… của Chính
            // phủ Về⏎kiểm tra, rà soát …`).
            Some(b'V') if matches!(bare, "Về" | "VỀ") => (false, None),
            Some(&c) if c.is_ascii() && c.is_ascii_uppercase() => (true, None),
            Some(&c) if !c.is_ascii() && starts_upper(bare) => (true, None),
            _ => {
                // `… của Ủy ban nhân dân tỉnh ban hành …`: the verb (to issue) ends the name;
                // a `Ban` of a name is written with a capital (`Ban Chấp hành`, `Ban Chỉ đạo`).
                let verb = bare == "ban"
                    && match line_end {
                        Some(_) => wrapped_line_after(s, word_end),
                        None => Some(next),
                    }
                    .is_some_and(|a| s[a..].starts_with("hành"));
                let known = !verb && words.is_issuer_word(bare);
                (known, Some(known))
            }
        };
        if !ok {
            // One capitalised word that no issuer's name holds, followed by lower case, opens
            // the next phrase (`của UBND Cải thiện, nâng cao …`): the issuer ends before it. A
            // name of a place has two syllables or more (`UBND tỉnh Lai Châu`).
            let capitalised_only = |w: &(Range<usize>, Option<bool>)| {
                let word = &s[w.0.clone()];
                !w.1.unwrap_or_else(|| is_issuer_word(word)) && word.chars().any(char::is_lowercase)
            };
            if last.as_ref().is_some_and(capitalised_only)
                && !before_last.as_ref().is_some_and(capitalised_only)
            {
                end = before_last.map_or(start, |w| w.0.end);
            }
            break;
        }
        // `… của Chính phủ và Báo cáo thẩm tra số …`: after `và`, a kind's name opens the
        // next document's mention (whose words may be issuers' words too: `cáo` folds to
        // the `cao` of `tối cao`).
        if ok
            && known.is_none()
            && last
                .as_ref()
                .is_some_and(|w| matches!(&s[w.0.clone()], "và" | "VÀ"))
            && names_a_kind(s, here, bare_end)
        {
            end = before_last.map_or(start, |w| w.0.end);
            break;
        }
        before_last = last.replace((here..bare_end, known));
        end = bare_end;
        if bare_end != word_end {
            break;
        }
        // A line wrapped inside the name (`… của Bộ Chính⏎trị về …`: PDF text breaks lines
        // anywhere) goes on, as a sentence wrapped there does; a blank line or a line that
        // starts anew (an item, `Căn cứ`, `Điều` …) ends the phrase.
        here = match line_end {
            Some(_) => match wrapped_line_after(s, word_end) {
                Some(after) => after,
                None => break,
            },
            None => wrapped_line_after(s, next).unwrap_or(next),
        };
    }
    (end > start).then_some(start..end)
}

/// Whether a kind's name (`Báo cáo`, `Tờ trình`, `Luật`) starts at `at`, whose first word
/// ends at `word_end`: one word or two.
fn names_a_kind(s: &str, at: usize, word_end: usize) -> bool {
    let rest = &s[word_end..];
    let next = rest.trim_start_matches([' ', '\t', '\r', '\n']);
    let second = next
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ':'))
        .next()
        .unwrap_or("");
    let word = &s[at..word_end];
    crate::DocKind::from_name(word).is_some()
        || !second.is_empty() && crate::DocKind::from_name(&format!("{word} {second}")).is_some()
}

/// Where the next line's first word starts when `at` is at the end of a line (before
/// spaces, a `\r` and the line break) wrapped inside a phrase: the next line is not blank
/// and does not start anew (see [`line_starts_anew`](super::relation::line_starts_anew):
/// PDF and portal text break lines anywhere, before capitals too: `của Bộ trưởng Bộ⏎Tài
/// chính`).
fn wrapped_line_after(s: &str, at: usize) -> Option<usize> {
    // Asked after every word of a phrase: most are followed by a letter.
    if !matches!(s.as_bytes().get(at), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        return None;
    }
    let rest = s.get(at..)?;
    let nl = at + (rest.len() - rest.trim_start_matches([' ', '\t', '\r']).len());
    let next = s.get(nl..)?.strip_prefix('\n')?;
    let word = next.trim_start_matches([' ', '\t']);
    if word.is_empty() || word.starts_with(['\n', '\r']) {
        return None;
    }
    // The next line's opening is all that is read of it.
    let bound = ceil_boundary(s, s.len() - word.len() + 16);
    (!super::relation::line_starts_anew(s, nl, bound)).then(|| s.len() - word.len())
}

/// How each byte can end a word of an issuer phrase: [`SPACE`], [`LINE`], [`MAY_SPACE`] (the
/// lead bytes of white space beyond ASCII, see [`space_len`]) or 0.
static WORD_BREAK: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'\t' as usize] = SPACE;
    t[0x0B] = SPACE;
    t[0x0C] = SPACE;
    t[b' ' as usize] = SPACE;
    t[b'\n' as usize] = LINE;
    t[0xC2] = MAY_SPACE;
    t[0xE1] = MAY_SPACE;
    t[0xE2] = MAY_SPACE;
    t[0xE3] = MAY_SPACE;
    t
};
/// ASCII white space other than a line break, in [`WORD_BREAK`].
const SPACE: u8 = 1;
/// A line break, in [`WORD_BREAK`].
const LINE: u8 = 2;
/// A lead byte of white space beyond ASCII, in [`WORD_BREAK`].
const MAY_SPACE: u8 = 3;

/// The length of the character at `i` if it is white space beyond ASCII, else 0.
///
/// Those are U+0085, U+00A0 (led by `C2`), U+1680 (`E1 9A`), U+2000–U+205F (`E2 80`, `E2
/// 81`) and U+3000 (`E3 80`): the two first bytes tell them from letters (`E1` leads most
/// Vietnamese letters) before anything is decoded.
#[inline(always)]
pub(super) fn space_len(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    if !matches!(
        (b.get(i), b.get(i + 1)),
        (Some(0xC2), Some(0x85 | 0xA0))
            | (Some(0xE1), Some(0x9A))
            | (Some(0xE2), Some(0x80 | 0x81))
            | (Some(0xE3), Some(0x80))
    ) {
        return 0;
    }
    s.get(i..)
        .and_then(|r| r.chars().next())
        .filter(|c| c.is_whitespace())
        .map_or(0, char::len_utf8)
}

pub(super) fn trim_issuer(s: &str, r: Range<usize>) -> Option<Range<usize>> {
    let t = &s[r.clone()];
    let trimmed = t.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == '-');
    let lead = t.len() - t.trim_start().len();
    (trimmed.len() > lead).then_some(r.start + lead..r.start + trimmed.len())
}

//! The reader of a number as written: tokens, the shape they are cut into (sequence, year,
//! kind, issuers, units; the Party and the ministries' old forms), and the irregularities
//! met on the way.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    /// Digits, possibly with one `.` (`66.7`).
    Num,
    /// Letters and digits starting with a letter (`UBTVQH15`, `QĐi`).
    Word,
    Slash,
    Dash,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Token<'t> {
    pub(super) tok: Tok,
    /// Text in the normalized input (which is the input itself when nothing changed).
    pub(super) text: &'t str,
    /// Span in the original input (numbers are shorter than 4 GiB: `parse` checks).
    pub(super) start: u32,
    pub(super) end: u32,
}

impl Token<'_> {
    const EMPTY: Token<'static> = Token {
        tok: Tok::Dash,
        text: "",
        start: 0,
        end: 0,
    };

    pub(super) fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A short list on the stack that moves to the heap only past `N` items: a number has a
/// dozen tokens, and parsing one should not allocate.
pub(super) struct StackVec<T: Copy, const N: usize> {
    pub(super) buf: [T; N],
    pub(super) len: usize,
    pub(super) spill: Vec<T>,
}

impl<T: Copy, const N: usize> StackVec<T, N> {
    pub(super) fn new(fill: T) -> Self {
        StackVec {
            buf: [fill; N],
            len: 0,
            spill: Vec::new(),
        }
    }

    pub(super) fn push(&mut self, x: T) {
        if self.spill.is_empty() && self.len < N {
            self.buf[self.len] = x;
            self.len += 1;
        } else {
            if self.spill.is_empty() {
                self.spill.extend_from_slice(&self.buf[..self.len]);
            }
            self.spill.push(x);
        }
    }

    pub(super) fn pop(&mut self) -> Option<T> {
        if self.spill.is_empty() {
            self.len = self.len.checked_sub(1)?;
            Some(self.buf[self.len])
        } else {
            self.spill.pop()
        }
    }

    pub(super) fn as_slice(&self) -> &[T] {
        if self.spill.is_empty() {
            &self.buf[..self.len]
        } else {
            &self.spill
        }
    }
}

/// Joint kinds list every issuer after the kind; other kinds have one issuer then units.
pub(super) fn is_joint(kind: DocKind) -> bool {
    matches!(
        kind,
        DocKind::ThongTuLienTich | DocKind::NghiQuyetLienTich | DocKind::QuyetDinhLienTich
    )
}

/// How the input was cut: everything but the groups.
pub(super) struct Shape<'t> {
    pub(super) seq: Option<&'t str>,
    pub(super) year: Option<u16>,
    pub(super) year_text: Option<&'t str>,
    pub(super) system: NumberSystem,
    /// The dash of `61-CP` or `09-CD-TTg`, told apart once the groups are known.
    pub(super) dash_form: Option<Range<usize>>,
    /// How many groups come before the slash of a Party number.
    pub(super) party_slash: Option<usize>,
    /// The separator after the first group when it is not `-` (`/` or a space).
    pub(super) first_sep: Option<&'static str>,
    /// Whether the input has no upper case at all (`30/2020/nđ-cp`).
    pub(super) lower_input: bool,
    /// Whether the `/` after the number is missing (`44 DN-UBND`), kept so.
    pub(super) missing_slash: bool,
}

/// A group of a number with what the catalogue knows of its code, looked up once.
pub(super) type Group<'t> = (Token<'t>, catalog::Code<'t>, IssuerLookup);

pub(super) type IssuerLookup = Option<(&'static catalog::IssuerInfo, Match)>;

pub(super) struct Parser<'a> {
    pub(super) input: &'a str,
    /// Whether irregularities are wanted: `from_str` skips looking for them.
    pub(super) keep_notes: bool,
    pub(super) notes: Vec<Irregularity>,
    /// Where the group starts that a fused kind and issuer would be split from (the first,
    /// outside Party numbers and file names): see [`Parser::push_group`].
    pub(super) split_first: Option<u32>,
}

impl<'a> Parser<'a> {
    pub(super) fn new(input: &'a str, keep_notes: bool) -> Self {
        Parser {
            input,
            keep_notes,
            notes: Vec::new(),
            split_first: None,
        }
    }

    pub(super) fn note(&mut self, kind: IrregularityKind, span: Range<usize>) {
        if self.keep_notes {
            self.notes.push(Irregularity { kind, span });
        }
    }

    pub(super) fn expected(&self, expected: &'static str, at: Option<&Token>) -> NumberError {
        match at {
            Some(t) => NumberError::Expected {
                expected,
                offset: t.span().start,
                found: self.input[t.span().start..].chars().next(),
            },
            None => NumberError::Expected {
                expected,
                offset: self.input.trim_end().len(),
                found: None,
            },
        }
    }

    /// Notes every character that normalization has to change.
    pub(super) fn note_characters(&mut self) {
        if self.input.is_ascii() || !self.keep_notes {
            return;
        }
        let mut prev_start = 0;
        for (i, c) in self.input.char_indices() {
            let end = i + c.len_utf8();
            let kind = if is_combining_mark(c) {
                Some((IrregularityKind::NotNfc, prev_start..end))
            } else {
                prev_start = i;
                match map_char(c) {
                    Some(m) if m == c || m == ' ' => None,
                    None => Some((IrregularityKind::Invisible, i..end)),
                    Some('-') => Some((IrregularityKind::DashVariant, i..end)),
                    Some(_) if matches!(c, 'Ð' | 'ð') => {
                        Some((IrregularityKind::EthForD, i..end))
                    }
                    Some(m) if m.is_ascii_alphabetic() => {
                        Some((IrregularityKind::Homoglyph, i..end))
                    }
                    Some(_) => None,
                }
            };
            if let Some((kind, span)) = kind {
                self.note(kind, span);
            }
        }
    }

    /// Splits the normalized input into tokens, noting white space inside the number.
    pub(super) fn tokenize<'t>(
        &mut self,
        norm: &'t Normalized<'_>,
        toks: &mut StackVec<Token<'t>, 16>,
    ) -> Result<(), NumberError> {
        let text = norm.as_str();
        let bytes = text.as_bytes();
        let same = norm.is_unchanged();
        let orig = |r: Range<usize>| if same { r } else { norm.original_span(r) };
        let mut space_start: Option<usize> = None;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let c = if b < 0x80 {
                char::from(b)
            } else {
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                c
            };
            let clen = c.len_utf8();
            if c.is_whitespace() {
                space_start.get_or_insert_with(|| orig(i..i + clen).start);
                i += clen;
                continue;
            }
            let start = orig(i..i + clen).start;
            let spaced = space_start.take();
            if let Some(ws) = spaced
                && !toks.as_slice().is_empty()
            {
                self.note(IrregularityKind::Spacing, ws..start);
            }
            let (tok, end) = match c {
                '/' => (Tok::Slash, i + 1),
                '-' => (Tok::Dash, i + 1),
                '0'..='9' => {
                    let mut end = i + 1;
                    let mut dot = false;
                    loop {
                        match bytes.get(end) {
                            Some(d) if d.is_ascii_digit() => end += 1,
                            // `66.7`: a dot only counts when a digit follows it.
                            Some(b'.')
                                if !dot && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) =>
                            {
                                dot = true;
                                end += 1;
                            }
                            _ => break,
                        }
                    }
                    // `15a/2025/NĐ-CP`: a number issued between two others carries a letter
                    // after its digits, right before the slash.
                    if !dot
                        && bytes.get(end).is_some_and(u8::is_ascii_alphabetic)
                        && bytes.get(end + 1) == Some(&b'/')
                    {
                        self.note(IrregularityKind::LetterInNumber, orig(end..end + 1));
                        end += 1;
                    }
                    (Tok::Num, end)
                }
                c if c.is_alphabetic() => {
                    let mut end = i + clen;
                    while let Some(&d) = bytes.get(end) {
                        // `TB&XH`, `QLN&CS`, `UB.QĐ`, `V.I`: agencies join the parts of one
                        // code with `&` or `.`; either belongs to the code only when a letter
                        // follows it at once (`…/NĐ-CP.` ends a sentence).
                        let joins = matches!(d, b'&' | b'.')
                            && text[end + 1..]
                                .chars()
                                .next()
                                .is_some_and(char::is_alphabetic);
                        if joins || d.is_ascii_alphanumeric() {
                            end += 1;
                        } else if d >= 0x80 {
                            match text[end..].chars().next() {
                                Some(ch) if ch.is_alphanumeric() || is_combining_mark(ch) => {
                                    end += ch.len_utf8();
                                }
                                _ => break,
                            }
                        } else {
                            break;
                        }
                    }
                    (Tok::Word, end)
                }
                _ => {
                    return Err(NumberError::Expected {
                        expected: "a digit, a letter, '/' or '-'",
                        offset: start,
                        found: self.input[start..].chars().next(),
                    });
                }
            };
            let span = orig(i..end);
            let t = Token {
                tok,
                text: &text[i..end],
                start: span.start as u32,
                end: span.end as u32,
            };
            i = end;
            // The old joint code `TT/LB` contains the separator it is written with.
            if tok == Tok::Word && t.text.eq_ignore_ascii_case("LB") {
                let s = toks.as_slice();
                if let [.., before, tt, slash] = s
                    && tt.tok == Tok::Word
                    && tt.text.eq_ignore_ascii_case("TT")
                    && slash.tok == Tok::Slash
                    && before.tok != Tok::Word
                {
                    let tt = *tt;
                    toks.pop();
                    toks.pop();
                    toks.push(Token {
                        text: "TT/LB",
                        end: t.end,
                        ..tt
                    });
                    continue;
                }
            }
            // `TT-Tr`: Tờ trình (`TTr`) with a dash inside its code, as OCR reads it.
            if tok == Tok::Word
                && t.text == "Tr"
                && let [.., slash, tt, dash] = toks.as_slice()
                && tt.tok == Tok::Word
                && tt.text == "TT"
                && dash.tok == Tok::Dash
                && slash.tok == Tok::Slash
            {
                let tt = *tt;
                toks.pop();
                toks.pop();
                self.note(
                    IrregularityKind::SplitCode,
                    tt.start as usize..t.end as usize,
                );
                toks.push(Token {
                    text: "TT-Tr",
                    end: t.end,
                    ..tt
                });
                continue;
            }
            // `04/2012/UBTVQH 13`: the legislature's term parted from its body by a space.
            if tok == Tok::Num
                && spaced.is_some()
                && let Some(last) = toks.as_slice().last().copied()
                && let Some(text) = (last.tok == Tok::Word)
                    .then(|| term_code(last.text, t.text))
                    .flatten()
            {
                toks.pop();
                toks.push(Token {
                    text,
                    end: t.end,
                    ..last
                });
                continue;
            }
            toks.push(t);
        }
        Ok(())
    }

    pub(super) fn parse(&mut self) -> Result<DocNumber, NumberError> {
        if !self.keep_notes
            && let Some(n) = self.parse_plain()
        {
            return Ok(n);
        }
        if self.input.trim().is_empty() {
            return Err(NumberError::Empty);
        }
        if u32::try_from(self.input.len()).is_err() {
            return Err(NumberError::Expected {
                expected: "a number shorter than 4 GiB",
                offset: 0,
                found: self.input.chars().next(),
            });
        }
        self.note_characters();
        let norm = Normalized::new(self.input);
        let mut toks = StackVec::new(Token::EMPTY);
        self.tokenize(&norm, &mut toks)?;
        let toks = toks.as_slice();
        // Lower case: no character that lower case changes. Capitals are not only upper
        // case letters: a title-case letter (`ᾼ`, which NFC makes of `Α` and a mark) is
        // one too, and the input read as lower case would be written out in capitals.
        let lower_input = !self.input.bytes().any(|b| b.is_ascii_uppercase())
            && (self.input.is_ascii() || !self.input.chars().any(has_lower_case));
        let mut pos = 0;
        let peek = |p: usize| toks.get(p);

        // The number: digits, or nothing when it is blank (a draft).
        let seq = match peek(0) {
            Some(t) if t.tok == Tok::Num => {
                pos = 1;
                Some(*t)
            }
            // `A308/TUBND-VX`: a letter before the digits (a register's series, or OCR).
            Some(t)
                if t.tok == Tok::Word
                    && is_lettered_seq(t.text)
                    && peek(1).is_some_and(|n| n.tok == Tok::Slash) =>
            {
                // The letter as the input writes it: a Cyrillic look-alike is two bytes.
                let at = t.start as usize;
                let len = self
                    .input
                    .get(at..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8);
                self.note(IrregularityKind::LetterInNumber, at..at + len);
                pos = 1;
                Some(*t)
            }
            Some(t) if t.tok == Tok::Slash => None,
            t => return Err(self.expected("a number or '/'", t)),
        };
        if let Some(s) = &seq
            && s.text.len() == 1
            && s.text != "0"
        {
            self.note(IrregularityKind::MissingLeadingZero, s.span());
        }

        let mut dash_form = None;
        let mut missing_slash = false;
        let (system, year, rest_start) = match (peek(pos), peek(pos + 1), peek(pos + 2)) {
            // SỐ/NĂM/…, and the old SỐ/NĂM-… form.
            (Some(a), Some(y), Some(b))
                if a.tok == Tok::Slash && y.tok == Tok::Num && is_year_like(y.text) =>
            {
                let year = self.year(y)?;
                match b.tok {
                    Tok::Slash => {}
                    Tok::Dash => self.note(IrregularityKind::OldYearForm, b.span()),
                    _ => return Err(self.expected("'/' after the year", Some(b))),
                }
                (NumberSystem::Normative, Some(year), pos + 3)
            }
            (Some(a), ..) if a.tok == Tok::Slash => (NumberSystem::Administrative, None, pos + 1),
            // File-name forms with dashes only: 58-2026-ND-CP, 09-CD-TTg.
            (Some(a), Some(y), Some(b))
                if a.tok == Tok::Dash
                    && y.tok == Tok::Num
                    && is_year_like(y.text)
                    && b.tok == Tok::Dash =>
            {
                let year = self.year(y)?;
                self.note(IrregularityKind::DashForSlash, a.span());
                (NumberSystem::Normative, Some(year), pos + 3)
            }
            (Some(a), Some(w), _) if a.tok == Tok::Dash && w.tok == Tok::Word => {
                // Party numbers put the kind before the slash: 08-NQ/TU.
                if toks[pos + 2..].iter().any(|t| t.tok == Tok::Slash) {
                    (NumberSystem::Party, None, pos + 1)
                } else {
                    // Either a file name (`09-CD-TTg`) or the pre-2000 form (`61-CP`): told
                    // apart below, once it is known whether a kind follows.
                    dash_form = Some(a.span());
                    (NumberSystem::Administrative, None, pos + 1)
                }
            }
            (Some(a), t, _) if a.tok == Tok::Dash => {
                return Err(self.expected("a document kind or year after '-'", t));
            }
            // `44 DN-UBND`: the slash left out before a symbol of groups joined by `-`.
            (Some(w), ..)
                if seq.is_some()
                    && w.tok == Tok::Word
                    && toks[pos + 1..].first().is_some_and(|t| t.tok == Tok::Dash) =>
            {
                self.note(
                    IrregularityKind::MissingSlash,
                    w.start as usize..w.start as usize,
                );
                missing_slash = true;
                (NumberSystem::Administrative, None, pos)
            }
            (t, ..) if seq.is_some() => {
                return Err(self.expected("'/' or '-' after the number", t));
            }
            (t, ..) => return Err(self.expected("'/' before the symbol", t)),
        };

        // Groups: words separated by dashes (and, in Party numbers, one slash).
        let mut groups: StackVec<Group, 12> =
            StackVec::new((Token::EMPTY, catalog::Code::NONE, None));
        let mut party_slash = None;
        // The separator after the first group when it is not `-`: the `/` of `212/QĐ/CTN`
        // or the space of `630/CV SLĐTB&XH`, kept as written.
        let mut first_sep = None;
        let mut p = rest_start;
        loop {
            let what = if groups.as_slice().is_empty()
                && rest_start > 0
                && toks[rest_start - 1].tok == Tok::Slash
            {
                "a document kind or issuer after '/'"
            } else {
                "a document kind or issuer"
            };
            match peek(p) {
                Some(t) if t.tok == Tok::Word => {
                    let code = catalog::Code::new(t.text);
                    groups.push((*t, code, code.issuer()));
                }
                // `UBTVQH15`-like groups are words; a group of digits only is not.
                t => return Err(self.expected(what, t)),
            }
            p += 1;
            match peek(p) {
                None => break,
                Some(t) if t.tok == Tok::Dash => p += 1,
                Some(t)
                    if t.tok == Tok::Slash
                        && system == NumberSystem::Party
                        && party_slash.is_none() =>
                {
                    party_slash = Some(groups.as_slice().len());
                    p += 1;
                }
                // `212/QĐ/CTN`, `634/2005/QĐ/CTN`, `16/2006/TTLT/BLĐTBXH-…`: older texts put
                // a slash between the kind and the issuer.
                Some(t)
                    if t.tok == Tok::Slash
                        && system != NumberSystem::Party
                        && dash_form.is_none()
                        && groups.as_slice().len() == 1
                        && groups.as_slice()[0].1.kind(false).is_some() =>
                {
                    self.note(IrregularityKind::SlashForDash, t.span());
                    first_sep = Some("/");
                    p += 1;
                }
                // `630/CV SLĐTB&XH`: a space where the dash was (OCR).
                Some(t)
                    if t.tok == Tok::Word
                        && system != NumberSystem::Party
                        && dash_form.is_none()
                        && groups.as_slice().len() == 1
                        && first_sep.is_none() =>
                {
                    let prev = groups.as_slice()[0].0;
                    // The gap between the two groups; where normalization joined a mark to
                    // the space (the next group then starts inside it), the point after the
                    // first group.
                    self.note(
                        IrregularityKind::MissingHyphen,
                        prev.end as usize..t.start.max(prev.end) as usize,
                    );
                    first_sep = Some(" ");
                }
                t => return Err(self.expected("'-' between groups, or the end", t)),
            }
        }
        // `52/2024/NDCP`, `25/2023/TTBKHĐT`: the kind and the issuer fused, read apart.
        let fused = match groups.as_slice() {
            [first, ..] if system != NumberSystem::Party && dash_form.is_none() => {
                fused_split(first).map(|k| (*first, k))
            }
            _ => None,
        };
        if let Some((first, k)) = fused {
            self.note(IrregularityKind::MissingHyphen, first.0.span());
            let exact = first.0.text.len() == (first.0.end - first.0.start) as usize;
            let cut = if exact {
                first.0.start + k as u32
            } else {
                first.0.end
            };
            let kind_tok = Token {
                text: &first.0.text[..k],
                end: cut,
                ..first.0
            };
            let issuer_tok = Token {
                text: &first.0.text[k..],
                start: if exact { cut } else { first.0.start },
                ..first.0
            };
            let mut split: StackVec<Group, 12> =
                StackVec::new((Token::EMPTY, catalog::Code::NONE, None));
            for t in [kind_tok, issuer_tok] {
                let code = catalog::Code::new(t.text);
                split.push((t, code, code.issuer()));
            }
            for g in &groups.as_slice()[1..] {
                split.push(*g);
            }
            groups = split;
        }
        let shape = Shape {
            seq: seq.map(|t| t.text),
            year,
            year_text: year.and(toks.get(pos + 1)).map(|t| t.text),
            system,
            dash_form,
            party_slash,
            first_sep,
            lower_input,
            missing_slash,
        };
        self.finish(shape, groups.as_slice(), None)
    }

    /// Classifies the groups and writes the canonical text: what is left once the input
    /// is cut into a number, a year and groups, the same for both ways of cutting it.
    /// `plain` is the input when it was cut by [`Parser::parse_plain`], which only takes the
    /// canonical separators (`/` after the number and the year, `-` between groups, the
    /// slash of a Party number): where every group is also spelled as the catalogue spells
    /// it, the canonical text is that input, and nothing need be written.
    // Inlined into both callers, so that the shape stays in registers instead of being
    // stored field by field and read back in words, which stalls.
    #[inline(always)]
    pub(super) fn finish(
        &mut self,
        shape: Shape,
        groups: &[Group],
        plain: Option<&str>,
    ) -> Result<DocNumber, NumberError> {
        let Shape {
            seq,
            year,
            year_text,
            mut system,
            dash_form,
            party_slash,
            first_sep,
            lower_input,
            missing_slash,
        } = shape;
        self.split_first = groups
            .first()
            .filter(|_| system != NumberSystem::Party && dash_form.is_none())
            .map(|g| g.0.start);
        // `88-TĐC/QĐ`, `1450-LB/TT`, `89-TC/TCT`: the ministries' form of the 1980s and 1990s,
        // SỐ-CƠQUAN/LOẠI (or /ĐƠNVỊ), shaped like a Party number SỐ-LOẠI/CƠQUAN (HD 36) but
        // with no Party kind before the slash, and a kind or a state body after it.
        let ministry = system == NumberSystem::Party && {
            let split = party_slash.unwrap_or(1).clamp(1, groups.len().max(1));
            let after = groups.get(split);
            groups[0].1.kind(true).is_none()
                && after.is_some_and(|b| {
                    (split + 1 == groups.len() && b.1.kind(false).is_some())
                        || b.2
                            .is_some_and(|(i, _)| i.class != catalog::IssuerClass::Party)
                })
        };
        let plain = plain.filter(|_| !ministry);
        // The groups are, in input order, the kind (if any), then issuers and units (for
        // Party numbers, units before the slash and issuers after).
        let all = groups.len();
        let mut kind = None;
        // Whether the kind's code is written as the catalogue writes it.
        let mut kind_exact = true;
        let (issuers, units) = match system {
            NumberSystem::Party if ministry => {
                let split = party_slash.unwrap_or(1).clamp(1, all);
                system = NumberSystem::Legacy;
                match groups[split..] {
                    [ref b] if b.1.kind(false).is_some() => {
                        if let Some((kc, m)) = self.kind_code(b, false) {
                            kind = Some(kc);
                            kind_exact = m == Match::Exact;
                        }
                        (0..split, all..all)
                    }
                    _ => (0..split, split..all),
                }
            }
            NumberSystem::Party => {
                let split = party_slash.unwrap_or(1).clamp(1, all);
                let kind_group = &groups[0];
                let (kc, m) = self.kind_code(kind_group, true).ok_or_else(|| {
                    self.expected(
                        "a Party document kind (NQ, QĐ, CT, KL, HD, BC, CV …)",
                        Some(&kind_group.0),
                    )
                })?;
                kind = Some(kc);
                kind_exact = m == Match::Exact;
                // Anything between the kind and the slash belongs to the kind's side; rare.
                (split..all, 1..split)
            }
            _ => {
                let first = &groups[0];
                let kc = self.kind_code(first, false);
                let first_is_issuer = first.2.is_some();
                let next_is_issuer = groups.get(1).is_some_and(|g| g.2.is_some());
                // A group that is both a kind and an issuer (CT: Chỉ thị / Cục Thuế; TC:
                // Thông cáo / Bộ Tài chính) is a kind only when a known issuer follows it:
                // `05/CT-TTg` is a Chỉ thị, `123/CT-TTHT` a công văn of Cục Thuế.
                let is_kind = match kc {
                    Some(_) if first_is_issuer && year.is_none() => next_is_issuer,
                    Some(_) if first_is_issuer => next_is_issuer || all > 1,
                    Some(_) => true,
                    None => false,
                };
                let legacy = match dash_form {
                    Some(dash) if is_kind && all > 1 => {
                        self.note(IrregularityKind::DashForSlash, dash);
                        false
                    }
                    Some(_) => true,
                    None => false,
                };
                match kc {
                    // `61-CP`, `388-HĐBT`: numbers written before NĐ 110/2004 joined the
                    // symbol with a dash; that is how they were issued, not a defect.
                    _ if legacy => {
                        system = NumberSystem::Legacy;
                        (0..all, all..all)
                    }
                    Some((kc, m)) if is_kind => {
                        kind = Some(kc);
                        kind_exact = m == Match::Exact;
                        if all == 1 {
                            self.note(IrregularityKind::MissingIssuer, first.0.span());
                        }
                        if year.is_none() {
                            system = NumberSystem::Administrative;
                        }
                        // Joint kinds list every issuer; others have one, then units.
                        let split = if is_joint(kc.kind) { all } else { 2 }.min(all);
                        (1..split, split..all)
                    }
                    _ => {
                        if year.is_none() {
                            system = NumberSystem::CongVan;
                        }
                        (0..1, 1..all)
                    }
                }
            }
        };
        let first_group = usize::from(kind.is_some());
        let verbatim = plain.filter(|_| {
            kind_exact
                && groups[first_group..]
                    .iter()
                    .all(|g| is_verbatim(g, lower_input))
        });
        let (text, seq_len, issuers, units) = match verbatim {
            // The input is the canonical text, the groups where they are in it.
            Some(input) => (
                TextBuf::whole(input),
                seq.map_or(0, str::len),
                span_of(groups, issuers),
                span_of(groups, units),
            ),
            None => {
                let mut out = TextBuf::new();
                if let Some(s) = seq {
                    out.push_str(s);
                }
                let seq_len = out.len();
                let (issuers, units) = match (system, kind) {
                    (NumberSystem::Party, Some(kc)) => {
                        out.push_str("-");
                        out.push_str(kc.code);
                        let units = self.push_groups(&mut out, "-", &groups[units], lower_input);
                        out.push_str("/");
                        let issuers = self.push_groups(&mut out, "", &groups[issuers], lower_input);
                        (issuers, units)
                    }
                    (NumberSystem::Legacy, _) if ministry => {
                        let issuers =
                            self.push_groups(&mut out, "-", &groups[issuers], lower_input);
                        out.push_str("/");
                        let units = match kind {
                            Some(kc) => {
                                out.push_str(kc.code);
                                (out.len(), out.len(), 0)
                            }
                            None => self.push_groups(&mut out, "", &groups[units], lower_input),
                        };
                        (issuers, units)
                    }
                    (NumberSystem::Legacy, _) => {
                        let issuers = self.push_groups(&mut out, "-", groups, lower_input);
                        (issuers, (out.len(), out.len(), 0))
                    }
                    _ => {
                        if !missing_slash {
                            out.push_str("/");
                        }
                        if let Some(y) = year_text {
                            // Four digits, as `year` checked.
                            out.push_str(y);
                            out.push_str("/");
                        }
                        // The separator after the first group, as written.
                        let first = first_sep.unwrap_or("-");
                        let (sep, unit_sep) = match kind {
                            Some(kc) => {
                                out.push_str(kc.code);
                                (first, "-")
                            }
                            None => ("", if issuers.len() == 1 { first } else { "-" }),
                        };
                        let issuers =
                            self.push_groups(&mut out, sep, &groups[issuers], lower_input);
                        let units =
                            self.push_groups(&mut out, unit_sep, &groups[units], lower_input);
                        (issuers, units)
                    }
                };
                (out.finish(), seq_len, issuers, units)
            }
        };
        let n = |x: usize| {
            u32::try_from(x).map_err(|_| NumberError::Expected {
                expected: "a number shorter than 4 GiB",
                offset: 0,
                found: None,
            })
        };
        Ok(DocNumber {
            seq_len: n(seq_len)?,
            issuer_at: n(issuers.0)?,
            issuer_end: n(issuers.1)?,
            issuers: n(issuers.2)?,
            unit_at: n(units.0)?,
            unit_end: n(units.1)?,
            units: n(units.2)?,
            year,
            kind,
            system,
            text,
        })
    }

    /// The common case without tokens or normalization: a number written as NĐ 30/2020
    /// writes it (`30/2020/NĐ-CP`, `1530/KH-UBND`, `/SVHTTDL-VP`, `08-NQ/TU`), ASCII but
    /// for `Đ`, with no white space and some upper case. `None` sends anything else to the
    /// general path, which gives the same number for these (a property test checks) and
    /// reads everything else.
    pub(super) fn parse_plain(&mut self) -> Option<DocNumber> {
        const MAX_GROUPS: usize = 6;
        let s = self.input;
        let b = s.as_bytes();
        if b.len() > 64 {
            return None;
        }
        let mut i = 0;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i > 0 && b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        let seq = (i > 0).then(|| &s[..i]);
        let party = match b.get(i) {
            Some(b'/') => false,
            // `61-CP` and file names (`09-CD-TTg`) have no slash: the general path's, before
            // any group is looked up.
            Some(b'-') if seq.is_some() && b[i..].contains(&b'/') => true,
            _ => return None,
        };
        i += 1;
        let (mut year, mut year_text) = (None, None);
        if !party
            && b.len() > i + 4
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && b[i + 4] == b'/'
        {
            let y = b[i..i + 4]
                .iter()
                .fold(0u16, |y, d| y * 10 + u16::from(d - b'0'));
            if !(1945..=2100).contains(&y) {
                return None;
            }
            year = Some(y);
            year_text = Some(&s[i..i + 4]);
            i += 5;
        }
        // Groups: a letter, then letters and digits; `-` between them, and in a Party
        // number one `/`. Each is folded for the catalogue (lower case, `Đ` as `d`) as it
        // is read, into two words of eight bytes, so that the lookup need not read it again.
        // Looked up as they are read: only numbers in lower case, rare, are then left to the
        // general path after their groups were looked up.
        let mut groups = [(Token::EMPTY, catalog::Code::NONE, None); MAX_GROUPS];
        let mut n = 0;
        let mut party_slash = None;
        let mut upper = false;
        loop {
            let start = i;
            let (mut lo, mut hi, mut folded) = (0u64, 0u64, 0usize);
            while i < b.len() {
                let f = match b[i] {
                    c @ b'A'..=b'Z' => {
                        upper = true;
                        c | 0x20
                    }
                    c @ b'a'..=b'z' => c,
                    c @ b'0'..=b'9' if i > start => c,
                    // `Đ`, `đ`.
                    0xC4 if matches!(b.get(i + 1), Some(0x90 | 0x91)) => {
                        upper |= b[i + 1] == 0x90;
                        i += 1;
                        b'd'
                    }
                    b'-' | b'/' => break,
                    _ => return None,
                };
                match folded {
                    0..8 => lo |= u64::from(f) << (8 * folded),
                    8..16 => hi |= u64::from(f) << (8 * (folded - 8)),
                    _ => {}
                }
                folded += 1;
                i += 1;
            }
            let text = &s[start..i];
            // `TT/LB`, the old joint code, holds a slash: the general path joins it.
            if i == start || n == MAX_GROUPS || text.eq_ignore_ascii_case("LB") {
                return None;
            }
            let code = if folded <= 16 {
                catalog::Code::with_key(text, u128::from(lo) | u128::from(hi) << 64)
            } else {
                catalog::Code::new(text)
            };
            let token = Token {
                tok: Tok::Word,
                text,
                start: start as u32,
                end: i as u32,
            };
            groups[n] = (token, code, code.issuer());
            n += 1;
            match b.get(i) {
                None => break,
                Some(b'/') if party && party_slash.is_none() => party_slash = Some(n),
                Some(b'/') => return None,
                _ => {}
            }
            i += 1;
        }
        // Lower case is made upper: the general path's. (A Party number has its slash, as
        // checked before the groups.)
        if party && party_slash.is_none() || !upper {
            return None;
        }
        // Fused groups (`NDCP`) and the split `TT-Tr` are read apart there too.
        if !party
            && (fused_split(&groups[0]).is_some()
                || (n > 1 && groups[0].0.text == "TT" && groups[1].0.text == "Tr"))
        {
            return None;
        }
        let shape = Shape {
            seq,
            year,
            year_text,
            system: match (party, year) {
                (true, _) => NumberSystem::Party,
                (false, Some(_)) => NumberSystem::Normative,
                (false, None) => NumberSystem::Administrative,
            },
            dash_form: None,
            party_slash,
            first_sep: None,
            lower_input: false,
            missing_slash: false,
        };
        self.finish(shape, &groups[..n], Some(s)).ok()
    }

    pub(super) fn year(&self, t: &Token) -> Result<u16, NumberError> {
        let year: u32 = t.text.parse().unwrap_or(0);
        if (1945..=2100).contains(&year) {
            Ok(year as u16)
        } else {
            Err(NumberError::Year {
                year,
                offset: t.span().start,
            })
        }
    }

    pub(super) fn kind_code(&mut self, g: &Group, party: bool) -> Option<(KindCode, Match)> {
        let (kind, code, m) =
            g.1.kind(party)
                .or_else(|| if party { g.1.kind(false) } else { None })?;
        self.note_match(m, &g.0);
        Some((KindCode { kind, code }, m))
    }

    pub(super) fn note_match(&mut self, m: Match, t: &Token) {
        match m {
            Match::Exact => {}
            Match::Case => self.note(IrregularityKind::Case, t.span()),
            Match::Folded => self.note(IrregularityKind::MissingDiacritics, t.span()),
        }
    }

    /// Writes `groups`, the first after `sep` and the others after `-`; returns where they
    /// start and end in `out` and how many there are.
    pub(super) fn push_groups(
        &mut self,
        out: &mut TextBuf,
        sep: &str,
        groups: &[Group],
        lower_input: bool,
    ) -> (usize, usize, usize) {
        let at = out.len() + if groups.is_empty() { 0 } else { sep.len() };
        for (i, g) in groups.iter().enumerate() {
            out.push_str(if i == 0 { sep } else { "-" });
            self.push_group(out, g, lower_input);
        }
        (at, out.len(), groups.len())
    }

    /// Writes the catalogue's spelling of an issuer or unit group, or the group as written.
    pub(super) fn push_group(
        &mut self,
        out: &mut TextBuf,
        &(t, code, issuer): &Group,
        lower_input: bool,
    ) {
        if let Some((info, m)) = issuer {
            // Diacritics are restored only for plain-ASCII groups, which lost them.
            if m != Match::Folded || t.text.is_ascii() {
                self.note_match(m, &t);
                out.push_str(info.abbr);
                if t.text.ends_with(|c: char| c.is_ascii_digit())
                    && catalog::legislature_term(t.text).is_some()
                {
                    out.push_str(t.text.trim_start_matches(|c: char| !c.is_ascii_digit()));
                }
                return;
            }
        }
        if lower_input {
            self.note(IrregularityKind::Case, t.span());
            // Upper case can make what normalization changes: Cyrillic `т` becomes `Т`,
            // which reads as Latin `T`, and the group read again would be another (`tт`
            // plus a mark, an issuer, would come back as the kind `TT`). Such a group is
            // kept as written, so that the canonical form parses back to itself.
            // Letters only, one for one: a mark's capital may be a letter (U+0345 becomes
            // Greek `Ι`) and a letter's may be two (`ß`), which would cut the groups anew.
            let upper: String = t
                .text
                .chars()
                .map(|c| {
                    let mut u = c.to_uppercase();
                    match (u.next(), u.next()) {
                        (Some(one), None) if c.is_alphabetic() && !is_combining_mark(c) => one,
                        _ => c,
                    }
                })
                .collect();
            // And the capitals must read as the same code: a letter the catalogue's fold
            // does not take (`ſ`) can become one it takes (`S`), and `ſy` plus a mark, an
            // unknown code, would come back as the kind `SY`.
            let read = catalog::Code::new(&upper);
            let kinds = |c: &catalog::Code| [c.kind(false), c.kind(true)].map(|k| k.map(|k| k.0));
            let read_issuer = read.issuer();
            // Nor split where the group as written was not (`ttſyt` in capitals is `TT`
            // fused with `SYT`): only the first group is ever split.
            let unsplit = || {
                if self.split_first != Some(t.start) {
                    return true;
                }
                let token = Token { text: &upper, ..t };
                fused_split(&(token, read, read_issuer)).is_none()
            };
            let same_code = kinds(&read) == kinds(&code)
                && read_issuer.map(|(i, _)| i.abbr) == issuer.map(|(i, _)| i.abbr)
                && unsplit();
            if same_code && Normalized::new(&upper).is_unchanged() {
                out.push_str(&upper);
            } else {
                out.push_str(t.text);
            }
        } else {
            out.push_str(t.text);
        }
    }
}

/// Whether [`Parser::push_group`] writes the group as it is written in the input.
pub(super) fn is_verbatim(&(t, _, issuer): &Group, lower_input: bool) -> bool {
    match issuer {
        // The catalogue's spelling, and the legislature's term as written after it.
        Some((_, Match::Exact)) => true,
        Some((_, Match::Folded)) if !t.text.is_ascii() => !lower_input,
        Some(_) => false,
        None => !lower_input,
    }
}

/// Where `groups[range]` are in the input, and how many they are; an empty range is where
/// the group before it ends, as [`Parser::push_groups`] writes it.
pub(super) fn span_of(groups: &[Group], range: Range<usize>) -> (usize, usize, usize) {
    let at = |i: usize| groups.get(i).map(|g| &g.0);
    match (at(range.start), range.end.checked_sub(1).and_then(at)) {
        (Some(first), Some(last)) if !range.is_empty() => {
            (first.start as usize, last.end as usize, range.len())
        }
        _ => {
            let end = range
                .start
                .checked_sub(1)
                .and_then(at)
                .map_or(0, |t| t.end as usize);
            (end, end, 0)
        }
    }
}

/// `QH13`, `UBTVQH15`: the code of body `base` (`QH`, `UBTVQH`, any case) with term `term`
/// (1 to 20) joined, when the two were written apart (`UBTVQH 13`).
pub(super) fn term_code(base: &str, term: &str) -> Option<&'static str> {
    const QH: [&str; 20] = [
        "QH1", "QH2", "QH3", "QH4", "QH5", "QH6", "QH7", "QH8", "QH9", "QH10", "QH11", "QH12",
        "QH13", "QH14", "QH15", "QH16", "QH17", "QH18", "QH19", "QH20",
    ];
    const UBTVQH: [&str; 20] = [
        "UBTVQH1", "UBTVQH2", "UBTVQH3", "UBTVQH4", "UBTVQH5", "UBTVQH6", "UBTVQH7", "UBTVQH8",
        "UBTVQH9", "UBTVQH10", "UBTVQH11", "UBTVQH12", "UBTVQH13", "UBTVQH14", "UBTVQH15",
        "UBTVQH16", "UBTVQH17", "UBTVQH18", "UBTVQH19", "UBTVQH20",
    ];
    let table = if base.eq_ignore_ascii_case("QH") {
        &QH
    } else if base.eq_ignore_ascii_case("UBTVQH") {
        &UBTVQH
    } else {
        return None;
    };
    if term.len() > 2 || term.starts_with('0') || !term.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: usize = term.parse().ok()?;
    table.get(n.checked_sub(1)?).copied()
}

/// The kind code and issuer code fused into one group (`NDCP`, `TTBKHĐT`), where NĐ 30/2020
/// (Phụ lục I, II.3) writes a `-` between them: where the group splits, when its first two
/// to four letters are a kind's code (not also an issuer's, as `CT` and `TC` are) and the
/// rest is a known issuer. A group that is itself a known code is never split.
pub(super) fn fused_split(g: &Group) -> Option<usize> {
    let t = g.0.text;
    // Where the group can split: after two to four bytes, on a character boundary, never
    // between a letter and its combining marks (`Qĉ̉̐QH` is not `QC` + `̉̐QH`). Most groups
    // (`QĐ`, `UBND` after a known kind) are told by that or by their own code at once.
    let splits = |k: usize| {
        t.len() > k
            && t.is_char_boundary(k)
            && !t[k..]
                .chars()
                .next()
                .is_some_and(unicode_normalization::char::is_combining_mark)
    };
    if !(2..=4).any(splits) || g.2.is_some() || g.1.kind(false).is_some() {
        return None;
    }
    (2..=4).rev().find(|&k| {
        splits(k)
            && {
                let kind = catalog::Code::new(&t[..k]);
                kind.kind(false).is_some() && kind.issuer().is_none()
            }
            && catalog::Code::new(&t[k..]).issuer().is_some()
    })
}

/// Whether lower case changes `c`: an upper or title case letter.
pub(super) fn has_lower_case(c: char) -> bool {
    let mut l = c.to_lowercase();
    l.next() != Some(c) || l.next().is_some()
}

/// `A308`: one ASCII letter, then one to five digits.
pub(super) fn is_lettered_seq(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2
        && b.len() <= 6
        && b[0].is_ascii_alphabetic()
        && b[1..].iter().all(u8::is_ascii_digit)
}

pub(super) fn is_year_like(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

//! What a line of the view is: the kinds the readers ask of a line, each read at most once
//! a line and remembered (issue 13: the same lines were classified again by each reader).
//!
//! | kind | the line | asked by |
//! |---|---|---|
//! | [`Kind::Separator`] | a rule or a run of marks (`___`, `---`, `***`) | issuer, subject, signatures |
//! | [`Kind::PlaceDate`] | holds `Place, ngày …` ([`crate::date::parse_place_date`]) | issuer, V/v |
//! | [`Kind::KinhGui`] | holds `Kính gửi` | subject, V/v |
//! | [`Kind::BodyStart`] | opens the body (`Căn cứ`, `Xét`, `Điều 1`, `Chương I` …) | header end, subject, V/v |
//! | [`Kind::NoiNhan`] | opens with the `Nơi nhận` label | header end, closing |
//! | [`Kind::Authority`] | opens with an authority word (`TM.`, `KT.`, `Q.`, `TL.`, `TUQ.`, `T/M` …) | Nơi nhận, signatures |
//! | [`Kind::Signature`] | reads as a signature: a title in capitals, then a name | Nơi nhận, signatures |
//! | [`Kind::Number`] | holds the label and a number (`Số: 12/QĐ-UBND`) | issuer |
//! | [`Kind::Mark`] | a secrecy, urgency or circulation mark (`MẬT`, `KHẨN`, `THƯỢNG KHẨN`) | marks |
//!
//! Beside these, [`super::layout::VLine`] says whether a line is a Markdown heading and which
//! table cell it was read from, and blank lines are empty.

use std::cell::Cell;

use super::labels::{body_start, has_number_label, is_mark, kinh_gui};
use super::{authority_line, has_place_date, is_separator_line, noi_nhan_label, sig_like};

/// A kind of line (see the module's table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Separator,
    PlaceDate,
    KinhGui,
    BodyStart,
    NoiNhan,
    Authority,
    Signature,
    Number,
    Mark,
}

impl Kind {
    /// Whether the line `t` is of this kind: the one test of it.
    fn test(self, t: &str) -> bool {
        match self {
            Kind::Separator => is_separator_line(t),
            Kind::PlaceDate => has_place_date(t),
            Kind::KinhGui => kinh_gui(t).is_some(),
            Kind::BodyStart => body_start(t),
            Kind::NoiNhan => noi_nhan_label(t),
            Kind::Authority => authority_line(t),
            Kind::Signature => sig_like(t),
            Kind::Number => has_number_label(t),
            Kind::Mark => is_mark(t),
        }
    }
}

/// The kinds of every line, found as they are asked: two bits a kind (known, and the answer).
pub(super) struct Kinds(Vec<Cell<u32>>);

impl Kinds {
    /// Room for `n` lines, nothing known yet.
    pub(super) fn new(n: usize) -> Kinds {
        Kinds(vec![Cell::new(0); n])
    }

    /// Whether line `i`, whose text is `t`, is of kind `k`.
    pub(super) fn is(&self, i: usize, t: &str, k: Kind) -> bool {
        let Some(cell) = self.0.get(i) else {
            return k.test(t);
        };
        let known = 1u32 << (2 * k as u32);
        let yes = known << 1;
        let bits = cell.get();
        if bits & known != 0 {
            return bits & yes != 0;
        }
        let answer = k.test(t);
        cell.set(bits | known | if answer { yes } else { 0 });
        answer
    }
}

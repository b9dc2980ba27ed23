//! `vanban` reads Vietnamese official documents.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod date;

pub use date::{
    DateError, DateIrregularity, DateMatch, PlaceDate, VnDate, dates, find_date, parse_place_date,
};

//! `vanban` reads Vietnamese official documents.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
pub mod encoding;

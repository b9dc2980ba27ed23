//! The citations of a text, with their kind, date and issuer: `cargo run --example citations
//! [FILE]` (the embedded sample without FILE).
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => include_str!("sample.txt").to_string(),
    };
    for c in vanban::citations(&text) {
        println!(
            "{}\t{}\t{}\t{}",
            c.number,
            c.kind.map_or("-", |k| k.label()),
            c.date.map_or_else(|| "-".to_string(), |d| d.iso()),
            c.issuer().unwrap_or("-"),
        );
    }
    Ok(())
}

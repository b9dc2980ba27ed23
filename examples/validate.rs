//! A document checked against NĐ 30/2020 and its friends, one diagnostic a line:
//! `cargo run --example validate [FILE]` (the embedded sample without FILE).
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => include_str!("sample.txt").to_string(),
    };
    let reading = vanban::Document::read(&text);
    for d in reading.validate() {
        let line = text[..d.span.start].matches('\n').count() + 1;
        println!(
            "line {line}: {d}\n    {}\n    rule: {}",
            d.message_vi, d.rule
        );
    }
    Ok(())
}

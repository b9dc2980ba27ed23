//! One workload of the library run many times, for profilers: instruction counts with
//! `valgrind --tool=callgrind`, samples with `perf record`.
//!
//! ```text
//! cargo build --release --example workload
//! valgrind --tool=callgrind target/release/examples/workload cite FILE 30
//! perf record target/release/examples/workload numbers FILE 3
//! ```
//!
//! `cite FILE N` finds the citations of FILE N times, `document DIR N` parses every `.txt`
//! file of DIR N times, `numbers FILE N` parses the numbers cited in FILE, as written there,
//! 1,000 times, N times.
//! Subtracting the counts of two values of N leaves the cost of N passes without the
//! one-time work (compiling patterns, building tables).
//!
//! `dump PATH...` prints every citation of every file (of every file in a directory), one
//! line each without the text: the dumps of two builds, compared, show whether a change to
//! the hot paths changed what is found (`fuzz/corpus/citations` holds 20,000 odd inputs).
use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(what), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: workload cite FILE N | document DIR N | numbers FILE N | dump PATH...");
        std::process::exit(2)
    };
    if what == "dump" {
        // Every citation of every file named (a directory: its files), in full: two builds'
        // dumps compared show whether a change altered what is found.
        let mut paths: Vec<std::path::PathBuf> = Vec::new();
        for a in &args[1..] {
            let p = std::path::Path::new(a);
            match std::fs::read_dir(p) {
                Ok(dir) => paths.extend(dir.filter_map(Result::ok).map(|e| e.path())),
                Err(_) => paths.push(p.to_path_buf()),
            }
        }
        paths.sort();
        for p in paths {
            let bytes = std::fs::read(&p).expect("readable file");
            let text = String::from_utf8_lossy(&bytes);
            println!("# {}", p.display());
            for c in vanban::citations(&text) {
                println!(
                    "{:?} {} {:?} {:?} {:?} {} {:?} {:?} {:?}",
                    c.span,
                    c.number,
                    c.number_span,
                    c.kind,
                    c.kind_span,
                    c.has_so,
                    c.date,
                    c.date_span,
                    c.issuer_span
                );
            }
        }
        return;
    }
    let passes: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1);
    let read = |p: &std::path::Path| std::fs::read_to_string(p).expect("readable UTF-8 file");
    // The files are read once, before the passes: only the library's work is repeated.
    let texts: Vec<String> = if what == "document" {
        let mut paths: Vec<_> = std::fs::read_dir(path)
            .expect("a directory")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        paths.iter().map(|p| read(p)).collect()
    } else {
        vec![read(std::path::Path::new(path))]
    };
    let cited: Vec<&str> = vanban::citations(&texts[0])
        .map(|c| &texts[0][c.number_span])
        .collect();
    let mut found = 0;
    for _ in 0..passes {
        found += match what.as_str() {
            "cite" => vanban::citations(black_box(&texts[0])).count(),
            "document" => texts
                .iter()
                .map(|t| vanban::Document::parse(black_box(t)).noi_nhan.len())
                .sum(),
            // The numbers cited in FILE, as written there, each parsed 1,000 times.
            "numbers" => (0..1000)
                .map(|_| {
                    cited
                        .iter()
                        .filter(|n| black_box(n).parse::<vanban::DocNumber>().is_ok())
                        .count()
                })
                .sum(),
            _ => {
                eprintln!("unknown workload {what:?}");
                std::process::exit(2)
            }
        };
    }
    println!("{found}");
}

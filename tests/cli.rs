//! The `vanban` command-line tool as a user runs it: what it writes and its exit codes
//! (0 done, 1 findings, 2 usage or input errors).
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn vanban(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

fn lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON lines"))
        .collect()
}

const SAMPLE: &str = include_str!("../examples/sample.txt");

#[test]
fn parse_a_folder_writes_one_record_per_file_in_order() {
    let o = vanban(&["parse", "tests/corpus", "--ext", "txt"], None);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let records = lines(&o);
    let mut files: Vec<_> = std::fs::read_dir("tests/corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(records.len(), files.len());
    for (r, f) in records.iter().zip(&files) {
        assert_eq!(r["path"], f.display().to_string());
        assert!(r.get("diagnostics").is_some() && r.get("number").is_some());
    }
    // One thread gives the same output as all of them.
    let one = vanban(&["parse", "tests/corpus", "--ext", "txt", "-j", "1"], None);
    assert_eq!(one.stdout, o.stdout);
}

#[test]
fn piped_text_is_read_without_a_path() {
    let o = vanban(&["cite"], Some(SAMPLE));
    assert_eq!(o.status.code(), Some(0));
    let numbers: Vec<String> = lines(&o)
        .iter()
        .map(|r| r["number"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(numbers[..3], ["1530/KH-UBND", "198/BC-UBND", "199/BC-UBND"]);
    assert!(lines(&o).iter().all(|r| r["path"] == "<stdin>"));
}

#[test]
fn standard_input_redirected_from_a_file_reads_as_the_file() {
    let run = |stdin: Stdio| {
        Command::new(env!("CARGO_BIN_EXE_vanban"))
            .arg("cite")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(stdin)
            .output()
            .expect("the binary runs")
    };
    // The sample, and a file past the size from which files are mapped (1 MiB).
    let large = std::env::temp_dir().join(format!("vanban-stdin-{}.txt", std::process::id()));
    std::fs::write(&large, SAMPLE.repeat((2 << 20) / SAMPLE.len())).unwrap();
    for path in [std::path::Path::new("examples/sample.txt"), large.as_path()] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        let text = std::fs::read_to_string(&path).unwrap();
        let redirected = run(Stdio::from(std::fs::File::open(&path).unwrap()));
        let piped = vanban(&["cite"], Some(&text));
        assert_eq!(redirected.status.code(), Some(0));
        assert!(!redirected.stdout.is_empty());
        assert_eq!(redirected.stdout, piped.stdout, "{}", path.display());
    }
    let _ = std::fs::remove_file(&large);
}

#[test]
fn parse_gives_the_pinpoints_and_the_documents_they_point_into() {
    // tt-04-2001-bxd: a Quyết định cited, given a short name, pointed into through it.
    let text = "Căn cứ Quyết định số 20/2000/QĐ-TTg ngày 3/2/2000 của Thủ tướng Chính phủ \
                (sau đây gọi tắt là QĐ 20);\nngười quy định tại Điều 1 QĐ 20 và khoản 2 Điều 3 \
                Thông tư này.\n";
    let o = vanban(&["parse"], Some(text));
    assert_eq!(o.status.code(), Some(0));
    let r = &lines(&o)[0];
    let got: Vec<(String, String, String)> = r["pinpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let s = |k: &str| p[k].as_str().unwrap_or("null").to_string();
            (s("text"), s("refers_to"), s("work"))
        })
        .collect();
    let qd = "/akn/vn/act/quyet-dinh/2000/20-2000-qd-ttg".to_string();
    assert_eq!(
        got,
        [
            ("Điều 1".into(), "20/2000/QĐ-TTg".into(), qd),
            ("khoản 2 Điều 3".into(), "self".into(), "null".into()),
        ]
    );
    assert_eq!(r["short_forms"][0]["refers_to"], "20/2000/QĐ-TTg");
}

#[test]
fn check_exits_1_on_an_error_and_0_without() {
    // No number line: VB003 is an error.
    let o = vanban(&["check"], Some("Kính gửi: UBND tỉnh\nNội dung.\n"));
    assert_eq!(o.status.code(), Some(1));
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(
        shown.contains("error[VB003]") && shown.contains("--> <stdin>:1:1"),
        "{shown}"
    );
    // The sample has warnings and a note only.
    let o = vanban(&["check", "examples/sample.txt"], None);
    assert_eq!(o.status.code(), Some(0));
    // Errors left out by the selection are no findings (no number, no place and date).
    let o = vanban(
        &["check", "--ignore", "VB003,VB005", "--format", "jsonl"],
        Some("Kính gửi: UBND tỉnh\nNội dung.\n"),
    );
    assert_eq!(o.status.code(), Some(0));
    let codes: Vec<_> = lines(&o).iter().map(|r| r["code"].clone()).collect();
    assert!(!codes.is_empty() && codes.iter().all(|c| c != "VB003" && c != "VB005"));
}

#[test]
fn check_selects_codes_and_a_minimum_severity() {
    let o = vanban(
        &[
            "check",
            "--select",
            "VB0",
            "--min-severity",
            "warning",
            "--format",
            "jsonl",
            "examples/sample.txt",
        ],
        None,
    );
    let records = lines(&o);
    assert!(!records.is_empty());
    for r in &records {
        assert!(r["code"].as_str().unwrap().starts_with("VB0"));
        assert_ne!(r["severity"], "note");
        assert!(r["line"].as_u64().unwrap() >= 1 && r["column"].as_u64().unwrap() >= 1);
    }
    let o = vanban(
        &["check", "--min-severity", "fatal", "examples/sample.txt"],
        None,
    );
    assert_eq!(o.status.code(), Some(2), "a bad severity is a usage error");
}

#[test]
fn unreadable_inputs_are_named_and_exit_2_while_the_rest_is_read() {
    let o = vanban(&["cite", "examples/sample.txt", "no/such/file.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no/such/file.txt"));
    assert!(!lines(&o).is_empty(), "the readable file is still read");
    // Bytes in a legacy encoding are refused with the encoding named.
    let dir = std::env::temp_dir().join(format!("vanban-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tcvn3 = dir.join("tcvn3.txt");
    std::fs::write(
        &tcvn3,
        b"C\xa8n c\xf8 Lu\xcbt T\xe6 ch\xf8c ch\xddnh quy\xd2n \xa6\xdfa ph\xae\xadng",
    )
    .unwrap();
    let o = vanban(&["parse", tcvn3.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("tcvn3.txt"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_2_and_help_and_version_0() {
    assert_eq!(vanban(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(vanban(&["parse", "--nope"], None).status.code(), Some(2));
    // No path and no piped input (standard input is not a terminal here, but empty).
    let help = vanban(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("check"));
    let version = vanban(&["--version"], None);
    assert_eq!(version.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("vanban "));
}

#[test]
fn number_exits_1_when_no_input_parses() {
    let o = vanban(&["number", "30/2020/nđ-cp", "3/15"], None);
    assert_eq!(o.status.code(), Some(0));
    let r = lines(&o);
    assert_eq!(r[0]["canonical"], "30/2020/NĐ-CP");
    assert!(r[1]["error"]["offset"].is_u64());
    assert_eq!(vanban(&["number", "3/15"], None).status.code(), Some(1));
}

#[test]
fn globs_and_json_arrays() {
    let o = vanban(&["cite", "tests/corpus/cv-*.txt", "--format", "json"], None);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let all: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON array");
    let paths: std::collections::BTreeSet<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert!(paths.len() > 5 && paths.iter().all(|p| p.starts_with("tests/corpus/cv-")));
    let o = vanban(&["cite", "tests/corpus/nothing-*.txt"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn count_gives_the_citations_of_each_file() {
    let o = vanban(&["count", "examples/sample.txt"], None);
    assert_eq!(o.status.code(), Some(0));
    let n = vanban::citations(SAMPLE).count();
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!("examples/sample.txt:{n}\n")
    );
    let o = vanban(&["count", "--format", "jsonl"], Some(SAMPLE));
    assert_eq!(lines(&o)[0]["citations"], n);
}

#[test]
fn completions_are_printed() {
    let o = vanban(&["completions", "bash"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("vanban"));
}

#[test]
fn cite_writes_laws_cited_by_title_and_date_in_the_order_of_the_text() {
    // From a real Quyết định's legal bases (tests/corpus/qd-471-2025-ubnd-bacninh.txt).
    let text = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\n\
                Căn cứ Luật Thương mại ngày 14/6/2005;\n\
                Căn cứ Nghị định số 81/2018/NĐ-CP ngày 22/5/2018 của Chính phủ;\n";
    let o = vanban(&["cite", "-"], Some(text));
    assert_eq!(o.status.code(), Some(0));
    let got: Vec<(serde_json::Value, String, String)> = lines(&o)
        .iter()
        .map(|r| {
            (
                r["number"].clone(),
                r["date"].as_str().unwrap_or("").to_string(),
                r["relation"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (serde_json::Value::Null, "2025-06-16".into(), "basis".into()),
            (serde_json::Value::Null, "2005-06-14".into(), "basis".into()),
            ("81/2018/NĐ-CP".into(), "2018-05-22".into(), "basis".into()),
        ]
    );
    let first = &lines(&o)[0];
    assert_eq!(first["title"], "Tổ chức chính quyền địa phương");
    assert_eq!(first["kind"], "LUẬT");
}

#[test]
fn annotate_links_citations_and_keeps_the_markup() {
    // A legal basis as a portal page writes it, in HTML.
    let html = "<p>Căn cứ <b>Nghị định số 30/2020/NĐ-CP</b> ngày 05&#47;3&#47;2020 &amp; Luật Đất đai năm 2024;</p>";
    let o = vanban(&["annotate", "--markup", "html", "-"], Some(html));
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout.clone()).expect("UTF-8");
    assert!(out.contains(
        "<b><a class=\"vanban-citation\" href=\"/akn/vn/act/nghi-dinh/2020/30-2020-nd-cp\" data-relation=\"basis\">Nghị định số 30/2020/NĐ-CP</a></b>"
    ));
    // Taking out what was inserted gives the input back.
    let stripped = out
        .replace("</a>", "")
        .split("<a class=\"vanban-citation\"")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                &part[part.find('>').unwrap() + 1..]
            }
        })
        .collect::<String>();
    assert_eq!(stripped, html);
    // Plain text: Markdown links; a list sharing a symbol is one.
    let o = vanban(
        &["annotate", "-"],
        Some("Báo cáo số 198, 199/BC-UBND ngày 07/6/2023."),
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "[Báo cáo số 198, 199/BC-UBND](/akn/vn/doc/bao-cao/2023/198-bc-ubnd) ngày 07/6/2023."
    );
}

//! Annotation of HTML and Markdown: the visible text, the map back to the source, and
//! insertions that never break the source's markup.
//!
//! * Tables of real-looking snippets (legal phrases in HTML and Markdown as portals and
//!   converters write them) with their plain text and annotated output, exactly.
//! * The errors, with their exact messages.
//! * Properties over generated HTML (nested tags, attributes with `>` in quotes, entities,
//!   citations split across tags) and Markdown: stripping the insertions gives the source
//!   back byte for byte; the source's tags are all there, unchanged, and the inserted ones
//!   nest with them; the plain text is unchanged by the insertions; nothing panics on
//!   arbitrary input.
//! * Hostile shapes finish in linear time.

// Spans are ranges: a list of one span, or a reversed one to see it refused, is meant.
#![allow(clippy::single_range_in_vec_init, clippy::reversed_empty_ranges)]

use std::ops::Range;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::Config;
use vanban::annotate::{
    AnnotateError, Insertion, Markup, annotate, annotate_with_positions, plain_text, strip,
};
use vanban::citations;

// --- tables -----------------------------------------------------------------------------------

/// The plain text of sources, exactly.
#[test]
fn plain_text_table() {
    use Markup::*;
    let cases: &[(Markup, &str, &str)] = &[
        // HTML: tags, entities, comments, scripts.
        (
            Html,
            "<p>Căn cứ <b>Nghị định số 30/2020/NĐ-CP</b> ngày 05&#47;3&#47;2020;</p>",
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020;\n",
        ),
        (
            Html,
            "Th&ocirc;ng t&#432; s&#7889; 01/2011/TT-BNV c&#x1EE7;a B&#7897; N&#7897;i v&#x1ee5;",
            "Thông tư số 01/2011/TT-BNV của Bộ Nội vụ",
        ),
        (Html, "&Dstrok;&agrave; N&#7861;ng", "Đà Nẵng"),
        (
            Html,
            "&amp;lt; &lt;b&gt; &quot;x&quot; &apos;y&#39;",
            "&lt; <b> \"x\" 'y'",
        ),
        (Html, "số&nbsp;30", "số\u{a0}30"),
        (Html, "&#150; &#8211; &#x2014;", "– – —"),
        (
            Html,
            "&#0; &#xD800; &#99999999999;",
            "\u{fffd} \u{fffd} \u{fffd}",
        ),
        (Html, "&foo; &nbsp &#; &#x; & a", "&foo; &nbsp &#; &#x; & a"),
        (Html, "&#47 x", "/ x"),
        (Html, "1 < 2 và 3 <= 4, a<5", "1 < 2 và 3 <= 4, a<5"),
        (Html, "Căn cứ <b", "Căn cứ <b"),
        (Html, "x <b title=\"y", "x <b title=\"y"),
        (
            Html,
            "<span title=\"a > b\" data-x='<i>'>Quyết định số 701/QĐ-UBND</span>",
            "Quyết định số 701/QĐ-UBND",
        ),
        (
            Html,
            "Căn cứ <!-- cũ: Nghị định số 110/2004/NĐ-CP --> Luật",
            "Căn cứ  Luật",
        ),
        (Html, "a<!-->b<!--->c", "abc"),
        (Html, "a <!-- không đóng", "a "),
        (
            Html,
            "<SCRIPT type=\"x\">var s = \"</b>\";</script ><style>p{}</STYLE>Căn cứ",
            "Căn cứ",
        ),
        (Html, "<script>không đóng", ""),
        (
            Html,
            "<!DOCTYPE html><?xml version=\"1.0\"?><![CDATA[x]]>Luật",
            "Luật",
        ),
        (Html, "a<br>b<br/>c<BR >d", "a\nb\nc\nd"),
        (
            Html,
            "<div><p>Điều 1.</p><p>Điều 2.</p></div>",
            "Điều 1.\nĐiều 2.\n",
        ),
        (
            Html,
            "<table><tr><td>Số</td><td>30/2020/NĐ-CP</td></tr></table>",
            "Số\n30/2020/NĐ-CP\n",
        ),
        (Html, "</b></i>stray</p>", "stray\n"),
        // Markdown: emphasis, code, links, escapes.
        (
            Markdown,
            "**Căn cứ** Luật số 80/2015/*QH13*",
            "Căn cứ Luật số 80/2015/QH13",
        ),
        (Markdown, "__Căn cứ__ _Luật_ ***số***", "Căn cứ Luật số"),
        (
            Markdown,
            "5 * 3 * 2 và snake_case_name",
            "5 * 3 * 2 và snake_case_name",
        ),
        (
            Markdown,
            "**không đóng và *một nửa",
            "**không đóng và *một nửa",
        ),
        (
            Markdown,
            "**đoạn một\n\nđoạn hai**",
            "**đoạn một\n\nđoạn hai**",
        ),
        (
            Markdown,
            "* mục một\n* mục hai\n***\n",
            "* mục một\n* mục hai\n***\n",
        ),
        (Markdown, "`Thông tư *số* 01`", "Thông tư *số* 01"),
        (Markdown, "``có ` bên trong``", "có ` bên trong"),
        (Markdown, "`không đóng", "`không đóng"),
        (
            Markdown,
            "[Luật Tổ chức Chính phủ](https://vbpl.vn/luat?id=76 \"Luật số 76/2015/QH13\")",
            "Luật Tổ chức Chính phủ",
        ),
        (Markdown, "![Quốc huy](quoc-huy.png)", "Quốc huy"),
        (Markdown, "[Điều 5](<#dieu 5>) và [a](b(c)d)", "Điều 5 và a"),
        (
            Markdown,
            "[chỉ ngoặc] và [a] (b) và [a](b",
            "[chỉ ngoặc] và [a] (b) và [a](b",
        ),
        (Markdown, "[**Nghị định** số 30](#nd)", "Nghị định số 30"),
        (
            Markdown,
            "\\*không nghiêng\\* 701/QĐ\\-UBND a\\b",
            "*không nghiêng* 701/QĐ-UBND a\\b",
        ),
        (Markdown, "<b>HTML</b> &amp;", "<b>HTML</b> &amp;"),
        // Plain: as it is.
        (
            Plain,
            "<b>Căn cứ</b> **Luật** &amp;",
            "<b>Căn cứ</b> **Luật** &amp;",
        ),
    ];
    for &(markup, source, want) in cases {
        let plain = plain_text(source, markup);
        assert_eq!(plain.as_str(), want, "{markup:?} {source:?}");
        assert_eq!(plain.source(), source);
        assert_eq!(plain.markup(), markup);
    }
}

/// Which spans a case annotates.
enum Spans {
    /// Those of `citations` on the plain text, deduplicated.
    Citations,
    /// These stretches of the plain text, found in order.
    Of(&'static [&'static str]),
}

/// Wraps a span: a link in HTML and Markdown, guillemets in plain text.
fn wrapper(markup: Markup) -> impl FnMut(usize, &str) -> (String, String) {
    move |i, _| match markup {
        Markup::Html => (format!("<a href=\"#c{i}\">"), "</a>".to_owned()),
        Markup::Markdown => ("[".to_owned(), format!("](#c{i})")),
        _ => ("«".to_owned(), "»".to_owned()),
    }
}

fn spans_of(plain: &str, spans: &Spans) -> Vec<Range<usize>> {
    match spans {
        Spans::Citations => {
            let mut v: Vec<_> = citations(plain).map(|c| c.span).collect();
            v.dedup();
            v
        }
        Spans::Of(parts) => {
            let mut from = 0;
            parts
                .iter()
                .map(|p| {
                    let at = from + plain[from..].find(p).expect("stretch in the plain text");
                    from = at + p.len();
                    at..from
                })
                .collect()
        }
    }
}

/// Annotated sources, exactly.
#[test]
fn annotate_table() {
    use Markup::*;
    use Spans::*;
    let cases: &[(Markup, &str, Spans, &str)] = &[
        // The brief's own: balanced inside <b>, entities left whole.
        (
            Html,
            "<p>Căn cứ <b>Nghị định số 30/2020/NĐ-CP</b> ngày 05&#47;3&#47;2020;</p>",
            Citations,
            "<p>Căn cứ <b><a href=\"#c0\">Nghị định số 30/2020/NĐ-CP</a></b> ngày 05&#47;3&#47;2020;</p>",
        ),
        // A balanced element inside the span.
        (
            Html,
            "Căn cứ Nghị định số <i>30/2020</i>/NĐ-CP ngày 05/3/2020",
            Citations,
            "Căn cứ <a href=\"#c0\">Nghị định số <i>30/2020</i>/NĐ-CP</a> ngày 05/3/2020",
        ),
        // An element that ends with the span is taken in whole.
        (
            Html,
            "Căn cứ Luật số 80/2015/<i>QH13</i>;",
            Citations,
            "Căn cứ <a href=\"#c0\">Luật số 80/2015/<i>QH13</i></a>;",
        ),
        (
            Html,
            "Căn cứ <i>Luật</i> số 80/2015/QH13;",
            Citations,
            "Căn cứ <a href=\"#c0\"><i>Luật</i> số 80/2015/QH13</a>;",
        ),
        // The span ends inside <i>: each side wrapped apart.
        (
            Html,
            "Căn cứ Nghị định số <i>30/2020/NĐ-CP ngày 05/3/2020</i> của Chính phủ",
            Citations,
            "Căn cứ <a href=\"#c0\">Nghị định số </a><i><a href=\"#c0\">30/2020/NĐ-CP</a> ngày \
             05/3/2020</i> của Chính phủ",
        ),
        // The span starts inside <b>.
        (
            Html,
            "<b>Căn cứ Nghị định</b> số 30/2020/NĐ-CP",
            Citations,
            "<b>Căn cứ <a href=\"#c0\">Nghị định</a></b><a href=\"#c0\"> số 30/2020/NĐ-CP</a>",
        ),
        // Attributes with `>` and `<` in quotes stay whole.
        (
            Html,
            "<span title=\"a > b\" data-x='<b>'>Quyết định số 701/QĐ-UBND</span> ngày 24/5/2023",
            Citations,
            "<span title=\"a > b\" data-x='<b>'><a href=\"#c0\">Quyết định số 701/QĐ-UBND</a></span> \
             ngày 24/5/2023",
        ),
        // Entities inside and at the edges of the span.
        (
            Html,
            "Th&ocirc;ng t&#432; s&#7889; 01/2011/TT-BNV c&#x1EE7;a B&#7897; N&#7897;i v&#x1ee5;",
            Citations,
            "<a href=\"#c0\">Th&ocirc;ng t&#432; s&#7889; 01/2011/TT-BNV</a> c&#x1EE7;a B&#7897; \
             N&#7897;i v&#x1ee5;",
        ),
        (
            Html,
            "Nghị định số 30&#47;2020&#47;NĐ-CP",
            Of(&["/", "/NĐ-CP"]),
            "Nghị định số 30<a href=\"#c0\">&#47;</a>2020<a href=\"#c1\">&#47;NĐ-CP</a>",
        ),
        // Comments and scripts are not read, and not split.
        (
            Html,
            "Căn cứ <!-- Nghị định số 110/2004/NĐ-CP --><script>var s = \"số 1/2000/QĐ-UB\";</script>\
             Nghị định số 30/2020/NĐ-CP",
            Citations,
            "Căn cứ <!-- Nghị định số 110/2004/NĐ-CP --><script>var s = \"số 1/2000/QĐ-UB\";</script>\
             <a href=\"#c0\">Nghị định số 30/2020/NĐ-CP</a>",
        ),
        // Two paragraphs, two citations; then one span across the paragraphs.
        (
            Html,
            "<p>Căn cứ Luật số 80/2015/QH13;</p><p>Căn cứ Nghị định số 30/2020/NĐ-CP;</p>",
            Citations,
            "<p>Căn cứ <a href=\"#c0\">Luật số 80/2015/QH13</a>;</p><p>Căn cứ <a href=\"#c1\">Nghị \
             định số 30/2020/NĐ-CP</a>;</p>",
        ),
        (
            Html,
            "<p>Căn cứ Luật số 80/2015/QH13;</p><p>Căn cứ Nghị định</p>",
            Of(&["QH13;\nCăn cứ"]),
            "<p>Căn cứ Luật số 80/2015/<a href=\"#c0\">QH13;</a></p><p><a href=\"#c0\">Căn cứ</a> \
             Nghị định</p>",
        ),
        // A void tag inside a span stays inside.
        (
            Html,
            "Nghị định số<br>30/2020/NĐ-CP",
            Citations,
            "<a href=\"#c0\">Nghị định số<br>30/2020/NĐ-CP</a>",
        ),
        // Misnested source: the tags that pair with nothing stay where they are.
        (
            Html,
            "<b>Căn cứ <i>Luật</b> số 80/2015/QH13</i>",
            Citations,
            "<b>Căn cứ <i><a href=\"#c0\">Luật</a></b><a href=\"#c0\"> số 80/2015/QH13</a></i>",
        ),
        // Adjacent spans at the same markup.
        (
            Html,
            "<b>Luật</b><i>số</i>",
            Of(&["Luật", "số"]),
            "<b><a href=\"#c0\">Luật</a></b><i><a href=\"#c1\">số</a></i>",
        ),
        // `</b>` closes the <i> opened in it, the other `</i>` closes nothing: the <i> tags
        // pair with nothing and are left inside.
        (
            Html,
            "<b>Luật <i>số</b> 80</i>",
            Of(&["Luật số 80"]),
            "<a href=\"#c0\"><b>Luật <i>số</b> 80</a></i>",
        ),
        // Markdown.
        (
            Markdown,
            "**Căn cứ** Luật số 80/2015/*QH13*",
            Citations,
            "**Căn cứ** [Luật số 80/2015/*QH13*](#c0)",
        ),
        (
            Markdown,
            "Căn cứ **Nghị định số 30/2020/NĐ-CP** ngày 05/3/2020",
            Citations,
            "Căn cứ **[Nghị định số 30/2020/NĐ-CP](#c0)** ngày 05/3/2020",
        ),
        (
            Markdown,
            "*Căn cứ Nghị định* số 30/2020/NĐ-CP",
            Citations,
            "*Căn cứ [Nghị định](#c0)*[ số 30/2020/NĐ-CP](#c0)",
        ),
        (
            Markdown,
            "**Căn cứ** Luật số 80/2015/QH13",
            Of(&["Căn cứ Luật"]),
            "[**Căn cứ** Luật](#c0) số 80/2015/QH13",
        ),
        (
            Markdown,
            "Quyết định số 701/QĐ\\-UBND ngày 24/5/2023",
            Citations,
            "[Quyết định số 701/QĐ\\-UBND](#c0) ngày 24/5/2023",
        ),
        (
            Markdown,
            "Theo [Thông tư số 01/2011/TT-BNV](https://vbpl.vn/tt-01-2011) của Bộ Nội vụ",
            Of(&["01/2011/TT-BNV"]),
            "Theo [Thông tư số [01/2011/TT-BNV](#c0)](https://vbpl.vn/tt-01-2011) của Bộ Nội vụ",
        ),
        // Inside a code span, what is inserted is code (documented).
        (
            Markdown,
            "Xem `Thông tư số 01/2011/TT-BNV`",
            Citations,
            "Xem `[Thông tư số 01/2011/TT-BNV](#c0)`",
        ),
        // Plain text.
        (
            Plain,
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ",
            Citations,
            "Căn cứ «Nghị định số 30/2020/NĐ-CP» ngày 05/3/2020 của Chính phủ",
        ),
    ];
    for (markup, source, spans, want) in cases {
        let plain = plain_text(source, *markup);
        let spans = spans_of(plain.as_str(), spans);
        assert!(!spans.is_empty(), "no span in {source:?}");
        let (out, ins) = annotate_with_positions(source, *markup, &spans, wrapper(*markup))
            .unwrap_or_else(|e| panic!("{source:?}: {e}"));
        assert_eq!(&out, want, "{markup:?} {source:?}");
        assert_eq!(strip(&out, &ins), *source);
        assert_eq!(
            annotate(source, *markup, &spans, wrapper(*markup)).unwrap(),
            out
        );
        if *markup == Html {
            assert_eq!(plain_text(&out, Html).as_str(), plain.as_str(), "{out:?}");
        }
    }
}

/// `wrap` is called once per non-empty span, in order, with the span's plain text.
#[test]
fn wrap_is_called_once_per_span() {
    let html = "<p>Căn cứ <b>Luật số 80/2015/QH13</b>; Nghị định số <i>30/2020/NĐ-CP ngày</i></p>";
    let plain = plain_text(html, Markup::Html);
    let mut spans: Vec<_> = citations(plain.as_str()).map(|c| c.span).collect();
    spans.insert(1, spans[0].end..spans[0].end);
    let mut calls = Vec::new();
    let out = plain
        .annotate(&spans, |i, text| {
            calls.push((i, text.to_owned()));
            ("<cite>".to_owned(), "</cite>".to_owned())
        })
        .unwrap();
    assert_eq!(
        calls,
        [
            (0, "Luật số 80/2015/QH13".to_owned()),
            (2, "Nghị định số 30/2020/NĐ-CP".to_owned())
        ]
    );
    assert_eq!(
        out,
        "<p>Căn cứ <b><cite>Luật số 80/2015/QH13</cite></b>; <cite>Nghị định số </cite>\
         <i><cite>30/2020/NĐ-CP</cite> ngày</i></p>"
    );
}

#[test]
fn empty_strings_insert_nothing() {
    let text = "Căn cứ Luật số 80/2015/QH13";
    let spans: Vec<_> = citations(text).map(|c| c.span).collect();
    let (out, ins) = annotate_with_positions(text, Markup::Plain, &spans, |_, _| {
        (String::new(), "†".to_owned())
    })
    .unwrap();
    assert_eq!(out, "Căn cứ Luật số 80/2015/QH13†");
    assert_eq!(ins.len(), 1);
    assert_eq!((ins[0].at, ins[0].len, ins[0].span), (text.len(), 3, 0));
    let (out, ins) =
        annotate_with_positions(text, Markup::Plain, &[], wrapper(Markup::Plain)).unwrap();
    assert_eq!((out.as_str(), ins.len()), (text, 0));
}

// --- source spans -------------------------------------------------------------------------------

#[test]
fn source_spans() {
    let html = "<p>Căn cứ <b>Nghị định số 30/2020/N&#272;-CP</b> ngày 05&#47;3&#47;2020</p>";
    let plain = plain_text(html, Markup::Html);
    let text = plain.as_str();
    let at = |s: &str| text.find(s).unwrap();
    let cite = at("Nghị")..at(" ngày");
    assert_eq!(
        &html[plain.source_span(cite)],
        "Nghị định số 30/2020/N&#272;-CP"
    );
    // `Đ` (two bytes) is read from `&#272;`: an offset inside it moves out of the entity.
    let d = at("Đ");
    assert_eq!(&html[plain.source_span(d..d + 2)], "&#272;");
    assert_eq!(&html[plain.source_span(d + 1..d + 2)], "&#272;");
    assert_eq!(&html[plain.source_span(d..d + 1)], "&#272;");
    assert_eq!(&html[plain.source_span(d - 1..d + 1)], "N&#272;");
    // The whole text: from the first character to the last, tags around left out.
    let whole = plain.source_span(0..text.len());
    assert!(html[whole.start..].starts_with("Căn cứ"));
    assert_eq!(whole.end, html.len());
    // Past the end, reversed, empty.
    assert_eq!(plain.source_span(0..usize::MAX), whole);
    let e = plain.source_span(5..2);
    assert!(e.is_empty());
    let e = plain.source_span(cite_start(text)..cite_start(text));
    assert!(e.is_empty());
    assert_eq!(plain.source_span(999..1000), html.len()..html.len());

    // Markdown: an escape is never split, markers are left out.
    let md = "**Căn cứ** Quyết định số 701/QĐ\\-UBND";
    let plain = plain_text(md, Markup::Markdown);
    let dash = plain.as_str().find('-').unwrap();
    assert_eq!(&md[plain.source_span(dash..dash + 1)], "\\-");
    assert_eq!(&md[plain.source_span(0..4)], "Căn");
    // Plain: the identity.
    let plain = plain_text(md, Markup::Plain);
    assert_eq!(plain.source_span(2..8), 2..8);
    // 9 is inside `ứ` (8..11): the end moves past it.
    assert_eq!(plain.source_span(2..9), 2..11);
}

fn cite_start(text: &str) -> usize {
    text.find("Nghị").unwrap()
}

// --- errors ---------------------------------------------------------------------------------

#[test]
fn errors() {
    let text = "Căn cứ Luật số 80/2015/QH13";
    let len = text.len();
    let none = |_: usize, _: &str| -> (String, String) { panic!("wrap called on a refused span") };
    let cases: Vec<(Vec<Range<usize>>, AnnotateError, String)> = vec![
        (
            vec![0..len + 1],
            AnnotateError::OutOfBounds {
                index: 0,
                span: 0..len + 1,
                len,
            },
            format!(
                "span 0 (0..{}) is out of bounds: expected an end at most {len}, the length of the plain text",
                len + 1
            ),
        ),
        (
            vec![0..3, 9..4],
            AnnotateError::Reversed {
                index: 1,
                span: 9..4,
            },
            "span 1 (9..4) is reversed: expected a start at most its end".to_owned(),
        ),
        (
            vec![2..4],
            AnnotateError::NotCharBoundary {
                index: 0,
                span: 2..4,
                offset: 2,
            },
            "span 0 (2..4) splits a character at byte 2: expected a char boundary".to_owned(),
        ),
        (
            vec![0..1, 13..16],
            AnnotateError::NotCharBoundary {
                index: 1,
                span: 13..16,
                offset: 13,
            },
            "span 1 (13..16) splits a character at byte 13: expected a char boundary".to_owned(),
        ),
        (
            vec![10..16, 0..4],
            AnnotateError::Overlapping {
                index: 1,
                span: 0..4,
                previous: 10..16,
            },
            "span 1 (0..4) overlaps the span before it (10..16): expected a start at or after byte 16"
                .to_owned(),
        ),
        (
            vec![10..16, 10..16],
            AnnotateError::Overlapping {
                index: 1,
                span: 10..16,
                previous: 10..16,
            },
            "span 1 (10..16) overlaps the span before it (10..16): expected a start at or after byte 16"
                .to_owned(),
        ),
    ];
    for (spans, err, message) in cases {
        let got = annotate(text, Markup::Plain, &spans, none).unwrap_err();
        assert_eq!(got, err);
        assert_eq!(got.to_string(), message);
        assert_eq!(got.span(), &spans[got.index()]);
        assert!(annotate_with_positions(text, Markup::Html, &spans, none).is_err());
    }
    // Touching spans are fine.
    assert!(
        annotate(
            text,
            Markup::Plain,
            &[0..10, 10..16, 16..16],
            wrapper(Markup::Plain)
        )
        .is_ok()
    );
}

#[test]
fn strip_skips_insertions_it_cannot_take_out() {
    let text = "Căn cứ Luật số 80/2015/QH13";
    let (out, ins) = annotate_with_positions(text, Markup::Plain, &[10..34], |_, _| {
        ("<a>".to_owned(), "</a>".to_owned())
    })
    .unwrap();
    assert_eq!(strip(&out, &ins), text);
    assert_eq!(strip(&out, &[]), out);
    // Out of order, out of bounds, off char boundaries: left in.
    let bad: Vec<Insertion> = {
        let mut v = ins.clone();
        v.reverse();
        v
    };
    assert_eq!(strip(&out, &bad), out.replacen("</a>", "", 1));
    let (_, far) = annotate_with_positions("x", Markup::Plain, &[0..1], |_, _| {
        ("x".repeat(100), String::new())
    })
    .unwrap();
    assert_eq!(strip(&out, &far), out);
    let (_, mid) = annotate_with_positions("ab", Markup::Plain, &[1..2], |_, _| {
        ("x".to_owned(), String::new())
    })
    .unwrap(); // at 1, len 1: inside `ă`
    assert_eq!(strip(&out, &mid), out);
}

#[test]
fn values_are_send_sync_and_debug() {
    fn check<T: Send + Sync + std::fmt::Debug + Clone>() {}
    check::<vanban::annotate::PlainText<'static>>();
    check::<Insertion>();
    check::<AnnotateError>();
    check::<Markup>();
}

// --- hostile shapes -------------------------------------------------------------------------

/// A quadratic reading of any of these would take minutes; linear, milliseconds.
#[test]
fn hostile_shapes_finish_in_linear_time() {
    const N: usize = 200_000;
    let shapes: Vec<(Markup, String)> = vec![
        (Markup::Html, "<a ".repeat(N / 3)),
        (Markup::Html, "<a x=\"".repeat(N / 6)),
        (Markup::Html, "<a x=' >".repeat(N / 8)),
        (Markup::Html, "<!-".repeat(N / 3)),
        (Markup::Html, "<script>".repeat(N / 8)),
        (Markup::Html, "&#".repeat(N / 2)),
        (Markup::Html, format!("&{};", "a".repeat(N))),
        (Markup::Html, "<b>".repeat(N / 3)),
        (
            Markup::Html,
            format!("{}{}", "<b>".repeat(N / 8), "</i>".repeat(N / 8)),
        ),
        (
            Markup::Html,
            format!("{}x{}", "<i><b>".repeat(N / 12), "</i>".repeat(N / 8)),
        ),
        (Markup::Markdown, "[a](".repeat(N / 4)),
        (Markup::Markdown, "[a](x \"".repeat(N / 7)),
        (Markup::Markdown, "[a](<".repeat(N / 5)),
        (Markup::Markdown, "[".repeat(N)),
        (Markup::Markdown, "]".repeat(N)),
        (Markup::Markdown, "*a ".repeat(N / 3)),
        (Markup::Markdown, "a* ".repeat(N / 3)),
        (Markup::Markdown, "_*a ".repeat(N / 4)),
        (Markup::Markdown, "\\".repeat(N)),
        (
            Markup::Markdown,
            (1..630).map(|n| "`".repeat(n) + "a").collect::<String>(),
        ),
    ];
    for (markup, source) in &shapes {
        let started = Instant::now();
        let plain = plain_text(source, *markup);
        let len = plain.as_str().len();
        let (out, ins) = plain
            .annotate_with_positions(&[0..len], |_, _| ("<a>".into(), "</a>".into()))
            .unwrap();
        assert_eq!(strip(&out, &ins), *source);
        let elapsed = started.elapsed();
        assert!(
            elapsed < Duration::from_secs(20),
            "{markup:?} {:?}…: {elapsed:?}",
            &source[..20.min(source.len())]
        );
    }
}

// --- properties: generated HTML -------------------------------------------------------------

/// Text between tags: legal phrases, pieces of citations, entities, `<` and `&` as text.
const HTML_TEXTS: &[&str] = &[
    "Căn cứ ",
    "Nghị định số ",
    "30/2020/",
    "NĐ-CP",
    " ngày 05&#47;3&#47;2020",
    " của Chính phủ",
    "Luật số 80/2015/QH13",
    "; ",
    "&amp;",
    "&nbsp;",
    "Th&ocirc;ng t&#432; s&#7889; 01/2011/TT-BNV",
    "&#x1EA1;",
    " 1 &lt; 2 ",
    " 1 < 2 ",
    "&foo;",
    "Quyết định số 701/QĐ-UBND",
    "\n",
    " & ",
    "a > b",
];

const ELEMENTS: &[&str] = &[
    "b", "i", "u", "em", "strong", "span", "a", "p", "div", "li", "td", "h2",
];

const ATTRIBUTES: &[&str] = &[
    "",
    " class=\"cite\"",
    " title=\"a > b\"",
    " data-x='<i>'",
    " href=\"/van-ban?so=30&amp;nam=2020\"",
    " style = \"color:red\"",
];

const LEAVES: &[&str] = &[
    "<br>",
    "<br/>",
    "<img alt=\"x>y\" src=\"a.png\">",
    "<hr />",
    "<!-- Nghị định số 1/2000/NĐ-CP > cũ -->",
    "<script>if (a < b) { s = \"</b>\"; }</script>",
];

#[derive(Clone, Debug)]
enum Node {
    Text(&'static str),
    Leaf(&'static str),
    Element(&'static str, &'static str, Vec<Node>),
}

fn node() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        4 => proptest::sample::select(HTML_TEXTS).prop_map(Node::Text),
        1 => proptest::sample::select(LEAVES).prop_map(Node::Leaf),
    ];
    leaf.prop_recursive(4, 48, 5, |inner| {
        (
            proptest::sample::select(ELEMENTS),
            proptest::sample::select(ATTRIBUTES),
            proptest::collection::vec(inner, 0..5),
        )
            .prop_map(|(n, a, c)| Node::Element(n, a, c))
    })
}

fn render(nodes: &[Node], out: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) | Node::Leaf(t) => out.push_str(t),
            Node::Element(name, attrs, children) => {
                out.push_str(&format!("<{name}{attrs}>"));
                render(children, out);
                out.push_str(&format!("</{name}>"));
            }
        }
    }
}

fn html_doc() -> impl Strategy<Value = String> {
    proptest::collection::vec(node(), 1..6).prop_map(|nodes| {
        let mut s = String::new();
        render(&nodes, &mut s);
        s
    })
}

/// Spans of `plain`: its citations, or stretches cut at the given points.
fn make_spans(plain: &str, cuts: &[usize], use_citations: bool) -> Vec<Range<usize>> {
    if use_citations {
        let mut out: Vec<Range<usize>> = Vec::new();
        for c in citations(plain) {
            if out.last().is_none_or(|l| c.span.start >= l.end) {
                out.push(c.span);
            }
        }
        return out;
    }
    let mut points: Vec<usize> = cuts
        .iter()
        .map(|&c| {
            let mut p = c % (plain.len() + 1);
            while !plain.is_char_boundary(p) {
                p -= 1;
            }
            p
        })
        .collect();
    points.sort_unstable();
    points.chunks_exact(2).map(|w| w[0]..w[1]).collect()
}

/// The tags of generated HTML (which quotes only attribute values, and whose `<script>`
/// holds no `>` in quotes… but does hold `</b>` in a string), with their ranges. Written
/// apart from the library's reader, for generated HTML only.
fn tags(html: &str) -> Vec<Range<usize>> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &html[i..];
        let end = if rest.starts_with("<!--") {
            i + rest.find("-->").unwrap() + 3
        } else if rest.starts_with("<script") {
            i + rest.find("</script>").unwrap() + "</script>".len()
        } else if b
            .get(i + 1)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/')
        {
            let mut k = i + 1;
            let mut quote = None;
            while k < b.len() {
                match (quote, b[k]) {
                    (None, b'>') => break,
                    (None, q @ (b'"' | b'\'')) => quote = Some(q),
                    (Some(q), c) if c == q => quote = None,
                    _ => {}
                }
                k += 1;
            }
            k + 1
        } else {
            i += 1;
            continue;
        };
        out.push(i..end);
        i = end;
    }
    out
}

/// The name of a start or end tag, and whether it is an end tag; `None` for the others.
fn tag_name(tag: &str) -> Option<(String, bool)> {
    let (close, rest) = match tag.strip_prefix("</") {
        Some(r) => (true, r),
        None => (false, tag.strip_prefix('<')?),
    };
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty()
        || tag.ends_with("/>")
        || matches!(name.as_str(), "br" | "img" | "hr" | "script")
    {
        return None;
    }
    Some((name, close))
}

fn well_nested(html: &str, tags: &[Range<usize>]) -> bool {
    let mut stack = Vec::new();
    for t in tags {
        match tag_name(&html[t.clone()]) {
            Some((name, false)) => stack.push(name),
            Some((name, true)) if stack.pop().as_ref() != Some(&name) => return false,
            _ => {}
        }
    }
    stack.is_empty()
}

/// The plain text covered by each span's insertions (from the first string inserted for it
/// to the last), joined, line breaks left out.
fn covered(out: &str, ins: &[Insertion], markup: Markup, span: usize) -> String {
    let mine: Vec<&Insertion> = ins.iter().filter(|i| i.span == span).collect();
    let mut text = String::new();
    for pair in mine.chunks_exact(2) {
        let from = plain_text(&out[..pair[0].at + pair[0].len], markup)
            .as_str()
            .len();
        let to_plain = plain_text(&out[..pair[1].at], markup);
        text.push_str(&to_plain.as_str()[from..]);
    }
    text.replace('\n', "")
}

/// `cases` cases, or `PROPTEST_CASES` for a longer run; no regression file is written.
fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn html_annotation_keeps_the_markup(
        src in html_doc(),
        cuts in proptest::collection::vec(0usize..4096, 0..12),
        use_citations in any::<bool>(),
    ) {
        let plain = plain_text(&src, Markup::Html);
        let spans = make_spans(plain.as_str(), &cuts, use_citations);
        let (out, ins) = plain
            .annotate_with_positions(&spans, |i, _| (format!("<a href=\"#c{i}\">"), "</a>".to_owned()))
            .unwrap();

        // (1) Stripping gives the source back, byte for byte.
        prop_assert_eq!(strip(&out, &ins), src.clone());

        // (2) Each insertion is a whole tag of the output; the others are the source's tags,
        // unchanged; the inserted tags pair up and the whole nests.
        let src_tags = tags(&src);
        let out_tags = tags(&out);
        let inserted: Vec<Range<usize>> = ins.iter().map(|i| i.at..i.at + i.len).collect();
        for r in &inserted {
            prop_assert!(out_tags.contains(r), "insertion {:?} is not a tag of {:?}", r, out);
        }
        let kept: Vec<&str> = out_tags
            .iter()
            .filter(|t| !inserted.contains(t))
            .map(|t| &out[t.clone()])
            .collect();
        let original: Vec<&str> = src_tags.iter().map(|t| &src[t.clone()]).collect();
        prop_assert_eq!(kept, original);
        prop_assert!(well_nested(&src, &src_tags));
        prop_assert!(well_nested(&out, &out_tags), "not well nested: {:?}", out);
        prop_assert_eq!(ins.len() % 2, 0);
        for pair in ins.chunks_exact(2) {
            prop_assert_eq!(pair[0].span, pair[1].span);
            prop_assert!(out[pair[0].at..].starts_with("<a "));
            prop_assert!(out[pair[1].at..].starts_with("</a>"));
        }

        // (3) The plain text is unchanged, and each span's insertions cover its text.
        let again = plain_text(&out, Markup::Html);
        prop_assert_eq!(again.as_str(), plain.as_str());
        for (i, s) in spans.iter().enumerate() {
            let want = plain.as_str()[s.clone()].replace('\n', "");
            let got = covered(&out, &ins, Markup::Html, i);
            // What a block tag's line break gave is all that may be left out.
            prop_assert_eq!(got, want, "span {} {:?} in {:?}", i, s, out);
        }
    }
}

// --- properties: generated Markdown ---------------------------------------------------------

const MD_WORDS: &[&str] = &[
    "Căn cứ",
    "Luật",
    "số",
    "80/2015/QH13",
    "Nghị định",
    "30/2020/NĐ-CP",
    "ngày",
    "05/3/2020",
    "của",
    "Chính phủ;",
    "\\*",
    "QĐ\\-UBND",
    "Luật số 80/2015/*QH13*",
    "Nghị định số 30/2020/**NĐ-CP**",
    "Thông tư số _01/2011/TT-BNV_",
];

fn md_doc() -> impl Strategy<Value = String> {
    let word = proptest::sample::select(MD_WORDS).prop_map(str::to_owned);
    let group = (
        proptest::sample::select(&["*", "**", "_", "__"][..]),
        proptest::collection::vec(proptest::sample::select(&MD_WORDS[..10]), 1..4),
    )
        .prop_map(|(d, ws)| format!("{d}{}{d}", ws.join(" ")));
    let token = prop_oneof![3 => word, 1 => group];
    proptest::collection::vec(
        (token, proptest::sample::select(&[" ", " ", " ", "\n"][..])),
        1..12,
    )
    .prop_map(|ts| ts.into_iter().map(|(t, sep)| t + sep).collect::<String>())
}

/// Markdown with links, code and blank lines too, for the properties that hold on any input.
fn md_rich() -> impl Strategy<Value = String> {
    let extra = proptest::sample::select(
        &[
            "[Luật](https://vbpl.vn/80 \"Luật số 80/2015/QH13\")",
            "![ảnh](a.png)",
            "`30/2020/NĐ-CP`",
            "``a ` b``",
            "\n\n",
            "[không phải liên kết]",
            "snake_case",
            "5 * 3",
            "<b>HTML</b>",
        ][..],
    )
    .prop_map(str::to_owned);
    proptest::collection::vec(prop_oneof![md_doc(), extra], 1..6).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn markdown_annotation_keeps_the_markup(
        src in md_doc(),
        cuts in proptest::collection::vec(0usize..4096, 0..12),
        use_citations in any::<bool>(),
    ) {
        let plain = plain_text(&src, Markup::Markdown);
        let spans = make_spans(plain.as_str(), &cuts, use_citations);
        let (out, ins) = plain
            .annotate_with_positions(&spans, |i, _| ("[".to_owned(), format!("](#c{i})")))
            .unwrap();
        // (1)
        prop_assert_eq!(strip(&out, &ins), src.clone());
        // (3) The links inserted read as links: the plain text is unchanged, and each
        // span's links cover its text.
        let again = plain_text(&out, Markup::Markdown);
        prop_assert_eq!(again.as_str(), plain.as_str(), "{:?}", out);
        for (i, s) in spans.iter().enumerate() {
            let want = plain.as_str()[s.clone()].replace('\n', "");
            prop_assert_eq!(covered(&out, &ins, Markup::Markdown, i), want);
        }
    }

    #[test]
    fn rich_markdown_round_trips(
        src in md_rich(),
        cuts in proptest::collection::vec(0usize..4096, 0..12),
        use_citations in any::<bool>(),
    ) {
        let plain = plain_text(&src, Markup::Markdown);
        let spans = make_spans(plain.as_str(), &cuts, use_citations);
        let (out, ins) = plain
            .annotate_with_positions(&spans, |i, _| ("[".to_owned(), format!("](#c{i})")))
            .unwrap();
        prop_assert_eq!(strip(&out, &ins), src);
    }
}

// --- properties: arbitrary input ------------------------------------------------------------

/// Strings dense in what markup is made of.
fn markup_soup() -> impl Strategy<Value = String> {
    "[<>&#;ax0-9\"'=/!*_`\\[\\]()\\\\ \nđạ-]{0,96}"
}

fn check_any(src: &str, cuts: &[usize]) -> Result<(), TestCaseError> {
    for markup in [Markup::Plain, Markup::Html, Markup::Markdown] {
        let plain = plain_text(src, markup);
        let text = plain.as_str();
        // Every source span is inside the source, on char boundaries, in order.
        for w in cuts.chunks(2) {
            let r = w[0] % (text.len() + 2)..w.get(1).map_or(0, |c| c % (text.len() + 2));
            let s = plain.source_span(r);
            prop_assert!(s.start <= s.end && s.end <= src.len());
            prop_assert!(src.is_char_boundary(s.start) && src.is_char_boundary(s.end));
        }
        let whole = plain.source_span(0..text.len());
        prop_assert!(whole.end <= src.len());
        // Annotation round-trips on anything.
        let spans = make_spans(text, cuts, false);
        let (out, ins) = plain
            .annotate_with_positions(&spans, |i, t| (format!("<{i}:"), format!(":{}>", t.len())))
            .unwrap();
        prop_assert_eq!(strip(&out, &ins), src);
        for i in &ins {
            prop_assert!(out.is_char_boundary(i.at) && out.is_char_boundary(i.at + i.len));
        }
        // Arbitrary spans are refused or placed, never a panic.
        let raw: Vec<Range<usize>> = cuts
            .chunks(2)
            .map(|w| w[0]..*w.get(1).unwrap_or(&0))
            .collect();
        let _ = plain.annotate(&raw, |_, _| ("<".into(), ">".into()));
        if markup == Markup::Plain {
            prop_assert_eq!(text, src);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn no_panic_on_arbitrary_strings(
        src in any::<String>(),
        cuts in proptest::collection::vec(0usize..512, 0..10),
    ) {
        check_any(&src, &cuts)?;
    }

    #[test]
    fn no_panic_on_markup_soup(
        src in markup_soup(),
        cuts in proptest::collection::vec(0usize..512, 0..10),
    ) {
        check_any(&src, &cuts)?;
    }
}

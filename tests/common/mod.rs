//! What several test files share.

/// The span invariant of every citation `citations` finds in `text`: each span lies in the
/// text on char boundaries, and the number inside the whole mention. `name` says where the
/// text comes from in a failure.
#[allow(dead_code)] // not every includer checks citations
pub fn check_citation_spans(name: &str, text: &str) {
    for c in vanban::citations(text) {
        assert_eq!(&text[c.span.clone()], c.as_str(), "{name}");
        for span in [
            Some(c.span.clone()),
            Some(c.number_span.clone()),
            c.date_span.clone(),
            c.kind_span.clone(),
            c.issuer_span.clone(),
        ]
        .into_iter()
        .flatten()
        {
            assert!(
                span.start <= span.end
                    && span.end <= text.len()
                    && text.is_char_boundary(span.start)
                    && text.is_char_boundary(span.end),
                "{name}: citation span {span:?}"
            );
        }
        assert!(
            c.span.start <= c.number_span.start && c.number_span.end <= c.span.end,
            "{name}: number span {:?} outside {:?}",
            c.number_span,
            c.span
        );
    }
}

//! The vendored handlebars (vendor/handlebars, see vendor/README.md) gives
//! each template element the line and column pest's `Position::line_col`
//! would (a line ends at `\n`, `\r\n` is one end, a lone `\r` is a column;
//! columns count characters), now from a line index, on a template long
//! enough that computing them from the start for every element would show.
use handlebars::template::{Template, TemplateElement};

fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let before = &src[..offset];
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[start..].chars().count() + 1,
    )
}

#[test]
fn element_positions_in_a_long_template() {
    let mut src = String::new();
    for i in 0..2000 {
        src.push_str(&format!(
            "line {i} é🎈\r\n  {{{{v{i}}}}} and\r more {{{{#if x}}}}y{{{{/if}}}}\n"
        ));
    }
    let t = Template::compile(&src).unwrap();
    let expected: Vec<(usize, usize)> = src
        .match_indices("{{v")
        .map(|(o, _)| line_col(&src, o))
        .collect();
    let found: Vec<(usize, usize)> = t
        .elements
        .iter()
        .zip(&t.mapping)
        .filter(|(e, _)| matches!(e, TemplateElement::Expression(_)))
        .map(|(_, m)| (m.0, m.1))
        .collect();
    assert_eq!(found.len(), 2000);
    assert_eq!(found, expected);
}

use super::*;

fn schema() -> Value {
    serde_json::json!({
        "type": "object",
        "properties": {
            "title": { "type": "string" },
            "summary": { "type": "string" },
            "duties": { "type": "object", "properties": {
                "intro": { "type": "string" },
                "tasks": { "type": "array", "items": { "type": "string" } },
                "notes": { "type": "array", "items": { "type": "string" } }
            }},
            "working_hours": { "type": "object", "properties": { "pattern": { "type": "string" }, "variations": { "type": "array" } } }
        }
    })
}

fn mistakes(src: &str) -> (bool, Vec<String>) {
    let (tree, found) = read(src, &schema());
    (
        tree.is_some(),
        found
            .iter()
            .map(|m| format!("{}:{}: {}", m.pos.line, m.pos.column, m.message))
            .collect(),
    )
}

#[test]
fn text_with_a_colon_is_quoted_and_reading_goes_on() {
    let (ok, m) = mistakes(
        "title: A\nsummary: The PALS: a service\nduties:\n  intro: x\n   tasks:\n    - a\n",
    );
    assert!(ok, "{m:#?}");
    assert_eq!(m.len(), 2, "{m:#?}");
    assert!(
        m[0].starts_with("2:18: the text of `summary` contains ': '"),
        "{m:#?}"
    );
    assert!(
        m[0].ends_with("put the text in quotes: summary: \"The PALS: a service\""),
        "{m:#?}"
    );
    assert_eq!(m[1], "5:4: this line is out of line: `tasks:` starts at column 4, but the other fields of `duties` start at column 3 (like `intro:` on line 4); move it to column 3");
}

#[test]
fn tabs_and_list_items_out_of_line() {
    let (ok, m) = mistakes("working_hours:\n\tpattern: 9am\nduties:\n  tasks:\n    - a\n   - b\n");
    assert!(ok, "{m:#?}");
    assert_eq!(m[0], "2:1: this line is indented with a tab, which YAML does not allow: indent it with spaces (2 here)");
    assert_eq!(m[1], "6:4: this line is out of line: the list item starts at column 4, but the items of `tasks` start at column 5 (like line 5); move it to column 5");
}

#[test]
fn a_quote_never_closed_is_found_where_it_opens() {
    let (ok, m) = mistakes("title: \"You'll usually need:\nsummary: \"x\"\n");
    assert!(ok, "{m:#?}");
    assert!(
        m[0].starts_with("1:8: the quote \" that starts the text here is never closed"),
        "{m:#?}"
    );
}

#[test]
fn multi_line_text_with_a_colon() {
    let (ok, m) = mistakes("summary: The PALS offers\n  support: advice\ntitle: x\n");
    assert!(ok, "{m:#?}");
    assert!(
        m[0].starts_with("2:10: the text of `summary` (from line 1) has ': ' on this line"),
        "{m:#?}"
    );
}

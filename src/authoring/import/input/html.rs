//! HTML saved from a browser, read with `scraper` (html5ever, the parser of
//! Servo). The page's own structure decides: `h1`–`h6` are headings, `li`
//! list items, `dt`/`dd` and two-cell table rows `Label: value` pairs,
//! other blocks paragraphs. What a page puts around its content is left
//! out by its markup, before any words are read: `nav`, `header`,
//! `footer`, `aside`, forms and buttons, scripts, styles, pictures (their
//! alt text describes a photo, not the job), anything hidden, and the
//! landmarks and blocks named for navigation, cookies or sharing. Only
//! `<main>` (or the `<article>`) is read when the page has one.

use super::marked::{squash, Block, Marked};
use scraper::{ElementRef, Html, Node};

/// Whether decoded text is an HTML document.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && (head.contains("<body") || head.contains("<head")))
}

/// The encoding a page declares in its `<meta>`, if any.
pub fn declared_charset(text: &str) -> Option<String> {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head[at..].trim_start_matches(['"', '\'']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Elements never read: furniture by its markup.
const SKIP: [&str; 20] = [
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "svg", "iframe", "object", "canvas", "img", "picture", "video", "audio",
    "figure",
];

/// Roles of furniture landmarks.
const SKIP_ROLES: [&str; 6] = [
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
];

/// Words in a class or id that name a block of furniture.
const SKIP_NAMES: [&str; 12] = [
    "cookie",
    "consent",
    "breadcrumb",
    "skip-link",
    "skiplink",
    "share",
    "social",
    "newsletter",
    "feedback",
    "visually-hidden",
    "sr-only",
    "banner",
];

fn skipped(e: &ElementRef) -> bool {
    let el = e.value();
    let name = el.name();
    if SKIP.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if el
        .attr("role")
        .is_some_and(|r| SKIP_ROLES.contains(&r.trim()))
    {
        return true;
    }
    let names = format!(
        "{} {}",
        el.attr("class").unwrap_or(""),
        el.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    names.split(|c: char| c.is_whitespace()).any(|n| {
        SKIP_NAMES
            .iter()
            .any(|s| n == *s || n.starts_with(&format!("{s}-")) || n.ends_with(&format!("-{s}")))
    })
}

/// Block elements: each starts a new block.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "caption"
            | "body"
            | "html"
            | "center"
    )
}

/// The text of an element's inline content: whitespace collapsed, `<br>`
/// as a line break, skipped elements left out.
fn inline_text(e: ElementRef, out: &mut String) {
    for child in e.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(el) => {
                let Some(ce) = ElementRef::wrap(child) else {
                    continue;
                };
                if skipped(&ce) {
                    continue;
                }
                if el.name() == "br" {
                    out.push('\n');
                } else {
                    if is_block(el.name()) {
                        out.push(' ');
                    }
                    inline_text(ce, out);
                    if is_block(el.name()) {
                        out.push(' ');
                    }
                }
            }
            _ => {}
        }
    }
}

fn text_of(e: ElementRef) -> String {
    let mut s = String::new();
    inline_text(e, &mut s);
    s.lines()
        .map(squash)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

struct Walk {
    marked: Marked,
    /// Inline text waiting for the end of its block.
    pending: String,
}

impl Walk {
    fn flush(&mut self) {
        let p = std::mem::take(&mut self.pending);
        let p: Vec<String> = p.lines().map(squash).filter(|l| !l.is_empty()).collect();
        if !p.is_empty() {
            self.marked.push(Block::Para(p.join("\n")));
        }
    }

    fn element(&mut self, e: ElementRef) {
        if skipped(&e) {
            return;
        }
        let name = e.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let level = name[1..].parse().unwrap_or(2);
                self.marked
                    .push(Block::Heading(level, text_of(e).replace('\n', " ")));
            }
            "li" => {
                self.flush();
                // A list inside the item: its own items follow.
                let nested: Vec<ElementRef> = e
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|c| matches!(c.value().name(), "ul" | "ol"))
                    .collect();
                let mut own = String::new();
                for child in e.children() {
                    match child.value() {
                        Node::Text(t) => own.push_str(t),
                        Node::Element(el) if !matches!(el.name(), "ul" | "ol") => {
                            if let Some(ce) = ElementRef::wrap(child) {
                                if !skipped(&ce) {
                                    inline_text(ce, &mut own);
                                    own.push(' ');
                                }
                            }
                        }
                        _ => {}
                    }
                }
                self.marked.push(Block::Item(own.replace('\n', " ")));
                for n in nested {
                    self.element(n);
                }
            }
            "dl" => {
                self.flush();
                let mut label: Option<String> = None;
                for c in e.children().filter_map(ElementRef::wrap) {
                    match c.value().name() {
                        "dt" => {
                            if let Some(l) = label.take() {
                                self.marked.push(Block::Pair(l, String::new()));
                            }
                            label = Some(text_of(c));
                        }
                        "dd" => {
                            let v = text_of(c).replace('\n', " ");
                            match label.take() {
                                Some(l) => self.marked.push(Block::Pair(l, v)),
                                None => self.marked.push(Block::Para(v)),
                            }
                        }
                        _ => self.element(c),
                    }
                }
                if let Some(l) = label {
                    self.marked.push(Block::Pair(l, String::new()));
                }
            }
            "tr" => {
                self.flush();
                let cells: Vec<String> = e
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|c| matches!(c.value().name(), "td" | "th"))
                    .map(|c| text_of(c).replace('\n', " "))
                    .collect();
                match cells.as_slice() {
                    [] => {}
                    [one] => self.marked.push(Block::Para(one.clone())),
                    [l, v] => self.marked.push(Block::Pair(l.clone(), v.clone())),
                    _ => self.marked.push(Block::Row(cells)),
                }
            }
            _ if is_block(name) => {
                self.flush();
                self.children(e);
                self.flush();
            }
            "br" => self.pending.push('\n'),
            _ => {
                // Inline: its text joins the block being read.
                let mut s = String::new();
                inline_text(e, &mut s);
                self.pending.push_str(&s);
            }
        }
    }

    fn children(&mut self, e: ElementRef) {
        for child in e.children() {
            match child.value() {
                Node::Text(t) => self.pending.push_str(t),
                Node::Element(_) => {
                    if let Some(ce) = ElementRef::wrap(child) {
                        self.element(ce);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The first element of a name, in document order.
fn first<'a>(doc: &'a Html, name: &str) -> Option<ElementRef<'a>> {
    doc.root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| {
            e.value().name() == name || (name == "main" && e.value().attr("role") == Some("main"))
        })
}

/// Reads a page.
pub fn read(text: &str) -> Marked {
    let doc = Html::parse_document(text);
    let mut walk = Walk {
        marked: Marked::default(),
        pending: String::new(),
    };
    let content = first(&doc, "main")
        .or_else(|| first(&doc, "article"))
        .or_else(|| first(&doc, "body"))
        .unwrap_or_else(|| doc.root_element());
    // The page's title heading may sit above `<main>`, in its header.
    let h1_inside = content
        .descendants()
        .filter_map(ElementRef::wrap)
        .any(|e| e.value().name() == "h1");
    if !h1_inside {
        if let Some(h1) = first(&doc, "h1") {
            walk.marked
                .push(Block::Heading(1, text_of(h1).replace('\n', " ")));
        }
    }
    walk.children(content);
    walk.flush();
    walk.marked.doc_title = first(&doc, "title").map(|t| {
        // "Porter | NHS Careers" → "Porter".
        let t = text_of(t);
        let t = [" | ", " - ", " – ", " — "]
            .iter()
            .fold(t.as_str(), |t, sep| t.split(sep).next().unwrap_or(t));
        t.trim().to_string()
    });
    walk.marked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authoring::import::input::Form;

    #[test]
    fn structure_from_markup_furniture_by_markup() {
        let page = r##"<!doctype html><html><head><title>Paramedic | Health Careers</title>
            <script>var x = "Skip";</script></head><body>
            <header><a href="#main">Skip to main content</a><nav><ul><li>Home</li><li>Explore roles</li></ul></nav></header>
            <div class="cookie-banner">We use cookies. Accept all</div>
            <main><ol class="breadcrumb"><li>Home</li><li>Paramedic</li></ol>
            <h1>Paramedic</h1><p>Paramedics are the first to arrive.</p>
            <img alt="Two paramedics are lifting a stretcher.">
            <h2>Pay</h2><dl><dt>Starting salary</dt><dd>£29,970</dd></dl>
            <table><tr><th>Hours</th><td>37.5 a week</td></tr></table>
            <h2>Skills</h2><ul><li>Decision making</li><li>Calm <b>under</b> pressure</li></ul>
            <aside>Related: Nurse</aside></main>
            <footer>© NHS</footer></body></html>"##;
        let input = read(page).into_input("p.html", Form::Html, "UTF-8".into());
        assert_eq!(input.title.as_deref(), Some("Paramedic"));
        assert_eq!(input.headings, ["Paramedic", "Pay", "Skills"]);
        let t = &input.text;
        for kept in [
            "Paramedics are the first to arrive.",
            "Starting salary: £29,970",
            "Hours: 37.5 a week",
            "• Decision making",
            "• Calm under pressure",
        ] {
            assert!(t.contains(kept), "{kept}\n{t}");
        }
        for gone in [
            "Skip", "Home", "cookies", "lifting", "Related", "© NHS", "var x",
        ] {
            assert!(!t.contains(gone), "{gone}\n{t}");
        }
    }
}

//! HTML writer: one `Document` + one `Theme` → one self-contained web page a
//! trust can publish as its careers page, or read in a browser.
//!
//! - semantic HTML5: a header with the trust's logo (alt text) and name,
//!   `<main>` holding the brand band with the title (`h1`) and the content
//!   (`h2`–`h3`, lists, key facts as a `<table>` of `<th scope="row">`
//!   labels), a footer; `lang` on `<html>` and on every passage in another
//!   language; a skip link; an "On this page" list on long pages;
//! - self-contained: the stylesheet is in the page and the logo is a `data:`
//!   address, so the file can be mailed, uploaded or opened from a disk; a
//!   Content-Security-Policy in the page lets it load nothing from anywhere
//!   and run no script (it has none);
//! - the brand's colours, each checked for WCAG 2.2 AA contrast where text
//!   meets it and adjusted where it falls short (`style`, measuring with
//!   [`crate::document::contrast`], as `check` does);
//! - a print stylesheet: black text on white, addresses after links, no
//!   breaks inside boxes or after headings, the template's paper size;
//! - a draft says "DRAFT – not for publication" at the top, at the foot, in
//!   its title and across every printed page, and asks search engines not
//!   to index it.
//!
//! `blocks.rs` writes the body, `style.rs` and `page.css` the stylesheet,
//! `qr.rs` QR codes as SVG; text is escaped by the one escaper the
//! writers share, [`crate::document::escape`] (its HTML rules).

mod blocks;
mod qr;
mod style;
#[cfg(test)]
mod tests;

use crate::document::escape::html::{escape, escape_into};
use crate::document::{Document, Label, RenderError, Rendered, Theme, Writer};
use base64::Engine as _;
use blocks::{Body, Part, Section};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// A page with at least this many sections lists them at the top.
const CONTENTS_FROM: usize = 4;

/// The HTML writer. Pages are independent; the only thing kept is QR codes
/// by address, which depend on the address alone.
#[derive(Debug, Default)]
pub struct HtmlWriter {
    qr: qr::QrCache,
}

impl HtmlWriter {
    pub fn new() -> Self {
        HtmlWriter::default()
    }
}

impl Writer for HtmlWriter {
    fn extension(&self) -> &'static str {
        "html"
    }

    fn render(&self, doc: &Document, theme: &Theme) -> Result<Rendered, RenderError> {
        let mut body = Body::new(theme, &self.qr);
        let parts = body.parts(&doc.blocks);
        let palette = style::Palette::new(theme);
        let css = style::stylesheet(theme, &palette);
        let mut page = String::with_capacity(css.len() + 40_000);
        head(&mut page, doc, theme, &css);
        page.push_str("<body>\n");
        page.push_str("<a class=\"skip-link\" href=\"#main\">");
        label_into(&mut page, &doc.meta.labels.skip_link);
        page.push_str("</a>\n");
        if doc.meta.draft {
            draft_notice(&mut page, &doc.meta.labels.draft);
            page.push_str("<div class=\"draft-watermark\" aria-hidden=\"true\">");
            escape_into(&mut page, &doc.meta.labels.draft.text());
            page.push_str("</div>\n");
        }
        site_header(&mut page, theme);
        page.push_str("<main id=\"main\">\n");
        let mut contents = (body.sections.len() >= CONTENTS_FROM).then_some(&body.sections);
        let mut flow_open = false;
        for part in &parts {
            match part {
                Part::Band(html) => {
                    if flow_open {
                        page.push_str("</div>\n</div>\n");
                        flow_open = false;
                    }
                    page.push_str(html);
                }
                Part::Flow(html) => {
                    // The first run of content has the "On this page" list
                    // beside it (before it, on a narrow screen).
                    match contents.take() {
                        Some(sections) => {
                            page.push_str("<div class=\"wrap layout\">\n");
                            contents_list(&mut page, &doc.meta.labels.contents, sections);
                        }
                        None => page.push_str("<div class=\"wrap\">\n"),
                    }
                    page.push_str("<div class=\"content\">\n");
                    flow_open = true;
                    page.push_str(html);
                }
            }
        }
        if flow_open {
            page.push_str("</div>\n</div>\n");
        }
        page.push_str("</main>\n");
        site_footer(&mut page, doc, theme);
        page.push_str("</body>\n</html>\n");
        Ok(Rendered {
            bytes: page.into_bytes(),
            warnings: body.warnings,
            ..Rendered::default()
        })
    }
}

/// `<!DOCTYPE>`, `<html lang>` and `<head>`: title, description, the policy
/// that keeps the page self-contained, and the stylesheet.
fn head(page: &mut String, doc: &Document, theme: &Theme, css: &str) {
    let meta = &doc.meta;
    let lang = if crate::document::is_language_tag(&meta.language) {
        crate::document::regional(&meta.language)
    } else {
        "en-GB".to_string()
    };
    let _ = writeln!(page, "<!DOCTYPE html>\n<html lang=\"{}\">", escape(&lang));
    page.push_str("<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Nothing may be loaded from anywhere, no script may run, and only this
    // page's own stylesheet applies.
    let digest = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css.as_bytes()));
    let _ = writeln!(
        page,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'\">"
    );
    let org = if meta.author.trim().is_empty() {
        theme.org_name.as_str()
    } else {
        meta.author.as_str()
    };
    page.push_str("<title>");
    if meta.draft {
        escape_into(page, &meta.labels.draft.text());
        page.push_str(": ");
    }
    escape_into(page, &meta.title);
    // The trust's short name: tabs and search results show some 60
    // characters, and the full name is in the page's header.
    let short = if theme.org_short_name.trim().is_empty() {
        org
    } else {
        theme.org_short_name.as_str()
    };
    if !short.trim().is_empty() {
        page.push_str(" – ");
        escape_into(page, short);
    }
    page.push_str("</title>\n");
    for (name, value) in [
        ("description", meta.subject.clone()),
        ("author", org.to_string()),
        ("keywords", meta.keywords.join(", ")),
    ] {
        if !value.trim().is_empty() {
            let _ = writeln!(
                page,
                "<meta name=\"{name}\" content=\"{}\">",
                escape(&value)
            );
        }
    }
    if meta.draft {
        page.push_str("<meta name=\"robots\" content=\"noindex, nofollow\">\n");
    }
    page.push_str("<style>");
    page.push_str(css);
    page.push_str("</style>\n</head>\n");
}

fn draft_notice(page: &mut String, notice: &Label) {
    page.push_str("<p class=\"draft-notice\"><strong>");
    label_into(page, notice);
    page.push_str("</strong></p>\n");
}

/// A fixed label, each language of a bilingual one in its own `lang` span
/// ("<span lang=\"cy-GB\">Neidio…</span> / <span lang=\"en-GB\">Skip…</span>").
fn label_into(page: &mut String, label: &Label) {
    if !label.is_bilingual() {
        escape_into(page, &label.text());
        return;
    }
    for (i, (lang, text)) in label.parts.iter().enumerate() {
        if i > 0 {
            escape_into(page, &label.joiner);
        }
        page.push_str("<span lang=\"");
        escape_into(page, lang);
        page.push_str("\">");
        escape_into(page, text);
        page.push_str("</span>");
    }
}

/// The trust's logo and name, as on every page of its website.
fn site_header(page: &mut String, theme: &Theme) {
    page.push_str("<header class=\"site-header\">\n<div class=\"wrap\">\n");
    if let Some(logo) = theme.logo() {
        blocks::push_img(page, logo, &logo.alt, "logo");
        page.push('\n');
    }
    page.push_str("<p class=\"org-name\">");
    escape_into(page, &theme.org_name);
    page.push_str("</p>\n</div>\n</header>\n");
}

fn contents_list(page: &mut String, contents_title: &Label, sections: &[Section]) {
    page.push_str(
        "<nav class=\"contents\" aria-labelledby=\"contents-title\">\n<h2 id=\"contents-title\">",
    );
    label_into(page, contents_title);
    page.push_str("</h2>\n<ol>\n");
    for s in sections {
        let _ = write!(page, "<li><a href=\"#{}\">", s.id);
        escape_into(page, &s.text);
        page.push_str("</a></li>\n");
    }
    page.push_str("</ol>\n</nav>\n");
}

fn site_footer(page: &mut String, doc: &Document, theme: &Theme) {
    page.push_str("<footer class=\"site-footer\">\n<div class=\"wrap\">\n");
    if doc.meta.draft {
        page.push_str("<p><strong>");
        label_into(page, &doc.meta.labels.draft);
        page.push_str("</strong></p>\n");
    }
    page.push_str("<p><strong>");
    escape_into(page, &theme.org_name);
    page.push_str("</strong></p>\n");
    if !theme.footer.trim().is_empty() {
        page.push_str("<p>");
        escape_into(page, &theme.footer);
        page.push_str("</p>\n");
    }
    page.push_str("</div>\n</footer>\n");
}

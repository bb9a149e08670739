//! `serve`'s own pages: the index of every document (job × trust, each
//! format, its status and errors, a thumbnail) and the viewer that shows
//! one document and shows it again when it is rebuilt. Text is escaped by
//! the HTML writer's one helper; the only script is `assets/serve.js`.

use super::state::{Doc, State};
use crate::document::escape::html::{escape, escape_into};
use crate::pipeline::report::plural;
use crate::pipeline::Status;
use crate::template::Format;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// What the pages need besides the state.
pub(crate) struct Context<'a> {
    pub out: &'a Path,
    /// The project folder, as the person gave it.
    pub project: &'a str,
    /// Thumbnails can be drawn (`pdftoppm` runs here).
    pub thumbnails: bool,
}

fn head(page: &mut String, title: &str) {
    page.push_str("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape_into(page, title);
    page.push_str("</title>\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/assets/serve.css\">\n<script src=\"/assets/serve.js\" defer></script>\n</head>\n");
}

fn bar(page: &mut String, ctx: &Context, back: bool) {
    page.push_str("<header class=\"bar\"><div class=\"wrap\">");
    if back {
        page.push_str("<a class=\"back\" href=\"/\">All documents</a>");
    } else {
        page.push_str("<span class=\"name\">careerpress preview</span>");
    }
    page.push_str("<span class=\"project\">");
    escape_into(page, ctx.project);
    page.push_str("</span></div></header>\n");
}

/// "Web page", "PDF", …: what a format is to a careers team.
fn format_name(f: Format) -> &'static str {
    crate::pipeline::format_info(f).label
}

/// The status of a document in words, and its badge's class.
fn status(doc: &Doc, exists: bool) -> (&'static str, &'static str) {
    if doc.held_back.is_some() {
        return ("Held back", "warn");
    }
    match doc.status {
        Some(Status::Built) => ("Built", "ok"),
        Some(Status::UpToDate) => ("Up to date", "ok"),
        Some(Status::Failed) => ("Failed", "bad"),
        Some(Status::Skipped) => ("Not started", "warn"),
        None if exists => ("Built earlier", "ok"),
        None => ("Not built yet", "warn"),
    }
}

fn exists(ctx: &Context, doc: &Doc) -> bool {
    super::files::find(ctx.out, Path::new(&doc.path)).is_some()
}

/// What a path segment keeps unencoded: RFC 3986's unreserved characters.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `/files/brand/job/page.html` with the path's segments (ids and names of
/// `[a-z0-9-]`, but escaped all the same).
fn href(prefix: &str, path: &str) -> String {
    let mut s = String::from(prefix);
    for (i, seg) in path.split('/').enumerate() {
        if i > 0 {
            s.push('/');
        }
        s.extend(percent_encoding::utf8_percent_encode(seg, SEGMENT));
    }
    escape(&s)
}

fn badge(page: &mut String, (word, class): (&str, &str)) {
    let _ = write!(page, "<span class=\"badge {class}\">{word}</span>");
}

fn problems(page: &mut String, heading: &str, id: &str, list: &[&String], class: &str) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(
        page,
        "<section class=\"problems {class}\" aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">"
    );
    escape_into(page, heading);
    page.push_str("</h2>\n<ul>\n");
    for p in list {
        page.push_str("<li>");
        message(page, p);
        page.push_str("</li>\n");
    }
    page.push_str("</ul>\n</section>\n");
}

/// A message with its `file:line:column` set apart, as an editor needs it.
fn message(page: &mut String, m: &str) {
    let (place, rest) = match m.split_once(": ") {
        Some((place, rest)) if !place.contains(' ') && place.contains('/') => (place, rest),
        _ => ("", m),
    };
    if !place.is_empty() {
        page.push_str("<code>");
        escape_into(page, place);
        page.push_str("</code> ");
    }
    escape_into(page, rest);
}

/// The line that says what is going on.
fn status_line(state: &State) -> String {
    if !state.ready {
        return "Building every document…".into();
    }
    if state.building {
        return "Rebuilding what changed…".into();
    }
    let failed = state
        .docs
        .values()
        .filter(|d| d.status == Some(Status::Failed))
        .count();
    let mut s = format!(
        "{} for {} × {}",
        plural(state.docs.len(), "document", "documents"),
        plural(state.jobs.len(), "job", "jobs"),
        plural(state.brands.len(), "trust", "trusts")
    );
    if failed > 0 {
        s.push_str(&format!("; {failed} failed"));
    }
    let n = state.errors.len() + state.problems.len();
    if n > 0 {
        s.push_str(&format!("; {}", plural(n, "problem", "problems")));
    }
    s.push_str(". Watching for changes: this page updates itself.");
    s
}

/// The index: every job × trust with its documents.
pub(crate) fn index(state: &State, ctx: &Context) -> String {
    let mut page = String::with_capacity(16_000);
    head(&mut page, "Documents – careerpress preview");
    page.push_str("<body>\n");
    bar(&mut page, ctx, false);
    let _ = writeln!(
        page,
        "<main id=\"live\" class=\"wrap\" data-generation=\"{}\">",
        state.generation
    );
    page.push_str("<h1>Documents</h1>\n<p class=\"status\" role=\"status\">");
    escape_into(&mut page, &status_line(state));
    page.push_str("</p>\n");
    let errors: Vec<&String> = state.errors.iter().chain(&state.problems).collect();
    problems(
        &mut page,
        &format!("{} to fix", plural(errors.len(), "problem", "problems")),
        "problems",
        &errors,
        "bad",
    );
    let warnings: Vec<&String> = state.warnings.iter().collect();
    problems(&mut page, "Warnings", "warnings", &warnings, "warn");
    // Documents by trust, then job.
    let mut by: BTreeMap<&str, BTreeMap<&str, Vec<&Doc>>> = BTreeMap::new();
    for d in state.docs.values() {
        by.entry(&d.brand)
            .or_default()
            .entry(&d.job)
            .or_default()
            .push(d);
    }
    if by.is_empty() && state.ready {
        page.push_str("<p>No documents yet: add a job to <code>content/jobs/</code> and a trust to <code>content/brands/</code>.</p>\n");
    }
    // In each card: the web page, the PDF, Word, text.
    let rank = |f: Format| match f {
        Format::Html => 0,
        Format::Pdf => 1,
        Format::Docx => 2,
        Format::Txt => 3,
    };
    for jobs in by.values_mut() {
        for docs in jobs.values_mut() {
            docs.sort_by(|a, b| {
                (rank(a.format), &a.template, a.print, &a.variant).cmp(&(
                    rank(b.format),
                    &b.template,
                    b.print,
                    &b.variant,
                ))
            });
        }
    }
    for (brand, jobs) in &by {
        let name = state.brands.get(*brand).map_or(*brand, String::as_str);
        page.push_str("<section class=\"trust\">\n<h2>");
        escape_into(&mut page, name);
        page.push_str("</h2>\n<ul class=\"cards\">\n");
        for (job, docs) in jobs {
            card(&mut page, state, ctx, job, docs);
        }
        page.push_str("</ul>\n</section>\n");
    }
    page.push_str("</main>\n</body>\n</html>\n");
    page
}

fn card(page: &mut String, state: &State, ctx: &Context, job: &str, docs: &[&Doc]) {
    let info = state.jobs.get(job);
    page.push_str("<li class=\"card\">\n");
    thumbnail(page, ctx, docs);
    page.push_str("<div class=\"about\">\n<h3>");
    escape_into(page, info.map_or(job, |i| i.title.as_str()));
    if info.is_some_and(|i| i.draft) {
        page.push_str(" <span class=\"badge warn\">Draft</span>");
    }
    page.push_str("</h3>\n<p class=\"file\"><code>content/jobs/");
    escape_into(page, job);
    page.push_str(".yaml</code></p>\n");
    if let Some(r) = info.and_then(|i| i.reading.as_deref()) {
        page.push_str("<p class=\"reading\">Reading: ");
        escape_into(page, r);
        page.push_str("</p>\n");
    }
    page.push_str("<table class=\"docs\">\n<thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Status</th><th scope=\"col\">Open</th></tr></thead>\n<tbody>\n");
    for d in docs {
        let there = exists(ctx, d);
        page.push_str("<tr><th scope=\"row\">");
        escape_into(page, format_name(d.format));
        page.push_str(" <span class=\"template\">");
        escape_into(page, &d.template);
        if let Some(v) = &d.variant {
            page.push(' ');
            escape_into(page, v);
        }
        page.push_str("</span></th><td>");
        badge(page, status(d, there));
        page.push_str("</td><td class=\"links\">");
        if there {
            links(page, d);
        }
        page.push_str("</td></tr>\n");
        let mut notes: Vec<String> = Vec::new();
        notes.extend(d.error.clone());
        notes.extend(d.held_back.clone());
        notes.extend(d.warnings.iter().cloned());
        for n in notes {
            page.push_str("<tr class=\"note\"><td colspan=\"3\">");
            message(page, &n);
            page.push_str("</td></tr>\n");
        }
    }
    page.push_str("</tbody>\n</table>\n</div>\n</li>\n");
}

/// A format in the middle of a sentence, for screen readers' link names.
fn format_words(f: Format) -> &'static str {
    crate::pipeline::format_info(f).words
}

fn links(page: &mut String, d: &Doc) {
    let what = format_words(d.format);
    match d.format {
        Format::Html | Format::Pdf => {
            let _ = write!(
                page,
                "<a href=\"{}\">View<span class=\"visually-hidden\"> the {} {what}</span></a> <a href=\"{}\">Open on its own<span class=\"visually-hidden\">: the {} {what}</span></a>",
                href("/view/", &d.path),
                escape(&d.template),
                href("/files/", &d.path),
                escape(&d.template),
            );
        }
        Format::Docx | Format::Txt => {
            let _ = write!(
                page,
                "<a href=\"{}\" download>Download<span class=\"visually-hidden\"> the {} {what}</span></a>",
                href("/files/", &d.path),
                escape(&d.template),
            );
        }
    }
}

/// The first page of the job's leaflet (the first PDF), or its web page
/// scaled down when no thumbnail can be drawn here.
fn thumbnail(page: &mut String, ctx: &Context, docs: &[&Doc]) {
    let first = |f: Format| {
        docs.iter()
            .find(|d| d.format == f && !d.print && exists(ctx, d))
            .copied()
    };
    page.push_str("<div class=\"thumb\" aria-hidden=\"true\">");
    match (first(Format::Pdf), first(Format::Html)) {
        (Some(pdf), _) if ctx.thumbnails => {
            let _ = write!(
                page,
                "<img src=\"{}?v={}\" alt=\"\" width=\"180\" height=\"255\" loading=\"lazy\">",
                href("/thumb/", &pdf.path),
                pdf.version
            );
        }
        (_, Some(html)) => {
            let _ = write!(
                page,
                "<div class=\"mini\" inert><iframe src=\"{}?v={}\" title=\"\" tabindex=\"-1\" loading=\"lazy\"></iframe></div>",
                href("/files/", &html.path),
                html.version
            );
        }
        _ => page.push_str("<span class=\"none\">No preview</span>"),
    }
    page.push_str("</div>\n");
}

/// One document in the browser, shown again whenever it is rebuilt.
pub(crate) fn viewer(state: &State, ctx: &Context, doc: &Doc) -> String {
    let title = state
        .jobs
        .get(&doc.job)
        .map_or(doc.job.as_str(), |j| j.title.as_str());
    let trust = state
        .brands
        .get(&doc.brand)
        .map_or(doc.brand.as_str(), String::as_str);
    let what = format_name(doc.format);
    let mut page = String::with_capacity(8_000);
    head(
        &mut page,
        &format!("{title} – {trust} – {what} – careerpress preview"),
    );
    let _ = writeln!(
        page,
        "<body class=\"viewer\" data-view=\"{}\">",
        escape(&doc.path)
    );
    bar(&mut page, ctx, true);
    let there = exists(ctx, doc);
    let _ = writeln!(
        page,
        "<div id=\"live\" class=\"wrap status-bar\" data-generation=\"{}\" data-version=\"{}\">",
        state.generation, doc.version
    );
    page.push_str("<p><strong>");
    escape_into(&mut page, title);
    page.push_str("</strong> · ");
    escape_into(&mut page, trust);
    page.push_str(" · ");
    escape_into(&mut page, what);
    page.push_str(" <span class=\"template\">");
    escape_into(&mut page, &doc.template);
    page.push_str("</span> ");
    badge(&mut page, status(doc, there));
    if state.building {
        page.push_str(" <span class=\"badge warn\">Rebuilding…</span>");
    }
    if there {
        let _ = write!(
            page,
            " <a href=\"{}\">Open on its own</a>",
            href("/files/", &doc.path)
        );
    }
    page.push_str("</p>\n");
    let mut list: Vec<&String> = state.problems_for(doc);
    list.extend(doc.error.as_ref());
    list.extend(doc.held_back.as_ref());
    problems(
        &mut page,
        "Not rebuilt: this is the last good version",
        "problems",
        &list,
        "bad",
    );
    page.push_str("</div>\n");
    if there {
        let _ = writeln!(
            page,
            "<iframe id=\"doc\" src=\"{}?v={}\" title=\"{}\"></iframe>",
            href("/files/", &doc.path),
            doc.version,
            escape(&format!("{what}: {title} – {trust}"))
        );
    } else {
        page.push_str("<p class=\"wrap\">This document has not been built yet.</p>\n");
    }
    page.push_str("</body>\n</html>\n");
    page
}

/// A page for a path that names nothing.
pub(crate) fn not_found() -> String {
    let mut page = String::new();
    head(&mut page, "Not found – careerpress preview");
    page.push_str("<body>\n<main class=\"wrap\">\n<h1>Not found</h1>\n<p>careerpress serves only the documents in the output folder. <a href=\"/\">All documents</a></p>\n</main>\n</body>\n</html>\n");
    page
}

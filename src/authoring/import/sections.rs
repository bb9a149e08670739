//! Reading one file: headings into sections, sections into fields.

use super::draft::{ContactDraft, Draft};
use super::text::{
    blocks, clean, figures, fragment, hours_pattern, hours_per_week, join_lines, prose_list,
    sentence_case, sentences, split_postcode, upper_first, Block,
};
use super::{Dropped, Layout};

/// What a heading introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The job guide's first section: summary, duties, place, hours, pay.
    Overview,
    /// One way in (`ROUTES`).
    Route(&'static str),
    /// "Entry requirements": belongs to the route before it.
    EntryRequirements,
    /// "More Information": a link on the web page, empty in text.
    MoreInformation,
    CareerTips,
    /// Text and contacts.
    FurtherInformation,
    /// Where the jobs are.
    WhereJobsAre,
    /// The job guide's entry section: requirements and routes in prose.
    EducationAndTraining,
    Training,
    Skills,
    CareerPath,
    RelatedJobs,
    Restrictions,
    /// Page furniture with nothing of the job in it.
    Furniture,
    /// "Featured Job Guide - …": a promo for another job.
    Promo,
    Unknown,
}

/// The kind of a known heading, if the line is one.
fn heading_kind(line: &str) -> Option<Kind> {
    let norm: String = line
        .trim()
        .trim_end_matches(':')
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
        .collect::<String>()
        .to_lowercase();
    let norm = norm.split_whitespace().collect::<Vec<_>>().join(" ");
    if norm.starts_with("featured job guide") || norm.starts_with("featured job") {
        return Some(Kind::Promo);
    }
    Some(match norm.as_str() {
        "the job and whats involved" | "the job and what is involved" | "what youll do" => {
            Kind::Overview
        }
        "university" => Kind::Route("university"),
        "college" => Kind::Route("college"),
        "apprenticeship" | "apprenticeships" => Kind::Route("apprenticeship"),
        "work" => Kind::Route("work"),
        "volunteering" | "volunteer" => Kind::Route("volunteering"),
        "direct application" | "applying directly" => Kind::Route("direct_application"),
        "other routes" | "other route" | "other" => Kind::Route("other"),
        "entry requirements" => Kind::EntryRequirements,
        "more information" => Kind::MoreInformation,
        "career tips" => Kind::CareerTips,
        "further information" => Kind::FurtherInformation,
        "get further information" | "contacts" | "useful contacts" => Kind::FurtherInformation,
        "getting started with this career choice" | "where the jobs are" => Kind::WhereJobsAre,
        "education and training" | "entry routes" => Kind::EducationAndTraining,
        "a few more exams you might need" | "training" | "training and development" => {
            Kind::Training
        }
        "skills and personal qualities needed"
        | "skills and personal qualities"
        | "skills and knowledge"
        | "what it takes"
        | "skills" => Kind::Skills,
        "your long term prospects"
        | "career path and progression"
        | "career path"
        | "progression" => Kind::CareerPath,
        "other related jobs" | "related jobs" | "related careers" => Kind::RelatedJobs,
        "restrictions and requirements" => Kind::Restrictions,
        "additional resources" | "share this page" | "print this page" => Kind::Furniture,
        _ => return None,
    })
}

/// A line that looks like a heading though it is not a known one: short,
/// capitalised, no sentence punctuation, no figures.
fn looks_like_heading(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    (1..=8).contains(&words)
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.ends_with(['.', ',', ':', ';', '!', '?'])
        && !t.contains(['£', ':', '@'])
        && !t.chars().any(|c| c.is_ascii_digit())
}

/// Reads one file into a draft, noting what it drops as noise.
pub fn read(input: &str, dropped: &mut Vec<Dropped>) -> (Layout, Draft) {
    let lines: Vec<String> = input.lines().map(clean).collect();
    let mut blocks = blocks(&lines);
    let mut d = Draft::default();
    // The title: the first line.
    let mut layout = Layout::Other;
    if let Some((Block::Para(first), _)) = blocks.first() {
        let line = join_lines(first);
        d.page_title = Some(line.clone());
        let lower = line.to_lowercase();
        if let Some(rest) = lower.strip_prefix("how to become ") {
            layout = Layout::HowToBecome;
            let rest = &line[line.len() - rest.len()..];
            let rest = rest
                .strip_prefix("an ")
                .or_else(|| rest.strip_prefix("a "))
                .unwrap_or(rest);
            d.title = Some(sentence_case(rest));
            blocks.remove(0);
        } else if first.len() == 1 && heading_kind(&line).is_none() && looks_like_heading(&line) {
            d.title = Some(sentence_case(&line));
            blocks.remove(0);
        }
    }
    if blocks.iter().any(|(b, _)| {
        matches!(b, Block::Para(l) if heading_kind(&join_lines(l)) == Some(Kind::Overview))
    }) {
        layout = Layout::JobGuide;
        if let Some(t) = &mut d.page_title {
            t.push_str(": The Job and What's Involved");
        }
    }
    // Sections.
    let mut sections: Vec<(Option<String>, Kind, Vec<Block>)> = vec![(None, Kind::Unknown, vec![])];
    for (b, _) in blocks {
        let heading = match &b {
            Block::Para(l) if l.len() == 1 => {
                let line = &l[0];
                match heading_kind(line) {
                    Some(k) => Some((line.clone(), k)),
                    None if looks_like_heading(line) => Some((line.clone(), Kind::Unknown)),
                    None => None,
                }
            }
            _ => None,
        };
        match heading {
            Some((h, k)) => {
                // A promo runs to the next known heading: its own
                // sub-heading (the other job's title) is part of it.
                if k == Kind::Unknown
                    && sections.last().is_some_and(|(_, pk, _)| *pk == Kind::Promo)
                {
                    if let Some(last) = sections.last_mut() {
                        last.2.push(Block::Para(vec![h]));
                    }
                    continue;
                }
                sections.push((Some(h), k, vec![]));
            }
            None => {
                if let Some(last) = sections.last_mut() {
                    last.2.push(b);
                }
            }
        }
    }
    let mut route: Option<&'static str> = None;
    for (heading, kind, blocks) in sections {
        let h = heading.as_deref();
        let drop = |why: &str, dropped: &mut Vec<Dropped>| {
            let mut text = h.unwrap_or("").to_string();
            for b in &blocks {
                text.push('\n');
                text.push_str(&b.text());
            }
            dropped.push(Dropped {
                source: String::new(),
                why: why.to_string(),
                text,
            });
        };
        if h.is_some() && blocks.is_empty() && !matches!(kind, Kind::Route(_)) {
            drop("an empty heading (a link or stub on the web page)", dropped);
            continue;
        }
        match kind {
            Kind::Route(r) => {
                route = Some(r);
                route_blocks(&mut d, r, &blocks, h);
            }
            Kind::EntryRequirements => match route {
                Some(r) => route_blocks(&mut d, r, &blocks, h),
                None => unplaced(&mut d, h, &blocks),
            },
            Kind::MoreInformation | Kind::Furniture => unplaced(&mut d, h, &blocks),
            Kind::Promo => drop("a promo for another job", dropped),
            Kind::Unknown if h.is_none() => intro(&mut d, &blocks),
            Kind::Unknown => unplaced(&mut d, h, &blocks),
            Kind::Overview => overview(&mut d, &blocks, h),
            Kind::CareerTips => d.career_tips.extend(paragraphs_and_items(&blocks)),
            Kind::CareerPath => d.career_path.extend(paragraphs_and_items(&blocks)),
            Kind::Restrictions => d.restrictions.extend(paragraphs_and_items(&blocks)),
            Kind::RelatedJobs => {
                for b in &blocks {
                    match b {
                        Block::List(items) => d.related_jobs.extend(items.iter().cloned()),
                        Block::Para(lines) => d.related_jobs.extend(lines.iter().cloned()),
                    }
                }
            }
            Kind::FurtherInformation => further(&mut d, &blocks),
            Kind::WhereJobsAre => where_jobs_are(&mut d, &blocks, h),
            Kind::EducationAndTraining => education(&mut d, &blocks),
            Kind::Training => training(&mut d, &blocks, h),
            Kind::Skills => skills(&mut d, &blocks, h),
        }
    }
    (layout, d)
}

/// Puts whole blocks in `unsorted`.
fn unplaced(d: &mut Draft, heading: Option<&str>, blocks: &[Block]) {
    for b in blocks {
        d.unsorted(heading, &b.text());
    }
}

/// Paragraphs as they are and list items as sentences.
fn paragraphs_and_items(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Para(l) => out.push(join_lines(l)),
            Block::List(items) => out.extend(items.iter().cloned()),
        }
    }
    out
}

/// Which route a line such as "a college course" names.
fn route_named(s: &str) -> Option<&'static str> {
    let l = s.to_lowercase();
    Some(if l.contains("university") || l.contains("degree") {
        "university"
    } else if l.contains("college") {
        "college"
    } else if l.contains("apprenticeship") {
        "apprenticeship"
    } else if l.contains("volunteer") {
        "volunteering"
    } else if l.contains("applying directly") || l.contains("apply directly") {
        "direct_application"
    } else if l.contains("working towards") || l.contains("work your way") {
        "work"
    } else {
        return None;
    })
}

/// Blocks before the first heading (after the title): the "How to become"
/// page's list of routes, or a summary.
fn intro(d: &mut Draft, blocks: &[Block]) {
    let mut i = 0;
    while i < blocks.len() {
        match (&blocks[i], blocks.get(i + 1)) {
            (Block::Para(l), Some(Block::List(items)))
                if join_lines(l).to_lowercase().contains("get into this job") =>
            {
                for item in items {
                    match route_named(item) {
                        Some(r) => d.route(r).in_brief = Some(item.clone()),
                        None => d.unsorted(Some("You can get into this job through"), item),
                    }
                }
                i += 2;
                continue;
            }
            (Block::Para(l), _) if d.summary.is_none() => d.summary = Some(join_lines(l)),
            (b, _) => d.unsorted(None, &b.text()),
        }
        i += 1;
    }
}

/// A route's section: description, then an intro ending in ':' with its
/// list of requirements, then notes.
fn route_blocks(d: &mut Draft, r: &'static str, blocks: &[Block], heading: Option<&str>) {
    let mut seen_list = false;
    let mut i = 0;
    while i < blocks.len() {
        match (&blocks[i], blocks.get(i + 1)) {
            (Block::Para(l), Some(Block::List(items))) if join_lines(l).ends_with(':') => {
                let intro = join_lines(l);
                let route = d.route(r);
                if route.requirements_intro.is_none() {
                    route.requirements_intro = Some(intro);
                } else {
                    d.unsorted(heading, &intro);
                }
                let route = d.route(r);
                route
                    .entry_requirements
                    .extend(items.iter().map(|s| fragment(s)));
                seen_list = true;
                i += 2;
                continue;
            }
            (Block::List(items), _) => {
                d.route(r)
                    .entry_requirements
                    .extend(items.iter().map(|s| fragment(s)));
                seen_list = true;
            }
            (Block::Para(l), _) => {
                let text = join_lines(l);
                let route = d.route(r);
                if seen_list
                    || heading.is_some_and(|h| heading_kind(h) == Some(Kind::EntryRequirements))
                {
                    route.notes.push(text);
                } else {
                    route.description.push(text);
                }
            }
        }
        i += 1;
    }
}

/// The job guide's overview: summary, duties, places, hours and pay, each
/// recognised by what it says.
fn overview(d: &mut Draft, blocks: &[Block], heading: Option<&str>) {
    let mut seen_tasks = false;
    let mut i = 0;
    while i < blocks.len() {
        if let (Block::Para(l), Some(Block::List(items))) = (&blocks[i], blocks.get(i + 1)) {
            let intro = join_lines(l);
            if intro.ends_with(':') && d.tasks.is_empty() {
                d.duties_intro = Some(intro);
                d.tasks.extend(items.iter().cloned());
                seen_tasks = true;
                i += 2;
                continue;
            }
        }
        match &blocks[i] {
            Block::List(items) if d.tasks.is_empty() => {
                d.tasks.extend(items.iter().cloned());
                seen_tasks = true;
            }
            Block::List(items) => {
                for it in items {
                    d.unsorted(heading, it);
                }
            }
            Block::Para(l) => {
                let text = join_lines(l);
                let lower = text.to_lowercase();
                if text.contains('£') {
                    salary(d, &text, heading);
                } else if hours_pattern(&text).is_some() || hours_per_week(&text).is_some() {
                    hours(d, &text);
                } else if lower.contains("based in") || lower.contains("travel") {
                    environment(d, &text);
                } else if lower.starts_with("in this job")
                    || lower.contains("emotional")
                    || lower.contains("physically demanding")
                    || lower.contains("outdoors")
                {
                    d.conditions
                        .push(strip_lead(&text, &["In this job, ", "In this job "]));
                } else if d.summary.is_none() && !seen_tasks {
                    d.summary = Some(text);
                } else if seen_tasks {
                    d.duty_notes.push(text);
                } else {
                    d.unsorted(heading, &text);
                }
            }
        }
        i += 1;
    }
}

/// A sentence without a lead-in such as "However, ", capitalised again.
fn strip_lead(s: &str, leads: &[&str]) -> String {
    for l in leads {
        if let Some(rest) = s.strip_prefix(l) {
            return upper_first(rest);
        }
    }
    s.to_string()
}

/// Hours: the pattern, hours a week, and the rest as variations.
fn hours(d: &mut Draft, text: &str) {
    for s in sentences(text) {
        if let Some(p) = hours_pattern(&s) {
            if d.pattern.is_none() {
                d.pattern = Some(p.clone());
            }
            if let Some(h) = hours_per_week(&s) {
                d.hours_per_week.get_or_insert(h);
            }
            // Anything more in the sentence than the pattern is a variation.
            let rest = s.replace(&p, "");
            let words = rest.split_whitespace().count();
            if words > 5 {
                d.variations.push(s.clone());
            }
        } else if let Some(h) = hours_per_week(&s) {
            d.hours_per_week.get_or_insert(h);
            d.variations.push(s);
        } else {
            d.variations.push(strip_lead(&s, &["However, ", "But "]));
        }
    }
}

/// Places, travel and conditions.
fn environment(d: &mut Draft, text: &str) {
    for s in sentences(text) {
        let lower = s.to_lowercase();
        if let Some(at) = lower.find("based in ") {
            let places = &s[at + "based in ".len()..];
            for p in prose_list(places) {
                let p = p.strip_prefix("in ").unwrap_or(&p).to_string();
                d.locations.push(format!("in {p}"));
            }
        } else if lower.contains("travel") && d.travel.is_none() {
            d.travel = Some(s);
        } else {
            d.conditions.push(s);
        }
    }
}

/// Salary sentences: "between £A and £B", "up to (around) £C", "around £D".
fn salary(d: &mut Draft, text: &str, heading: Option<&str>) {
    for s in sentences(text) {
        let lower = s.to_lowercase();
        let figs = figures(&s);
        if figs.is_empty() {
            d.unsorted(heading, &s);
            continue;
        }
        let who = {
            let cut = [" can earn", " may earn", " could earn", " earn"]
                .iter()
                .filter_map(|w| lower.find(w))
                .min();
            cut.map(|c| s[..c].trim().to_string())
        };
        if (lower.contains("between") || lower.contains(" to £")) && figs.len() >= 2 {
            if d.salary.starter.is_none() {
                d.salary.starter = Some(figs[0].1);
                d.salary.experienced = Some(figs[1].1);
                continue;
            }
        } else if lower.contains("starting") || lower.contains("new entrants") {
            if d.salary.starter.is_none() {
                d.salary.starter = Some(figs[0].1);
                continue;
            }
        } else if lower.contains("with experience") || lower.contains("experienced") {
            if d.salary.experienced.is_none() {
                d.salary.experienced = Some(figs[0].1);
                continue;
            }
        } else if figs.len() == 1 {
            if let Some(who) = who.filter(|w| !w.is_empty()) {
                let before = &lower[..figs[0].0];
                if before.contains("up to") {
                    d.salary.notes.push((who, Some(figs[0].1), None));
                } else {
                    d.salary.notes.push((who, None, Some(figs[0].1)));
                }
                continue;
            }
        }
        d.unsorted(heading, &s);
    }
}

/// Where the jobs are: employers and where vacancies are advertised.
fn where_jobs_are(d: &mut Draft, blocks: &[Block], heading: Option<&str>) {
    for b in blocks {
        let Block::Para(l) = b else {
            d.unsorted(heading, &b.text());
            continue;
        };
        let text = join_lines(l);
        let lower = text.to_lowercase();
        let after = |markers: &[&str]| {
            markers
                .iter()
                .filter_map(|m| lower.find(m).map(|i| i + m.len()))
                .min()
        };
        if lower.contains("advertised") {
            if let Some(i) = after(&[
                "advertised through ",
                "advertised in ",
                "advertised on ",
                "advertised by ",
            ]) {
                d.advertised
                    .extend(prose_list(&text[i..]).into_iter().map(|p| {
                        p.strip_prefix("on ")
                            .or_else(|| p.strip_prefix("in "))
                            .unwrap_or(&p)
                            .to_string()
                    }));
                continue;
            }
        } else if let Some(i) = after(&[
            " within ",
            " employed by ",
            " work for ",
            " opportunities in ",
            " opportunities with ",
        ]) {
            d.employers
                .extend(prose_list(&text[i..]).into_iter().map(|p| {
                    p.strip_prefix("in ")
                        .or_else(|| p.strip_prefix("with "))
                        .unwrap_or(&p)
                        .to_string()
                }));
            continue;
        }
        d.unsorted(heading, &text);
    }
}

/// The job guide's "Education and Training": requirements in a list (for
/// applying directly), and routes in prose.
fn education(d: &mut Draft, blocks: &[Block]) {
    let mut i = 0;
    while i < blocks.len() {
        match (&blocks[i], blocks.get(i + 1)) {
            (Block::Para(l), Some(Block::List(_))) if join_lines(l).ends_with(':') => {
                route_blocks(
                    d,
                    "direct_application",
                    &blocks[i..i + 2],
                    Some("Entry requirements"),
                );
                i += 2;
                continue;
            }
            (Block::List(_), _) => route_blocks(
                d,
                "direct_application",
                &blocks[i..i + 1],
                Some("Entry requirements"),
            ),
            (Block::Para(l), _) => {
                let text = join_lines(l);
                let lower = text.to_lowercase();
                let r = if lower.contains("volunteer") {
                    Some("volunteering")
                } else if lower.contains("work your way up") || lower.contains("start as") {
                    Some("work")
                } else if lower.contains("apprenticeship") {
                    Some("apprenticeship")
                } else {
                    None
                };
                match r {
                    Some(r) => d.route(r).description.push(text),
                    None => d.route("direct_application").notes.push(text),
                }
            }
        }
        i += 1;
    }
}

/// Training: on the job, short courses (a list in prose) and notes.
fn training(d: &mut Draft, blocks: &[Block], _heading: Option<&str>) {
    for b in blocks {
        match b {
            Block::List(items) => d.short_courses.extend(items.iter().map(|s| fragment(s))),
            Block::Para(l) => {
                let text = join_lines(l);
                let lower = text.to_lowercase();
                if let Some(at) = lower.find(" such as ").filter(|_| lower.contains("course")) {
                    let list_at = lower[..at]
                        .rfind(" in areas")
                        .or_else(|| lower[..at].rfind(" in subjects"))
                        .unwrap_or(at);
                    d.short_courses
                        .extend(prose_list(&text[at + " such as ".len()..]));
                    let rest = format!("{}.", text[..list_at].trim_end_matches(','));
                    d.training_notes.push(rest);
                } else if d.on_the_job.is_none() && lower.contains("on the job") {
                    d.on_the_job = Some(text);
                } else {
                    d.training_notes.push(text);
                }
            }
        }
    }
}

/// Skills: the list (as fragments); its lead-in ("A … needs:") is the
/// heading's own words and is left out.
fn skills(d: &mut Draft, blocks: &[Block], heading: Option<&str>) {
    let mut i = 0;
    while i < blocks.len() {
        match (&blocks[i], blocks.get(i + 1)) {
            (Block::Para(l), Some(Block::List(_))) if join_lines(l).ends_with(':') => {}
            (Block::List(items), _) => d.skills.extend(items.iter().map(|s| fragment(s))),
            (b, _) => d.unsorted(heading, &b.text()),
        }
        i += 1;
    }
}

/// Further information: contacts (a name, address lines, "Tel:") and text.
fn further(d: &mut Draft, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Para(lines) => match contact(lines) {
                Some(c) => {
                    let src = String::new();
                    d.contacts.push((c, src));
                }
                None => d.further_text.push(join_lines(lines)),
            },
            Block::List(items) => d.further_text.extend(items.iter().cloned()),
        }
    }
}

/// A contact block: "Name, address, …" lines with a "Tel:", "Email:" or web
/// line. `None` for ordinary text.
fn contact(lines: &[String]) -> Option<ContactDraft> {
    let mut c = ContactDraft::default();
    let mut parts: Vec<String> = Vec::new();
    let mut found = false;
    for line in lines {
        let l = line.trim();
        let lower = l.to_lowercase();
        let value = l.split_once(':').map(|(_, v)| v.trim().to_string());
        if lower.starts_with("tel") || lower.starts_with("phone") || lower.starts_with("telephone")
        {
            c.phone = value;
            found = true;
        } else if lower.starts_with("email") || lower.starts_with("e-mail") {
            c.email = value;
            found = true;
        } else if lower.starts_with("http") || lower.starts_with("www.") || lower.starts_with("web")
        {
            let w = value
                .filter(|_| !lower.starts_with("http"))
                .unwrap_or_else(|| l.to_string());
            c.web_address = Some(if w.starts_with("http") {
                w
            } else {
                format!("https://{w}")
            });
            found = true;
        } else {
            parts.extend(
                l.split(',')
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty()),
            );
        }
    }
    if !found || parts.is_empty() || join_lines(lines).ends_with('.') {
        return None;
    }
    c.name = parts.remove(0);
    for p in parts {
        match split_postcode(&p) {
            (Some(town), Some(pc)) => {
                c.address.push(town);
                c.address.push(pc);
            }
            (None, Some(pc)) => c.address.push(pc),
            (Some(line), None) => c.address.push(line),
            (None, None) => {}
        }
    }
    Some(c)
}

//! Page furniture: the lines a careers site puts around the facts (skip
//! links, breadcrumbs, cookie and "BETA" banners, feedback prompts, tab
//! blurbs, disclaimers, page dates, sharing links). Whole sections of
//! furniture (video transcripts, "Compare roles", "Current opportunities",
//! promos for other jobs) are known by their headings (`headings`).

/// One line as read: its text, whether it was a bullet or numbered item,
/// and whether a blank line came before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub item: bool,
    pub blank_before: bool,
}

/// A line normalised for matching: lower case, curly quotes straight,
/// trailing punctuation and spaces gone.
pub fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '–' | '—' => '-',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', ':', '?', '!', ' '])
        .to_string()
}

/// Lines that are furniture wherever they are, exactly.
const EXACT: [&str; 62] = [
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "skip navigation",
    "skip navigation links",
    "skip ribbon commands",
    "page content",
    "main content",
    "menu",
    "search",
    "search this site",
    "sign in",
    "sign out",
    "log in",
    "login",
    "register",
    "sign in to save",
    "home",
    "back to top",
    "top of page",
    "print",
    "print this page",
    "share",
    "share this page",
    "email this page",
    "bookmark",
    "bookmark this page",
    "save",
    "save this page",
    "save to favourites",
    "contents",
    "on this page",
    "in this section",
    "explore careers",
    "explore roles",
    "job profiles",
    "explore job profiles",
    "job guides",
    "job guides a-z",
    "can't find what you're looking for",
    "show all sections",
    "hide all sections",
    "yes",
    "no",
    "try it out",
    "video transcript",
    "transcript",
    "play video",
    "watch the video",
    "advertisement",
    "related case studies",
    "take our career planner quiz",
    "which job role is right for you",
    "create a qualification route",
    "discover my route",
    "like this job",
    "see more apprenticeships",
    "find a course near you",
    "view more courses",
    "national careers service",
    "my world of work",
    "additional resources",
];

/// Site names: furniture as a line of their own (not as a list item).
const SITES: [&str; 7] = [
    "health careers",
    "nhs health careers",
    "prospects",
    "prospects.ac.uk",
    "careers wales",
    "nidirect",
    "nhs careers",
];

/// Phrases that make a line furniture wherever they are in it.
const PHRASES: [(&str, &str); 36] = [
    ("this is a new service", "a banner"),
    ("we're building a new service", "a banner"),
    ("try an improved version", "a banner"),
    ("your feedback will help us", "a banner"),
    ("we've included current opportunities", "a banner"),
    ("more about how to get into this career", "a banner"),
    ("is this page useful", "a feedback prompt"),
    ("was this page helpful", "a feedback prompt"),
    ("was this page useful", "a feedback prompt"),
    ("did you find this page useful", "a feedback prompt"),
    (
        "did you find what you were looking for",
        "a feedback prompt",
    ),
    ("help us improve", "a feedback prompt"),
    ("make a comment or report a problem", "a feedback prompt"),
    ("report a problem with this page", "a feedback prompt"),
    (
        "is there anything wrong with this page",
        "a feedback prompt",
    ),
    ("tell us what you think", "a feedback prompt"),
    ("thank you for your feedback", "a feedback prompt"),
    ("download transcript", "a video transcript link"),
    ("written by prospects editor", "an author line"),
    ("career planner quiz", "a promo for the site's tools"),
    ("supplies our salary and employment", "a data credit"),
    ("supplies job forecasts", "a data credit"),
    ("due to covid-19 the jobs market", "a data credit"),
    ("save it to your profile", "a prompt to sign in"),
    (
        "explore the different ways to get into this role",
        "a tab blurb",
    ),
    (
        "find out what skills you'll use in this role",
        "a tab blurb",
    ),
    (
        "discover what a typical day in this role looks like",
        "a tab blurb",
    ),
    ("look at progression opportunities", "a tab blurb"),
    ("no apprenticeships found", "a search widget"),
    ("no courses found", "a search widget"),
    ("find a course near you", "a search widget"),
    ("figures are intended as a guide", "a disclaimer"),
    ("figures are a guide", "a disclaimer"),
    ("figures are intended as a guideline", "a disclaimer"),
    ("add to compare", "a \"Compare roles\" widget"),
    ("compare this role", "a \"Compare roles\" widget"),
];

/// Phrases of the web at large (any site): furniture wherever they are.
const WEB: [(&str, &str); 22] = [
    (
        "please enable javascript",
        "a note for browsers without JavaScript",
    ),
    (
        "enable javascript to",
        "a note for browsers without JavaScript",
    ),
    ("video transcript available", "a video and its transcript"),
    ("the site is secure", "a government site's banner"),
    ("means it's official", "a government site's banner"),
    ("an official website of", "a government site's banner"),
    (
        "before sharing sensitive information",
        "a government site's banner",
    ),
    (
        "ensures that you are connecting to the official website",
        "a government site's banner",
    ),
    ("found a problem? report it", "a feedback prompt"),
    ("report it and help us", "a feedback prompt"),
    ("what's on this page", "a table of contents"),
    ("the closing date is", "a vacancy's closing date"),
    ("closing date:", "a vacancy's closing date"),
    ("read more:", "a link to another article"),
    ("sign up to our newsletter", "a promotion"),
    ("subscribe to our newsletter", "a promotion"),
    ("download our app", "a promotion"),
    ("follow us on", "a promotion"),
    ("work with us?", "a promotion"),
    ("previous next", "site navigation"),
    ("chat with us", "site navigation"),
    ("back to search", "site navigation"),
];

/// Exact lines of the web at large that are navigation.
const WEB_EXACT: [&str; 10] = [
    "contact us",
    "site search",
    "occupation search",
    "more",
    "more info",
    "image",
    "photo",
    "picture",
    "← back to search",
    "overview",
];

/// A classification code: "ANZSCO ID 2525", "SOC: 29-1141 …", "O*NET 29-2052.00".
fn code(n: &str) -> bool {
    let first = n.split([' ', ':']).next().unwrap_or("");
    ["anzsco", "soc", "isco", "noc", "o*net", "onet", "sic"].contains(&first)
        && n.chars().any(|c| c.is_ascii_digit())
        && n.split_whitespace().count() <= 12
}

/// The name of a picture ("Physio Banner 2", "Layer 2@2x 1", "Department
/// of Labor Logo …"): no sentence, an image word.
fn image_name(n: &str) -> bool {
    let words = n.split_whitespace().count();
    let imagey = [
        "banner",
        "logo",
        "icon",
        "hero image",
        "header image",
        "thumbnail",
        "@2x",
        ".jpg",
        ".jpeg",
        ".png",
        ".svg",
        ".gif",
        "role header",
    ];
    words <= 10
        && !n.contains(". ")
        && imagey.iter().any(|w| {
            n.split_whitespace().any(|x| x == *w || x.ends_with(w))
                || (w.contains(' ') && n.contains(w))
        })
}

/// A picture's description (its alt text): "Two women are playing chess.",
/// "A man performs exercises in the foreground, …": a scene, not the job,
/// and never addressed to the reader.
pub fn alt_text(n: &str) -> bool {
    let words: Vec<&str> = n.split_whitespace().collect();
    if words.len() > 30 || words.len() < 3 || n.contains("you") || n.ends_with('?') {
        return false;
    }
    let scene = [
        "in the foreground",
        "in the background",
        "pictured",
        "photo of",
        "image of",
        "picture of",
        "smiling at the camera",
    ];
    if scene.iter().any(|w| n.contains(w)) {
        return true;
    }
    let opens = ["a", "an", "two", "three", "four", "several", "a group"];
    let continuous = words
        .windows(2)
        .any(|w| (w[0] == "is" || w[0] == "are") && w[1].ends_with("ing") && w[1].len() > 4);
    opens.contains(&words[0]) && continuous && words.len() <= 14
}

/// Speech in the first person: a quote or a video's transcript ("When I
/// was at high school, I didn't really know…"), not a fact of the job.
pub fn first_person(text: &str) -> bool {
    let n = norm(text);
    if text.trim_end().ends_with('?') || n.split_whitespace().count() < 4 {
        return false;
    }
    let words: Vec<&str> = n
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let me = words
        .iter()
        .filter(|w| {
            matches!(
                **w,
                "i" | "i'm" | "i've" | "i'd" | "i'll" | "my" | "me" | "myself"
            )
        })
        .count();
    let you = words.iter().filter(|w| w.starts_with("you")).count();
    me >= 1 && me > you
}

/// A line wholly in quotation marks (a pull quote), with or without its
/// speaker after it.
pub fn quoted(text: &str) -> bool {
    let t = text.trim();
    let opens = t.starts_with(['“', '"', '‘']);
    let rest: String = t.chars().skip(1).collect();
    let closes = rest.contains(['”', '"']);
    opens && closes && t.split_whitespace().count() >= 4
}

/// Why a line is furniture, if it is.
pub fn line(l: &Line) -> Option<&'static str> {
    let n = norm(&l.text);
    if n.is_empty() {
        return None;
    }
    if WEB_EXACT.contains(&n.as_str()) {
        return Some("site navigation");
    }
    if let Some((_, why)) = WEB.iter().find(|(p, _)| n.contains(p)) {
        return Some(why);
    }
    if code(&n) {
        return Some("a classification code");
    }
    if image_name(&n) {
        return Some("a picture's name");
    }
    if alt_text(&n) {
        return Some("a picture's description (alt text)");
    }
    if quoted(&l.text) || (!l.item && first_person(&l.text)) {
        return Some("a quote (speech in the first person)");
    }
    if EXACT.contains(&n.as_str()) {
        return Some("site navigation");
    }
    if !l.item && SITES.contains(&n.as_str()) {
        return Some("the site's name");
    }
    if let Some((_, why)) = PHRASES.iter().find(|(p, _)| n.contains(p)) {
        return Some(why);
    }
    if n.contains("cookie")
        && [
            "accept",
            "reject",
            "settings",
            "we use",
            "we'd like to use",
            "cookies on",
            "cookie policy",
            "essential cookies",
        ]
        .iter()
        .any(|w| n.contains(w))
    {
        return Some("a cookie banner");
    }
    if n == "beta"
        || n.starts_with("betatry")
        || (n.starts_with("beta ")
            && ["service", "feedback", "improved"]
                .iter()
                .any(|w| n.contains(w)))
    {
        return Some("a banner");
    }
    if breadcrumb(&n) {
        return Some("a breadcrumb");
    }
    if [
        "could be for you",
        "could be the job for you",
        "could be the ideal job for you",
        "could be the career for you",
        "could be a perfect job for you",
    ]
    .iter()
    .any(|t| n.ends_with(t))
    {
        return Some("a teaser");
    }
    if date(&l.text).is_some() {
        return Some("the page's date");
    }
    // SharePoint field markers of the older National Careers Service site.
    let t = l.text.trim();
    if t.len() > 4
        && t.ends_with("Desc")
        && !t.contains(' ')
        && t.chars().next().is_some_and(char::is_uppercase)
    {
        return Some("page markup");
    }
    if n.starts_with("published in ") && n.split_whitespace().count() <= 4 {
        return Some("the page's date");
    }
    None
}

/// "Home > Explore roles > Porter", "1. Home: Explore careers", "You are
/// here: …".
pub fn breadcrumb(n: &str) -> bool {
    let n = n.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    n.starts_with("you are here")
        || (n.matches(" > ").count() >= 2 && n.split_whitespace().count() <= 16)
        || (n.starts_with("home")
            && [" > ", " / ", " » ", " › ", ": ", " | ", " >", "> "]
                .iter()
                .any(|s| n.contains(s)))
}

/// The date a page gives itself ("Page last reviewed: 14 March 2024",
/// "Published in March 2024", "Last updated 3 May 2023").
pub fn date(text: &str) -> Option<String> {
    let n = norm(text);
    for lead in [
        "page last reviewed",
        "last reviewed",
        "page last updated",
        "last updated",
        "updated",
        "published in",
        "published date",
        "date published",
        "published",
        "next review due",
    ] {
        if let Some(rest) = n.strip_prefix(lead) {
            let rest = rest.trim_start_matches([':', ' ', '-']).trim();
            let has_year = rest
                .split(|c: char| !c.is_ascii_digit())
                .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")));
            if has_year && rest.split_whitespace().count() <= 4 {
                let original = text.trim();
                // Keep the original capitalisation of the date.
                let at = original
                    .to_lowercase()
                    .find(rest.split_whitespace().next().unwrap_or(""))
                    .unwrap_or(0);
                let what = if lead.contains("review") {
                    "last reviewed"
                } else if lead.contains("updated") {
                    "last updated"
                } else {
                    "published"
                };
                return Some(format!(
                    "{what} {}",
                    original[at..].trim().trim_end_matches('.')
                ));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &str) -> Line {
        Line {
            text: s.into(),
            item: false,
            blank_before: false,
        }
    }

    #[test]
    fn furniture_lines() {
        for f in [
            "Skip to main content",
            "BETATry an improved version of this page",
            "BETA This is a new service – help us improve it",
            "We'd like to use cookies to understand how you use our website.",
            "1. Home: Explore careers",
            "Home > Explore roles > Dental team",
            "Is this page useful?",
            "Download transcript (PDF, 52KB)",
            "Page last reviewed: 14 March 2024",
            "WorkDesc",
            "Income figures are intended as a guide only.",
            "If you're calm under pressure, a career as a paramedic could be for you",
        ] {
            assert!(line(&l(f)).is_some(), "{f}");
        }
        for f in [
            "Two women are playing chess.",
            "A man performs exercises in the foreground, while another man is visible in the background.",
            "Physio Banner 2",
            "ANZSCO ID 2525",
            "When I was at high school, I didn't really know what I wanted to do.",
            "Most of all, I love the feeling that I've helped others in their moment of need.",
            "“You see that you’ve made a difference… It motivates you to want to help”",
            "Please enable javascript to play this video.",
        ] {
            assert!(line(&l(f)).is_some(), "{f}");
        }
        for c in [
            "A paramedic works autonomously as a generalist clinician.",
            "Paramedics are working in teams of two.",
            "How do I become a paramedic?",
            "You'll work in a team with nurses and doctors.",
            "Beta blockers are medicines you may prepare.",
            "You'd bake bread, cakes and cookies.",
            "Home visits are part of the job.",
            "Health Careers has information on careers in dental nursing.",
            "Yes, you can.",
        ] {
            assert!(line(&l(c)).is_none(), "{c}");
        }
        assert_eq!(
            date("Page last reviewed: 14 March 2024"),
            Some("last reviewed 14 March 2024".into())
        );
        assert_eq!(
            date("Published in March 2024"),
            Some("published March 2024".into())
        );
        assert_eq!(date("Updated guidance on pay"), None);
    }
}

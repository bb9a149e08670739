//! `careerpress serve` over real HTTP on a free port: the index, every
//! format's link, the paths that must be 404, live reload after a job file
//! is edited, a broken file shown in the page while the server keeps
//! running. Requests are written by hand on a TCP socket, so paths such as
//! `/files/../x` reach the server exactly as written (an HTTP client library
//! would tidy them first).

mod common;

use common::Project;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PAGE: &str = "eastbrook-hospitals/pals-officer/page.html";
const PALS: &str = "content/jobs/pals-officer.yaml";

/// A running `serve`, stopped (by its own process id) when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(p: &Project, extra: &[&str], path_env: Option<&str>) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_careerpress"));
        cmd.arg("--project")
            .arg(p.path())
            .args(["serve", "--port", "0", "--quiet-ms", "100"])
            .args(extra)
            .env_remove("SOURCE_DATE_EPOCH")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if let Some(path) = path_env {
            cmd.env("PATH", path);
        }
        let mut child = cmd.spawn().expect("serve starts");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // The address is on the line that says where it serves (anything
        // before it is kept for the message if it never comes).
        let mut before = Vec::new();
        let addr = loop {
            let Some(Ok(line)) = lines.next() else {
                panic!("serve stopped before saying where it serves: {before:?}");
            };
            if let Some((a, _)) = line
                .strip_prefix("serving http://")
                .and_then(|r| r.split_once('/'))
            {
                break a.to_string();
            }
            before.push(line);
        };
        // Keep reading what it prints, so it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        let s = Server { child, addr };
        s.wait_for("/", |body| body.contains("Watching for changes"));
        s
    }

    /// GETs `target` until `ok` holds for the body (up to 30 s).
    fn wait_for(&self, target: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let r = self.get(target);
            let body = String::from_utf8_lossy(&r.body).into_owned();
            if ok(&body) {
                return body;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "{target} never became ready:\n{body}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn get(&self, target: &str) -> Reply {
        self.request("GET", target, "localhost")
    }

    fn request(&self, method: &str, target: &str, host: &str) -> Reply {
        let mut s = TcpStream::connect(&self.addr).expect("connects");
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        write!(
            s,
            "{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("an answer");
        Reply::parse(&raw)
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn parse(raw: &[u8]) -> Reply {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a head");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let mut body = raw[split + 4..].to_vec();
        if headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
        {
            body = dechunk(&body);
        }
        Reply {
            status,
            headers,
            body,
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = b.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(std::str::from_utf8(&b[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[end + 2..end + 2 + size]);
        b = &b[end + 2 + size + 2..];
    }
}

/// Every `href` in a page.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().replace("&amp;", "&"))
        .collect()
}

#[test]
fn the_index_links_every_document_in_every_format() {
    let p = Project::copy();
    let s = Server::start(&p, &[], None);
    let index = s.get("/");
    assert_eq!(index.status, 200);
    let html = index.text();
    assert!(html.contains("Eastbrook Hospitals NHS Foundation Trust"));
    assert!(html.contains("Glan-y-Môr University Health Board"));
    assert!(html.contains("Patient advice and liaison service (PALS) officer"));
    assert!(html.contains("10 documents for 1 job × 2 trusts"), "{html}");
    // The index itself: valid HTML, its own script only.
    let parsed = scraper::Html::parse_document(&html);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let csp = index.header("content-security-policy").unwrap();
    assert!(
        csp.starts_with("default-src 'none'; script-src 'self';"),
        "{csp}"
    );
    let links = hrefs(&html);
    for (want, media, download, starts) in [
        (
            format!("/view/{PAGE}"),
            "text/html; charset=utf-8",
            false,
            &b"<!DOCTYPE html>"[..],
        ),
        (
            "/view/glan-y-mor/pals-officer/leaflet.pdf".to_string(),
            "text/html; charset=utf-8",
            false,
            &b"<!DOCTYPE html>"[..],
        ),
        (
            format!("/files/{PAGE}"),
            "text/html; charset=utf-8",
            false,
            &b"<!DOCTYPE html>"[..],
        ),
        (
            "/files/glan-y-mor/pals-officer/leaflet.pdf".to_string(),
            "application/pdf",
            false,
            &b"%PDF-"[..],
        ),
        (
            "/files/eastbrook-hospitals/pals-officer/handout.docx".to_string(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            true,
            &b"PK"[..],
        ),
        (
            "/files/glan-y-mor/pals-officer/summary.txt".to_string(),
            "text/plain; charset=utf-8",
            true,
            // The Welsh board's summary: Welsh first.
            "Swyddog y gwasanaeth".as_bytes(),
        ),
    ] {
        assert!(links.contains(&want), "{want} not in {links:?}");
        let r = s.get(&want);
        assert_eq!(r.status, 200, "{want}");
        assert_eq!(r.header("content-type"), Some(media), "{want}");
        assert!(r.body.starts_with(starts), "{want}");
        assert_eq!(r.header("cache-control"), Some("no-store"));
        let disposition = r.header("content-disposition");
        assert_eq!(disposition.is_some(), download, "{want}: {disposition:?}");
        if download {
            assert!(disposition
                .unwrap()
                .starts_with("attachment; filename=\"pals-officer-"));
        }
    }
    // The files are the ones the build wrote.
    let page = s.get(&format!("/files/{PAGE}"));
    assert_eq!(
        page.body,
        std::fs::read(p.file(&format!("output/{PAGE}"))).unwrap()
    );
    // The viewer shows the document in a frame.
    let view = s.get(&format!("/view/{PAGE}")).text();
    assert!(
        view.contains(&format!("<iframe id=\"doc\" src=\"/files/{PAGE}?v=1\"")),
        "{view}"
    );
    assert!(view.contains("All documents"));
    // Built-in assets.
    let js = s.get("/assets/serve.js");
    assert_eq!(js.status, 200);
    assert!(js.text().contains("EventSource"));
    assert_eq!(s.get("/assets/serve.css").status, 200);
}

#[test]
fn nothing_outside_the_output_folder_is_served() {
    let p = Project::copy();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
    std::fs::write(outside.path().join("page.html"), "<p>secret</p>").unwrap();
    let s = Server::start(&p, &[], None);
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        let out = p.file("output/eastbrook-hospitals");
        symlink(outside.path().join("secret.txt"), out.join("leak.txt")).unwrap();
        symlink(outside.path(), out.join("elsewhere")).unwrap();
        // A link that stays inside is refused too: nothing under the output
        // folder is ever read through a link.
        symlink(out.join("pals-officer/summary.txt"), out.join("inside.txt")).unwrap();
    }
    p.write(
        "output/mail/eastbrook-hospitals/pals-officer--a@example.org.eml",
        "To: a@example.org",
    );
    p.write("output/eastbrook-hospitals/notes.yaml", "x: 1");
    for target in [
        "/files/../content/jobs/pals-officer.yaml",
        "/files/eastbrook-hospitals/../../content/jobs/pals-officer.yaml",
        "/files/%2e%2e/content/jobs/pals-officer.yaml",
        "/files/%2E%2E/%2E%2E/etc/passwd",
        "/files/eastbrook-hospitals/%2e%2e%2f%2e%2e%2fcontent/jobs/pals-officer.yaml",
        "/files/..%2f..%2fcontent/jobs/pals-officer.yaml",
        "/files/..%5c..%5ccontent/jobs/pals-officer.yaml",
        "/files//etc/passwd",
        "/files/%2fetc%2fpasswd",
        "//etc/passwd",
        "/etc/passwd",
        "/files/eastbrook-hospitals/leak.txt",
        "/files/eastbrook-hospitals/elsewhere/secret.txt",
        "/files/eastbrook-hospitals/elsewhere/page.html",
        "/files/eastbrook-hospitals/inside.txt",
        "/view/eastbrook-hospitals/elsewhere/page.html",
        "/thumb/eastbrook-hospitals/elsewhere/page.html",
        "/files/.careerpress-manifest.json",
        "/files/.careerpress.lock",
        "/files/mail/eastbrook-hospitals/pals-officer--a@example.org.eml",
        "/files/eastbrook-hospitals/notes.yaml",
        "/files/eastbrook-hospitals/pals-officer/nothing.html",
        "/view/eastbrook-hospitals/pals-officer/handout.docx",
        "/nowhere",
    ] {
        let r = s.get(target);
        assert_eq!(r.status, 404, "{target}: {}", r.text());
        assert!(!r.text().contains("secret") && !r.text().contains("title_article"));
    }
    // Only GET and HEAD; only requests addressed to this machine by name.
    assert_eq!(s.request("POST", "/", "localhost").status, 405);
    assert_eq!(
        s.request("DELETE", &format!("/files/{PAGE}"), "localhost")
            .status,
        405
    );
    assert_eq!(s.request("GET", "/", "evil.example").status, 403);
    assert_eq!(s.request("GET", "/", "127.0.0.1").status, 200);
    assert!(p.file(&format!("output/{PAGE}")).exists());
}

/// Reads server-sent events until one says a generation above `after`.
fn next_generation(events: &mut BufReader<TcpStream>, after: u64) -> u64 {
    let mut line = String::new();
    loop {
        line.clear();
        let n = events.read_line(&mut line).expect("events keep coming");
        assert!(n > 0, "the event stream ended");
        if let Some(rest) = line.trim().strip_prefix("data: {\"generation\":") {
            let g: u64 = rest.trim_end_matches('}').parse().unwrap();
            if g > after {
                return g;
            }
        }
    }
}

#[test]
fn an_edited_job_is_rebuilt_and_shown_again_and_a_broken_one_shows_its_error() {
    let p = Project::copy();
    let before = tree(&p);
    let s = Server::start(&p, &[], None);
    let mut stream = TcpStream::connect(&s.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(stream, "GET /events HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut events = BufReader::new(stream);
    let start = next_generation(&mut events, 0);
    let view = s.get(&format!("/view/{PAGE}")).text();
    assert!(view.contains("data-version=\"1\""), "{view}");

    p.edit(
        PALS,
        "The Patient Advice and Liaison Service (PALS) offers",
        "Edited while serving: the PALS service offers",
    );
    // The page is told, and the rebuilt document has the new words.
    let mut g = next_generation(&mut events, start);
    let page = loop {
        let page = s.get(&format!("/files/{PAGE}")).text();
        if page.contains("Edited while serving") {
            break page;
        }
        g = next_generation(&mut events, g);
    };
    assert!(page.contains("<p class=\"lead\">Edited while serving: the PALS service offers"));
    let view = s.wait_for(&format!("/view/{PAGE}"), |v| {
        v.contains("data-version=\"2\"")
    });
    assert!(
        view.contains("?v=2\""),
        "the frame asks for the new version"
    );

    // A broken file: its error, with file, line and column, on the index
    // and beside the document, which keeps its last good version.
    p.edit(PALS, "title_article: a", "title_article: [a");
    let index = s.wait_for("/", |i| i.contains("problem"));
    assert!(
        index.contains("<code>content/jobs/pals-officer.yaml:5:16</code>"),
        "{index}"
    );
    assert!(index.contains("Held back"), "{index}");
    let view = s.get(&format!("/view/{PAGE}")).text();
    assert!(
        view.contains("content/jobs/pals-officer.yaml:5:16"),
        "{view}"
    );
    assert!(s
        .get(&format!("/files/{PAGE}"))
        .text()
        .contains("Edited while serving"));
    // Fixed again: the error goes, and the server never stopped.
    p.edit(PALS, "title_article: [a", "title_article: a");
    s.wait_for("/", |i| {
        !i.contains("problem") && i.contains("Watching for changes")
    });
    assert_eq!(s.get("/").status, 200);
    // serve wrote nothing outside the output folder.
    p.edit(
        PALS,
        "Edited while serving: the PALS service offers",
        "The Patient Advice and Liaison Service (PALS) offers",
    );
    assert_eq!(tree(&p), before);
}

/// Every file of the project outside `output/`, with its bytes.
fn tree(p: &Project) -> Vec<(String, Vec<u8>)> {
    let mut all = p.outputs_in(p.path());
    all.retain(|(f, _)| !f.starts_with("output"));
    all
}

#[test]
fn thumbnails_where_cheap_and_a_build_beside_it() {
    let p = Project::copy();
    // Without pdftoppm the index shows the web page, scaled, instead.
    let empty = tempfile::tempdir().unwrap();
    let s = Server::start(&p, &[], Some(empty.path().to_str().unwrap()));
    let index = s.get("/").text();
    assert!(
        index.contains(&format!("<iframe src=\"/files/{PAGE}?v=")),
        "{index}"
    );
    assert!(!index.contains("/thumb/"));
    drop(s);
    let has_pdftoppm = Command::new("pdftoppm")
        .arg("-v")
        .stderr(Stdio::null())
        .status()
        .is_ok();
    let s = Server::start(&p, &[], None);
    if has_pdftoppm {
        let leaflet = "/thumb/eastbrook-hospitals/pals-officer/leaflet.pdf";
        assert!(s.get("/").text().contains(leaflet));
        let png = s.get(leaflet);
        assert_eq!(png.status, 200);
        assert_eq!(png.header("content-type"), Some("image/png"));
        assert!(png.body.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(
            s.get("/thumb/eastbrook-hospitals/pals-officer/page.html")
                .status,
            404
        );
    }
    // A build into the same folder while serve watches: both fine.
    let o = p.run(&["build", "--force"]);
    common::assert_exit(&o, 0);
    assert_eq!(s.get("/").status, 200);
    assert_eq!(s.get(&format!("/files/{PAGE}")).status, 200);
    // A second serve on the same port is refused in words.
    let port = s.addr.rsplit_once(':').unwrap().1;
    let o = p.run(&["serve", "--port", port]);
    common::assert_exit(&o, 1);
    assert!(common::stderr(&o).contains(&format!("port {port} on 127.0.0.1 is in use")));
}

/// A project whose output layout would give two documents one file cannot
/// be planned: the page says why (the error a build prints), never an
/// empty index as if the project made nothing.
#[test]
fn a_plan_that_cannot_be_made_is_shown_on_the_page() {
    let p = Project::with_colliding_layout();
    let s = Server::start(&p, &[], None);
    let index = s.wait_for("/", |i| i.contains("the same file"));
    assert!(
        index.contains("gives two documents the same file st-marys-hospital-porter-"),
        "{index}"
    );
}

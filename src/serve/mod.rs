//! `careerpress serve`: see every document at once, in a browser, as it
//! changes.
//!
//! The watch (`authoring::watch`) builds everything once, then rebuilds
//! what each saved change affects, exactly as `careerpress watch` does (the
//! same shared lock on the output folder, so a `build` beside it is safe);
//! every event updates the [`state::State`] the pages show. The web server
//! (axum, on 127.0.0.1 unless told otherwise) answers:
//!
//! | path | what |
//! | --- | --- |
//! | `/` | the index: every job × trust, each document with its status, errors, links, a thumbnail |
//! | `/view/<document>` | one web page or PDF in the browser, shown again when it is rebuilt |
//! | `/files/<document>` | the file itself (web pages and PDFs to show, DOCX and text to download) |
//! | `/thumb/<leaflet>.pdf` | the leaflet's first page as a PNG, when `pdftoppm` is installed |
//! | `/events` | server-sent events: "something changed", for `assets/serve.js` |
//! | `/assets/serve.css`, `/assets/serve.js` | the index's own style and script |
//!
//! Anything else, any path that could lead outside the output folder
//! (`..` in any spelling, an absolute path, a symbolic link) and any file
//! that is not a document careerpress makes, is a 404 (see `files`).
//! `serve` writes nothing itself: only its builds write, into the output
//! folder. While bound to the loopback address it answers only requests
//! addressed to `localhost` or a loopback address, so a web page elsewhere
//! cannot read the documents through DNS rebinding.

mod files;
mod pages;
mod state;
mod thumbs;

use crate::authoring::watch::{self, Event};
use crate::diagnostic::Diagnostic;
use crate::pipeline::Options;
use axum::body::Body;
use axum::extract::{Request, State as Shared};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const SERVE_CSS: &str = include_str!("assets/serve.css");
const SERVE_JS: &str = include_str!("assets/serve.js");

/// What to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// What to build and watch (the output folder is `build.out`).
    pub build: Options,
    /// The address to listen on: `127.0.0.1` unless told otherwise.
    pub host: String,
    /// 0 for any free port.
    pub port: u16,
    /// How long the watch waits after a change for more.
    pub quiet: Duration,
}

struct App {
    state: Mutex<state::State>,
    changes: tokio::sync::watch::Sender<u64>,
    out: PathBuf,
    project: String,
    thumbs: thumbs::Thumbnails,
    /// Listening on a loopback address: answer only to local names.
    loopback: bool,
}

impl App {
    fn apply(&self, event: &Event, base: &Options) {
        // Loaded before the state is locked: pages are not held up by it.
        let project =
            matches!(event, Event::Built(_)).then(|| crate::pipeline::Project::load(&base.root));
        let generation = match self.state.lock() {
            Ok(mut s) => {
                s.apply(event, base, project.as_ref());
                s.generation
            }
            Err(_) => return,
        };
        self.changes.send_replace(generation);
    }

    fn context(&self) -> pages::Context<'_> {
        pages::Context {
            out: &self.out,
            project: &self.project,
            thumbnails: self.thumbs.available(),
        }
    }
}

/// Serves until the server fails; `ready` is told the address once it
/// listens, `on_event` every event of the watch (to print them).
pub fn run(
    opts: ServeOptions,
    ready: impl FnOnce(SocketAddr),
    mut on_event: impl FnMut(&Event) + Send + 'static,
) -> Result<(), Diagnostic> {
    let listener = std::net::TcpListener::bind((opts.host.as_str(), opts.port)).map_err(|e| {
        Diagnostic::error(if e.kind() == std::io::ErrorKind::AddrInUse {
            format!(
                "port {} on {} is in use; choose another with --port N (--port 0 takes any free one)",
                opts.port, opts.host
            )
        } else {
            format!("cannot listen on {} port {}: {e}", opts.host, opts.port)
        })
    })?;
    let addr = listener
        .local_addr()
        .map_err(|e| Diagnostic::error(format!("cannot listen: {e}")))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| Diagnostic::error(format!("cannot listen: {e}")))?;
    let base = opts.build.clone();
    let out = base.out.clone().unwrap_or_else(|| base.root.join("output"));
    let (changes, _) = tokio::sync::watch::channel(0);
    let app = Arc::new(App {
        state: Mutex::new(state::State::new(&base.root)),
        changes,
        out,
        project: base.root.display().to_string(),
        thumbs: thumbs::Thumbnails::new(),
        loopback: addr.ip().is_loopback(),
    });
    let watcher = app.clone();
    std::thread::spawn(move || {
        let result = watch::run(&base, opts.quiet, |e| {
            watcher.apply(&e, &base);
            on_event(&e);
        });
        if let Err(e) = result {
            // No watch: the pages say so, and show one build.
            let problem = Event::Problem(format!("{e}; the pages no longer follow changes"));
            on_event(&problem);
            watcher.apply(&problem, &base);
            if let Ok(report) = crate::pipeline::build(&base, &()) {
                watcher.apply(&Event::Built(&report), &base);
            }
        }
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::error(format!("cannot start the web server: {e}")))?;
    ready(addr);
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| Diagnostic::error(format!("cannot listen: {e}")))?;
        let router = axum::Router::new().fallback(handle).with_state(app);
        axum::serve(listener, router)
            .await
            .map_err(|e| Diagnostic::error(format!("the web server stopped: {e}")))
    })
}

/// Whether a request is addressed to this machine by a local name.
fn local_host(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST) else {
        return true;
    };
    let Ok(host) = host.to_str() else {
        return false;
    };
    let name = match host.rsplit_once(':') {
        Some((n, port)) if port.chars().all(|c| c.is_ascii_digit()) => n,
        _ => host,
    };
    let name = name.trim_start_matches('[').trim_end_matches(']');
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Headers every answer carries: never cached (a rebuilt document must
/// show at once), never sniffed, no referrer.
fn respond(status: StatusCode, media: &str, csp: &str, body: impl Into<Body>) -> Response {
    let mut r = Response::new(body.into());
    *r.status_mut() = status;
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(media) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if let Ok(v) = HeaderValue::from_str(csp) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    r
}

/// serve's own pages: its script and style, the documents in frames, and
/// the events; nothing from anywhere else.
const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Documents: what the pages' own policy allows, shown in serve's viewer.
const DOC_CSP: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

fn page(status: StatusCode, html: String) -> Response {
    respond(status, "text/html; charset=utf-8", PAGE_CSP, html)
}

fn not_found() -> Response {
    page(StatusCode::NOT_FOUND, pages::not_found())
}

async fn handle(Shared(app): Shared<Arc<App>>, req: Request) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = respond(
            StatusCode::METHOD_NOT_ALLOWED,
            "text/plain; charset=utf-8",
            PAGE_CSP,
            "careerpress serve only shows documents\n",
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    if app.loopback && !local_host(req.headers()) {
        return respond(
            StatusCode::FORBIDDEN,
            "text/plain; charset=utf-8",
            PAGE_CSP,
            "careerpress serve answers only to localhost\n",
        );
    }
    let path = req.uri().path().to_string();
    match path.as_str() {
        "/" => {
            let app = app.clone();
            blocking(move || match app.state.lock() {
                Ok(s) => page(StatusCode::OK, pages::index(&s, &app.context())),
                Err(_) => not_found(),
            })
            .await
        }
        "/events" => events(&app).into_response(),
        "/assets/serve.css" => respond(
            StatusCode::OK,
            "text/css; charset=utf-8",
            PAGE_CSP,
            SERVE_CSS,
        ),
        "/assets/serve.js" => respond(
            StatusCode::OK,
            "text/javascript; charset=utf-8",
            PAGE_CSP,
            SERVE_JS,
        ),
        _ => {
            let Some((route, rest)) = path[1..].split_once('/') else {
                return not_found();
            };
            let Some(rel) = files::relative(rest) else {
                return not_found();
            };
            let route = route.to_string();
            let app = app.clone();
            blocking(move || match route.as_str() {
                "files" => file(&app, &rel),
                "view" => view(&app, &rel),
                "thumb" => thumbnail(&app, &rel),
                _ => not_found(),
            })
            .await
        }
    }
}

/// Runs file-system work off the server's threads.
async fn blocking(f: impl FnOnce() -> Response + Send + 'static) -> Response {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|_| not_found())
}

fn file(app: &App, rel: &Path) -> Response {
    let Some(found) = files::find(&app.out, rel) else {
        return not_found();
    };
    let Some(bytes) = files::read(&app.out, &found) else {
        return not_found();
    };
    let (media, download) = files::media_type(found.format);
    let mut r = respond(StatusCode::OK, media, DOC_CSP, bytes);
    if download {
        let name = files::download_name(rel);
        if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
            r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
        }
    }
    r
}

fn key(rel: &Path) -> String {
    rel.iter()
        .map(|p| p.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn view(app: &App, rel: &Path) -> Response {
    let Ok(state) = app.state.lock() else {
        return not_found();
    };
    match state.docs.get(&key(rel)) {
        Some(doc)
            if matches!(
                doc.format,
                crate::template::Format::Html | crate::template::Format::Pdf
            ) =>
        {
            page(StatusCode::OK, pages::viewer(&state, &app.context(), doc))
        }
        _ => not_found(),
    }
}

fn thumbnail(app: &App, rel: &Path) -> Response {
    let Some(found) = files::find(&app.out, rel) else {
        return not_found();
    };
    if found.format != crate::template::Format::Pdf || files::read(&app.out, &found).is_none() {
        return not_found();
    }
    match app.thumbs.first_page(&found.path) {
        Some(png) => respond(StatusCode::OK, "image/png", DOC_CSP, png),
        None => not_found(),
    }
}

/// "Something changed": the current generation at once, then each new one.
fn events(
    app: &App,
) -> Sse<
    axum::response::sse::KeepAliveStream<
        impl futures_util::Stream<Item = Result<SseEvent, std::convert::Infallible>>,
    >,
> {
    let rx = app.changes.subscribe();
    let stream = futures_util::stream::unfold((rx, true), |(mut rx, first)| async move {
        if !first && rx.changed().await.is_err() {
            return None;
        }
        let generation = *rx.borrow_and_update();
        let event = SseEvent::default()
            .event("change")
            .data(format!("{{\"generation\":{generation}}}"));
        Some((Ok(event), (rx, false)))
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_names_are_answered_on_loopback() {
        let mut h = HeaderMap::new();
        for ok in [
            "localhost:8000",
            "127.0.0.1:8000",
            "[::1]:8000",
            "LOCALHOST",
            "127.0.0.1",
        ] {
            h.insert(header::HOST, HeaderValue::from_static(ok));
            assert!(local_host(&h), "{ok}");
        }
        for bad in [
            "evil.example:8000",
            "example.org",
            "10.0.0.1:8000",
            "localhost.evil.example",
        ] {
            h.insert(header::HOST, HeaderValue::from_static(bad));
            assert!(!local_host(&h), "{bad}");
        }
    }
}

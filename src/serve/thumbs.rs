//! Thumbnails of a leaflet's first page, where they are cheap: Poppler's
//! `pdftoppm`, when it is installed, draws one (a few tens of
//! milliseconds), kept in memory by the PDF's size and time so it is drawn
//! again only when the leaflet is rebuilt. Nothing is written to disk.
//! Without `pdftoppm` the index shows the job's web page, scaled down,
//! instead (see `pages`); careerpress carries no PDF rasteriser of its own.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

/// Width of a thumbnail in pixels (twice the width shown, for sharp
/// screens).
const WIDTH_PX: u32 = 360;

/// A drawing that takes longer than this is given up.
const TIMEOUT: Duration = Duration::from_secs(10);

/// What a PDF looked like when its thumbnail was drawn.
type Stamp = (u64, Option<SystemTime>);

#[derive(Debug)]
pub(crate) struct Thumbnails {
    /// `pdftoppm`, if it runs here.
    program: Option<PathBuf>,
    cache: Mutex<BTreeMap<PathBuf, (Stamp, Vec<u8>)>>,
    /// One drawing at a time: the machine is shared with the builds.
    drawing: Mutex<()>,
}

impl Thumbnails {
    /// Looks for `pdftoppm` once, at start.
    pub(crate) fn new() -> Thumbnails {
        let program = PathBuf::from("pdftoppm");
        let runs = Command::new(&program)
            .arg("-v")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok();
        Thumbnails {
            program: runs.then_some(program),
            cache: Mutex::new(BTreeMap::new()),
            drawing: Mutex::new(()),
        }
    }

    pub(crate) fn available(&self) -> bool {
        self.program.is_some()
    }

    /// A PNG of the first page of the PDF at `path`, or `None` when it
    /// cannot be drawn.
    pub(crate) fn first_page(&self, path: &Path) -> Option<Vec<u8>> {
        let program = self.program.as_ref()?;
        let m = std::fs::metadata(path).ok()?;
        let stamp = (m.len(), m.modified().ok());
        if let Some((s, png)) = self.cache.lock().ok()?.get(path) {
            if *s == stamp {
                return Some(png.clone());
            }
        }
        let png = {
            let _one = self.drawing.lock().ok()?;
            draw(program, path)?
        };
        self.cache
            .lock()
            .ok()?
            .insert(path.to_path_buf(), (stamp, png.clone()));
        Some(png)
    }
}

/// `pdftoppm -png -singlefile -f 1 -l 1 -scale-to-x W -scale-to-y -1 FILE`,
/// read from its standard output.
fn draw(program: &Path, pdf: &Path) -> Option<Vec<u8>> {
    let mut child = Command::new(program)
        .args(["-png", "-singlefile", "-f", "1", "-l", "1", "-scale-to-x"])
        .arg(WIDTH_PX.to_string())
        .args(["-scale-to-y", "-1"])
        .arg(pdf)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut out = child.stdout.take()?;
    let reader = std::thread::spawn(move || {
        let mut png = Vec::new();
        out.read_to_end(&mut png).map(|_| png)
    });
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => break,
            Ok(Some(_)) | Err(_) => return None,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
    let png = reader.join().ok()?.ok()?;
    png.starts_with(b"\x89PNG\r\n\x1a\n").then_some(png)
}

//! Makes a synthetic project for benchmarks:
//! `cargo run --release --example make-corpus -- DEST [JOBS] [BRANDS]`
//! (default 200 jobs × 5 trusts), from the bundled content.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dest) = args.first() else {
        eprintln!("usage: make-corpus DEST [JOBS] [BRANDS]");
        std::process::exit(2);
    };
    let n = |i: usize, d: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Err(e) =
        careerpress::content::corpus::generate(src, std::path::Path::new(dest), n(1, 200), n(2, 5))
    {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

//! Checks print files against the PDF/X-4 rules careerpress keeps, with
//! lopdf alone (nothing of careerpress): `cargo run --example pdfx-check --
//! FILE…`. Prints each rule that fails and exits 1 if any does; `-v`
//! prints every rule. The rules are in tests/pdf_support/pdfx.rs, which
//! tests/pdf_print.rs uses too.

#[path = "../tests/pdf_support/pdfx.rs"]
mod pdfx;

fn main() {
    let mut verbose = false;
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "-v" {
            verbose = true;
        } else {
            files.push(a);
        }
    }
    if files.is_empty() {
        eprintln!("usage: pdfx-check [-v] FILE.pdf…");
        std::process::exit(2);
    }
    let mut failed = false;
    for f in &files {
        let bytes = match std::fs::read(f) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{f}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        let findings = pdfx::check(&bytes);
        let bad = findings.iter().filter(|x| !x.ok).count();
        for x in &findings {
            if verbose || !x.ok {
                let mark = if x.ok { "ok  " } else { "FAIL" };
                println!("{f}: {mark} {}: {}", x.rule, x.detail);
            }
        }
        println!(
            "{f}: PDF/X-4 check: {} rules held, {bad} failed",
            findings.len() - bad
        );
        failed |= bad > 0;
    }
    std::process::exit(i32::from(failed));
}

//! The print file (`leaflet-print.pdf`) is PDF/X-4: read back with lopdf
//! and held to each rule, for both trusts of the tests' project (the
//! English trust and the Welsh board), at A4 and A5. (A draft's print file,
//! whose see-through stamp must blend in CMYK, is in pdf_writer.rs.)

mod common;
#[path = "pdf_support/pdfx.rs"]
mod pdfx;

use common::Project;

/// Every rule the checker knows, by name: each must be checked (not
/// skipped) and hold.
const RULES: &[&str] = &[
    "PDF version 1.6 (or lower)",
    "not encrypted",
    "document ID",
    "Info GTS_PDFXVersion (PDF/X-4)",
    "Info Trapped is True or False",
    "Info Title",
    "Info CreationDate and ModDate",
    "XMP metadata stream",
    "XMP pdfxid:GTS_PDFXVersion (PDF/X-4)",
    "XMP pdf:Trapped matches Info",
    "XMP dc:title (first alternative) matches Info Title",
    "XMP xmp:CreateDate matches Info CreationDate",
    "XMP xmp:ModifyDate matches Info ModDate",
    "XMP pdf:Producer matches Info Producer",
    "XMP xmpMM identification",
    "one GTS_PDFX output intent",
    "OutputConditionIdentifier",
    "embedded ICC output profile (CMYK, printer class)",
    "TrimBox inside BleedBox inside MediaBox",
    "no ArtBox beside the TrimBox",
    "no annotations",
    "content paints only in CMYK or grey",
    "every font embedded",
    "only DeviceCMYK and DeviceGray colour spaces (images included)",
    "no actions or JavaScript",
];

fn assert_pdfx4(what: &str, bytes: &[u8]) {
    let findings = pdfx::check(bytes);
    for rule in RULES {
        assert!(
            findings.iter().any(|f| f.rule == *rule),
            "{what}: the rule '{rule}' was not checked"
        );
    }
    let bad = pdfx::problems(bytes);
    assert!(bad.is_empty(), "{what} is not PDF/X-4:\n{}", bad.join("\n"));
}

/// What the checker reads, read again here directly, so a checker that
/// passed everything would not pass this.
fn assert_keys(what: &str, bytes: &[u8]) {
    assert!(bytes.starts_with(b"%PDF-1.6"), "{what}: not PDF 1.6");
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf reads it");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
        .expect("Info");
    assert_eq!(
        info.get(b"GTS_PDFXVersion")
            .and_then(lopdf::Object::as_str)
            .ok(),
        Some(&b"PDF/X-4"[..]),
        "{what}"
    );
    assert_eq!(
        info.get(b"Trapped").and_then(lopdf::Object::as_name).ok(),
        Some(&b"False"[..]),
        "{what}"
    );
    let cat = doc.catalog().expect("catalog");
    let intents = cat
        .get(b"OutputIntents")
        .and_then(lopdf::Object::as_array)
        .expect("OutputIntents");
    let intent = doc
        .get_dictionary(intents[0].as_reference().expect("intent reference"))
        .expect("intent");
    assert_eq!(
        intent.get(b"S").and_then(lopdf::Object::as_name).ok(),
        Some(&b"GTS_PDFX"[..])
    );
    assert_eq!(
        intent
            .get(b"OutputConditionIdentifier")
            .and_then(lopdf::Object::as_str)
            .ok(),
        Some(&b"FOGRA39"[..])
    );
    let profile = doc
        .get_object(
            intent
                .get(b"DestOutputProfile")
                .and_then(lopdf::Object::as_reference)
                .expect("profile"),
        )
        .and_then(lopdf::Object::as_stream)
        .expect("profile stream");
    let icc = profile.decompressed_content().expect("profile inflates");
    assert_eq!(&icc[16..20], b"CMYK", "{what}");
    let xmp = {
        let id = cat
            .get(b"Metadata")
            .and_then(lopdf::Object::as_reference)
            .expect("XMP");
        let s = doc
            .get_object(id)
            .and_then(lopdf::Object::as_stream)
            .expect("XMP");
        String::from_utf8_lossy(&s.content).into_owned()
    };
    assert!(
        xmp.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"),
        "{what}: {xmp}"
    );
    assert!(xmp.contains("<pdf:Trapped>False</pdf:Trapped>"), "{what}");
    for (n, p) in doc.get_pages() {
        let d = doc.get_dictionary(p).expect("page");
        assert!(
            d.get(b"Annots").is_err(),
            "{what}: page {n} has annotations"
        );
        let rect = |key: &[u8]| -> Vec<f32> {
            d.get(key)
                .and_then(lopdf::Object::as_array)
                .unwrap_or_else(|_| {
                    panic!("{what}: page {n} has no {}", String::from_utf8_lossy(key))
                })
                .iter()
                .map(|o| o.as_float().expect("a number"))
                .collect()
        };
        let (trim, bleed, media) = (rect(b"TrimBox"), rect(b"BleedBox"), rect(b"MediaBox"));
        assert!(
            bleed[0] < trim[0] && trim[2] < bleed[2],
            "{what}: bleed round the trim"
        );
        assert!(
            media[0] <= bleed[0] && bleed[2] <= media[2],
            "{what}: media round the bleed"
        );
    }
    // The printed address is there though the link is not.
    let text = common::read::pdf_text(bytes);
    assert!(text.contains("Scan"), "{what}: the QR caption is printed");
}

#[test]
fn both_trusts_print_files_are_pdf_x4_at_a4_and_a5() {
    for paper in ["A4", "A5"] {
        let p = Project::copy();
        p.write("careerpress.yaml", format!("paper: {paper}\n"));
        let out = p.run(&["build", "--format", "pdf"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for brand in ["eastbrook-hospitals", "glan-y-mor"] {
            let rel = format!("output/{brand}/pals-officer/leaflet-print.pdf");
            let bytes = std::fs::read(p.file(&rel))
                .unwrap_or_else(|e| panic!("{rel} ({paper}) was not made: {e}"));
            let what = format!("{rel} ({paper})");
            assert_pdfx4(&what, &bytes);
            assert_keys(&what, &bytes);
            // The screen file keeps its links and RGB, and is not PDF/X.
            let screen = std::fs::read(p.file(&format!("output/{brand}/pals-officer/leaflet.pdf")))
                .expect("screen file");
            let bad = pdfx::problems(&screen);
            assert!(
                bad.iter().any(|b| b.starts_with("no annotations")),
                "the screen file has its links: {bad:?}"
            );
            assert!(!bad.is_empty());
        }
    }
}

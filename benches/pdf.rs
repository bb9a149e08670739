//! One PALS-sized leaflet through the PDF writer (budget: under 5 ms on one
//! core). The writer is created once, as a build does, so fonts are parsed
//! once and every iteration measures layout, drawing, subsetting and
//! post-processing of one document.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use careerpress::document::{
    markup, Colour, Document, FontSet, ImageAsset, ImageFormat, Meta, Paper, PrintOptions, Rgb,
    Theme, Writer,
};
use careerpress::pdf::PdfWriter;
use criterion::{criterion_group, criterion_main, Criterion};

const PALS: &str = r#"
::: banner
# Patient advice and liaison service (PALS) officer

Help patients, families and carers get answers, sort out problems and be heard.
:::

PALS officers are often the first person a patient or relative talks to when something has gone wrong or they need help finding their way around the NHS. You listen, explain, and work with staff across the hospital to put things right quickly.

::: facts Key facts
- **Salary** £18,200 to £22,000
- **Hours** 37.5 a week, 9am to 5pm Monday to Friday
- **Where you could work** Hospital or community
:::

## What you'll do

- listen to patients, relatives and carers and help them with concerns and questions
- explain NHS complaints procedures and how to use them
- liaise with staff and managers to resolve problems quickly
- keep accurate records of every enquiry and its outcome
- spot trends and report them so services can improve
- signpost people to independent advocacy and support services

## How to become one

- apply directly: there are no set entry requirements, but good GCSEs help
- experience of customer service or advice work is valued
- a health and social care qualification can help
- volunteering with a patient group is a good start
- some trusts offer apprenticeships in business administration

## Skills

::: columns
::: column
- listening
- patience and tact
- clear speaking
- clear writing
- problem solving
- negotiating
:::
::: column
- staying calm
- empathy
- record keeping
- IT skills
- team working
- confidentiality
:::
:::

## Career progression

With experience you could become a PALS manager or move into patient experience, complaints management or governance roles.

::: box Find out more
**Riverside Hospitals PALS**  
Riverside General Hospital, River Road, Riverside RV1 2AB  
Telephone: [0300 123 4567](tel:+443001234567)  
Email: [pals@riverside.nhs.uk](mailto:pals@riverside.nhs.uk)

::: qr https://www.healthcareers.nhs.uk/explore-roles/wider-healthcare-team/roles-wider-healthcare-team/corporate-services/patient-advice-and-liaison-service-pals-officer Scan for the full job profile
:::
"#;

fn font(name: &str) -> Arc<Vec<u8>> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("templates/fonts")
        .join(name);
    Arc::new(std::fs::read(p).expect("bundled font"))
}

fn theme() -> Theme {
    let (w, h) = (240u32, 96u32);
    let img = image::RgbImage::from_fn(w, h, |x, _| {
        image::Rgb([0, 94, if x % 2 == 0 { 184 } else { 180 }])
    });
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("png");
    let mut images = BTreeMap::new();
    images.insert(
        "logo".to_string(),
        Arc::new(ImageAsset {
            bytes: Arc::new(png),
            format: ImageFormat::Png,
            width_px: w,
            height_px: h,
            alt: "logo".into(),
        }),
    );
    Theme {
        org_name: "Riverside Hospitals NHS Foundation Trust".into(),
        org_short_name: "Riverside".into(),
        primary: Colour {
            rgb: Rgb(0, 94, 184),
            cmyk: Some([100.0, 50.0, 0.0, 0.0]),
        },
        secondary: Colour::rgb(0, 164, 153),
        shade: Colour::rgb(232, 240, 248),
        text: Colour::rgb(33, 43, 50),
        fonts: Arc::new(FontSet {
            id: "liberation".into(),
            family: "Liberation Sans".into(),
            regular: font("LiberationSans-Regular.ttf"),
            bold: font("LiberationSans-Bold.ttf"),
            italic: font("LiberationSans-Italic.ttf"),
            bold_italic: font("LiberationSans-BoldItalic.ttf"),
        }),
        images,
        paper: Paper::A4,
        print: PrintOptions::default(),
        body_pt: 12.0,
        footer: "PALS: 0300 123 4567".into(),
        text_width: 72,
        legibility: Default::default(),
        spacing: Default::default(),
        hyphenation: Default::default(),
        sides: Default::default(),
        typographic: false,
    }
}

mod bundled;

fn bench(c: &mut Criterion) {
    // The bundled leaflet template, job and trust: the whole document.
    let b = bundled::Bundled::load();
    let t = b.target("pals-officer", "eastbrook-hospitals", "leaflet");
    let leaflet_theme = b.theme(t);
    let leaflet_writer = PdfWriter::new();
    careerpress::pipeline::render_one(&b.project, t, leaflet_theme, &leaflet_writer)
        .expect("renders");
    c.bench_function("pdf/pals leaflet, bundled template", |bch| {
        bch.iter(|| {
            black_box(
                careerpress::pipeline::render_one(&b.project, t, leaflet_theme, &leaflet_writer)
                    .expect("renders"),
            )
        })
    });

    let doc = Document {
        meta: Meta {
            title: "Patient advice and liaison service (PALS) officer".into(),
            author: "Riverside Hospitals NHS Foundation Trust".into(),
            language: "en-GB".into(),
            created: 1_717_200_000,
            ..Meta::default()
        },
        blocks: markup::parse(PALS).expect("markup parses"),
    };
    let theme = theme();
    let writer = PdfWriter::new();
    // warm the font cache, as the first document of a build does
    writer.render(&doc, &theme).expect("renders");
    c.bench_function("pdf/pals_leaflet_a4", |b| {
        b.iter(|| black_box(writer.render(black_box(&doc), &theme).expect("renders")))
    });
    c.bench_function("pdf/pals_leaflet_a4_cold_writer", |b| {
        b.iter(|| {
            let w = PdfWriter::new();
            black_box(w.render(black_box(&doc), &theme).expect("renders"))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

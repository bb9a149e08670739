//! One plain-text summary from the bundled template, job and trust, on one
//! core (target: at most 0.1 ms): the whole document (Handlebars, markup,
//! writer) and the writer alone.

use careerpress::document::{markup, Document, Writer};
use careerpress::pipeline;
use careerpress::text::TextWriter;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

mod bundled;

fn bench(c: &mut Criterion) {
    let b = bundled::Bundled::load();
    let t = b.target("pals-officer", "eastbrook-hospitals", "summary");
    let theme = b.theme(t);
    let writer = TextWriter;
    c.bench_function("txt/pals summary, bundled template", |bch| {
        bch.iter(|| {
            black_box(pipeline::render_one(&b.project, t, theme, &writer).expect("renders"))
        })
    });
    let text = pipeline::render_markup(&b.project, t).expect("markup");
    let doc = Document {
        meta: Default::default(),
        blocks: markup::parse(&text).expect("parses"),
    };
    c.bench_function("txt/pals summary, writer only", |bch| {
        bch.iter(|| black_box(writer.render(black_box(&doc), theme).expect("renders")))
    });
    c.bench_function("txt/pals summary, markup parse only", |bch| {
        bch.iter(|| black_box(markup::parse(black_box(&text)).expect("parses")))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

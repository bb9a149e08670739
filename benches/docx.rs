//! One full DOCX handout (every section, key facts, lists, call-out,
//! columns, QR code, logo) rendered on one core. Target: under 2 ms.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

use careerpress::document::{Paper, Writer};
use careerpress::docx::DocxWriter;

// The handout and theme the integration tests check, so the benchmark
// measures exactly what is tested.
#[path = "../tests/docx_support/mod.rs"]
#[allow(unused_imports)]
mod docx_support;

use docx_support::fixture::{handout, theme};

fn bench(c: &mut Criterion) {
    let theme = theme(Paper::A4);
    let doc = handout("en-GB");
    // As in a build: one writer for every document, so the QR code of a
    // URL seen before comes from the writer's cache.
    let writer = DocxWriter::new();
    c.bench_function("docx full handout", |b| {
        b.iter(|| writer.render(std::hint::black_box(&doc), &theme).unwrap())
    });
    // The first document of a build: the QR code is made (about 2 ms of
    // qrcode's mask search).
    c.bench_function("docx full handout, new writer", |b| {
        b.iter_batched(
            DocxWriter::new,
            |writer| writer.render(std::hint::black_box(&doc), &theme).unwrap(),
            BatchSize::SmallInput,
        )
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

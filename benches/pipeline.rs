//! The whole pipeline on a synthetic corpus: documents per second per
//! format, and the cost of each stage (template, markup, writer) for one
//! document, all loaded once as a build does.
//!
//! `cargo bench --bench pipeline`. Whole-build wall time, peak memory and
//! the Pandoc comparison are in `bench/run.py`.

use careerpress::document::markup;
use careerpress::pipeline::{self, Options, Project, Target};
use careerpress::template::Format;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn corpus() -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    careerpress::content::corpus::generate(src, dir.path(), 20, 2).unwrap();
    let project = Project::load(dir.path());
    assert!(project.errors().is_empty(), "{:?}", project.errors());
    (dir, project)
}

fn bench(c: &mut Criterion) {
    let (dir, project) = corpus();
    let opts = Options {
        root: dir.path().to_path_buf(),
        ..Options::default()
    };
    let targets = pipeline::plan(&project, &opts).unwrap();
    let themes = pipeline::themes(&project, &targets);
    let writers = pipeline::Writers::default();

    // Documents per second, one core, per format: 40 documents of each.
    let mut group = c.benchmark_group("documents");
    for format in [Format::Txt, Format::Html, Format::Docx, Format::Pdf] {
        let of: Vec<&Target> = targets.iter().filter(|t| t.format == format).collect();
        group.throughput(Throughput::Elements(of.len() as u64));
        group.sample_size(10);
        group.bench_with_input(BenchmarkId::from_parameter(format), &of, |b, of| {
            b.iter(|| {
                for t in of.iter() {
                    let theme = &themes[&(t.brand.clone(), t.template.clone())];
                    black_box(
                        pipeline::render_one(&project, t, theme, writers.get(t.format)).unwrap(),
                    );
                }
            })
        });
    }
    group.finish();

    // The stages of one summary.
    let t = targets.iter().find(|t| t.format == Format::Txt).unwrap();
    let job = &project.content.jobs[&t.job];
    let brand = &project.content.brands[&t.brand];
    let layout = careerpress::pipeline::layout(&project, t);
    let context = || {
        project
            .templates
            .context(job, brand, "2026-11-21", &t.languages, layout)
    };
    let data = context();
    let text = project.templates.render(&t.template, &data).unwrap();
    let blocks = markup::parse(&text).unwrap();
    let mut stages = c.benchmark_group("stages");
    stages.bench_function("context", |b| b.iter(|| black_box(context())));
    stages.bench_function("handlebars", |b| {
        b.iter(|| black_box(project.templates.render(&t.template, &data).unwrap()))
    });
    stages.bench_function("markup", |b| {
        b.iter(|| black_box(markup::parse(&text).unwrap()))
    });
    let doc = careerpress::document::Document {
        meta: Default::default(),
        blocks,
    };
    let theme = &themes[&(t.brand.clone(), t.template.clone())];
    stages.bench_function("text writer", |b| {
        b.iter(|| black_box(writers.get(Format::Txt).render(&doc, theme).unwrap()))
    });
    stages.finish();

    // Loading the whole project (content, templates, fonts), once per build.
    c.bench_function("load project (20 jobs x 2 trusts)", |b| {
        b.iter(|| black_box(Project::load(dir.path())))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

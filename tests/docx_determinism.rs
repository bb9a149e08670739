//! Byte-identical handouts however they are built: many at once on many
//! threads, one alone, or in another order. docx-rs numbers pictures and
//! hyperlinks from process-wide counters and paragraphs from a
//! thread-local one; none of that may reach the output.

use careerpress::document::{Block, Document, Inline, Paper, Writer};
use careerpress::docx::DocxWriter;

mod common;
mod docx_support;

use common::{assert_exit, Project};
use docx_support::fixture::*;

/// Forty-eight different handouts: other titles, languages, drafts, extra
/// links, pictures and Welsh passages, so that any id carried over from
/// one document to the next would show.
fn many() -> Vec<Document> {
    (0..48)
        .map(|i| {
            let mut doc = handout(if i % 3 == 0 { "cy" } else { "en-GB" });
            doc.meta.title = format!("Job {i}: {}", doc.meta.title);
            doc.meta.draft = i % 4 == 1;
            for k in 0..(i % 5) {
                doc.blocks.push(Block::Paragraph(vec![link(
                    &format!("https://example.org/{i}/{k}"),
                    &format!("link {k}"),
                )]));
                doc.blocks.push(Block::Qr {
                    url: format!("https://example.org/qr/{i}/{k}"),
                    caption: Some(vec![Inline::Text(format!("QR {k}"))]),
                });
            }
            if i % 2 == 0 {
                doc.blocks.push(Block::Lang {
                    lang: "cy".into(),
                    blocks: vec![Block::Paragraph(vec![Inline::Text(format!(
                        "Rhif {i}: ŵ ŷ"
                    ))])],
                });
            }
            doc
        })
        .collect()
}

#[test]
fn many_documents_in_parallel_alone_and_in_another_order_are_byte_identical() {
    let docs = many();
    let theme = theme(Paper::A4);
    // Each alone, each with a writer of its own.
    let alone: Vec<Vec<u8>> = docs
        .iter()
        .map(|d| DocxWriter::new().render(d, &theme).unwrap().bytes)
        .collect();
    // All on one shared writer, on eight threads, each thread taking every
    // eighth document, so docx-rs's counters advance in a different order
    // from run to run.
    let writer = DocxWriter::new();
    let mut parallel: Vec<(usize, Vec<u8>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let (docs, writer, theme) = (&docs, &writer, &theme);
                s.spawn(move || {
                    (t..docs.len())
                        .step_by(8)
                        .map(|i| (i, writer.render(&docs[i], theme).unwrap().bytes))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    parallel.sort_by_key(|(i, _)| *i);
    // In reverse order on this thread, after all the others.
    let mut reversed: Vec<Vec<u8>> = docs
        .iter()
        .rev()
        .map(|d| writer.render(d, &theme).unwrap().bytes)
        .collect();
    reversed.reverse();
    for (i, bytes) in alone.iter().enumerate() {
        assert_eq!(
            parallel[i].1, *bytes,
            "document {i} differs built in parallel"
        );
        assert_eq!(reversed[i], *bytes, "document {i} differs built in reverse");
    }
    // And they really are different documents.
    let mut distinct = alone.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), docs.len());
}

/// A project of eight jobs, for both of the tests' trusts.
fn project() -> Project {
    let p = Project::copy();
    let pals = p.read("content/jobs/pals-officer.yaml");
    for i in 1..8 {
        let job = pals.replace(
            "title: Patient advice and liaison service (PALS) officer",
            &format!("title: Patient liaison officer, grade {i}"),
        );
        p.add_job(&format!("liaison-officer-{i}"), &job);
    }
    p
}

#[test]
fn a_full_build_one_document_and_shards_in_reverse_give_the_same_handouts() {
    let p = project();
    let full = p.path().join("full");
    assert_exit(
        &p.run(&["build", "--format", "docx", "--out", full.to_str().unwrap()]),
        0,
    );
    let built = p.outputs_in(&full);
    assert_eq!(built.len(), 16, "8 jobs × 2 trusts");
    assert!(built.iter().all(|(f, _)| f.ends_with(".docx")));

    // One handout alone.
    let one = p.path().join("one");
    assert_exit(
        &p.run(&[
            "build",
            "--format",
            "docx",
            "--job",
            "liaison-officer-5",
            "--brand",
            "glan-y-mor",
            "--out",
            one.to_str().unwrap(),
        ]),
        0,
    );
    let alone = p.outputs_in(&one);
    assert_eq!(alone.len(), 1);
    assert!(
        built.contains(&alone[0]),
        "{} differs built alone",
        alone[0].0
    );

    // The shards, last first, on one thread.
    let shards = p.path().join("shards");
    for k in (1..=4).rev() {
        let mut cmd = assert_cmd::Command::cargo_bin("careerpress").unwrap();
        cmd.arg("--project")
            .arg(p.path())
            .args([
                "build",
                "--format",
                "docx",
                "--shard",
                &format!("{k}/4"),
                "--out",
            ])
            .arg(&shards)
            .env("RAYON_NUM_THREADS", "1")
            .env_remove("SOURCE_DATE_EPOCH");
        assert_exit(&cmd.output().unwrap(), 0);
    }
    assert_eq!(p.outputs_in(&shards), built);
}

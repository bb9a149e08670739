//! Templates that attack: recursion of any kind is caught before anything
//! renders, with an error naming the template; a template that would make
//! gigabytes or loop for minutes is stopped with a clear error; and `check`,
//! `build` and `watch` all carry on.

mod common;

use common::{assert_exit, stderr, Project};
use std::time::{Duration, Instant};

/// Asserts a run ended by itself, with exit code 1, and not by a signal
/// (a stack overflow aborts the process).
fn ended_with_1(o: &std::process::Output) {
    assert_exit(o, 1);
}

#[test]
fn recursion_of_any_kind_is_caught_naming_the_template() {
    let cases = [
        (
            "an inline partial that includes itself",
            "{{#*inline \"a\"}}{{> a}}{{/inline}}{{> a}}",
            "the inline partial 'a' includes itself",
        ),
        (
            "two inline partials that include each other",
            "{{#*inline \"a\"}}{{> b}}{{/inline}}{{#*inline \"b\"}}x{{> a}}{{/inline}}{{> a}}",
            "includes itself",
        ),
        (
            "an inline partial reached through a file partial",
            "{{#*inline \"a\"}}{{> bounce}}{{/inline}}{{> a}}",
            "includes itself",
        ),
        (
            "blocks nested thousands deep",
            &format!(
                "{}x{}",
                "{{#if job.title}}".repeat(3000),
                "{{/if}}".repeat(3000)
            ),
            "nested more than 32 deep",
        ),
    ];
    for (name, src, want) in cases {
        let p = Project::copy();
        p.write("templates/partials/bounce.hbs", "{{> a}}");
        p.write("templates/attack.txt.hbs", src);
        let file = p.file("templates/attack.txt.hbs").display().to_string();
        for args in [&["check"][..], &["build", "--format", "txt"][..]] {
            let o = p.run(args);
            ended_with_1(&o);
            let err = stderr(&o);
            assert!(err.contains(want), "{name}, {args:?}: {err}");
            assert!(err.contains(&file), "{name}: the template is named: {err}");
        }
        // The other documents are still built.
        assert!(p
            .file("output/eastbrook-hospitals/pals-officer/summary.txt")
            .exists());
    }
}

#[test]
fn a_runaway_template_is_stopped_quickly_with_a_reason() {
    let p = Project::copy();
    let items: String = (0..185).map(|i| format!("  - skill {i}\n")).collect();
    p.edit(
        "content/jobs/pals-officer.yaml",
        "skills:\n",
        &format!("skills:\n{items}"),
    );
    // Four nested loops over ~200 items: 1.6 billion turns, gigabytes of text.
    p.write(
        "templates/bomb.txt.hbs",
        "{{#each job.skills}}{{#each ../job.skills}}{{#each ../../job.skills}}{{#each ../../../job.skills}}{{this}}{{/each}}{{/each}}{{/each}}{{/each}}",
    );
    // Nested loops that write nothing at all still count.
    p.write(
        "templates/spin.txt.hbs",
        "{{#each job.skills}}{{#each ../job.skills}}{{#each ../../job.skills}}{{#each ../../../job.skills}}{{/each}}{{/each}}{{/each}}{{/each}}",
    );
    let start = Instant::now();
    let o = p.run(&["check"]);
    ended_with_1(&o);
    let err = stderr(&o);
    for t in ["bomb", "spin"] {
        assert!(
            err.contains(&format!("templates/{t}.txt.hbs"))
                && (err.contains("repeats more than") || err.contains("MiB of text")),
            "{t}: {err}"
        );
    }
    assert!(
        start.elapsed() < Duration::from_secs(120),
        "check took {:?}",
        start.elapsed()
    );
}

//! A run compiles only the templates it uses: a build of one leaflet does
//! not stop on a mistake in the handout (or a partial only the handout
//! includes), while `check` and a build that makes handouts still report
//! it, naming the file and line, as before.

mod common;

use common::{assert_exit, stderr, Project};

#[test]
fn a_build_of_leaflets_compiles_neither_the_handout_nor_its_own_partial() {
    let p = Project::copy();
    // A partial only the handout uses, with an unclosed block on line 2.
    p.write(
        "templates/partials/handout-only.hbs",
        "Opening times\n{{#if job.title}}never closed\n",
    );
    let handout = p.file("templates/handout.docx.hbs");
    let src = std::fs::read_to_string(&handout).unwrap();
    p.write(
        "templates/handout.docx.hbs",
        format!("{src}\n{{{{> handout-only}}}}\n"),
    );
    let partial = p.file("templates/partials/handout-only.hbs");

    let one_leaflet = "build --job pals-officer --brand eastbrook-hospitals --format pdf";
    let o = p.run(&one_leaflet.split(' ').collect::<Vec<_>>());
    assert_exit(&o, 0);
    assert!(
        !stderr(&o).contains("handout-only"),
        "the leaflet's build says nothing of the handout's partial: {}",
        stderr(&o)
    );
    assert!(p
        .file("output/eastbrook-hospitals/pals-officer/leaflet.pdf")
        .exists());

    for args in [&["check"][..], &["build", "--format", "docx"][..]] {
        let o = p.run(args);
        assert_exit(&o, 1);
        let err = stderr(&o);
        assert!(
            err.contains(&format!("{}:", partial.display())),
            "{args:?} names the partial: {err}"
        );
    }
}

#[test]
fn a_build_of_one_template_still_refuses_its_own_mistake() {
    let p = Project::copy();
    p.write(
        "templates/leaflet.pdf.hbs",
        "# {{job.title}}\n\n{{#each job.duties}}\nno end\n",
    );
    let leaflet = p.file("templates/leaflet.pdf.hbs").display().to_string();
    let o = p.run(&["build", "--job", "pals-officer", "--format", "pdf"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains(&leaflet), "the leaflet is named: {err}");
    assert!(
        !p.file("output/eastbrook-hospitals/pals-officer/leaflet.pdf")
            .exists(),
        "nothing half-made"
    );
}

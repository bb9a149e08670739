//! The project's own content and templates, loaded once as a build does,
//! for benchmarks of whole documents (template, markup and writer).

use careerpress::document::Theme;
use careerpress::pipeline::{self, Options, Project, Target};
use std::collections::BTreeMap;

pub struct Bundled {
    pub project: Project,
    pub targets: Vec<Target>,
    pub themes: BTreeMap<(String, String), Theme>,
}

impl Bundled {
    pub fn load() -> Bundled {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let project = Project::load(root);
        assert!(project.errors().is_empty(), "{:?}", project.errors());
        let opts = Options {
            root: root.to_path_buf(),
            ..Options::default()
        };
        let targets = pipeline::plan(&project, &opts).expect("plans");
        let themes = pipeline::themes(&project, &targets);
        Bundled {
            project,
            targets,
            themes,
        }
    }

    /// The target of `template` for `job` and `brand` (the screen file).
    pub fn target(&self, job: &str, brand: &str, template: &str) -> &Target {
        self.targets
            .iter()
            .find(|t| t.job == job && t.brand == brand && t.template == template && !t.print)
            .expect("bundled target")
    }

    pub fn theme(&self, t: &Target) -> &Theme {
        &self.themes[&(t.brand.clone(), t.template.clone())]
    }
}

//! Skeletons for `careerpress new job <id>` and `careerpress new brand <id>`:
//! every field, each with a comment saying what goes in it.
//!
//! Values to fill in are left empty (`""`, or nothing after a number's
//! colon), so `careerpress check` refuses a skeleton until a person has
//! written them, naming the line of the first one left; optional fields say
//! so and may be deleted. A test keeps the skeletons in step with the
//! schemas: a field added to the model and not here fails it.

use super::schema;
use crate::content::types::check_id;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a new file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Job,
    Brand,
}

/// Where the file for a new job or brand goes, under the project root.
pub fn path(root: &Path, kind: Kind, id: &str) -> PathBuf {
    match kind {
        Kind::Job => root.join("content").join("jobs").join(format!("{id}.yaml")),
        Kind::Brand => root
            .join("content")
            .join("brands")
            .join(id)
            .join("brand.yaml"),
    }
}

/// Why a skeleton was not written.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    #[error("{0}")]
    BadId(String),
    #[error("{} already exists; careerpress new never overwrites a file (edit it, or choose another id)", .0.display())]
    Exists(PathBuf),
    #[error("{}: cannot write the file: {error}", .file.display())]
    Io {
        file: PathBuf,
        error: std::io::Error,
    },
}

/// Writes the skeleton of a new job or brand, refusing to overwrite anything
/// (the file is created exclusively, so a file made meanwhile is safe too).
pub fn create(root: &Path, kind: Kind, id: &str) -> Result<PathBuf, NewError> {
    check_id(id).map_err(NewError::BadId)?;
    let file = path(root, kind, id);
    if file.exists() {
        return Err(NewError::Exists(file));
    }
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| NewError::Io {
            file: file.clone(),
            error: e,
        })?;
    }
    let text = match kind {
        Kind::Job => job(id),
        Kind::Brand => brand(id),
    };
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&file)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => NewError::Exists(file.clone()),
            _ => NewError::Io {
                file: file.clone(),
                error: e,
            },
        })?;
    f.write_all(text.as_bytes()).map_err(|e| NewError::Io {
        file: file.clone(),
        error: e,
    })?;
    Ok(file)
}

/// The skeleton of a job profile.
pub fn job(id: &str) -> String {
    format!(
        "{modeline}\n# Job profile '{id}'. Fill in every \"\" and empty number, delete the\n\
         # optional fields you do not need, then run `careerpress check`.\n{JOB}",
        modeline = schema::job_modeline()
    )
}

/// The skeleton of a brand.
pub fn brand(id: &str) -> String {
    format!(
        "{modeline}\n# Brand '{id}'. Put the logo (PNG or JPEG) in this folder, fill in every\n\
         # \"\" and empty number, delete the optional fields you do not need, then\n\
         # run `careerpress check`.\n{BRAND}",
        modeline = schema::brand_modeline()
    )
}

const JOB: &str = r##"
# The job title as people say it, in sentence case, e.g. Occupational therapist.
title: ""
# "a" or "an", as said before the title.
title_article: a
# Other names the job is known by (optional).
alternative_titles:
  - ""
# One or two sentences on what the job is.
summary: ""
# Where to read more about the job, starting https://.
web_address: ""

# What you'll do.
duties:
  # A sentence before the list, e.g. "Your work could include:" (optional).
  intro: ""
  # The tasks, one sentence each (at least one).
  tasks:
    - ""
  # More on the duties, e.g. what a senior post adds (optional).
  notes:
    - ""

working_hours:
  # Typical hours a week (optional): min and max, the same for a fixed number.
  hours_per_week:
    min:
    max:
  # The usual pattern, e.g. 9am to 5pm, Monday to Friday.
  pattern: ""
  # When the pattern varies (optional).
  variations:
    - ""

working_environment:
  # Where you could work, each completing "You could work …", e.g. in a hospital.
  locations:
    - ""
  # Travel, e.g. between sites (optional).
  travel: ""
  # What the work is like (optional).
  conditions:
    - ""

# Whole pounds a year, without £ or commas, e.g. 18200.
salary:
  starter:
  experienced:
  # Other figures (optional): who, and either up_to or around (delete the other).
  notes:
    - who: ""
      up_to:
      around:
  # The id of the source (under sources) the figures come from (optional).
  source: ""

# How to become: give at least one route and delete the others. Every route
# takes the fields shown for university.
entry_routes:
  university:
    # The route in one line, completing "You can get into this job through …".
    in_brief: a university course
    # The route in full, one paragraph an item.
    description:
      - ""
    # Said before the requirements, e.g. "You'll usually need:" (optional).
    requirements_intro: ""
    # Entry requirements, each completing the intro (optional).
    entry_requirements:
      - ""
    # Anything else useful, e.g. experience that helps (optional).
    notes:
      - ""
  college:
    in_brief: a college course
    description:
      - ""
  apprenticeship:
    in_brief: an apprenticeship
    description:
      - ""
  work:
    in_brief: working towards this role
    description:
      - ""
  volunteering:
    in_brief: volunteering
    description:
      - ""
  direct_application:
    in_brief: applying directly
    description:
      - ""
  other:
    in_brief: ""
    description:
      - ""

# Skills and personal qualities, each completing "You'll need …" (at least one).
skills:
  - ""
# Checks and conditions, such as a DBS check (optional).
restrictions_and_requirements:
  - ""

# Training once in the job (optional).
training:
  # Training on the job, as a paragraph.
  on_the_job: ""
  # Subjects of short courses.
  short_courses:
    - ""
  # More on training.
  notes:
    - ""

# Tips for getting in (optional).
career_tips:
  - ""
# Career path and progression, one paragraph an item (at least one).
career_path:
  - ""

# Where the jobs are (optional).
where_the_jobs_are:
  # Kinds of employer, e.g. hospitals.
  employers:
    - ""
  # Where vacancies are advertised (optional).
  advertised:
    - ""

# Further information (optional).
further_information:
  text:
    - ""
  # Organisations to contact: name, and any of the other fields.
  contacts:
    - name: ""
      # Postal address, one line an item.
      address:
        - ""
      phone: ""
      email: ""
      web_address: ""
      # The id of the source (under sources) that gave these details.
      source: ""

# Titles of related jobs (optional).
related_jobs:
  - ""

# Where the facts came from (at least one); fields cite them by id.
sources:
  - id: ""
    title: ""
    # When it was published, or what dates it, e.g. before 2013.
    date: ""
    # What it gave, and how far to trust it (optional).
    notes:
      - ""

# When a person last checked the whole profile: YYYY-MM-DD.
last_reviewed: ""

# Text an import could not place, for a person to move into the fields above
# and delete (never printed).
unsorted: []
"##;

const BRAND: &str = r##"
# Full name, e.g. Riverside Hospitals NHS Foundation Trust.
name: ""
# Short name for tight spaces, e.g. Riverside Hospitals.
short_name: ""

# Colours as "#RRGGBB", quoted (# starts a YAML comment).
colours:
  # Main colour: bands and headings. Dark enough for white text on it.
  primary: ""
  # Accent colour: rules and highlights.
  secondary: ""
  # Light tint for shaded boxes.
  shade: ""
  # Body text (optional; black otherwise).
  text: ""

# CMYK equivalents for print, [C, M, Y, K] each 0 to 100 (optional).
# Leave a colour empty when there is none.
cmyk:
  primary:
  secondary:
  shade:
  text:

logo:
  # PNG or JPEG file in this folder.
  file: logo.png
  # Alternative text, e.g. Riverside Hospitals NHS Foundation Trust logo.
  alt: ""

# The trust's own fonts, TrueType or OpenType files in this folder (optional;
# Liberation Sans, metric-compatible with Arial, otherwise).
fonts:
  family: ""
  regular: ""
  bold: ""
  italic: ""
  bold_italic: ""

# The service people should contact.
contact:
  # E.g. Patient Advice and Liaison Service (PALS).
  service: ""
  phone: ""
  email: ""
  # Postal address, one line an item.
  address:
    - ""
  web_address: ""
  # Opening times, e.g. Monday to Friday, 9am to 5pm (optional).
  hours: ""

# A line for page footers.
footer: ""

# Languages documents are made in, the first first: [en-GB] in England,
# [cy, en-GB] for an NHS Wales board (Welsh first; the Welsh text goes in
# brand.cy.yaml beside this file, and each job's in <id>.cy.yaml).
languages: [en-GB]

# With more than one language (optional): sections (each section in every
# language, the default), columns (side by side) or separate (a document
# per language: leaflet.cy.pdf and leaflet.en.pdf).
bilingual: sections

# Professional printing (optional).
print:
  # A4 or A5.
  paper: A4
  # Bleed in millimetres (0 to 10; usually 3).
  bleed_mm: 3
  # Draw crop marks: true or false.
  crop_marks: false
"##;

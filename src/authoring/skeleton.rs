//! Skeletons for `careerpress new job <id>` and `careerpress new brand <id>`:
//! every field, each with a comment saying what goes in it.
//!
//! Required values are left empty (`""`, or nothing after a number's
//! colon): `careerpress check` and the editor list each as "to fill in"
//! with its line, never as a wall of errors, and the file is refused until
//! they are written. Optional parts are valid as they stand (an empty list
//! `[]`, an optional section left empty) with their fields shown in
//! comment lines to take the `# ` from, so a fresh skeleton shows only what
//! must be filled in. A test keeps the skeletons in step with the schemas:
//! a field added to the model and not here fails it.

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
        "{modeline}\n# Job profile '{id}'.\n{HOW}{JOB}",
        modeline = schema::job_modeline()
    )
}

/// The skeleton of a brand.
pub fn brand(id: &str) -> String {
    format!(
        "{modeline}\n# Brand '{id}'. Put the trust's logo (PNG or JPEG) in this folder.\n{HOW}{BRAND}",
        modeline = schema::brand_modeline()
    )
}

/// How to fill a skeleton in, at the top of each.
const HOW: &str = r##"#
# Fill in each value that is still empty ("" or nothing after the colon) and
# run `careerpress check`: it lists what is still to fill in, line by line.
# Optional parts are left empty and may stay so; to use one, write it below
# its field (where lines starting "#   " show how, take away the "# ").
#
# Text is written as it is to be printed. Put it in "quotes" when it holds
# ": " or starts with #. A list has one item a line, each starting "- ",
# indented two spaces more than its field. Indent with spaces, never tabs.
"##;

const JOB: &str = r##"
# The job title as people say it, in sentence case, e.g. Occupational therapist.
title: ""
# "a" or "an", as said before the title.
title_article: a
# Other names the job is known by (optional).
alternative_titles:
# One or two sentences on what the job is.
summary: ""
# Where to read more about the job, starting https://.
web_address: ""

# What you'll do.
duties:
  # A sentence before the list, e.g. "Your work could include:" (optional).
  intro:
  # The tasks, one sentence each (at least one).
  tasks:
    - ""
  # More on the duties, e.g. what a senior post adds (optional).
  notes:

working_hours:
  # Typical hours a week (optional): the fewest and the most, the same for a
  # fixed number.
  hours_per_week:
  #   min: 37.5
  #   max: 37.5
  # The usual pattern, e.g. 9am to 5pm, Monday to Friday.
  pattern: ""
  # When the pattern varies (optional).
  variations:

working_environment:
  # Where you could work, each completing "You could work …", e.g. in a hospital.
  locations:
    - ""
  # Travel, e.g. between sites (optional).
  travel:
  # What the work is like (optional).
  conditions:

# Whole pounds a year, without £ or commas, e.g. 18200.
salary:
  # The NHS Agenda for Change pay band (optional), e.g. Band 5 (Band 1 to
  # Band 9, with Band 8a to 8d); printed before the figures.
  band:
  starter:
  experienced:
  # Other figures (optional): who, and either up_to or around.
  notes:
  #   - who: Specialists, for example in bereavement,
  #     up_to: 27500
  #   - who: Managers
  #     around: 34200
  # The id of the source (under sources) the figures come from (optional).
  source:

# How to become: the ways into the job (at least one). Each route has
# in_brief, completing "You can get into this job through …", and a
# description, one paragraph an item. Fill in the routes the job has and
# leave the others empty (delete university if the job has no such route).
entry_routes:
  university:
    in_brief: a university course
    description:
      - ""
    # Said before the requirements, e.g. "You'll usually need:" (optional).
    requirements_intro:
    # Entry requirements, each completing the intro (optional).
    entry_requirements:
    # Anything else useful, e.g. experience that helps (optional).
    notes:
  college:
  #   in_brief: a college course
  #   description:
  #     - You could do a Level 3 Diploma in Health and Social Care.
  apprenticeship:
  work:
  volunteering:
  direct_application:
  other:

# Skills and personal qualities, each completing "You'll need …" (at least one).
skills:
  - ""
# Checks and conditions, such as a DBS check (optional).
restrictions_and_requirements:

# Training once in the job (optional).
training:
#   on_the_job: Your training would usually involve learning on the job.
#   short_courses:
#     - equality and diversity
#   notes:
#     - You may have the chance to take short courses run by your employer.

# Tips for getting in (optional).
career_tips:
# Career path and progression, one paragraph an item (at least one).
career_path:
  - ""

# Where the jobs are (optional): kinds of employer, and where vacancies are
# advertised.
where_the_jobs_are:
#   employers:
#     - hospitals
#   advertised:
#     - the NHS Jobs website

# Further information (optional): paragraphs, and organisations to contact
# (a name, and any of address, phone, email, web_address, source).
further_information:
#   text:
#     - You can find out more about working in healthcare from Health Careers.
#   contacts:
#     - name: Health Careers
#       address:
#         - PO Box 376, Bristol, BS99 3EY
#       phone: 0345 60 60 655
#       email: advice@example.org.uk
#       web_address: https://www.healthcareers.nhs.uk
#       source: main

# Titles of related jobs (optional).
related_jobs:

# Where the facts came from (at least one); fields cite a source by its id,
# a short name of your choosing such as main.
sources:
  - id: ""
    title: ""
    # When it was published, or what dates it, e.g. 2024, or before 2013.
    date: ""
    # What it gave, and how far to trust it (optional).
    notes:
    #   - Its salary figures are from that year.

# When a person last checked the whole profile: YYYY-MM-DD.
last_reviewed: ""

# Text an import could not place, for a person to move into the fields above
# and delete (never printed).
unsorted:
"##;

const BRAND: &str = r##"
# Full name, e.g. Riverside Hospitals NHS Foundation Trust.
name: ""
# Short name for tight spaces, e.g. Riverside Hospitals.
short_name: ""

# Colours as "#RRGGBB", in quotes (without them, # starts a comment).
colours:
  # Main colour: bands and headings. Dark enough for white text on it.
  primary: ""
  # Accent colour: rules and highlights.
  secondary: ""
  # Light tint for shaded boxes.
  shade: ""
  # Body text (optional; a near-black otherwise).
  text:

# CMYK equivalents for print, [C, M, Y, K] each 0 to 100 (optional).
cmyk:
#   primary: [100, 55, 0, 20]
#   secondary: [80, 0, 10, 0]
#   shade: [8, 2, 0, 0]
#   text: [0, 0, 0, 95]

logo:
  # PNG or JPEG file in this folder.
  file: logo.png
  # Alternative text, e.g. Riverside Hospitals NHS Foundation Trust logo.
  alt: ""

# The trust's own fonts, TrueType or OpenType files in this folder (optional;
# Liberation Sans, metric-compatible with Arial, otherwise).
fonts:
#   family: Frutiger
#   regular: fonts/Frutiger-Regular.ttf
#   bold: fonts/Frutiger-Bold.ttf
#   italic: fonts/Frutiger-Italic.ttf
#   bold_italic: fonts/Frutiger-BoldItalic.ttf

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
  hours:

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
  # A4 or A5: the paper of this trust's leaflets and handouts.
  paper: A4
  # Bleed in millimetres (0 to 10; usually 3).
  bleed_mm: 3
  # Draw crop marks: true or false.
  crop_marks: false

# The large-print leaflet (leaflet-large-print.pdf): false to leave it out.
large_print: true
# Apostrophes and quotes in plain-text summaries and mail (optional):
# as_typed (the default) or typographic (’ ‘ “ ”, as leaflets, handouts
# and web pages always have).
plain_text_punctuation: as_typed
"##;

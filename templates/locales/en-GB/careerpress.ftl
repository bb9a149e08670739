# careerpress messages in British English.
#
# Every fixed word the templates, helpers and writers print. Templates ask
# for a message by its key: {{t "key-facts"}}. The Welsh catalogue
# (../cy/careerpress.ftl) has the same keys; `careerpress check` names any
# key missing in either. Syntax: https://projectfluent.org/fluent/guide/

## Words the helpers and writers use

# {{join list}} and {{join list "or"}}; $next is "vowel" when the last item
# starts with a vowel (Welsh needs it).
list-and = and
list-or = or
# {{salary_range from to}} (and band="Band 5", printed "Band 5: " before it)
range = { $from } to { $to }
# {{date d}} and {{date d "month"}}
date-full = { $day } { $month } { $year }
date-month = { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# {{plural n "singular" "plural"}}: which of the two words a number takes.
plural-form = { $n ->
    [one] one
   *[other] other
}
# {{a_an word}} in languages other than English (English chooses a or an).
with-article = a { $word }
# What a leaflet or handout is, in its file properties (PDF and Word):
# its subject line and one of its search keywords.
document-subject = Careers information: { $article } { $title }
nhs-careers = NHS careers
# Page footers of PDF leaflets and Word handouts.
page-of = Page { $page } of { $pages }
# On every page of a draft.
draft-notice = DRAFT – not for publication
draft-word = DRAFT
# What Word handouts tell screen readers about their tables: the caption
# of a table or box with no title of its own, and what each kind holds.
table-caption = Table
note-caption = Note
table-columns = Columns: { $columns }
layout-table = Layout only: read each column in turn, left to right.
callout-description = A box set apart from the text.
# Web pages: the first link, past the header; a long page's list of sections.
skip-to-content = Skip to main content
on-this-page = On this page

## Ways into a job, as headings

route-university = University
route-college = College
route-apprenticeship = Apprenticeship
route-work = Work
route-volunteering = Volunteering
route-direct_application = Direct application
route-other = Other routes

## Headings and words of the templates

careers-in-the-nhs = Careers in the NHS
careers-information-from = Careers information from { $brand }
summary-of-the-job = Summary of the job
also-known-as = Also known as { $titles }.
key-facts = Key facts
salary = Salary
salary-a-year = { $range } a year
hours = Hours
hours-fixed = { $hours } hours a week
hours-range = { $min } to { $max } hours a week
where = Where
working-pattern = Working pattern
where-you-could-work = Where you could work
ways-in = Ways in
# $Who starts with a capital letter, $who as written.
salary-up-to = { $Who } may earn up to { $amount }.
salary-around = { $Who } can earn around { $amount }.
what-youll-do = What you'll do
working-environment = Working environment
you-could-work = You could work { $places }.
working-hours = Working hours
you-would-normally-work = You would normally work { $pattern }.
how-to-become = How to become { $title }
how-to-get-in = How to get into this job
get-in-through = You can get into this job through { $routes }.
get-in-through-list = You can get into this job through:
entry-requirements = Entry requirements:
career-tips = Career tips
what-it-takes = What it takes
skills-and-qualities = Skills and personal qualities
youll-need = You'll need:
skills-youll-need = Skills you'll need
restrictions = Restrictions and requirements
training = Training
short-courses = You may also have the opportunity to take short courses, run by your employer or external organisations, in:
career-progression = Career progression
career-path = Career path
career-path-and-progression = Career path and progression
where-the-jobs-are = Where the jobs are
most-jobs-in = You will find most jobs in { $employers }.
advertised-on = Jobs are advertised on { $places }.
further-information = Further information
read-more-at = Read more about this job at
related-jobs = Related jobs
contact-us = Contact us
find-out-more = Find out more
scan-qr = Scan to read the full job profile
last-reviewed = Last reviewed { $date }.
sources = Sources:
phone = Phone
email = Email
web = Web
open = Open

## The applicant's email

email-subject = Your application: { $title }, { $brand }
dear = Dear { $name },
thank-you-for-applying = Thank you for applying for the post of { $title } with { $brand }. Here is a summary of the job, to keep while your application goes through.
any-questions = If you have any questions about your application, reply to this email or contact us:
yours-sincerely = Yours sincerely,

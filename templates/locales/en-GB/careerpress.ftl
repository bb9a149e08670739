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
# {{salary_range from to}}
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
# Page footers of PDF leaflets and Word handouts.
page-of = Page { $page } of { $pages }
# On every page of a draft.
draft-notice = DRAFT – not for publication
draft-word = DRAFT

## Ways into a job, as headings

route-university = University
route-college = College
route-apprenticeship = Apprenticeship
route-work = Work
route-volunteering = Volunteering
route-direct_application = Direct application
route-other = Other routes

# Negeseuon careerpress yn Gymraeg (careerpress messages in Welsh).
#
# REVIEW: translated for careerpress; a Welsh speaker should review these
# before the documents are published. The keys are the same as in
# ../en-GB/careerpress.ftl.

## Geiriau'r cynorthwywyr a'r ysgrifenwyr (words the helpers and writers use)

# "a" (and) becomes "ac" before a vowel.
list-and = { $next ->
    [vowel] ac
   *[other] a
}
list-or = neu
range = { $from } i { $to }
date-full = { $day } { $month } { $year }
date-month = { $month } { $year }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
# After a number Welsh keeps the singular ("2 swydd").
plural-form = one
# Welsh has no indefinite article: the word alone.
with-article = { $word }
page-of = Tudalen { $page } o { $pages }
draft-notice = DRAFFT – nid i'w gyhoeddi
draft-word = DRAFFT

## Ffyrdd i mewn i swydd (ways into a job)

route-university = Prifysgol
route-college = Coleg
route-apprenticeship = Prentisiaeth
route-work = Gwaith
route-volunteering = Gwirfoddoli
route-direct_application = Gwneud cais yn uniongyrchol
route-other = Ffyrdd eraill

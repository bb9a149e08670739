# Negeseuon careerpress yn Gymraeg (careerpress messages in Welsh).
#
# REVIEW: translated for careerpress; a Welsh speaker should review these
# before the documents are published. The keys are the same as in
# ../en-GB/careerpress.ftl.

## Geiriau'r cynorthwywyr a'r ysgrifenwyr (words the helpers and writers use)

# "a" (and) becomes "ac" before a vowel; after "a" the next word takes the
# aspirate mutation (a chymorth), after "neu" (or) the soft (neu gyfnodolion).
list-and = { $next ->
    [vowel] ac
   *[other] a
}
    .mutation = aspirate
list-or = neu
    .mutation = soft
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
# Beth yw taflen, yn ei phriodweddau ffeil (PDF a Word): ei phwnc ac un
# o'i geiriau allweddol.
document-subject = Gwybodaeth am yrfaoedd: { $title }
nhs-careers = Gyrfaoedd GIG
page-of = Tudalen { $page } o { $pages }
draft-notice = DRAFFT – nid i'w gyhoeddi
draft-word = DRAFFT
# Yr hyn y mae taflenni Word yn ei ddweud wrth ddarllenwyr sgrin am eu
# tablau.
table-caption = Tabl
note-caption = Nodyn
table-columns = Colofnau: { $columns }
layout-table = Cynllun yn unig: darllenwch bob colofn yn ei thro, o’r chwith i’r dde.
callout-description = Blwch ar wahân i’r testun.
# Tudalennau gwe.
skip-to-content = Neidio i’r prif gynnwys
on-this-page = Ar y dudalen hon

## Ffyrdd i mewn i swydd (ways into a job)

route-university = Prifysgol
route-college = Coleg
route-apprenticeship = Prentisiaeth
route-work = Gwaith
route-volunteering = Gwirfoddoli
route-direct_application = Gwneud cais yn uniongyrchol
route-other = Ffyrdd eraill

## Penawdau a geiriau'r templedi (headings and words of the templates)
# The Welsh avoids putting a content value straight after a word that
# mutates it (drwy, yn, am): lists follow a colon instead.

careers-in-the-nhs = Gyrfaoedd yn y GIG
# A name after "gan" would take a soft mutation (gan Fwrdd Iechyd): the
# brand is named after a dash instead, as it is written.
careers-information-from = Gwybodaeth am yrfaoedd – { $brand }
summary-of-the-job = Crynodeb o'r swydd
also-known-as = Enwau eraill ar y swydd: { $titles }.
key-facts = Ffeithiau allweddol
salary = Cyflog
salary-a-year = { $range } y flwyddyn
hours = Oriau
hours-fixed = { $hours } awr yr wythnos
hours-range = { $min } i { $max } awr yr wythnos
where = Ble
working-pattern = Patrwm gwaith
where-you-could-work = Ble gallech chi weithio
ways-in = Ffyrdd i mewn
salary-up-to = Gall { $who } ennill hyd at { $amount }.
salary-around = Gall { $who } ennill tua { $amount }.
what-youll-do = Beth fyddwch chi'n ei wneud
working-environment = Amgylchedd gwaith
you-could-work = Gallech chi weithio { $places }.
working-hours = Oriau gwaith
you-would-normally-work = Fel arfer byddech chi'n gweithio { $pattern }.
how-to-become = Sut i gael y swydd hon
how-to-get-in = Sut i gael y swydd hon
get-in-through = Mae'r ffyrdd i mewn i'r swydd hon yn cynnwys: { $routes }.
get-in-through-list = Gallwch chi gael y swydd hon drwy'r ffyrdd hyn:
entry-requirements = Gofynion mynediad:
career-tips = Awgrymiadau gyrfa
what-it-takes = Beth sydd ei angen
skills-and-qualities = Sgiliau a rhinweddau personol
youll-need = Bydd angen:
skills-youll-need = Sgiliau sydd eu hangen
restrictions = Cyfyngiadau a gofynion
training = Hyfforddiant
short-courses = Efallai y cewch chi gyfle hefyd i ddilyn cyrsiau byr, gan eich cyflogwr neu gan sefydliadau allanol, yn y pynciau hyn:
career-progression = Datblygu gyrfa
career-path = Llwybr gyrfa
career-path-and-progression = Llwybr gyrfa a datblygu
where-the-jobs-are = Ble mae'r swyddi
most-jobs-in = Mae'r rhan fwyaf o'r swyddi gyda'r cyflogwyr hyn: { $employers }.
advertised-on = Mae swyddi'n cael eu hysbysebu yn y llefydd hyn: { $places }.
further-information = Rhagor o wybodaeth
read-more-at = Darllenwch ragor am y swydd hon yn
related-jobs = Swyddi cysylltiedig
contact-us = Cysylltu â ni
find-out-more = Dysgu rhagor
scan-qr = Sganiwch i ddarllen proffil llawn y swydd
last-reviewed = Adolygwyd ddiwethaf { $date }.
sources = Ffynonellau:
phone = Ffôn
email = E-bost
web = Gwe
open = Ar agor

## E-bost yr ymgeisydd (the applicant's email)

email-subject = Eich cais: { $title }, { $brand }
dear = Annwyl { $name },
thank-you-for-applying = Diolch am wneud cais am y swydd hon: { $title }, gyda { $brand }. Dyma grynodeb o'r swydd, i'w gadw tra bydd eich cais yn cael ei ystyried.
any-questions = Os oes gennych chi unrhyw gwestiynau am eich cais, atebwch yr e-bost hwn neu cysylltwch â ni:
yours-sincerely = Yn gywir,

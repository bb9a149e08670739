#!/usr/bin/env python3
"""Audit DOCX handouts the way a trust's accessibility officer would, with
python-docx (an independent reader): every handout opens and has its text,
styles, tables and core properties; every table has a caption and a
description; key facts have a real header row; box titles are real
headings; text is language-tagged; the theme part is there.

Usage: docx_audit.py FILE.docx...   (exit 1 and a line per problem if any)
"""

import sys

import docx
from docx.oxml.ns import qn

THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


def word_lang(tag):
    return {"": "en-GB", "en": "en-GB", "cy": "cy-GB"}.get(tag.strip().lower(), tag.strip())


def outline_level(style):
    """The outline level a paragraph style gives, following basedOn."""
    while style is not None:
        ppr = style.element.pPr
        if ppr is not None:
            lvl = ppr.find(qn("w:outlineLvl"))
            if lvl is not None:
                return int(lvl.get(qn("w:val")))
        style = style.base_style
    return None


def audit(path):
    problems = []

    def check(ok, what):
        if not ok:
            problems.append(f"{path}: {what}")

    d = docx.Document(path)
    text = "\n".join(p.text for p in d.paragraphs)
    check("What you’ll do" in text, "no 'What you’ll do' in the text")

    core = d.core_properties
    check(core.title.strip() != "", "no title in the core properties")
    check(core.author.strip() != "" and core.author != "unknown", f"author is {core.author!r}")
    check(core.language.strip() != "", "no language in the core properties")

    headings = [p for p in d.paragraphs if p.style.name.startswith("Heading")]
    check(len(headings) >= 5, f"only {len(headings)} headings")
    for p in headings:
        check(outline_level(p.style) is not None, f"heading style {p.style.name} has no outline level")
    check(any(p.style.name == "Title" for p in d.paragraphs), "no Title paragraph")
    for name in ("Normal", "Heading 1", "List Bullet", "Hyperlink", "Key Facts"):
        check(name in [s.name for s in d.styles], f"no {name} style")

    # Empty paragraphs: only rules (a border) and the end of a table cell.
    for p in d.paragraphs:
        if p.text == "" and not p._p.xpath(".//w:drawing") and p.style.name not in ("Rule",):
            problems.append(f"{path}: an empty {p.style.name} paragraph in the body")

    check(len(d.tables) >= 2, f"only {len(d.tables)} tables")
    for i, t in enumerate(d.tables):
        tblpr = t._tbl.tblPr
        caption = tblpr.find(qn("w:tblCaption"))
        description = tblpr.find(qn("w:tblDescription"))
        check(caption is not None and caption.get(qn("w:val")), f"table {i + 1} has no caption")
        check(description is not None and description.get(qn("w:val")), f"table {i + 1} has no description")
        style = t.style.name if t.style is not None else ""
        first = t.rows[0]._tr
        header = first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
        if style == "Key Facts":
            check(header, f"key facts table {i + 1} has no header row")
            check(t.rows[0].cells[0].text.strip() != "", "key facts header row is empty")
            check(len(t.columns) == 2, "key facts table is not two columns")
        if style == "Call-out Box":
            cell = t.rows[0].cells[0]
            title = cell.paragraphs[0]
            check(title.style.name.startswith("Heading") and outline_level(title.style) is not None,
                  f"box title {title.text!r} is {title.style.name}, not a heading")
        if style in ("Call-out Box", "Layout Columns"):
            check(not header, f"layout table {i + 1} has a header row")

    # Language: the default from the styles matches the document's, and any
    # run language is a regional tag Word can proof.
    defaults = d.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(".//" + qn("w:lang"))
    check(lang is not None and lang.get(qn("w:val")) == word_lang(core.language),
          f"default language {lang.get(qn('w:val')) if lang is not None else None} for {core.language}")
    for el in d.element.body.iter(qn("w:lang")):
        check("-" in el.get(qn("w:val")), f"run language {el.get(qn('w:val'))} has no region")

    # The theme: a part of the package, linked from the document.
    partnames = [str(p.partname) for p in d.part.package.iter_parts()]
    check("/word/theme/theme1.xml" in partnames, "no theme part")
    check(any(r.reltype == THEME for r in d.part.rels.values()), "the theme is not linked")

    # The header: the trust's name and a logo with alt text.
    header = d.sections[0].header
    check(header.paragraphs and header.paragraphs[0].text.strip() != "", "the header has no trust name")
    for pr in header._element.iter(qn("wp:docPr")):
        check((pr.get("descr") or "").strip() != "", "a header picture without alt text")
    ids = [pr.get("id") for pr in d.element.body.iter(qn("wp:docPr"))]
    ids += [pr.get("id") for pr in header._element.iter(qn("wp:docPr"))]
    check(len(ids) == len(set(ids)), f"drawing ids are not unique: {ids}")
    return problems


def main(paths):
    if not paths:
        print("docx_audit.py: no files", file=sys.stderr)
        return 2
    problems = []
    for path in paths:
        problems += audit(path)
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"python-docx: {len(paths)} handouts audited, no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

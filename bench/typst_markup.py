"""careerpress markup -> Typst source, so the Typst compiler can be timed on
the same leaflet careerpress makes (same words, headings, lists, key facts
box, side-by-side columns, banner with the logo, running footer, Liberation
Sans 11 pt on A4 in two columns).

Typst has no QR code of its own: a `::: qr` becomes a box of the same size
with the caption beside it (so Typst draws slightly less than careerpress).
"""
import re

SPECIAL = set('\\#*_$@<>[]`~/=+-"\'')


def unescape(s):
    """careerpress markup escapes punctuation with a backslash (`\\(`)."""
    return re.sub(r"\\(.)", r"\1", s)


def text(s):
    """Plain text (already unescaped) as Typst markup."""
    return "".join("\\" + c if c in SPECIAL else c for c in s)


def inline(s):
    """One line of careerpress inline markup as Typst markup."""
    out, i = [], 0
    pat = re.compile(r"\*\*(.+?)\*\*|\[(.+?)\]\((\S+?)\)")
    for m in pat.finditer(s):
        out.append(text(unescape(s[i:m.start()])))
        if m.group(1) is not None:
            out.append("*" + text(unescape(m.group(1))) + "*")
        else:
            out.append('#link("%s")[%s]' % (unescape(m.group(3)).replace('"', '\\"'), text(unescape(m.group(2)))))
        i = m.end()
    out.append(text(unescape(s[i:])))
    return "".join(out)


def blocks(lines, colours):
    """Markup lines -> Typst source lines."""
    out, para, closers = [], [], []

    def flush():
        if para:
            out.append(" ".join(para))
            out.append("")
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i].rstrip("\n")
        i += 1
        if line.startswith(":::"):
            flush()
            rest = line[3:].strip()
            if rest == "":
                out.append(closers.pop() if closers else "")
                continue
            name, _, arg = rest.partition(" ")
            if name == "banner":
                out.append(
                    '#place(top, scope: "parent", float: true, clearance: 14pt)[#block(fill: rgb("%s"), width: 100%%, inset: 16pt)[#set text(fill: white)\n#show heading: set text(fill: white)' % colours["primary"]
                )
                out.append('#place(top + right, image("logo.png", width: 1.6cm))')
                closers.append("]]")
            elif name == "facts":
                out.append('#block(fill: rgb("%s"), inset: 10pt, radius: 3pt, width: 100%%)[*%s*' % (colours["shade"], inline(arg)))
                out.append("#table(columns: 2, stroke: none,")
                while i < len(lines) and not lines[i].startswith(":::"):
                    m = re.match(r"- \*\*(.+?)\*\* (.*)", lines[i].strip())
                    i += 1
                    if m:
                        out.append("[*%s*], [%s]," % (inline(m.group(1)), inline(m.group(2))))
                i += 1
                out.append(")]")
            elif name == "box":
                out.append('#block(fill: rgb("%s"), inset: 10pt, radius: 3pt, width: 100%%)[*%s*' % (colours["shade"], inline(arg)))
                out.append("")
                closers.append("]")
            elif name == "columns":
                out.append("#grid(columns: (1fr, 1fr), gutter: 10pt,")
                closers.append(")")
            elif name == "column":
                out.append("[")
                closers.append("],")
            elif name == "qr":
                url, _, caption = arg.partition(" ")
                out.append("#box(width: 2.4cm, height: 2.4cm, stroke: 0.5pt)[] %s" % inline(caption))
                out.append("")
            elif name == "pagebreak":
                out.append("#pagebreak()")
            else:
                out.append("#block[")
                closers.append("]")
            continue
        if line.startswith("#"):
            flush()
            level = len(line) - len(line.lstrip("#"))
            out.append("=" * level + " " + inline(line[level:].strip()))
            out.append("")
        elif line.startswith("- "):
            flush()
            out.append("- " + inline(line[2:]))
        elif line.strip() == "":
            flush()
        elif line.endswith("\\"):
            para.append(inline(line[:-1]) + " \\")
        else:
            para.append(inline(line))
    flush()
    out.extend(reversed(closers))
    return out


def document(markup, colours, footer):
    """A whole Typst document for one leaflet's markup."""
    head = [
        '#set page(paper: "a4", margin: (x: 1.8cm, top: 1.5cm, bottom: 2cm), columns: 2,',
        '  footer: [#set text(size: 8pt); %s #h(1fr) Page #context counter(page).display("1 of 1", both: true)])' % inline(footer),
        '#set text(font: "Liberation Sans", size: 11pt, lang: "en", region: "gb")',
        "#set par(leading: 0.55em)",
        '#show heading: set text(fill: rgb("%s"))' % colours["primary"],
        "#show heading.where(level: 1): set text(size: 25pt)",
        "#show heading.where(level: 2): set text(size: 15pt)",
        "",
    ]
    return "\n".join(head + blocks(markup.splitlines(), colours)) + "\n"

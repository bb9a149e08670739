#!/usr/bin/env python3
"""careerpress against its peers and against an earlier careerpress, in one
interleaved run on this machine, so every ratio compares like with like.

    python3 bench/run.py                              # this checkout
    python3 bench/run.py --baseline /tmp/careerpress-baseline   # and an older binary
    python3 bench/run.py --rounds 7 --large           # more rounds; also 12,000 documents

What it measures, each round, for every careerpress binary in turn (the
order alternates between rounds) and for each peer it finds installed:

- **per document, warm, one core**: the cost one more document adds to a
  build (`RAYON_NUM_THREADS=1`, the slope between a build of a few jobs and
  one of many, so loading is not counted), for the leaflet (PDF), the
  handout (DOCX) and the summary (TXT) of a varied synthetic corpus;
- **Typst, warm**: the Python `typst` package's compiler, created once,
  compiling the same leaflets (careerpress's own markup turned into Typst,
  `bench/typst_markup.py`), one after another;
- **the interactive path, in CPU time**: `careerpress build --job
  pals-officer --brand eastbrook-hospitals --format pdf --force` (the screen
  and the print leaflet) and `careerpress check`, each a whole process on
  the bundled project, against `typst compile` of that leaflet when the
  Typst CLI is installed (else a fresh Python compiling it with the `typst`
  package, less the CPU that Python takes to start and import it: Typst's
  cold start without a process start, which favours Typst);
- **the matrix**: every document of the corpus (200 jobs x 5 trusts x 3
  templates = 3,000) on all cores, wall time and peak memory; a rebuild
  with nothing changed (and its share of the full build); with `--large`,
  12,000 documents too (and its peak memory over the 3,000's);
- **Pandoc** (when installed): the handout's markup to DOCX, one process a
  document, against careerpress's per-handout cost in a build.

Medians over the rounds; each figure's spread (min to max) is printed too,
then each target of issue 23 with its ratio and whether it is met.
The target folder is Cargo's own (`cargo metadata`), so CARGO_TARGET_DIR
and .cargo/config are honoured.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)


def target_dir():
    meta = subprocess.run(
        ["cargo", "metadata", "--no-deps", "--format-version", "1"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(meta)["target_directory"]


def timed(cmd, env=None, cpu=False):
    """Runs `cmd`; returns (seconds, the command's own peak RSS in MB), or
    with `cpu` (its CPU seconds, user and system, and the peak). A fresh
    Python process runs it, so the peak and the CPU are the command's
    alone."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(time.perf_counter() - t, r.ru_maxrss, r.ru_utime + r.ru_stime)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe] + cmd, check=True, capture_output=True, text=True, env=env
    ).stdout
    secs, kb, cpu_secs = out.split()
    return (float(cpu_secs) if cpu else float(secs)), int(kb) / 1024


# The measures the targets are set on (issue 23), by name.
WARM = "pdf per document, warm, one core"
ONE = "one leaflet (screen + print PDF), whole process, CPU"
CHECK = "check of the bundled project, whole process, CPU"
NOOP = "no-change rebuild / full build, 3,000"
PEAK_RATIO = "peak memory 12,000 / 3,000 documents"
TYPST_WARM = "typst (warm compiler)"
# (measure, peer or None, the largest ratio now/peer (or now) allowed).
TARGETS = [
    (ONE, "typst one compile", 0.5),
    (CHECK, "typst one compile", 0.25),
    (WARM, TYPST_WARM, 0.2),
    (PEAK_RATIO, None, 1.5),
    (NOOP, None, 0.05),
]


def one_core():
    env = dict(os.environ)
    env["RAYON_NUM_THREADS"] = "1"
    return env


class Figures:
    """Samples per (measure, who)."""

    def __init__(self):
        self.samples = {}

    def add(self, measure, who, value):
        self.samples.setdefault((measure, who), []).append(value)

    def median(self, measure, who):
        v = self.samples.get((measure, who))
        return statistics.median(v) if v else None

    def spread(self, measure, who):
        v = self.samples.get((measure, who))
        return (min(v), max(v)) if v else None


def strip_print(brand_dir):
    """A brand without print settings makes the screen leaflet only."""
    p = os.path.join(brand_dir, "brand.yaml")
    lines = open(p).read().splitlines()
    out, skipping = [], False
    for l in lines:
        if l.startswith("print:"):
            skipping = True
            continue
        if skipping and (l.startswith(" ") or l.strip() == ""):
            continue
        skipping = False
        out.append(l)
    open(p, "w").write("\n".join(out) + "\n")


def brand_colours(brand_dir):
    colours, footer = {}, ""
    for l in open(os.path.join(brand_dir, "brand.yaml")):
        s = l.strip()
        for k in ("primary", "shade"):
            if s.startswith(k + ":") and "#" in s and k not in colours:
                colours[k] = s.split('"')[1]
        if l.startswith("footer:"):
            footer = l.split(":", 1)[1].strip().strip('"')
    return colours, footer


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", help="an earlier careerpress binary to compare with")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=200)
    ap.add_argument("--brands", type=int, default=5)
    ap.add_argument("--large", action="store_true", help="also build 12,000 documents (4x the jobs)")
    ap.add_argument("--no-build", action="store_true", help="use the binaries already built")
    args = ap.parse_args()

    tdir = target_dir()
    if not args.no_build:
        subprocess.run(
            ["cargo", "build", "--release", "--quiet", "--bin", "careerpress", "--example", "make-corpus"],
            cwd=ROOT, check=True,
        )
    bins = {"now": os.path.join(tdir, "release", "careerpress")}
    if args.baseline:
        bins["baseline"] = os.path.abspath(args.baseline)
    whos = list(bins)

    work = tempfile.mkdtemp(prefix="careerpress-bench-")
    make_corpus = os.path.join(tdir, "release", "examples", "make-corpus")
    corpus = os.path.join(work, "corpus")
    subprocess.run([make_corpus, corpus, str(args.jobs), str(args.brands)], check=True)
    docs = args.jobs * args.brands * 3
    # A screen-only copy of the corpus for per-document figures.
    screen = os.path.join(work, "screen")
    shutil.copytree(corpus, screen)
    for b in os.listdir(os.path.join(screen, "content", "brands")):
        strip_print(os.path.join(screen, "content", "brands", b))
    brand = sorted(os.listdir(os.path.join(screen, "content", "brands")))[0]
    jobs = sorted(f[:-5] for f in os.listdir(os.path.join(screen, "content", "jobs")) if f.endswith(".yaml"))
    few, many = jobs[:5], jobs[:105]
    # One leaflet in a small project: the bundled content.
    small = os.path.join(work, "small")
    os.makedirs(small)
    for d in ("content", "templates"):
        shutil.copytree(os.path.join(ROOT, d), os.path.join(small, d))
    large = None
    if args.large:
        large = os.path.join(work, "large")
        subprocess.run([make_corpus, large, str(args.jobs * 4), str(args.brands)], check=True)

    print(f"{os.cpu_count()} cores; corpus {args.jobs} jobs x {args.brands} trusts x 3 templates = {docs:,} documents; {args.rounds} rounds")
    print("binaries: " + ", ".join(f"{w} = {b}" for w, b in bins.items()))

    # Peers.
    try:
        import typst  # noqa: F401
        have_typst = True
    except ImportError:
        have_typst = False
    typst_cli = shutil.which("typst")
    pandoc = shutil.which("pandoc")
    typ_files = []
    fonts = os.path.join(ROOT, "templates", "fonts")
    if have_typst:
        import typst_markup
        typ_dir = os.path.join(work, "typst")
        os.makedirs(typ_dir)
        bdir = os.path.join(screen, "content", "brands", brand)
        colours, footer = brand_colours(bdir)
        shutil.copy(os.path.join(bdir, "logo.png"), os.path.join(typ_dir, "logo.png"))
        for j in many[:20]:
            md = subprocess.run(
                [bins["now"], "--project", screen, "markup", "--job", j, "--brand", brand, "--template", "leaflet"],
                check=True, capture_output=True, text=True,
            ).stdout
            p = os.path.join(typ_dir, j + ".typ")
            with open(p, "w") as f:
                f.write(typst_markup.document(md, colours, footer))
            typ_files.append(p)
        small_md = subprocess.run(
            [bins["now"], "--project", small, "markup", "--job", "pals-officer", "--brand", "eastbrook-hospitals", "--template", "leaflet"],
            check=True, capture_output=True, text=True,
        ).stdout
        sdir = os.path.join(small, "content", "brands", "eastbrook-hospitals")
        colours, footer = brand_colours(sdir)
        shutil.copy(os.path.join(sdir, "logo.png"), os.path.join(typ_dir, "logo.png"))
        small_typ = os.path.join(typ_dir, "pals-officer.typ")
        with open(small_typ, "w") as f:
            f.write(typst_markup.document(small_md, colours, footer))
        warm = typst.Compiler(root=typ_dir, font_paths=[fonts], ignore_system_fonts=True)
        for p in typ_files:
            warm.compile(input=p, format="pdf")
    md_dir = os.path.join(work, "md")
    md_files = []
    if pandoc:
        os.makedirs(md_dir)
        for j in many[:10]:
            p = os.path.join(md_dir, j + ".md")
            with open(p, "w") as f:
                subprocess.run(
                    [bins["now"], "--project", screen, "markup", "--job", j, "--brand", brand, "--template", "handout"],
                    check=True, stdout=f,
                )
            md_files.append(p)

    fig = Figures()
    typst_one = "typst compile (CLI)" if typst_cli else "typst, fresh Python less its start (no CLI)"

    def build(binary, project, out, extra, env=None):
        return timed([binary, "--project", project, "build", "--quiet", "--out", out] + extra, env)

    def per_document(who, binary, template):
        """The slope between a build of a few documents and one of many: a
        PDF costs enough that 100 more of one trust show it; handouts and
        summaries are cheap, so the many are every job of every trust."""
        out = os.path.join(work, f"out-{template}")  # one folder for every binary: same file system state
        sel = lambda js: sum((["--job", j] for j in js), [])
        base = ["--force", "--template", template]
        t_few, _ = build(binary, screen, out, base + ["--brand", brand] + sel(few), one_core())
        if template == "leaflet":
            t_many, _ = build(binary, screen, out, base + ["--brand", brand] + sel(many), one_core())
            n = len(many)
        else:
            t_many, _ = build(binary, screen, out, base, one_core())
            n = len(jobs) * args.brands
        return (t_many - t_few) / (n - len(few))

    for r in range(args.rounds):
        order = whos if r % 2 == 0 else list(reversed(whos))
        for who in order:
            b = bins[who]
            for template, measure in (("leaflet", "pdf"), ("handout", "docx"), ("summary", "txt")):
                fig.add(f"{measure} per document, warm, one core", who, per_document(who, b, template))
            # The interactive path, in CPU time (the machine is shared, so
            # wall time measures the neighbours): one leaflet (screen and
            # print PDF) as `build --job X` makes it, and `check`.
            one, chk = [], []
            for _ in range(5):
                t, _ = timed([b, "--project", small, "build", "--quiet", "--out", os.path.join(work, f"one-{who}"),
                              "--force", "--job", "pals-officer", "--brand", "eastbrook-hospitals", "--format", "pdf"],
                             cpu=True)
                one.append(t)
                t, _ = timed([b, "--project", small, "check"], cpu=True)
                chk.append(t)
            fig.add(ONE, who, statistics.median(one))
            fig.add(CHECK, who, statistics.median(chk))
            for project, n, suffix in [(corpus, docs, "")] + ([(large, docs * 4, "-large")] if large else []):
                out = os.path.join(work, f"matrix-{who}{suffix}")
                shutil.rmtree(out, ignore_errors=True)
                t_full, peak = build(b, project, out, [])
                fig.add(f"matrix, {n:,} documents, all cores", who, t_full)
                fig.add(f"matrix peak memory (MB), {n:,}", who, peak)
                t, _ = build(b, project, out, [])
                fig.add(f"no-change rebuild, {n:,}", who, t)
                if not suffix:
                    fig.add(NOOP, who, t / t_full)
                    first_peak = peak
                else:
                    fig.add(PEAK_RATIO, who, peak / first_peak)
                shutil.rmtree(out, ignore_errors=True)
        if have_typst:
            times = []
            for p in typ_files:
                t = time.perf_counter()
                warm.compile(input=p, format="pdf")
                times.append(time.perf_counter() - t)
            fig.add(WARM, TYPST_WARM, statistics.median(times))
            cold = []
            for _ in range(5):
                if typst_cli:
                    t, _ = timed([typst_cli, "compile", "--root", typ_dir, "--font-path", fonts,
                                  "--ignore-system-fonts", small_typ, os.path.join(work, "typst-cli.pdf")], cpu=True)
                else:
                    # A fresh Python each time (Typst memoises within a
                    # process), less that Python's own start and import.
                    compile_one = (
                        "import typst, sys\n"
                        "typst.Compiler(root=sys.argv[1], font_paths=[sys.argv[2]], ignore_system_fonts=True)"
                        ".compile(input=sys.argv[3], format='pdf')\n"
                    )
                    t_all, _ = timed([sys.executable, "-c", compile_one, typ_dir, fonts, small_typ], cpu=True)
                    t_py, _ = timed([sys.executable, "-c", "import typst"], cpu=True)
                    t = t_all - t_py
                cold.append(t)
            fig.add(ONE, typst_one, statistics.median(cold))
            fig.add(CHECK, typst_one, statistics.median(cold))
        if pandoc:
            t0 = time.perf_counter()
            for p in md_files:
                subprocess.run([pandoc, "-f", "markdown", "-o", p[:-3] + ".docx", p], check=True)
            fig.add("docx per document, warm, one core", "pandoc (one process each)", (time.perf_counter() - t0) / len(md_files))
        print(f"round {r + 1} of {args.rounds} done", flush=True)

    # The table.
    measures = []
    for (m, _) in fig.samples:
        if m not in measures:
            measures.append(m)
    def fmt(m, v):
        if v is None:
            return "-"
        if "MB" in m:
            return f"{v:.0f} MB"
        if m in (NOOP, PEAK_RATIO):
            return f"{v:.1%}" if m == NOOP else f"{v:.2f}x"
        return f"{v * 1000:.3f} ms" if v < 0.1 else f"{v:.3f} s"
    rows = []
    for m in measures:
        now = fig.median(m, "now")
        base = fig.median(m, "baseline")
        peers = [(w, fig.median(m, w)) for (mm, w) in fig.samples if mm == m and w not in bins]
        row = {"measure": m, "now": now, "baseline": base, "peers": peers,
               "spread_now": fig.spread(m, "now"), "spread_baseline": fig.spread(m, "baseline")}
        rows.append(row)
    print()
    print("| measure | baseline | now | now vs baseline | peer | peer | now vs peer |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        m, now, base = row["measure"], row["now"], row["baseline"]
        speed = f"{base / now:.2f}x faster" if base and now and "MB" not in m and m not in (NOOP, PEAK_RATIO) else (
            f"{now / base:.2f}x" if base and now else "-")
        for (w, pv) in row["peers"] or [("-", None)]:
            ratio = f"{pv / now:.2f}x faster" if pv and now else "-"
            print(f"| {m} | {fmt(m, base)} | {fmt(m, now)} | {speed} | {w} | {fmt(m, pv)} | {ratio} |")
    print()
    print("spread (min to max over rounds):")
    for row in rows:
        for who in whos:
            s = row[f"spread_{who}"]
            if s:
                print(f"  {row['measure']} [{who}]: {fmt(row['measure'], s[0])} to {fmt(row['measure'], s[1])}")
        for (w, _) in row["peers"]:
            s = fig.spread(row["measure"], w)
            print(f"  {row['measure']} [{w}]: {fmt(row['measure'], s[0])} to {fmt(row['measure'], s[1])}")
    print()
    print("targets (issue 23), medians of this run:")
    for m, peer, limit in TARGETS:
        for who in whos:
            now = fig.median(m, who)
            if now is None:
                print(f"  {m} [{who}]: not measured" + (" (needs --large)" if m == PEAK_RATIO else ""))
                continue
            if peer:
                p = fig.median(m, typst_one if peer == "typst one compile" else peer)
                if p is None:
                    print(f"  {m} [{who}]: no peer figure (is the typst package installed?)")
                    continue
                ratio, against = now / p, f"of {peer} ({fmt(m, p)})"
            else:
                ratio, against = now, ""
            verdict = "met" if ratio <= limit else "NOT met"
            print(f"  {m} [{who}]: {ratio:.2f} {against} (target <= {limit}): {verdict}")
    if not have_typst:
        print("Python typst package not installed (pip install typst): no Typst figures")
    if not typst_cli:
        print("no typst CLI on PATH: the whole-process peer is a fresh Python compiling with the typst package, less the time that Python takes to start and import it")
    if not pandoc:
        print("pandoc not installed: no Pandoc figures")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()

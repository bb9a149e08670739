#!/usr/bin/env python3
"""Whole-build benchmark: wall time, peak memory, a no-op rebuild, and,
where pandoc is installed, Pandoc making the same DOCX documents one process
per document, as a user scripting it would. All figures come from this one
run on this machine, so ratios compare like with like.

    python3 bench/run.py [JOBS] [BRANDS]      (default 200 x 5: 3,000 documents)
"""
import os, resource, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JOBS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
BRANDS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
BIN = os.path.join(ROOT, "target", "release", "careerpress")


def run(cmd):
    """Runs a command; returns (seconds, its own peak RSS in MB). A fresh
    Python process runs it, so the peak is the command's alone (RUSAGE_CHILDREN
    here would also count cargo and the corpus generator)."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe] + cmd, check=True, capture_output=True, text=True).stdout
    secs, kb = out.split()
    return float(secs), int(kb) / 1024


def main():
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "careerpress", "--example", "make-corpus"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="careerpress-bench-")
    corpus = os.path.join(work, "corpus")
    subprocess.run([os.path.join(ROOT, "target", "release", "examples", "make-corpus"), corpus, str(JOBS), str(BRANDS)], check=True)
    docs = JOBS * BRANDS * 3
    print(f"corpus: {JOBS} jobs x {BRANDS} trusts x 3 templates = {docs} documents, {os.cpu_count()} cores")

    full, peak = run([BIN, "--project", corpus, "build", "--quiet"])
    print(f"full build:        {full:7.2f} s  ({docs / full:7.0f} documents/s), peak memory {peak:.0f} MB")
    noop, _ = run([BIN, "--project", corpus, "build", "--quiet"])
    print(f"no-op rebuild:     {noop:7.2f} s")
    per = {}
    for fmt in ["txt", "docx", "pdf"]:
        secs, _ = run([BIN, "--project", corpus, "build", "--quiet", "--force", "--format", fmt])
        per[fmt] = secs / (JOBS * BRANDS)
        print(f"{fmt:>4} only:         {secs:7.2f} s  ({JOBS * BRANDS / secs:7.0f} documents/s)")

    pandoc = shutil.which("pandoc")
    if pandoc:
        # The same content: the handout's markup (Pandoc reads ::: fenced divs too).
        n = min(50, JOBS)
        md_dir = os.path.join(work, "md")
        os.makedirs(md_dir)
        brand = sorted(os.listdir(os.path.join(corpus, "content", "brands")))[0]
        jobs = sorted(f[:-5] for f in os.listdir(os.path.join(corpus, "content", "jobs")))[:n]
        for j in jobs:
            with open(os.path.join(md_dir, j + ".md"), "w") as f:
                subprocess.run([BIN, "--project", corpus, "markup", "--job", j, "--brand", brand, "--template", "handout"], check=True, stdout=f)
        t = time.perf_counter()
        for j in jobs:
            subprocess.run([pandoc, "-f", "markdown", "-o", os.path.join(md_dir, j + ".docx"), os.path.join(md_dir, j + ".md")], check=True)
        pd = (time.perf_counter() - t) / n
        print(f"pandoc docx:       {pd * 1000:7.1f} ms a document (one process each, {n} documents)")
        print(f"careerpress docx:  {per['docx'] * 1000:7.1f} ms a document (whole build / documents)")
        print(f"ratio:             careerpress is {pd / per['docx']:.0f}x faster than Pandoc per DOCX")
    else:
        print("pandoc not installed: no comparison")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()

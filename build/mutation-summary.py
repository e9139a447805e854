#!/usr/bin/env python3
"""Combine Stryker.NET JSON reports into one score, per folder and per file, and list the undetected mutants.

usage: build/mutation-summary.py FULL.json [NARROWED.json ...] [--markdown OUT.md] [--survivors] [--equivalent TSV]

The first report is a full run; each later one is a narrowed run (Stryker's --mutate) made after tests were added
without changing the source. A file mutated by a later report takes that report's mutants in place of the earlier
ones, whole: a narrowed run re-tests every mutant of the files it names. Reports made in different checkouts name
files by different absolute paths, so a file is keyed by its path from 'src/' on.

Detected = Killed + Timeout; undetected = Survived + NoCoverage; compile errors, ignored mutants and runtime errors
are not counted (Stryker's own rule). Reads .json or .json.gz.

--equivalent names a tab-separated list of undetected mutants judged equivalent (file from src/, line, mutator name,
replacement, reason): the score is then given twice, counting every mutant and without those, and --survivors marks
them; a listed mutant the reports do not hold as undetected is named, so the list cannot go stale unseen.
"""
import gzip
import json
import sys
from collections import OrderedDict

DETECTED = {"Killed", "Timeout"}
UNDETECTED = {"Survived", "NoCoverage"}


def load(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig") as f:
        return json.load(f)


def key_of(path):
    p = path.replace("\\", "/")
    i = p.rfind("/src/")
    return p[i + 1:] if i >= 0 else p


def replacement(m):
    # One line, no tabs: a mutant's replacement may span lines.
    return " ".join(m.get("replacement", "").split())


def counted(mutants):
    return [m for m in mutants if m["status"] in DETECTED or m["status"] in UNDETECTED]


def main(argv):
    reports, markdown, survivors, equivalent_file = [], None, False, None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--markdown":
            markdown = argv[i + 1]
            i += 2
            continue
        if a == "--equivalent":
            equivalent_file = argv[i + 1]
            i += 2
            continue
        if a == "--survivors":
            survivors = True
        else:
            reports.append(a)
        i += 1
    if not reports:
        print(__doc__.strip(), file=sys.stderr)
        return 2

    files = OrderedDict()   # key -> (report index, file entry)
    for n, path in enumerate(reports):
        for name, entry in load(path)["files"].items():
            k = key_of(name)
            if counted(entry["mutants"]) or k not in files:
                files[k] = (n, entry)

    equivalent = {}
    if equivalent_file:
        with open(equivalent_file, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 5:
                    print(f"error: {equivalent_file}:{n}: expected 5 tab-separated fields, found {len(parts)}", file=sys.stderr)
                    return 2
                equivalent[(parts[0], int(parts[1]), parts[2], parts[3])] = parts[4]

    def is_equivalent(k, m):
        return (k, m["location"]["start"]["line"], m["mutatorName"], replacement(m)) in equivalent

    seen = set()
    rows, folders = [], OrderedDict()
    total_e = 0
    total_d = total_u = 0
    for k in sorted(files):
        n, entry = files[k]
        ms = counted(entry["mutants"])
        if not ms:
            continue
        d = sum(1 for m in ms if m["status"] in DETECTED)
        u = len(ms) - d
        for m in ms:
            if m["status"] in UNDETECTED and is_equivalent(k, m):
                total_e += 1
                seen.add((k, m["location"]["start"]["line"], m["mutatorName"], replacement(m)))
        total_d += d
        total_u += u
        parts = k.split("/", 2)   # src, project, path in the project
        rel = parts[2] if len(parts) == 3 and parts[0] == "src" else k
        folder = rel.split("/")[0] if "/" in rel else "(top)"
        fd, fu = folders.get(folder, (0, 0))
        folders[folder] = (fd + d, fu + u)
        rows.append((rel, d, u, n))

    def pct(d, u):
        return 100.0 * d / (d + u) if d + u else float("nan")

    lines = []
    lines.append(f"Combined score: **{pct(total_d, total_u):.2f}%** ({total_d:,} detected, {total_u:,} undetected "
                 f"of {total_d + total_u:,} counted mutants), from {len(reports)} report(s): "
                 + ", ".join(f"[{n}] `{p.split('/')[-1]}`" for n, p in enumerate(reports)) + ".")
    if equivalent_file:
        lines.append("")
        lines.append(f"Without the {total_e} undetected mutants judged equivalent (`{equivalent_file.split('/')[-1]}`): "
                     f"**{pct(total_d, total_u - total_e):.2f}%** ({total_d:,} detected, {total_u - total_e:,} undetected of "
                     f"{total_d + total_u - total_e:,}).")
    lines.append("")
    lines.append("| folder | score | detected | undetected |")
    lines.append("|---|--:|--:|--:|")
    for f, (d, u) in sorted(folders.items()):
        lines.append(f"| {f} | {pct(d, u):.2f}% | {d} | {u} |")
    lines.append("")
    lines.append("| file | score | detected | undetected | from report |")
    lines.append("|---|--:|--:|--:|--:|")
    for rel, d, u, n in rows:
        lines.append(f"| {rel} | {pct(d, u):.2f}% | {d} | {u} | [{n}] |")
    text = "\n".join(lines) + "\n"
    print(text)
    if markdown:
        with open(markdown, "w", encoding="utf-8") as f:
            f.write(text)

    if survivors:
        for k in sorted(files):
            n, entry = files[k]
            src = entry.get("source", "").split("\n")
            for m in sorted(counted(entry["mutants"]), key=lambda m: (m["location"]["start"]["line"], m["id"])):
                if m["status"] in UNDETECTED:
                    line = m["location"]["start"]["line"]
                    code = src[line - 1].strip() if 0 < line <= len(src) else ""
                    mark = " [equivalent]" if is_equivalent(k, m) else ""
                    print(f"{k}:{line}{mark} {m['status']} {m['mutatorName']}\t{replacement(m)}\t| {code}")
    stale = [key for key in equivalent if key not in seen]
    for key in stale:
        print(f"error: {equivalent_file}: {key[0]}:{key[1]} {key[2]} {key[3]!r} is listed as equivalent but is not an undetected mutant of these reports", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Reads BenchmarkDotNet's full JSON reports and fails if a hot-path benchmark allocates.

usage: check-bench-alloc.py RESULTS_DIR EXPECTED_CLASS...

Every *-report-full*.json in RESULTS_DIR is read (not the console text). For each benchmark it prints
Memory.BytesAllocatedPerOperation and Memory.Gen0Collections; it fails (exit 1) when any gated benchmark allocates
(bytes/op > 0, or a gen-0 collection happened during the measured run, which catches allocations too rare to round up
to 1 B/op), has no memory result (it failed to run), or when an expected benchmark class produced no result at all
(a class BenchmarkDotNet silently skipped). The baseline and rebuild rows allocate by nature and are listed, not gated.
"""
import glob
import json
import os
import sys

# Not gated: the hand-written LINQ baseline and the roster/engine rebuild. The gate script does not run them either;
# this keeps the gate right if someone widens its filter.
EXCLUDED_METHODS = {"LinqBaseline"}
EXCLUDED_CLASSES = {"RebuildBenchmarks"}


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    results_dir, expected = argv[1], set(argv[2:])
    paths = sorted(glob.glob(os.path.join(results_dir, "*-report-full*.json")))
    if not paths:
        print(f"bench-alloc: no *-report-full*.json in {results_dir}: did the benchmarks run?", file=sys.stderr)
        return 1

    rows, failures, seen = [], [], set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        for b in report.get("Benchmarks", []):
            cls, method = b.get("Type", "?"), b.get("Method", "?")
            seen.add(cls)
            params = b.get("Parameters") or ""
            name = f"{cls}.{method}" + (f"({params.replace('&', ', ')})" if params else "")
            memory = b.get("Memory") or {}
            stats = b.get("Statistics") or {}
            allocated = memory.get("BytesAllocatedPerOperation")
            gen0 = memory.get("Gen0Collections")
            mean = stats.get("Mean")
            gated = method not in EXCLUDED_METHODS and cls not in EXCLUDED_CLASSES
            if not gated:
                verdict = "not gated"
            elif allocated is None or mean is None:
                verdict = "FAIL (no result)"
            elif allocated > 0 or (gen0 or 0) > 0:
                verdict = "FAIL (allocates)"
            else:
                verdict = "ok"
            if verdict.startswith("FAIL"):
                failures.append(name)
            rows.append((name, "-" if allocated is None else str(allocated), "-" if gen0 is None else str(gen0),
                         "-" if mean is None else f"{mean:,.1f}", verdict))

    for cls in sorted(expected - seen):
        name = f"{cls} (no benchmark in the reports)"
        failures.append(name)
        rows.append((name, "-", "-", "-", "FAIL (missing)"))

    headers = ("benchmark", "bytes/op", "gen0", "mean ns (short job)", "verdict")
    widths = [max(len(r[i]) for r in rows + [headers]) for i in range(len(headers))]
    line = lambda r: "| " + " | ".join(c.ljust(w) if i in (0, 4) else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) + " |"
    print(line(headers))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))

    gated = sum(1 for r in rows if r[4] != "not gated")
    if failures:
        print(f"\nbench-alloc: FAILED: {len(failures)} of {gated} hot-path benchmarks allocate or have no result:")
        for name in failures:
            print(f"  {name}")
        return 1
    print(f"\nbench-alloc: ok: {gated} hot-path benchmarks, 0 B/op each.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

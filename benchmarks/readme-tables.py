#!/usr/bin/env python3
"""Prints the result tables of benchmarks/README.md from BenchmarkDotNet's full JSON reports, with the DESIGN §3 target
beside each figure.

usage: python3 benchmarks/readme-tables.py BenchmarkDotNet.Artifacts/results

Ratio is the row's mean over the mean of the LinqBaseline row with the same parameters (BenchmarkDotNet's Ratio
column, recomputed from the means; two significant digits), and "× faster" its inverse. "met" compares the Mean with the time target and Allocated with 0 B; the
30x-faster target means a Ratio of at most 0.033. "× the floor" is the row's mean over the Floor row's (FloorRouter,
the same decisions by code written only for this configuration) with the same parameters.
"""
import glob
import json
import os
import sys

# (class, method, parameter text or None for any) -> (time target in ns or None, text shown)
NS = 1.0
MS = 1_000_000.0
TARGETS = {
    ("RoundRobinBenchmarks", "Route", None): (15 * NS, "≤ 15 ns, 0 B"),
    ("WeightedBenchmarks", "Route", None): (15 * NS, "≤ 15 ns at any size, 0 B"),
    ("PipelineBenchmarks", "RouteAndRelease", "Reps=100"): (60 * NS, "≤ 60 ns, ≥ 30× baseline, 0 B"),
    ("PipelineBenchmarks", "Route", "Reps=100"): (60 * NS, "≤ 60 ns, ≥ 30× baseline, 0 B"),
    ("PipelineBenchmarks", "RouteAndRelease", "Reps=10000"): (120 * NS, "≤ 120 ns, ≥ 30× baseline, 0 B"),
    ("PipelineBenchmarks", "Route", "Reps=10000"): (120 * NS, "≤ 120 ns, ≥ 30× baseline, 0 B"),
    ("PipelineBenchmarks", "RouteAndRelease", None): (None, "≥ 30× baseline, 0 B"),
    ("PipelineBenchmarks", "Route", None): (None, "≥ 30× baseline, 0 B"),
    ("PipelineBenchmarks", "LinqBaseline", None): (None, "(the baseline)"),
    ("PipelineBenchmarks", "Floor", None): (None, "(the floor: same decisions, code for this configuration only)"),
    ("RebuildBenchmarks", "NewEngineAndRoute", None): (50 * MS, "≤ 50 ms"),
    ("RebuildBenchmarks", "ReplaceRosterAndRoute", None): (50 * MS, "≤ 50 ms"),
    ("RebuildBenchmarks", "NewRoster", None): (None, "— (host side of a reload)"),
}
ORDER = ["RoundRobinBenchmarks", "WeightedBenchmarks", "TerritoryBenchmarks", "ScoreBandBenchmarks", "CapacityBenchmarks",
         "PipelineBenchmarks", "ThroughputBenchmarks", "RebuildBenchmarks"]


def target_for(cls, method, params):
    return TARGETS.get((cls, method, params)) or TARGETS.get((cls, method, None)) or (None, "0 B")


def fmt_time(ns):
    if ns >= 1_000_000:
        return f"{ns / 1_000_000:,.2f} ms"
    if ns >= 1_000:
        return f"{ns / 1_000:,.2f} µs"
    return f"{ns:,.1f} ns"


def fmt_bytes(b):
    if b is None:
        return "?"
    if b == 0:
        return "0 B"
    if b >= 1024 * 1024:
        return f"{b / 1024 / 1024:,.2f} MB"
    if b >= 1024:
        return f"{b / 1024:,.1f} KB"
    return f"{b} B"


def main(argv):
    results = argv[1] if len(argv) > 1 else "BenchmarkDotNet.Artifacts/results"
    by_class = {}
    for path in sorted(glob.glob(os.path.join(results, "*-report-full*.json"))):
        with open(path, encoding="utf-8") as f:
            for b in json.load(f).get("Benchmarks", []):
                by_class.setdefault(b["Type"], []).append(b)

    for cls in sorted(by_class, key=lambda c: ORDER.index(c) if c in ORDER else len(ORDER)):
        rows = by_class[cls]
        baseline = {b.get("Parameters"): b["Statistics"]["Mean"] for b in rows
                    if b["Method"] == "LinqBaseline" and b.get("Statistics")}
        has_ratio = bool(baseline)
        floor = {b.get("Parameters"): b["Statistics"]["Mean"] for b in rows
                 if b["Method"] == "Floor" and b.get("Statistics")}
        has_floor = bool(floor)
        has_ops = cls == "ThroughputBenchmarks"
        head = ["Method", "Parameters", "Mean", "StdDev"] + (["Ratio", "× faster than baseline"] if has_ratio else []) + \
               (["× the floor"] if has_floor else []) + \
               (["Routes/s (total)"] if has_ops else []) + ["Allocated", "Target (DESIGN §3)", "Met"]
        print(f"### {cls}\n")
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join("---" for _ in head) + "|")
        for b in rows:
            params = b.get("Parameters") or ""
            stats = b.get("Statistics")
            allocated = (b.get("Memory") or {}).get("BytesAllocatedPerOperation")
            if not stats:
                print(f"| {b['Method']} | {params} | failed | | | |")
                continue
            mean, sd = stats["Mean"], stats["StandardDeviation"]
            limit, text = target_for(cls, b["Method"], params)
            met = []  # (what, met?)
            if limit is not None:
                met.append(("time", mean <= limit))
            ratio = None
            if has_ratio and params in baseline:
                ratio = mean / baseline[params]
                if "30×" in text:
                    met.append(("30×", ratio <= 1 / 30))
            if "0 B" in text:
                met.append(("0 B", allocated == 0))
            cells = [b["Method"], params.replace("&", ", "), fmt_time(mean), fmt_time(sd)]
            if has_ratio:
                cells.append("-" if ratio is None else "1.00" if b["Method"] == "LinqBaseline" else f"{ratio:.2g}")
                cells.append("-" if ratio is None or b["Method"] == "LinqBaseline" else f"{1 / ratio:,.0f}×")
            if has_floor:
                cells.append(f"{mean / floor[params]:.1f}×" if params in floor and b["Method"] not in ("Floor", "LinqBaseline") else "-")
            if has_ops:
                cells.append(f"{1e9 / mean:,.0f}")
            verdict = "—" if not met else ", ".join(f"{what} {'yes' if ok else '**no**'}" for what, ok in met)
            cells += [fmt_bytes(allocated), text, verdict]
            print("| " + " | ".join(cells) + " |")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

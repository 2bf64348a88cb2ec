"""Summarises make bench's raw runs: prints the table and writes results.json.

Usage: report.py RAW_TSV RESULTS_JSON key=value...   (the key=value pairs describe the run)
RAW_TSV has one line per run and figure: phase, server, round, metric, value. Every figure is
reported as median, min and max over the rounds; ratios compare medians.
"""

import json
import statistics
import sys
from collections import defaultdict

SERVERS = ["ours", "cpp", "grpc-js"]


def figures(meta):
    """(phase, metric, label, better): better is "higher", "lower" or "" (context, not a score)."""
    rows = [
        ("unary", "rps", "unary req/s, closed loop", "higher"),
        ("unary", "p50_ms", "  p50 ms", "lower"),
        ("unary", "p99_ms", "  p99 ms", "lower"),
        ("unary", "server_cpu_us_per_req", "  server CPU us/request", "lower"),
        ("unary", "server_cores", "  server cores busy", ""),
        ("unary", "client_cores", "  h2load cores busy", ""),
        ("unary", "other_cores", "  other processes' cores", ""),
        ("unary-rate", "rps", f"unary req/s offered {meta['rate']}/s", ""),
        ("unary-rate", "p50_ms", "  p50 ms", "lower"),
        ("unary-rate", "p99_ms", "  p99 ms", "lower"),
        ("unary-rate", "server_cpu_us_per_req", "  server CPU us/request", "lower"),
        ("unary-rate", "other_cores", "  other processes' cores", ""),
        ("rss-unary", "rss_mib", "peak RSS MiB after unary", "lower"),
    ]
    for size in meta["sizes"].split():
        rows += [
            (f"stream-{size}", "msgs_per_s", f"stream {size} B msgs/s", "higher"),
            (f"stream-{size}", "mb_per_s", "  payload MB/s", "higher"),
            (f"stream-{size}", "server_cpu_us_per_msg", "  server CPU us/message", "lower"),
            (f"stream-{size}", "server_cores", "  server cores busy", ""),
            (f"stream-{size}", "client_cores", "  client cores busy", ""),
            (f"stream-{size}", "other_cores", "  other processes' cores", ""),
        ]
    rows.append(("rss-all", "rss_mib", "peak RSS MiB after streaming", "lower"))
    return rows


def load(path):
    runs = defaultdict(list)  # (phase, server, metric) -> values in round order
    with open(path) as raw:
        for line in raw:
            phase, server, _round, metric, value = line.rstrip("\n").split("\t")
            runs[(phase, server, metric)].append(float(value))
    return runs


def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": values}


def number(value):
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def cell(stats):
    if not stats:
        return "-"
    if stats["min"] == stats["max"]:
        return number(stats["median"])
    return f"{number(stats['median'])} ({number(stats['min'])}..{number(stats['max'])})"


def ratio(a, b):
    return a["median"] / b["median"] if a and b and b["median"] else None


def main():
    raw_path, json_path, *pairs = sys.argv[1:]
    meta = dict(pair.split("=", 1) for pair in pairs)
    runs = load(raw_path)
    stats = lambda phase, server, metric: summary(runs[(phase, server, metric)]) if runs.get((phase, server, metric)) else None

    results = []
    labels = []  # as printed: indented under the figure they qualify
    for phase, metric, label, better in figures(meta):
        labels.append(label)
        servers = {server: stats(phase, server, metric) for server in SERVERS}
        results.append({
            "phase": phase, "metric": metric, "label": label.strip(), "better": better, "servers": servers,
            "ours_vs_cpp": ratio(servers["ours"], servers["cpp"]),
            "ours_vs_grpc_js": ratio(servers["ours"], servers["grpc-js"]),
        })
    native = stats("unary", "ours", "rps")
    front_ends = []
    for phase, label in [("unary", "gRPC (HTTP/2)"), ("grpc-web", "gRPC-Web (HTTP/1.1)"), ("rest", "REST JSON (HTTP/1.1)")]:
        rps = stats(phase, "ours", "rps")
        front_ends.append({"phase": phase, "label": label, "rps": rps, "vs_native_grpc": ratio(rps, native),
                           "server_cpu_us_per_req": stats(phase, "ours", "server_cpu_us_per_req"),
                           "p99_ms": stats(phase, "ours", "p99_ms")})

    def figure(phase, metric):
        return next(r for r in results if r["phase"] == phase and r["metric"] == metric)

    def target(name, row, threshold, higher):
        """ours/C++ of the medians against threshold, and how many rounds (ours and C++ measured
        back to back) meet it on their own: the check that the verdict is not noise."""
        ours, cpp, value = row["servers"]["ours"], row["servers"]["cpp"], row["ours_vs_cpp"]
        meets = (lambda r: r >= threshold) if higher else (lambda r: r <= threshold)
        rounds = [o / c for o, c in zip(ours["runs"], cpp["runs"]) if c] if ours and cpp else []
        return {"target": name, "value": value, "met": value is not None and meets(value),
                "round_ratios": rounds, "rounds_meeting": sum(map(meets, rounds))}

    targets = [
        target("unary req/s >= 1.2x C++", figure("unary", "rps"), 1.2, higher=True),
        target(f"unary p99 <= C++ at the same load ({meta['rate']} req/s)", figure("unary-rate", "p99_ms"), 1.0, higher=False),
    ]
    for size in meta["sizes"].split():
        targets.append(target(f"stream {size} B msgs/s >= 1.0x C++", figure(f"stream-{size}", "msgs_per_s"), 1.0, higher=True))

    failed = {f"{phase}/{server}": value for (phase, server, metric), values in runs.items()
              if metric == "failed" for value in [sum(values)] if value}

    with open(json_path, "w") as out:
        json.dump({"meta": meta, "figures": results, "front_ends": front_ends, "targets": targets,
                   "failed_requests": failed}, out, indent=2)

    print()
    print(f"Wire layer vs reference servers, {meta['date']}: {meta['nproc']} cores {meta['cpu']}, "
          f"{meta['memory_gib']} GiB; median (min..max) of {meta['rounds']} interleaved rounds")
    print(f".NET {meta['dotnet']}, gRPC C++ {meta['grpc_cpp']}, grpc-js {meta['grpc_js']} on node {meta['node']}, {meta['h2load']}")
    widths = [36, 28, 28, 28, 9, 9]
    header = ["figure", "ours", "C++", "grpc-js", "ours/C++", "ours/js"]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip())
    fmt_ratio = lambda r: f"{r:.2f}x" if r is not None else "-"
    for label, r in zip(labels, results):
        line = [label]
        line += [cell(r["servers"][s]) for s in SERVERS]
        line += [fmt_ratio(r["ours_vs_cpp"]), fmt_ratio(r["ours_vs_grpc_js"])] if r["better"] else ["", ""]
        print("  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip())
    print()
    print(f"Our front-ends, unary Echo, closed loop, {meta['clients']} connections (HTTP/1.1: one call in flight on each):")
    print("  ".join(h.ljust(w) for h, w in zip(["front-end", "req/s", "vs gRPC", "server CPU us/request", "p99 ms"], [22, 28, 8, 28, 20])).rstrip())
    for f in front_ends:
        line = [f["label"], cell(f["rps"]), fmt_ratio(f["vs_native_grpc"]), cell(f["server_cpu_us_per_req"]), cell(f["p99_ms"])]
        print("  ".join(c.ljust(w) for c, w in zip(line, [22, 28, 8, 28, 20])).rstrip())
    print()
    print("Targets:")
    for t in targets:
        verdict = "met" if t["met"] else "NOT MET"
        print(f"  {t['target']:<52} {fmt_ratio(t['value']):>7}  {verdict:<8} ({t['rounds_meeting']} of {len(t['round_ratios'])} rounds meet it)")
    if failed:
        print(f"h2load reported failed requests: {failed}")
    print(f"\nRaw runs: {raw_path}; summary: {json_path}")


main()

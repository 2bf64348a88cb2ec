# Computes the golden eval_results replies of the Weave tests independently of the C# code:
# api-compat-spec 3.3 in Python over the data of WeaveDataSet.cs.
# Usage: python3 reference.py < queries.jsonl > replies.jsonl
import json, hashlib, base64, sys
from datetime import datetime, timezone
def str_digest(s):
    h = hashlib.sha256(s.encode()).digest()
    return base64.urlsafe_b64encode(h).decode().replace("-", "X").replace("_", "Y").rstrip("=")
def row_digest(ex):
    if isinstance(ex, str):
        m = "/attr/rows/id/"
        if (ex.startswith("weave:///") or ex.startswith("weave-trace-internal:///")) and m in ex:
            tail = ex[ex.rindex(m)+len(m):]
            if tail and "/" not in tail: return tail
        return str_digest(ex)
    return str_digest(json.dumps(ex, sort_keys=True, default=str))
X1 = {"question": "What is 2+2?", "answer": 4, "meta": {"difficulty": 0.75, "tags": ["math", "easy"]}}
X2 = {"q": "Caf\u00e9 \U0001F338 \u4e2d\u6587", "ctrl": "\u0000\u001f\u007f", "esc": "tab\there \"q\" back\\slash\n/"}
X3 = "weave:///acme/evals/object/ds:v2/attr/rows/id/RefRow1"
X4 = "plain text"
RUNS = {
 "eval-a": dict(evaluation_ref="weave:///acme/evals/object/qa-eval:v1", model_ref="weave:///acme/evals/object/gpt-model:v3", display_name="gpt run", trace_id="trace-a", started_at=datetime(2026,3,1,12,0,0,tzinfo=timezone.utc).isoformat()),
 "eval-b": dict(evaluation_ref="weave:///acme/evals/object/qa-eval:v1", model_ref="weave:///acme/evals/object/claude-model:v1", display_name="claude run", trace_id="trace-b", started_at=datetime(2026,3,1,11,59,0,250000,tzinfo=timezone.utc).isoformat()),
}
# (id, run, example, start second offset from 12:00:00, output, scores, predict, scorer ids, latency, tokens, cost)
T = [
 ("b1", "eval-b", X1, -1, "four", {"exact": 0.5}, "p-b1", {"exact": "s-b1"}, 0.25, 7, None),
 ("a1", "eval-a", X1, 1, "4", {"exact": True, "similarity": {"score": 0.5, "passed": True}}, "p-a1", {"exact": "s-a1-exact", "similarity": "s-a1-sim"}, 1.5, 10, 0.001),
 ("a2", "eval-a", X2, 2, {"text": "ok", "n": 2.5}, {"exact": False, "similarity": {"score": 0.25, "passed": False}}, None, {}, None, None, None),
 ("a3", "eval-a", X1, 3, "4", {"exact": True, "similarity": {"score": 1, "passed": True}}, "p-a3", {"exact": "s-a3-exact"}, 2.0, 12, 0.002),
 ("a4", "eval-a", X3, 4, None, {"exact": False, "label": "meh", "extra": [1, 2]}, "p-a4", {}, 0.125, None, None),
 ("b2", "eval-b", X4, 3600, "text out", {"exact": True}, "p-b2", {"exact": "s-b2"}, None, 3, 0.5),
 ("c1", "eval-c", X2, 7200, "c out", {}, None, {}, None, None, None),
]
def group(ids, raw, children, costs):
    rows, order = {}, []
    for (tid, run, ex, _, out, scores, pid, sids, lat, tok, cost) in T:
        if run not in ids: continue
        d = row_digest(ex)
        if d not in rows:
            rows[d] = {"row_digest": d, "raw_data_row": ex if raw else None, "evaluations": {}}
            order.append(d)
        r = rows[d]
        ev = r["evaluations"].setdefault(run, {"evaluation_call_id": run, "trials": []})
        t = {"predict_and_score_call_id": tid, "predict_call_id": pid if children else None, "model_output": out, "scores": scores,
             "model_latency_seconds": lat, "total_tokens": tok, "scorer_call_ids": sids if children else {}}
        if costs: t["total_cost"] = cost
        ev["trials"].append(t)
    res = []
    for d in order:
        r = rows[d]; r["evaluations"] = list(r["evaluations"].values()); res.append(r)
    return res
def select(rows, ids, inter):
    if inter and len(ids) > 1:
        rows = [r for r in rows if set(ids) <= {e["evaluation_call_id"] for e in r["evaluations"]}]
    return sorted(rows, key=lambda r: r["row_digest"])
def walk(v, key, path, m):
    p = ".".join(path) if path else None
    if isinstance(v, bool):
        s = m.setdefault((key, p), stat(key, p, "binary")); s["trial_count"] += 1; s["pass_known_count"] += 1; s["pass_true_count"] += int(v)
    elif isinstance(v, (int, float)):
        s = m.setdefault((key, p), stat(key, p, "continuous")); s["trial_count"] += 1
        tot = (s["numeric_mean"] or 0.0) * s["numeric_count"]; s["numeric_count"] += 1; s["numeric_mean"] = (tot + float(v)) / s["numeric_count"]
    elif isinstance(v, dict):
        for k, x in v.items(): walk(x, key, path + [k], m)
def stat(k, p, t): return {"scorer_key": k, "path": p, "value_type": t, "trial_count": 0, "numeric_count": 0, "numeric_mean": None, "pass_true_count": 0, "pass_known_count": 0, "pass_rate": None, "pass_signal_coverage": None}
def summary(rows, costs):
    evs, stats = {}, {}
    for r in rows:
        for e in r["evaluations"]:
            i = e["evaluation_call_id"]
            if i not in evs:
                md = RUNS.get(i, {})
                evs[i] = {"evaluation_call_id": i, "trial_count": 0, "scorer_stats": [], **{k: md.get(k) for k in ["evaluation_ref", "model_ref", "display_name", "trace_id", "started_at"]}}
                if costs: evs[i]["predict_total_cost"] = None
                stats[i] = {}
            for t in e["trials"]:
                evs[i]["trial_count"] += 1
                for k, v in t["scores"].items(): walk(v, k, [], stats[i])
                if costs and t.get("total_cost") is not None: evs[i]["predict_total_cost"] = (evs[i]["predict_total_cost"] or 0.0) + t["total_cost"]
    for i, m in stats.items():
        for s in m.values():
            if s["pass_known_count"] > 0: s["pass_rate"] = s["pass_true_count"] / s["pass_known_count"]
            if s["trial_count"] > 0: s["pass_signal_coverage"] = s["pass_known_count"] / s["trial_count"]
        evs[i]["scorer_stats"] = list(m.values())
    return {"row_count": len(rows), "evaluations": list(evs.values())}
def query(req):
    ids = list(dict.fromkeys((req.get("evaluation_call_ids") or []) + (req.get("evaluation_run_ids") or [])))
    inc_rows = req.get("include_rows", True); inc_sum = req.get("include_summary", False); costs = req.get("include_costs", False)
    if not ids:
        return {"rows": [], "total_rows": 0, "summary": {"row_count": 0, "evaluations": []} if inc_sum else None, "warnings": []}
    allrows = group(ids, req.get("include_raw_data_rows", False) and inc_rows, req.get("include_predict_and_score_children", True), costs)
    rows, total, warnings = [], 0, []
    inter = req.get("require_intersection", False)
    if inc_rows:
        sel = select(allrows, ids, inter); total = len(sel)
        off = max(req.get("offset", 0), 0); lim = req.get("limit")
        rows = sel[off: off + lim if lim is not None else None]
        if req.get("include_raw_data_rows") and req.get("resolve_row_refs") and any(isinstance(r["raw_data_row"], str) and "/attr/rows/id/" in r["raw_data_row"] for r in rows):
            warnings = ["Failed to resolve dataset row refs; raw_data_row may contain refs"]
    s = None
    if inc_sum:
        si = req.get("summary_require_intersection"); si = inter if si is None else si
        s = summary(select(allrows, ids, si), costs)
    return {"rows": rows, "total_rows": total, "summary": s, "warnings": warnings}
for line in sys.stdin:
    line = line.strip()
    if not line: continue
    print(json.dumps(query(json.loads(line)), ensure_ascii=False, separators=(",", ":")))

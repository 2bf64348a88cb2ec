// Unit tests of the query engine (sql.mjs) and the EPK hash (epk.mjs): `node --test`.
// The end-to-end proof against the real .NET SDK is probe/ (see README.md).
import assert from "node:assert/strict";
import { test } from "node:test";
import { effectivePartitionKey } from "./epk.mjs";
import { queryMetricsHeader } from "./launcher/query-metrics.mjs";
import { compile } from "./sql.mjs";

const docs = [
  { id: "a", tenant: "t1", n: 3, name: "Alpha", tags: ["x", "y"], items: [{ sku: "s1", qty: 2 }], note: null },
  { id: "b", tenant: "t1", n: 1, name: "beta", tags: [], items: [{ sku: "s2", qty: 9 }, { sku: "s1", qty: 7 }] },
  { id: "c", tenant: "t2", n: "1", name: "GAMMA", category: "red", items: [] },
  { id: "d", tenant: "t2", n: 2, name: "alphabet", category: "blue", items: [{ sku: "s1", qty: 8 }] },
];

const run = (sql, params = {}) => compile(sql).run(docs, {
  parameters: Object.entries(params).map(([name, value]) => ({ name, value })),
});

test("comparisons across types and with undefined are undefined", () => {
  assert.deepEqual(run("SELECT VALUE c.id FROM c WHERE c.n = 1"), ["b"]);
  assert.deepEqual(run("SELECT VALUE c.id FROM c WHERE c.n != 1"), ["a", "d"]);
  assert.deepEqual(run("SELECT VALUE c.id FROM c WHERE NOT (c.category = 'red')"), ["d"]);
  assert.deepEqual(run("SELECT VALUE c.id FROM c WHERE c.n > 1 OR c.category = 'red'"), ["a", "c", "d"]);
});

test("parameters, IN, BETWEEN, LIKE, ignore-case string functions", () => {
  assert.deepEqual(run("SELECT VALUE c.id FROM c WHERE c.tenant IN (@a, 'zz') AND c.n BETWEEN @lo AND 3", { "@a": "t1", "@lo": 2 }), ["a"]);
  assert.deepEqual(run("SELECT VALUE c.id FROM c WHERE c.name LIKE 'al%' OR c.name LIKE '_lpha'"), ["a", "d"]);
  assert.deepEqual(run("SELECT VALUE c.id FROM c WHERE STARTSWITH(c.name, 'ALPHA', true)"), ["a", "d"]);
  assert.deepEqual(run("SELECT VALUE c.id FROM c WHERE CONTAINS(c.name, 'MM', true) OR ENDSWITH(c.name, 'ET')"), ["c"]);
  assert.deepEqual(run("SELECT VALUE LOWER(c.name) FROM c WHERE c.tenant = 't2'"), ["gamma", "alphabet"]);
  assert.throws(() => run("SELECT VALUE c.id FROM c WHERE c.n = @missing"), /@missing/);
});

test("IS_DEFINED, IS_NULL, ARRAY_CONTAINS and EXISTS subqueries", () => {
  assert.deepEqual(run("SELECT VALUE c.id FROM c WHERE NOT IS_DEFINED(c.category)"), ["a", "b"]);
  assert.deepEqual(run("SELECT VALUE c.id FROM c WHERE IS_NULL(c.note)"), ["a"]);
  assert.deepEqual(run("SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(c.tags, 'y') OR ARRAY_CONTAINS(@ids, c.id)", { "@ids": ["c"] }), ["a", "c"]);
  assert.deepEqual(run("SELECT VALUE c.id FROM c WHERE EXISTS(SELECT VALUE i FROM i IN c.items WHERE i.sku = 's1' AND i.qty > 5)"), ["b", "d"]);
  assert.deepEqual(run("SELECT c.id, (SELECT VALUE COUNT(1) FROM i IN c.items) AS k FROM c WHERE c.tenant = 't1'"), [{ id: "a", k: 1 }, { id: "b", k: 2 }]);
});

test("ORDER BY uses the Cosmos type order; TOP and OFFSET LIMIT", () => {
  assert.deepEqual(run("SELECT VALUE c.id FROM c ORDER BY c.n"), ["b", "d", "a", "c"]); // numbers < strings
  assert.deepEqual(run("SELECT VALUE c.id FROM c ORDER BY c.category DESC, c.id ASC"), ["c", "d", "a", "b"]);
  assert.deepEqual(run("SELECT TOP @k VALUE c.id FROM c ORDER BY c.id DESC", { "@k": 2 }), ["d", "c"]);
  assert.deepEqual(run("SELECT VALUE c.id FROM c ORDER BY c.id OFFSET 1 LIMIT 2"), ["b", "c"]);
});

test("aggregates, GROUP BY and DISTINCT", () => {
  assert.deepEqual(run("SELECT VALUE COUNT(1) FROM c WHERE c.tenant = 't1'"), [2]);
  assert.deepEqual(run("SELECT VALUE AVG(c.n) FROM c WHERE c.tenant = 'none'"), []);
  assert.deepEqual(run("SELECT VALUE SUM(c.n) FROM c"), []); // a string among the numbers
  assert.deepEqual(
    run("SELECT c.tenant, COUNT(1) AS cnt, MIN(c.n) AS lo, MAX(c.name) AS hi FROM c GROUP BY c.tenant"),
    [{ tenant: "t1", cnt: 2, lo: 1, hi: "beta" }, { tenant: "t2", cnt: 2, lo: 2, hi: "alphabet" }],
  );
  assert.deepEqual(run("SELECT DISTINCT VALUE c.tenant FROM c"), ["t1", "t2"]);
  assert.deepEqual(run("SELECT DISTINCT c.tenant FROM c ORDER BY c.tenant DESC"), [{ tenant: "t2" }, { tenant: "t1" }]);
});

test("projections leave undefined out and number unnamed items", () => {
  assert.deepEqual(run("SELECT c.id, c.category, c.n + 1 FROM c WHERE c.id = 'a'"), [{ id: "a", $1: 4 }]);
  assert.deepEqual(run("SELECT VALUE c.category FROM c"), ["red", "blue"]);
  assert.deepEqual(run("SELECT VALUE t FROM c JOIN t IN c.tags"), ["x", "y"]);
});

test("syntax and binding errors are query errors", () => {
  assert.throws(() => compile("SELECT * FROM c WHERE"), { badRequest: true });
  assert.throws(() => compile("SELECT VALUE x.id FROM c"), /could not be resolved/);
  assert.throws(() => compile("SELECT VALUE NOPE(c.id) FROM c"), /not a recognized built-in function/);
});

test("effective partition key of a hierarchical key prefix matches the SDK's", () => {
  // Sent by Microsoft.Azure.Cosmos 3.64 as x-ms-start-epk for the prefix ["t1"] of a MultiHash key.
  assert.equal(effectivePartitionKey(["t1"], { kind: "MultiHash", version: 2 }), "3D48BB14DA9D090D22112C96695028B6");
  const full = effectivePartitionKey(["t1", "b2"], { kind: "MultiHash", version: 2 });
  assert.ok(full.startsWith("3D48BB14DA9D090D22112C96695028B6") && full.length === 64);
});

test("GROUP BY expressions with JOIN unnesting, as the metrics store queries", () => {
  const calls = [
    { id: "1", t: "a", ms: 3_600_000, lat: 0, teams: ["x", "y"] },
    { id: "2", t: "a", ms: 3_700_000, lat: Math.E, teams: ["x"] },
    { id: "3", t: "a", ms: 7_300_000, lat: 1, teams: [null] },
    { id: "4", t: "a", ms: 7_400_000, teams: [null] },
  ];
  const run2 = (sql, params = {}) => compile(sql).run(calls, {
    parameters: Object.entries(params).map(([name, value]) => ({ name, value })),
  });
  const bucket = "(c.lat > 0 ? FLOOR(LOG(c.lat) * 100) : -1000000)";
  assert.deepEqual(
    run2(`SELECT c.t AS k0, FLOOR(c.ms / 3600000) AS k1, t AS k2, COUNT(1) AS n, SUM(c.lat) AS a0, SUM(IS_NUMBER(c.lat) ? 1 : 0) AS a1
          FROM c JOIN t IN c.teams WHERE c.t = @t GROUP BY c.t, FLOOR(c.ms / 3600000), t`, { "@t": "a" }),
    [
      { k0: "a", k1: 1, k2: "x", n: 2, a0: Math.E, a1: 2 },
      { k0: "a", k1: 1, k2: "y", n: 1, a0: 0, a1: 1 },
      { k0: "a", k1: 2, k2: null, n: 2, a0: 1, a1: 1 },
    ],
  );
  assert.deepEqual(
    run2(`SELECT c.t AS k0, ${bucket} AS h, COUNT(1) AS n FROM c WHERE IS_NUMBER(c.lat) GROUP BY c.t, ${bucket}`),
    [{ k0: "a", h: -1000000, n: 1 }, { k0: "a", h: 100, n: 1 }, { k0: "a", h: 0, n: 1 }],
  );
  assert.deepEqual(run2(`SELECT VALUE c.id FROM c WHERE IS_NUMBER(c.lat) AND ARRAY_CONTAINS(@b, ${bucket})`, { "@b": [0, 100] }), ["2", "3"]);
});

test("a run reports the documents it examined: every document given, whatever it returns", () => {
  const stats = {};
  assert.deepEqual(compile("SELECT TOP 1 VALUE c.id FROM c WHERE c.tenant = 't2' AND EXISTS(SELECT VALUE i FROM i IN c.items)").run(docs, { stats }), ["d"]);
  assert.equal(stats.documentsExamined, docs.length);
  compile("SELECT VALUE COUNT(1) FROM c WHERE c.n > 100").run(docs.slice(1), { stats });
  assert.equal(stats.documentsExamined, docs.length - 1);
  compile("SELECT VALUE 1").run(docs, { stats });
  assert.equal(stats.documentsExamined, 0);
});

test("the query-metrics header carries retrieved and output document counts in the service's format", () => {
  const header = queryMetricsHeader(600, 3)["x-ms-documentdb-query-metrics"];
  assert.match(header, /(^|;)retrievedDocumentCount=600;/);
  assert.match(header, /;outputDocumentCount=3;/);
  assert.ok(header.split(";").every((pair) => /^[A-Za-z]+=[0-9.]+$/.test(pair)));
});

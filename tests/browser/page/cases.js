// The cases the page runs against InferenceQueryService, on the sample data that
// `InferenceGrpc.Server seed` writes (functions answer_question and summarize, tag env=prod,
// float metric user_rating 1..5). Each returns a detail string or throws a CaseFailure.
import { Code, ConnectError } from "@connectrpc/connect";

export class CaseFailure extends Error {}

const expect = (condition, detail) => {
  if (!condition) throw new CaseFailure(detail);
};
const expectEq = (what, expected, got) => {
  const [e, g] = [JSON.stringify(expected), JSON.stringify(got)];
  expect(e === g, `${what}: expected ${e}, got ${g}`);
};

// Per call, well inside the case limit, so a hung call says which call it was.
const CALL = { timeoutMs: 10_000 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// A well-formed UUIDv7 no seeded inference has: GetInferences must skip it.
const UNKNOWN_ID = "01890000-0000-7000-8000-000000000000";

// Enum values by name from the runtime descriptors (no generated code to import constants from).
const op = (ctx, name) => ctx.registry.getEnum("inference.v1.ComparisonOperator").values
  .find((v) => v.name === `COMPARISON_OPERATOR_${name}`).number;
const node = (kind, value) => ({ node: { case: kind, value } });
const tag = (ctx, key, value) => node("tag", { key, value, comparisonOperator: op(ctx, "EQUAL") });
const floatMetric = (ctx, metricName, opName, value) => node("floatMetric", { metricName, value, comparisonOperator: op(ctx, opName) });
const and = (...children) => node("and", { children });

// UUIDv7 ids are time-ordered, so newest first means strictly descending as strings.
const newestFirst = (ids) => ids.every((id, i) => i === 0 || ids[i - 1] > id);
const ids = (stored) => stored.map((s) => s.inference.id);

/** function + tag + float metric, 5 rows: answer_question in prod rated at least 4. */
async function listInferences(ctx) {
  const selection = {
    functionName: "answer_question",
    filters: and(tag(ctx, "env", "prod"), floatMetric(ctx, "user_rating", "GREATER_THAN_OR_EQUAL", 4)),
  };
  const response = await ctx.client.listInferences({ selection, limit: 5 }, CALL);
  expectEq("rows", 5, response.inferences.length);
  for (const { inference, output } of response.inferences) {
    expect(UUID.test(inference.id), `id ${JSON.stringify(inference.id)} is not a UUIDv7`);
    expectEq(`${inference.id} function_name`, "answer_question", inference.functionName);
    expectEq(`${inference.id} tags.env`, "prod", inference.tags.env);
    expect(inference.createTime && inference.variantName && inference.modelName, `${inference.id} lacks create_time, variant_name or model_name`);
    expect(inference.input && output, `${inference.id} lacks input or output`);
  }
  const got = ids(response.inferences);
  expect(newestFirst(got), `ids not newest first: ${got.join(", ")}`);
  expect(response.nextPageToken !== "", "a full page of a longer list has no next_page_token");
  ctx.listedIds = got;
  return `5 answer_question rows with env=prod, newest first (${got[0]} … ${got[4]}), next_page_token set`;
}

/** The ids list_inferences found, asked oldest first with an unknown one: the same ids, newest first. */
async function getInferences(ctx) {
  if (!ctx.listedIds) await listInferences(ctx);
  const wanted = ctx.listedIds;
  const response = await ctx.client.getInferences({ ids: [UNKNOWN_ID, ...wanted].reverse() }, CALL);
  expectEq("ids", wanted, ids(response.inferences));
  expect(response.inferences.every((s) => s.inference.functionName === "answer_question" && s.output), "a row lacks its function or output");
  return `${wanted.length} ids back newest first, unknown id skipped`;
}

/** Every page of a >100-row selection, a resume from a page token, then a stream aborted midway. */
async function streamInferences(ctx) {
  const selection = { functionName: "summarize", filters: tag(ctx, "env", "prod") };
  const counted = await ctx.client.listInferences({ selection, limit: 1000, includeTotalCount: true }, CALL);
  const total = Number(counted.totalCount);
  expect(total > 100 && total <= 1000, `the selection has ${total} rows; the case needs 101..1000`);
  expectEq("list rows vs total_count", total, counted.inferences.length);

  const pages = [];
  for await (const page of ctx.client.streamInferences({ selection, pageSize: 50 }, { timeoutMs: 20_000 })) pages.push(page);
  // A full last page still carries a token; the page after it is empty and has none.
  const sizes = Array.from({ length: Math.floor(total / 50) + 1 }, (_, i) => Math.min(50, total - i * 50));
  expectEq("page sizes", sizes, pages.map((p) => p.inferences.length));
  expectEq("non-empty page tokens", pages.map((_, i) => i < pages.length - 1), pages.map((p) => p.nextPageToken !== ""));
  const streamed = pages.flatMap((p) => ids(p.inferences));
  expectEq("streamed ids vs listed ids", ids(counted.inferences), streamed);

  // Resuming from a page's token gives exactly the pages after it.
  const resumed = [];
  for await (const page of ctx.client.streamInferences({ selection, pageSize: 50, pageToken: pages[1].nextPageToken }, { timeoutMs: 20_000 })) {
    resumed.push(...ids(page.inferences));
  }
  expectEq("ids resumed after page 2", streamed.slice(100), resumed);
  return `${total} rows in ${pages.length} pages (${sizes.join("/")}), tokens on all but the last, resume after page 2 exact; ${await abortMidStream(ctx)}`;
}

/**
 * Aborts a long stream (the whole project, ~40 pages) after two pages, then resumes from the last
 * page received. connect-web still yields the pages it already decoded from a received chunk after
 * abort() (a chunk is at most Chromium's 512 KiB data pipe, about 13 pages here; seen through a
 * slow proxy), so "exactly 2" would depend on timing. What is required: the stream ends with
 * Canceled before its end, and the pages received plus the resumed rest are every row once.
 */
async function abortMidStream(ctx) {
  const selection = {};
  const total = Number((await ctx.client.listInferences({ selection, limit: 1, includeTotalCount: true }, CALL)).totalCount);
  const pageCount = Math.floor(total / 50) + 1;
  expect(pageCount >= 20, `the project has ${total} rows; aborting mid-stream needs at least 1,000`);
  const controller = new AbortController();
  const taken = [];
  let error;
  try {
    for await (const page of ctx.client.streamInferences({ selection, pageSize: 50 }, { signal: controller.signal, timeoutMs: 20_000 })) {
      taken.push(page);
      if (taken.length === 2) controller.abort();
    }
  } catch (e) {
    error = ConnectError.from(e);
  }
  expect(error?.code === Code.Canceled, `aborted stream ended with ${error ? `${Code[error.code]}: ${error.rawMessage}` : "no error"}, not Canceled`);
  expect(taken.length >= 2 && taken.length < pageCount, `${taken.length} of ${pageCount} pages arrived around an abort after page 2`);

  const rest = [];
  for await (const page of ctx.client.streamInferences({ selection, pageSize: 50, pageToken: taken.at(-1).nextPageToken }, { timeoutMs: 30_000 })) {
    rest.push(...ids(page.inferences));
  }
  const all = [...taken.flatMap((p) => ids(p.inferences)), ...rest];
  expectEq("rows taken before the abort plus rows resumed", total, all.length);
  expect(newestFirst(all), "the resumed rows do not continue newest first right after the aborted ones");
  return `abort after page 2 of ${pageCount}: Canceled with ${taken.length} pages in hand; resuming from the last gave the other ${rest.length} of ${total}`;
}

/** An unknown metric deep in a filter tree: InvalidArgument with TensorZero's text and a BadRequest. */
async function unknownMetric(ctx) {
  const selection = { filters: and(tag(ctx, "env", "prod"), floatMetric(ctx, "no_such_metric", "GREATER_THAN", 1)) };
  let error;
  try {
    await ctx.client.listInferences({ selection, limit: 5 }, CALL);
  } catch (e) {
    error = ConnectError.from(e);
  }
  expect(error, "the call succeeded");
  expectEq("code", Code[Code.InvalidArgument], Code[error.code]);
  expectEq("message", "Invalid metric name: no_such_metric", error.rawMessage);
  const [badRequest] = error.findDetails(ctx.registry.getMessage("google.rpc.BadRequest"));
  const violation = badRequest?.fieldViolations?.[0];
  expect(violation?.field.endsWith("float_metric.metric_name"), `BadRequest field violation: ${JSON.stringify(violation ?? null)}`);
  expectEq("violation description", error.rawMessage, violation.description);
  return `InvalidArgument "${error.rawMessage}", BadRequest field ${violation.field}`;
}

export const CASES = [
  ["list_inferences", listInferences],
  ["get_inferences", getInferences],
  ["stream_inferences", streamInferences],
  ["unknown_metric_error", unknownMetric],
];

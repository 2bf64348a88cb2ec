// The explorer: the query form and the streamed results at /, one inference at /inferences/<id>,
// the evaluation comparison at /compare and the metrics chart at /charts.
// The list page stays in the document while a detail page shows, so going back finds the table
// (and a stream still filling it) as it was.
import { createClients } from "./api";
import { ApiKeyField } from "./ApiKeyField";
import { DetailView } from "./detail/DetailView";
import { h } from "./dom";
import { CompareView } from "./evals/CompareView";
import { ErrorBanner } from "./ErrorBanner";
import { SelectionForm } from "./filters/SelectionForm";
import { MetricsView } from "./metrics/MetricsView";
import { ResultsView } from "./results/ResultsView";
import { startRouter } from "./router";

const errors = new ErrorBanner(document.getElementById("error")!);
// A failure no view caught still reaches the person using the explorer.
window.addEventListener("error", (event) => errors.show(event.error ?? event.message));
window.addEventListener("unhandledrejection", (event) => errors.show(event.reason));

const apiKey = new ApiKeyField();
document.getElementById("auth")!.replaceChildren(apiKey.element);
const clients = createClients(() => apiKey.value);
const results = new ResultsView(clients.query, errors);
const form = new SelectionForm(() => {
  errors.clear();
  let request;
  try {
    request = form.toRequest();
  } catch (error) {
    results.fail(error);
    return;
  }
  void results.run(request);
});
const detail = new DetailView(clients.query, errors);
const compare = new CompareView(clients.evals, errors);
const metrics = new MetricsView(clients.metrics, errors);
const listPage = h("div", { class: "list-page" }, form.element, results.element);
document.getElementById("app")!.replaceChildren(listPage, detail.element, compare.element, metrics.element);

const TITLES = { list: "InferenceGrpc explorer", compare: "Compare evaluations · InferenceGrpc explorer", charts: "Metrics · InferenceGrpc explorer" };

startRouter((route) => {
  errors.clear();
  listPage.hidden = route.page !== "list";
  detail.element.hidden = route.page !== "detail";
  compare.element.hidden = route.page !== "compare";
  metrics.element.hidden = route.page !== "charts";
  document.title = route.page === "detail" ? `Inference ${route.id} · InferenceGrpc explorer` : TITLES[route.page];
  if (route.page === "detail") {
    void detail.load(route.id);
  }
});

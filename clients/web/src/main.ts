// The explorer: the query form and the streamed results at /, one inference at /inferences/<id>.
// The list page stays in the document while a detail page shows, so going back finds the table
// (and a stream still filling it) as it was.
import { createQueryClient } from "./api";
import { ApiKeyField } from "./ApiKeyField";
import { DetailView } from "./detail/DetailView";
import { h } from "./dom";
import { ErrorBanner } from "./ErrorBanner";
import { SelectionForm } from "./filters/SelectionForm";
import { ResultsView } from "./results/ResultsView";
import { startRouter } from "./router";

const errors = new ErrorBanner(document.getElementById("error")!);
// A failure no view caught still reaches the person using the explorer.
window.addEventListener("error", (event) => errors.show(event.error ?? event.message));
window.addEventListener("unhandledrejection", (event) => errors.show(event.reason));

const apiKey = new ApiKeyField();
document.getElementById("auth")!.replaceChildren(apiKey.element);
const client = createQueryClient(() => apiKey.value);
const results = new ResultsView(client, errors);
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
const detail = new DetailView(client, errors);
const listPage = h("div", { class: "list-page" }, form.element, results.element);
document.getElementById("app")!.replaceChildren(listPage, detail.element);

startRouter((route) => {
  errors.clear();
  listPage.hidden = route.page !== "list";
  detail.element.hidden = route.page !== "detail";
  document.title = route.page === "detail" ? `Inference ${route.id} · InferenceGrpc explorer` : "InferenceGrpc explorer";
  if (route.page === "detail") {
    void detail.load(route.id);
  }
});

// The query form: the InferenceSelection fields (function, variant, episode, search, output source,
// order), the page size, and the filter tree. Apply (or Enter) calls onApply, which reads the
// request with toRequest.
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { field, h, select } from "../dom";
import { OrderBy_Direction, OrderBy_Key, type OrderBySchema } from "../gen/inference/v1/filter_pb";
import { OutputSource, StreamInferencesRequestSchema, type StreamInferencesRequest } from "../gen/inference/v1/inference_query_service_pb";
import { InputError } from "../InputError";
import { GroupEditor } from "./GroupEditor";

/** The server's bounds for page_size (inference_query_service.proto). */
const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 100;

const ORDERS = [
  ["newest", "newest first"],
  ["oldest", "oldest first"],
  ["metric-desc", "metric, highest first"],
  ["metric-asc", "metric, lowest first"],
  ["relevance", "search relevance"],
] as const;

const OUTPUTS = [
  [String(OutputSource.INFERENCE), "the model's output"],
  [String(OutputSource.DEMONSTRATION), "the demonstration (only inferences with one)"],
  [String(OutputSource.NONE), "no output"],
] as const;

const input = (attributes: Record<string, string | number> = {}): HTMLInputElement =>
  h("input", { type: "text", spellcheck: false, ...attributes });

/** The text of an optional string field, or undefined when blank (so it is not sent). */
const optional = (control: HTMLInputElement): string | undefined => control.value.trim() || undefined;

export class SelectionForm {
  readonly element: HTMLFormElement;
  private readonly functionName = input({ placeholder: "any, e.g. answer_question" });
  private readonly variantName = input({ placeholder: "any" });
  private readonly episodeId = input({ placeholder: "any (a UUID)" });
  private readonly search = input({ placeholder: "text in input or output" });
  private readonly output = select(OUTPUTS);
  private readonly order = select(ORDERS);
  private readonly orderMetric = input({ placeholder: "for a metric order" });
  private readonly pageSize = h("input", { type: "number", min: 1, max: MAX_PAGE_SIZE, value: DEFAULT_PAGE_SIZE });
  private readonly filters = new GroupEditor();

  constructor(onApply: () => void) {
    this.element = h("form", { class: "selection", "aria-label": "Query" },
      h("div", { class: "fields" },
        field("Function", this.functionName),
        field("Variant", this.variantName),
        field("Episode", this.episodeId),
        field("Search", this.search),
        field("Output", this.output),
        field("Order", this.order),
        field("Order metric", this.orderMetric),
        field("Page size", this.pageSize)),
      this.filters.element,
      h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Apply")));
    this.element.addEventListener("submit", (event) => {
      event.preventDefault();
      onApply();
    });
  }

  /** The request the form describes; throws InputError for a value the server would refuse. */
  toRequest(): StreamInferencesRequest {
    return create(StreamInferencesRequestSchema, {
      pageSize: this.readPageSize(),
      selection: {
        functionName: optional(this.functionName),
        variantName: optional(this.variantName),
        episodeId: optional(this.episodeId),
        searchQueryExperimental: optional(this.search),
        outputSource: Number(this.output.value) as OutputSource,
        orderBy: this.readOrder(),
        // No tree at all rather than an empty AND: the same result, and a plainer request.
        filters: this.filters.isEmpty ? undefined : this.filters.toFilter("filter"),
      },
    });
  }

  private readPageSize(): number {
    const size = Number(this.pageSize.value);
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
      throw new InputError("Page size", `"${this.pageSize.value}" is not a whole number from 1 to ${MAX_PAGE_SIZE}`);
    }
    return size;
  }

  private readOrder(): MessageInitShape<typeof OrderBySchema>[] {
    const descending = OrderBy_Direction.DESCENDING;
    switch (this.order.value) {
      case "oldest":
        return [{ by: OrderBy_Key.TIMESTAMP, direction: OrderBy_Direction.ASCENDING }];
      case "metric-desc":
      case "metric-asc": {
        const name = optional(this.orderMetric);
        if (!name) {
          throw new InputError("Order metric", "a metric order needs the metric's name");
        }
        return [{ by: OrderBy_Key.METRIC, name, direction: this.order.value === "metric-asc" ? OrderBy_Direction.ASCENDING : descending }];
      }
      case "relevance":
        return [{ by: OrderBy_Key.SEARCH_RELEVANCE, direction: descending }];
      default:
        // The server's default order: newest first.
        return [];
    }
  }
}

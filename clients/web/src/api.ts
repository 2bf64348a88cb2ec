// The clients. The explorer is served by the service, so it calls its own origin; gRPC-Web
// binary is the browser-native encoding our server speaks on its HTTP/1.1 port.
import { createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { EvaluationResultService } from "./gen/inference/v1/evaluation_result_service_pb";
import { GatewayMetricsService } from "./gen/inference/v1/gateway_metrics_service_pb";
import { InferenceQueryService } from "./gen/inference/v1/inference_query_service_pb";

export type QueryClient = Client<typeof InferenceQueryService>;
export type EvalClient = Client<typeof EvaluationResultService>;
export type MetricsClient = Client<typeof GatewayMetricsService>;

/** The three services the explorer calls, over one transport. */
export interface Clients {
  query: QueryClient;
  evals: EvalClient;
  metrics: MetricsClient;
}

/** Sends the API key of the moment, if there is one, on every call. */
const bearer = (apiKey: () => string): Interceptor => (next) => (request) => {
  const key = apiKey();
  if (key) {
    request.header.set("authorization", `Bearer ${key}`);
  }
  return next(request);
};

export function createClients(apiKey: () => string): Clients {
  const transport = createGrpcWebTransport({ baseUrl: location.origin, useBinaryFormat: true, interceptors: [bearer(apiKey)] });
  return {
    query: createClient(InferenceQueryService, transport),
    evals: createClient(EvaluationResultService, transport),
    metrics: createClient(GatewayMetricsService, transport),
  };
}

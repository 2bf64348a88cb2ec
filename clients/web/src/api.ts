// The query client. The explorer is served by the service, so it calls its own origin; gRPC-Web
// binary is the browser-native encoding our server speaks on its HTTP/1.1 port.
import { createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { InferenceQueryService } from "./gen/inference/v1/inference_query_service_pb";

export type QueryClient = Client<typeof InferenceQueryService>;

/** Sends the API key of the moment, if there is one, on every call. */
const bearer = (apiKey: () => string): Interceptor => (next) => (request) => {
  const key = apiKey();
  if (key) {
    request.header.set("authorization", `Bearer ${key}`);
  }
  return next(request);
};

export function createQueryClient(apiKey: () => string): QueryClient {
  const transport = createGrpcWebTransport({ baseUrl: location.origin, useBinaryFormat: true, interceptors: [bearer(apiKey)] });
  return createClient(InferenceQueryService, transport);
}

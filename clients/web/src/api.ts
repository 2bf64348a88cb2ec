// The query client. The explorer is served by the service, so it calls its own origin; gRPC-Web
// binary is the browser-native encoding our server speaks on its HTTP/1.1 port.
import { createClient, type Client } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { InferenceQueryService } from "./gen/inference/v1/inference_query_service_pb";

export type QueryClient = Client<typeof InferenceQueryService>;

export function createQueryClient(baseUrl: string = location.origin): QueryClient {
  return createClient(InferenceQueryService, createGrpcWebTransport({ baseUrl, useBinaryFormat: true }));
}

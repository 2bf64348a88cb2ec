import { defineConfig } from "vite";

// The explorer is served by the service itself at / (services/InferenceGrpc.Server), so asset
// paths are absolute: /inferences/<id> loads the same /assets/ files as /. `npm run dev` serves
// it from Vite instead and forwards the gRPC-Web calls to a service started with `make run`.
export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
  },
  server: {
    proxy: {
      "/inference.v1.InferenceQueryService": process.env.INFERENCEGRPC_HTTP ?? "http://127.0.0.1:8080",
    },
  },
});

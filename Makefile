SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --warn-undefined-variables --no-builtin-rules

BUF := scripts/buf
BUF_STAMP := tools/node_modules/.package-lock.json
WEB := clients/web
WEB_STAMP := $(WEB)/node_modules/.package-lock.json
WEB_BUILT := $(WEB)/dist/index.html
# What the explorer is built from: its sources (not the generated src/gen), its config, the protos.
WEB_SOURCES := $(shell find $(WEB)/src -path $(WEB)/src/gen -prune -o -type f -print) \
	$(wildcard $(WEB)/*.html $(WEB)/*.json $(WEB)/*.ts $(WEB)/*.yaml $(WEB)/scripts/*) $(shell find protos -name '*.proto')
SERVER := services/InferenceGrpc.Server
SERVER_DLL := $(SERVER)/bin/Release/net10.0/InferenceGrpc.Server.dll
DATA ?= $(CURDIR)/data
# How many sample inferences `make run` loads into an empty store, and `make seed` loads by default.
RUN_SEED ?= 20000
N ?= 100000
STORE := --Storage:Sqlite:DataDirectory=$(DATA)

.PHONY: help
help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

.PHONY: build
build: ## Build every project (warnings are errors)
	dotnet build InferenceGrpc.sln -c Release --nologo -v q

.PHONY: run
run: $(WEB_BUILT) ## Start the service and its web explorer (at /) on loopback, with sample data when the store is empty; prints its addresses
	dotnet build $(SERVER) -c Release --nologo -v q
	dotnet $(SERVER_DLL) seed --if-empty --count $(RUN_SEED) $(STORE)
	# Weave names projects entity/project: a second sample project its paths (and /compare) can reach.
	dotnet $(SERVER_DLL) seed --if-empty --count $(RUN_SEED) --project demo/sample $(STORE)
	dotnet $(SERVER_DLL) $(STORE)

.PHONY: web
web: $(WEB_BUILT) ## Build the web explorer (clients/web) into clients/web/dist, which the service serves at /

.PHONY: seed
seed: ## Load N deterministic sample inferences (default 100000) into the store under DATA
	dotnet build $(SERVER) -c Release --nologo -v q
	dotnet $(SERVER_DLL) seed --count $(N) $(STORE)

.PHONY: test
test: ## Install what the tests need, then run every test
	scripts/install-test-deps.sh
	scripts/run-tests.sh

.PHONY: lint
lint: $(BUF_STAMP) ## buf lint and buf format check of protos/
	$(BUF) lint
	$(BUF) format --diff --exit-code

.PHONY: bench
bench: ## Wire layer vs C++ and grpc-js servers, then queries, streams and ingestion over 1M inferences (docs/performance.md); never part of test
	scripts/install-test-deps.sh
	scripts/bench/bench.sh
	dotnet build tests/InferenceGrpc.Benchmarks -c Release --nologo -v q
	dotnet tests/InferenceGrpc.Benchmarks/bin/Release/net10.0/InferenceGrpc.Benchmarks.dll

$(WEB_BUILT): $(WEB_STAMP) $(WEB_SOURCES)
	cd $(WEB) && npm run build --silent

$(WEB_STAMP): $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(BUF_STAMP): tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund --loglevel=error
	touch $@

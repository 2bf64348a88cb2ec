SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --warn-undefined-variables --no-builtin-rules

BUF := scripts/buf
BUF_STAMP := tools/node_modules/.package-lock.json
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
run: ## Start the service on loopback, with sample data when the store is empty; prints its addresses
	dotnet build $(SERVER) -c Release --nologo -v q
	dotnet $(SERVER_DLL) seed --if-empty --count $(RUN_SEED) $(STORE)
	dotnet $(SERVER_DLL) $(STORE)

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

$(BUF_STAMP): tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund --loglevel=error
	touch $@

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --warn-undefined-variables --no-builtin-rules

BUF := tools/node_modules/.bin/buf
SERVER := services/InferenceGrpc.Server

.PHONY: help
help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

.PHONY: build
build: ## Build every project (warnings are errors)
	dotnet build InferenceGrpc.sln -c Release --nologo -v q

.PHONY: run
run: ## Start the service on loopback and print its addresses
	dotnet run --project $(SERVER) -c Release

.PHONY: test
test: ## Install what the tests need, then run every test
	scripts/install-test-deps.sh
	scripts/run-tests.sh

.PHONY: lint
lint: $(BUF) ## buf lint and buf format check of protos/
	$(BUF) lint
	$(BUF) format --diff --exit-code

.PHONY: bench
bench: ## Measure the wire layer (h2load against the running service); never part of test
	scripts/install-test-deps.sh
	scripts/bench.sh

$(BUF): tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund --loglevel=error
	touch $@

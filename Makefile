# vaultguard — the targets people expect: build, test, lint, fmt, bench, fuzz, e2e, golden.
SHELL := /bin/bash
GO ?= go
BIN := $(CURDIR)/bin
GOLANGCI_LINT_VERSION := v2.15.0
GOLANGCI_LINT := $(BIN)/golangci-lint-$(GOLANGCI_LINT_VERSION)
VAULT := $(BIN)/vault
FUZZTIME ?= 30s

.PHONY: all build test unit lint vet fmt bench bench-go bench-lint fuzz e2e golden vault clean

all: build

build:
	$(GO) build -o $(BIN)/vaultguard ./cmd/vaultguard

## test: what CI runs: vet, golangci-lint, race-enabled tests (rule fixtures,
## Rego unit tests and integration tests against a real Vault included).
test: vet lint vault
	VAULTGUARD_VAULT_BIN=$(VAULT) $(GO) test -race -count=1 ./...

unit:
	$(GO) test -count=1 ./...

vet:
	$(GO) vet ./...

$(GOLANGCI_LINT):
	@mkdir -p $(BIN)
	GOBIN=$(BIN) $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)
	mv $(BIN)/golangci-lint $(GOLANGCI_LINT)

lint: $(GOLANGCI_LINT)
	$(GOLANGCI_LINT) run ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

## vault: a real Vault server for integration tests, built from the Go module
## proxy at the version pinned in tools/vault/go.mod (never linked into vaultguard).
vault: $(VAULT)
## A fresh machine downloads ~490 modules and compiles ~2600 packages; later
## builds come from the Go build cache. -mod=readonly: go.sum is committed and
## a build must never rewrite it.
$(VAULT): tools/vault/go.mod tools/vault/go.sum
	@mkdir -p $(BIN)
	cd tools/vault && $(GO) build -mod=readonly -o $(VAULT) github.com/hashicorp/vault

e2e:
	$(GO) test -count=1 ./cmd/...

## fuzz: every fuzz target for FUZZTIME each (go test -fuzz runs one target
## per invocation). Crashers land in the package's testdata/fuzz/ and stay
## there as regression seeds.
FUZZ_TARGETS := ./lint/syntax:FuzzParse ./lint/syntax:FuzzParseFast ./lint/source/vaultfile:FuzzRead \
	./lint/source/terraform:FuzzRead ./lint/source/script:FuzzRead \
	./lint/source/deploy:FuzzRead ./auditlog:FuzzDecode
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; fn=$${t##*:}; echo "== $$pkg $$fn ($(FUZZTIME))"; \
	  $(GO) test $$pkg -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME); \
	done

## bench: go test -bench for the hot paths, then side-by-side runs against
## the tools people would otherwise use: conftest (lint) and jq/grep (audit).
bench: bench-go bench-lint bench-audit

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./lint/ ./auditlog/

## bench-lint: 5,000 generated policies, vaultguard vs conftest with the
## same rules ported to conftest's input shape; and one-file latency.
BENCH_LINT_FILES ?= 5000
bench-lint:
	BENCH_LINT_FILES=$(BENCH_LINT_FILES) GO=$(GO) ./tools/bench/bench-lint.sh

golden:
	$(GO) test ./report/... ./cmd/... -update

clean:
	rm -rf $(BIN)

## bench-audit: the audit analyzer against jq and grep -c on the same
## generated log (MB/s, peak RSS), plus a stdin stream to show flat memory.
## Sizes in MiB; the log goes to BENCH_AUDIT_DIR, never into the repo.
BENCH_AUDIT_MB ?= 1024
BENCH_AUDIT_STREAM_MB ?= 10240
BENCH_AUDIT_DIR ?= /tmp/vaultguard-bench
.PHONY: bench-audit fuzz-audit
bench-audit:
	BENCH_AUDIT_MB=$(BENCH_AUDIT_MB) BENCH_AUDIT_STREAM_MB=$(BENCH_AUDIT_STREAM_MB) \
	BENCH_AUDIT_DIR=$(BENCH_AUDIT_DIR) GO=$(GO) ./auditlog/gen/bench-audit.sh

## fuzz-audit: the audit decoder's differential fuzz target (FUZZTIME).
fuzz-audit:
	$(GO) test ./auditlog -run '^$$' -fuzz FuzzDecode -fuzztime $(FUZZTIME)

## test-forward: the delivery fault tests (200,000 events with three
## SIGKILLs, a sink down for 30 s) with their duplicate counts.
.PHONY: test-forward
test-forward:
	$(GO) test -count=1 -v -run 'TestForwardSurvivesSIGKILL|TestSinkDownLosesNothing' ./auditlog/forward/

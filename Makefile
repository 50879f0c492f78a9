# CreatorDesk — build, run and test.
#
#   make run            set everything up, build, start the app (make run DEMO=1 for the demo workspace)
#   make test           set everything up and run every check CI runs (vet, gofmt, go test, frontend,
#                       end-to-end, smoke)
#   make help           all targets
#
# Targets set up what they need (Debian packages, Wails CLI, npm packages) and skip what is there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
# Steps run one after another, in the order written, even under make -j.
.NOTPARALLEL:
MAKEFLAGS += --no-print-directory

# Every go build, vet and test agrees on the FTS5 tag (otherwise SQLite says "no such module: fts5").
# -buildvcs=false: the version is stamped explicitly below, and builds also work outside a git tree.
export GOFLAGS := -tags=sqlite_fts5 -buildvcs=false

GO ?= go
GOBIN_DIR := $(or $(shell $(GO) env GOBIN),$(shell $(GO) env GOPATH)/bin)
export PATH := $(GOBIN_DIR):$(PATH)

WAILS_VERSION := v2.15.0
WAILS := $(GOBIN_DIR)/wails

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo 0.0.0-dev)
# -tags on the command line replaces GOFLAGS' -tags, so sqlite_fts5 is repeated here.
# (scripts/e2e.sh builds the dev binary with dev,webkit2_41,sqlite_fts5.)
GUI_TAGS := desktop,production,webkit2_41,sqlite_fts5
# UPDATE_FEED: the https address of a JSON release feed ({"version","url","notes"} or a
# GitHub-style latest release) for the optional, off-by-default update check. Empty (the
# default) builds an app with no update source: it never makes that call.
UPDATE_FEED ?=
export UPDATE_FEED
LDFLAGS := -s -w -X creatordesk/app.Version=$(VERSION) -X creatordesk/backend/desktop.UpdateFeedURL=$(UPDATE_FEED)

BIN := build/bin/creatordesk
OUT := build/test-output

# Debian packages: building (GTK/WebKit), running headless (Xvfb, fonts for CJK/Devanagari/emoji),
# screenshots, the end-to-end browser, a real Secret Service for keyring tests.
# dbus-x11 must stay OFF this list (it makes every process auto-launch a bus and keyring that never exit).
APT_PACKAGES := build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev \
	xvfb xauth xfonts-base x11-utils xdotool imagemagick \
	fonts-noto-color-emoji fonts-noto-cjk fonts-noto-core \
	chromium dbus gnome-keyring libsecret-tools curl postgresql

# npm rewrites node_modules/.package-lock.json on every install, so it doubles as the stamp.
NPM_STAMP := frontend/node_modules/.package-lock.json
# What the frontend build reads: src/, public/ and the files at the top of frontend/ (index.html,
# package*.json, vite/ts configs); not tests, e2e, dev tools, node_modules or the output.
FRONTEND_SRC := $(shell { find frontend/src frontend/public -type f; find frontend -maxdepth 1 -type f; } 2>/dev/null)

# Packaging: mingw-w64 cross-compiles the Windows build (cgo SQLite), NSIS makes its installer,
# debootstrap makes the fresh Debian the .deb is installed on.
DIST_APT_PACKAGES := gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis debootstrap dpkg-dev file

RUN_ARGS := $(if $(filter 1 true yes,$(DEMO)),--demo) $(ARGS)
STEP := scripts/step.sh

.PHONY: test-peers help deps deps-apt deps-wails deps-npm frontend build run test vet fmt-check gotest gotest-postgres \
	fuzz-short fuzz frontend-typecheck frontend-test e2e smoke screenshots bench clean \
	deps-dist dist dist-deb dist-windows dist-check

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

# ---------------------------------------------------------------------------------------------
# Setup

deps: deps-apt deps-wails deps-npm frontend/dist/.gitkeep ## install what is missing (apt, Wails CLI, npm ci)

deps-apt:
	@scripts/deps-apt.sh $(APT_PACKAGES)

deps-wails:
	@case "$$("$(WAILS)" version 2>/dev/null || true)" in \
	*$(WAILS_VERSION)*) ;; \
	*)	echo "deps: installing the Wails CLI $(WAILS_VERSION)"; \
		$(GO) install github.com/wailsapp/wails/v2/cmd/wails@$(WAILS_VERSION) ;; \
	esac

deps-npm: $(NPM_STAMP)

# npm ci only when node_modules is missing or older than package.json / package-lock.json.
$(NPM_STAMP): frontend/package-lock.json frontend/package.json
	@echo "deps: npm ci in frontend/"
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

# main.go embeds all:frontend/dist, which does not compile when the directory is missing.
frontend/dist/.gitkeep:
	@mkdir -p $(@D) && touch $@

# ---------------------------------------------------------------------------------------------
# Build and run

frontend: frontend/dist/index.html ## build the frontend (skipped when its sources are unchanged)

frontend/dist/index.html: $(NPM_STAMP) $(FRONTEND_SRC)
	cd frontend && npm run build
	@# the build empties dist/, .gitkeep included
	@touch frontend/dist/.gitkeep
	@test -f $@ || { echo "frontend: the build produced no $@" >&2; exit 1; }
	@touch $@

build: deps frontend ## build the desktop app into build/bin/creatordesk
	$(GO) build -tags $(GUI_TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .
	@echo "build: $(BIN) ($(VERSION))"

run: build ## build and start the app (DEMO=1 for the demo workspace, ARGS=... for more flags)
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
		echo "run: no display (neither DISPLAY nor WAYLAND_DISPLAY is set): starting under xvfb-run, the window is invisible"; \
		exec xvfb-run -a -s '-screen 0 1280x900x24' $(BIN) $(RUN_ARGS); \
	fi; \
	exec $(BIN) $(RUN_ARGS)

# ---------------------------------------------------------------------------------------------
# Checks. `make test` runs them all, in this order, and stops at the first failure.

TEST_STEPS := vet fmt-check gotest gotest-postgres fuzz-short frontend-typecheck frontend-test e2e smoke

test: deps ## every check, as CI runs it
	@rm -f $(OUT)/timings.tsv
	@rc=0; $(MAKE) $(TEST_STEPS) || rc=$$?; \
	echo; echo "test: step timings"; \
	awk -F'\t' '{printf "  %-22s %6ss  %s\n", $$3, $$1, $$2}' $(OUT)/timings.tsv 2>/dev/null || true; \
	if [ $$rc -eq 0 ]; then echo "test: all steps passed"; else echo "test: FAILED (see the first FAILED step above)"; fi; \
	exit $$rc

vet: frontend/dist/.gitkeep ## go vet ./...
	@$(STEP) "go vet" $(GO) vet ./...

fmt-check: ## fail if gofmt would change a file
	@$(STEP) "gofmt" scripts/check-gofmt.sh

gotest: deps-apt frontend/dist/.gitkeep ## go test -race against a real Secret Service
	@$(STEP) "go test" scripts/with-keyring.sh $(GO) test -race -count=1 ./...

gotest-postgres: deps-apt frontend/dist/.gitkeep ## the store's and team mode's tests again on a throwaway PostgreSQL
	@$(STEP) "go test (PostgreSQL)" scripts/with-postgres.sh sh -c '$(GO) test -race -count=1 ./backend/store/... ./backend/teamdb/... ./backend/sync/... ./backend/teamtest/... ./backend/teamcopy/... && $(GO) test -race -count=1 -run "Team|Seen|Conflict|Simultaneous|Probe|OpenSession|OpenFollows" ./backend/workspace/... ./backend/inbox/... ./app/... ./cli/...'

fuzz-short: frontend/dist/.gitkeep ## every Go fuzz target briefly (FUZZTIME=20000x executions each)
	@$(STEP) "fuzz (short)" env FUZZTIME=$${FUZZTIME:-20000x} scripts/fuzz.sh

fuzz: frontend/dist/.gitkeep ## every Go fuzz target for longer (FUZZTIME=2m each by default)
	env FUZZTIME=$${FUZZTIME:-2m} scripts/fuzz.sh

frontend-typecheck: deps-npm ## npm run typecheck in frontend/
	@$(STEP) "frontend typecheck" bash -c 'cd frontend && npm run typecheck'

frontend-test: deps-npm ## npm test in frontend/
	@# CI=true keeps vitest from starting in watch mode on a terminal
	@$(STEP) "frontend unit tests" bash -c 'cd frontend && CI=true npm test'

e2e: deps frontend ## end-to-end tests: dev binary under Xvfb, Playwright + Chromium
	@$(STEP) "end-to-end" scripts/e2e.sh

screenshots: deps frontend ## regenerate the README screenshots (docs/screenshots) from the demo workspace
	E2E_RUNNER=frontend/e2e/screenshots.mjs SCREENSHOTS_DIR=$(CURDIR)/docs/screenshots scripts/e2e.sh

smoke: build ## start the real window under Xvfb and check a screenshot
	@$(STEP) "smoke" env SMOKE_SKIP_BUILD=1 scripts/smoke.sh

# The report also gives the size of build/bin/creatordesk, hence the build.
ifneq ($(wildcard cmd/bench/*.go),)
test-peers: ## opt-in: the Mastodon connector against a real GoToSocial on loopback (built once into build/peers/)
	@$(STEP) "peer tests" scripts/test-peers.sh

bench: build ## benchmark report: go run ./cmd/bench (BENCH_ARGS=-quick for a short run)
	$(GO) run ./cmd/bench $(BENCH_ARGS)
else
bench:
	@echo "bench: the benchmark is not built yet (no cmd/bench)"
endif

# ---------------------------------------------------------------------------------------------
# Packaging (build/dist/). macOS: see README, "Building for macOS" (needs a Mac).

deps-dist: deps
	@scripts/deps-apt.sh $(DIST_APT_PACKAGES)

dist: dist-deb dist-windows ## installers: Linux .deb and Windows NSIS setup in build/dist/

dist-deb: deps-dist frontend ## the Linux .deb (WebKitGTK 4.1) with desktop entry and icons
	scripts/dist-deb.sh

dist-windows: deps-dist frontend ## the Windows build (mingw-w64) and its NSIS installer; checks both are PE files
	scripts/dist-windows.sh

dist-check: dist-deb ## install the .deb on a fresh Debian root with apt, start it under Xvfb, screenshot
	@$(STEP) "deb install" scripts/dist-deb-check.sh

clean: ## remove build outputs (not node_modules or the Go cache)
	rm -rf build/bin build/dist $(OUT)
	find frontend/dist -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true

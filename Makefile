# ixp-rs: route-server tooling for Internet Exchange Points. See README.md.
#
#   make            build build/ixp-rsc and build/ixp-lg
#   make demo       install missing packages, compile the example IXP, show it
#   make check      the whole test suite (unit tests under ASan/UBSan, BIRD
#                   round trips, hostile input, fuzz smoke runs)
#   make install    PREFIX=/usr/local DESTDIR=
#   make fuzz       longer libFuzzer runs that grow the committed corpus
#                   (FUZZ_SECONDS=60 per target, FUZZ_JOBS=1 at a time)
#   make bench      compile and BIRD load times at the size of the largest
#                   IXPs (BENCH_MEMBERS=1000|100|10, BENCH_REPS=3); data
#                   changes on a 400-session route server (bench/rtr.sh)

VERSION  = 0.1.0
PREFIX  ?= /usr/local
DESTDIR ?=
# /etc for a system install (PREFIX=/usr), else under PREFIX; systemd units
# where the prefix's systemd looks (the Debian package: /lib/systemd/system).
SYSCONFDIR ?= $(if $(filter /usr,$(PREFIX)),/etc,$(PREFIX)/etc)
UNITDIR    ?= $(PREFIX)/lib/systemd/system
BUILD   ?= build
CC      ?= cc
CFLAGS  ?= -O2 -g
SANFLAGS ?=

PKGS     = yaml-0.1 jansson zlib libcurl
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) libmicrohttpd 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lyaml -ljansson -lz -lcurl)
MHD_LIBS   := $(shell pkg-config --libs libmicrohttpd 2>/dev/null || echo -lmicrohttpd)

WARN = -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Werror
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -DIXP_VERSION='"$(VERSION)"' $(WARN) \
	$(CPPFLAGS) $(CFLAGS) $(SANFLAGS) $(INCLUDES) $(PKG_CFLAGS) -MMD -MP

# The compiler by phase (docs/architecture.md): load, sources, model, emit,
# out; headers are included by their bare names.
RSC_DIRS   = compiler/load compiler/sources compiler/model compiler/emit compiler/out
INCLUDES   = -Icommon $(RSC_DIRS:%=-I%) -Ilookingglass
COMMON_SRC = $(sort $(wildcard common/*.c))
RSC_SRC    = $(sort $(foreach d,$(RSC_DIRS),$(wildcard $(d)/*.c)))
POLICIES   = $(sort $(wildcard policies/*.bird policies/*.json))

COMMON_OBJ = $(COMMON_SRC:%.c=$(BUILD)/%.o)
RSC_OBJ    = $(RSC_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/policies.o
LG_SRC     = $(sort $(filter-out lookingglass/main.c,$(wildcard lookingglass/*.c)))
LG_OBJ     = $(LG_SRC:%.c=$(BUILD)/%.o)
# The compiler reads live routes (impact, deploy) with the looking glass's
# BIRD client; never the other way round.
BIRDC_OBJ  = $(BUILD)/lookingglass/birdc.o $(BUILD)/lookingglass/bparse.o
LIB_OBJ    = $(RSC_OBJ) $(COMMON_OBJ) $(BIRDC_OBJ)
# Both, for the tests that use both: each object once.
ALL_OBJ    = $(RSC_OBJ) $(COMMON_OBJ) $(LG_OBJ)

UNIT_SRC   = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC   = $(sort $(wildcard tests/fuzz/fuzz_*.c))

.PHONY: lg-demo all demo check unit unit-bin integration golden fuzz fuzz-smoke install \
	clean deps deps-demo deps-test bench

all: $(BUILD)/ixp-rsc $(BUILD)/ixp-lg $(BUILD)/man/ixp-rsc.1 $(BUILD)/man/ixp-lg.8

# The manual pages are made from --help (tools/help2mdoc.awk), dated by
# SOURCE_DATE_EPOCH, else the last commit, so the two never disagree.
MAN_DATE = $(shell date -u -d @$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || date +%s)} '+%B %-d, %Y')
$(BUILD)/man/ixp-rsc.1: $(BUILD)/ixp-rsc tools/help2mdoc.awk
	@mkdir -p $(@D)
	$(BUILD)/ixp-rsc --help | awk -v name=ixp-rsc -v sec=1 -v date="$(MAN_DATE)" \
		-f tools/help2mdoc.awk > $@.tmp && mv $@.tmp $@
$(BUILD)/man/ixp-lg.8: $(BUILD)/ixp-lg tools/help2mdoc.awk
	@mkdir -p $(@D)
	$(BUILD)/ixp-lg --help | awk -v name=ixp-lg -v sec=8 -v date="$(MAN_DATE)" \
		-f tools/help2mdoc.awk > $@.tmp && mv $@.tmp $@

$(BUILD)/ixp-rsc: $(BUILD)/compiler/main.o $(LIB_OBJ)
	$(CC) $(CFLAGS) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# The looking glass, an internet-facing program, links common/ and its own
# code only: what it knows of the compiler is the files it publishes
# (reasons.json, members.json). No libcurl, no IRR client, no YAML parser.
LG_LIBS := $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)
$(BUILD)/ixp-lg: $(BUILD)/lookingglass/main.o $(LG_OBJ) $(COMMON_OBJ)
	$(CC) $(CFLAGS) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(LG_LIBS) $(MHD_LIBS) -lpthread

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<

$(BUILD)/gen/policies.c: $(BUILD)/tools/embed $(POLICIES)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed $@ $(POLICIES)

$(BUILD)/gen/policies.o: $(BUILD)/gen/policies.c
	$(CC) $(ALL_CFLAGS) -Wno-missing-variable-declarations -c -o $@ $<

# ---- tests ---------------------------------------------------------------

$(BUILD)/tests/%: tests/unit/%.c $(ALL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(ALL_OBJ) $(PKG_LIBS) $(MHD_LIBS) \
		-lpthread -lcmocka

# Raw-frame sender/receiver for the forbidden-traffic tests.
$(BUILD)/tests/frametool: tests/tools/frametool.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) -O1 -g -o $@ $<

# Records BIRD's raw replies as transcripts (tests/lg/record.sh).
$(BUILD)/tests/birdrec: tests/tools/birdrec.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) -O1 -g -o $@ $<

# IRRd-protocol server over RPSL dumps, with fault injection.
$(BUILD)/tests/irrd_fixture: tests/tools/irrd_fixture.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJ) $(PKG_LIBS)

# HTTP data sources (VRP exports, PeeringDB) with faults, over HTTP or TLS.
$(BUILD)/tests/http_fixture: tests/tools/http_fixture.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) -O1 -g -o $@ $< -ljansson -lmicrohttpd

# Peak memory of a command, for the hostile-input bounds.
$(BUILD)/tests/peakrss: tests/tools/peakrss.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) -O1 -g -o $@ $<

# Cost of 10x the input for every parser (tests/integration/t_scaling.sh).
$(BUILD)/tests/scaling: tests/scaling/scaling.c $(ALL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_OBJ) $(PKG_LIBS) $(MHD_LIBS) -lpthread

TEST_TOOLS = $(BUILD)/tests/frametool $(BUILD)/tests/irrd_fixture $(BUILD)/tests/http_fixture \
	$(BUILD)/tests/birdrec \
	$(BUILD)/tests/peakrss $(BUILD)/tests/scaling $(BUILD)/bench/gen

# The unit tests built, not run (check builds them in parallel first).
unit-bin: $(UNIT_BIN)

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do \
		echo "== $$t"; \
		(cd tests/unit && ../../$$t) || { echo "FAIL: $$t"; exit 1; }; \
	done

integration: all $(TEST_TOOLS)
	IXP_RSC=$(CURDIR)/$(BUILD)/ixp-rsc TOOLS=$(CURDIR)/$(BUILD)/tests sh tests/run.sh

# Regenerate the reviewed golden output of the example (review the diff!).
golden: all
	$(BUILD)/ixp-rsc compile examples/example-ix/ixp.yaml -o tests/golden/example-ix \
		--no-timestamp -q
	chmod 0644 tests/golden/example-ix/*

deps:
	@sh tools/deps.sh build
deps-demo:
	@sh tools/deps.sh demo
deps-test:
	@sh tools/deps.sh test

# The sanitizer build lives beside the normal one; unit tests and the
# integration scripts use it so every run is checked by ASan and UBSan.
ASAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

# The builds use every core (the fuzz targets each compile every source);
# the tests run as before.
JOBS := $(shell nproc 2>/dev/null || echo 1)

check: deps-test
	$(MAKE) -j$(JOBS) all $(TEST_TOOLS)
	$(MAKE) -j$(JOBS) BUILD=build/asan CFLAGS="-O1 -g" SANFLAGS="$(ASAN_FLAGS)" all unit-bin
	$(MAKE) BUILD=build/asan CFLAGS="-O1 -g" SANFLAGS="$(ASAN_FLAGS)" unit
	IXP_RSC=$(CURDIR)/build/asan/ixp-rsc TOOLS=$(CURDIR)/$(BUILD)/tests sh tests/run.sh
	$(MAKE) -j$(JOBS) $(FUZZ_BIN)
	$(MAKE) fuzz-smoke

demo: deps-demo
	$(MAKE) all
	sh tools/demo.sh $(BUILD)/ixp-rsc

# The looking glass on a live route server in network namespaces (root).
lg-demo: deps-demo
	$(MAKE) all
	IXP_RSC=$(CURDIR)/$(BUILD)/ixp-rsc sh tools/lg-demo.sh

# libFuzzer targets (clang). fuzz-smoke runs each briefly over its seed
# corpus as part of `make check`; `make fuzz` runs longer.
FUZZ_SECONDS ?= 60
FUZZ_BUILD = build/fuzz
FUZZ_CFLAGS = -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all $(INCLUDES) $(PKG_CFLAGS)
FUZZ_LIB_SRC = $(COMMON_SRC) $(RSC_SRC) $(LG_SRC)

$(FUZZ_BUILD)/%: tests/fuzz/%.c $(FUZZ_LIB_SRC) $(BUILD)/gen/policies.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_LIB_SRC) $(BUILD)/gen/policies.c $(PKG_LIBS) \
		$(MHD_LIBS) -lpthread

FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(FUZZ_BUILD)/%)

# The smoke run replays the committed corpus (every past finding among it)
# and fuzzes briefly; `make fuzz` grows and re-minimizes that corpus and logs
# the run in tests/fuzz/runs.log (commit both). FUZZ_JOBS=2 runs two
# targets at a time.
FUZZ_SMOKE_SECONDS ?= 10

fuzz-smoke: $(FUZZ_BIN)
	@sh tests/fuzz/run.sh $(FUZZ_SMOKE_SECONDS) $(FUZZ_BIN)

fuzz: $(FUZZ_BIN)
	@sh tests/fuzz/run.sh --grow $(FUZZ_SECONDS) $(FUZZ_BIN)

# ---- benchmarks ------------------------------------------------------------

$(BUILD)/bench/%: bench/%.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) -O2 -o $@ $<

$(BUILD)/bench/lgload: bench/lgload.c $(BUILD)/lookingglass/birdc.o $(BUILD)/common/clock.o
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) -O2 -Icommon -Ilookingglass -o $@ $^ -lpthread

$(BUILD)/bench/churn: bench/churn.c $(BUILD)/common/addr.o
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) -O2 -Icommon -o $@ $^

bench: deps-test all $(BUILD)/tests/irrd_fixture $(BUILD)/bench/gen $(BUILD)/bench/measure \
		$(BUILD)/bench/lgload $(BUILD)/bench/churn
	sh bench/run.sh
	sh bench/lg.sh
	sh bench/impact.sh
	sh bench/rtr.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/doc/ixp-rs
	install -m 0755 $(BUILD)/ixp-rsc $(DESTDIR)$(PREFIX)/bin/ixp-rsc
	install -m 0755 $(BUILD)/ixp-lg $(DESTDIR)$(PREFIX)/bin/ixp-lg
	install -d $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man8
	install -m 0644 $(BUILD)/man/ixp-rsc.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 0644 $(BUILD)/man/ixp-lg.8 $(DESTDIR)$(PREFIX)/share/man/man8/
	install -m 0644 README.md LICENSE $(DESTDIR)$(PREFIX)/share/doc/ixp-rs/
	install -d $(DESTDIR)$(PREFIX)/share/doc/ixp-rs/docs/img
	install -m 0644 docs/*.md $(DESTDIR)$(PREFIX)/share/doc/ixp-rs/docs/
	install -m 0644 docs/img/*.png $(DESTDIR)$(PREFIX)/share/doc/ixp-rs/docs/img/
	install -d $(DESTDIR)$(PREFIX)/share/ixp-rs/examples
	cp -R examples/. $(DESTDIR)$(PREFIX)/share/ixp-rs/examples/
	install -d $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSCONFDIR)/ixp-rs $(DESTDIR)$(SYSCONFDIR)/default
	for u in dist/systemd/*.service dist/systemd/*.timer; do \
		sed 's|/usr/bin/|$(PREFIX)/bin/|g; s|/etc/|$(SYSCONFDIR)/|g' $$u > $(DESTDIR)$(UNITDIR)/$${u##*/}; \
		chmod 0644 $(DESTDIR)$(UNITDIR)/$${u##*/}; done
	{ printf '%s\n' "# $(SYSCONFDIR)/ixp-rs/ixp.yaml: the IXP that ixp-rsc-compile.service compiles." \
		"# This starting file is the bundled Example-IX, its data under" \
		"# $(PREFIX)/share/ixp-rs/examples: replace it with your IXP (the schema:" \
		"# ixp-rsc(1) and $(PREFIX)/share/doc/ixp-rs/docs/configuration.md)." "#"; \
	  sed -E 's#(dumps: \[|, |vrps: |slurm: )(irr|rpki)/#\1$(PREFIX)/share/ixp-rs/examples/example-ix/\2/#g' \
		examples/example-ix/ixp.yaml; } > $(DESTDIR)$(SYSCONFDIR)/ixp-rs/ixp.yaml
	chmod 0644 $(DESTDIR)$(SYSCONFDIR)/ixp-rs/ixp.yaml
	install -m 0644 dist/etc/default/ixp-rs dist/etc/default/ixp-lg $(DESTDIR)$(SYSCONFDIR)/default/

clean:
	rm -rf build

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

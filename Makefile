# nps: one entry point.  make | make check | make demo | make bench | make fuzz
VERSION := $(shell cat VERSION)
CC ?= cc
BUILD := build
WARN := -Wall -Wextra -Werror
CFLAGS ?= -O2 -g
ALL_CFLAGS := -std=c11 $(WARN) $(CFLAGS) -fPIC -Icore -I$(BUILD)
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
PG_CONFIG ?= pg_config
# libFuzzer targets (tests/fuzz/): one binary per target; make fuzz runs each
# for FUZZ_SECONDS, make check for CHECK_FUZZ_SECONDS.
FUZZ_CC ?= clang
FUZZ_FLAGS := -std=c11 $(WARN) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Icore
FUZZ_SECONDS ?= 600
CHECK_FUZZ_SECONDS ?= 5
FUZZ_TARGETS := state_decode state_text score_text casefold categories merge
FUZZ_BINS := $(addprefix $(BUILD)/fuzz/,$(FUZZ_TARGETS))
HAVE_PG := $(shell $(PG_CONFIG) --pgxs >/dev/null 2>&1 && test -f "$$($(PG_CONFIG) --pgxs)" && echo yes)

CORE_SRC := $(wildcard core/*.c)
CORE_HDR := $(wildcard core/*.h) $(BUILD)/nps_version.h
SQLITE_SRC := $(wildcard sqlite-ext/*.c)

.PHONY: all sqlite pg demo check deps-build deps-check check-core check-sqlite \
        check-sanitize check-valgrind check-pg check-parity check-programme check-bench bench clean format \
        fuzz check-fuzz fuzz-seeds

all: sqlite $(BUILD)/test_core $(if $(HAVE_PG),pg)

# The version, stamped from VERSION into the one C header that carries it.
$(BUILD)/nps_version.h: VERSION
	@mkdir -p $(@D)
	printf '#define NPS_VERSION "%s"\n' "$(VERSION)" > $@

# One rule per kind of artefact: the SQLite extension (plain and sanitized),
# the core test binary (plain and sanitized).
sqlite: $(BUILD)/nps.so
$(BUILD)/nps.so: $(SQLITE_SRC) $(CORE_SRC) $(CORE_HDR)
	$(CC) $(ALL_CFLAGS) -shared -o $@ $(SQLITE_SRC) $(CORE_SRC) -lm
$(BUILD)/san/nps.so: $(SQLITE_SRC) $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -shared -o $@ $(SQLITE_SRC) $(CORE_SRC) -lm
$(BUILD)/test_core: tests/core/test_core.c $(CORE_SRC) $(CORE_HDR)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_SRC) -lcmocka -lm
$(BUILD)/san/test_core: tests/core/test_core.c $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -o $@ $< $(CORE_SRC) -lcmocka -lm

# A fuzz target: its file of tests/fuzz/ and the core, under libFuzzer and the sanitizers.
$(FUZZ_BINS): $(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $< $(CORE_SRC) -lm

pg: $(BUILD)/nps_version.h
	$(MAKE) -C pg-ext

deps-build:
	@scripts/deps.sh build sqlite
deps-check:
	@scripts/deps.sh build sqlite test pg bench fuzz

demo: deps-build
	@$(MAKE) --no-print-directory -s sqlite
	@demo/run.sh

check: deps-check
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory check-core check-sqlite check-sanitize check-valgrind check-pg check-parity check-programme check-bench check-fuzz
	@echo "make check: all suites passed"

check-core: $(BUILD)/test_core
	$(BUILD)/test_core
check-sqlite: $(BUILD)/nps.so
	tests/sqlite/run.sh $(BUILD)/nps.so
check-sanitize: $(BUILD)/san/test_core $(BUILD)/san/nps.so
	$(BUILD)/san/test_core
	NPS_SANITIZE=1 tests/sqlite/run.sh $(BUILD)/san/nps.so
check-valgrind: $(BUILD)/nps.so
	NPS_VALGRIND=1 tests/sqlite/run.sh $(BUILD)/nps.so
check-pg: $(BUILD)/nps_version.h
	tests/pg/run.sh
check-parity: $(BUILD)/nps.so
	tests/parity/run.sh $(BUILD)/nps.so
check-programme: $(BUILD)/nps.so
	tests/programme/run.sh $(BUILD)/nps.so
check-bench: $(BUILD)/nps.so
	BENCH_ROWS=100000 BENCH_REPS=3 bench/run.sh

bench: deps-check
	bench/run.sh

# Every fuzz target for FUZZ_SECONDS seconds (2 at a time); finds stay in build/fuzz/.
fuzz:
	@scripts/deps.sh build fuzz
	@$(MAKE) --no-print-directory $(FUZZ_BINS)
	tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)
check-fuzz: $(FUZZ_BINS)
	tests/fuzz/run.sh $(CHECK_FUZZ_SECONDS) $(FUZZ_TARGETS)
# Rewrite the committed seed corpus (tests/fuzz/gen_seeds.c).
fuzz-seeds: $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(BUILD)/fuzz
	$(CC) $(ALL_CFLAGS) -o $(BUILD)/fuzz/gen_seeds tests/fuzz/gen_seeds.c $(CORE_SRC) -lm
	$(BUILD)/fuzz/gen_seeds tests/fuzz/corpus

clean:
	rm -rf $(BUILD)
	-$(if $(HAVE_PG),$(MAKE) -C pg-ext clean)

format:
	clang-format -i core/*.[ch] sqlite-ext/*.[ch] pg-ext/*.[ch] tests/core/*.c tests/fuzz/*.[ch]

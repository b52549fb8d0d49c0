# nps: one entry point.
#   make                 the extensions: build/nps.so (SQLite) and, where
#                        pg_config is found, the PostgreSQL extension
#   make install         both, where their loaders find them (PREFIX, DESTDIR)
#   make installcheck    the PostgreSQL suite against the server you run
#   make check           every suite, with its own throw-away server
#   make demo | make bench | make bench-bayes | make fuzz | make check-pg-versions
VERSION := $(shell cat VERSION)
CC ?= cc
BUILD := build
# Warnings are errors in CI (CI is set there) and on request (WERROR=1), not
# in a user's build, where a newer compiler may warn about something new.
WERROR ?= $(if $(CI),1)
WARN := -Wall -Wextra $(if $(filter 1 yes true,$(WERROR)),-Werror)
CFLAGS ?= -O2 -g
ALL_CFLAGS := -std=c11 $(WARN) $(CFLAGS) -fPIC -Icore -I$(BUILD)
# make install: the SQLite extension goes where the dynamic loader looks by
# default (Debian: /usr/lib/<multiarch>), so that `.load nps` finds it by name;
# a PREFIX outside the loader's path needs `.load PREFIX/lib/.../nps`.
PREFIX ?= /usr
MULTIARCH := $(shell $(CC) -print-multiarch 2>/dev/null)
LIBDIR ?= $(PREFIX)/lib$(if $(MULTIARCH),/$(MULTIARCH))
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
# libFuzzer targets (tests/fuzz/): one binary per target; make fuzz runs each
# for FUZZ_SECONDS, make check for CHECK_FUZZ_SECONDS.
FUZZ_CC ?= clang
FUZZ_FLAGS := -std=c11 $(WARN) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Icore
FUZZ_SECONDS ?= 600
CHECK_FUZZ_SECONDS ?= 5
FUZZ_TARGETS := state_decode state_text score_text casefold categories merge pair_decode scale_decode scale_text
FUZZ_BINS := $(addprefix $(BUILD)/fuzz/,$(FUZZ_TARGETS))
# PostgreSQL: pg_config names the server to build for.  Unset, the one on
# PATH is used if there is one (else only SQLite is built); set, it must work.
PG_CONFIG_GIVEN := $(filter command line environment,$(origin PG_CONFIG))
PG_CONFIG ?= pg_config
HAVE_PG := $(shell $(PG_CONFIG) --pgxs >/dev/null 2>&1 && test -f "$$($(PG_CONFIG) --pgxs)" && echo yes)
PG_CONFIG_ERROR := PG_CONFIG=$(PG_CONFIG) does not name a pg_config with PGXS (install postgresql-server-dev-NN, or point PG_CONFIG at one)

CORE_SRC := $(wildcard core/*.c)
CORE_HDR := $(wildcard core/*.h) $(BUILD)/nps_version.h
SQLITE_SRC := $(wildcard sqlite-ext/*.c)

.PHONY: all sqlite pg pg-required install install-sqlite install-pg print-libdir installcheck check-install demo check deps-build \
        deps-check check-core check-sqlite check-sanitize check-valgrind check-pg check-parity \
        check-programme check-bench check-pg-versions bench clean format fuzz check-fuzz fuzz-seeds sql check-sql \
        check-stats bench-bayes

# The extensions only; test binaries belong to make check.
all: sqlite $(if $(or $(HAVE_PG),$(PG_CONFIG_GIVEN)),pg,no-pg)
no-pg:
	@echo "note: no pg_config found, so only the SQLite extension was built (PostgreSQL: apt-get install postgresql-server-dev-15, or make PG_CONFIG=/path/to/pg_config)"

# The version, stamped from VERSION into the one C header that carries it.
# Written to a temporary file and renamed: a concurrent build never reads a
# half-written header.
$(BUILD)/nps_version.h: VERSION
	@mkdir -p $(@D)
	printf '#define NPS_VERSION "%s"\n' "$(VERSION)" > $@.$$$$ && mv -f $@.$$$$ $@

# One rule per kind of artefact: the SQLite extension (plain and sanitized),
# the core test binary (plain and sanitized).
sqlite: $(BUILD)/nps.so
$(BUILD)/nps.so: $(SQLITE_SRC) $(CORE_SRC) $(CORE_HDR)
	$(CC) $(ALL_CFLAGS) -shared -o $@ $(SQLITE_SRC) $(CORE_SRC) -lm
$(BUILD)/san/nps.so: $(SQLITE_SRC) $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -shared -o $@ $(SQLITE_SRC) $(CORE_SRC) -lm
$(BUILD)/nps.so $(BUILD)/san/nps.so: $(wildcard sqlite-ext/*.h) sql/surface.h
$(BUILD)/test_core: $(wildcard tests/core/*.[ch]) $(CORE_SRC) $(CORE_HDR)
	$(CC) $(ALL_CFLAGS) -o $@ $(filter %.c,$^) -lcmocka -lm
$(BUILD)/san/test_core: $(wildcard tests/core/*.[ch]) $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -o $@ $(filter %.c,$^) -lcmocka -lm
# The core and its tests through the second compiler (clang, as the fuzz
# targets), so the core stays portable C11 for every engine's build.
$(BUILD)/clang/test_core: $(wildcard tests/core/*.[ch]) $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 $(WARN) -O1 -g -Icore -I$(BUILD) -o $@ $(filter %.c,$^) -lcmocka -lm

# A fuzz target: its file of tests/fuzz/ and the core, under libFuzzer and the sanitizers.
$(FUZZ_BINS): $(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $< $(CORE_SRC) -lm

pg: pg-required $(BUILD)/nps_version.h
	$(MAKE) -C pg-ext PG_CONFIG=$(PG_CONFIG) WERROR=$(WERROR)
pg-required:
	$(if $(HAVE_PG),@:,$(error $(PG_CONFIG_ERROR)))

install: install-sqlite $(if $(or $(HAVE_PG),$(PG_CONFIG_GIVEN)),install-pg)
install-sqlite: sqlite
	install -d $(DESTDIR)$(LIBDIR)
	install -m 644 $(BUILD)/nps.so $(DESTDIR)$(LIBDIR)/nps.so
print-libdir:
	@echo $(LIBDIR)
install-pg: pg
	$(MAKE) -C pg-ext install PG_CONFIG=$(PG_CONFIG) WERROR=$(WERROR)
# The PostgreSQL suite against a server you already run (PGHOST, PGPORT,
# PGUSER as for psql; the user creates and drops the database
# contrib_regression), after make install.
installcheck: pg-required
	$(MAKE) -C pg-ext installcheck PG_CONFIG=$(PG_CONFIG)

# sql/nps.sql is generated by tools/gen_sql.c from the table of the SQL
# surface (sql/surface.h) and the hand-written sql/nps.sql.tmpl, and committed:
# make sql rewrites it, make check-sql fails when it is not what they give.
$(BUILD)/gen_sql: tools/gen_sql.c sql/surface.h core/languages.c core/nps.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ tools/gen_sql.c core/languages.c
sql: $(BUILD)/gen_sql
	$(BUILD)/gen_sql sql/nps.sql.tmpl > $(BUILD)/nps.sql && mv $(BUILD)/nps.sql sql/nps.sql
check-sql: $(BUILD)/gen_sql
	@$(BUILD)/gen_sql sql/nps.sql.tmpl | diff -u sql/nps.sql - || \
	    { echo "sql/nps.sql is not what make sql writes from sql/surface.h and sql/nps.sql.tmpl" >&2; exit 1; }

deps-build:
	@scripts/deps.sh build sqlite
deps-check:
	@scripts/deps.sh build sqlite test pg bench fuzz

demo: deps-build
	@$(MAKE) --no-print-directory -s sqlite
	@WERROR=$(filter 1 yes true,$(WERROR)) demo/run.sh

check: deps-check
	@$(MAKE) --no-print-directory all $(BUILD)/test_core
	@# One suite at a time, even under make -j: they share one PostgreSQL install.
	@$(MAKE) --no-print-directory -j1 check-sql check-core check-stats check-sqlite check-sanitize check-valgrind check-pg check-parity check-programme check-install check-bench check-fuzz
	@echo "make check: all suites passed"

# The statistical checks (tests/stats/): every *_coverage.c program, built
# with the core, prints its table and fails outside its band; then the
# accuracy of the posterior (B2, B3) against bayes_reference.py's
# brute-force integration and Monte Carlo.
STATS_COVERAGE := $(patsubst tests/stats/%.c,$(BUILD)/stats/%,$(wildcard tests/stats/*_coverage.c))
$(BUILD)/stats/%: tests/stats/%.c $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_SRC) -lm
check-stats: $(STATS_COVERAGE) $(BUILD)/stats/bayes_values
	@for p in $(STATS_COVERAGE); do echo "$$p"; $$p || exit 1; done
	python3 tests/stats/bayes_reference.py $(BUILD)/stats/bayes_values --quick

check-core: $(BUILD)/test_core
	$(BUILD)/test_core
check-sqlite: $(BUILD)/nps.so
	tests/sqlite/run.sh $(BUILD)/nps.so
check-sanitize: $(BUILD)/san/test_core $(BUILD)/san/nps.so $(BUILD)/clang/test_core
	$(BUILD)/san/test_core
	$(BUILD)/clang/test_core
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
# Calls per second of the credible bound and prob_above as n grows, as
# ratios against n = 10 in the same run (report only).
$(BUILD)/bench/bayes_speed: bench/bayes_speed.c $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_SRC) -lm
bench-bayes: $(BUILD)/bench/bayes_speed
	$(BUILD)/bench/bayes_speed
check-install: sqlite pg
	tests/install/run.sh
# The PostgreSQL and parity suites on every other PostgreSQL major Debian
# ships (scripts/pg-majors.sh: the list, and how; root only).
check-pg-versions:
	scripts/pg-majors.sh

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
	clang-format -i core/*.[ch] sqlite-ext/*.[ch] pg-ext/*.[ch] tools/*.c tests/core/*.[ch] tests/fuzz/*.[ch] tests/stats/*.c

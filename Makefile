# nps: one entry point.
#   make                 the extensions: build/nps.so (SQLite) and, where
#                        pg_config is found, the PostgreSQL extension
#   make install         both, where their loaders find them (PREFIX, DESTDIR)
#   make installcheck    the PostgreSQL suite against the server you run
#   make check           every suite, with its own throw-away server
#   make duckdb          the DuckDB extension, build/nps.duckdb_extension
#                        (DuckDB's headers and library from npm)
#   make dist            the PGXN distribution, build/nps-VERSION.zip, with
#                        build/META.json (make meta) from META.json.in
#   make deb             Debian packages into build/deb/ (postgresql-NN-nps,
#                        libsqlite3-mod-nps); make check-deb installs and
#                        tries them (root)
#   make demo | make demo-pg | make bench | make bench-programme | make bench-bayes | make fuzz
#   make check-pg-versions
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

# DuckDB: its C headers and a prebuilt libduckdb.so come from npm into a
# cache outside the repository (scripts/duckdb.sh), at the versions pinned in
# duckdb-ext/versions.mk; the extension asks for the C API version given
# there, and its metadata footer says so (duckdb-ext/append_metadata.sh).
include duckdb-ext/versions.mk
DUCKDB_DIR := $(shell scripts/duckdb.sh path)
DUCKDB_LIB := $(DUCKDB_DIR)/lib/libduckdb.so
DUCKDB_CAPI := $(subst ., ,$(patsubst v%,%,$(DUCKDB_CAPI_VERSION)))
DUCKDB_CFLAGS := -I$(DUCKDB_DIR)/include -fvisibility=hidden \
    -DDUCKDB_EXTENSION_API_VERSION_MAJOR=$(word 1,$(DUCKDB_CAPI)) \
    -DDUCKDB_EXTENSION_API_VERSION_MINOR=$(word 2,$(DUCKDB_CAPI)) \
    -DDUCKDB_EXTENSION_API_VERSION_PATCH=$(word 3,$(DUCKDB_CAPI))
DUCKDB_SRC := $(wildcard duckdb-ext/*.c)
CORE_SRC := $(wildcard core/*.c)
CORE_HDR := $(wildcard core/*.h) $(BUILD)/nps_version.h
SQLITE_SRC := $(wildcard sqlite-ext/*.c)

.PHONY: all sqlite pg pg-required install install-sqlite install-pg print-libdir installcheck check-install demo check deps-build \
        deb check-deb meta dist \
        deps-check check-core check-sqlite check-sanitize check-valgrind check-pg check-fdw check-parity \
        check-programme check-demo check-readme check-clients demo-pg check-bench check-pg-versions bench clean format fuzz check-fuzz fuzz-seeds sql check-sql \
        check-stats check-check bench-bayes duckdb check-duckdb check-duckdb-sanitize check-duckdb-where-possible check-duckdb-valgrind \
        bench-programme check-bench-programme

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
# CPPFLAGS and LDFLAGS as a packager sets them (dpkg-buildflags: fortify,
# full RELRO), as the PostgreSQL build takes them through PGXS.
$(BUILD)/nps.so: $(SQLITE_SRC) $(CORE_SRC) $(CORE_HDR)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -shared $(LDFLAGS) -o $@ $(SQLITE_SRC) $(CORE_SRC) -lm
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

# The DuckDB extension: the wrapper and the core as one shared library, and
# the loadable file DuckDB takes, the library with its metadata footer.  The
# small shell over libduckdb.so (tests/duckdb/shell.c) runs the DuckDB suite,
# the parity suite's DuckDB side, the benchmark and the README's example.
duckdb: $(BUILD)/nps.duckdb_extension $(BUILD)/duckdb/shell
$(DUCKDB_LIB):
	scripts/duckdb.sh fetch >/dev/null
$(BUILD)/duckdb/nps.so: $(DUCKDB_SRC) $(CORE_SRC) $(CORE_HDR) duckdb-ext/nps_duckdb.h sql/surface.h duckdb-ext/versions.mk | $(DUCKDB_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(DUCKDB_CFLAGS) -shared -o $@ $(DUCKDB_SRC) $(CORE_SRC) -lm
$(BUILD)/san/duckdb/nps.so: $(DUCKDB_SRC) $(CORE_SRC) $(CORE_HDR) duckdb-ext/nps_duckdb.h sql/surface.h duckdb-ext/versions.mk | $(DUCKDB_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) $(DUCKDB_CFLAGS) -shared -o $@ $(DUCKDB_SRC) $(CORE_SRC) -lm
$(BUILD)/nps.duckdb_extension: $(BUILD)/duckdb/nps.so duckdb-ext/append_metadata.sh duckdb-ext/versions.mk VERSION
	duckdb-ext/append_metadata.sh $< $@ $(DUCKDB_CAPI_VERSION) $(VERSION)
$(BUILD)/san/nps.duckdb_extension: $(BUILD)/san/duckdb/nps.so duckdb-ext/append_metadata.sh duckdb-ext/versions.mk VERSION
	duckdb-ext/append_metadata.sh $< $@ $(DUCKDB_CAPI_VERSION) $(VERSION)
$(BUILD)/duckdb/shell: tests/duckdb/shell.c | $(DUCKDB_LIB)
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) $(CFLAGS) -I$(DUCKDB_DIR)/include -o $@ $< -L$(DUCKDB_DIR)/lib -lduckdb -Wl,-rpath,$(DUCKDB_DIR)/lib

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
	@scripts/deps.sh build sqlite demo test pg bench fuzz clients browser

demo: deps-build
	@scripts/deps.sh demo
	@$(MAKE) --no-print-directory -s sqlite
	@WERROR=$(filter 1 yes true,$(WERROR)) demo/run.sh
# The demo programme in PostgreSQL: the database nps_demo on the running
# server (demo/pg.sh: the data of make demo's database, sql/programme/pg.sql;
# the extension installed first, make pg && sudo make -C pg-ext install).
# NPS_DEMO_DB names another SQLite demo database (tests/readme/run.sh).
demo-pg:
	@test -n "$(NPS_DEMO_DB)" || test -f $(BUILD)/demo/nps_demo.db || $(MAKE) --no-print-directory demo >/dev/null
	demo/pg.sh

# make check: one line per suite (scripts/check.sh), the full output of every
# suite in $(CHECK_LOG); V=1 shows it on the terminal as well.  A make check-X
# prints its suite's full output.  The lines in which a suite says what it
# installs where reach the terminal before it installs.
CHECK_LOG := $(BUILD)/check.log
CHECK_SUITES := check sql core stats sqlite sanitize valgrind pg fdw duckdb parity programme demo readme clients install bench bench-programme fuzz
CHECK_RUN = CHECK_LOG=$(CHECK_LOG) CHECK_VERBOSE=$(V) scripts/check.sh
check: deps-check
	@$(CHECK_RUN) --start
	@echo "make check: one line per suite; the full output goes to $(CHECK_LOG)$(if $(filter-out 0,$(V)),, (make check V=1: here too))"
	@$(CHECK_RUN) build -- $(MAKE) --no-print-directory all $(BUILD)/test_core
	@# One suite at a time, even under make -j: they share one PostgreSQL install.
	@for suite in $(CHECK_SUITES); do \
	    if [ $$suite != duckdb ]; then \
	        $(CHECK_RUN) $$suite -- $(MAKE) --no-print-directory -j1 check-$$suite || exit 1; \
	    elif reason=$$(scripts/duckdb.sh can); then \
	        $(CHECK_RUN) duckdb -- $(MAKE) --no-print-directory -j1 check-duckdb || exit 1; \
	        $(CHECK_RUN) duckdb-san -- $(MAKE) --no-print-directory -j1 check-duckdb-sanitize || exit 1; \
	    else \
	        $(CHECK_RUN) --skip duckdb "$$reason"; \
	    fi; \
	done
	@if reason=$$(scripts/duckdb.sh can); then echo "make check: all suites passed"; \
	 else echo "make check: all suites passed; DuckDB SKIPPED: $$reason"; fi
# scripts/check.sh on suites of its own making (tests/check/run.sh).
check-check:
	tests/check/run.sh

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
# README's "Running on Citus and postgres_fdw" on two shard databases and a
# coordinator of one throw-away server (tests/fdw/run.sh).
check-fdw: $(BUILD)/nps_version.h
	tests/fdw/run.sh
check-parity: $(BUILD)/nps.so
	tests/parity/run.sh $(BUILD)/nps.so
# make demo's report and its HTML page (tests/demo/run.sh): the report's
# numbers against plain SQL, the page parsed and drawn by headless chromium.
check-demo: $(BUILD)/nps.so
	tests/demo/run.sh $(BUILD)/nps.so
# Every SQL example of README.md (and the other documents), run as written,
# its output against the block shown under it; the PostgreSQL ones after
# make demo-pg on a throw-away server (tests/readme/run.sh).
check-readme: $(BUILD)/nps.so $(BUILD)/nps_version.h
	tests/readme/run.sh $(BUILD)/nps.so
# The DuckDB suite (tests/duckdb/run.sh: the real libduckdb.so, fetched by
# npm into a cache outside the repository).  make check runs it where
# DuckDB can be had (npm installed, Linux x86_64), plainly and with the
# extension under ASan and UBSan, and says plainly when it skips them; make
# check-duckdb asks for it and fails where it cannot run.
check-duckdb:
	tests/duckdb/run.sh
check-duckdb-sanitize: $(BUILD)/san/nps.duckdb_extension
	NPS_SANITIZE=1 tests/duckdb/run.sh $(BUILD)/san/nps.duckdb_extension
check-duckdb-where-possible:
	@if reason=$$(scripts/duckdb.sh can); then $(MAKE) --no-print-directory check-duckdb check-duckdb-sanitize; \
	 else echo "SKIPPED: the DuckDB suites, $$reason"; fi
# The DuckDB suite with the shell under valgrind: a report whose stack
# passes through the extension fails (about 4 minutes; not part of make check).
check-duckdb-valgrind:
	NPS_VALGRIND=1 tests/duckdb/run.sh
check-programme: $(BUILD)/nps.so
	tests/programme/run.sh $(BUILD)/nps.so
check-bench: $(BUILD)/nps.so
	BENCH_ROWS=100000 BENCH_REPS=3 bench/run.sh
# The programme benchmark on two tiny programmes, so that it never rots: the
# answers of both engines must agree (its targets are set for 2M responses).
check-bench-programme: $(BUILD)/nps.so
	PROG_SIZES="1000 5000" PROG_INSERTS=1000 PROG_REPS=1 PROG_OUT=$(BUILD)/bench-programme/check \
	    bench/programme/run.sh
# Calls per second of the credible bound and prob_above as n grows, as
# ratios against n = 10 in the same run (report only).
$(BUILD)/bench/bayes_speed: bench/bayes_speed.c $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_SRC) -lm
bench-bayes: $(BUILD)/bench/bayes_speed
	$(BUILD)/bench/bayes_speed
# The README's "Using nps from Python, ODBC, JDBC and Node": every snippet,
# taken from README.md, run with the real clients (tests/clients/run.sh;
# the packages: scripts/deps.sh clients).
check-clients: $(BUILD)/nps.so
	@scripts/deps.sh clients
	tests/clients/run.sh $(BUILD)/nps.so
check-install: sqlite pg
	tests/install/run.sh
# PGXN: META.json (PGXN Meta Spec 1.0.0) from META.json.in with the version
# of VERSION, and the distribution PGXN takes: the committed tree (git
# archive of HEAD) with META.json at its top, build/nps-VERSION.zip.
meta: $(BUILD)/META.json
$(BUILD)/META.json: META.json.in VERSION
	@mkdir -p $(@D)
	sed 's/@VERSION@/$(VERSION)/g' $< > $@.$$$$ && mv -f $@.$$$$ $@
dist: $(BUILD)/META.json
	git archive --format=zip --prefix=nps-$(VERSION)/ --add-file=$(BUILD)/META.json -o $(BUILD)/nps-$(VERSION).zip HEAD
# Debian packages by Debian's tooling (scripts/deb.sh: debian/, pg_buildext,
# dpkg-buildpackage), and the suite that installs them with dpkg -i, uses
# them and removes them (tests/deb/run.sh; root only, not part of make check,
# which it would slow by a minute and which it must not race for the paths
# make install writes: CI runs it after make check).
deb:
	@scripts/deps.sh build sqlite deb
	scripts/deb.sh
check-deb: deb
	tests/deb/run.sh
# The PostgreSQL and parity suites on every other PostgreSQL major Debian
# ships (scripts/pg-majors.sh: the list, and how; root only).
check-pg-versions:
	scripts/pg-majors.sh

bench: deps-check
	bench/run.sh
# Every view of the programme toolkit and the README's programme queries at
# 20k, 200k and 2M responses (PROG_SIZES), both engines (bench/programme/run.sh).
bench-programme: deps-check
	bench/programme/run.sh

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
	clang-format -i core/*.[ch] sqlite-ext/*.[ch] pg-ext/*.[ch] duckdb-ext/*.[ch] tools/*.c tests/core/*.[ch] tests/fuzz/*.[ch] tests/stats/*.c tests/duckdb/*.c

# The DuckDB that duckdb-ext/ is built and tested against: two npm packages,
# fetched by scripts/duckdb.sh into a cache outside the repository and never
# committed.  Read by the Makefile (include) and by scripts/duckdb.sh
# (source): plain NAME=value lines, no spaces.
#
# DUCKDB_HEADERS_PKG  DuckDB's full source (MIT); we take only
#                     src/duckdb/src/include/duckdb.h and duckdb_extension.h,
#                     the stable C extension API (v1.2.0 in this release)
# DUCKDB_LIB_PKG      a prebuilt libduckdb.so (linux x86_64) exporting the C
#                     API: the engine the tests and the benchmark load the
#                     extension into
# DUCKDB_CAPI_VERSION the C extension API the extension asks for at LOAD and
#                     states in its metadata footer; any DuckDB whose C API is
#                     this version or newer (within v1) loads it
DUCKDB_HEADERS_PKG=duckdb@1.4.4
DUCKDB_LIB_PKG=@duckdb/node-bindings-linux-x64@1.5.6-r.1
DUCKDB_CAPI_VERSION=v1.2.0

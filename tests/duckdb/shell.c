/*
 * shell.c -- a small SQL shell over libduckdb.so's C API, for the DuckDB
 * suite, the parity suite, the benchmark and the README's example: DuckDB's
 * own command-line shell is not packaged for Debian, the library is.
 *
 *   shell [-bail] [-signed] [-cmd SQL]... [DATABASE] < script.sql
 *
 * Opens DATABASE (in memory without one) with allow_unsigned_extensions set,
 * so `LOAD 'build/nps.duckdb_extension'` works (-signed leaves it unset, as
 * DuckDB's default), runs each -cmd, then the script from standard input,
 * printing what it prints as the sqlite3 shell does in list mode: one line
 * per row, fields joined by '|', NULL as the text set by .nullvalue ("NULL"
 * unless changed), values rendered by DuckDB itself (its cast to VARCHAR).
 * An error prints "Error: <DuckDB's message>" and the script goes on (-bail
 * stops it); the exit status is 1 when a statement failed.
 *
 * A statement ends with a line that ends with ';'.  Outside a statement,
 * blank lines and lines starting with "--" are skipped, and these commands
 * are read: .headers on|off (a first line of column names), .timer on|off
 * ("Run Time: real S" after each statement, as sqlite3 prints it),
 * .nullvalue TEXT, .print TEXT.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <duckdb.h>

typedef struct shell {
    duckdb_connection con;
    int headers, timer, bail, failed;
    char nullvalue[64];
} shell;

/* Print a result's rows (and names), as sqlite3's list mode. */
static void print_result(shell *sh, duckdb_result *res)
{
    idx_t cols = duckdb_column_count(res), rows = duckdb_row_count(res);
    if (sh->headers)
        for (idx_t c = 0; c < cols; c++)
            printf("%s%s", duckdb_column_name(res, c), c + 1 < cols ? "|" : "\n");
    for (idx_t r = 0; r < rows; r++)
        for (idx_t c = 0; c < cols; c++) {
            if (duckdb_value_is_null(res, c, r)) {
                fputs(sh->nullvalue, stdout);
            } else {
                char *v = duckdb_value_varchar(res, c, r);
                fputs(v != NULL ? v : "", stdout);
                duckdb_free(v);
            }
            fputs(c + 1 < cols ? "|" : "\n", stdout);
        }
}

/* Run one statement (or several in one string); 0 when it failed. */
static int run(shell *sh, const char *sql)
{
    struct timespec t0, t1;
    duckdb_result res;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int ok = duckdb_query(sh->con, sql, &res) == DuckDBSuccess;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (ok) {
        if (duckdb_result_return_type(res) == DUCKDB_RESULT_TYPE_QUERY_RESULT)
            print_result(sh, &res);
    } else {
        const char *msg = duckdb_result_error(&res);
        printf("Error: %s\n", msg != NULL ? msg : "(no message)");
        sh->failed = 1;
    }
    duckdb_destroy_result(&res);
    if (sh->timer)
        printf("Run Time: real %.6f\n",
               (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    fflush(stdout);
    return ok;
}

/* A dot command; 0 for one the shell does not know. */
static int command(shell *sh, char *line)
{
    char *arg = strchr(line, ' ');
    if (arg != NULL)
        *arg++ = '\0';
    else
        arg = "";
    if (strcmp(line, ".headers") == 0)
        sh->headers = strcmp(arg, "on") == 0;
    else if (strcmp(line, ".timer") == 0)
        sh->timer = strcmp(arg, "on") == 0;
    else if (strcmp(line, ".nullvalue") == 0)
        snprintf(sh->nullvalue, sizeof sh->nullvalue, "%s", arg);
    else if (strcmp(line, ".print") == 0)
        printf("%s\n", arg);
    else
        return 0;
    fflush(stdout);
    return 1;
}

/* Run the script on standard input; 0 when -bail stopped it. */
static int script(shell *sh)
{
    char *line = NULL, *stmt = NULL;
    size_t cap = 0, len = 0, room = 0;
    ssize_t n;
    int go = 1;
    while (go && (n = getline(&line, &cap, stdin)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' ||
                         line[n - 1] == '\t'))
            line[--n] = '\0';
        if (len == 0) {
            const char *p = line + strspn(line, " \t");
            if (*p == '\0' || strncmp(p, "--", 2) == 0)
                continue;
            if (*p == '.') {
                if (!command(sh, line)) {
                    printf("Error: unknown command %s\n", line);
                    sh->failed = 1;
                    go = !sh->bail;
                }
                continue;
            }
        }
        if (len + (size_t)n + 2 > room) {
            room = 2 * (len + (size_t)n + 2);
            char *grown = realloc(stmt, room);
            if (grown == NULL) {
                fprintf(stderr, "shell: out of memory\n");
                exit(2);
            }
            stmt = grown;
        }
        memcpy(stmt + len, line, (size_t)n);
        len += (size_t)n;
        stmt[len++] = '\n';
        stmt[len] = '\0';
        if (n > 0 && line[n - 1] == ';') {
            go = run(sh, stmt) || !sh->bail;
            len = 0;
        }
    }
    if (go && len > 0)
        go = run(sh, stmt) || !sh->bail;
    free(line);
    free(stmt);
    return go;
}

int main(int argc, char **argv)
{
    shell sh = {.nullvalue = "NULL"};
    const char *path = NULL;
    int is_signed = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-bail") == 0)
            sh.bail = 1;
        else if (strcmp(argv[i], "-signed") == 0)
            is_signed = 1;
        else if (strcmp(argv[i], "-cmd") == 0 && i + 1 < argc)
            i++; /* run once the database is open */
        else if (argv[i][0] != '-' && path == NULL)
            path = argv[i];
        else {
            fprintf(stderr, "usage: %s [-bail] [-signed] [-cmd SQL]... [DATABASE] < script\n",
                    argv[0]);
            return 2;
        }
    }

    duckdb_database db;
    duckdb_config config;
    char *err = NULL;
    if (duckdb_create_config(&config) != DuckDBSuccess ||
        (!is_signed &&
         duckdb_set_config(config, "allow_unsigned_extensions", "true") != DuckDBSuccess)) {
        fprintf(stderr, "shell: cannot configure the database\n");
        return 2;
    }
    if (duckdb_open_ext(path, &db, config, &err) != DuckDBSuccess) {
        fprintf(stderr, "shell: cannot open %s: %s\n", path ? path : ":memory:", err ? err : "");
        duckdb_free(err);
        duckdb_destroy_config(&config);
        return 2;
    }
    duckdb_destroy_config(&config);
    if (duckdb_connect(db, &sh.con) != DuckDBSuccess) {
        fprintf(stderr, "shell: cannot connect\n");
        duckdb_close(&db);
        return 2;
    }
    int go = 1;
    for (int i = 1; go && i < argc; i++)
        if (strcmp(argv[i], "-cmd") == 0 && i + 1 < argc)
            go = run(&sh, argv[++i]) || !sh.bail;
    if (go)
        script(&sh);
    duckdb_disconnect(&sh.con);
    duckdb_close(&db);
    return sh.failed ? 1 : 0;
}

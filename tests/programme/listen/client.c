/*
 * client.c -- a LISTEN client for the alert tests: a real libpq connection
 * that receives NOTIFY the way an application would.
 *
 * Usage: client CHANNEL READY_FILE
 *
 * Connects with the PG* environment (PGHOST, PGPORT, PGUSER, PGDATABASE,
 * ...), runs LISTEN CHANNEL, creates READY_FILE once listening, then prints
 * the payload of every notification on CHANNEL, one per line, in the order
 * received, until a notification whose payload is "done" (not printed).
 * PostgreSQL delivers notifications in commit order, so "done" sent after
 * the writers finished comes after all of theirs.  Exits 0 after "done", 1
 * on a connection error, 2 when nothing arrives for 60 seconds.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

#include <libpq-fe.h>

/* Print a libpq error and give up. */
static int fail(PGconn *conn, const char *what)
{
    fprintf(stderr, "listen: %s: %s", what, PQerrorMessage(conn));
    PQfinish(conn);
    return 1;
}

/* Listen, print payloads until "done". */
int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: listen CHANNEL READY_FILE\n");
        return 1;
    }
    PGconn *conn = PQconnectdb("");
    if (PQstatus(conn) != CONNECTION_OK)
        return fail(conn, "connect");
    char *channel = PQescapeIdentifier(conn, argv[1], strlen(argv[1]));
    if (channel == NULL)
        return fail(conn, "channel name");
    char sql[256];
    snprintf(sql, sizeof sql, "LISTEN %s", channel);
    PQfreemem(channel);
    PGresult *res = PQexec(conn, sql);
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        PQclear(res);
        return fail(conn, "LISTEN");
    }
    PQclear(res);
    FILE *ready = fopen(argv[2], "w");
    if (ready == NULL || fclose(ready) != 0) {
        perror("listen: ready file");
        PQfinish(conn);
        return 1;
    }

    int sock = PQsocket(conn);
    for (;;) {
        fd_set in;
        struct timeval timeout = {60, 0};
        FD_ZERO(&in);
        FD_SET(sock, &in);
        int n = select(sock + 1, &in, NULL, NULL, &timeout);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            perror("listen: select");
            PQfinish(conn);
            return 1;
        }
        if (n == 0) {
            fprintf(stderr, "listen: nothing for 60 seconds\n");
            PQfinish(conn);
            return 2;
        }
        if (!PQconsumeInput(conn))
            return fail(conn, "receive");
        PGnotify *note;
        while ((note = PQnotifies(conn)) != NULL) {
            int done = strcmp(note->extra, "done") == 0;
            if (!done && strcmp(note->relname, argv[1]) == 0)
                printf("%s\n", note->extra);
            PQfreemem(note);
            if (done) {
                fflush(stdout);
                PQfinish(conn);
                return 0;
            }
        }
        fflush(stdout);
    }
}

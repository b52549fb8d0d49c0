/*
 * gen.c -- the benchmark's one dataset, identical for SQLite and PostgreSQL.
 *
 *   gen ROWS           CSV rows "id,day,segment,region,score,csat_score,ces_score"
 *                      on stdout (an empty score field is NULL)
 *   gen ROWS --counts  one line: the number of NULL scores, then the count of
 *                      each score 0..10; the same for csat_score (NULL, 1..5)
 *                      and ces_score (NULL, 1..7): 26 numbers, computed here
 *                      independently of both engines so the benchmark can
 *                      check the answers it times
 *
 * Row id (1..ROWS) alone decides every field through a stateless hash, so the
 * rows are the same on every run and machine.  Days run in id order over the
 * two years 2023-01-01 .. 2024-12-30 (730 days); segment is one of 20, region
 * one of 5, and about 2% of scores are NULL.  Scores follow a typical survey
 * shape (many 8-10s, a long tail of low scores).  csat_score (1..5, about 78%
 * 4-5) and ces_score (1..7, mean about 5) come from hash fields of their own,
 * so the first five columns are those of the dataset before they were
 * added; about 3% of each are NULL.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NDAYS 730
#define NSEGMENTS 20

/* A 64-bit hash of a row id and a field number (the splitmix64 finaliser). */
static uint64_t mix(uint64_t id, uint64_t field)
{
    uint64_t z = id * 0x9e3779b97f4a7c15ULL + field * 0xd1b54a32d192ed03ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* The score of a row, or -1 for NULL: per-mille shares of 0..10 after 2% NULL. */
static int score_of(uint64_t id)
{
    static const int cumulative[11] = {20, 30, 45, 65, 90, 140, 210, 330, 530, 760, 1000};
    uint64_t h = mix(id, 4);
    if (h % 1000 < 20) {
        return -1;
    }
    int u = (int)((h >> 20) % 1000);
    for (int s = 0; s < 11; s++) {
        if (u < cumulative[s]) {
            return s;
        }
    }
    return 10;
}

/* A score of a scale lo.., or lo - 1 for NULL: NULL when the field's hash
 * falls below nulls per mille, else by the per-mille cumulative shares. */
static int scale_of(uint64_t id, uint64_t field, int nulls, const int *cumulative, int n, int lo)
{
    uint64_t h = mix(id, field);
    if (h % 1000 < (uint64_t)nulls) {
        return lo - 1;
    }
    int u = (int)((h >> 20) % 1000);
    for (int s = 0; s < n; s++) {
        if (u < cumulative[s]) {
            return lo + s;
        }
    }
    return lo + n - 1;
}

/* CSAT 1..5 of a row, 0 for NULL: 3% NULL, then 4%, 6%, 12%, 33%, 45%. */
static int csat_of(uint64_t id)
{
    static const int cumulative[5] = {40, 100, 220, 550, 1000};
    return scale_of(id, 5, 30, cumulative, 5, 1);
}

/* CES 1..7 of a row, 0 for NULL: 3% NULL, then 3%, 5%, 9%, 16%, 25%, 25%, 17%. */
static int ces_of(uint64_t id)
{
    static const int cumulative[7] = {30, 80, 170, 330, 580, 830, 1000};
    return scale_of(id, 6, 30, cumulative, 7, 1);
}

/* Write a CSV field: the score, or nothing for NULL (below lo). */
static void put_score(int score, int lo)
{
    if (score >= lo) {
        printf(",%d", score);
    } else {
        printf(",");
    }
}

/* The ISO date of day number d counted from 2023-01-01, written into buf. */
static void day_text(int d, char buf[20])
{
    static const int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int year = 2023;
    for (;;) {
        int len = (year % 4 == 0) ? 366 : 365;
        if (d < len) {
            break;
        }
        d -= len;
        year++;
    }
    int month = 0;
    for (;;) {
        int len = month_days[month] + (month == 1 && year % 4 == 0);
        if (d < len) {
            break;
        }
        d -= len;
        month++;
    }
    snprintf(buf, 20, "%04d-%02d-%02d", year, month + 1, d + 1);
}

/* Parse the row count and write the rows or their score counts. */
int main(int argc, char **argv)
{
    static const char *const regions[5] = {"EMEA", "NA", "LATAM", "APAC", "MEA"};
    char *end = NULL;
    long long rows = argc >= 2 ? strtoll(argv[1], &end, 10) : 0;
    int counts_only = argc == 3 && strcmp(argv[2], "--counts") == 0;
    if (argc < 2 || argc > 3 || *end != '\0' || rows < 1 || rows > 2000000000LL ||
        (argc == 3 && !counts_only)) {
        fprintf(stderr, "usage: gen ROWS [--counts]\n");
        return 2;
    }
    if (counts_only) {
        /* NULL and 0..10 of score, NULL and 1..5 of csat_score, NULL and 1..7 of ces_score. */
        long long counts[26] = {0};
        for (long long id = 1; id <= rows; id++) {
            counts[score_of((uint64_t)id) + 1]++;
            counts[12 + csat_of((uint64_t)id)]++;
            counts[18 + ces_of((uint64_t)id)]++;
        }
        for (int i = 0; i < 26; i++) {
            printf(i ? " %lld" : "%lld", counts[i]);
        }
        printf("\n");
        return 0;
    }
    char days[NDAYS][20];
    for (int d = 0; d < NDAYS; d++) {
        day_text(d, days[d]);
    }
    for (long long id = 1; id <= rows; id++) {
        int day = (int)((id - 1) * NDAYS / rows);
        int segment = (int)(mix((uint64_t)id, 1) % NSEGMENTS) + 1;
        const char *region = regions[mix((uint64_t)id, 2) % 5];
        printf("%lld,%s,S%02d,%s", id, days[day], segment, region);
        put_score(score_of((uint64_t)id), 0);
        put_score(csat_of((uint64_t)id), 1);
        put_score(ces_of((uint64_t)id), 1);
        printf("\n");
    }
    return ferror(stdout) ? 1 : 0;
}

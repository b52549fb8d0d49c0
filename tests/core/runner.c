/* runner.c -- runs every registered test of the core, one cmocka group per file of tests. */
#include "helpers.h"

/* The tests TEST() registered, in no particular order. */
static test_entry *registered;

void test_register(test_entry *t)
{
    t->next = registered;
    registered = t;
}

/* Order of tests: by file, then by line, whatever order they registered in. */
static int by_place(const void *a, const void *b)
{
    const test_entry *x = *(const test_entry *const *)a, *y = *(const test_entry *const *)b;
    int c = strcmp(x->file, y->file);
    return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

/* The name of a group: its file's name without the folder and ".c". */
static void group_name(const char *file, char *buf, size_t cap)
{
    const char *base = strrchr(file, '/') != NULL ? strrchr(file, '/') + 1 : file;
    size_t len = strlen(base);
    if (len > 2 && strcmp(base + len - 2, ".c") == 0)
        len -= 2;
    snprintf(buf, cap, "%.*s", (int)len, base);
}

int main(void)
{
    size_t n = 0;
    for (test_entry *t = registered; t != NULL; t = t->next)
        n++;
    test_entry **all = malloc((n ? n : 1) * sizeof *all);
    struct CMUnitTest *tests = malloc((n ? n : 1) * sizeof *tests);
    if (all == NULL || tests == NULL)
        return 2;
    n = 0;
    for (test_entry *t = registered; t != NULL; t = t->next)
        all[n++] = t;
    qsort(all, n, sizeof *all, by_place);
    int failed = 0;
    for (size_t i = 0, end; i < n; i = end) {
        size_t k = 0;
        for (end = i; end < n && strcmp(all[end]->file, all[i]->file) == 0; end++)
            tests[k++] = all[end]->test;
        char name[64];
        group_name(all[i]->file, name, sizeof name);
        printf("[----------] %s\n", name);
        /* what cmocka_run_group_tests_name() calls, for an array sized at run time */
        failed += _cmocka_run_group_tests(name, tests, k, NULL, NULL);
    }
    printf("core: %zu passed, %d failed\n", n - (size_t)failed, failed);
    free(tests);
    free(all);
    return failed != 0;
}

/*
 * gen_seeds.c -- writes the seed corpus of tests/fuzz/corpus/ (run once; the
 * files are committed):  make fuzz-seeds
 *
 * state_decode: encoded states (empty, unweighted, weighted, at the row cap);
 * state_text: their text forms and a few near misses; score_text: score
 * texts of every class; casefold: mixed-script and broken UTF-8; categories:
 * category lists; merge: short step sequences (see merge.c); pair_decode:
 * encoded pair states and an nps_state; state_decode and pair_decode also
 * a CSAT and a CES state; scale_decode and scale_text: a byte naming the
 * scale, then encoded CSAT and CES states (empty, one answer, all in or out
 * of the top box, weighted, at the row cap) or their text forms, states of
 * other kinds and a few near misses.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "nps.h"

static const char *root;

static void put(const char *target, const char *name, const void *data, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, target);
    if (mkdir(path, 0777) != 0 && errno != EEXIST) {
        perror(path);
        exit(1);
    }
    snprintf(path, sizeof path, "%s/%s/%s", root, target, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
}

static void put_text(const char *target, const char *name, const char *text)
{
    put(target, name, text, strlen(text));
}

/* One state as both a binary (state_decode) and a text (state_text) seed. */
static void put_state(const char *name, const nps_state *s)
{
    uint8_t buf[NPS_STATE_BYTES];
    char text[NPS_STATE_TEXT_MAX];
    size_t len = nps_encode(s, buf);
    put("state_decode", name, buf, len);
    nps_state_to_text(s, text, sizeof text);
    put_text("state_text", name, text);
}

/* A state of each scale where an nps_state (state_decode) or a pair state
 * (pair_decode) belongs: refused with the error that names it (S6). */
static void foreign_scale_seeds(void)
{
    for (int k = 0; k < NPS_NSCALES; k++) {
        const nps_scale_info *info = nps_scale_describe((nps_scale)k);
        nps_scale_state s;
        uint8_t buf[NPS_SCALE_BYTES];
        char name[32];
        nps_scale_init(&s, (nps_scale)k);
        nps_scale_add(&s, info->hi);
        size_t len = nps_scale_encode(&s, buf);
        snprintf(name, sizeof name, "%s_state", info->name);
        put("state_decode", name, buf, len);
        put("pair_decode", name, buf, len);
    }
}

/* One prefixed seed: the byte naming scale k (scale_decode.c, scale_text.c), then data. */
static void put_prefixed(const char *target, const char *name, nps_scale k, const void *data,
                         size_t len)
{
    uint8_t buf[1 + NPS_SCALE_TEXT_MAX];
    buf[0] = (uint8_t)k;
    memcpy(buf + 1, data, len);
    put(target, name, buf, 1 + len);
}

/* One scale state as both a binary (scale_decode) and a text (scale_text)
 * seed, named after its scale. */
static void put_scale(const char *name, const nps_scale_state *s)
{
    uint8_t buf[NPS_SCALE_BYTES];
    char text[NPS_SCALE_TEXT_MAX], full[64];
    nps_scale k = (nps_scale)s->scale;
    snprintf(full, sizeof full, "%s_%s", nps_scale_describe(k)->name, name);
    put_prefixed("scale_decode", full, k, buf, nps_scale_encode(s, buf));
    nps_scale_to_text(s, text, sizeof text);
    put_prefixed("scale_text", full, k, text, strlen(text));
}

/* The seeds of both scales. */
static void scale_seeds(void)
{
    for (int k = 0; k < NPS_NSCALES; k++) {
        const nps_scale_info *info = nps_scale_describe((nps_scale)k);
        nps_scale_state s;
        nps_scale_init(&s, (nps_scale)k);
        put_scale("empty", &s);
        nps_scale_add(&s, info->hi);
        put_scale("one", &s);
        for (int i = info->lo; i <= info->hi; i++)
            nps_scale_add(&s, i);
        put_scale("one_each", &s);
        nps_scale_init(&s, (nps_scale)k);
        for (int r = 0; r < 7; r++)
            nps_scale_add(&s, info->hi);
        put_scale("all_top", &s);
        nps_scale_init(&s, (nps_scale)k);
        for (int r = 0; r < 7; r++)
            nps_scale_add(&s, info->lo);
        put_scale("all_bottom", &s);
        nps_scale_init(&s, (nps_scale)k);
        nps_scale_add(&s, info->top);
        nps_scale_add(&s, info->lo);
        nps_scale_add_weighted(&s, info->hi, 2.5);
        nps_scale_add_weighted(&s, info->lo, 0.1);
        nps_scale_add_weighted(&s, info->top - 1, 1e-3);
        put_scale("weighted", &s);
        nps_scale_init(&s, (nps_scale)k);
        nps_scale_add_weighted(&s, info->top, 0.0);
        put_scale("zero_weight", &s);
        nps_scale_init(&s, (nps_scale)k);
        nps_scale_add_weighted(&s, info->hi, 1e150);
        nps_scale_add_weighted(&s, info->lo, 1e-150);
        put_scale("extreme_weights", &s);
        nps_scale_init(&s, (nps_scale)k);
        s.count[0] = NPS_MAX_ROWS / 2;
        s.count[info->hi - info->lo] = NPS_MAX_ROWS / 2;
        s.rows = NPS_MAX_ROWS;
        put_scale("row_cap", &s);
        /* the other scale's state, an nps_state, a short blob */
        uint8_t buf[NPS_SCALE_BYTES > NPS_STATE_BYTES ? NPS_SCALE_BYTES : NPS_STATE_BYTES];
        char name[64];
        nps_scale_init(&s, (nps_scale)(1 - k));
        nps_scale_add(&s, 3);
        snprintf(name, sizeof name, "%s_other_scale", info->name);
        put_prefixed("scale_decode", name, (nps_scale)k, buf, nps_scale_encode(&s, buf));
        nps_state ns;
        nps_state_init(&ns);
        nps_add(&ns, 9);
        snprintf(name, sizeof name, "%s_nps_state", info->name);
        put_prefixed("scale_decode", name, (nps_scale)k, buf, nps_encode(&ns, buf));
        snprintf(name, sizeof name, "%s_short", info->name);
        put_prefixed("scale_decode", name, (nps_scale)k, info->magic, 3);
    }
    static const char *texts[][2] = {
        {"  scores=0,0,1,0,2  ", "scores=0,0,0,1,0,0,2"},
        {"scores=0,0,1,0", "scores=0,0,0,1,0,0"},
        {"scores=1,0,0,0,1 weighted=1,0,0,0,1 wsum=0.5,0,0,0,2e0 wsq=0.25,0,0,0,4.0",
         "scores=1,0,0,0,0,0,1 weighted=1,0,0,0,0,0,1 wsum=0.5,0,0,0,0,0,2e0 "
         "wsq=0.25,0,0,0,0,0,4.0"},
        {"scores=0,0,0,0,0 weighted=0,0,0,0,0 wsum=0,0,0,0,0 wsq=0,0,0,0,0",
         "scores=1,0,0,0,0,0,0 weighted=1,0,0,0,0,0,0 wsum=3,0,0,0,0,0,0 wsq=1,0,0,0,0,0,0"},
    };
    static const char *const names[] = {"spaces", "bad_count", "weighted_forms", "near_miss"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        for (int k = 0; k < NPS_NSCALES; k++) {
            char name[64];
            snprintf(name, sizeof name, "%s_%s", nps_scale_describe((nps_scale)k)->name, names[i]);
            put_prefixed("scale_text", name, (nps_scale)k, texts[i][k], strlen(texts[i][k]));
        }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s corpus-dir\n", argv[0]);
        return 2;
    }
    root = argv[1];
    mkdir(root, 0777);
    nps_state s;

    nps_state_init(&s);
    put_state("empty", &s);
    for (int i = 0; i <= 10; i++)
        nps_add(&s, i);
    put_state("one_each", &s);
    nps_state_init(&s);
    nps_add(&s, 10);
    put_state("one_promoter", &s);
    nps_state_init(&s);
    for (int i = 0; i < 7; i++)
        nps_add(&s, i % 3);
    put_state("detractors", &s);
    nps_state_init(&s);
    nps_add(&s, 9);
    nps_add(&s, 3);
    nps_add_weighted(&s, 10, 2.5);
    nps_add_weighted(&s, 0, 0.1);
    nps_add_weighted(&s, 7, 1e-3);
    put_state("weighted", &s);
    nps_state_init(&s);
    nps_add_weighted(&s, 8, 0.0);
    put_state("zero_weight", &s);
    nps_state_init(&s);
    s.count[10] = NPS_MAX_ROWS / 2;
    s.count[0] = NPS_MAX_ROWS / 2;
    put_state("row_cap", &s);
    nps_state_init(&s);
    nps_add_weighted(&s, 9, 1e150);
    nps_add_weighted(&s, 2, 1e-150);
    put_state("extreme_weights", &s);
    put("state_decode", "short", "nps\x01", 4);
    put_text("state_text", "spaces", "  scores=0,0,0,0,0,0,0,1,0,0,2  ");
    put_text("state_text", "bad_count", "scores=0,0,0,0,0,0,0,1,0,0");
    put_text("state_text", "weighted_forms",
             "scores=1,0,0,0,0,0,0,0,0,0,1 weighted=1,0,1 wsum=0.5,0,2e0 wsq=0.25,0,4.0");

    static const char *scores[] = {"0",       "7",
                                   "10",      " 9 ",
                                   "\t8\r\n", "+3",
                                   "-0",      "07",
                                   "00010",   "7.0",
                                   "7.",      ".7e1",
                                   "1e1",     "70e-1",
                                   "0e99999", "-0e5",
                                   "1E+1",    "7.5",
                                   "-7.5",    "0.1",
                                   "1e-400",  "11",
                                   "-1",      "100",
                                   "1e400",   "2e1",
                                   "",        "   ",
                                   "abc",     "1e",
                                   "1e+",     "7 7",
                                   "7..0",    ".",
                                   "+",       "nan",
                                   "0x7",     "6.0000000000000000001",
                                   "10.5",    "-7e0",
                                   "0.07e2",  "1.0e1"};
    for (size_t i = 0; i < sizeof scores / sizeof scores[0]; i++) {
        char name[16];
        snprintf(name, sizeof name, "s%02zu", i);
        put_text("score_text", name, scores[i]);
    }

    put_text("casefold", "ascii", "Hello, World! ABC xyz 123");
    put_text("casefold", "latin", "ÀÉÎÕÜ ß Þ × ÿ Ÿ Łódź ĲSSEL İstanbul");
    put_text("casefold", "greek_cyrillic", "ΑΒΓ ΆΈΉ Ϊ ΣΑΣ ЀЁЖЯ Ѡ Ӂ ᲀ");
    put_text("casefold", "other", "ẞ Ạ Ỹ ＡＢＣ ｚ 中文 ภาษาไทย 😀");
    put("casefold", "broken", "A\xc3\x28\xe0\x80\x80\xed\xa0\x80\xf4\x90\x80\x80\xffZ\xc3", 16);

    static const char *cats[] = {"detractor",
                                 "detractor,passive,promoter",
                                 " Promoter , DETRACTOR ",
                                 "passive,passive",
                                 "",
                                 "detractor,",
                                 ",promoter",
                                 "promoters",
                                 "detractor, fan",
                                 "\tpassive\r\n,\npromoter"};
    for (size_t i = 0; i < sizeof cats / sizeof cats[0]; i++) {
        char name[16];
        snprintf(name, sizeof name, "c%02zu", i);
        put_text("categories", name, cats[i]);
    }

    /* merge: opcode = kind | a << 3 | b << 5 */
#define OP(kind, a, b) (uint8_t)((kind) | (a) << 3 | (b) << 5)
    static const uint8_t m1[] = {OP(0, 0, 0), 10,          OP(0, 0, 0), 3,           OP(0, 1, 0),
                                 8,           OP(4, 0, 1), OP(5, 0, 1), OP(6, 1, 0), OP(7, 0, 1)};
    static const uint8_t m2[] = {OP(2, 0, 0), 9,           20, OP(2, 0, 0), 0,
                                 4,           OP(2, 1, 0), 7,  1,           OP(4, 0, 1),
                                 OP(3, 0, 0), 9,           20, OP(6, 0, 1), OP(7, 1, 0)};
    static const uint8_t m3[] = {
        OP(0, 0, 0), 5, OP(1, 0, 0), 5, OP(1, 0, 0), 5, OP(0, 0, 0), 200,  OP(2, 0, 0), 1,
        0xff,        0, 0,           0, 0,           0, 0,           0xf8, 0x7f};
    static const uint8_t m4[] = {OP(0, 0, 0), 10,          OP(4, 0, 0), OP(4, 0, 0),
                                 OP(4, 0, 0), OP(4, 0, 0), OP(4, 0, 0), OP(4, 1, 0),
                                 OP(4, 1, 1), OP(5, 1, 0), OP(7, 0, 1)};
    static const uint8_t m5[] = {OP(2, 2, 0), 6,           0xff,       0, 0, 0, 0, 0, 0, 0xe0, 0x7f,
                                 OP(2, 2, 0), 6,           0xff,       0, 0, 0, 0, 0, 0, 0xe0, 0x7f,
                                 OP(4, 0, 2), OP(4, 0, 2), OP(6, 0, 2)};
    put("merge", "adds_merges", m1, sizeof m1);
    put("merge", "weighted", m2, sizeof m2);
    put("merge", "removes_bad_weight", m3, sizeof m3);
    put("merge", "doubling", m4, sizeof m4);
    put("merge", "huge_weights", m5, sizeof m5);
    /* pair_decode: encoded pair states (empty, the hand table, at the row
     * cap), an nps_state, and a short blob */
    {
        static const int64_t tables[3][9] = {{0, 0, 0, 0, 0, 0, 0, 0, 0},
                                             {2, 1, 1, 1, 3, 2, 0, 1, 4},
                                             {NPS_MAX_ROWS - 8, 1, 1, 1, 1, 1, 1, 1, 1}};
        static const char *const names[3] = {"empty", "hand", "cap"};
        for (int t = 0; t < 3; t++) {
            nps_pair_state ps = {{{0}}, 0};
            for (int k = 0; k < 9; k++) {
                ps.count[k / 3][k % 3] = tables[t][k];
                ps.rows += tables[t][k];
            }
            uint8_t pb[NPS_PAIR_BYTES];
            put("pair_decode", names[t], pb, nps_pair_encode(&ps, pb));
        }
        nps_state ns;
        uint8_t sb[NPS_STATE_BYTES];
        nps_state_init(&ns);
        nps_add(&ns, 9);
        put("pair_decode", "nps_state", sb, nps_encode(&ns, sb));
        put("pair_decode", "short", "npp\x01", 4);
    }
    foreign_scale_seeds();
    scale_seeds();
    return 0;
}

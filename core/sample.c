/* sample.c -- the sampling key of a response (P1). */
#include "nps.h"

/* One step of FNV-1a 64 over n bytes. */
static uint64_t fnv1a(uint64_t h, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

int64_t nps_sample_key(const char *key, size_t key_len, const char *seed, size_t seed_len)
{
    static const uint8_t separator = 0xff;
    uint64_t x = 0xcbf29ce484222325ULL;
    x = fnv1a(x, (const uint8_t *)seed, seed_len);
    x = fnv1a(x, &separator, 1);
    x = fnv1a(x, (const uint8_t *)key, key_len);
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return (int64_t)(x >> 1);
}

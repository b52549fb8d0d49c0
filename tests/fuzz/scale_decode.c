/*
 * scale_decode -- bytes through nps_scale_decode() (S5, S6), both scales: the
 * first byte picks the scale (even: CSAT, odd: CES), the rest is the blob.
 *
 * When the bytes decode: nps_scale_encode() gives the same bytes back; the
 * text form reads back to a state with the same encoding; every measure is
 * empty (exactly when no weight) or finite and in range, the JSON summary
 * complete; merging the state with itself and taking it out again, and
 * adding then removing one row of each score, plain and weighted, keep all
 * that and give the state back.  When they do not: the status is one of the
 * scale's decode errors, or names the other kind of state, and the output
 * state is untouched.  Inputs of an encoded state's length are also tried
 * with their checksum set right, so the fuzzer reaches the checks behind it.
 */
#include "fuzz.h"

/* Decode buf as a state of scale k and check the invariants either way. */
static void one(nps_scale k, const uint8_t *buf, size_t len, double confidence)
{
    nps_scale_state s, before;
    memset(&s, 0xa5, sizeof s);
    before = s;
    nps_status st = nps_scale_decode(k, buf, len, &s);
    if (st != NPS_OK) {
        nps_scale at;
        nps_scale_error e;
        CHECK(nps_scale_error_of(st, &at, &e) && at == k);
        /* a malformed state of k, or one of another kind, never k's own */
        CHECK((e >= NPS_SE_LENGTH && e <= NPS_SE_VALUE) || e == NPS_SE_IS_NPS ||
              e == NPS_SE_IS_PAIR || (e >= NPS_SE_IS_SCALE && (int)e != NPS_SE_IS_SCALE + (int)k));
        CHECK(memcmp(&s, &before, sizeof s) == 0);
        return;
    }
    CHECK(s.scale == (int32_t)k);
    uint8_t again[NPS_SCALE_BYTES];
    CHECK(nps_scale_encode(&s, again) == len);
    CHECK(memcmp(again, buf, len) == 0);
    check_scale_decodable(&s);
    check_scale_text_round_trip(&s);
    check_scale_results(&s, confidence);
    check_scale_steps(&s, 4.0 * confidence);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    nps_scale k = scale_of(data[0]);
    const uint8_t *blob = data + 1;
    size_t len = size - 1;
    double confidence = confidence_of(data, size);
    one(k, blob, len, confidence);
    /* the lengths of an encoded state of k: unweighted, and weighted */
    nps_scale_state empty;
    nps_scale_init(&empty, k);
    uint8_t plain[NPS_SCALE_BYTES];
    size_t plain_len = nps_scale_encode(&empty, plain);
    nps_scale_add_weighted(&empty, nps_scale_describe(k)->lo, 1.0);
    size_t weighted_len = nps_scale_encode(&empty, plain);
    if (len >= 4 && (len == plain_len || len == weighted_len)) {
        uint8_t buf[NPS_SCALE_BYTES];
        memcpy(buf, blob, len);
        uint32_t crc = crc32_bitwise(buf, len - 4);
        for (int i = 0; i < 4; i++)
            buf[len - 4 + i] = (uint8_t)(crc >> (8 * i));
        one(k, buf, len, confidence);
    }
    return 0;
}

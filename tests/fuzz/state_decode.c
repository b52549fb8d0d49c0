/*
 * state_decode -- bytes through nps_decode() (R10, R11).
 *
 * When the bytes decode: nps_encode() gives the same bytes back; the text
 * form reads back to a state with the same encoding; every measure is empty
 * or finite and in range, the p-value against itself is in 0..1 and the JSON
 * summary is complete.  When they do not: the output state is untouched.
 * Inputs of the state's length are also tried with their checksum set right,
 * so the fuzzer reaches the range checks behind it.
 */
#include "fuzz.h"

/* Decode buf and check the invariants either way. */
static void one(const uint8_t *buf, size_t len, double confidence)
{
    nps_state s, before;
    memset(&s, 0xa5, sizeof s);
    before = s;
    nps_status st = nps_decode(buf, len, &s);
    if (st != NPS_OK) {
        CHECK((st >= NPS_E_STATE_LENGTH && st <= NPS_E_STATE_VALUE) || st == NPS_E_STATE_IS_PAIR ||
              scale_state_given(st, NPS_SE_IN_NPS, buf));
        CHECK(memcmp(&s, &before, sizeof s) == 0);
        return;
    }
    uint8_t again[NPS_STATE_BYTES];
    CHECK(nps_encode(&s, again) == len);
    CHECK(memcmp(again, buf, len) == 0);
    check_decodable(&s);
    check_text_round_trip(&s);
    check_results(&s, confidence);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    double confidence = confidence_of(data, size);
    one(data, size, confidence);
    if (size == NPS_STATE_BYTES || size == NPS_STATE_BYTES_PLAIN) {
        uint8_t buf[NPS_STATE_BYTES];
        memcpy(buf, data, size);
        uint32_t crc = crc32_bitwise(buf, size - 4);
        for (int i = 0; i < 4; i++)
            buf[size - 4 + i] = (uint8_t)(crc >> (8 * i));
        one(buf, size, confidence);
    }
    return 0;
}

/*
 * pair_decode -- bytes through nps_pair_decode() (W1-W5).
 *
 * When the bytes decode: nps_pair_encode() gives the same bytes back, the
 * text form reads back to the same state, the change is finite in
 * -200..200, the p-value NULL or in 0..1, the migration JSON complete, and
 * merging then unmerging the state with itself restores it.  When they do
 * not: the output is untouched.  Inputs of the state's length are also
 * tried with their checksum set right, to reach the checks behind it.
 */
#include "fuzz.h"

static void one(const uint8_t *buf, size_t len)
{
    nps_pair_state s, before;
    memset(&s, 0xa5, sizeof s);
    before = s;
    nps_status st = nps_pair_decode(buf, len, &s);
    if (st != NPS_OK) {
        CHECK((st >= NPS_E_PAIR_LENGTH && st <= NPS_E_PAIR_VALUE) || st == NPS_E_PAIR_IS_STATE ||
              scale_state_given(st, NPS_SE_IN_PAIR, buf));
        CHECK(memcmp(&s, &before, sizeof s) == 0);
        return;
    }
    uint8_t again[NPS_PAIR_BYTES];
    CHECK(nps_pair_encode(&s, again) == len);
    CHECK(memcmp(again, buf, len) == 0);
    char text[NPS_PAIR_TEXT_MAX];
    nps_pair_state back;
    nps_pair_to_text(&s, text, sizeof text);
    CHECK(nps_pair_from_text(text, &back) == NPS_OK);
    CHECK(memcmp(&back, &s, sizeof s) == 0);
    double v;
    st = nps_pair_change(&s, &v);
    CHECK(st == (s.rows > 0 ? NPS_OK : NPS_EMPTY));
    if (st == NPS_OK)
        CHECK(isfinite(v) && v >= -200.0 && v <= 200.0);
    st = nps_pair_pvalue(&s, &v);
    CHECK(st == (s.rows > 1 ? NPS_OK : NPS_EMPTY));
    if (st == NPS_OK)
        CHECK(v >= 0.0 && v <= 1.0);
    char json[NPS_MIGRATION_MAX];
    if (nps_pair_migration_json(&s, json, sizeof json) == NPS_OK)
        CHECK(strlen(json) < sizeof json - 1 && json[strlen(json) - 1] == '}');
    nps_pair_state twice = s;
    if (nps_pair_merge(&twice, &s) == NPS_OK) {
        CHECK(nps_pair_unmerge(&twice, &s) == NPS_OK);
        CHECK(memcmp(&twice, &s, sizeof s) == 0);
    } else {
        CHECK(s.rows > NPS_MAX_ROWS / 2);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    one(data, size);
    if (size == NPS_PAIR_BYTES) {
        uint8_t buf[NPS_PAIR_BYTES];
        memcpy(buf, data, size);
        uint32_t crc = crc32_bitwise(buf, size - 4);
        for (int i = 0; i < 4; i++)
            buf[size - 4 + i] = (uint8_t)(crc >> (8 * i));
        one(buf, size);
    }
    return 0;
}

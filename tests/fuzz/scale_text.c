/*
 * scale_text -- text through nps_scale_from_text() (S6), both scales: the
 * first byte picks the scale (even: CSAT, odd: CES), the rest is the text.
 *
 * When the text parses: writing the state and reading it back is a fixed
 * point (same encoding, same text), the encoding decodes to the same state,
 * every result is empty (exactly when no weight) or in range, and merging
 * the state with itself or adding and removing a row keeps that and gives
 * the state back.  When it does not: the status is the scale's text error
 * and the output state is untouched.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    nps_scale k = scale_of(data[0]);
    char *text = malloc(size);
    CHECK(text != NULL);
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    nps_scale_state s, before;
    memset(&s, 0xa5, sizeof s);
    before = s;
    nps_status st = nps_scale_from_text(k, text, &s);
    if (st != NPS_OK) {
        CHECK(st == nps_scale_status(k, NPS_SE_TEXT));
        CHECK(memcmp(&s, &before, sizeof s) == 0);
    } else {
        double confidence = confidence_of(data, size);
        CHECK(s.scale == (int32_t)k);
        check_scale_decodable(&s);
        check_scale_text_round_trip(&s);
        check_scale_results(&s, confidence);
        check_scale_steps(&s, 4.0 * confidence);
    }
    free(text);
    return 0;
}

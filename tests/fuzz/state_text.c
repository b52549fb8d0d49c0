/*
 * state_text -- text through nps_state_from_text() (R11).
 *
 * When the text parses: writing the state and reading it back is a fixed
 * point (same encoding, same text), the encoding decodes to the same state,
 * and every result is empty or in range.  When it does not: the output state
 * is untouched.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    CHECK(text != NULL);
    memcpy(text, data, size);
    text[size] = '\0';
    nps_state s, before;
    memset(&s, 0xa5, sizeof s);
    before = s;
    nps_status st = nps_state_from_text(text, &s);
    if (st != NPS_OK) {
        CHECK(st == NPS_E_STATE_TEXT);
        CHECK(memcmp(&s, &before, sizeof s) == 0);
    } else {
        check_decodable(&s);
        check_text_round_trip(&s);
        check_results(&s, confidence_of(data, size));
    }
    free(text);
    return 0;
}

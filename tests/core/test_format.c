/* test_format.c -- the binary state: layout, lengths, checksum, versions (core/format.c; R11). */
#include "helpers.h"

/* The test's own CRC-32 gives the published check value. */
TEST(test_r11_crc32_check_value)
{
    assert_int_equal(crc32_ieee((const uint8_t *)"123456789", 9), 0xCBF43926u);
    assert_int_equal(crc32_ieee((const uint8_t *)"", 0), 0u);
}

/* The lengths are the header's. */
TEST(test_r11_lengths)
{
    assert_int_equal(NPS_STATE_BYTES_PLAIN, 100);
    assert_int_equal(NPS_STATE_BYTES, 412);
    assert_int_equal(B_PLAIN, 100);
    assert_int_equal(B_WEIGHTED_LEN, 412);
    assert_int_equal(NPS_STATE_VERSION, 2);
}

/* R11: encode then decode gives back the same state; the blob is the one the
 * test's own encoder writes (canonical sums, the weighted section only when a
 * row is weighted), so encoding is canonical; its checksum is the IEEE CRC-32
 * of everything before it, little-endian. */
TEST(test_r11_round_trip)
{
    nps_state st[NSAMPLES];
    size_t n;
    sample_states(st, &n);
    assert_int_equal(n, NSAMPLES);
    for (size_t i = 0; i < n; i++) {
        uint8_t buf[NPS_STATE_BYTES], mine[NPS_STATE_BYTES];
        nps_state back = sentinel_state();
        size_t len = nps_encode(&st[i], buf);
        int weighted = (st[i].weighted[0] | st[i].weighted[1] | st[i].weighted[2]) != 0;
        assert_int_equal(len, weighted ? NPS_STATE_BYTES : NPS_STATE_BYTES_PLAIN);
        assert_int_equal(craft(&st[i], mine), len);
        assert_memory_equal(buf, mine, len);
        assert_int_equal(nps_decode(buf, len, &back), NPS_OK);
        assert_state_equal(&back, &st[i]);
        /* re-encoding is byte-identical */
        uint8_t again[NPS_STATE_BYTES];
        assert_int_equal(nps_encode(&back, again), len);
        assert_memory_equal(buf, again, len);
        uint32_t c = crc32_ieee(buf, len - 4);
        uint32_t stored = (uint32_t)buf[len - 4] | (uint32_t)buf[len - 3] << 8 |
                          (uint32_t)buf[len - 2] << 16 | (uint32_t)buf[len - 1] << 24;
        assert_int_equal(stored, c);
    }
    /* the inexact flag travels */
    uint8_t buf[NPS_STATE_BYTES];
    nps_state back;
    assert_int_equal(st[8].wsum[NPS_PROMOTER].inexact, 1);
    assert_int_equal(nps_decode(buf, nps_encode(&st[8], buf), &back), NPS_OK);
    assert_int_equal(back.wsum[NPS_PROMOTER].inexact, 1);
}

/* R11: every other length is NPS_E_STATE_LENGTH, out untouched: a blob without
 * the weighted section is 100 bytes, one with it 412. */
TEST(test_r11_wrong_lengths)
{
    nps_state states[2] = {counts_state(1, 2, 3), weighted_reference()};
    for (int k = 0; k < 2; k++) {
        uint8_t buf[NPS_STATE_BYTES + 16];
        memset(buf, 0, sizeof buf);
        size_t good = nps_encode(&states[k], buf);
        assert_int_equal(good, k ? 412 : 100);
        for (size_t len = 0; len <= sizeof buf; len++) {
            if (len == good)
                continue;
            nps_state out = sentinel_state(), sent = sentinel_state();
            assert_int_equal(nps_decode(buf, len, &out), NPS_E_STATE_LENGTH);
            assert_state_equal(&out, &sent);
        }
    }
    nps_state out = sentinel_state(), sent = sentinel_state();
    assert_int_equal(nps_decode(NULL, 0, &out), NPS_E_STATE_LENGTH);
    assert_state_equal(&out, &sent);
    uint8_t buf[NPS_STATE_BYTES];
    nps_encode(&states[0], buf);
    assert_int_equal(nps_decode(buf, SIZE_MAX, &out), NPS_E_STATE_LENGTH);
    assert_state_equal(&out, &sent);
}

/* R11: corrupting any single byte never decodes: the checksum, the header or
 * the length catches it, and out is untouched. */
TEST(test_r11_every_byte_flip)
{
    static const uint8_t masks[] = {0x01, 0x80, 0xFF, 0x10};
    nps_state st[NSAMPLES];
    size_t n;
    sample_states(st, &n);
    for (size_t k = 0; k < n; k++) {
        uint8_t good[NPS_STATE_BYTES];
        size_t len = nps_encode(&st[k], good);
        for (size_t pos = 0; pos < len; pos++) {
            for (size_t m = 0; m < sizeof masks; m++) {
                uint8_t bad[NPS_STATE_BYTES];
                memcpy(bad, good, sizeof bad);
                bad[pos] ^= masks[m];
                nps_state out = sentinel_state(), sent = sentinel_state();
                nps_status r = nps_decode(bad, len, &out);
                if (r == NPS_OK) {
                    print_error("state %zu: byte %zu ^ 0x%02x decoded\n", k, pos, masks[m]);
                    fail();
                }
                assert_true(r == NPS_E_STATE_MAGIC || r == NPS_E_STATE_VERSION ||
                            r == NPS_E_STATE_LENGTH || r == NPS_E_STATE_CHECKSUM ||
                            r == NPS_E_STATE_VALUE);
                assert_state_equal(&out, &sent);
            }
        }
    }
}

/* R11: a foreign or future blob with a valid checksum is still rejected:
 * wrong magic is NPS_E_STATE_MAGIC, another version NPS_E_STATE_VERSION. */
TEST(test_r11_magic_and_version_with_valid_checksum)
{
    nps_state s = counts_state(1, 2, 3);
    uint8_t good[NPS_STATE_BYTES];
    size_t len = nps_encode(&s, good);
    assert_memory_equal(good, "nps", 3);
    assert_int_equal(good[3], 2);
    static const uint8_t versions[] = {0, 1, 3, 0x7F, 0x80, 0xFF};
    for (size_t i = 0; i < sizeof versions; i++) {
        uint8_t bad[NPS_STATE_BYTES];
        memcpy(bad, good, sizeof bad);
        bad[3] = versions[i];
        reseal(bad, len);
        nps_state out = sentinel_state(), sent = sentinel_state();
        assert_int_equal(nps_decode(bad, len, &out), NPS_E_STATE_VERSION);
        assert_state_equal(&out, &sent);
    }
    for (int pos = 0; pos < 3; pos++) {
        uint8_t bad[NPS_STATE_BYTES];
        memcpy(bad, good, sizeof bad);
        bad[pos] = 'X';
        reseal(bad, len);
        nps_state out = sentinel_state(), sent = sentinel_state();
        assert_int_equal(nps_decode(bad, len, &out), NPS_E_STATE_MAGIC);
        assert_state_equal(&out, &sent);
    }
    /* blobs of either length that are all zeros, or all 0xFF */
    uint8_t z[NPS_STATE_BYTES];
    nps_state out = sentinel_state();
    memset(z, 0, sizeof z);
    assert_int_equal(nps_decode(z, NPS_STATE_BYTES, &out), NPS_E_STATE_MAGIC);
    assert_int_equal(nps_decode(z, NPS_STATE_BYTES_PLAIN, &out), NPS_E_STATE_MAGIC);
    memset(z, 0xFF, sizeof z);
    assert_int_equal(nps_decode(z, NPS_STATE_BYTES, &out), NPS_E_STATE_MAGIC);
    assert_int_equal(nps_decode(z, NPS_STATE_BYTES_PLAIN, &out), NPS_E_STATE_MAGIC);
}

/* R11: the byte layout of two small states, built by hand byte by byte:
 * "nps", version 2, flags, 11 counts; weighted, 3 weighted counts and six
 * sums (int32 exp, uint32 inexact, 5 limbs), canonical; then the CRC-32. */
TEST(test_r11_byte_layout)
{
    nps_state s;
    memset(&s, 0, sizeof s);
    s.count[0] = 1;
    s.count[7] = 2;
    s.count[9] = 3;
    s.count[10] = 0x0102030405060708;
    fix_rows(&s);
    s.weighted[NPS_PROMOTER] = 1;
    s.wsum[NPS_PROMOTER].limb[0] = 4; /* 0.5 = 4 x 2^-3, not canonical in memory */
    s.wsum[NPS_PROMOTER].exp = -3;
    s.wsq[NPS_PROMOTER] = dsum(0.25);
    uint8_t want[NPS_STATE_BYTES];
    memset(want, 0, sizeof want);
    want[0] = 'n';
    want[1] = 'p';
    want[2] = 's';
    want[3] = 2;
    want[4] = 1; /* flags: weighted */
    want[8 + 0 * 8] = 1;
    want[8 + 7 * 8] = 2;
    want[8 + 9 * 8] = 3;
    static const uint8_t c10[8] = {0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01};
    memcpy(want + 8 + 10 * 8, c10, 8);
    want[96 + 2 * 8] = 1;
    /* wsum[2] (the third sum, at 120 + 2 x 48): 0.5 = 1 x 2^-1 */
    memcpy(want + 216, "\xff\xff\xff\xff", 4);
    want[216 + 8] = 1;
    /* wsq[2] (the sixth sum, at 120 + 5 x 48): 0.25 = 1 x 2^-2 */
    memcpy(want + 360, "\xfe\xff\xff\xff", 4);
    want[360 + 8] = 1;
    reseal(want, 412);
    uint8_t got[NPS_STATE_BYTES];
    assert_int_equal(nps_encode(&s, got), 412);
    assert_memory_equal(got, want, 412);
    nps_state back = sentinel_state();
    assert_int_equal(nps_decode(want, 412, &back), NPS_OK);
    assert_state_equal(&back, &s);
    assert_sum_is(back.wsum[NPS_PROMOTER], 0.5);
    /* the empty state: header, flags 0, zero counts, the CRC; 100 bytes */
    nps_state e;
    nps_state_init(&e);
    memset(want, 0, sizeof want);
    memcpy(want, "nps\x02", 4);
    reseal(want, 100);
    assert_int_equal(nps_encode(&e, got), 100);
    assert_memory_equal(got, want, 100);
}

/* R11: flag bits other than bit 0 (a format this build cannot read) are
 * NPS_E_STATE_VERSION even with a valid checksum; bit 0 must match the
 * length (100 bytes without the weighted section, 412 with it). */
TEST(test_r11_flags)
{
    nps_state states[2] = {counts_state(1, 2, 3), weighted_reference()};
    for (int k = 0; k < 2; k++) {
        uint8_t good[NPS_STATE_BYTES];
        size_t len = nps_encode(&states[k], good);
        assert_int_equal(good[4], k); /* bit 0: weighted */
        for (int bit = 1; bit < 32; bit++) {
            uint8_t bad[NPS_STATE_BYTES];
            memcpy(bad, good, sizeof bad);
            bad[4 + bit / 8] |= (uint8_t)(1u << (bit % 8));
            reseal(bad, len);
            nps_state out = sentinel_state(), sent = sentinel_state();
            assert_int_equal(nps_decode(bad, len, &out), NPS_E_STATE_VERSION);
            assert_state_equal(&out, &sent);
        }
        /* bit 0 flipped: the length no longer matches */
        uint8_t bad[NPS_STATE_BYTES];
        memcpy(bad, good, sizeof bad);
        bad[4] ^= 1;
        reseal(bad, len);
        nps_state out = sentinel_state(), sent = sentinel_state();
        assert_int_equal(nps_decode(bad, len, &out), NPS_E_STATE_LENGTH);
        assert_state_equal(&out, &sent);
    }
}

/* R11: a weighted section whose weighted counts are all 0 is not canonical
 * (the blob should have been 100 bytes): NPS_E_STATE_VALUE, also when its
 * rows all weigh nothing. */
TEST(test_r11_weighted_flag_without_weighted_rows)
{
    nps_state s = counts_state(1, 2, 3);
    uint8_t buf[NPS_STATE_BYTES];
    size_t len = craft_flags(&s, 1u, buf);
    assert_int_equal(len, 412);
    nps_state out = sentinel_state(), sent = sentinel_state();
    assert_int_equal(nps_decode(buf, len, &out), NPS_E_STATE_VALUE);
    assert_state_equal(&out, &sent);
    nps_state_init(&s);
    len = craft_flags(&s, 1u, buf);
    assert_int_equal(nps_decode(buf, len, &out), NPS_E_STATE_VALUE);
    assert_state_equal(&out, &sent);
}

/* R11: a wrong checksum is NPS_E_STATE_CHECKSUM, whatever part is wrong. */
TEST(test_r11_wrong_checksum)
{
    nps_state states[2] = {counts_state(1, 2, 3), weighted_reference()};
    for (int k = 0; k < 2; k++) {
        uint8_t buf[NPS_STATE_BYTES];
        size_t len = craft(&states[k], buf);
        for (size_t b = 0; b < 4; b++) {
            uint8_t bad[NPS_STATE_BYTES];
            memcpy(bad, buf, sizeof bad);
            bad[len - 4 + b] ^= 0x5A;
            nps_state out = sentinel_state(), sent = sentinel_state();
            assert_int_equal(nps_decode(bad, len, &out), NPS_E_STATE_CHECKSUM);
            assert_state_equal(&out, &sent);
        }
        /* a count changed after sealing */
        uint8_t bad[NPS_STATE_BYTES];
        memcpy(bad, buf, sizeof bad);
        bad[B_COUNTS + 8 * 9] ^= 1;
        nps_state out = sentinel_state();
        assert_int_equal(nps_decode(bad, len, &out), NPS_E_STATE_CHECKSUM);
    }
}

/* R11: the test's encoder and the core's agree, so the crafted blobs of
 * test_check.c are valid apart from the one field each changes. */
TEST(test_r11_crafted_valid_state_decodes)
{
    nps_state s = weighted_reference();
    assert_int_equal(nps_add(&s, 3), NPS_OK);
    uint8_t a[NPS_STATE_BYTES], b[NPS_STATE_BYTES];
    size_t la = craft(&s, a), lb = nps_encode(&s, b);
    assert_int_equal(la, lb);
    assert_memory_equal(a, b, la);
    nps_state out;
    assert_int_equal(nps_decode(a, la, &out), NPS_OK);
    assert_state_equal(&out, &s);
}

#!/usr/bin/env python3
"""The hand-built nps_state blobs of tests/pg/sql/state.sql, written out.

Each blob comes from tests/tools/state_blob.py, an encoder of format 2
written from the format's description (not from the extension), so the
expected bytes never come from the code under test.  Prints the VALUES
rows of the fixture table; paste them into state.sql after a change.

    python3 tests/pg/fixtures.py
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tools'))
import state_blob  # noqa: E402

FIXTURES = [
    # Good states.
    ('a', 'scores=1,0,0,0,0,0,1,1,1,2,1'),
    ('weighted', 'scores=1,0,0,0,0,0,1,0,1,2,1 weighted=2,1,3 wsum=5.5,1,3.25 wsq=18.25,1,5.0625'),
    ('empty', 'scores=0,0,0,0,0,0,0,0,0,0,0'),
    ('big', 'scores=9007199254740993,0,0,0,0,0,0,0,0,0,3'),
    ('limit', 'scores=4611686018427387903,0,0,0,0,0,0,0,0,0,1'),
    ('hex_sums', 'scores=0,0,0,0,0,0,0,0,0,1,1 weighted=0,0,2 wsum=0,0,0.1+0.2 wsq=0,0,sq(0.1)+sq(0.2)'),
    ('inexact', 'scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,2 wsq=0,0,4 inexact=0,0,1,0,0,1'),
    # Bad states: each breaks one rule and carries a valid checksum.
    ('format1_version', 'scores=1,0,0,0,0,0,0,0,0,0,0 version=1'),
    ('future_version', 'scores=1,0,0,0,0,0,0,0,0,0,0 version=3'),
    ('unknown_flags', 'scores=1,0,0,0,0,0,0,0,0,0,0 flags=2'),
    ('weighted_flag_short', 'scores=1,0,0,0,0,0,0,0,0,0,0 flags=1'),
    ('foreign_magic', 'scores=1,0,0,0,0,0,0,0,0,0,0 magic=npx'),
    ('negative', 'scores=-1,0,0,0,0,0,0,0,0,0,1'),
    ('too_many_rows', 'scores=4611686018427387904,0,0,0,0,0,0,0,0,0,1'),
    ('weighted_gt_rows', 'scores=1,0,0,0,0,0,0,0,0,0,0 weighted=2,0,0 wsum=1,0,0 wsq=1,0,0'),
    ('sum_without_rows', 'scores=1,0,0,0,0,0,0,0,0,0,1 weighted=0,0,0 wsum=1.5,0,0 wsq=2.25,0,0'),
    ('squares_above_sum', 'scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,1 wsq=0,0,2'),
    ('squares_below_sum', 'scores=0,0,0,0,0,0,0,0,0,0,2 weighted=0,0,2 wsum=0,0,3 wsq=0,0,1'),
    ('zero_sum_squares', 'scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,0 wsq=0,0,1'),
    ('noncanonical', 'scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,2 wsq=0,0,4 raw=2:0:2,0,0,0,0'),
    ('inexact_flag_2', 'scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,2 wsq=0,0,4 inexact=0,0,2,0,0,0'),
]


def blob(description):
    """Bytes of a description, through state_blob.py's own argument reader."""
    import contextlib
    import io
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        state_blob.main(description.split())
    return bytes.fromhex(out.getvalue().strip())


def main():
    rows = []
    for name, description in FIXTURES:
        b = blob(description)
        rows.append("-- %s (%d bytes)\n('%s', '%s')" % (description, len(b), name, b.hex()))
    print(',\n'.join(rows) + ';')


if __name__ == '__main__':
    main()

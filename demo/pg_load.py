"""The demo's data, from its SQLite database, as SQL for psql (demo/pg.sh).

  pg_load.py path/to/nps_demo.db

Prints a CREATE TABLE and a COPY ... FROM STDIN with the rows for each table
demo/gen.c writes, in the types the PostgreSQL programme expects: times
(the columns named *_at) as timestamp, the two flags of the contacts as
boolean, weights as double precision, the rest as SQLite declares them.
Keys are kept; the foreign keys are left out (the rows come from one
consistent database).
"""
import sqlite3
import sys

# The tables of demo/gen.c, in its order (not the programme's, nor the
# report's nps_daily).
TABLES = ['invitations', 'responses', 'contacts', 'cx_log', 'panel', 'tickets', 'ticket_csat',
          'onboarding_ces', 'employees', 'enps_pulse', 'accounts', 'stakeholders',
          'account_invitations', 'account_responses', 'campaigns']
FLAGS = ('referral_consent', 'opted_out')


def pg_type(name, declared):
    if name.endswith('_at'):
        return 'timestamp'
    if name in FLAGS:
        return 'boolean'
    return {'INTEGER': 'integer', 'TEXT': 'text', 'REAL': 'double precision'}[declared.upper()]


def copy_value(v):
    if v is None:
        return r'\N'
    if isinstance(v, float):
        return repr(v)
    return (str(v).replace('\\', '\\\\').replace('\t', '\\t')
            .replace('\n', '\\n').replace('\r', '\\r'))


def main():
    db = sqlite3.connect('file:%s?mode=ro' % sys.argv[1], uri=True)
    out = sys.stdout
    for t in TABLES:
        cols = db.execute('SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid', (t,)).fetchall()
        if not cols:
            sys.exit('pg_load.py: no table %s in %s' % (t, sys.argv[1]))
        defs = ['    %s %s' % (n, pg_type(n, ty)) for n, ty, _ in cols]
        key = [n for n, _, pk in sorted(cols, key=lambda c: c[2]) if pk]
        if key:
            defs.append('    PRIMARY KEY (%s)' % ', '.join(key))
        out.write('CREATE TABLE %s (\n%s\n);\n' % (t, ',\n'.join(defs)))
        out.write('COPY %s FROM STDIN;\n' % t)
        for row in db.execute('SELECT * FROM %s ORDER BY rowid' % t):
            out.write('\t'.join(copy_value(v) for v in row) + '\n')
        out.write('\\.\n')
    out.write('CREATE INDEX responses_at ON responses (responded_at);\n')


if __name__ == '__main__':
    main()

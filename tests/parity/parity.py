#!/usr/bin/env python3
"""Run the same queries on SQLite (sqlite3 shell, the extension loaded) and on
PostgreSQL (psql against the server in PGHOST/PGPORT) and compare the outputs.

Usage: parity.py SQLITE_EXTENSION        (run from the repository root)

Checks, each counted once in the closing "N passed, M failed":
  * every query of sql/queries.sql gives the same rows in both engines;
  * the states of each engine, exported as hex and loaded into the other,
    give the same results there (sql/states.sql) as the engine's own states;
  * every bad input of sql/errors.sql gives the same error text in both;
  * every query of sql/programme.sql gives the same rows in both, over the
    programme's fixture (tests/programme/fixture.sql) after the programme's
    schema script (sql/programme/<engine>.sql);
  * the programme's schema: every table and view named nps_* that a user
    has after the script and an alert is the same kind with the same columns
    in the same order in both engines, but for the few that only one engine
    has on purpose (ENGINE_ONLY).

Printing.  PostgreSQL prints float8 with extra_float_digits = 0, i.e. %.15g:
15 significant digits.  SQLite 3.40's shell prints a REAL with %!.15g: the
same 15 significant digits, but always with a decimal point ("100.0",
"1.0e-05").  Every field that is a decimal number with a point or an exponent
is re-printed as %.15g in both outputs.  That changes only the layout: a
decimal of at most 15 significant digits read into a double and printed
again with %.15g gives back the same digits, so no difference within the 15
significant digits both engines print can be hidden.  Beyond those digits,
the JSON of nps_summary (numbers printed by the core in shortest round-trip
form, up to 17 digits) and the states' bytes (hex) are compared exactly.
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FLOAT = re.compile(r'^-?[0-9]+(\.[0-9]+)?(e[-+][0-9]+)?$')
SQLITE_PREFIX = re.compile(r'^(?:Runtime error|Parse error|Error)(?: near line \d+)?: (?:stepping, |in prepare, )?')
# PostgreSQL's stand-in for SQLite's hex() of a state blob: the same bytes, the
# same upper-case hex, '' for NULL as SQLite's hex(NULL).
PG_HEX = ("CREATE FUNCTION hex(nps_state) RETURNS text LANGUAGE sql IMMUTABLE "
          "AS $$ SELECT coalesce(upper(encode($1::bytea, 'hex')), '') $$;\n"
          "CREATE FUNCTION hex(nps_pair_state) RETURNS text LANGUAGE sql IMMUTABLE "
          "AS $$ SELECT coalesce(upper(encode($1::bytea, 'hex')), '') $$;\n"
          "CREATE FUNCTION hex(csat_state) RETURNS text LANGUAGE sql IMMUTABLE "
          "AS $$ SELECT coalesce(upper(encode($1::bytea, 'hex')), '') $$;\n"
          "CREATE FUNCTION hex(ces_state) RETURNS text LANGUAGE sql IMMUTABLE "
          "AS $$ SELECT coalesce(upper(encode($1::bytea, 'hex')), '') $$;\n")

# The programme's tables and views, one row per column in order: name|kind|column.
SCHEMA_SQLITE = r"""SELECT m.name, m.type, p.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p
WHERE m.type IN ('table', 'view') AND m.name LIKE 'nps\_%' ESCAPE '\' ORDER BY m.name, p.cid;
"""
SCHEMA_PG = r"""SELECT c.relname, CASE c.relkind WHEN 'v' THEN 'view' ELSE 'table' END, a.attname
FROM pg_catalog.pg_class AS c JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid
WHERE c.relnamespace = pg_catalog.current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v')
  AND c.relname LIKE 'nps\_%' AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY c.relname, a.attnum;
"""
# Tables and views that one engine has and the other has not, on purpose,
# each with the engine that has it and why.  Anything else that only one
# engine has, or has with other columns, fails the schema checks.
ENGINE_ONLY = {
    # SQLite has no NOTIFY: an alert of nps_alert_on() is a row of a queue
    # table, nps_alert unless the call names another; PostgreSQL notifies.
    'nps_alert': 'sqlite',
    # SQLite has no stored procedures: the upkeep of one row of nps_contacts,
    # nps_invitations or nps_responses is the INSTEAD OF trigger of a view,
    # which the triggers of nps_watch() insert into; PostgreSQL's upkeep is
    # functions over a statement's rows (nps_contact_upkeep() and the like).
    'nps_contact_upkeep': 'sqlite',
    'nps_invitation_upkeep': 'sqlite',
    'nps_response_upkeep': 'sqlite',
}

passed = failed = 0


def check(ok, label, detail=''):
    """Count one check; print what failed."""
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('FAIL %s%s' % (label, ('\n' + detail) if detail else ''))


def statements(path):
    """The statements of a file: lines up to one ending with ';', comments dropped."""
    out, cur = [], []
    with open(path, encoding='utf-8') as f:
        for line in f:
            if not cur and (not line.strip() or line.lstrip().startswith('--')):
                continue
            cur.append(line.rstrip('\n'))
            if line.rstrip().endswith(';'):
                out.append('\n'.join(cur))
                cur = []
    return out


def normalise(text):
    """Re-print decimal fields as %.15g (see the module comment)."""
    lines = []
    for line in text.splitlines():
        fields = line.split('|')
        for i, f in enumerate(fields):
            if FLOAT.match(f) and ('.' in f or 'e' in f):
                fields[i] = '%.15g' % float(f)
        lines.append('|'.join(fields))
    return lines


def blocks(lines):
    """Split output at the marker rows '== name' into {name: [rows]}."""
    out, name = {}, None
    for line in lines:
        if line.startswith('== '):
            name = line[3:]
            out[name] = []
        elif name is not None:
            out[name].append(line)
    return out


def marked(queries, prefix):
    """A script running each query after a marker row naming it."""
    return ''.join("SELECT '== %s%d';\n%s\n" % (prefix, i, q) for i, q in enumerate(queries, 1))


def run_sqlite(ext, script):
    """Run a script in one sqlite3 session; return (stdout, stderr)."""
    head = '.load %s\n.headers off\n.mode list\n.separator |\n.nullvalue NULL\n' % ext
    p = subprocess.run(['sqlite3', '-batch', ':memory:'], input=head + script, capture_output=True,
                       text=True)
    return p.stdout, p.stderr


def run_pg(db, script):
    """Run a script in one psql session; return (stdout, stderr)."""
    p = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-F', '|', '-P', 'null=NULL', '-d', db, '-f', '-'],
                       input='SET extra_float_digits = 0;\n' + script, capture_output=True, text=True)
    return p.stdout, p.stderr


def compare(name, a, b, label_a, label_b):
    """One check: two result blocks are identical and not empty."""
    if a == b and a:
        check(True, name)
        return
    diff = ['  %s: %s' % (label_a, x) for x in a[:3]] + ['  %s: %s' % (label_b, x) for x in b[:3]]
    for x, y in zip(a, b):
        if x != y:
            diff += ['  first difference:', '  %s: %s' % (label_a, x), '  %s: %s' % (label_b, y)]
            break
    check(False, name, '\n'.join(diff) if a or b else '  no rows in either engine')


def hex_rows(lines):
    """Parse 'day|region|HEX|HEX' export rows."""
    rows = []
    for line in lines:
        day, region, st, wst = line.split('|')
        rows.append((int(day), region, st or None, wst or None))
    return rows


def load_states(rows, table, literal):
    """SQL creating a table of states from hex rows, with the engine's bytes literal."""
    values = ',\n'.join("(%d, '%s', %s, %s)" % (d, r, literal(s) if s else 'NULL', literal(w) if w else 'NULL')
                        for d, r, s, w in rows)
    return 'INSERT INTO %s VALUES\n%s;\n' % (table, values)


def relations(lines):
    """Parse 'name|kind|column' rows into {name: (kind, [columns in order])}."""
    out = {}
    for line in lines:
        name, kind, column = line.split('|')
        out.setdefault(name, (kind, []))[1].append(column)
    return out


def create_db(name):
    """A new, empty PostgreSQL database of that name."""
    subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'SET client_min_messages = warning',
                    '-c', 'DROP DATABASE IF EXISTS %s' % name, '-c', 'CREATE DATABASE %s' % name], check=True)


def main():
    ext = sys.argv[1]
    fixture = open(os.path.join(HERE, 'fixture.sql'), encoding='utf-8').read()
    queries = statements(os.path.join(HERE, 'sql', 'queries.sql'))
    state_queries = statements(os.path.join(HERE, 'sql', 'states.sql'))
    errors = statements(os.path.join(HERE, 'sql', 'errors.sql'))

    db = 'nps_parity'
    create_db(db)
    setup_pg = 'SET client_min_messages = warning;\nCREATE EXTENSION nps;\n' + PG_HEX

    # 1. The queries, over the fixture.
    s_out, s_err = run_sqlite(ext, fixture + marked(queries, 'query '))
    p_out, p_err = run_pg(db, setup_pg + fixture + marked(queries, 'query '))
    check(not s_err, 'sqlite3 ran the queries without error', s_err)
    check(not p_err, 'psql ran the queries without error', p_err)
    s_blocks, p_blocks = blocks(normalise(s_out)), blocks(normalise(p_out))
    for i, q in enumerate(queries, 1):
        name = 'query %d' % i
        if not q.startswith('SELECT'):
            continue  # a statement that makes a table; its rows are queried next
        compare('%s: %s' % (name, q.splitlines()[0][:90]), s_blocks.get(name, []), p_blocks.get(name, []),
                'sqlite', 'pg')

    query_blocks = (s_blocks, p_blocks)

    # 2. States made by one engine, read by the other.  The last query of
    # queries.sql exported each engine's daily states as hex (compared above).
    last = 'query %d' % len(queries)
    from_sqlite, from_pg = hex_rows(s_blocks.get(last, [])), hex_rows(p_blocks.get(last, []))
    daily = [q for q in queries if q.startswith('CREATE TABLE daily')][0]
    create = 'CREATE TABLE %s (day integer, region text, st %s, wst %s);\n'
    own = lambda prefix: marked([q.replace('@STATES@', 'daily') for q in state_queries], prefix)
    other = lambda prefix, t: marked([q.replace('@STATES@', t) for q in state_queries], prefix)
    s_out, s_err = run_sqlite(ext, fixture + daily + '\n' + create % ('daily_from_pg', 'blob', 'blob')
                              + load_states(from_pg, 'daily_from_pg', lambda h: "x'%s'" % h)
                              + own('own ') + other('other ', 'daily_from_pg'))
    p_out, p_err = run_pg(db, 'DROP TABLE daily;\n' + daily + '\n'
                          + create % ('daily_from_sqlite', 'nps_state', 'nps_state')
                          + load_states(from_sqlite, 'daily_from_sqlite',
                                        lambda h: "'\\x%s'::bytea::nps_state" % h)
                          + own('own ') + other('other ', 'daily_from_sqlite'))
    check(not s_err, 'sqlite3 ran the state queries without error', s_err)
    check(not p_err, 'psql ran the state queries without error', p_err)
    s_blocks, p_blocks = blocks(normalise(s_out)), blocks(normalise(p_out))
    for i, q in enumerate(state_queries, 1):
        head = q.splitlines()[0][:70]
        compare('states %d, each engine its own: %s' % (i, head), s_blocks.get('own %d' % i, []),
                p_blocks.get('own %d' % i, []), 'sqlite', 'pg')
        compare('states %d, SQLite states in PostgreSQL: %s' % (i, head), p_blocks.get('other %d' % i, []),
                p_blocks.get('own %d' % i, []), 'pg reading sqlite states', 'pg')
        compare('states %d, PostgreSQL states in SQLite: %s' % (i, head), s_blocks.get('other %d' % i, []),
                s_blocks.get('own %d' % i, []), 'sqlite reading pg states', 'sqlite')

    # 2b. Pair states made by one engine, read by the other: the per-region
    # pair states of queries.sql (their hex is the last column), read back by
    # the _of scalars and merged, in both engines, from both engines' bytes.
    pair_q = [i for i, q in enumerate(queries, 1)
              if q.startswith('SELECT a.region, nps_change(') and 'hex(nps_pair_state(' in q][0]
    pair_rows = lambda b: [(line.split('|')[0], line.split('|')[-1]) for line in b.get('query %d' % pair_q, [])]
    s_pairs, p_pairs = pair_rows(query_blocks[0]), pair_rows(query_blocks[1])
    check(len(s_pairs) > 1 and len(s_pairs) == len(p_pairs), 'pair states exported by both engines',
          '%r\n%r' % (s_pairs, p_pairs))

    def read_pairs(rows, literal):
        first = literal(rows[0][1])
        return ''.join("SELECT '%s', nps_change_of(%s), nps_change_pvalue_of(%s), nps_migration_of(%s), "
                       "hex(nps_pair_state_merge(%s, %s));\n" % (r, literal(h), literal(h), literal(h),
                                                                  literal(h), first)
                       for r, h in rows)
    s_lit, p_lit = (lambda h: "x'%s'" % h), (lambda h: "'\\x%s'::bytea::nps_pair_state" % h)
    outputs = {}
    for engine, run, lit in (('sqlite', lambda sc: run_sqlite(ext, sc), s_lit),
                             ('pg', lambda sc: run_pg(db, sc), p_lit)):
        for source, rows in (('sqlite', s_pairs), ('pg', p_pairs)):
            out, err = run(read_pairs(rows, lit))
            check(not err, '%s read the pair states of %s without error' % (engine, source), err)
            outputs[engine, source] = normalise(out)
    for engine, source in (('sqlite', 'pg'), ('pg', 'sqlite'), ('pg', 'pg')):
        compare('pair states of %s read by %s' % (source, engine), outputs[engine, source],
                outputs['sqlite', 'sqlite'], '%s reading %s' % (engine, source), 'sqlite reading sqlite')

    # 2c. CSAT and CES states made by one engine, read by the other: the
    # per-region states of queries.sql (their hex the last two columns), read
    # back by the _of scalars and merged, in both engines, from both engines' bytes.
    scale_q = [i for i, q in enumerate(queries, 1) if q.startswith('SELECT region, csat_summary_of(')][0]
    scale_rows = lambda b: [tuple(line.split('|')[i] for i in (0, -2, -1))
                            for line in b.get('query %d' % scale_q, [])]
    s_scales, p_scales = scale_rows(query_blocks[0]), scale_rows(query_blocks[1])
    check(len(s_scales) > 1 and len(s_scales) == len(p_scales), 'CSAT and CES states exported by both engines',
          '%r\n%r' % (s_scales, p_scales))

    def read_scales(rows, csat, ces):
        first = rows[0]
        return ''.join("SELECT '%s', csat_of(%s), csat_ci_lower_of(%s, 0.9), csat_summary_of(%s), "
                       "ces_of(%s), ces_moe_of(%s), ces_summary_of(%s), ces_rows_of(%s), "
                       "hex(csat_state_merge(%s, %s)), hex(ces_state_merge(%s, %s));\n"
                       % (r, csat(c), csat(c), csat(c), ces(e), ces(e), ces(e), ces(e), csat(c), csat(first[1]),
                          ces(e), ces(first[2]))
                       for r, c, e in rows)
    outputs = {}
    for engine, run, csat, ces in (
            ('sqlite', lambda sc: run_sqlite(ext, sc), lambda h: "x'%s'" % h, lambda h: "x'%s'" % h),
            ('pg', lambda sc: run_pg(db, sc), lambda h: "'\\x%s'::bytea::csat_state" % h,
             lambda h: "'\\x%s'::bytea::ces_state" % h)):
        for source, rows in (('sqlite', s_scales), ('pg', p_scales)):
            out, err = run(read_scales(rows, csat, ces))
            check(not err, '%s read the CSAT and CES states of %s without error' % (engine, source), err)
            outputs[engine, source] = normalise(out)
    for engine, source in (('sqlite', 'pg'), ('pg', 'sqlite'), ('pg', 'pg')):
        compare('CSAT and CES states of %s read by %s' % (source, engine), outputs[engine, source],
                outputs['sqlite', 'sqlite'], '%s reading %s' % (engine, source), 'sqlite reading sqlite')

    # 3. Errors: one case at a time, the engine's prefix stripped.
    for case in errors:
        sq, _, pq = case.partition(' ||| ')
        pq = pq or sq
        p = subprocess.run(['sqlite3', '-batch', ':memory:'], input='.load %s\n%s\n' % (ext, sq),
                           capture_output=True, text=True)
        s_msg = SQLITE_PREFIX.sub('', p.stderr.strip().splitlines()[0]) if p.stderr.strip() else 'no error'
        p = subprocess.run(['psql', '-X', '-q', '-d', db, '-c', pq], capture_output=True, text=True)
        lines = [x for x in p.stderr.splitlines() if x.startswith('ERROR:')]
        p_msg = lines[0][len('ERROR:'):].strip() if lines else 'no error'
        ok = s_msg == p_msg and s_msg != 'no error'
        check(ok, 'error: %s' % sq, '  sqlite: %s\n  pg:     %s' % (s_msg, p_msg))
        if ok:
            print('same error: %s' % s_msg)

    # 4. The programme: schema, fixture and queries, in a database of its own.
    pdb = 'nps_parity_programme'
    create_db(pdb)
    pfixture = open(os.path.join(HERE, '..', 'programme', 'fixture.sql'), encoding='utf-8').read()
    pqueries = statements(os.path.join(HERE, 'sql', 'programme.sql'))
    s_out, s_err = run_sqlite(ext, '.read sql/programme/sqlite.sql\n' + pfixture + marked(pqueries, 'programme '))
    p_out, p_err = run_pg(pdb, 'SET client_min_messages = warning;\nCREATE EXTENSION nps;\n'
                          '\\i sql/programme/pg.sql\n' + pfixture + marked(pqueries, 'programme '))
    check(not s_err, 'sqlite3 ran the programme queries without error', s_err)
    check(not p_err, 'psql ran the programme queries without error', p_err)
    s_blocks, p_blocks = blocks(normalise(s_out)), blocks(normalise(p_out))
    for i, q in enumerate(pqueries, 1):
        if not q.startswith('SELECT'):
            continue
        compare('programme %d: %s' % (i, q.splitlines()[0][:90]), s_blocks.get('programme %d' % i, []),
                p_blocks.get('programme %d' % i, []), 'sqlite', 'pg')
    subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP DATABASE %s' % pdb], check=True)

    # 5. The programme's schema, as a user has it after the script and an
    # alert on the responses: the same tables and views, column for column.
    sdb = 'nps_parity_schema'
    create_db(sdb)
    alert = "SELECT nps_alert_on('nps_responses', 'score');\nSELECT '== schema';\n"
    s_out, s_err = run_sqlite(ext, '.read sql/programme/sqlite.sql\n' + alert + SCHEMA_SQLITE)
    p_out, p_err = run_pg(sdb, 'SET client_min_messages = warning;\nCREATE EXTENSION nps;\n'
                          '\\i sql/programme/pg.sql\n' + alert + SCHEMA_PG)
    check(not s_err, 'sqlite3 listed the programme schema without error', s_err)
    check(not p_err, 'psql listed the programme schema without error', p_err)
    s_rel, p_rel = relations(blocks(s_out.splitlines()).get('schema', [])), \
        relations(blocks(p_out.splitlines()).get('schema', []))
    check(len(s_rel) >= 10 and len(p_rel) >= 10, 'schema: the tables and views were listed',
          '  sqlite: %d, pg: %d' % (len(s_rel), len(p_rel)))
    for name in sorted(set(s_rel) | set(p_rel) | set(ENGINE_ONLY)):
        have = [engine for engine, rel in (('sqlite', s_rel), ('pg', p_rel)) if name in rel]
        if name in ENGINE_ONLY:
            check(have == [ENGINE_ONLY[name]], 'schema %s: in %s only, as ENGINE_ONLY says' % (name, ENGINE_ONLY[name]),
                  '  found in: %s' % (', '.join(have) or 'neither engine'))
        elif len(have) == 1:
            check(False, 'schema %s: in %s only' % (name, have[0]),
                  '  what one engine alone has goes in ENGINE_ONLY, with the reason')
        else:
            (s_kind, s_cols), (p_kind, p_cols) = s_rel[name], p_rel[name]
            check((s_kind, s_cols) == (p_kind, p_cols),
                  'schema %s: the same %s in both engines, column for column' % (name, s_kind),
                  '  sqlite: %s (%s)\n  pg:     %s (%s)' % (s_kind, ', '.join(s_cols), p_kind, ', '.join(p_cols)))
    subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP DATABASE %s' % sdb], check=True)

    subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP DATABASE %s' % db], check=True)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
"""Run the same queries on SQLite (sqlite3 shell, the extension loaded), on
PostgreSQL (psql against the server in PGHOST/PGPORT) and, when given, on
DuckDB (build/duckdb/shell with the DuckDB extension loaded), and compare the
outputs.

Usage: parity.py SQLITE_EXTENSION [DUCKDB_SHELL DUCKDB_EXTENSION]
       (run from the repository root)

DuckDB runs every query, state query and error case that uses only what it
has (DUCKDB_LACKS names the rest, with the reason); its answers must be those
of SQLite (and so of PostgreSQL), digit for digit, and its states and pair
states are read by both other engines and theirs by it.

Checks, each counted once in the closing "N passed, M failed":
  * every query of sql/queries.sql gives the same rows in both engines;
  * the states of each engine, exported as hex and loaded into each other,
    give the same results there (sql/states.sql) as the engine's own states;
  * every bad input of sql/errors.sql gives the same error text in all;
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
"1.0e-05").  The DuckDB shell prints DuckDB's own rendering of a double, the
shortest text that reads back exactly (17 digits at most).  Every field that is a decimal number with a point or an exponent
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

# DuckDB's prefix of an error ("Invalid Input Error: "), as SQLite's above.
DUCKDB_PREFIX = re.compile(r'^Error: (?:[A-Z][A-Za-z]* )+Error: ')
# DuckDB's stand-in for SQLite's hex(): its own hex() of a blob is the same
# upper-case hex, but NULL for NULL; queries call this macro instead
# (duck() rewrites them), and a state literal x'..' is unhex('..') there.
DUCKDB_HEX = "CREATE MACRO nps_parity_hex(b) AS coalesce(hex(b), '');\n"
# What the DuckDB extension does not have, so queries and error cases that
# use it run on SQLite and PostgreSQL only: the programme toolkit (alert
# triggers, follow-up queues and questions, the programme's views), an
# operational schema for the engines that hold the responses.
DUCKDB_LACKS = re.compile(r'\b(nps_alert_on|nps_alert_off|nps_followup_question)\(')

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
    # nps_invitations, nps_responses, nps_account_contacts or (of one
    # response's rows) nps_response_attributes is the INSTEAD OF trigger of a
    # view, which the triggers of nps_watch() insert into; PostgreSQL's upkeep
    # is functions over a statement's rows (nps_contact_upkeep(),
    # nps_attribute_upkeep() and the like).  So are the steps of the account
    # windows' upkeep (nps_account_share, nps_account_advance).
    'nps_contact_upkeep': 'sqlite',
    'nps_invitation_upkeep': 'sqlite',
    'nps_response_upkeep': 'sqlite',
    'nps_response_attribute_upkeep': 'sqlite',
    'nps_account_contact_upkeep': 'sqlite',
    'nps_account_share': 'sqlite',
    'nps_account_advance': 'sqlite',
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


def duck(sql):
    """A query as DuckDB runs it: hex() through nps_parity_hex(), x'..' as unhex('..')."""
    sql = re.sub(r"\bx'([0-9a-fA-F]*)'", r"unhex('\1')", sql)
    return re.sub(r'\bhex\(', 'nps_parity_hex(', sql)


def duck_has(sql):
    """True when DuckDB has every function a query or case uses."""
    return not DUCKDB_LACKS.search(sql)


def run_duckdb(duckdb, script):
    """Run a script in one DuckDB shell session; return (stdout, errors).  The
    shell prints errors on stdout, in order: they are taken out and returned."""
    shell, ext = duckdb
    p = subprocess.run([shell, '-cmd', "LOAD '%s'" % ext], input=DUCKDB_HEX + script, capture_output=True,
                       text=True)
    out = [x for x in p.stdout.splitlines(True) if not x.startswith('Error: ')]
    err = [x for x in p.stdout.splitlines(True) if x.startswith('Error: ')]
    return ''.join(out), ''.join(err) + p.stderr


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
    duckdb = tuple(sys.argv[2:4]) if len(sys.argv) >= 4 else None
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
    d_blocks = {}
    if duckdb:
        d_out, d_err = run_duckdb(duckdb, fixture + marked([duck(q) if duck_has(q) else "SELECT 'not in DuckDB';"
                                                           for q in queries], 'query '))
        check(not d_err, 'duckdb ran the queries without error', d_err)
        d_blocks = blocks(normalise(d_out))
    for i, q in enumerate(queries, 1):
        name = 'query %d' % i
        if not q.startswith('SELECT'):
            continue  # a statement that makes a table; its rows are queried next
        compare('%s: %s' % (name, q.splitlines()[0][:90]), s_blocks.get(name, []), p_blocks.get(name, []),
                'sqlite', 'pg')
        if duckdb and duck_has(q):
            compare('%s in DuckDB: %s' % (name, q.splitlines()[0][:80]), d_blocks.get(name, []),
                    s_blocks.get(name, []), 'duckdb', 'sqlite')

    query_blocks = (s_blocks, p_blocks, d_blocks)

    # 2. States made by each engine, read by every other.  The last query of
    # queries.sql exported each engine's daily states as hex (compared above).
    last = 'query %d' % len(queries)
    engines = ['sqlite', 'pg'] + (['duckdb'] if duckdb else [])
    exports = {e: hex_rows(b.get(last, [])) for e, b in (('sqlite', s_blocks), ('pg', p_blocks),
                                                          ('duckdb', d_blocks)) if e in engines}
    daily = [q for q in queries if q.startswith('CREATE TABLE daily')][0]
    create = 'CREATE TABLE %s (day integer, region text, st %s, wst %s);\n'
    marked_states = lambda prefix, t: marked([q.replace('@STATES@', t) for q in state_queries], prefix)
    literal = {'sqlite': lambda h: "x'%s'" % h, 'pg': lambda h: "'\\x%s'::bytea::nps_state" % h,
               'duckdb': lambda h: "unhex('%s')" % h}
    state_type = {'sqlite': 'blob', 'pg': 'nps_state', 'duckdb': 'blob'}
    runner = {'sqlite': lambda sc: run_sqlite(ext, fixture + sc),
              'pg': lambda sc: run_pg(db, 'DROP TABLE daily;\n' + sc),
              'duckdb': lambda sc: run_duckdb(duckdb, fixture + duck(sc))}
    label = {'sqlite': 'SQLite', 'pg': 'PostgreSQL', 'duckdb': 'DuckDB'}
    states = {}
    for engine in engines:
        sources = [e for e in engines if e != engine]
        script = daily + '\n' + ''.join(
            create % ('daily_from_' + e, state_type[engine], state_type[engine])
            + load_states(exports[e], 'daily_from_' + e, literal[engine]) for e in sources)
        script += marked_states('own ', 'daily') + ''.join(marked_states('from %s ' % e, 'daily_from_' + e)
                                                           for e in sources)
        out, err = runner[engine](script)
        check(not err, '%s ran the state queries without error' % engine, err)
        states[engine] = blocks(normalise(out))
    for i, q in enumerate(state_queries, 1):
        head = q.splitlines()[0][:70]
        for engine in engines[1:]:
            compare('states %d, %s and SQLite each their own: %s' % (i, label[engine], head),
                    states[engine].get('own %d' % i, []), states['sqlite'].get('own %d' % i, []), engine, 'sqlite')
        for engine in engines:
            for source in engines:
                if source != engine:
                    compare('states %d, %s states in %s: %s' % (i, label[source], label[engine], head),
                            states[engine].get('from %s %d' % (source, i), []), states[engine].get('own %d' % i, []),
                            '%s reading %s states' % (engine, source), engine)

    # 2b. Pair states made by one engine, read by the other: the per-region
    # pair states of queries.sql (their hex is the last column), read back by
    # the _of scalars and merged, in both engines, from both engines' bytes.
    pair_q = [i for i, q in enumerate(queries, 1)
              if q.startswith('SELECT a.region, nps_change(') and 'hex(nps_pair_state(' in q][0]
    pair_rows = lambda b: [(line.split('|')[0], line.split('|')[-1]) for line in b.get('query %d' % pair_q, [])]
    pairs = {'sqlite': pair_rows(query_blocks[0]), 'pg': pair_rows(query_blocks[1])}
    if duckdb:
        pairs['duckdb'] = pair_rows(query_blocks[2])
    check(len(pairs['sqlite']) > 1 and all(len(p) == len(pairs['sqlite']) for p in pairs.values()),
          'pair states exported by every engine', '%r' % pairs)

    def read_pairs(rows, literal):
        first = literal(rows[0][1])
        return ''.join("SELECT '%s', nps_change_of(%s), nps_change_pvalue_of(%s), nps_migration_of(%s), "
                       "hex(nps_pair_state_merge(%s, %s));\n" % (r, literal(h), literal(h), literal(h),
                                                                  literal(h), first)
                       for r, h in rows)
    pair_literal = {'sqlite': lambda h: "x'%s'" % h, 'pg': lambda h: "'\\x%s'::bytea::nps_pair_state" % h,
                    'duckdb': lambda h: "unhex('%s')" % h}
    pair_runner = {'sqlite': lambda sc: run_sqlite(ext, sc), 'pg': lambda sc: run_pg(db, sc),
                   'duckdb': lambda sc: run_duckdb(duckdb, duck(sc))}
    outputs = {}
    for engine in pairs:
        for source, rows in pairs.items():
            out, err = pair_runner[engine](read_pairs(rows, pair_literal[engine]))
            check(not err, '%s read the pair states of %s without error' % (engine, source), err)
            outputs[engine, source] = normalise(out)
    for engine, source in outputs:
        if (engine, source) != ('sqlite', 'sqlite'):
            compare('pair states of %s read by %s' % (source, engine), outputs[engine, source],
                    outputs['sqlite', 'sqlite'], '%s reading %s' % (engine, source), 'sqlite reading sqlite')

    # 2c. CSAT and CES states made by each engine, read by every other: the
    # per-region states of queries.sql (their hex the last two columns), read
    # back by the _of scalars and merged, in every engine, from every engine's bytes.
    scale_q = [i for i, q in enumerate(queries, 1) if q.startswith('SELECT region, csat_summary_of(')][0]
    scale_rows = lambda b: [tuple(line.split('|')[i] for i in (0, -2, -1))
                            for line in b.get('query %d' % scale_q, [])]
    scales = {'sqlite': scale_rows(query_blocks[0]), 'pg': scale_rows(query_blocks[1])}
    if duckdb:
        scales['duckdb'] = scale_rows(query_blocks[2])
    check(len(scales['sqlite']) > 1 and all(len(x) == len(scales['sqlite']) for x in scales.values()),
          'CSAT and CES states exported by every engine', '%r' % scales)

    def read_scales(rows, csat, ces):
        first = rows[0]
        return ''.join("SELECT '%s', csat_of(%s), csat_ci_lower_of(%s, 0.9), csat_summary_of(%s), "
                       "ces_of(%s), ces_moe_of(%s), ces_summary_of(%s), ces_rows_of(%s), "
                       "hex(csat_state_merge(%s, %s)), hex(ces_state_merge(%s, %s));\n"
                       % (r, csat(c), csat(c), csat(c), ces(e), ces(e), ces(e), ces(e), csat(c), csat(first[1]),
                          ces(e), ces(first[2]))
                       for r, c, e in rows)
    scale_readers = {
        'sqlite': (lambda sc: run_sqlite(ext, sc), lambda h: "x'%s'" % h, lambda h: "x'%s'" % h),
        'pg': (lambda sc: run_pg(db, sc), lambda h: "'\\x%s'::bytea::csat_state" % h,
               lambda h: "'\\x%s'::bytea::ces_state" % h),
        'duckdb': (lambda sc: run_duckdb(duckdb, duck(sc)), lambda h: "unhex('%s')" % h,
                   lambda h: "unhex('%s')" % h)}
    outputs = {}
    for engine in scales:
        run, csat, ces = scale_readers[engine]
        for source, rows in scales.items():
            out, err = run(read_scales(rows, csat, ces))
            check(not err, '%s read the CSAT and CES states of %s without error' % (engine, source), err)
            outputs[engine, source] = normalise(out)
    for engine, source in outputs:
        if (engine, source) != ('sqlite', 'sqlite'):
            compare('CSAT and CES states of %s read by %s' % (source, engine), outputs[engine, source],
                    outputs['sqlite', 'sqlite'], '%s reading %s' % (engine, source), 'sqlite reading sqlite')

    # 3. Errors: one case at a time, the engine's prefix stripped.
    for case in errors:
        forms = case.split(' ||| ')
        sq, pq, dq = forms[0], forms[1] if len(forms) > 1 else forms[0], forms[2] if len(forms) > 2 else None
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
        if duckdb and duck_has(sq):
            out, err = run_duckdb(duckdb, (dq or duck(sq)) + '\n')
            d_msg = DUCKDB_PREFIX.sub('', err.splitlines()[0]) if err.strip() else 'no error'
            check(d_msg == s_msg and d_msg != 'no error', 'error in DuckDB: %s' % sq,
                  '  duckdb: %s\n  sqlite: %s' % (d_msg, s_msg))

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

"""Every SQL example of the documentation, run as written (tests/readme/run.sh).

  readme.py list FILE...
      Each example block of FILE (a ```sql or ```python block, a transcript
      of the sqlite3 shell, or a ```sh/```console block that runs sqlite3 or
      psql) with its marker: a line of its own just before
      the block, among the HTML comments there, that says how the block is
      tested:

        <!-- example: sqlite demo [session=NAME] [mode=box|list] -->
            in the sqlite3 shell with the extension loaded, on a copy of the
            demo's database (make demo: build/demo/nps_demo.db), in box mode
            unless mode=list
        <!-- example: sqlite gen [session=NAME] [mode=...] -->
            the same on the demo's data alone, before demo/programme.sql
            (list mode unless mode=box)
        <!-- example: sqlite fresh [session=NAME] [mode=...] -->
            the same on a new, empty database (list mode unless mode=box)
        <!-- example: pg demo [session=NAME] -->
            in psql on a copy of the database make demo-pg loads, nps_demo
        <!-- example: pg fresh [session=NAME] -->
            in psql on a new database with CREATE EXTENSION nps
        <!-- example: pg empty [session=NAME] -->
            in psql on a new database without it
        <!-- example: python demo -->
            a ```python block, by /usr/bin/python3 in a directory holding
            build/nps.so and a copy of build/demo/nps_demo.db
        <!-- example: tested by PATH -->
            another suite runs it: PATH must exist and hold a line of the
            block, or read its examples from the file (name it)
        <!-- example: fragment: REASON -->
            not runnable on its own (a sketch); the reason is required

      Blocks of one file with the same engine, database and session run in
      that order in one connection; a block without a session alone.  A
      block followed at once by an output block (``` or ```text) must print
      exactly that (trailing blanks and blank lines ignored); any other
      block must run without an error.

  readme.py run sqlite EXT DEMO_DB GEN_DB TMP FILE...
  readme.py run pg TMP FILE...     (psql on the server of PGHOST etc.,
                                    the database nps_demo loaded)
      Run the blocks of that engine: one "ok"/"FAIL" line per block, the
      inventory of the other markers, and "N passed, M failed".
"""
import os
import re
import shutil
import subprocess
import sys

FENCE = re.compile(r'^(\s*)```(\S*)\s*$')
MARKER = re.compile(r'^\s*<!--\s*example:\s*(.*?)\s*-->\s*$')
COMMENT = re.compile(r'^\s*<!--.*-->\s*$')
SEP = '---- readme.py: next block ----'


class Block:
    def __init__(self, path, line, lang, text, marker, output):
        self.path, self.line, self.lang, self.text = path, line, lang, text
        self.marker, self.output = marker, output
        self.kind = self.engine = self.db = self.session = self.mode = None
        self.arg = None
        self.problem = None

    def name(self):
        first = next((l.strip() for l in self.text.splitlines()
                      if l.strip() and not l.strip().startswith('--')), '')
        return '%s:%d %s' % (self.path, self.line, first[:60])


def blocks(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    found = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, lang = m.group(1), m.group(2)
        j = i + 1
        while j < len(lines) and not re.match(r'^\s*```\s*$', lines[j]):
            j += 1
        body = '\n'.join(l[len(indent):] if l.startswith(indent) else l.lstrip()
                         for l in lines[i + 1:j]) + '\n'
        output = None
        k = j + 1
        if lang in ('sql', 'python') and k < len(lines):
            o = FENCE.match(lines[k])
            if o and o.group(2) in ('', 'text'):
                e = k + 1
                while e < len(lines) and not re.match(r'^\s*```\s*$', lines[e]):
                    e += 1
                output = '\n'.join(l[len(o.group(1)):] for l in lines[k + 1:e]) + '\n'
                k = e + 1
        # A transcript of the sqlite3 shell (``` with "sqlite3 FILE" and then
        # "sqlite> " lines): its commands are the block, the other lines
        # what they must print.
        if lang == '' and re.match(r'^sqlite3 \S+\n(sqlite> .*\n)', body):
            cmds = [l[len('sqlite> '):] for l in body.splitlines()[1:] if l.startswith('sqlite> ')]
            shown = [l for l in body.splitlines()[1:] if not l.startswith('sqlite> ')]
            marker = None
            b = i - 1
            while b >= 0 and COMMENT.match(lines[b]):
                mm = MARKER.match(lines[b])
                if mm:
                    marker = mm.group(1)
                b -= 1
            t = Block(path, i + 1, 'sql', '\n'.join(cmds) + '\n', marker,
                      '\n'.join(shown) + '\n' if shown else None)
            found.append(t)
            i = j + 1
            continue
        runs = lang in ('sh', 'console') and re.search(
            r'^(\$ )?(sudo( -u \S+)? |su \S+ -c .)?(sqlite3|psql|createdb)\b', body, re.M)
        if lang in ('sql', 'python') or runs:
            marker = None
            b = i - 1
            while b >= 0 and COMMENT.match(lines[b]):
                mm = MARKER.match(lines[b])
                if mm:
                    marker = mm.group(1)
                b -= 1
            found.append(Block(path, i + 1, lang, body, marker, output))
        i = j + 1
    return found


def classify(b):
    """Read b.marker into b.kind and its options; b.problem when it is wrong."""
    if b.marker is None:
        b.problem = 'no <!-- example: ... --> marker just before it'
        return
    words = b.marker.split()
    if b.marker.startswith('tested by '):
        b.kind, b.arg = 'tested', b.marker[len('tested by '):].strip()
        if not os.path.exists(b.arg):
            b.problem = 'the marker names %s, which does not exist' % b.arg
            return
        test = open(b.arg, encoding='utf-8').read()
        lines = [l.strip() for l in b.text.splitlines() if len(l.strip()) >= 20]
        if not any(l in test for l in lines) and os.path.basename(b.path) not in test:
            b.problem = '%s holds no line of the block and does not read %s' % (b.arg, b.path)
        return
    if b.marker.startswith('fragment:'):
        b.kind, b.arg = 'fragment', b.marker[len('fragment:'):].strip()
        if not b.arg:
            b.problem = 'a fragment must say why it cannot run'
        return
    if words[:2] == ['python', 'demo'] and len(words) == 2:
        b.kind, b.engine, b.db = 'run', 'python', 'demo'
        if b.lang != 'python':
            b.problem = 'python demo runs ```python blocks only'
        return
    if len(words) < 2 or words[0] not in ('sqlite', 'pg') or \
            words[1] not in (('demo', 'gen', 'fresh') if words[0] == 'sqlite' else ('demo', 'fresh', 'empty')):
        b.problem = 'unknown marker: %s' % b.marker
        return
    b.kind, b.engine, b.db = 'run', words[0], words[1]
    b.mode = 'box' if (b.engine, b.db) == ('sqlite', 'demo') else 'list'
    for w in words[2:]:
        key, _, value = w.partition('=')
        if key == 'session' and value:
            b.session = value
        elif key == 'mode' and value in ('box', 'list'):
            b.mode = value
        else:
            b.problem = 'unknown option %s in the marker' % w
    if b.lang != 'sql':
        b.problem = 'only ```sql blocks are run; mark this one tested by or fragment'


def normal(text):
    lines = [l.rstrip() for l in text.split('\n')]
    while lines and not lines[-1]:
        lines.pop()
    return '\n'.join(lines) + '\n'


def indent(text):
    return ''.join('    ' + l + '\n' for l in text.rstrip('\n').split('\n'))


def run_sqlite(group, ext, db):
    # The mode: the session's first block's, then as the blocks set it (or
    # their markers: mode=...).
    script = ['.bail on', '.load ' + ext, '.mode ' + group[0].mode]
    for b in group:
        script.append('.print ' + SEP)
        if 'mode=' in b.marker:
            script.append('.mode ' + b.mode)
        script.append(b.text.replace('.load ./build/nps\n', '.load %s\n' % ext))
    run = subprocess.run(['sqlite3', '-batch', db], input='\n'.join(script),
                         capture_output=True, text=True)
    return run.stdout, run.stderr


def run_pg(group, db):
    script = []
    for b in group:
        script.append('\\echo ' + SEP)
        script.append(b.text)
    env = dict(os.environ, PGOPTIONS='-c client_min_messages=warning')
    run = subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-P', 'footer=off', '-d', db],
                         input='\n'.join(script), capture_output=True, text=True, env=env)
    return run.stdout, run.stderr


def run_python(group, ext, demo, tmp):
    # A directory laid out as the repository is after make demo: the
    # snippet opens build/demo/nps_demo.db and loads ./build/nps.
    root = os.path.join(tmp, 'python')
    os.makedirs(os.path.join(root, 'build', 'demo'), exist_ok=True)
    shutil.copyfile(ext, os.path.join(root, 'build', 'nps.so'))
    shutil.copyfile(demo, os.path.join(root, 'build', 'demo', 'nps_demo.db'))
    code = '\n'.join('print(%r)\n%s' % (SEP, b.text) for b in group)
    run = subprocess.run(['/usr/bin/python3', '-c', code], cwd=root,
                         capture_output=True, text=True)
    shutil.rmtree(root)
    return run.stdout, run.stderr


def psql(db, *sql):
    args = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db]
    for s in sql:
        args += ['-c', s]
    subprocess.run(args, check=True, capture_output=True, text=True)


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ('list', 'run'):
        sys.exit(__doc__)
    if sys.argv[1] == 'list':
        for path in sys.argv[2:]:
            for b in blocks(path):
                classify(b)
                print('%-60s %s%s' % (b.name(), b.marker, ' (output)' if b.output else ''))
        return
    engine = sys.argv[2]
    if engine == 'sqlite':
        ext, demo, gen, tmp = sys.argv[3:7]
        files = sys.argv[7:]
    else:
        tmp, files = sys.argv[3], sys.argv[4:]
    passed = failed = 0

    def report(name, problems):
        nonlocal passed, failed
        if problems:
            failed += 1
            print('FAIL ' + name)
            for p in problems:
                print(indent(p), end='')
        else:
            passed += 1
            print('ok   ' + name)

    counts = {}
    groups = {}
    for path in files:
        for n, b in enumerate(blocks(path)):
            classify(b)
            key = b.kind or 'unmarked'
            counts[key] = counts.get(key, 0) + 1
            if b.problem:
                # Marker problems are the SQLite run's to report, once.
                if engine == 'sqlite':
                    report(b.name(), [b.problem])
                continue
            if b.kind == 'run' and (b.engine == engine or (b.engine, engine) == ('python', 'sqlite')):
                groups.setdefault((path, b.engine, b.db, b.session or 'block %d' % n), []).append(b)
    if engine == 'sqlite':
        print('%s: %d example blocks: %d run here (%d in SQLite, %d in PostgreSQL), '
              '%d tested by another suite, %d fragments' % (
                  ', '.join(files), sum(counts.values()), counts.get('run', 0),
                  sum(len(g) for g in groups.values()),
                  counts.get('run', 0) - sum(len(g) for g in groups.values()),
                  counts.get('tested', 0), counts.get('fragment', 0)))
    for i, ((path, blockengine, dbkind, session), group) in enumerate(groups.items()):
        if blockengine == 'python':
            out, err = run_python(group, ext, demo, tmp)
        elif engine == 'sqlite':
            db = os.path.join(tmp, 'session%d.db' % i)
            if dbkind != 'fresh':
                shutil.copyfile(demo if dbkind == 'demo' else gen, db)
            out, err = run_sqlite(group, ext, db)
            os.remove(db)
        else:
            db = 'readme_%d' % i
            template = 'TEMPLATE nps_demo' if dbkind == 'demo' else 'TEMPLATE template0'
            psql('postgres', 'DROP DATABASE IF EXISTS %s' % db, 'CREATE DATABASE %s %s' % (db, template))
            if dbkind == 'fresh':
                psql(db, 'CREATE EXTENSION nps')
            out, err = run_pg(group, db)
            psql('postgres', 'DROP DATABASE %s' % db)
        parts = out.split(SEP + '\n')[1:]
        for k, b in enumerate(group):
            problems = []
            label = b.name() + (' (session %s)' % b.session if b.session else '')
            if k >= len(parts):
                problems.append('not reached: %s' % (err.strip() or 'no output'))
            else:
                if err and k == len(parts) - 1:
                    problems.append('error:\n' + err.strip())
                if b.output is not None and normal(parts[k]) != normal(b.output):
                    problems.append('--- %s shows\n%s--- printed\n%s' % (
                        b.path, normal(b.output), normal(parts[k])))
            report(label, problems)
    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()

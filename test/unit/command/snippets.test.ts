import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeScript } from '../../../server/src/service/command/analyze';

/**
 * Real-world shell snippets from init containers (Kubernetes docs, Helm charts, blog posts, the seeds and
 * the corpus). Programs inside `$(…)` are listed before the command that uses them. `loops` lists every loop in order: `unbounded`, `infinite`, or the bound reason; `bg` marks a
 * background loop and `timeout` a loop under `timeout N`. `uses` (optional) lists the programs seen.
 */
interface Case {
  readonly name: string;
  readonly script: string;
  readonly loops: readonly string[];
  readonly uses?: readonly string[];
  readonly attempt?: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'k8s docs init-myservice (nslookup + $(cat …))', script: 'until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done', loops: ['until:unbounded'], uses: ['cat', 'nslookup', 'echo', 'sleep'] },
  { name: 'k8s docs bounded for {1..100}', script: 'for i in {1..100}; do sleep 1; if dig myservice; then exit 0; fi; done; exit 1', loops: ['for:finite-list'] },
  { name: 'until nc -z', script: 'until nc -z db 5432; do echo waiting; sleep 2; done', loops: ['until:unbounded'] },
  { name: 'while ! nc', script: 'while ! nc -z postgres 5432; do sleep 1; done', loops: ['while:unbounded'] },
  { name: 'while true sleep (never ends)', script: 'while true; do sleep 3600; done', loops: ['while:infinite'] },
  { name: 'while : (never ends)', script: 'while :; do echo hi; sleep 10; done', loops: ['while:infinite'] },
  { name: 'longhorn: while [ $(curl -m 1 …) != "200" ]', script: 'while [ $(curl -m 1 -s -o /dev/null -w "%{http_code}" http://longhorn-backend:9500/v1) != "200" ]; do echo waiting; sleep 2; done', loops: ['while:unbounded'], attempt: ['curl -m 1'], uses: ['curl', '[', 'echo', 'sleep'] },
  { name: 'counter with if/exit', script: 'i=0; until nc -z db 5432; do i=$((i+1)); if [ $i -ge 30 ]; then exit 1; fi; sleep 2; done', loops: ['until:counter'] },
  { name: 'timeout sh -c around the loop', script: "timeout 300 sh -c 'until nc -z db 5432; do sleep 2; done'", loops: ['until:unbounded:timeout'] },
  { name: 'for $(seq) with nc -w', script: 'for i in $(seq 1 30); do nc -z -w 2 db 5432 && exit 0; sleep 2; done; exit 1', loops: ['for:finite-list'], uses: ['seq', 'nc', 'exit', 'sleep', 'exit'] },
  { name: 'arithmetic for', script: 'for ((i=0; i<30; i++)); do curl -sf http://api/healthz && break; sleep 1; done', loops: ['for:arithmetic-for'] },
  { name: 'for ((;;)) never ends', script: 'for ((;;)); do sleep 1; done', loops: ['for:infinite'] },
  { name: 'multi-line literal: kafka wait', script: 'set -e\necho "Waiting for Kafka"\nuntil kafka-topics.sh --bootstrap-server kafka:9092 --list; do\n  echo "Kafka not ready"\n  sleep 5\ndone\n', loops: ['until:unbounded'] },
  { name: 'decrementing retries with { …; exit 1; }', script: 'retries=60; while ! pg_isready -h db -p 5432; do retries=$((retries-1)); [ "$retries" -le 0 ] && { echo "timed out"; exit 1; }; sleep 2; done', loops: ['while:counter'] },
  { name: '$SECONDS deadline', script: 'end=$((SECONDS+120)); while ! curl -fs http://vault:8200/v1/sys/health; do [ $SECONDS -ge $end ] && exit 1; sleep 2; done', loops: ['while:deadline'] },
  { name: 'while read from a file', script: 'while read -r line; do echo "$line"; done < /config/list.txt', loops: ['while:input'] },
  { name: 'background heartbeat loop then exec', script: '(while true; do date >> /log/heartbeat; sleep 5; done) & exec /app/server', loops: ['while:infinite:bg'] },
  { name: 'until [ -f ready ]', script: 'until [ -f /shared/ready ]; do sleep 1; done', loops: ['until:unbounded'] },
  { name: 'while [ ! -f ready ]', script: 'while [ ! -f /shared/ready ]; do sleep 1; done', loops: ['while:unbounded'] },
  { name: 'emoji before the loop', script: 'echo 🚀🚀🚀 && until nc -z db 5432; do sleep 1; done', loops: ['until:unbounded'] },
  { name: 'wait then download (tricky/10)', script: 'until curl -fsS http://api/healthz; do sleep 5; done; curl -o /in/data.json http://api/export', loops: ['until:unbounded'], uses: ['curl', 'sleep', 'curl'] },
  { name: 'wget -T per attempt', script: 'until wget -T 2 -q --spider http://keycloak:8080/health/ready; do echo waiting; sleep 3; done', loops: ['until:unbounded'], attempt: ['wget -T 2'] },
  { name: 'expr counter on several lines', script: 'COUNT=0\nuntil mysqladmin ping -h mysql --silent; do\n  COUNT=$(expr $COUNT + 1)\n  if [ $COUNT -gt 20 ]; then\n    exit 1\n  fi\n  sleep 3\ndone', loops: ['until:counter'] },
  { name: 'counter in the condition', script: 'n=0; while [ $n -lt 10 ]; do n=$((n+1)); echo $n; done', loops: ['while:counter'] },
  { name: 'let counter with [[ ]]', script: 'let i=0; while ! redis-cli -h redis ping; do let i++; [[ $i -gt 15 ]] && exit 1; sleep 1; done', loops: ['while:counter'] },
  { name: '((c++)) counter', script: 'c=0; while ! nc -z db 5432; do ((c++)); ((c > 30)) && exit 1; sleep 1; done', loops: ['while:counter'] },
  { name: 'here-document holding a loop', script: "cat <<'EOF' > /etc/app.conf\nwhile true; do\nEOF\necho ok", loops: [], uses: ['cat', 'echo'] },
  { name: 'comments inside the loop', script: '# wait for db\nuntil nc -z db 5432 # probe\ndo\n  sleep 2 # back-off\ndone', loops: ['until:unbounded'] },
  { name: 'if ! nc: no loop', script: 'if ! nc -z db 5432; then echo down; exit 1; fi', loops: [], uses: ['nc', 'echo', 'exit'] },
  { name: 'loop inside case', script: 'case "$ROLE" in\n  primary) cp /a /b;;\n  replica) until nc -z primary 3306; do sleep 1; done;;\nesac', loops: ['until:unbounded'] },
  { name: 'loop inside a function', script: 'wait_for() { until nc -z "$1" "$2"; do sleep 1; done; }; wait_for db 5432; wait_for cache 6379', loops: ['until:unbounded'] },
  { name: 'while true with break on success', script: 'while true; do if nc -z db 5432; then break; fi; sleep 1; done', loops: ['while:unbounded'] },
  { name: 'while sleep 60 (cron-like, never ends)', script: 'while sleep 60; do /scripts/rotate.sh; done', loops: ['while:infinite'] },
  { name: 'until false', script: 'until false; do sleep 1; done', loops: ['until:infinite'] },
  { name: 'while true … break runs once', script: 'while true; do /app/run-once; break; done', loops: ['while:runs-once'] },
  { name: 'mysql clone-mysql (no loop)', script: 'set -ex\n[[ -d /var/lib/mysql/mysql ]] && exit 0\n[[ `hostname` =~ -([0-9]+)$ ]] || exit 1\nordinal=${BASH_REMATCH[1]}\n[[ $ordinal -eq 0 ]] && exit 0\nncat --recv-only mysql-$(($ordinal-1)).mysql 3307 | xbstream -x -C /var/lib/mysql\nxtrabackup --prepare --target-dir=/var/lib/mysql\n', loops: [], uses: ['set', '[[', 'exit', 'hostname', '[[', 'exit', '', '[[', 'exit', 'ncat', 'xbstream', 'xtrabackup'] },
  { name: 'exec timeout bash -c', script: 'exec timeout 120 bash -c "until [ -S /var/run/docker.sock ]; do sleep 1; done"', loops: ['until:unbounded:timeout'] },
  { name: 'substitution-only script', script: 'sh -c "$(curl -fsSL https://example.com/install.sh)"', loops: [], uses: ['curl', 'sh'] },
  { name: 'kubectl job wait', script: `while [ "$(kubectl get job migrate -o jsonpath='{.status.succeeded}')" != "1" ]; do sleep 5; done`, loops: ['while:unbounded'] },
  { name: 'nested loops: for over services, until inside', script: 'for svc in db cache queue; do until nc -z $svc 80; do sleep 1; done; done', loops: ['for:finite-list', 'until:unbounded'] },
  { name: 'trap + sleep & wait (never ends)', script: "trap 'exit 0' TERM; while true; do sleep 1 & wait $!; done", loops: ['while:infinite'] },
  { name: 'set -euo pipefail with (( )) condition', script: 'set -euo pipefail; i=0; while (( i < 5 )); do i=$((i + 1)); done', loops: ['while:counter'] },
  { name: 'until [ "$(curl …)" = "200" ]', script: `until [ "$(curl -s -o /dev/null -w '%{http_code}' http://es:9200)" = "200" ]; do sleep 2; done`, loops: ['until:unbounded'] },
  { name: 'argument loop with shift', script: 'while [ $# -gt 0 ]; do case $1 in -v) V=1;; esac; shift; done', loops: ['while:input'] },
  { name: 'psql wait with quoting and >&2', script: `until psql -h "$DB_HOST" -U "$DB_USER" -c '\\q'; do >&2 echo "Postgres is unavailable - sleeping"; sleep 1; done`, loops: ['until:unbounded'], uses: ['psql', 'echo', 'sleep'] },
  { name: 'kubectl jsonpath in [ ]', script: 'until [ $(kubectl get pods -l app=db -o jsonpath="{.items[*].status.containerStatuses[*].ready}") = "true" ]; do sleep 2; done', loops: ['until:unbounded'] },
  { name: 'nested sh -c', script: "sh -c 'while ! nc -z db 5432; do sleep 1; done'", loops: ['while:unbounded'] },
  { name: 'date deadline', script: 'deadline=$(( $(date +%s) + 300 )); while [ $(date +%s) -lt $deadline ]; do nc -z db 5432 && exit 0; sleep 2; done; exit 1', loops: ['while:deadline'] },
  { name: 'until getent (folded scalar joins lines)', script: 'until getent hosts db; do echo waiting for db; sleep 2; done ', loops: ['until:unbounded'] },
  { name: 'redis sentinel wait with || and counter in [ ]', script: 'tries=0\nuntil redis-cli -h sentinel -p 26379 ping | grep -q PONG || [ "$tries" -ge 60 ]; do\n  tries=$((tries + 1))\n  sleep 1\ndone', loops: ['until:counter'] },
  { name: 'wait-for-it (no loop)', script: '/wait-for-it.sh db:5432 --timeout=60 --strict -- echo db is up', loops: [], uses: ['wait-for-it.sh'] },
  { name: 'copy config and idle forever (sidecar)', script: 'echo "greeting=hello" > /config/app.conf; while true; do sleep 3600; done', loops: ['while:infinite'] },
  { name: 'tail -F (no loop)', script: 'tail -F /opt/logs.txt', loops: [], uses: ['tail'] },
  { name: 'select is not a wait loop', script: 'for f in /config/*.tmpl; do envsubst < "$f" > "/out/$(basename "$f" .tmpl)"; done', loops: ['for:finite-list'] },
];

function describeLoops(script: string): string[] {
  return analyzeScript(script).loops.map((l) => [l.kind, l.infinite ? 'infinite' : (l.bound ?? 'unbounded'), ...(l.background ? ['bg'] : []), ...(l.timeout ? ['timeout'] : [])].join(':'));
}

describe('shell snippets: loops, bounds and programs', () => {
  it(`has at least 40 snippets (${CASES.length})`, () => assert.ok(CASES.length >= 40));
  for (const c of CASES) {
    it(c.name, () => {
      const a = analyzeScript(c.script);
      assert.deepEqual(a.script.errors, [], 'parses without errors');
      assert.deepEqual(describeLoops(c.script), c.loops);
      if (c.uses) assert.deepEqual(a.uses.map((u) => u.name), c.uses);
      if (c.attempt) assert.deepEqual(a.loops.flatMap((l) => l.attemptTimeouts), c.attempt);
    });
  }

  it('never reports a bounded loop as unbounded: every for-list loop is bounded', () => {
    for (const c of CASES) for (const l of analyzeScript(c.script).loops) if (l.kind === 'for' && l.node.type === 'for' && l.node.items) assert.equal(l.bound, 'finite-list', c.name);
  });

  it('marks the last command and commands under conditions', () => {
    const a = analyzeScript('mkdir /data/x && cp a /data/x/; [ -d /y ] || git clone u /y; echo done');
    const by = (n: string) => a.uses.find((u) => u.name === n);
    assert.equal(by('mkdir')?.last, false);
    assert.equal(by('cp')?.conditional, false);
    assert.equal(by('git')?.conditional, true);
    assert.equal(by('echo')?.last, true);
    assert.equal(by('[')?.tolerated, true);
  });

  it('records errexit from `set -e`', () => {
    const a = analyzeScript('echo a\nset -e\nmkdir /x');
    assert.equal(a.uses[0]?.errexit, false);
    assert.equal(a.uses[2]?.errexit, true);
  });
});

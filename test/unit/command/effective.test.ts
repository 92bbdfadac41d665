import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFile } from '../../../server/src/service/parsedFile';
import { analyzeContainer } from '../../../server/src/service/command/analyze';
import { longRunningOf, migrationOf, oneShotOf } from '../../../server/src/service/command/container';
import type { ContainerModel, PodSpecModel } from '../../../server/src/service/model/types';

function pod(spec: string): PodSpecModel {
  const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec.replace(/^/gm, '  ')}\n`;
  const p = parseFile(text).manifest.documents[0]?.podSpecs[0];
  assert.ok(p, 'pod spec');
  return p;
}
function first(spec: string): { c: ContainerModel; p: PodSpecModel } {
  const p = pod(spec);
  return { c: p.allContainers[0] as ContainerModel, p };
}

describe('effective command of a container', () => {
  it('joins command and args and finds the `sh -c` script in args', () => {
    const { c, p } = first('initContainers:\n- name: a\n  image: busybox:1.36\n  command: ["/bin/sh", "-c"]\n  args: ["until nc -z db 5432; do sleep 2; done"]\ncontainers: [{name: app, image: nginx:1.27}]');
    const a = analyzeContainer(c, p.yaml);
    assert.deepEqual(a.command.argv.map((w) => w.text), ['/bin/sh', '-c', 'until nc -z db 5432; do sleep 2; done']);
    assert.equal(a.scriptWord?.field, 'args');
    assert.equal(a.loops[0]?.head, 'until nc -z db 5432');
  });

  it('reads literal and folded block scalars', () => {
    const literal = first('initContainers:\n- name: a\n  image: busybox:1.36\n  command:\n  - sh\n  - -ec\n  - |\n    echo start\n    until wget -q -T 2 -O /dev/null http://api/ready; do\n      sleep 2\n    done\ncontainers: [{name: app, image: nginx:1.27}]');
    const la = analyzeContainer(literal.c, literal.p.yaml);
    assert.equal(la.command.errexit, true);
    assert.deepEqual(la.loops.map((l) => [l.kind, l.bound, l.attemptTimeouts]), [['until', undefined, ['wget -T 2']]]);
    const folded = first('initContainers:\n- name: a\n  image: busybox:1.36\n  command:\n  - bash\n  - -c\n  - >\n    for i in $(seq 1 30);\n    do nc -z db 5432 && exit 0;\n    sleep 1;\n    done;\n    exit 1\ncontainers: [{name: app, image: nginx:1.27}]');
    assert.deepEqual(analyzeContainer(folded.c, folded.p.yaml).loops.map((l) => l.bound), ['finite-list']);
  });

  it('unwraps `timeout`, `tini --` and `exec` around the shell', () => {
    const { c, p } = first('initContainers:\n- name: a\n  image: busybox:1.36\n  command: ["/sbin/tini", "--", "timeout", "300", "sh", "-c", "until nc -z db 5432; do sleep 2; done"]\ncontainers: [{name: app, image: nginx:1.27}]');
    const a = analyzeContainer(c, p.yaml);
    assert.equal(a.command.timeout, '300');
    assert.equal(a.loops[0]?.timeout, '300');
  });

  it('handles `bash -o pipefail -c` and `sh -x -e -c`', () => {
    for (const cmd of ['["bash", "-o", "pipefail", "-c", "until true; do sleep 1; done"]', '["sh", "-x", "-e", "-c", "until true; do sleep 1; done"]']) {
      const { c, p } = first(`initContainers:\n- name: a\n  image: busybox:1.36\n  command: ${cmd}\ncontainers: [{name: app, image: nginx:1.27}]`);
      assert.equal(analyzeContainer(c, p.yaml).loops.length, 1, cmd);
    }
  });

  it('an exec-form command is one program; no command means the image entrypoint', () => {
    const exec = first('initContainers:\n- name: a\n  image: migrate/migrate:v4.17.1\n  args: ["-path", "/m", "-database", "postgres://db/app", "up"]\ncontainers: [{name: app, image: nginx:1.27}]');
    const a = analyzeContainer(exec.c, exec.p.yaml);
    assert.equal(a.command.fromImage, true);
    assert.equal(migrationOf(exec.c, exec.p.yaml), 'golang-migrate (image `migrate/migrate`)');
    const cp = first('initContainers:\n- name: a\n  image: busybox:1.36\n  command: [cp, -r, /src/., /work/]\ncontainers: [{name: app, image: nginx:1.27}]');
    assert.deepEqual(analyzeContainer(cp.c, cp.p.yaml).uses.map((u) => [u.name, u.last]), [['cp', true]]);
  });

  it('a string `command` (invalid, but seen) is one word', () => {
    const { c, p } = first('initContainers:\n- name: a\n  image: busybox:1.36\n  command: "sleep 10"\ncontainers: [{name: app, image: nginx:1.27}]');
    assert.deepEqual(analyzeContainer(c, p.yaml).command.argv.map((w) => w.text), ['sleep 10']);
  });

  it('long-running: command, endless loop, agent image; one-shot: only finishing commands', () => {
    const lr = (spec: string): string | undefined => {
      const { c, p } = first(`containers:\n- name: a\n${spec}`);
      return longRunningOf(c, p.yaml)?.label;
    };
    assert.equal(lr('  image: busybox:1.36\n  command: [tail, -f, /dev/null]'), 'tail -f');
    assert.equal(lr('  image: busybox:1.36\n  command: [sh, -c, "cp /a /b && sleep infinity"]'), 'sleep infinity');
    assert.equal(lr('  image: busybox:1.36\n  command: [sh, -c, "while true; do sleep 30; done"]'), '`while true`');
    assert.equal(lr('  image: istio/proxyv2:1.23.2\n  args: [proxy, sidecar]'), 'Istio proxy');
    assert.equal(lr('  image: istio/proxyv2:1.23.2\n  args: [istio-iptables, -p, "15001"]'), undefined);
    assert.equal(lr('  image: registry.k8s.io/git-sync/git-sync:v4.2.4\n  args: [--repo=https://x, --one-time]'), undefined);
    assert.equal(lr('  image: registry.k8s.io/git-sync/git-sync:v4.2.4\n  args: [--repo=https://x]'), 'git-sync');
    assert.equal(lr('  image: busybox:1.36\n  command: [sh, -c, "timeout 60 tail -f /x"]'), undefined);
    assert.equal(lr('  image: busybox:1.36\n  command: [sh, -c, "tail -f /x &\\nexec /app"]'), undefined);
    const os = (spec: string): string | undefined => {
      const { c, p } = first(`initContainers:\n- name: a\n  restartPolicy: Always\n${spec}\ncontainers: [{name: app, image: nginx:1.27}]`);
      return oneShotOf(c, p.yaml);
    };
    assert.equal(os('  image: busybox:1.36\n  command: [cp, -r, /src/., /workdir/]'), 'cp -r /src/. /workdir/');
    assert.equal(os('  image: busybox:1.36\n  command: [sh, -c, "mkdir -p /w && wget -O /w/x http://a/x && echo done"]'), 'mkdir -p /w && wget -O /w/x http://a/x && echo done');
    assert.equal(os('  image: busybox:1.36\n  command: [sh, -c, "tail -F /opt/logs.txt"]'), undefined);
    assert.equal(os('  image: busybox:1.36\n  command: [sh, -c, "echo hi > /c/app.conf; while true; do sleep 3600; done"]'), undefined);
    assert.equal(os('  image: busybox:1.36\n  command: [sleep, infinity]'), undefined);
    assert.equal(os('  image: busybox:1.36\n  command: [/app/agent]'), undefined);
    assert.equal(os('  image: envoyproxy/envoy:v1.31.0'), undefined);
  });
});

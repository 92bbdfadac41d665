import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { applyTextEdits, editsOf, service } from '../../helpers/fixTester';

const URI = 'file:///actions.yaml';
const settings = service.settings({});

function actionsFor(text: string, pick: (d: Diagnostic) => boolean, only?: string[]): { actions: CodeAction[]; diagnostics: Diagnostic[] } {
  const file = service.parse(text);
  const diagnostics = service.doValidation(URI, file, settings);
  const chosen = diagnostics.filter(pick).slice(0, 1);
  assert.ok(chosen.length > 0, 'a diagnostic to act on');
  const range = (chosen[0] as Diagnostic).range;
  return { actions: service.doCodeActions(URI, file, range, { diagnostics: chosen, ...(only ? { only } : {}) }, settings), diagnostics };
}

const TWO_PROBES = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: a
    image: busybox:1.36.1
    command: ["true"]
    readinessProbe: {exec: {command: ["true"]}}
  - name: b
    image: busybox:1.36.1
    command: ["true"]
    livenessProbe:
      exec: {command: ["true"]}
  containers:
  - name: app
    image: nginx:1.27.2
`;

describe('code actions', () => {
  it('offers the rule\'s fixes, a fix-all for the rule and a suppression', () => {
    const { actions } = actionsFor(TWO_PROBES, (d) => d.code === 'init-probe-forbidden');
    assert.deepEqual(
      actions.map((a) => `${a.kind} ${a.title}`),
      [
        'quickfix Remove `readinessProbe` from `a`',
        'quickfix Make `a` a native sidecar (`restartPolicy: Always`)',
        'quickfix Fix all init-probe-forbidden problems in this file',
        'quickfix Suppress init-probe-forbidden for this line',
        'source.fixAll.k8s-init Fix all auto-fixable k8s-init problems',
      ],
    );
    const fixAll = actions.find((a) => a.title.startsWith('Fix all init-probe'));
    assert.equal(
      applyTextEdits(TWO_PROBES, editsOf(fixAll as CodeAction)),
      TWO_PROBES.replace('    readinessProbe: {exec: {command: ["true"]}}\n', '').replace('    livenessProbe:\n      exec: {command: ["true"]}\n', ''),
    );
  });

  it('is keyed on the diagnostic\'s code and data, not its message', () => {
    const file = service.parse(TWO_PROBES);
    const d = service.doValidation(URI, file, settings).find((x) => x.code === 'init-probe-forbidden') as Diagnostic;
    const reworded = { ...d, message: 'something else entirely' };
    const titles = service.doCodeActions(URI, file, d.range, { diagnostics: [reworded], only: ['quickfix'] }, settings).map((a) => a.title);
    assert.ok(titles.includes('Remove `readinessProbe` from `a`'));
    const foreign = { ...d, code: 'not-ours', data: undefined };
    assert.deepEqual(service.doCodeActions(URI, file, d.range, { diagnostics: [foreign], only: ['quickfix'] }, settings), []);
  });

  it('suppression: a comment above at the line\'s indentation, merged into an existing one', () => {
    const { actions } = actionsFor(TWO_PROBES, (d) => d.code === 'init-probe-forbidden' && d.range.start.line === 8, ['quickfix']);
    const suppress = actions.find((a) => a.title.startsWith('Suppress')) as CodeAction;
    const once = applyTextEdits(TWO_PROBES, editsOf(suppress));
    assert.equal(once, TWO_PROBES.replace('    readinessProbe: {exec', '    # k8s-init-disable-next-line init-probe-forbidden\n    readinessProbe: {exec'));
    assert.ok(!service.doValidation(URI, service.parse(once), settings).some((d) => d.code === 'init-probe-forbidden' && d.range.start.line === 9));
    // A second rule on the same line joins the comment.
    const withOther = once.replace('# k8s-init-disable-next-line init-probe-forbidden', '# k8s-init-disable-next-line init-image-pull-policy');
    const again = actionsFor(withOther, (d) => d.code === 'init-probe-forbidden' && d.range.start.line === 9, ['quickfix']).actions.find((a) => a.title.startsWith('Suppress')) as CodeAction;
    assert.equal(applyTextEdits(withOther, editsOf(again)), withOther.replace('init-image-pull-policy\n', 'init-image-pull-policy, init-probe-forbidden\n'));
  });

  it('no suppression comment where it would change the data (inside a block scalar)', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: wait
    image: busybox:1.36.1
    command:
    - sh
    - -c
    - |
      echo start
      until nc -z db 5432; do sleep 2; done
  containers:
  - name: app
    image: nginx:1.27.2
`;
    const file = service.parse(text);
    const inside = { start: { line: 12, character: 6 }, end: { line: 12, character: 11 } };
    const d: Diagnostic = { range: inside, code: 'init-wait-loop-unbounded', message: 'x', data: { ruleId: 'init-wait-loop-unbounded', messageId: 'unbounded', args: {} } };
    const titles = service.doCodeActions(URI, file, inside, { diagnostics: [d], only: ['quickfix'] }, settings).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Suppress')), JSON.stringify(titles));
  });

  it('source.fixAll applies fixes of errors and warnings, not of informational findings', () => {
    const text = TWO_PROBES.replace('    image: nginx:1.27.2\n', '    image: nginx\n');
    const { actions } = actionsFor(text, (d) => d.code === 'init-probe-forbidden', ['source.fixAll']);
    const out = applyTextEdits(text, editsOf(actions[0] as CodeAction));
    const after = service.doValidation(URI, service.parse(out), settings);
    assert.ok(!after.some((d) => d.code === 'init-probe-forbidden'));
    assert.ok(out.includes('image: nginx:1.27.2'), 'the unpinned image (a warning) is pinned');
    assert.ok(!out.includes('imagePullPolicy'), 'the pull policy (information) is left alone');
  });

  it('deferred fix-all: the edit comes with codeAction/resolve', () => {
    const file = service.parse(TWO_PROBES);
    const d = service.doValidation(URI, file, settings).find((x) => x.code === 'init-probe-forbidden') as Diagnostic;
    const actions = service.doCodeActions(URI, file, d.range, { diagnostics: [d] }, settings, [], { deferFixAll: true });
    const lazy = actions.filter((a) => a.title.startsWith('Fix all'));
    assert.equal(lazy.length, 2);
    for (const a of lazy) assert.equal(a.edit, undefined);
    const resolved = service.resolveCodeAction(JSON.parse(JSON.stringify(lazy[0])) as CodeAction, URI, file, settings);
    assert.equal(
      applyTextEdits(TWO_PROBES, editsOf(resolved)),
      TWO_PROBES.replace('    readinessProbe: {exec: {command: ["true"]}}\n', '').replace('    livenessProbe:\n      exec: {command: ["true"]}\n', ''),
    );
  });

  it('source.fixAll only when asked for it or for source actions', () => {
    const { actions } = actionsFor(TWO_PROBES, (d) => d.code === 'init-probe-forbidden', ['source.fixAll']);
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.k8s-init']);
    assert.deepEqual(actionsFor(TWO_PROBES, (d) => d.code === 'init-probe-forbidden', ['refactor']).actions, []);
  });

  it('CRLF: edits land on the right characters', () => {
    const crlf = TWO_PROBES.replace(/\n/g, '\r\n');
    const { actions } = actionsFor(crlf, (d) => d.code === 'init-probe-forbidden', ['quickfix']);
    const remove = actions.find((a) => a.title.startsWith('Remove')) as CodeAction;
    assert.equal(applyTextEdits(crlf, editsOf(remove)), crlf.replace('    readinessProbe: {exec: {command: ["true"]}}\r\n', ''));
    const fixAll = actions.find((a) => a.title.startsWith('Fix all')) as CodeAction;
    assert.equal(applyTextEdits(crlf, editsOf(fixAll)), crlf.replace('    readinessProbe: {exec: {command: ["true"]}}\r\n', '').replace('    livenessProbe:\r\n      exec: {command: ["true"]}\r\n', ''));
  });

  it('fix all of a rule re-validates between rounds (two volumes created one after the other)', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: fetch
    image: curlimages/curl:8.10.1
    command: ["curl", "-fsSLo", "/work/index.html", "https://example.com/"]
    volumeMounts: [{name: work, mountPath: /work}]
  containers:
  - name: app
    image: nginx:1.27.2
    volumeMounts: [{name: work, mountPath: /usr/share/nginx/html}, {name: cache, mountPath: /cache}]
`;
    const { actions } = actionsFor(text, (d) => d.code === 'volume-mount-unknown-volume', ['quickfix']);
    const out = applyTextEdits(text, editsOf(actions.find((a) => a.title.startsWith('Fix all volume-mount')) as CodeAction));
    assert.equal(out, `${text}  volumes:\n  - name: work\n    emptyDir: {}\n  - name: cache\n    emptyDir: {}\n`);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { doHover } from '../../../server/src/service/hover';
import { parseFile } from '../../../server/src/service/parsedFile';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { RULES_BY_ID } from '../../../server/src/rules/index';
import { hoverAt, parseMarked } from './hoverHelper';

const PROBE = `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  initContainers:
  - name: wait-db
    image: busybox:1.36
    command: ["sh", "-c", "until nc -z db 5432; do sleep 2; done"]
    ⟦readiness|Probe⟧:
      tcpSocket: {port: 5432}
  containers:
  - name: app
    image: nginx:1.27
`;

describe('hover over a diagnostic', () => {
  it('appends the rule, its message, explanation and docs link to the field hover', () => {
    const r = hoverAt(PROBE);
    assert.deepEqual(r.range, r.expectedRange);
    const sections = r.markdown.split('\n\n---\n\n');
    assert.ok(sections[0]?.startsWith('`readinessProbe` — '), sections[0]);
    const rule = sections.find((s) => s.startsWith('**init-probe-forbidden** (E01) · error'));
    assert.ok(rule, r.markdown);
    assert.ok(rule.includes('[rule docs](https://github.com/k8s-init-containers/k8s-init-containers/blob/main/docs/rules/init-probe-forbidden.md)'));
    assert.ok(rule.includes('The `readinessProbe` of init container 1 of 1 `wait-db` is rejected'));
    assert.ok(rule.includes('*A probe on an init container that is not a sidecar (no `restartPolicy: Always`).'));
  });

  it('a diagnostic alone gives a hover with the diagnostic range', () => {
    const { text, offset } = parseMarked(PROBE.replace(/[⟦⟧]/g, '').replace('|', '').replace('  name: shop', '  name: sh|op'));
    const file = parseFile(text);
    const position = file.lines.positionAt(offset);
    const diagnostic: Diagnostic = {
      range: { start: { line: 3, character: 8 }, end: { line: 3, character: 12 } },
      severity: 2,
      source: 'k8s-init',
      code: 'init-probe-forbidden',
      codeDescription: { href: 'https://example.test/docs/rules/init-probe-forbidden.md' },
      message: 'Something about `shop`.',
    };
    const hover = doHover(file, position, DEFAULT_SETTINGS, { diagnostics: [diagnostic], rules: RULES_BY_ID });
    assert.ok(hover);
    assert.deepEqual(hover.range, diagnostic.range);
    const value = (hover.contents as { value: string }).value;
    assert.ok(value.startsWith('**init-probe-forbidden** (E01) · warning · [rule docs](https://example.test/docs/rules/init-probe-forbidden.md)'), value);
    assert.ok(value.includes('Something about `shop`.'));
    assert.equal(doHover(file, position, DEFAULT_SETTINGS, { diagnostics: [] }), null);
  });

  it('no diagnostic, no section: a clean field hover has one section', () => {
    const r = hoverAt(PROBE.replace(/[⟦⟧]/g, '').replace('|', '').replace('image: nginx:1.27', 'ima|ge: nginx:1.27'));
    assert.equal(r.markdown.split('\n\n---\n\n').length, 1, r.markdown);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import { getLanguageService } from '../../../server/src/service/index';
import { normalizeSettings } from '../../../server/src/service/settings';
import { WORKLOADS, lineOf } from './workloads';

const service = getLanguageService();

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));

function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name} [${s.detail ?? ''}] ${KIND_NAMES.get(s.kind) ?? s.kind}`, ...outline(s.children ?? [], depth + 1)]);
}

function within(outer: DocumentSymbol['range'], inner: DocumentSymbol['range']): boolean {
  const le = (a: typeof outer.start, b: typeof outer.start): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function checkRanges(symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(within(s.range, s.selectionRange), `${s.name}: selection inside range`);
    if (parent) assert.ok(within(parent.range, s.range), `${s.name}: inside ${parent.name}`);
    checkRanges(s.children ?? [], s);
  }
}

describe('document symbols', () => {
  for (const w of WORKLOADS) {
    it(`${w.kind}: object → pod spec → containers in startup order with roles`, () => {
      const symbols = service.getDocumentSymbols(service.parse(w.text), normalizeSettings({}));
      assert.deepEqual(outline(symbols), [
        `${w.kind} shop [${w.text.match(/apiVersion: (\S+)/)?.[1] ?? ''}] Class`,
        `  pod spec [${w.podPath} · restartPolicy ${w.restartPolicy}] Struct`,
        '    1 wait-for-db [init] Event',
        '    2 istio-proxy [sidecar] Object',
        '    3 migrate [init] Event',
        '    app [app] Method',
        '    metrics [app] Method',
      ]);
      checkRanges(symbols);
      const migrate = symbols[0]?.children?.[0]?.children?.[2];
      const line = lineOf(w.text, '- name: migrate');
      assert.equal(migrate?.selectionRange.start.line, line);
      assert.equal(migrate?.range.start.line, line);
    });
  }

  it('several documents, a List, objects without pod specs, ephemeral containers last', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: settings, namespace: shop}
  data: {a: "1"}
- apiVersion: v1
  kind: Pod
  metadata: {name: debug}
  spec:
    containers: [{name: app, image: nginx:1.27}]
    ephemeralContainers: [{name: dbg, image: busybox:1.36}]
---
# just a comment
---
apiVersion: v1
kind: Service
metadata: {name: shop}
spec: {ports: [{port: 80}]}
`;
    const symbols = service.getDocumentSymbols(service.parse(text), normalizeSettings({}));
    assert.deepEqual(outline(symbols), [
      'ConfigMap settings [v1 · namespace shop] Class',
      'Pod debug [v1] Class',
      '  pod spec [items[1].spec · restartPolicy Always] Struct',
      '    app [app] Method',
      '    dbg [ephemeral] Field',
      'Service shop [v1] Class',
    ]);
    checkRanges(symbols);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { findTemplateAction, maskTemplates } from '../../../server/src/service/parse/templateMask';
import { parseYamlFile } from '../../../server/src/service/parse/yamlFile';
import { getLanguageService } from '../../../server/src/service/index';
import { FIXTURES } from '../../helpers/fixtures';

describe('template masking', () => {
  it('keeps every offset and line break', () => {
    const text = 'metadata:\n  name: {{ include "x" . }}\r\n  labels: {{- include "l" . | nindent 4 }}\n    a: b\n{{- if .Values.x }}\nkey: "{{ .Values.y }}-suffix"\n{{- end }}\n';
    const masked = maskTemplates(text);
    assert.equal(masked.text.length, text.length);
    assert.deepEqual([...masked.text].map((c, i) => (c === '\n' || c === '\r' ? i : -1)).filter((i) => i >= 0), [...text].map((c, i) => (c === '\n' || c === '\r' ? i : -1)).filter((i) => i >= 0));
    assert.equal(masked.masks.length, 5);
    assert.equal(masked.blockActions, true);
    const lines = masked.text.split(/\r?\n/);
    assert.equal(lines[1], `  name: ${'x'.repeat('{{ include "x" . }}'.length)}`, 'a value becomes a same-length placeholder');
    assert.match(lines[2] ?? '', /^ {2}labels: +$/, 'an action before a more indented block becomes spaces');
    assert.equal(lines[4]?.trim(), '', 'a control action alone on its line becomes blank');
    assert.equal(lines[5], 'key: "xxxxxxxxxxxxxxx-suffix"');
    assert.deepEqual(parseAllDocuments(masked.text, { uniqueKeys: false }).flatMap((d) => d.errors), []);
  });

  it('keeps an action that opens a block scalar as content, so the block stays valid', () => {
    const text = 'command:\n  - |\n    {{- if .Values.debug }}\n    set -x\n    {{- end }}\n    exec app\n';
    assert.deepEqual(parseAllDocuments(maskTemplates(text).text).flatMap((d) => d.errors), []);
  });

  it('leaves comments alone and handles quotes inside actions', () => {
    const text = '# {{ not masked }}\nname: {{ printf "%s}}" .x }}\n';
    const masked = maskTemplates(text);
    assert.ok(masked.text.startsWith('# {{ not masked }}'));
    assert.equal(masked.masks.length, 1);
    assert.equal(masked.text.split('\n')[1], `name: ${'x'.repeat('{{ printf "%s}}" .x }}'.length)}`);
  });

  it('finds structural actions but not template text held in strings', () => {
    const data = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  t: |\n    {{ .Values.x }}\n  q: "{{ y }}"\n';
    assert.equal(findTemplateAction(data, parseYamlFile(data).documents[0]?.yaml), undefined);
    const structural = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n';
    assert.equal(findTemplateAction(structural, undefined), structural.indexOf('{{'));
  });
});

describe('Helm templates in the service', () => {
  const service = getLanguageService();

  it('analyses the plain parts of a masked template and keeps only value-independent findings', () => {
    const text = readFileSync(join(FIXTURES, 'helm-deployment.yaml'), 'utf8');
    const codes = service.doValidation('file:///t.yaml', service.parse(text)).map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`);
    assert.ok(codes.includes('3:8 helm-template'), 'one information notice');
    assert.ok(codes.includes('13:10 init-probe-forbidden'), 'a probe on an init container is wrong whatever the values');
    assert.ok(!codes.some((c) => c.endsWith('volume-mount-unknown-volume')), 'volumes may come from templated blocks');
    assert.ok(!codes.some((c) => c.startsWith('11:') && c.endsWith('init-image-tag-unpinned')), 'a templated image is not judged');
    assert.equal(codes.filter((c) => c.endsWith('helm-template')).length, 1);
  });

  it('gives one information diagnostic for a template that cannot be parsed even masked', () => {
    const text = '{{- range .Values.jobs }}\napiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers: [{{ .name }}: x, ]]\n{{- end }}\n';
    const diagnostics = service.doValidation('file:///t.yaml', service.parse(text));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['helm-template', 3]]);
  });
});

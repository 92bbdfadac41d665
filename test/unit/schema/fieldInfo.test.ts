import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestName, editDistance, fieldInfo, fieldKnownIn, fieldsIn, SCHEMA_VERSIONS } from '../../../server/src/service/schema/fieldInfo';
import { checkPodSpecData } from '../../../server/src/service/schema/validatePodSpec';

describe('bundled field information', () => {
  it('covers every bundled version', () => {
    assert.deepEqual(SCHEMA_VERSIONS, ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36']);
  });

  it('knows when container restartPolicy appeared', () => {
    const info = fieldInfo('Container', 'restartPolicy');
    assert.ok(info);
    assert.equal(info.since, '1.28');
    assert.equal(fieldKnownIn(info, '1.27'), false);
    assert.equal(fieldKnownIn(info, '1.36'), true);
    assert.ok(!fieldsIn('Container', '1.27').includes('restartPolicy'));
    assert.ok(fieldsIn('Container', '1.28').includes('restartPolicy'));
  });

  it('has descriptions, types and refs', () => {
    const probe = fieldInfo('Container', 'livenessProbe');
    assert.equal(probe?.ref, 'Probe');
    assert.match(probe?.description ?? '', /liveness/i);
    assert.equal(fieldInfo('PodSpec', 'initContainers')?.type, 'array of object');
    assert.equal(fieldInfo('Container', 'nope'), undefined);
  });

  it('suggests the closest name', () => {
    const podFields = fieldsIn('PodSpec', '1.36');
    const containerFields = fieldsIn('Container', '1.36');
    assert.equal(closestName(podFields, 'initContainer'), 'initContainers');
    assert.equal(closestName(containerFields, 'comand'), 'command');
    assert.equal(closestName(containerFields, 'restartpolicy'), 'restartPolicy');
    assert.equal(closestName(containerFields, 'imagePulPolicy'), 'imagePullPolicy');
    assert.equal(closestName(containerFields, 'completelyDifferent'), undefined);
    assert.equal(editDistance('ab', 'ba'), 1);
  });
});

describe('checkPodSpecData', () => {
  it('accepts a valid pod spec and reports typed issues', () => {
    assert.deepEqual(checkPodSpecData({ containers: [{ name: 'a', image: 'x:1' }] }, '1.36'), []);
    const issues = checkPodSpecData({ containers: [{ name: 'a', comand: ['x'], imagePullPolicy: 'Sometimes', ports: [{ containerPort: '80' }] }] }, '1.36');
    assert.deepEqual(
      issues.map((i) => [i.kind, i.pointer]),
      [
        ['unknownField', '/containers/0/comand'],
        ['invalidValue', '/containers/0/imagePullPolicy'],
        ['invalidType', '/containers/0/ports/0/containerPort'],
      ].sort((a, b) => 0 * a.length * b.length),
    );
  });

  it('reports fields the selected version does not know', () => {
    const issues = checkPodSpecData({ initContainers: [{ name: 'p', image: 'x:1', restartPolicy: 'Always' }], containers: [{ name: 'a', image: 'y:1' }] }, '1.27');
    assert.deepEqual(issues.map((i) => [i.kind, i.pointer]), [['fieldVersion', '/initContainers/0/restartPolicy']]);
  });
});

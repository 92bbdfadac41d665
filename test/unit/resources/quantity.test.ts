import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addQuantities,
  compareQuantities,
  formatQuantity,
  maxQuantity,
  parseQuantity,
  quantityRatio,
} from '../../../server/src/service/resources/index';
import type { Quantity } from '../../../server/src/service/resources/index';

function q(s: string | number): Quantity {
  const r = parseQuantity(s);
  assert.ok(r, `expected ${String(s)} to parse`);
  return r;
}

/** value in nano-units as a string */
function nano(s: string | number): string {
  return q(s).nano.toString();
}

describe('parseQuantity', () => {
  const cases: Array<[string | number, string]> = [
    ['0', '0'],
    ['1', '1000000000'],
    ['100m', '100000000'],
    ['0.5', '500000000'],
    ['.5', '500000000'],
    ['1.', '1000000000'],
    ['+1', '1000000000'],
    ['-1', '-1000000000'],
    ['-100m', '-100000000'],
    ['1e3', '1000000000000'],
    ['1E3', '1000000000000'],
    ['1e+3', '1000000000000'],
    ['1e-3', '1000000'],
    ['1.5e3', '1500000000000'],
    ['1n', '1'],
    ['1u', '1000'],
    ['1k', '1000000000000'],
    ['1M', '1000000000000000'],
    ['1G', (10n ** 18n).toString()],
    ['1T', (10n ** 21n).toString()],
    ['1P', (10n ** 24n).toString()],
    ['1E', (10n ** 27n).toString()],
    ['1Ki', (1024n * 10n ** 9n).toString()],
    ['1Mi', (1024n ** 2n * 10n ** 9n).toString()],
    ['1Gi', (1024n ** 3n * 10n ** 9n).toString()],
    ['1Ti', (1024n ** 4n * 10n ** 9n).toString()],
    ['1Pi', (1024n ** 5n * 10n ** 9n).toString()],
    ['1Ei', (1024n ** 6n * 10n ** 9n).toString()],
    ['1.5Gi', (1536n * 1024n ** 2n * 10n ** 9n).toString()],
    ['007', '7000000000'],
    ['0.1n', '1'], // rounded up to a nano-unit
    ['-0.1n', '-1'], // away from zero
    ['1.0000000001', '1000000001'],
    [2, '2000000000'],
    [0.5, '500000000'],
    [1e3, '1000000000000'],
    [0, '0'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} = ${expected} n`, () => assert.equal(nano(input), expected));
  }

  const invalid = ['', 'Mi', '1e3m', '1.5.5', '1K', '1 Gi', ' 1', '1 ', 'abc', '1e', '1mi', '1.1.M', '1+1', '.', '+', '-', '1ei', '1Mb', '0x10', '1e3.5', NaN, Infinity];
  for (const input of invalid) {
    it(`rejects ${JSON.stringify(String(input))}`, () => assert.equal(parseQuantity(input), undefined));
  }
  it('rejects non-strings', () => {
    assert.equal(parseQuantity(null), undefined);
    assert.equal(parseQuantity(true), undefined);
    assert.equal(parseQuantity({}), undefined);
  });
  it('caps binary quantities at 2^63-1', () => {
    assert.equal(q('100000Ei').nano, ((1n << 63n) - 1n) * 10n ** 9n);
  });
});

describe('formatQuantity', () => {
  const cases: Array<[string | number, string]> = [
    ['0', '0'],
    ['0Mi', '0'],
    ['2', '2'],
    ['350m', '350m'],
    ['1.5', '1500m'],
    ['0.1', '100m'],
    ['1000m', '1'],
    ['1100m', '1100m'],
    ['1024Mi', '1Gi'],
    ['1152Mi', '1152Mi'],
    ['1336Mi', '1336Mi'],
    ['1Gi', '1Gi'],
    ['0.5Gi', '512Mi'],
    ['1536', '1536'],
    ['1Ki', '1Ki'],
    ['1024', '1024'],
    ['512Ki', '512Ki'],
    ['1.5Ki', '1536'],
    ['0.5Ki', '512'],
    ['1e3', '1e3'],
    ['1E3', '1e3'],
    ['12e2', '1200'],
    ['1e-3', '1e-3'],
    ['1k', '1k'],
    ['1000', '1k'],
    ['1500000', '1500k'],
    ['1G', '1G'],
    ['1E', '1E'],
    ['-100m', '-100m'],
    ['1n', '1n'],
    ['10u', '10u'],
    ['0.0001Ki', '102400u'],
    [0.25, '250m'],
    [3, '3'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(formatQuantity(q(input)), expected));
  }
});

describe('arithmetic', () => {
  it('adds exactly, keeping the left format', () => {
    assert.equal(formatQuantity(addQuantities(q('250m'), q('100m'))), '350m');
    assert.equal(formatQuantity(addQuantities(q('1Gi'), q('128Mi'))), '1152Mi');
    assert.equal(formatQuantity(addQuantities(q('0.1'), q('0.2'))), '300m');
    assert.equal(formatQuantity(addQuantities(q('1'), q('100m'))), '1100m');
    // a decimal left operand prints decimal even for binary sums
    assert.equal(formatQuantity(addQuantities(q('1000'), q('24'))), '1024');
    assert.equal(formatQuantity(addQuantities(q('1Ki'), q('1000'))), '2024');
  });
  it('a zero left operand takes the right format', () => {
    assert.equal(formatQuantity(addQuantities(q('0'), q('1Gi'))), '1Gi');
  });
  it('compares across formats', () => {
    assert.equal(compareQuantities(q('1Gi'), q('1073741824')), 0);
    assert.equal(compareQuantities(q('1G'), q('1Gi')), -1);
    assert.equal(compareQuantities(q('2'), q('1999m')), 1);
    assert.equal(compareQuantities(q('1e3'), q('1k')), 0);
  });
  it('max keeps the first on ties', () => {
    const a = q('1k');
    const b = q('1e3');
    assert.equal(maxQuantity(a, b), a);
    assert.equal(maxQuantity(q('1'), q('2')).nano, 2_000_000_000n);
  });
  it('ratios', () => {
    assert.equal(quantityRatio(q('2'), q('350m'))?.toFixed(1), '5.7');
    assert.equal(quantityRatio(q('1'), q('0')), undefined);
  });
});

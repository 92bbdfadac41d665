import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FramingFilter } from '../../../server/src/framing';

const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Feeds the chunks through a filter; resolves with the bodies it passed on, the problems and parse errors. */
async function filter(chunks: readonly Buffer[]): Promise<{ bodies: string[]; problems: string[]; parseErrors: number }> {
  const problems: string[] = [];
  let parseErrors = 0;
  const f = new FramingFilter({ onProblem: (m) => problems.push(m), onParseError: () => parseErrors++ });
  let out = Buffer.alloc(0);
  f.on('data', (d: Buffer) => (out = Buffer.concat([out, d])));
  const done = new Promise((resolve) => f.on('end', resolve));
  for (const c of chunks) f.write(c);
  f.end();
  f.resume();
  await done;
  const bodies: string[] = [];
  let text = out.toString('utf8');
  while (text.length > 0) {
    const m = /^Content-Length: (\d+)\r\n\r\n/.exec(text);
    assert.ok(m, `well framed output: ${JSON.stringify(text.slice(0, 80))}`);
    const start = m[0].length;
    const bytes = Buffer.from(text.slice(start), 'utf8').subarray(0, Number(m[1])).toString('utf8');
    bodies.push(bytes);
    text = text.slice(start + bytes.length);
  }
  return { bodies, problems, parseErrors };
}

function split(text: string, cuts: readonly number[]): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(prev, c));
    prev = c;
  }
  return out;
}

describe('framing filter in front of the JSON-RPC reader', () => {
  it('passes well-framed messages through unchanged, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue().map((v) => JSON.stringify({ jsonrpc: '2.0', method: 'm', params: v })), { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 8 }), async (bodies, cuts) => {
        const r = await filter(split(bodies.map(frame).join(''), cuts));
        assert.deepEqual(r.bodies, bodies);
        assert.deepEqual(r.problems, []);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('recovers every valid message after garbage that holds no Content-Length, logging each kind once', async () => {
    const garbage = fc.string({ unit: fc.constantFrom('a', ':', ' ', '\r', '\n', '{', '}', 'x', '0', 'é'), maxLength: 30 }).filter((g) => !/content-length/i.test(g));
    const item = fc.oneof(fc.record({ body: fc.jsonValue().map((v) => JSON.stringify({ jsonrpc: '2.0', id: 1, result: v })) }), fc.record({ garbage }));
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 6 }), async (items, cuts) => {
        const text = items.map((i) => ('body' in i ? frame(i.body) : i.garbage)).join('');
        const r = await filter(split(text, cuts));
        const expected = items.filter((i): i is { body: string } => 'body' in i).map((i) => i.body);
        // Garbage that happens to read as extra header lines (`x: y\r\n`) before a message is harmless.
        assert.deepEqual(r.bodies, expected, JSON.stringify(text));
        assert.ok(new Set(r.problems).size === r.problems.length && r.problems.length <= 3);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('answers a body that is not JSON with a parse error and drops non-objects', async () => {
    const r = await filter([Buffer.from(frame('{"broken": ') + frame('"a string"') + frame('{"ok":1}'))]);
    assert.deepEqual(r.bodies, ['{"ok":1}']);
    assert.equal(r.parseErrors, 1);
    assert.equal(r.problems.length, 2);
  });

  it('refuses absurd lengths and over-long headers, then resynchronises', async () => {
    const r = await filter([Buffer.from(`Content-Length: 99999999999\r\n\r\n{}${'x'.repeat(10_000)}${frame('{"a":1}')}Content-Length: -1\r\n\r\n${frame('{"b":2}')}`)]);
    assert.deepEqual(r.bodies, ['{"a":1}', '{"b":2}']);
  });
});

// Hostile inputs for the service, the CLI and the server: alias bombs, extreme nesting, huge files and
// streams, very long lines, NUL and invalid UTF-8, binary junk, and the shapes that once made the
// service quadratic (a mapping with 100,000 keys, 100,000 aliases).

const POD_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n';
const POD = `${POD_HEAD}  initContainers:\n    - name: wait-db\n      image: busybox:1.36\n      command: ["sh", "-c", "until nc -z db 5432; do sleep 2; done"]\n      readinessProbe:\n        tcpSocket:\n          port: 5432\n  containers:\n    - name: app\n      image: nginx:1.27\n`;

/** A small pod with one finding (a probe on an init container). */
export const SMALL_POD = POD;

/** "Billion laughs": 9 levels of 10 aliases each, 10⁹ nodes if expanded. */
export function billionLaughs(): string {
  let s = 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  for (let i = 1; i <= 9; i++) s += `a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
  return s;
}

/** The bomb inside a pod spec, its aliases used where rules look: args, env, volume mounts, resources. */
export function podAliasBomb(): string {
  let s = `${POD_HEAD}  initContainers:\n    - name: init\n      image: busybox\n      args: &b0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n`;
  for (let i = 1; i <= 9; i++) s += `      x${i}: &b${i} [${Array.from({ length: 10 }, () => `*b${i - 1}`).join(', ')}]\n`;
  s += '      command: *b9\n  containers:\n    - name: app\n      image: nginx\n      args: *b9\n      env: *b9\n      volumeMounts: *b9\n      resources:\n        requests: *b9\n';
  return s;
}

/** A bomb of merge keys: each level merges the previous one ten times. */
export function mergeKeyBomb(): string {
  let s = `${POD_HEAD}  containers:\n    - &m0 {name: app, image: nginx}\n`;
  for (let i = 1; i <= 12; i++) s += `    - &m${i}\n      <<: [${Array.from({ length: 10 }, () => `*m${i - 1}`).join(', ')}]\n      name: c${i}\n`;
  return s;
}

/** An alias inside the collection it refers to: infinitely deep data. */
export function recursiveAlias(): string {
  return `${POD_HEAD}  containers: &c\n    - name: app\n      image: nginx\n      env: *c\n  initContainers: *c\n`;
}

/** 100,000 aliases of one small anchor (each `Alias.resolve` of the yaml package walks the whole document). */
export function manyAliases(): string {
  return `${POD_HEAD}  containers:\n    - name: app\n      image: nginx\n      args: &x [a]\n      command: [${Array.from({ length: 100_000 }, () => '*x').join(', ')}]\n`;
}

export function flowNesting(depth: number): string {
  return `${POD_HEAD}  containers: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

export function flowMapNesting(depth: number): string {
  return `${POD_HEAD}  containers: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
}

/** Block nesting with compact sequences on one line (`- - - x`): deep without huge indentation. */
export function blockSeqNesting(depth: number): string {
  return `${POD_HEAD}  containers:\n  ${'- '.repeat(depth)}x\n`;
}

/** Block mappings, each one space deeper than the last. */
export function blockMapNesting(depth: number): string {
  const lines = [POD_HEAD.trimEnd()];
  for (let i = 0; i < depth; i++) lines.push(`${' '.repeat(i + 2)}k${i}:`);
  return `${lines.join('\n')} x\n`;
}

/** About `bytes` of realistic multi-document YAML (pods with findings). */
export function bigFile(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const doc = POD.replace(/wait-db/g, `wait-${i}`).replace('name: web', `name: web-${i}`);
    parts.push(doc);
    size += doc.length + 4;
  }
  return parts.join('---\n');
}

/** One `kind: List` document of about `bytes` (what `kubectl get pods -A -o yaml` writes). */
export function bigList(bytes: number): string {
  const item = POD.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n').replace(/^ {4}/, '  - ');
  const parts = ['apiVersion: v1\nkind: List\nitems:\n'];
  let size = parts[0]?.length ?? 0;
  for (let i = 0; size < bytes; i++) {
    const doc = item.replace(/wait-db/g, `wait-${i}`);
    parts.push(doc);
    size += doc.length;
  }
  return parts.join('');
}

/** `count` tiny YAML documents. */
export function documentStream(count: number): string {
  return 'a: 1\n---\n'.repeat(count);
}

/** A pod whose init container has a 1 MB line (a long inline script). */
export function longLine(bytes: number): string {
  return POD.replace('until nc -z db 5432; do sleep 2; done', `echo ${'x'.repeat(bytes)}; until nc -z db 5432; do sleep 2; done`);
}

/** A ConfigMap with `count` keys (the yaml package's duplicate-key check was quadratic). */
export function manyKeys(count: number): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: big', 'data:'];
  for (let i = 0; i < count; i++) lines.push(`  key-${i}: value-${i}`);
  return `${lines.join('\n')}\n`;
}

/** A pod with NUL characters in it. */
export function withNul(): string {
  return POD.replace('image: busybox:1.36', 'image: busy\0box:1.36');
}

/** What an editor shows for bytes that are not UTF-8: U+FFFD, and lone surrogates from a broken encoder. */
export function invalidUtf8(): string {
  const bytes = Buffer.concat([Buffer.from(POD.replace('name: app', 'name: app-')), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0x0a])]);
  return `${bytes.toString('utf8')}# \ud800 lone \udfff surrogates\n`;
}

/** Deterministic pseudo-random bytes as text (latin1), with or without NUL bytes. */
export function binaryJunk(bytes: number, withNulBytes: boolean): string {
  let state = 12345;
  const out = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const b = (state >>> 16) & 0xff;
    out[i] = withNulBytes || b !== 0 ? b : 1;
  }
  return out.toString('latin1');
}

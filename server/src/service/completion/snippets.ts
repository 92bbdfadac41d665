/**
 * Init-container snippets offered inside an `initContainers` sequence. Bodies are trees whose leaves
 * are YAML text with VS Code snippet placeholders; they render in block style at any column or as one
 * flow mapping.
 */
export type SnippetBody = string | readonly SnippetBody[] | { readonly [key: string]: SnippetBody };

export interface VolumeNeed {
  /** The volume name (fixed: additional edits cannot hold placeholders). */
  readonly name: string;
  /** Where the app container mounts it, when the snippet hands data to the app. */
  readonly appMountPath?: string;
  readonly appReadOnly?: boolean;
}

export interface InitSnippet {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  /** Markdown shown beside the item. */
  readonly documentation: string;
  readonly body: { readonly [key: string]: SnippetBody };
  readonly volume?: VolumeNeed;
  /** Offered only where native sidecars exist. */
  readonly sidecar?: boolean;
}

const SECURE = { allowPrivilegeEscalation: 'false', readOnlyRootFilesystem: 'true', runAsNonRoot: 'true', runAsUser: '65534', capabilities: '{drop: [ALL]}' };
const SMALL = { requests: '{cpu: 10m, memory: 16Mi}', limits: '{memory: 32Mi}' };

export const INIT_SNIPPETS: readonly InitSnippet[] = [
  {
    id: 'wait-for-service',
    label: 'init: wait for a Service (TCP, bounded)',
    detail: 'init container: wait until host:port accepts connections, give up after a timeout',
    documentation:
      'Waits until a Service accepts TCP connections (`nc -z`), polling every 2 seconds. `timeout` bounds the wait: if the dependency never comes up the init container fails and is retried with back-off instead of leaving the pod in `Init:0/N` forever.',
    body: {
      name: '${1:wait-for-db}',
      image: '${2|busybox:1.36.1,alpine:3.20.3|}',
      command: '["timeout", "${3:120}", "sh", "-c", "until nc -z ${4:db} ${5:5432}; do echo waiting for ${4:db}:${5:5432}; sleep 2; done"]',
      resources: SMALL,
      securityContext: SECURE,
    },
  },
  {
    id: 'wait-for-dns',
    label: 'init: wait for a Service name to resolve (DNS, bounded)',
    detail: 'init container: wait until a Service name resolves, give up after a timeout',
    documentation:
      'Waits until the Service name resolves (`nslookup`), which happens once the Service exists. `timeout` bounds the wait so that a missing Service fails visibly.',
    body: {
      name: '${1:wait-for-dns}',
      image: '${2|busybox:1.36.1,alpine:3.20.3|}',
      command: '["timeout", "${3:120}", "sh", "-c", "until nslookup ${4:my-service}; do echo waiting for ${4:my-service}; sleep 2; done"]',
      resources: SMALL,
      securityContext: SECURE,
    },
  },
  {
    id: 'db-migrations',
    label: 'init: run database migrations',
    detail: 'init container: run the app image\'s migration command before the app starts',
    documentation:
      'Runs migrations with the app\'s own image before the app starts.\n\n**Replicas:** init containers run in *every* pod. With more than one replica (or during a rolling update) several pods migrate at once: use a tool with a lock, or run migrations once in a `Job` (e.g. a Helm `pre-upgrade` hook) and only wait for the schema here.',
    body: {
      name: '${1:migrate}',
      image: '${2:ghcr.io/acme/app:1.0.0}',
      command: '[${3:"./manage.py", "migrate", "--noinput"}]',
      resources: { requests: '{cpu: 100m, memory: 128Mi}', limits: '{memory: 256Mi}' },
      securityContext: SECURE,
    },
  },
  {
    id: 'git-clone',
    label: 'init: clone a Git repository into a shared emptyDir',
    detail: 'init container: shallow clone into the `work` volume, shared with the app',
    documentation:
      'Clones a repository once into the `work` emptyDir (also mounted by the app). The clone is skipped when the directory already holds one, so a restarted pod does not fail on a non-empty directory. Adds the `work` volume and the app\'s mount when missing.',
    body: {
      name: '${1:clone}',
      image: '${2:alpine/git:v2.45.2}',
      command: '["sh", "-c", "[ -d /work/repo/.git ] || git clone --depth=1 --branch ${3:main} ${4:https://github.com/acme/site.git} /work/repo"]',
      volumeMounts: [{ name: 'work', mountPath: '/work' }],
      resources: { requests: '{cpu: 50m, memory: 64Mi}', limits: '{memory: 128Mi}' },
      securityContext: SECURE,
    },
    volume: { name: 'work', appMountPath: '/work', appReadOnly: true },
  },
  {
    id: 'download',
    label: 'init: download content into a shared emptyDir',
    detail: 'init container: fetch a file with retries into the `work` volume, shared with the app',
    documentation:
      'Downloads a file (with retries, failing on HTTP errors) into the `work` emptyDir that the app also mounts. Adds the `work` volume and the app\'s mount when missing.',
    body: {
      name: '${1:download}',
      image: '${2:curlimages/curl:8.10.1}',
      command: '["curl", "-fsSL", "--retry", "5", "--max-time", "${3:60}", "-o", "/work/${4:index.html}", "${5:https://example.com/index.html}"]',
      volumeMounts: [{ name: 'work', mountPath: '/work' }],
      resources: SMALL,
      securityContext: SECURE,
    },
    volume: { name: 'work', appMountPath: '/work', appReadOnly: true },
  },
  {
    id: 'fetch-config',
    label: 'init: fetch a configuration file',
    detail: 'init container: fetch configuration into the `config` volume, mounted read-only by the app',
    documentation:
      'Fetches a configuration file into the `config` emptyDir before the app starts; the app mounts it read-only. Adds the `config` volume and the app\'s mount when missing.',
    body: {
      name: '${1:fetch-config}',
      image: '${2:curlimages/curl:8.10.1}',
      command: '["curl", "-fsSL", "--retry", "5", "--max-time", "${3:30}", "-o", "/config/${4:app.yaml}", "${5:http://config-server/app.yaml}"]',
      volumeMounts: [{ name: 'config', mountPath: '/config' }],
      resources: SMALL,
      securityContext: SECURE,
    },
    volume: { name: 'config', appMountPath: '/etc/app', appReadOnly: true },
  },
  {
    id: 'fix-permissions',
    label: 'init: fix volume permissions (least privilege)',
    detail: 'init container: chown a volume for a non-root app, with only the CHOWN capability',
    documentation:
      'Gives a volume to the app\'s user. It runs as root (chown needs it) but drops every capability except `CHOWN` and cannot escalate. Prefer the pod\'s `securityContext.fsGroup` (with `fsGroupChangePolicy: OnRootMismatch`) when the volume type supports ownership management: then no init container is needed.',
    body: {
      name: '${1:fix-permissions}',
      image: '${2:busybox:1.36.1}',
      command: '["chown", "-R", "${3:1000}:${4:1000}", "/data"]',
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
      resources: SMALL,
      securityContext: { runAsUser: '0', runAsNonRoot: 'false', allowPrivilegeEscalation: 'false', readOnlyRootFilesystem: 'true', capabilities: '{drop: [ALL], add: [CHOWN]}' },
    },
    volume: { name: 'data', appMountPath: '/data' },
  },
  {
    id: 'native-sidecar',
    label: 'sidecar: native sidecar with a startupProbe',
    detail: 'init container with restartPolicy: Always — runs beside the app, started (and probed) before it',
    documentation:
      'A native sidecar (Kubernetes 1.29+): an init container with `restartPolicy: Always` starts before the later init containers and the app, keeps running beside them and stops after them; it does not keep a Job from completing. The `startupProbe` makes the next containers wait until it listens.',
    body: {
      name: '${1:proxy}',
      image: '${2|envoyproxy/envoy:v1.31.2,gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0,fluent/fluent-bit:3.1.9|}',
      restartPolicy: 'Always',
      ports: [{ containerPort: '${3:15001}' }],
      startupProbe: { tcpSocket: '{port: ${3:15001}}', periodSeconds: '1', failureThreshold: '60' },
      readinessProbe: { tcpSocket: '{port: ${3:15001}}', periodSeconds: '10' },
      resources: { requests: '{cpu: 50m, memory: 64Mi}', limits: '{memory: 128Mi}' },
      securityContext: SECURE,
    },
    sidecar: true,
  },
];

export interface SnippetStyle {
  readonly indent: number;
  readonly indentSeq: boolean;
  readonly eol: string;
}

const isRecord = (b: SnippetBody): b is { readonly [key: string]: SnippetBody } => typeof b === 'object' && !Array.isArray(b);

/** A mapping in block style: the first pair on the current line, the others at `col`. */
export function renderBlockMap(body: { readonly [key: string]: SnippetBody }, col: number, style: SnippetStyle): string {
  return Object.entries(body)
    .map(([k, v], i) => `${i === 0 ? '' : style.eol + ' '.repeat(col)}${k}:${renderBlockValue(v, col, style)}`)
    .join('');
}

function renderBlockValue(v: SnippetBody, col: number, style: SnippetStyle): string {
  if (typeof v === 'string') return ` ${v}`;
  if (Array.isArray(v)) {
    const dash = col + (style.indentSeq ? style.indent : 0);
    return v.map((item: SnippetBody) => `${style.eol}${' '.repeat(dash)}- ${isRecord(item) ? renderBlockMap(item, dash + 2, style) : String(item)}`).join('');
  }
  const child = col + style.indent;
  return `${style.eol}${' '.repeat(child)}${renderBlockMap(v as { readonly [key: string]: SnippetBody }, child, style)}`;
}

/** The body as one flow mapping. */
export function renderFlowMap(body: SnippetBody): string {
  if (typeof body === 'string') {
    const value = expandSnippet(body);
    return /^[[{"]/.test(body) || !/(,|: |^[-?:!&*|>'%@`#])/.test(value) ? body : `"${body}"`;
  }
  if (Array.isArray(body)) return `[${body.map((b: SnippetBody) => renderFlowMap(b)).join(', ')}]`;
  return `{${Object.entries(body as Record<string, SnippetBody>).map(([k, v]) => `${k}: ${renderFlowMap(v)}`).join(', ')}}`;
}

/** A snippet's text with every placeholder replaced by its default (the first choice; mirrors by their number). */
export function expandSnippet(snippet: string): string {
  const defaults = new Map<string, string>();
  let text = snippet;
  for (let guard = 0; guard < 10; guard++) {
    const next = text
      .replace(/\$\{(\d+):((?:[^${}\\]|\\.)*)\}/g, (_m, n: string, d: string) => {
        if (!defaults.has(n)) defaults.set(n, d);
        return d;
      })
      .replace(/\$\{(\d+)\|((?:[^|\\]|\\.)*?)(?:,(?:[^|\\]|\\.)*)*\|\}/g, (_m, n: string, d: string) => {
        if (!defaults.has(n)) defaults.set(n, d);
        return d;
      });
    if (next === text) break;
    text = next;
  }
  return text
    .replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a: string | undefined, b: string | undefined) => defaults.get((a ?? b) as string) ?? '')
    .replace(/\\([$}\\])/g, '$1');
}

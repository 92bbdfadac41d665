import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectHover, firstSection, hoverAt } from './hoverHelper';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  initContainers:
  - name: vault-agent
    image: hashicorp/vault:1.17.2
    RP_SIDECAR
    STARTUP
    lifecycle:
      preStop:
        exec: {command: ["vault", "agent", "stop"]}
  - name: seed
    image: ghcr.io/acme/seed:1.0.0
    RP_INIT
    READINESS
    ports:
    - containerPort: 9000
    RESIZE
  containers:
  - name: api
    image: ghcr.io/acme/api:2.4.0
    LIVENESS
    securityContext:
      runAsUser: 1000
    APP_RP
`;

function pod(replacements: Record<string, string>): string {
  let text = POD;
  const defaults: Record<string, string> = {
    RP_SIDECAR: 'restartPolicy: Always',
    STARTUP: 'startupProbe: {tcpSocket: {port: 8200}}',
    RP_INIT: '# regular init container',
    READINESS: '# no probe',
    RESIZE: '# no resize policy',
    LIVENESS: 'livenessProbe: {httpGet: {path: /healthz, port: 8080}}',
    APP_RP: '# no container restartPolicy',
  };
  for (const [k, v] of Object.entries({ ...defaults, ...replacements })) text = text.replace(k, v);
  return text;
}

describe('hover: restartPolicy of an init container', () => {
  it('Always: native sidecar semantics, supported in 1.36 (GA)', () => {
    const md = firstSection(expectHover(pod({ RP_SIDECAR: '⟦restart|Policy⟧: Always' }), []));
    assert.equal(
      md,
      [
        '**`restartPolicy: Always` on an init container** makes `vault-agent` a native **sidecar**:',
        '',
        '- it starts in init-container order, but the next step does not wait for it to exit — only for it to start (or to pass its `startupProbe`);',
        '- it keeps running alongside the app containers and is restarted whenever it exits, whatever the pod’s `restartPolicy`;',
        '- it is stopped after the app containers, in reverse start order, so it does not block a Job from completing;',
        '- probes and `lifecycle` hooks are allowed on it; its resources count for the pod’s whole life.',
        '',
        '✓ Supported by the selected Kubernetes 1.36 (GA since 1.33).',
        '',
        '[Sidecar containers](https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/)',
      ].join('\n'),
    );
  });

  it('on the value too, with the range of the value', () => {
    expectHover(pod({ RP_SIDECAR: 'restartPolicy: ⟦Alw|ays⟧' }), ['native **sidecar**']);
  });

  it('version status: 1.30 beta, 1.28 gate off, 1.28 gate on, 1.27 unknown field', () => {
    const marked = pod({ RP_SIDECAR: 'restart|Policy: Always' });
    expectHover(marked, ['✓ Supported by the selected Kubernetes 1.30 (beta, on by default since 1.29).'], { kubernetesVersion: '1.30' });
    expectHover(marked, ['✗ In Kubernetes 1.28 native sidecars are alpha behind the `SidecarContainers` feature gate, which is off'], { kubernetesVersion: '1.28' });
    expectHover(marked, ['✓ Supported by the selected Kubernetes 1.28 (alpha, `SidecarContainers` gate enabled).'], { kubernetesVersion: '1.28', featureGates: { SidecarContainers: true } });
    expectHover(marked, ['✗ Kubernetes 1.27 does not know this field', 'Needs Kubernetes 1.29+.'], { kubernetesVersion: '1.27' });
  });

  it('OnFailure: rejected before container restart rules, a regular init container with its own policy after', () => {
    const marked = pod({ RP_INIT: 'restartPolicy: On|Failure' });
    expectHover(marked, ['is rejected by Kubernetes 1.34: `spec.initContainers[1].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"`'], { kubernetesVersion: '1.34' });
    expectHover(marked, ['(container restart rules, Kubernetes 1.36): `seed` stays a **regular init container**', 'if it fails it is restarted in place until it succeeds', 'Only `Always` makes a sidecar.']);
  });
});

describe('hover: probes and lifecycle', () => {
  it('readinessProbe on a regular init container: not allowed, with the API message', () => {
    const md = firstSection(expectHover(pod({ READINESS: '⟦readiness|Probe⟧: {httpGet: {path: /ready, port: 9000}}' }), []));
    assert.equal(
      md,
      [
        '`readinessProbe` — takes the pod out of Service endpoints while it fails',
        '',
        '✗ **Not allowed** on init container `seed`: it runs to completion before the next step, so there is nothing long-running to probe or hook. API server: `spec.initContainers[1].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always`.',
        '',
        'Drop it, or — if the container must keep running — make it a sidecar with `restartPolicy: Always`.',
        '',
        '[Probes](https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/)',
      ].join('\n'),
    );
  });

  it('startupProbe on a sidecar gates the sequence', () => {
    expectHover(pod({ STARTUP: '⟦startup|Probe⟧: {tcpSocket: {port: 8200}}' }), [
      '✓ **Allowed** on sidecar `vault-agent` (`restartPolicy: Always`). For a sidecar it also gates the startup sequence',
    ]);
  });

  it('lifecycle on a sidecar: preStop at shutdown; on a sidecar in 1.27: not allowed (legacy message)', () => {
    const marked = pod({}).replace('    lifecycle:', '    ⟦life|cycle⟧:');
    expectHover(marked, ['`lifecycle` — runs `postStart` right after the container starts', '✓ **Allowed** on sidecar `vault-agent`', '`preStop` runs when it is stopped after the app containers']);
    expectHover(marked, ['✗ **Not allowed** on init container `vault-agent`', '`spec.initContainers[0].lifecycle: Invalid value: …: must not be set for init containers`', '(needs Kubernetes 1.29+; selected 1.27)'], { kubernetesVersion: '1.27' });
  });

  it('livenessProbe on an app container', () => {
    expectHover(pod({ LIVENESS: '⟦liveness|Probe⟧: {httpGet: {path: /healthz, port: 8080}}' }), ['`livenessProbe` — restarts the container when it fails', '✓ **Allowed** on app container `api`.']);
  });

  it('ephemeral containers may not have probes', () => {
    const marked = `apiVersion: v1
kind: Pod
metadata:
  name: debug-me
spec:
  containers:
  - name: app
    image: nginx:1.27
  ephemeralContainers:
  - name: debugger
    image: busybox:1.36
    ⟦readiness|Probe⟧: {exec: {command: ["true"]}}
`;
    expectHover(marked, ['✗ **Not allowed** on ephemeral container `debugger`', 'Forbidden: cannot be set for an Ephemeral Container']);
  });
});

describe('hover: field documentation', () => {
  it('a container field: description and type from the API definitions', () => {
    const md = firstSection(expectHover(pod({}).replace('runAsUser: 1000', '⟦runAs|User⟧: 1000'), ['**`runAsUser`** · `integer` · SecurityContext', 'The UID to run the entrypoint of the container process.']));
    assert.ok(md.includes('[Pod API reference (SecurityContext)](https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/)'));
  });

  it('the value of a field shows the field documentation over the value', () => {
    expectHover(pod({}).replace('image: ghcr.io/acme/api:2.4.0', 'image: ⟦ghcr.io/acme/|api:2.4.0⟧'), ['**`image`** · `string` · Container', 'Container image name.']);
  });

  it('ports on a regular init container carry a role note', () => {
    expectHover(pod({}).replace('    ports:', '    ⟦po|rts⟧:'), ['**`ports`**', 'A regular init container exits before the app containers start']);
  });

  it('resizePolicy on an init container: rejected before 1.33', () => {
    const marked = pod({ RESIZE: 'resize|Policy: [{resourceName: cpu, restartPolicy: NotRequired}]' });
    expectHover(marked, ['✗ rejected in 1.32 (`must not be set for init containers`)'], { kubernetesVersion: '1.32' });
    expectHover(marked, ['✓ allowed in 1.33'], { kubernetesVersion: '1.33' });
  });

  it('restartPolicy on an app container: not the sidecar marker; rejected before container restart rules', () => {
    const marked = pod({ APP_RP: 'restart|Policy: Always' });
    expectHover(marked, ['On an app container this is **not** the sidecar marker', '✗ Rejected by Kubernetes 1.34: `spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers`'], { kubernetesVersion: '1.34' });
    expectHover(marked, ['accepts it as the container’s own restart policy'], { kubernetesVersion: '1.35' });
  });

  it('a field the selected version does not know', () => {
    expectHover(pod({ APP_RP: 'restart|Policy: Always' }), ['⚠ Not in the selected Kubernetes 1.27 (added in 1.28).'], { kubernetesVersion: '1.27' });
  });

  it('pod-level restartPolicy of a Job: allowed values for the kind', () => {
    const marked = `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      ⟦restart|Policy⟧: Never
      containers:
      - name: task
        image: ghcr.io/acme/task:1.0.0
`;
    expectHover(marked, ['**`restartPolicy`** · `string` · PodSpec', 'sidecars always restart. A Job allows `OnFailure` or `Never`. This pod: `Never`.']);
  });

  it('nothing outside pod specs, nothing in free-form maps', () => {
    const r1 = hoverAt(pod({}).replace('  name: api\nspec', '  na|me: api\nspec'));
    assert.equal(r1.hover, null);
    const r2 = hoverAt(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  nodeSelector:
    disk|type: ssd
  containers:
  - name: app
    image: nginx:1.27
`);
    assert.equal(r2.hover, null);
  });
});

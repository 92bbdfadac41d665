/**
 * The startup sequence of a pod as the kubelet runs it: init containers one after the other (a regular one must
 * exit 0 before the next starts; a sidecar only has to be started — or pass its startupProbe — and keeps
 * running), then all app containers together. Shared by hovers, inlay hints, code lenses, symbols and the
 * startup timeline.
 */
import { gateEnabled } from './featureGates';
import type { ContainerModel, PodSpecModel } from './model/types';
import type { Settings } from './settings';

export interface StartupStep {
  /** 1-based position among the init containers. */
  readonly step: number;
  readonly container: ContainerModel;
  /** How it runs with the selected version: a sidecar only when `restartPolicy: Always` is supported. */
  readonly role: 'init' | 'sidecar';
  /** Declared `restartPolicy: Always` but the selected version/gates make it a regular init container. */
  readonly sidecarUnsupported: boolean;
  /** Sidecars already running while this one starts. */
  readonly running: readonly ContainerModel[];
  readonly hasStartupProbe: boolean;
}

export interface StartupSequence {
  readonly pod: PodSpecModel;
  readonly steps: readonly StartupStep[];
  /** App containers: they start together after the last init step. */
  readonly apps: readonly ContainerModel[];
  /** Effective sidecars in start order. */
  readonly sidecars: readonly ContainerModel[];
  readonly sidecarsSupported: boolean;
}

export function startupSequence(pod: PodSpecModel, settings: Settings): StartupSequence {
  const sidecarsSupported = gateEnabled(settings, 'SidecarContainers');
  const running: ContainerModel[] = [];
  const steps: StartupStep[] = pod.initContainers.map((container, i) => {
    const declaredSidecar = container.role === 'sidecar';
    const role = declaredSidecar && sidecarsSupported ? 'sidecar' : 'init';
    const step: StartupStep = {
      step: i + 1,
      container,
      role,
      sidecarUnsupported: declaredSidecar && !sidecarsSupported,
      running: [...running],
      hasStartupProbe: container.pairs.has('startupProbe'),
    };
    if (role === 'sidecar') running.push(container);
    return step;
  });
  return { pod, steps, apps: pod.containers, sidecars: running, sidecarsSupported };
}

/** `1 init`, `2 sidecar`, `app`, `ephemeral`. */
export function stepLabel(seq: StartupSequence, container: ContainerModel): string {
  if (container.list === 'containers') return 'app';
  if (container.list === 'ephemeralContainers') return 'ephemeral';
  const step = seq.steps.find((s) => s.container === container);
  return step ? `${step.step} ${step.role}` : container.role;
}

/** A container's name in backticks, or its position when unnamed. */
export function nameOf(container: ContainerModel): string {
  return container.name !== undefined && container.name !== '' ? `\`${container.name}\`` : `${container.list}[${container.index}]`;
}

/** `a`, `a` and `b`, `a`, `b` and `c`. */
export function listWords(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}

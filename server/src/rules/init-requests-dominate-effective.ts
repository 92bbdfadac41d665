import type { Document } from 'yaml';
import { defineRule } from './types';
import type { ContainerModel, Target } from './types';
import { mapGet } from '../service/parse/nav';
import { addQuantities, computeEffectiveResources, formatQuantity, parseQuantity, zeroQuantity } from '../service/resources/index';
import type { Quantity, ResourceFigure } from '../service/resources/index';

const RESOURCES = [
  { name: 'cpu', word: 'CPU request', step: parseQuantity('1') as Quantity },
  { name: 'memory', word: 'memory request', step: parseQuantity('1Gi') as Quantity },
] as const;

interface Raise {
  readonly word: string;
  readonly from: Quantity;
  readonly to: Quantity;
  readonly large: boolean;
}

/** Warning when the init peak is at least twice the running pod's request, or at least 1 CPU / 1Gi above it. */
function isLarge(figure: ResourceFigure, step: Quantity): boolean {
  const steady = figure.steady?.nano ?? 0n;
  const peak = figure.initPeak?.nano ?? 0n;
  if (peak - steady >= step.nano) return true;
  // With nothing requested while running, a ratio means nothing: only the absolute step counts.
  return steady > 0n && peak >= 2n * steady;
}

/** Where the finding goes: the container's `requests` key, else `limits` (requests defaulted from it), else `resources`, else its name. */
function anchor(container: ContainerModel, yaml: Document.Parsed): Target {
  const resources = container.pairs.get('resources');
  const pair = mapGet(resources?.value, 'requests', yaml) ?? mapGet(resources?.value, 'limits', yaml);
  return pair?.key ?? resources?.key ?? container.pairs.get('name')?.value ?? container.ref;
}

/**
 * W05: a regular init container (plus the sidecars started before it) requests more CPU or memory than
 * the running pod (app containers + sidecars). The effective request is the maximum of both (§3.1), so
 * the scheduler and quota keep the init peak reserved for the pod's whole life.
 */
export const initRequestsDominateEffective = defineRule({
  meta: {
    id: 'init-requests-dominate-effective',
    catalogueId: 'W05',
    group: 'runtime',
    description: 'An init container whose requests set the pod\'s effective CPU or memory request, above what the running pod needs.',
    defaultSeverity: 'information',
    fixable: false,
    messages: {
      dominates:
        '{{container}} raises the pod\'s {{changes}} for its whole life. The scheduler, kubelet admission and ResourceQuota use the effective request, the larger of the init-phase peak (this container plus the sidecars started before it) and what the running containers request, so the node keeps this reserved after the init step is over. Lower its requests to what it needs, or move the heavy step to a Job.',
    },
  },
  checkPod(pod, context) {
    if (pod.initContainers.length === 0) return;
    const effective = computeEffectiveResources(pod, context.settings);
    const byContainer = new Map<number, Raise[]>();
    for (const { name, word, step } of RESOURCES) {
      const figure = effective.requests.figures.get(name);
      if (!figure || figure.phase !== 'init' || figure.initPeakIndex === undefined) continue;
      const overhead = figure.overhead;
      const steady = figure.steady ?? zeroQuantity();
      const from = overhead ? addQuantities(steady, overhead) : steady;
      const raise: Raise = { word, from, to: figure.effective, large: isLarge(figure, step) };
      byContainer.set(figure.initPeakIndex, [...(byContainer.get(figure.initPeakIndex) ?? []), raise]);
    }
    for (const [index, raises] of byContainer) {
      // The engine numbers init containers by position in the model's list.
      const container = pod.initContainers[index];
      if (!container) continue;
      const changes = raises.map((r) => `${r.word} from ${formatQuantity(r.from)} to ${formatQuantity(r.to)}`).join(' and ');
      context.report({
        at: anchor(container, pod.yaml),
        messageId: 'dominates',
        severity: raises.some((r) => r.large) ? 'warning' : 'information',
        data: { container: capitalize(container.label), changes },
      });
    }
  },
});

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

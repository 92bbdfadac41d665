/**
 * The custom protocol between the extension client and the language server: one typed module that both
 * import (the client through its bundle). Only types, names and RequestType objects live here.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-types';

/** The command that opens the startup timeline view (also the code lens command). Arguments: `[uri?, position?]`. */
export const SHOW_STARTUP_TIMELINE_COMMAND = 'k8sInit.showStartupTimeline';

export interface StartupTimelineParams {
  readonly textDocument: TextDocumentIdentifier;
  /** The cursor. The pod spec containing it is described; outside any pod spec, the first one of the file. */
  readonly position: Position;
}

export type TimelineRole = 'init' | 'sidecar' | 'app';

/** Canonical quantities by resource name, e.g. `{ cpu: '250m', memory: '64Mi' }` (only the resources that are set). */
export type TimelineResources = Readonly<Record<string, string>>;

export interface TimelineContainer {
  readonly name: string;
  readonly role: TimelineRole;
  /** Index in `initContainers` (init, sidecar) or `containers` (app). */
  readonly index: number;
  /** Requests after API defaulting (limits copied into missing requests). */
  readonly requests: TimelineResources;
  readonly limits: TimelineResources;
  /** Where the container is declared (the sequence item), for "reveal in editor". */
  readonly range: Range;
}

/**
 * One phase of the startup: phase `i < initContainers.length` is init container `i` starting (a regular init
 * container running to completion while the sidecars started before it run, or a sidecar starting); the last
 * phase (`kind: 'steady'`) is the app containers running together with all sidecars.
 */
export interface TimelinePhase {
  readonly kind: 'init' | 'steady';
  /** Index in `initContainers` of the container that starts in this phase (kind `init`). */
  readonly initIndex?: number;
  /** What the pod uses in this phase: InitContainerUse(i) for init phases, Σ app + Σ sidecars for `steady`. */
  readonly requests: TimelineResources;
}

export interface TimelineEffective {
  readonly resource: string;
  /** The effective pod value (after pod-level override and overhead). */
  readonly value: string;
  /** What sets it: the init peak, the steady state, or pod-level `spec.resources`. */
  readonly phase: 'init' | 'steady' | 'pod-level';
  /** With `phase: 'init'`: the init container whose phase reaches the peak first. */
  readonly initIndex?: number;
  /** Pod overhead included in `value`, if any. */
  readonly overhead?: string;
}

export interface StartupTimeline {
  readonly uri: string;
  /** The workload, e.g. `{ kind: 'Deployment', name: 'web' }`. */
  readonly object: { readonly kind: string; readonly name?: string };
  /** Path of the pod spec in the object, e.g. `spec.template.spec`. */
  readonly podPath: string;
  /** The pod spec's range (the view highlights it and follows it across edits). */
  readonly range: Range;
  /** The pod's restartPolicy as the API defaults it. */
  readonly restartPolicy: string;
  /** Init containers in order, then app containers in order. */
  readonly containers: readonly TimelineContainer[];
  /** One phase per init container, then the steady phase. */
  readonly phases: readonly TimelinePhase[];
  readonly effectiveRequests: readonly TimelineEffective[];
  readonly effectiveLimits: readonly TimelineEffective[];
  readonly qos: 'Guaranteed' | 'Burstable' | 'BestEffort';
  /** How many pod specs the file holds. */
  readonly podCount: number;
}

/** `k8sInit/startupTimeline`: the startup sequence and effective resources of the pod at a position (null: no pod spec in the file). */
export const StartupTimelineRequest = new RequestType<StartupTimelineParams, StartupTimeline | null, void>('k8sInit/startupTimeline');

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runSliced, slicedJob } from '../slices';
import type { ParsedFile, Settings } from '../service/index';
import type { Feature, ServerContext } from './context';

/**
 * Delay after an edit before re-validating, adapted to the work: twice what the last validation of the
 * document cost (an edit is re-analysed incrementally, a few milliseconds even in a 5,000-line file), at
 * least long enough to merge the changes of one keystroke, at most 150 ms.
 */
export function debounceDelay(lastCostMs: number | undefined): number {
  if (lastCostMs === undefined) return 50;
  return Math.round(Math.min(150, Math.max(10, lastCostMs * 2)));
}
/** Delay before re-validating the other open documents after one changed (cross-object rules only). */
const DEPENDENT_DELAY_MS = 250;

/**
 * Pushes diagnostics: at once on open, debounced on change (a newer edit replaces the pending run, and
 * a result for an outdated version is dropped), cleared on close, re-published when settings change.
 */
export function registerDiagnostics(ctx: ServerContext): Feature {
  const { connection, documents, service, cache, settings } = ctx;
  const timers = new Map<string, NodeJS.Timeout>();
  /** Texts of each document's Kubernetes YAML documents when last validated (what cross-object rules read). */
  const published = new Map<string, readonly string[]>();

  const schedule = (uri: string, delay: number): void => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, delay),
    );
  };

  const crossRulesOn = (current: Settings): boolean => service.rules.some((r) => r.crossObject === true && current.rules[r.meta.id] !== 'off');

  /** How long the last validation of each document took, for the debounce. */
  const costs = new Map<string, number>();

  const validate = async (uri: string): Promise<void> => {
    await settings.ready;
    const document = documents.get(uri);
    if (!document || timers.has(uri)) return; // closed, or a newer run is scheduled
    const version = document.version;
    // A large file is parsed and analysed in slices: requests (hovers…) are answered in between, and the
    // work stops when a newer version arrives.
    const isCurrent = (): boolean => documents.get(uri)?.version === version && !timers.has(uri);
    try {
      const started = performance.now();
      const parsed = await cache.getAsync(document, isCurrent);
      if (!parsed || !isCurrent()) return;
      const current = settings.current;
      const cross = crossRulesOn(current);
      const job = slicedJob(service.validationSteps(uri, parsed, current, cross ? cache.workspaceObjects(documents.all(), uri) : []));
      const diagnostics = await runSliced(job, isCurrent);
      if (diagnostics === undefined || !isCurrent()) return;
      costs.set(uri, performance.now() - started);
      void connection.sendDiagnostics({ uri, version, diagnostics });
      if (objectsChanged(uri, parsed) && cross) scheduleOthers(uri);
    } catch (error) {
      connection.console.error(`Validation of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  const objectsChanged = (uri: string, parsed: ParsedFile): boolean => {
    const texts = parsed.manifest.documents.filter((d) => d.isKubernetes).map((d) => d.source.text);
    const before = published.get(uri);
    published.set(uri, texts);
    return before === undefined || before.length !== texts.length || before.some((t, i) => t !== texts[i]);
  };

  /** Other open documents holding Kubernetes objects are re-validated: cross-object findings may change. */
  const scheduleOthers = (uri: string): void => {
    for (const other of documents.all()) {
      if (other.uri === uri || timers.has(other.uri) || (published.get(other.uri)?.length ?? 0) === 0) continue;
      schedule(other.uri, DEPENDENT_DELAY_MS);
    }
  };

  documents.onDidChangeContent(({ document }: { document: TextDocument }) => {
    schedule(document.uri, published.has(document.uri) ? debounceDelay(costs.get(document.uri)) : 0);
  });

  documents.onDidClose(({ document }) => {
    const uri = document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    cache.delete(uri);
    costs.delete(uri);
    const hadObjects = (published.get(uri)?.length ?? 0) > 0;
    published.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    if (hadObjects && crossRulesOn(settings.current)) scheduleOthers(uri);
  });

  settings.onDidChange(() => {
    for (const document of documents.all()) schedule(document.uri, 0);
  });

  return {};
}

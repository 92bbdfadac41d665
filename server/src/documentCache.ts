import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, ParsedFile } from './service/index';
import type { K8sObject } from './service/model/types';
import { finishNow, runSliced, slicedJob } from './slices';
import type { SlicedJob } from './slices';

/** Texts up to this length are parsed on the spot when another document needs their objects. */
const SYNC_PARSE_LIMIT = 64 * 1024;

interface Entry {
  /** The last complete parse, whatever its version. */
  readonly parsed: ParsedFile | undefined;
  readonly parsedVersion: number;
  /** A parse of a newer version in progress (spread over event-loop turns). */
  job?: { readonly version: number; readonly job: SlicedJob<ParsedFile>; readonly done: Promise<ParsedFile | undefined> };
}

/**
 * Parses each open document once per (uri, version). The parse of the previous version is handed to
 * the service so that YAML documents whose text did not change are reused, not re-parsed. A large file
 * can be parsed in slices (`getAsync`); a request that needs it at once (`get`) finishes that work.
 */
export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly service: LanguageService) {}

  /** The parse of the document's current version, now. */
  get(document: TextDocument): ParsedFile {
    const entry = this.entries.get(document.uri);
    if (entry?.parsed && entry.parsedVersion === document.version) return entry.parsed;
    if (entry?.job && entry.job.version === document.version) return this.settle(document.uri, document.version, finishNow(entry.job.job));
    const parsed = this.service.parse(document.getText(), entry?.parsed);
    return this.settle(document.uri, document.version, parsed);
  }

  /**
   * The parse of the document's current version, in slices that leave the event loop free in between;
   * undefined when the document changed (or closed) before it was done.
   */
  getAsync(document: TextDocument, isCurrent: () => boolean): Promise<ParsedFile | undefined> {
    const uri = document.uri;
    const version = document.version;
    const entry = this.entries.get(uri);
    if (entry?.parsed && entry.parsedVersion === version) return Promise.resolve(entry.parsed);
    if (entry?.job && entry.job.version === version) return entry.job.done;
    const job = slicedJob(this.service.parseSteps(document.getText(), entry?.parsed));
    const done = runSliced(job, () => isCurrent() && this.entries.get(uri)?.job?.job === job).then((parsed) => {
      if (parsed === undefined) return undefined;
      const current = this.entries.get(uri);
      if (current?.parsed && current.parsedVersion >= version) return current.parsedVersion === version ? current.parsed : undefined;
      return this.settle(uri, version, parsed);
    });
    this.entries.set(uri, { parsed: entry?.parsed, parsedVersion: entry?.parsedVersion ?? -1, job: { version, job, done } });
    return done;
  }

  private settle(uri: string, version: number, parsed: ParsedFile): ParsedFile {
    const entry = this.entries.get(uri);
    const job = entry?.job && entry.job.version > version ? entry.job : undefined;
    this.entries.set(uri, { parsed, parsedVersion: version, ...(job ? { job } : {}) });
    return parsed;
  }

  /** The last complete parse of `uri`, whatever its version, without parsing. */
  peek(uri: string): ParsedFile | undefined {
    return this.entries.get(uri)?.parsed;
  }

  /**
   * The Kubernetes objects of the open documents other than `uri`, for cross-object rules, from each
   * document's last complete parse. A document never parsed yet is parsed now when it is small; a large
   * one is parsed in the background and contributes nothing until then (when its own validation is done,
   * the other documents are validated again).
   */
  workspaceObjects(documents: readonly TextDocument[], uri: string): K8sObject[] {
    const out: K8sObject[] = [];
    for (const d of documents) {
      if (d.uri === uri) continue;
      const entry = this.entries.get(d.uri);
      let parsed = entry?.parsed;
      if (!parsed && !entry?.job) {
        if (d.getText().length <= SYNC_PARSE_LIMIT) parsed = this.get(d);
        else void this.getAsync(d, () => true);
      }
      if (!parsed) continue;
      for (const m of parsed.manifest.documents) for (const o of m.objects) out.push(o);
    }
    return out;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

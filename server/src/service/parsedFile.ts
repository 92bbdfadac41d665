import { buildManifestSteps } from './model/buildModel';
import type { Manifest } from './model/types';
import { LineIndex } from './parse/ranges';
import { reparseYamlFileSteps } from './parse/yamlFile';
import type { YamlFile } from './parse/yamlFile';

/** Everything the service knows about one version of a text: parsed chunks, model, line index. */
export interface ParsedFile {
  readonly text: string;
  readonly yaml: YamlFile;
  readonly manifest: Manifest;
  readonly lines: LineIndex;
}

/**
 * Parses a text. With `previous` (the parse of an earlier version of the same document), unchanged
 * YAML documents are reused: neither re-parsed nor re-modelled, and their findings stay cached.
 */
export function parseFile(text: string, previous?: ParsedFile): ParsedFile {
  const steps = parseFileSteps(text, previous);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** The same as parseFile, one parsed or modelled YAML document per step (for large files in a server). */
export function* parseFileSteps(text: string, previous?: ParsedFile): Generator<void, ParsedFile, void> {
  const yaml = yield* reparseYamlFileSteps(previous?.yaml, text);
  const manifest = yield* buildManifestSteps(yaml);
  return { text, yaml, manifest, lines: new LineIndex(text) };
}

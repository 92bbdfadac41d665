import { buildManifest } from './model/buildModel';
import type { Manifest } from './model/types';
import { LineIndex } from './parse/ranges';
import { reparseYamlFile } from './parse/yamlFile';
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
  const yaml = reparseYamlFile(previous?.yaml, text);
  return { text, yaml, manifest: buildManifest(yaml), lines: new LineIndex(text) };
}

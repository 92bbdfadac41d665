import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, ParsedFile } from './service/index';

interface Entry {
  readonly version: number;
  readonly parsed: ParsedFile;
}

/**
 * Parses each open document once per (uri, version). The parse of the previous version is handed to
 * the service so that YAML documents whose text did not change are reused, not re-parsed.
 */
export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly service: LanguageService) {}

  /** The parse of the document's current version. */
  get(document: TextDocument): ParsedFile {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version) return entry.parsed;
    const parsed = this.service.parse(document.getText(), entry?.parsed);
    this.entries.set(document.uri, { version: document.version, parsed });
    return parsed;
  }

  /** The last parse of `uri`, whatever its version, without parsing. */
  peek(uri: string): ParsedFile | undefined {
    return this.entries.get(uri)?.parsed;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

import type { Position, Range } from 'vscode-languageserver-types';
import type { Span } from './nav';

/**
 * Offset ↔ position conversion for one text, in UTF-16 code units (what LSP positions count and what
 * JavaScript string indices are). A `\r\n` counts as one line break; a position never lands between
 * the two characters. All range maths of the service goes through here.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) starts.push(i + 1);
      else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= o) low = mid;
      else high = mid - 1;
    }
    const lineStart = this.lineStarts[low] as number;
    let character = o - lineStart;
    // Never point between \r and \n, nor after the line break.
    const lineEnd = this.lineEnd(low);
    if (lineStart + character > lineEnd) character = lineEnd - lineStart;
    return { line: low, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line] as number;
    const lineEnd = this.lineEnd(position.line);
    return Math.max(lineStart, Math.min(lineStart + Math.max(0, position.character), lineEnd));
  }

  /** Offset of the end of the line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? (this.lineStarts[line + 1] as number) : this.text.length;
    let end = next;
    if (end > 0 && this.text.charCodeAt(end - 1) === 0x0a && end - 1 >= (this.lineStarts[line] as number)) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 0x0d && end - 1 >= (this.lineStarts[line] as number)) end--;
    return end;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))] as number;
  }

  /** Converts a chunk-relative span of the document at `base` into an LSP range. */
  rangeOf(base: number, span: Span): Range {
    return { start: this.positionAt(base + span.start), end: this.positionAt(base + Math.max(span.start, span.end)) };
  }
}

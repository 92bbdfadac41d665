import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

/** Bodies larger than this are refused (a 4 MB manifest is about 5 MB of JSON; the service declines more). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** A header block longer than this is garbage. */
const MAX_HEADER_BYTES = 8 * 1024;
/** Bodies up to this size are parsed here, so that invalid JSON gets a JSON-RPC parse error. */
const CHECKED_BODY_BYTES = 1024 * 1024;
/** A body still incomplete this long after its header, with another header inside it, was cut off. */
const STALL_MS = 5000;

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /^content-length:/i;

export interface FramingEvents {
  /** A problem with the incoming bytes (each kind is reported once). */
  readonly onProblem: (message: string) => void;
  /** A JSON-RPC response to send for a message that could not be parsed. */
  readonly onParseError: (response: string) => void;
}

/**
 * Sits between stdin and the JSON-RPC reader and passes on only well-framed messages. The reader of
 * vscode-jsonrpc loses the framing for good after one malformed header (a missing or non-numeric
 * Content-Length, a header without a colon): every later message would be lost and the server would
 * hang. Here a malformed header block is skipped up to the next `Content-Length:` line, a body that is
 * not JSON is answered with a JSON-RPC parse error, and a body that never completes while another
 * message follows it is dropped.
 */
export class FramingFilter extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  private pending: { readonly headerEnd: number; readonly length: number; readonly since: number } | undefined;
  private readonly reported = new Set<string>();
  private stallTimer: NodeJS.Timeout | undefined;

  constructor(private readonly events: FramingEvents) {
    super();
  }

  /** Chunks received while a long body is incomplete (concatenated once it is: no quadratic copying). */
  private waiting: Buffer[] = [];
  private waitingBytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.pending && this.buffer.length + this.waitingBytes + chunk.length < this.pending.headerEnd + this.pending.length) {
      this.waiting.push(chunk);
      this.waitingBytes += chunk.length;
      callback();
      return;
    }
    this.buffer = Buffer.concat([this.buffer, ...this.waiting, chunk]);
    this.waiting = [];
    this.waitingBytes = 0;
    this.drain();
    callback();
  }

  override _flush(callback: TransformCallback): void {
    clearTimeout(this.stallTimer);
    callback();
  }

  private problem(kind: string, message: string): void {
    if (this.reported.has(kind)) return;
    this.reported.add(kind);
    this.events.onProblem(`${message} (further problems of this kind are not logged)`);
  }

  private drain(): void {
    for (;;) {
      if (!this.pending) {
        const end = this.buffer.indexOf(HEADER_END);
        if (end === -1) {
          if (this.buffer.length > MAX_HEADER_BYTES && this.resync('header', 'An incoming message header is too long; skipped to the next message.', 1)) continue;
          return;
        }
        const length = this.parseHeader(this.buffer.subarray(0, end).toString('ascii'));
        if (length === undefined) {
          if (this.resync('header', `Ignored a message with a malformed header: ${JSON.stringify(this.buffer.subarray(0, Math.min(end, 120)).toString('latin1'))}.`, 1)) continue;
          return;
        }
        this.pending = { headerEnd: end + HEADER_END.length, length, since: Date.now() };
      }
      const { headerEnd, length } = this.pending;
      if (this.buffer.length < headerEnd + length) {
        this.watchStall();
        return;
      }
      const body = this.buffer.subarray(headerEnd, headerEnd + length);
      this.buffer = this.buffer.subarray(headerEnd + length);
      this.pending = undefined;
      this.emitBody(body);
    }
  }

  /** The Content-Length of a header block, or undefined when the block is malformed. */
  private parseHeader(block: string): number | undefined {
    let length: number | undefined;
    for (const line of block.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) return undefined;
      if (CONTENT_LENGTH.test(line)) {
        const value = line.slice(colon + 1).trim();
        if (!/^\d{1,10}$/.test(value)) return undefined;
        length = Number(value);
      }
    }
    if (length === undefined || length > MAX_BODY_BYTES) return undefined;
    return length;
  }

  /** Drops bytes up to the next `Content-Length:` (from `from` on: garbage may precede it on its line), or keeps only a possible partial one. */
  private resync(kind: string, message: string, from: number): boolean {
    this.problem(kind, message);
    const text = this.buffer.toString('latin1');
    const re = /content-length:/gi;
    re.lastIndex = from;
    const m = re.exec(text);
    this.pending = undefined;
    if (m) {
      this.buffer = this.buffer.subarray(m.index);
      return true;
    }
    // Keep what may be the start of a header cut off by the chunk boundary (it holds no line break).
    const tail = Math.max(this.buffer.lastIndexOf(0x0a) + 1, this.buffer.length - 15);
    this.buffer = this.buffer.subarray(tail);
    return false;
  }

  private emitBody(body: Buffer): void {
    if (body.length <= CHECKED_BODY_BYTES) {
      let message: unknown;
      try {
        message = JSON.parse(body.toString('utf8'));
      } catch {
        this.problem('json', 'Ignored a message whose body is not valid JSON; answered with a JSON-RPC parse error.');
        this.events.onParseError(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error: the message body is not valid JSON.' } }));
        return;
      }
      if (message === null || typeof message !== 'object') {
        this.problem('shape', 'Ignored a message that is not a JSON object.');
        return;
      }
    }
    this.push(Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'));
    this.push(body);
  }

  /** A body that stays incomplete while the next message's header already arrived inside it was cut off: drop it. */
  private watchStall(): void {
    if (this.stallTimer) return;
    this.stallTimer = setTimeout(() => {
      this.stallTimer = undefined;
      const pending = this.pending;
      if (!pending) return;
      if (this.waiting.length > 0) {
        this.buffer = Buffer.concat([this.buffer, ...this.waiting]);
        this.waiting = [];
        this.waitingBytes = 0;
      }
      const rest = this.buffer.subarray(pending.headerEnd).toString('latin1');
      if (Date.now() - pending.since >= STALL_MS && /content-length:/i.test(rest)) {
        this.buffer = this.buffer.subarray(pending.headerEnd);
        if (this.resync('stall', `Dropped a message whose body stayed shorter than its Content-Length (${pending.length} bytes) while others followed.`, 0)) this.drain();
      } else if (this.pending) {
        this.watchStall();
      }
    }, STALL_MS).unref();
  }
}

import type { Document } from 'yaml';
import type { ContainerModel } from '../model/types';
import { isSeqRef, scalarText, seqItems } from '../parse/nav';
import type { NodeRef, PairRef } from '../parse/nav';
import { shellFlagsErrexit, shellScriptIndex, unwrap } from './words';

/** One word of `command` or `args` as written in the manifest. */
export interface ArgvWord {
  readonly text: string;
  readonly ref: NodeRef;
  readonly field: 'command' | 'args';
  readonly index: number;
}

/** What a container runs, as far as the manifest says. */
export interface EffectiveCommand {
  /** The `command` pair, if written. */
  readonly commandPair: PairRef | undefined;
  readonly argsPair: PairRef | undefined;
  /** `command` followed by `args` (the kubelet's argv when `command` is set). */
  readonly argv: readonly ArgvWord[];
  /** True when `command` is not set: the image's entrypoint runs, with `args` (if any) as its arguments. */
  readonly fromImage: boolean;
  /** Index in `argv` of the program after wrappers such as `timeout 300`, `tini --`, `exec`. */
  readonly program: number;
  /** `timeout N` wrapping the whole command. */
  readonly timeout: string | undefined;
  /** The script of `sh -c '…'` / `bash -ec '…'`, when the container runs one. */
  readonly script: ArgvWord | undefined;
  /** The shell was started with `-e` (errexit). */
  readonly errexit: boolean;
}

/** Words of a `command`/`args` value. A plain string (invalid, but seen) counts as one word. */
function words(pair: PairRef | undefined, field: 'command' | 'args', yaml: Document.Parsed): ArgvWord[] {
  const value = pair?.value;
  if (!value) return [];
  if (!isSeqRef(value)) {
    const text = scalarText(value);
    return text === undefined ? [] : [{ text, ref: value, field, index: 0 }];
  }
  const out: ArgvWord[] = [];
  for (const { index, ref } of seqItems(value, yaml)) {
    const text = scalarText(ref);
    if (text !== undefined) out.push({ text, ref, field, index });
  }
  return out;
}

export function effectiveCommand(container: ContainerModel, yaml: Document.Parsed): EffectiveCommand {
  const commandPair = container.pairs.get('command');
  const argsPair = container.pairs.get('args');
  const command = words(commandPair, 'command', yaml);
  const args = words(argsPair, 'args', yaml);
  const argv = [...command, ...args];
  const texts = argv.map((w) => w.text);
  const fromImage = commandPair === undefined || command.length === 0;
  const u = unwrap(texts);
  const scriptIndex = shellScriptIndex(texts, u.index);
  return {
    commandPair,
    argsPair,
    argv,
    fromImage,
    program: u.index,
    timeout: u.timeout,
    script: scriptIndex >= 0 ? argv[scriptIndex] : undefined,
    errexit: scriptIndex >= 0 && shellFlagsErrexit(texts, u.index, scriptIndex),
  };
}

/** The key where findings about what a container runs are reported: the key holding `word`, else `command`, else `args`. */
export function commandKey(cmd: EffectiveCommand, word?: ArgvWord): NodeRef | undefined {
  if (word?.field === 'args' && cmd.argsPair) return cmd.argsPair.key;
  return (cmd.commandPair ?? cmd.argsPair)?.key;
}

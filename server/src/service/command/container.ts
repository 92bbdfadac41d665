import type { Document } from 'yaml';
import type { ContainerModel } from '../model/types';
import { mapValue, scalarText, seqItems } from '../parse/nav';
import { analyzeContainer } from './analyze';
import type { CommandAnalysis, CommandUse } from './analyze';
import { longRunningCommand, longRunningImage } from './patterns/longRunning';
import type { LongRunning } from './patterns/longRunning';
import { imageRepository, migrationCommand, migrationImage } from './patterns/migration';
import { endsByItself } from './patterns/oneShot';
import { describeArgv } from './patterns/oneShot';

/** Conclusions about one container's command, shared by the rules. */

/** The literal `env[].value`s of a container, by name (later entries win, as in the kubelet). */
export function envLiterals(container: ContainerModel, yaml: Document.Parsed): Map<string, string> {
  const out = new Map<string, string>();
  for (const { ref } of seqItems(container.pairs.get('env')?.value, yaml)) {
    const name = scalarText(mapValue(ref, 'name', yaml));
    const value = scalarText(mapValue(ref, 'value', yaml));
    if (name !== undefined && value !== undefined) out.set(name, value);
  }
  return out;
}

/** Uses that run in the foreground of the container (not in the background, not inside `$(…)`). */
function foreground(a: CommandAnalysis): CommandUse[] {
  return a.uses.filter((u) => !u.background && !u.inSubstitution && u.name !== '');
}

export interface LongRunningFinding extends LongRunning {
  /** `command`: the command/args say so; `image`: the image's own entrypoint does. */
  readonly source: 'command' | 'image';
  /** The command as written, for messages. */
  readonly text: string;
}

/**
 * Whether the container keeps running until it is killed: a daemon program in the foreground (`tail -f`,
 * `sleep infinity`, `envoy`, `git-sync` without `--one-time`), a `while true` loop nothing leaves, or a
 * proxy/agent image started with its own entrypoint.
 */
export function longRunningOf(container: ContainerModel, yaml: Document.Parsed): LongRunningFinding | undefined {
  const a = analyzeContainer(container, yaml);
  const env = envLiterals(container, yaml);
  for (const u of foreground(a)) {
    if (u.timeout !== undefined || u.inCondition) continue;
    const lr = longRunningCommand(u.argv, env);
    if (lr) return { ...lr, source: 'command', text: describeArgv(u.argv) };
  }
  const endless = a.loops.find((l) => l.infinite && !l.background && l.timeout === undefined && !l.inFunction);
  if (endless) return { label: `\`${endless.head}\``, kind: 'idle', source: 'command', text: endless.head };
  if (a.command.fromImage) {
    const args = a.command.argv.map((w) => w.text);
    const lr = longRunningImage(container.image, args, env);
    if (lr) return { ...lr, source: 'image', text: container.image ?? '' };
  }
  return undefined;
}

/**
 * Whether the container clearly finishes by itself: every program it runs is a one-shot command
 * (`cp`, `mkdir`, `wget -O`, `git clone`, `sleep 10`, `echo`), it has no `while`/`until` loop, nothing in
 * the background, and it says what it runs (no image entrypoint). Returns the command for messages.
 */
export function oneShotOf(container: ContainerModel, yaml: Document.Parsed): string | undefined {
  const a = analyzeContainer(container, yaml);
  if (a.command.fromImage && a.command.argv.length === 0) return undefined;
  if (a.command.commandPair === undefined) return undefined;
  if (a.loops.some((l) => l.kind !== 'for' || l.bound !== 'finite-list')) return undefined;
  if (a.script && a.script.errors.length > 0) return undefined;
  const env = envLiterals(container, yaml);
  const uses = a.uses.filter((u) => u.name !== '' || u.argv.length > 0);
  if (uses.length === 0) return undefined;
  if (uses.some((u) => u.background || u.name === 'wait')) return undefined;
  // A nested `sh -c` counts through its own commands.
  const real = uses.filter((u) => !(isShell(u) && u.args.some((x) => /^-[a-z]*c[a-z]*$/.test(x))));
  if (real.length === 0 || !real.every((u) => endsByItself(u.argv, env))) return undefined;
  return a.script ? describeScript(a.script.text) : describeArgv(a.command.argv.map((w) => w.text));
}

function isShell(u: CommandUse): boolean {
  return /^(sh|bash|ash|dash|zsh|ksh)$/.test(u.name);
}

function describeScript(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

/** The migration a container runs, formatted for messages (`` `manage.py migrate` ``, ``golang-migrate (image `migrate/migrate`)``), if any. */
export function migrationOf(container: ContainerModel, yaml: Document.Parsed): string | undefined {
  const a = analyzeContainer(container, yaml);
  for (const u of a.uses) {
    if (u.inSubstitution) continue;
    const tool = migrationCommand(u.argv);
    if (tool) return `\`${tool}\``;
  }
  if (a.command.fromImage && container.image) {
    const args = a.command.argv.map((w) => w.text);
    const byImage = migrationImage(container.image, args);
    const repo = imageRepository(container.image);
    if (byImage) return byImage.startsWith('image ') ? `the image \`${repo}\`` : `${byImage} (image \`${repo}\`)`;
    const byArgs = args.length > 0 ? migrationCommand(args) : undefined;
    if (byArgs) return `\`${byArgs}\``;
  }
  return undefined;
}

/** All text a container's command and env carry (to look for `localhost:5432`, socket paths …). */
export function commandText(container: ContainerModel, yaml: Document.Parsed): string {
  const a = analyzeContainer(container, yaml);
  return [...a.command.argv.map((w) => w.text), ...envLiterals(container, yaml).values()].join('\n');
}

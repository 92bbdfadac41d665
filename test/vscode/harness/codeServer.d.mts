import type { BrowserContext } from 'playwright-core';

export declare const ROOT: string;
export declare const CODE_SERVER: string;
export declare const CHROMIUM: string;
export declare const OUT_DIR: string;
export declare const QUIET_SETTINGS: Readonly<Record<string, unknown>>;

export interface IsolatedEnvironment {
  readonly tmp: string;
  readonly dirs: { readonly home: string; readonly config: string; readonly data: string; readonly cache: string; readonly tmp: string; readonly user: string; readonly ext: string; readonly chrome: string };
  readonly env: NodeJS.ProcessEnv;
  cleanup(): void;
}

export interface RunningCodeServer {
  readonly port: number;
  readonly base: string;
  readonly pid: number;
  stop(): void;
}

export declare function checkPrerequisites(): string[];
export declare function isolatedEnvironment(prefix: string): IsolatedEnvironment;
export declare function writeUserSettings(userDataDir: string, extra?: Record<string, unknown>): void;
export declare function freePort(): Promise<number>;
export declare function installVsix(vsix: string, o: { userDataDir: string; extensionsDir: string; env: NodeJS.ProcessEnv }): void;
export declare function startCodeServer(o: { userDataDir: string; extensionsDir: string; env: NodeJS.ProcessEnv; logFile: string; folder?: string; deadlineMs?: number }): Promise<RunningCodeServer>;
export declare function launchChromium(o: { profileDir: string; env: NodeJS.ProcessEnv; viewport?: { width: number; height: number } }): Promise<BrowserContext>;
export declare function deadline(ms: number, what: string): { promise: Promise<never>; cancel(): void };

import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Absolute path of the project root. */
export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

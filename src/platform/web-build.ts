import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_SOURCE = path.join(REPO_ROOT, 'src/web');
export const WEB_DIST = path.join(REPO_ROOT, 'dist/web');
const distIndex = path.join(WEB_DIST, 'index.html');
const lockDir = path.join(REPO_ROOT, 'dist/.web-build.lock');
/** Everything that ends up in the bundle besides npm packages. */
const inputs = [WEB_SOURCE, path.join(REPO_ROOT, 'vite.config.ts'), path.join(REPO_ROOT, 'package-lock.json'), path.join(REPO_ROOT, 'data')];

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether `dist/web` is missing or older than its sources (so `npm start` and the browser tests must build). */
export function webBuildIsStale(): boolean {
  if (!fs.existsSync(distIndex)) return true;
  const built = fs.statSync(distIndex).mtimeMs;
  return inputs.filter((p) => fs.existsSync(p)).some((p) => newestMtime(p) > built);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Test workers (and a second `npm start`) may build at the same moment; a directory is created
 * atomically, so it serves as a lock that keeps two builds from emptying dist/web under each other.
 * A lock older than 5 minutes is left over from a killed run and is taken over.
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const lock = fs.statSync(lockDir, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 5 * 60_000) fs.rmSync(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`wachten op ${lockDir} duurt te lang`);
      else await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Builds the web app with Vite when the build is missing or stale; returns whether it built. */
export async function ensureWebBuilt(log: (msg: string) => void = () => {}): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  return withBuildLock(async () => {
    if (!webBuildIsStale()) return false; // built by someone else while we waited
    log('Web-app wordt gebouwd (vite build)…');
    const { build } = await import('vite');
    // Vitest sets NODE_ENV=test; React and Vite would then produce a development bundle.
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), root: WEB_SOURCE, mode: 'production', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = previous;
    }
    return true;
  });
}

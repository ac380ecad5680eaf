import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_SOURCE = path.join(REPO_ROOT, 'src/web');
export const WEB_DIST = path.join(REPO_ROOT, 'dist/web');

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether `dist/web` is missing or older than the web sources (so `npm start` must build). */
export function webBuildIsStale(): boolean {
  const index = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(index)) return true;
  const sources = [WEB_SOURCE, path.join(REPO_ROOT, 'vite.config.ts'), path.join(REPO_ROOT, 'package-lock.json')].filter((p) => fs.existsSync(p));
  const built = fs.statSync(index).mtimeMs;
  return sources.some((s) => newestMtime(s) > built);
}

/** Builds the web app with Vite when the build is missing or stale; returns whether it built. */
export async function ensureWebBuilt(log: (msg: string) => void = () => {}): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  log('Web-app wordt gebouwd (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

/**
 * The real `regie` process for the long tests: the CLI as a person runs it, and `regie serve` started, killed with
 * SIGKILL and restarted, on its own data folder (PGlite) or its own schema of a PostgreSQL server.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../../src/platform/web-build.ts';

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'bin/regie.js');

export async function regie(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const r = await run(process.execPath, [BIN, ...args], { env, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

export interface Server {
  url: string;
  child: ChildProcess;
  /** What the process wrote to stderr so far. */
  log(): string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  startedMs: number;
}

/** Starts `regie serve` on a free port; resolves once it listens (its "draait op" line). */
export function startServer(env: NodeJS.ProcessEnv, timeoutMs = 240_000): Promise<Server> {
  const t0 = Date.now();
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: '0', JOBS: 'off' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      const m = /draait op (http:\/\/\S+?)\s/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!.replace('localhost', '127.0.0.1'), child, log: () => stderr, exited, startedMs: Date.now() - t0 });
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server stopped before listening (code ${code}, signal ${signal}):\n${stderr}`));
    });
  });
}

/** SIGTERM and wait: the server closes its database and exits 0. */
export async function stopServer(server: Server): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  server.child.kill('SIGTERM');
  return server.exited;
}

export async function killServer(server: Server): Promise<void> {
  server.child.kill('SIGKILL');
  const r = await server.exited;
  if (r.signal !== 'SIGKILL') throw new Error(`expected the server to die by SIGKILL, got ${JSON.stringify(r)}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

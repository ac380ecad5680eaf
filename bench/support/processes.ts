/**
 * Servers for the HTTP benchmarks, each a separate process as in production: `regie serve` against a PostgreSQL
 * schema, and a bare Fastify hello-world as the framework's own limit on this machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from '../../src/platform/web-build.ts';

export interface Server {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
  /** The last 200 kB the server wrote to stderr. */
  log(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, stderr: () => string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server stopped (${child.exitCode}): ${stderr().slice(-2000)}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not ready within ${timeoutMs} ms: ${stderr().slice(-2000)}`);
}

function start(args: string[], env: NodeJS.ProcessEnv, port: number, readyPath: string): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-200_000);
  });
  const url = `http://127.0.0.1:${port}`;
  const server: Server = {
    url,
    process: child,
    log: () => err,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
  return waitFor(`${url}${readyPath}`, child, () => err).then(() => server);
}

/** `regie serve` on a PostgreSQL schema (already migrated and seeded by the caller). */
export async function startRegie(databaseUrl: string, schema: string, extra: NodeJS.ProcessEnv = {}): Promise<Server> {
  const env = { DATABASE_URL: databaseUrl, PGOPTIONS: `-c search_path=${schema}`, LOG_LEVEL: 'warn', NODE_ENV: 'development', JOBS: 'on', ...extra };
  return start([path.join(REPO_ROOT, 'bin', 'regie.js'), 'serve', '--no-demo'], env, await freePort(), '/health/ready');
}

/** A bare Fastify route answering {"hello":"world"}: the framework's own limit on this machine. */
export async function startHello(): Promise<Server> {
  return start(['--import', 'tsx', path.join(REPO_ROOT, 'bench', 'support', 'hello.ts')], {}, await freePort(), '/');
}

/** Percentile p (0–100) of sorted numbers, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

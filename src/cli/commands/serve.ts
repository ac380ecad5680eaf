import { Command, Option } from 'commander';
import { loadConfig } from '../../platform/config.ts';
import { prepareDatabase } from '../../platform/setup.ts';
import { buildApp } from '../../platform/http/app.ts';
import { ensureWebBuilt, WEB_DIST } from '../../platform/web-build.ts';
import { parseIntegerOption } from '../output.ts';
import { assertNoActiveDemoAccounts } from '../../features/auth/service.ts';
import { serverJobs } from './jobs.ts';
import { createScheduler } from '../../platform/jobs/scheduler.ts';
import { tasksJob } from '../../platform/tasks/runner.ts';

export function serveCommand() {
  return new Command('serve')
    .description('start de webapp en de API (migreert en laadt referentiedata en demodata bij de eerste start)')
    .option('-p, --port <poort>', 'TCP-poort (standaard PORT of 3000)')
    .option('--build-if-needed', 'bouw de webapp eerst als die ontbreekt of verouderd is')
    .addOption(new Option('--no-demo', 'laad geen demodata'))
    .option('--check', 'controleer configuratie en database (ook de productie-eisen) en stop zonder te starten')
    .action(async (opts: { port?: string; buildIfNeeded?: boolean; demo: boolean; check?: boolean }) => {
      const config = loadConfig();
      if (opts.port !== undefined) config.port = parseIntegerOption('port', opts.port);
      const log = (msg: string) => process.stderr.write(`${msg}\n`);
      if (opts.buildIfNeeded && !opts.check) await ensureWebBuilt(log);
      const demo = opts.demo && config.nodeEnv !== 'production';
      const database = await prepareDatabase(config, { demo, log });
      if (config.nodeEnv === 'production') {
        try {
          await assertNoActiveDemoAccounts(database.db);
        } catch (e) {
          await database.close();
          throw e;
        }
      }
      if (opts.check) {
        await database.close();
        log(`Controle geslaagd: configuratie en database (${database.location}) zijn in orde${config.nodeEnv === 'production' ? ', geen actieve demo-accounts' : ''}.`);
        return;
      }
      const app = await buildApp({
        database,
        webRoot: WEB_DIST,
        logger: { level: config.logLevel },
        secureCookies: config.secureCookies,
        trustProxy: config.trustProxy,
        oidc: config.oidc,
      });
      // Scheduled work runs in every instance; the database makes each step happen once (platform/jobs).
      // Background tasks: queued ones left by a dead instance are taken, expired ones failed (platform/tasks).
      const scheduler = createScheduler(database.db, [...serverJobs(config), tasksJob(app.tasks)], { log: app.log, instance: app.tasks.instance });
      if (config.jobs) scheduler.start();
      const close = async () => {
        await scheduler.stop();
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      const address = await app.listen({ port: config.port, host: config.host });
      log(`Regietafel draait op ${address.replace('127.0.0.1', 'localhost')} (database: ${database.location})`);
    });
}

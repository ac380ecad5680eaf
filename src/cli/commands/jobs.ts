import { Command } from 'commander';
import type { Config } from '../../platform/config.ts';
import { loadConfig } from '../../platform/config.ts';
import { createScheduler, type Job } from '../../platform/jobs/scheduler.ts';
import { mailJob, smtpTransport } from '../../platform/mail/outbox.ts';
import { escalationJob } from '../../features/agenda/escalation.ts';
import { withDatabase } from '../context.ts';
import { UsageError } from '../output.ts';

/** The scheduled work of a server: the escalation ladder, and mail when SMTP is configured. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- jobs differ in their summary type
export function serverJobs(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Job<any>[] {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  const jobs: Job<any>[] = [escalationJob({ mail: config.smtpUrl !== undefined })];
  if (config.smtpUrl) jobs.push(mailJob(smtpTransport(config.smtpUrl), config.mailFrom));
  return jobs;
}

export function jobsCommand() {
  const cmd = new Command('jobs').description('geplande taken (escalatieladder, e-mail) met de hand draaien');
  cmd
    .command('run')
    .description('draai een geplande taak nu één keer (veilig naast draaiende servers: elke stap gebeurt één keer)')
    .argument('<taak>', 'escalatie of mail')
    .action(async (name: string) => {
      const config = loadConfig();
      const jobs = serverJobs(config);
      if (!jobs.some((j) => j.name === name)) throw new UsageError(`Onbekende taak '${name}'; kies uit ${jobs.map((j) => j.name).join(', ')}${config.smtpUrl ? '' : ' (mail alleen met SMTP_URL)'}.`);
      await withDatabase(async ({ db }) => {
        const result = await createScheduler(db, jobs).runNow(name);
        console.log(result === null ? `Taak ${name} draait al in een andere instantie; niets gedaan.` : JSON.stringify(result, null, 2));
      }, { quiet: true });
    });
  return cmd;
}

import { Command, Option } from 'commander';
import { serveCommand } from './commands/serve.ts';
import { migrateCommand, seedCommand } from './commands/database.ts';
import { importCommand } from './commands/import.ts';
import { regionsCommand, populationCommand } from './commands/regions.ts';
import { userCommand, tokenCommand } from './commands/users.ts';
import { quotaCommand, distributeCommand } from './commands/distribution.ts';
import { ledgerCommand } from './commands/ledger.ts';
import { projectCommand } from './commands/project.ts';
import { actionsCommand, reportsCommand } from './commands/agenda.ts';
import { jobsCommand } from './commands/jobs.ts';
import { pipelineCommand } from './commands/pipeline.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { reportError } from './output.ts';

/** `regie`: every command calls the same services as the API, so both give the same answers. */
const program = new Command('regie')
  .description('Regietafel: opvang en huisvesting van vergunninghouders, regie vanuit LRT en PRT’s.')
  .version('0.1.0', '-V, --version', 'toon het versienummer')
  .helpOption('-h, --help', 'toon hulp bij dit commando')
  .addHelpCommand('help [commando]', 'toon hulp bij een commando')
  .showHelpAfterError('(gebruik --help voor de mogelijkheden)')
  .configureOutput({ outputError: (str, write) => write(str.replace(/^error:/, 'Fout:')) })
  .addOption(new Option('--data-dir <map>', 'map van de ingebouwde database (REGIETAFEL_DATA_DIR)'));

for (const cmd of [serveCommand(), migrateCommand(), seedCommand(), importCommand(), regionsCommand(), populationCommand(), userCommand(), tokenCommand(), quotaCommand(), distributeCommand(), ledgerCommand(), projectCommand(), actionsCommand(), reportsCommand(), jobsCommand(), pipelineCommand(), backupCommand(), restoreCommand()]) {
  program.addCommand(cmd);
}
program.commands.forEach(function help(c: Command) {
  c.helpOption('-h, --help', 'toon hulp bij dit commando');
  c.commands.forEach(help);
});

program.hook('preAction', (_this, action) => {
  const dataDir = program.opts<{ dataDir?: string }>().dataDir;
  if (dataDir) process.env.REGIETAFEL_DATA_DIR = dataDir;
  void action;
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = reportError(e);
}

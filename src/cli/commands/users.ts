import { inTransaction } from '../../platform/db/database.ts';
import { Command, Option } from 'commander';
import * as auth from '../../features/auth/service.ts';
import { ROLES, type RoleGrant, type Role } from '../../domain/access/policies.ts';
import { cliActor, withDatabase } from '../context.ts';
import { parseFormat, parseIntegerOption, printRows, UsageError } from '../output.ts';

/** `--role provincie:PV27 --role lid` → grants; the scope after the colon. */
function parseRoles(values: string[]): RoleGrant[] {
  return values.map((v) => {
    const [role, scope = ''] = v.split(':');
    if (!(ROLES as readonly string[]).includes(role!)) throw new UsageError(`Onbekende rol '${role}'; kies uit ${ROLES.join(', ')} (met :PVxx of :GMxxxx waar nodig).`);
    return { role: role as Role, scope: scope.toUpperCase() };
  });
}

const collect = (value: string, previous: string[]) => [...previous, value];
const rolesText = (roles: RoleGrant[]) => roles.map((r) => (r.scope ? `${r.role}:${r.scope}` : r.role)).join(', ');

export function userCommand() {
  const cmd = new Command('user').description('gebruikers beheren (als beheerder van de server; elke wijziging komt in de audittrail)');
  cmd
    .command('add')
    .description('gebruiker toevoegen; zonder --password wordt een wachtwoord gemaakt en eenmalig getoond')
    .argument('<e-mail>', 'e-mailadres (inlognaam)')
    .requiredOption('--name <naam>', 'volledige naam')
    .requiredOption('--organisation <organisatie>', 'organisatie, bijv. "Provincie Noord-Holland"')
    .addOption(new Option('--organisation-kind <soort>', 'soort organisatie (bij een nieuwe organisatie)').choices(['rijk', 'provincie', 'gemeente', 'coa', 'koepel', 'overig']))
    .requiredOption('--role <rol>', 'rol, herhaalbaar: secretariaat | lid[:PVxx] | provincie:PVxx | gemeente:GMxxxx | coa', collect, [])
    .option('--password <wachtwoord>', 'wachtwoord (minstens 12 tekens)')
    .action(async (email: string, opts: { name: string; organisation: string; organisationKind?: 'rijk'; role: string[]; password?: string }) => {
      const roles = parseRoles(opts.role);
      await withDatabase(async ({ db }) => {
        const r = await auth.createUser(db, cliActor(), {
          email,
          name: opts.name,
          organisation: opts.organisation,
          organisationKind: opts.organisationKind,
          roles,
          password: opts.password,
        });
        console.log(`Toegevoegd: ${r.user.email} (${rolesText(r.user.roles)}), id ${r.user.id}.`);
        if (!opts.password) console.log(`Wachtwoord (eenmalig getoond): ${r.password}`);
      }, { quiet: true });
    });
  cmd
    .command('list')
    .description('alle gebruikers met rollen')
    .option('-f, --format <formaat>', 'table, csv of json', 'table')
    .action(async (opts: { format: string }) => {
      const format = parseFormat(opts.format);
      await withDatabase(async ({ db }) => {
        const r = await auth.listUsers(db);
        printRows(
          format,
          ['id', 'e-mail', 'naam', 'organisatie', 'rollen', 'status'],
          r.items.map((u) => [u.id, u.email, u.name, u.organisation.name, rolesText(u.roles), u.disabled ? 'uitgeschakeld' : u.demo ? 'actief (demo)' : 'actief']),
          r,
        );
      }, { quiet: true });
    });
  cmd
    .command('disable')
    .description('gebruiker(s) uitschakelen (sessies vervallen; tokens werken niet meer); alle of geen')
    .argument('<e-mail...>')
    .action(async (emails: string[]) => {
      await withDatabase(async ({ db }) => {
        // One transaction: with an unknown address among them, nobody is disabled.
        const done = await inTransaction(db, async (trx) => {
          const out: string[] = [];
          for (const email of emails) {
            const u = await auth.getUserByEmail(trx, email);
            await auth.updateUser(trx, cliActor(), u.id, u.version, { disabled: true });
            out.push(u.email);
          }
          return out;
        });
        for (const email of done) console.log(`Uitgeschakeld: ${email}.`);
      }, { quiet: true });
    });
  cmd
    .command('enable')
    .description('uitgeschakelde gebruiker weer inschakelen')
    .argument('<e-mail>')
    .action(async (email: string) => {
      await withDatabase(async ({ db }) => {
        const u = await auth.getUserByEmail(db, email);
        await auth.updateUser(db, cliActor(), u.id, u.version, { disabled: false });
        console.log(`Ingeschakeld: ${u.email}.`);
      }, { quiet: true });
    });
  cmd
    .command('reset-password')
    .description('nieuw wachtwoord instellen (zonder --password gemaakt en eenmalig getoond); sessies vervallen')
    .argument('<e-mail>')
    .option('--password <wachtwoord>', 'het nieuwe wachtwoord (minstens 12 tekens)')
    .action(async (email: string, opts: { password?: string }) => {
      await withDatabase(async ({ db }) => {
        const u = await auth.getUserByEmail(db, email);
        const r = await auth.resetPassword(db, cliActor(), u.id, opts.password);
        console.log(`Nieuw wachtwoord ingesteld voor ${u.email}.`);
        if (!opts.password) console.log(`Wachtwoord (eenmalig getoond): ${r.password}`);
      }, { quiet: true });
    });
  return cmd;
}

export function tokenCommand() {
  const cmd = new Command('token').description('API-tokens voor machines (bijv. de uploads van COA)');
  cmd
    .command('create')
    .description('token maken voor een gebruiker; het token wordt eenmalig getoond')
    .requiredOption('--user <e-mail>', 'de gebruiker namens wie het token werkt')
    .requiredOption('--name <naam>', 'waarvoor het token is, bijv. "COA maandupload"')
    .option('--days <dagen>', 'geldigheid in dagen (1–730; standaard onbeperkt)')
    .action(async (opts: { user: string; name: string; days?: string }) => {
      const days = opts.days === undefined ? undefined : parseIntegerOption('days', opts.days);
      await withDatabase(async ({ db }) => {
        const u = await auth.getUserByEmail(db, opts.user);
        const r = await auth.createToken(db, cliActor(), { userId: u.id, name: opts.name, expiresInDays: days });
        console.log(`Token ${r.item.id} (${r.item.prefix}) gemaakt voor ${u.email}. Eenmalig getoond, bewaar het veilig:`);
        console.log(r.token);
      }, { quiet: true });
    });
  cmd
    .command('revoke')
    .description('token intrekken')
    .argument('<id>', 'het nummer van het token (zie regie token list)')
    .action(async (id: string) => {
      const tokenId = parseIntegerOption('id', id);
      await withDatabase(async ({ db }) => {
        const t = await auth.revokeToken(db, cliActor(), tokenId);
        console.log(`Ingetrokken: token ${t.id} (${t.name}).`);
      }, { quiet: true });
    });
  cmd
    .command('list')
    .description('alle tokens (nooit de tokens zelf)')
    .option('-f, --format <formaat>', 'table, csv of json', 'table')
    .action(async (opts: { format: string }) => {
      const format = parseFormat(opts.format);
      await withDatabase(async ({ db }) => {
        const r = await auth.listTokens(db);
        printRows(
          format,
          ['id', 'gebruiker', 'naam', 'prefix', 'gemaakt', 'verloopt', 'ingetrokken', 'laatst gebruikt'],
          r.items.map((t) => [t.id, t.userId, t.name, t.prefix, t.createdAt, t.expiresAt, t.revokedAt, t.lastUsedAt]),
          r,
        );
      }, { quiet: true });
    });
  return cmd;
}

import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import path from 'node:path';

/**
 * The one place where the environment is read. Every variable is documented in `.env.example`.
 * Invalid values stop the process with a message naming the variable, before anything else starts.
 */
const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  REGIETAFEL_DATA_DIR: Type.String({ minLength: 1, default: './.regietafel' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  COOKIE_SECURE: Type.Union([Type.Literal('auto'), Type.Literal('true'), Type.Literal('false')], { default: 'auto' }),
  TRUST_PROXY: Type.Union([Type.Literal('true'), Type.Literal('false')], { default: 'false' }),
  OIDC_ISSUER: Type.Optional(Type.String({ pattern: '^https?://' })),
  OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_REDIRECT_URI: Type.Optional(Type.String({ pattern: '^https?://' })),
  OIDC_ALLOW_HTTP: Type.Union([Type.Literal('true'), Type.Literal('false')], { default: 'false' }),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ minLength: 3, default: 'Regietafel <noreply@regietafel.localhost>' }),
  JOBS: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
});

type RawConfig = Static<typeof ConfigSchema>;

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database (and other local state); unused when `databaseUrl` is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: RawConfig['LOG_LEVEL'];
  nodeEnv: RawConfig['NODE_ENV'];
  secureCookies: 'auto' | boolean;
  trustProxy: boolean;
  /** OpenID Connect login; undefined when OIDC_ISSUER is not set (the default). */
  oidc: OidcConfig | undefined;
  /** Mail through SMTP; undefined: notifications stay in the in-app inbox only. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Scheduled work (escalation, mail) in this instance; safe to run in several at once. */
  jobs: boolean;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  redirectUri: string;
  /** Only for a test issuer on http://localhost; real issuers use HTTPS. */
  allowHttp: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const converted = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, raw));
  const errors = [...Value.Errors(ConfigSchema, converted)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.path.replace(/^\//, '')}: ${e.message} (waarde: ${JSON.stringify(e.value)})`);
    throw new ConfigError(`Ongeldige configuratie:\n${[...new Set(lines)].join('\n')}`);
  }
  const c = converted as RawConfig;
  if (c.OIDC_ISSUER && (!c.OIDC_CLIENT_ID || !c.OIDC_REDIRECT_URI)) {
    throw new ConfigError('Ongeldige configuratie:\n  OIDC_ISSUER is gezet, maar OIDC_CLIENT_ID en OIDC_REDIRECT_URI zijn dan ook nodig.');
  }
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.REGIETAFEL_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    nodeEnv: c.NODE_ENV,
    secureCookies: c.COOKIE_SECURE === 'auto' ? 'auto' : c.COOKIE_SECURE === 'true',
    trustProxy: c.TRUST_PROXY === 'true',
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    jobs: c.JOBS === 'on',
    oidc: c.OIDC_ISSUER
      ? {
          issuer: c.OIDC_ISSUER,
          clientId: c.OIDC_CLIENT_ID!,
          clientSecret: c.OIDC_CLIENT_SECRET,
          redirectUri: c.OIDC_REDIRECT_URI!,
          allowHttp: c.OIDC_ALLOW_HTTP === 'true',
        }
      : undefined,
  };
}

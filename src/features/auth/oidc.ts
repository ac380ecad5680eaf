import * as client from 'openid-client';
import type { Db } from '../../platform/db/database.ts';
import type { OidcConfig } from '../../platform/config.ts';
import { AppError } from '../../platform/http/errors.ts';
import { sha256 } from './passwords.ts';
import { startSession, type NewSession } from './service.ts';

/**
 * Optional login through the government's OpenID Connect provider (authorization code flow with PKCE,
 * state and nonce). Only people who already have a Regietafel account (same e-mail) get in: their
 * roles come from Regietafel, never from the provider.
 */
const PENDING_MS = 10 * 60 * 1000;

export class OidcLogin {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(private readonly config: OidcConfig) {}

  private discover(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.config.issuer),
        this.config.clientId,
        undefined,
        this.config.clientSecret ? client.ClientSecretPost(this.config.clientSecret) : client.None(),
        this.config.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((e: unknown) => {
        // Try again on the next login rather than remembering a failure.
        this.configuration = undefined;
        throw new AppError(502, 'oidc-onbereikbaar', 'Inlogdienst onbereikbaar', `De inlogdienst antwoordt niet: ${(e as Error).message}`);
      });
    return this.configuration;
  }

  /** Where to send the browser, and the state to remember in a cookie. */
  async start(db: Db, returnTo = '/'): Promise<{ url: string; state: string }> {
    const config = await this.discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await db.deleteFrom('oidc_login').where('created_at', '<', new Date(Date.now() - PENDING_MS)).execute();
    await db.insertInto('oidc_login').values({ state_hash: sha256(state), nonce, code_verifier: codeVerifier, return_to: safeReturnPath(returnTo) }).execute();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.config.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /** Completes the login from the provider's redirect back to us. */
  async finish(
    db: Db,
    query: string,
    cookieState: string | undefined,
    meta: { ip: string; userAgent: string | null; requestId?: string },
  ): Promise<NewSession & { returnTo: string }> {
    const callback = new URL(this.config.redirectUri);
    callback.search = query;
    const state = callback.searchParams.get('state') ?? '';
    // The state must come back to the same browser that started the login.
    if (!state || state !== cookieState) throw new AppError(400, 'oidc-state', 'Inloggen mislukt', 'De inlogpoging is verlopen of in een andere browser begonnen. Probeer opnieuw.');
    const pending = await db.deleteFrom('oidc_login').where('state_hash', '=', sha256(state)).returningAll().executeTakeFirst();
    if (!pending || pending.created_at.getTime() < Date.now() - PENDING_MS) {
      throw new AppError(400, 'oidc-state', 'Inloggen mislukt', 'De inlogpoging is verlopen. Probeer opnieuw.');
    }
    const config = await this.discover();
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
      });
      claims = tokens.claims();
    } catch (e) {
      throw new AppError(401, 'oidc-mislukt', 'Inloggen mislukt', `De inlogdienst gaf geen geldige bevestiging: ${(e as Error).message}`);
    }
    const subject = claims?.sub;
    const email = typeof claims?.email === 'string' ? claims.email.toLowerCase() : undefined;
    if (!subject) throw new AppError(401, 'oidc-mislukt', 'Inloggen mislukt', 'De inlogdienst gaf geen gebruikersnummer (sub).');
    const user =
      (await db.selectFrom('app_user').select(['id', 'email', 'oidc_subject', 'disabled_at']).where('oidc_subject', '=', subject).executeTakeFirst()) ??
      (email ? await db.selectFrom('app_user').select(['id', 'email', 'oidc_subject', 'disabled_at']).where('email', '=', email).executeTakeFirst() : undefined);
    if (!user || user.disabled_at !== null || (user.oidc_subject !== null && user.oidc_subject !== subject)) {
      throw new AppError(403, 'oidc-onbekend', 'Geen account', 'U heeft (nog) geen actief account in Regietafel. Vraag het secretariaat u toe te voegen.');
    }
    if (user.oidc_subject === null) await db.updateTable('app_user').set({ oidc_subject: subject }).where('id', '=', user.id).execute();
    const session = await startSession(db, user.id, { account: user.email, ip: meta.ip, userAgent: meta.userAgent, requestId: meta.requestId, method: 'openid-connect' });
    return { ...session, returnTo: pending.return_to };
  }
}

export const OIDC_STATE_COOKIE = 'regietafel_oidc';

/** Only a path on this site: never send someone to another host after logging in (open redirect). */
export function safeReturnPath(path: string | undefined): string {
  return typeof path === 'string' && /^\/(?![/\\])[^\s]*$/.test(path) ? path : '/';
}

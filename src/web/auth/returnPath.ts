export const RETURN_PARAM = 'terug';

/** `/inloggen?terug=%2Fbeheer%2Fgebruikers`: where the login page sends the user back to. */
export function loginPath(returnTo: string): string {
  return returnTo && returnTo !== '/' && returnTo !== '/inloggen' ? `/inloggen?${RETURN_PARAM}=${encodeURIComponent(returnTo)}` : '/inloggen';
}

/**
 * A return path from the address bar, only when it is a page of this app: `/x` but not `//evil.example` or
 * `/\evil.example` (both would leave the site), nor the API or the login page itself.
 */
export function safeReturnPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/api/') || value.startsWith('/inloggen')) return '/';
  return value;
}

/** Where the app remembers the return path while the user is away at the organisation's login service. */
export const SSO_RETURN_KEY = 'regietafel.terugNaSso';

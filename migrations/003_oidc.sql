-- OpenID Connect logins in progress: what the callback must check (state, nonce, PKCE verifier).
create table oidc_login (
  state_hash text primary key,
  nonce text not null,
  code_verifier text not null,
  return_to text not null default '/',
  created_at timestamptz not null default now()
);

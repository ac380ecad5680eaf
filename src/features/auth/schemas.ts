import { Type } from '@sinclair/typebox';

const RoleName = Type.Union(
  [Type.Literal('secretariaat'), Type.Literal('lid'), Type.Literal('provincie'), Type.Literal('gemeente'), Type.Literal('coa'), Type.Literal('corporatie')],
  { description: 'secretariaat, lid, provincie (scope PVxx), gemeente (scope GMxxxx), coa of corporatie (scope GMxxxx: een gemeente waarin de corporatie bouwt)' },
);
export const RoleGrant = Type.Object(
  { role: RoleName, scope: Type.String({ maxLength: 6, description: "'' (landelijk), PVxx of GMxxxx" }) },
  { additionalProperties: false },
);

export const User = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String(),
    name: Type.String(),
    organisation: Type.Object({ name: Type.String(), kind: Type.String() }),
    roles: Type.Array(RoleGrant),
    disabled: Type.Boolean(),
    demo: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    version: Type.Integer(),
  },
  { $id: 'User' },
);
const UserRef = Type.Ref('User');

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export const SessionResponse = Type.Object({
  user: Type.Union([UserRef, Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  via: Type.Union([Type.Literal('anonymous'), Type.Literal('cookie'), Type.Literal('token')]),
  oidcEnabled: Type.Boolean({ description: 'Of inloggen via OpenID Connect (/api/v1/session/oidc) kan' }),
});

export const UsersResponse = Type.Object({ items: Type.Array(UserRef) });
export const UserId = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const NewUserBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    organisation: Type.String({ minLength: 1, maxLength: 200 }),
    organisationKind: Type.Optional(
      Type.Union([
        Type.Literal('rijk'),
        Type.Literal('provincie'),
        Type.Literal('gemeente'),
        Type.Literal('coa'),
        Type.Literal('corporatie'),
        Type.Literal('koepel'),
        Type.Literal('overig'),
      ]),
    ),
    roles: Type.Array(RoleGrant, { minItems: 1, maxItems: 20 }),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  },
  { additionalProperties: false },
);
export const CreatedUserResponse = Type.Object({ user: UserRef, password: Type.String({ description: 'Eenmalig getoond' }) });
export const UserPatchBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    roles: Type.Optional(Type.Array(RoleGrant, { minItems: 1, maxItems: 20 })),
    disabled: Type.Optional(Type.Boolean()),
    version: Type.Optional(Type.Integer({ description: 'Versie waarop de wijziging voortbouwt (of header If-Match)' })),
  },
  { additionalProperties: false },
);
export const PasswordBody = Type.Object({ password: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })) }, { additionalProperties: false });

export const Token = Type.Object(
  {
    id: Type.Integer(),
    userId: Type.Integer(),
    name: Type.String(),
    prefix: Type.String(),
    createdAt: Type.String(),
    createdBy: Type.String(),
    expiresAt: Type.Union([Type.String(), Type.Null()]),
    revokedAt: Type.Union([Type.String(), Type.Null()]),
    lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Token' },
);
export const TokensResponse = Type.Object({ items: Type.Array(Type.Ref('Token')) });
export const NewTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })) },
  { additionalProperties: false },
);
export const CreatedTokenResponse = Type.Object({ token: Type.String({ description: 'Eenmalig getoond; bewaar het veilig' }), item: Type.Ref('Token') });

import { Type } from '@sinclair/typebox';

/** application/problem+json (RFC 9457) as documented in the OpenAPI document. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    code: Type.String({ description: 'Stabiele foutcode' }),
    invalidParams: Type.Optional(
      Type.Array(
        Type.Object({
          name: Type.String(),
          code: Type.String(),
          reason: Type.String(),
          line: Type.Optional(Type.Integer()),
        }),
      ),
    ),
    currentVersion: Type.Optional(Type.Integer({ description: 'Bij 412: de versie die nu geldt' })),
    retryAfterSeconds: Type.Optional(Type.Integer({ description: 'Bij 429: na hoeveel seconden opnieuw proberen' })),
  },
  { $id: 'Problem' },
);

export const ProblemRef = Type.Ref('Problem');

import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/**
 * Optimistic concurrency: every editable resource has a version, sent as ETag. A write must say
 * which version it builds on (If-Match, or `version` in the body); without it the answer is 428.
 */
export function optionalVersion(request: FastifyRequest, bodyVersion: number | undefined): number | undefined {
  const header = request.headers['if-match'];
  if (typeof header === 'string') {
    const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
    if (!match) throw new AppError(400, 'if-match-ongeldig', 'Ongeldige invoer', `If-Match '${header}' is geen versie (verwacht "3").`);
    return Number(match[1]);
  }
  return bodyVersion;
}

export function versionFrom(request: FastifyRequest, bodyVersion: number | undefined): number {
  const version = optionalVersion(request, bodyVersion);
  if (version !== undefined) return version;
  throw new AppError(
    428,
    'versie-vereist',
    'Versie vereist',
    'Zeg op welke versie uw wijziging voortbouwt (header If-Match of veld version), zodat u niet ongemerkt andermans wijziging overschrijft.',
  );
}

export function withEtag<T extends { version: number }>(reply: FastifyReply, value: T): T {
  reply.header('ETag', `"${value.version}"`);
  return value;
}

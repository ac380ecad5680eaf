import { FormatRegistry } from '@sinclair/typebox';
import { parseDutchOrIsoDate } from './dutch.ts';

/**
 * TypeBox's own checker (used outside Fastify, e.g. for the CLI's key files) knows no string formats;
 * register the ones our schemas use, with the same meaning as in the API.
 */
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && parseDutchOrIsoDate(v) === v);
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (v) => !Number.isNaN(Date.parse(v)));

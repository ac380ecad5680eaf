import crypto from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { actorLabel } from '../../domain/access/policies.ts';
import { WOO_GROUND, applyRedactions, redactionMarker, findRedactions, leakCheck, type Person } from '../../domain/meetings/index.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import { getMeeting, getMinutes, toPerson } from './service.ts';
import { meetingPaper, minutesFields, renderHtml, renderPaperHtml, renderPaperPdf, renderPdf, type MinutesDocument, type PaperKind } from './render.ts';

/**
 * Woo publication of minutes: proposals for every personal name of someone without public office (known persons by
 * their name variants, other person-like names for review), the reviewer's decisions logged, and an immutable
 * public version rendered from the redacted fields only, with a content hash and metadata. Publication is refused
 * while a registered non-public person's name would still be readable anywhere in it.
 */

async function documentOf(db: Db, minutesId: number): Promise<{ doc: MinutesDocument; people: Person[]; meetingId: number; bodyName: string; status: string }> {
  const minutes = await getMinutes(db, minutesId);
  const meeting = await getMeeting(db, minutes.meetingId);
  const people = (await db.selectFrom('person').selectAll().execute()).map(toPerson);
  const byId = new Map(people.map((p) => [p.id, p]));
  const doc = minutesFields({
    bodyName: meeting.body.name,
    meetingDate: meeting.date,
    attendance: meeting.attendance.map((a) => ({
      name: a.name,
      organisation: a.organisation,
      status: a.status,
      substituteName: a.substituteName,
      substituteOrganisation: a.substituteId ? (byId.get(a.substituteId)?.organisation ?? null) : null,
    })),
    items: minutes.items,
    approvals: meeting.approvals.map((a) => a.line),
  });
  return { doc, people, meetingId: meeting.id, bodyName: meeting.body.name, status: minutes.status };
}

const keyOf = (field: string, start: number, end: number) => `${field}:${start}:${end}`;

/** Every proposed redaction with its context, for the reviewer. */
export async function proposals(db: Db, minutesId: number) {
  // The domain protects the known organisation terms and every registered person's organisation itself.
  const { doc, people } = await documentOf(db, minutesId);
  const names = new Map(people.map((p) => [p.id, p]));
  return {
    minutesId,
    ground: WOO_GROUND,
    items: doc.fields.flatMap((f) =>
      findRedactions(f.text, people).map((p) => ({
        key: keyOf(f.key, p.start, p.end),
        field: f.key,
        start: p.start,
        end: p.end,
        text: p.text,
        reason: p.reason,
        personId: p.personId === null ? null : Number(p.personId),
        personOrganisation: p.personId === null ? null : (names.get(p.personId)?.organisation ?? null),
        before: f.text.slice(Math.max(0, p.start - 40), p.start),
        after: f.text.slice(p.end, p.end + 40),
      })),
    ),
  };
}

export interface ReviewInput {
  decisions: { key: string; accept: boolean }[];
  manual: { field: string; start: number; end: number }[];
}

/** The reviewer's decisions on every proposal (none may be left open) plus manual redactions, logged. */
export async function review(db: Db, actor: Actor, minutesId: number, input: ReviewInput) {
  return inTransaction(db, async (trx) => {
    const p = await proposals(trx, minutesId);
    const { doc } = await documentOf(trx, minutesId);
    const decided = new Map(input.decisions.map((d) => [d.key, d.accept]));
    const unknown = input.decisions.filter((d) => !p.items.some((x) => x.key === d.key));
    if (unknown.length > 0) throw badRequest('voorstel-onbekend', `Onbekend voorstel: ${unknown[0]!.key}. Vraag de voorstellen opnieuw op.`, [{ name: 'decisions', code: 'voorstel-onbekend', reason: unknown[0]!.key }]);
    const open = p.items.filter((x) => !decided.has(x.key));
    if (open.length > 0) {
      throw badRequest('voorstel-open', `Er ${open.length === 1 ? 'is 1 voorstel' : `zijn ${open.length} voorstellen`} nog niet beoordeeld.`, open.slice(0, 50).map((o) => ({ name: `decisions[${o.key}]`, code: 'voorstel-open', reason: `'${o.text}' in ${o.field}` })));
    }
    input.manual.forEach((m, i) => {
      const f = doc.fields.find((x) => x.key === m.field);
      if (!f || m.start < 0 || m.end > f.text.length || m.start >= m.end) {
        throw badRequest('weglakking-ongeldig', `manual[${i}]: het stuk ${m.start}–${m.end} ligt niet in veld ${m.field}.`, [{ name: `manual[${i}]`, code: 'weglakking-ongeldig', reason: 'buiten het veld' }]);
      }
    });
    const row = await trx
      .insertInto('woo_review')
      .values({ minutes_id: minutesId, proposals: JSON.stringify(p.items), decisions: JSON.stringify(input.decisions), manual: JSON.stringify(input.manual), reviewed_by: actorLabel(actor.principal) })
      .returning(['id', 'reviewed_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create',
      resourceType: 'woo-beoordeling',
      resourceId: String(row.id),
      after: { minutesId, accepted: input.decisions.filter((d) => d.accept).length, rejected: input.decisions.filter((d) => !d.accept).length, manual: input.manual.length },
    });
    return { reviewId: row.id, minutesId, accepted: input.decisions.filter((d) => d.accept).length, rejected: input.decisions.filter((d) => !d.accept).length, manual: input.manual.length, reviewedAt: row.reviewed_at.toISOString() };
  });
}

function redacted(doc: MinutesDocument, spans: Map<string, { start: number; end: number }[]>): MinutesDocument {
  return { ...doc, fields: doc.fields.map((f) => ({ key: f.key, text: applyRedactions(f.text, mergeSpans(spans.get(f.key) ?? []), WOO_GROUND) })) };
}

/** Overlapping or touching spans (a manual one over a proposal) become one. */
function mergeSpans(spans: { start: number; end: number }[]) {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Publishes the minutes as reviewed: immutable, hashed, listed publicly. */
export async function publish(db: Db, actor: Actor, minutesId: number, reviewId: number, today: string) {
  return inTransaction(db, async (trx) => {
    const { doc, people, meetingId, bodyName, status } = await documentOf(trx, minutesId);
    if (status !== 'vastgesteld') throw conflict('notulen-niet-vastgesteld', 'Alleen vastgestelde notulen worden gepubliceerd.');
    const r = await trx.selectFrom('woo_review').selectAll().where('id', '=', reviewId).where('minutes_id', '=', minutesId).executeTakeFirst();
    if (!r) throw notFound('beoordeling-onbekend', `Beoordeling ${reviewId} hoort niet bij deze notulen.`);
    const current = await proposals(trx, minutesId);
    const reviewed = new Set((r.proposals as { key: string }[]).map((p) => p.key));
    if (current.items.some((p) => !reviewed.has(p.key))) throw conflict('beoordeling-verouderd', 'De notulen zijn na de beoordeling gewijzigd; beoordeel de voorstellen opnieuw.');
    const spans = new Map<string, { start: number; end: number }[]>();
    const add = (field: string, s: { start: number; end: number }) => spans.set(field, [...(spans.get(field) ?? []), s]);
    const accepted = new Set((r.decisions as { key: string; accept: boolean }[]).filter((d) => d.accept).map((d) => d.key));
    for (const p of current.items) if (accepted.has(p.key)) add(p.field, p);
    for (const m of r.manual as { field: string; start: number; end: number }[]) add(m.field, m);
    const out = redacted(doc, spans);
    const text = out.fields.map((f) => f.text).join('\n');
    const metadata = {
      title: doc.title,
      body: bodyName,
      meetingDate: doc.meetingDate,
      documentType: 'verslag',
      informationCategory: 'vergaderstukken en verslagen',
      publishedOn: today,
      ground: WOO_GROUND,
      redactions: [...spans.values()].reduce((n, s) => n + mergeSpans(s).length, 0),
    };
    // The guard: no registered non-public person may remain readable in the text, the HTML or the metadata.
    const html = renderHtml(out, { marker: redactionMarker(), published: { on: today } });
    const leaks = [...leakCheck(text, people), ...leakCheck(html, people), ...leakCheck(JSON.stringify(metadata), people)];
    if (leaks.length > 0) {
      const names = [...new Set(leaks.map((p) => `${p.surname} (${p.organisation})`))];
      throw new AppError(409, 'naam-leesbaar', 'Conflict', `Publicatie geweigerd: de naam van ${names.join(', ')} zou leesbaar blijven. Lak die alsnog weg (handmatig of door het voorstel te accepteren).`);
    }
    const pdf = await renderPdf(out, { published: { on: today } });
    const sha256 = crypto.createHash('sha256').update(html).digest('hex');
    const row = await trx
      .insertInto('woo_publication')
      .values({ minutes_id: minutesId, review_id: reviewId, published_on: today, title: doc.title, metadata: JSON.stringify({ ...metadata, sha256 }), html, text_content: text, pdf, sha256, published_by: actorLabel(actor.principal) })
      .returning(['id', 'published_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'publish', resourceType: 'woo-publicatie', resourceId: String(row.id), after: { minutesId, meetingId, reviewId, sha256 } });
    return { id: row.id, minutesId, title: doc.title, publishedOn: today, sha256, metadata: { ...metadata, sha256 } };
  });
}

export async function listPublications(db: Db) {
  const rows = await db.selectFrom('woo_publication').select(['id', 'title', 'published_on', 'metadata', 'sha256']).orderBy('published_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, title: r.title, publishedOn: r.published_on, sha256: r.sha256, metadata: r.metadata as Record<string, unknown> }));
}

export async function publication(db: Db, id: number) {
  const r = await db.selectFrom('woo_publication').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('publicatie-onbekend', `Publicatie ${id} bestaat niet.`);
  return r;
}

/** The source minutes as a document (not redacted), for the secretariat: HTML or PDF. */
export async function sourceDocument(db: Db, minutesId: number, format: 'html' | 'pdf') {
  const { doc } = await documentOf(db, minutesId);
  return format === 'pdf' ? renderPdf(doc) : renderHtml(doc);
}

/** The agenda or the attendance list of a meeting (not redacted, for members and the secretariat): HTML or PDF. */
export async function meetingDocument(db: Db, meetingId: number, kind: PaperKind, format: 'html' | 'pdf') {
  const m = await getMeeting(db, meetingId);
  const paper = meetingPaper(kind, { bodyName: m.body.name, date: m.date, place: m.place, agenda: m.agenda, attendance: m.attendance });
  return format === 'pdf' ? renderPaperPdf(paper) : renderPaperHtml(paper);
}

import PDFDocument from 'pdfkit';
import type { MinutesItem } from './service.ts';

/**
 * Minutes as a document: first as named text fields (what redaction works on), then as HTML or PDF in the
 * layout of a Dutch government verslag (the seed is the model: meeting date, attendance, numbered items with
 * bullets). The published version is rendered from the redacted fields only, so a name cannot slip in through
 * a part of the document that was not reviewed.
 */
export interface DocumentField {
  key: string;
  text: string;
}

export interface MinutesDocument {
  title: string;
  bodyName: string;
  meetingDate: string;
  fields: DocumentField[];
}

interface AttendanceLine {
  name: string;
  organisation: string;
  status: 'aanwezig' | 'afwezig' | 'vervangen' | 'gast';
  substituteName: string | null;
  substituteOrganisation: string | null;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The fields of the minutes, in document order. Keys are stable: they name what a reviewer decided on. */
export function minutesFields(input: {
  bodyName: string;
  meetingDate: string;
  attendance: AttendanceLine[];
  items: MinutesItem[];
  approvals: string[];
}): MinutesDocument {
  const present = input.attendance.filter((a) => a.status === 'aanwezig').map((a) => `${a.name} (${a.organisation})`);
  const substitutes = input.attendance.filter((a) => a.status === 'vervangen' && a.substituteName).map((a) => `${a.substituteName} (${a.substituteOrganisation ?? ''})`);
  const guests = input.attendance.filter((a) => a.status === 'gast').map((a) => `${a.name} (${a.organisation})`);
  const fields: DocumentField[] = [{ key: 'vergaderdatum', text: dutchDate(input.meetingDate) }];
  fields.push({ key: 'aanwezig', text: [...present, ...[...new Set(substitutes)]].join(', ') });
  if (guests.length > 0) fields.push({ key: 'gasten', text: guests.join(', ') });
  input.attendance
    .filter((a) => a.status === 'afwezig' || a.status === 'vervangen')
    .forEach((a, i) =>
      fields.push({
        key: `afwezig.${i}`,
        text: a.status === 'vervangen' ? `${a.name} kan niet aanwezig zijn en wordt vervangen door ${a.substituteName} (${a.substituteOrganisation ?? ''}).` : `${a.name} (${a.organisation}) is afwezig.`,
      }),
    );
  input.approvals.forEach((line, i) => fields.push({ key: `vastgesteld.${i}`, text: line }));
  for (const it of input.items) {
    fields.push({ key: `punt.${it.number}.titel`, text: it.title });
    it.points.forEach((p, i) => fields.push({ key: `punt.${it.number}.tekst.${i}`, text: p }));
    it.decisions.forEach((d, i) => fields.push({ key: `punt.${it.number}.besluit.${i}`, text: d }));
    it.actions.forEach((a, i) =>
      fields.push({ key: `punt.${it.number}.actie.${i}`, text: `${a.description} (actiehouder: ${[a.holderOrganisation, a.holderPerson].filter(Boolean).join(', ')}; termijn ${dutchDate(a.deadline)})` }),
    );
  }
  return { title: `Verslag ${input.bodyName} ${dutchDate(input.meetingDate)}`, bodyName: input.bodyName, meetingDate: input.meetingDate, fields };
}

const esc = (t: string) => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Marks the redaction ground so it reads as such (and is found by screen readers as an abbreviation). */
function withGrounds(text: string, marker: string): string {
  return esc(text).split(esc(marker)).join(`<span class="woo-grond" title="Weggelakt op grond van artikel 5.1, tweede lid, onder e, Woo">${esc(marker)}</span>`);
}

function groupItems(fields: DocumentField[]) {
  const items = new Map<string, { title: string; lines: { kind: string; text: string }[] }>();
  for (const f of fields) {
    const m = /^punt\.(\d+)\.(titel|tekst|besluit|actie)/.exec(f.key);
    if (!m) continue;
    const it = items.get(m[1]!) ?? { title: '', lines: [] };
    if (m[2] === 'titel') it.title = f.text;
    else it.lines.push({ kind: m[2]!, text: f.text });
    items.set(m[1]!, it);
  }
  return items;
}

export function renderHtml(doc: MinutesDocument, opts: { marker?: string; published?: { on: string; sha256?: string } } = {}): string {
  const marker = opts.marker ?? '5.1.2e';
  const field = (key: string) => doc.fields.find((f) => f.key === key)?.text ?? '';
  const t = (s: string) => withGrounds(s, marker);
  const opening = doc.fields.filter((f) => f.key.startsWith('afwezig.') || f.key.startsWith('vastgesteld.'));
  const items = [...groupItems(doc.fields).entries()]
    .map(([n, it]) => {
      const lines = (n === '1' ? [...opening.map((o) => ({ kind: 'tekst', text: o.text })), ...it.lines] : it.lines)
        .map((l) => `<li>${l.kind === 'besluit' ? '<strong>Besluit:</strong> ' : l.kind === 'actie' ? '<strong>Actie:</strong> ' : ''}${t(l.text)}</li>`)
        .join('\n');
      return `<section><h2>${esc(n)}. ${t(it.title)}</h2><ul>${lines}</ul></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${esc(doc.title)}</title>
<style>body{font-family:"RijksoverheidSansText",system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#000}
dl{display:grid;grid-template-columns:10rem 1fr;gap:.25rem 1rem}dt{font-weight:bold}.woo-grond{background:#000;color:#fff;padding:0 .2em}</style></head>
<body><main>
<h1>${esc(doc.title)}</h1>
<dl><dt>Vergaderdatum</dt><dd>${t(field('vergaderdatum'))}</dd><dt>Aanwezig</dt><dd>${t(field('aanwezig'))}</dd>${field('gasten') ? `<dt>Gasten</dt><dd>${t(field('gasten'))}</dd>` : ''}</dl>
${items}
${opts.published ? `<footer><p>Gepubliceerd op ${dutchDate(opts.published.on)} op grond van de Wet open overheid. Weggelakte persoonsgegevens: grond ${esc(marker)} (artikel 5.1, tweede lid, onder e, Woo).</p></footer>` : ''}
</main></body></html>`;
}

/** The same document as PDF (text, so it can be searched and read aloud). */
export function renderPdf(doc: MinutesDocument, opts: { published?: { on: string } } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Uncompressed: the text streams stay inspectable, so a test (or an auditor) can check no redacted name is in it.
    const pdf = new PDFDocument({ size: 'A4', margin: 60, compress: false, info: { Title: doc.title, Author: doc.bodyName }, lang: 'nl-NL', tagged: true } as PDFKit.PDFDocumentOptions);
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    const field = (key: string) => doc.fields.find((f) => f.key === key)?.text ?? '';
    pdf.fontSize(16).text(doc.title);
    pdf.moveDown(0.5).fontSize(10).text(`Vergaderdatum: ${field('vergaderdatum')}`);
    pdf.text(`Aanwezig: ${field('aanwezig')}`);
    if (field('gasten')) pdf.text(`Gasten: ${field('gasten')}`);
    const opening = doc.fields.filter((f) => f.key.startsWith('afwezig.') || f.key.startsWith('vastgesteld.'));
    for (const [n, it] of groupItems(doc.fields)) {
      pdf.moveDown().fontSize(12).text(`${n}. ${it.title}`);
      const lines = n === '1' ? [...opening.map((o) => ({ kind: 'tekst', text: o.text })), ...it.lines] : it.lines;
      for (const l of lines) pdf.fontSize(10).text(`• ${l.kind === 'besluit' ? 'Besluit: ' : l.kind === 'actie' ? 'Actie: ' : ''}${l.text}`, { indent: 10 });
    }
    if (opts.published) pdf.moveDown().fontSize(8).text(`Gepubliceerd op ${dutchDate(opts.published.on)} op grond van de Wet open overheid; weggelakte persoonsgegevens: grond 5.1.2e.`);
    pdf.end();
  });
}

/**
 * The agenda and the attendance list of a meeting, as the secretariat sends them round before and files after the
 * meeting: a title, the meeting's particulars, then numbered lines (agenda) or one line per person (attendance).
 */
export interface MeetingPaper {
  title: string;
  bodyName: string;
  particulars: [string, string][];
  sections: { heading: string; lines: string[] }[];
}

export type PaperKind = 'agenda' | 'presentielijst';

export function meetingPaper(
  kind: PaperKind,
  meeting: {
    bodyName: string;
    date: string;
    place: string | null;
    agenda: { number: number; title: string; documents: { title: string; ref?: string | null }[] }[];
    attendance: { name: string; organisation: string; status: 'aanwezig' | 'afwezig' | 'vervangen' | 'gast'; substituteName: string | null }[];
  },
): MeetingPaper {
  const particulars: [string, string][] = [['Vergaderdatum', dutchDate(meeting.date)]];
  if (meeting.place) particulars.push(['Plaats', meeting.place]);
  if (kind === 'agenda') {
    return {
      title: `Agenda ${meeting.bodyName} ${dutchDate(meeting.date)}`,
      bodyName: meeting.bodyName,
      particulars,
      sections: meeting.agenda.map((i) => ({
        heading: `${i.number}. ${i.title}`,
        lines: i.documents.map((d) => `Stuk: ${d.title}${d.ref ? ` (${d.ref})` : ''}`),
      })),
    };
  }
  const status = (a: (typeof meeting.attendance)[number]) =>
    a.status === 'vervangen' ? `afwezig, vervangen door ${a.substituteName ?? 'onbekend'}` : a.status === 'gast' ? 'gast' : a.status;
  const members = meeting.attendance.filter((a) => a.status !== 'gast');
  const guests = meeting.attendance.filter((a) => a.status === 'gast');
  return {
    title: `Presentielijst ${meeting.bodyName} ${dutchDate(meeting.date)}`,
    bodyName: meeting.bodyName,
    particulars,
    sections: [
      { heading: 'Leden', lines: members.map((a) => `${a.name} (${a.organisation}): ${status(a)}`) },
      ...(guests.length > 0 ? [{ heading: 'Gasten', lines: guests.map((a) => `${a.name} (${a.organisation})`) }] : []),
    ],
  };
}

export function renderPaperHtml(paper: MeetingPaper): string {
  const sections = paper.sections
    .map((s) => `<section><h2>${esc(s.heading)}</h2>${s.lines.length > 0 ? `<ul>${s.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : ''}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${esc(paper.title)}</title>
<style>body{font-family:"RijksoverheidSansText",system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#000}
dl{display:grid;grid-template-columns:10rem 1fr;gap:.25rem 1rem}dt{font-weight:bold}</style></head>
<body><main>
<h1>${esc(paper.title)}</h1>
<dl>${paper.particulars.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
${sections}
</main></body></html>`;
}

export function renderPaperPdf(paper: MeetingPaper): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 60, compress: false, info: { Title: paper.title, Author: paper.bodyName }, lang: 'nl-NL', tagged: true } as PDFKit.PDFDocumentOptions);
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.fontSize(16).text(paper.title);
    pdf.moveDown(0.5).fontSize(10);
    for (const [k, v] of paper.particulars) pdf.text(`${k}: ${v}`);
    for (const s of paper.sections) {
      pdf.moveDown().fontSize(12).text(s.heading);
      for (const l of s.lines) pdf.fontSize(10).text(`• ${l}`, { indent: 10 });
    }
    pdf.end();
  });
}

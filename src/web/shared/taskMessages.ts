/**
 * Texts of background tasks (progress, failure, "Mijn taken"). Dutch defines the keys; English has the same shape.
 * The server's progress texts and problem details stay Dutch.
 */
export const nl = {
  progressLabel: 'Voortgang',
  status: { queued: 'wacht', running: 'bezig', done: 'klaar', failed: 'mislukt' },
  percent: (p: string) => `${p} %`,
  queued: 'De taak wacht tot de server hem oppakt…',
  running: (p: string) => `Bezig: ${p} % klaar`,
  done: 'De taak is klaar.',
  failedTitle: 'De taak is mislukt',
  failedCode: (code: string) => `Foutcode: ${code}`,
  moreProblems: (n: string) => `en nog ${n} meldingen`,
  leaveNote: 'U kunt deze pagina verlaten; de taak loopt door. U vindt hem terug onder Mijn taken.',
  pollError: 'De voortgang kon niet worden opgehaald.',
  kinds: { projectie: 'Ketenprognose', 'maandoverzicht-pdf': 'Maandoverzicht als PDF', 'realisaties-upload': 'Realisatielijst inlezen' } as Record<string, string>,
  unknownKind: (kind: string) => `Taak (${kind})`,
  page: {
    title: 'Mijn taken',
    lead: 'Langere bewerkingen die u startte: prognoses, bestanden inlezen en PDF’s maken. Ze lopen door als u een pagina verlaat; hier vindt u ze terug.',
    caption: 'Uw recente taken, nieuwste eerst',
    none: 'U hebt nog geen taken gestart.',
    task: 'Taak',
    started: 'Gestart',
    status: 'Status',
    progress: 'Voortgang',
    open: (what: string, id: string) => `${what} (taak ${id}) bekijken`,
    download: (name: string) => `${name} downloaden`,
  },
};

export type TaskMessages = typeof nl;

export const en: TaskMessages = {
  progressLabel: 'Progress',
  status: { queued: 'waiting', running: 'running', done: 'done', failed: 'failed' },
  percent: (p: string) => `${p}%`,
  queued: 'The task is waiting for the server to pick it up…',
  running: (p: string) => `Running: ${p}% done`,
  done: 'The task is done.',
  failedTitle: 'The task failed',
  failedCode: (code: string) => `Error code: ${code}`,
  moreProblems: (n: string) => `and ${n} more messages`,
  leaveNote: 'You may leave this page; the task carries on. You will find it again under My tasks.',
  pollError: 'The progress could not be fetched.',
  kinds: { projectie: 'Chain projection', 'maandoverzicht-pdf': 'Monthly overview as PDF', 'realisaties-upload': 'Reading a realisation list' },
  unknownKind: (kind: string) => `Task (${kind})`,
  page: {
    title: 'My tasks',
    lead: 'Longer operations you started: projections, reading files and making PDFs. They carry on when you leave a page; you find them again here.',
    caption: 'Your recent tasks, newest first',
    none: 'You have not started any tasks yet.',
    task: 'Task',
    started: 'Started',
    status: 'Status',
    progress: 'Progress',
    open: (what: string, id: string) => `View ${what} (task ${id})`,
    download: (name: string) => `Download ${name}`,
  },
};

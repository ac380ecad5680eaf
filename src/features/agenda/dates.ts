/**
 * "Today" where the tables sit: deadlines are calendar days in the Netherlands, so a step due on a day fires from
 * midnight Amsterdam time, not UTC. `dutchToday(new Date('2022-07-31T22:30:00Z'))` → '2022-08-01'
 */
export function dutchToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

import { describe, expect, it } from 'vitest';
import { PipelineError } from './errors.ts';
import { checkProjectStatus, checkStatusChange, isAllowedStatusChange, PROJECT_STATUSES, STATUS_TRANSITIONS, type ProjectStatus } from './statuses.ts';

const allowed = (from: ProjectStatus) => PROJECT_STATUSES.filter((to) => to !== from && isAllowedStatusChange(from, to));

describe('project statuses', () => {
  it('allows every forward move, also skipping stages', () => {
    const order: ProjectStatus[] = ['idee', 'planfase', 'vergund', 'in aanbouw', 'opgeleverd'];
    for (let i = 0; i < order.length; i++) for (let j = i + 1; j < order.length; j++) expect(isAllowedStatusChange(order[i]!, order[j]!)).toBe(true);
  });

  it('allows exactly the two one-step moves back: permit annulled and construction halted', () => {
    expect(isAllowedStatusChange('vergund', 'planfase')).toBe(true);
    expect(isAllowedStatusChange('in aanbouw', 'vergund')).toBe(true);
    expect(isAllowedStatusChange('in aanbouw', 'planfase')).toBe(false);
    expect(isAllowedStatusChange('in aanbouw', 'idee')).toBe(false);
    expect(isAllowedStatusChange('planfase', 'idee')).toBe(false);
    expect(isAllowedStatusChange('vergund', 'idee')).toBe(false);
  });

  it('makes opgeleverd and vervallen final, and lets every open status be dropped', () => {
    expect(allowed('opgeleverd')).toEqual([]);
    expect(allowed('vervallen')).toEqual([]);
    for (const s of ['idee', 'planfase', 'vergund', 'in aanbouw'] as const) expect(isAllowedStatusChange(s, 'vervallen')).toBe(true);
    expect(isAllowedStatusChange('opgeleverd', 'vervallen')).toBe(false);
    expect(isAllowedStatusChange('vervallen', 'opgeleverd')).toBe(false);
  });

  it('treats the same status as no change, also for final statuses', () => {
    for (const s of PROJECT_STATUSES) expect(isAllowedStatusChange(s, s)).toBe(true);
  });

  it('has the table and the function agree', () => {
    for (const from of PROJECT_STATUSES) expect(allowed(from)).toEqual(PROJECT_STATUSES.filter((to) => STATUS_TRANSITIONS[from].includes(to)));
  });

  it('says in Dutch why a change is refused, naming the field', () => {
    const error = (from: ProjectStatus, to: ProjectStatus) => {
      try {
        checkStatusChange(from, to);
      } catch (e) {
        expect(e).toBeInstanceOf(PipelineError);
        return { code: (e as PipelineError).code, field: (e as PipelineError).field, message: (e as PipelineError).message };
      }
      return null;
    };
    expect(error('vergund', 'in aanbouw')).toBeNull();
    expect(error('opgeleverd', 'in aanbouw')).toEqual({ code: 'statusovergang-ongeldig', field: 'status', message: 'De status kan niet van opgeleverd naar in aanbouw: opgeleverd is definitief.' });
    expect(error('planfase', 'idee')?.message).toContain('niet terug naar idee');
    expect(error('in aanbouw', 'planfase')?.message).toContain('terug kan alleen één stap');
  });

  it('refuses an unknown status', () => {
    expect(checkProjectStatus('in aanbouw')).toBe('in aanbouw');
    expect(() => checkProjectStatus('klaar')).toThrow(/kies uit idee, planfase, vergund, in aanbouw, opgeleverd, vervallen/);
    expect(() => isAllowedStatusChange('klaar' as ProjectStatus, 'idee')).toThrow(PipelineError);
  });
});

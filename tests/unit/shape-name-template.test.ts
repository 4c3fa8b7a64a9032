import { describe, expect, it } from 'vitest';
import { localDateTime, nameTemplateProblem, renderName } from '../../src/core/shape/name-template';

const startMs = Date.UTC(2021, 4, 1, 22, 5, 0);

describe('name templates', () => {
  it('fills {name}, {date}, {time} and {transport} in the zone given', () => {
    const values = { name: 'Teide loop', startMs, transport: 'Bicycle', timeZone: 'UTC' };
    expect(renderName('{date} {time} {name} ({transport})', values)).toBe(
      '2021-05-01 22:05 Teide loop (Bicycle)',
    );
  });

  it('uses local time, so a late ride can fall on the next day', () => {
    expect(localDateTime(startMs, 'Asia/Tokyo')).toEqual({ date: '2021-05-02', time: '07:05' });
    expect(localDateTime(startMs, 'America/New_York')).toEqual({
      date: '2021-05-01',
      time: '18:05',
    });
  });

  it('tidies the space an absent transport leaves', () => {
    expect(renderName('{transport} {name}', { name: 'Walk', startMs, timeZone: 'UTC' })).toBe(
      'Walk',
    );
  });

  it('accepts the known placeholders and plain text', () => {
    expect(nameTemplateProblem('{name} – {date}')).toBeUndefined();
    expect(nameTemplateProblem('Morning ride')).toBeUndefined();
  });

  it.each([
    ['{data} ride', '{data} is not a placeholder'],
    ['{Name}', '{Name} is not a placeholder'],
    ['{}', '{} is not a placeholder'],
    ['{date ride', 'not part of a placeholder'],
    ['ride}', 'not part of a placeholder'],
    ['   ', 'empty'],
  ])('refuses %j', (template, problem) => {
    expect(nameTemplateProblem(template)).toContain(problem);
  });
});

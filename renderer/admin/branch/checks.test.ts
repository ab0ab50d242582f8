import { describe, expect, it } from 'vitest';
import { choicesProblem, patrolList, rotaProblem } from './checks';

describe("the branch tab's checks", () => {
  it('reads patrol times however they are separated, with a leading zero', () => {
    expect(patrolList('11:00, 15:00')).toEqual(['11:00', '15:00']);
    expect(patrolList('9:30，14:00 16:00')).toEqual(['09:30', '14:00', '16:00']);
    expect(patrolList('  ')).toEqual([]);
  });

  it('names the first rota row without a counter, with a bad time, or ending before it starts', () => {
    const ok = { counter: '2', from: '11:30', until: '12:30', reason: 'lunch' as const };
    expect(rotaProblem([ok])).toBeNull();
    expect(rotaProblem([ok, { ...ok, counter: '' }])).toEqual({ key: 'badRow', n: 2 });
    expect(rotaProblem([{ ...ok, from: '1130' }])).toEqual({ key: 'badRow', n: 1 });
    expect(rotaProblem([ok, ok, { ...ok, from: '13:00', until: '12:00' }])).toEqual({ key: 'backwards', n: 3 });
    expect(rotaProblem([{ ...ok, until: '11:30' }])).toEqual({ key: 'backwards', n: 1 });
  });

  it('names the first kiosk choice with a bad id, no name, or no service picked', () => {
    const ok = { id: 'loans', nameZh: '贷款', nameEn: 'Loans', service: 'loans', selfService: null, fraudPrompt: false };
    expect(choicesProblem([ok])).toBeNull();
    expect(choicesProblem([ok, { ...ok, id: 'Loans' }])).toEqual({ key: 'badRow', n: 2 });
    expect(choicesProblem([{ ...ok, nameEn: ' ' }])).toEqual({ key: 'badRow', n: 1 });
    expect(choicesProblem([{ ...ok, service: '' }])).toEqual({ key: 'needService', n: 1 });
    expect(choicesProblem([{ ...ok, service: null }])).toBeNull();
  });
});

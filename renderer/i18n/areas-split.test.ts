import { describe, expect, it } from 'vitest';
import { customerAreaFiles } from './customer-areas';
import { staffAreaFiles } from './staff-areas';

const allAreaFiles = Object.keys(import.meta.glob('./areas/*.ts')).sort();
type Tree = { [key: string]: string | Tree };
const leaves = (t: Tree, prefix = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leaves(v, `${prefix}${k}.`)));

describe('the string areas split between customer and staff screens', () => {
  it('puts every area file in exactly one of the two', () => {
    const customer = Object.keys(customerAreaFiles);
    const staff = Object.keys(staffAreaFiles);
    expect(customer.filter((f) => staff.includes(f))).toEqual([]);
    expect([...customer, ...staff].sort()).toEqual(allAreaFiles);
  });

  it('defines no string in both halves, so loading the staff half never changes a customer screen', () => {
    for (const lng of ['zh-CN', 'en'] as const) {
      const customer = new Set(Object.values(customerAreaFiles).flatMap((m) => leaves(m.strings[lng] as Tree)));
      const clashes = Object.values(staffAreaFiles).flatMap((m) => leaves(m.strings[lng] as Tree)).filter((k) => customer.has(k));
      expect(clashes).toEqual([]);
    }
  });
});

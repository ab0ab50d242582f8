// What a signed-in person may read: an hq_admin every branch, a regional manager the branches
// the hq_admin gave them (office_staff_branches), read at each request (principal.ts).
//
// Another branch's drill-down is 403 `not_your_branch`, not 404 and not an empty answer:
// - not empty: an empty live view ("nobody waiting, no counters") would be a false picture of
//   a real branch, and a screen could not tell it from a quiet one;
// - not 404: the manager knows the bank's branches exist (their names are no secret inside the
//   bank); "not found" would send them, and whoever supports them, looking for a missing
//   branch instead of a missing right. And it is 403 for every ID outside their set, existing
//   or not, so the answer says nothing about which IDs exist (no oracle): only an hq_admin,
//   who may read any branch, is told 404 `unknown_branch`.
import { DomainError } from '../../common/errors.js';
import type { OfficePrincipal } from './principal.js';

/** The branch IDs `p` reads, or null for every branch. */
export function scopeOf(p: OfficePrincipal): readonly string[] | null {
  return p.grant === 'regional_manager' ? (p.branches ?? []) : null;
}

/** 403 `not_your_branch` unless `p` may read `branchId`. */
export function requireBranchInScope(p: OfficePrincipal, branchId: string): void {
  const scope = scopeOf(p);
  if (scope && !scope.includes(branchId)) {
    throw new DomainError('forbidden', 'not_your_branch', `Branch ${branchId} is not one of your branches: ask head office to add it to your set.`);
  }
}

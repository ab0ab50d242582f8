// Steps on the records screens, for records.spec.ts and the "go live" walk: answer the open
// checklist on /records, and a supervisor's signature with her PIN on /supervisor.
import { expect, type Page } from '@playwright/test';
import { DEMO_PIN } from './screens.js';

/** Answers every item of the open checklist "pass", except those given. */
export async function answerChecklist(page: Page, except: Record<string, { result: '故障' | '不适用' | null; note?: string }> = {}): Promise<void> {
  const card = page.getByTestId('checklist-card');
  const rows = card.locator('tr[data-testid^="item-"]');
  await expect(rows.first()).toBeVisible();
  const n = await rows.count();
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const id = ((await row.getAttribute('data-testid')) ?? '').slice('item-'.length);
    const special = except[id];
    if (special?.result === null) continue;
    await row.getByText(special?.result ?? '正常', { exact: true }).click();
    if (special?.note) await row.locator('input[type=text]').fill(special.note);
  }
}

/** The supervisor signs the record behind `testId` with her PIN; it then no longer awaits her. */
export async function supervisorSigns(sup: Page, testId: string, pin = DEMO_PIN): Promise<void> {
  await sup.reload();
  await sup.getByTestId(testId).first().click();
  await sup.getByTestId('sign-pin').fill(pin);
  await sup.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(sup.locator('.ant-modal .error-line')).toHaveCount(0);
  await expect(sup.getByTestId(testId)).toHaveCount(0);
}

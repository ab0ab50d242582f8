// Steps on the admin's branch tab (/admin#branch), for any spec whose admin sets up a branch
// (branch-admin.spec.ts; the "go live" walk sets up three services and four counters with
// them). Each takes the admin's page, already signed in, on any hub, and waits until the
// hub has taken the change (the table shows it), never for a time.
import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

// States, not times: on a loaded machine a screen may take longer than the default 5 s to reach one.
const expect = baseExpect.configure({ timeout: 20_000 });

export interface ServiceInput {
  code: string;
  prefix: string;
  nameZh: string;
  nameEn: string;
  targetWaitMinutes: number;
  maxWaitMinutes: number;
}

export interface CounterInput {
  counter: string;
  /** Service codes, in order of preference. */
  services: string[];
  label?: string;
}

/** The text box of a field, whether the test id sits on the input or on its wrapper (InputNumber, Select). */
function box(scope: Locator, testId: string): Locator {
  return scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** Opens the branch tab (from any tab of the admin screen). */
export async function openBranchTab(admin: Page): Promise<void> {
  await admin.getByRole('tab', { name: /网点设置|Branch/ }).click();
  await expect(admin.getByTestId('services-admin')).toBeVisible();
}

/** Fills the service form and submits it with Enter (the hub may refuse it: see addService). */
export async function submitService(admin: Page, s: ServiceInput): Promise<void> {
  const form = admin.getByTestId('service-form');
  await box(form, 'service-code').fill(s.code);
  await box(form, 'service-prefix').fill(s.prefix);
  await box(form, 'service-name-zh').fill(s.nameZh);
  await box(form, 'service-name-en').fill(s.nameEn);
  await box(form, 'service-target').fill(String(s.targetWaitMinutes));
  await box(form, 'service-max').fill(String(s.maxWaitMinutes));
  await box(form, 'service-max').press('Enter');
}

/** Adds a service through the form, submitted with Enter; waits until its row is listed and the form is cleared. */
export async function addService(admin: Page, s: ServiceInput): Promise<void> {
  await submitService(admin, s);
  await expect(admin.getByTestId('services-admin').locator(`tr[data-row-key="${s.code}"]`)).toContainText(s.prefix);
  await expect(box(admin.getByTestId('service-form'), 'service-code')).toHaveValue('');
}

/** Edits a listed service: its form fields as given, the code kept; waits for the row to show it. */
export async function editService(admin: Page, code: string, patch: Partial<Omit<ServiceInput, 'code'>>): Promise<void> {
  await admin.getByTestId(`edit-service-${code}`).click();
  const form = admin.getByTestId('service-form');
  await expect(box(form, 'service-code')).toHaveValue(code);
  if (patch.prefix) await box(form, 'service-prefix').fill(patch.prefix);
  if (patch.nameZh) await box(form, 'service-name-zh').fill(patch.nameZh);
  if (patch.nameEn) await box(form, 'service-name-en').fill(patch.nameEn);
  if (patch.targetWaitMinutes) await box(form, 'service-target').fill(String(patch.targetWaitMinutes));
  if (patch.maxWaitMinutes) await box(form, 'service-max').fill(String(patch.maxWaitMinutes));
  await form.getByTestId('save-service').click();
  const row = admin.getByTestId('services-admin').locator(`tr[data-row-key="${code}"]`);
  if (patch.targetWaitMinutes) await expect(row).toContainText(String(patch.targetWaitMinutes));
  await expect(box(form, 'service-code')).toHaveValue('');
}

/** Adds (or redefines) a counter: services picked in order by code, an optional label; waits for its row. */
export async function addCounter(admin: Page, c: CounterInput): Promise<void> {
  const form = admin.getByTestId('counter-form');
  await box(form, 'counter-number').fill(c.counter);
  const select = form.getByTestId('counter-services');
  for (const [i, code] of c.services.entries()) {
    await select.click();
    // The code typed finds exactly that service (the form's filter); Enter picks it.
    await box(form, 'counter-services').fill(code);
    await expect(admin.locator('.ant-select-item-option:visible')).toHaveCount(1);
    await box(form, 'counter-services').press('Enter');
    await expect(select).toContainText(new RegExp(`^([A-Z] · [^A-Z]+){${i + 1}}`));
  }
  await box(form, 'counter-services').press('Escape');
  await box(form, 'counter-label').fill(c.label ?? '');
  await box(form, 'counter-label').press('Enter');
  const row = admin.getByTestId('counters-admin').locator(`tr[data-row-key="${c.counter}"]`);
  await expect(row).toBeVisible();
  if (c.label) await expect(row).toContainText(c.label);
  await expect(box(form, 'counter-number')).toHaveValue('');
}

/** Sets opening and closing time and the patrols ("11:00, 15:00"), submitted with Enter. */
export async function setOpeningHours(admin: Page, h: { openingTime: string; closingTime: string; patrolTimes: string[] }): Promise<void> {
  const card = admin.getByTestId('opening-hours');
  await box(card, 'opening-time').fill(h.openingTime);
  await box(card, 'closing-time').fill(h.closingTime);
  await box(card, 'patrol-times').fill(h.patrolTimes.join(', '));
  await box(card, 'patrol-times').press('Enter');
  await expect(admin.locator('.ant-message')).toBeVisible();
}

/** Adds one row to the rota and saves it (Enter in the last box). */
export async function addRotaRow(admin: Page, row: { counter: string; from: string; until: string }): Promise<void> {
  const card = admin.getByTestId('rota-editor');
  const before = await card.getByTestId('rota-row').count();
  await card.getByTestId('rota-add').click();
  const added = card.getByTestId('rota-row').nth(before);
  await added.getByTestId('rota-counter').click();
  await box(added, 'rota-counter').fill(row.counter);
  await box(added, 'rota-counter').press('Enter');
  await box(added, 'rota-from').fill(row.from);
  await box(added, 'rota-until').fill(row.until);
  await box(added, 'rota-until').press('Enter');
}

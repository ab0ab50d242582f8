// Reusable steps of a real branch's first day, as a person does them on the screens: set the
// branch up on /setup, add staff on /admin#staff (reading the one-time PIN shown once), and a
// person's first sign-in, where the one-time PIN sets their own PIN. The "go live" walk uses
// them as they are; every step waits for a state on screen, never for a time.
import { expect, type Page } from '@playwright/test';
import { STAFF_ROLES, type StaffRole } from '../../main/common/domain.js';

export interface BranchSetup {
  code: string;
  nameZh: string;
  nameEn: string;
  openingTime?: string;
  closingTime?: string;
  staffId: string;
  name: string;
  pin: string;
}

/** Fills /setup (opened at `url`) without sending it. */
export async function fillSetup(page: Page, url: string, s: BranchSetup): Promise<void> {
  if (!page.url().endsWith('/setup')) await page.goto(`${url}/setup`);
  const form = page.getByTestId('setup-form');
  await expect(form).toBeVisible();
  await form.locator('#nameZh').fill(s.nameZh);
  await form.locator('#nameEn').fill(s.nameEn);
  if (s.openingTime) await form.locator('#openingTime').fill(s.openingTime);
  if (s.closingTime) await form.locator('#closingTime').fill(s.closingTime);
  await form.locator('#staffId').fill(s.staffId);
  await form.locator('#name').fill(s.name);
  await form.locator('#pin').fill(s.pin);
  await form.locator('#pinAgain').fill(s.pin);
  await form.locator('#code').fill(s.code);
}

/** Sets the branch up on /setup and lands, signed in as its first admin, on /admin#staff. */
export async function setUpBranch(page: Page, url: string, s: BranchSetup): Promise<void> {
  await fillSetup(page, url, s);
  // Enter sends the form, as a person at a keyboard would.
  await page.getByTestId('setup-form').locator('#code').press('Enter');
  await expect(page).toHaveURL(/\/admin#staff$/);
  await expect(page.getByTestId('staff-admin')).toBeVisible();
}

/** Adds a staff member on the admin's staff tab; resolves with the one-time PIN, shown once. */
export async function addStaff(admin: Page, person: { staffId: string; name: string; role: StaffRole }, keepPinOpen = false): Promise<string> {
  if (!admin.url().endsWith('#staff')) {
    await admin.getByRole('tab', { name: /员工|Staff/ }).click();
  }
  const form = admin.getByTestId('add-staff-form');
  await form.locator('#staffId').fill(person.staffId);
  await form.locator('#name').fill(person.name);
  await form.getByTestId('add-staff-role').click();
  await admin.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(STAFF_ROLES.indexOf(person.role)).click();
  await form.getByTestId('add-staff').click();
  const shown = admin.getByTestId('one-time-pin');
  await expect(shown).toHaveText(/^\d{6}$/);
  const pin = (await shown.textContent())!.trim();
  if (!keepPinOpen) await closeOneTimePin(admin);
  await expect(admin.getByTestId(`staff-row-${person.staffId}`)).toBeVisible();
  return pin;
}

export async function closeOneTimePin(admin: Page): Promise<void> {
  // On a loaded machine a click during the dialog's opening animation has been lost (the dialog
  // stayed open for 15 s in a full run); a person would click again, and so does this.
  await expect(async () => {
    const done = admin.getByTestId('one-time-done');
    if (await done.isVisible()) await done.click({ timeout: 5000 });
    await expect(admin.getByTestId('one-time-pin')).toBeHidden({ timeout: 3000 });
  }).toPass({ timeout: 20_000 });
}

/** Types the one-time PIN at a screen's sign-in and reaches the form that sets one's own PIN. */
export async function startFirstSignIn(page: Page, staffId: string, oneTimePin: string): Promise<void> {
  const login = page.getByTestId('login-form');
  await login.locator('input[name=staffId]').fill(staffId);
  await login.locator('input[name=pin]').fill(oneTimePin);
  await login.locator('input[name=pin]').press('Enter');
  await expect(page.getByTestId('first-pin-form')).toBeVisible();
}

/** A person's first sign-in: the one-time PIN, then their own PIN twice; signed in with it. */
export async function firstSignIn(page: Page, staffId: string, oneTimePin: string, newPin: string): Promise<void> {
  await startFirstSignIn(page, staffId, oneTimePin);
  const form = page.getByTestId('first-pin-form');
  await form.locator('input[name=newPin]').fill(newPin);
  await form.locator('input[name=newPinAgain]').fill(newPin);
  await form.locator('input[name=newPinAgain]').press('Enter');
  await expect(form).toBeHidden();
  await expect(page.getByTestId('login-form')).toBeHidden();
  await expect(page.getByTestId('change-pin')).toBeVisible();
}

/** "Change my PIN" on a staff screen: the current PIN, then the new one twice. */
export async function changeOwnPin(page: Page, pin: string, newPin: string): Promise<void> {
  await page.getByTestId('change-pin').click();
  const form = page.getByTestId('change-pin-form');
  await form.locator('#pin').fill(pin);
  await form.locator('#newPin').fill(newPin);
  await form.locator('#again').fill(newPin);
  await form.locator('#again').press('Enter');
  await expect(form).toBeHidden();
}

// Small page helpers for the antd UI: menu navigation (side menu or phone drawer), selects,
// waiting for texts. Vitest's expect does not auto-wait, so waits use locators and expect.poll.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { en, t } from './i18n';

/** The main navigation landmark, in whichever language the UI is showing. */
export const mainNav = (page: Page) =>
  page
    .getByRole('navigation', { name: new RegExp(`^(${t('nav.main')}|${en('nav.main')})$`) })
    .filter({ visible: true });

/** Waits for the signed-in layout (its header) so phone/desktop navigation can be told apart. */
async function layoutReady(page: Page): Promise<void> {
  await page.getByTestId('user-menu').waitFor();
}

/** Opens a page from the main menu; on phones the menu sits in a drawer behind the hamburger. */
export async function openFromMenu(page: Page, label: string): Promise<void> {
  await layoutReady(page);
  const hamburger = page.getByTestId('nav-open');
  const phone = await hamburger.isVisible();
  if (phone) await hamburger.click();
  await mainNav(page).getByRole('link', { name: label }).click();
  // on a phone the drawer closes after navigation
  await expect.poll(() => mainNav(page).count(), { timeout: 5000 }).toBe(phone ? 0 : 1);
}

/** Labels of the visible main-menu entries (opening the phone drawer if needed, then closing it). */
export async function menuLabels(page: Page): Promise<string[]> {
  await layoutReady(page);
  const hamburger = page.getByTestId('nav-open');
  const phone = await hamburger.isVisible();
  if (phone) await hamburger.click();
  const nav = mainNav(page);
  await nav.getByRole('link').first().waitFor();
  // An entry's name without its badge count (data-menu-label holds the label text).
  const labels = await nav
    .getByRole('link')
    .evaluateAll((items) =>
      items.map((i) => ((i.querySelector('[data-menu-label]') ?? i) as HTMLElement).innerText.trim()),
    );
  if (phone) await page.keyboard.press('Escape');
  return labels;
}

/**
 * Picks `optionText` in an antd Select. `combobox` is the select's input (find it by its label);
 * searchable selects get the text typed in first, so long lists need no scrolling.
 */
export async function chooseOption(
  page: Page,
  combobox: Locator,
  optionText: string,
  { search = true } = {},
): Promise<void> {
  // The selected value is drawn over the input and takes the click: click the select's box.
  const select = combobox.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const chosen = select.locator('.ant-select-selection-item', { hasText: optionText });
  // A multi-select toggles an option per click, so only a single select is checked and retried.
  const multiple = (await select.getAttribute('class'))?.includes('ant-select-multiple');
  // On a loaded machine a click can land while the dropdown is still sliding in and select
  // nothing: check that the select shows the option and try again.
  for (let attempt = 0; ; attempt++) {
    await select.click();
    if (search) await combobox.fill(optionText);
    const option = dropdown.locator('.ant-select-item-option', { hasText: optionText }).first();
    await option.click();
    await dropdown.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
    if (multiple || attempt >= 2) return;
    // The choice may rename or remove the select itself (the language switch relabels it).
    if ((await select.count()) === 0 || (await chosen.count()) > 0) return;
    await page.keyboard.press('Escape');
  }
}

/** Waits until the locator's trimmed text equals `text`. */
export async function expectText(locator: Locator, text: string, timeout = 15_000): Promise<void> {
  await expect
    .poll(async () => ((await locator.count()) ? (await locator.first().innerText()).trim() : '<absent>'), { timeout })
    .toBe(text);
}

/** Waits until the locator's attribute equals `value`. */
export async function expectAttr(locator: Locator, name: string, value: string, timeout = 15_000): Promise<void> {
  await expect.poll(() => locator.first().getAttribute(name), { timeout }).toBe(value);
}

/**
 * Waits until the antd dialog around `content` is open and has finished zooming in. The zoom grows the
 * dialog out of the spot that was clicked to open it, so during it the footer buttons move under a
 * fixed pointer: a click there can press on one element and release on another, and the browser then
 * clicks neither (Playwright checks only where the press lands). Nothing happens and nothing fails.
 */
export async function dialogOpen(content: Locator): Promise<void> {
  await content.waitFor();
  await expect
    .poll(
      () =>
        content.evaluate((el) => {
          const dialog = el.closest('.ant-modal');
          // rc-motion's classes stay on until the zoom ends; before it starts (…-appear-start) nothing animates yet
          return !!dialog && !/-(appear|enter)\b/.test(dialog.className) && dialog.getAnimations().length === 0;
        }),
      { timeout: 10_000 },
    )
    .toBe(true);
}

/** Navigates and waits for the page's heading (every page has exactly one <h1>). */
export async function gotoPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
}

/**
 * Sets an antd DatePicker (`input` is its text box, e.g. by test id or label) to `text` in the picker's own
 * format ("2026-12-07", "2026-12" for a month picker, "2026-12-07 11:29" with a time): typed in and
 * confirmed with Enter, then checked, so a value the picker refused (a disabled date) fails here.
 */
export async function pickDate(page: Page, input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await expect.poll(() => input.inputValue(), { timeout: 5_000 }).toBe(text);
  // Enter closes a date popup, and a date-time one once the typed value is valid; one that stays open waits
  // for its OK button. Never Escape: it would close a dialog. (Clicking OK while the popup faded out after
  // Enter waited out the 20-second action time-out for a button that was going away.)
  const popup = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  const ok = popup.locator('.ant-picker-ok button').first();
  const closed = () =>
    expect
      .poll(() => popup.count(), { timeout: 2_000 })
      .toBe(0)
      .then(
        () => true,
        () => false,
      );
  if (!(await closed()) && (await ok.isVisible().catch(() => false)))
    await ok.click({ timeout: 2_000 }).catch(() => undefined);
  await expect
    .poll(() => popup.count(), { timeout: 3_000 })
    .toBe(0)
    .catch(() => undefined);
  expect(await input.inputValue()).toBe(text);
}

/** Picks the option whose text is exactly `text` (a search for 登录 also lists 退出登录). */
export async function pickExact(page: Page, combobox: Locator, text: string): Promise<void> {
  await combobox.click();
  await combobox.fill(text);
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown
    .locator('.ant-select-item-option')
    .filter({ has: page.getByText(text, { exact: true }) })
    .first()
    .click();
  await dropdown.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
}

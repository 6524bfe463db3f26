// The holiday data page (/admin/holidays) at 390 px, in Chinese and in English: axe-core finds no
// serious/critical violation and nothing scrolls sideways — the admin's editor with a row being
// entered (nothing is saved) and the service manager's read-only view.
import { describe, test } from 'vitest';
import { pageAudit } from './support/a11y';
import { useBrowser } from './support/browser';
import type { Lang } from './support/i18n';
import { t } from './support/i18n';
import { expectText, gotoPage } from './support/ui';

const LANGS: Lang[] = ['zh-CN', 'en'];

describe('holiday data page: axe and the 390 px layout', () => {
  const session = useBrowser({ closeAfterEach: true });
  const { open, check } = pageAudit(session, 'holidays');

  for (const lang of LANGS) {
    test(`/admin/holidays (${lang}) as the system admin, editing`, async () => {
      const page = await open('admin', lang);
      await gotoPage(page, '/admin/holidays');
      await expectText(page.locator('h1'), t('holidays.title', {}, lang));
      await page.getByTestId('holiday-source').waitFor();
      await page.getByTestId('holidays-add').click();
      await page.getByTestId('workdays-add').click();
      await check(page, '/admin/holidays editor');
    });

    test(`/admin/holidays (${lang}) as the service manager, read-only`, async () => {
      const page = await open('manager', lang);
      await gotoPage(page, '/admin/holidays');
      await page.getByTestId('holiday-source').waitFor();
      await page.getByText(t('holidays.readOnly', {}, lang)).waitFor();
      await check(page, '/admin/holidays read-only');
    });
  }
});

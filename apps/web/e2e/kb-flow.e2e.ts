// O&M knowledge base (运维知识库, R25) on a desktop: the engineer writes a customer-facing article for project A
// (title with 打印机, a Markdown body with headings), previews and publishes it, uploads an attachment, and finds it
// by full-text search with a 2-character Chinese query (打印), a longer one (打印机无法) and an English word;
// cust_a typing a fault title with 打印机 in 报修 sees it suggested (opening in a new tab); a ticket resolved
// through the API gets "生成知识草稿" on its page: the draft opens in the editor, is revised and saved (version 2
// in the history, version 1 viewable), and the published article is linked to the ticket with "关联知识文章".
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { login } from './support/auth';
import { DESKTOP, useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { PROJECT_A } from './support/tickets';
import { chooseOption, expectAttr, expectText, openFromMenu } from './support/ui';

interface ApiArticle {
  id: string;
  status: string;
  version: number;
  visibility: string;
  projectId: string | null;
  attachments: { id: string; fileName: string }[];
  tickets: { ticketId: string; kind: string }[];
  versions: { version: number; note: string }[];
}

describe('knowledge base: write, publish, search, suggest while reporting, draft from a resolved ticket', () => {
  const session = useBrowser();
  const step = flowSteps();
  const run = Date.now().toString(36);
  const word = `spooler${run}`;
  const title = `打印机无法联网打印的处理 ${run}`;
  const body = `# 故障现象\n\n打印机面板显示 offline，无法打印。\n\n## 处理步骤\n\n1. 重启 **${word}** 服务\n2. 重新安装驱动\n\n<script>window.__kbXss = 1</script>\n`;
  let engineer: Page;
  let articleId: string;
  let ticketId: string;
  let draftId: string;
  const article = (id: string) => apiCall<ApiArticle>(engineer, 'GET', `/kb/articles/${id}`);

  /** Searches /kb with `q` and expects the article among the results. */
  async function searchFinds(q: string): Promise<void> {
    const box = engineer.getByRole('searchbox', { name: t('kb.search') });
    await box.fill(q);
    await box.press('Enter');
    await engineer.waitForURL((u) => u.searchParams.get('q') === q);
    await engineer.getByTestId('kb-search-info').waitFor();
    await engineer.locator(`[data-testid=kb-result][data-article-id="${articleId}"]`).waitFor();
  }

  step(
    'the engineer writes a customer-facing article for project A, previews the Markdown and publishes it',
    async () => {
      engineer = await session.newPage('engineer', DESKTOP);
      await login(engineer, 'engineer');
      await openFromMenu(engineer, t('kb.nav'));
      await engineer.waitForURL(/\/kb$/);
      await expectText(engineer.locator('h1'), t('kb.title'));
      await engineer.getByTestId('kb-new').click();
      await engineer.waitForURL(/\/kb\/new$/);
      const form = engineer.getByTestId('kb-editor');
      await form.getByLabel(t('kb.field.title')).fill(title);
      const tags = form.getByRole('combobox', { name: t('kb.field.tags') });
      for (const tag of ['打印机', `net${run}`]) {
        await tags.fill(tag);
        await tags.press('Enter');
      }
      await form.getByTestId('kb-visibility-customer').click();
      await chooseOption(engineer, form.getByRole('combobox', { name: t('kb.project') }), PROJECT_A);
      await form.getByTestId('kb-status-published').click();
      await form.getByTestId('kb-body-input').fill(body);
      await form.getByTestId('kb-preview-toggle').click();
      await form.getByTestId('kb-preview').getByRole('heading', { level: 2, name: '故障现象' }).waitFor();
      await form.getByTestId('kb-preview').getByRole('heading', { level: 3, name: '处理步骤' }).waitFor();
      await form.getByTestId('kb-save').click();
      await engineer.waitForURL(/\/kb\/articles\/[^/]+$/);
      const view = engineer.getByTestId('kb-article');
      await expectAttr(view, 'data-status', 'published');
      articleId = (await view.getAttribute('data-article-id'))!;
      await expectText(engineer.locator('h1'), title);
      const rendered = engineer.getByTestId('kb-body');
      await rendered.getByRole('heading', { level: 2, name: '故障现象' }).waitFor();
      await expectText(rendered.locator('strong'), word);
      // raw HTML is neither rendered nor run
      expect(await rendered.locator('script').count()).toBe(0);
      expect(await engineer.evaluate(() => (window as unknown as { __kbXss?: number }).__kbXss)).toBeUndefined();
      await expectText(view.getByTestId('kb-visibility'), t('kb.visibility.customer'));
      const saved = await article(articleId);
      expect(saved).toMatchObject({
        status: 'published',
        visibility: 'customer',
        projectId: await projectIdByName(engineer, PROJECT_A),
        version: 1,
      });
    },
  );

  step('the engineer uploads an attachment on the edit page; the article offers it for download', async () => {
    await engineer.getByTestId('kb-edit').click();
    await engineer.waitForURL(/\/kb\/articles\/[^/]+\/edit$/);
    await engineer
      .getByTestId('kb-upload-input')
      .setInputFiles({ name: 'driver-notes.txt', mimeType: 'text/plain', buffer: Buffer.from(`驱动说明 ${run}`) });
    await engineer
      .getByTestId('kb-attachments-editor')
      .getByTestId('kb-attachment')
      .filter({ hasText: 'driver-notes.txt' })
      .waitFor();
    await engineer.getByRole('link', { name: t('common.back') }).click();
    await engineer.waitForURL(/\/kb\/articles\/[^/]+$/);
    const link = engineer.getByTestId('kb-attachment-link').filter({ hasText: 'driver-notes.txt' });
    await link.waitFor();
    const r = await engineer.request.get((await link.getAttribute('href'))!);
    expect(r.status()).toBe(200);
    expect((await r.body()).toString('utf8')).toBe(`驱动说明 ${run}`);
  });

  step('search finds it with 打印 (2 Chinese characters), 打印机无法 and an English word', async () => {
    await engineer.getByTestId('kb-back').click();
    await engineer.waitForURL(/\/kb$/);
    await searchFinds('打印');
    await searchFinds('打印机无法');
    await searchFinds(word);
    // the tag chip filters the newest-first list
    await engineer.getByRole('searchbox', { name: t('kb.search') }).fill('');
    await engineer.getByRole('searchbox', { name: t('kb.search') }).press('Enter');
    await engineer.waitForURL((u) => !u.searchParams.get('q'));
    await engineer
      .locator(`[data-testid=kb-result][data-article-id="${articleId}"]`)
      .getByRole('button', { name: t('kb.filterByTag', { tag: `net${run}` }) })
      .click();
    await engineer.waitForURL((u) => u.searchParams.get('tag') === `net${run}`);
    await expect.poll(() => engineer.getByTestId('kb-result').count()).toBe(1);
  });

  step('cust_a typing a fault title with 打印机 in 报修 sees the article suggested, opening in a new tab', async () => {
    const cust = await session.newPage('cust_a', DESKTOP);
    await login(cust, 'cust_a');
    await openFromMenu(cust, t('nav.report'));
    await cust.waitForURL(/\/portal\/report$/);
    await cust.getByTestId('report-title').pressSequentially('办公室打印机无法打印', { delay: 30 });
    const suggestion = cust.locator(`[data-testid=kb-suggestion][data-article-id="${articleId}"]`);
    await suggestion.waitFor();
    const link = suggestion.getByTestId('kb-suggestion-link');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    await expectText(cust.getByTestId('kb-suggest').locator('h2'), t('kb.suggest.title'));
    // the customer reads the published article, without staff actions
    const [tab] = await Promise.all([cust.context().waitForEvent('page'), link.click()]);
    await tab.getByTestId('kb-article').waitFor();
    await tab.getByTestId('kb-body').getByRole('heading', { name: '处理步骤' }).waitFor();
    expect(await tab.getByTestId('kb-edit').count()).toBe(0);
    await tab.close();
  });

  step('a resolved ticket: "生成知识草稿" opens the draft in the editor; the revision is version 2', async () => {
    const dispatcher = await session.newPage('dispatcher', DESKTOP);
    await login(dispatcher, 'dispatcher');
    const projectId = await projectIdByName(engineer, PROJECT_A);
    const me = await apiCall<{ id: string }>(engineer, 'GET', '/auth/me');
    const tk = await apiCall<{ id: string }>(dispatcher, 'POST', '/tickets', {
      projectId,
      title: `三楼打印机脱机 ${run}`,
      description: '打印任务卡住',
      level: 3,
      channel: 'phone',
      reporterName: '陈科员',
      reporterPhone: '13800000000',
    });
    ticketId = tk.id;
    await apiCall(dispatcher, 'POST', `/tickets/${ticketId}/actions`, { action: 'dispatch', assigneeId: me.id });
    await apiCall(engineer, 'POST', `/tickets/${ticketId}/actions`, {
      action: 'arrival_not_needed',
      reason: '远程处理',
    });
    await apiCall(engineer, 'POST', `/tickets/${ticketId}/actions`, {
      action: 'resolve',
      solution: `清空打印队列并重启 ${word} 服务后恢复。`,
      faultCause: 'non_human',
    });

    await engineer.goto(`/tickets/${ticketId}`);
    const panel = engineer.getByTestId('ticket-kb');
    await panel.waitFor();
    await expectText(panel.getByTestId('ticket-kb-draft'), t('kb.ticket.draft'));
    await panel.getByTestId('ticket-kb-draft').click();
    await engineer.waitForURL(/\/kb\/articles\/[^/]+\/edit$/);
    const editor = engineer.getByTestId('kb-editor');
    await engineer.getByTestId('kb-draft-hint').waitFor();
    draftId = (await editor.getAttribute('data-article-id'))!;
    const draft = await article(draftId);
    expect(draft).toMatchObject({ status: 'draft', version: 1 });
    expect(draft.tickets).toContainEqual(expect.objectContaining({ ticketId, kind: 'created_from' }));
    const bodyInput = editor.getByTestId('kb-body-input');
    expect(await bodyInput.inputValue()).toContain(word);
    await bodyInput.fill(`${await bodyInput.inputValue()}\n\n## 预防措施\n\n定期清理打印队列。\n`);
    await editor.getByLabel(t('kb.field.note')).fill('补充预防措施');
    await editor.getByTestId('kb-save').click();
    await engineer.waitForURL(/\/kb\/articles\/[^/]+$/);
    const view = engineer.getByTestId('kb-article');
    await expectAttr(view, 'data-version', '2');
    await engineer.getByTestId('kb-body').getByRole('heading', { name: '预防措施' }).waitFor();
    const v2 = engineer.locator('[data-testid=kb-version][data-version="2"]');
    await v2.waitFor();
    await expectText(v2.getByTestId('kb-version-note'), '补充预防措施');
    await expectText(v2.locator('.ant-list-item-action'), t('kb.currentVersion'));
    await engineer.locator('[data-testid=kb-version][data-version="1"]').getByTestId('kb-version-view').click();
    const old = engineer.getByTestId('kb-version-dialog');
    await expectAttr(old, 'data-version', '1');
    await old.getByTestId('kb-version-body').waitFor();
    expect(await old.getByTestId('kb-version-body').innerText()).not.toContain('预防措施');
    await engineer
      .getByRole('dialog')
      .getByRole('button', { name: t('kb.close') })
      .click();
    await old.waitFor({ state: 'detached' });
    expect((await article(draftId)).versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  step('"关联知识文章" links the published article to the ticket; both show on the ticket page', async () => {
    await engineer.goto(`/tickets/${ticketId}`);
    const panel = engineer.getByTestId('ticket-kb');
    await panel.locator(`[data-testid=ticket-kb-article][data-article-id="${draftId}"]`).waitFor();
    await panel.getByTestId('ticket-kb-link').click();
    const dialog = engineer.getByRole('dialog').filter({ has: engineer.getByTestId('ticket-kb-link-dialog') });
    await dialog.waitFor();
    const pick = dialog.getByRole('combobox', { name: t('kb.ticket.pick') });
    await pick.click();
    await pick.fill('打印机无法');
    const option = engineer.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: title,
    });
    await option.waitFor();
    await expect
      .poll(() =>
        engineer.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').count(),
      )
      .toBe(1);
    // Read the option before choosing it: the list closes at once (reduced motion, no closing animation).
    const optionText = (await option.innerText()).trim();
    await pick.press('Enter');
    await expectText(dialog.locator('.ant-select-selection-item'), optionText);
    await dialog.getByTestId('ticket-kb-link-ok').click();
    await dialog.waitFor({ state: 'detached' });
    await expectAttr(
      panel.locator(`[data-testid=ticket-kb-article][data-article-id="${articleId}"]`),
      'data-kind',
      'solved_by',
    );
    expect((await article(articleId)).tickets).toContainEqual(expect.objectContaining({ ticketId, kind: 'solved_by' }));
  });
});

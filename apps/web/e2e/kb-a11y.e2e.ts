// The knowledge base pages (运维知识库, R25) at 390 px, in Chinese and in English: axe-core finds no serious/critical
// violation and nothing scrolls sideways — the search page with results and a tag filter, the category dialog, an
// article (Markdown with a code block, a table and a long URL; attachments, linked tickets, history) and an old
// version's dialog, the editor in write and preview mode, a ticket's knowledge panel and its link dialog, as the
// manager; as cust_a the search page, the article and the suggestions under 报修's title.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { pageAudit } from './support/a11y';
import { apiLogin } from './support/auth';
import { PHONE, useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import { PROJECT_A } from './support/tickets';
import { gotoPage } from './support/ui';

describe('knowledge base pages: axe and the 390 px layout', () => {
  const session = useBrowser({ closeAfterEach: true });
  const run = Date.now().toString(36);
  const title = `交换机端口频繁抖动的排查方法 ${run}`;
  let articleId: string;
  let ticketId: string;

  const { open, check } = pageAudit(session, 'kb');

  async function closeDialog(page: Page, testId: string): Promise<void> {
    await page.keyboard.press('Escape');
    await page.getByTestId(testId).waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    const manager = await session.newPage('setup-manager', PHONE);
    await apiLogin(manager, 'manager');
    const projectId = await projectIdByName(manager, PROJECT_A);
    const categories = await apiCall<{ id: string; name: string }[]>(manager, 'GET', '/kb/categories');
    const category =
      categories[0] ?? (await apiCall<{ id: string }>(manager, 'POST', '/kb/categories', { name: `网络设备 ${run}` }));
    const body = [
      '# 现象',
      '',
      '端口 up/down 反复切换，日志出现 `%LINK-3-UPDOWN`。',
      '',
      '## 排查',
      '',
      '1. 检查光模块',
      '2. 查看端口计数器：',
      '',
      '```',
      'display interface GigabitEthernet0/0/1 | include CRC|error|discard|broadcast|multicast',
      '```',
      '',
      '| 项目 | 正常值 | 说明 |',
      '| --- | --- | --- |',
      '| CRC | 0 | 非零时更换跳线 |',
      '',
      `参考：https://support.example.com/knowledge/switches/port-flapping/troubleshooting-guide-${run}-very-long-url-without-breaks`,
      '',
      '> 注意：不要在业务高峰期重启设备。',
    ].join('\n');
    const a = await apiCall<{ id: string }>(manager, 'POST', '/kb/articles', {
      title,
      body,
      categoryId: category.id,
      tags: ['交换机', 'network', `flap${run}`],
      visibility: 'customer',
      projectId,
      status: 'published',
    });
    articleId = a.id;
    await apiCall(manager, 'PATCH', `/kb/articles/${articleId}`, {
      body: `${body}\n\n## 预防\n\n定期巡检光功率。`,
      note: '补充预防措施',
    });
    const me = await manager.request.get('/api/v1/auth/me');
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const r = await manager.request.post(`/api/v1/kb/articles/${articleId}/attachments`, {
      headers: { 'x-csrf-token': csrfToken },
      multipart: { file: { name: 'port-counters-export.txt', mimeType: 'text/plain', buffer: Buffer.from('CRC 0') } },
    });
    expect(r.ok(), await r.text()).toBe(true);
    // a ticket on project A, resolved with a solution, linked to the article
    const engineers = await apiCall<{ id: string; username: string }[]>(
      manager,
      'GET',
      `/projects/${projectId}/assignees`,
    );
    const engineerId = engineers.find((u) => u.username === 'engineer')!.id;
    const tk = await apiCall<{ id: string }>(manager, 'POST', '/tickets', {
      projectId,
      title: `核心交换机端口抖动 ${run}`,
      description: '端口反复 up/down',
      level: 3,
      channel: 'phone',
      reporterName: '陈科员',
      reporterPhone: '13800000000',
    });
    ticketId = tk.id;
    await apiCall(manager, 'POST', `/tickets/${ticketId}/actions`, { action: 'dispatch', assigneeId: engineerId });
    const engineer = await session.newPage('setup-engineer', PHONE);
    await apiLogin(engineer, 'engineer');
    await apiCall(engineer, 'POST', `/tickets/${ticketId}/actions`, {
      action: 'arrival_not_needed',
      reason: '远程处理',
    });
    await apiCall(engineer, 'POST', `/tickets/${ticketId}/actions`, {
      action: 'resolve',
      solution: '更换光模块后恢复。',
      faultCause: 'non_human',
    });
    await apiCall(engineer, 'POST', `/kb/articles/${articleId}/links`, { ticketId, kind: 'solved_by' });
    await manager.context().close();
    await engineer.context().close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    test(`manager at 390 px (${lang}): search, categories, article, version, editor, ticket panel`, async () => {
      const page = await open('manager', lang);
      await gotoPage(page, `/kb?tag=${encodeURIComponent(`flap${run}`)}`);
      await page.locator(`[data-testid=kb-result][data-article-id="${articleId}"]`).waitFor();
      await check(page, '/kb with a tag filter');
      await gotoPage(page, `/kb?q=${encodeURIComponent('交换机端口')}`);
      await page.locator(`[data-testid=kb-result][data-article-id="${articleId}"]`).waitFor();
      await check(page, '/kb search results');
      await page.getByTestId('kb-categories-open').click();
      await page.getByTestId('kb-category-item').first().waitFor();
      await check(page, 'category dialog');
      await closeDialog(page, 'kb-category-dialog');

      await gotoPage(page, `/kb/articles/${articleId}`);
      await page.getByTestId('kb-body').waitFor();
      await page.getByTestId('kb-ticket').first().waitFor();
      await check(page, 'article');
      await page.locator('[data-testid=kb-version][data-version="1"]').getByTestId('kb-version-view').click();
      await page.getByTestId('kb-version-body').waitFor();
      await check(page, 'old version dialog');
      await closeDialog(page, 'kb-version-dialog');

      await page.getByTestId('kb-edit').click();
      await page.waitForURL(/\/edit$/);
      await page.getByTestId('kb-body-input').waitFor();
      await check(page, 'editor');
      await page.getByTestId('kb-preview-toggle').click();
      await page.getByTestId('kb-preview').waitFor();
      await check(page, 'editor preview');
      await gotoPage(page, '/kb/new');
      await page.getByTestId('kb-visibility-customer').click();
      await page.getByTestId('kb-project').waitFor();
      await check(page, 'new article');

      await gotoPage(page, `/tickets/${ticketId}`);
      await page.locator(`[data-testid=ticket-kb-article][data-article-id="${articleId}"]`).waitFor();
      await page.getByTestId('ticket-kb').scrollIntoViewIfNeeded();
      await check(page, 'ticket with its knowledge panel');
      await page.getByTestId('ticket-kb-link').click();
      await page.getByTestId('ticket-kb-link-dialog').waitFor();
      await check(page, 'link article dialog');
    });

    test(`cust_a at 390 px (${lang}): search, the article, suggestions while reporting`, async () => {
      const page = await open('cust_a', lang);
      await gotoPage(page, '/kb');
      await page.locator(`[data-testid=kb-result][data-article-id="${articleId}"]`).waitFor();
      expect(await page.getByTestId('kb-new').count()).toBe(0);
      await check(page, '/kb (customer)');
      await gotoPage(page, `/kb/articles/${articleId}`);
      await page.getByTestId('kb-body').waitFor();
      expect(await page.getByTestId('kb-edit').count()).toBe(0);
      await check(page, 'article (customer)');
      await gotoPage(page, '/portal/report');
      await page.getByTestId('report-title').fill('交换机端口抖动');
      await page.locator(`[data-testid=kb-suggestion][data-article-id="${articleId}"]`).waitFor();
      await check(page, '报修 with suggestions');
    });
  }
});

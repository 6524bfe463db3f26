// A returned O&M record: the lead returns it with a reason, the engineer sees the reason, edits and
// resubmits; the lead then ticks it in 待办 and signs it together (batch signing) — on a desktop.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { login } from './support/auth';
import { useBrowser } from './support/browser';
import {
  ensureCheckedOut,
  expectRecordStatus,
  openRecordsTab,
  recordAction,
  recordRow,
  signInDialog,
  waitClosedOrError,
} from './support/fieldwork';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { CUSTOMER_A, PROJECT_A } from './support/tickets';
import { chooseOption, dialogOpen, expectAttr, expectText, gotoPage } from './support/ui';

describe('a returned O&M record goes back to its author, is fixed and resubmitted', () => {
  const session = useBrowser();
  const step = flowSteps();
  let engineer: Page;
  let lead: Page;
  let record: { id: string; number: string };
  const suffix = Date.now().toString(36);
  const reason = `处理结果未写明恢复时间，请补充 ${suffix}`;
  const fixedResult = `14:20 恢复服务，监控确认正常 ${suffix}`;

  step(
    '赵工 (engineer2) checks in, writes the record from the on-site page with a headcount override, checks out, submits',
    async () => {
      engineer = await session.newPage('engineer2');
      await login(engineer, 'engineer2');
      await ensureCheckedOut(engineer);
      await gotoPage(engineer, '/field');
      const form = engineer.locator('form').filter({ has: engineer.getByTestId('check-in-submit') });
      await chooseOption(
        engineer,
        form.getByRole('combobox', { name: t('field.project') }),
        `${PROJECT_A} (${CUSTOMER_A})`,
      );
      await form.getByLabel(t('field.location')).fill(`数据中心 B 区 ${suffix}`);
      await form.getByRole('switch', { name: t('field.useGeo') }).click(); // no position this time
      await form.getByTestId('check-in-submit').click();
      const current = engineer.getByTestId('current-visit');
      await current.waitFor();
      const visitId = (await current.getAttribute('data-visit-id'))!;

      // "填写运维记录" carries the project and the visit over
      await engineer.getByTestId('write-record').click();
      await engineer.waitForURL(/\/records\/new\?/);
      const editor = engineer.locator('form').filter({ has: engineer.getByTestId('record-save') });
      await expect
        .poll(() => editor.locator(`[data-testid=visit-option][data-visit-id="${visitId}"]`).isChecked())
        .toBe(true);
      await expect.poll(() => editor.getByTestId('record-service-start-input').inputValue()).not.toBe('');
      await editor.getByTestId('record-kind-visit').click();
      await editor.getByLabel(t('record.content')).fill(`更换故障硬盘并重建阵列 ${suffix}`);
      await editor.getByLabel(t('record.result')).fill('已恢复');
      await editor.getByRole('switch', { name: t('record.overrideHeadcount') }).click();
      await editor.getByLabel(t('record.headcount'), { exact: true }).fill('2');
      await editor.getByLabel(t('record.headcountReason')).fill('厂商工程师陪同，未签到');
      await editor.getByTestId('record-save').click();
      await engineer.waitForURL(/\/records\/[^/?]+$/);
      await expectRecordStatus(engineer, 'draft');
      const detail = engineer.getByTestId('record-detail');
      record = {
        id: (await detail.getAttribute('data-record-id'))!,
        number: (await engineer.getByTestId('record-number').innerText()).trim(),
      };
      const headcount = engineer.getByTestId('record-headcount');
      await headcount.getByText('厂商工程师陪同，未签到', { exact: false }).waitFor();
      expect((await headcount.innerText()).trim().startsWith('2')).toBe(true);

      await gotoPage(engineer, '/field');
      await engineer.getByTestId('check-out').click();
      const checkOut = engineer.getByTestId('check-out-modal');
      await dialogOpen(checkOut);
      await engineer.getByTestId('check-out-confirm').click();
      await waitClosedOrError(engineer, checkOut, 'check-out');
      await engineer.getByTestId('check-in-submit').waitFor();

      await gotoPage(engineer, `/records/${record.id}`);
      await recordAction(engineer, 'submit');
      await expectRecordStatus(engineer, 'submitted');
    },
  );

  step('刘处长 (lead_a) returns it with a reason', async () => {
    lead = await session.newPage('lead_a');
    await login(lead, 'lead_a');
    await gotoPage(lead, '/records?todo=true');
    const row = await recordRow(lead, record.number);
    await row.getByTestId('record-link').click();
    await expectRecordStatus(lead, 'submitted');
    await recordAction(lead, 'reject', reason);
    await expectRecordStatus(lead, 'rejected');
    await lead.getByTestId('record-step-rejected').getByText(reason, { exact: false }).waitFor();
    // it has left her 待办
    await gotoPage(lead, '/records?todo=true');
    await lead.getByTestId('records-tab-todo').waitFor();
    await expect
      .poll(() => lead.getByTestId('record-row').filter({ hasText: record.number }).count(), { timeout: 10_000 })
      .toBe(0);
  });

  step('赵工 finds it in 待办 with the reason, edits and resubmits', async () => {
    await gotoPage(engineer, '/records');
    await openRecordsTab(engineer, 'todo');
    const row = await recordRow(engineer, record.number);
    await expectText(row.getByTestId('record-status'), t('record.status.rejected'));
    await row.getByTestId('record-link').click();
    await expectRecordStatus(engineer, 'rejected');
    await expectText(engineer.getByTestId('record-reject-reason'), reason);
    await engineer
      .getByTestId('record-rejected')
      .getByText(t('record.rejectedBy', { name: '刘处长' }))
      .waitFor();

    await engineer.getByTestId('record-action-edit').click();
    await engineer.waitForURL((u) => u.pathname === `/records/${record.id}/edit`);
    await expectText(engineer.getByTestId('editor-reject-reason'), reason); // the reason stays in view while editing
    const editor = engineer.locator('form').filter({ has: engineer.getByTestId('record-save') });
    await editor.getByLabel(t('record.result')).fill(fixedResult);
    await editor.getByTestId('record-save').click();
    await engineer.waitForURL((u) => u.pathname === `/records/${record.id}`);
    await expectText(engineer.getByTestId('record-result'), fixedResult);
    await recordAction(engineer, 'submit');
    await expectRecordStatus(engineer, 'submitted');
    // the history keeps the return and its reason
    await engineer.getByTestId('record-step-rejected').getByText(reason, { exact: false }).waitFor();
  });

  step('王经理 (service manager) notes his review of the resubmitted record', async () => {
    const manager = await session.newPage('manager');
    await login(manager, 'manager');
    await gotoPage(manager, '/records?todo=true');
    const row = await recordRow(manager, record.number);
    await row.getByTestId('record-link').click();
    await expectRecordStatus(manager, 'submitted');
    await recordAction(manager, 'review', '内容完整，同意提交签字');
    await manager.getByTestId('record-step-reviewed').getByText('内容完整，同意提交签字', { exact: false }).waitFor();
    await expectRecordStatus(manager, 'submitted'); // reviewing does not change who acts next
  });

  step('刘处长 ticks it in 待办 and signs the selection', async () => {
    await gotoPage(lead, '/records?todo=true');
    const row = await recordRow(lead, record.number);
    const signSelected = lead.getByTestId('sign-selected');
    expect(await signSelected.isDisabled()).toBe(true);
    await row.getByRole('checkbox', { name: t('record.selectOne', { number: record.number }) }).check();
    await lead
      .getByTestId('sign-bar')
      .getByText(t('record.selectedN', { n: 1 }))
      .waitFor();
    await signSelected.click();
    await lead.getByTestId('signature-records').getByText(record.number, { exact: false }).waitFor();
    await signInDialog(lead);
    await expect
      .poll(() => lead.getByTestId('record-row').filter({ hasText: record.number }).count(), { timeout: 10_000 })
      .toBe(0);
    await gotoPage(lead, `/records/${record.id}`);
    await expectRecordStatus(lead, 'signed');
    await expectText(lead.getByTestId('record-result'), fixedResult);
  });

  step('赵工 amends the signed record: a new draft version, the signed one stays visible', async () => {
    const amendReason = `签字后发现服务结束时间填写有误 ${suffix}`;
    await gotoPage(engineer, `/records/${record.id}`);
    await expectRecordStatus(engineer, 'signed');
    await recordAction(engineer, 'amend', amendReason);
    // the new version opens in the editor
    await engineer.waitForURL((u) => /^\/records\/[^/]+\/edit$/.test(u.pathname) && !u.pathname.includes(record.id));
    const editor = engineer.locator('form').filter({ has: engineer.getByTestId('record-save') });
    await editor.getByLabel(t('record.content')).waitFor();
    await editor.getByTestId('record-save').click();
    await engineer.waitForURL((u) => /^\/records\/[^/]+$/.test(u.pathname) && !u.pathname.includes(record.id));
    await expectRecordStatus(engineer, 'draft');
    await expectAttr(engineer.getByTestId('record-detail'), 'data-version', '2');
    await expectText(engineer.getByTestId('record-amend-reason'), t('record.amendReasonIs', { reason: amendReason }));
    const versions = engineer.getByTestId('record-version');
    await expect.poll(() => versions.count()).toBe(2);
    await versions
      .first()
      .getByText(t('record.signedAtIs', { at: '' }).trim(), { exact: false })
      .waitFor();
    await versions.nth(1).getByText(amendReason, { exact: false }).waitFor();
    // the signed first version is still there, signed
    await versions
      .first()
      .getByRole('link', { name: t('record.versionN', { n: 1 }) })
      .click();
    await engineer.waitForURL((u) => u.pathname === `/records/${record.id}`);
    await expectAttr(engineer.getByTestId('record-detail'), 'data-version', '1');
    await engineer.getByTestId('record-signature').waitFor();
  });
});

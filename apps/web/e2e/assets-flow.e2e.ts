// Assets and repairs (R1–R4, R21) on a desktop, as the service manager of project A (whose contract
// extends a replaced part's warranty by the repair downtime, labour ¥150/h): an Excel import of a
// server with its disk (accepted two years ago: in warranty) and an old switch (accepted 40 months
// ago: out of warranty); a second file with a bad row shows the row's error and then imports the
// valid rows only. A repair point serves the project. 报修 on the server opens a ticket on it; the
// disk is replaced on the repair panel, its successor's warranty is extended by the downtime and
// the repair is free (in warranty, not human-caused). A ticket on the old switch gets a labour and
// a part cost and is billable (out of warranty). The cost statement lists it, as PDF and Excel.
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { login } from './support/auth';
import {
  assetDetail,
  assetsMatching,
  beijingDaysAgo,
  download,
  ledgerXlsx,
  repairPanel,
  ticketRepair,
  XLSX_MIME,
  type ApiAsset,
  type SheetRow,
} from './support/assets';
import { useBrowser } from './support/browser';
import { projectIdByName, waitClosedOrError } from './support/fieldwork';
import { flowSteps } from './support/flow';
import { chooseMany } from './support/presence';
import { t } from './support/i18n';
import { CUSTOMER_A, PROJECT_A, expectStatus, pickAssignee, runAction } from './support/tickets';
import { chooseOption, expectAttr, expectText, gotoPage, openFromMenu } from './support/ui';

const run = Date.now().toString(36).toUpperCase();
const SERVER = { name: `应用服务器 ${run}`, serial: `SRV-${run}` };
const DISK = { name: `数据硬盘 ${run}`, serial: `HDD-${run}` };
const SWITCH = { name: `旧接入交换机 ${run}`, serial: `SW-${run}` };
const LICENCE = { name: `数据库许可 ${run}`, serial: `LIC-${run}` };
const NEW_DISK = `HDD-NEW-${run}`;
const acceptedRecently = beijingDaysAgo({ months: 24 });
const acceptedLongAgo = beijingDaysAgo({ months: 40 });
const FAULT_DAYS_AGO = 3;

const firstFile: SheetRow[] = [
  {
    kind: '硬件',
    type: '服务器',
    name: SERVER.name,
    model: 'Dell PowerEdge R740',
    serial: SERVER.serial,
    tag: `ZC-${run}-01`,
    location: '主机房 A-03 机柜',
    supplier: '省信创集成公司',
    batch: `一期验收 ${run}`,
    acceptedOn: acceptedRecently,
  },
  {
    kind: '硬件',
    type: '硬盘',
    name: DISK.name,
    model: 'Seagate Exos 4TB',
    serial: DISK.serial,
    location: '主机房 A-03 机柜',
    parentSerial: SERVER.serial,
    batch: `一期验收 ${run}`,
    acceptedOn: acceptedRecently,
  },
  {
    kind: 'hardware',
    type: '交换机',
    name: SWITCH.name,
    model: 'H3C S5120',
    serial: SWITCH.serial,
    location: '二楼弱电间',
    batch: `早期验收 ${run}`,
    acceptedOn: acceptedLongAgo,
  },
];
// Row 3 repeats the server's serial: refused with its reason; row 2 is fine.
const secondFile: SheetRow[] = [
  {
    kind: '软件',
    type: '数据库',
    name: LICENCE.name,
    model: '达梦 DM8',
    serial: LICENCE.serial,
    batch: `一期验收 ${run}`,
    acceptedOn: acceptedRecently,
  },
  { kind: '硬件', type: '服务器', name: `重复服务器 ${run}`, model: 'Dell PowerEdge R740', serial: SERVER.serial },
];

/** The import dialog's file input gets `rows` as an .xlsx; the import starts (mode=all). */
async function importRows(page: Page, rows: SheetRow[], fileName: string): Promise<void> {
  const modal = page.getByTestId('import-modal');
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: fileName, mimeType: XLSX_MIME, buffer: await ledgerXlsx(rows) });
  await expectText(modal.getByTestId('import-file'), fileName);
  await modal.getByTestId('import-submit').click();
}

/** Opens the ledger of project A and searches for this run's items. */
async function ledger(page: Page, projectId: string): Promise<void> {
  await gotoPage(page, `/assets?projectId=${projectId}&q=${encodeURIComponent(run)}`);
  await page.getByTestId('asset-row').first().waitFor();
}

const row = (page: Page, serial: string): Locator =>
  page.getByTestId('asset-row').filter({ has: page.getByTestId('asset-serial').getByText(serial, { exact: true }) });

describe('assets: import, repair with a replaced part, billable repair, cost statement', () => {
  const session = useBrowser();
  const step = flowSteps();
  let page: Page;
  let projectId: string;
  let server: ApiAsset;
  let disk: ApiAsset;
  let ticket1: string;
  let ticket2: string;

  step('the manager imports a server with its disk and an old switch from Excel into project A', async () => {
    page = await session.newPage('manager');
    await login(page, 'manager');
    projectId = await projectIdByName(page, PROJECT_A);
    await openFromMenu(page, t('nav.assets'));
    await page.waitForURL(/\/assets/);
    await expectText(page.locator('h1'), t('asset.ledgerTitle'));
    await chooseOption(page, page.getByRole('combobox', { name: t('filter.project') }), PROJECT_A);
    await page.getByTestId('asset-import').click();
    const modal = page.getByTestId('import-modal');
    await modal.waitFor();
    await expectAttr(modal.getByTestId('import-template'), 'href', '/api/v1/assets/import-template.xlsx');
    await importRows(page, firstFile, `资产-${run}.xlsx`);
    const result = modal.getByTestId('import-result');
    await expectAttr(result, 'data-imported', '3');
    await expectAttr(result, 'data-skipped', '0');
    await modal.getByText(t('assetImport.done', { n: 3, batches: 2 })).waitFor();

    const items = await assetsMatching(page, projectId, run);
    expect(items.map((a) => a.serial).sort()).toEqual([DISK.serial, SERVER.serial, SWITCH.serial].sort());
    server = items.find((a) => a.serial === SERVER.serial)!;
    disk = items.find((a) => a.serial === DISK.serial)!;
    expect(disk.parentId).toBe(server.id);
    expect(server).toMatchObject({ acceptedOn: acceptedRecently, warrantyStatus: 'in_warranty' });
    expect(items.find((a) => a.serial === SWITCH.serial)).toMatchObject({
      acceptedOn: acceptedLongAgo,
      warrantyStatus: 'expired',
    });
  });

  step(
    'a second file with a bad row imports nothing and shows the row; "import valid rows only" imports the rest',
    async () => {
      const modal = page.getByTestId('import-modal');
      await importRows(page, secondFile, `资产补录-${run}.xlsx`);
      const invalid = modal.getByTestId('import-invalid');
      await invalid.waitFor();
      const errors = invalid.getByTestId('import-error');
      await expect.poll(() => errors.count()).toBe(1);
      const text = await errors.first().innerText();
      expect(text).toContain('3'); // the spreadsheet row (header = row 1)
      expect(text).toContain(t('assetImport.column.serial'));
      expect(
        (await assetsMatching(page, projectId, LICENCE.serial)).length,
        'nothing imported from a file with a bad row',
      ).toBe(0);

      await invalid.getByTestId('import-valid').click();
      const result = modal.getByTestId('import-result');
      await expectAttr(result, 'data-imported', '1');
      await expectAttr(result, 'data-skipped', '1');
      await expect.poll(() => result.getByTestId('import-error').count()).toBe(1);
      expect((await assetsMatching(page, projectId, LICENCE.serial)).map((a) => a.serial)).toEqual([LICENCE.serial]);
      await page.getByTestId('import-close').click();
      await modal.waitFor({ state: 'detached' });
    },
  );

  step('the ledger lists the items with their warranty; the acceptances tab has both batches', async () => {
    await ledger(page, projectId);
    await expect.poll(() => page.getByTestId('asset-row').count()).toBe(4);
    await expectAttr(row(page, SERVER.serial).getByTestId('warranty-status'), 'data-status', 'in_warranty');
    await expectAttr(row(page, SWITCH.serial).getByTestId('warranty-status'), 'data-status', 'expired');
    await expectText(row(page, SERVER.serial).getByTestId('warranty-end'), server.warrantyEnd!);
    // warranty filter: only the expired switch
    await chooseOption(
      page,
      page.getByRole('combobox', { name: t('asset.warrantyLabel') }),
      t('asset.warranty.expired'),
      { search: false },
    );
    await expect.poll(() => page.getByTestId('asset-row').count()).toBe(1);
    await row(page, SWITCH.serial).waitFor();

    await page.getByTestId('assets-tab-acceptances').click();
    for (const batch of [`一期验收 ${run}`, `早期验收 ${run}`]) {
      await page.getByTestId('acceptance-row').filter({ hasText: batch }).first().waitFor();
    }
    // the signed acceptance document is kept with its batch
    const first = page
      .getByTestId('acceptance-row')
      .filter({ hasText: `一期验收 ${run}` })
      .first();
    await first.getByTestId('acceptance-upload').click();
    await page.getByTestId('acceptance-input').setInputFiles({
      name: `验收单-${run}.pdf`,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await expectText(first.getByTestId('acceptance-document'), `验收单-${run}.pdf (15 B)`);
  });

  step('the manager adds a repair point serving project A', async () => {
    await openFromMenu(page, t('nav.repairPoints'));
    await page.waitForURL(/\/repair-points$/);
    await page.getByTestId('repair-point-new').click();
    const form = page.getByTestId('repair-point-form');
    await form.waitFor();
    await form.getByLabel(t('repairPoint.name')).fill(`省会维修中心 ${run}`);
    await form.getByLabel(t('repairPoint.phone')).fill('0571-88886666');
    await form.getByLabel(t('repairPoint.address')).fill('杭州市西湖区文三路 100 号');
    await form.getByLabel(t('repairPoint.personInCharge')).fill('孙主管');
    await form.getByTestId('rp-staff-hardware').fill('3');
    const caps = form.getByRole('combobox', { name: t('repairPoint.capabilities') });
    await caps.fill('服务器');
    await caps.press('Enter');
    await chooseMany(page, form.getByRole('combobox', { name: t('repairPoint.projects') }), [PROJECT_A]);
    await page.getByTestId('repair-point-save').click();
    await waitClosedOrError(page, form, 'saving the repair point');
    const card = page.getByTestId('repair-point-card').filter({ hasText: `省会维修中心 ${run}` });
    await card.waitFor();
    expect(await card.innerText()).toContain(PROJECT_A);
    expect(await card.innerText()).toContain('服务器');
  });

  step(
    'on the server’s page, 报修 opens the intake form with the project and the asset; the ticket records the asset',
    async () => {
      await ledger(page, projectId);
      await row(page, SERVER.serial).getByTestId('asset-link').click();
      const detail = page.getByTestId('asset-detail');
      await expectAttr(detail, 'data-asset-id', server.id);
      await detail.getByTestId('asset-row').filter({ hasText: DISK.serial }).waitFor(); // its part
      await page.getByTestId('asset-report').click();
      await page.waitForURL((u) => u.pathname === '/intake' && u.searchParams.get('assetId') === server.id);
      const form = page.locator('form').filter({ has: page.getByTestId('intake-submit') });
      await expect
        .poll(async () => (await form.getByTestId('intake-asset').innerText()).includes(SERVER.serial))
        .toBe(true);
      expect(await form.getByTestId('intake-project').innerText()).toContain(PROJECT_A);
      // the fault was reported three days ago: the downtime counts from then
      const reported = form.getByLabel(t('intake.reportedAt'));
      await reported.click();
      await reported.fill(`${beijingDaysAgo({ days: FAULT_DAYS_AGO })} 09:00`);
      await reported.press('Enter');
      await form.getByLabel(t('intake.reportedAtReason')).fill('客户当日电话报修，补录');
      await form.getByLabel(t('intake.reporterName')).fill('刘处长');
      await form.getByLabel(t('intake.reporterPhone')).fill('13800138000');
      await form.getByTestId('intake-level-2').click();
      await form.getByLabel(t('intake.ticketTitle')).fill(`服务器硬盘告警 ${run}`);
      await form.getByTestId('intake-submit').click();
      await page.waitForURL(/\/tickets\/[^/]+$/);
      ticket1 = (await page.getByTestId('ticket-detail').getAttribute('data-ticket-id'))!;
      const panel = await repairPanel(page);
      await expectText(panel.getByTestId('repair-asset-link'), SERVER.name);
      await expectAttr(panel, 'data-in-warranty', 'true');
      await expectAttr(panel, 'data-decision', 'pending');
      await expectText(panel.getByTestId('repair-reason'), t('billingReason.cause_pending'));
      await panel
        .getByTestId('repair-point-name')
        .filter({ hasText: `省会维修中心 ${run}` })
        .waitFor();
      expect((await ticketRepair(page, ticket1)).faultOn).toBe(beijingDaysAgo({ days: FAULT_DAYS_AGO }));
    },
  );

  step('the disk is replaced on the repair panel: the new disk’s warranty is extended by the downtime', async () => {
    const panel = await repairPanel(page);
    await panel.getByTestId('repair-replace').click();
    const form = page.getByTestId('replace-form');
    await form.waitFor();
    await chooseOption(page, form.getByRole('combobox', { name: t('repair.oldAsset') }), DISK.serial, {
      search: false,
    });
    await form.getByLabel(t('repair.newSerial')).fill(NEW_DISK);
    await form.getByLabel(t('repair.partCost')).fill('800');
    await page.getByTestId('replace-save').click();
    await waitClosedOrError(page, form, 'replacing the disk');

    const repair = await ticketRepair(page, ticket1);
    const rep = repair.replacements.find((r) => r.newSerial === NEW_DISK)!;
    expect(rep).toMatchObject({
      oldSerial: DISK.serial,
      previousEnd: disk.warrantyEnd,
      extendedByDays: FAULT_DAYS_AGO,
    });
    const replacement = panel.getByTestId('replacement-row').filter({ hasText: NEW_DISK });
    await expectAttr(replacement, 'data-new-end', rep.newEnd!);
    expect(await replacement.innerText()).toContain(`+${FAULT_DAYS_AGO}`);

    // the new disk's page: the original end and the extended one, with the step that extended it
    await gotoPage(page, `/assets/${rep.newAssetId}`);
    await expectAttr(page.getByTestId('asset-detail'), 'data-asset-id', rep.newAssetId);
    const history = page.getByTestId('warranty-history');
    await expectText(history.getByTestId('warranty-original-end'), disk.originalWarrantyEnd!);
    await expectText(history.getByTestId('warranty-current-end'), rep.newEnd!);
    const extension = history.getByTestId('warranty-step').and(page.locator('[data-kind=downtime]'));
    await expectAttr(extension, 'data-end', rep.newEnd!);
    expect(await extension.innerText()).toContain(`${DISK.serial} → ${NEW_DISK}`);
    await page.getByTestId('asset-info').getByTestId('warranty-extended').waitFor();
    const detail = await assetDetail(page, rep.newAssetId);
    expect(detail.warrantyEnd).toBe(rep.newEnd);
    expect(detail.originalWarrantyEnd).not.toBe(detail.warrantyEnd);
  });

  step('resolved with a non-human cause, the repair is free: in warranty', async () => {
    await gotoPage(page, `/tickets/${ticket1}`);
    await runAction(page, 'dispatch', pickAssignee(page, '张工', 'engineer'));
    await runAction(page, 'arrival_not_needed', (d) =>
      d.getByLabel(t('action.field.reason')).fill('硬盘由维修中心更换，无需到场'),
    );
    await runAction(page, 'resolve', async (d) => {
      await d.getByLabel(t('action.field.solution')).fill('更换故障硬盘，RAID 重建完成');
      await d.getByTestId('action-fault-cause-non_human').click();
    });
    await expectStatus(page, 'resolved');
    const panel = await repairPanel(page);
    await expectAttr(panel, 'data-decision', 'free');
    await expectText(panel.getByTestId('repair-decision'), t('repair.decision.free'));
    await expectText(panel.getByTestId('repair-reason'), t('billingReason.in_warranty'));
    await expectAttr(panel.getByTestId('repair-total-billable'), 'data-cents', '0');
    await expectAttr(panel.getByTestId('repair-total-free'), 'data-cents', '80000');
  });

  step(
    'a ticket on the old switch: labour at the contract rate and a part; resolved, it is billable: out of warranty',
    async () => {
      await ledger(page, projectId);
      await row(page, SWITCH.serial).getByTestId('asset-link').click();
      await expectAttr(page.getByTestId('asset-detail'), 'data-warranty', 'expired');
      await page.getByTestId('asset-report').click();
      await page.waitForURL((u) => u.pathname === '/intake');
      const form = page.locator('form').filter({ has: page.getByTestId('intake-submit') });
      await expect
        .poll(async () => (await form.getByTestId('intake-asset').innerText()).includes(SWITCH.serial))
        .toBe(true);
      await form.getByLabel(t('intake.reporterName')).fill('陈科员');
      await form.getByLabel(t('intake.reporterPhone')).fill('13900139000');
      await form.getByTestId('intake-level-3').click();
      await form.getByLabel(t('intake.ticketTitle')).fill(`二楼交换机端口故障 ${run}`);
      await form.getByTestId('intake-submit').click();
      await page.waitForURL(/\/tickets\/[^/]+$/);
      ticket2 = (await page.getByTestId('ticket-detail').getAttribute('data-ticket-id'))!;
      const panel = await repairPanel(page);
      await expectAttr(panel, 'data-in-warranty', 'false');
      await expectAttr(panel, 'data-decision', 'billable');

      // labour: the contract's rate, no unit price to type
      await panel.getByTestId('repair-add-cost').click();
      let form2 = page.getByTestId('cost-form');
      await chooseOption(page, form2.getByRole('combobox', { name: t('repair.costKind') }), t('costKind.labour'), {
        search: false,
      });
      await expectText(
        form2.getByTestId('cost-labour-rate').locator('strong'),
        t('repair.ratePerHour', { amount: '¥150.00' }),
      );
      await form2.getByLabel(t('repair.description')).fill('更换交换机端口模块');
      await form2.getByLabel(t('repair.hours')).fill('2');
      await page.getByTestId('cost-save').click();
      await waitClosedOrError(page, form2, 'adding the labour cost');
      // a part at cost
      await panel.getByTestId('repair-add-cost').click();
      form2 = page.getByTestId('cost-form');
      await form2.getByLabel(t('repair.description')).fill('SFP 光模块');
      await form2.getByLabel(t('repair.unitCost')).fill('320');
      await page.getByTestId('cost-save').click();
      await waitClosedOrError(page, form2, 'adding the part cost');
      await expect.poll(() => panel.getByTestId('cost-row').count()).toBe(2);
      await expectAttr(panel.getByTestId('repair-total-billable'), 'data-cents', String(2 * 15_000 + 32_000));

      await runAction(page, 'dispatch', pickAssignee(page, '张工', 'engineer'));
      await runAction(page, 'arrival_not_needed', (d) =>
        d.getByLabel(t('action.field.reason')).fill('远程指导客户更换'),
      );
      await runAction(page, 'resolve', async (d) => {
        await d.getByLabel(t('action.field.solution')).fill('更换光模块后端口恢复');
        await d.getByTestId('action-fault-cause-non_human').click();
      });
      await expectStatus(page, 'resolved');
      await expectAttr(panel, 'data-decision', 'billable');
      await expectText(panel.getByTestId('repair-decision'), t('repair.decision.billable'));
      await expectText(panel.getByTestId('repair-reason'), t('billingReason.out_of_warranty'));
      for (const reason of await panel.getByTestId('cost-reason').all())
        await expectAttr(reason, 'data-reason', 'out_of_warranty');
      const repair = await ticketRepair(page, ticket2);
      expect(repair).toMatchObject({
        decision: 'billable',
        reason: 'out_of_warranty',
        labourRateCents: 15_000,
        totals: { billableCents: 62_000, freeCents: 0 },
      });
    },
  );

  step(
    'the cost statement of 省信息中心 lists the billable lines with their reason; PDF and Excel download',
    async () => {
      await openFromMenu(page, t('nav.costs'));
      await page.waitForURL(/\/costs/);
      await expectText(page.locator('h1'), t('cost.title'));
      await chooseOption(page, page.getByRole('combobox', { name: t('cost.customer') }), CUSTOMER_A);
      const statement = page.getByTestId('cost-statement');
      await statement.waitFor();
      const lines = page.getByTestId('statement-line').filter({ hasText: `SFP 光模块` });
      await lines.first().waitFor();
      const switchLines = page
        .getByTestId('statement-line')
        .filter({ has: page.locator('[data-reason=out_of_warranty]') });
      expect(await switchLines.count()).toBeGreaterThanOrEqual(2);
      expect(
        await page.getByTestId('statement-line').filter({ hasText: NEW_DISK }).count(),
        'the free disk is not billed',
      ).toBe(0);

      const pdf = await download(page, page.getByTestId('cost-pdf'));
      expect(pdf.bytes.length).toBeGreaterThan(500);
      expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(pdf.name).toMatch(/\.pdf$/);
      const xlsx = await download(page, page.getByTestId('cost-xlsx'));
      expect(xlsx.bytes.length).toBeGreaterThan(500);
      expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(xlsx.name).toMatch(/\.xlsx$/);
    },
  );

  step('the maintenance archive of the server shows the ticket and the replacement; the ledger exports', async () => {
    await gotoPage(page, `/assets/${server.id}`);
    const archive = page.getByTestId('archive');
    await archive.getByTestId('archive-event').first().waitFor();
    await expect
      .poll(() => archive.locator('[data-testid=archive-event][data-kind=ticket]').count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => archive.locator('[data-testid=archive-event][data-kind=replacement]').count())
      .toBeGreaterThan(0);
    const exported = await download(page, archive.getByTestId('archive-export'));
    expect(exported.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await ledger(page, projectId);
    const ledgerFile = await download(page, page.getByTestId('asset-export'));
    expect(ledgerFile.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COLUMNS, readSheet } from './spreadsheet.js';

describe('readSheet', () => {
  it("reads the same file the same way every time (exceljs's streaming reader failed ~2 % of reads)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('资产 Assets');
    ws.addRow(COLUMNS.map(([, zh, en]) => `${zh} ${en}`));
    for (let i = 0; i < 3; i++) ws.addRow(['硬件', '服务器', `服务器 ${i}`, 'Dell R740', `SN-${i}`]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const failures: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const rows = await readSheet(data);
      if (rows?.length !== 3 || rows[2]?.values.serial !== 'SN-2') failures.push(i);
    }
    expect(failures).toEqual([]);
  });
});

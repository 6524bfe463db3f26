import type { FastifyInstance } from 'fastify';
import { multipart } from './api.js';
import { xlsxOf } from './files.js';
import type { Session } from './harness.js';
import { COLUMNS } from '../modules/assets/spreadsheet.js';

/** Shared fixtures of the asset tests: a small ledger and its import through the API. */
const V = '/api/v1';
export const HEADER = COLUMNS.map(([, zh, en]) => `${zh} ${en}`);
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// The test clock starts on 2026-10-12 (Beijing).
export const LEDGER_ROWS: unknown[][] = [
  [
    '硬件',
    '服务器',
    '数据库服务器',
    '华为 2288H V5',
    'SRV-001',
    'ZC-001',
    '机房A-01',
    '华为',
    '',
    '一期',
    new Date(Date.UTC(2025, 2, 15)),
    '',
  ],
  ['硬件', '硬盘', '数据盘1', '希捷 4TB', 'DISK-001', '', '机房A-01', '', 'SRV-001', '一期', '', ''],
  ['软件', '操作系统', '麒麟操作系统', '银河麒麟 V10 SP1', 'LIC-KYLIN-01', '', '', '麒麟软件', '', '一期', '', ''],
  ['hardware', '交换机', '核心交换机', 'H3C S6800', 'SW-OLD', '', '机房A-02', '', '', '早期', '2022-06-30', 36],
];
export async function importLedger(
  t: { app: FastifyInstance },
  who: Session,
  projectId: string,
  rows: unknown[][],
  mode: 'all' | 'valid' = 'all',
  lang = 'zh-CN',
) {
  const mp = multipart('台账.xlsx', await xlsxOf(HEADER, rows), XLSX);
  const r = await t.app.inject({
    method: 'POST',
    url: `${V}/projects/${projectId}/assets/import?mode=${mode}`,
    headers: { ...who.headers, ...mp.headers, 'accept-language': lang },
    payload: mp.payload,
  });
  return { status: r.statusCode as number, body: r.json() };
}

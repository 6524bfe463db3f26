import { DOCX_MIME, XLSX_MIME } from '../../http/download.js';
import { REPORT_TITLE } from './blocks.js';
import type { MonthlyReportModel } from './model.js';
import { reportDocx } from './render-docx.js';
import { reportPdf } from './render-pdf.js';
import { reportXlsx } from './render-xlsx.js';

export type ReportFormat = 'docx' | 'pdf' | 'xlsx';

export const REPORT_MIME: Record<ReportFormat, string> = { docx: DOCX_MIME, pdf: 'application/pdf', xlsx: XLSX_MIME };

export function renderReport(m: MonthlyReportModel, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return reportDocx(m);
    case 'pdf':
      return reportPdf(m);
    case 'xlsx':
      return reportXlsx(m);
  }
}

export const reportFileName = (m: MonthlyReportModel, format: ReportFormat) =>
  `${REPORT_TITLE}-${m.project.code}-${m.month}.${format}`;

export { SECTIONS, durationText } from './blocks.js';

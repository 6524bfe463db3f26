import { labelMap } from '@weibao/schema/labels';
import fs from 'node:fs';
import type { RequestMeta } from '../../lib/actor.js';
import { docxDocument, docxImage, docxImageParagraph, docxTable, docxText } from '../../lib/docx.js';
import { newPdf, pdfTableRow } from '../../lib/pdf.js';
import {
  type DocumentHead,
  type DocumentParties,
  documentNumber,
  finishDocument,
  labelValueGrid,
  sectionHeading,
  signatureBlock,
  titleBlock,
} from '../../lib/pdf-frame.js';
import { recordVerifyUrl } from '../fieldwork/exports.js';
import type { RecordService } from '../fieldwork/records.js';
import type { InspectionExecution } from './execution.js';
import type { InspectionService } from './service.js';
import { FileStore } from '../../lib/files.js';
import { beijingClock } from '../../lib/time.js';

/** A photo row: the picture (fit in 200×120) with its caption beside it. */
const PHOTO_HEIGHT = 130;
const OUTCOME: Record<string, string> = labelMap('inspectionOutcome');
const KIND: Record<string, string> = labelMap('inspectionKind');
const STATUS: Record<string, string> = labelMap('recordStatus');

/** What both renderings of the report show, gathered once. */
interface ReportModel {
  title: string;
  /** XJ-<period year>-<8 hex of the task id>: inspection tasks have no sequence number of their own. */
  number: string;
  parties: DocumentParties;
  /** Where the signed inspection record is verified (QR), once signed. */
  verify: { recordId: string; hash: string } | null;
  subtitle: string;
  fields: [string, string][];
  itemHeader: string[];
  items: string[][];
  findings: string[];
  adjustments: string[];
  photos: { file: string; title: string; caption: string }[];
  signature:
    { file: string | undefined; line: string; hash: string | null; name: string; at: string } | { pending: string };
  /** The closing rows the signatures are kept with. */
  closing: [string, string][];
  fileBase: string;
  audit: { id: string; recordId: string | null; summary: string };
}

/**
 * 巡检报告 (inspection report), as an A4 PDF in the embedded CJK font or as Word: header, counts,
 * every item with its result and measured value, findings with their tickets, parameter
 * adjustments, the photos, and the project lead's signature from the inspection record once signed.
 */
export class InspectionReport {
  constructor(
    private readonly d: {
      inspections: InspectionService;
      runs: InspectionExecution;
      records: RecordService;
      dataDir: string;
    },
  ) {}

  private async model(meta: RequestMeta, taskId: string): Promise<ReportModel> {
    const t = await this.d.runs.detail(meta.actor, taskId);
    const db = this.d.inspections.db;
    const record = t.recordId ? await this.d.records.recordRow(db, t.recordId) : undefined;
    const results = new Map(t.results.map((r) => [r.key, r]));
    // Who actually ran it: whoever recorded the results, then whoever finished it (the record's author),
    // which is not always the engineer the task was assigned to.
    const runners = [...new Set([...t.results.map((r) => r.byName), record?.author_name ?? ''].filter(Boolean))];
    const count = (o: string) => t.template.items.filter((i) => results.get(i.key)?.outcome === o).length;
    const fields: [string, string][] = [
      ['项目', t.projectName],
      ...(t.assetName ? [['设备', t.assetName] as [string, string]] : []),
      ['巡检模板', `${t.template.name}（第 ${t.template.version} 版）`],
      ['应完成日期', t.dueOn],
      ['完成日期', t.doneOn ?? '未完成'],
      ['巡检人', runners.join('、') || '—'],
      ['指派人员', t.assigneeName ?? '—'],
      [
        '结果',
        `检查 ${t.template.items.length} 项：合格 ${count('pass')}，不合格 ${count('fail')}，不适用 ${count('na')}，未检 ${t.template.items.length - t.results.length}`,
      ],
    ];
    const items = t.template.items.map((i, n) => {
      const r = results.get(i.key);
      const expect = i.expected || (i.min !== null || i.max !== null ? `${i.min ?? ''}–${i.max ?? ''}${i.unit}` : '');
      return [
        String(n + 1),
        i.title,
        i.method,
        expect,
        r ? OUTCOME[r.outcome]! : '未检',
        r?.value !== null && r?.value !== undefined ? `${r.value}${i.unit}` : '',
        [r?.note, r?.ticketNumber && `工单 ${r.ticketNumber}`].filter(Boolean).join('；'),
      ];
    });
    const findings = t.template.items
      .filter((i) => results.get(i.key)?.outcome === 'fail')
      .map((i) => {
        const r = results.get(i.key)!;
        return `${i.title}${r.value !== null ? `（实测 ${r.value}${i.unit}）` : ''}${r.note ? `：${r.note}` : ''}${r.ticketNumber ? `，已转工单 ${r.ticketNumber}` : '，未转工单'}`;
      });
    const adjustments = t.adjustments.map(
      (a) => `${a.parameter}：${a.before} → ${a.after}（${a.reason}；${a.byName} ${beijingClock(a.at, true)}）`,
    );
    const photos = (await this.d.inspections.repo.results(db, t.id))
      .filter((r) => r.photo_path)
      .map((p) => ({
        file: new FileStore(this.d.dataDir).resolve(p.photo_path!),
        title: t.template.items.find((i) => i.key === p.item_key)?.title ?? p.item_key,
        caption: `${t.template.items.find((i) => i.key === p.item_key)?.title ?? p.item_key}  SHA-256 ${p.photo_sha256?.slice(0, 16)}…`,
      }));
    const signature =
      record?.status === 'signed' && record.signature_path
        ? {
            file: new FileStore(this.d.dataDir).resolve(record.signature_path),
            hash: record.content_hash,
            line: `签字人 ${record.signer_name ?? ''}    签字时间 ${record.signed_at ? beijingClock(record.signed_at, true) : ''}    巡检记录 ${record.number}`,
            name: record.signer_name ?? '',
            at: record.signed_at ? beijingClock(record.signed_at, true) : '',
          }
        : {
            pending: record
              ? `巡检记录 ${record.number}：${STATUS[record.status] ?? record.status}，待采购人项目负责人签字确认。`
              : '巡检尚未完成，未生成巡检记录。',
          };
    const parties = await this.d.inspections.d.projects.documentParties(
      db,
      { projectId: t.projectId },
      t.doneOn ?? t.dueOn,
    );
    const closing: [string, string][] = [
      ['结论', findings.length ? `发现 ${findings.length} 项问题，详见“发现的问题”` : '全部检查项正常'],
      ['巡检记录', record ? `${record.number}（${STATUS[record.status] ?? record.status}）` : '巡检尚未完成'],
    ];
    return {
      number: documentNumber('XJ', t.period.slice(0, 4), t.id),
      parties,
      closing,
      verify:
        record?.status === 'signed' && record.content_hash ? { recordId: record.id, hash: record.content_hash } : null,
      title: '巡检报告',
      subtitle: `${KIND[t.kind] ?? t.kind}  ·  ${t.planName}  ·  ${t.period}`,
      fields,
      itemHeader: ['#', '检查项', '方法', '期望', '结果', '实测', '说明 / 工单'],
      items,
      findings,
      adjustments,
      photos,
      signature,
      fileBase: `巡检报告-${t.projectName}-${t.planName}-${t.period}`,
      audit: {
        id: t.id,
        recordId: t.recordId,
        summary: `${t.planName} ${t.period}${record ? `（记录 ${record.number}，${STATUS[record.status] ?? record.status}）` : ''}`,
      },
    };
  }

  private async audited(meta: RequestMeta, m: ReportModel, format: 'PDF' | 'Word') {
    await this.d.inspections.d.audit.recordAlone(meta, {
      action: 'inspection.report',
      targetType: 'inspection_task',
      targetId: m.audit.id,
      summary: `导出巡检报告（${format}）${m.audit.summary}`,
      detail: { recordId: m.audit.recordId, format },
    });
  }

  async docx(meta: RequestMeta, taskId: string): Promise<{ body: Buffer; fileName: string }> {
    const m = await this.model(meta, taskId);
    const none = [docxText.para('无')];
    const children = [
      docxText.title(m.title),
      docxText.subtitle(m.subtitle),
      ...[
        ['文件编号', m.number],
        ['合同', m.parties.contractRef],
        ['服务方（乙方）', m.parties.providerName],
        ['采购方（甲方）', m.parties.purchaserName],
        ...m.fields,
      ].map(([k, v]) => docxText.field(k!, v!)),
      docxText.heading('检查项目'),
      docxTable(m.itemHeader, m.items, [4, 18, 20, 13, 8, 10, 27]),
      docxText.heading('发现的问题'),
      ...(m.findings.length ? m.findings.map((f) => docxText.para(`· ${f}`)) : none),
      docxText.heading('参数调整'),
      ...(m.adjustments.length ? m.adjustments.map((a) => docxText.para(`· ${a}`)) : none),
      ...(m.photos.length
        ? [
            docxText.heading('现场照片'),
            ...m.photos.map((p) => docxImageParagraph(docxImage(p.file, 260, 160), p.caption)),
          ]
        : []),
      docxText.heading('采购人项目负责人签字确认'),
      ...('pending' in m.signature
        ? [docxText.para(m.signature.pending)]
        : [
            ...(m.signature.file ? [docxImageParagraph(docxImage(m.signature.file, 200, 75), '')] : []),
            docxText.para(m.signature.line),
            ...(m.signature.hash ? [docxText.para(`记录哈希 ${m.signature.hash}`, { size: 16, color: '555555' })] : []),
          ]),
      // Both parties sign and seal the filed copy, as on the PDF.
      docxText.heading('签字盖章'),
      docxTable(
        ['', '服务方（乙方）', '采购方（甲方）'],
        [
          ['单位名称', m.parties.providerName, m.parties.purchaserName],
          ['签字', '', 'pending' in m.signature ? '' : m.signature.name],
          ['日期', '    年    月    日', 'pending' in m.signature ? '    年    月    日' : m.signature.at],
          ['（盖章）', '\n\n\n', '\n\n\n'],
        ],
        [16, 42, 42],
      ),
    ];
    const body = await docxDocument(m.title, children);
    await this.audited(meta, m, 'Word');
    return { body, fileName: `${m.fileBase}.docx` };
  }

  async pdf(meta: RequestMeta, taskId: string, origin = ''): Promise<{ body: Buffer; fileName: string }> {
    const m = await this.model(meta, taskId);
    const { doc, done } = newPdf(m.title, { autoFirstPage: true });
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const head: DocumentHead = { title: m.title, number: m.number, subtitle: m.subtitle, parties: m.parties };
    titleBlock(doc, head);
    labelValueGrid(
      doc,
      m.fields.filter(([k]) => k !== '结果'),
      { pairsPerRow: 2 },
    );
    labelValueGrid(
      doc,
      m.fields.filter(([k]) => k === '结果'),
    );

    sectionHeading(doc, '检查项目');
    const cols = [22, 110, 120, 80, 48, 60, width - 440];
    const row = (cells: string[], bold = false) =>
      pdfTableRow(doc, cols, cells, { bold, size: 8.5, padX: 2, padY: 3, minHeight: 0 });
    row(m.itemHeader, true);
    m.items.forEach((r) => row(r));

    const list = (heading: string, lines: string[]) => {
      sectionHeading(doc, heading);
      labelValueGrid(doc, lines.length ? lines.map((l, n) => [String(n + 1), l]) : [['—', '无']], { labelWidth: 28 });
    };
    list('发现的问题', m.findings);
    list('参数调整', m.adjustments);

    const photos = m.photos.filter((p) => fs.existsSync(p.file));
    if (photos.length) {
      sectionHeading(doc, '现场照片', PHOTO_HEIGHT);
      for (const p of photos) {
        if (doc.y + PHOTO_HEIGHT > doc.page.height - doc.page.margins.bottom) doc.addPage();
        const y = doc.y + 4;
        try {
          doc.image(p.file, left, y, { fit: [200, 120] });
        } catch {
          doc.font('regular').fontSize(9).text('（照片无法显示）', left, y);
        }
        // The caption sits beside the photo in its own column and wraps there: never over the image.
        doc
          .font('bold')
          .fontSize(10)
          .fillColor('black')
          .text(p.title, left + 212, y + 4, { width: width - 212, height: 60, ellipsis: true });
        doc
          .font('regular')
          .fontSize(9)
          .fillColor('#333')
          .text(p.caption.slice(p.title.length).trim(), left + 212, doc.y + 4, { width: width - 212 });
        doc.fillColor('black');
        doc.x = left;
        doc.y = y + PHOTO_HEIGHT - 4;
      }
    }

    const sig = m.signature;
    await signatureBlock(doc, {
      parties: m.parties,
      closing: 'pending' in sig ? [...m.closing, ['签字状态', sig.pending]] : m.closing,
      purchaserSigned:
        'pending' in sig
          ? null
          : { image: sig.file && fs.existsSync(sig.file) ? sig.file : null, name: sig.name, at: sig.at },
      verify:
        m.verify && origin
          ? { url: recordVerifyUrl(origin, m.verify.recordId, m.verify.hash)!, hash: m.verify.hash }
          : null,
    });
    finishDocument(doc, head);
    doc.end();
    await this.audited(meta, m, 'PDF');
    return { body: await done, fileName: `${m.fileBase}.pdf` };
  }
}

import { labelMap } from '@weibao/schema/labels';
import ExcelJS from 'exceljs';
import type { RequestMeta } from '../../lib/actor.js';
import { newPdf, pdfTableRow } from '../../lib/pdf.js';
import { beijingClock, beijingDay } from '../../lib/time.js';
import {
  type DocumentHead,
  documentNumber,
  finishDocument,
  labelValueGrid,
  sectionHeading,
  signatureBlock,
  titleBlock,
} from '../../lib/pdf-frame.js';
import type { TrainingAccess } from './access.js';

const MODE: Record<string, string> = labelMap('trainingMode');
const ATTEND: Record<string, string> = labelMap('attendance');
const STATUS: Record<string, string> = labelMap('competency');
type Pdf = ReturnType<typeof newPdf>['doc'];

const tableRow = (doc: Pdf, cols: number[], cells: string[], bold = false, minHeight?: number) =>
  pdfTableRow(doc, cols, cells, { bold, minHeight });
/** Room for a handwritten signature in each trainee's row of the sign-in sheet. */
const SIGN_ROW_HEIGHT = 26;

async function xlsx(sheets: { name: string; header: string[]; rows: (string | number)[][]; widths: number[] }[]) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Weibao 维保';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.header).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    s.widths.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 培训签到表 (attendance sheet, per session) and 培训完成情况报告 (completion report, per plan), as PDF and Excel. */
export class TrainingReports {
  constructor(private readonly svc: TrainingAccess) {}

  private async sessionData(meta: RequestMeta, sessionId: string) {
    const { row: s, plan } = await this.svc.session(this.svc.db, meta.actor, sessionId);
    const l = await this.svc.load(this.svc.db, plan);
    const enrolled = l.enrolments.filter((e) => e.batch_id === s.batch_id).map((e) => e.trainee_id);
    const marks = new Map(l.attendance.filter((a) => a.session_id === s.id).map((a) => [a.trainee_id, a]));
    const rows = l.trainees
      .filter((t) => enrolled.includes(t.id))
      .map((t, i) => {
        const a = marks.get(t.id);
        return [String(i + 1), t.name, t.unit, t.phone, a ? ATTEND[a.status]! : '', a?.note ?? ''];
      });
    const head: [string, string][] = [
      ['项目', plan.project_name],
      ['培训计划', plan.name],
      ['批次', s.batch_name],
      ['课程', s.course_title],
      ['时间', `${beijingClock(s.starts_at, true)} – ${beijingClock(s.ends_at, true).slice(-5)}`],
      ['方式 / 地点', `${MODE[s.mode] ?? s.mode}  ${s.place}`],
      ['讲师', s.trainer_name],
    ];
    const base = `培训签到表-${plan.name}-${s.batch_name}-${s.course_title}`;
    const day = beijingDay(s.starts_at);
    const doc: DocumentHead = {
      title: '培训签到表',
      number: documentNumber('PX', day.slice(0, 4), s.id),
      parties: await this.svc.d.projects.documentParties(this.svc.db, { projectId: plan.project_id }, day),
    };
    return { s, plan, rows, head, base, doc };
  }

  async attendancePdf(meta: RequestMeta, sessionId: string) {
    const d = await this.sessionData(meta, sessionId);
    const { doc, done } = newPdf('培训签到表', { autoFirstPage: true });
    titleBlock(doc, d.doc);
    labelValueGrid(doc, d.head, { pairsPerRow: 2 });
    sectionHeading(doc, '学员签到');
    const cols = [30, 80, 120, 90, 55, 140];
    tableRow(doc, cols, ['序号', '姓名', '单位', '电话', '出勤', '本人签字 / 备注'], true);
    for (const r of d.rows) tableRow(doc, cols, [r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, r[5]!], false, SIGN_ROW_HEIGHT);
    const attended = d.rows.filter((r) => r[4] === '出席' || r[4] === '迟到').length;
    await signatureBlock(doc, {
      parties: d.doc.parties,
      closing: [
        ['应到 / 实到', `应到 ${d.rows.length} 人    实到 ${attended} 人`],
        ['讲师签字', `${d.s.trainer_name}        ____________________`],
      ],
    });
    finishDocument(doc, d.doc);
    doc.end();
    await this.audit(meta, d.plan.id, `导出培训签到表（PDF）${d.s.batch_name} ${d.s.course_title}`);
    return { body: await done, fileName: `${d.base}.pdf` };
  }

  async attendanceXlsx(meta: RequestMeta, sessionId: string) {
    const d = await this.sessionData(meta, sessionId);
    const body = await xlsx([
      {
        name: '签到表',
        header: ['序号', '姓名', '单位', '电话', '出勤', '备注'],
        rows: d.rows.map((r) => [Number(r[0]), ...r.slice(1)]),
        widths: [6, 14, 24, 16, 10, 30],
      },
    ]);
    await this.audit(meta, d.plan.id, `导出培训签到表（Excel）${d.s.batch_name} ${d.s.course_title}`);
    return { body, fileName: `${d.base}.xlsx` };
  }

  private async planData(meta: RequestMeta, planId: string) {
    const l = await this.svc.detail(meta.actor, planId);
    const sum = l.progress.summary;
    const course = new Map(l.courses.map((c) => [c.id, c.title]));
    const batch = new Map(l.batches.map((b) => [b.id, b.name]));
    const standing = new Map(l.progress.trainees.map((t) => [t.traineeId, t]));
    const independent = `${sum.independent} / ${sum.trainees}`;
    const verdict = sum.complete
      ? `已完成：${sum.trainees} 名学员均可独立操作${l.plan.completed_at ? `（${beijingClock(l.plan.completed_at, true).slice(0, 10)}）` : ''}`
      : `未完成：${independent} 名学员可独立操作${sum.needsBatch ? `，${sum.needsBatch} 名待安排后续批次` : ''}`;
    const matrix = l.trainees.map((t) => {
      const s = standing.get(t.id)!;
      return [
        t.name,
        t.unit,
        s.independent ? '是' : '否',
        ...l.courses.map((c) => {
          const cs = s.courses.find((x) => x.courseId === c.id);
          return cs ? `${STATUS[cs.status]}${cs.assessedOn ? ` ${cs.assessedOn}` : ''}` : '—';
        }),
      ];
    });
    const pending = l.trainees
      .filter((t) => !standing.get(t.id)!.independent)
      .map((t) => {
        const s = standing.get(t.id)!;
        const open = s.courses
          .filter((c) => c.status !== 'independent')
          .map((c) => `${course.get(c.courseId)}（${STATUS[c.status]}）`);
        return `${t.name}${t.unit ? `（${t.unit}）` : ''}：${open.join('、') || '无课程'}${s.needsBatch ? '，待安排后续批次' : ''}`;
      });
    const sessions = l.sessions.map((s) => {
      const marks = l.attendance.filter((a) => a.session_id === s.id);
      const enrolled = l.enrolments.filter((e) => e.batch_id === s.batch_id).length;
      return [
        s.batch_name,
        s.course_title,
        beijingClock(s.starts_at, true),
        MODE[s.mode] ?? s.mode,
        s.place,
        s.trainer_name,
        s.cancelled
          ? '已取消'
          : marks.length
            ? `${marks.filter((a) => a.status === 'present' || a.status === 'late').length} / ${enrolled}`
            : '未签到',
      ];
    });
    const assessments = l.assessments.map((a) => [
      l.trainees.find((t) => t.id === a.trainee_id)?.name ?? '',
      course.get(a.course_id) ?? '',
      batch.get(a.batch_id) ?? '',
      a.independent ? '可独立操作' : '尚不能独立操作',
      a.assessed_on,
      a.assessor_name,
      a.note,
    ]);
    const from = beijingDay(l.plan.created_at);
    const to = beijingDay(l.plan.completed_at ?? this.svc.d.now());
    const doc: DocumentHead = {
      title: '培训完成情况报告',
      number: documentNumber('PX', from.slice(0, 4), l.plan.id, 'completion'),
      parties: await this.svc.d.projects.documentParties(
        this.svc.db,
        { projectId: l.plan.project_id },
        from,
        to < from ? from : to,
      ),
    };
    return {
      l,
      verdict,
      matrix,
      pending,
      sessions,
      assessments,
      doc,
      base: `培训完成情况-${l.plan.project_name}-${l.plan.name}`,
    };
  }

  async planPdf(meta: RequestMeta, planId: string) {
    const d = await this.planData(meta, planId);
    const { doc, done } = newPdf('培训完成情况报告', { autoFirstPage: true, layout: 'landscape' });
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    titleBlock(doc, d.doc, [
      ['项目', d.l.plan.project_name],
      ['培训计划', d.l.plan.name],
      ['课程', d.l.courses.map((c) => c.title).join('、')],
    ]);
    const section = (t: string) => sectionHeading(doc, t, 60);
    section('学员掌握情况');
    const n = d.l.courses.length;
    const rest = Math.max(80, (width - 230) / Math.max(1, n));
    tableRow(
      doc,
      [80, 110, 40, ...d.l.courses.map(() => rest)],
      ['姓名', '单位', '独立', ...d.l.courses.map((c) => c.title)],
      true,
    );
    for (const r of d.matrix) tableRow(doc, [80, 110, 40, ...d.l.courses.map(() => rest)], r);
    section('尚不能独立操作的学员');
    labelValueGrid(doc, d.pending.length ? d.pending.map((p, i) => [String(i + 1), p]) : [['—', '无']], {
      labelWidth: 28,
    });
    section('培训场次与出勤');
    const sc = [80, 150, 110, 50, 190, 80, width - 660];
    tableRow(doc, sc, ['批次', '课程', '时间', '方式', '地点', '讲师', '出勤'], true);
    for (const r of d.sessions) tableRow(doc, sc, r);
    section('考核记录');
    const ac = [80, 150, 80, 100, 80, 80, width - 570];
    tableRow(doc, ac, ['学员', '课程', '批次', '结论', '日期', '考核人', '说明'], true);
    for (const r of d.assessments) tableRow(doc, ac, r);
    await signatureBlock(doc, { parties: d.doc.parties, closing: [['结论', d.verdict]] });
    finishDocument(doc, d.doc);
    doc.end();
    await this.audit(meta, planId, `导出培训完成情况报告（PDF）${d.l.plan.name}`);
    return { body: await done, fileName: `${d.base}.pdf` };
  }

  async planXlsx(meta: RequestMeta, planId: string) {
    const d = await this.planData(meta, planId);
    const body = await xlsx([
      {
        name: '掌握情况',
        header: ['姓名', '单位', '可独立操作', ...d.l.courses.map((c) => c.title)],
        rows: d.matrix,
        widths: [14, 24, 12, ...d.l.courses.map(() => 26)],
      },
      {
        name: '培训场次',
        header: ['批次', '课程', '时间', '方式', '地点', '讲师', '出勤'],
        rows: d.sessions,
        widths: [12, 24, 18, 8, 30, 12, 10],
      },
      {
        name: '考核记录',
        header: ['学员', '课程', '批次', '结论', '日期', '考核人', '说明'],
        rows: d.assessments,
        widths: [14, 24, 12, 16, 12, 12, 30],
      },
      {
        name: '结论',
        header: ['项目', '培训计划', '结论'],
        rows: [[d.l.plan.project_name, d.l.plan.name, d.verdict], ...d.pending.map((p) => ['', '', p])],
        widths: [24, 24, 60],
      },
    ]);
    await this.audit(meta, planId, `导出培训完成情况报告（Excel）${d.l.plan.name}`);
    return { body, fileName: `${d.base}.xlsx` };
  }

  private audit(meta: RequestMeta, planId: string, summary: string) {
    return this.svc.d.audit.recordAlone(meta, {
      action: 'training.report',
      targetType: 'training_plan',
      targetId: planId,
      summary,
    });
  }
}

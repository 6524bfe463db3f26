import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_TEST_MS,
  NO_POPPLER_MESSAGE,
  POPPLER,
  expectFiledDocument,
  renderDocument,
  squeeze,
} from '../test/documents.js';
import { newPdf } from './pdf.js';
import {
  type DocumentHead,
  contractReference,
  documentNumber,
  finishDocument,
  labelValueGrid,
  signatureBlock,
  titleBlock,
} from './pdf-frame.js';

const parties = {
  providerName: '维保信息技术有限公司',
  purchaserName: '省信息中心',
  contractRef: 'HT-2026-001《机房运维服务合同》',
};
const head: DocumentHead = { title: '测试文件', number: 'CS-2026-0001', parties };

/** A framed document whose body fills the first page down to `leaveFree` points above the bottom margin. */
async function framed(leaveFree: number): Promise<Buffer> {
  const { doc, done } = newPdf(head.title, { autoFirstPage: true });
  titleBlock(doc, head, [['项目', '省级政务信息系统运维项目']]);
  const bottom = doc.page.height - doc.page.margins.bottom;
  let n = 0;
  while (doc.y + 19 < bottom - leaveFree) labelValueGrid(doc, [[`第 ${++n} 行`, '正文内容']]);
  await signatureBlock(doc, { parties, closing: [['结论', '全部检查项正常']] });
  finishDocument(doc, head);
  doc.end();
  return done;
}

describe('document frame', () => {
  it('numbers documents deterministically from what identifies them', () => {
    expect(documentNumber('XJ', 2026, 'task-1')).toMatch(/^XJ-2026-[0-9A-F]{8}$/);
    expect(documentNumber('XJ', 2026, 'task-1')).toBe(documentNumber('XJ', '2026', 'task-1'));
    expect(documentNumber('XJ', 2026, 'task-1')).not.toBe(documentNumber('XJ', 2026, 'task-2'));
    // Parts are separated, so ("ab", "c") and ("a", "bc") are different documents.
    expect(documentNumber('JS', 2026, 'ab', 'c')).not.toBe(documentNumber('JS', 2026, 'a', 'bc'));
  });

  it('names contracts by code and title, or says there is none', () => {
    expect(
      contractReference([
        { code: 'HT-1', name: '运维合同' },
        { code: 'HT-2', name: '续签合同' },
      ]),
    ).toBe('HT-1《运维合同》、HT-2《续签合同》');
    expect(contractReference([])).toBe('未关联合同');
    expect(contractReference([{ code: 'HT-1', name: 'O&M' }], 'en')).toBe('HT-1 "O&M"');
  });

  it.skipIf(!POPPLER)(
    'a document that fits stays on one page with number, parties, contract, signatures and seals',
    async () => {
      const doc = renderDocument(await framed(320));
      expect(doc.pages).toHaveLength(1);
      expect(expectFiledDocument(doc, { ...parties, number: 'CS-2026-0001', closingLabel: '结论' })).toBe(
        'CS-2026-0001',
      );
    },
  );

  it.skipIf(!POPPLER)(
    'signatures that do not fit move to the next page together with the closing rows',
    async () => {
      for (const free of [40, 120, 150]) {
        const doc = renderDocument(await framed(free));
        expect(doc.pages, `with ${free} pt free`).toHaveLength(2);
        expectFiledDocument(doc, { ...parties, number: 'CS-2026-0001', closingLabel: '结论' });
        const second = squeeze(doc.pages[1]!);
        // The second page opens with the closing row, never with the signatures alone.
        expect(second.indexOf('结论全部检查项正常')).toBeGreaterThanOrEqual(0);
        expect(second.indexOf('结论')).toBeLessThan(second.indexOf('服务方（乙方）'));
        expect(squeeze(doc.pages[0]!)).not.toContain('（盖章）');
      }
    },
    DOCUMENT_TEST_MS,
  );

  it.skipIf(POPPLER)(NO_POPPLER_MESSAGE, () => {});
});

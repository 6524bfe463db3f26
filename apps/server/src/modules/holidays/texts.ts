import type { Locale } from '../../http/messages.js';

/** A contract's service period reaches a year with no holiday data (站内信 and its e-mail), in the reader's language. */
export const holidayHorizonText = (
  locale: Locale,
  c: { code: string; name: string; project_code: string },
  year: number,
) =>
  locale === 'en'
    ? {
        title: `Holiday data missing: ${year} for contract ${c.code}`,
        body: `The service period of contract "${c.name}" (project ${c.project_code}) includes ${year}, but the system has no public holidays or make-up working days for that year yet. Please enter them on the Holiday data page, otherwise business-hours deadlines will count every weekday of that year as a normal working day.`,
      }
    : {
        title: `节假日数据缺失：合同 ${c.code} 的 ${year} 年`,
        body: `合同「${c.name}」（项目 ${c.project_code}）的服务期包含 ${year} 年，系统尚无该年的法定节假日与调休安排。请在「节假日」页面录入，否则工作时间时限将按普通工作日计算。`,
      };

import { t } from './define.js';

/** Reasons of the fieldwork area. Keys are `fieldwork.what`; add entries here, never in another area's file. */
export const FIELDWORK = {
  // Check-in / check-out
  'fieldwork.ticketNotInProject': t('工单不属于该项目', 'the ticket is not in this project'),
  'fieldwork.checkOut': t('签退', 'check out'),
  'fieldwork.backdateNotArrival': t(
    '只有作为到场的签到可以补录发生时间',
    "only a check-in that is the ticket's arrival can be back-dated",
  ),
  'fieldwork.visitPhotoType': t('请上传 JPEG/PNG/WebP/HEIC 图片', 'upload a JPEG, PNG, WebP or HEIC image'),
  // O&M records
  'fieldwork.visitsOutsideProject': t('签到记录不属于该项目', 'check-ins must belong to the project'),
  'fieldwork.ticketsOutsideProject': t('工单不属于该项目', 'tickets must belong to the project'),
  'fieldwork.changeHeadcount': t('修改人数', 'change the headcount'),
  'fieldwork.serviceEndBeforeStart': t('服务结束时间早于开始时间', 'service end is before its start'),
  'fieldwork.badSignature': t('签名图片无效', 'the signature is not a PNG image'),
  'fieldwork.unknownRecord': t('记录不存在：{id}', 'unknown record {id}'),
  // What a record's step is called (refusals; the Chinese also heads the audit summary)
  'fieldwork.stepEdit': t('修改', 'edit'),
  'fieldwork.stepSubmit': t('提交', 'submit'),
  'fieldwork.stepReview': t('审核', 'review'),
  'fieldwork.stepReject': t('退回', 'reject'),
  'fieldwork.stepAmend': t('更正', 'amend'),
  'fieldwork.stepSign': t('签字确认 {number}', 'sign {number}'),
} as const;

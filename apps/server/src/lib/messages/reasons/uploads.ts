import { t } from './define.js';

/** Reasons of the uploads area. Keys are `uploads.what`; add entries here, never in another area's file. */
export const UPLOADS = {
  'uploads.multipartExpected': t('需要 multipart/form-data', 'multipart/form-data expected'),
  'uploads.noFile': t('缺少文件', 'no file'),
} as const;

import { App, type ButtonProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { InspectionTaskDetail } from './api';
import { taskKey } from './api';

/**
 * After finishing an inspection, offer to submit its record at once ("现在提交巡检记录?"), so an engineer
 * on a phone does not have to open the record to send it to the project lead. "Later" leaves it a draft.
 */
export function useOfferRecordSubmit(taskId: string) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  return (done: InspectionTaskDetail) => {
    if (!done.recordId || done.recordStatus !== 'draft') return;
    const recordId = done.recordId;
    modal.confirm({
      title: t('start.inspectionSubmit.title'),
      content: t('start.inspectionSubmit.body'),
      okText: t('start.inspectionSubmit.ok'),
      cancelText: t('start.inspectionSubmit.later'),
      okButtonProps: { 'data-testid': 'insp-submit-now' } as ButtonProps,
      cancelButtonProps: { 'data-testid': 'insp-submit-later' } as ButtonProps,
      onOk: async () => {
        await api(`/om-records/${encodeURIComponent(recordId)}/submit`, { method: 'POST' });
        void qc.invalidateQueries({ queryKey: taskKey(taskId) });
        void qc.invalidateQueries({ queryKey: ['om-records'] });
        void qc.invalidateQueries({ queryKey: ['om-record'] });
        void qc.invalidateQueries({ queryKey: ['me', 'badges'] });
        void message.success(t('start.inspectionSubmit.done'));
      },
    });
  };
}

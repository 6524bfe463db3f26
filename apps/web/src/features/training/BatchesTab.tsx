import { useState } from 'react';
import { Button, Card, Empty, List, Modal, Space, Tag, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { useNow } from '../../components/useNow';
import type { Batch, TrainingPlan, TrainingRole, TrainingSession } from './api';
import { ATTENDANCE, attendanceSheetUrl, SIGN_IN_OPENS_MS, useUpdateSession } from './api';
import { AttendanceModal, BatchModal, SessionModal } from './BatchModals';

/** 批次与场次: training in batches (分批), each in sessions (分次), with attendance. */
export function BatchesTab({ plan, role }: { plan: TrainingPlan; role: TrainingRole }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Batch | 'new' | null>(null);
  const [scheduling, setScheduling] = useState<Batch | null>(null);
  const [attending, setAttending] = useState<{ batch: Batch; session: TrainingSession } | null>(null);
  const names = new Map(plan.trainees.map((x) => [x.id, x.name]));
  const needsBatch = plan.trainees.filter((x) => x.needsBatch);
  return (
    <div className="stack">
      {role.manager ? (
        <div>
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing('new')}
            data-testid="training-batch-new"
          >
            {t('training.batch.new')}
          </Button>
        </div>
      ) : null}
      {needsBatch.length ? (
        <Typography.Text type="warning" data-testid="training-batch-needed">
          {t('training.banner.needsBatch', { names: needsBatch.map((x) => x.name).join(t('training.listSep')) })}
        </Typography.Text>
      ) : null}
      {!plan.batches.length ? <Empty description={<span className="muted">{t('training.batch.empty')}</span>} /> : null}
      {plan.batches.map((b) => (
        <Card
          key={b.id}
          size="small"
          data-testid="training-batch"
          data-batch-id={b.id}
          title={
            <h2 className="card-h2" style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
              {b.name}
            </h2>
          }
        >
          <div style={{ overflowWrap: 'anywhere' }} data-testid="training-batch-trainees">
            <Typography.Text type="secondary">{t('training.batch.trainees')}: </Typography.Text>
            {b.traineeIds.length ? (
              b.traineeIds.map((id) => (
                <Tag key={id} data-testid="training-batch-trainee" data-trainee-id={id} style={{ marginBottom: 4 }}>
                  {names.get(id) ?? id}
                  {b.retrainIds.includes(id) ? ` (${t('training.batch.retrain')})` : ''}
                </Tag>
              ))
            ) : (
              <span className="muted">{t('training.batch.noTrainees')}</span>
            )}
          </div>
          {role.manager ? (
            <Space wrap style={{ margin: '8px 0' }}>
              <Button size="small" onClick={() => setEditing(b)} data-testid="training-batch-edit">
                {t('training.batch.edit')}
              </Button>
              <Button
                size="small"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setScheduling(b)}
                data-testid="training-session-new"
              >
                {t('training.session.new')}
              </Button>
            </Space>
          ) : null}
          {b.sessions.length ? (
            <List
              size="small"
              dataSource={b.sessions}
              rowKey="id"
              renderItem={(s) => (
                <SessionItem
                  plan={plan}
                  session={s}
                  role={role}
                  onAttend={() => setAttending({ batch: b, session: s })}
                />
              )}
            />
          ) : (
            <div className="muted">{t('training.session.empty')}</div>
          )}
        </Card>
      ))}
      {editing ? (
        <BatchModal plan={plan} batch={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {scheduling ? <SessionModal plan={plan} batch={scheduling} onClose={() => setScheduling(null)} /> : null}
      {attending ? (
        <AttendanceModal
          plan={plan}
          batch={attending.batch}
          session={attending.session}
          onClose={() => setAttending(null)}
        />
      ) : null}
    </div>
  );
}

function SessionItem({
  plan,
  session: s,
  role,
  onAttend,
}: {
  plan: TrainingPlan;
  session: TrainingSession;
  role: TrainingRole;
  onAttend: () => void;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const cancel = useUpdateSession(plan.id);
  const open = now >= s.startsAt - SIGN_IN_OPENS_MS;
  const counts = ATTENDANCE.map((a) => [a, s.attendance.filter((x) => x.status === a).length] as const).filter(
    ([, n]) => n > 0,
  );
  return (
    <List.Item
      data-testid="training-session"
      data-session-id={s.id}
      data-cancelled={String(s.cancelled)}
      data-attendance={s.attendance.length}
    >
      <div style={{ minWidth: 0, width: '100%', overflowWrap: 'anywhere' }}>
        <strong>{s.courseTitle}</strong>{' '}
        {s.cancelled ? (
          <Tag color="#595959" data-testid="training-session-cancelled">
            {t('training.session.cancelled')}
          </Tag>
        ) : null}
        <div>
          {formatDateTime(s.startsAt)} – {formatDateTime(s.endsAt)}
        </div>
        <div className="muted">
          {[t(`training.mode.${s.mode}`), s.place, t('training.session.trainerIs', { name: s.trainerName })].join(
            ' · ',
          )}
        </div>
        <div data-testid="training-session-attendance">
          {s.attendance.length ? (
            counts.map(([a, n]) => (
              <span key={a} style={{ marginInlineEnd: 8 }}>
                {t(`training.attendance.${a}`)} {n}
              </span>
            ))
          ) : (
            <span className="muted">{t('training.attendance.none')}</span>
          )}
        </div>
        <Space wrap size="small" style={{ marginTop: 4 }}>
          {role.trainer && !s.cancelled ? (
            <Button
              size="small"
              type="primary"
              disabled={!open}
              onClick={onAttend}
              data-testid="training-attendance-open"
            >
              {t('training.attendance.take')}
            </Button>
          ) : null}
          <Button
            size="small"
            href={attendanceSheetUrl(s.id, 'pdf')}
            download
            icon={<FilePdfOutlined aria-hidden />}
            data-testid="training-sheet-pdf"
          >
            {t('training.attendance.sheetPdf')}
          </Button>
          <Button
            size="small"
            href={attendanceSheetUrl(s.id, 'xlsx')}
            download
            icon={<FileExcelOutlined aria-hidden />}
            data-testid="training-sheet-xlsx"
          >
            {t('training.attendance.sheetXlsx')}
          </Button>
          {role.manager && !s.cancelled ? (
            <Button
              size="small"
              danger
              loading={cancel.isPending}
              data-testid="training-session-cancel"
              onClick={() =>
                Modal.confirm({
                  title: t('training.session.cancelConfirm'),
                  okText: t('training.session.cancel'),
                  cancelText: t('common.cancel'),
                  okButtonProps: { danger: true },
                  onOk: () => cancel.mutateAsync({ id: s.id, cancelled: true }),
                })
              }
            >
              {t('training.session.cancel')}
            </Button>
          ) : null}
        </Space>
        {role.trainer && !s.cancelled && !open ? (
          <div className="muted">
            {t('training.attendance.opensAt', { at: formatDateTime(s.startsAt - SIGN_IN_OPENS_MS) })}
          </div>
        ) : null}
      </div>
    </List.Item>
  );
}

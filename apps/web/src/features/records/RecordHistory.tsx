import type { ReactNode } from 'react';
import { List, Space, Timeline } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OmRecord } from '../../api/types';
import { formatDateTime, formatDateTimeSec } from '../../components/format';
import { signatureUrl } from './api';
import { recordPath } from './RecordList';
import { RecordStatusTag } from './RecordTags';

interface Step {
  key: string;
  at: number;
  color: string;
  body: ReactNode;
}

/** 流转记录: submitted, reviewed, rejected (with the reason) and signed (by whom, when, from which IP). */
export function RecordTimeline({ record }: { record: OmRecord }) {
  const { t } = useTranslation();
  const steps: Step[] = [];
  const line = (title: string, at: number, who: string | null, extra?: ReactNode) => (
    <div>
      <div>
        <strong>{title}</strong>
        {who ? <span> · {who}</span> : null}
      </div>
      <div className="muted">{formatDateTimeSec(at)}</div>
      {extra}
    </div>
  );
  if (record.submittedAt !== null)
    steps.push({
      key: 'submitted',
      at: record.submittedAt,
      color: 'blue',
      body: line(t('record.step.submitted'), record.submittedAt, record.authorName),
    });
  if (record.reviewedAt !== null)
    steps.push({
      key: 'reviewed',
      at: record.reviewedAt,
      color: 'blue',
      body: line(
        t('record.step.reviewed'),
        record.reviewedAt,
        record.reviewerName,
        record.reviewNote ? (
          <div className="pre-wrap">{t('record.reviewNoteIs', { note: record.reviewNote })}</div>
        ) : null,
      ),
    });
  if (record.rejectedAt !== null)
    steps.push({
      key: 'rejected',
      at: record.rejectedAt,
      color: 'red',
      body: line(
        t('record.step.rejected'),
        record.rejectedAt,
        record.rejectorName,
        record.rejectReason ? (
          <div className="pre-wrap">{t('record.reasonIs', { reason: record.rejectReason })}</div>
        ) : null,
      ),
    });
  if (record.signedAt !== null)
    steps.push({
      key: 'signed',
      at: record.signedAt,
      color: 'green',
      body: line(
        t('record.step.signed'),
        record.signedAt,
        record.signerName,
        record.signerIp ? <div className="muted">{t('record.signerIp', { ip: record.signerIp })}</div> : null,
      ),
    });
  steps.sort((a, b) => b.at - a.at);
  const draft = {
    key: 'draft',
    color: 'gray',
    children: line(t('record.step.draft'), record.updatedAt, record.authorName),
  };
  return (
    <div data-testid="record-timeline">
      <Timeline
        items={[
          ...steps.map((s) => ({
            key: s.key,
            color: s.color,
            children: <div data-testid={`record-step-${s.key}`}>{s.body}</div>,
          })),
          ...(steps.length ? [] : [draft]),
        ]}
      />
    </div>
  );
}

/** Every version of the record, oldest first; amendments say why they were made. */
export function RecordVersions({ record }: { record: OmRecord }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={record.versions}
      rowKey="id"
      data-testid="record-versions"
      renderItem={(v) => (
        <List.Item data-testid="record-version" data-version={v.version}>
          <div style={{ minWidth: 0 }}>
            <Space wrap size={[8, 4]}>
              {v.id === record.id ? (
                <strong>{t('record.versionN', { n: v.version })}</strong>
              ) : (
                <Link to={recordPath(v.id)}>{t('record.versionN', { n: v.version })}</Link>
              )}
              <RecordStatusTag status={v.status} />
              {v.signedAt !== null ? (
                <span className="muted">{t('record.signedAtIs', { at: formatDateTime(v.signedAt) })}</span>
              ) : null}
            </Space>
            {v.amendReason ? (
              <div className="pre-wrap muted">{t('record.amendReasonIs', { reason: v.amendReason })}</div>
            ) : null}
          </div>
        </List.Item>
      )}
    />
  );
}

/** The customer lead's hand-drawn signature, once signed. */
export function RecordSignature({ record }: { record: OmRecord }) {
  const { t } = useTranslation();
  if (!record.hasSignature) return <p className="muted">{t('record.notSigned')}</p>;
  return (
    <figure style={{ margin: 0 }}>
      <img
        src={signatureUrl(record.id)}
        alt={t('record.signatureAlt', { name: record.signerName ?? '' })}
        className="signature-image"
        data-testid="record-signature"
      />
      <figcaption className="muted">
        {record.signerName} · {formatDateTimeSec(record.signedAt)}
      </figcaption>
    </figure>
  );
}

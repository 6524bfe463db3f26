import { useRef, useState, type ReactNode } from 'react';
import { App, Button, Card, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { CameraOutlined, CheckOutlined, CloseOutlined, MinusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ticketPath } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';
import type { ChecklistItem, InspectionResult, ItemOutcome } from './api';
import { OUTCOME_COLOR, STATE_COLOR } from './StateTag';
import { itemPhotoUrl, useFindingTicket, useSaveResult, useUploadItemPhoto } from './api';
import { FAULT_LEVELS } from '@weibao/schema/enum-values';

const OUTCOMES: { value: ItemOutcome; icon: ReactNode; danger?: boolean }[] = [
  { value: 'pass', icon: <CheckOutlined aria-hidden /> },
  { value: 'fail', icon: <CloseOutlined aria-hidden />, danger: true },
  { value: 'na', icon: <MinusOutlined aria-hidden /> },
];

/** The expected value or range of an item, e.g. "≤ 80 %" / "10 – 30 ℃". */
export function rangeText(item: ChecklistItem): string {
  const u = item.unit ? ` ${item.unit}` : '';
  if (item.min !== null && item.max !== null) return `${item.min} – ${item.max}${u}`;
  if (item.max !== null) return `≤ ${item.max}${u}`;
  if (item.min !== null) return `≥ ${item.min}${u}`;
  return '';
}

interface Props {
  taskId: string;
  item: ChecklistItem;
  result: InspectionResult | undefined;
  readOnly: boolean;
  photoVersion: number;
  onPhoto: () => void;
}

/** One checklist item: pass / fail / n.a. (saved at once), the measured value, a note, a photo, a ticket for a failure. */
export function ItemCard({ taskId, item, result, readOnly, photoVersion, onPhoto }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveResult(taskId);
  const upload = useUploadItemPhoto(taskId);
  const [value, setValue] = useState<number | null>(result?.value ?? null);
  const [note, setNote] = useState(result?.note ?? '');
  const input = useRef<HTMLInputElement>(null);
  const measured = item.min !== null || item.max !== null || !!item.unit;
  const range = rangeText(item);
  const outOfRange =
    value !== null && ((item.min !== null && value < item.min) || (item.max !== null && value > item.max));

  const persist = (outcome: ItemOutcome) =>
    save.mutate(
      { key: item.key, outcome, value: measured ? value : undefined, note: note.trim() || undefined },
      {
        onSuccess: () => void message.success(t('insp.saved')),
      },
    );
  const onBlurSave = () => {
    if (result && (note.trim() !== (result.note ?? '') || (measured && value !== result.value)))
      persist(result.outcome);
  };
  const onFile = (file: File | undefined) => {
    if (!file) return;
    upload.mutate(
      { key: item.key, file },
      { onSuccess: () => (onPhoto(), void message.success(t('insp.photoUploaded'))) },
    );
    if (input.current) input.current.value = '';
  };
  const titleId = `insp-item-title-${item.key}`;

  return (
    <Card
      size="small"
      className="insp-item"
      data-testid={`insp-item-${item.key}`}
      data-outcome={result?.outcome ?? ''}
      role="group"
      aria-labelledby={titleId}
      style={{ marginBottom: 12 }}
    >
      <Typography.Title level={3} id={titleId} style={{ fontSize: 16, marginTop: 0 }}>
        {item.title}{' '}
        {result ? <Tag color={OUTCOME_COLOR[result.outcome]}>{t(`insp.outcome.${result.outcome}`)}</Tag> : null}
      </Typography.Title>
      {item.method ? (
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('insp.method')}: {item.method}
        </Typography.Paragraph>
      ) : null}
      {item.expected || range ? (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          {t('insp.expected')}: {[item.expected, range].filter(Boolean).join(' · ')}
        </Typography.Paragraph>
      ) : null}
      {item.photoRequired ? (
        <Tag color={STATE_COLOR.open} style={{ marginBottom: 8 }}>
          {t('insp.photoRequired')}
        </Tag>
      ) : null}
      {measured ? (
        <div style={{ marginBottom: 8 }}>
          <InputNumber
            value={value}
            onChange={(v) => setValue(typeof v === 'number' ? v : null)}
            onBlur={onBlurSave}
            disabled={readOnly}
            addonAfter={item.unit || undefined}
            aria-label={t('insp.value', { item: item.title })}
            status={outOfRange ? 'warning' : undefined}
            style={{ width: '100%', maxWidth: 240 }}
            data-testid={`insp-value-${item.key}`}
          />
          {outOfRange ? (
            <Typography.Text type="warning" style={{ display: 'block' }}>
              {t('insp.outOfRange')}
            </Typography.Text>
          ) : null}
        </div>
      ) : null}
      <div
        className="insp-outcomes"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8, marginBottom: 8 }}
      >
        {OUTCOMES.map((o) => (
          <Button
            key={o.value}
            size="large"
            icon={o.icon}
            danger={o.danger}
            type={result?.outcome === o.value ? 'primary' : 'default'}
            aria-pressed={result?.outcome === o.value}
            disabled={readOnly}
            loading={save.isPending && save.variables?.outcome === o.value}
            onClick={() => persist(o.value)}
            data-testid={`insp-${o.value}-${item.key}`}
          >
            {t(`insp.outcome.${o.value}`)}
          </Button>
        ))}
      </div>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onBlur={onBlurSave}
        disabled={readOnly}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={1000}
        placeholder={t('insp.note')}
        aria-label={t('insp.noteFor', { item: item.title })}
        data-testid={`insp-note-${item.key}`}
      />
      {result?.hasPhoto ? (
        <img
          src={`${itemPhotoUrl(taskId, item.key)}?v=${photoVersion}`}
          alt={t('insp.photoAlt', { item: item.title })}
          data-testid={`insp-photo-${item.key}`}
          style={{ display: 'block', maxWidth: '100%', maxHeight: 200, marginTop: 8, borderRadius: 6 }}
        />
      ) : null}
      {!readOnly ? (
        <div style={{ marginTop: 8 }}>
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            aria-label={t('insp.photoChoose', { item: item.title })}
            data-testid={`insp-photo-input-${item.key}`}
            onChange={(e) => onFile(e.target.files?.[0])}
          />
          <Button
            icon={<CameraOutlined aria-hidden />}
            disabled={!result}
            loading={upload.isPending}
            onClick={() => input.current?.click()}
            data-testid={`insp-photo-upload-${item.key}`}
          >
            {result?.hasPhoto ? t('insp.photoReplace') : t('insp.photoUpload')}
          </Button>
          {!result ? (
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {t('insp.photoAfterResult')}
            </Typography.Text>
          ) : null}
        </div>
      ) : null}
      {result?.outcome === 'fail' ? (
        <FindingTicket taskId={taskId} item={item} result={result} readOnly={readOnly} />
      ) : null}
    </Card>
  );
}

function FindingTicket({
  taskId,
  item,
  result,
  readOnly,
}: {
  taskId: string;
  item: ChecklistItem;
  result: InspectionResult;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const open = useFindingTicket(taskId);
  const [level, setLevel] = useState<1 | 2 | 3 | 4>(3);
  if (result.ticketId) {
    return (
      <div style={{ marginTop: 8 }}>
        {t('insp.ticket')}:{' '}
        <Link to={ticketPath(me, result.ticketId)} data-testid={`insp-ticket-${item.key}`}>
          {result.ticketNumber}
        </Link>
      </div>
    );
  }
  if (readOnly) return null;
  return (
    <Space wrap style={{ marginTop: 8 }}>
      <Select
        value={level}
        onChange={(v: 1 | 2 | 3 | 4) => setLevel(v)}
        aria-label={t('insp.ticketLevel', { item: item.title })}
        options={FAULT_LEVELS.map((n) => ({ value: n, label: t(`level.short.${n}`) }))}
        style={{ minWidth: 110 }}
        data-testid={`insp-ticket-level-${item.key}`}
      />
      <Button
        danger
        loading={open.isPending}
        onClick={() => open.mutate({ key: item.key, level })}
        data-testid={`insp-ticket-open-${item.key}`}
      >
        {t('insp.openTicket')}
      </Button>
    </Space>
  );
}

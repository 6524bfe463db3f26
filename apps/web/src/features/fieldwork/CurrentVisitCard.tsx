import { useRef, useState } from 'react';
import { App, Alert, Button, Card, Descriptions, Form, Input, Modal } from 'antd';
import { CameraOutlined, FormOutlined, LogoutOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { hasRole, RECORD_AUTHORS } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';
import { useTranslation } from 'react-i18next';
import { applyFormError, submitReportingFailures } from '../../api/client';
import type { SiteVisit } from '../../api/types';
import { formatCountdown, formatDateTime } from '../../components/format';
import { useNow } from '../../components/useNow';
import { useCheckOut, useUploadVisitPhoto, visitPhotoUrl } from './api';
import { currentPosition, formatPosition, geoPreference } from './geo';
import { VisitStatusTag } from './VisitTags';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** The open visit: how long I have been on site, a photo of the site, and the big check-out button. */
export function CurrentVisitCard({ visit, photoVersion }: { visit: SiteVisit; photoVersion: number }) {
  const { t } = useTranslation();
  const now = useNow();
  const me = useCurrentUser();
  const [checkingOut, setCheckingOut] = useState(false);
  const position = formatPosition(visit.checkInPosition);
  return (
    <Card title={h2(t('field.currentTitle'))} data-testid="current-visit" data-visit-id={visit.id}>
      {visit.forgotten ? (
        <Alert
          type="warning"
          showIcon
          message={t('field.forgottenHelp')}
          style={{ marginBottom: 12 }}
          data-testid="current-forgotten"
        />
      ) : null}
      <div style={{ textAlign: 'center', marginBottom: 12 }}>
        <VisitStatusTag checkedOutAt={null} forgotten={visit.forgotten} />
        <div className="muted">{t('field.duration')}</div>
        <div className="clock-big" data-testid="current-duration" role="timer" aria-live="off">
          {formatCountdown(now - visit.checkedInAt)}
        </div>
      </div>
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'project',
            label: t('field.project'),
            children: <span data-testid="current-project">{visit.projectName}</span>,
          },
          ...(visit.ticketNumber ? [{ key: 'ticket', label: t('field.ticket'), children: visit.ticketNumber }] : []),
          { key: 'in', label: t('field.checkedInAt'), children: formatDateTime(visit.checkedInAt) },
          {
            key: 'location',
            label: t('field.location'),
            children: <span className="pre-wrap">{visit.checkInLocation}</span>,
          },
          ...(position ? [{ key: 'pos', label: t('field.position'), children: position }] : []),
          ...(visit.note
            ? [{ key: 'note', label: t('field.note'), children: <span className="pre-wrap">{visit.note}</span> }]
            : []),
        ]}
      />
      <VisitPhoto visit={visit} version={photoVersion} />
      {hasRole(me, RECORD_AUTHORS) ? (
        <Link
          to={`/records/new?projectId=${encodeURIComponent(visit.projectId)}&visitId=${encodeURIComponent(visit.id)}`}
          style={{ display: 'inline-block', marginTop: 12 }}
          data-testid="write-record"
        >
          <FormOutlined aria-hidden /> {t('field.writeRecord')}
        </Link>
      ) : null}
      <Button
        type="primary"
        danger
        size="large"
        block
        icon={<LogoutOutlined aria-hidden />}
        onClick={() => setCheckingOut(true)}
        style={{ marginTop: 16, height: 56, fontSize: 18 }}
        data-testid="check-out"
      >
        {t('field.checkOut')}
      </Button>
      {checkingOut ? <CheckOutModal visit={visit} onClose={() => setCheckingOut(false)} /> : null}
    </Card>
  );
}

/** 现场照片: shown once uploaded; the camera opens directly on phones. */
function VisitPhoto({ visit, version }: { visit: SiteVisit; version: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadVisitPhoto(visit.id);
  const input = useRef<HTMLInputElement>(null);
  const onFile = (file: File | undefined) => {
    if (!file) return;
    upload.mutate(file, { onSuccess: () => void message.success(t('field.photoUploaded')) });
    if (input.current) input.current.value = '';
  };
  return (
    <div style={{ marginTop: 12 }}>
      {visit.hasPhoto ? (
        <img
          src={`${visitPhotoUrl(visit.id)}?v=${version}`}
          alt={t('field.photoAlt', { project: visit.projectName })}
          data-testid="visit-photo"
          style={{ display: 'block', maxWidth: '100%', maxHeight: 240, marginBottom: 8, borderRadius: 6 }}
        />
      ) : null}
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        aria-label={t('field.photoChoose')}
        data-testid="visit-photo-input"
        onChange={(e) => onFile(e.target.files?.[0])}
      />
      <Button
        icon={<CameraOutlined aria-hidden />}
        onClick={() => input.current?.click()}
        loading={upload.isPending}
        data-testid="visit-photo-upload"
      >
        {visit.hasPhoto ? t('field.photoReplace') : t('field.photoUpload')}
      </Button>
    </div>
  );
}

interface OutValues {
  location?: string;
  note?: string;
}

/** 签退 with a second confirmation: where I leave from (defaults to where I checked in) and a note. */
function CheckOutModal({ visit, onClose }: { visit: SiteVisit; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OutValues>();
  const checkOut = useCheckOut(visit.id);
  const [locating, setLocating] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    let position;
    if (geoPreference()) {
      setLocating(true);
      position = await currentPosition();
      setLocating(false);
    }
    checkOut.mutate(
      { location: v.location?.trim() || undefined, note: v.note?.trim() || undefined, position },
      {
        onSuccess: () => {
          void message.success(t('field.checkedOutDone'));
          onClose();
        },
        onError: (e) => applyFormError(form, e),
      },
    );
  };
  const confirm = () => submitReportingFailures(submit, () => void message.error(t('error.unknown')));

  return (
    <Modal
      open
      title={t('field.checkOutTitle')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger
          loading={locating || checkOut.isPending}
          onClick={confirm}
          data-testid="check-out-confirm"
        >
          {t('field.checkOutConfirm')}
        </Button>,
      ]}
    >
      <div data-testid="check-out-modal">
        <p>{t('field.checkOutText', { project: visit.projectName })}</p>
        <Form<OutValues>
          form={form}
          layout="vertical"
          name="check-out"
          initialValues={{ location: visit.checkInLocation }}
        >
          <Form.Item name="location" label={t('field.checkOutLocation')}>
            <Input maxLength={200} data-testid="check-out-location" />
          </Form.Item>
          <Form.Item name="note" label={t('field.note')}>
            <Input.TextArea rows={2} maxLength={500} data-testid="check-out-note" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

import { useRef, useState } from 'react';
import { App, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OmRecord } from '../../api/types';
import { useSignRecords } from './api';
import { SignatureCanvas, type SignatureHandle } from './SignatureCanvas';

/** The schema's limit on the signature data URL. */
const MAX_SIGNATURE = 400_000;

interface Props {
  records: { id: string; number: string }[];
  onClose: () => void;
  onSigned?: (records: OmRecord[]) => void;
}

/** 签字确认: the customer lead signs one or several records with one hand-drawn signature. */
export function SignatureModal({ records, onClose, onSigned }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pad = useRef<SignatureHandle>(null);
  const [empty, setEmpty] = useState(true);
  const sign = useSignRecords();

  const confirm = () => {
    const signature = pad.current?.toPng(MAX_SIGNATURE);
    if (!signature || pad.current?.isEmpty()) return;
    sign.mutate(
      { recordIds: records.map((r) => r.id), signature },
      {
        onSuccess: (res) => {
          void message.success(t('record.signedDone', { n: res.items.length }));
          onSigned?.(res.items);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('record.signTitle')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={[
        <Button
          key="clear"
          onClick={() => pad.current?.clear()}
          disabled={empty || sign.isPending}
          data-testid="signature-clear"
        >
          {t('record.signClear')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          onClick={confirm}
          disabled={empty}
          loading={sign.isPending}
          data-testid="signature-confirm"
        >
          {t('record.signConfirm')}
        </Button>,
      ]}
    >
      <div data-testid="signature-modal">
        <Typography.Paragraph>{t('record.signStatement', { n: records.length })}</Typography.Paragraph>
        <Typography.Paragraph className="muted" style={{ overflowWrap: 'anywhere' }} data-testid="signature-records">
          {records.map((r) => r.number).join(t('record.listSep'))}
        </Typography.Paragraph>
        <p id="signature-help" className="muted" style={{ marginBottom: 8 }}>
          {t('record.signHelp')}
        </p>
        <SignatureCanvas ref={pad} label={t('record.signArea')} describedBy="signature-help" onEmptyChange={setEmpty} />
      </div>
    </Modal>
  );
}

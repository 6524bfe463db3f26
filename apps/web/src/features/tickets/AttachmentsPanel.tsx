import { useRef } from 'react';
import { App, Button, Empty, List } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatDateTime } from '../../components/format';
import { attachmentUrl, useAttachments, useUploadAttachment } from './api';

/**
 * Attachment list with download links and an upload button. A plain hidden <input type=file>
 * is used instead of antd Upload, whose role=button wrapper around a <button> nests interactive
 * controls (an axe "serious" violation).
 */
export function AttachmentsPanel({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data = [], isPending } = useAttachments(ticketId);
  const upload = useUploadAttachment(ticketId);
  const input = useRef<HTMLInputElement>(null);

  const onFiles = async (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) {
      try {
        await upload.mutateAsync(f);
        void message.success(t('attachment.uploaded', { name: f.name }));
      } catch {
        /* the API client already showed the server's reason */
      }
    }
    if (input.current) input.current.value = '';
  };

  return (
    <div data-testid="attachments">
      {!isPending && data.length === 0 ? (
        <Empty description={t('attachment.empty')} />
      ) : (
        <List
          dataSource={data}
          loading={isPending}
          rowKey="id"
          renderItem={(a) => (
            <List.Item>
              <div style={{ minWidth: 0 }}>
                <a
                  href={attachmentUrl(a.id)}
                  download={a.fileName}
                  data-testid="attachment-link"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  <PaperClipOutlined aria-hidden /> {a.fileName}
                </a>
                <div className="muted">
                  {formatBytes(a.size)} · {a.uploaderName} · {formatDateTime(a.at)}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label={t('attachment.choose')}
        data-testid="attachment-input"
        onChange={(e) => void onFiles(e.target.files)}
      />
      <Button
        icon={<UploadOutlined aria-hidden />}
        onClick={() => input.current?.click()}
        loading={upload.isPending}
        style={{ marginTop: 12 }}
        data-testid="attachment-upload"
      >
        {t('attachment.upload')}
      </Button>
    </div>
  );
}

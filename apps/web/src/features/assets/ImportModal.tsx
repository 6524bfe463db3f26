import { useRef, useState } from 'react';
import { Alert, Button, Card, Modal, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { AssetImportResult } from '../../api/types';
import { ResponsiveList } from '../../components/ResponsiveList';
import { importTemplateUrl, useImportAssets } from './api';

interface RowError {
  row: number | null;
  column: string;
  message: string;
}

/** "rows[5].serial" (the spreadsheet's row 5, header = row 1) to row and column. */
export function parseRowField(field: string): { row: number | null; column: string } {
  const m = /^rows\[(\d+)\]\.?(.*)$/.exec(field);
  return m ? { row: Number(m[1]), column: m[2] ?? '' } : { row: null, column: field };
}

type Outcome =
  | { kind: 'done'; result: AssetImportResult }
  | { kind: 'invalid'; detail: string; errors: RowError[] }
  | { kind: 'failed'; detail: string };

/**
 * 批量导入 from the Excel template. A file with a bad row imports nothing: the rows and reasons are
 * listed, and "只导入有效行" sends the same file again in mode=valid.
 */
export function ImportModal({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = useImportAssets(projectId);

  const send = (mode: 'all' | 'valid') => {
    if (!file) return;
    setOutcome(null);
    run.mutate(
      { file, mode },
      {
        onSuccess: (result) => setOutcome({ kind: 'done', result }),
        onError: (e) => {
          if (e instanceof ApiError && e.code.toUpperCase() === 'IMPORT_INVALID') {
            const errors = e.errors.map((x) => ({ ...parseRowField(x.field), message: x.message }));
            setOutcome({ kind: 'invalid', detail: e.detail, errors });
          } else setOutcome({ kind: 'failed', detail: e instanceof Error ? e.message : String(e) });
        },
      },
    );
  };

  const column = (c: string) => (c ? t(`assetImport.column.${c}`, { defaultValue: c }) : '—');
  const errorList = (errors: RowError[]) => {
    const columns: ColumnsType<RowError> = [
      { title: t('assetImport.row'), key: 'row', render: (_, e) => e.row ?? '—', width: 70 },
      { title: t('assetImport.column.label'), key: 'column', render: (_, e) => column(e.column), width: 140 },
      { title: t('assetImport.message'), key: 'message', dataIndex: 'message' },
    ];
    return (
      <ResponsiveList<RowError>
        items={errors}
        columns={columns}
        rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
        rowTestId="import-error"
        label={t('assetImport.errorsTitle')}
        renderCard={(e) => (
          <Card size="small" className="full-width">
            <strong>{t('assetImport.rowN', { n: e.row ?? '—' })}</strong> · {column(e.column)}
            <div className="danger-text" style={{ overflowWrap: 'anywhere' }}>
              {e.message}
            </div>
          </Card>
        )}
      />
    );
  };

  const result = (r: AssetImportResult) => (
    <div className="stack" data-testid="import-result" data-imported={r.imported} data-skipped={r.skipped}>
      <Alert
        type={r.skipped ? 'warning' : 'success'}
        showIcon
        message={t('assetImport.done', { n: r.imported, batches: r.acceptancesCreated })}
        description={r.skipped ? t('assetImport.skipped', { n: r.skipped }) : undefined}
      />
      {r.errors.length
        ? errorList(r.errors.map((e) => ({ row: e.row, column: parseRowField(e.field).column, message: e.message })))
        : null}
    </div>
  );

  return (
    <Modal
      open
      title={t('assetImport.title')}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={
        <Button onClick={onClose} data-testid="import-close">
          {t('assetImport.close')}
        </Button>
      }
    >
      <div className="stack" data-testid="import-modal">
        <ol className="problem-list" style={{ margin: 0 }}>
          <li>
            {t('assetImport.step1')}{' '}
            <a
              href={importTemplateUrl()}
              download
              data-testid="import-template"
              style={{ textDecoration: 'underline' }}
            >
              <DownloadOutlined aria-hidden /> {t('assetImport.template')}
            </a>
          </li>
          <li>{t('assetImport.step2')}</li>
        </ol>
        <p className="muted" style={{ margin: 0 }}>
          {t('assetImport.columnsHelp')}
        </p>
        <input
          ref={input}
          type="file"
          hidden
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t('assetImport.choose')}
          data-testid="import-input"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setOutcome(null);
            e.target.value = '';
          }}
        />
        <Space wrap>
          <Button
            icon={<UploadOutlined aria-hidden />}
            onClick={() => input.current?.click()}
            data-testid="import-choose"
          >
            {t('assetImport.choose')}
          </Button>
          {file ? (
            <span data-testid="import-file" style={{ overflowWrap: 'anywhere' }}>
              <FileExcelOutlined aria-hidden /> {file.name}
            </span>
          ) : (
            <span className="muted">{t('assetImport.noFile')}</span>
          )}
        </Space>
        <div>
          <Button
            type="primary"
            disabled={!file}
            loading={run.isPending}
            onClick={() => send('all')}
            data-testid="import-submit"
          >
            {t('assetImport.submit')}
          </Button>
        </div>
        <div aria-live="polite" className="stack">
          {outcome?.kind === 'done' ? result(outcome.result) : null}
          {outcome?.kind === 'invalid' ? (
            <div className="stack" data-testid="import-invalid" data-errors={outcome.errors.length}>
              <Alert
                type="error"
                showIcon
                message={t('assetImport.invalid', { n: new Set(outcome.errors.map((e) => e.row)).size })}
                description={outcome.detail}
              />
              {errorList(outcome.errors)}
              <div>
                <Button type="primary" loading={run.isPending} onClick={() => send('valid')} data-testid="import-valid">
                  {t('assetImport.validOnly')}
                </Button>
              </div>
            </div>
          ) : null}
          {outcome?.kind === 'failed' ? (
            <Alert
              type="error"
              showIcon
              message={t('assetImport.failed')}
              description={outcome.detail}
              data-testid="import-failed"
            />
          ) : null}
        </div>
      </div>
    </Modal>
  );
}

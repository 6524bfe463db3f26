import { Alert, Button, Card, List, Space } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { PhoneLink } from '../../components/PhoneLink';
import { LevelTag, StatusTag } from '../../components/tags';
import { useDebounced } from '../../components/useDebounced';
import { type ReporterLookup, useReporterLookup } from '../start/api';

interface Props {
  phone: string | undefined;
  /** Fill the form from the caller's latest ticket: name, project, place. */
  onUse: (caller: ReporterLookup) => void;
}

/**
 * 来电号码查询: while the agent types the caller's number, who this is (name and organisation from
 * their latest ticket) and their recent tickets — a repeat call about an open ticket is seen at once.
 */
export function CallerLookup({ phone, onUse }: Props) {
  const { t } = useTranslation();
  const typed = useDebounced((phone ?? '').trim(), 300);
  const lookup = useReporterLookup(typed);
  const found = lookup.data;
  if (!found || found.phone !== typed) return null;
  if (!found.recentTickets.length) {
    return (
      <Alert
        type="info"
        showIcon
        message={t('start.caller.lookupNone')}
        style={{ marginBottom: 16 }}
        data-testid="caller-lookup-none"
      />
    );
  }
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="caller-lookup"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('start.caller.lookupTitle')}</h2>}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <strong data-testid="caller-lookup-name">
          {t('start.caller.lookupFound', { name: found.reporterName, org: found.customerName })}
        </strong>
        <PhoneLink phone={found.phone} testId="caller-lookup-phone" />
        <Button size="small" type="primary" onClick={() => onUse(found)} data-testid="caller-lookup-use">
          {t('start.caller.useCaller')}
        </Button>
      </Space>
      <h3 style={{ fontSize: 14, margin: '4px 0' }}>{t('start.caller.recent')}</h3>
      <List
        size="small"
        dataSource={found.recentTickets}
        renderItem={(tk) => (
          <List.Item data-testid="caller-recent-ticket">
            <Space wrap size={4}>
              {/* A new tab, so the call being logged is not lost. */}
              <Link to={`/tickets/${encodeURIComponent(tk.id)}`} target="_blank" rel="noopener">
                {tk.number}
              </Link>
              <span>{tk.title}</span>
              <StatusTag status={tk.status} />
              <LevelTag level={tk.level} />
              <span className="muted">
                {tk.projectName} · {formatDateTime(tk.reportedAt)}
              </span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

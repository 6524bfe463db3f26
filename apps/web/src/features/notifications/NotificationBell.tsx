import { useState } from 'react';
import { Badge, Button, List, Popover, Space } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMarkAllRead, useNotificationPages, useNotificationSummary, type NotificationGroup } from './api';
import { NotificationItem } from './NotificationItem';

/** The header bell: unread count, the latest (grouped) notifications, mark all read, and a link to the centre. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const summary = useNotificationSummary();
  const unread = summary.data?.unread ?? 0;
  // The list is read only while the dropdown is open; the count comes from the summary.
  const latest = useNotificationPages({ state: 'all' }, 10, { quiet: true, enabled: open });
  const items = latest.data?.pages[0]?.items ?? [];
  const markAll = useMarkAllRead();

  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 32px))' }}>
      <List<NotificationGroup>
        dataSource={items}
        rowKey="id"
        locale={{ emptyText: t('notifications.empty') }}
        style={{ maxHeight: 420, overflowY: 'auto' }}
        renderItem={(n) => <NotificationItem n={n} onOpen={() => setOpen(false)} />}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between', paddingTop: 8 }} wrap>
        <Link to="/notifications" onClick={() => setOpen(false)} data-testid="notification-centre-link">
          {t('notify.viewAll')}
        </Link>
        {unread > 0 ? (
          <Button
            type="link"
            onClick={() => markAll.mutate({})}
            loading={markAll.isPending}
            data-testid="notification-read-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        ) : null}
      </Space>
    </div>
  );

  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      title={t('notifications.title')}
      content={content}
      placement="bottomRight"
    >
      <Button
        type="text"
        // Same text as the badge shows ("99+"), so the visible label is part of the accessible name.
        aria-label={t('notifications.bell', { n: unread > 99 ? '99+' : unread })}
        data-testid="notification-bell"
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}

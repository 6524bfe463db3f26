import { useState } from 'react';
import { Button, Col, Grid, Input, Row, Select, Tag } from 'antd';
import { CloseOutlined, FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CHANNELS, TICKET_STATUSES } from '../../api/enums';
import { useAssignees, useOrgs, useProjects, useUsers } from '../../api/queries';
import type { TicketFilter } from './api';
import { useCurrentUser } from '../auth/useMe';
import { clearClock, hasClockFilter } from './useTicketFilter';
import { beijingDay } from '../../components/format';
import { FAULT_LEVELS } from '@weibao/schema/enum-values';
import { SearchSelect } from '../../components/SearchSelect';

/** 时钟超时筛选: the tickets behind a commitment or an on-time rate, removable in one click. */
function ClockFilterTag({ filter, onRemove }: { filter: TicketFilter; onRemove: () => void }) {
  const { t } = useTranslation();
  if (!hasClockFilter(filter)) return null;
  const text = t('reports.clockFilter.text', {
    clock: t(`clock.kind.${filter.clock!}`),
    outcome: t(`clock.status.${filter.outcome!}`),
    from: beijingDay(filter.endedFrom!),
    to: beijingDay(Math.max(filter.endedFrom!, filter.endedTo! - 1)),
  });
  return (
    <div
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4, marginBottom: 8 }}
      data-testid="clock-filter"
      data-clock={filter.clock}
      data-outcome={filter.outcome}
    >
      <Tag
        style={{
          whiteSpace: 'normal',
          marginInlineEnd: 0,
          overflowWrap: 'anywhere',
          color: '#a8071a',
          background: '#fff1f0',
          borderColor: '#ffa39e',
        }}
        data-testid="clock-filter-tag"
      >
        <strong>{t('reports.clockFilter.label')}</strong>: {text}
      </Tag>
      <Button
        size="small"
        type="text"
        icon={<CloseOutlined aria-hidden />}
        aria-label={t('reports.clockFilter.remove')}
        onClick={onRemove}
        data-testid="clock-filter-remove"
      />
    </div>
  );
}

interface Props {
  filter: TicketFilter;
  update: (patch: Partial<TicketFilter>) => void;
  reset: () => void;
  /** Customers only filter by their own projects; provider staff get every filter. */
  customerView?: boolean;
}

export function TicketFilters({ filter, update, reset, customerView = false }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const { data: orgs = [] } = useOrgs(!customerView);
  const { data: projects = [] } = useProjects();
  const { data: assignees = [] } = useAssignees(filter.projectId);
  // Only service managers may list all users; others pick an assignee within the chosen project.
  const canListUsers = me.roles.includes('service_manager');
  const { data: staff = [] } = useUsers(me.orgId, canListUsers && !customerView && !filter.projectId);
  const people = filter.projectId ? assignees : canListUsers ? staff.filter((u) => u.roles.includes('engineer')) : [];
  const peopleOptions = people.length ? people : [{ id: me.id, displayName: me.displayName }];

  const search = (
    <Input.Search
      allowClear
      defaultValue={filter.q}
      key={filter.q ?? ''}
      placeholder={t('filter.qPlaceholder')}
      aria-label={t('filter.q')}
      onSearch={(q) => update({ q: q.trim() || undefined })}
      data-testid="filter-q"
    />
  );
  const showAll = screens.md || open; // phones: filters fold behind a toggle to keep the list visible

  const col = { xs: 24, sm: 12, md: 8, xl: 6 };
  return (
    <div role="search" aria-label={t('filter.title')} style={{ marginBottom: 12 }}>
      <ClockFilterTag filter={filter} onRemove={() => update(clearClock)} />
      <Row gutter={[8, 8]}>
        <Col {...col} xs={screens.md ? 24 : 18}>
          {search}
        </Col>
        {!screens.md ? (
          <Col xs={6}>
            <Button
              block
              icon={<FilterOutlined aria-hidden />}
              aria-expanded={open}
              onClick={() => setOpen((o) => !o)}
              data-testid="filter-toggle"
            >
              {t('filter.toggle')}
            </Button>
          </Col>
        ) : null}
        {showAll ? (
          <>
            <Col {...col}>
              <Select
                mode="multiple"
                allowClear
                className="full-width"
                aria-label={t('filter.status')}
                placeholder={t('filter.status')}
                value={filter.status ?? []}
                onChange={(status) => update({ status })}
                options={TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                maxTagCount="responsive"
                data-testid="filter-status"
              />
            </Col>
            <Col {...col}>
              <Select
                allowClear
                className="full-width"
                aria-label={t('filter.level')}
                placeholder={t('filter.level')}
                value={filter.level}
                onChange={(level) => update({ level })}
                options={FAULT_LEVELS.map((n) => ({ value: n, label: t(`level.short.${n}`) }))}
                data-testid="filter-level"
              />
            </Col>
            {!customerView ? (
              <Col {...col}>
                <SearchSelect
                  allowClear
                  className="full-width"
                  aria-label={t('filter.customer')}
                  placeholder={t('filter.customer')}
                  value={filter.customerId}
                  onChange={(customerId) =>
                    update({ customerId, projectId: undefined, assigneeId: undefined, ...clearClock })
                  }
                  options={orgs.filter((o) => o.kind === 'customer').map((o) => ({ value: o.id, label: o.name }))}
                  data-testid="filter-customer"
                />
              </Col>
            ) : null}
            <Col {...col}>
              <SearchSelect
                allowClear
                className="full-width"
                aria-label={t('filter.project')}
                placeholder={t('filter.project')}
                value={filter.projectId}
                onChange={(projectId) =>
                  update({ projectId, assigneeId: undefined, ...(projectId === filter.projectId ? {} : clearClock) })
                }
                options={projects
                  .filter((p) => !filter.customerId || p.customerId === filter.customerId)
                  .map((p) => ({ value: p.id, label: `${p.name} (${p.customerName})` }))}
                data-testid="filter-project"
              />
            </Col>
            {!customerView ? (
              <Col {...col}>
                <SearchSelect
                  allowClear
                  className="full-width"
                  aria-label={t('filter.assignee')}
                  placeholder={t('filter.assignee')}
                  value={filter.assigneeId}
                  onChange={(assigneeId) => update({ assigneeId })}
                  options={peopleOptions.map((u) => ({ value: u.id, label: u.displayName }))}
                  data-testid="filter-assignee"
                />
              </Col>
            ) : null}
            {!customerView ? (
              <Col {...col}>
                <Select
                  allowClear
                  className="full-width"
                  aria-label={t('filter.channel')}
                  placeholder={t('filter.channel')}
                  value={filter.channel}
                  onChange={(channel) => update({ channel })}
                  options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                  data-testid="filter-channel"
                />
              </Col>
            ) : null}
            <Col {...col}>
              <Button onClick={reset} data-testid="filter-reset">
                {t('filter.reset')}
              </Button>
            </Col>
          </>
        ) : null}
      </Row>
    </div>
  );
}

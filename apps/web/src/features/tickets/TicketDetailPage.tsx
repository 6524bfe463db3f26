import { Button, Card, Col, Grid, Result, Row, Spin } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { RepairPanel } from '../repairs/RepairPanel';
import { TicketKbPanel } from '../knowledge/TicketKbPanel';
import { TicketRatingPanel } from '../satisfaction/TicketRatingPanel';
import { ActionBar } from './ActionBar';
import { useTicket } from './api';
import { AttachmentsPanel } from './AttachmentsPanel';
import { CallerCard } from './CallerCard';
import { ClockCards } from './ClockCards';
import { ClockHistoryView } from './ClockHistoryView';
import { CommentsPanel } from './CommentsPanel';
import { TicketInfo, TicketTitle } from './TicketInfo';
import { TimelineView } from './TimelineView';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** Ticket detail for staff and customers alike; the server decides which actions each may take. */
export default function TicketDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: ticket, error, isPending, dataUpdatedAt } = useTicket(id);
  const phone = Grid.useBreakpoint().md === false;

  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!ticket) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={<h1 style={{ fontSize: 22, margin: 0 }}>{notFound ? t('ticket.notFound') : t('error.loadFailed')}</h1>}
      />
    );
  }

  return (
    <article data-testid="ticket-detail" data-ticket-id={ticket.id} data-status={ticket.status}>
      <PageHeader
        title={<TicketTitle ticket={ticket} />}
        docTitle={`${ticket.number} ${ticket.title}`}
        extra={
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(-1)}>
            {t('common.back')}
          </Button>
        }
      />
      {/* On a phone the caller comes first: name, a tap-to-call number, organisation, place — then the actions. */}
      {phone ? <CallerCard ticket={ticket} /> : null}
      <ActionBar ticket={ticket} />
      <section aria-labelledby="sla-heading">
        <h2 id="sla-heading" className="visually-hidden">
          {t('clock.heading')}
        </h2>
        <ClockCards clocks={ticket.clocks} fetchedAt={dataUpdatedAt} />
      </section>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <TicketRatingPanel ticketId={ticket.id} status={ticket.status} />
          <Card title={h2(t('ticket.details'))} size="small" style={{ marginBottom: 16 }}>
            <TicketInfo ticket={ticket} />
          </Card>
          <Card title={h2(t('repair.title'))} size="small" style={{ marginBottom: 16 }}>
            <RepairPanel ticket={ticket} />
          </Card>
          <TicketKbPanel ticket={ticket} />
          <Card title={h2(t('comment.title'))} size="small" style={{ marginBottom: 16 }}>
            <CommentsPanel ticketId={ticket.id} />
          </Card>
          <Card title={h2(t('attachment.title'))} size="small">
            <AttachmentsPanel ticketId={ticket.id} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={h2(t('timeline.title'))} size="small" style={{ marginBottom: 16 }}>
            <TimelineView ticketId={ticket.id} />
          </Card>
          <Card title={h2(t('clock.historyTitle'))} size="small">
            <ClockHistoryView ticketId={ticket.id} />
          </Card>
        </Col>
      </Row>
    </article>
  );
}

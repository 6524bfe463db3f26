import type { TicketSummary } from '../../api/types';
import type { TicketFilter } from './api';
import { BulkActions } from './BulkActions';
import { SavedFilters } from './SavedFilters';
import { TicketFilters } from './TicketFilters';

interface Props {
  filter: TicketFilter;
  update: (patch: Partial<TicketFilter>) => void;
  reset: () => void;
  selected: TicketSummary[];
  onBulkDone: () => void;
}

/**
 * The queue's antd parts (filters, saved filters, bulk actions): one lazily loaded chunk in an AntScope,
 * so the table paints before antd has arrived.
 */
export default function QueueTools({ filter, update, reset, selected, onBulkDone }: Props) {
  return (
    <>
      <TicketFilters filter={filter} update={update} reset={reset} />
      <SavedFilters />
      <BulkActions selected={selected} onDone={onBulkDone} />
    </>
  );
}

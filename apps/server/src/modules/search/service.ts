import { SEARCH_GROUP_LIMIT, type SearchResults } from '@weibao/schema';
import type { z } from 'zod';
import type { Actor } from '../../lib/actor.js';
import type { AssetLookup } from '../assets/lookup.js';
import type { RecordLookup } from '../fieldwork/lookup.js';
import type { KnowledgeService } from '../knowledge/service.js';
import type { TicketLookup } from '../tickets/lookup.js';

export interface SearchDeps {
  tickets: TicketLookup;
  assets: AssetLookup;
  records: RecordLookup;
  knowledge: KnowledgeService;
}

/**
 * The header's global search: asks each module's own finder, which applies that module's visibility rule
 * (a customer only finds its organisation's items; customers read only published customer-facing articles).
 * Read-only and bounded: a few index ranges per group, at most SEARCH_GROUP_LIMIT hits each.
 */
export class SearchService {
  constructor(private readonly d: SearchDeps) {}

  async search(actor: Actor, text: string): Promise<z.infer<typeof SearchResults>> {
    const limit = SEARCH_GROUP_LIMIT;
    const [tickets, assets, records, articles] = await Promise.all([
      this.d.tickets.find(actor, text, limit),
      this.d.assets.find(actor, text, limit),
      this.d.records.find(actor, text, limit),
      this.d.knowledge.list(actor, { q: text, limit }),
    ]);
    return {
      tickets,
      assets,
      records,
      articles: articles.items.map((a) => ({ id: a.id, number: a.number, title: a.title })),
    };
  }
}

import { KnowledgeAuthoring } from './authoring.js';
import { KnowledgeReading } from './reading.js';

export { excerptOf, type KnowledgeDeps } from './reading.js';

/**
 * 运维知识库 (R25): Markdown articles with categories, tags, attachments and versions; internal or
 * customer-facing; linked to tickets; searched in Chinese and English through db/search/kb.ts.
 * One object for the routes and the modules that read articles: reading in reading.ts, writing in authoring.ts.
 */
export class KnowledgeService extends KnowledgeReading {
  private readonly authoring = new KnowledgeAuthoring(this);

  create: KnowledgeAuthoring['create'] = (...a) => this.authoring.create(...a);
  update: KnowledgeAuthoring['update'] = (...a) => this.authoring.update(...a);
  attach: KnowledgeAuthoring['attach'] = (...a) => this.authoring.attach(...a);
  link: KnowledgeAuthoring['link'] = (...a) => this.authoring.link(...a);
  draftFromTicket: KnowledgeAuthoring['draftFromTicket'] = (...a) => this.authoring.draftFromTicket(...a);
  createCategory: KnowledgeAuthoring['createCategory'] = (...a) => this.authoring.createCategory(...a);
}

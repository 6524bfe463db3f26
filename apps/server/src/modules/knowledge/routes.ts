import {
  KbArticle,
  KbArticleInput,
  KbArticlePage,
  KbArticleSummary,
  KbArticleUpdate,
  KbArticleVersion,
  KbCategory,
  KbDraftRequest,
  KbCategoryInput,
  KbLinkInput,
  KbListQuery,
  KbSuggestQuery,
  KbTicketArticles,
  PROVIDER_STAFF,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { downloadFile } from '../../http/download.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';
import { uploaded } from '../../http/upload.js';

const VersionParam = z.object({ id: z.string().max(64), version: z.coerce.number().int().min(1) });
const tags = ['knowledge'];

/** 运维知识库 (R25). */
export const knowledgeRoutes =
  (s: Pick<Services, 'knowledge'>): FastifyPluginAsyncZod =>
  async (app) => {
    const kb = s.knowledge;
    app.get(
      '/kb/categories',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '知识分类 Categories', response: { 200: z.array(KbCategory) } },
      },
      async () => kb.categories(),
    );
    app.post(
      '/kb/categories',
      {
        config: { access: ['service_manager'] },
        schema: { tags, summary: '新建分类 New category', body: KbCategoryInput, response: { 200: KbCategory } },
      },
      async (req) => kb.createCategory(meta(req), req.body),
    );
    app.get(
      '/kb/articles',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary:
            '知识文章：全文检索（中英文）或按更新时间分页 Articles: full-text search (Chinese, English) or newest first',
          querystring: KbListQuery,
          response: { 200: KbArticlePage },
        },
      },
      async (req) => kb.list(meta(req).actor, req.query),
    );
    app.get(
      '/kb/suggest',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '报修时推荐文章 Suggestions for a ticket title being typed',
          querystring: KbSuggestQuery,
          response: { 200: z.array(KbArticleSummary) },
        },
      },
      async (req) => kb.suggest(meta(req).actor, req.query),
    );
    app.post(
      '/kb/articles',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags,
          summary: '新建文章 New article (Markdown)',
          body: KbArticleInput,
          response: { 200: KbArticle },
        },
      },
      async (req) => kb.create(meta(req), req.body),
    );
    app.get(
      '/kb/articles/:id',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '文章详情（版本、附件、关联工单） Article with versions, attachments and tickets',
          params: IdParam,
          response: { 200: KbArticle },
        },
      },
      async (req) => kb.detail(meta(req).actor, req.params.id),
    );
    app.patch(
      '/kb/articles/:id',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags,
          summary: '修订（生成新版本）、发布或归档 Edit (a new version), publish or archive',
          params: IdParam,
          body: KbArticleUpdate,
          response: { 200: KbArticle },
        },
      },
      async (req) => kb.update(meta(req), req.params.id, req.body),
    );
    app.get(
      '/kb/articles/:id/versions/:version',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '历史版本 An earlier version',
          params: VersionParam,
          response: { 200: KbArticleVersion },
        },
      },
      async (req) => kb.version(meta(req).actor, req.params.id, req.params.version),
    );
    app.post(
      '/kb/articles/:id/attachments',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags,
          summary: '上传附件 Attach a file (multipart "file")',
          consumes: ['multipart/form-data'],
          params: IdParam,
          response: { 200: KbArticle },
        },
      },
      async (req) => kb.attach(meta(req), req.params.id, await uploaded(req)),
    );
    app.get(
      '/kb/attachments/:id/file',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '下载附件 Download an attachment', params: IdParam },
      },
      async (req, reply) => {
        const f = await kb.attachmentFile(meta(req).actor, req.params.id);
        return downloadFile(reply, f.mime, f.fileName, f.file);
      },
    );
    app.post(
      '/kb/articles/:id/links',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags,
          summary: '关联工单（由本文解决） Link a ticket solved by this article',
          params: IdParam,
          body: KbLinkInput,
          response: { 200: KbArticle },
        },
      },
      async (req) => kb.link(meta(req), req.params.id, req.body),
    );
    app.get(
      '/tickets/:id/kb',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '工单关联的知识文章 Articles linked to a ticket',
          params: IdParam,
          response: { 200: KbTicketArticles },
        },
      },
      async (req) => kb.forTicket(meta(req).actor, req.params.id),
    );
    app.post(
      '/tickets/:id/kb-draft',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags,
          summary: "由工单解决方案生成文章草稿 Draft an article from the ticket's solution",
          params: IdParam,
          body: KbDraftRequest,
          response: { 200: KbArticle },
        },
      },
      async (req) => kb.draftFromTicket(meta(req), req.params.id, req.body.visibility),
    );
  };

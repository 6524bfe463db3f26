import {
  ApiToken,
  AuthSession,
  ApiTokenCreate,
  ApiTokenCreated,
  ChangePasswordRequest,
  LoginRequest,
  Me,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE, meta } from '../../http/auth.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';

export const authRoutes =
  (s: Pick<Services, 'auth'>): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: 'auto' as const };
    app.post(
      '/auth/login',
      {
        config: { access: 'public' },
        schema: { tags: ['auth'], summary: '登录 Sign in', body: LoginRequest, response: { 200: Me } },
      },
      async (req, reply) => {
        const r = await s.auth.login(req.body.username, req.body.password, req.ip, req.headers['user-agent'] ?? null);
        reply.setCookie(SESSION_COOKIE, r.token, cookieOpts);
        return { ...(await s.auth.me(r.actor)), lastLoginAt: r.previousLogin.at, lastLoginIp: r.previousLogin.ip };
      },
    );
    app.post(
      '/auth/logout',
      {
        config: { access: 'authenticated', allowBeforePasswordChange: true },
        schema: { tags: ['auth'], summary: '退出 Sign out', response: { 204: z.null() } },
      },
      async (req, reply) => {
        await s.auth.logout(meta(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/auth/me',
      {
        config: { access: 'authenticated', allowBeforePasswordChange: true },
        schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: Me } },
      },
      async (req) => s.auth.me(meta(req).actor),
    );
    // The web app's probe on every page load: signed out is a normal answer here, not a 401.
    app.get(
      '/auth/session',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: '当前会话（未登录为 null） Current session, null when signed out',
          response: { 200: AuthSession },
        },
      },
      async (req) => ({ user: req.actor ? await s.auth.me(req.actor) : null }),
    );
    app.post(
      '/auth/password',
      {
        config: { access: 'authenticated', allowBeforePasswordChange: true },
        schema: {
          tags: ['auth'],
          summary: '修改密码 Change password',
          body: ChangePasswordRequest,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await s.auth.changePassword(meta(req), req.body.currentPassword, req.body.newPassword);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/auth/tokens',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'API 令牌列表 Personal API tokens', response: { 200: z.array(ApiToken) } },
      },
      async (req) => s.auth.listTokens(meta(req).actor),
    );
    app.post(
      '/auth/tokens',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: '创建 API 令牌 Create a token (shown once)',
          body: ApiTokenCreate,
          response: { 200: ApiTokenCreated },
        },
      },
      async (req) => s.auth.createToken(meta(req), req.body.name, req.body.expiresInDays),
    );
    app.delete(
      '/auth/tokens/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: '吊销 API 令牌 Revoke a token',
          params: IdParam,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await s.auth.revokeToken(meta(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
  };

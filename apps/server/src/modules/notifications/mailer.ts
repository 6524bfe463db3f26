import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../../db/database.js';
import { NotificationRepository } from './repository.js';
import { FileStore } from '../../lib/files.js';

const RETRY_MS = [10_000, 60_000, 300_000, 1_800_000];

/** Reuse SMTP connections (a new one per message costs ~100 ms) unless the URL says otherwise. */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  return url.toString();
}

/**
 * Delivers the mail outbox over SMTP. A row is claimed (state 'sending') in a short transaction so
 * two nodes never send it twice; the SMTP call happens outside any transaction.
 */
export class Mailer {
  private readonly transport: Transporter | null;
  private readonly repo = new NotificationRepository();
  constructor(
    private readonly database: Database,
    smtpUrl: string | null,
    private readonly from: string,
    private readonly nodeId: string,
    private readonly now: () => number,
    private readonly dataDir = '.',
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(pooled(smtpUrl)) : null;
  }

  async deliverDue(limit = 20): Promise<number> {
    const db = this.database.db;
    const now = this.now();
    const claimed = await db.transaction().execute(async (tx) => {
      const rows = await this.repo.claimDueMail(tx, this.database.dialect, now, limit);
      for (const r of rows) {
        // Claimed rows move out of 'pending'; a node that dies mid-send leaves them for the stale sweep below.
        await this.repo.updateMail(tx, r.id, {
          state: this.transport ? 'sending' : 'skipped',
          next_attempt_at: now + 120_000,
          error: this.transport ? null : 'SMTP not configured',
        });
      }
      return this.transport ? rows : [];
    });
    for (const r of claimed) {
      try {
        await this.transport!.sendMail({
          from: this.from,
          to: r.to_addr,
          subject: r.subject,
          text: r.body,
          attachments: attachmentsOf(r.attachments_json, this.dataDir),
        });
        await this.repo.updateMail(db, r.id, { state: 'sent', sent_at: this.now(), attempts: r.attempts + 1 });
      } catch (e) {
        const attempts = r.attempts + 1;
        const done = attempts > RETRY_MS.length;
        await this.repo.updateMail(db, r.id, {
          state: done ? 'failed' : 'pending',
          attempts,
          error: String((e as Error).message).slice(0, 500),
          next_attempt_at: this.now() + (RETRY_MS[attempts - 1] ?? 0),
        });
      }
    }
    await this.repo.releaseStaleMail(db, now);
    return claimed.length;
  }

  close() {
    this.transport?.close();
  }
}

/** Stored attachments (paths relative to the data dir) as nodemailer reads them: streamed from disk at send time. */
export function attachmentsOf(json: string | null | undefined, dataDir: string) {
  if (!json) return undefined;
  return (JSON.parse(json) as { fileName: string; path: string; mime: string }[]).map((a) => ({
    filename: a.fileName,
    path: new FileStore(dataDir).resolve(a.path),
    contentType: a.mime,
  }));
}

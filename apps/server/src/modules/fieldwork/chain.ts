import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { OmRecordsTable } from '../../db/types.js';
import { FileStore } from '../../lib/files.js';

/**
 * The bytes a signed record's link covers: its frozen content, who signed, when, from where and the
 * SHA-256 of the signature image, chained to the previous link. Status is left out on purpose: a
 * signed version becomes "superseded" when its correction is signed, without touching its link.
 * `weibao records verify` recomputes this, so keep it stable forever.
 */
export function recordDigest(prevHash: string, r: OmRecordsTable): string {
  const canonical = JSON.stringify([
    r.chain_seq,
    r.id,
    r.number,
    r.version,
    r.supersedes_id,
    r.amend_reason,
    r.project_id,
    r.customer_id,
    r.kind,
    r.service_start,
    r.service_end,
    r.location,
    r.content,
    r.result,
    r.visit_ids_json,
    r.ticket_ids_json,
    r.staff_names_json,
    r.extra_staff_json,
    r.headcount,
    r.headcount_reason,
    r.author_id,
    r.signed_at,
    r.signer_id,
    r.signer_ip,
    r.signature_sha256,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export interface ChainProblem {
  recordId: string;
  number: string;
  problem: string;
}

/** Checks one link against the previous hash and the signature file on disk. */
export function checkLink(r: OmRecordsTable, expectedSeq: number, prevHash: string, dataDir: string): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const p = (problem: string) => problems.push({ recordId: r.id, number: `${r.number} v${r.version}`, problem });
  if (Number(r.chain_seq) !== expectedSeq)
    p(`missing link before #${r.chain_seq}: expected #${expectedSeq} (a signed record was deleted)`);
  if (r.prev_hash !== prevHash) p('previous-hash mismatch (the chain was re-linked)');
  if (r.content_hash !== recordDigest(r.prev_hash ?? '', r)) p('content hash mismatch (the signed record was changed)');
  if (!r.signature_path || !r.signature_sha256) p('signature missing');
  else {
    const file = (() => {
      try {
        return new FileStore(dataDir).resolve(r.signature_path!);
      } catch {
        return null;
      }
    })();
    if (!file) p('signature path outside the data directory');
    else if (!fs.existsSync(file)) p('signature image file missing');
    else if (createHash('sha256').update(fs.readFileSync(file)).digest('hex') !== r.signature_sha256)
      p('signature image changed');
  }
  return problems;
}

import fs from 'node:fs';
import path from 'node:path';
import { notFound } from './errors.js';
import { newId } from './ids.js';

/**
 * Every stored file (attachments, photos, signatures, documents, archived reports) goes through one
 * store bound to the data directory: names are generated, never taken from the request, and every
 * path — written or read — must resolve (symlinks included) inside the root, so neither a crafted
 * route parameter nor a tampered stored path can reach a file elsewhere.
 */
export class FileStore {
  readonly root: string;
  constructor(dataDir: string) {
    this.root = path.resolve(dataDir);
  }

  /** The absolute path of a stored file (relative to the root); refuses anything outside it. */
  resolve(...segments: string[]): string {
    const abs = path.resolve(this.root, ...segments);
    if (segments.some((s) => s.includes('\u0000')) || !inside(this.root, abs) || abs === this.root)
      throw notFound('文件');
    // Symlinks: the deepest part that exists must really be inside the (real) root too.
    let probe = abs;
    while (!fs.existsSync(probe) && probe !== this.root) probe = path.dirname(probe);
    if (
      fs.existsSync(probe) &&
      fs.existsSync(this.root) &&
      !inside(fs.realpathSync(this.root), fs.realpathSync(probe), true)
    )
      throw notFound('文件');
    return abs;
  }

  /**
   * Writes new bytes as <area>/<yyyy>/<generated id><ext> and returns that stored path. Callers check
   * ids and access first, and remove() the file if their transaction then fails.
   */
  put(
    area: 'attachments' | 'visit-photos' | 'signatures' | 'acceptances' | 'inspections' | 'training' | 'kb' | 'reports',
    data: Buffer,
    now: number,
    ext = '',
  ): string {
    const rel = path.posix.join(area, String(new Date(now).getUTCFullYear()), `${newId(now)}${ext}`);
    const abs = this.resolve(rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    this.resolve(rel); // the directories now exist: re-check them for symlinks
    fs.writeFileSync(abs, data, { flag: 'wx' });
    return rel;
  }

  /**
   * Runs a command that stores files: it checks ids and access, then calls `put`, then writes its rows
   * (one transaction). If anything fails, the files it put are removed again.
   */
  async writing<T>(work: (put: FileStore['put']) => Promise<T>): Promise<T> {
    const written: string[] = [];
    try {
      return await work((area, data, now, ext) => {
        const rel = this.put(area, data, now, ext);
        written.push(rel);
        return rel;
      });
    } catch (e) {
      for (const rel of written) this.remove(rel);
      throw e;
    }
  }

  read(rel: string): Buffer {
    return fs.readFileSync(this.resolve(rel));
  }
  readIfExists(rel: string): Buffer | null {
    const abs = this.resolve(rel);
    return fs.existsSync(abs) ? fs.readFileSync(abs) : null;
  }
  stream(rel: string) {
    return fs.createReadStream(this.resolve(rel));
  }
  /** Never throws: used to undo a write whose transaction failed. */
  remove(rel: string): void {
    try {
      fs.rmSync(this.resolve(rel), { force: true });
    } catch {
      /* outside the root: nothing of ours to remove */
    }
  }
}

function inside(root: string, abs: string, orSame = false): boolean {
  const rel = path.relative(root, abs);
  return rel === '' ? orSame : rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

import { readFile, stat } from 'node:fs/promises';

/**
 * The Bearer token for a backend: a token file (a projected service-account token, rotated by the
 * kubelet) when it exists, else a static token. The file is re-read when its mtime changes, and on
 * demand after a 401, so a rotation never needs a restart.
 */
export class BearerToken {
  private cached: { mtimeMs: number; token: string } | undefined;

  constructor(
    private readonly file: string | undefined,
    private readonly fallback: string | undefined,
  ) {}

  async get(): Promise<string | undefined> {
    const fromFile = this.file ? await this.fromFile(this.file) : undefined;
    return fromFile || this.fallback || undefined;
  }

  /** Forgets the cached file content; true when the token it now gives differs from `used`. */
  async reload(used: string | undefined): Promise<boolean> {
    this.cached = undefined;
    return (await this.get()) !== used;
  }

  private async fromFile(file: string): Promise<string | undefined> {
    try {
      const { mtimeMs } = await stat(file);
      if (this.cached?.mtimeMs !== mtimeMs) {
        this.cached = { mtimeMs, token: (await readFile(file, 'utf8')).trim() };
      }
      return this.cached.token;
    } catch {
      // No file (outside Kubernetes, or not mounted): the static token applies.
      this.cached = undefined;
      return undefined;
    }
  }
}

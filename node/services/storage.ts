/**
 * The narrow storage contract the services need. In the app it is VBase
 * (clients/logStorage.ts); in unit tests an in-memory map (test/memoryStorage.ts).
 * Keeping it this small is what lets the store be tested without the platform.
 */
export interface StoredFile<T> {
  data: T
  etag: string
}

export interface PutOptions {
  /** Write only if the stored ETag is still this one. */
  ifMatch?: string
  /** Write only if the file does not exist yet. */
  ifAbsent?: boolean
}

export interface ListPage {
  paths: string[]
  next: string | null
}

export interface KeyValueStore {
  /**
   * Which account, workspace and bucket this is (per-process caches key on
   * it); absent, a cache holds for this object only.
   */
  readonly scope?: string
  get<T>(path: string): Promise<StoredFile<T> | null>
  /** Throws PreconditionFailed when ifMatch/ifAbsent does not hold. */
  put<T>(path: string, data: T, options?: PutOptions): Promise<void>
  /** Deleting a missing file is not an error. */
  delete(path: string, options?: { ifMatch?: string }): Promise<void>
  list(
    prefix: string,
    options: { limit: number; next?: string }
  ): Promise<ListPage>
  /**
   * Writes several files in one call, unconditionally (VBase: one zipped
   * upload unpacked under the layout root). All paths must be under it.
   */
  putMany(files: Array<{ path: string; data: unknown }>): Promise<void>
}

export class PreconditionFailed extends Error {
  constructor(path: string) {
    super(`Precondition failed writing ${path}: it changed since it was read`)
    this.name = 'PreconditionFailed'
  }
}

export const isPreconditionFailed = (e: unknown): e is PreconditionFailed =>
  e instanceof PreconditionFailed

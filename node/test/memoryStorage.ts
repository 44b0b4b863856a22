import type {
  KeyValueStore,
  ListPage,
  PutOptions,
  StoredFile,
} from '../services/storage'
import { PreconditionFailed } from '../services/storage'

/**
 * In-memory KeyValueStore with VBase's semantics (ETags, If-Match, sorted
 * prefix listing with a cursor). `yieldEvery` makes every call yield to the
 * event loop so concurrent writers really interleave in tests.
 */
export class MemoryStorage implements KeyValueStore {
  public files = new Map<string, { body: string; etag: number }>()
  public calls = 0
  private version = 0

  async get<T>(path: string): Promise<StoredFile<T> | null> {
    await this.tick()
    const f = this.files.get(path)

    return f ? { data: JSON.parse(f.body) as T, etag: String(f.etag) } : null
  }

  async put<T>(path: string, data: T, options: PutOptions = {}): Promise<void> {
    await this.tick()
    const f = this.files.get(path)

    if (
      options.ifMatch !== undefined &&
      (!f || String(f.etag) !== options.ifMatch)
    ) {
      throw new PreconditionFailed(path)
    }

    if (options.ifAbsent && f) throw new PreconditionFailed(path)
    this.files.set(path, { body: JSON.stringify(data), etag: ++this.version })
  }

  async putMany(files: Array<{ path: string; data: unknown }>) {
    await this.tick()
    for (const f of files) {
      this.files.set(f.path, {
        body: JSON.stringify(f.data),
        etag: ++this.version,
      })
    }
  }

  async delete(
    path: string,
    options: { ifMatch?: string } = {}
  ): Promise<void> {
    await this.tick()
    const f = this.files.get(path)

    if (
      options.ifMatch !== undefined &&
      f &&
      String(f.etag) !== options.ifMatch
    ) {
      throw new PreconditionFailed(path)
    }

    this.files.delete(path)
  }

  async list(
    prefix: string,
    options: { limit: number; next?: string }
  ): Promise<ListPage> {
    await this.tick()
    const all = [...this.files.keys()]
      .filter((k) => k.startsWith(prefix))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

    const start = options.next ? all.findIndex((k) => k > options.next!) : 0
    const from = start < 0 ? all.length : start
    const paths = all.slice(from, from + options.limit)
    const more = from + options.limit < all.length

    return { paths, next: more ? paths[paths.length - 1] : null }
  }

  private async tick() {
    this.calls++
    await new Promise((resolve) => setImmediate(resolve))
  }
}

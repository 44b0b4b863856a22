import type {
  KeyValueStore,
  ListPage,
  PutOptions,
  StoredFile,
} from '../services/storage'
import { PreconditionFailed } from '../services/storage'

/**
 * Listing tokens are opaque, as VBase's are: the store must hand them back
 * as they are, for the prefix they came from.
 */
const sealToken = (prefix: string, last: string) =>
  `m1.${Buffer.from(JSON.stringify([prefix, last])).toString('base64url')}`

function openToken(token: string, prefix: string): string {
  const [p, last] = token.startsWith('m1.')
    ? (JSON.parse(Buffer.from(token.slice(3), 'base64url').toString()) as [
        string,
        string
      ])
    : []

  if (p !== prefix || typeof last !== 'string')
    throw new Error(`Invalid listing token for ${prefix}`)

  return last
}

/**
 * In-memory KeyValueStore with VBase's semantics (ETags, If-Match, sorted
 * prefix listing with a cursor). Every call yields before it takes effect —
 * to the event loop, or to `tick` (a property test's scheduler, which then
 * decides the order in which concurrent calls land).
 */
export class MemoryStorage implements KeyValueStore {
  public files = new Map<string, { body: string; etag: number }>()
  public calls = 0
  private version = 0
  /**
   * The paths in order, kept until a path is added or removed. A holder, so
   * that stores made with Object.create(this) (tests' failing views) share it.
   */
  private readonly order: { sorted: string[] | null } = { sorted: null }

  constructor(
    private readonly options: { tick?: () => Promise<unknown> } = {}
  ) {}

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
    if (!f) this.order.sorted = null
    this.files.set(path, { body: JSON.stringify(data), etag: ++this.version })
  }

  async putMany(files: Array<{ path: string; data: unknown }>) {
    await this.tick()
    for (const f of files) {
      if (!this.files.has(f.path)) this.order.sorted = null
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

    if (this.files.delete(path)) this.order.sorted = null
  }

  async list(
    prefix: string,
    options: { limit: number; next?: string }
  ): Promise<ListPage> {
    await this.tick()
    this.order.sorted ??= [...this.files.keys()].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0
    )
    const all = this.order.sorted.filter((k) => k.startsWith(prefix))

    const after = options.next ? openToken(options.next, prefix) : null
    const start = after ? all.findIndex((k) => k > after) : 0
    const from = start < 0 ? all.length : start
    const paths = all.slice(from, from + options.limit)
    const more = from + options.limit < all.length

    return {
      paths,
      next: more ? sealToken(prefix, paths[paths.length - 1]) : null,
    }
  }

  private async tick() {
    this.calls++
    if (this.options.tick) await this.options.tick()
    else await new Promise((resolve) => setImmediate(resolve))
  }
}

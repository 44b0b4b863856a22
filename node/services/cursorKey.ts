import { randomBytes } from 'crypto'

import { cursorKeyPath } from '../domain/layout'
import type { KeyValueStore } from './storage'
import { isPreconditionFailed } from './storage'

interface StoredKey {
  key: string
  createdAt: string
}

/** Keys by account, workspace and bucket: read once per process. */
const byScope = new Map<string, Promise<Buffer>>()
/** Stores that do not say which account they are (tests, scripts). */
const byStore = new WeakMap<KeyValueStore, Promise<Buffer>>()

const decode = (stored: StoredKey | undefined | null) => {
  const key = stored?.key ? Buffer.from(stored.key, 'base64url') : null

  return key && key.length === 32 ? key : null
}

async function readOrCreate(kv: KeyValueStore): Promise<Buffer> {
  const found = decode((await kv.get<StoredKey>(cursorKeyPath))?.data)

  if (found) return found
  const key = randomBytes(32)

  try {
    await kv.put<StoredKey>(
      cursorKeyPath,
      { key: key.toString('base64url'), createdAt: new Date().toISOString() },
      { ifAbsent: true }
    )

    return key
  } catch (e) {
    if (!isPreconditionFailed(e)) throw e
    // Another process created it first: everyone uses that one.
    const theirs = decode((await kv.get<StoredKey>(cursorKeyPath))?.data)

    if (!theirs) throw new Error(`${cursorKeyPath} is not a cursor key`)

    return theirs
  }
}

/**
 * The account's secret for signing listing cursors (HMAC-SHA256), kept in
 * VBase: generated once (If-None-Match, so two processes racing to create it
 * end up with the same key), read once per process, then cached.
 */
export function cursorKey(kv: KeyValueStore): Promise<Buffer> {
  const cached = kv.scope ? byScope.get(kv.scope) : byStore.get(kv)

  if (cached) return cached
  const loading = readOrCreate(kv)

  if (kv.scope) byScope.set(kv.scope, loading)
  else byStore.set(kv, loading)
  // A failed read is not cached: the next request tries again.
  loading.catch(() => {
    if (kv.scope) byScope.delete(kv.scope)
    else byStore.delete(kv)
  })

  return loading
}

/**
 * Which VTEX entity a connector's message is about, read from its contents
 * when they carry it: the SKU for Produtos and Estoque, the order for
 * Tracking (the log's entity, so a connector's logs sit beside the
 * bridge's own for the same SKU or order). Contents are JSON text most of
 * the time; the first matching key found (breadth-first, a few levels
 * deep) wins, then a `key: value` in plain text. When nothing names the
 * entity, the message id stands for it (`msg-…`).
 */
import { createHash } from 'crypto'

import type { Tab } from '../../domain/tabs'

/** The bridge's entity ids (domain/log.ts). */
const ENTITY_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
const MAX_DEPTH = 4

const SKU_KEYS = ['skuid', 'idsku', 'sku_id', 'sellerskuid', 'sku']
const ORDER_KEYS = [
  'orderid',
  'order_id',
  'vtexorderid',
  'marketplaceorderid',
  'orderno',
  'ordernumber',
]

const entityValue = (v: unknown) =>
  (typeof v === 'string' || typeof v === 'number') && ENTITY_RE.test(String(v))
    ? String(v)
    : null

function parse(text: string | null): unknown {
  if (!text) return null
  const t = text.trim()

  if (!/^[{[]/.test(t)) return null
  try {
    return JSON.parse(t)
  } catch {
    return null
  }
}

/** Breadth-first search of `keys` (in order of preference) in a JSON value. */
function findKey(value: unknown, keys: string[]): string | null {
  let level: unknown[] = [value]

  for (let depth = 0; depth < MAX_DEPTH && level.length; depth++) {
    const next: unknown[] = []

    for (const key of keys) {
      for (const node of level) {
        if (!node || typeof node !== 'object' || Array.isArray(node)) continue
        const found = Object.entries(node as Record<string, unknown>).find(
          ([k]) => k.toLowerCase() === key
        )

        const v = found ? entityValue(found[1]) : null

        if (v) return v
      }
    }

    for (const node of level) {
      if (node && typeof node === 'object') next.push(...Object.values(node))
    }

    level = next
  }

  return null
}

function findInText(text: string | null, keys: string[]): string | null {
  if (!text) return null
  for (const key of keys) {
    const m = new RegExp(
      `\\b${key}\\b["']?\\s*[:=]\\s*["']?([A-Za-z0-9][A-Za-z0-9._-]{0,63})`,
      'i'
    ).exec(text)

    if (m) return m[1]
  }

  return null
}

/** The entity for the message's id when its contents name none. */
export function messageEntity(messageId: string) {
  const id = `msg-${messageId}`

  return ENTITY_RE.test(id)
    ? id
    : `msg-${createHash('sha1').update(messageId).digest('hex').slice(0, 20)}`
}

export function entityOf(
  tab: Tab,
  contents: Array<string | null>,
  messageId: string
): string {
  const keys = tab === 'TRACKING' ? ORDER_KEYS : SKU_KEYS

  for (const text of contents) {
    const v = findKey(parse(text), keys)

    if (v) return v
  }

  for (const text of contents) {
    const v = findInText(text, keys)

    if (v) return v
  }

  return messageEntity(messageId)
}

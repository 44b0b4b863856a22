'use strict'
/**
 * Seeds a fresh local account with a few hundred logs over the three tabs and
 * three marketplaces, written through the app's own LogStore (compiled from
 * node/) so the layout, index and counts are exactly what the service writes.
 * Outcomes come from the app's own outcomeOf(), fed with the answers the
 * sandbox marketplaces give for each payload. Deterministic (seeded PRNG).
 */
const path = require('path')
const { compiledNode } = require('./paths')

/** The app's compiled modules, loaded once build.js has produced them. */
const app = name => require(path.join(compiledNode, ...name.split('/')))

const MARKETPLACES = [
  { id: 'mercadolivre', name: 'Mercado Livre' },
  { id: 'amazon', name: 'Amazon' },
  { id: 'magalu', name: 'Magalu' },
]

const settingsFor = () => ({
  marketplaces: MARKETPLACES.map(m => ({
    ...m,
    baseUrl: `http://${m.id}.sandbox.local/api`,
    token: `sandbox-token-${m.id}`,
    products: true,
    inventory: true,
    tracking: true,
  })),
})

/** KeyValueStore over the emulator's VBase, in-process. */
function vbaseKv(vbase, bucketKey) {
  const { PreconditionFailed } = app('services/storage')
  return {
    async get(p) {
      const f = vbase.get(bucketKey, p)
      return f ? { data: JSON.parse(Buffer.from(f.body, 'base64').toString('utf8')), etag: f.etag } : null
    },
    async put(p, data, o = {}) {
      const r = vbase.put(bucketKey, p, Buffer.from(JSON.stringify(data)), 'application/json', {
        ifMatch: o.ifMatch,
        ifNoneMatch: o.ifAbsent ? '*' : undefined,
      })
      if (r.status === 412) throw new PreconditionFailed(p)
    },
    async delete(p, o = {}) {
      const r = vbase.delete(bucketKey, p, { ifMatch: o.ifMatch })
      if (r.status === 412) throw new PreconditionFailed(p)
    },
    async list(prefix, o) {
      const r = vbase.list(bucketKey, { prefix, next: o.next, limit: o.limit })
      return { paths: r.data.map(d => d.path), next: r.next }
    },
  }
}

function prng(seed) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PRODUCT_NAMES = ['Camiseta Básica Algodão', 'Tênis Corrida Leve', 'Cafeteira Expresso 15 bar', 'Fone Bluetooth ANC', 'Mochila Urbana 20L', 'Panela de Pressão 4,5L', 'Smartwatch Fit', 'Liquidificador 1200W']

/** A payload and the answer the sandbox gives it (ok, permanent or transient failure). */
function scenario(tab, rnd, n) {
  const roll = rnd()
  const transient = [
    { status: 503, body: { error: 'Service unavailable' } },
    { status: 429, body: { error: 'Too many requests' } },
    { status: null, networkError: 'ETIMEDOUT' },
  ]
  if (tab === 'PRODUCTS') {
    const payload = { name: PRODUCT_NAMES[n % PRODUCT_NAMES.length], price: Math.round(rnd() * 50000) / 100 + 10, ean: String(7890000000000 + n), brand: 'Marca Demo' }
    if (roll < 0.12) return { payload: { ...payload, ean: String(789100 + n) }, response: { status: 400, body: { message: `Invalid EAN "${789100 + n}"` } } }
    if (roll < 0.18) return { payload: { ...payload, price: 0 }, response: { status: 400, body: { message: 'Price must be greater than zero' } } }
    if (roll < 0.34) return { payload, response: transient[n % 3] }
    return { payload, response: { status: 200, body: { accepted: true } } }
  }
  if (tab === 'INVENTORY') {
    const payload = { quantity: Math.floor(rnd() * 6), warehouse: '1_1', previousQuantity: Math.floor(rnd() * 6) }
    if (roll < 0.1) return { payload: { ...payload, quantity: -2 }, response: { status: 400, body: { message: 'Invalid quantity -2' } } }
    if (roll < 0.3) return { payload, response: transient[n % 3] }
    return { payload, response: { status: 200, body: { accepted: true } } }
  }
  const invoiced = rnd() < 0.6
  const payload = invoiced
    ? { status: 'invoiced', invoice: { number: String(40000 + n), key: `3526110000000000000055001000${40000 + n}`, value: 19990, issuanceDate: '2026-11-20T12:00:00Z' }, tracking: { number: `BR${100000 + n}XX`, url: `https://rastreio.example/BR${100000 + n}XX`, courier: 'Correios' } }
    : { status: rnd() < 0.5 ? 'payment-approved' : 'handling' }
  if (roll < 0.1 && invoiced) return { payload: { ...payload, invoice: { ...payload.invoice, number: '' } }, response: { status: 400, body: { message: 'Invoiced orders need the invoice number' } } }
  if (roll < 0.28) return { payload, response: transient[n % 3] }
  return { payload, response: { status: 200, body: { accepted: true } } }
}

async function seed(vbase, { account, workspace, appName, perTab = 100, now = Date.now() }) {
  const { LogStore } = app('services/logStore')
  const { recordOutcome } = app('domain/log')
  const { outcomeOf, deliveryRequest } = app('domain/delivery')
  const { LOG_BUCKET } = app('domain/layout')
  const bucketKey = `${account}/${workspace}/${appName}/${LOG_BUCKET}`
  const kv = vbaseKv(vbase, bucketKey)
  if ((await kv.list('log/', { limit: 1 })).paths.length > 0) return { seeded: 0 }
  const store = new LogStore(kv)
  const settings = settingsFor()
  const rnd = prng(20261123)
  let seeded = 0
  for (const tab of ['PRODUCTS', 'INVENTORY', 'TRACKING']) {
    for (let n = 0; n < perTab; n++) {
      const marketplace = settings.marketplaces[n % settings.marketplaces.length]
      const entityId = tab === 'TRACKING' ? `${1300000000000 + n * 7919}-01` : String(1000 + n * 3)
      const { payload, response } = scenario(tab, rnd, n)
      const at = new Date(now - Math.floor(rnd() * 7 * 24 * 3600 * 1000)).toISOString()
      const key = { tab, marketplace: marketplace.id, entityId }
      const draft = { tab, marketplace: marketplace.id, entityId, payload }
      const outcome = { ...outcomeOf(marketplace, deliveryRequest(draft, marketplace), response, at, 'CHANGE'), changedAt: at }
      await store.update(key, cur => recordOutcome(cur, key, payload, outcome))
      seeded++
    }
  }
  vbase.flush()
  return { seeded }
}

module.exports = { seed, settingsFor, MARKETPLACES }

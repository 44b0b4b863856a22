'use strict'

/**
 * Seeds a fresh local account: a catalog, inventory and orders in the
 * emulated VTEX, and a few hundred integration logs over the three tabs and
 * three marketplaces, as the bridge would have recorded them. The logs are
 * written through the app's own compiled code — payloads from its rules,
 * requests and outcomes from its connector contract, documents, indexes and
 * counts from its LogStore — fed with the answers the sandbox marketplaces
 * give for that data. Deterministic (seeded PRNG).
 */
const path = require('path')

const { compiledNode } = require('./paths')
const { MARKETPLACE_ORIGINS } = require('./emulator/vtexChannels')
const { addStatusShowcase } = require('./seedStatuses')
const { MELI, seedMercadoLivre } = require('./seedMercadoLivre')
const { AMZ, retired, seedAmazonMarketplace } = require('./seedAmazon')
const { PARTNER } = require('./seedPartner')

/** The app's compiled modules, loaded once build.js has produced them. */
const app = (name) => require(path.join(compiledNode, ...name.split('/')))

const MARKETPLACES = [
  { id: 'mercadolivre', name: 'Mercado Livre' },
  { id: 'amazon', name: 'Amazon' },
  { id: 'magalu', name: 'Magalu' },
]

/** Logistics partners use this token on the partner route (local only). */
const PARTNER_TOKEN = 'local-partner-token-0123456789'

/**
 * `mercadoLivre`: also the Mercado Livre marketplace on its API
 * (seedMercadoLivre.js); `amazon`: also Amazon on SP-API, which takes the
 * sandbox Amazon's channel (seedAmazon.js); `partner`: also a partner
 * connector's marketplace, whose logs are collected (seedPartner.js).
 */
const settingsFor = (
  marketplaces = MARKETPLACES,
  { mercadoLivre = false, amazon = false, partner = false } = {}
) => ({
  maxRetries: 10,
  marketplaces: marketplaces
    .map((m) => ({
      // The local VTEX's affiliate and trade policy of each marketplace (docs/channels.md).
      ...(MARKETPLACE_ORIGINS[m.id]
        ? {
            affiliateId: MARKETPLACE_ORIGINS[m.id].affiliateId,
            salesChannel: MARKETPLACE_ORIGINS[m.id].salesChannel,
            currency: 'BRL',
          }
        : {}),
      ...m,
      connector: 'http-json',
      baseUrl: `http://${m.id}.sandbox.local/api`,
      token: `sandbox-token-${m.id}`,
      products: true,
      inventory: true,
      tracking: true,
    }))
    .map(amazon ? retired : (m) => m)
    .concat(mercadoLivre ? [MELI] : [])
    .concat(amazon ? [AMZ] : [])
    .concat(partner ? [PARTNER] : []),
  carrierBaseUrl: 'http://carrier.sandbox.local/api',
  carrierToken: 'sandbox-carrier-token',
  partnerToken: PARTNER_TOKEN,
})

/** KeyValueStore over the emulator's VBase, in-process. */
function vbaseKv(vbase, bucketKey) {
  const { PreconditionFailed } = app('services/storage')

  return {
    async get(p) {
      const f = vbase.get(bucketKey, p)

      return f
        ? {
            data: JSON.parse(f.body.toString('utf8')),
            etag: f.etag,
          }
        : null
    },
    async put(p, data, o = {}) {
      const r = vbase.put(
        bucketKey,
        p,
        Buffer.from(JSON.stringify(data)),
        'application/json',
        {
          ifMatch: o.ifMatch,
          ifNoneMatch: o.ifAbsent ? '*' : undefined,
        }
      )

      if (r.status === 412) throw new PreconditionFailed(p)
    },
    async delete(p, o = {}) {
      const r = vbase.delete(bucketKey, p, { ifMatch: o.ifMatch })

      if (r.status === 412) throw new PreconditionFailed(p)
    },
    async putMany(files) {
      for (const f of files)
        vbase.put(
          bucketKey,
          f.path,
          Buffer.from(JSON.stringify(f.data)),
          'application/json'
        )
    },
    async list(prefix, o) {
      const r = vbase.list(bucketKey, { prefix, next: o.next, limit: o.limit })

      return { paths: r.data.map((d) => d.path), next: r.next }
    },
  }
}

function prng(initial) {
  let s = initial >>> 0

  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s

    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PRODUCT_NAMES = [
  'Camiseta Básica Algodão',
  'Tênis Corrida Leve',
  'Cafeteira Expresso 15 bar',
  'Fone Bluetooth ANC',
  'Mochila Urbana 20L',
  'Panela de Pressão 4,5L',
  'Smartwatch Fit',
  'Liquidificador 1200W',
]

const TRANSIENT = [
  { status: 503, body: { error: 'Service unavailable' } },
  { status: 429, body: { error: 'Too many requests' } },
  { status: null, networkError: 'ETIMEDOUT' },
]

const skuIdOf = (n) => String(1000 + n * 3)
const orderIdOf = (n) => `${1300000000000 + n * 7919}-01`

/** The emulated store: every SKU and order the logs mention, plus what is wrong with some. */
function buildStore(perTab, rnd, now) {
  const skus = {}
  const inventory = {}
  const orders = {}
  const unlisted = {}
  const flaws = {}

  for (let n = 0; n < perTab; n++) {
    const id = skuIdOf(n)
    const roll = rnd()
    const badEan = roll < 0.12
    const noName = !badEan && roll < 0.17

    skus[id] = {
      Id: Number(id),
      ProductId: 500 + Math.floor(n / 2),
      NameComplete: noName
        ? ''
        : `${PRODUCT_NAMES[n % PRODUCT_NAMES.length]} ${n + 1}`,
      BrandName: 'Marca Demo',
      // Department 1, one of three categories (Amazon maps them to product types: seedAmazon.js).
      ProductCategoryIds: `/1/${10 + (n % 3)}/`,
      IsActive: true,
      ImageUrl: `https://bridgedemo.vteximg.com.br/arquivos/ids/${id}`,
      AlternateIds: {
        Ean: badEan ? String(789100 + n) : String(7890000000000 + n),
        RefId: `REF-${id}`,
      },
    }
    inventory[id] = {
      totalQuantity: Math.floor(rnd() * 6),
      reservedQuantity: 0,
    }
    flaws[id] = {
      productPermanent: badEan || noName,
      inventoryUnlisted: rnd() < 0.1,
    }
    if (flaws[id].inventoryUnlisted) {
      const m = MARKETPLACES[n % MARKETPLACES.length].id

      ;(unlisted[m] = unlisted[m] || []).push(id)
    }

    const orderId = orderIdOf(n)
    const invoiced = rnd() < 0.6
    const missingInvoice = invoiced && rnd() < 0.12

    orders[orderId] = {
      orderId,
      status: invoiced
        ? 'invoiced'
        : rnd() < 0.5
        ? 'payment-approved'
        : 'handling',
      value: 19990 + n * 100,
      creationDate: new Date(now - 9 * 86400_000).toISOString(),
      clientProfileData: {
        email: `cliente${n}@example.com`,
        firstName: ['Ana', 'Bruno', 'Carla', 'Diego'][n % 4],
        lastName: ['Souza', 'Lima', 'Alves', 'Rocha'][n % 4],
        document: String(10000000000 + n * 7919).slice(0, 11),
        isCorporate: false,
      },
      shippingData: {
        address: {
          receiverName: 'Cliente',
          street: ['Rua Augusta', 'Av. Paulista', 'Rua XV de Novembro'][n % 3],
          number: String(100 + n),
          neighborhood: 'Centro',
          city: ['São Paulo', 'Curitiba', 'Florianópolis'][n % 3],
          state: ['SP', 'PR', 'SC'][n % 3],
          postalCode: ['01305-000', '80020-310', '88010-400'][n % 3],
        },
      },
      packageAttachment:
        invoiced && !missingInvoice
          ? {
              packages: [
                {
                  type: 'Output',
                  invoiceNumber: String(40000 + n),
                  invoiceKey: `352611000000000000005500100004${String(
                    n
                  ).padStart(4, '0')}`,
                  invoiceValue: 19990 + n * 100,
                  issuanceDate: '2026-11-20T12:00:00Z',
                  trackingNumber: `BR${100000 + n}XX`,
                  trackingUrl: `https://rastreio.example/BR${100000 + n}XX`,
                  courier: 'Correios',
                },
              ],
            }
          : { packages: [] },
    }
  }

  return { skus, inventory, orders, unlisted, flaws }
}

async function seed(
  emulator,
  // `now`: the seed's clock (tests fix it, so the data are the same every run).
  {
    account,
    workspace,
    appName,
    perTab = 100,
    now = Date.now(),
    // PENDING and ALERT logs of Mercado Livre and Amazon (seedStatuses.js).
    statuses = false,
    // The Mercado Livre marketplace's grant and listings (seedMercadoLivre.js).
    mercadoLivre = false,
    // The Amazon SP-API marketplace's listings and mappings (seedAmazon.js).
    amazon = false,
  }
) {
  const { LogStore } = app('services/logStore')
  const { recordOutcome } = app('domain/log')
  const { outcomeOfResult, notSent } = app('domain/export/outcome')
  const { customRequest, exchangeOf } = app('marketplaces/custom/request')
  const { customOutcome, describeCustom } = app('marketplaces/custom/answer')
  const { productPayload, inventoryPayload, trackingUpdate } =
    app('domain/rules')

  const { orderTarget } = app('domain/channels/orderTarget')
  const { trackingForMarketplace } = app('domain/channels/payloads')
  const { parseSettings } = app('domain/settings')

  const { LOG_BUCKET, LAYOUT_ROOT } = app('domain/layout')

  const kv = vbaseKv(
    emulator.vbase,
    `${account}/${workspace}/${appName}/${LOG_BUCKET}`
  )

  if ((await kv.list(`${LAYOUT_ROOT}/log/`, { limit: 1 })).paths.length > 0)
    return { seeded: 0 }
  const rnd = prng(20261123)
  const store = buildStore(perTab, rnd, now)

  emulator.vtex.load(store)
  emulator.sandbox.setUnlisted(store.unlisted)
  if (mercadoLivre) await seedMercadoLivre(emulator, kv, app)
  if (amazon) await seedAmazonMarketplace(emulator, kv, app)

  const logs = new LogStore(kv)
  // Parsed for the channel decisions; as saved for the connector's URL and token.
  const settings = parseSettings(settingsFor())
  const { marketplaces } = settingsFor()
  const { channels } = emulator.vtex
  // A SKU's logs are only where its trade policy sells it.
  const sells = (marketplace, skuId) =>
    channels
      .skuChannels(skuId)
      .includes(Number(MARKETPLACE_ORIGINS[marketplace.id].salesChannel))

  let seeded = 0
  const byTab = {
    PRODUCTS: new Map(),
    INVENTORY: new Map(),
    TRACKING: new Map(),
  }

  const write = async (tab, n, entityId, decide, home = null) => {
    // The marketplace in turn, or the next whose trade policy sells the SKU (Mercado Livre's sells all).
    const marketplace =
      home ||
      [0, 1, 2]
        .map((k) => marketplaces[(n + k) % marketplaces.length])
        .find((m) => tab === 'TRACKING' || sells(m, entityId))

    const at = new Date(now - Math.floor(rnd() * 7 * 86400_000))
    // Most updates reach the marketplace within minutes; a few took more than an hour.
    const latency =
      rnd() < 0.06
        ? 3600_000 + Math.floor(rnd() * 3 * 3600_000)
        : Math.floor(rnd() * 5 * 60_000)

    const changedAt = new Date(at.getTime() - latency).toISOString()
    const { payload, outcome } = decide(marketplace, at.toISOString())
    const key = { tab, marketplace: marketplace.id, entityId }

    const id = `${tab}:${key.marketplace}:${entityId}`
    const log = {
      ...recordOutcome(byTab[tab].get(id) ?? null, key, payload, {
        ...outcome,
        changedAt,
      }),
      ...(payload && payload.marketplaceOrderId
        ? { marketplaceOrderId: payload.marketplaceOrderId }
        : {}),
    }

    // Tracking: a status the marketplace accepted is on the order's timeline.
    const timeline =
      tab === 'TRACKING' && log.status === 'SUCCESS' && payload?.status
        ? [
            {
              at: log.processedAt,
              kind: 'STATUS_SENT',
              status: payload.status,
              description: log.message,
              source: 'VTEX',
            },
          ]
        : []

    // Listed by the time of the attempt, as if written then.
    byTab[tab].set(id, { ...log, timeline, updatedAt: log.processedAt })
    seeded++
  }

  // The operation the custom connector would have been given for this payload.
  const operationOf = (tab, entityId, payload) =>
    tab === 'PRODUCTS'
      ? {
          type: 'PRODUCT',
          product: {
            ...payload,
            imageUrls: payload.imageUrl ? [payload.imageUrl] : [],
          },
          listing: null,
        }
      : tab === 'INVENTORY'
      ? { type: 'STOCK', skuId: entityId, quantity: payload.quantity }
      : {
          type: 'TRACKING',
          order: {
            orderId: entityId,
            marketplaceOrderId: payload.marketplaceOrderId ?? null,
          },
          update: payload,
        }

  // What the custom connector's adapter records for this answer.
  const sent = (tab, entityId, payload, answer) => (marketplace, at) => {
    const request = customRequest(operationOf(tab, entityId, payload), {
      baseUrl: marketplace.baseUrl,
      token: marketplace.token,
    })

    const response = { headers: {}, body: null, ...answer }
    const outcome = customOutcome(response, Date.parse(at))

    return {
      payload,
      outcome: outcomeOfResult(
        { outcome, exchanges: [exchangeOf(request, response)] },
        describeCustom(outcome, marketplace.name),
        at,
        'CHANGE'
      ),
    }
  }

  const ok = { status: 200, body: { accepted: true } }

  for (let n = 0; n < perTab; n++) {
    const id = skuIdOf(n)
    const flaws = store.flaws[id]
    const product = productPayload(store.skus[id])
    const transient = rnd() < 0.16
    const productAnswer = flaws.productPermanent
      ? {
          status: 400,
          body: {
            message: product.name
              ? `Invalid EAN "${product.ean}"`
              : 'Product name is required',
          },
        }
      : transient
      ? TRANSIENT[n % 3]
      : ok

    await write('PRODUCTS', n, id, sent('PRODUCTS', id, product, productAnswer))
  }

  for (let n = 0; n < perTab; n++) {
    const id = skuIdOf(n)
    const stock = inventoryPayload({
      skuId: id,
      balance: [{ warehouseId: '1_1', ...store.inventory[id] }],
    })

    const answer = store.flaws[id].inventoryUnlisted
      ? {
          status: 400,
          body: { message: `SKU ${id} is not listed on this marketplace` },
        }
      : rnd() < 0.2
      ? TRANSIENT[n % 3]
      : ok

    await write('INVENTORY', n, id, sent('INVENTORY', id, stock, answer))
  }

  // Each order's log is on the marketplace it was sold on; the site's orders have none.
  for (let n = 0; n < perTab; n++) {
    const orderId = orderIdOf(n)
    const order = store.orders[orderId]
    const target = orderTarget(order, settings)
    const home = marketplaces.find((m) => m.id === target.marketplaceId)

    if (!home) continue
    const decision = trackingUpdate(order)

    if (decision.invalid) {
      await write(
        'TRACKING',
        n,
        orderId,
        (marketplace, at) => ({
          payload: null,
          outcome: notSent(decision.invalid, at, 'CHANGE'),
        }),
        home
      )
    } else {
      await write(
        'TRACKING',
        n,
        orderId,
        sent(
          'TRACKING',
          orderId,
          trackingForMarketplace(
            decision.send,
            orderId,
            target.marketplaceOrderId
          ),
          rnd() < 0.18 ? TRANSIENT[n % 3] : ok
        ),
        home
      )
    }
  }

  if (statuses)
    addStatusShowcase(byTab, { recordOutcome, now, skuIdOf, orderIdOf })

  // One bulk import per tab (documents, index entries and counts).
  for (const [tab, docs] of Object.entries(byTab))
    await logs.importLogs(tab, [...docs.values()])
  emulator.vbase.flush()

  return { seeded }
}

/** The app's log store over the emulator's VBase, in process (seeding, benchmarks). */
function logStoreOn(emulator, { account, workspace, appName }) {
  const { LogStore } = app('services/logStore')
  const { LOG_BUCKET } = app('domain/layout')

  return new LogStore(
    vbaseKv(emulator.vbase, `${account}/${workspace}/${appName}/${LOG_BUCKET}`)
  )
}

module.exports = { seed, settingsFor, logStoreOn, MARKETPLACES, PARTNER_TOKEN }

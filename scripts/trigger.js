'use strict'

/**
 * `npm run trigger -- <change>` changes the local store while `npm start` runs:
 *   stock <skuId> <quantity>
 *   product <skuId> [name=...] [ean=...]
 *   order <orderId> <status> [invoice=<number>] [tracking=<number>]
 *   marketplace <id> ok|down|throttle
 *   clock <hours>   (moves the schedules' clock forward: carrier refresh, VTEX Tracking)
 * Channels (docs/channels.md):
 *   sell <mercadolivre|amazon|magalu|site> [skuId] [quantity]   an order sold there
 *   policy <skuId> <tradePolicy> in|out                          a SKU in/out of a trade policy
 *   warehouse <skuId> <warehouseId> <quantity> [reserved=..] [unlimited]
 *   price <skuId> <price> [table=<priceTable>] [list=<listPrice>]
 */
const base = `http://localhost:${process.env.PORT || 3000}/local/api`
const [kind, id, ...rest] = process.argv.slice(2)
const kv = Object.fromEntries(
  rest.filter((a) => a.includes('=')).map((a) => a.split(/=(.*)/s).slice(0, 2))
)

const requests = {
  stock: () => ['vtex/stock', { skuId: id, quantity: Number(rest[0]) }],
  product: () => [
    'vtex/product',
    {
      skuId: id,
      ...(kv.name ? { name: kv.name } : {}),
      ...(kv.ean ? { ean: kv.ean } : {}),
    },
  ],
  order: () => [
    'vtex/order',
    {
      orderId: id,
      status: rest[0],
      ...(kv.invoice
        ? {
            invoice: {
              invoiceNumber: kv.invoice,
              trackingNumber: kv.tracking || null,
              courier: 'Correios',
            },
          }
        : {}),
    },
  ],
  marketplace: () => ['sandbox', { marketplace: id, mode: rest[0] }],
  clock: () => ['clock', { advanceHours: Number(id) }],
  sell: () => [
    'vtex/sell',
    {
      marketplace: id,
      ...(rest[0] ? { skuId: rest[0] } : {}),
      ...(rest[1] ? { quantity: Number(rest[1]) } : {}),
    },
  ],
  policy: () => [
    'vtex/trade-policy',
    { skuId: id, salesChannel: Number(rest[0]), assigned: rest[1] === 'in' },
  ],
  warehouse: () => [
    'vtex/warehouse-stock',
    {
      skuId: id,
      warehouseId: rest[0],
      quantity: Number(rest[1]),
      ...(kv.reserved ? { reserved: Number(kv.reserved) } : {}),
      ...(rest.includes('unlimited') ? { unlimited: true } : {}),
    },
  ],
  price: () => [
    'vtex/price',
    {
      skuId: id,
      price: Number(rest[0]),
      ...(kv.table ? { priceTable: kv.table } : {}),
      ...(kv.list ? { listPrice: Number(kv.list) } : {}),
    },
  ],
}

if (!requests[kind] || !id || (kind === 'clock' && !(Number(id) > 0))) {
  console.error(
    'Usage: npm run trigger -- stock <skuId> <quantity> | product <skuId> [name=..] [ean=..] | order <orderId> <status> [invoice=..] [tracking=..] | marketplace <id> ok|down|throttle | clock <hours> | sell <mercadolivre|amazon|magalu|site> [skuId] [quantity] | policy <skuId> <tradePolicy> in|out | warehouse <skuId> <warehouseId> <quantity> [reserved=..] [unlimited] | price <skuId> <price> [table=..] [list=..]'
  )
  process.exit(2)
}

const [route, body] = requests[kind]()

fetch(`${base}/${route}`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})
  .then(async (res) => {
    console.log(JSON.stringify(await res.json(), null, 2))
    process.exit(res.ok ? 0 : 1)
  })
  .catch((e) => {
    console.error(`Is npm start running on ${base}? ${e.message}`)
    process.exit(1)
  })

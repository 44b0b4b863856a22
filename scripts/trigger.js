'use strict'

/**
 * `npm run trigger -- <change>` changes the local store while `npm start` runs:
 *   stock <skuId> <quantity>
 *   product <skuId> [name=...] [ean=...]
 *   order <orderId> <status> [invoice=<number>] [tracking=<number>]
 *   marketplace <id> ok|down|throttle
 *   clock <hours>   (moves the schedules' clock forward: carrier refresh, VTEX Tracking)
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
}

if (!requests[kind] || !id || (kind === 'clock' && !(Number(id) > 0))) {
  console.error(
    'Usage: npm run trigger -- stock <skuId> <quantity> | product <skuId> [name=..] [ean=..] | order <orderId> <status> [invoice=..] [tracking=..] | marketplace <id> ok|down|throttle | clock <hours>'
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

'use strict'

/**
 * The SKU ↔ listing mapping through the real worker (issue 11.4): a CSV keyed
 * by RefId or EAN matched through the Catalog (the emulator answers the two
 * documented endpoints, with the app's policy checked), bad rows reported; a
 * SKU_NOT_MAPPED alert fixed from the log's detail (saveListing) so the next
 * change reaches Mercado Livre; a search by listing id finds the SKU's logs.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp, eventually } = require('../helpers')

let app

test.before(async () => {
  app = await startApp({ perTab: 10, eventDelayMs: 20, mercadoLivre: true })
})

test.after(async () => {
  await app.stop()
})

const ok = (r) => {
  assert.equal(r.errors, undefined, JSON.stringify(r.errors))

  return r.data
}

const IMPORT = `mutation($marketplace: String!, $csv: String!) { importListingCsv(marketplace: $marketplace, csv: $csv) { added updated unchanged errors { line field code params { name value } } } }`
const LISTINGS = `query($m: String!, $sku: String!) { skuListings(marketplace: $m, skuId: $sku) { listingId variationId source } }`
const SAVE = `mutation($input: SaveListingInput!) { saveListing(input: $input) { listingId variationId source } }`
const DETAIL = `query($id: ID!) { integrationLog(id: $id) { id status alert { action } } }`
const LOGS = `query($tab: Tab!, $search: String, $marketplace: String) { integrationLogs(tab: $tab, search: $search, marketplace: $marketplace) { data { id marketplace entityId } } }`

const listingsOf = async (sku) =>
  ok(await app.gql(LISTINGS, { m: 'meli', sku })).skuListings

const rowErrors = (result) =>
  result.errors.map(
    (e) =>
      `${e.line} ${e.field} ${e.code} ${e.params.map((p) => p.value).join()}`
  )

test('a CSV keyed by RefId or EAN: each matched through the Catalog, unknown ones reported by line, nothing written for them', async () => {
  const byRef = ok(
    await app.gql(IMPORT, {
      marketplace: 'meli',
      csv: 'refId,listingId\nREF-1015,MLB1000000003\nREF-NOPE,MLB1000000099\n',
    })
  ).importListingCsv

  assert.equal(byRef.added, 1)
  assert.deepEqual(rowErrors(byRef), ['3 refId UNKNOWN REF-NOPE'])
  assert.deepEqual(await listingsOf('1015'), [
    { listingId: 'MLB1000000003', variationId: null, source: 'IMPORTED' },
  ])

  const { skus } = await app.control('vtex')
  const { ean } = skus.find((s) => s.id === '1018')
  const byEan = ok(
    await app.gql(IMPORT, {
      marketplace: 'meli',
      csv: `ean,listingId\n${ean},MLB1000000008\n1111111111111,MLB1000000098\n`,
    })
  ).importListingCsv

  assert.equal(byEan.added, 1)
  assert.deepEqual(rowErrors(byEan), ['3 ean UNKNOWN 1111111111111'])
  assert.equal((await listingsOf('1018'))[0].listingId, 'MLB1000000008')

  const twoKeys = await app.gql(IMPORT, {
    marketplace: 'meli',
    csv: 'skuId,refId,listingId\n1015,REF-1015,MLB1\n',
  })

  assert.equal(twoKeys.errors[0].extensions.reason, 'INVALID_LISTING_CSV')
  assert.deepEqual(twoKeys.errors[0].extensions.fields, [
    { field: 'header', code: 'NOT_ALLOWED', params: { column: 'refId' } },
  ])
})

test('a SKU_NOT_MAPPED alert fixed from the detail: a listing held by another SKU refused, then mapped, and the next change reaches it', async () => {
  await app.control('vtex/stock', { skuId: '1012', quantity: 5 })
  const alert = await eventually(
    async () => {
      const l = ok(
        await app.gql(DETAIL, { id: 'INVENTORY:meli:1012' })
      ).integrationLog

      return l && l.status !== 'QUEUED' && l
    },
    { ms: 30_000, what: 'the alert' }
  )

  assert.deepEqual(alert.alert, { action: 'SKU_NOT_MAPPED' })

  const held = await app.gql(SAVE, {
    input: { marketplace: 'meli', skuId: '1012', listingId: 'MLB1000000001' },
  })

  assert.equal(held.errors[0].extensions.reason, 'LISTING_ALREADY_MAPPED')
  assert.deepEqual(held.errors[0].extensions.fields, [
    { field: 'listingId', code: 'DUPLICATE', params: { skuId: '1000' } },
  ])
  assert.deepEqual(await listingsOf('1012'), [])

  const saved = ok(
    await app.gql(SAVE, {
      input: {
        marketplace: 'meli',
        skuId: '1012',
        listingId: ' MLB1000000002 ',
        variationId: '17400000001',
      },
    })
  ).saveListing

  assert.deepEqual(saved, [
    {
      listingId: 'MLB1000000002',
      variationId: '17400000001',
      source: 'EDITED',
    },
  ])

  await app.settle()
  await app.control('vtex/stock', { skuId: '1012', quantity: 2 })
  const sent = await eventually(
    async () =>
      (
        await app.control('mercadolivre/requests')
      ).find(
        (r) =>
          r.method === 'PUT' &&
          r.path === '/items/MLB1000000002/variations/17400000001'
      ),
    { ms: 30_000, what: 'the stock to reach the mapped listing' }
  )

  assert.equal(sent.status, 200, JSON.stringify(sent))
  const after = await eventually(
    async () => {
      const l = ok(
        await app.gql(DETAIL, { id: 'INVENTORY:meli:1012' })
      ).integrationLog

      return l && l.status !== 'QUEUED' && l.status !== 'ALERT' && l
    },
    { ms: 30_000, what: 'the log after the mapping' }
  )

  assert.equal(after.status, 'SUCCESS')
})

test('searching a listing id finds its SKU logs on that marketplace', async () => {
  await app.settle()
  const found = ok(
    await app.gql(LOGS, { tab: 'INVENTORY', search: 'MLB1000000002' })
  ).integrationLogs.data

  assert.deepEqual(
    found.map((r) => r.id),
    ['INVENTORY:meli:1012']
  )
  const elsewhere = ok(
    await app.gql(LOGS, {
      tab: 'INVENTORY',
      search: 'MLB1000000002',
      marketplace: 'mercadolivre',
    })
  ).integrationLogs.data

  assert.deepEqual(elsewhere, [])
})

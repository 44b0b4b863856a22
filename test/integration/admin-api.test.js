'use strict'

/**
 * What the admin's new API needs, through the real worker and the emulator:
 * settings refused with every invalid field at once (nothing saved); eight
 * concurrent saves of different fields all land (If-Match conflicts rebased),
 * while two saves of one field to different values end in SETTINGS_CONFLICT,
 * never a raw "Precondition failed"; the CSV in the admin's language and time
 * zone; every error group reachable; VTEX's own systems named by the API.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp } = require('../helpers')

let app

test.before(async () => {
  app = await startApp({ perTab: 30, eventDelayMs: 50 })
})

test.after(async () => {
  await app.stop()
})

const SAVE = `mutation($input: BridgeSettingsInput!) { saveBridgeSettings(input: $input) {
  maxRetries successRetentionDays errorRetentionDays carrierRefreshHours carrierRefreshDays } }`

const SETTINGS = `{ bridgeSettings { maxRetries successRetentionDays errorRetentionDays
  carrierRefreshHours carrierRefreshDays marketplaces { id name } } }`

test('settings: every invalid field at once, with paths and bounds; nothing saved', async () => {
  const before = (await app.gql(SETTINGS)).data.bridgeSettings
  const refused = await app.gql(SAVE, {
    input: {
      maxRetries: -3,
      carrierRefreshHours: 0,
      marketplaces: [
        {
          id: 'amazon',
          name: 'n'.repeat(300_000),
          baseUrl: 'https://a.example',
          products: true,
          inventory: true,
          tracking: true,
        },
        {
          id: 'Bad Id',
          name: 'x',
          baseUrl: 'ftp://x',
          products: true,
          inventory: true,
          tracking: true,
        },
      ],
    },
  })

  const { code, reason, fields } = refused.errors[0].extensions

  assert.equal(code, 'BAD_USER_INPUT')
  assert.equal(reason, 'INVALID_SETTINGS')
  assert.deepEqual(fields.map((f) => `${f.field} ${f.code}`).sort(), [
    'carrier.everyHours OUT_OF_RANGE',
    'marketplaces.0.name TOO_LONG',
    'marketplaces.1.baseUrl INVALID_FORMAT',
    'marketplaces.1.id INVALID_FORMAT',
    'maxRetries OUT_OF_RANGE',
  ])
  assert.deepEqual(fields.find((f) => f.field === 'maxRetries').params, {
    min: 1,
    max: 20,
  })
  assert.deepEqual((await app.gql(SETTINGS)).data.bridgeSettings, before)

  const many = Array.from({ length: 21 }, (_, i) => ({
    id: `m${i}`,
    name: `M${i}`,
    baseUrl: 'https://m.example',
    products: true,
    inventory: true,
    tracking: true,
  }))

  const tooMany = await app.gql(SAVE, { input: { marketplaces: many } })

  assert.deepEqual(tooMany.errors[0].extensions.fields, [
    { field: 'marketplaces', code: 'TOO_MANY', params: { max: 20 } },
  ])
})

test('settings: concurrent saves of different fields all land', async () => {
  const changes = [
    { maxRetries: 7 },
    { successRetentionDays: 21 },
    { errorRetentionDays: 60 },
    { carrierRefreshHours: 3 },
    { carrierRefreshDays: 9 },
    { maxRetries: 7 },
    { successRetentionDays: 21 },
    { carrierRefreshHours: 3 },
  ]

  const answers = await Promise.all(
    changes.map((input) => app.gql(SAVE, { input }))
  )

  for (const a of answers)
    assert.equal(a.errors, undefined, JSON.stringify(a.errors))
  assert.deepEqual((await app.gql(SETTINGS)).data.bridgeSettings, {
    ...(await app.gql(SETTINGS)).data.bridgeSettings,
    maxRetries: 7,
    successRetentionDays: 21,
    errorRetentionDays: 60,
    carrierRefreshHours: 3,
    carrierRefreshDays: 9,
  })
})

test('settings: concurrent saves of one field: one wins, a save that raced and lost is SETTINGS_CONFLICT, never a raw Precondition failed', async () => {
  const answers = await Promise.all(
    [11, 12, 13, 14].map((n) => app.gql(SAVE, { input: { maxRetries: n } }))
  )

  const failed = answers.filter((a) => a.errors)

  for (const a of failed) {
    assert.equal(a.errors[0].extensions.reason, 'SETTINGS_CONFLICT')
    assert.equal(a.errors[0].extensions.code, 'CONFLICT')
    assert.deepEqual(a.errors[0].extensions.fields, [
      { field: 'maxRetries', code: 'NOT_ALLOWED' },
    ])
    assert.doesNotMatch(a.errors[0].message, /Precondition failed/)
  }

  // One save won; the stored value is one that was sent.
  const saved = (await app.gql(SETTINGS)).data.bridgeSettings.maxRetries

  assert.ok([11, 12, 13, 14].includes(saved))
  assert.ok(answers.length - failed.length >= 1)
})

const csv = async (query) => {
  const res = await fetch(
    `${app.shellUrl}/_v/marketplace-bridge/logs.csv?${query}`,
    { headers: { cookie: `VtexIdclientAutCookie=${app.session}` } }
  )

  return { status: res.status, text: (await res.text()).replace(/^\ufeff/, '') }
}

test('CSV in the admin language and time zone; the raw export without them', async () => {
  const pt = await csv(
    'tab=INVENTORY&status=ERROR&locale=pt-BR&timeZone=America%2FSao_Paulo'
  )

  assert.equal(pt.status, 200)
  const [header, first] = pt.text.trim().split('\r\n')

  assert.equal(
    header,
    'ID do log,Marketplace,SKU,Status,Processado em (America/Sao_Paulo),Tentativas,Latência anormal,Latência (ms),Mensagem'
  )
  assert.match(
    first,
    /^INVENTORY:[a-z-]+:\d+,[a-z-]+,\d+,Erro,"\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}",\d+,(Sim|Não),/
  )

  const raw = await csv('tab=INVENTORY&status=ERROR')

  assert.match(raw.text, /^id,marketplace,entityId,status,processedAt,/)
  assert.match(raw.text.split('\r\n')[1], /,ERROR,\d{4}-\d{2}-\d{2}T/)

  const bad = await csv('tab=INVENTORY&locale=pt-BR&timeZone=Mars%2FOlympus')

  assert.equal(bad.status, 400)
})

test('every error group is reachable a page at a time; systems come from the API', async () => {
  const page = (offset) =>
    app.gql(
      `query($offset: Int) { errorGroupPage(tab: INVENTORY, first: 2, offset: $offset) { data { cause count } hasMore } }`,
      { offset }
    )

  const all = (await app.gql('{ errorGroups(tab: INVENTORY) { cause } }')).data
    .errorGroups

  const seen = []
  let offset = 0

  for (;;) {
    const { data } = await page(offset)

    seen.push(...data.errorGroupPage.data.map((g) => g.cause))
    if (!data.errorGroupPage.hasMore) break
    offset += 2
  }

  assert.deepEqual(
    seen,
    all.map((g) => g.cause)
  )
  const refused = await app.gql(
    '{ errorGroupPage(tab: INVENTORY, first: 0) { hasMore } }'
  )

  assert.equal(refused.errors[0].extensions.reason, 'INVALID_PAGE')

  const { marketplaces } = (
    await app.gql('{ marketplaces { id name system tabs } }')
  ).data

  assert.deepEqual(
    marketplaces.filter((m) => m.system),
    [
      { id: 'vtex-oms', name: 'VTEX OMS', system: true, tabs: ['TRACKING'] },
      {
        id: 'vtex-tracking',
        name: 'VTEX Tracking',
        system: true,
        tabs: ['TRACKING'],
      },
    ]
  )
  assert.ok(marketplaces.some((m) => !m.system))
})

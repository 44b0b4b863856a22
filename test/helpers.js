'use strict'

/** Shared by the integration and browser tests: a local app on free ports with its own data. */
const fs = require('fs')
const os = require('os')
const path = require('path')

const { startLocal } = require('../local/start')

async function startApp(options = {}) {
  const dataDir =
    options.dataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-test-'))

  const local = await startLocal({
    dataDir,
    perTab: 30,
    eventDelayMs: 100,
    seedStatuses: false,
    mercadoLivre: false,
    amazon: false,
    partner: false,
    ...options,
  })

  /** POSTs a GraphQL operation the way the admin does (through the shell). */
  async function gql(query, variables = {}, { session = local.session } = {}) {
    const res = await fetch(`${local.shellUrl}/_v/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(session ? { cookie: `VtexIdclientAutCookie=${session}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    })

    return res.json()
  }

  async function control(pathname, body) {
    const res = await fetch(
      `${local.emulatorUrl}/_emulator/${pathname}`,
      body ? { method: 'POST', body: JSON.stringify(body) } : {}
    )

    const json = await res.json()

    if (!res.ok) throw new Error(`${pathname}: ${JSON.stringify(json)}`)

    return json
  }

  /** Waits until no event is waiting or being handled (the pipeline has settled). */
  async function settle({ ms = 30000 } = {}) {
    let quietSince = 0

    await eventually(
      async () => {
        const { idle } = await control('idle')

        if (!idle) quietSince = 0
        else if (!quietSince) quietSince = Date.now()

        return idle && Date.now() - quietSince >= 300
      },
      { ms, every: 50, what: 'the pipeline to settle' }
    )
  }

  /** What the sandbox marketplaces accepted, optionally for one kind and id. */
  async function accepted(kind, id) {
    const all = await control('sandbox/accepted')

    return all.filter((a) => (!kind || a.kind === kind) && (!id || a.id === id))
  }

  return { ...local, dataDir, gql, control, settle, accepted }
}

/** Polls `fn` until it returns a truthy value, or fails after `ms`. */
async function eventually(
  fn,
  { ms = 15000, every = 100, what = 'condition' } = {}
) {
  const start = Date.now()
  let last

  while (Date.now() - start < ms) {
    last = await fn()
    if (last) return last
    await new Promise((r) => setTimeout(r, every))
  }

  throw new Error(
    `Timed out after ${ms} ms waiting for ${what}; last value: ${JSON.stringify(
      last
    )}`
  )
}

module.exports = { startApp, eventually }

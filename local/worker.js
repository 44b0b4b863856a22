'use strict'

/**
 * Child process: runs the compiled node service inside @vtex/api's own worker,
 * the same Service, GraphQL handler and event handlers VTEX IO runs. Its
 * outgoing calls leave through HTTP(S)_PROXY to the emulator (set by start.js).
 */
const { runtimeDir, vtexApi } = require('./paths')

process.chdir(runtimeDir)
const { startWorker } = require(`${vtexApi}/lib/service/worker`)
const { getServiceJSON } = require(`${vtexApi}/lib/service/loaders`)

const port = Number(process.env.WORKER_PORT)
const server = startWorker(getServiceJSON()).listen(port, '127.0.0.1', () => {
  if (process.send) process.send({ ready: server.address().port })
})

// The local runtime moves the schedules' clock (carrier refresh) to simulate days.
process.on('message', (m) => {
  if (m && typeof m.clockOffsetMs === 'number') {
    const { clock } = require(`${runtimeDir}/service/src/node/services/clock`)

    clock.offsetMs = m.clockOffsetMs
    process.send({ clockAck: m.clockOffsetMs })
  }
})

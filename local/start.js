'use strict'

/**
 * `npm start`: builds, then runs the app locally — the platform emulator, the
 * node service inside @vtex/api's worker, and the admin page in a local shell —
 * seeded on first run, and prints the URL. Data lives in .local/data and
 * survives restarts. startLocal() is also what the integration and browser
 * tests use, each with its own data folder and free ports.
 */
const fs = require('fs')
const net = require('net')
const path = require('path')
const { fork } = require('child_process')

const { root, appName, appId, runtimeDir, manifest } = require('./paths')
const { Emulator } = require('./emulator')
const {
  createShellServer,
  ADMIN_PATH,
  CONSOLE_PATH,
} = require('./shell-server')
const { seed, settingsFor } = require('./seed')
const { pipeWorkerOutput } = require('./worker-output')
const { createBalancer } = require('./balancer')

const ACCOUNT = 'bridgedemo'
const WORKSPACE = 'master'
const CREDENTIAL = 'local-app-credential'
const SESSION = 'local-admin-session'

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer()

    s.unref()
    s.on('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()

      s.close(() => resolve(port))
    })
  })

async function startLocal({
  port = 0,
  dataDir = path.join(root, '.local', 'data'),
  perTab = 100,
  eventDelayMs = 1500,
  quiet = true,
  // `npm start -- --verbose`: also the worker's request and billing lines.
  verbose = false,
  settings,
  // Benchmarks: keep VBase in memory only (writing the store to disk costs CPU).
  persistStorage = true,
  // The app as installed (policies); tests pass a manifest with one removed.
  appManifest,
  // Tests: the seed's clock (logs are placed in the 7 days before it); default now.
  now,
  // Seed PENDING and ALERT logs too (npm start, screenshots; tests keep their numbers).
  seedStatuses = true,
  // A Mercado Livre marketplace on its API, connected, with mapped listings (npm start).
  mercadoLivre = true,
  // Amazon on SP-API (local Amazon), with its channel and a mapped SKU (npm start).
  amazon = true,
  // A partner connector's marketplace whose logs the schedule collects (npm start).
  partner = true,
  // Replicas: worker processes behind one address (local/balancer.js), as IO
  // runs them; the events bus delivers each event to one of them. Default 1.
  workers = 1,
} = {}) {
  fs.mkdirSync(dataDir, { recursive: true })
  const serviceJson = JSON.parse(
    fs.readFileSync(path.join(runtimeDir, 'service', 'service.json'), 'utf8')
  )

  const workerPort = await freePort()
  const workerUrl = `http://127.0.0.1:${workerPort}`
  // One worker listens on workerUrl itself; several sit behind a balancer there.
  const replicaPorts =
    workers > 1
      ? await Promise.all(Array.from({ length: workers }, freePort))
      : [workerPort]

  const replicaUrls = replicaPorts.map((p) => `http://127.0.0.1:${p}`)

  const emulator = new Emulator({
    dataDir,
    persistStorage,
    serviceJson,
    appName,
    workerUrl,
    credential: CREDENTIAL,
    ...(appManifest ? { manifest: appManifest } : {}),
  })

  emulator.events.delayMs = eventDelayMs
  if (workers > 1) emulator.events.replicaUrls = replicaUrls
  const emulatorPort = await emulator.listen(0, ACCOUNT, {
    workspace: WORKSPACE,
  })

  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`

  if (settings || !fs.existsSync(path.join(dataDir, 'settings.json')))
    emulator.writeSettings(
      appName,
      settings || settingsFor(undefined, { mercadoLivre, amazon, partner })
    )
  const seeded =
    perTab > 0
      ? await seed(emulator, {
          account: ACCOUNT,
          workspace: WORKSPACE,
          appName,
          perTab,
          now,
          statuses: seedStatuses,
          mercadoLivre,
          amazon,
        })
      : { seeded: 0 }

  const workerEnv = {
    ...process.env,
    VTEX_APP_ID: appId,
    VTEX_ACCOUNT: ACCOUNT,
    VTEX_WORKSPACE: WORKSPACE,
    VTEX_REGION: 'aws-us-east-1',
    VTEX_PRODUCTION: 'false',
    NODE_ENV: 'production',
    HTTP_PROXY: emulatorUrl,
    HTTPS_PROXY: emulatorUrl,
    http_proxy: emulatorUrl,
    https_proxy: emulatorUrl,
    NO_PROXY: '',
    no_proxy: '',
  }

  /** The running worker of each replica (replaced when it is restarted). */
  const replicas = replicaPorts.map(() => null)
  let stopping = false
  let workerErr = ''
  /** Waiting for a replica's next worker to be ready (after a crash), by replica. */
  const onRestart = replicaPorts.map(() => [])

  /** Tells the worker the schedules' clock; resolves when it has it. */
  const sendClock = (w, offsetMs) =>
    new Promise((resolve) => {
      if (!w.connected) return resolve()
      const onAck = (m) => {
        if (m && m.clockAck === offsetMs) {
          w.off('message', onAck)
          resolve()
        }
      }

      w.on('message', onAck)
      w.send({ clockOffsetMs: offsetMs })
    })

  const spawnWorker = (r) => {
    const w = fork(path.join(__dirname, 'worker.js'), [], {
      execArgv: process.env.WORKER_EXEC_ARGV
        ? process.env.WORKER_EXEC_ARGV.split(' ')
        : [],
      env: { ...workerEnv, WORKER_PORT: String(replicaPorts[r]) },
      stdio: quiet
        ? ['ignore', 'ignore', 'pipe', 'ipc']
        : ['ignore', 'pipe', 'pipe', 'ipc'],
    })

    replicas[r] = w
    if (quiet && w.stderr)
      w.stderr.on('data', (d) => (workerErr = (workerErr + d).slice(-4000)))
    if (!quiet) {
      pipeWorkerOutput(w.stdout, process.stdout, { verbose })
      pipeWorkerOutput(w.stderr, process.stderr, { verbose })
    }

    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`The worker did not start in 60 s:\n${workerErr}`)),
        60_000
      )

      w.once('message', (m) => {
        if (!(m && m.ready)) return
        clearTimeout(timer)
        // A restarted worker follows the clock the emulator is on.
        sendClock(w, emulator.clock.offsetMs).then(resolve)
      })
      w.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`The worker exited (${code}):\n${workerErr}`))
      })
    }).then(() => {
      // IO restarts a worker that died; so does the local runtime.
      w.once('exit', () => {
        if (stopping || w !== replicas[r]) return
        setTimeout(() => {
          spawnWorker(r).then(
            () => {
              const waiting = onRestart[r]

              onRestart[r] = []
              waiting.forEach((fn) => fn(Date.now()))
            },
            (e) => console.error(e)
          )
        }, 200)
      })
    })
  }

  // The schedules' clock: the emulator moves it, the worker follows.
  emulator.onClock = (offsetMs) =>
    Promise.all(replicas.map((w) => sendClock(w, offsetMs)))
  await Promise.all(replicaPorts.map((_, r) => spawnWorker(r)))
  const balancer = workers > 1 ? createBalancer(() => replicaUrls) : null

  if (balancer)
    await new Promise((resolve) =>
      balancer.listen(workerPort, '127.0.0.1', resolve)
    )

  /**
   * kill -9 of a replica's worker process (the first by default), as a
   * crash on IO; the runtime restarts it. Resolves when the new worker is
   * ready: { killedAt, readyAt }.
   */
  const killWorker = (r = 0) => {
    const killedAt = Date.now()
    const ready = new Promise((resolve) => onRestart[r].push(resolve))

    replicas[r].kill('SIGKILL')

    return ready.then((readyAt) => ({ killedAt, readyAt }))
  }

  const shell = createShellServer({
    workerUrl,
    emulatorUrl,
    account: ACCOUNT,
    workspace: WORKSPACE,
    credential: CREDENTIAL,
    session: SESSION,
    router: emulator.router,
    appName,
    major: String(manifest.version).split('.')[0],
  })

  await new Promise((resolve) => shell.listen(port, '127.0.0.1', resolve))
  const url = `http://localhost:${shell.address().port}${ADMIN_PATH}`
  const consoleUrl = `http://localhost:${shell.address().port}${CONSOLE_PATH}`

  const stop = async () => {
    stopping = true
    shell.closeAllConnections()
    await new Promise((resolve) => shell.close(resolve))
    if (balancer) {
      balancer.closeAllConnections()
      await new Promise((resolve) => balancer.close(resolve))
    }

    await Promise.all(
      replicas.map((worker) => {
        if (worker.exitCode !== null || worker.signalCode !== null) return null
        worker.kill('SIGTERM')

        return new Promise((resolve) => worker.once('exit', resolve))
      })
    )

    await emulator.close()
  }

  return {
    url,
    consoleUrl,
    /** Private routes: the app host's prefix (app.io.vtex.com/{vendor}.{app}/v{major}/{account}/{workspace}). */
    appHostUrl: `http://localhost:${
      shell.address().port
    }${emulator.router.appPrefix({
      appName,
      major: String(manifest.version).split('.')[0],
      account: ACCOUNT,
      workspace: WORKSPACE,
    })}`,
    shellUrl: `http://localhost:${shell.address().port}`,
    emulatorUrl,
    workerUrl,
    account: ACCOUNT,
    workspace: WORKSPACE,
    credential: CREDENTIAL,
    session: SESSION,
    seeded: seeded.seeded,
    emulator,
    killWorker,
    /** The process ids of the replicas' running workers (benchmarks measure them). */
    workerPids: () => replicas.map((w) => w.pid),
    workers,
    stop,
  }
}

module.exports = { startLocal }

if (require.main === module) {
  const { build } = require('./build')
  const port = Number(process.env.PORT || 3000)

  build()
    .then(() =>
      startLocal({
        port,
        quiet: false,
        // WORKERS=2 npm start: two replicas behind the local router and events bus.
        workers: Math.max(1, Number(process.env.WORKERS) || 1),
        verbose:
          process.argv.includes('--verbose') ||
          process.env.LOG_REQUESTS === '1',
      })
    )
    .then((local) => {
      if (local.seeded)
        console.log(`Seeded ${local.seeded} integration logs (first run).`)
      console.log(`Marketplace Bridge is running: ${local.url}`)
      console.log(
        `Change stock, products and orders in the local store: ${local.consoleUrl}`
      )
      console.log(
        'Data: .local/data (delete it to start over). Stop with Ctrl+C.'
      )
      console.log(
        'Warnings and errors of the app appear below; `npm start -- --verbose` also prints every request.'
      )
      const shutdown = () => local.stop().then(() => process.exit(0))

      process.on('SIGINT', shutdown)
      process.on('SIGTERM', shutdown)
    })
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}

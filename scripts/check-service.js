'use strict'

/**
 * node/service.json within what VTEX documents for it
 * (developers.vtex.com, "Service"): ttl 10–60 minutes, timeout 1–60 s,
 * minReplicas ≥ 2 (installed apps), maxReplicas 5–60, memory ≤ 1024 MB,
 * workers 1–4; events declare `topics` (`keys` is deprecated); public routes
 * live under /_v/ and carry rateLimitPerReplica, as do the catalog and order
 * events (vtex.broadcaster, vtex.orders-broadcast).
 */
const fs = require('fs')
const path = require('path')

const BOUNDS = {
  ttl: [10, 60],
  timeout: [1, 60],
  minReplicas: [2, Infinity],
  maxReplicas: [5, 60],
  memory: [1, 1024],
  workers: [1, 4],
}

const LIMITED_SENDERS = ['vtex.broadcaster', 'vtex.orders-broadcast']

function checkService(service) {
  const problems = []
  const limited = (what, o) => {
    const r = o.rateLimitPerReplica

    if (!r || !(r.perMinute > 0) || !(r.concurrent > 0))
      problems.push(
        `${what} needs rateLimitPerReplica { perMinute, concurrent }`
      )
  }

  for (const [key, [min, max]] of Object.entries(BOUNDS)) {
    const v = service[key]

    if (typeof v !== 'number' || v < min || v > max)
      problems.push(
        `${key} is ${v}; VTEX accepts ${min}–${max === Infinity ? '∞' : max}`
      )
  }

  if (service.minReplicas > service.maxReplicas)
    problems.push('minReplicas is above maxReplicas')

  for (const [id, route] of Object.entries(service.routes || {})) {
    if (!route.public) continue
    if (!/^\/_v\//.test(route.path))
      problems.push(`route ${id}: a public route's path starts with /_v/`)
    limited(`route ${id}`, route)
  }

  for (const [id, event] of Object.entries(service.events || {})) {
    if (event.keys)
      problems.push(`event ${id}: use "topics" (VTEX deprecated "keys")`)
    if (!Array.isArray(event.topics) || !event.topics.length)
      problems.push(`event ${id}: no topics`)
    if (LIMITED_SENDERS.includes(event.sender)) limited(`event ${id}`, event)
  }

  return problems
}

module.exports = { checkService, BOUNDS }

if (require.main === module) {
  const service = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', 'node', 'service.json'), 'utf8')
  )

  const problems = checkService(service)

  if (problems.length) {
    console.error(problems.map((p) => `✗ node/service.json: ${p}`).join('\n'))
    process.exit(1)
  }

  console.log('check-service: node/service.json within the documented bounds')
}

import { parsePartnerUpdate } from '../domain/carrier'
import { invalidArgument, isDomainError } from '../domain/errors'
import { carrierTracker, loadSettings } from '../bridge'
import { bearerMatches } from './auth'

/**
 * POST /_v/marketplace-bridge/partner/tracking (docs/partner-interface.md)
 * A carrier or logistics partner posts an order's events beyond Invoiced.
 * Authenticated with the partnerToken setting as a bearer token; anything
 * else is refused before the body is read.
 */
/** Refuses (401) any caller without the partnerToken bearer token. */
export async function partnerAuthorized(ctx: Context) {
  const settings = await loadSettings(ctx.clients)

  ctx.set('Cache-Control', 'no-store')
  if (!settings.partnerToken) {
    ctx.status = 401
    ctx.body = {
      error:
        'The partner interface is off: set partnerToken in the app settings.',
    }

    return false
  }

  if (!bearerMatches(ctx.get('authorization'), settings.partnerToken)) {
    ctx.status = 401
    ctx.set('WWW-Authenticate', 'Bearer')
    ctx.body = { error: 'Missing or wrong partner token.' }

    return false
  }

  return true
}

export async function partnerTracking(ctx: Context) {
  if (!(await partnerAuthorized(ctx))) return

  try {
    const body = await readJson(ctx)

    const update = parsePartnerUpdate(body)
    const result = await (await carrierTracker(ctx.clients)).partner(update)

    ctx.status = 200
    ctx.body = { orderId: update.orderId, ...result }
  } catch (e) {
    if (isDomainError(e)) {
      // An invoice number VTEX cannot address is logged; the partner hears why.
      ctx.status = /contains "\/"/.test(e.message) ? 422 : 400
      ctx.body = { error: e.message }

      return
    }

    throw e
  }
}

const MAX_BODY = 256 * 1024

export async function readJson(ctx: Context): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0

  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY)
      throw invalidArgument('The body is larger than 256 KB.')
    chunks.push(chunk as Buffer)
  }

  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw invalidArgument('The body must be JSON.')
  }
}

import { SECRET_HEADER, secretMatches } from '../domain/schedule'
import { routeError } from '../domain/routeErrors'
import { rootOf } from '../composition/root'
import { answer } from './contract'

/**
 * POST /_v/marketplace-bridge/maintenance (public): what the app's schedule
 * with VTEX's scheduler calls every minute (domain/schedule.ts). Only the
 * secret the app generated for that schedule opens it, compared in
 * constant time; anyone else gets 401 before anything is read or done.
 * Runs the maintenance pass: quiet jobs re-sent, counts compacted,
 * retention, quiet bulk actions, due carrier checks.
 */
export async function runMaintenance(ctx: Context) {
  ctx.set('Cache-Control', 'no-store')
  const secret = await rootOf(ctx.clients).schedule.storedSecret()

  if (!secretMatches(ctx.get(SECRET_HEADER), secret)) {
    return answer(
      ctx,
      routeError(
        401,
        'UNAUTHENTICATED',
        'SCHEDULE_SECRET_INVALID',
        'Only the app’s schedule may run maintenance.'
      )
    )
  }

  ctx.status = 200
  ctx.body = {
    ok: true,
    ...(await (await rootOf(ctx.clients).maintenance()).run()),
  }
}

import { PassThrough, pipeline } from 'stream'
import type { Readable, Writable } from 'stream'
import { createGzip } from 'zlib'

import { rootOf } from '../composition/root'
import { requireAdmin } from './auth'

/** Copies one part into the answer, respecting back-pressure, without ending it. */
const copy = (from: Readable, to: Writable) =>
  new Promise<void>((resolve, reject) => {
    from.on('error', reject)
    from.on('end', resolve)
    from.pipe(to, { end: false })
  })

/**
 * GET /_v/marketplace-bridge/exports/:id — a finished CSV export (a public
 * route: IO serves private ones only on app.io.vtex.com; the admin session
 * is checked inside, as @auth does). The parts are streamed in order, gzipped
 * when the browser takes it (a 500,000-row file is ≈ 10 MB on the wire, well
 * within the route's timeout). Unknown or expired: 404 EXPORT_NOT_FOUND;
 * still running: 409 EXPORT_RUNNING; canceled or failed: 409
 * EXPORT_NOT_READY (the route contract).
 */
export async function csvDownload(ctx: Context) {
  await requireAdmin(ctx)
  const { id } = (ctx.vtex.route?.params ?? {}) as { id?: string }
  const file = await rootOf(ctx.clients).csvExports.download(String(id ?? ''))
  // Gzipped when the client takes it (browsers always do).
  const gzip = ctx.acceptsEncodings('gzip', 'identity') === 'gzip'
  const out = new PassThrough()

  ctx.status = 200
  ctx.set('Content-Type', 'text/csv; charset=utf-8')
  ctx.set('Cache-Control', 'no-store')
  ctx.set('Vary', 'Accept-Encoding')
  ctx.set('Content-Disposition', `attachment; filename="${file.fileName}"`)
  if (gzip) {
    ctx.set('Content-Encoding', 'gzip')
    const zipped = createGzip()

    ctx.body = zipped
    pipeline(out, zipped, () => undefined)
  } else {
    ctx.body = out
  }

  const pump = async () => {
    for await (const part of file.parts()) await copy(part, out)
    out.end()
  }

  pump().catch((e) => {
    ctx.vtex.logger.error({
      message: 'CSV export download failed',
      exportId: id,
      error: String(e),
    })
    out.destroy(e)
  })
}

import { mockContext, rootOfMock } from '../test/mockContext'
import type { MockOptions } from '../test/mockContext'
import { runRoute } from '../test/route'
import { seedLog } from '../test/seed'
import { ADMIN_RESOURCE } from './auth'
import { csvDownload } from './csvDownload'
import { exportCsv } from './exportCsv'

const TOKEN = 'vtex-id-token'

/** A request with an admin's session (VTEX ID knows the user; License Manager grants the resource). */
function asAdmin(options: MockOptions = {}) {
  const ctx = mockContext({
    cookies: { VtexIdclientAutCookie: TOKEN },
    ...options,
  })

  ctx.fakes.vtexIdUser.mockResolvedValue({
    user: 'ana@store.com',
    account: ctx.vtex.account,
  })
  ctx.fakes.canAccessResource.mockResolvedValue(true)

  return ctx
}

describe('GET logs.csv', () => {
  it('answers the filtered rows as CSV, with a BOM and an attachment name', async () => {
    const ctx = asAdmin({ query: { tab: 'PRODUCTS', status: 'ERROR' } })
    const { logs } = rootOfMock(ctx)

    await seedLog(
      logs,
      { tab: 'PRODUCTS', marketplace: 'amazon', entityId: '1001' },
      'ERROR'
    )
    await seedLog(
      logs,
      { tab: 'PRODUCTS', marketplace: 'amazon', entityId: '1002' },
      'SUCCESS'
    )
    await runRoute(ctx, exportCsv)

    expect(ctx.status).toBe(200)
    expect(ctx.sent['content-type']).toBe('text/csv; charset=utf-8')
    expect(ctx.sent['content-disposition']).toMatch(
      /^attachment; filename="marketplace-bridge-products-[\d-]+\.csv"$/
    )
    const text = String(ctx.body)

    expect(text.startsWith('\ufeff')).toBe(true)
    const lines = text.slice(1).trim().split(/\r?\n/)

    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('PRODUCTS:amazon:1001')
    expect(ctx.fakes.canAccessResource).toHaveBeenCalledWith(
      TOKEN,
      ADMIN_RESOURCE
    )
  })

  it('answers 401 without a session and for a user of another account, reading nothing', async () => {
    const anonymous = mockContext({ query: { tab: 'PRODUCTS' } })
    const list = jest.spyOn(rootOfMock(anonymous).logs, 'list')

    await runRoute(anonymous, exportCsv)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
    expect(list).not.toHaveBeenCalled()

    const stranger = asAdmin({ query: { tab: 'PRODUCTS' } })

    stranger.fakes.vtexIdUser.mockResolvedValue({
      user: 'x@y.com',
      account: 'another',
    })
    await runRoute(stranger, exportCsv)
    expect(stranger.status).toBe(401)
  })

  it('answers 403 when License Manager does not grant the resource', async () => {
    const ctx = asAdmin({ query: { tab: 'PRODUCTS' } })

    ctx.fakes.canAccessResource.mockResolvedValue(false)
    await runRoute(ctx, exportCsv)
    expect(ctx.status).toBe(403)
    expect(ctx.body).toMatchObject({ error: { code: 'FORBIDDEN' } })
  })

  it('answers 400 for a bad filter or time zone before any byte is sent', async () => {
    const badTab = asAdmin({ query: { tab: 'ORDERS' } })

    await runRoute(badTab, exportCsv)
    expect(badTab.status).toBe(400)
    expect(badTab.body).toMatchObject({ error: { code: 'BAD_USER_INPUT' } })
    expect(badTab.sent['content-disposition']).toBeUndefined()

    const badZone = asAdmin({
      query: { tab: 'PRODUCTS', timeZone: 'Mars/Olympus' },
    })

    await runRoute(badZone, exportCsv)
    expect(badZone.status).toBe(400)
  })
})

describe('GET exports/:id', () => {
  it('answers 404 EXPORT_NOT_FOUND for an unknown export', async () => {
    const ctx = asAdmin({ params: { id: 'e.unknown' } })

    await runRoute(ctx, csvDownload)
    expect(ctx.status).toBe(404)
    expect(ctx.body).toMatchObject({
      error: { code: 'NOT_FOUND', reason: 'EXPORT_NOT_FOUND' },
    })
  })

  it('answers 409 EXPORT_RUNNING while the export is still being written', async () => {
    const ctx = asAdmin()
    const started = await rootOfMock(ctx).csvExports.start({
      tab: 'PRODUCTS',
      locale: null,
      timeZone: null,
    })

    ctx.vtex.route.params = { id: started.id }
    await runRoute(ctx, csvDownload)
    expect(ctx.status).toBe(409)
    expect(ctx.body).toMatchObject({
      error: { code: 'CONFLICT', reason: 'EXPORT_RUNNING' },
    })
  })
})

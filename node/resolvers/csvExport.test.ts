import { CSV_EXPORT_EVENT } from '../composition/root'
import { mockContext } from '../test/mockContext'
import { contractOf } from '../test/seed'
import {
  cancelCsvExport,
  csvExport,
  csvExportList,
  startCsvExport,
} from './csvExport'

const info = {} as never

describe('CSV export resolvers', () => {
  it('starts a background export, sends its chunk event, shows it with no link until done', async () => {
    const ctx = mockContext()
    const started = await startCsvExport(
      {},
      {
        input: {
          tab: 'INVENTORY',
          filter: { status: 'ERROR' },
          locale: 'pt-BR',
          timeZone: 'America/Sao_Paulo',
        },
      },
      ctx,
      info
    )

    expect(started).toMatchObject({
      tab: 'INVENTORY',
      status: 'RUNNING',
      rows: 0,
      chunks: 0,
      downloadUrl: null,
      lastError: null,
    })
    expect(started.fileName).toMatch(/\.csv$/)
    expect(ctx.fakes.sendEvent).toHaveBeenCalledWith('', CSV_EXPORT_EVENT, {
      exportId: started.id,
    })
    expect(await csvExport({}, { id: started.id }, ctx, info)).toEqual(started)
    expect(
      (await csvExportList({}, { tab: 'INVENTORY' }, ctx, info)).map(
        (e) => e.id
      )
    ).toEqual([started.id])
    expect(await csvExportList({}, { tab: 'PRODUCTS' }, ctx, info)).toEqual([])
  })

  it('cancels a running export', async () => {
    const ctx = mockContext()
    const started = await startCsvExport(
      {},
      { input: { tab: 'TRACKING' } },
      ctx,
      info
    )

    expect(
      await cancelCsvExport({}, { id: started.id }, ctx, info)
    ).toMatchObject({ id: started.id, status: 'CANCELED', downloadUrl: null })
  })

  it('refuses a bad filter or time zone before anything is written or sent', async () => {
    const ctx = mockContext()

    expect(
      await contractOf(() =>
        startCsvExport(
          {},
          { input: { tab: 'TRACKING', filter: { status: 'LOST' as never } } },
          ctx,
          info
        )
      )
    ).toMatchObject({ code: 'BAD_USER_INPUT' })
    expect(
      await contractOf(() =>
        startCsvExport(
          {},
          { input: { tab: 'TRACKING', timeZone: 'Mars/Olympus' } },
          ctx,
          info
        )
      )
    ).toMatchObject({ code: 'BAD_USER_INPUT' })
    expect(ctx.fakes.sendEvent).not.toHaveBeenCalled()
    expect(ctx.fakes.storage.files.size).toBe(0)
  })
})

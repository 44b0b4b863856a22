import type { CsvExportService } from '../services/csvExports'
import { mockEventContext, rootOfMock } from '../test/mockContext'
import { runCsvExport } from './csvExport'

describe('runCsvExport (event)', () => {
  it('runs one chunk of the export the event names', async () => {
    const ctx = mockEventContext({ exportId: '1764500000000-abc' })
    const runChunk = jest.fn(async () => 'done' as const)

    jest
      .spyOn(rootOfMock(ctx), 'csvExports', 'get')
      .mockReturnValue({ runChunk } as unknown as CsvExportService)
    await runCsvExport(ctx)
    expect(runChunk).toHaveBeenCalledWith('1764500000000-abc')
  })

  it('acknowledges an event with no export id, logging why, running nothing', async () => {
    const ctx = mockEventContext({})

    await expect(runCsvExport(ctx)).resolves.toBeUndefined()
    expect(ctx.fakes.logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({
        message: expect.stringContaining('CSV export event'),
        reason: 'INVALID_EVENT',
      })
    )
  })
})

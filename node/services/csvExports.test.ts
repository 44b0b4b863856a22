import { csvFormat, csvHeader, csvRow } from '../domain/csv'
import { EXPORT_TTL_MS } from '../domain/csvExport'
import { CHUNK_MAX_ROWS, exportPartPath } from '../domain/csvExportPlan'
import type { LogKey } from '../domain/log'
import { recordOutcome } from '../domain/log'
import { MemoryStorage } from '../test/memoryStorage'
import { partFilesIn, textOf } from './csvExportFiles'
import { CsvExportService } from './csvExports'
import { LogStore } from './logStore'

const T0 = Date.UTC(2026, 10, 23, 10)
const PT = { locale: 'pt-BR', timeZone: 'America/Sao_Paulo' }

async function setup(n: number) {
  const kv = new MemoryStorage()
  let now = T0
  const clock = () => now
  const logs = new LogStore(kv, clock, 0)
  const sent: string[] = []
  const rows = Array.from({ length: n }, (_, i) => {
    const key: LogKey = {
      tab: 'INVENTORY',
      marketplace: i % 2 ? 'amazon' : 'magalu',
      entityId: `s${i}`,
    }

    return {
      ...recordOutcome(
        null,
        key,
        {},
        {
          status: i % 4 === 0 ? 'SUCCESS' : 'ERROR',
          message: i % 3 ? 'HTTP 500' : 'Preço "inválido", tente =1+1',
          origin: null,
          at: new Date(T0 - i * 1000).toISOString(),
          trigger: 'CHANGE',
        }
      ),
      updatedAt: new Date(T0 - i * 1000).toISOString(),
    }
  })

  await logs.importLogs('INVENTORY', rows, 1000)
  const files = partFilesIn(kv)
  const exports = new CsvExportService({
    kv,
    logs,
    files,
    dispatch: async (id) => {
      sent.push(id)
    },
    now: clock,
  })

  /** Delivers the pending events until none is left (each may send the next). */
  const drain = async () => {
    let runs = 0

    while (sent.length) {
      await exports.runChunk(sent.shift()!)
      runs++
    }

    return runs
  }

  /** The file as the download route serves it: the parts in order. */
  const file = async (id: string) => {
    const { parts } = await exports.download(id)
    let text = ''

    for await (const part of parts()) text += await textOf(part)

    return text
  }

  /** What the filter shows, as the immediate CSV would write it. */
  const expected = async (status: 'ERROR' | null) => {
    const format = csvFormat(PT.locale, PT.timeZone)
    const page = await logs.list({ tab: 'INVENTORY', status, first: n + 1 })

    return `\ufeff${csvHeader(format, 'INVENTORY')}${page.data
      .map((r) => csvRow(r, format))
      .join('')}`
  }

  return {
    kv,
    logs,
    exports,
    sent,
    drain,
    file,
    expected,
    advance: (ms: number) => (now += ms),
  }
}

const reasonOf = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => (e as { reason?: string }).reason
  )

describe('CsvExportService', () => {
  it('exports everything a filter shows, part by part, in the admin’s language', async () => {
    const s = await setup(8000)
    const started = await s.exports.start({
      tab: 'INVENTORY',
      status: 'ERROR',
      ...PT,
    })

    expect(started).toMatchObject({ status: 'RUNNING', total: 6000, sends: 1 })
    expect(await reasonOf(s.exports.download(started.id))).toBe(
      'EXPORT_RUNNING'
    )
    expect(await s.drain()).toBe(2)
    const done = await s.exports.get(started.id)

    expect(done).toMatchObject({
      status: 'DONE',
      rows: 6000,
      total: 6000,
      parts: [CHUNK_MAX_ROWS, 1000],
    })
    const text = await s.file(started.id)

    expect(text).toBe(await s.expected('ERROR'))
    expect(text.split('\r\n')[0]).toMatch(/^\ufeffID do log,Marketplace,SKU/)
    expect((await s.exports.download(started.id)).fileName).toBe(
      'marketplace-bridge-inventory-2026-11-23-0700.csv'
    )
  })

  it('an empty filter gives a file with the header only', async () => {
    const s = await setup(4)
    const exp = await s.exports.start({ tab: 'TRACKING' })

    await s.drain()
    expect(await s.exports.get(exp.id)).toMatchObject({
      status: 'DONE',
      rows: 0,
      parts: [0],
    })
    expect(await s.file(exp.id)).toBe(`\ufeff${csvHeader(null, 'TRACKING')}`)
  })

  it('a duplicate event meets the lease; the file holds each row once', async () => {
    const s = await setup(6000)
    const exp = await s.exports.start({ tab: 'INVENTORY', ...PT })
    const id = s.sent.shift()!
    const results = await Promise.all([
      s.exports.runChunk(id),
      s.exports.runChunk(id),
    ])

    expect(results).toContain('more')
    await s.drain()
    expect(await s.exports.get(exp.id)).toMatchObject({
      status: 'DONE',
      rows: 6000,
    })
    expect(await s.file(exp.id)).toBe(await s.expected(null))
  })

  it('a chunk redone after its handler died overwrites its own part', async () => {
    const s = await setup(6000)
    const exp = await s.exports.start({ tab: 'INVENTORY', ...PT })
    const id = s.sent.shift()!

    await s.exports.runChunk(id)
    // The second chunk writes its part, then the process dies before the
    // commit (every write of the record fails).
    const put = s.kv.put.bind(s.kv)
    const dead = jest
      .spyOn(s.kv, 'put')
      .mockImplementation(async (path, data, options) => {
        if (
          path.startsWith('v2/export/') &&
          (data as { owner?: string }).owner == null
        )
          throw new Error('worker killed')

        return put(path, data, options)
      })

    await expect(s.exports.runChunk(s.sent.shift()!)).rejects.toThrow(
      'worker killed'
    )
    dead.mockRestore()
    expect(s.kv.files.has(exportPartPath(exp.id, 1))).toBe(true)
    expect((await s.exports.get(exp.id))!.parts).toEqual([CHUNK_MAX_ROWS])
    // Its lease runs out; the maintenance pass sends the event again.
    s.advance(120_000)
    expect(await s.exports.maintain()).toMatchObject({ resent: 1 })
    await s.drain()
    expect(await s.exports.get(exp.id)).toMatchObject({
      status: 'DONE',
      rows: 6000,
      parts: [CHUNK_MAX_ROWS, 1000],
    })
    expect(await s.file(exp.id)).toBe(await s.expected(null))
  })

  it('a lost event is re-sent by maintenance; 10 quiet re-sends fail it', async () => {
    const s = await setup(10)
    const exp = await s.exports.start({ tab: 'INVENTORY' })

    s.sent.length = 0
    expect(await s.exports.maintain()).toMatchObject({ resent: 0 })
    for (let i = 0; i < 10; i++) {
      s.advance(91_000)
      expect(await s.exports.maintain()).toMatchObject({ resent: 1 })
      s.sent.length = 0
    }

    s.advance(91_000)
    expect(await s.exports.maintain()).toMatchObject({ resent: 0, failed: 1 })
    expect(await s.exports.get(exp.id)).toMatchObject({
      status: 'FAILED',
      lastError: expect.stringMatching(/No progress/),
    })
    expect(await reasonOf(s.exports.download(exp.id))).toBe('EXPORT_NOT_READY')
  })

  it('cancel stops it after the current chunk; no file is served', async () => {
    const s = await setup(6000)
    const exp = await s.exports.start({ tab: 'INVENTORY' })

    await s.exports.runChunk(s.sent.shift()!)
    await s.exports.cancel(exp.id)
    expect(await s.drain()).toBe(1)
    expect(await s.exports.get(exp.id)).toMatchObject({
      status: 'CANCELED',
      rows: CHUNK_MAX_ROWS,
    })
    expect(await reasonOf(s.exports.cancel(exp.id))).toBe('EXPORT_NOT_RUNNING')
  })

  it('expires after 24 h: its files and record are removed', async () => {
    const s = await setup(20)
    const exp = await s.exports.start({ tab: 'INVENTORY' })

    await s.drain()
    expect(await s.exports.recent('INVENTORY')).toHaveLength(1)
    s.advance(EXPORT_TTL_MS)
    expect(await s.exports.get(exp.id)).toBeNull()
    expect(await s.exports.recent('INVENTORY')).toHaveLength(0)
    expect(await reasonOf(s.exports.download(exp.id))).toBe('EXPORT_NOT_FOUND')
    expect(await s.exports.maintain()).toMatchObject({ removed: 1 })
    const left = [...s.kv.files.keys()].filter((p) => p.includes(exp.id))

    expect(left).toEqual([])
  })

  it('runs at most 3 exports at once; a 4th is refused and writes nothing', async () => {
    const s = await setup(10)
    const ids = []

    for (let i = 0; i < 3; i++)
      ids.push((await s.exports.start({ tab: 'INVENTORY' })).id)
    const before = new Map(s.kv.files)

    expect(await reasonOf(s.exports.start({ tab: 'INVENTORY' }))).toBe(
      'TOO_MANY_EXPORTS'
    )
    expect(s.kv.files).toEqual(before)
    await s.exports.runChunk(ids[0])
    expect((await s.exports.start({ tab: 'INVENTORY' })).status).toBe('RUNNING')
    expect(await s.exports.recent('INVENTORY')).toHaveLength(4)
  })

  it('refuses a bad filter or format, an unknown id, and writes nothing', async () => {
    const s = await setup(3)
    const before = new Map(s.kv.files)

    expect(
      await reasonOf(s.exports.start({ tab: 'INVENTORY', from: 'yesterday' }))
    ).toBe('INVALID_DATE_RANGE')
    expect(
      await reasonOf(
        s.exports.start({ tab: 'INVENTORY', timeZone: 'Mars/Olympus' })
      )
    ).toBe('INVALID_CSV_FORMAT')
    expect(
      await reasonOf(s.exports.start({ tab: 'INVENTORY', search: 'a b' }))
    ).toBe('INVALID_SEARCH')
    expect(await reasonOf(s.exports.start({ tab: 'ORDERS' }))).toBe(
      'INVALID_ARGUMENT'
    )
    expect(s.kv.files).toEqual(before)
    expect(s.sent).toEqual([])
    expect(await reasonOf(s.exports.download('../../settings'))).toBe(
      'EXPORT_NOT_FOUND'
    )
    expect(await reasonOf(s.exports.cancel('1234567890123-nope'))).toBe(
      'EXPORT_NOT_FOUND'
    )
  })
})

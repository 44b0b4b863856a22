import { claimBulk, needsResend } from './bulk'
import type { CsvExport } from './csvExport'
import {
  EXPORT_TTL_MS,
  MAX_EXPORT_ROWS,
  applyExportChunk,
  assertDownloadable,
  cancelExport,
  csvExportEventOf,
  exportGivesUp,
  exportProgress,
  giveUpExport,
  isExpired,
  isExpiredId,
  markResent,
  newCsvExport,
} from './csvExport'
import { orderKeyOfMs } from './layout'

const T0 = Date.UTC(2026, 10, 23, 10)
const at = (ms: number) => new Date(T0 + ms).toISOString()
const ID = `${orderKeyOfMs(T0)}-abc123`

const fresh = (total: number | null = 12_000): CsvExport =>
  newCsvExport({
    id: ID,
    filter: { tab: 'INVENTORY', status: 'ERROR' },
    locale: 'pt-BR',
    timeZone: 'America/Sao_Paulo',
    total,
    nowMs: T0,
  })

const reasonOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return (e as { reason?: string }).reason
  }

  return null
}

describe('a new CSV export', () => {
  it('runs from part 0, expires 24 h after it started', () => {
    expect(fresh()).toMatchObject({
      id: ID,
      tab: 'INVENTORY',
      status: 'RUNNING',
      rows: 0,
      parts: [],
      cursor: null,
      createdAt: at(0),
      expiresAt: at(EXPORT_TTL_MS),
    })
  })

  it('is refused when the counts say the filter is larger than one file', () => {
    expect(fresh(MAX_EXPORT_ROWS).total).toBe(MAX_EXPORT_ROWS)
    expect(reasonOf(() => fresh(MAX_EXPORT_ROWS + 1))).toBe('EXPORT_TOO_LARGE')
    // Unknown size (search, dates): allowed, the walk stops at the cap.
    expect(fresh(null).total).toBeNull()
  })
})

describe('chunks', () => {
  const chunk = (part: number, rows: number, finished = false) => ({
    part,
    rows,
    cursor: finished ? null : `c${part + 1}`,
    finished,
    truncated: false,
  })

  it('commits each part and its cursor, releasing the lease', () => {
    const claimed = claimBulk(fresh(), T0, 'me')!
    const one = applyExportChunk(claimed, chunk(0, 5000), at(1000))

    expect(one).toMatchObject({
      parts: [5000],
      rows: 5000,
      cursor: 'c1',
      status: 'RUNNING',
      owner: null,
      claimedUntil: null,
    })
    expect(exportProgress(one)).toBeCloseTo(5000 / 12_000)
    const done = applyExportChunk(
      applyExportChunk(one, chunk(1, 5000), at(2000)),
      chunk(2, 1999, true),
      at(3000)
    )

    expect(done).toMatchObject({
      parts: [5000, 5000, 1999],
      rows: 11_999,
      total: 11_999,
      status: 'DONE',
      finishedAt: at(3000),
    })
    expect(exportProgress(done)).toBe(1)
  })

  it('a redone chunk replaces its own part: applied twice, same parts and rows', () => {
    const one = applyExportChunk(fresh(), chunk(0, 5000), at(1000))
    const once = applyExportChunk(one, chunk(1, 4000), at(2000))
    const twice = applyExportChunk(once, chunk(1, 4000), at(2000))

    expect(twice).toEqual(once)
    // A part written again with other rows (logs removed meanwhile) counts as written last.
    expect(applyExportChunk(once, chunk(1, 3990), at(2500)).rows).toBe(8990)
    // A part beyond the committed ones cannot be: it would leave a hole.
    expect(reasonOf(() => applyExportChunk(one, chunk(3, 1), at(3000)))).toBe(
      'INVALID_TRANSITION'
    )
  })

  it('a cancel that came during a chunk stays', () => {
    const canceled = cancelExport(claimBulk(fresh(), T0, 'me')!, at(500))
    const after = applyExportChunk(canceled, chunk(0, 5000, true), at(1000))

    expect(after.status).toBe('CANCELED')
    expect(reasonOf(() => cancelExport(after, at(2000)))).toBe(
      'EXPORT_NOT_RUNNING'
    )
  })
})

describe('lease, re-sends, giving up', () => {
  it('uses the bulk actions’ lease and re-send rules', () => {
    const claimed = claimBulk(fresh(), T0, 'a')!

    expect(claimBulk(claimed, T0 + 1000, 'b')).toBeNull()
    expect(claimBulk(claimed, T0 + 61_000, 'b')?.owner).toBe('b')
    expect(needsResend(fresh(), T0 + 60_000)).toBe(false)
    expect(needsResend(fresh(), T0 + 91_000)).toBe(true)
  })

  it('fails after 10 quiet re-sends, with a reason', () => {
    let e = fresh()

    for (let i = 0; i < 9; i++) e = markResent(e)
    expect(exportGivesUp(e)).toBe(false)
    e = markResent(e)
    expect(exportGivesUp(e)).toBe(true)
    expect(giveUpExport(e, at(1))).toMatchObject({
      status: 'FAILED',
      lastError: expect.stringMatching(/No progress after 10 attempts/),
    })
  })
})

describe('expiry and download', () => {
  it('expires 24 h after it started, from the record or from its id alone', () => {
    expect(isExpired(fresh(), T0 + EXPORT_TTL_MS - 1)).toBe(false)
    expect(isExpired(fresh(), T0 + EXPORT_TTL_MS)).toBe(true)
    expect(isExpiredId(ID, T0 + EXPORT_TTL_MS - 1)).toBe(false)
    expect(isExpiredId(ID, T0 + EXPORT_TTL_MS)).toBe(true)
    expect(isExpiredId('not-an-id', T0 + EXPORT_TTL_MS)).toBe(false)
  })

  it('serves a finished export only: 404 unknown or expired, 409 running or without a file', () => {
    const done = applyExportChunk(
      fresh(),
      { part: 0, rows: 3, cursor: null, finished: true, truncated: false },
      at(1)
    )

    expect(assertDownloadable(ID, done, T0 + 1000)).toBe(done)
    const codes = (e: CsvExport | null, nowMs = T0) => {
      try {
        assertDownloadable(ID, e, nowMs)
      } catch (err) {
        const { code, reason } = err as { code: string; reason: string }

        return `${code} ${reason}`
      }

      return 'ok'
    }

    expect(codes(null)).toBe('NOT_FOUND EXPORT_NOT_FOUND')
    expect(codes(done, T0 + EXPORT_TTL_MS)).toBe('NOT_FOUND EXPORT_NOT_FOUND')
    expect(codes(fresh())).toBe('CONFLICT EXPORT_RUNNING')
    expect(codes(cancelExport(fresh(), at(1)))).toBe(
      'CONFLICT EXPORT_NOT_READY'
    )
  })
})

describe('the export event', () => {
  it('takes { exportId } and refuses anything else', () => {
    expect(csvExportEventOf({ exportId: ID })).toEqual({ exportId: ID })
    expect(reasonOf(() => csvExportEventOf('x'))).toBe('INVALID_EVENT')
    expect(reasonOf(() => csvExportEventOf({}))).toBe('INVALID_EVENT')
    expect(reasonOf(() => csvExportEventOf({ exportId: '../x' }))).toBe(
      'INVALID_EVENT'
    )
  })
})

import type { CsvExport } from './csvExport'
import { EXPORT_TTL_MS, MAX_EXPORT_ROWS, newCsvExport } from './csvExport'
import {
  CHUNK_BUDGET_MS,
  CHUNK_MAX_BYTES,
  CHUNK_MAX_ROWS,
  EXPORT_PAGE_ROWS,
  exportFileName,
  exportPartPath,
  freeSlot,
  nextPageSize,
  reachedRowCap,
} from './csvExportPlan'
import { orderKeyOfMs } from './layout'

const T0 = Date.UTC(2026, 10, 23, 2, 5)
const exp = (over: Partial<CsvExport> = {}): CsvExport => ({
  ...newCsvExport({
    id: `${orderKeyOfMs(T0)}-abc`,
    filter: { tab: 'TRACKING' },
    locale: 'pt-BR',
    timeZone: 'America/Sao_Paulo',
    total: null,
    nowMs: T0,
  }),
  ...over,
})

describe('the chunk plan', () => {
  const start = { rows: 0, bytes: 0, elapsedMs: 0, committed: 0 }

  it('lists a page at a time up to the chunk’s rows', () => {
    expect(nextPageSize(start)).toBe(EXPORT_PAGE_ROWS)
    expect(nextPageSize({ ...start, rows: CHUNK_MAX_ROWS - 120 })).toBe(120)
    expect(nextPageSize({ ...start, rows: CHUNK_MAX_ROWS })).toBe(0)
  })

  it('stops at the chunk’s bytes or its time budget, whatever the rows', () => {
    expect(nextPageSize({ ...start, rows: 10, bytes: CHUNK_MAX_BYTES })).toBe(0)
    expect(
      nextPageSize({ ...start, rows: 10, elapsedMs: CHUNK_BUDGET_MS })
    ).toBe(0)
    expect(
      nextPageSize({ ...start, rows: 10, elapsedMs: CHUNK_BUDGET_MS - 1 })
    ).toBe(EXPORT_PAGE_ROWS)
  })

  it('never lists past the most one file holds', () => {
    const near = { ...start, committed: MAX_EXPORT_ROWS - 700, rows: 600 }

    expect(nextPageSize(near)).toBe(100)
    expect(reachedRowCap(near)).toBe(false)
    expect(nextPageSize({ ...near, rows: 700 })).toBe(0)
    expect(reachedRowCap({ ...near, rows: 700 })).toBe(true)
  })

  it('keeps a chunk far from the 30 s handler timeout', () => {
    // Rows per chunk × listings per page bound the calls of one event.
    expect(CHUNK_MAX_ROWS / EXPORT_PAGE_ROWS).toBeLessThanOrEqual(10)
    expect(CHUNK_BUDGET_MS).toBeLessThanOrEqual(10_000)
  })
})

describe('running-export slots', () => {
  const running = exp()

  it('takes an absent slot, or one whose export is finished, gone or expired', () => {
    expect(freeSlot([{ taken: false, holder: null }], T0)).toBe(0)
    expect(
      freeSlot(
        [
          { taken: true, holder: running },
          { taken: true, holder: exp({ status: 'DONE' }) },
        ],
        T0
      )
    ).toBe(1)
    expect(
      freeSlot(
        [
          { taken: true, holder: running },
          { taken: true, holder: null },
        ],
        T0
      )
    ).toBe(1)
    expect(
      freeSlot([{ taken: true, holder: running }], T0 + EXPORT_TTL_MS)
    ).toBe(0)
  })

  it('has none when three exports are running', () => {
    const three = [1, 2, 3].map(() => ({ taken: true, holder: running }))

    expect(freeSlot(three, T0)).toBe(-1)
  })
})

describe('files', () => {
  it('names the tab and the start in the admin’s time zone', () => {
    // 02:05 UTC is 23:05 the day before in São Paulo.
    expect(exportFileName(exp())).toBe(
      'marketplace-bridge-tracking-2026-11-22-2305.csv'
    )
    expect(exportFileName(exp({ timeZone: null }))).toBe(
      'marketplace-bridge-tracking-2026-11-23-0205.csv'
    )
  })

  it('numbers parts so that they list in order', () => {
    expect(exportPartPath('x', 7)).toBe('v2/exportfile/x/00007.csv')
    expect(exportPartPath('x', 10) > exportPartPath('x', 9)).toBe(true)
  })
})

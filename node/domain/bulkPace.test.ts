import {
  CHUNKS_AT_ONCE,
  EVENT_BUDGET_MS,
  MAX_PENDING_JOBS,
  nextChunk,
} from './bulkPace'

describe('the pace of a bulk event', () => {
  it('starts chunks up to the bound, waits for a full queue, starts none that would end past the budget', () => {
    const s = {
      elapsedMs: 0,
      slowestChunkMs: 0,
      stopped: false,
      exhausted: false,
      running: 0,
      pendingJobs: null,
    }

    expect(nextChunk(s)).toBe('START')
    expect(nextChunk({ ...s, running: CHUNKS_AT_ONCE - 1 })).toBe('START')
    expect(nextChunk({ ...s, running: CHUNKS_AT_ONCE })).toBe('WAIT')
    expect(nextChunk({ ...s, pendingJobs: MAX_PENDING_JOBS - 1 })).toBe('START')
    expect(nextChunk({ ...s, pendingJobs: MAX_PENDING_JOBS })).toBe('WAIT')
    expect(nextChunk({ ...s, elapsedMs: EVENT_BUDGET_MS - 1 })).toBe('START')
    expect(nextChunk({ ...s, elapsedMs: EVENT_BUDGET_MS })).toBe('STOP')
    // A chunk that would end past the budget (as slow as the slowest yet) is not started.
    expect(
      nextChunk({
        ...s,
        elapsedMs: EVENT_BUDGET_MS - 3000,
        slowestChunkMs: 2999,
      })
    ).toBe('START')
    expect(
      nextChunk({
        ...s,
        elapsedMs: EVENT_BUDGET_MS - 3000,
        slowestChunkMs: 3000,
      })
    ).toBe('STOP')
    expect(nextChunk({ ...s, stopped: true })).toBe('STOP')
    expect(nextChunk({ ...s, exhausted: true, running: 3 })).toBe('STOP')
  })
})

import type { MaintenanceService } from '../composition/maintenance'
import { SECRET_HEADER } from '../domain/schedule'
import { SCHEDULE_SECRET_PATH } from '../services/schedule'
import { mockContext, rootOfMock } from '../test/mockContext'
import { runRoute } from '../test/route'
import { runMaintenance } from './maintenance'

const SECRET = 'a'.repeat(64)

async function call(header: string | null, stored: string | null = SECRET) {
  const ctx = mockContext({
    method: 'POST',
    headers: header == null ? {} : { [SECRET_HEADER]: header },
  })

  if (stored) {
    await ctx.fakes.storage.put(SCHEDULE_SECRET_PATH, {
      secret: stored,
      createdAt: '2026-11-30T00:00:00.000Z',
    })
  }

  const run = jest.fn(async () => ({
    resent: 2,
    abandoned: 0,
    carrierChecks: 1,
  }))

  const maintenance = jest
    .spyOn(rootOfMock(ctx), 'maintenance')
    .mockResolvedValue({ run } as unknown as MaintenanceService)

  await runRoute(ctx, runMaintenance)

  return { ctx, run, maintenance }
}

describe('POST maintenance (the schedule’s route)', () => {
  it('runs the maintenance pass for the schedule’s secret and answers what it did', async () => {
    const { ctx, run } = await call(SECRET)

    expect(ctx.status).toBe(200)
    expect(ctx.body).toEqual({
      ok: true,
      resent: 2,
      abandoned: 0,
      carrierChecks: 1,
    })
    expect(run).toHaveBeenCalledTimes(1)
    expect(ctx.sent['cache-control']).toBe('no-store')
  })

  it.each([
    ['a wrong secret', 'b'.repeat(64), SECRET],
    ['no header', null, SECRET],
    ['no secret generated yet', SECRET, null],
  ])(
    'answers 401 for %s, before building anything',
    async (_, header, stored) => {
      const { ctx, maintenance } = await call(header, stored)

      expect(ctx.status).toBe(401)
      expect(ctx.body).toMatchObject({
        error: { code: 'UNAUTHENTICATED', reason: 'SCHEDULE_SECRET_INVALID' },
      })
      expect(maintenance).not.toHaveBeenCalled()
    }
  )
})

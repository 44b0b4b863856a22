import { readFileSync } from 'fs'
import { join } from 'path'

import { mockContext, rootOfMock } from '../test/mockContext'
import { seedLog } from '../test/seed'
import { resolvers } from '.'

const info = {} as never

/** The root fields graphql/schema.graphql declares on `type {name}`, sorted. */
function rootFields(name: string) {
  const schema = readFileSync(
    join(__dirname, '..', '..', 'graphql', 'schema.graphql'),
    'utf8'
  ).replace(/"""[\s\S]*?"""/g, '')
  const body = new RegExp(`type ${name} \\{([\\s\\S]*?)\\n\\}`).exec(
    schema
  )?.[1]

  return [...(body ?? '').matchAll(/^ {2}(\w+)\s*[(:]/gm)]
    .map((m) => m[1])
    .sort((a, b) => a.localeCompare(b))
}

describe('field resolvers of the schema', () => {
  it('PageInfo.total runs the count only when the field is resolved', async () => {
    const total = jest.fn(async () => 42)

    expect(
      await resolvers.PageInfo.total(
        { total, endCursor: null, hasNextPage: false },
        {},
        mockContext(),
        info
      )
    ).toBe(42)
    expect(total).toHaveBeenCalledTimes(1)
  })

  it('IntegrationLogSummary.retry reads the log of a queued row only', async () => {
    const ctx = mockContext()
    const { logs } = rootOfMock(ctx)

    await seedLog(
      logs,
      { tab: 'PRODUCTS', marketplace: 'amazon', entityId: '1001' },
      'ERROR'
    )
    const get = jest.spyOn(logs, 'get')
    const retry = resolvers.IntegrationLogSummary.retry as unknown as (
      row: { id: string; status: string },
      args: unknown,
      ctx: Context
    ) => Promise<unknown>

    expect(
      await retry({ id: 'PRODUCTS:amazon:1001', status: 'ERROR' }, {}, ctx)
    ).toBeNull()
    expect(get).not.toHaveBeenCalled()
    expect(
      await retry({ id: 'PRODUCTS:amazon:1001', status: 'QUEUED' }, {}, ctx)
    ).toBeNull()
    expect(get).toHaveBeenCalledWith('PRODUCTS:amazon:1001')
  })

  it('every root field of the schema has its resolver, and no other', () => {
    const sorted = (names: string[]) =>
      [...names].sort((a, b) => a.localeCompare(b))

    expect(sorted(Object.keys(resolvers.Query))).toEqual(rootFields('Query'))
    expect(sorted(Object.keys(resolvers.Mutation))).toEqual(
      rootFields('Mutation')
    )
    expect(rootFields('Query')).toContain('integrationLogs')
    expect(rootFields('Mutation')).toContain('reprocessLogs')
  })
})

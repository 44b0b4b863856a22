import { filterName, indexPaths, orderKey, parseIndexPath } from './layout'

describe('storage layout', () => {
  it('orders newer times before older ones lexicographically', () => {
    const older = orderKey('2026-11-20T10:00:00.000Z')
    const newer = orderKey('2026-11-20T10:00:00.001Z')

    expect(newer < older).toBe(true)
    expect(older).toHaveLength(13)
  })

  it('lists a log under all four filter combinations', () => {
    const paths = indexPaths(
      'PRODUCTS',
      'ERROR',
      'amazon',
      '42',
      '2026-11-20T10:00:00.000Z'
    )

    expect(paths.map((p) => p.split('/')[2])).toEqual([
      'all',
      's.ERROR',
      'm.amazon',
      'sm.ERROR.amazon',
    ])
    expect(parseIndexPath(paths[3])).toEqual({
      order: orderKey('2026-11-20T10:00:00.000Z'),
      marketplace: 'amazon',
      entityId: '42',
    })
  })

  it('keeps entity ids with underscores intact', () => {
    const [path] = indexPaths(
      'TRACKING',
      'SUCCESS',
      'magalu',
      'v_1_2',
      '2026-11-20T10:00:00.000Z'
    )

    expect(parseIndexPath(path)?.entityId).toBe('v_1_2')
  })

  it('names filters', () => {
    expect(filterName()).toBe('all')
    expect(filterName('QUEUED')).toBe('s.QUEUED')
    expect(filterName(null, 'amazon')).toBe('m.amazon')
  })
})

import { planListing } from './listPlan'
import { MAX_LISTED_SKUS, listingLookup, withListedSkus } from './listingSearch'

const filter = { tab: 'PRODUCTS' as const, search: 'MLB123' }

describe('listingLookup', () => {
  it('looks the term up on the chosen marketplace, or every one receiving the tab', () => {
    expect(listingLookup(filter, ['mercadolivre', 'amazon'])).toEqual({
      listingId: 'MLB123',
      marketplaces: ['mercadolivre', 'amazon'],
    })
    expect(
      listingLookup({ ...filter, marketplace: 'amazon' }, [
        'mercadolivre',
        'amazon',
      ])
    ).toEqual({ listingId: 'MLB123', marketplaces: ['amazon'] })
  })

  it('looks nothing up on Tracking, without a search or a marketplace', () => {
    expect(listingLookup({ ...filter, tab: 'TRACKING' }, ['amazon'])).toBeNull()
    expect(listingLookup({ ...filter, search: ' ' }, ['amazon'])).toBeNull()
    expect(
      listingLookup({ ...filter, marketplace: 'magalu' }, ['amazon'])
    ).toBeNull()
  })
})

describe('withListedSkus and the plan', () => {
  it('lists the term and each SKU folder, keeping a SKU row only on the listing marketplace', () => {
    const f = withListedSkus(filter, [
      { marketplace: 'mercadolivre', skuId: '1003' },
      { marketplace: 'mercadolivre', skuId: '1003' },
      { marketplace: 'mercadolivre', skuId: '1004' },
    ])

    expect(f.listedSkus).toHaveLength(2)
    const plan = planListing(f)

    expect(plan.folders).toEqual(['e.MLB123', 'e.1003', 'e.1004'])
    expect(plan.prefix).toBeNull()
    const row = (marketplace: string, entityId: string) =>
      ({ marketplace, entityId, status: 'ERROR', order: 'x' } as never)

    expect(plan.keep(row('mercadolivre', '1004'))).toBe(true)
    expect(plan.keep(row('amazon', '1004'))).toBe(false)
    expect(plan.keep(row('amazon', 'MLB123'))).toBe(true)
    expect(plan.keep(row('amazon', 'MLB1234'))).toBe(false)
    expect(plan.key).not.toEqual(planListing(filter).key)
  })

  it('leaves the filter as it was when the term is no listing, and caps the SKUs listed', () => {
    expect(withListedSkus(filter, [])).toBe(filter)
    const many = Array.from({ length: 30 }, (_, i) => ({
      marketplace: 'mercadolivre',
      skuId: String(2000 + i),
    }))

    expect(withListedSkus(filter, many).listedSkus).toHaveLength(
      MAX_LISTED_SKUS
    )
  })
})

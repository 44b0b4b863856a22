import { searchWithTab, tabFromSearch } from './tabs'

describe('tab in the URL', () => {
  it('reads the tab, defaulting to products', () => {
    expect(tabFromSearch('?tab=inventory')).toBe('INVENTORY')
    expect(tabFromSearch('?tab=TRACKING')).toBe('TRACKING')
    expect(tabFromSearch('')).toBe('PRODUCTS')
    expect(tabFromSearch('?tab=orders')).toBe('PRODUCTS')
  })

  it('writes the tab, keeping other parameters', () => {
    expect(searchWithTab('?foo=1', 'TRACKING')).toBe('?foo=1&tab=tracking')
    expect(searchWithTab('?tab=products', 'INVENTORY')).toBe('?tab=inventory')
  })
})

import type { MarketplaceChannel } from '../domain/channels/channel'
import type { Dock, Warehouse } from '../domain/channels/vtexTypes'

/** The three seeded marketplaces as channels: the affiliates and trade policies of the local VTEX (local/emulator/vtexChannels.js). */
export const ML: MarketplaceChannel = {
  marketplaceId: 'mercadolivre',
  name: 'Mercado Livre',
  affiliateId: 'MLB',
  salesChannel: '2',
}

export const AMAZON: MarketplaceChannel = {
  marketplaceId: 'amazon',
  name: 'Amazon',
  affiliateId: 'MZN',
  salesChannel: '3',
  operations: ['PRODUCT', 'PRICE', 'STOCK', 'DEACTIVATE', 'TRACKING'],
}

export const MAGALU: MarketplaceChannel = {
  marketplaceId: 'magalu',
  name: 'Magalu',
  affiliateId: 'MGL',
  salesChannel: '4',
  // Takes no prices through the bridge (its prices are set on its side).
  operations: ['PRODUCT', 'STOCK', 'DEACTIVATE', 'TRACKING'],
}

export const MARKETPLACES = [ML, AMAZON, MAGALU]

/**
 * Test docks (not the local VTEX's): dock 1_1 serves the site, Mercado Livre and Amazon; dock 2_1
 * (Loja Curitiba) serves the site, Amazon and Magalu; dock 3 is inactive.
 */
export const DOCKS: Dock[] = [
  { id: '1_1', name: 'CD São Paulo', salesChannels: ['1', '2', '3'] },
  {
    id: '2_1',
    name: 'Loja Curitiba',
    salesChannels: ['3', '4'],
    salesChannel: '1',
  },
  { id: '9_1', name: 'Doca desativada', salesChannels: ['2'], isActive: false },
]

export const WAREHOUSES: Warehouse[] = [
  { id: '1_1', name: 'Principal', warehouseDocks: [{ dockId: '1_1' }] },
  { id: 'cwb', name: 'Curitiba', warehouseDocks: [{ dockId: '2_1' }] },
  { id: 'old', name: 'Antigo', warehouseDocks: [{ dockId: '9_1' }] },
]

'use strict'

/**
 * The store's channels in the local VTEX (issue 11), answered as
 * shared/vtex-openapi documents them:
 *   GET /api/catalog_system/pvt/saleschannel/list                 trade policies
 *   GET /api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel?sc=&page=&pageSize=&onlyAssigned=
 *   GET /api/fulfillment/pvt/affiliates[/{id}]                    one affiliate per marketplace
 *   GET /api/logistics/pvt/configuration/docks | /warehouses      two docks, two warehouses
 *   GET /api/pricing/prices/{skuId}/computed/{priceTable}         a price table per trade policy
 * plus the channel parts of the answers vtex.js already gives: a SKU's
 * `SalesChannels`, the inventory balance of every warehouse, an order's
 * origin / affiliateId / salesChannel / marketplaceOrderId.
 *
 * The account (docs/channels.md has the picture):
 *   trade policy 1 Loja (the store's site) · 2 Mercado Livre (affiliate MLB)
 *   · 3 Amazon (MZN) · 4 Magalu (MGL); price table = trade policy id.
 *   Dock 1_1 "CD São Paulo" serves 1, 2, 3, 4 and ships from warehouse 1_1
 *   "Principal"; dock 2_1 "Loja Curitiba" serves 1 and 4 and ships from
 *   warehouse cwb "Curitiba". So Mercado Livre and Amazon sell Principal's
 *   stock; the site and Magalu sell Principal + Curitiba.
 *   Every SKU is in 1 and 2; in 3 unless its id % 4 = 3; in 4 when its id is even.
 * Principal's balance is the one the existing `stock` control sets (so every
 * marketplace sees the same figure until Curitiba is given stock).
 */

const MARKETPLACE_ORIGINS = {
  mercadolivre: {
    affiliateId: 'MLB',
    salesChannel: '2',
    name: 'Mercado Livre',
    orderId: (n) => `2000${String(12345678901 + n * 7919).padStart(12, '0')}`,
  },
  amazon: {
    affiliateId: 'MZN',
    salesChannel: '3',
    name: 'Amazon',
    orderId: (n) => {
      const d = String(1000000000000 + n * 104729).slice(-13)

      return `702-${d.slice(0, 7)}-${d.slice(6, 13)}`
    },
  },
  magalu: {
    affiliateId: 'MGL',
    salesChannel: '4',
    name: 'Magalu',
    orderId: (n) => `LU-${String(80000000000000 + n * 6151)}`,
  },
}

const SITE = 'site'
/** Assigned in turn to seeded orders without an origin. */
const ORIGIN_CYCLE = ['mercadolivre', 'amazon', 'magalu', SITE]

function defaultChannels() {
  const currency = {
    CountryCode: 'BRA',
    CultureInfo: 'pt-BR',
    TimeZone: 'E. South America Standard Time',
    CurrencyCode: 'BRL',
    CurrencySymbol: 'R$',
    CurrencyLocale: 1046,
    CurrencyFormatInfo: {
      CurrencyDecimalDigits: 2,
      CurrencyDecimalSeparator: ',',
      CurrencyGroupSeparator: '.',
      CurrencyGroupSize: 3,
      StartsWithCurrencySymbol: true,
    },
    Origin: null,
    ConditionRule: null,
    CurrencyDecimalDigits: 2,
  }

  const salesChannel = (Id, Name, Position) => ({
    Id,
    Name,
    IsActive: true,
    ProductClusterId: null,
    ...currency,
    Position,
  })

  const affiliate = (id, name, sc, marketplace) => ({
    id,
    followUpEmail: 'marketplaces@bridgedemo.example',
    useSellerPaymentMethod: false,
    name,
    salesChannel: sc,
    searchURIEndpoint: `http://${marketplace}.sandbox.local/api/notification/`,
    searchURIEndpointVersion: '1.x.x',
    searchURIEndpointAvailableVersions: ['1.x.x'],
    minimumValueAccumulated: null,
  })

  const address = (postalCode, city, state, street, [lat, lng]) => ({
    postalCode,
    country: { acronym: 'BRA', name: 'Brasil' },
    city,
    state,
    neighborhood: 'Centro',
    street,
    number: '100',
    complement: null,
    reference: null,
    location: { latitude: lat, longitude: lng },
  })

  const dock = (id, name, salesChannels, main, where) => ({
    pickupStoreInfo: {
      isPickupStore: false,
      storeId: null,
      friendlyName: null,
      address: null,
      additionalInfo: null,
      dockId: null,
      distance: null,
      businessHours: null,
      pickupHolidays: null,
      sellerId: null,
      isThirdPartyPickup: false,
    },
    storeId: null,
    pickupInStoreInfo: { isActice: false, additionalInfo: null },
    deliveryFromStoreInfo: {
      isActice: false,
      deliveryRadius: 0,
      deliveryFee: 0,
      deliveryTime: '00:00:00',
      maximumWeight: 0,
    },
    address: where,
    location: null,
    shippingRatesProviders: [],
    deliveryAgreementsIds: [],
    id,
    name,
    priority: 0,
    dockTimeFake: '00:00:00',
    timeFakeOverhead: '00:00:00',
    salesChannels,
    salesChannel: main,
    freightTableIds: ['1'],
    wmsEndPoint: null,
    isActive: true,
  })

  return {
    salesChannels: [
      salesChannel(1, 'Loja BridgeDemo', 1),
      salesChannel(2, 'Mercado Livre', 2),
      salesChannel(3, 'Amazon', 3),
      salesChannel(4, 'Magalu', 4),
    ],
    affiliates: [
      affiliate('MLB', 'Mercado Livre', '2', 'mercadolivre'),
      affiliate('MZN', 'Amazon', '3', 'amazon'),
      affiliate('MGL', 'Magalu', '4', 'magalu'),
    ],
    docks: [
      dock(
        '1_1',
        'CD São Paulo',
        ['1', '2', '3', '4'],
        '1',
        address('01001-000', 'São Paulo', 'SP', 'Praça da Sé', [-23.55, -46.63])
      ),
      dock(
        '2_1',
        'Loja Curitiba',
        ['1', '4'],
        '1',
        address(
          '80020-310',
          'Curitiba',
          'PR',
          'Rua XV de Novembro',
          [-25.43, -49.27]
        )
      ),
    ],
    warehouses: [
      {
        id: '1_1',
        name: 'Principal',
        warehouseDocks: [{ dockId: '1_1', time: '1.00:00:00', cost: 0 }],
        pickupPointIds: [],
        priority: 0,
        isActive: true,
      },
      {
        id: 'cwb',
        name: 'Curitiba',
        warehouseDocks: [{ dockId: '2_1', time: '00:00:00', cost: 0 }],
        pickupPointIds: [],
        priority: 0,
        isActive: true,
      },
    ],
    /** Markup of each price table over the SKU's base price, in %. */
    priceTables: { 1: 0, 2: 12, 3: 15, 4: 8 },
    /** SKU id → explicit trade policies (the default rule otherwise). */
    skuChannels: {},
    /** SKU id → { basePrice, fixed: { table: { value, listPrice } } } set by the price control. */
    prices: {},
    /** SKU id → warehouse id → balance, for warehouses other than Principal. */
    stock: {},
    sequence: 0,
  }
}

const round2 = (n) => Math.round(n * 100) / 100

/** The default base price of a SKU: from R$ 49.90 up, by its id. */
const basePriceOf = (skuId) => round2(49.9 + (Number(skuId) % 50) * 10)

/** Orders without an origin get one in turn: Mercado Livre, Amazon, Magalu, the store's site. */
function originFields(kind, n, account) {
  if (kind === SITE)
    return {
      origin: 'Marketplace',
      affiliateId: '',
      salesChannel: '1',
      marketplaceOrderId: '',
      marketplaceServicesEndpoint: `http://oms.vtexinternal.com.br/api/oms?an=${
        account || 'bridgedemo'
      }`,
      marketplace: null,
    }

  const m = MARKETPLACE_ORIGINS[kind]

  return {
    origin: 'Fulfillment',
    affiliateId: m.affiliateId,
    salesChannel: m.salesChannel,
    marketplaceOrderId: m.orderId(n),
    marketplaceServicesEndpoint: `http://${kind}.sandbox.local/api/oms`,
    marketplace: {
      baseURL: `http://${kind}.sandbox.local/api`,
      isCertified: true,
      name: m.name,
    },
  }
}

module.exports = {
  MARKETPLACE_ORIGINS,
  ORIGIN_CYCLE,
  SITE,
  defaultChannels,
  basePriceOf,
  originFields,
  round2,
}

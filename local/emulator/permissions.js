'use strict'

/**
 * What VTEX documents about the Core Commerce endpoints the bridge calls:
 * the License Manager resources (keys) any one of which lets the caller run
 * the request (shared/vtex-openapi: each operation's "Permissions" table;
 * keys from the License Manager resources table). IO grants an app a
 * resource only through a manifest policy named by the key.
 *
 * Used by the emulator (a call with the app's token and none of the keys in
 * the policies → 403) and by scripts/check-outbound.js (an endpoint the code
 * calls must be listed here and covered by a policy).
 *   userToken: the request carries a user's token and is decided by that
 *   user's roles, not by the app's policies.
 *   appScoped: the request acts on the app's own resource with the app's own
 *   token and VTEX documents no License Manager resource for it (VTEX's
 *   own IO apps call it with no policy but outbound-access).
 */
const VTEX_ENDPOINTS = [
  {
    // The app's own schedule (return-app and marketplace-financial-commission
    // register theirs the same way: Janus, the app's token, version=4).
    name: "Scheduler · The app's own schedules",
    methods: ['GET', 'PUT', 'DELETE'],
    path: /^\/api\/scheduler\/[^/]+\/[^/]+(\/[^/]+)?\/?$/,
    resources: [],
    appScoped: true,
  },
  {
    name: 'Catalog · Get SKU',
    methods: ['GET'],
    path: /^\/api\/catalog_system\/pvt\/sku\/stockkeepingunitbyid\/[^/]+$/,
    resources: ['Sku.aspx'],
  },
  {
    name: 'Catalog · Get SKU ID by reference ID',
    methods: ['GET'],
    path: /^\/api\/catalog_system\/pvt\/sku\/stockkeepingunitidbyrefid\/[^/]+$/,
    resources: ['Sku.aspx'],
  },
  {
    name: 'Catalog · Get SKU by EAN',
    methods: ['GET'],
    path: /^\/api\/catalog_system\/pvt\/sku\/stockkeepingunitbyean\/[^/]+$/,
    resources: ['Sku.aspx'],
  },
  {
    name: 'Logistics · List inventory by SKU',
    methods: ['GET'],
    path: /^\/api\/logistics\/pvt\/inventory\/skus\/[^/]+$/,
    resources: [
      'InventoryViewer',
      'InventoryAdmin',
      'LogisticsViewer',
      'LogisticsAdmin',
    ],
  },
  {
    name: 'OMS · Get order',
    methods: ['GET'],
    path: /^\/api\/oms\/pvt\/orders\/[^/]+$/,
    resources: ['OMSViewer'],
  },
  {
    name: "OMS · Update order's partial invoice (tracking number)",
    methods: ['PATCH'],
    path: /^\/api\/oms\/pvt\/orders\/[^/]+\/invoice\/[^/]+$/,
    resources: ['ShippingAction'],
  },
  {
    name: 'OMS · Update order tracking status',
    methods: ['PUT'],
    path: /^\/api\/oms\/pvt\/orders\/[^/]+\/invoice\/[^/]+\/tracking$/,
    resources: ['ShippingAction'],
  },
  {
    // VTEX IO's policy table documents Sku.aspx for /api/catalog_system/pvt/sku/*
    // (the REST reference names the resource "Catalog API › View Product").
    name: 'Catalog · List SKU ids of a sales channel',
    methods: ['GET'],
    path: /^\/api\/catalog_system\/pvt\/sku\/stockkeepingunitidsbysaleschannel$/,
    resources: ['Sku.aspx'],
  },
  {
    // Read with the admin's own token on the settings page (Catalog API › View Product).
    name: 'Catalog · Sales channel list',
    methods: ['GET'],
    path: /^\/api\/catalog_system\/pvt\/saleschannel\/list$/,
    userToken: true,
  },
  {
    // Read with the admin's own token on the settings page (Checkout ›
    // Save Order Configuration / Save OrderForm Configuration).
    name: 'Marketplace · List affiliates',
    methods: ['GET'],
    path: /^\/api\/fulfillment\/pvt\/affiliates$/,
    userToken: true,
  },
  {
    name: 'Logistics · List docks',
    methods: ['GET'],
    path: /^\/api\/logistics\/pvt\/configuration\/docks$/,
    resources: ['LogisticsViewer', 'LogisticsAdmin'],
  },
  {
    name: 'Logistics · List warehouses',
    methods: ['GET'],
    path: /^\/api\/logistics\/pvt\/configuration\/warehouses$/,
    resources: ['LogisticsViewer', 'LogisticsAdmin'],
  },
  {
    name: 'Pricing · Get computed price by price table',
    methods: ['GET'],
    path: /^\/api\/pricing\/prices\/[^/]+\/computed\/[^/]+$/,
    resources: ['read_prices'],
  },
  {
    name: 'License Manager · Can the user access a resource',
    methods: ['GET'],
    path: /^\/api\/license-manager\/resources\/[^/]+\/access$/,
    userToken: true,
  },
  {
    name: 'VTEX ID · Authenticated user',
    methods: ['GET'],
    path: /^\/api\/vtexid\/pub\/authenticated\/user\/?$/,
    userToken: true,
  },
]

/** Readable names of the resource keys (License Manager resources table). */
const RESOURCE_NAMES = {
  'Sku.aspx': 'Catalog › SKUs',
  InventoryViewer: 'Logistics › Logistics inventory read only',
  InventoryAdmin: 'Logistics › Logistics inventory full access',
  LogisticsViewer: 'Logistics › Logistics viewer',
  LogisticsAdmin: 'Logistics › Logistics full access',
  OMSViewer: 'OMS › View order',
  ShippingAction: 'OMS › Notify invoice',
  read_prices: 'Pricing › Read prices',
}

/** The documented endpoint a method and path fall under, or null. */
function vtexEndpoint(method, pathname) {
  return (
    VTEX_ENDPOINTS.find(
      (e) => e.methods.includes(method.toUpperCase()) && e.path.test(pathname)
    ) || null
  )
}

module.exports = { VTEX_ENDPOINTS, RESOURCE_NAMES, vtexEndpoint }

'use strict'

/**
 * The emulated Mercado Livre account: one ML application, a seller on MLB with
 * listings in every state the adapter must handle, another seller (whose
 * items and orders the first may not touch), categories with their required
 * attributes, shipping services, and orders shipped in each mode.
 */

const SELLER_ID = 123456789
const OTHER_SELLER_ID = 987654321

const APP = {
  clientId: '5551234567890123',
  clientSecret: 'emulator-client-secret',
  redirectUris: [
    'https://localhost/_v/marketplace-bridge/oauth/mercadolivre',
    'http://localhost/_v/marketplace-bridge/oauth/mercadolivre',
  ],
}

const CATEGORIES = {
  MLB1055: { name: 'Celulares e Smartphones', required: ['BRAND', 'MODEL'] },
  MLB1276: { name: 'Esportes e Fitness', required: ['BRAND'] },
  MLB1648: { name: 'Informática', required: [] },
}

const LISTING_TYPES = ['gold_pro', 'gold_special', 'free']

/** `/sites/MLB/shipping_services` (a few). */
const SHIPPING_SERVICES = {
  1: 'PAC',
  2: 'Sedex',
  11: 'Outros',
  154: 'Transportadora',
}

const picture = (n) => ({
  id: `${n}-MLB00000000000_012024`,
  url: `http://http2.mlstatic.com/D_${n}-O.jpg`,
  secure_url: `https://http2.mlstatic.com/D_${n}-O.jpg`,
  size: '500x500',
  max_size: '1200x1200',
  quality: '',
})

function item(id, fields) {
  const at = '2024-05-02T12:00:00.000Z'

  return {
    id,
    site_id: 'MLB',
    title: `Produto ${id}`,
    seller_id: SELLER_ID,
    category_id: 'MLB1276',
    price: 129.9,
    base_price: 129.9,
    currency_id: 'BRL',
    available_quantity: 10,
    sold_quantity: 0,
    buying_mode: 'buy_it_now',
    listing_type_id: 'gold_special',
    condition: 'new',
    permalink: `https://produto.mercadolivre.com.br/${id.replace(
      'MLB',
      'MLB-'
    )}`,
    pictures: [picture(id.slice(-3))],
    status: 'active',
    sub_status: [],
    tags: [],
    variations: [],
    attributes: [{ id: 'BRAND', value_name: 'Marca' }],
    user_product_id: null,
    shipping: { mode: 'me2', logistic_type: 'drop_off', local_pick_up: false },
    date_created: at,
    last_updated: at,
    ...fields,
  }
}

const variation = (id, color, quantity) => ({
  id,
  price: 79.9,
  attribute_combinations: [
    { id: 'COLOR', name: 'Cor', value_id: null, value_name: color },
  ],
  available_quantity: quantity,
  sold_quantity: 0,
  picture_ids: [],
  seller_custom_field: null,
})

function seed() {
  const items = [
    item('MLB1000000001', { title: 'Bola de Futebol Oficial' }),
    item('MLB1000000002', {
      title: 'Camiseta Dry Fit',
      price: 79.9,
      base_price: 79.9,
      available_quantity: 7,
      variations: [
        variation(17400000001, 'Azul', 3),
        variation(17400000002, 'Preto', 4),
      ],
    }),
    item('MLB1000000003', {
      title: 'Tênis de Corrida',
      available_quantity: 8,
      user_product_id: 'MLBU1000000003',
      tags: ['self_service_in'],
      shipping: { mode: 'me2', logistic_type: 'fulfillment' },
    }),
    item('MLB1000000004', {
      title: 'Garrafa Térmica',
      status: 'paused',
      sub_status: ['suspended'],
    }),
    item('MLB1000000005', {
      title: 'Luva de Goleiro',
      status: 'under_review',
      sub_status: ['waiting_for_patch'],
    }),
    item('MLB1000000006', { title: 'Meião Antigo', status: 'closed' }),
    item('MLB1000000007', { title: 'Chuteira Society', sold_quantity: 12 }),
    item('MLB1000000008', {
      title: 'Corda de Pular',
      available_quantity: 6,
      user_product_id: 'MLBU1000000008',
      shipping: { mode: 'me2', logistic_type: 'fulfillment' },
    }),
    item('MLB1999999999', {
      title: 'Item de outro vendedor',
      seller_id: OTHER_SELLER_ID,
    }),
  ]

  const userProducts = [
    {
      id: 'MLBU1000000003',
      user_id: SELLER_ID,
      version: 1,
      locations: [
        { type: 'selling_address', quantity: 5 },
        { type: 'meli_facility', quantity: 3 },
      ],
    },
    {
      id: 'MLBU1000000008',
      user_id: SELLER_ID,
      version: 1,
      locations: [{ type: 'meli_facility', quantity: 6 }],
    },
  ]

  const shipment = (id, orderId, mode, logisticType, fields = {}) => ({
    id,
    order_id: orderId,
    mode,
    logistic_type: logisticType,
    status: 'ready_to_ship',
    substatus: null,
    tracking_number: null,
    tracking_method: null,
    service_id: null,
    site_id: 'MLB',
    sender_id: SELLER_ID,
    status_history: [],
    date_created: '2024-05-10T10:00:00.000Z',
    last_updated: '2024-05-10T10:00:00.000Z',
    ...fields,
  })

  const shipments = [
    shipment(40000000001, 2000000001, 'me1', null, { status: 'pending' }),
    shipment(40000000002, 2000000002, 'custom', null),
    shipment(40000000003, 2000000003, 'me2', 'cross_docking'),
    shipment(40000000004, 2000000004, 'me2', 'fulfillment'),
    shipment(40000000006, 2000000006, 'me1', null, {
      status: 'delivered',
      tracking_number: 'BR000000006BR',
      service_id: 1,
    }),
  ]

  const order = (id, shippingId, sellerId = SELLER_ID) => ({
    id,
    status: 'paid',
    status_detail: null,
    date_created: '2024-05-10T09:58:00.000-03:00',
    date_closed: '2024-05-10T09:58:10.000-03:00',
    order_items: [
      {
        item: {
          id: 'MLB1000000001',
          title: 'Bola de Futebol Oficial',
          variation_id: null,
        },
        quantity: 1,
        unit_price: 129.9,
        currency_id: 'BRL',
      },
    ],
    total_amount: 129.9,
    currency_id: 'BRL',
    buyer: { id: 555000111, nickname: 'COMPRADOR_TESTE' },
    seller: { id: sellerId },
    shipping: { id: shippingId },
    tags: ['paid'],
  })

  const orders = [
    order(2000000001, 40000000001),
    order(2000000002, 40000000002),
    order(2000000003, 40000000003),
    order(2000000004, 40000000004),
    order(2000000005, null),
    order(2000000006, 40000000006),
    order(2000000099, 40000000099, OTHER_SELLER_ID),
  ]

  return {
    app: { ...APP, redirectUris: [...APP.redirectUris] },
    sellers: {
      [SELLER_ID]: {
        id: SELLER_ID,
        nickname: 'LOJA_VTEX_EMULADA',
        site_id: 'MLB',
      },
      [OTHER_SELLER_ID]: {
        id: OTHER_SELLER_ID,
        nickname: 'OUTRA_LOJA',
        site_id: 'MLB',
      },
    },
    items: new Map(items.map((i) => [i.id, i])),
    userProducts: new Map(userProducts.map((u) => [u.id, u])),
    orders: new Map(orders.map((o) => [String(o.id), o])),
    shipments: new Map(shipments.map((s) => [String(s.id), s])),
  }
}

module.exports = {
  seed,
  picture,
  SELLER_ID,
  OTHER_SELLER_ID,
  APP,
  CATEGORIES,
  LISTING_TYPES,
  SHIPPING_SERVICES,
}

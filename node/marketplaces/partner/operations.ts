/**
 * Which tab a connector's message belongs to, from its `Operation`. VTEX's
 * guide names the operations a connector logs — Catalog change, Offer
 * creation, Price update (Produtos), Inventory update (Estoque), Order
 * status update, Invoice sending, Tracking code sending (Tracking) — but
 * leaves the text free, so connectors write them in their own words and
 * languages: the decision is by keyword (English, Portuguese, Spanish),
 * stock first (an "order inventory" is stock), then orders, then
 * catalog. An operation matching none goes to Produtos, the broadest flow,
 * with its own text kept on the log: a message is never dropped for it.
 */
import type { Tab } from '../../domain/tabs'

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

const INVENTORY =
  /\b(inventor(y|io)|stock|estoque|existencias?|quantity|quantidade|cantidad|availability|disponibilidade)\b/

const TRACKING =
  /\b(orders?|pedidos?|invoices?|invoicing|nota fiscal|notas? fiscais|fatura|factura|tracking|rastreio|rastreamento|seguimiento|shipping|shipment|envio|delivery|entrega|cancel\w*)\b/

const PRODUCTS =
  /\b(catalog(ue)?|catalogo|products?|produtos?|productos?|skus?|offers?|ofertas?|prices?|precos?|precios?|listings?|anuncios?)\b/

export type OperationMatch = 'INVENTORY' | 'TRACKING' | 'PRODUCTS' | 'DEFAULT'

/** How the operation was matched (DEFAULT: no keyword, Produtos by decision). */
export function operationMatch(operation: string): OperationMatch {
  const o = fold(operation)

  if (INVENTORY.test(o)) return 'INVENTORY'
  if (TRACKING.test(o)) return 'TRACKING'
  if (PRODUCTS.test(o)) return 'PRODUCTS'

  return 'DEFAULT'
}

export function operationTab(operation: string): Tab {
  const m = operationMatch(operation)

  return m === 'DEFAULT' ? 'PRODUCTS' : m
}

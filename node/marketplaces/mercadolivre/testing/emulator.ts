import type { HttpTransport } from '../../adapter'

/**
 * Types for local/emulator/mercadolivre/testing.js: the emulator (plain JS, as
 * the local runtime runs it) on a free port, and a real fetch transport that
 * sends ML's hosts to it. The HTTP code stays in local/: nothing in node/
 * calls HTTP outside node/clients.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires, @typescript-eslint/no-require-imports
const testing = require('../../../../local/emulator/mercadolivre/testing')
// eslint-disable-next-line @typescript-eslint/no-var-requires, @typescript-eslint/no-require-imports
const { SELLER_ID: seller } = require('../../../../local/emulator/mercadolivre')

/** The emulator's JSON, as loosely typed as the JS it comes from. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export interface MlEmulator {
  oauth: { refreshCalls: number }
  state: {
    items: Map<string, Record<string, Json>>
    shipments: Map<string, Record<string, Json>>
    userProducts: Map<string, Record<string, Json>>
  }
  received: Array<Record<string, Json>>
}

export interface RunningEmulator {
  emulator: MlEmulator
  baseUrl: string
  transport: HttpTransport & { sent: number }
  /** Calls a control route (`/_emulator/mercadolivre/...`): GET without a body, POST with one. */
  control(path: string, body?: unknown): Promise<Json>
  close(): Promise<void>
}

export const SELLER_ID: number = seller

export const startMercadoLivre = (
  options: { now?: () => number; timeoutMs?: number } = {}
): Promise<RunningEmulator> => testing.startMercadoLivre(options)

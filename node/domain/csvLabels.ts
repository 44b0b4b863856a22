/**
 * The CSV export's words in the admin's languages. The service builds the
 * file, and the node builder sees only node/, so they live here; a test keeps
 * them equal to messages/ (`csv.*`, `status.*`), where translators work.
 */
import type { LogStatus } from './logStatus'

export const CSV_LANGUAGES = ['pt', 'en', 'es'] as const
export type CsvLanguage = (typeof CSV_LANGUAGES)[number]

export interface CsvLabels {
  column: {
    id: string
    marketplace: string
    'entityId.sku': string
    'entityId.order': string
    status: string
    /** `{zone}` is the time zone's name. */
    processedAt: string
    attempts: string
    abnormal: string
    latencyMs: string
    message: string
  }
  status: Record<LogStatus, string>
  yes: string
  no: string
}

export const CSV_LABELS: Record<CsvLanguage, CsvLabels> = {
  pt: {
    column: {
      id: 'ID do log',
      marketplace: 'Marketplace',
      'entityId.sku': 'SKU',
      'entityId.order': 'Pedido',
      status: 'Status',
      processedAt: 'Processado em ({zone})',
      attempts: 'Tentativas',
      abnormal: 'Latência anormal',
      latencyMs: 'Latência (ms)',
      message: 'Mensagem',
    },
    status: {
      SUCCESS: 'Sucesso',
      ERROR: 'Erro',
      PENDING: 'Pendente',
      ALERT: 'Alerta',
      QUEUED: 'Na fila',
    },
    yes: 'Sim',
    no: 'Não',
  },
  en: {
    column: {
      id: 'Log ID',
      marketplace: 'Marketplace',
      'entityId.sku': 'SKU',
      'entityId.order': 'Order',
      status: 'Status',
      processedAt: 'Processed at ({zone})',
      attempts: 'Attempts',
      abnormal: 'Abnormal latency',
      latencyMs: 'Latency (ms)',
      message: 'Message',
    },
    status: {
      SUCCESS: 'Success',
      ERROR: 'Error',
      PENDING: 'Pending',
      ALERT: 'Alert',
      QUEUED: 'Queued',
    },
    yes: 'Yes',
    no: 'No',
  },
  es: {
    column: {
      id: 'ID del log',
      marketplace: 'Marketplace',
      'entityId.sku': 'SKU',
      'entityId.order': 'Pedido',
      status: 'Estado',
      processedAt: 'Procesado el ({zone})',
      attempts: 'Intentos',
      abnormal: 'Latencia anormal',
      latencyMs: 'Latencia (ms)',
      message: 'Mensaje',
    },
    status: {
      SUCCESS: 'Éxito',
      ERROR: 'Error',
      PENDING: 'Pendiente',
      ALERT: 'Alerta',
      QUEUED: 'En cola',
    },
    yes: 'Sí',
    no: 'No',
  },
}

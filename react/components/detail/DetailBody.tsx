import React from 'react'
import type { IntlShape } from 'react-intl'
import { useIntl } from 'react-intl'
import { Alert, Inline, Stack, Text } from '@vtex/admin-ui'

import { durationParts } from '../../utils/duration'
import { DATE_TIME } from '../../utils/format'
import StatusTag, { AbnormalTag } from '../StatusTag'
import DetailHistory from './DetailHistory'
import DetailOrigin from './DetailOrigin'
import DetailTimeline from './DetailTimeline'
import Field from './Field'
import type { LogDetailData } from './logDetailData'
import RetryNotice from './RetryNotice'
import StatusNotice from './StatusNotice'

/**
 * The adapter's reason in the admin's language
 * (`admin/marketplace-bridge.outcome.{reason}`); null when the log has none
 * or this admin has no words for it (the message above still says it).
 */
export function outcomeText(
  intl: IntlShape,
  reason: string | null | undefined,
  params: string | null | undefined
): string | null {
  const id = `admin/marketplace-bridge.outcome.${reason}`

  if (!reason || !intl.messages[id]) return null
  let values: Record<string, string | number> = {}

  try {
    values = JSON.parse(params ?? '{}') ?? {}
  } catch {
    // The reason alone, without its values.
  }

  return intl.formatMessage({ id }, values)
}

/** Everything the detail shows of a log, in reading order. */
const DetailBody = ({
  log,
  marketplaceName,
}: {
  log: LogDetailData
  marketplaceName: string
}) => {
  const intl = useIntl()
  const t = (key: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${key}` }, values)

  const date = (iso: string) => intl.formatDate(iso, DATE_TIME)
  const latency = log.latencyMs != null ? durationParts(log.latencyMs) : null
  const reason = outcomeText(intl, log.reason, log.reasonParams)

  return (
    <Stack space="$space-5">
      <Inline hSpace="$space-6" vSpace="$space-3">
        <Inline hSpace="$space-1">
          <StatusTag status={log.status} />
          {log.abnormal ? <AbnormalTag /> : null}
        </Inline>
        <Field label={t('detail.processedAt')}>{date(log.processedAt)}</Field>
        <Field label={t('detail.createdAt')}>{date(log.createdAt)}</Field>
        <Field label={t('detail.attempts')}>{log.attempts}</Field>
        {log.marketplaceOrderId ? (
          <Field label={t('detail.marketplaceOrderId')}>
            <span data-testid="marketplace-order-id">
              {log.marketplaceOrderId}
            </span>
          </Field>
        ) : null}
      </Inline>
      <StatusNotice log={log} marketplaceName={marketplaceName} />
      {log.retry ? <RetryNotice retry={log.retry} /> : null}
      {log.status === 'QUEUED' && !log.retry && log.queuedAt ? (
        <Alert variant="info" data-testid="queued-notice">
          {t('detail.queued', { time: date(log.queuedAt) })}
        </Alert>
      ) : null}
      <Field label={t('detail.message')}>
        <span data-server-text>{log.message}</span>
      </Field>
      {reason ? (
        <Field label={t('detail.outcome')}>
          <span data-testid="outcome-reason">{reason}</span>
        </Field>
      ) : null}
      {log.retriesExhausted ? (
        <Alert variant="warning" data-testid="retries-exhausted">
          {t('detail.retriesExhausted', { count: log.retriesExhausted })}
        </Alert>
      ) : null}
      {latency ? (
        <Text data-testid="latency">
          {t('detail.latency', { duration: t(latency.id, latency.values) })}
        </Text>
      ) : null}
      {log.abnormal ? (
        <Alert variant="warning" data-testid="abnormal-notice">
          {t('detail.abnormal')}
        </Alert>
      ) : null}
      <DetailOrigin log={log} />
      {log.timeline.length > 0 ? (
        <DetailTimeline timeline={log.timeline} />
      ) : null}
      <DetailHistory history={log.history} />
    </Stack>
  )
}

export default DetailBody

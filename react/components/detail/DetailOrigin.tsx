import React from 'react'
import { useIntl } from 'react-intl'
import { Heading, Stack, Text, csx } from '@vtex/admin-ui'

import { prettyBody } from '../../utils/format'
import Code from './Code'
import Field from './Field'
import type { LogDetailData } from './logDetailData'

const h3 = csx({ text: '$title2' })

/** Content translated (the request) and content destination (the answer). */
const Exchange = ({
  log,
  origin,
}: {
  log: LogDetailData
  origin: NonNullable<LogDetailData['origin']>
}) => {
  const intl = useIntl()
  const t = (key: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${key}` }, values)

  const { request, response } = origin
  const sent = prettyBody(request.body)
  const answer = prettyBody(response.body)

  return (
    <Stack space="$space-2" data-testid="error-origin">
      <Text variant="detail" tone="secondary">
        {t('detail.translated')}
      </Text>
      <Text
        variant="detail"
        data-server-text
      >{`${request.method} ${request.url}`}</Text>
      {sent ? <Code caption={t('detail.translated.body')}>{sent}</Code> : null}
      {response.status == null ? (
        <Text data-testid="no-response">
          {t('detail.noResponse.explained', {
            message: answer || log.message,
          })}
        </Text>
      ) : answer ? (
        <Code caption={t('detail.destination', { status: response.status })}>
          {answer}
        </Code>
      ) : (
        <Text>{t('detail.response.empty', { status: response.status })}</Text>
      )}
    </Stack>
  )
}

/**
 * The log's contents in VTEX's words for marketplace integration logs: the
 * VTEX data used (content source), what was sent (content translated), what
 * came back (content destination) and the marketplace's business message.
 * A call that got no answer (a timeout, a refused connection) says so
 * instead of an empty box; a success keeps no exchange and says so.
 */
const DetailOrigin = ({ log }: { log: LogDetailData }) => {
  const intl = useIntl()
  const t = (key: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${key}` }, values)

  const source = log.payload ? prettyBody(log.payload) : ''
  const { partner } = log

  if (!source && !log.origin && !log.businessMessage && !partner) return null

  return (
    <Stack space="$space-3" data-testid="log-contents">
      <Heading as="h3" className={h3}>
        {t('detail.contents')}
      </Heading>
      {source ? <Code caption={t('detail.source')}>{source}</Code> : null}
      {partner ? (
        <Stack space="$space-2" data-testid="partner-contents">
          <Text variant="detail" tone="secondary" data-server-text>
            {t('detail.partner.operation', {
              operation: partner.operation,
              direction: partner.direction,
              id: partner.messageId,
            })}
          </Text>
          {partner.translated ? (
            <Code caption={t('detail.translated')}>
              {prettyBody(partner.translated)}
            </Code>
          ) : null}
          {partner.destination ? (
            <Code caption={t('detail.partner.destination')}>
              {prettyBody(partner.destination)}
            </Code>
          ) : null}
        </Stack>
      ) : log.origin ? (
        <Exchange log={log} origin={log.origin} />
      ) : !log.exchangeKept ? (
        <Text tone="secondary">{t('detail.exchange.notKept')}</Text>
      ) : null}
      {log.businessMessage ? (
        <Field label={t('detail.businessMessage')}>
          <span data-server-text data-testid="business-message">
            {log.businessMessage}
          </span>
        </Field>
      ) : null}
    </Stack>
  )
}

export default DetailOrigin

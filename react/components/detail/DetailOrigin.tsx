import React from 'react'
import { useIntl } from 'react-intl'
import { Heading, Stack, Text, csx } from '@vtex/admin-ui'

import { prettyBody } from '../../utils/format'
import Code from './Code'
import type { LogDetailData } from './logDetailData'

const h3 = csx({ text: '$title2' })

/**
 * Where an error came from: what was sent and what came back. A call that got
 * no answer (a timeout, a refused connection) says so instead of an empty box.
 */
const DetailOrigin = ({ log }: { log: LogDetailData }) => {
  const intl = useIntl()
  const t = (key: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${key}` }, values)

  if (!log.origin) {
    return log.payload ? (
      <Stack space="$space-3">
        <Heading as="h3" className={h3}>
          {t('detail.payload')}
        </Heading>
        <Code caption={t('detail.payload.caption')}>
          {prettyBody(log.payload)}
        </Code>
      </Stack>
    ) : null
  }

  const { request, response } = log.origin
  const sent = prettyBody(request.body)
  const answer = prettyBody(response.body)

  return (
    <Stack space="$space-3" data-testid="error-origin">
      <Heading as="h3" className={h3}>
        {t('detail.origin')}
      </Heading>
      <Text
        variant="detail"
        data-server-text
      >{`${request.method} ${request.url}`}</Text>
      {sent ? <Code caption={t('detail.request')}>{sent}</Code> : null}
      {response.status == null ? (
        <Text data-testid="no-response">
          {t('detail.noResponse.explained', {
            message: answer || log.message,
          })}
        </Text>
      ) : answer ? (
        <Code caption={t('detail.response', { status: response.status })}>
          {answer}
        </Code>
      ) : (
        <Text>{t('detail.response.empty', { status: response.status })}</Text>
      )}
    </Stack>
  )
}

export default DetailOrigin

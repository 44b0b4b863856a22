import React, { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { Alert, Stack, Text } from '@vtex/admin-ui'

import type { LogDetailData } from './LogDetail'

type Retry = NonNullable<LogDetailData['retry']>

/** Seconds until the next attempt, ticking (never below 0). */
function useSecondsUntil(iso: string | null | undefined) {
  const [now, setNow] = useState(Date.now())

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)

    return () => clearInterval(timer)
  }, [])

  return iso ? Math.max(0, Math.round((Date.parse(iso) - now) / 1000)) : null
}

/** "Tentando novamente: tentativa 3 de 10, próxima em 20 s", with the last error. */
const RetryNotice = ({ retry }: { retry: Retry }) => {
  const intl = useIntl()
  const t = (key: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${key}` }, values)

  const seconds = useSecondsUntil(retry.nextAttemptAt)

  return (
    <Alert variant="warning" data-testid="retry-notice">
      <Stack space="$space-1">
        <Text variant="action1">
          {seconds == null
            ? t('detail.retrying.noNext', {
                attempt: retry.attempt,
                maxAttempts: retry.maxAttempts,
              })
            : t('detail.retrying', {
                attempt: retry.attempt,
                maxAttempts: retry.maxAttempts,
                seconds,
              })}
        </Text>
        {retry.lastError ? (
          <Text variant="detail">
            {t('detail.retrying.lastError', { message: retry.lastError })}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  )
}

export default RetryNotice

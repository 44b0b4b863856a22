import React, { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { Alert, Text, csx } from '@vtex/admin-ui'

import type { LogDetailData } from './logDetailData'

type Retry = NonNullable<LogDetailData['retry']>

/** Alert's body is a paragraph: lines as block spans. */
const block = csx({ display: 'block' })

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
      <>
        <Text variant="action1" className={block}>
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
          <Text variant="detail" className={block}>
            {t('detail.retrying.lastError', { message: retry.lastError })}
          </Text>
        ) : null}
      </>
    </Alert>
  )
}

export default RetryNotice

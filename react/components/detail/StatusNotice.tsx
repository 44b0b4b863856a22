import React from 'react'
import { useIntl } from 'react-intl'
import { Alert, csx } from '@vtex/admin-ui'

import { DATE_TIME } from '../../utils/format'
import type { LogDetailData } from './logDetailData'

/** Alert's body is a paragraph: lines as block spans. */
const block = csx({ display: 'block' })

/**
 * What an ALERT asks of the store (and why Reprocessar is not offered), or
 * how a PENDING log's final answer is followed up and when the bridge gives
 * up. Nothing for the other statuses.
 */
const StatusNotice = ({
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

  if (log.partner) {
    return (
      <Alert variant="info" data-testid="partner-notice">
        {t('detail.partner.notice', { marketplace: marketplaceName })}
      </Alert>
    )
  }

  if (log.status === 'ALERT' && log.alert) {
    return (
      <Alert
        variant="warning"
        data-testid="alert-notice"
        data-action={log.alert.action}
      >
        <strong className={block}>
          {t('detail.alert.title', { marketplace: marketplaceName })}
        </strong>
        <span className={block}>{t(`alert.action.${log.alert.action}`)}</span>
        <span className={block}>{t('detail.alert.noReprocess')}</span>
      </Alert>
    )
  }

  if (log.status === 'PENDING' && log.pending) {
    const { pending } = log

    return (
      <Alert variant="info" data-testid="pending-notice">
        <span className={block}>
          {t('detail.pending', {
            marketplace: marketplaceName,
            since: date(pending.since),
            next: date(pending.nextCheckAt),
            giveUp: date(pending.giveUpAt),
          })}
        </span>
        <span className={block}>
          {t('detail.pending.checks', { count: pending.checks })}
        </span>
      </Alert>
    )
  }

  return null
}

export default StatusNotice

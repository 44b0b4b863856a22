import React from 'react'
import { useIntl } from 'react-intl'
import { Tag } from '@vtex/admin-ui'

import type { LogStatus } from '../graphql/generated'

/**
 * VTEX's statuses in admin-ui's tag colours: an alert is orange (warning:
 * the store must act), a pending log cyan (waiting on the marketplace), a
 * queued one gray (waiting on the bridge).
 */
const VARIANT = {
  SUCCESS: 'green',
  ERROR: 'red',
  PENDING: 'cyan',
  ALERT: 'orange',
  QUEUED: 'gray',
} as const

const StatusTag = ({ status }: { status: LogStatus }) => {
  const intl = useIntl()

  return (
    <Tag
      data-status={status}
      variant={VARIANT[status]}
      label={intl.formatMessage({
        id: `admin/marketplace-bridge.status.${status}`,
      })}
    />
  )
}

/** Marks a log that reached the marketplace more than 1 hour after the change. */
export const AbnormalTag = () => {
  const intl = useIntl()

  return (
    <Tag
      data-abnormal
      variant="purple"
      label={intl.formatMessage({
        id: 'admin/marketplace-bridge.tag.abnormal',
      })}
    />
  )
}

/** An export being retried after a transient failure ("Tentativa 3 de 10"). */
export const RetryTag = ({
  attempt,
  maxAttempts,
}: {
  attempt: number
  maxAttempts: number
}) => {
  const intl = useIntl()

  return (
    <Tag
      data-retrying
      variant="lightBlue"
      label={intl.formatMessage(
        { id: 'admin/marketplace-bridge.tag.retrying' },
        { attempt, maxAttempts }
      )}
    />
  )
}

export default StatusTag

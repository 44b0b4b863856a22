import React from 'react'
import { useIntl } from 'react-intl'
import { Tag } from '@vtex/admin-ui'

import type { LogStatus } from '../utils/types'

const VARIANT = { SUCCESS: 'green', ERROR: 'red', QUEUED: 'orange' } as const

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

export default StatusTag

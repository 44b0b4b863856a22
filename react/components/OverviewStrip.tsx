import React from 'react'
import { useIntl } from 'react-intl'
import { Card, Skeleton, Stack, Text, csx } from '@vtex/admin-ui'

import type { StatusCounts } from '../utils/types'

interface Props {
  total?: number
  abnormal?: number
  byStatus?: StatusCounts
  loading: boolean
}

const ITEMS = [
  {
    key: 'total',
    id: 'admin/marketplace-bridge.overview.total',
    tone: 'primary',
  },
  {
    key: 'success',
    id: 'admin/marketplace-bridge.overview.success',
    tone: 'positive',
  },
  {
    key: 'error',
    id: 'admin/marketplace-bridge.overview.error',
    tone: 'critical',
  },
  {
    key: 'queued',
    id: 'admin/marketplace-bridge.overview.queued',
    tone: 'warning',
  },
  {
    key: 'abnormal',
    id: 'admin/marketplace-bridge.overview.abnormal',
    tone: 'info',
  },
] as const

const OverviewStrip = ({ total, abnormal, byStatus, loading }: Props) => {
  const intl = useIntl()
  const value = (key: (typeof ITEMS)[number]['key']) =>
    key === 'total' ? total : key === 'abnormal' ? abnormal : byStatus?.[key]

  return (
    <div
      data-testid="overview"
      className={csx({
        display: 'grid',
        width: '100%',
        gridTemplateColumns: 'repeat(5, minmax(8rem, 1fr))',
        gap: '$space-4',
      })}
    >
      {ITEMS.map((item) => (
        <Card
          key={item.key}
          className={csx({ padding: '$space-4' })}
          data-overview={item.key}
        >
          <Stack space="$space-1">
            <Text variant="detail" tone="secondary">
              {intl.formatMessage({ id: item.id })}
            </Text>
            {loading && value(item.key) === undefined ? (
              <Skeleton className={csx({ height: '1.75rem', width: '4rem' })} />
            ) : (
              <Text variant="title1" tone={item.tone} data-value>
                {intl.formatNumber(value(item.key) ?? 0)}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </div>
  )
}

export default OverviewStrip

import React from 'react'
import { useIntl } from 'react-intl'
import { Skeleton, Text, csx } from '@vtex/admin-ui'

import type { IntegrationOverviewQuery } from '../graphql/generated'

type Overview = IntegrationOverviewQuery['integrationOverview']

const ITEMS = [
  { key: 'total', color: '#707070' },
  { key: 'success', color: '#1f7a3a' },
  { key: 'error', color: '#cc3d3d' },
  { key: 'alert', color: '#b05a00' },
  { key: 'pending', color: '#0b7285' },
  { key: 'queued', color: '#707070' },
  { key: 'abnormal', color: '#7b4dd0' },
] as const

const strip = csx({
  display: 'flex',
  flexWrap: 'wrap',
  gap: '$space-3',
  width: '100%',
  margin: 0,
  padding: 0,
})

const label = csx({ text: '$detail', color: '$secondary' })

const item = csx({
  display: 'flex',
  alignItems: 'baseline',
  gap: '$space-2',
  paddingY: '$space-2',
  paddingX: '$space-3',
  border: '$neutral',
  borderRadius: '$base',
  borderLeftWidth: '4px',
  minWidth: '9rem',
})

/**
 * The tab's counts in one compact row (the table stays visible on load). The
 * colour is a marker beside each count; the numbers themselves are body text,
 * readable at any contrast requirement.
 */
const OverviewStrip = ({
  overview,
  loading,
}: {
  overview: Overview | null
  loading: boolean
}) => {
  const intl = useIntl()
  const value = (key: (typeof ITEMS)[number]['key']) =>
    key === 'total'
      ? overview?.total
      : key === 'abnormal'
      ? overview?.abnormal
      : overview?.byStatus[key]

  return (
    <dl data-testid="overview" className={strip}>
      {ITEMS.map((i) => (
        <div
          key={i.key}
          data-overview={i.key}
          className={item}
          style={{ borderLeftColor: i.color }}
        >
          <dt className={label}>
            {intl.formatMessage({
              id: `admin/marketplace-bridge.overview.${i.key}`,
            })}
          </dt>
          <dd className={csx({ margin: 0 })}>
            {loading && value(i.key) === undefined ? (
              <Skeleton className={csx({ height: '1.25rem', width: '3rem' })} />
            ) : (
              <Text variant="title2" data-value>
                {intl.formatNumber(value(i.key) ?? 0)}
              </Text>
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}

export default OverviewStrip

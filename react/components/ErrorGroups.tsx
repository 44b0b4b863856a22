import React from 'react'
import { useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Button, Card, Heading, Inline, Stack, Text, csx } from '@vtex/admin-ui'

import ERROR_GROUPS from '../graphql/errorGroups.graphql'
import type { ErrorGroupsData, Tab } from '../utils/types'

interface Props {
  tab: Tab
  selected: string | null
  onSelect: (cause: string | null) => void
  /** Changes when the logs change, so the counts follow. */
  refreshKey: number
}

/** Errors grouped by cause; clicking a group filters the table by it. */
const ErrorGroups = ({ tab, selected, onSelect, refreshKey }: Props) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const { data, refetch } = useQuery<ErrorGroupsData>(ERROR_GROUPS, {
    variables: { tab },
    fetchPolicy: 'cache-and-network',
  })

  React.useEffect(() => {
    if (refreshKey > 0) refetch().catch(() => undefined)
  }, [refreshKey, refetch])

  const groups = data?.errorGroups ?? []

  if (groups.length === 0) return null

  return (
    <Card data-testid="error-groups" className={csx({ padding: '$space-4' })}>
      <Stack space="$space-2">
        <Inline
          hSpace="$space-3"
          className={csx({ justifyContent: 'space-between' })}
        >
          <Heading as="h3">{t('groups.title')}</Heading>
          {selected ? (
            <Button variant="tertiary" onClick={() => onSelect(null)}>
              {t('groups.clear')}
            </Button>
          ) : null}
        </Inline>
        {groups.slice(0, 6).map((g) => (
          <button
            type="button"
            key={g.cause}
            data-testid="error-group"
            data-cause={g.cause}
            aria-pressed={selected === g.cause}
            onClick={() => onSelect(selected === g.cause ? null : g.cause)}
            className={csx({
              display: 'flex',
              justifyContent: 'space-between',
              gap: '$space-3',
              width: '100%',
              textAlign: 'left',
              padding: '$space-2',
              border: 'none',
              borderRadius: '$base',
              cursor: 'pointer',
              bg:
                selected === g.cause
                  ? '$action.neutral.tertiaryPressed'
                  : 'transparent',
              ':hover': { bg: '$action.neutral.tertiaryHover' },
            })}
          >
            <Text>{g.text}</Text>
            <Text variant="action1" tone="critical">
              {t('groups.count', { count: g.count })}
            </Text>
          </button>
        ))}
      </Stack>
    </Card>
  )
}

export default ErrorGroups

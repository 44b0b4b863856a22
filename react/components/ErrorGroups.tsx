import React, { useEffect, useState } from 'react'
import { useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Button, Card, Heading, Inline, Stack, Text, csx } from '@vtex/admin-ui'

import ERROR_GROUP_PAGE from '../graphql/errorGroupPage.graphql'
import type {
  ErrorGroupPageQuery,
  ErrorGroupPageQueryVariables,
  LogStatus,
  Tab,
} from '../graphql/generated'
import ErrorGroupButton from './ErrorGroupButton'

/** Groups shown before "see all"; then pages of PAGE. */
const TOP = 3
const PAGE = 10

interface Props {
  tab: Tab
  selected: string | null
  /** A group's cause and the status of its logs (ERROR or ALERT); null clears. */
  onSelect: (group: { cause: string; status: LogStatus } | null) => void
  /** Changes when the logs change, so the counts follow. */
  refreshKey: number
}

/**
 * Errors grouped by cause, most frequent first: the top three, then every
 * group a page at a time; the panel folds away. A click filters the table.
 */
const ErrorGroups = ({ tab, selected, onSelect, refreshKey }: Props) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const [open, setOpen] = useState(true)
  const [all, setAll] = useState(false)
  const { data, refetch, fetchMore } = useQuery<
    ErrorGroupPageQuery,
    ErrorGroupPageQueryVariables
  >(ERROR_GROUP_PAGE, {
    variables: { tab, first: PAGE, offset: 0 },
    fetchPolicy: 'cache-and-network',
  })

  useEffect(() => {
    if (refreshKey > 0) refetch().catch(() => undefined)
  }, [refreshKey, refetch])

  const page = data?.errorGroupPage
  const groups = page?.data ?? []

  if (groups.length === 0) return null
  const shown = all ? groups : groups.slice(0, TOP)
  const more = all ? page?.hasMore : groups.length > TOP || page?.hasMore

  const loadMore = () =>
    fetchMore({
      variables: { offset: groups.length },
      updateQuery: (prev, { fetchMoreResult }) =>
        fetchMoreResult
          ? {
              errorGroupPage: {
                ...fetchMoreResult.errorGroupPage,
                data: [
                  ...prev.errorGroupPage.data,
                  ...fetchMoreResult.errorGroupPage.data,
                ],
              },
            }
          : prev,
    }).catch(() => undefined)

  return (
    <Card data-testid="error-groups" className={csx({ padding: '$space-3' })}>
      <Stack space="$space-2">
        <Inline
          hSpace="$space-3"
          className={csx({
            justifyContent: 'space-between',
            alignItems: 'center',
          })}
        >
          <Heading as="h2" className={csx({ text: '$title2' })}>
            {t(
              groups.some((g) => g.status === 'ALERT')
                ? 'groups.title.alerts'
                : 'groups.title'
            )}
          </Heading>
          <Inline hSpace="$space-2">
            {selected ? (
              <Button variant="tertiary" onClick={() => onSelect(null)}>
                {t('groups.clear')}
              </Button>
            ) : null}
            <Button
              variant="neutralTertiary"
              aria-expanded={open}
              aria-controls="error-group-list"
              onClick={() => setOpen(!open)}
              data-testid="groups-toggle"
            >
              {t(open ? 'groups.hide' : 'groups.show')}
            </Button>
          </Inline>
        </Inline>
        {open ? (
          <ul
            id="error-group-list"
            className={csx({ listStyle: 'none', margin: 0, padding: 0 })}
          >
            {shown.map((g) => (
              <li key={g.cause}>
                <ErrorGroupButton
                  group={g}
                  pressed={selected === g.cause}
                  onClick={() => onSelect(selected === g.cause ? null : g)}
                />
              </li>
            ))}
          </ul>
        ) : null}
        {open && more ? (
          <Inline>
            <Button
              variant="tertiary"
              data-testid="groups-more"
              onClick={() => (all ? loadMore() : setAll(true))}
            >
              {t(all ? 'groups.more' : 'groups.all')}
            </Button>
          </Inline>
        ) : null}
        {open && all ? (
          <Text variant="detail" tone="secondary" aria-live="polite">
            {t('groups.shown', { count: groups.length })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  )
}

export default ErrorGroups

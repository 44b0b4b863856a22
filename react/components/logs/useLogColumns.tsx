import React from 'react'
import { useIntl } from 'react-intl'
import { Checkbox, Inline, Text, createColumns, csx } from '@vtex/admin-ui'

import type { Tab } from '../../graphql/generated'
import type { LogRow } from '../../hooks/useLogPages'
import { DATE_TIME } from '../../utils/format'
import StatusTag, { AbnormalTag, RetryTag } from '../StatusTag'
import LogLink from './LogLink'
import RowActions from './RowActions'

export interface ColumnDeps {
  tab: Tab
  names: Record<string, string>
  isSelected: (id: string) => boolean
  pageState: boolean | 'mixed'
  onToggle: (id: string) => void
  onTogglePage: () => void
  onOpen: (id: string, opener: HTMLElement | null) => void
  hrefFor: (id: string) => string
  onReprocess: (id: string) => void
  onRemove: (id: string, returnTo: HTMLElement | null) => void
}

const nowrap = csx({ whiteSpace: 'nowrap' })

/** The logs table's columns; every control is named for the log it acts on. */
export function useLogColumns(d: ColumnDeps) {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  return createColumns<LogRow>([
    {
      id: 'select',
      header: () => (
        <Checkbox
          aria-label={t('bulk.selectPage')}
          data-testid="select-page"
          checked={d.pageState}
          onChange={() => d.onTogglePage()}
        />
      ),
      accessor: (item) => (
        // The row opens the detail on click; the checkbox must not.
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
        <span onClick={(e) => e.stopPropagation()}>
          <Checkbox
            aria-label={t('bulk.selectRowFor', { id: item.id })}
            data-testid="select-row"
            checked={d.isSelected(item.id)}
            onChange={() => d.onToggle(item.id)}
          />
        </span>
      ),
    },
    {
      id: 'entityId',
      header: t(d.tab === 'TRACKING' ? 'column.order' : 'column.sku'),
      accessor: (item) => (
        <LogLink
          href={d.hrefFor(item.id)}
          label={t('table.open', {
            entity: t(
              d.tab === 'TRACKING'
                ? 'detail.entity.order'
                : 'detail.entity.sku',
              {
                id: item.entityId,
              }
            ),
            marketplace: d.names[item.marketplace] ?? item.marketplace,
          })}
          onOpen={(opener) => d.onOpen(item.id, opener)}
        >
          <span className={nowrap}>{item.entityId}</span>
        </LogLink>
      ),
    },
    {
      id: 'status',
      header: t('column.status'),
      accessor: (item) => (
        <Inline hSpace="$space-1" noWrap className={nowrap}>
          <StatusTag status={item.status} />
          {item.retry ? (
            <RetryTag
              attempt={item.retry.attempt}
              maxAttempts={item.retry.maxAttempts}
            />
          ) : null}
          {item.abnormal ? <AbnormalTag /> : null}
        </Inline>
      ),
    },
    {
      id: 'marketplace',
      header: t('column.marketplace'),
      accessor: (item) => (
        <span className={nowrap}>
          {d.names[item.marketplace] ?? item.marketplace}
        </span>
      ),
    },
    {
      id: 'processedAt',
      header: t('column.processedAt'),
      accessor: (item) => (
        <span className={nowrap}>
          {intl.formatDate(item.processedAt, DATE_TIME)}
        </span>
      ),
    },
    {
      id: 'message',
      header: t('column.message'),
      accessor: (item) => (
        <Text
          className={csx({
            display: 'block',
            maxWidth: '22rem',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          })}
          title={item.message}
          data-server-text
        >
          {item.message}
        </Text>
      ),
    },
    {
      id: 'actions',
      header: t('column.actions'),
      accessor: (item) => (
        <RowActions
          id={item.id}
          canReprocess={item.canReprocess}
          onReprocess={(id) => d.onReprocess(id)}
          onRemove={(id, to) => d.onRemove(id, to)}
        />
      ),
    },
  ])
}

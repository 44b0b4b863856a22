import React from 'react'
import { useIntl } from 'react-intl'
import type { DataViewStatus } from '@vtex/admin-ui'
import {
  Checkbox,
  Inline,
  TBody,
  TBodyCell,
  TBodyRow,
  THead,
  THeadCell,
  Table,
  Text,
  createColumns,
  useTableState,
  csx,
} from '@vtex/admin-ui'

import { DATE_TIME } from '../utils/format'
import type { LogSummary, Tab } from '../utils/types'
import RowActions from './RowActions'
import StatusTag, { AbnormalTag } from './StatusTag'

interface Props {
  tab: Tab
  items: LogSummary[]
  status: DataViewStatus
  pageSize: number
  /** Display names by marketplace id, from the app settings. */
  marketplaceNames: Record<string, string>
  onOpen: (id: string) => void
  onReprocess: (id: string) => void
  onRemove: (id: string) => void
  selected: Set<string>
  onToggle: (id: string) => void
  onTogglePage: () => void
}

const LogsTable = ({
  tab,
  items,
  status,
  pageSize,
  marketplaceNames,
  onOpen,
  onReprocess,
  onRemove,
  selected,
  onToggle,
  onTogglePage,
}: Props) => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` })

  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id))
  const someSelected = items.some((i) => selected.has(i.id))

  const columns = createColumns<LogSummary>([
    {
      id: 'select',
      header: () => (
        <Checkbox
          aria-label={t('bulk.selectPage')}
          data-testid="select-page"
          checked={allSelected ? true : someSelected ? 'mixed' : false}
          onChange={onTogglePage}
        />
      ),
      accessor: (item) => (
        // The row opens the detail on click; the checkbox must not.
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
        <span onClick={(e) => e.stopPropagation()}>
          <Checkbox
            aria-label={t('bulk.selectRow')}
            data-testid="select-row"
            checked={selected.has(item.id)}
            onChange={() => onToggle(item.id)}
          />
        </span>
      ),
    },
    {
      id: 'status',
      header: t('column.status'),
      accessor: (item) => (
        <Inline hSpace="$space-1" noWrap>
          <StatusTag status={item.status} />
          {item.abnormal ? <AbnormalTag /> : null}
        </Inline>
      ),
    },
    {
      id: 'marketplace',
      header: t('column.marketplace'),
      accessor: (item) =>
        marketplaceNames[item.marketplace] ?? item.marketplace,
    },
    {
      id: 'entityId',
      header: t(tab === 'TRACKING' ? 'column.order' : 'column.sku'),
    },
    {
      id: 'processedAt',
      header: t('column.processedAt'),
      accessor: (item) => intl.formatDate(item.processedAt, DATE_TIME),
    },
    {
      id: 'message',
      header: t('column.message'),
      accessor: (item) => (
        <Text
          className={csx({
            display: 'block',
            maxWidth: '32rem',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          })}
          title={item.message}
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
          status={item.status}
          onReprocess={onReprocess}
          onRemove={onRemove}
        />
      ),
    },
  ])

  const { data, getBodyCell, getHeadCell, getTable } =
    useTableState<LogSummary>({ columns, items, status, length: pageSize })

  return (
    <Table
      {...getTable()}
      className={csx({ width: '100%' })}
      data-testid="logs-table"
    >
      <THead>
        {columns.map((column) => (
          <THeadCell {...getHeadCell(column)} key={String(column.id)} />
        ))}
      </THead>
      <TBody>
        {data.map((item) => (
          <TBodyRow
            key={item.id}
            // Placeholder rows while loading carry no log.
            data-log-id={status === 'ready' ? item.id : undefined}
            data-status={status === 'ready' ? item.status : undefined}
            onClick={() => status === 'ready' && onOpen(item.id)}
            className={csx({ cursor: 'pointer' })}
          >
            {columns.map((column) => (
              <TBodyCell
                {...getBodyCell(column, item)}
                key={String(column.id)}
              />
            ))}
          </TBodyRow>
        ))}
      </TBody>
    </Table>
  )
}

export default LogsTable

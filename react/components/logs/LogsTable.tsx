import React from 'react'
import type { DataViewStatus } from '@vtex/admin-ui'
import {
  TBody,
  TBodyCell,
  TBodyRow,
  THead,
  THeadCell,
  Table,
  csx,
  useTableState,
} from '@vtex/admin-ui'

import type { LogRow } from '../../hooks/useLogPages'
import type { ColumnDeps } from './useLogColumns'
import { useLogColumns } from './useLogColumns'

interface Props extends ColumnDeps {
  items: LogRow[]
  status: DataViewStatus
  pageSize: number
  label: string
}

/** admin-ui's Table over a page of logs; a click on a row opens it as its link does. */
const LogsTable = ({ items, status, pageSize, label, ...deps }: Props) => {
  const columns = useLogColumns(deps)
  const { data, getBodyCell, getHeadCell, getTable } = useTableState<LogRow>({
    columns,
    items,
    status,
    length: pageSize,
  })

  return (
    <Table
      {...getTable()}
      aria-label={label}
      className={csx({ width: '100%' })}
      data-testid="logs-table"
    >
      <THead>
        {columns.map((column) => (
          <THeadCell {...getHeadCell(column)} key={String(column.id)} />
        ))}
      </THead>
      <TBody>
        {data.map((item, i) => (
          <TBodyRow
            key={status === 'ready' ? item.id : i}
            // Placeholder rows while loading carry no log.
            data-log-id={status === 'ready' ? item.id : undefined}
            data-status={status === 'ready' ? item.status : undefined}
            onClick={() => status === 'ready' && deps.onOpen(item.id, null)}
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

import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import CSV_EXPORT from '../../graphql/csvExport.graphql'
import CsvExportItem from './CsvExportItem'

const running = {
  __typename: 'CsvExport',
  id: '8203929626167-mqbvsgpt',
  tab: 'INVENTORY' as const,
  status: 'RUNNING' as const,
  total: 100000,
  rows: 25000,
  progress: 0.25,
  truncated: false,
  fileName: 'marketplace-bridge-inventory-2026-11-30-1726.csv',
  downloadUrl: null,
  lastError: null,
  createdAt: '2026-11-30T20:26:00.000Z',
  expiresAt: '2026-12-01T20:26:00.000Z',
}

const done = {
  ...running,
  status: 'DONE' as const,
  rows: 100000,
  progress: 1,
  downloadUrl: '/_v/marketplace-bridge/exports/8203929626167-mqbvsgpt',
}

const poll = (result: typeof running | typeof done) => ({
  request: { query: CSV_EXPORT, variables: { id: running.id } },
  result: { data: { csvExport: result } },
})

describe('CsvExportItem', () => {
  it('shows a running export’s progress and cancels it by name', () => {
    const onCancel = jest.fn()
    const { getByTestId, getByRole, queryByTestId } = render(
      <CsvExportItem
        item={running}
        onCancel={onCancel}
        onSettled={jest.fn()}
      />,
      { locale: 'pt', graphql: { mocks: [poll(running)] } }
    )

    expect(getByTestId('csv-status').textContent).toBe(
      'Exportando CSV: 25.000 de 100.000 linhas (25%)'
    )
    expect(getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25')
    expect(queryByTestId('csv-download')).toBeNull()
    fireEvent.click(
      getByRole('button', {
        name: `Cancelar exportação ${running.fileName}`,
      })
    )
    expect(onCancel).toHaveBeenCalledWith(running.id)
  })

  it('polls a running export: when its file is ready, the link appears and the list refreshes', async () => {
    const onSettled = jest.fn()
    const { getByTestId } = render(
      <CsvExportItem
        item={running}
        onCancel={jest.fn()}
        onSettled={onSettled}
      />,
      { locale: 'en', graphql: { mocks: [poll(done)] } }
    )

    await waitFor(() => expect(onSettled).toHaveBeenCalledTimes(1))
    const link = getByTestId('csv-download')

    expect(getByTestId('csv-status').textContent).toBe(
      'CSV ready: 100,000 rows'
    )
    expect(link.getAttribute('href')).toBe(done.downloadUrl)
    expect(link.getAttribute('download')).toBe(done.fileName)
    expect(link.getAttribute('aria-label')).toBe(
      `Download CSV ${done.fileName}`
    )
  })

  it('says so when a file holds only the newest 500,000 rows', () => {
    const { getByTestId } = render(
      <CsvExportItem
        item={{ ...done, truncated: true, rows: 500000 }}
        onCancel={jest.fn()}
        onSettled={jest.fn()}
      />,
      { locale: 'es' }
    )

    expect(getByTestId('csv-truncated').textContent).toMatch(
      /los 500\.000 más recientes/
    )
  })

  it('says why a failed export has no file', () => {
    const { getByTestId, queryByTestId } = render(
      <CsvExportItem
        item={{ ...running, status: 'FAILED', downloadUrl: null }}
        onCancel={jest.fn()}
        onSettled={jest.fn()}
      />,
      { locale: 'es' }
    )

    expect(getByTestId('csv-status').textContent).toMatch(/no avanzó/)
    expect(queryByTestId('csv-download')).toBeNull()
    expect(queryByTestId('csv-cancel')).toBeNull()
  })
})

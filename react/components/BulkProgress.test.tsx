import React from 'react'
import { fireEvent, render } from '@vtex/test-tools/react'

import BulkProgress from './BulkProgress'

const action = {
  id: 'b1',
  tab: 'INVENTORY' as const,
  action: 'REMOVE' as const,
  status: 'DONE' as const,
  total: 3,
  processed: 3,
  succeeded: 1,
  skipped: 0,
  failed: 2,
  progress: 1,
  lastError: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:01:00.000Z',
}

describe('BulkProgress', () => {
  it('speaks Portuguese as it is written (agreement, 1 and 0)', () => {
    const { getByText, getByTestId, getByRole } = render(
      <BulkProgress
        action={action}
        onStop={jest.fn()}
        onResume={jest.fn()}
        onDismiss={jest.fn()}
      />,
      { locale: 'pt' }
    )

    // The status is announced (aria-live) and the bar is full.
    expect(
      getByText('Remoção em lote concluída').getAttribute('aria-live')
    ).toBe('polite')
    expect(getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100')
    expect(getByTestId('bulk-counts').textContent).toBe(
      '3 de 3 (100%) · 1 feito · 0 ignorados · 2 com falha'
    )
  })

  it('a finished action can be dismissed; a running one cannot', () => {
    const onDismiss = jest.fn()
    const onStop = jest.fn()
    const { getByTestId, queryByTestId, rerender } = render(
      <BulkProgress
        action={action}
        onStop={jest.fn()}
        onResume={jest.fn()}
        onDismiss={onDismiss}
      />
    )

    fireEvent.click(getByTestId('bulk-dismiss'))
    expect(onDismiss).toHaveBeenCalledTimes(1)
    rerender(
      <BulkProgress
        action={{ ...action, status: 'RUNNING' }}
        onStop={onStop}
        onResume={jest.fn()}
        onDismiss={onDismiss}
      />
    )
    expect(queryByTestId('bulk-dismiss')).toBeNull()
    fireEvent.click(getByTestId('bulk-stop'))
    expect(onStop).toHaveBeenCalledTimes(1)
    expect(onDismiss).toHaveBeenCalledTimes(1)
  })
})

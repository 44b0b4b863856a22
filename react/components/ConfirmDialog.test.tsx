import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'
import { ThemeProvider } from '@vtex/admin-ui'

import { useConfirm } from '../hooks/useConfirm'
import ConfirmDialog from './ConfirmDialog'

const run = jest.fn()

const Harness = () => {
  const confirm = useConfirm()

  return (
    <ThemeProvider>
      <button
        type="button"
        onClick={() =>
          confirm.ask({
            title: 'Remover 2 logs selecionados?',
            message: 'Logs removidos não voltam.',
            action: 'Remover selecionados',
            critical: true,
            run,
          })
        }
      >
        open
      </button>
      <ConfirmDialog confirm={confirm} />
    </ThemeProvider>
  )
}

describe('ConfirmDialog', () => {
  beforeEach(() => run.mockReset())

  it('acts only when confirmed, naming the action', async () => {
    const { getByText, getByTestId, queryByTestId } = render(<Harness />)

    expect(queryByTestId('confirm-dialog')).toBeNull()
    fireEvent.click(getByText('open'))
    await waitFor(() => getByTestId('confirm-dialog'))
    expect(getByTestId('confirm-dialog').textContent).toContain(
      'Remover 2 logs selecionados?'
    )
    fireEvent.click(getByTestId('confirm-cancel'))
    expect(run).not.toHaveBeenCalled()

    fireEvent.click(getByText('open'))
    fireEvent.click(getByTestId('confirm-ok'))
    expect(run).toHaveBeenCalledTimes(1)
    expect(getByTestId('confirm-ok').textContent).toBe('Remover selecionados')
  })
})

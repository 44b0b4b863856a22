import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import RowActions from './RowActions'

const open = async (canReprocess: boolean) => {
  const onReprocess = jest.fn()
  const view = render(
    <RowActions
      id="INVENTORY:amazon:42"
      canReprocess={canReprocess}
      onReprocess={onReprocess}
      onRemove={jest.fn()}
    />
  )

  fireEvent.click(view.getByTestId('actions-INVENTORY:amazon:42'))
  await waitFor(() => view.getByRole('menuitem', { name: 'Remove log' }))

  return { ...view, onReprocess }
}

describe('RowActions', () => {
  it('offers Reprocess when the API says the row can be reprocessed', async () => {
    const { getByRole, onReprocess } = await open(true)

    fireEvent.click(getByRole('menuitem', { name: 'Reprocess' }))
    expect(onReprocess).toHaveBeenCalledWith('INVENTORY:amazon:42')
  })

  it('offers only Remove when the API says it cannot', async () => {
    const { queryByRole, getAllByRole } = await open(false)

    expect(queryByRole('menuitem', { name: 'Reprocess' })).toBeNull()
    expect(getAllByRole('menuitem').map((i) => i.textContent?.trim())).toEqual([
      'Remove log',
    ])
  })
})

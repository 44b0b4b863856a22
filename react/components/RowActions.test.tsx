import React from 'react'
import { act, fireEvent, render } from '@vtex/test-tools/react'

import RowActions from './RowActions'

const setup = async (status: 'SUCCESS' | 'ERROR' | 'QUEUED') => {
  const onReprocess = jest.fn()
  const onRemove = jest.fn()
  const utils = render(
    <RowActions
      id="PRODUCTS:amazon:1"
      status={status}
      onReprocess={onReprocess}
      onRemove={onRemove}
    />
  )

  fireEvent.click(utils.getByTestId('actions-PRODUCTS:amazon:1'))
  await utils.findByText('Remove log')

  return { ...utils, onReprocess, onRemove }
}

// Let the menu's own timers (focus, animation) finish inside the test.
afterEach(() => act(() => new Promise((resolve) => setTimeout(resolve, 50))))

describe('RowActions', () => {
  it('offers Reprocess and Remove log on errors', async () => {
    const { getByText, onReprocess } = await setup('ERROR')

    fireEvent.click(getByText('Reprocess'))
    expect(onReprocess).toHaveBeenCalledWith('PRODUCTS:amazon:1')
    expect(getByText('Remove log')).toBeTruthy()
  })

  it.each(['SUCCESS', 'QUEUED'] as const)(
    'offers only Remove log on %s',
    async (status) => {
      const { queryByText, getByText, onRemove } = await setup(status)

      expect(queryByText('Reprocess')).toBeNull()
      fireEvent.click(getByText('Remove log'))
      expect(onRemove).toHaveBeenCalledWith('PRODUCTS:amazon:1')
    }
  )
})

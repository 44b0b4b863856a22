import React from 'react'
import { fireEvent, render } from '@vtex/test-tools/react'

import RowActions from './RowActions'

const setup = (status: 'SUCCESS' | 'ERROR' | 'QUEUED') => {
  const onReprocess = jest.fn()
  const onRemove = jest.fn()
  const utils = render(<RowActions id="PRODUCTS:amazon:1" status={status} onReprocess={onReprocess} onRemove={onRemove} />)
  fireEvent.click(utils.getByTestId('actions-PRODUCTS:amazon:1'))
  return { ...utils, onReprocess, onRemove }
}

describe('RowActions', () => {
  it('offers Reprocess and Remove log on errors', () => {
    const { getByText, onReprocess } = setup('ERROR')
    fireEvent.click(getByText('Reprocess'))
    expect(onReprocess).toHaveBeenCalledWith('PRODUCTS:amazon:1')
    expect(getByText('Remove log')).toBeTruthy()
  })

  it.each(['SUCCESS', 'QUEUED'] as const)('offers only Remove log on %s', status => {
    const { queryByText, getByText, onRemove } = setup(status)
    expect(queryByText('Reprocess')).toBeNull()
    fireEvent.click(getByText('Remove log'))
    expect(onRemove).toHaveBeenCalledWith('PRODUCTS:amazon:1')
  })
})

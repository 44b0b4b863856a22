import React from 'react'
import { render } from '@vtex/test-tools/react'

import StatusTag from './StatusTag'

describe('StatusTag', () => {
  it.each([
    ['SUCCESS', 'Success'],
    ['ERROR', 'Error'],
    ['QUEUED', 'Queued'],
  ] as const)('labels %s from messages/', (status, label) => {
    const { getByText } = render(<StatusTag status={status} />)

    expect(getByText(label).getAttribute('data-status')).toBe(status)
  })
})

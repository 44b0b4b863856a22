import React from 'react'
import { render } from '@vtex/test-tools/react'

import { useErrorText } from './useErrorText'

const Probe = ({ error, field }: { error: unknown; field?: object }) => {
  const { errorText, fieldText } = useErrorText()

  return (
    <>
      <span data-testid="error">{errorText(error)}</span>
      {field ? (
        <span data-testid="field">
          {fieldText(field as Parameters<typeof fieldText>[0])}
        </span>
      ) : null}
    </>
  )
}

const answer = (extensions: object) => ({
  graphQLErrors: [{ message: 'raw English', extensions }],
})

describe('useErrorText', () => {
  it('translates the reason, never the raw message', () => {
    const { getByTestId } = render(
      <Probe
        error={answer({ code: 'BAD_USER_INPUT', reason: 'INVALID_SEARCH' })}
        field={{ field: 'search', code: 'TOO_LONG', params: { max: 64 } }}
      />
    )

    expect(getByTestId('error').textContent).toBe(
      'That cannot be searched: type a SKU, product or order id.'
    )
    expect(getByTestId('field').textContent).toBe('At most 64 characters.')
  })

  it('says a network failure is one, and falls back to the code or a generic text', () => {
    const { getByTestId, rerender } = render(
      <Probe error={{ networkError: new Error('socket hang up') }} />
    )

    expect(getByTestId('error').textContent).toMatch(
      /^Could not reach the service/
    )
    rerender(
      <Probe error={answer({ code: 'FORBIDDEN', reason: 'SOMETHING_NEW' })} />
    )
    expect(getByTestId('error').textContent).toBe(
      'Your user is not allowed to do this.'
    )
    rerender(<Probe error={answer({})} />)
    expect(getByTestId('error').textContent).toBe(
      'Something went wrong. Try again in a moment.'
    )
  })
})

import React from 'react'
import { act, render } from '@vtex/test-tools/react'
import * as runtime from 'vtex.render-runtime'

import { useLogsUrl } from './useLogsUrl'

/** The in-memory route of the jest stand-in for render-runtime (react/__mocks__). */
const { runtimeMock } = runtime as unknown as {
  runtimeMock: {
    state: { query: Record<string, string>; history: string[] }
    reset: (query?: Record<string, string>) => void
  }
}

let url: ReturnType<typeof useLogsUrl>

const Probe = () => {
  url = useLogsUrl()

  return <span data-testid="tab">{url.state.tab}</span>
}

describe('useLogsUrl', () => {
  it('reads the page state from the route query and writes it through render-runtime', () => {
    runtimeMock.reset({ tab: 'inventory', status: 'error', q: '1003' })
    const { getByTestId } = render(<Probe />)

    expect(getByTestId('tab').textContent).toBe('INVENTORY')
    expect(url.state).toMatchObject({
      status: 'ERROR',
      search: '1003',
      log: null,
    })

    act(() => {
      url.update({ log: 'INVENTORY:amazon:1003' })
    })
    expect(runtimeMock.state.query).toEqual({
      tab: 'inventory',
      status: 'error',
      q: '1003',
      log: 'INVENTORY:amazon:1003',
    })
    expect(url.state.log).toBe('INVENTORY:amazon:1003')

    act(() => {
      url.update({ tab: 'TRACKING', status: null, search: null, log: null })
    })
    expect(runtimeMock.state.query).toEqual({ tab: 'tracking' })
    expect(getByTestId('tab').textContent).toBe('TRACKING')
    expect(runtimeMock.state.history).toHaveLength(2)
  })
})

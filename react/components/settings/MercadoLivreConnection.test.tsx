import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import CONNECTION from '../../graphql/marketplaceConnection.graphql'
import DISCONNECT from '../../graphql/disconnectMercadoLivre.graphql'
import MercadoLivreConnection from './MercadoLivreConnection'

const connection = (fields: Record<string, unknown>) => ({
  __typename: 'MarketplaceConnection',
  state: 'CONNECTED',
  sellerId: '123456789',
  siteId: 'MLB',
  since: '2026-11-30T12:00:00.000Z',
  revokedReason: null,
  marketplaceRevoked: null,
  ...fields,
})

const variables = { marketplaceId: 'ml1' }

const setup = (after: Record<string, unknown>) => {
  const disconnected = jest.fn(() => ({
    data: { disconnectMercadoLivre: connection(after) },
  }))

  const mocks = [
    {
      request: { query: CONNECTION, variables },
      result: { data: { marketplaceConnection: connection({}) } },
    },
    { request: { query: DISCONNECT, variables }, result: disconnected },
  ]

  const view = render(
    <MercadoLivreConnection
      marketplaceId="ml1"
      name="ML Brasil"
      isNew={false}
    />,
    { graphql: { mocks } }
  )

  return { ...view, disconnected }
}

describe('MercadoLivreConnection', () => {
  it('asks before disconnecting; cancelling changes nothing', async () => {
    const { getByTestId, getByRole, disconnected } = setup({})

    await waitFor(() => getByTestId('ml-disconnect'))
    fireEvent.click(getByTestId('ml-disconnect'))
    expect(
      getByRole('heading', { name: 'Disconnect ML Brasil from Mercado Livre?' })
    ).not.toBeNull()
    fireEvent.click(getByTestId('confirm-cancel'))
    expect(disconnected).not.toHaveBeenCalled()
    expect(getByTestId('ml-connection').dataset.state).toBe('CONNECTED')
  })

  it('disconnects once confirmed and shows the connection the API answers', async () => {
    const { getByTestId, queryByTestId, disconnected } = setup({
      state: 'REVOKED',
      revokedReason: 'DISCONNECTED',
      marketplaceRevoked: false,
    })

    await waitFor(() => getByTestId('ml-disconnect'))
    fireEvent.click(getByTestId('ml-disconnect'))
    fireEvent.click(getByTestId('confirm-ok'))
    await waitFor(() =>
      expect(getByTestId('ml-connection').dataset.state).toBe('REVOKED')
    )
    expect(disconnected).toHaveBeenCalledTimes(1)
    expect(getByTestId('ml-connection').textContent).toBe(
      'Disconnected: nothing is sent until you connect again'
    )
    // Mercado Livre could not be told: the seller is told where to finish it.
    expect(getByTestId('ml-not-told').textContent).toMatch(
      /revoke it among the applications connected/
    )
    expect(queryByTestId('ml-disconnect')).toBeNull()
    expect(getByTestId('ml-connect').textContent).toBe(
      'Connect to Mercado Livre'
    )
  })
})

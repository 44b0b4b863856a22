import React from 'react'
import { GraphQLError } from 'graphql'
import type { MockedResponse } from '@apollo/react-testing'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import SAVE_LISTING from '../../graphql/saveListing.graphql'
import SKU_LISTINGS from '../../graphql/skuListings.graphql'
import ListingMapping from './ListingMapping'
import type { LogDetailData } from './logDetailData'

const alertLog = {
  id: 'PRODUCTS:mercadolivre:1003',
  tab: 'PRODUCTS',
  marketplace: 'mercadolivre',
  entityId: '1003',
  status: 'ALERT',
  partner: null,
  alert: { action: 'SKU_NOT_MAPPED' },
  canReprocess: false,
} as unknown as LogDetailData

// The API says whether a log may be reprocessed (canReprocess); the component follows it.
const errorLog = {
  ...alertLog,
  status: 'ERROR',
  canReprocess: true,
} as LogDetailData

const listing = (listingId: string, source = 'EDITED') => ({
  __typename: 'SkuListing',
  listingId,
  variationId: null,
  source,
  at: '2026-12-01T03:00:00.000Z',
})

const listed = (items: object[]): MockedResponse => ({
  request: {
    query: SKU_LISTINGS,
    variables: { marketplace: 'mercadolivre', skuId: '1003' },
  },
  result: { data: { skuListings: items } },
})

const saved = (input: object, result: object): MockedResponse => ({
  request: {
    query: SAVE_LISTING,
    variables: {
      input: { marketplace: 'mercadolivre', skuId: '1003', ...input },
    },
  },
  result,
})

const renderWith = (log: LogDetailData, mocks: MockedResponse[]) => {
  const onReprocess = jest.fn()
  const view = render(
    <ListingMapping
      log={log}
      marketplaceName="Mercado Livre"
      busy={false}
      onReprocess={onReprocess}
    />,
    { graphql: { mocks } }
  )

  return { ...view, onReprocess }
}

describe('ListingMapping', () => {
  it('maps a listing to an unmapped SKU from its alert, and says the next change sends it (alerts are not reprocessed)', async () => {
    const { getByText, getByLabelText, getByRole, getByTestId, queryByTestId } =
      renderWith(alertLog, [
        listed([]),
        saved(
          {
            listingId: 'MLB1',
            variationId: null,
            replacesListingId: null,
            replacesVariationId: null,
          },
          { data: { saveListing: [listing('MLB1')] } }
        ),
      ])

    await waitFor(() =>
      getByText('This SKU has no listing mapped on this marketplace.')
    )
    fireEvent.click(getByRole('button', { name: 'Map listing' }))
    fireEvent.change(getByLabelText('Listing ID'), {
      target: { value: 'MLB1' },
    })
    fireEvent.click(getByRole('button', { name: 'Save listing' }))

    const done = await waitFor(() => getByTestId('listing-done'))

    expect(done.textContent).toBe(
      'Listing saved. The next change of this SKU in VTEX will be sent with the listing.'
    )
    expect(getByTestId('listing-item').textContent).toBe(
      'MLB1 (edited in the admin)'
    )
    expect(queryByTestId('listing-reprocess')).toBeNull()
  })

  it('replaces a listing on a failed log and then offers Reprocessar', async () => {
    const { getByLabelText, getByRole, getByTestId, onReprocess } = renderWith(
      errorLog,
      [
        listed([listing('MLB1', 'IMPORTED')]),
        saved(
          {
            listingId: 'MLB2',
            variationId: '77',
            replacesListingId: 'MLB1',
            replacesVariationId: null,
          },
          { data: { saveListing: [listing('MLB2')] } }
        ),
      ]
    )

    fireEvent.click(
      await waitFor(() => getByRole('button', { name: 'Replace listing MLB1' }))
    )
    const field = getByLabelText('Listing ID') as HTMLInputElement

    expect(field.value).toBe('MLB1')
    fireEvent.change(field, { target: { value: 'MLB2' } })
    fireEvent.change(getByLabelText('Variation ID (optional)'), {
      target: { value: '77' },
    })
    fireEvent.click(getByRole('button', { name: 'Save listing' }))
    fireEvent.click(await waitFor(() => getByTestId('listing-reprocess')))
    expect(onReprocess).toHaveBeenCalledWith('PRODUCTS:mercadolivre:1003')
    expect(getByTestId('listing-item').textContent).toBe(
      'MLB2 (edited in the admin)'
    )
  })

  it('shows which SKU holds a listing already and keeps the form open', async () => {
    const { getByText, getByLabelText, getByRole, queryByTestId } = renderWith(
      alertLog,
      [
        listed([]),
        saved(
          {
            listingId: 'MLB9',
            variationId: null,
            replacesListingId: null,
            replacesVariationId: null,
          },
          {
            errors: [
              new GraphQLError(
                'held',
                undefined,
                undefined,
                undefined,
                undefined,
                undefined,
                {
                  code: 'BAD_USER_INPUT',
                  reason: 'LISTING_ALREADY_MAPPED',
                  fields: [
                    {
                      field: 'listingId',
                      code: 'DUPLICATE',
                      params: { skuId: '1099' },
                    },
                  ],
                }
              ),
            ],
          }
        ),
      ]
    )

    fireEvent.click(
      await waitFor(() => getByRole('button', { name: 'Map listing' }))
    )
    fireEvent.change(getByLabelText('Listing ID'), {
      target: { value: 'MLB9' },
    })
    fireEvent.click(getByRole('button', { name: 'Save listing' }))

    expect(
      (
        await waitFor(() =>
          getByText('This listing already belongs to SKU 1099.')
        )
      ).tagName
    ).not.toBe('BUTTON')
    expect(getByLabelText('Listing ID')).toHaveProperty('value', 'MLB9')
    expect(queryByTestId('listing-done')).toBeNull()
  })

  it('shows nothing for a Tracking log', () => {
    const { queryByTestId } = renderWith(
      { ...alertLog, tab: 'TRACKING' } as LogDetailData,
      []
    )

    expect(queryByTestId('listing-mapping')).toBeNull()
  })
})

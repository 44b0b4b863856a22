import React from 'react'
import { GraphQLError } from 'graphql'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import IMPORT_LISTING_CSV from '../../graphql/importListingCsv.graphql'
import MARKETPLACES from '../../graphql/marketplaces.graphql'
import MappingsSection from './MappingsSection'

const marketplaces = {
  request: { query: MARKETPLACES },
  result: {
    data: {
      marketplaces: [
        {
          id: 'mercadolivre',
          name: 'Mercado Livre',
          system: false,
          tabs: ['PRODUCTS'],
        },
        { id: 'amazon', name: 'Amazon', system: false, tabs: ['PRODUCTS'] },
        { id: 'vtex-oms', name: 'VTEX OMS', system: true, tabs: ['TRACKING'] },
      ].map((m) => ({ __typename: 'Marketplace', ...m })),
    },
  },
}

const csv = 'refId,listingId\nREF-1003,AMZ-3\nREF-NONE,AMZ-X\n1006\n'

const choose = (input: HTMLElement, text: string) =>
  fireEvent.change(input, {
    target: { files: [new File([text], 'mappings.csv', { type: 'text/csv' })] },
  })

describe('MappingsSection', () => {
  it('imports the chosen file for the chosen marketplace and shows what was written and each refused row', async () => {
    const mocks = [
      marketplaces,
      {
        request: {
          query: IMPORT_LISTING_CSV,
          variables: { marketplace: 'amazon', csv },
        },
        result: {
          data: {
            importListingCsv: {
              __typename: 'ListingImportResult',
              added: 1,
              updated: 0,
              unchanged: 0,
              errors: [
                {
                  __typename: 'ListingRowError',
                  line: 3,
                  field: 'refId',
                  code: 'UNKNOWN',
                  params: [
                    {
                      __typename: 'ListingRowParam',
                      name: 'value',
                      value: 'REF-NONE',
                    },
                  ],
                },
                {
                  __typename: 'ListingRowError',
                  line: 4,
                  field: 'row',
                  code: 'INVALID_FORMAT',
                  params: [
                    {
                      __typename: 'ListingRowParam',
                      name: 'expected',
                      value: '2',
                    },
                    { __typename: 'ListingRowParam', name: 'got', value: '1' },
                  ],
                },
              ],
            },
          },
        },
      },
    ]

    const { getByLabelText, getByRole, getByTestId, queryByRole } = render(
      <MappingsSection />,
      { graphql: { mocks } }
    )

    const select = (await waitFor(() =>
      getByLabelText('Marketplace')
    )) as HTMLSelectElement

    expect(
      Array.from(select.options)
        .filter((o) => o.value)
        .map((o) => o.textContent)
    ).toEqual(['Mercado Livre', 'Amazon'])
    const importButton = getByRole('button', { name: 'Import mappings' })

    expect(importButton).toHaveProperty('disabled', true)
    fireEvent.change(select, { target: { value: 'amazon' } })
    choose(getByLabelText('CSV file'), csv)
    fireEvent.click(importButton)

    const result = await waitFor(() => getByTestId('mapping-result'))

    expect(result.textContent).toContain(
      '1 row saved — new: 1, updated: 0, unchanged: 0.'
    )
    expect(
      Array.from(getByTestId('mapping-errors').querySelectorAll('li')).map(
        (li) => li.textContent
      )
    ).toEqual([
      'Line 3 · refId: no SKU in the catalog has REF-NONE.',
      'Line 4 · row: the row has 1 columns; the header has 2.',
    ])
    expect(
      queryByRole('heading', {
        name: '2 rows refused (nothing was saved for them)',
      })
    ).not.toBeNull()
  })

  it('says why a file was refused as a whole', async () => {
    const bad = 'sku,listing\n1003,MLB1\n'
    const mocks = [
      marketplaces,
      {
        request: {
          query: IMPORT_LISTING_CSV,
          variables: { marketplace: 'mercadolivre', csv: bad },
        },
        result: {
          errors: [
            new GraphQLError(
              'refused',
              undefined,
              undefined,
              undefined,
              undefined,
              undefined,
              {
                code: 'BAD_USER_INPUT',
                reason: 'INVALID_LISTING_CSV',
                fields: [
                  {
                    field: 'header',
                    code: 'REQUIRED',
                    params: { column: 'skuId' },
                  },
                  {
                    field: 'header',
                    code: 'REQUIRED',
                    params: { column: 'listingId' },
                  },
                ],
              }
            ),
          ],
        },
      },
    ]

    const { getByLabelText, getByRole, getByTestId } = render(
      <MappingsSection />,
      { graphql: { mocks } }
    )

    choose(await waitFor(() => getByLabelText('CSV file')), bad)
    fireEvent.click(getByRole('button', { name: 'Import mappings' }))
    const refused = await waitFor(() => getByTestId('mapping-refused'))

    expect(refused.textContent).toContain(
      'The mappings file was refused. The whole file was refused: nothing was saved.'
    )
    expect(
      Array.from(
        getByTestId('mapping-file-problems').querySelectorAll('li')
      ).map((li) => li.textContent)
    ).toEqual([
      'The key column is missing: skuId, refId or ean.',
      'The column listingId is missing.',
    ])
  })
})

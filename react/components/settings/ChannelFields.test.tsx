import React, { useState } from 'react'
import { fireEvent, render } from '@vtex/test-tools/react'

import ChannelFields from './ChannelFields'

const channels = {
  __typename: 'VtexChannels' as const,
  affiliates: [
    {
      __typename: 'VtexAffiliate' as const,
      id: 'MLB',
      name: 'Mercado Livre',
      salesChannel: '2',
    },
    {
      __typename: 'VtexAffiliate' as const,
      id: 'MGL',
      name: 'Magalu',
      salesChannel: '4',
    },
  ],
  affiliatesError: null,
  salesChannels: [
    { id: '2', name: 'Mercado Livre', isActive: true, currencyCode: 'BRL' },
    { id: '4', name: 'Magalu', isActive: true, currencyCode: 'BRL' },
    { id: '5', name: 'Antiga', isActive: false, currencyCode: 'BRL' },
  ].map((c) => ({ __typename: 'VtexSalesChannel' as const, ...c })),
  salesChannelsError: null,
}

const Harness = ({ start = { affiliateId: '', salesChannel: '' } }) => {
  const [value, setValue] = useState(start)

  return (
    <>
      <ChannelFields
        name="Magalu"
        affiliateId={value.affiliateId}
        salesChannel={value.salesChannel}
        channels={channels}
        errorOf={() => undefined}
        onChange={(patch) => setValue((v) => ({ ...v, ...patch }))}
      />
      <output data-testid="value">{JSON.stringify(value)}</output>
    </>
  )
}

describe('ChannelFields', () => {
  it('offers the account’s affiliates and trade policies; choosing an affiliate picks its trade policy', () => {
    const { getByLabelText, getByTestId, queryByTestId } = render(<Harness />)

    expect(getByTestId('settings-no-affiliate').textContent).toMatch(/Magalu/)
    const affiliate = getByLabelText('Magalu affiliate') as HTMLSelectElement

    expect(Array.from(affiliate.options).map((o) => o.value)).toContain('MGL')
    fireEvent.change(affiliate, { target: { value: 'MGL' } })
    expect(JSON.parse(getByTestId('value').textContent!)).toEqual({
      affiliateId: 'MGL',
      salesChannel: '4',
    })
    expect(queryByTestId('settings-no-affiliate')).toBeNull()
    const policy = getByLabelText('Magalu trade policy') as HTMLSelectElement
    const inactive = Array.from(policy.options).find((o) => o.value === '5')!

    expect(inactive.disabled).toBe(true)
  })

  it('keeps showing a saved value VTEX no longer lists', () => {
    const { getByLabelText } = render(
      <Harness start={{ affiliateId: 'OLD', salesChannel: '9' }} />
    )

    expect(
      (getByLabelText('Magalu affiliate') as HTMLSelectElement).value
    ).toBe('OLD')
    expect(
      (getByLabelText('Magalu trade policy') as HTMLSelectElement).value
    ).toBe('9')
  })
})

import { issuesChange } from './notification'

const notification = (payload: Record<string, unknown>) => ({
  NotificationVersion: '1.0',
  NotificationType: 'LISTINGS_ITEM_ISSUES_CHANGE',
  PayloadVersion: '2023-12-13',
  EventTime: '2024-02-05T18:59:30.194Z',
  Payload: {
    SellerId: 'A1BRIDGESELLER',
    MarketplaceId: 'A2Q3Y263D00KWC',
    Asin: 'BT6RZ7JM4H',
    Sku: '1003',
    ...payload,
  },
  NotificationMetadata: {
    ApplicationId: 'amzn1.sellerapps.app.f108f511',
    SubscriptionId: '93b098e1',
    PublishTime: '2024-02-05T18:59:48.768Z',
    NotificationId: '8e009934',
  },
})

describe('LISTINGS_ITEM_ISSUES_CHANGE', () => {
  it('errors settle the listing as the follow-up would: ERROR, details worth fetching', () => {
    expect(
      issuesChange(
        notification({
          Severities: ['ERROR', 'WARNING'],
          EnforcementActions: ['SEARCH_SUPPRESSED'],
        })
      )
    ).toEqual({
      sellerId: 'A1BRIDGESELLER',
      sku: '1003',
      marketplaceId: 'A2Q3Y263D00KWC',
      asin: 'BT6RZ7JM4H',
      needsDetails: true,
      outcome: {
        status: 'ERROR',
        reason: 'AMAZON_LISTING_ISSUES',
        businessMessage:
          'Amazon reports ERROR, WARNING issues; enforcement: SEARCH_SUPPRESSED',
      },
    })
  })

  it('no error: SUCCESS; an offer taken off sale without errors: ALERT', () => {
    const ok = issuesChange(notification({ Severities: [] }))

    expect('outcome' in ok && ok.outcome).toEqual({
      status: 'SUCCESS',
      reason: 'AMAZON_LISTING_UPDATED',
      businessMessage: null,
    })
    const off = issuesChange(
      notification({
        Severities: ['WARNING'],
        EnforcementActions: ['LISTING_SUPPRESSED'],
      })
    )

    expect('outcome' in off && off.outcome).toMatchObject({
      status: 'ALERT',
      action: 'LISTING_PAUSED',
    })
  })

  it('anything else is refused with the reason', () => {
    expect(issuesChange({ NotificationType: 'ANY_OFFER_CHANGED' })).toEqual({
      error: 'Not a LISTINGS_ITEM_ISSUES_CHANGE notification',
    })
    expect(
      issuesChange(notification({ Sku: 5, Severities: ['ERROR'] }))
    ).toEqual({
      error: 'The notification has no SellerId, Sku or Severities',
    })
    expect(issuesChange(null)).toHaveProperty('error')
  })
})

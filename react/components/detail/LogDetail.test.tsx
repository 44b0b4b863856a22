import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import INTEGRATION_LOG from '../../graphql/integrationLog.graphql'
import LogDetail from './LogDetail'

const log = {
  __typename: 'IntegrationLog',
  id: 'INVENTORY:amazon:42',
  tab: 'INVENTORY',
  marketplace: 'amazon',
  entityId: '42',
  marketplaceOrderId: null,
  status: 'ERROR',
  message: 'Amazon answered HTTP 400: Invalid quantity -2',
  processedAt: '2026-11-20T10:00:00.000Z',
  createdAt: '2026-11-20T09:00:00.000Z',
  changedAt: null,
  attempts: 2,
  queuedAt: null,
  abnormal: true,
  latencyMs: 2 * 3600_000 + 5 * 60_000,
  retry: null,
  retriesExhausted: null,
  reason: 'REFUSED',
  reasonParams: '{"status":400}',
  payload: '{"quantity":-2}',
  businessMessage: null,
  alert: null,
  pending: null,
  canReprocess: true,
  notReprocessableReason: null,
  exchangeKept: true,
  partner: null,
  origin: {
    __typename: 'ErrorOrigin',
    request: {
      __typename: 'OriginRequest',
      method: 'PUT',
      url: 'https://mkt/api/inventory/42',
      body: '{"quantity":-2}',
    },
    response: {
      __typename: 'OriginResponse',
      status: 400,
      body: '<img src=x onerror="alert(1)">',
    },
  },
  history: [
    {
      __typename: 'Attempt',
      at: '2026-11-20T10:00:00.000Z',
      status: 'ERROR',
      message: 'Invalid quantity -2',
      httpStatus: 400,
      trigger: 'REPROCESS',
    },
  ],
  timeline: [],
}

const onClose = jest.fn()
const onReprocess = jest.fn()

const Harness = () => (
  <LogDetail
    id={log.id}
    busy={false}
    names={{ amazon: 'Amazon' }}
    returnFocus={{ current: null }}
    onClose={onClose}
    onReprocess={onReprocess}
    onRemove={jest.fn()}
  />
)

describe('LogDetail', () => {
  it('shows the origin of the error as text, never as HTML', async () => {
    const mocks = [
      {
        request: { query: INTEGRATION_LOG, variables: { id: log.id } },
        result: { data: { integrationLog: log } },
      },
    ]

    const { getByText, getByTestId, getByRole } = render(<Harness />, {
      graphql: { mocks },
    })

    const origin = await waitFor(() => getByTestId('error-origin'))

    expect(getByRole('heading', { name: 'SKU 42 on Amazon' }).tagName).toBe(
      'H2'
    )
    expect(origin.contains(getByText('PUT https://mkt/api/inventory/42'))).toBe(
      true
    )
    expect(
      origin.contains(
        getByText('Content destination: marketplace answer (HTTP 400)')
      )
    ).toBe(true)
    const answer = getByText('<img src=x onerror="alert(1)">')

    expect(origin.contains(answer)).toBe(true)
    expect(answer.children).toHaveLength(0)
    expect(getByText('Content source: VTEX data used')).toBeTruthy()
    expect(document.querySelector('img')).toBeNull()
    fireEvent.click(getByRole('button', { name: 'Reprocess' }))
    expect(onReprocess).toHaveBeenCalledWith('INVENTORY:amazon:42')
  })

  it('offers Reprocess as the API says (canReprocess), not from the status', async () => {
    const render1 = async (integrationLog: Record<string, unknown>) => {
      const mocks = [
        {
          request: { query: INTEGRATION_LOG, variables: { id: log.id } },
          result: { data: { integrationLog } },
        },
      ]

      const view = render(<Harness />, { graphql: { mocks } })

      await waitFor(() => view.getByRole('button', { name: 'Remove log' }))

      return view
    }

    // An ERROR the API does not offer (a partner's log): no button, the reason instead.
    const partner = await render1({
      ...log,
      canReprocess: false,
      notReprocessableReason: 'PARTNER_LOG',
    })

    expect(partner.queryByRole('button', { name: 'Reprocess' })).toBeNull()
    expect(partner.getByTestId('not-reprocessable').textContent).toBe(
      "Collected from the partner's connector: the connector sends it again, not the bridge."
    )
    partner.unmount()

    // Whatever the status, the field decides.
    const offered = await render1({
      ...log,
      status: 'ALERT',
      canReprocess: true,
      notReprocessableReason: null,
    })

    expect(offered.getByRole('button', { name: 'Reprocess' })).not.toBeNull()
    expect(offered.queryByTestId('not-reprocessable')).toBeNull()
  })

  it('says the exchange is not kept when the API says so (exchangeKept), whatever the status', async () => {
    const shown = async (fields: Record<string, unknown>) => {
      const mocks = [
        {
          request: { query: INTEGRATION_LOG, variables: { id: log.id } },
          result: {
            data: { integrationLog: { ...log, origin: null, ...fields } },
          },
        },
      ]

      const view = render(<Harness />, { graphql: { mocks } })

      await waitFor(() => view.getByTestId('log-contents'))
      const said = view.queryByText(
        'What was sent and answered is not kept for successes.'
      )

      view.unmount()

      return said !== null
    }

    expect(await shown({ status: 'SUCCESS', exchangeKept: false })).toBe(true)
    expect(await shown({ status: 'SUCCESS', exchangeKept: true })).toBe(false)
  })

  it('says so when the log no longer exists', async () => {
    const mocks = [
      {
        request: { query: INTEGRATION_LOG, variables: { id: log.id } },
        result: { data: { integrationLog: null } },
      },
    ]

    const { getByText, queryByRole } = render(<Harness />, {
      graphql: { mocks },
    })

    const notice = await waitFor(() => getByText('This log no longer exists.'))

    expect(notice.textContent).toBe('This log no longer exists.')
    expect(queryByRole('button', { name: 'Reprocess' })).toBeNull()
    expect(queryByRole('button', { name: 'Remove' })).toBeNull()
  })

  it("shows a tracking order's timeline, oldest first", async () => {
    const order = {
      ...log,
      id: 'TRACKING:amazon:1300-01',
      tab: 'TRACKING',
      entityId: '1300-01',
      marketplaceOrderId: '702-1234567-1234567',
      status: 'SUCCESS',
      origin: null,
      timeline: [
        {
          __typename: 'TimelineEntry',
          at: '2026-11-20T10:00:00.000Z',
          kind: 'STATUS_SENT',
          status: 'invoiced',
          description: 'Accepted by Amazon',
          source: 'VTEX',
        },
        {
          __typename: 'TimelineEntry',
          at: '2026-11-21T10:00:00.000Z',
          kind: 'PARTNER_EVENT',
          status: 'handed-to-carrier',
          description: 'Coletado — Cajamar/SP',
          source: 'PARTNER',
        },
        {
          __typename: 'TimelineEntry',
          at: '2026-11-22T10:00:00.000Z',
          kind: 'DELIVERED',
          status: 'delivered',
          description: 'Entregue',
          source: 'CARRIER',
        },
      ],
    }

    const mocks = [
      {
        request: { query: INTEGRATION_LOG, variables: { id: log.id } },
        result: { data: { integrationLog: order } },
      },
    ]

    const { getByTestId, getAllByTestId } = render(<Harness />, {
      graphql: { mocks },
    })

    await waitFor(() => getByTestId('timeline'))
    const entries = getAllByTestId('timeline-entry')

    expect(entries.map((e) => e.dataset.status)).toEqual([
      'invoiced',
      'handed-to-carrier',
      'delivered',
    ])
    expect(entries[1].textContent).toContain('Handed to carrier')
    expect(entries[1].textContent).toContain('Coletado — Cajamar/SP')
    // Both ids: VTEX's in the title, the marketplace's beside it, labelled.
    const marketplaceId = getByTestId('marketplace-order-id')

    expect(marketplaceId.textContent).toBe('702-1234567-1234567')
    expect(marketplaceId.parentElement?.parentElement?.textContent).toContain(
      'Marketplace order'
    )
  })

  it('shows a retry in progress and a timeout without an empty box', async () => {
    const retrying = {
      ...log,
      status: 'QUEUED',
      retry: {
        __typename: 'RetryState',
        attempt: 3,
        maxAttempts: 10,
        nextAttemptAt: new Date(Date.now() + 20_000).toISOString(),
        lastError: 'Could not reach Amazon: timeout of 10000ms exceeded',
      },
      origin: {
        ...log.origin,
        response: { __typename: 'OriginResponse', status: null, body: null },
      },
    }

    const mocks = [
      {
        request: { query: INTEGRATION_LOG, variables: { id: log.id } },
        result: { data: { integrationLog: retrying } },
      },
    ]

    const { getByTestId } = render(<Harness />, { graphql: { mocks } })

    await waitFor(() => getByTestId('retry-notice'))
    expect(getByTestId('retry-notice').textContent).toMatch(
      /^Retrying: attempt 3 of 10, next in (19|20) s/
    )
    expect(getByTestId('retry-notice').textContent).toContain(
      'Last failure: Could not reach Amazon: timeout of 10000ms exceeded'
    )
    expect(getByTestId('no-response').textContent).toBe(
      'The marketplace did not answer (timeout or refused connection): Amazon answered HTTP 400: Invalid quantity -2'
    )
    expect(getByTestId('error-origin').querySelectorAll('pre')).toHaveLength(1)
  })

  it('says when the bridge gave up, in the admin language', async () => {
    const gaveUp = { ...log, retriesExhausted: 10 }
    const mocks = [
      {
        request: { query: INTEGRATION_LOG, variables: { id: log.id } },
        result: { data: { integrationLog: gaveUp } },
      },
    ]

    const { getByTestId } = render(<Harness />, { graphql: { mocks } })

    await waitFor(() => getByTestId('retries-exhausted'))
    expect(getByTestId('retries-exhausted').textContent).toBe(
      'Gave up after 10 attempts with temporary failures. Reprocess once the marketplace is back.'
    )
  })

  it('an ALERT says what the store must do in the marketplace and offers no Reprocess', async () => {
    const alert = {
      ...log,
      status: 'ALERT',
      canReprocess: false,
      notReprocessableReason: 'STORE_MUST_ACT',
      message: 'Mercado Livre: listing MLB42 is paused',
      businessMessage: 'Item under_review / paused by the seller',
      alert: { __typename: 'LogAlert', action: 'LISTING_PAUSED' },
    }

    const mocks = [
      {
        request: { query: INTEGRATION_LOG, variables: { id: log.id } },
        result: { data: { integrationLog: alert } },
      },
    ]

    const { getByTestId, queryByRole } = render(<Harness />, {
      graphql: { mocks },
    })

    await waitFor(() => getByTestId('alert-notice'))
    expect(getByTestId('alert-notice').textContent).toBe(
      'Action needed in Amazon' +
        "The marketplace paused this listing. Reactivate it in the marketplace's seller area (or fix what it asks for there)." +
        'Reprocess is not offered for alerts: sending again changes nothing until this is done. The next change in VTEX is sent as usual.'
    )
    expect(getByTestId('business-message').textContent).toBe(
      'Item under_review / paused by the seller'
    )
    expect(queryByRole('button', { name: 'Reprocess' })).toBeNull()
    expect(queryByRole('button', { name: 'Remove log' })).toBeTruthy()
  })

  it('a PENDING log says how its final answer is followed up and when the bridge gives up', async () => {
    const pending = {
      ...log,
      status: 'PENDING',
      canReprocess: false,
      notReprocessableReason: 'AWAITING_MARKETPLACE',
      pending: {
        __typename: 'PendingFollowUp',
        since: '2026-11-20T10:00:00.000Z',
        nextCheckAt: '2026-11-20T10:01:00.000Z',
        checks: 2,
        giveUpAt: '2026-11-21T10:00:00.000Z',
      },
    }

    const mocks = [
      {
        request: { query: INTEGRATION_LOG, variables: { id: log.id } },
        result: { data: { integrationLog: pending } },
      },
    ]

    const { getByTestId, queryByRole } = render(<Harness />, {
      graphql: { mocks },
    })

    await waitFor(() => getByTestId('pending-notice'))
    const text = getByTestId('pending-notice').textContent ?? ''

    expect(text).toMatch(
      /^Amazon accepted the update on .+ and has not given its final answer yet\./
    )
    expect(text).toContain('Checked 2 times: still pending.')
    expect(queryByRole('button', { name: 'Reprocess' })).toBeNull()
  })

  it("translates the adapter's reason, and shows none it has no words for", async () => {
    const mocks = [
      {
        request: { query: INTEGRATION_LOG, variables: { id: log.id } },
        result: { data: { integrationLog: log } },
      },
    ]

    const { getByTestId } = render(<Harness />, { graphql: { mocks } })

    await waitFor(() => getByTestId('outcome-reason'))
    expect(getByTestId('outcome-reason').textContent).toBe(
      'The marketplace refused the update (HTTP 400); fix the data and reprocess.'
    )
  })

  it('shows no reason it has no words for (the message still says it)', async () => {
    const unknown = { ...log, reason: 'NEW_REASON' }
    const mocks = [
      {
        request: { query: INTEGRATION_LOG, variables: { id: log.id } },
        result: { data: { integrationLog: unknown } },
      },
    ]

    const { getByTestId, queryByTestId } = render(<Harness />, {
      graphql: { mocks },
    })

    await waitFor(() => getByTestId('error-origin'))
    expect(queryByTestId('outcome-reason')).toBeNull()
  })
})

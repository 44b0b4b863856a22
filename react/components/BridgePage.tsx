import React from 'react'
import { useIntl } from 'react-intl'
import {
  Button,
  Page,
  PageContent,
  PageHeader,
  PageHeaderActions,
  PageHeaderTop,
  Tab as TabButton,
  TabList,
  TabPanel,
  csx,
  useTabState,
} from '@vtex/admin-ui'
import { useRuntime } from 'vtex.render-runtime'

import type { Tab } from '../graphql/generated'
import { useLogsUrl } from '../hooks/useLogsUrl'
import { TABS } from '../utils/tabs'
import PageTitle from './PageTitle'
import TabContent from './TabContent'

/** The settings page's admin route (admin/routes.json). */
export const SETTINGS_PATH = '/admin/app/marketplace-bridge/settings'

const noWrap = csx({ flexWrap: 'nowrap', whiteSpace: 'nowrap' })

/** The logs page: title, settings, the three tabs (in the URL). */
const BridgePage = () => {
  const intl = useIntl()
  const { navigate } = useRuntime()
  const { state: url, update } = useLogsUrl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` })

  // A new tab starts unfiltered, as a new page would.
  const select = (tab: Tab) =>
    tab !== url.tab &&
    update({
      tab,
      status: null,
      marketplace: null,
      search: null,
      from: null,
      to: null,
      abnormalOnly: false,
      cause: null,
      log: null,
    })

  const state = useTabState({
    selectedId: url.tab,
    setSelectedId: (id) => id && select(id as Tab),
  })

  return (
    <Page>
      <PageHeader>
        <PageHeaderTop>
          <PageTitle>{t('title')}</PageTitle>
          <PageHeaderActions>
            <Button
              variant="secondary"
              data-testid="open-settings"
              onClick={() => navigate({ to: SETTINGS_PATH })}
            >
              {t('settings.open')}
            </Button>
          </PageHeaderActions>
        </PageHeaderTop>
        <TabList state={state} className={noWrap}>
          {TABS.map((tab) => (
            <TabButton key={tab} id={tab} className={noWrap}>
              {t(`tabs.${tab.toLowerCase()}`)}
            </TabButton>
          ))}
        </TabList>
      </PageHeader>
      <PageContent layout="wide" className={csx({ paddingTop: '$space-2' })}>
        {TABS.map((tab) => (
          <TabPanel key={tab} state={state} tabId={tab}>
            {tab === url.tab ? <TabContent tab={tab} /> : null}
          </TabPanel>
        ))}
      </PageContent>
    </Page>
  )
}

export default BridgePage

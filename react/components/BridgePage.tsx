import React from 'react'
import { useIntl } from 'react-intl'
import {
  Page,
  PageContent,
  PageHeader,
  PageHeaderActions,
  PageHeaderTitle,
  PageHeaderTop,
  Tab as TabButton,
  TabList,
  TabPanel,
  useTabState,
} from '@vtex/admin-ui'

import { useTabInUrl } from '../hooks/useTabInUrl'
import type { Tab } from '../utils/types'
import { TABS } from '../utils/types'
import TabContent from './TabContent'

const tabLabel = (tab: Tab) =>
  `admin/marketplace-bridge.tabs.${tab.toLowerCase()}`

/** The settings page's admin route (admin/routes.json). */
export const SETTINGS_PATH = '/admin/app/marketplace-bridge/settings'

const BridgePage = () => {
  const intl = useIntl()
  const [tab, setTab] = useTabInUrl()
  const state = useTabState({
    selectedId: tab,
    setSelectedId: (id) => id && setTab(id as Tab),
  })

  return (
    <Page>
      <PageHeader>
        <PageHeaderTop>
          <PageHeaderTitle>
            {intl.formatMessage({ id: 'admin/marketplace-bridge.title' })}
          </PageHeaderTitle>
          <PageHeaderActions>
            <a href={SETTINGS_PATH} data-testid="open-settings">
              {intl.formatMessage({
                id: 'admin/marketplace-bridge.settings.open',
              })}
            </a>
          </PageHeaderActions>
        </PageHeaderTop>
        <TabList state={state}>
          {TABS.map((t) => (
            <TabButton key={t} id={t}>
              {intl.formatMessage({ id: tabLabel(t) })}
            </TabButton>
          ))}
        </TabList>
      </PageHeader>
      <PageContent layout="wide">
        {TABS.map((t) => (
          <TabPanel key={t} state={state} tabId={t}>
            {t === tab ? <TabContent tab={t} /> : null}
          </TabPanel>
        ))}
      </PageContent>
    </Page>
  )
}

export default BridgePage

import React from 'react'
import { useIntl } from 'react-intl'
import {
  Alert,
  Button,
  Inline,
  Page,
  PageContent,
  PageHeader,
  PageHeaderActions,
  PageHeaderTop,
  Stack,
  Text,
  csx,
} from '@vtex/admin-ui'
import { useRuntime } from 'vtex.render-runtime'

import PageTitle from '../PageTitle'
import CarrierSection from './CarrierSection'
import LogsSection from './LogsSection'
import MappingsSection from './MappingsSection'
import MarketplacesSection from './MarketplacesSection'
import { useSettingsForm } from './useSettingsForm'
import VtexTrackingSection from './VtexTrackingSection'

/** The logs page's admin route (admin/routes.json). */
export const LOGS_PATH = '/admin/app/marketplace-bridge'

/** Marketplaces, carrier refresh, partner interface, VTEX Tracking and retention. */
const SettingsPage = () => {
  const intl = useIntl()
  const { navigate } = useRuntime()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` })

  const s = useSettingsForm()

  return (
    <Page>
      <PageHeader>
        <PageHeaderTop>
          <PageTitle>{t('settings.title')}</PageTitle>
          <PageHeaderActions>
            <Button
              variant="tertiary"
              data-testid="back-to-logs"
              onClick={() => navigate({ to: LOGS_PATH })}
            >
              {t('settings.backToLogs')}
            </Button>
          </PageHeaderActions>
        </PageHeaderTop>
      </PageHeader>
      <PageContent layout="standard">
        {s.loadError ? (
          <Alert variant="critical">{s.loadError}</Alert>
        ) : s.loading || !s.form ? (
          <Text tone="secondary">{t('settings.loading')}</Text>
        ) : (
          <form
            data-testid="settings-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              s.submit()
            }}
          >
            <Stack space="$space-5" className={csx({ paddingY: '$space-5' })}>
              <MarketplacesSection s={s} />
              <MappingsSection />
              <CarrierSection s={s} />
              <VtexTrackingSection s={s} />
              <LogsSection s={s} />
              <Inline>
                <Button
                  type="submit"
                  disabled={s.saving}
                  data-testid="settings-save"
                >
                  {t('settings.save')}
                </Button>
              </Inline>
            </Stack>
          </form>
        )}
      </PageContent>
    </Page>
  )
}

export default SettingsPage

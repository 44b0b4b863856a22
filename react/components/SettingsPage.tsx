import React, { useEffect, useState } from 'react'
import { useMutation, useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import {
  Button,
  Checkbox,
  Heading,
  Inline,
  Page,
  PageContent,
  PageHeader,
  PageHeaderActions,
  PageHeaderTitle,
  PageHeaderTop,
  Stack,
  Text,
  TextInput,
  csx,
  useToast,
} from '@vtex/admin-ui'

import BRIDGE_SETTINGS from '../graphql/bridgeSettings.graphql'
import SAVE_SETTINGS from '../graphql/saveBridgeSettings.graphql'
import { errorText } from '../hooks/useLogActions'

interface MarketplaceForm {
  id: string
  name: string
  baseUrl: string
  hasToken: boolean
  /** Typed by the admin; empty keeps the saved token. */
  token: string
  products: boolean
  inventory: boolean
  tracking: boolean
  isNew: boolean
}

interface Form {
  marketplaces: MarketplaceForm[]
  maxRetries: string
  successRetentionDays: string
  errorRetentionDays: string
  carrierBaseUrl: string
  carrierToken: string
  hasCarrierToken: boolean
  carrierRefreshHours: string
  carrierRefreshDays: string
  partnerToken: string
  hasPartnerToken: boolean
  vtexTrackingEnabled: boolean
  vtexTrackingUsername: string
  vtexTrackingToken: string
  vtexTrackingHasToken: boolean
  vtexTrackingOnlyWithInvoiceFile: boolean
  vtexTrackingStatusUpdates: boolean
  vtexTrackingValidatedAt: string | null
}

interface Settings {
  marketplaces: Array<Omit<MarketplaceForm, 'token' | 'isNew'>>
  maxRetries: number
  successRetentionDays: number
  errorRetentionDays: number
  carrierBaseUrl: string | null
  hasCarrierToken: boolean
  carrierRefreshHours: number
  carrierRefreshDays: number
  hasPartnerToken: boolean
  vtexTracking: {
    enabled: boolean
    username: string | null
    hasToken: boolean
    onlyWithInvoiceFile: boolean
    statusUpdates: boolean
    validatedAt: string | null
  }
}

const toForm = (s: Settings): Form => ({
  marketplaces: s.marketplaces.map((m) => ({ ...m, token: '', isNew: false })),
  maxRetries: String(s.maxRetries),
  successRetentionDays: String(s.successRetentionDays),
  errorRetentionDays: String(s.errorRetentionDays),
  carrierBaseUrl: s.carrierBaseUrl ?? '',
  carrierToken: '',
  hasCarrierToken: s.hasCarrierToken,
  carrierRefreshHours: String(s.carrierRefreshHours),
  carrierRefreshDays: String(s.carrierRefreshDays),
  partnerToken: '',
  hasPartnerToken: s.hasPartnerToken,
  vtexTrackingEnabled: s.vtexTracking.enabled,
  vtexTrackingUsername: s.vtexTracking.username ?? '',
  vtexTrackingToken: '',
  vtexTrackingHasToken: s.vtexTracking.hasToken,
  vtexTrackingOnlyWithInvoiceFile: s.vtexTracking.onlyWithInvoiceFile,
  vtexTrackingStatusUpdates: s.vtexTracking.statusUpdates,
  vtexTrackingValidatedAt: s.vtexTracking.validatedAt,
})

/** A typed secret replaces the saved one; an untouched field keeps it (null). */
const secret = (typed: string) => (typed === '' ? null : typed)
const num = (v: string) => (v.trim() === '' ? null : Number(v))

const toInput = (f: Form) => ({
  marketplaces: f.marketplaces.map((m) => ({
    id: m.id.trim(),
    name: m.name.trim(),
    baseUrl: m.baseUrl.trim(),
    token: secret(m.token),
    products: m.products,
    inventory: m.inventory,
    tracking: m.tracking,
  })),
  maxRetries: num(f.maxRetries),
  successRetentionDays: num(f.successRetentionDays),
  errorRetentionDays: num(f.errorRetentionDays),
  carrierBaseUrl: f.carrierBaseUrl.trim() || null,
  carrierToken: secret(f.carrierToken),
  carrierRefreshHours: num(f.carrierRefreshHours),
  carrierRefreshDays: num(f.carrierRefreshDays),
  partnerToken: secret(f.partnerToken),
  vtexTrackingEnabled: f.vtexTrackingEnabled,
  vtexTrackingUsername: f.vtexTrackingUsername.trim() || null,
  vtexTrackingToken: secret(f.vtexTrackingToken),
  vtexTrackingOnlyWithInvoiceFile: f.vtexTrackingOnlyWithInvoiceFile,
  vtexTrackingStatusUpdates: f.vtexTrackingStatusUpdates,
})

/** A write-only secret: never shown again; left empty, the saved one stays. */
const SecretInput = ({
  label,
  help,
  value,
  onChange,
  testId,
}: {
  label: string
  help: string
  value: string
  onChange: (value: string) => void
  testId?: string
}) => (
  <TextInput
    type="password"
    autoComplete="new-password"
    label={label}
    helpText={help}
    value={value}
    data-testid={testId}
    onChange={(e) => onChange(e.target.value)}
  />
)

const section = csx({
  alignSelf: 'stretch',
  padding: '$space-5',
  border: '$neutral',
  borderRadius: '$base',
})

/** Marketplaces, carrier refresh, partner interface, retention and VTEX Tracking. */
const SettingsPage = ({ logsPath }: { logsPath: string }) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const showToast = useToast()
  const { data, loading, error } = useQuery<{ bridgeSettings: Settings }>(
    BRIDGE_SETTINGS,
    { fetchPolicy: 'network-only' }
  )

  const [save, saving] = useMutation<{ saveBridgeSettings: Settings }>(
    SAVE_SETTINGS
  )

  const [form, setForm] = useState<Form | null>(null)

  useEffect(() => {
    if (data && !form) setForm(toForm(data.bridgeSettings))
  }, [data, form])

  const set = (patch: Partial<Form>) =>
    setForm((f) => (f ? { ...f, ...patch } : f))
  const setMarket = (i: number, patch: Partial<MarketplaceForm>) =>
    setForm((f) =>
      f
        ? {
            ...f,
            marketplaces: f.marketplaces.map((m, j) =>
              j === i ? { ...m, ...patch } : m
            ),
          }
        : f
    )

  const submit = async () => {
    if (!form) return
    try {
      const result = await save({ variables: { input: toInput(form) } })

      if (result.data) setForm(toForm(result.data.saveBridgeSettings))
      showToast({ message: t('settings.saved'), variant: 'positive' })
    } catch (e) {
      showToast({
        message: t('settings.failed', { message: errorText(e) }),
        variant: 'critical',
      })
    }
  }

  const secretHelp = (has: boolean) =>
    has ? t('settings.secret.saved') : t('settings.secret.none')

  return (
    <Page>
      <PageHeader>
        <PageHeaderTop>
          <PageHeaderTitle>{t('settings.title')}</PageHeaderTitle>
          <PageHeaderActions>
            <a href={logsPath} data-testid="back-to-logs">
              {t('settings.backToLogs')}
            </a>
          </PageHeaderActions>
        </PageHeaderTop>
      </PageHeader>
      <PageContent layout="standard">
        {error ? (
          <Text tone="critical">{error.message}</Text>
        ) : loading || !form ? (
          <Text tone="secondary">{t('settings.loading')}</Text>
        ) : (
          <Stack
            space="$space-5"
            className={csx({ paddingY: '$space-5' })}
            data-testid="settings-form"
          >
            <Stack space="$space-3" className={section}>
              <Heading as="h2">{t('settings.marketplaces')}</Heading>
              {form.marketplaces.map((m, i) => (
                <Stack
                  key={i}
                  space="$space-2"
                  data-testid="settings-marketplace"
                >
                  <Inline hSpace="$space-3" vSpace="$space-2">
                    <TextInput
                      label={t('settings.marketplace.id')}
                      value={m.id}
                      disabled={!m.isNew}
                      onChange={(e) => setMarket(i, { id: e.target.value })}
                    />
                    <TextInput
                      label={t('settings.marketplace.name')}
                      value={m.name}
                      onChange={(e) => setMarket(i, { name: e.target.value })}
                    />
                    <TextInput
                      label={t('settings.marketplace.baseUrl')}
                      value={m.baseUrl}
                      onChange={(e) =>
                        setMarket(i, { baseUrl: e.target.value })
                      }
                    />
                    <SecretInput
                      label={t('settings.marketplace.token')}
                      help={secretHelp(m.hasToken)}
                      value={m.token}
                      onChange={(v) => setMarket(i, { token: v })}
                    />
                  </Inline>
                  <Inline hSpace="$space-4">
                    {(['products', 'inventory', 'tracking'] as const).map(
                      (k) => (
                        <Checkbox
                          key={k}
                          label={t(`settings.marketplace.${k}`)}
                          checked={m[k]}
                          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                            setMarket(i, { [k]: e.target.checked })
                          }
                        />
                      )
                    )}
                    <Button
                      variant="tertiary"
                      onClick={() =>
                        set({
                          marketplaces: form.marketplaces.filter(
                            (_, j) => j !== i
                          ),
                        })
                      }
                    >
                      {t('settings.marketplace.remove')}
                    </Button>
                  </Inline>
                </Stack>
              ))}
              <Inline>
                <Button
                  variant="secondary"
                  onClick={() =>
                    set({
                      marketplaces: [
                        ...form.marketplaces,
                        {
                          id: '',
                          name: '',
                          baseUrl: 'https://',
                          hasToken: false,
                          token: '',
                          products: true,
                          inventory: true,
                          tracking: true,
                          isNew: true,
                        },
                      ],
                    })
                  }
                >
                  {t('settings.marketplace.add')}
                </Button>
              </Inline>
            </Stack>

            <Stack space="$space-3" className={section}>
              <Heading as="h2">{t('settings.carrier')}</Heading>
              <Text tone="secondary">{t('settings.carrier.help')}</Text>
              <Inline hSpace="$space-3" vSpace="$space-2">
                <TextInput
                  label={t('settings.carrier.baseUrl')}
                  value={form.carrierBaseUrl}
                  onChange={(e) => set({ carrierBaseUrl: e.target.value })}
                />
                <SecretInput
                  label={t('settings.carrier.token')}
                  help={secretHelp(form.hasCarrierToken)}
                  value={form.carrierToken}
                  onChange={(v) => set({ carrierToken: v })}
                />
                <TextInput
                  type="number"
                  label={t('settings.carrier.everyHours')}
                  value={form.carrierRefreshHours}
                  data-testid="settings-carrier-hours"
                  onChange={(e) => set({ carrierRefreshHours: e.target.value })}
                />
                <TextInput
                  type="number"
                  label={t('settings.carrier.forDays')}
                  value={form.carrierRefreshDays}
                  onChange={(e) => set({ carrierRefreshDays: e.target.value })}
                />
              </Inline>
              <SecretInput
                label={t('settings.partnerToken')}
                help={`${t('settings.partnerToken.help')} ${secretHelp(
                  form.hasPartnerToken
                )}`}
                value={form.partnerToken}
                testId="settings-partner-token"
                onChange={(v) => set({ partnerToken: v })}
              />
            </Stack>

            <Stack space="$space-3" className={section}>
              <Heading as="h2">{t('settings.vtexTracking')}</Heading>
              <Checkbox
                label={t('settings.vtexTracking.enabled')}
                checked={form.vtexTrackingEnabled}
                data-testid="settings-vtex-tracking-enabled"
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  set({ vtexTrackingEnabled: e.target.checked })
                }
              />
              <Inline hSpace="$space-3" vSpace="$space-2">
                <TextInput
                  label={t('settings.vtexTracking.username')}
                  value={form.vtexTrackingUsername}
                  onChange={(e) =>
                    set({ vtexTrackingUsername: e.target.value })
                  }
                />
                <SecretInput
                  label={t('settings.vtexTracking.token')}
                  help={
                    form.vtexTrackingValidatedAt
                      ? t('settings.vtexTracking.validated', {
                          date: intl.formatDate(form.vtexTrackingValidatedAt, {
                            dateStyle: 'short',
                            timeStyle: 'short',
                          } as Intl.DateTimeFormatOptions),
                        })
                      : secretHelp(form.vtexTrackingHasToken)
                  }
                  value={form.vtexTrackingToken}
                  onChange={(v) => set({ vtexTrackingToken: v })}
                />
              </Inline>
              <Checkbox
                label={t('settings.vtexTracking.onlyWithInvoiceFile')}
                checked={form.vtexTrackingOnlyWithInvoiceFile}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  set({ vtexTrackingOnlyWithInvoiceFile: e.target.checked })
                }
              />
              <Checkbox
                label={t('settings.vtexTracking.statusUpdates')}
                checked={form.vtexTrackingStatusUpdates}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  set({ vtexTrackingStatusUpdates: e.target.checked })
                }
              />
            </Stack>

            <Stack space="$space-3" className={section}>
              <Heading as="h2">{t('settings.logs')}</Heading>
              <Inline hSpace="$space-3" vSpace="$space-2">
                <TextInput
                  type="number"
                  label={t('settings.maxRetries')}
                  value={form.maxRetries}
                  onChange={(e) => set({ maxRetries: e.target.value })}
                />
                <TextInput
                  type="number"
                  label={t('settings.successRetentionDays')}
                  value={form.successRetentionDays}
                  onChange={(e) =>
                    set({ successRetentionDays: e.target.value })
                  }
                />
                <TextInput
                  type="number"
                  label={t('settings.errorRetentionDays')}
                  value={form.errorRetentionDays}
                  onChange={(e) => set({ errorRetentionDays: e.target.value })}
                />
              </Inline>
            </Stack>

            <Inline>
              <Button
                onClick={submit}
                disabled={saving.loading}
                data-testid="settings-save"
              >
                {t('settings.save')}
              </Button>
            </Inline>
          </Stack>
        )}
      </PageContent>
    </Page>
  )
}

export default SettingsPage

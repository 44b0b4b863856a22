import { useEffect, useState } from 'react'
import { useMutation, useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'

import BRIDGE_SETTINGS from '../../graphql/bridgeSettings.graphql'
import SAVE_SETTINGS from '../../graphql/saveBridgeSettings.graphql'
import type {
  BridgeSettingsQuery,
  SaveBridgeSettingsMutation,
  SaveBridgeSettingsMutationVariables,
} from '../../graphql/generated'
import { useErrorText } from '../../hooks/useErrorText'
import type { FieldProblem } from '../../utils/errors'
import { problemOf } from '../../utils/errors'
import type { MarketplaceForm, SettingsForm } from './settingsForm'
import { inputOf, toForm, toInput } from './settingsForm'
import { useNotify } from '../../hooks/useNotify'

/** One toast at a time for saving: a success replaces an earlier failure. */
const TOAST_KEY = 'settings-save'

const NEW_MARKETPLACE: MarketplaceForm = {
  id: '',
  name: '',
  kind: 'custom',
  affiliateId: null,
  salesChannel: null,
  baseUrl: 'https://',
  hasToken: false,
  token: '',
  products: true,
  inventory: true,
  tracking: true,
  currency: null,
  isNew: true,
  kindConfig: {},
  secrets: {},
}

/**
 * The settings page's state: the loaded settings as a form, edits, and a
 * save whose refusal puts every field's translated problem on its input.
 */
export function useSettingsForm() {
  const intl = useIntl()
  const showToast = useNotify()
  const { errorText, fieldText } = useErrorText()
  const { data, loading, error } = useQuery<BridgeSettingsQuery>(
    BRIDGE_SETTINGS,
    { fetchPolicy: 'network-only' }
  )

  const [save, saving] = useMutation<
    SaveBridgeSettingsMutation,
    SaveBridgeSettingsMutationVariables
  >(SAVE_SETTINGS)

  const [form, setForm] = useState<SettingsForm | null>(null)
  const [errors, setErrors] = useState<Record<string, FieldProblem[]>>({})

  useEffect(() => {
    if (data && !form) setForm(toForm(data.bridgeSettings))
  }, [data, form])

  // After a refused save, the first field to fix gets the focus.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return
    const first = document.querySelector<HTMLElement>('[aria-invalid="true"]')

    first?.focus()
  }, [errors])

  const set = (patch: Partial<SettingsForm>) =>
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

  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const submit = async () => {
    if (!form) return
    setErrors({})
    try {
      const result = await save({ variables: { input: toInput(form) } })

      if (result.data) setForm(toForm(result.data.saveBridgeSettings))
      showToast({
        key: TOAST_KEY,
        message: t('settings.saved'),
        variant: 'positive',
      })
    } catch (e) {
      const problem = problemOf(e)
      const byInput: Record<string, FieldProblem[]> = {}

      for (const f of problem.fields) {
        const key = inputOf(f.field)

        byInput[key] = [...(byInput[key] ?? []), f]
      }

      setErrors(byInput)
      showToast({
        key: TOAST_KEY,
        variant: 'critical',
        message: problem.fields.length
          ? t('settings.failed.fields', {
              reason: errorText(e),
              count: problem.fields.length,
            })
          : t('settings.failed', { message: errorText(e) }),
      })
    }
  }

  /** The translated problems of one input, or undefined. */
  const errorOf = (input: string) =>
    errors[input]?.map(fieldText).join(' ') || undefined

  return {
    form,
    loading,
    loadError: error ? errorText(error) : null,
    saving: saving.loading,
    set,
    setMarket,
    addMarket: () =>
      form && set({ marketplaces: [...form.marketplaces, NEW_MARKETPLACE] }),
    removeMarket: (i: number) =>
      form &&
      set({ marketplaces: form.marketplaces.filter((_, j) => j !== i) }),
    submit,
    errorOf,
  }
}

export type SettingsFormState = ReturnType<typeof useSettingsForm>

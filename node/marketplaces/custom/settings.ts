import { Fields, SETTINGS_LIMITS } from '../../domain/settingsFields'
import type { SettingsSection } from '../adapter'

/** The custom connector's part of a marketplace's settings. */
export interface CustomConfig {
  /** Base URL of the partner service that answers the connector contract (docs/connector.md). */
  baseUrl: string
  /** Sent as a bearer token; write-only (never returned, never logged). */
  token: string | null
}

type Raw = Record<string, unknown>

/**
 * Validates `{ baseUrl, token }` as the settings page has always done:
 * `baseUrl` an http(s) URL (trailing slashes dropped), `token` a secret of
 * 1 to 4096 characters; bounds of length only when saving, so settings saved
 * before a bound existed still load. Paths: `{path}.baseUrl`, `{path}.token`.
 */
export const customSettings: SettingsSection<CustomConfig> = {
  parse(raw: Raw, path: string, options?: { saving?: boolean }) {
    const f = new Fields(options?.saving ?? false)
    const baseUrl = f.url(raw.baseUrl, `${path}.baseUrl`, true) ?? ''
    const token = f.secret(raw.token, `${path}.token`, 1, SETTINGS_LIMITS.token)

    return f.errors.length > 0
      ? { errors: f.errors }
      : { config: { baseUrl, token } }
  },
  present: (config) => ({
    baseUrl: config.baseUrl,
    hasToken: Boolean(config.token),
  }),
  secrets: ['token'],
}

/**
 * IO's outbound proxy speaks HTTP to the app and opens TLS itself when asked
 * with `X-Vtex-Use-Https: true`: an https URL is sent as http plus that
 * header (plain http URLs go as they are). The proxy then checks the host
 * against the app's outbound-access policies.
 */
export function throughIoProxy(url: string): {
  url: string
  headers: Record<string, string>
} {
  if (/^https:\/\//i.test(url)) {
    return {
      url: `http://${url.slice('https://'.length)}`,
      headers: { 'X-Vtex-Use-Https': 'true' },
    }
  }

  return { url, headers: {} }
}

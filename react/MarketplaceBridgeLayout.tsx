import type { ReactNode } from 'react'
import React from 'react'
import {
  ThemeProvider,
  ToastProvider,
  experimental_I18nProvider as I18nProvider,
} from '@vtex/admin-ui'
import { useRuntime } from 'vtex.render-runtime'

/**
 * The layout around every page of the app (admin/routes.json: "around":
 * ["layout"]): admin-ui's theme and toasts once, admin-ui's own texts and
 * dates in the admin's locale, and the page's main landmark.
 */
const MarketplaceBridgeLayout = ({ children }: { children?: ReactNode }) => {
  const { culture } = useRuntime()

  return (
    <ThemeProvider>
      <I18nProvider locale={culture.locale}>
        <ToastProvider>
          <main>{children}</main>
        </ToastProvider>
      </I18nProvider>
    </ThemeProvider>
  )
}

export default MarketplaceBridgeLayout

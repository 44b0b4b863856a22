import type { ReactNode } from 'react'
import React from 'react'
import {
  ThemeProvider,
  ToastProvider,
  experimental_I18nProvider as I18nProvider,
} from '@vtex/admin-ui'
import { useRuntime } from 'vtex.render-runtime'

/**
 * Focus indicators at 3:1 or more on every background the pages use
 * (admin-ui 0.137.2's rings measure about 2:1 against white).
 */
const FOCUS = `
  :focus-visible {
    outline: 2px solid #1f4fd1;
    outline-offset: 2px;
  }
`

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
          <style>{FOCUS}</style>
          <main>{children}</main>
        </ToastProvider>
      </I18nProvider>
    </ThemeProvider>
  )
}

export default MarketplaceBridgeLayout

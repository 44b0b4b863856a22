import type { ReactNode } from 'react'
import React from 'react'
import { ThemeProvider, ToastProvider } from '@vtex/admin-ui'

/** Mounts admin-ui's theme and toasts once for the whole page. */
const AdminLayout = ({ children }: { children: ReactNode }) => (
  <ThemeProvider>
    <ToastProvider>{children}</ToastProvider>
  </ThemeProvider>
)

export default AdminLayout

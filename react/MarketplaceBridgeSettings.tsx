import React from 'react'

import AdminLayout from './components/AdminLayout'
import SettingsPage from './components/SettingsPage'

/** Admin route admin.app.marketplace-bridge.settings (admin/routes.json). */
const MarketplaceBridgeSettings = () => (
  <AdminLayout>
    <SettingsPage logsPath="/admin/app/marketplace-bridge" />
  </AdminLayout>
)

export default MarketplaceBridgeSettings

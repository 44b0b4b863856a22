import React from 'react'

import SettingsPage from './components/settings/SettingsPage'

/** Admin route admin.app.marketplace-bridge.settings (admin/routes.json). */
const MarketplaceBridgeSettings = () => <SettingsPage />

export default MarketplaceBridgeSettings

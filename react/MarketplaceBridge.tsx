import React from 'react'

import AdminLayout from './components/AdminLayout'
import BridgePage from './components/BridgePage'

/** Admin route admin.app.marketplace-bridge (admin/routes.json). */
const MarketplaceBridge = () => (
  <AdminLayout>
    <BridgePage />
  </AdminLayout>
)

export default MarketplaceBridge

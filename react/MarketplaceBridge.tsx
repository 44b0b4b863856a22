import type { ReactNode } from 'react'
import React from 'react'

import BridgePage from './components/BridgePage'

/**
 * Admin route admin.app.marketplace-bridge (admin/routes.json). As
 * render-runtime nests routes, a nested route (the settings page) arrives as
 * children and is shown instead of the logs.
 */
const MarketplaceBridge = ({ children }: { children?: ReactNode }) =>
  children ? <>{children}</> : <BridgePage />

export default MarketplaceBridge

import type { InstanceOptions, IOContext } from '@vtex/api'
import { IOClients } from '@vtex/api'

import { AdminAuth } from './adminAuth'
import { CarrierHttp } from './carrier'
import { Catalog } from './catalog'
import { Logistics } from './logistics'
import { LogStorage } from './logStorage'
import { MarketplaceHttp } from './marketplace'
import { Oms } from './oms'
import { SchedulerClient } from './scheduler'
import { VtexTrackingClient } from './vtexTracking'

export class Clients extends IOClients {
  constructor(
    options: Record<string, InstanceOptions>,
    public readonly ioContext: IOContext
  ) {
    super(options, ioContext)
  }

  public get logStorage() {
    return this.getOrSet('logStorage', LogStorage)
  }

  public get marketplaceHttp() {
    return this.getOrSet('marketplaceHttp', MarketplaceHttp)
  }

  /** Named apart from IOClients' own `catalog` (a different Catalog client). */
  public get skuCatalog() {
    return this.getOrSet('skuCatalog', Catalog)
  }

  public get logistics() {
    return this.getOrSet('logistics', Logistics)
  }

  public get adminAuth() {
    return this.getOrSet('adminAuth', AdminAuth)
  }

  public get carrierHttp() {
    return this.getOrSet('carrierHttp', CarrierHttp)
  }

  public get vtexTracking() {
    return this.getOrSet('vtexTracking', VtexTrackingClient)
  }

  public get oms() {
    return this.getOrSet('oms', Oms)
  }

  public get scheduler() {
    return this.getOrSet('scheduler', SchedulerClient)
  }
}

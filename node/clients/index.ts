import type { InstanceOptions, IOContext } from '@vtex/api'
import { IOClients } from '@vtex/api'

import { CarrierHttp } from './carrier'
import { Catalog } from './catalog'
import { Logistics } from './logistics'
import { LogStorage } from './logStorage'
import { HttpTransportClient } from './httpTransport'
import { Oms } from './oms'
import { SchedulerClient } from './scheduler'
import { VtexId } from './vtexId'
import { VtexTrackingClient } from './vtexTracking'
import { SalesChannels } from './salesChannels'
import { Affiliates } from './affiliates'
import { LogisticsConfig } from './logisticsConfig'
import { Pricing } from './pricing'

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
    return this.getOrSet('marketplaceHttp', HttpTransportClient)
  }

  /** Named apart from IOClients' own `catalog` (a different Catalog client). */
  public get skuCatalog() {
    return this.getOrSet('skuCatalog', Catalog)
  }

  public get logistics() {
    return this.getOrSet('logistics', Logistics)
  }

  public get vtexId() {
    return this.getOrSet('vtexId', VtexId)
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

  public get salesChannels() {
    return this.getOrSet('salesChannels', SalesChannels)
  }

  public get affiliates() {
    return this.getOrSet('affiliates', Affiliates)
  }

  public get logisticsConfig() {
    return this.getOrSet('logisticsConfig', LogisticsConfig)
  }

  public get pricing() {
    return this.getOrSet('pricing', Pricing)
  }

  public get scheduler() {
    return this.getOrSet('scheduler', SchedulerClient)
  }
}

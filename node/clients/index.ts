import { IOClients } from '@vtex/api'

import { Catalog } from './catalog'
import { Logistics } from './logistics'
import { LogStorage } from './logStorage'
import { MarketplaceHttp } from './marketplace'
import { Oms } from './oms'

export class Clients extends IOClients {
  public get logStorage() {
    return this.getOrSet('logStorage', LogStorage)
  }

  public get marketplaceHttp() {
    return this.getOrSet('marketplaceHttp', MarketplaceHttp)
  }

  public get catalog() {
    return this.getOrSet('catalog', Catalog)
  }

  public get logistics() {
    return this.getOrSet('logistics', Logistics)
  }

  public get oms() {
    return this.getOrSet('oms', Oms)
  }
}

import { IOClients } from '@vtex/api'

import { LogStorage } from './logStorage'
import { MarketplaceHttp } from './marketplace'

export class Clients extends IOClients {
  public get logStorage() {
    return this.getOrSet('logStorage', LogStorage)
  }

  public get marketplaceHttp() {
    return this.getOrSet('marketplaceHttp', MarketplaceHttp)
  }
}

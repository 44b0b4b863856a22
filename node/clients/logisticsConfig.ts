import type { Dock, Warehouse } from '../domain/channels/vtexTypes'
import { AppJanusClient } from './janus'

/** Logistics configuration: docks and warehouses (policy LogisticsViewer, "Logistics viewer"). */
export class LogisticsConfig extends AppJanusClient {
  public docks() {
    return this.getOrNull<Dock[]>(
      '/api/logistics/pvt/configuration/docks',
      'logistics-docks'
    )
  }

  public warehouses() {
    return this.getOrNull<Warehouse[]>(
      '/api/logistics/pvt/configuration/warehouses',
      'logistics-warehouses'
    )
  }
}

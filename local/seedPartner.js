'use strict'

/**
 * A marketplace served by a partner's VTEX connector (kind `partner`) for
 * the local runtime (`npm start`): its log endpoint is the sample connector
 * (local/emulator/partnerConnector), with its app key and token. The bridge
 * sends it nothing; the maintenance pass collects the connector's logs
 * (docs/marketplaces/partner-connectors.md). Tests opt in
 * (startLocal({ partner: true })).
 */
const { PARTNER_CONNECTOR } = require('./emulator/partnerConnector')

const PARTNER_ID = 'parceiro'

const PARTNER = {
  id: PARTNER_ID,
  name: 'Loja Parceira (conector)',
  kind: 'partner',
  config: {
    logBaseUrl: `http://${PARTNER_CONNECTOR.host}`,
    auth: 'appKey',
    appKey: PARTNER_CONNECTOR.appKey,
    appToken: PARTNER_CONNECTOR.appToken,
    lookbackDays: 2,
  },
  products: true,
  inventory: true,
  tracking: true,
}

module.exports = { PARTNER, PARTNER_ID }

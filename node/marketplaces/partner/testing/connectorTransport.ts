/**
 * An HttpTransport into the sample partner connector in the same process
 * (local/emulator/partnerConnector), with its answers parsed as JSON when
 * they are JSON, as on the wire.
 */
import type { HttpRequest, HttpResponse, HttpTransport } from '../../adapter'

export interface ConnectorServer {
  request(r: {
    method: string
    url: string
    headers: Record<string, string>
  }): Promise<{ status: number; headers: Record<string, string>; body: string }>
}

export class ConnectorTransport implements HttpTransport {
  readonly sent: HttpRequest[] = []

  constructor(private readonly server: ConnectorServer) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    this.sent.push(request)
    const res = await this.server.request({
      method: request.method,
      url: request.url,
      headers: request.headers ?? {},
    })

    let { body } = res

    try {
      body = JSON.parse(res.body)
    } catch {
      // Not JSON: kept as text.
    }

    return { status: res.status, headers: res.headers, body }
  }
}

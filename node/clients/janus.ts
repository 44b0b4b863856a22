import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

/** VTEX Core Commerce APIs through Janus, authenticated as the app. */
export class AppJanusClient extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, {
      ...options,
      headers: {
        ...(options?.headers ?? {}),
        VtexIdclientAutCookie: context.authToken,
      },
    })
  }

  /** GET that answers null for 404 (the entity does not exist). */
  protected async getOrNull<T>(url: string, metric: string): Promise<T | null> {
    try {
      return await this.http.get<T>(url, { metric })
    } catch (e) {
      if ((e as { response?: { status?: number } }).response?.status === 404)
        return null
      throw e
    }
  }
}

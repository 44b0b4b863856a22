import type { ScheduleDefinition } from '../domain/schedule'
import { AppJanusClient } from './janus'

const base = (workspace: string, app: string) =>
  `/api/scheduler/${encodeURIComponent(workspace)}/${encodeURIComponent(app)}`

/**
 * VTEX's Scheduler API (as vtex-apps such as return-app call it): a
 * schedule is upserted with PUT /api/scheduler/{workspace}/{app}?version=4
 * and read with GET …/{id}?version=4, authenticated as the app.
 */
export class SchedulerClient extends AppJanusClient {
  public get(workspace: string, app: string, id: string) {
    return this.getOrNull<ScheduleDefinition>(
      `${base(workspace, app)}/${encodeURIComponent(id)}?version=4`,
      'scheduler-get'
    )
  }

  public put(workspace: string, app: string, schedule: ScheduleDefinition) {
    return this.http.put(`${base(workspace, app)}?version=4`, schedule, {
      metric: 'scheduler-put',
    })
  }
}

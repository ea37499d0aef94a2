import type { ServiceContext } from '../context';
import type { HandlersOf } from '../createServices';
import { getDashboard } from './dashboardQuery';
import { exportDashboard } from './exportDashboard';

export function dashboardHandlers(ctx: ServiceContext): HandlersOf<'dashboard.'> {
  return {
    'dashboard.get': (input) => getDashboard(ctx, input),
    'dashboard.export': (input) => exportDashboard(ctx, input),
  };
}

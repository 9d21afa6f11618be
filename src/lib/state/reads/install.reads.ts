// Whether Today's install suggestion was dismissed on this device, and when.
import type { Query } from './query';

export const installDismissedAt: Query<number | undefined> = (r) =>
	r.settings.get('installDismissedAt');

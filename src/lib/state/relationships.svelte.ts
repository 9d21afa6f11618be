/** A contact page's touchpoints, interviews and give-and-take, with the actions that change them. */
import { touchpoints } from '$lib/services/app';
import type { Contact } from '$lib/domain/contact';
import { todayIso } from '$lib/domain/dates';
import type { Touchpoint } from '$lib/domain/touchpoint';
import { describeCadence } from '$lib/domain/cadence';
import { attempt } from './attempt';
import { Busy } from './busy.svelte';
import { live } from './live.svelte';
import { contactRelationships as read, NO_RELATIONSHIPS } from './reads/contact-page.reads';

export type { Relationships } from './reads/contact-page.reads';

/** Call during component initialisation; `id` is read in an effect, so it may change. */
export function contactRelationships(id: () => string) {
	const data = live(() => read(id()), NO_RELATIONSHIPS);
	const busy = new Busy();

	return {
		data,
		busy,
		remove(t: Touchpoint) {
			return busy.run(() =>
				attempt(() => touchpoints.remove(t.id), {
					success: 'Touchpoint deleted.',
					action: {
						label: 'Undo',
						run: async (removed) => {
							if (removed) await touchpoints.restore(removed);
						}
					}
				})
			);
		},
		setCadence(contact: Contact, days: number | undefined) {
			return busy.run(() =>
				attempt(() => touchpoints.setKeepInTouch(contact.id, days, { today: todayIso() }), {
					success: days
						? `${describeCadence(days)}: the next follow-up with ${contact.name} is set.`
						: `No more regular reminders for ${contact.name}.`,
					action: {
						label: 'Undo',
						run: async (before) => {
							if (before) await touchpoints.restoreKeepInTouch(before);
						}
					}
				})
			);
		}
	};
}

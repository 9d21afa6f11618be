/**
 * One-tap actions on a contact's tags and intro requests, for the contact page and Today: each
 * runs through `attempt` (errors become messages) and offers Undo where something is removed.
 */
import type { Contact, IntroRequest } from '$lib/domain/contact';
import { introRequests, tags } from '$lib/services/app';
import { attempt } from './attempt';
import { showToast } from './toasts.svelte';

type Who = Pick<Contact, 'id' | 'name'>;

/** True when the box can be cleared: the tags were added, or were there already. */
export async function addTags(contact: Who, text: string): Promise<boolean> {
	const done = await attempt(() => tags.add(contact.id, text));
	if (done.ok && done.value.length === 0) showToast(`${contact.name} already has that tag.`);
	return done.ok;
}

export async function removeTag(contact: Who, tag: string): Promise<void> {
	await attempt(() => tags.remove(contact.id, tag), {
		success: `Removed #${tag} from ${contact.name}.`,
		action: { label: 'Undo', run: (index) => tags.restore(contact.id, tag, index) }
	});
}

/** An error message to show by the field, or undefined once added. */
export async function addIntroRequest(contact: Who, who: string): Promise<string | undefined> {
	const done = await attempt(() => introRequests.add(contact.id, who));
	if (!done.ok) return 'That could not be saved just now; try again.';
	return done.value.ok ? undefined : done.value.message;
}

export async function setIntroRequestDone(
	contact: Who,
	request: IntroRequest,
	done: boolean
): Promise<void> {
	await attempt(() => introRequests.setDone(contact.id, request.id, done), {
		success: done ? `Asked ${contact.name} about ${request.who}. Nicely done.` : 'Open again.',
		action: {
			label: 'Undo',
			run: () => introRequests.setDone(contact.id, request.id, !done)
		}
	});
}

export async function removeIntroRequest(contact: Who, request: IntroRequest): Promise<void> {
	await attempt(() => introRequests.remove(contact.id, request.id), {
		success: `Deleted the request: ${request.who}.`,
		action: {
			label: 'Undo',
			run: async (removed) => {
				if (removed) await introRequests.restore(contact.id, removed);
			}
		}
	});
}

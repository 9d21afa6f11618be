// Messages ready to send: every template (built-in, changed and own), and what the composer fills
// a message from: the contact, who introduced them, the interview, what they last gave, my card.
import type { Contact } from '$lib/domain/contact';
import type { Interview } from '$lib/domain/interview';
import { listTemplates, type ListedTemplate } from '$lib/domain/message-fill';
import type { MyCard } from '$lib/domain/my-card';
import type { Outcome } from '$lib/domain/touchpoint';
import type { Query } from './query';

export const templateList: Query<ListedTemplate[]> = async (r) =>
	listTemplates(await r.templates.all());

export interface ComposerView {
	contact?: Contact;
	introducer?: Contact;
	interview?: Interview;
	/** What they gave in the latest touchpoint that gave anything. */
	received?: Outcome[];
	me?: MyCard;
	templates: ListedTemplate[];
}

export const NO_COMPOSER: ComposerView = { templates: [] };

export function composerView(contactId: string, interviewId?: string): Query<ComposerView> {
	return async (r) => {
		const [contact, interview, touchpoints, me, templates] = await Promise.all([
			r.contacts.get(contactId),
			interviewId ? r.interviews.get(interviewId) : undefined,
			r.interactions.ofContact(contactId),
			r.settings.get('myCard'),
			templateList(r)
		]);
		const introducer = contact?.introducedById
			? await r.contacts.get(contact.introducedById)
			: undefined;
		const received = touchpoints.find((t) => t.received.length > 0)?.received;
		return {
			...(contact ? { contact } : {}),
			...(introducer ? { introducer } : {}),
			// An interview with someone else is not this message's.
			...(interview && interview.contactId === contactId && interview.deletedAt === undefined
				? { interview }
				: {}),
			...(received ? { received } : {}),
			...(me ? { me } : {}),
			templates
		};
	};
}

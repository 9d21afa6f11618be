// Loaded on use: the capture form opens before the database code has loaded.
const repos = async () => (await import('$lib/db')).getRepos();
import type { ContactRef } from '$lib/domain/contact';

/** Resolves the chosen introducer's name and searches contacts for the picker. */
export function introducerPicker(getId: () => string, excludeId?: string) {
	let selected = $state<ContactRef | undefined>();
	$effect(() => {
		const id = getId();
		if (!id) {
			selected = undefined;
			return;
		}
		let current = true;
		void repos()
			.then((r) => r.contacts.get(id))
			.then((c) => {
				if (current)
					selected = c ? { id: c.id, name: c.name, organization: c.organization } : undefined;
			});
		return () => {
			current = false;
		};
	});
	return {
		get selected() {
			return selected;
		},
		async search(query: string): Promise<ContactRef[]> {
			const page = await (await repos()).contacts.search({ query, limit: 7 });
			return page.contacts
				.filter((c) => c.id !== excludeId)
				.map((c) => ({ id: c.id, name: c.name, organization: c.organization }));
		}
	};
}

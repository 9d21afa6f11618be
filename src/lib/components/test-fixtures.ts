// Shared by the component tests: a minimal valid contact, and markup that must never run when shown.
import type { Contact } from '$lib/domain/contact';

export const IMG = '<img src=x onerror="window.__pwned=1">';
export const SCRIPT = '<script>window.__pwned=1</script>';

export function contact(overrides: Partial<Contact> = {}): Contact {
	return {
		id: 'c1',
		name: 'Ama Mensah',
		emails: [],
		phones: [],
		links: [],
		tags: [],
		createdAt: 1,
		updatedAt: 1,
		version: 1,
		...overrides
	};
}

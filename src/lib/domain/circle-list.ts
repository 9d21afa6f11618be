// The circles as data, without zod, for the capture form's first paint; the schema is in circles.ts.

/** Where people know each other from: the places a network already lives. */
export const CIRCLES = [
	{ id: 'family', label: 'Family' },
	{ id: 'friends', label: 'Friends' },
	{ id: 'roommates', label: 'Roommates' },
	{ id: 'partner', label: 'Partner' },
	{ id: 'teachers', label: 'Teachers & staff' },
	{ id: 'classmates', label: 'Classmates' },
	{ id: 'alumni', label: 'Alumni' },
	{ id: 'coworkers', label: 'Co-workers' },
	{ id: 'neighbours', label: 'Neighbours' },
	{ id: 'clubs', label: 'Clubs & associations' },
	{ id: 'gym', label: 'Gym' },
	{ id: 'coffee', label: 'Coffee house' },
	{ id: 'shop', label: 'Local shop' },
	{ id: 'faith', label: 'Faith community' },
	{ id: 'online', label: 'Online' },
	{ id: 'events', label: 'Events & conferences' },
	{ id: 'other', label: 'Other' }
] as const;

export type CircleId = (typeof CIRCLES)[number]['id'];

const labels = new Map<string, string>(CIRCLES.map((c) => [c.id, c.label]));

export function circleLabel(id: string | undefined): string {
	return (id && labels.get(id)) || 'No circle';
}

/**
 * Figures for the Network page: how contacts spread over the circles, who introduced the most
 * people, and which introductions the good things you received came through. Pure and cycle-safe:
 * each contact's line of introducers is worked out once, with a visited set and a depth limit.
 */
import { CIRCLES, circleLabel } from './circles';
import type { Contact } from './contact';
import { OUTCOMES, type Touchpoint, type Outcome } from './touchpoint';
import { CHAIN_UP_MAX } from './referral-chain';
import { count } from './plural';

export type NetworkContact = Pick<
	Contact,
	'id' | 'name' | 'circle' | 'introducedById' | 'deletedAt'
>;
export type NetworkTouchpoint = Pick<Touchpoint, 'contactId' | 'received' | 'deletedAt'>;

export interface CircleShare {
	/** A circle's id, or '' for contacts with no circle yet. */
	id: string;
	label: string;
	count: number;
	/** Of all live contacts, 0 to 1. */
	share: number;
}

export interface Introducer {
	id: string;
	name: string;
	deleted: boolean;
	/** People they introduced themselves (live ones). */
	direct: number;
	/** Everyone down their chain: the people they introduced, those people's introductions, ... */
	reach: number;
}

export interface OutcomeSource {
	id: string;
	name: string;
	deleted: boolean;
	counts: Partial<Record<Outcome, number>>;
	total: number;
	/**
	 * People further down the same chain who would be credited with exactly the same outcomes,
	 * in chain order: told once ("... Ana introduced, by way of Ben and Cleo") rather than thrice.
	 */
	via: Array<{ id: string; name: string }>;
}

export interface NetworkStats {
	live: number;
	circles: CircleShare[];
	introducers: Introducer[];
	/** Every outcome received from live contacts, by kind. */
	outcomes: Partial<Record<Outcome, number>>;
	/** Outcomes received from people someone introduced, credited to everyone up their chain. */
	sources: OutcomeSource[];
}

/** Singular and plural nouns, for sentences such as "3 interviews came through ...". */
export const OUTCOME_NOUNS: Record<Outcome, [one: string, many: string]> = {
	'inside-info': ['bit of inside information', 'bits of inside information'],
	'job-search-advice': ['piece of job-search advice', 'pieces of job-search advice'],
	'resume-tips': ['set of resume tips', 'sets of resume tips'],
	'portfolio-tips': ['set of portfolio tips', 'sets of portfolio tips'],
	names: ['new name to contact', 'new names to contact'],
	interview: ['interview', 'interviews'],
	'job-offer': ['job offer', 'job offers'],
	other: ['other good turn', 'other good turns']
};

export function outcomeCount(n: number, outcome: Outcome): string {
	const [one, many] = OUTCOME_NOUNS[outcome];
	return count(n, one, many);
}

/** The most telling outcome first: offers and interviews before tips. */
const WEIGHT: Outcome[] = [
	'job-offer',
	'interview',
	'names',
	'inside-info',
	'job-search-advice',
	'resume-tips',
	'portfolio-tips',
	'other'
];

/** Outcomes in the order they are best told, for lists and sentences. */
export function outcomesInOrder(counts: Partial<Record<Outcome, number>>): Outcome[] {
	return WEIGHT.filter((o) => (counts[o] ?? 0) > 0);
}

const isLive = (c: NetworkContact) => c.deletedAt === undefined;

export function networkStats(
	contacts: NetworkContact[],
	interactions: NetworkTouchpoint[],
	{ top = 5 }: { top?: number } = {}
): NetworkStats {
	const byId = new Map(contacts.map((c) => [c.id, c]));
	const live = contacts.filter(isLive);

	const perCircle = new Map<string, number>();
	for (const c of live) perCircle.set(c.circle ?? '', (perCircle.get(c.circle ?? '') ?? 0) + 1);
	const order = new Map<string, number>(CIRCLES.map((c, i) => [c.id, i]));
	const circles = [...perCircle]
		.map(([id, count]) => ({
			id,
			label: id ? circleLabel(id) : 'No circle yet',
			count,
			share: count / live.length
		}))
		.sort((a, b) => b.count - a.count || (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));

	// Each contact's introducers, nearest first, worked out once and cycle-safe.
	const lines = new Map<string, string[]>();
	const lineOf = (id: string): string[] => {
		const known = lines.get(id);
		if (known) return known;
		const line: string[] = [];
		const seen = new Set([id]);
		let cursor = byId.get(id)?.introducedById;
		while (cursor && !seen.has(cursor) && byId.has(cursor) && line.length < CHAIN_UP_MAX) {
			seen.add(cursor);
			line.push(cursor);
			cursor = byId.get(cursor)!.introducedById;
		}
		lines.set(id, line);
		return line;
	};

	const direct = new Map<string, number>();
	const reach = new Map<string, number>();
	for (const c of live) {
		const line = lineOf(c.id);
		if (line[0]) direct.set(line[0], (direct.get(line[0]) ?? 0) + 1);
		for (const up of line) reach.set(up, (reach.get(up) ?? 0) + 1);
	}
	const introducers = [...direct]
		.map(([id, n]) => {
			const c = byId.get(id)!;
			return { id, name: c.name, deleted: !isLive(c), direct: n, reach: reach.get(id) ?? n };
		})
		.sort((a, b) => b.direct - a.direct || b.reach - a.reach || a.name.localeCompare(b.name))
		.slice(0, top);

	const outcomes: Partial<Record<Outcome, number>> = {};
	const credit = new Map<string, Partial<Record<Outcome, number>>>();
	for (const i of interactions) {
		if (i.deletedAt !== undefined || i.received.length === 0) continue;
		const from = byId.get(i.contactId);
		if (!from || !isLive(from)) continue;
		const kinds = new Set(i.received.filter((o) => OUTCOMES.includes(o)));
		const line = lineOf(from.id);
		for (const o of kinds) {
			outcomes[o] = (outcomes[o] ?? 0) + 1;
			for (const up of line) {
				const counts = credit.get(up) ?? {};
				counts[o] = (counts[o] ?? 0) + 1;
				credit.set(up, counts);
			}
		}
	}
	const score = (counts: Partial<Record<Outcome, number>>) =>
		WEIGHT.reduce((sum, o, rank) => sum + (counts[o] ?? 0) * (WEIGHT.length - rank), 0);
	const ranked = [...credit]
		.map(([id, counts]) => {
			const c = byId.get(id)!;
			const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
			return { id, name: c.name, deleted: !isLive(c), counts, total, score: score(counts) };
		})
		// Ties go to whoever is higher up a chain, so they are met before the people below them.
		.sort(
			(a, b) =>
				b.score - a.score ||
				b.total - a.total ||
				lineOf(a.id).length - lineOf(b.id).length ||
				a.name.localeCompare(b.name)
		);
	// Someone credited with the very same outcomes as a person up their line adds nothing new:
	// they are named on that person's line instead.
	const key = (counts: Partial<Record<Outcome, number>>) =>
		JSON.stringify(outcomesInOrder(counts).map((o) => [o, counts[o]]));
	const kept = new Map<string, OutcomeSource>();
	for (const entry of ranked) {
		const same = lineOf(entry.id).filter((up) => {
			const counts = credit.get(up);
			return counts && key(counts) === key(entry.counts);
		});
		if (same.length === 0) {
			const { score: _s, ...rest } = entry;
			kept.set(entry.id, { ...rest, via: [] });
		} else kept.get(same.at(-1)!)?.via.push({ id: entry.id, name: entry.name });
	}
	const sources = [...kept.values()].slice(0, top);

	return { live: live.length, circles, introducers, outcomes, sources };
}

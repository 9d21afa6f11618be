// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, makeTouchpoint } from '$lib/db/testing/factories';
import { touch, write } from '$lib/db';
import type { Contact } from '$lib/domain/contact';
import {
	crashing,
	device,
	memoryPouch,
	round,
	settleAll,
	sharedKey,
	type Device
} from './testing/devices';
import {
	keepPausedRecords,
	pull,
	pullAll,
	pullArrived,
	push,
	sent,
	MassDeletePaused
} from './bridge';

async function contactsOf(d: Device) {
	return (await d.db.contacts.toArray())
		.map(({ words: _w, asking: _a, ...c }) => c)
		.sort((a, b) => a.id.localeCompare(b.id));
}

async function twoDevices() {
	const key = await sharedKey();
	return { a: device('a', key), b: device('b', key), server: memoryPouch('server') };
}

describe('the sync bridge', () => {
	it('carries a capture on one device to the other, touchpoints and audio included', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana Ruiz', organization: 'City Library' });
		await write(a.db, ['contacts', 'interactions', 'recordings'], async (r) => {
			await r.contacts.put(ana);
			await r.interactions.put(makeTouchpoint({ id: 't1', contactId: ana.id }));
			await r.recordings.put({
				id: 'rec1',
				pitchId: 'p1',
				blob: new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'audio/webm' }),
				mimeType: 'audio/webm',
				durationMs: 1200,
				createdAt: 5
			});
		});
		await settleAll([a, b], server);
		expect(await contactsOf(b)).toEqual(await contactsOf(a));
		expect((await repos(b.db).interactions.get('t1'))?.contactId).toBe(ana.id);
		const rec = await repos(b.db).recordings.get('rec1');
		expect(rec?.blob.type).toBe('audio/webm');
		expect([...new Uint8Array(await rec!.blob.arrayBuffer())]).toEqual([1, 2, 3, 4]);
		expect(await a.db.syncOutbox.count()).toBe(0);
		expect(await b.db.syncOutbox.count()).toBe(0);
	});

	it('leaves recordings off a device that chose not to keep them, and brings the rest', async () => {
		const { a, b, server } = await twoDevices();
		await write(a.db, ['pitches', 'recordings'], async (r) => {
			await r.recordings.put({
				id: 'rec1',
				pitchId: 'p1',
				blob: new Blob([new Uint8Array([9, 9])], { type: 'audio/webm' }),
				mimeType: 'audio/webm',
				durationMs: 900,
				createdAt: 5
			});
		});
		await repos(a.db).contacts.put(makeContact({ name: 'Ana' }));
		await settleAll([a], server);
		await b.pouch.replicate.from(server);
		while ((await pull(b, { recordings: false })).more);
		expect(await repos(b.db).recordings.count()).toBe(0);
		expect(await contactsOf(b)).toHaveLength(1);
	});

	it('keeps a change counted as waiting until the server has it', async () => {
		const { a, server } = await twoDevices();
		await repos(a.db).contacts.put(makeContact({ name: 'Ana' }));
		await push(a);
		// In the replica, not yet on the server: still waiting, and not pushed twice.
		expect(await a.db.syncOutbox.count()).toBe(1);
		expect((await push(a)).pushed).toBe(0);
		await a.pouch.replicate.to(server);
		await sent(a);
		expect(await a.db.syncOutbox.count()).toBe(0);
	});

	it('keeps the server blind: no name, note or audio byte in what it stores', async () => {
		const { a, server } = await twoDevices();
		await repos(a.db).contacts.put(
			makeContact({ name: 'Zanzibar Quill', notes: 'sentinel-note-xyz' })
		);
		await settleAll([a], server);
		const raw = JSON.stringify(await server.allDocs({ include_docs: true }));
		expect(raw).toContain('contacts:');
		expect(raw).not.toContain('Zanzibar');
		expect(raw).not.toContain('sentinel-note');
	});

	it('merges edits to different fields made offline on both devices, with no card', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', organization: 'Library', notes: 'Met at the fair' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		const edit = async (d: Device, change: object) =>
			write(d.db, ['contacts'], async (r) => {
				const c = (await r.contacts.get(ana.id))!;
				await r.contacts.put(touch({ ...c, ...change }, Date.now()));
			});
		await edit(a, { organization: 'City Library' });
		await edit(b, { notes: 'Met at the fair; likes archives' });
		await settleAll([a, b], server);
		const [onA] = await contactsOf(a);
		expect(onA).toMatchObject({
			organization: 'City Library',
			notes: 'Met at the fair; likes archives'
		});
		expect(await contactsOf(b)).toEqual(await contactsOf(a));
		expect(await a.db.conflicts.count()).toBe(0);
		expect(await b.db.conflicts.count()).toBe(0);
	});

	it('sends a merge to the server in the round that settles it', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', organization: 'Library', notes: 'Met at the fair' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		const edit = async (d: Device, change: object) =>
			write(d.db, ['contacts'], async (r) => {
				const c = (await r.contacts.get(ana.id))!;
				await r.contacts.put(touch({ ...c, ...change }, Date.now()));
			});
		await edit(a, { organization: 'City Library' });
		await edit(b, { notes: 'Met at the fair; likes archives' });
		await round(a, server);
		// B's edit makes the clash on the server, B's replica hears of A's side and settles it: the
		// merged revision, written after what arrived, still goes up before the round ends (the way
		// back starts where the way down ended).
		await round(b, server);
		const onServer = await server.get(`contacts:${ana.id}`, { conflicts: true });
		expect(onServer._conflicts ?? []).toEqual([]);
		await round(a, server);
		expect((await contactsOf(a))[0]).toMatchObject({
			organization: 'City Library',
			notes: 'Met at the fair; likes archives'
		});
		expect(await contactsOf(b)).toEqual(await contactsOf(a));
	});

	it('pulls batch after batch, each read while the one before is written', async () => {
		const { a, b, server } = await twoDevices();
		const rows = Array.from({ length: 11 }, (_, i) => makeContact({ name: `P${i}` }));
		await repos(a.db).contacts.putMany(rows);
		await repos(a.db).interactions.put(makeTouchpoint({ id: 't1', contactId: rows[0]!.id }));
		await settleAll([a], server);
		await b.pouch.replicate.from(server);
		expect(await pullAll(b, { limit: 3 })).toEqual({
			applied: 12,
			more: false,
			held: 0,
			refused: 0,
			settled: 0
		});
		expect(await contactsOf(b)).toEqual(await contactsOf(a));
		expect(await b.db.interactions.count()).toBe(1);
		expect(await b.db.syncOutbox.count()).toBe(0);
		expect(await pull(b)).toEqual({ applied: 0, more: false, held: 0, refused: 0, settled: 0 });
	});

	it('applies whole batches while a replication runs, leaving the rest and any clash to pullAll', async () => {
		const { a, b, server } = await twoDevices();
		const rows = Array.from({ length: 7 }, (_, i) => makeContact({ name: `P${i}`, notes: 'x' }));
		await repos(a.db).contacts.putMany(rows);
		await settleAll([a], server);
		await b.pouch.replicate.from(server);
		expect(await pullArrived(b, { limit: 3 })).toEqual({ clash: false });
		expect(await b.db.contacts.count()).toBe(6);
		expect(await b.db.syncOutbox.count()).toBe(0);
		expect(await pullAll(b, { limit: 3 })).toMatchObject({ applied: 1 });
		expect(await contactsOf(b)).toEqual(await contactsOf(a));

		// A clash: left as it is, to be settled once the replication is over.
		for (const [d, change] of [
			[a, { organization: 'City Library' }],
			[b, { notes: 'y' }]
		] as const)
			await write(d.db, ['contacts'], async (r) => {
				const c = (await r.contacts.get(rows[0]!.id))!;
				await r.contacts.put(touch({ ...c, ...change }, Date.now()));
			});
		await round(a, server);
		await push(b);
		await b.pouch.replicate.from(server);
		expect(await pullArrived(b, { limit: 1 })).toEqual({ clash: true });
		const before = await repos(b.db).contacts.get(rows[0]!.id);
		expect([before?.notes, before?.organization]).toEqual(['y', rows[0]!.organization]);
		expect(await pullAll(b)).toMatchObject({ applied: 1, settled: 1 });
		expect(await repos(b.db).contacts.get(rows[0]!.id)).toMatchObject({
			notes: 'y',
			organization: 'City Library'
		});
	});

	it('applies in the same pull what a clash it settled merged into', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', organization: 'Library', notes: 'x' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		for (const [d, change] of [
			[a, { organization: 'City Library' }],
			[b, { notes: 'y' }]
		] as const)
			await write(d.db, ['contacts'], async (r) => {
				const c = (await r.contacts.get(ana.id))!;
				await r.contacts.put(touch({ ...c, ...change }, Date.now()));
			});
		await round(a, server);
		await push(b);
		await b.pouch.replicate.from(server);
		expect(await pullAll(b)).toMatchObject({ applied: 1, settled: 1 });
		expect((await contactsOf(b))[0]).toMatchObject({ organization: 'City Library', notes: 'y' });
	});

	it('stops pulling at a batch that would delete many, keeping the batches before it', async () => {
		const { a, b, server } = await twoDevices();
		const rows = Array.from({ length: 10 }, (_, i) => makeContact({ name: `P${i}` }));
		await repos(a.db).contacts.putMany(rows);
		await settleAll([a, b], server);
		// Three new contacts reach B's replica first, then three deletes: a batch of each.
		await repos(a.db).contacts.putMany([1, 2, 3].map((i) => makeContact({ name: `New ${i}` })));
		await round(a, server);
		await b.pouch.replicate.from(server);
		await repos(a.db).contacts.bulkRemove(rows.slice(0, 3).map((r) => r.id));
		await round(a, server);
		await b.pouch.replicate.from(server);
		await expect(pullAll(b, { limit: 3 })).rejects.toBeInstanceOf(MassDeletePaused);
		expect(await contactsOf(b)).toHaveLength(13);
		await pullAll(b, { limit: 3, allowDeletes: true });
		expect(await contactsOf(b)).toHaveLength(10);
	});

	it('gives a field changed on both one value everywhere, and the same card on both', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', organization: 'Library' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		for (const [d, org] of [
			[a, 'City Library'],
			[b, 'State Archive']
		] as const)
			await write(d.db, ['contacts'], async (r) => {
				const c = (await r.contacts.get(ana.id))!;
				await r.contacts.put(touch({ ...c, organization: org }, Date.now()));
			});
		await settleAll([a, b], server);
		const [onA] = await contactsOf(a);
		expect(await contactsOf(b)).toEqual(await contactsOf(a));
		const cardsA = await a.db.conflicts.toArray();
		expect(cardsA).toHaveLength(1);
		expect(await b.db.conflicts.toArray()).toEqual(cardsA);
		const card = cardsA[0]!;
		expect(card.field).toBe('organization');
		expect(card.kept).toBe(onA!.organization);
		expect([card.kept, card.other].sort()).toEqual(['City Library', 'State Archive']);
	});

	it('files a second clash on a field whose card is still open, instead of dropping it', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', organization: 'Library' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		const clash = async (onA: string, onB: string) => {
			for (const [d, org] of [
				[a, onA],
				[b, onB]
			] as const)
				await write(d.db, ['contacts'], async (r) => {
					const c = (await r.contacts.get(ana.id))!;
					await r.contacts.put(touch({ ...c, organization: org }, Date.now()));
				});
			await settleAll([a, b], server);
		};
		await clash('City Library', 'State Archive');
		await clash('City Library, 2nd floor', 'State Archive, annex');
		const [onA] = await contactsOf(a);
		const cards = await a.db.conflicts.toArray();
		expect(await b.db.conflicts.toArray()).toEqual(cards);
		expect(cards).toHaveLength(1);
		expect(cards[0]!.kept).toBe(onA!.organization);
		expect([cards[0]!.kept, cards[0]!.other].sort()).toEqual([
			'City Library, 2nd floor',
			'State Archive, annex'
		]);
	});

	it('settles a clash both devices saw at once without starting a new one (no ping-pong)', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', organization: 'Library' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		for (const [d, org] of [
			[a, 'City Library'],
			[b, 'State Archive']
		] as const) {
			await write(d.db, ['contacts'], async (r) => {
				const c = (await r.contacts.get(ana.id))!;
				await r.contacts.put(touch({ ...c, organization: org }, Date.now()));
			});
			await push(d);
			await d.pouch.replicate.to(server);
			await sent(d);
		}
		// Each time, both replicas hold the same clash and settle it before hearing of the other's
		// settling: the worst timing two devices syncing at once can have.
		const lockstep = async () => {
			for (const d of [a, b]) await d.pouch.replicate.from(server);
			for (const d of [a, b]) while ((await pull(d)).more);
			for (const d of [a, b]) {
				while ((await push(d)).more);
				await d.pouch.replicate.to(server);
				await sent(d);
			}
		};
		for (let i = 0; i < 3; i++) await lockstep();
		const seq = (await server.info()).update_seq;
		await lockstep();
		expect((await server.info()).update_seq).toBe(seq);
		expect(await contactsOf(b)).toEqual(await contactsOf(a));
		expect(await a.db.conflicts.count()).toBe(1);
	});

	it('merges a change made on a branch another device had already merged against that merge', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', organization: 'Library', notes: 'x' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		const edit = (d: Device, change: object) =>
			write(d.db, ['contacts'], async (r) => {
				const c = (await r.contacts.get(ana.id))!;
				await r.contacts.put(touch({ ...c, ...change }, Date.now()));
			});
		// a's branch is the longer one, so it is the engine's winner and b's branch is closed.
		await edit(a, { organization: 'City' });
		await push(a);
		await edit(a, { organization: 'City Library' });
		await push(a);
		await edit(b, { notes: 'first' });
		await push(b);
		await b.pouch.replicate.to(server);
		await a.pouch.replicate.to(server);
		await a.pouch.replicate.from(server);
		await pull(a);
		await a.pouch.replicate.to(server);
		// b edits the same field again before it hears of a's merge.
		await edit(b, { notes: 'second' });
		await settleAll([b, a], server);
		for (const d of [a, b]) {
			const [c] = await contactsOf(d);
			expect(c).toMatchObject({ organization: 'City Library', notes: 'second' });
			expect(await d.db.conflicts.toArray()).toEqual([]);
		}
	});

	it('merges two devices that each settled the same clash their own way (a criss-cross) with no false card', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', organization: 'Library', notes: 'x' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		const edit = async (d: Device, change: object) => {
			await write(d.db, ['contacts'], async (r) => {
				const c = (await r.contacts.get(ana.id))!;
				await r.contacts.put(touch({ ...c, ...change }, Date.now()));
			});
			await push(d);
		};
		await edit(a, { organization: 'City' });
		await edit(a, { organization: 'City Library' });
		await edit(b, { notes: 'first' });
		for (const d of [a, b]) await d.pouch.replicate.to(server);
		for (const d of [a, b]) await d.pouch.replicate.from(server);
		// a settles the clash on its own (longer) branch, and sends it.
		await pull(a);
		await push(a);
		await a.pouch.replicate.to(server);
		// b, before it hears of that, edits the same note twice more and settles on its branch.
		await edit(b, { notes: 'second' });
		await edit(b, { notes: 'third' });
		await pull(b);
		await push(b);
		await b.pouch.replicate.to(server);
		await settleAll([a, b], server);
		for (const d of [a, b]) {
			const [c] = await contactsOf(d);
			expect(c).toMatchObject({ organization: 'City Library', notes: 'third' });
			expect(await d.db.conflicts.toArray()).toEqual([]);
		}
	});

	it('merges a change made on a closed branch against it on a device that never had its body', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', notes: 'x' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		const edit = async (d: Device, change: object) => {
			await write(d.db, ['contacts'], async (r) => {
				const c = (await r.contacts.get(ana.id))!;
				await r.contacts.put(touch({ ...c, ...change }, Date.now()));
			});
			await push(d);
		};
		await edit(a, { name: 'Ana first' });
		await a.pouch.replicate.to(server);
		await write(a.db, ['contacts'], async (r) => {
			const c = (await r.contacts.get(ana.id))!;
			await r.contacts.put(touch({ ...c, name: 'Ana second' }, Date.now()));
		});
		// b's branch is the longer one: a's settle closes a's own branch into b's.
		await edit(b, { notes: 'from b' });
		await edit(b, { notes: 'from b, again' });
		await b.pouch.replicate.to(server);
		await a.pouch.replicate.from(server);
		await pull(a);
		// a's second name goes on a's own (closed) branch, which b only ever sees inside the tree.
		await push(a);
		await a.pouch.replicate.to(server);
		await b.pouch.replicate.from(server);
		await pull(b);
		await settleAll([b, a], server);
		for (const d of [a, b]) {
			const [c] = await contactsOf(d);
			expect(c).toMatchObject({ name: 'Ana second', notes: 'from b, again' });
			expect(await d.db.conflicts.toArray()).toEqual([]);
		}
	});

	it('leaves branches it cannot merge as they were made to the device that can, losing no card', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', organization: 'Library' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		const edit = (d: Device, change: object) =>
			write(d.db, ['contacts'], async (r) => {
				const c = (await r.contacts.get(ana.id))!;
				await r.contacts.put(touch({ ...c, ...change }, Date.now()));
			});
		await edit(b, { name: 'B1' });
		await push(b);
		await b.pouch.replicate.to(server);
		// a's branch is the longer one, and wins the clash a settles (a card: A1 kept, B1 other).
		await edit(a, { name: 'A1' });
		await push(a);
		await edit(a, { organization: 'City Library' });
		await push(a);
		await edit(a, { name: 'A2' });
		await a.pouch.replicate.from(server);
		await pull(a);
		// a's push of A2 is a branch beside a's own merge, on a version b never gets the body of.
		await push(a);
		await a.pouch.replicate.to(server);
		await b.pouch.replicate.from(server);
		await pull(b);
		await settleAll([a, b], server);
		for (const d of [a, b]) {
			const [c] = await contactsOf(d);
			expect(c).toMatchObject({ name: 'A2', organization: 'City Library' });
			const cards = await d.db.conflicts.toArray();
			expect(cards.map(({ field, kept, other }) => ({ field, kept, other }))).toEqual([
				{ field: 'name', kept: 'A1', other: 'B1' }
			]);
		}
	});

	it('lets an edit beat a move to the trash, on both devices, with a card', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', notes: 'x' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		await write(a.db, ['contacts'], async (r) => {
			const c = (await r.contacts.get(ana.id))!;
			await r.contacts.put(touch({ ...c, deletedAt: Date.now() }, Date.now()));
		});
		await write(b.db, ['contacts'], async (r) => {
			const c = (await r.contacts.get(ana.id))!;
			await r.contacts.put(touch({ ...c, notes: 'new job at the archive' }, Date.now()));
		});
		await settleAll([a, b], server);
		for (const d of [a, b]) {
			const [c] = await contactsOf(d);
			expect(c?.deletedAt).toBeUndefined();
			expect(c?.notes).toBe('new job at the archive');
			expect((await d.db.conflicts.toArray()).map((x) => x.revived)).toEqual([true]);
		}
	});

	it('brings back a record purged on one device while the other changed it', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', notes: 'x' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		await repos(a.db).contacts.remove(ana.id);
		await write(b.db, ['contacts'], async (r) => {
			const c = (await r.contacts.get(ana.id))!;
			await r.contacts.put(touch({ ...c, notes: 'changed' }, Date.now()));
		});
		await settleAll([a, b], server);
		expect((await contactsOf(a)).map((c) => c.notes)).toEqual(['changed']);
		expect(await contactsOf(b)).toEqual(await contactsOf(a));
		expect((await a.db.conflicts.toArray()).some((c) => c.revived)).toBe(true);
	});

	it('deletes on the other device what was purged on one', async () => {
		const { a, b, server } = await twoDevices();
		const rows = [1, 2, 3, 4, 5, 6].map((i) => makeContact({ name: `P${i}` }));
		await repos(a.db).contacts.putMany(rows);
		await settleAll([a, b], server);
		await repos(a.db).contacts.remove(rows[0]!.id);
		await settleAll([a, b], server);
		expect(await contactsOf(b)).toHaveLength(5);
	});

	it('a push that died after writing to the replica: its next push builds on what it wrote', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', notes: 'x' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		const edit = (notes: string) =>
			write(a.db, ['contacts'], async (r) => {
				const c = (await r.contacts.get(ana.id))!;
				await r.contacts.put(touch({ ...c, notes }, Date.now()));
			});
		await edit('first');
		expect(await crashing(a, ['syncBase', 'syncOutbox'], () => push(a))).toBe(true);
		await edit('second');
		await settleAll([a, b], server);
		// Not a sibling of its own lost write: no "Changed on two devices" for one device's edits,
		// and the later edit stands.
		for (const d of [a, b]) {
			expect((await contactsOf(d)).map((c) => c.notes)).toEqual(['second']);
			expect(await d.db.conflicts.count()).toBe(0);
		}
	});

	it('a push that died after writing to the replica does not bring back a record purged since', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', notes: 'x' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		await write(a.db, ['contacts'], async (r) => {
			const c = (await r.contacts.get(ana.id))!;
			await r.contacts.put(touch({ ...c, notes: 'changed' }, Date.now()));
		});
		expect(await crashing(a, ['syncBase', 'syncOutbox'], () => push(a))).toBe(true);
		await repos(a.db).contacts.remove(ana.id);
		await settleAll([a, b], server);
		expect(await contactsOf(a)).toEqual([]);
		expect(await contactsOf(b)).toEqual([]);
		expect(await a.db.conflicts.count()).toBe(0);
	});

	it('a push that died after writing does not send its change again over a purge made elsewhere since', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', notes: 'x' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		await write(a.db, ['contacts'], async (r) => {
			const c = (await r.contacts.get(ana.id))!;
			await r.contacts.put(touch({ ...c, notes: 'changed' }, Date.now()));
		});
		expect(await crashing(a, ['syncBase', 'syncOutbox'], () => push(a))).toBe(true);
		await a.pouch.replicate.to(server);
		// B gets the change that did go out, and purges the record, having seen it.
		await settleAll([b], server);
		expect((await contactsOf(b)).map((c) => c.notes)).toEqual(['changed']);
		await repos(b.db).contacts.remove(ana.id);
		await settleAll([b], server);
		// A's next push finishes the dead one's bookkeeping: the same version sent again would be a
		// new edit, and an edit beats a delete.
		await settleAll([a, b], server);
		expect(await contactsOf(a)).toEqual([]);
		expect(await contactsOf(b)).toEqual([]);
		expect(await a.db.conflicts.count()).toBe(0);
	});

	it('after a push that died, applies what a pull left to it meanwhile', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', notes: 'x' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		await write(a.db, ['contacts'], async (r) => {
			const c = (await r.contacts.get(ana.id))!;
			await r.contacts.put(touch({ ...c, notes: 'changed' }, Date.now()));
		});
		expect(await crashing(a, ['syncBase', 'syncOutbox'], () => push(a))).toBe(true);
		await a.pouch.replicate.to(server);
		await settleAll([b], server);
		await write(b.db, ['contacts'], async (r) => {
			const c = (await r.contacts.get(ana.id))!;
			await r.contacts.put(touch({ ...c, organization: 'Library' }, Date.now()));
		});
		await settleAll([b], server);
		// B's change builds on A's: A's pull finds the row still marked and leaves it to the push,
		// which has nothing left to send once it has finished the dead push's bookkeeping.
		await a.pouch.replicate.from(server);
		await pull(a);
		await settleAll([a, b], server);
		for (const d of [a, b]) {
			expect(await contactsOf(d)).toMatchObject([{ notes: 'changed', organization: 'Library' }]);
			expect(await d.db.conflicts.count()).toBe(0);
		}
	});

	it('a purge whose push died still loses to an edit made elsewhere, on both devices', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', notes: 'x' });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		await repos(a.db).contacts.remove(ana.id);
		await write(b.db, ['contacts'], async (r) => {
			const c = (await r.contacts.get(ana.id))!;
			await r.contacts.put(touch({ ...c, notes: 'changed' }, Date.now()));
		});
		await push(b);
		await b.pouch.replicate.to(server);
		expect(await crashing(a, ['syncBase', 'syncOutbox'], () => push(a))).toBe(true);
		// b's edit arrives while the purge is still marked here: the pull leaves it to the push.
		await a.pouch.replicate.from(server);
		await pull(a);
		await settleAll([a, b], server);
		expect((await contactsOf(a)).map((c) => c.notes)).toEqual(['changed']);
		expect(await contactsOf(b)).toEqual(await contactsOf(a));
	});

	it('merges lists item by item even when the version both started from never reached this device', async () => {
		const { a, b, server } = await twoDevices();
		const ana = makeContact({ name: 'Ana', tags: ['mentor'] });
		await repos(a.db).contacts.put(ana);
		await settleAll([a, b], server);
		const edit = (d: Device, change: (c: Contact) => Partial<Contact>) =>
			write(d.db, ['contacts'], async (r) => {
				const c = (await r.contacts.get(ana.id))!;
				await r.contacts.put(touch({ ...c, ...change(c) }, Date.now()));
			});
		await edit(a, (c) => ({ name: 'Ana R', tags: [...c.tags, 'from-a'] }));
		await edit(b, (c) => ({ name: 'Ana Ruiz', tags: [...c.tags, 'from-b'] }));
		// b's push dies after its write; b settles a's version against it, then pushes on its own
		// write, which goes on to the server only as an ancestor, without its body.
		expect(await crashing(b, ['syncBase', 'syncOutbox'], () => push(b))).toBe(true);
		await push(a);
		await a.pouch.replicate.to(server);
		await b.pouch.replicate.from(server);
		await pull(b);
		await push(b);
		await b.pouch.replicate.to(server);
		await settleAll([a, b], server);
		for (const d of [a, b]) {
			const [c] = await contactsOf(d);
			expect([...c!.tags].sort()).toEqual(['from-a', 'from-b', 'mentor']);
			expect((await d.db.conflicts.toArray()).map((k) => k.field)).toEqual(['name']);
		}
	});

	it('pauses a round that would delete more than a fifth of a table, and applies nothing', async () => {
		const { a, b, server } = await twoDevices();
		const rows = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => makeContact({ name: `P${i}` }));
		await repos(a.db).contacts.putMany(rows);
		await settleAll([a, b], server);
		await repos(a.db).contacts.bulkRemove(rows.slice(0, 3).map((r) => r.id));
		while ((await push(a)).more);
		await a.pouch.replicate.to(server);
		await sent(a);
		await b.pouch.replicate.from(server);
		await expect(pull(b)).rejects.toBeInstanceOf(MassDeletePaused);
		expect(await contactsOf(b)).toHaveLength(10);
		await pull(b, { allowDeletes: true });
		expect(await contactsOf(b)).toHaveLength(7);
	});

	it('"Keep them" sends the records back, so they return on the device that deleted them', async () => {
		const { a, b, server } = await twoDevices();
		const rows = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => makeContact({ name: `P${i}` }));
		await repos(a.db).contacts.putMany(rows);
		await settleAll([a, b], server);
		await repos(a.db).contacts.bulkRemove(rows.slice(0, 3).map((r) => r.id));
		while ((await push(a)).more);
		await a.pouch.replicate.to(server);
		await sent(a);
		await b.pouch.replicate.from(server);
		const paused = await pull(b).catch((e: unknown) => e);
		expect(paused).toBeInstanceOf(MassDeletePaused);
		await keepPausedRecords(b, (paused as MassDeletePaused).keys);
		await settleAll([b, a], server);
		expect(await contactsOf(b)).toHaveLength(10);
		expect(await contactsOf(a)).toEqual(await contactsOf(b));
	});

	it('"Keep them" on records moved to the trash elsewhere keeps the changes made there too', async () => {
		const { a, b, server } = await twoDevices();
		const rows = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => makeContact({ name: `P${i}` }));
		await repos(a.db).contacts.putMany(rows);
		await settleAll([a, b], server);
		// Renamed, then moved to the trash, on b.
		await write(b.db, ['contacts'], async (r) => {
			for (const row of rows.slice(0, 3)) {
				const c = (await r.contacts.get(row.id))!;
				const renamed = touch({ ...c, name: `${c.name} renamed` }, Date.now());
				await r.contacts.put(renamed);
				await r.contacts.put(touch({ ...renamed, deletedAt: Date.now() }, Date.now()));
			}
		});
		while ((await push(b)).more);
		await b.pouch.replicate.to(server);
		await a.pouch.replicate.from(server);
		const paused = await pull(a).catch((e: unknown) => e);
		expect(paused).toBeInstanceOf(MassDeletePaused);
		await keepPausedRecords(a, (paused as MassDeletePaused).keys);
		await settleAll([a, b], server);
		for (const d of [a, b]) {
			const kept = (await contactsOf(d)).filter((c) => c.name.endsWith('renamed'));
			expect(kept.map((c) => c.deletedAt)).toEqual([undefined, undefined, undefined]);
		}
		expect(await contactsOf(a)).toEqual(await contactsOf(b));
	});

	it('holds back a document written by a newer Kith, and applies the rest', async () => {
		const { a, server } = await twoDevices();
		const { sealDoc } = await import('./seal');
		await server.put({
			_id: 'contacts:future',
			s: await sealDoc(a.key, 'contacts:future', { v: 999, row: { id: 'future', name: 'F' } })
		} as never);
		await repos(a.db).contacts.put(makeContact({ name: 'Now' }));
		await settleAll([a], server);
		expect((await contactsOf(a)).map((c) => c.name)).toEqual(['Now']);
		expect((await a.db.syncHeld.toArray()).map((h) => h.key)).toEqual(['contacts:future']);
	});

	it('replays a pitch schedule from the merged rehearsal log of both devices', async () => {
		const { a, b, server } = await twoDevices();
		const { createPitch, rateRehearsal } = await import('$lib/services/pitches.service');
		const { replay } = await import('$lib/domain/pitch-schedule');
		const t0 = Date.UTC(2026, 10, 2, 9);
		const made = await createPitch(
			a.db,
			{
				title: 'Career fair',
				target: '30',
				customSeconds: '',
				audience: '',
				text: 'Hello, I am Ana.',
				cues: ''
			},
			{ now: t0 }
		);
		if (!made.ok) throw new Error('pitch not saved');
		await settleAll([a, b], server);
		const day = 86_400_000;
		await rateRehearsal(a.db, {
			pitchId: made.pitch.id,
			rating: 'good',
			seconds: 28,
			now: t0 + day
		});
		await rateRehearsal(b.db, {
			pitchId: made.pitch.id,
			rating: 'hard',
			seconds: 35,
			now: t0 + 2 * day
		});
		await settleAll([a, b], server);
		const onA = await repos(a.db).pitches.get(made.pitch.id);
		const onB = await repos(b.db).pitches.get(made.pitch.id);
		expect(onA?.card).toEqual(onB?.card);
		const log = await repos(a.db).rehearsals.ofPitch(made.pitch.id);
		expect(log).toHaveLength(2);
		expect(onA?.card?.reps).toBe(2);
		expect(onA?.card).toEqual(replay(made.pitch.createdAt, log));
	});
});

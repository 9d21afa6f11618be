import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
	checkSave,
	checkSaveFrom,
	openForm,
	parseVersionedForm,
	rebaseForm,
	settleConflict
} from './form-version';
import type { FieldKinds } from './merge3';

const schema = z.object({ title: z.string(), text: z.string() });
type Form = z.infer<typeof schema>;
const KINDS: FieldKinds<Form> = { title: 'text', text: 'long' };
const opened = openForm<Form>({ title: 'Hello', text: 'Words' }, 3);

describe('a form opened on a version', () => {
	it('saves as it is on the version it was opened on', () => {
		const mine = { ...opened, form: { title: 'Hi', text: 'Words' } };
		expect(checkSave(mine, { form: opened.base, version: 3 }, KINDS)).toEqual({
			ok: true,
			form: mine.form,
			merged: false
		});
	});

	it('as a service runs it: with no base the form goes as it is, with one it is checked', () => {
		const form = { title: 'Hi', text: 'Words' };
		const newer = { form: { title: 'Hey', text: 'Words' }, version: 4 };
		expect(checkSaveFrom(form, undefined, newer, KINDS)).toEqual({ ok: true, form, merged: false });
		expect(checkSaveFrom(form, { form: opened.base, version: 3 }, newer, KINDS)).toEqual({
			ok: false,
			conflicts: [{ field: 'title', kind: 'text', theirs: 'Hey' }]
		});
	});

	it('keeps the other tab’s change to another field, and reports a change to the same one', () => {
		const mine = { ...opened, form: { title: 'Hi', text: 'Words' } };
		expect(
			checkSave(mine, { form: { title: 'Hello', text: 'New words' }, version: 4 }, KINDS)
		).toEqual({ ok: true, form: { title: 'Hi', text: 'New words' }, merged: true });
		expect(checkSave(mine, { form: { title: 'Hey', text: 'Words' }, version: 4 }, KINDS)).toEqual({
			ok: false,
			conflicts: [{ field: 'title', kind: 'text', theirs: 'Hey' }]
		});
	});

	it('rebases onto the stored version, then settles a conflict by the person’s choice', () => {
		const mine = { ...opened, form: { title: 'Hi', text: 'Mine' } };
		const { values, changed } = rebaseForm(
			mine,
			{ form: { title: 'Hello', text: 'Theirs' }, version: 5 },
			KINDS
		);
		expect(changed).toBe(true);
		expect(values.baseVersion).toBe(5);
		expect(values.form).toEqual({ title: 'Hi', text: 'Mine' });
		expect(values.conflicts).toEqual([{ field: 'text', kind: 'long', theirs: 'Theirs' }]);
		expect(settleConflict(values, 'text', 'both').form.text).toBe('Mine\n\nTheirs');
		expect(settleConflict(values, 'text', 'theirs')).toMatchObject({
			form: { text: 'Theirs' },
			conflicts: []
		});
		// Once rebased, a save is on the stored version and goes through as the form says.
		const settled = settleConflict(values, 'text', 'mine');
		expect(checkSave(settled, { form: values.base, version: 5 }, KINDS)).toMatchObject({
			ok: true,
			form: { title: 'Hi', text: 'Mine' }
		});
	});

	it('keeps an open conflict through a later rebase that left the field alone', () => {
		const first = rebaseForm(
			{ ...opened, form: { title: 'Hello', text: 'Mine' } },
			{ form: { title: 'Hello', text: 'Theirs' }, version: 4 },
			KINDS
		).values;
		const second = rebaseForm(
			first,
			{ form: { title: 'Later', text: 'Theirs' }, version: 5 },
			KINDS
		);
		expect(second.values.form).toEqual({ title: 'Later', text: 'Mine' });
		expect(second.values.conflicts.map((c) => c.field)).toEqual(['text']);
	});

	it('reads its draft back, and an older draft of the form alone as opened now', () => {
		const values = rebaseForm(
			{ ...opened, form: { title: 'Hello', text: 'Mine' } },
			{ form: { title: 'Hello', text: 'Theirs' }, version: 4 },
			KINDS
		).values;
		expect(parseVersionedForm(JSON.parse(JSON.stringify(values)), schema, opened)).toEqual(values);
		expect(parseVersionedForm({ title: 'Typed', text: 'Words' }, schema, opened)).toEqual({
			...opened,
			form: { title: 'Typed', text: 'Words' }
		});
		expect(parseVersionedForm({ form: 1 }, schema, opened)).toBeUndefined();
		const odd = { ...values, conflicts: [{ field: 'nope', kind: 'text', theirs: 'x' }] };
		expect(parseVersionedForm(odd, schema, opened)?.conflicts).toEqual([]);
	});
});

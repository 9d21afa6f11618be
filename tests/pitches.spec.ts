import { expect, test, type Page } from '@playwright/test';
import { goOffline, openControlled } from './support/app';
import { launchWithFakeMic } from './support/fake-mic';
import { readTable } from './support/db';

const TEXT =
	'Hi, I am Ama. I am a records manager who loves rare maps. I am looking for a role in a special collections library.';

async function writePitch(
	page: Page,
	{
		title,
		text = TEXT,
		cues = 'records manager\nrare maps'
	}: { title: string; text?: string; cues?: string }
) {
	await page.goto('/pitches/new');
	await expect(page.getByRole('heading', { name: 'New pitch' })).toBeVisible();
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Your pitch').fill(text);
	await page.getByLabel('Cues (one a line)').fill(cues);
	await page.getByRole('button', { name: 'Save pitch' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('write a pitch offline and see the estimate follow the typing', async ({ page, context }) => {
	await openControlled(page, '/');
	await goOffline(context, page);
	await page.goto('/pitches');
	await expect(
		page.getByRole('heading', { name: 'Your introduction, ready when you need it' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: '15-second template' })).toBeVisible();
	await page.getByRole('link', { name: 'Or start from a blank page' }).click();

	await page.getByLabel('Title').fill('Career fair');
	const meter = page.getByRole('status').filter({ hasText: 'words' });
	await expect(meter).toContainText('0 words');
	await expect(meter).toContainText('Nothing to say yet');
	const text = page.getByLabel('Your pitch');
	await text.pressSequentially('Hi, I am Ama, a records manager.');
	await expect(meter).toContainText('7 words · about 3 s of 30 s');
	await expect(meter).toContainText('Room to add');
	await expect(page.getByText('Timed at 140 words a minute')).toBeVisible();
	// 70 words at 140 a minute: 30 s.
	await text.fill(Array.from({ length: 70 }, () => 'word').join(' '));
	await expect(meter).toContainText('70 words · about 30 s of 30 s');
	await expect(meter).toContainText('About right');
	await page.getByRole('radio', { name: '15 s' }).check();
	await expect(meter).toContainText('Too long');

	// A 5,000-word text: counted right, and the page keeps up.
	const started = Date.now();
	await text.fill(Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' '));
	await expect(meter).toContainText('5,000 words · about 35 min 43 s of 15 s');
	expect(Date.now() - started).toBeLessThan(5000);
	await text.fill(TEXT);

	// The draft survives a reload.
	await expect(page.getByText('Draft kept on this phone.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Title')).toHaveValue('Career fair');
	await expect(page.getByText('Kept from last time, not saved yet.')).toBeVisible();

	await page.getByRole('button', { name: 'Save pitch' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Career fair' })).toBeVisible();
	await expect(page.getByText('Next rehearsal: today')).toBeVisible();
	const [pitch] = await readTable(page, 'pitches');
	expect(pitch).toMatchObject({ title: 'Career fair', targetSeconds: 15, text: TEXT });

	await page.getByRole('link', { name: '← Pitches' }).click();
	await expect(page.getByRole('heading', { name: '1 pitch due today' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Career fair' })).toBeVisible();
});

test('rehearse with the timer, rate it, and cram without moving the schedule', async ({
	page,
	context
}) => {
	await page.clock.install({ time: new Date(2026, 10, 24, 9, 0) });
	await openControlled(page, '/');
	await goOffline(context, page);
	await writePitch(page, { title: 'Coffee chat' });

	// Today counts it.
	await page.goto('/');
	await expect(page.getByRole('heading', { name: '1 pitch to rehearse' })).toBeVisible();
	await page.getByRole('link', { name: 'Rehearse now' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Rehearse' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Coffee chat' })).toBeVisible();
	await expect(page.getByText('Pitch 1 of 1')).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'rare maps' })).toBeVisible();
	await expect(page.getByText(TEXT)).toBeHidden();

	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await page.clock.runFor(27_000);
	await expect(page.getByText('0:27')).toBeVisible();
	await page.getByRole('button', { name: 'Stop', exact: true }).click();
	await expect(page.getByText('You took 27 s')).toBeVisible();
	await page.getByRole('button', { name: 'Show the full text' }).click();
	await expect(page.getByText(TEXT)).toBeVisible();
	await page.getByRole('button', { name: /^Good/ }).click();

	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	await expect(page.getByText('Coffee chat: in 3 days')).toBeVisible();
	const [rehearsal] = await readTable(page, 'rehearsals');
	expect(rehearsal).toMatchObject({ rating: 'good', words: 24 });
	expect(rehearsal?.seconds).toBeGreaterThanOrEqual(27);
	expect(rehearsal?.seconds).toBeLessThan(28);
	const [after] = await readTable(page, 'pitches');
	const due = (after?.card as { due: number }).due;
	// A first Good run comes back three days later, as ts-fsrs schedules it.
	expect(due - (rehearsal?.at as number)).toBe(3 * 86_400_000);

	await page.getByRole('link', { name: 'Back to pitches' }).click();
	await expect(page.getByRole('heading', { name: 'Nothing due today' })).toBeVisible();
	await expect(page.getByText('Next rehearsal in 3 days', { exact: true })).toBeVisible();

	// The pitch page shows the run in its history.
	await page.getByRole('link', { name: 'Coffee chat' }).click();
	await expect(page.getByText('Next rehearsal: in 3 days')).toBeVisible();
	await expect(
		page.getByRole('img', { name: /Time of each rehearsal against the target/ })
	).toBeVisible();
	await page.getByText('Show the rehearsals as a table').click();
	// The fake clock also moves with real time between its steps: on a loaded machine the run was
	// stored at 27.5 s or more, which the table shows as 28 s.
	const shown = `${Math.round(rehearsal?.seconds as number)} s Good`;
	await expect(page.getByRole('row', { name: new RegExp(shown) })).toBeVisible();

	// Cram: loop through it twice; nothing is written.
	await page.getByRole('link', { name: '← Pitches' }).click();
	await page.getByRole('link', { name: 'Cram before an event' }).click();
	await page.getByRole('checkbox', { name: /Coffee chat/ }).check();
	await page.getByRole('button', { name: 'Start with 1 pitch' }).click();
	await expect(page.getByText('Pitch 1 of 1, round 1')).toBeVisible();
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await page.clock.runFor(12_000);
	await page.getByRole('button', { name: 'Stop', exact: true }).click();
	await expect(page.getByText('You took 12 s')).toBeVisible();
	await expect(page.getByRole('button', { name: /^Good/ })).toHaveCount(0);
	await page.getByRole('button', { name: 'Once more' }).click();
	await expect(page.getByText('Pitch 1 of 1, round 2')).toBeVisible();
	await page.getByRole('button', { name: 'Stop cramming' }).click();
	expect(await readTable(page, 'rehearsals')).toHaveLength(1);
	const [still] = await readTable(page, 'pitches');
	expect((still?.card as { due: number }).due).toBe(due);
	await page.getByRole('link', { name: '← Pitches' }).click();
	await expect(page.getByText('Next rehearsal in 3 days', { exact: true })).toBeVisible();
});

test('an empty pitch says why it cannot be rehearsed; gaps reveal one by one', async ({
	page,
	context
}) => {
	await openControlled(page, '/');
	await goOffline(context, page);
	await writePitch(page, { title: 'Later', text: '', cues: '' });
	await expect(page.getByText('Not ready to rehearse.')).toBeVisible();
	await expect(page.getByText('There is no text to say yet.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Rehearse now' })).toHaveCount(0);
	const [empty] = await readTable(page, 'pitches');
	await page.goto(`/pitches/rehearse?id=${empty?.id}`);
	await expect(
		page.getByRole('heading', { name: '“Later” cannot be rehearsed yet' })
	).toBeVisible();
	await page.goto('/pitches/rehearse');
	await expect(page.getByRole('heading', { name: 'Nothing due today' })).toBeVisible();
	await expect(page.getByText('One pitch has no text yet')).toBeVisible();

	await writePitch(page, { title: 'Mixer' });
	await page.getByRole('link', { name: 'Fill in the gaps' }).click();
	await expect(page.getByText('2 of 2 gaps still hidden.')).toBeVisible();
	await expect(page.getByText('records manager')).toHaveCount(0);
	await page.getByRole('button', { name: 'Reveal next' }).click();
	await expect(page.getByText('records manager')).toBeVisible();
	await expect(page.getByText('1 of 2 gaps still hidden.')).toBeVisible();
	await page.getByRole('button', { name: 'Gap 2: reveal' }).click();
	await expect(page.getByText('rare maps')).toBeVisible();
	await expect(page.getByText('All gaps revealed.')).toBeVisible();

	// Words the user picks.
	await page.getByRole('radio', { name: 'Words I pick' }).check();
	await page.getByRole('button', { name: 'Ama.', exact: true }).click();
	await page.getByRole('button', { name: 'Done: 1 word hidden' }).click();
	await expect(page.getByText('1 of 1 gap still hidden.')).toBeVisible();
	await page.getByRole('button', { name: 'Reveal next' }).click();
	await expect(page.getByText('All gaps revealed.')).toBeVisible();
});

test('a refused microphone is explained and rehearsal goes on', async ({ page, context }) => {
	await page.addInitScript(() => {
		Object.defineProperty(navigator, 'mediaDevices', {
			configurable: true,
			value: {
				getUserMedia: () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))
			}
		});
	});
	await openControlled(page, '/');
	await goOffline(context, page);
	await writePitch(page, { title: 'Recruiter' });
	await page.getByRole('link', { name: 'Rehearse now' }).click();
	await page.getByRole('checkbox', { name: 'Record my voice (optional)' }).check();
	await expect(page.getByRole('alert')).toContainText('not allowed to use the microphone');
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await page.getByRole('button', { name: 'Stop', exact: true }).click();
	await page.getByRole('button', { name: /^Easy/ }).click();
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	expect(await readTable(page, 'recordings')).toHaveLength(0);
	expect(await readTable(page, 'rehearsals')).toHaveLength(1);
});

test('the manifest offers a Rehearse shortcut', async ({ page }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const manifest = await (await page.request.get(href ?? '/manifest.webmanifest')).json();
	expect(manifest.shortcuts).toContainEqual(
		expect.objectContaining({ short_name: 'Rehearse', url: '/pitches/rehearse?source=shortcut' })
	);
});

test('record a run with fake media, play it back and delete it; leaving mid-recording keeps nothing', async ({
	baseURL
}) => {
	const browser = await launchWithFakeMic();
	try {
		const context = await browser.newContext({
			baseURL,
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true
		});
		const page = await context.newPage();
		await openControlled(page, '/');
		await goOffline(context, page);
		await writePitch(page, { title: 'Voice test' });
		await page.getByRole('link', { name: 'Rehearse now' }).click();
		await page.getByRole('checkbox', { name: 'Record my voice (optional)' }).check();
		await expect(page.getByText('The next run is recorded when you press Start.')).toBeVisible();
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		await expect(page.getByText('Recording', { exact: true })).toBeVisible();
		await page.waitForTimeout(1500);
		await page.getByRole('button', { name: 'Stop', exact: true }).click();
		const audio = page.getByLabel(/Your recording/);
		await expect(audio).toBeVisible();
		const played = await audio.evaluate(async (el) => {
			const a = el as HTMLAudioElement;
			await a.play();
			await new Promise((r) => setTimeout(r, 300));
			return { playing: !a.paused || a.ended, error: a.error };
		});
		expect(played).toEqual({ playing: true, error: null });
		const [rec] = await readTable(page, 'recordings');
		expect(rec).toMatchObject({ mimeType: expect.stringMatching(/^audio\//) });
		expect(rec?.durationMs).toBeGreaterThan(1000);
		await page.getByRole('button', { name: /^Good/ }).click();
		// The rating is written after the tap; a read straight away can come before its commit.
		await expect
			.poll(async () => (await readTable(page, 'rehearsals'))[0]?.recordingId)
			.toBe(rec?.id);

		// On the pitch page: play back, storage used, delete with undo.
		await page.getByRole('link', { name: 'Back to pitches' }).click();
		await page.getByRole('link', { name: 'Voice test' }).click();
		await expect(page.getByText('1 recording of this pitch')).toBeVisible();
		await expect(
			page.getByText(/All recordings use \d+ (KB|bytes|MB) on this phone/)
		).toBeVisible();
		await page.getByRole('button', { name: /^Delete Recording of/ }).click();
		await expect(page.getByText('Recording deleted.')).toBeVisible();
		await expect(page.getByText('No recordings of this pitch.')).toBeVisible();
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(page.getByText('1 recording of this pitch')).toBeVisible();

		// Leaving in the middle of a recording leaves no broken entry.
		await page.goto('/pitches/cram');
		await page.getByRole('button', { name: 'Start with all pitches' }).click();
		await page.getByRole('checkbox', { name: 'Record my voice (optional)' }).check();
		await expect(page.getByText('The next run is recorded when you press Start.')).toBeVisible();
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		await expect(page.getByText('Recording', { exact: true })).toBeVisible();
		await page.waitForTimeout(800);
		await page.getByRole('link', { name: '← Pitches' }).click();
		await expect(page.getByRole('heading', { name: 'Pitches', exact: true })).toBeVisible();
		await page.waitForTimeout(500);
		expect(await readTable(page, 'recordings')).toHaveLength(1);
		await context.close();
	} finally {
		await browser.close();
	}
});

test('the first load of Capture carries no pitch code: scheduler, recorder and chart load on use', async ({
	page
}) => {
	const scripts: string[] = [];
	page.on('response', async (response) => {
		if (response.request().resourceType() === 'script') scripts.push(await response.text());
	});
	await page.goto('/capture');
	await expect(page.getByLabel('Name')).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(scripts.length).toBeGreaterThan(0);
	const all = scripts.join('\n');
	// ts-fsrs, the recorder, the chart and the pitch screens each leave these marks.
	for (const mark of [
		'enable_short_term',
		'MediaRecorder',
		'Time of each rehearsal',
		'Record my voice'
	])
		expect(all, mark).not.toContain(mark);
});

test('duplicate a pitch for another audience, then delete it and undo', async ({
	page,
	context
}) => {
	await openControlled(page, '/');
	await goOffline(context, page);
	await writePitch(page, { title: 'Alumni coffee' });
	await page.getByRole('button', { name: 'Duplicate for another audience' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Alumni coffee (copy)' })).toBeVisible();
	await expect(page.getByLabel('Your pitch')).toHaveValue(TEXT);
	await page.getByLabel('Title').fill('Recruiter call');
	await page.getByLabel('Audience or occasion').fill('Recruiters');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Recruiter call' })).toBeVisible();

	await page.getByRole('button', { name: 'Delete pitch' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Pitches' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Recruiter call' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Recruiter call' })).toBeVisible();
	const titles = (await readTable(page, 'pitches')).map((p) => p.title).sort();
	expect(titles).toEqual(['Alumni coffee', 'Recruiter call']);
});

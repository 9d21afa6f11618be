/** The pitch editor's values (all text, as typed), their checks, and the starting templates. */
import { z } from 'zod/mini';
import type { FieldKinds } from './merge3';
import type { Pitch } from './pitch';

export const TARGET_CHOICES = ['15', '30', '60', 'custom'] as const;
export type TargetChoice = (typeof TARGET_CHOICES)[number];

export const pitchFormSchema = z.object({
	title: z.string(),
	target: z.enum(TARGET_CHOICES),
	customSeconds: z.string(),
	audience: z.string(),
	text: z.string(),
	/** One cue a line. */
	cues: z.string()
});
export type PitchForm = z.infer<typeof pitchFormSchema>;

export type PitchFields = Pick<Pitch, 'title' | 'targetSeconds' | 'audience' | 'text' | 'cues'>;
export type PitchFieldErrors = Partial<Record<keyof PitchForm, string>>;

export const MAX_CUES = 20;

/** How each field merges with a save made in another tab (see merge3.ts). */
export const PITCH_FORM_KINDS: FieldKinds<PitchForm> = {
	title: 'text',
	target: 'value',
	customSeconds: 'value',
	audience: 'text',
	text: 'long',
	cues: 'long'
};

/** Each field as the editor names it, for a conflict card. */
export const PITCH_FORM_LABELS: Record<keyof PitchForm, string> = {
	title: 'Title',
	target: 'Target length',
	customSeconds: 'Length in seconds',
	audience: 'Audience or occasion',
	text: 'Your pitch',
	cues: 'Cues'
};

/** A field's value in words, for a conflict card. */
export function describePitchField<K extends keyof PitchForm>(
	field: K,
	value: PitchForm[K]
): string {
	if (field === 'target') return value === 'custom' ? 'another length' : `${value} seconds`;
	return value;
}

export function emptyPitchForm(): PitchForm {
	return { title: '', target: '30', customSeconds: '', audience: '', text: '', cues: '' };
}

export function targetSecondsOf(form: Pick<PitchForm, 'target' | 'customSeconds'>): number {
	if (form.target !== 'custom') return Number(form.target);
	const n = Number(form.customSeconds.trim());
	return Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}

export function splitCues(cues: string): string[] {
	return cues
		.split('\n')
		.map((c) => c.trim())
		.filter((c) => c.length > 0);
}

export function parsePitchForm(
	form: PitchForm
): { ok: true; value: PitchFields } | { ok: false; errors: PitchFieldErrors } {
	const errors: PitchFieldErrors = {};
	const title = form.title.trim();
	if (!title)
		errors.title = 'Give your pitch a short name, such as “Career fair” or “Coffee chat”.';
	else if (title.length > 200) errors.title = 'Keep the name under 200 characters.';
	const targetSeconds = targetSecondsOf(form);
	if (form.target === 'custom' && (targetSeconds < 5 || targetSeconds > 600))
		errors.customSeconds = 'Choose a length between 5 and 600 seconds.';
	const audience = form.audience.trim();
	if (audience.length > 500) errors.audience = 'Keep this under 500 characters.';
	if (form.text.length > 100_000)
		errors.text =
			'This text is longer than Kith can keep (100,000 characters). Shorten it a little.';
	const cues = splitCues(form.cues);
	if (cues.length > MAX_CUES)
		errors.cues = `Keep it to ${MAX_CUES} cues or fewer: a few words each.`;
	else if (cues.some((c) => c.length > 500))
		errors.cues = 'A cue is a few words; keep each line short.';
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		value: {
			title,
			targetSeconds,
			...(audience ? { audience } : {}),
			text: form.text,
			cues
		}
	};
}

export function pitchToForm(pitch: PitchFields): PitchForm {
	const preset = (['15', '30', '60'] as const).find((t) => Number(t) === pitch.targetSeconds);
	return {
		title: pitch.title,
		target: preset ?? 'custom',
		customSeconds: preset ? '' : String(pitch.targetSeconds),
		audience: pitch.audience ?? '',
		text: pitch.text,
		cues: pitch.cues.join('\n')
	};
}

/** Starting points: the three parts, with blanks in brackets for the user's own facts. */
export const TEMPLATES: Record<
	'15' | '30' | '60',
	{ title: string; text: string; cues: string[] }
> = {
	'15': {
		title: 'Quick hello (15 s)',
		text: 'Hi, I’m [your name]. I’m [studying / working as] [your field], and I’m good at [one strength]. I’m looking for [the kind of role or advice you want].',
		cues: ['Name and field', 'One strength', 'What I’m looking for']
	},
	'30': {
		title: 'Networking event (30 s)',
		text: 'Hi, I’m [your name]. I’m [studying / working as] [your field] at [school or workplace]. Lately I’ve been [a project or experience you are proud of], which taught me [a skill]. I’d like to move into [the kind of role or organisation], and I’d love to hear how you got started in [their field].',
		cues: ['Who I am', 'Proud project and skill', 'Where I want to go', 'A question for them']
	},
	'60': {
		title: 'One-minute introduction (60 s)',
		text: 'Hi, I’m [your name]. I’m [studying / working as] [your field] at [school or workplace], and what drew me to it was [a short reason]. Over the past [time] I’ve [an experience that shows what you can do], where I [a result you are proud of]. Along the way I got good at [two or three skills], and people often come to me for [something you are known for]. What I’m looking for now is [the kind of role, field or organisation]. I’m especially curious about [a specific interest]. If you know someone I should talk to, or have advice about getting started, I’d be grateful to hear it.',
		cues: [
			'Name, field, why it',
			'Experience and result',
			'Skills people ask me for',
			'The role I want',
			'Ask: advice or a name'
		]
	}
};

export function templateForm(length: '15' | '30' | '60'): PitchForm {
	const t = TEMPLATES[length];
	return {
		title: t.title,
		target: length,
		customSeconds: '',
		audience: '',
		text: t.text,
		cues: t.cues.join('\n')
	};
}

/**
 * The built-in question bank, in Kith's own words. Ids are fixed (`builtin-<category>-<n>`) so
 * seeding twice, on two devices or after a restore, never makes duplicates; never renumber them.
 */
import type { Question, QuestionCategory } from './interview';
import { stampNew } from './stamp';

const BANK: Record<QuestionCategory, string[]> = {
	path: [
		'How did you end up doing the work you do now?',
		'What did you study, and how much of it do you use day to day?',
		'Which earlier job or experience prepared you best for this one?',
		'Was there a turning point that pointed you towards this field?',
		'If you started over today, would you take the same route?',
		'What surprised you most when you first started?'
	],
	job: [
		'What does an ordinary week look like for you?',
		'Which parts of the work do you enjoy most, and which least?',
		'What problems land on your desk most often?',
		'Who do you work with most closely, inside and outside the team?',
		'How is success in your role measured?',
		'What would someone new in a role like yours find hardest at first?'
	],
	field: [
		'How is this field changing, and what is driving the change?',
		'Which trends or debates should I be following right now?',
		'Where do you see the most openings in the next few years?',
		'Which associations, events or mailing lists are worth joining?',
		'What do people outside the field usually get wrong about it?',
		'Which kinds of organisations hire people with my background?'
	],
	organization: [
		'How would you describe the culture here to a friend?',
		'How does your team fit into the organisation as a whole?',
		'How do people usually get hired here: postings, referrals, or both?',
		'What is the organisation most proud of at the moment, and what keeps it busy?',
		'How do people grow or move around inside the organisation?',
		'What do you wish you had known about this place before you joined?'
	],
	skills: [
		'Which skills matter most for doing this work well?',
		'Which tools or technologies do you use every day?',
		'Which skill would make a newcomer stand out?',
		'How did you learn the things no course taught you?',
		'Are there certificates or courses that really count here?',
		'How could I show these skills if I have not had a job like this yet?'
	],
	advice: [
		'Looking at my background, where do you think I could fit in?',
		'What would you do in my place to get started?',
		'Is there anything on my resume or portfolio you would change?',
		'What is the best way to hear about openings before they are posted?',
		'What should I read, watch or try this month?',
		'Is there a mistake you see newcomers make that I could avoid?'
	],
	referrals: [
		'Who else would you suggest I talk to?',
		'May I mention your name when I contact them?',
		'Are there groups or events where I could meet more people in this field?',
		'Would it be all right if I kept in touch and told you how things go?'
	]
};

/** A stable id for the n-th (from 1) built-in question of a category. */
export function builtInId(category: QuestionCategory, n: number): string {
	return `builtin-${category}-${n}`;
}

/** The built-in questions as rows; `now` stamps them when they are first stored. */
export function builtInQuestions(now: number): Question[] {
	return (Object.entries(BANK) as [QuestionCategory, string[]][]).flatMap(([category, texts]) =>
		texts.map((text, i) =>
			stampNew({ id: builtInId(category, i + 1), category, text, builtIn: true }, now)
		)
	);
}

/**
 * The templates Kith ships with, one or two per moment. Words in braces are filled in from the
 * contact, the interview and the person's own card (message-fill.ts); the person can change any
 * of these, add their own, and reset a changed one to the wording here.
 */
import { BUILT_IN_PREFIX, type MessageMoment, type TemplateText } from './message-template';

export interface BuiltInTemplate extends TemplateText {
	id: string;
}

const t = (key: string, text: TemplateText): BuiltInTemplate => ({
	id: `${BUILT_IN_PREFIX}${key}`,
	...text
});

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
	t('ask-interview-email', {
		moment: 'ask-interview',
		medium: 'email',
		name: 'Ask for an informational interview',
		subject: 'Twenty minutes to learn about your work?',
		body: `Dear {firstName},

My name is {myName}. I am finding my way into {field}, and the path you took to your work at {organization} is one I would love to understand better.

Would you have about twenty minutes for a call or a coffee in the coming weeks? I am not looking for a job from you: I would like to hear how you got started, what a usual week looks like, and what you wish you had known early on.

Any day and time that suits you suits me too.

With thanks,
{myName}`
	}),
	t('ask-interview-call', {
		moment: 'ask-interview',
		medium: 'call',
		name: 'Ask for an informational interview by phone',
		body: `Hello {firstName}, this is {myName}. Do you have a minute?

I am exploring {field}, and I would value hearing how you see it from {organization}. Could we set up a short conversation, about twenty minutes, at a time that works for you?

I am only gathering information and advice, not asking about openings.

(If now is a bad time: "When would be a better time for me to call back?")`
	}),
	t('thank-you-email', {
		moment: 'thank-you',
		medium: 'email',
		name: 'Thank you after an informational interview',
		subject: 'Thank you for your time',
		body: `Dear {firstName},

Thank you for talking with me on {interviewDate}. I came away with a much clearer picture of the work at {organization}.

One thing I keep thinking about: {interviewNote}. I am going to act on it.

If I can ever return the favour, I hope you will ask.

Best wishes,
{myName}`
	}),
	t('referral-email', {
		moment: 'referral',
		medium: 'email',
		name: 'Follow up on a referral',
		subject: '{introducer} suggested I get in touch',
		body: `Dear {firstName},

{introducer} suggested I get in touch with you. I am {myName}, and I am learning all I can about {field}.

{introducerFirstName} thought you would be a good person to hear from about your work at {organization}. Would you be open to a short conversation, twenty minutes or so, whenever suits you?

Thank you for reading this,
{myName}`
	}),
	t('ask-intro-email', {
		moment: 'ask-intro',
		medium: 'email',
		name: 'Ask for an introduction',
		subject: 'A favour: an introduction to {introTo}?',
		body: `Hi {firstName},

I hope all is well. I have a small favour to ask: would you be comfortable introducing me to {introTo}? I would like to learn about their work, and a word from you would mean a lot more than a message out of the blue.

If it helps, I can send you a few lines about me to pass along. And if there is anyone I can put you in touch with, just say.

Thanks either way,
{myName}`
	}),
	t('keep-in-touch-message', {
		moment: 'keep-in-touch',
		medium: 'message',
		name: 'Keep in touch',
		body: `Hi {firstName}, it has been a while, so I wanted to say hello. How are things at {organization}? On my side, I am still exploring {field} and enjoying it. Let me know if there is anything I can help you with. – {myName}`
	}),
	t('tell-helper-email', {
		moment: 'tell-helper',
		medium: 'email',
		name: 'Tell a helper what came of their help',
		subject: 'What came of your help',
		body: `Dear {firstName},

I wanted to let you know what came of the {help} you gave me: {yourNews}

Thank you again for taking the time. It made a real difference, and I would be glad to do the same for you or anyone you know.

Warm regards,
{myName}`
	})
];

const byId = new Map(BUILT_IN_TEMPLATES.map((b) => [b.id, b]));

export function builtInTemplate(id: string): BuiltInTemplate | undefined {
	return byId.get(id);
}

/** The built-ins of one moment, in the order above. */
export function builtInsFor(moment: MessageMoment): BuiltInTemplate[] {
	return BUILT_IN_TEMPLATES.filter((b) => b.moment === moment);
}

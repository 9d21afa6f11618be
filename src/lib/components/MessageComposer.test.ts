import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { listTemplates, type MessageValues } from '$lib/domain/message-fill';
import { BLANK_MESSAGE, type MessageDraft } from '$lib/domain/message-template';
import MessageComposer from './MessageComposer.svelte';

const all = listTemplates([]);
const helper = all.filter((t) => t.moment === 'tell-helper');
const values: MessageValues = { firstName: 'Ada', help: 'resume tips', myName: 'Jo' };

function setup(message: MessageDraft = BLANK_MESSAGE) {
	const onChange = vi.fn();
	const onSent = vi.fn();
	const onCopy = vi.fn();
	const view = render(MessageComposer, {
		props: {
			recipient: 'Ada Lovelace',
			email: 'ada@example.org',
			templates: helper,
			others: all.filter((t) => t.moment === 'keep-in-touch'),
			values,
			message,
			canShare: false,
			onChange,
			onShare: vi.fn(),
			onCopy,
			onSent
		}
	});
	return { ...view, onChange, onSent, onCopy };
}

const body = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });

describe('MessageComposer', () => {
	it('shows the template filled in, holds sending while a gap is left, and reports edits', async () => {
		const { onChange } = setup();
		expect(body().value).toContain('what came of the resume tips you gave me: {yourNews}');
		expect(screen.getByRole('status')).toHaveTextContent('{yourNews}');
		expect(screen.getByRole('button', { name: 'Email Ada' })).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Copy' })).toBeDisabled();

		await fireEvent.input(body(), { target: { value: 'Dear Ada, I got the job. Jo' } });
		expect(onChange).toHaveBeenLastCalledWith({
			templateId: helper[0]!.id,
			subject: 'What came of your help',
			body: 'Dear Ada, I got the job. Jo',
			edited: true
		});
	});

	it('sends the edited words, with a mailto link and a copy, and says it was sent', async () => {
		const { onCopy, onSent } = setup({
			templateId: helper[0]!.id,
			subject: 'News',
			body: 'Dear Ada, I got the job.',
			edited: true
		});
		expect(screen.queryByRole('status')).toBeNull();
		expect(screen.getByRole('link', { name: 'Email Ada' })).toHaveAttribute(
			'href',
			'mailto:ada@example.org?subject=News&body=Dear%20Ada%2C%20I%20got%20the%20job.'
		);
		await fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
		expect(onCopy).toHaveBeenCalledWith('News\n\nDear Ada, I got the job.');
		await fireEvent.click(screen.getByRole('button', { name: 'Mark as sent' }));
		expect(onSent).toHaveBeenCalledWith(
			expect.objectContaining({ medium: 'email', text: 'News\n\nDear Ada, I got the job.' })
		);
	});

	it('starts again from another template when one is chosen', async () => {
		const { onChange } = setup();
		const other = all.find((t) => t.moment === 'keep-in-touch')!;
		await fireEvent.change(screen.getByLabelText('Template'), { target: { value: other.id } });
		expect(onChange).toHaveBeenLastCalledWith({
			templateId: other.id,
			subject: '',
			body: '',
			edited: false
		});
	});
});

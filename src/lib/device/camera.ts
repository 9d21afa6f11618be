/**
 * The rear camera, for reading QR codes: whether it can open here, opening it, and what a refusal
 * means. Nothing is recorded or kept; the caller stops the stream when it is done.
 */

/** Why the camera is not there, in the words the scanner shows. */
export type CameraProblem = 'insecure' | 'unsupported' | 'refused' | 'missing' | 'busy' | 'failed';

/** Why the camera cannot even be asked for here, or undefined when it can. */
export function cameraUnavailable(): 'insecure' | 'unsupported' | undefined {
	if (!window.isSecureContext) return 'insecure';
	if (!navigator.mediaDevices?.getUserMedia) return 'unsupported';
	return undefined;
}

/** Asks for the rear camera, at a size good enough to read a code across a table. */
export function openRearCamera(): Promise<MediaStream> {
	return navigator.mediaDevices.getUserMedia({
		audio: false,
		video: {
			facingMode: { ideal: 'environment' },
			width: { ideal: 1280 },
			height: { ideal: 720 }
		}
	});
}

/** What a failed `openRearCamera` means for the user. */
export function cameraProblem(error: unknown): CameraProblem {
	switch ((error as { name?: string } | null)?.name) {
		case 'NotAllowedError':
		case 'PermissionDeniedError':
		case 'SecurityError':
			return 'refused';
		case 'NotFoundError':
		case 'DevicesNotFoundError':
		case 'OverconstrainedError':
			return 'missing';
		case 'NotReadableError':
		case 'TrackStartError':
		case 'AbortError':
			return 'busy';
		default:
			return 'failed';
	}
}

/** Letting go of what the camera or the microphone gave, so its lamp goes out. */

export function stopStream(stream: MediaStream | undefined): void {
	for (const track of stream?.getTracks() ?? []) track.stop();
}

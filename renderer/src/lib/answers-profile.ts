import type { KioskClient } from './client/kiosk-client';
import type { KioskSession } from './kiosk-session.svelte';

/** Builds a profile from the questionnaire alone (no camera, or the shopper skipped the scan). */
export async function useAnswersOnly(client: KioskClient, session: KioskSession): Promise<boolean> {
  const result = await client.invoke('analysis:from-answers', { answers: session.answers });
  if (!result.ok) {
    session.error = result.error;
    return false;
  }
  session.analysis = null;
  session.setPhoto(null);
  session.profile = result.value;
  session.go('results');
  return true;
}

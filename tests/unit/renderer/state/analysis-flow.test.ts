import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisResult } from '../../../../electron/shared/schemas/analysis-schemas';
import { AnalysisFlow } from '../../../../renderer/src/lib/analysis-flow.svelte';
import { KioskSession } from '../../../../renderer/src/lib/kiosk-session.svelte';
import { ScriptedClient } from './scripted-client';
import { frame, PROFILE } from './renderer-fixtures';

const RESULT: AnalysisResult = { profile: PROFILE, zones: [], faceBox: { x: 0, y: 0, width: 1, height: 1 } };

describe('AnalysisFlow', () => {
  beforeEach(() => {
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  });

  it('sends the captured frame once, follows the real stages and lands on Results', async () => {
    const client = new ScriptedClient().answer('analysis:analyze', (input) => {
      client.emit('analysis:progress', { stage: 'detect', done: false });
      client.emit('analysis:progress', { stage: 'detect', done: true });
      client.emit('analysis:progress', { stage: 'landmarks', done: false });
      expect(flow.status.detect).toBe('done');
      expect(flow.current).toBe('landmarks');
      expect(flow.progress).toBeCloseTo(1.5 / 5);
      expect(input.frame.width).toBe(4);
      return RESULT;
    });
    const session = new KioskSession(client);
    session.pendingFrame = frame();
    const activity = vi.fn();
    const flow = new AnalysisFlow(client, session, activity);
    const stop = flow.follow();
    await flow.run();
    stop();
    expect(session.pendingFrame).toBeNull();
    expect(session.screen).toBe('results');
    expect(session.profile).toEqual(PROFILE);
    expect(activity).toHaveBeenCalledTimes(3);
    // A second run has no frame left to send: back to the camera.
    await flow.run();
    expect(client.callsTo('analysis:analyze')).toHaveLength(1);
    expect(session.screen).toBe('capture');
  });

  it('keeps the shopper on a failure they can act on, and can fall back to answers', async () => {
    const client = new ScriptedClient()
      .answer('analysis:analyze', { error: { code: 'NO_FACE', message: 'No face.' } })
      .answer('analysis:from-answers', { ...PROFILE, source: 'questionnaire', metrics: [] });
    const session = new KioskSession(client);
    session.screen = 'analyzing';
    session.pendingFrame = frame();
    const flow = new AnalysisFlow(client, session);
    await flow.run();
    expect(flow.failure?.code).toBe('NO_FACE');
    expect(session.screen).toBe('analyzing');
    expect(await flow.useAnswersOnly()).toBe(true);
    expect(session.profile?.source).toBe('questionnaire');
    expect(session.analysis).toBeNull();
    expect(session.screen).toBe('results');
  });

  it('ignores a second "answers only" tap while the first is on its way', async () => {
    let release: (v: unknown) => void = () => undefined;
    const client = new ScriptedClient().answer(
      'analysis:from-answers',
      () => new Promise((r) => (release = r)) as never,
    );
    const flow = new AnalysisFlow(client, new KioskSession(client));
    const first = flow.useAnswersOnly();
    expect(await flow.useAnswersOnly()).toBe(false);
    release({ ...PROFILE, source: 'questionnaire' });
    await first;
    expect(client.callsTo('analysis:from-answers')).toHaveLength(1);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QualityReport } from '../../../../electron/shared/schemas/analysis-schemas';
import type { CameraState } from '../../../../electron/shared/schemas/system-schemas';
import {
  CaptureFlow,
  COUNTDOWN_S,
  READY_HOLD_MS,
  type FrameSource,
} from '../../../../renderer/src/lib/capture-flow.svelte';
import { KioskSession } from '../../../../renderer/src/lib/kiosk-session.svelte';
import { ScriptedClient } from './scripted-client';
import { frame, report } from './renderer-fixtures';

/** A fake camera: frames on demand, and a snapshot that takes as long as the test says. */
function camera(state: CameraState = 'ok', snapshotMs = 0): FrameSource & { grabs: number } {
  const source = {
    grabs: 0,
    start: async () => state,
    grab: (side: number) => {
      source.grabs += 1;
      return frame(Math.min(side, 8));
    },
    snapshotUrl: () => new Promise<string>((r) => setTimeout(() => r('blob:photo'), snapshotMs)),
  };
  return source;
}

function setup(reports: () => QualityReport, cam = camera()) {
  const client = new ScriptedClient()
    .answer('session:camera-state', { done: true, settings: null })
    .answer('analysis:preview-frame', () => reports());
  const session = new KioskSession(client);
  session.screen = 'capture';
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const digits: (number | null)[] = [];
  const flow = new CaptureFlow({
    client,
    session,
    activity: () => undefined,
    frames: cam,
    nextFrame: () => new Promise((r) => setTimeout(r, 100)),
    now: () => Date.now(),
  });
  const record = () => {
    if (flow.phase === 'countdown' && flow.countdown !== digits.at(-1)) digits.push(flow.countdown);
  };
  return { client, session, flow, digits, record };
}

const run = async (ms: number, each: () => void) => {
  for (let t = 0; t < ms; t += 50) {
    await vi.advanceTimersByTimeAsync(50);
    each();
  }
};

describe('CaptureFlow', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts down after a second of passing checks and hands the photo to Analyzing', async () => {
    const { session, flow, digits, record } = setup(() => report(true));
    await flow.start();
    await run(READY_HOLD_MS + COUNTDOWN_S * 1000 + 500, record);
    expect(digits).toEqual([3, 2, 1]);
    expect(session.screen).toBe('analyzing');
    expect(session.pendingFrame?.width).toBe(8);
    expect(session.photo?.url).toBe('blob:photo');
  });

  it('never brings the countdown back while the photo is being taken (the "3" flash)', async () => {
    // Guidance keeps reporting "ready" and the snapshot is slow: the old loop restarted at 3.
    const cam = camera('ok', 400);
    const { session, flow, digits, record } = setup(() => report(true), cam);
    await flow.start();
    await run(READY_HOLD_MS + COUNTDOWN_S * 1000 + 1500, record);
    expect(digits).toEqual([3, 2, 1]);
    expect(session.screen).toBe('analyzing');
    const grabsAfter = cam.grabs;
    await run(1000, record);
    expect(cam.grabs).toBe(grabsAfter);
  });

  it('a countdown survives one noisy frame but stops when checks keep failing', async () => {
    let failures = 0;
    const { session, flow } = setup(() => report(failures-- <= 0));
    await flow.start();
    await run(READY_HOLD_MS + 300, () => undefined);
    expect(flow.phase).toBe('countdown');
    failures = 1;
    await run(400, () => undefined);
    expect(flow.phase).toBe('countdown');
    failures = 3;
    await run(400, () => undefined);
    expect(flow.phase).toBe('guiding');
    expect(session.screen).toBe('capture');
    flow.stop();
  });

  it('any countdown stops when a check fails, and Take starts one only with a ready frame', async () => {
    let ready = true;
    const { session, flow } = setup(() => report(ready));
    await flow.start();
    await run(READY_HOLD_MS + 300, () => undefined);
    expect(flow.phase).toBe('countdown');
    ready = false;
    await run(300, () => undefined);
    expect(flow.phase).toBe('guiding');
    expect(flow.countdown).toBeNull();
    // Not ready: Take is unavailable and pressing it anyway starts nothing.
    expect(flow.canTake).toBe(false);
    expect(flow.takePhoto()).toBe(false);
    await run(COUNTDOWN_S * 1000 + 300, () => undefined);
    expect(session.screen).toBe('capture');
    // Ready again: Take starts at once, and a frame failing during its countdown stops it too.
    ready = true;
    await run(200, () => undefined);
    expect(flow.canTake).toBe(true);
    expect(flow.takePhoto()).toBe(true);
    expect(flow.phase).toBe('countdown');
    ready = false;
    await run(300, () => undefined);
    expect(flow.phase).toBe('guiding');
    await run(COUNTDOWN_S * 1000, () => undefined);
    expect(session.screen).toBe('capture');
    ready = true;
    await run(200, () => undefined);
    flow.takePhoto();
    await run(COUNTDOWN_S * 1000 + 300, () => undefined);
    expect(session.screen).toBe('analyzing');
  });

  it('keeps Take unavailable while no frame is ready: nothing is ever captured', async () => {
    const { session, flow, client } = setup(() => report(false, ['more_light']));
    await flow.start();
    await run(READY_HOLD_MS + COUNTDOWN_S * 1000 + 2000, () => {
      expect(flow.canTake).toBe(false);
      flow.takePhoto();
    });
    expect(flow.countdown).toBeNull();
    expect(session.screen).toBe('capture');
    expect(session.pendingFrame).toBeNull();
    expect(client.callsTo('analysis:preview-frame').length).toBeGreaterThan(10);
    flow.stop();
  });

  it('does not capture when the frame fails in the countdown’s last second', async () => {
    let ready = true;
    const { session, flow } = setup(() => report(ready));
    await flow.start();
    await run(READY_HOLD_MS + 300, () => undefined);
    expect(flow.phase).toBe('countdown');
    // Ready until shortly before the shutter, then one failing report.
    await run(COUNTDOWN_S * 1000 - 450, () => undefined);
    ready = false;
    await run(600, () => undefined);
    expect(session.screen).toBe('capture');
    expect(session.pendingFrame).toBeNull();
    expect(flow.countdown).toBeNull();
    flow.stop();
  });

  it('needs a fresh second of ready frames after a failing one before counting down again', async () => {
    let ready = true;
    const { flow } = setup(() => report(ready));
    await flow.start();
    await run(READY_HOLD_MS - 300, () => undefined);
    ready = false;
    await run(200, () => undefined);
    ready = true;
    await run(READY_HOLD_MS - 300, () => undefined);
    expect(flow.phase).toBe('guiding');
    await run(600, () => undefined);
    expect(flow.phase).toBe('countdown');
    flow.stop();
  });

  it('turns the first failing hint into the meter readings and the message', async () => {
    const { flow } = setup(() => report(false, ['move_closer', 'more_light']));
    expect(flow.hintKey).toBe('hints.starting');
    expect(flow.distance).toBe('unknown');
    await flow.start();
    await run(200, () => undefined);
    expect(flow.hintKey).toBe('hints.move_closer');
    expect(flow.distance).toBe('low');
    expect(flow.light).toBe('low');
    flow.stop();
  });

  it('sends a shopper without a camera to the camera-unavailable screen', async () => {
    const { client, session, flow } = setup(() => report(true), camera('denied'));
    expect(await flow.start()).toBe(false);
    expect(session.screen).toBe('camera-unavailable');
    // The camera reports itself to main (with its label); the flow does not report it twice.
    expect(client.callsTo('session:camera-state')).toEqual([]);
    expect(client.callsTo('analysis:preview-frame')).toEqual([]);
  });

  it('shows a guidance error and keeps trying', async () => {
    let fail = true;
    const client = new ScriptedClient()
      .answer('session:camera-state', { done: true, settings: null })
      .answer('analysis:preview-frame', () =>
        fail ? { error: { code: 'MODEL_UNAVAILABLE', message: 'x' } } : report(false),
      );
    const session = new KioskSession(client);
    const flow = new CaptureFlow({
      client,
      session,
      activity: () => undefined,
      frames: camera(),
      nextFrame: () => new Promise((r) => setTimeout(r, 50)),
    });
    await flow.start();
    await run(100, () => undefined);
    expect(flow.hintKey).toBe('errors.MODEL_UNAVAILABLE');
    fail = false;
    await run(700, () => undefined);
    expect(flow.hintKey).toBe('hints.move_closer');
    flow.stop();
  });
});

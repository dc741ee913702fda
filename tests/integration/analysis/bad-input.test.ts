import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskError } from '../../../electron/shared/result';
import {
  facesDir,
  groupPhotos,
  rgba,
  singleFaces,
  invokeAnalysis,
  startServices,
  type ServicesFixture,
} from './analysis-fixtures';

let fx: ServicesFixture;
beforeAll(async () => {
  fx = startServices();
  await fx.services.ready();
});
afterAll(async () => {
  await fx.close();
});

async function failure(bytes: Uint8Array): Promise<KioskError> {
  const error = await fx.services.analyzeEncoded(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KioskError);
  return error as KioskError;
}

/** A PNG header claiming `width`×`height` with almost no pixel data behind it. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
    const out = Buffer.alloc(12 + body.length);
    out.writeUInt32BE(body.length, 0);
    typed.copy(out, 4);
    out.writeUInt32BE(crc32(typed), 8 + body.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('bad input to the analysis', () => {
  const portrait = readFileSync(singleFaces[1]!);

  it('refuses what is not an image, a truncated file and a 0×0 image with IMAGE_INVALID', async () => {
    expect((await failure(Buffer.from('%PDF-1.7 not a photo'))).code).toBe('IMAGE_INVALID');
    expect((await failure(portrait.subarray(0, portrait.length >> 1))).code).toBe('IMAGE_INVALID');
    expect((await failure(pngHeader(0, 0))).code).toBe('IMAGE_INVALID');
  });

  it('refuses an image over 40 megapixels before decoding it', async () => {
    const error = await failure(pngHeader(10_000, 5_000));
    expect(error.code).toBe('IMAGE_TOO_LARGE');
    expect(error.message).toMatch(/50\.0 megapixels/);
  });

  it('analyses a grayscale photo', async () => {
    const grey = await sharp(portrait).toColourspace('b-w').png().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    const result = await fx.services.analyzeEncoded(grey);
    expect(result.profile.source).toBe('scan');
    expect(result.profile.meta!.timingsMs.decode).toBeGreaterThan(0);
  });

  it('says NO_FACE when there is nobody in the frame', async () => {
    const scenery = await sharp(path.join(facesDir, 'skimage-astronaut.png'))
      .extract({ left: 300, top: 300, width: 200, height: 200 })
      .png()
      .toBuffer();
    expect((await failure(scenery)).code).toBe('NO_FACE');
  });

  it('asks for one person at a time when several people are in view', async () => {
    const error = await failure(readFileSync(groupPhotos[2]!));
    expect(error.code).toBe('MULTIPLE_FACES');
    expect(error.message).toBe('One person at a time, please.');
    expect(Number(error.details?.faces)).toBeGreaterThanOrEqual(2);
  });

  it('says QUALITY_SIZE when the face is too far away to measure', async () => {
    // The portrait shrunk so the face is about 70 px across.
    const small = await sharp(portrait).resize({ width: 180 }).png().toBuffer();
    const error = await failure(small);
    expect(error.code).toBe('QUALITY_SIZE');
    expect(Number(error.details?.faceWidthPx)).toBeLessThan(96);
  });

  it('keeps working after every kind of failure', async () => {
    for (const bytes of [Buffer.alloc(0), pngHeader(9000, 9000), portrait.subarray(0, 100)])
      await failure(bytes);
    expect((await fx.services.analyzeEncoded(portrait)).profile.metrics).toHaveLength(8);
  });
});

describe('bad frames over the contract', () => {
  const invoke = (channel: string, raw: unknown) => invokeAnalysis(fx, channel, raw);

  it('answers a malformed frame with INVALID_INPUT instead of throwing', async () => {
    expect(
      await invoke('analysis:analyze', {
        frame: { width: 2, height: 2, data: new Uint8Array(5) },
        answers: {},
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await invoke('analysis:preview-frame', { width: 5000, height: 5000, data: new Uint8Array(4) }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('answers a blank frame with NO_FACE, and a group with MULTIPLE_FACES', async () => {
    const blank = { width: 64, height: 48, data: new Uint8Array(64 * 48 * 4).fill(128) };
    expect(await invoke('analysis:analyze', { frame: blank, answers: {} })).toMatchObject({
      ok: false,
      error: { code: 'NO_FACE' },
    });
    const group = await rgba(groupPhotos[2]!, 1280);
    expect(await invoke('analysis:analyze', { frame: group, answers: {} })).toMatchObject({
      ok: false,
      error: { code: 'MULTIPLE_FACES', message: 'One person at a time, please.' },
    });
  });
});

import QRCode from 'qrcode';
import { chooseErrorLevel, QR_MAX_BYTES, QR_QUIET_ZONE_MODULES } from '../../core/checkout/qr-policy';
import { KioskError } from '../../shared/result';

const check = (text: string) => {
  if (text.length === 0 || Buffer.byteLength(text, 'utf8') > QR_MAX_BYTES) {
    throw new KioskError('INVALID_INPUT', `QR text must be 1–${QR_MAX_BYTES} bytes.`);
  }
};

/**
 * SVG markup for the renderer: a viewBox and no fixed size, so the code stays sharp at whatever
 * size the screen draws it. Dark on white, with the four-module quiet zone kept.
 */
export async function renderQrSvg(text: string): Promise<string> {
  check(text);
  return QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: chooseErrorLevel(text),
    margin: QR_QUIET_ZONE_MODULES,
    color: { dark: '#000000', light: '#ffffff' },
  });
}

/** A PNG (for the CLI and print), `scale` pixels per module. */
export async function renderQrPng(text: string, scale = 8): Promise<Buffer> {
  check(text);
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: chooseErrorLevel(text),
    margin: QR_QUIET_ZONE_MODULES,
    scale,
    color: { dark: '#000000', light: '#ffffff' },
  });
}

/**
 * Which PIN may open staff mode. The demo PIN exists for a kiosk that has no config file at all (a
 * developer's machine, a showroom demo). A kiosk that has a config file has been provisioned for a
 * store: it never falls back to the demo PIN — not when the file leaves the PIN out, and not when the
 * file cannot be used ("needs setup"), where staff mode stays closed until a valid file is in place.
 */
export type StaffPin =
  { kind: 'provisioned'; hash: string } | { kind: 'demo'; hash: string } | { kind: 'none'; reason: string };

export interface StaffPinInputs {
  /** A config file exists (whether or not it could be used). */
  configFound: boolean;
  /** Why the config cannot be used, when it cannot. */
  needsSetup: string | null;
  /** `staff.pinHash` of the config in use. */
  pinHash: string | null;
}

export function staffPinFor(inputs: StaffPinInputs, demoHash: string): StaffPin {
  if (inputs.needsSetup !== null) {
    return {
      kind: 'none',
      reason: 'The kiosk config cannot be used, so staff mode stays closed until IT provisions a valid one.',
    };
  }
  if (!inputs.configFound) return { kind: 'demo', hash: demoHash };
  if (inputs.pinHash !== null) return { kind: 'provisioned', hash: inputs.pinHash };
  return {
    kind: 'none',
    reason: 'No staff PIN is provisioned in the kiosk config; set one with `skinkiosk provision --pin`.',
  };
}

import { getContext, setContext } from 'svelte';
import type { KioskClient } from './client/kiosk-client';
import type { I18n } from './i18n.svelte';
import type { KioskSession } from './kiosk-session.svelte';
import type { Camera } from './camera.svelte';
import type { IdleTimer } from './idle-timer.svelte';
import type { Branding } from './branding.svelte';
import type { PaymentFlow } from './payment-flow.svelte';

/** The app's state objects, created once in App.svelte and shared with screens through context. */
export interface AppContext {
  client: KioskClient;
  session: KioskSession;
  i18n: I18n;
  camera: Camera;
  idle: IdleTimer;
  branding: Branding;
  payment: PaymentFlow;
}

const KEY = Symbol('skin-kiosk-app');

export const setAppContext = (ctx: AppContext): AppContext => setContext(KEY, ctx);
export const getAppContext = (): AppContext => getContext<AppContext>(KEY);

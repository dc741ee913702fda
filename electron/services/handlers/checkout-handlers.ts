import { KioskError } from '../../shared/result';
import { requireUnchanged } from '../../core/checkout/cart-pricing';
import type { CheckoutServices } from '../checkout-services';
import type { PartialHandlerTable } from '../handler-types';

type CheckoutChannel =
  | 'checkout:price'
  | 'checkout:links'
  | 'checkout:save-results'
  | 'payment:start'
  | 'payment:cancel'
  | 'payment:state'
  | 'payment:orders'
  | 'payment:refund'
  | 'payment:demo-tap';

/** The checkout and payment channels. Staff checks and input parsing are done by the host. */
export function createCheckoutHandlers(services: CheckoutServices): PartialHandlerTable<CheckoutChannel> {
  const payments = () => {
    if (!services.payments)
      throw new KioskError(
        'PAYMENT_NOT_CONFIGURED',
        services.paymentsUnavailable ?? 'Card payments are not available.',
      );
    return services.payments;
  };
  return {
    'checkout:price': (input) => services.checkout.price(input),
    'checkout:links': (input) => services.checkout.links(input),
    'checkout:save-results': (input) => services.checkout.saveResults(input),
    // The cart is priced here, from the catalog, whatever the renderer believes it costs; a paid
    // cart is refused before anything else, and a cart that changed since it was shown is not paid.
    'payment:start': async (input) => {
      const service = payments();
      service.assertCartOpen();
      return service.start(requireUnchanged(await services.checkout.price(input)));
    },
    'payment:cancel': (input) => payments().cancel(input.orderId),
    'payment:state': (input) => payments().state(input.orderId),
    'payment:orders': async (input) => payments().orders(input.limit),
    'payment:refund': (input) => payments().refund(input.orderId),
    'payment:demo-tap': async (input) => {
      services.demoTap(input.card);
      return { done: true as const };
    },
  };
}

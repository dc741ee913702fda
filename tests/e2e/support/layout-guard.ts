import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { expectAccessible } from './preview-host-fixture';

/** Smallest touch target anywhere on a shopper or staff screen, in CSS pixels. */
const MIN_TOUCH_PX = 48;

interface LayoutProblem {
  kind: 'viewport' | 'card' | 'clipped' | 'touch' | 'emoji';
  what: string;
  detail: string;
}

/**
 * Everything wrong with the current screen's layout, measured in the page: elements outside the
 * viewport (scrolling regions may hold content below the fold, never beside it), content spilling
 * out of its card, text cut off by its box, touch targets under 48 px, and emoji used as icons.
 */
async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate((minTouch) => {
    const problems: { kind: string; what: string; detail: string }[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const name = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.id;
      const cls =
        typeof el.className === 'string'
          ? el.className.split(/\s+/).filter((c) => c && !c.startsWith('svelte-'))[0]
          : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${cls ? `.${cls}` : ''}${text ? ` "${text}"` : ''}`;
    };
    const visible = (el: Element) => {
      const s = getComputedStyle(el);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
      if (el.closest('.visually-hidden')) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const scrollsY = (el: Element) => /(auto|scroll)/.test(getComputedStyle(el).overflowY);
    const clipsX = (el: Element) => /(hidden|clip|auto|scroll)/.test(getComputedStyle(el).overflowX);
    const scroller = (el: Element): Element | null => {
      for (let p = el.parentElement; p; p = p.parentElement) if (scrollsY(p)) return p;
      return null;
    };
    const all = [...document.body.querySelectorAll('*')].filter(
      (el) => !(el instanceof SVGElement && !(el instanceof SVGSVGElement)) && visible(el),
    );
    if (document.documentElement.scrollWidth > vw + 1)
      problems.push({
        kind: 'viewport',
        what: 'document',
        detail: `scrollWidth ${document.documentElement.scrollWidth} > ${vw}`,
      });
    for (const el of all) {
      const r = el.getBoundingClientRect();
      const inScroller = scroller(el);
      // Horizontally nothing may leave the screen; vertically only content inside a scrolling region.
      const clippedByAncestor = (() => {
        for (let p = el.parentElement; p; p = p.parentElement)
          if (clipsX(p) && p !== document.body) {
            const pr = p.getBoundingClientRect();
            if (r.left >= pr.left - 1 && r.right <= pr.right + 1) return false;
            return true;
          }
        return false;
      })();
      if (!clippedByAncestor && (r.left < -1 || r.right > vw + 1))
        problems.push({
          kind: 'viewport',
          what: name(el),
          detail: `x ${Math.round(r.left)}–${Math.round(r.right)} of ${vw}`,
        });
      if (!inScroller && (r.top < -1 || r.bottom > vh + 1))
        problems.push({
          kind: 'viewport',
          what: name(el),
          detail: `y ${Math.round(r.top)}–${Math.round(r.bottom)} of ${vh}`,
        });
      const card = el.parentElement?.closest('.card');
      // A dialog drawn from inside a card is fixed to the screen, not part of the card's layout.
      const overlaid = (() => {
        for (let p: Element | null = el; p && p !== card; p = p.parentElement)
          if (getComputedStyle(p).position === 'fixed') return true;
        return false;
      })();
      if (card && !overlaid) {
        const cr = card.getBoundingClientRect();
        const cardScrolls = scrollsY(card) || scroller(el) !== scroller(card);
        if (
          r.left < cr.left - 1 ||
          r.right > cr.right + 1 ||
          (!cardScrolls && (r.top < cr.top - 1 || r.bottom > cr.bottom + 1))
        )
          problems.push({ kind: 'card', what: name(el), detail: `outside ${name(card).slice(0, 30)}` });
      }
      // Text cut off: a box narrower (or shorter) than its own content that hides the rest.
      const s = getComputedStyle(el);
      const hidesX = /(hidden|clip)/.test(s.overflowX) || s.textOverflow === 'ellipsis';
      const hidesY = /(hidden|clip)/.test(s.overflowY);
      const hasText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim(),
      );
      if (
        hasText &&
        ((hidesX && el.scrollWidth > el.clientWidth + 1) || (hidesY && el.scrollHeight > el.clientHeight + 1))
      )
        problems.push({
          kind: 'clipped',
          what: name(el),
          detail: `${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
        });
      const interactive =
        el.matches(
          'button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=radio], [role=checkbox], label:has(input)',
        ) &&
        !el.closest('.visually-hidden') &&
        !(el.matches('input') && el.closest('label'));
      if (interactive && (r.width < minTouch - 0.5 || r.height < minTouch - 0.5))
        problems.push({
          kind: 'touch',
          what: name(el),
          detail: `${Math.round(r.width)}×${Math.round(r.height)}`,
        });
    }
    // No emoji as icons: they have no font on many kiosk images and render as empty boxes.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      if (
        /(?![\u00a9\u00ae\u2122])\p{Extended_Pictographic}/u.test(text) &&
        n.parentElement &&
        visible(n.parentElement)
      )
        problems.push({ kind: 'emoji', what: name(n.parentElement), detail: text.trim().slice(0, 20) });
    }
    return problems;
  }, MIN_TOUCH_PX) as Promise<LayoutProblem[]>;
}

/** The layout guard every screen passes, plus axe. */
export async function expectSoundLayout(page: Page): Promise<void> {
  // Web fonts and transitions settle before measuring.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(350);
  const problems = await layoutProblems(page);
  expect(problems.map((p) => `${p.kind}: ${p.what} — ${p.detail}`)).toEqual([]);
  await expectAccessible(page);
}

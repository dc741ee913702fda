import type { RoutineStep } from '../../electron/shared/schemas/catalog-schemas';

/** Label tints, picked per product so neighbouring cards look different. */
const LABELS = ['#f4efe6', '#e8f0ec', '#f3e6e6', '#e6ecf4', '#f2f0df', '#ece6f2'];

/** Container outlines on a 96×96 canvas: pump bottle, dropper, tube, jar, compact. */
function container(step: RoutineStep, body: string, label: string): string {
  switch (step) {
    case 'serum':
    case 'treatment':
      return `<rect x="38" y="10" width="20" height="14" rx="3" fill="#333"/><rect x="30" y="24" width="36" height="62" rx="8" fill="${body}"/><rect x="34" y="44" width="28" height="24" rx="3" fill="${label}"/>`;
    case 'cleanser':
    case 'toner':
      return `<rect x="42" y="6" width="12" height="10" fill="#444"/><rect x="36" y="14" width="24" height="8" rx="2" fill="#555"/><rect x="28" y="22" width="40" height="66" rx="10" fill="${body}"/><rect x="32" y="42" width="32" height="28" rx="3" fill="${label}"/>`;
    case 'sunscreen':
    case 'eye':
      return `<rect x="36" y="74" width="24" height="14" rx="2" fill="#444"/><path d="M30 10 H66 L62 74 H34 Z" fill="${body}"/><rect x="38" y="28" width="20" height="30" rx="2" fill="${label}"/>`;
    case 'moisturizer':
    case 'mask':
      return `<rect x="20" y="30" width="56" height="12" rx="4" fill="#555"/><rect x="16" y="42" width="64" height="40" rx="10" fill="${body}"/><rect x="28" y="52" width="40" height="18" rx="3" fill="${label}"/>`;
    case 'foundation':
      return `<rect x="40" y="8" width="16" height="18" rx="2" fill="#222"/><rect x="28" y="26" width="40" height="62" rx="6" fill="${body}"/><rect x="32" y="32" width="32" height="50" rx="4" fill="${label}" opacity="0.55"/>`;
    case 'concealer':
      return `<rect x="40" y="6" width="16" height="34" rx="3" fill="#222"/><rect x="38" y="40" width="20" height="48" rx="4" fill="${body}"/><rect x="41" y="50" width="14" height="26" rx="2" fill="${label}"/>`;
  }
}

/** A simple flat product shot: the brand's colour on the container shape of its routine step. */
export function productImageSvg(step: RoutineStep, brandColour: string, index: number): string {
  const label = LABELS[index % LABELS.length]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" fill="#faf8f5"/>${container(step, brandColour, label)}</svg>`;
}

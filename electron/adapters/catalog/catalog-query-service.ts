import { routineFromPlan } from '../../core/catalog/routine-assembly';
import { recommendRoutine } from '../../core/catalog/routine-recommender';
import { buildFtsQuery } from '../../core/catalog/search-query';
import { matchShades } from '../../core/catalog/shade-matcher';
import { deriveNeeds } from '../../core/catalog/shopper-needs';
import type { CheckoutProduct, ProductLookup } from '../../core/checkout/product-lookup-port';
import type { ProductSummary, Routine, ShadeMatch } from '../../shared/schemas/catalog-schemas';
import type { QuestionnaireAnswers } from '../../shared/schemas/questionnaire-schemas';
import type { Lab, SkinProfile } from '../../shared/schemas/skin-profile-schemas';
import type { CatalogStore } from './catalog-store';
import type { ProductImageCache } from './product-image-cache';

/**
 * The shopper-facing reads of the catalog for one store: routines, shade matches, search and the
 * product lookup checkout prices from. All of it works offline on the installed catalog.
 */
export class CatalogQueryService implements ProductLookup {
  constructor(
    private readonly store: CatalogStore,
    private readonly images: ProductImageCache,
    private readonly storeId: string,
  ) {}

  recommend(profile: SkinProfile, answers: QuestionnaireAnswers, budgetMinor: number | null): Routine {
    const reader = this.store.read();
    const plan = recommendRoutine(
      deriveNeeds(profile, answers),
      this.store.candidates(this.storeId),
      budgetMinor,
    );
    const skus = plan.slots.flatMap((slot) => slot.picks.map((pick) => pick.sku));
    const summaries = reader.summaries(skus, this.storeId, this.images.urlFor);
    return routineFromPlan(plan, summaries, this.store.meta()?.version ?? '');
  }

  shadeMatch(lab: Lab, step: 'foundation' | 'concealer', shift: number): ShadeMatch {
    const reader = this.store.read();
    const result = matchShades(lab, this.store.shadeOptions(step, this.storeId), shift);
    const summaries = reader.summaries(
      result.hits.map((hit) => hit.option.sku),
      this.storeId,
      this.images.urlFor,
    );
    return {
      candidates: result.hits.flatMap(({ option, deltaE00 }) => {
        const product = summaries.get(option.sku);
        if (!product) return [];
        const { shade } = option;
        return [
          {
            product,
            shadeName: shade.name,
            hex: shade.hex,
            lab: shade.lab,
            undertone: shade.undertone,
            deltaE00: Math.round(deltaE00 * 100) / 100,
          },
        ];
      }),
      closeMatch: result.closeMatch,
    };
  }

  search(query: string, limit: number): ProductSummary[] {
    const fts = buildFtsQuery(query);
    return fts ? this.store.read().search(fts, limit, this.storeId, this.images.urlFor) : [];
  }

  findBySkus(skus: readonly string[]): CheckoutProduct[] {
    return this.store.read().checkoutProducts(skus, this.storeId, this.images.urlFor);
  }
}

import { z } from 'zod';

/** "How does your skin feel by midday?" */
export const MiddayFeel = z.enum(['oily_all_over', 'oily_tzone', 'comfortable', 'tight_dry']);
/** "Does your skin react to new products (stinging, redness)?" */
export const Sensitivity = z.enum(['often', 'sometimes', 'rarely']);
/** "What is your main goal?" */
export const SkinGoal = z.enum([
  'hydration',
  'even_tone',
  'anti_aging',
  'oil_control',
  'calm_redness',
  'smooth_texture',
]);

/** The shopper's answers. Every question can be skipped, so every field is optional. */
export const QuestionnaireAnswers = z
  .object({
    middayFeel: MiddayFeel.optional(),
    sensitivity: Sensitivity.optional(),
    goal: SkinGoal.optional(),
  })
  .strict();

export type MiddayFeel = z.infer<typeof MiddayFeel>;
export type Sensitivity = z.infer<typeof Sensitivity>;
export type SkinGoal = z.infer<typeof SkinGoal>;
export type QuestionnaireAnswers = z.infer<typeof QuestionnaireAnswers>;

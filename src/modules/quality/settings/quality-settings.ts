import { eq } from 'drizzle-orm';
import { qualitySettings } from '../schema.js';
import { AppError } from '../../../platform/errors.js';
import type { WorkContext } from '../../../platform/tenancy/scope.js';
import { resolveRubric, type Rubric } from '../../../engine/quality/formats.js';
import {
  defaultOutlierSettings,
  rubricOverridesSchema,
  type OutlierSettings,
  type RubricOverrides,
} from './settings-schema.js';

export type QualitySettings = {
  rubric: Rubric;
  outlier: OutlierSettings;
  overrides: RubricOverrides;
  updatedAt: Date | null;
  updatedBy: string | null;
};

function effective(overrides: RubricOverrides): Pick<QualitySettings, 'rubric' | 'outlier'> {
  const { outlier, ...engine } = overrides;
  return {
    rubric: resolveRubric(engine as Partial<Rubric>),
    outlier: { ...defaultOutlierSettings, ...outlier },
  };
}

// Every scoring in the workspace goes through here, so a rubric change applies to the next score.
export async function loadQualitySettings(ctx: WorkContext): Promise<QualitySettings> {
  const [row] = await ctx.tx
    .select()
    .from(qualitySettings)
    .where(eq(qualitySettings.workspaceId, ctx.workspaceId));
  // Stored overrides were valid when written; if a later release stops accepting them, scoring
  // falls back to the defaults rather than failing for the whole workspace.
  const parsed = rubricOverridesSchema.safeParse(row?.rubric ?? {});
  const overrides = parsed.success ? parsed.data : {};
  return {
    ...effective(overrides),
    overrides,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

// A PUT replaces the workspace's overrides: a field left out goes back to the default.
export async function saveQualitySettings(
  ctx: WorkContext,
  overrides: RubricOverrides,
): Promise<QualitySettings> {
  const { rubric } = effective(overrides);
  // The engine divides by the sum of the weights, so only "all zero" leaves nothing to score by.
  if (!Object.values(rubric.weights).some((w) => w > 0)) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'At least one weight must be above 0',
      invalidParams: [{ name: 'weights', reason: 'every criterion would weigh nothing' }],
    });
  }
  const now = new Date();
  await ctx.tx
    .insert(qualitySettings)
    .values({ workspaceId: ctx.workspaceId, rubric: overrides, updatedAt: now, updatedBy: ctx.actor.userId })
    .onConflictDoUpdate({
      target: qualitySettings.workspaceId,
      set: { rubric: overrides, updatedAt: now, updatedBy: ctx.actor.userId },
    });
  ctx.emit('quality.rubric_changed', { overrides });
  return loadQualitySettings(ctx);
}

export function presentSettings(settings: QualitySettings) {
  return {
    rubric: { ...settings.rubric, outlier: settings.outlier },
    overrides: settings.overrides,
    updatedAt: settings.updatedAt,
    updatedBy: settings.updatedBy,
  };
}

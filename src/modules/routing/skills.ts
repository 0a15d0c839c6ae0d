import type { SkillRequirement } from '../conversations/index.js';
import type { SkillLevel } from '../workspaces/index.js';

/** Skills by name with a level: what an agent has, or the least a conversation needs. */
export type SkillMap = Record<string, number>;

/** A conversation's requirements as routing keeps them: required and preferred, null when none. */
export function requirementMaps(list: readonly SkillRequirement[]) {
  const pick = (preferred: boolean) => {
    const chosen = list.filter((r) => r.preferred === preferred);
    return chosen.length ? Object.fromEntries(chosen.map((r) => [r.skill, r.minLevel])) : null;
  };
  return { requiredSkills: pick(false), preferredSkills: pick(true) };
}

/** The requirements as the conversation's `routing` shows them, required first, by name. */
export function requirementList(required: SkillMap | null, preferred: SkillMap | null): SkillRequirement[] {
  const list = (map: SkillMap | null, isPreferred: boolean) =>
    Object.entries(map ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([skill, minLevel]) => ({ skill, minLevel, preferred: isPreferred }));
  return [...list(required, false), ...list(preferred, true)];
}

export const skillMapOf = (skills: readonly SkillLevel[]): SkillMap =>
  Object.fromEntries(skills.map((s) => [s.skill, s.level]));

/** Whether an agent has every skill asked for, each at its level or above. */
export function meets(agent: SkillMap, need: SkillMap | null): boolean {
  if (!need) return true;
  for (const skill in need) if ((agent[skill] ?? 0) < need[skill]!) return false;
  return true;
}

/** The highest level of each skill among these agents: no conversation needing more can go. */
export function bestLevels(agents: readonly SkillMap[]): SkillMap {
  const best: SkillMap = {};
  for (const agent of agents)
    for (const skill in agent) best[skill] = Math.max(best[skill] ?? 0, agent[skill]!);
  return best;
}

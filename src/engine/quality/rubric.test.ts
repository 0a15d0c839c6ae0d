import { describe, expect, it } from 'vitest';
import { defaultRubric, resolveRubric } from './rubric.js';

describe('resolveRubric', () => {
  it('returns the defaults when nothing is given', () => {
    expect(resolveRubric()).toBe(defaultRubric);
    expect(defaultRubric.longHoldSeconds).toBe(300);
  });

  it('merges partial settings field by field', () => {
    const rubric = resolveRubric({
      longHoldSeconds: 120,
      penalties: { ...defaultRubric.penalties, longHold: 20 },
    });
    expect(rubric.longHoldSeconds).toBe(120);
    expect(rubric.penalties.longHold).toBe(20);
    expect(rubric.weights).toEqual(defaultRubric.weights);
    expect(rubric.prematureCloseTurns).toBe(defaultRubric.prematureCloseTurns);
  });
});

/**
 * The scenarios a shell's `run` and `reset` know: a lab's own first (ShellOptions.scenarios), then
 * the named ones of src/sim that they do not hide.
 */
import { SCENARIOS, type Scenario } from '../sim/index.ts';
import type { Completer, ShellState } from './types.ts';

export function knownScenarios(state: ShellState): readonly Scenario[] {
  const own = state.labScenarios;
  return [...own, ...SCENARIOS.filter((s) => !own.some((o) => o.name === s.name))];
}

export function findKnownScenario(state: ShellState, name: string): Scenario | undefined {
  return knownScenarios(state).find((s) => s.name === name);
}

/** Each scenario with what it shows, a lab's own apart (`run --list`). */
export function scenarioList(state: ShellState): string {
  const lines = (list: readonly Scenario[]) => list.map((s) => `  ${s.name.padEnd(14)} ${s.description}\n`).join('');
  const own = state.labScenarios;
  const others = knownScenarios(state).slice(own.length);
  return own.length === 0 ? `scenarios:\n${lines(others)}` : `scenarios of this lab:\n${lines(own)}other scenarios:\n${lines(others)}`;
}

/** The scenarios' names in one line, a lab's own marked: "steady, overload (this lab's); ring-overflow, …". */
export function scenarioNames(state: ShellState, except?: string): string {
  const names = (list: readonly Scenario[]) => list.map((s) => s.name).filter((n) => n !== except).join(', ');
  const own = names(state.labScenarios);
  const others = names(knownScenarios(state).slice(state.labScenarios.length));
  return own === '' ? others : `${own} (this lab's); ${others}`;
}

/** A scenario's name (run SCENARIO, reset SCENARIO). */
export const completeScenario: Completer = (_words, word, state) => knownScenarios(state).map((s) => s.name).filter((n) => n.startsWith(word));

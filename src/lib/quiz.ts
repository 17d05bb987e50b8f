/** Build-time validation of <Quiz> props, with errors that name the chapter. */
export interface QuizOption {
  text: string;
  correct?: boolean;
  explain: string;
}

export interface QuizProps {
  question: string;
  options: QuizOption[];
}

/** Returns the problems with a quiz's props (empty when fine). */
export function quizProblems(props: Partial<QuizProps> | undefined): string[] {
  const problems: string[] = [];
  if (!props || typeof props.question !== 'string' || props.question.trim().length < 3) {
    problems.push('`question` must be a non-empty string');
  }
  const options = props?.options;
  if (!Array.isArray(options) || options.length < 2) {
    problems.push('`options` must be an array of at least two options ({ text, correct?, explain })');
    return problems;
  }
  options.forEach((o, i) => {
    const n = `option ${i + 1}${o && typeof o.text === 'string' ? ` ("${o.text.slice(0, 40)}")` : ''}`;
    if (!o || typeof o !== 'object') {
      problems.push(`${n} must be an object { text, correct?, explain }`);
      return;
    }
    if (typeof o.text !== 'string' || !o.text.trim()) problems.push(`${n} has no \`text\``);
    if (typeof o.explain !== 'string' || !o.explain.trim()) problems.push(`${n} has no \`explain\` (every option needs an explanation shown when it is chosen)`);
    if (o.correct !== undefined && typeof o.correct !== 'boolean') problems.push(`${n}: \`correct\` must be true or false`);
  });
  if (!options.some((o) => o && o.correct === true)) problems.push('no option has `correct: true` (at least one must be correct)');
  return problems;
}

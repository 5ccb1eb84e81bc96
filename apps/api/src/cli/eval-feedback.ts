/**
 * `npm run eval:feedback`: trains the feedback classifier on the training side of the shipped
 * examples and prints its accuracy on the held-out side, recall per category and the confusions of
 * the worst category. Exits 1 below 80 % accuracy, so a bad edit of the examples is noticed.
 */

import { evaluateClassifier, worstCategory } from '../modules/feedback/classifier/evaluate';
import { readExamples } from '../modules/feedback/classifier/examples';

const MIN_ACCURACY = 0.8;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const examples = readExamples();
const evaluation = evaluateClassifier(examples);
console.log(
  `Feedback classifier — ${examples.length} examples: ${evaluation.trainSize} train, ${evaluation.heldOutSize} held-out`,
);
console.log(`Trained in ${evaluation.trainMillis.toFixed(0)} ms`);
console.log(`Held-out accuracy: ${pct(evaluation.accuracy)}`);
console.log(
  `Confident answers (≥ threshold): ${evaluation.confident.count}/${evaluation.heldOutSize}, accuracy ${pct(evaluation.confident.accuracy)}`,
);
console.log('\nCalibration (held-out answers by confidence):');
for (const band of evaluation.calibration) {
  console.log(
    `  [${band.from.toFixed(2)}, ${band.to.toFixed(2)}${band.to === 1 ? ']' : ')'}  ${String(band.count).padStart(3)} answers, mean confidence ${pct(band.meanConfidence)}, right ${pct(band.accuracy)}`,
  );
}
console.log('\nRecall per category:');
for (const row of evaluation.perCategory) {
  const recall = row.recall === null ? '  n/a' : pct(row.recall).padStart(6);
  console.log(`  ${row.category.padEnd(16)} ${recall}  (${row.correct}/${row.total})`);
}
const worst = worstCategory(evaluation);
if (worst) {
  const confusions = worst.confusedWith.map((c) => `${c.category} ×${c.count}`).join(', ');
  console.log(`\nWorst category: ${worst.category} — confused with: ${confusions || 'none'}`);
}
if (evaluation.accuracy < MIN_ACCURACY) {
  console.error(`Accuracy below ${pct(MIN_ACCURACY)}`);
  process.exit(1);
}

/**
 * Cosine similarity of two embeddings, in [−1, 1]. Works for unnormalised vectors too; for
 * L2-normalised ones (what `FaceEmbedder` returns) it equals the dot product.
 *
 * @throws {RangeError} when the lengths differ or either vector is empty or all zero.
 */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) {
    throw new RangeError(`embeddings differ in length (${a.length} vs ${b.length}) or are empty`);
  }
  let [dot, normA, normB] = [0, 0, 0];
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i] as number, b[i] as number];
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) throw new RangeError('an all-zero embedding has no direction');
  return dot / Math.sqrt(normA * normB);
}

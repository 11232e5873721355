/** Eigen-decomposition of a small symmetric matrix. */
export interface SymmetricEigen {
  /** Eigenvalues, ascending. */
  readonly values: readonly number[];
  /** `vectors[i]` is the unit eigenvector of `values[i]`. */
  readonly vectors: readonly (readonly number[])[];
}

/** Jacobi sweeps converge quadratically; a 9×9 matrix needs well under 20, so this bound never cuts a real run short. */
const MAX_SWEEPS = 64;

/**
 * Cyclic Jacobi eigen-decomposition of the symmetric `n`×`n` matrix `matrix` (row-major, length
 * n²). Plain and bounded: a fixed maximum number of sweeps, so hostile input cannot make it hang.
 * Accurate for the small, well-scaled matrices the homography fit builds.
 */
export function symmetricEigen(matrix: readonly number[], n: number): SymmetricEigen {
  const a = Array.from(matrix);
  const v = Array.from({ length: n * n }, (_, i): number => (i % (n + 1) === 0 ? 1 : 0));
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let offDiagonal = 0;
    let diagonal = 0;
    for (let i = 0; i < n; i++) {
      diagonal += (a[i * n + i] ?? 0) ** 2;
      for (let j = i + 1; j < n; j++) offDiagonal += (a[i * n + j] ?? 0) ** 2;
    }
    if (offDiagonal <= 1e-30 * diagonal || offDiagonal === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] ?? 0;
        if (apq === 0) continue;
        const app = a[p * n + p] ?? 0;
        const aqq = a[q * n + q] ?? 0;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] ?? 0;
          const akq = a[k * n + q] ?? 0;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] ?? 0;
          const aqk = a[q * n + k] ?? 0;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] ?? 0;
          const vkq = v[k * n + q] ?? 0;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (a[i * n + i] ?? 0) - (a[j * n + j] ?? 0));
  return {
    values: order.map((i) => a[i * n + i] ?? 0),
    vectors: order.map((i) => Array.from({ length: n }, (_, k) => v[k * n + i] ?? 0)),
  };
}

package dev.kefu.answer;

import java.util.List;

/**
 * L2-regularized conditional logit (a softmax over each line's candidates) and binary logistic
 * regression, fitted by Newton's method with a halving line search: a few dozen features and some thousands of rows, so each step solves the small Hessian
 * system exactly. Deterministic (no random start, no shuffling): the same rows always give the same
 * weights. Stateless.
 */
final class LogisticFit {
    private static final int MAX_STEPS = 50;
    private static final double TOLERANCE = 1e-9;

    private LogisticFit() {
    }

    /**
     * Conditional-logit weights (a softmax over each group's candidates): {@code groups} holds, per
     * training line, its first row, end row and the row of its right candidate; lines whose right
     * entry is not among the candidates teach nothing and are skipped. No bias: it cancels in a
     * softmax (the last weight stays 0).
     */
    static double[] fitSoftmax(List<double[]> rows, List<int[]> groups, int features, double lambda) {
        double[] w = new double[features + 1];
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] gradient = new double[features];
            double[][] hessian = new double[features][features];
            for (int[] group : groups) {
                if (group[2] < 0) {
                    continue;
                }
                double[] p = softmax(w, rows, group[0], group[1], features);
                double[] mean = new double[features];
                for (int r = group[0]; r < group[1]; r++) {
                    double[] x = rows.get(r);
                    double pr = p[r - group[0]];
                    for (int i = 0; i < features; i++) {
                        mean[i] += pr * x[i];
                        gradient[i] += (pr - (r == group[2] ? 1 : 0)) * x[i];
                        for (int j = 0; j <= i; j++) {
                            hessian[i][j] += pr * x[i] * x[j];
                        }
                    }
                }
                for (int i = 0; i < features; i++) {
                    for (int j = 0; j <= i; j++) {
                        hessian[i][j] -= mean[i] * mean[j];
                    }
                }
            }
            for (int i = 0; i < features; i++) {
                for (int j = 0; j < i; j++) {
                    hessian[j][i] = hessian[i][j];
                }
                gradient[i] += lambda * w[i];
                hessian[i][i] += lambda;
            }
            double[] current = w;
            w = step(w, solve(hessian, gradient), features, next -> loss(next, rows, groups, features, lambda));
            if (distance(current, w) < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    /** The negative log-likelihood of the right candidates plus the L2 penalty. */
    private static double loss(double[] w, List<double[]> rows, List<int[]> groups, int features, double lambda) {
        double loss = 0;
        for (int[] group : groups) {
            if (group[2] >= 0) {
                double[] p = softmax(w, rows, group[0], group[1], features);
                loss -= Math.log(Math.max(p[group[2] - group[0]], 1e-300));
            }
        }
        for (int i = 0; i < features; i++) {
            loss += lambda / 2 * w[i] * w[i];
        }
        return loss;
    }

    /**
     * Binary logistic regression (the calibration of the best candidate): weights for {@code rows}
     * with 0/1 {@code labels}; the last weight is the bias, not penalized.
     */
    static double[] fitBinary(List<double[]> rows, List<Boolean> labels, int features, double lambda) {
        int n = features + 1;
        double[] w = new double[n];
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            for (int r = 0; r < rows.size(); r++) {
                double[] x = rows.get(r);
                double p = sigmoid(dot(w, x, features));
                double err = p - (labels.get(r) ? 1 : 0);
                double curvature = Math.max(p * (1 - p), 1e-12);
                for (int i = 0; i < n; i++) {
                    double xi = i == features ? 1 : x[i];
                    gradient[i] += err * xi;
                    for (int j = 0; j <= i; j++) {
                        hessian[i][j] += curvature * xi * (j == features ? 1 : x[j]);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    hessian[j][i] = hessian[i][j];
                }
                gradient[i] += i < features ? lambda * w[i] : 0;
                hessian[i][i] += i < features ? lambda : 1e-9;
            }
            double[] current = w;
            w = step(w, solve(hessian, gradient), n, next -> binaryLoss(next, rows, labels, features, lambda));
            if (distance(current, w) < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    /**
     * Newton's step {@code w - t delta} over the first {@code n} weights, {@code t} halved from 1
     * until {@code loss} no longer rises (a full step can overshoot from far away).
     */
    private static double[] step(double[] w, double[] delta, int n, java.util.function.ToDoubleFunction<double[]> loss) {
        double before = loss.applyAsDouble(w);
        double[] next = w.clone();
        for (double t = 1; t > 1e-6; t /= 2) {
            for (int i = 0; i < n; i++) {
                next[i] = w[i] - t * delta[i];
            }
            if (loss.applyAsDouble(next) <= before) {
                break;
            }
        }
        return next;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum;
    }

    private static double binaryLoss(double[] w, List<double[]> rows, List<Boolean> labels, int features,
                                     double lambda) {
        double loss = 0;
        for (int r = 0; r < rows.size(); r++) {
            double p = sigmoid(dot(w, rows.get(r), features));
            loss -= Math.log(Math.max(labels.get(r) ? p : 1 - p, 1e-300));
        }
        for (int i = 0; i < features; i++) {
            loss += lambda / 2 * w[i] * w[i];
        }
        return loss;
    }

    /** The index of the highest value (the first of equal ones); -1 for an empty array. */
    static int argmax(double[] values) {
        int top = values.length == 0 ? -1 : 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[top]) {
                top = i;
            }
        }
        return top;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** The softmax of {@code w · x} over rows {@code from..to}. */
    static double[] softmax(double[] w, List<double[]> rows, int from, int to, int features) {
        double[] z = new double[to - from];
        double max = Double.NEGATIVE_INFINITY;
        for (int r = from; r < to; r++) {
            z[r - from] = dot(w, rows.get(r), features);
            max = Math.max(max, z[r - from]);
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = 0; i < z.length; i++) {
            z[i] /= sum;
        }
        return z;
    }

    /** {@code w · x} plus the bias (the last weight), over the first {@code features} values of {@code x}. */
    static double dot(double[] w, double[] x, int features) {
        double sum = w[features];
        for (int i = 0; i < features; i++) {
            sum += w[i] * x[i];
        }
        return sum;
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting ({@code a} is small and positive definite). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new double[n + 1];
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = col + 1; r < n; r++) {
                double factor = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= factor * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= m[r][c] * x[c];
            }
            x[r] = sum / m[r][r];
        }
        return x;
    }
}

package io.tunelab.bench.samplers;

/**
 * The analytic test functions of {@code shared/bench/PROBLEMS.md}, each a pure function of a point.
 * Sources: Branin (Dixon and Szegő 1978), Hartmann-6 (Hartman 1973), Rosenbrock (1960), Ackley (1987),
 * Styblinski–Tang (1990), ZDT1/ZDT2 (Zitzler, Deb and Thiele 2000); and the classic multimodal functions of
 * {@link BenchProblems#CLASSIC}, as the Virtual Library of Simulation Experiments (Surjanovic and Bingham) defines
 * them: Rastrigin (1974), Levy, Griewank (1981), Schwefel (1981) and Michalewicz (steepness m = 10).
 */
public final class TestFunctions {
    private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] HARTMANN_A = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] HARTMANN_P = {
        {1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
        {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

    private TestFunctions() {
    }

    public static double branin(double[] x) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double u = x[1] - b * x[0] * x[0] + c * x[0] - 6;
        return u * u + 10 * (1 - t) * Math.cos(x[0]) + 10;
    }

    public static double hartmann6(double[] x) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                double d = x[j] - HARTMANN_P[i][j] * 1e-4;
                inner += HARTMANN_A[i][j] * d * d;
            }
            sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }

    public static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = x[i] - 1;
            sum += 100 * a * a + b * b;
        }
        return sum;
    }

    public static double ackley(double[] x) {
        double squares = 0;
        double cosines = 0;
        for (double v : x) {
            squares += v * v;
            cosines += Math.cos(2 * Math.PI * v);
        }
        int d = x.length;
        return -20 * Math.exp(-0.2 * Math.sqrt(squares / d)) - Math.exp(cosines / d) + 20 + Math.E;
    }

    public static double styblinskiTang(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v * v * v - 16 * v * v + 5 * v;
        }
        return 0.5 * sum;
    }

    /** Rastrigin, 10 (D − Σ cos 2πx_i) + ‖x‖²; also the core of BBOB's Rastrigin functions. */
    public static double rastrigin(double[] x) {
        double cos = 0;
        double squares = 0;
        for (double v : x) {
            cos += Math.cos(2 * Math.PI * v);
        }
        for (double v : x) {
            squares += v * v;
        }
        return 10 * (x.length - cos) + squares;
    }

    public static double levy(double[] x) {
        int d = x.length;
        double first = Math.sin(Math.PI * w(x[0]));
        double sum = first * first;
        for (int i = 0; i + 1 < d; i++) {
            double wi = w(x[i]);
            double s = Math.sin(Math.PI * wi + 1);
            sum += (wi - 1) * (wi - 1) * (1 + 10 * s * s);
        }
        double wd = w(x[d - 1]);
        double s = Math.sin(2 * Math.PI * wd);
        return sum + (wd - 1) * (wd - 1) * (1 + s * s);
    }

    private static double w(double v) {
        return 1 + (v - 1) / 4;
    }

    public static double griewank(double[] x) {
        double sum = 0;
        double product = 1;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * x[i] / 4000;
            product *= Math.cos(x[i] / Math.sqrt(i + 1));
        }
        return sum - product + 1;
    }

    public static double schwefel(double[] x) {
        double sum = 418.9829 * x.length;
        for (double v : x) {
            sum -= v * Math.sin(Math.sqrt(Math.abs(v)));
        }
        return sum;
    }

    public static double michalewicz(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum -= Math.sin(x[i]) * Math.pow(Math.sin((i + 1) * x[i] * x[i] / Math.PI), 20);
        }
        return sum;
    }

    /** ZDT1 ({@code second == false}) or ZDT2 objectives {@code (f1, f2)}. */
    public static double[] zdt(double[] x, boolean second) {
        double f1 = x[0];
        double sum = 0;
        for (int i = 1; i < x.length; i++) {
            sum += x[i];
        }
        double g = 1 + 9 * sum / (x.length - 1);
        double r = f1 / g;
        double f2 = g * (1 - (second ? r * r : Math.sqrt(r)));
        return new double[] {f1, f2};
    }
}

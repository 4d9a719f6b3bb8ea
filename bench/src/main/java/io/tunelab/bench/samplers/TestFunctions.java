package io.tunelab.bench.samplers;

/**
 * The analytic test functions of {@code shared/bench/PROBLEMS.md}, each a pure function of a point.
 * Sources: Branin (Dixon and Szegő 1978), Hartmann-6 (Hartman 1973), Rosenbrock (1960), Ackley (1987),
 * Styblinski–Tang (1990), ZDT1/ZDT2 (Zitzler, Deb and Thiele 2000); and the classic multimodal functions of
 * {@link BenchProblems#CLASSIC}, as the Virtual Library of Simulation Experiments (Surjanovic and Bingham) defines
 * them: Rastrigin (1974), Levy, Griewank (1981), Schwefel (1981) and Michalewicz (steepness m = 10); and for
 * {@link BenchProblems#SMALL}, from the same library: the six-hump camel, Goldstein–Price (1971), Himmelblau (1972),
 * Beale (1958), Eggholder and Hartmann-3.
 */
public final class TestFunctions {
    private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] HARTMANN_A = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] HARTMANN_P = {
        {1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
        {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

    private static final double[][] HARTMANN3_A = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
    private static final double[][] HARTMANN3_P = {
        {3689, 1170, 2673}, {4699, 4387, 7470}, {1091, 8732, 5547}, {381, 5743, 8828}};

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
        return hartmann(x, HARTMANN_A, HARTMANN_P);
    }

    /** −Σᵢ αᵢ exp(−Σⱼ aᵢⱼ (xⱼ − pᵢⱼ / 10⁴)²) over the four terms of a Hartmann function, j over x's coordinates. */
    private static double hartmann(double[] x, double[][] a, double[][] p) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < x.length; j++) {
                double d = x[j] - p[i][j] * 1e-4;
                inner += a[i][j] * d * d;
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

    /** The six-hump camel on x₁ ∈ [−3, 3], x₂ ∈ [−2, 2]: two global minima of −1.0316 and four local ones. */
    public static double sixHumpCamel(double[] x) {
        double a = x[0] * x[0];
        double b = x[1] * x[1];
        return (4 - 2.1 * a + a * a / 3) * a + x[0] * x[1] + (-4 + 4 * b) * b;
    }

    /** Goldstein–Price on [−2, 2]²: minimum 3 at (0, −1), values up to about 10⁶. */
    public static double goldsteinPrice(double[] x) {
        double u = x[0];
        double v = x[1];
        double a = 1 + (u + v + 1) * (u + v + 1) * (19 - 14 * u + 3 * u * u - 14 * v + 6 * u * v + 3 * v * v);
        double b = 30 + (2 * u - 3 * v) * (2 * u - 3 * v) * (18 - 32 * u + 12 * u * u + 48 * v - 36 * u * v + 27 * v * v);
        return a * b;
    }

    /** Himmelblau on [−5, 5]²: four global minima of 0, one at (3, 2). */
    public static double himmelblau(double[] x) {
        double a = x[0] * x[0] + x[1] - 11;
        double b = x[0] + x[1] * x[1] - 7;
        return a * a + b * b;
    }

    /** Beale on [−4.5, 4.5]²: minimum 0 at (3, 0.5), in a narrow curved valley. */
    public static double beale(double[] x) {
        double a = 1.5 - x[0] + x[0] * x[1];
        double b = 2.25 - x[0] + x[0] * x[1] * x[1];
        double c = 2.625 - x[0] + x[0] * x[1] * x[1] * x[1];
        return a * a + b * b + c * c;
    }

    /** Eggholder on [−512, 512]²: rugged, minimum about −959.64 on the boundary, at (512, 404.23). */
    public static double eggholder(double[] x) {
        double v = x[1] + 47;
        return -v * Math.sin(Math.sqrt(Math.abs(v + x[0] / 2))) - x[0] * Math.sin(Math.sqrt(Math.abs(x[0] - v)));
    }

    /** Hartmann-3 on [0, 1]³: minimum −3.86278 at (0.1146, 0.5556, 0.8525). */
    public static double hartmann3(double[] x) {
        return hartmann(x, HARTMANN3_A, HARTMANN3_P);
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

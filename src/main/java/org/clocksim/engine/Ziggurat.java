package org.clocksim.engine;

/**
 * Normal and exponential variates by the ziggurat method (Marsaglia, Tsang, "The ziggurat method
 * for generating random variables", J. Stat. Softw. 5(8), 2000), with 256 layers and Doornik's
 * remedy ("An improved ziggurat method to generate normal random samples", 2005): the layer index
 * and the uniform come from different bits of one 64-bit draw.
 *
 * <p>Why this method: the JDK's own generators are ziggurats too, and a simulated read draws one
 * normal (its latency); Marsaglia's polar method, tried first, made the whole read about 30 %
 * slower. Here about 99 % of draws cost one {@link RandomStream#nextLong()}, a multiply and a
 * comparison. Why it is the same on every JDK: the tables are computed once from the layer
 * equations with {@link StrictMath} (fdlibm, the same bits everywhere), the rare wedge test and the
 * tails use {@code StrictMath.exp} and {@code StrictMath.log}; everything else is IEEE arithmetic.
 *
 * <p>Layer i (0 &lt; i &lt; 256) is the rectangle [0, x<sub>i</sub>] × [f(x<sub>i</sub>),
 * f(x<sub>i+1</sub>)] under the unnormalised density f; layer 0 is [0, r] × [0, f(r)] plus the
 * tail beyond r; every layer has the same area v. A point drawn uniformly in a layer is under f
 * for sure when its abscissa is below x<sub>i+1</sub>; otherwise it is tested against f (the
 * wedge), or, in layer 0, replaced by a draw from the tail.
 */
final class Ziggurat {
    private static final int LAYERS = 256;

    static final Ziggurat NORMAL = new Ziggurat(Shape.NORMAL);
    static final Ziggurat EXPONENTIAL = new Ziggurat(Shape.EXPONENTIAL);

    private final Shape shape;
    /** Layer edges, decreasing: x[0] = v / f(r) (the width of layer 0), x[1] = r, x[256] = 0. */
    private final double[] x = new double[LAYERS + 1];
    /** f at the edges, increasing: f[256] = f(0) = 1. */
    private final double[] f = new double[LAYERS + 1];

    private Ziggurat(Shape shape) {
        this.shape = shape;
        x[0] = shape.area / shape.density(shape.r);
        x[1] = shape.r;
        for (int i = 1; i < LAYERS - 1; i++) {
            x[i + 1] = shape.inverse(shape.area / x[i] + shape.density(x[i]));
        }
        x[LAYERS] = 0;
        for (int i = 0; i <= LAYERS; i++) {
            f[i] = shape.density(x[i]);
        }
    }

    double sample(RandomStream random) {
        while (true) {
            long bits = random.nextLong();
            int layer = (int) bits & (LAYERS - 1);
            // the top 53 bits: signed on [-1, 1) for the normal, on [0, 1) for the exponential
            double u = shape.symmetric ? (bits >> 11) * 0x1.0p-52 : (bits >>> 11) * 0x1.0p-53;
            double value = u * x[layer];
            if (Math.abs(value) < x[layer + 1]) {
                return value;
            }
            if (layer == 0) {
                return shape.tail(random, u < 0);
            }
            if (f[layer] + random.nextDouble() * (f[layer + 1] - f[layer]) < shape.density(value)) {
                return value;
            }
        }
    }

    /**
     * A standard normal conditioned on exceeding {@code start} > 0, by Marsaglia's tail method (1964):
     * start + a with a ~ Exp(start), kept with probability exp(-a²/2).
     */
    static double normalBeyond(RandomStream random, double start) {
        double a;
        double b;
        do {
            a = -StrictMath.log(1 - random.nextDouble()) / start;
            b = -StrictMath.log(1 - random.nextDouble());
        } while (2 * b < a * a);
        return start + a;
    }

    /** The layer edges, for tests. */
    double[] edges() {
        return x.clone();
    }

    /** The area of every layer, for tests. */
    double layerArea() {
        return shape.area;
    }

    /** The unnormalised density, for tests. */
    double density(double at) {
        return shape.density(at);
    }

    /**
     * The two densities. r is where the tail starts, chosen (by the cited papers) so that 256
     * layers of equal area v close exactly at the top; v is r f(r) plus the tail's area.
     */
    private enum Shape {
        /** exp(-x²/2), symmetric; v = r f(r) + sqrt(pi/2) erfc(r / sqrt 2), computed to 16 digits. */
        NORMAL(true, 3.6541528853610088, 0.004928673233974658) {
            @Override
            double density(double x) {
                return StrictMath.exp(-0.5 * x * x);
            }

            @Override
            double inverse(double y) {
                return StrictMath.sqrt(-2 * StrictMath.log(y));
            }

            @Override
            double tail(RandomStream random, boolean negative) {
                double beyond = normalBeyond(random, r);
                return negative ? -beyond : beyond;
            }
        },
        /** exp(-x), x >= 0; v = (r + 1) exp(-r). */
        EXPONENTIAL(false, 7.69711747013105, (7.69711747013105 + 1) * StrictMath.exp(-7.69711747013105)) {
            @Override
            double density(double x) {
                return StrictMath.exp(-x);
            }

            @Override
            double inverse(double y) {
                return -StrictMath.log(y);
            }

            /** The exponential is memoryless: beyond r it is r plus a fresh one, by inversion. */
            @Override
            double tail(RandomStream random, boolean negative) {
                return r - StrictMath.log(1 - random.nextDouble());
            }
        };

        final boolean symmetric;
        final double r;
        final double area;

        Shape(boolean symmetric, double r, double area) {
            this.symmetric = symmetric;
            this.r = r;
            this.area = area;
        }

        abstract double density(double x);

        abstract double inverse(double y);

        abstract double tail(RandomStream random, boolean negative);
    }
}

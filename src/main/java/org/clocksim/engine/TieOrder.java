package org.clocksim.engine;

/**
 * How the event queue orders events scheduled at the same time. {@link #FIFO} (the default) fires
 * them in the order they were scheduled; {@link #random(long)} fires them in an order drawn from
 * its own generator (a random key per event), still deterministic for a seed. The random mode is a
 * verification knob: a model whose statistics change with it depends on an arbitrary tie order.
 */
public sealed interface TieOrder permits TieOrder.Fifo, TieOrder.Random {
    /** Time, then the order of scheduling. */
    TieOrder FIFO = new Fifo();

    /** Time, then a random key drawn per event from a generator seeded with {@code seed}. */
    static TieOrder random(long seed) {
        return new Random(seed);
    }

    /** The tie order for one replication: FIFO as is, a random order with its own seed. */
    TieOrder forReplication(int replication);

    record Fifo() implements TieOrder {
        @Override
        public TieOrder forReplication(int replication) {
            return this;
        }

        @Override
        public String toString() {
            return "fifo";
        }
    }

    record Random(long seed) implements TieOrder {
        @Override
        public TieOrder forReplication(int replication) {
            return new Random(RandomStream.mix64(seed + 0x9E3779B97F4A7C15L * (replication + 1L)));
        }

        @Override
        public String toString() {
            return "random(" + seed + ")";
        }
    }
}

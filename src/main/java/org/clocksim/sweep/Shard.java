package org.clocksim.sweep;

/**
 * Which of a sweep's tasks (point × replication, numbered point by point) this machine runs:
 * those whose number modulo {@code count} is {@code index}.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("expected a shard i/n with 0 <= i < n, got " + index + "/" + count);
        }
    }

    /** {@code i/n}, as on the command line. */
    public static Shard parse(String text) {
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a shard i/n such as 0/4, got '" + text + "'");
    }

    public boolean runs(int task) {
        return task % count == index;
    }

    public boolean isAll() {
        return count == 1;
    }
}

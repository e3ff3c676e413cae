package org.clocksim.sweep;

/** Told how many replications a sweep will run, then of each one done (from any thread). */
public interface SweepProgress {
    SweepProgress NONE = new SweepProgress() {
        @Override
        public void start(int replications) {
        }

        @Override
        public void done() {
        }
    };

    void start(int replications);

    void done();
}

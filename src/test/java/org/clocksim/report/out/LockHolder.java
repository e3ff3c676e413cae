package org.clocksim.report.out;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for the lock tests: takes the lock of the target named by its argument, prints
 * {@code locked}, and holds it until its stdin closes.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (TargetLock lock = TargetLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the test closes our stdin
            }
        }
    }

    /** Starts a JVM holding the lock of {@code target}; returns once it holds it. */
    public static Process start(Path target) throws IOException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), target.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (!"locked".equals(line)) {
            process.destroy();
            throw new IOException("the lock holder did not take the lock: " + line);
        }
        return process;
    }
}

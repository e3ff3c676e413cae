package org.clocksim.calibrate.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The native probe (probe.c, packaged in the jar): built with the system's C compiler into
 * {@code CACHE/clocksim/probe-HASH} (HASH: of the source, so a changed probe is rebuilt) on first
 * use, then run. Nothing is downloaded; without a compiler, or off x86-64 Linux, the machine cannot
 * be measured ({@link ProbeUnavailableException}).
 */
public final class NativeProbe {
    static final String SOURCE = "/org/clocksim/calibrate/probe.c";
    /** How long the probe may overrun its budget before it is stopped. */
    private static final long GRACE_SECONDS = 30;

    private final Path executable;

    private NativeProbe(Path executable) {
        this.executable = executable;
    }

    /** Why this machine cannot run the probe, or empty when it can (x86-64 Linux). */
    public static Optional<String> unsupportedPlatform() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.equals("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.of("calibrate measures x86-64 Linux machines only; this is " + os + " on " + arch);
        }
        return Optional.empty();
    }

    /** The C compiler on the PATH ($CC, else cc, else gcc), if any. */
    public static Optional<Path> compiler() {
        return compiler(System.getenv("CC"), System.getenv().getOrDefault("PATH", ""));
    }

    /** The compiler {@code cc} names (a name on {@code path}, or a path), else cc, else gcc on {@code path}. */
    static Optional<Path> compiler(String cc, String path) {
        List<String> names = new ArrayList<>();
        if (cc != null && !cc.isBlank() && !cc.contains(" ")) {
            names.add(cc);
        }
        names.add("cc");
        names.add("gcc");
        for (String name : names) {
            if (name.contains("/")) {
                if (Files.isExecutable(Path.of(name))) {
                    return Optional.of(Path.of(name));
                }
                continue;
            }
            for (String dir : path.split(":")) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The default cache directory: $XDG_CACHE_HOME/clocksim, else ~/.cache/clocksim. */
    public static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("clocksim");
    }

    /** Builds the probe into {@code cache} unless it is there already. */
    public static NativeProbe build(Path cache) throws ProbeUnavailableException, IOException {
        Optional<String> unsupported = unsupportedPlatform();
        if (unsupported.isPresent()) {
            throw new ProbeUnavailableException(unsupported.get());
        }
        byte[] source = source();
        Path executable = cache.resolve("probe-" + hash(source));
        if (Files.isExecutable(executable)) {
            return new NativeProbe(executable);
        }
        Path compiler = compiler().orElseThrow(() -> new ProbeUnavailableException(
                "calibrate needs a C compiler (cc or gcc on the PATH) to build its probe; none found "
                        + "(Debian: apt-get install gcc libc6-dev)"));
        Files.createDirectories(cache);
        Path dir = Files.createTempDirectory(cache, ".build-");
        try {
            Path c = dir.resolve("probe.c");
            Files.write(c, source);
            Path built = dir.resolve("probe");
            Process process = new ProcessBuilder(compiler.toString(), "-O2", "-std=gnu11", "-o", built.toString(),
                    c.toString(), "-lpthread").redirectErrorStream(true).start();
            String output = read(process.getInputStream());
            if (!waitFor(process, 120) || process.exitValue() != 0 || !Files.isExecutable(built)) {
                throw new ProbeUnavailableException("the probe did not build with " + compiler + ":\n" + output.strip());
            }
            try {
                Files.move(built, executable, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(built, executable, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.collect(Collectors.toList())) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        return new NativeProbe(executable);
    }

    public Path executable() {
        return executable;
    }

    /**
     * Runs the probe for about {@code budgetMs} on {@code cpus}, passing each progress line it prints
     * to {@code progress}.
     */
    public ProbeMeasurements run(long budgetMs, List<Integer> cpus, Consumer<String> progress) throws IOException {
        String list = cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
        Process process = new ProcessBuilder(executable.toString(), Long.toString(budgetMs), list).start();
        // Ctrl-C (or a kill) of clocksim stops the probe too, instead of leaving it to finish its budget
        Thread stop = new Thread(process::destroyForcibly, "probe-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        Thread errors = new Thread(() -> forward(process.getErrorStream(), progress), "probe-stderr");
        errors.setDaemon(true);
        errors.start();
        // stdout is read beside the wait, so that a probe that hangs is stopped at the deadline (and one
        // that prints much never blocks on a full pipe)
        CompletableFuture<String> json = CompletableFuture.supplyAsync(() -> {
            try {
                return read(process.getInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            if (!waitFor(process, budgetMs / 1000 + GRACE_SECONDS)) {
                throw new IOException("the probe did not finish in " + (budgetMs / 1000 + GRACE_SECONDS) + " s");
            }
            errors.join(TimeUnit.SECONDS.toMillis(5));
            if (process.exitValue() != 0) {
                throw new IOException("the probe failed (exit " + process.exitValue() + ")");
            }
            return ProbeMeasurements.parse(json.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the probe ran", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("reading the probe's output: " + e.getMessage(), e);
        } finally {
            process.destroyForcibly();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs anyway
            }
        }
    }

    private static boolean waitFor(Process process, long seconds) throws IOException {
        try {
            if (process.waitFor(seconds, TimeUnit.SECONDS)) {
                return true;
            }
            process.destroyForcibly();
            return false;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void forward(InputStream stream, Consumer<String> progress) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                progress.accept(line);
            }
        } catch (IOException e) {
            // the probe is gone: nothing more to say
        }
    }

    private static String read(InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }

    static byte[] source() throws IOException {
        try (InputStream in = NativeProbe.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IOException("the probe's source " + SOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    static String hash(byte[] source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source);
            return HexFormat.of().formatHex(digest, 0, 8).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.clocksim.calibrate.facts;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The CPUs and how they are grouped, from {@code /sys/devices/system/cpu/cpuN/topology/}:
 * {@code physical_package_id} (socket) and {@code core_id} (core within it). CPUs sharing both are
 * SMT siblings (hyper-threads).
 *
 * @param cpus one entry per online CPU with a topology directory, by CPU number
 */
public record CpuTopology(List<Cpu> cpus) {
    public static final String CPU_DIR = "/sys/devices/system/cpu";
    private static final Pattern CPU_NAME = Pattern.compile("cpu[0-9]+");

    /** One logical CPU: its number, socket and core (within the socket). */
    public record Cpu(int number, int socket, int core) {
    }

    public CpuTopology {
        cpus = List.copyOf(cpus);
    }

    public int sockets() {
        return (int) cpus.stream().mapToInt(Cpu::socket).distinct().count();
    }

    /** Physical cores in all (distinct socket and core pairs). */
    public int cores() {
        Set<Long> cores = new TreeSet<>();
        for (Cpu cpu : cpus) {
            cores.add(((long) cpu.socket() << 32) | cpu.core());
        }
        return cores.size();
    }

    /** Logical CPUs per physical core: 1 without SMT, 2 with hyper-threading. */
    public int threadsPerCore() {
        return cores() == 0 ? 1 : Math.max(1, cpus.size() / cores());
    }

    public boolean smt() {
        return threadsPerCore() > 1;
    }

    /** Logical CPUs per socket, rounded up (what clocksim's machine.coresPerSocket counts). */
    public int cpusPerSocket() {
        int sockets = Math.max(1, sockets());
        return Math.max(1, (cpus.size() + sockets - 1) / sockets);
    }

    /** CPU numbers by socket, in socket order of first appearance. */
    public Map<Integer, List<Integer>> cpusBySocket() {
        Map<Integer, List<Integer>> bySocket = new HashMap<>();
        for (Cpu cpu : cpus) {
            bySocket.computeIfAbsent(cpu.socket(), s -> new ArrayList<>()).add(cpu.number());
        }
        return bySocket;
    }

    public static CpuTopology read(SystemFiles files) {
        List<Cpu> cpus = new ArrayList<>();
        Path dir = files.path(CPU_DIR);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> CPU_NAME.matcher(p.getFileName().toString()).matches())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String topology = CPU_DIR + "/" + name + "/topology/";
                var socket = files.read(topology + "physical_package_id");
                var core = files.read(topology + "core_id");
                if (socket.isPresent() && core.isPresent()) {
                    cpus.add(new Cpu(Integer.parseInt(name.substring(3)), Integer.parseInt(socket.get()),
                            Integer.parseInt(core.get())));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unreadable: what was read so far
        }
        cpus.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return new CpuTopology(cpus);
    }
}

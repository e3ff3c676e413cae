package org.clocksim.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clocksim.experiment.Experiment;
import org.clocksim.source.SourceId;

/**
 * {@code --host FILE}: another experiment's machine, kernel and source costs (typically the host.yaml
 * that {@code clocksim calibrate} writes) laid over an experiment, as {@code --set} overrides applied
 * before the user's own. Every key the host file sets under {@code machine} and {@code kernel} (each
 * leaf; a list or a distribution as a whole) and its {@code latency} preset replace the experiment's,
 * and so does the host's {@code sources.ID.latency} of each source the experiment calls; every other
 * key (workload, scheduler, scripted events, NTP changes, the sync check and watchdog settings,
 * output, expect, sweep) stays the experiment's. The experiment is renamed {@code NAME-on-HOST} so
 * that its results never replace the plain run's.
 *
 * @param name      the host file's experiment name (calibration-HOSTNAME)
 * @param settings  the host's machine, kernel and preset keys as {@code key.path=value}, in the file's order
 * @param latencies the host's {@code sources.ID.latency} values (flow YAML) by source id
 */
public record HostLayer(String name, List<String> settings, Map<String, String> latencies) {
    private static final String SUFFIX = "-on-";

    public HostLayer {
        settings = List.copyOf(settings);
        latencies = Collections.unmodifiableMap(new LinkedHashMap<>(latencies));
    }

    /**
     * Reads a host file; it must itself be a valid experiment (its errors name its own lines).
     *
     * @throws ConfigException when it is not
     */
    public static HostLayer read(Path file) throws ConfigException {
        String text = ConfigSource.read(file);
        String name = ExperimentLoader.parse(text, file.toString(), List.of(), WorkLimits.NONE).name();
        Problems problems = new Problems();
        YamlNode root = YamlTreeParser.parseFile(text, file.toString(), problems);
        problems.throwIfAny();
        List<String> settings = new ArrayList<>();
        Map<String, String> latencies = new LinkedHashMap<>();
        if (root instanceof YamlNode.Mapping top) {
            top.entry(ConfigSchema.Top.LATENCY.name()).ifPresent(e -> settings.add(assignment(e.key(), e.value())));
            for (Group group : List.of(ConfigSchema.Machine.GROUP, ConfigSchema.Kernel.GROUP)) {
                top.entry(group.name()).ifPresent(e -> leaves(group, group.name(), e.value(), settings));
            }
            top.entry(ConfigSchema.Sources.GROUP.name()).ifPresent(e -> latencies(e.value(), latencies));
        }
        return new HostLayer(name, settings, latencies);
    }

    /** The host's machine and kernel, then the user's overrides: what the experiment is first read with. */
    public List<String> under(List<String> userOverrides) {
        List<String> all = new ArrayList<>(settings);
        all.addAll(userOverrides);
        return all;
    }

    /**
     * Every override that puts {@code experiment} (read with {@link #under}) on the host: the host's
     * machine and kernel, its latencies of the experiment's sources, the user's overrides, the new name.
     */
    public List<String> onto(Experiment experiment, List<String> userOverrides) {
        List<String> all = new ArrayList<>(settings);
        for (SourceId source : experiment.workload().sources()) {
            String latency = latencies.get(source.id());
            if (latency != null) {
                all.add(latencyKey(source.id()) + "=" + latency);
            }
        }
        all.addAll(userOverrides);
        all.add(ConfigSchema.Top.NAME.name() + "=" + YamlText.string(renamed(experiment.name())));
        return all;
    }

    /** {@code NAME-on-HOST}, the experiment's part shortened to keep the name within its limit. */
    String renamed(String experimentName) {
        String tail = SUFFIX + name;
        int room = Math.max(1, ExperimentName.MAX_LENGTH - tail.length());
        String head = experimentName.length() > room ? experimentName.substring(0, room) : experimentName;
        String renamed = head + tail;
        return renamed.length() > ExperimentName.MAX_LENGTH ? renamed.substring(0, ExperimentName.MAX_LENGTH) : renamed;
    }

    /** Each value of {@code node} under {@code group}: sub-mappings entered, everything else taken whole. */
    private static void leaves(Group group, String path, YamlNode node, List<String> out) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            return;
        }
        for (YamlNode.Entry entry : mapping.entries()) {
            String keyPath = KeyPaths.child(path, entry.key());
            SchemaEntry schema = group.entries().stream().filter(s -> s.name().equals(entry.key())).findFirst()
                    .orElse(null);
            if (schema instanceof Group sub && sub.shape() == Group.Shape.MAPPING) {
                leaves(sub, keyPath, entry.value(), out);
            } else {
                out.add(assignment(keyPath, entry.value()));
            }
        }
    }

    private static void latencies(YamlNode sources, Map<String, String> out) {
        if (!(sources instanceof YamlNode.Mapping byId)) {
            return;
        }
        for (YamlNode.Entry source : byId.entries()) {
            if (source.value() instanceof YamlNode.Mapping settings) {
                settings.entry(ConfigSchema.Sources.LATENCY.name()).ifPresent(e -> out.put(source.key(), flow(e.value())));
            }
        }
    }

    private static String latencyKey(String source) {
        return KeyPaths.child(KeyPaths.child(ConfigSchema.Sources.GROUP.name(), source), ConfigSchema.Sources.LATENCY.name());
    }

    private static String assignment(String keyPath, YamlNode value) {
        return keyPath + "=" + flow(value);
    }
    /** A node as YAML flow text that reads back as the same node. */
    static String flow(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar) {
            return scalar.kind() == YamlNode.Kind.STRING ? YamlText.string(scalar.text())
                    : scalar.isNull() ? "null" : scalar.text();
        }
        if (node instanceof YamlNode.Sequence sequence) {
            return YamlText.flowList(sequence.items(), HostLayer::flow);
        }
        YamlNode.Mapping mapping = (YamlNode.Mapping) node;
        return mapping.entries().stream().map(e -> YamlText.string(e.key()) + ": " + flow(e.value()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}

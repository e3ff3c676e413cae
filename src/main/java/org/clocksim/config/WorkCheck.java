package org.clocksim.config;

import java.util.ArrayList;
import java.util.List;
import org.clocksim.config.WorkEstimate.Part;
import org.clocksim.config.WorkEstimate.Resource;
import org.clocksim.experiment.Experiment;

/**
 * Refuses an experiment whose estimated work is over a limit: one error per resource over its
 * limit, at the key of the largest contribution, with the estimate, the limit and how to raise it.
 */
final class WorkCheck {
    private WorkCheck() {
    }

    /** @param root the config tree the experiment was read from (for the line of the key) */
    static void check(Experiment experiment, WorkLimits limits, YamlNode root, String sourceName)
            throws ConfigException {
        WorkEstimate estimate = WorkEstimate.of(experiment);
        List<ConfigError> errors = new ArrayList<>();
        boolean eventsOver = over(estimate, limits, Resource.EVENTS);
        for (Resource resource : Resource.values()) {
            // wake-ups follow from events: say so only when the events themselves are within their limit
            if (over(estimate, limits, resource) && !(resource == Resource.WAKEUPS && eventsOver)) {
                double total = estimate.total(resource);
                Part part = estimate.largest(resource);
                Origin origin = origin(root, part.key(), sourceName);
                errors.add(new ConfigError(origin.file(), origin.line(), part.key(), part.what()
                        + "; the run needs about " + amount(resource, total) + " in all"
                        + (estimate.passes() > 1 ? " (" + estimate.passes() + " passes)" : "")
                        + ", over the limit of " + limits.describe(resource) + " (raise it with "
                        + WorkLimits.howToRaise(resource) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    private static boolean over(WorkEstimate estimate, WorkLimits limits, Resource resource) {
        return estimate.total(resource) > limits.of(resource);
    }

    private static String amount(Resource resource, double total) {
        return resource == Resource.MEMORY ? Amounts.bytes(total) : Amounts.count(total) + " " + resource.unit();
    }

    /** Where the key is set: its entry in the tree, the nearest enclosing entry, or the file. */
    private static Origin origin(YamlNode root, String keyPath, String sourceName) {
        Origin found = new Origin(sourceName, 0);
        YamlNode node = root;
        for (String key : keyPath.isEmpty() ? new String[0] : keyPath.split("\\.")) {
            if (!(node instanceof YamlNode.Mapping mapping)) {
                break;
            }
            var entry = mapping.entry(key);
            if (entry.isEmpty()) {
                break;
            }
            found = entry.get().keyOrigin();
            node = entry.get().value();
        }
        return found;
    }
}

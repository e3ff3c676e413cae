package org.clocksim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into clocksim.properties at build time. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/clocksim.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"clocksim " + properties.getProperty("version", "(unknown version)")};
    }
}

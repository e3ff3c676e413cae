package org.clocksim.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a CSV file row by row, with a header; fields are numbers and ids, never quoted. */
final class CsvFile implements AutoCloseable {
    private final BufferedWriter out;

    CsvFile(Path path, String... header) throws IOException {
        out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        row((Object[]) header);
    }

    void row(Object... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(String.valueOf(fields[i]));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

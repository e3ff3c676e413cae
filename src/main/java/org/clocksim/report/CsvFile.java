package org.clocksim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a CSV file row by row, with a header: RFC 4180 (fields with a comma, a quote or a line break
 * are quoted, quotes doubled), lines ending in {@code \n}. Every CSV clocksim writes goes through here,
 * and {@link #FORMAT} is what its reader parses.
 */
public final class CsvFile implements AutoCloseable {
    /** RFC 4180 with Unix line ends. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final CSVPrinter out;

    public CsvFile(Path path, Object... header) throws IOException {
        out = new CSVPrinter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), FORMAT);
        row(header);
    }

    public void row(Object... fields) {
        try {
            out.printRecord(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

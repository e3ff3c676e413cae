package org.clocksim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a CSV file row by row: first a comment line saying which run wrote it ({@code # experiment
 * quickstart, seed 42, replication 0}), then the header, then the rows: RFC 4180 (fields with a comma, a
 * quote or a line break are quoted, quotes doubled), lines ending in {@code \n}. Every CSV clocksim
 * writes goes through here, and {@link #FORMAT} is what its reader parses: it skips lines starting with
 * {@code #}, as pandas does with {@code comment='#'} and R's read.csv with {@code comment.char='#'}
 * (docs/RESULTS.md). A comment line rather than experiment and seed columns: one line per file instead of
 * the same two values on every row, and the header stays the first line that is not a comment.
 */
public final class CsvFile implements AutoCloseable {
    /** RFC 4180 with Unix line ends, and lines starting with {@code #} as comments. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
            .setCommentMarker('#').get();

    private final CSVPrinter out;

    /**
     * @param identity which run wrote the file, for the comment line (see {@link #identity})
     */
    public CsvFile(Path path, String identity, Object... header) throws IOException {
        out = new CSVPrinter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), FORMAT);
        out.printComment(identity);
        row(header);
    }

    /** The identity of one run: {@code experiment NAME, seed S, replication R}. */
    public static String identity(String experiment, long seed, int replication) {
        return "experiment " + experiment + ", seed " + seed + ", replication " + replication;
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

package org.clocksim.report.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clocksim.report.CsvFile;

/**
 * Reads the CSV files the report writers produce ({@link CsvFile#FORMAT}: RFC 4180) by column name, so
 * columns may be added without breaking the reader.
 */
final class Csv {
    private final Map<String, Integer> columns;
    private CSVRecord fields;

    private Csv(Map<String, Integer> columns) {
        this.columns = columns;
    }

    /** Every row of {@code file} turned into a record by {@code row}; empty if the file is absent or empty. */
    static <T> List<T> read(Path file, Function<Csv, T> row) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (CSVParser parser = CsvFile.FORMAT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get().parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            Csv csv = new Csv(parser.getHeaderMap());
            List<T> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                csv.fields = record;
                try {
                    rows.add(row.apply(csv));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + ":" + (record.getRecordNumber() + 1) + ": "
                            + e.getMessage(), e);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + ": not CSV: " + e.getCause().getMessage(), e);
        }
    }

    String text(String column) {
        Integer index = columns.get(column);
        if (index == null || index >= fields.size()) {
            throw new IllegalArgumentException("no column " + column);
        }
        return fields.get(index);
    }

    double number(String column) {
        return Double.parseDouble(text(column));
    }

    /** The column's number, or {@code absent} in a file written before the column was added. */
    double number(String column, double absent) {
        return columns.containsKey(column) ? number(column) : absent;
    }

    int integer(String column) {
        return Integer.parseInt(text(column));
    }

    /** The column's integer, or {@code absent} in a file written before the column was added. */
    int integer(String column, int absent) {
        return columns.containsKey(column) ? integer(column) : absent;
    }

    boolean flag(String column) {
        return "1".equals(text(column)) || "true".equalsIgnoreCase(text(column));
    }
}

package org.clocksim.report.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the CSV files the report writers produce (a header, then numbers and ids, never quoted),
 * by column name, so columns may be added without breaking the reader.
 */
final class Csv {
    private final Map<String, Integer> columns = new HashMap<>();
    private String[] fields;

    private Csv(String header) {
        String[] names = header.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].trim(), i);
        }
    }

    /** Every row of {@code file} turned into a record by {@code row}; empty if the file is absent or empty. */
    static <T> List<T> read(Path file, Function<Csv, T> row) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        Csv csv = new Csv(lines.get(0));
        List<T> rows = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            csv.fields = lines.get(i).split(",", -1);
            try {
                rows.add(row.apply(csv));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    String text(String column) {
        Integer index = columns.get(column);
        if (index == null || index >= fields.length) {
            throw new IllegalArgumentException("no column " + column);
        }
        return fields[index];
    }

    double number(String column) {
        return Double.parseDouble(text(column));
    }

    int integer(String column) {
        return Integer.parseInt(text(column));
    }

    boolean flag(String column) {
        return "1".equals(text(column)) || "true".equalsIgnoreCase(text(column));
    }
}

package org.jepyc.hdf5.h5;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal RFC 4180 reader for the pandas-written fixture CSVs (quoted fields may span lines). */
public final class Csv {

    private Csv() {}

    /** Column name to the list of cell strings, in file order. */
    public static Map<String, List<String>> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rows.isEmpty() || rows.get(0).size() == 1 && rows.get(0).get(0).isEmpty()) {
            return out;
        }
        List<String> header = rows.get(0);
        for (int c = 0; c < header.size(); c++) {
            List<String> col = new ArrayList<>();
            for (int r = 1; r < rows.size(); r++) {
                col.add(rows.get(r).get(c));
            }
            out.put(header.get(c), col);
        }
        return out;
    }
}

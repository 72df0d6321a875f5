package cn.sanbao.intake;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a CSV upload: UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GB18030. */
final class CsvGridReader {

    static final Charset GB18030 = Charset.forName("GB18030");

    private CsvGridReader() {
    }

    static Grid read(String fileName, byte[] bytes) {
        String text = decode(bytes);
        if (text.isBlank()) throw IntakeRejectedException.of(fileName, null, "文件为空");
        List<List<Grid.Cell>> rows = new ArrayList<>();
        // empty lines are kept so that record number == line number in a text editor
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : parser) {
                List<Grid.Cell> row = new ArrayList<>(r.size());
                for (String v : r) row.add(v.isBlank() ? Grid.Cell.BLANK : new Grid.Cell(Grid.Kind.TEXT, v.trim(), null));
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw IntakeRejectedException.of(fileName, null, "CSV 格式错误：" + e.getMessage());
        }
        return new Grid(fileName, null, false, rows, List.of());
    }

    /** Valid UTF-8 → UTF-8 (BOM dropped); anything else is taken as GB18030, which Excel in China writes. */
    static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, GB18030);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}

package cn.sanbao.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import cn.sanbao.demo.DemoCatalogue;
import cn.sanbao.demo.DemoDataGenerator;
import cn.sanbao.demo.DemoFact;

/**
 * Writes demo data as a facts CSV for the {@code score} command. The shipped sample
 * samples/facts/demo-2021-03.csv is {@code render(new DemoDataGenerator(), "2021", "2021-03")};
 * a test keeps the two equal.
 *
 * <pre>java -cp … cn.sanbao.cli.DemoFactsExport samples/facts/demo-2021-03.csv 2021 2021-03</pre>
 */
public final class DemoFactsExport {

    private DemoFactsExport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("用法：DemoFactsExport 输出.csv 期间… （如 2021 2021-03）");
            System.exit(2);
        }
        String text = render(new DemoDataGenerator(), List.of(args).subList(1, args.length).toArray(String[]::new));
        Files.writeString(Path.of(args[0]), text, StandardCharsets.UTF_8);
    }

    /** The generator's facts of the given periods (codes as in the file), with unit names; BOM, LF line ends. */
    public static String render(DemoDataGenerator generator, String... periods) {
        Set<String> wanted = Set.of(periods);
        Map<String, String> names = new LinkedHashMap<>();
        for (DemoCatalogue.Unit u : generator.units()) names.put(u.code(), u.name());
        StringWriter text = new StringWriter();
        text.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(FactsReader.UNIT, FactsReader.UNIT_NAME, FactsReader.PERIOD, FactsReader.ITEM, FactsReader.VALUE);
            for (DemoFact f : generator.generate()) {
                if (wanted.contains(f.period()))
                    csv.printRecord(f.unitCode(), names.get(f.unitCode()), f.period(), f.itemCode(), f.amount().toPlainString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}

package cn.sanbao.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void formulaCellsBecomeTextAndCommasAreQuoted() {
        String text = CsvWriter.text(List.of("name", "amount"), List.of(
                Arrays.asList("=HYPERLINK(\"http://x\",\"点我\")", "-12.50"),
                Arrays.asList("+1+2", "+3"), Arrays.asList("@SUM(A1)", null), Arrays.asList("-A1", "0"),
                Arrays.asList("\tcmd", "1"), Arrays.asList("\rcmd", "1"), Arrays.asList("工资,津贴", "7"),
                Arrays.asList("普通\"引号\"", "8")));
        assertThat(text.split("\r\n")).containsExactly(
                "name,amount",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",-12.50",
                "'+1+2,+3",
                "'@SUM(A1),",
                "'-A1,0",
                "'\tcmd,1",
                "\"'\rcmd\",1",
                "\"工资,津贴\",7",
                "\"普通\"\"引号\"\"\",8");
    }

    @Test
    void whatItWritesReadsBackUnchanged() {
        List<String> names = List.of("=1+1", "-负数开头", "@人", "工资,津贴", "普通");
        String text = CsvWriter.text(List.of("name", "n"), names.stream().map(n -> List.<Object>of(n, -5)).toList());
        CsvFile file = CsvFile.read("t.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), List.of("name", "n"));
        assertThat(file.rows()).extracting(r -> r.get("name")).containsExactlyElementsOf(names);
        assertThat(file.rows()).extracting(r -> r.get("n")).containsOnly("-5");
    }
}

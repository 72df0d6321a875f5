package cn.sanbao.intake;

import java.util.Comparator;
import java.util.List;

/** A file or push was refused as a whole; nothing was stored. Carries every problem found. */
public class IntakeRejectedException extends RuntimeException {

    private final List<Finding> findings;

    public IntakeRejectedException(List<Finding> findings) {
        super("数据未保存，共 " + findings.size() + " 处错误：" + findings.stream().limit(5).map(Finding::text)
                .reduce((a, b) -> a + "；" + b).orElse(""));
        // in reading order: sheet, then row
        this.findings = findings.stream().sorted(Comparator.comparingInt(Finding::row)).toList();
    }

    public static IntakeRejectedException of(String file, Location at, String reason) {
        return new IntakeRejectedException(List.of(Finding.at(file, at, reason)));
    }

    public List<Finding> findings() { return findings; }
}

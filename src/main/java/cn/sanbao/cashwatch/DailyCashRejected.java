package cn.sanbao.cashwatch;

import cn.sanbao.intake.Finding;

import java.util.List;

/** Refused input: nothing stored. Findings name file (or connector and query), row, column and reason; at most 200. */
public class DailyCashRejected extends RuntimeException {

    /** The store stops checking after this many problems. */
    public static final int MAX_FINDINGS = 200;

    private final List<Finding> findings;

    public DailyCashRejected(List<Finding> findings) {
        super("库款日报未保存，共 " + findings.size() + " 处错误：" + findings.stream().limit(5).map(Finding::text)
                .reduce((a, b) -> a + "；" + b).orElse(""));
        this.findings = List.copyOf(findings.subList(0, Math.min(MAX_FINDINGS, findings.size())));
    }

    public List<Finding> findings() { return findings; }
}

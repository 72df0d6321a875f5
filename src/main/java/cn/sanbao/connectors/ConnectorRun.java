package cn.sanbao.connectors;

import java.time.LocalDateTime;

/** One run of a connector (scheduled, manual, retry or dry run) and what it did. */
public record ConnectorRun(long id, long connectorId, String connectorName, String trigger, String period, Status status,
                           long rows, Long revisionId, Long duplicateOf, String message, String startedBy,
                           LocalDateTime startedAt, LocalDateTime finishedAt) {

    public enum Status {
        RUNNING("进行中"), STORED("已保存"), UNCHANGED("无变化，未保存"), REJECTED("未通过校验"), FAILED("失败"), DRY_RUN("试运行");

        private final String label;

        Status(String label) { this.label = label; }

        public String label() { return label; }
    }

    public static String triggerLabel(String trigger) {
        return switch (trigger) {
            case "SCHEDULE" -> "定时";
            case "RETRY" -> "失败重试";
            case "MANUAL" -> "手动";
            case "DRY_RUN" -> "试运行";
            default -> trigger;
        };
    }
}

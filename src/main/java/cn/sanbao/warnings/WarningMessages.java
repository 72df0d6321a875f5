package cn.sanbao.warnings;

import java.time.LocalDate;
import java.util.List;

/** Texts of the outbox messages of one warning, per channel. */
final class WarningMessages {

    private WarningMessages() {
    }

    static String subject(String unitName, String periodLabel, String letterNo) {
        return "三保运行风险提示函 " + letterNo + "（" + unitName + " " + periodLabel + "）";
    }

    static String body(String channel, String unitName, String periodLabel, String gradeName, List<String> causes,
                       EscalationLevel escalation, LocalDate planDeadline, String letterNo) {
        String esc = escalation == null ? "" : "，已连续处于高度风险，按规定予以" + escalation.label();
        return switch (channel) {
            case "SMS" -> "【三保预警】" + unitName + periodLabel + "三保运行监测等级为" + gradeName + esc
                    + "。请于" + planDeadline + "前反馈整改方案。提示函 " + letterNo + "。";
            case "WECHAT" -> "### 三保运行风险预警\n> 单位：**" + unitName + "**\n> 期间：" + periodLabel
                    + "\n> 等级：<font color=\"warning\">" + gradeName + "</font>" + (escalation == null ? "" : "\n> 升级处置：" + escalation.label())
                    + "\n> 主要问题：" + String.join("；", causes.stream().limit(3).toList())
                    + "\n> 反馈期限：" + planDeadline + "\n> 提示函：" + letterNo;
            default -> unitName + "：\n\n" + periodLabel + "三保运行监测结果显示，你单位监测等级为" + gradeName + esc + "。主要问题：\n"
                    + String.join("\n", causes.stream().map(c -> "  - " + c).toList())
                    + "\n\n请于" + planDeadline + "前登录三保运行监测预警平台反馈整改方案。提示函文号：" + letterNo + "。";
        };
    }
}

package cn.sanbao.warnings.letter;

import java.util.List;

/** A filled-in 提示函, ready to lay out: GB/T 9704 parts in order. */
public record Letter(String docNo, String title, String recipient, List<String> paragraphs, String office, String date,
                     String unitName, String fileBaseName) {
}

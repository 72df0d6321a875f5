package cn.sanbao.audit;

/**
 * Result of verifying the audit chain: records checked, anchors outside the database that matched, and when
 * broken the first record found wrong ({@code brokenId}, null when no single record is to blame) and why in
 * Chinese (naming the record's time, actor and action).
 */
public record ChainCheck(long checked, long anchors, Long brokenId, String reason) {

    public boolean intact() {
        return brokenId == null && reason == null;
    }
}
